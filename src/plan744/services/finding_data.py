"""A finding as plain JSON data and back, for the user's cache (`usercache`): entries are data,
read back by this decoder, which refuses anything that is not a finding of ours."""

from __future__ import annotations

from plan744.core.findings import Finding, Place, Severity


def to_data(f: Finding) -> list:
    return [f.code, f.severity.value, f.message, f.file, f.line, f.column, list(f.path), f.value, f.cell, list(f.fixes)]


def from_data(data: object) -> Finding:
    """The finding `to_data` gave; ValueError (or TypeError) for anything else."""
    if not isinstance(data, list) or len(data) != 10:
        raise ValueError("not a finding")
    code, severity, message, file, line, column, path, value, cell, fixes = data
    if not all(isinstance(x, str) for x in (code, message, file, cell, *fixes)) or not isinstance(value, str | None):
        raise ValueError("not a finding")
    if not isinstance(path, list) or not all(isinstance(p, str | int) for p in path):
        raise ValueError("not a finding")
    place = Place.of_reference(cell) if cell else Place(int(line), int(column))
    return Finding(code, Severity(severity), message, file, place, tuple(path), value, tuple(fixes))
