"""Read a department's notes file (`core.notes.ReportNotes`) as strictly as a unit's report:
every mistake is a finding with its file, line and column, never an exception.

A report's notes are found by its name in the notes folder (`Defaults.notes`, the key `notes`
of plan744.toml): `2025.yaml` for the annual report of 2025, `2021-2025.yaml` for the
close-out. No file there is no notes: the report keeps its placeholders.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from plan744.core.findings import Finding
from plan744.core.model_findings import validate_model
from plan744.core.notes import ReportNotes
from plan744.intake.registry import INTAKES
from plan744.readers.files import ReadRefused, display_path, read_bounded
from plan744.readers.yaml_source import MAX_BYTES, load_yaml


@dataclass
class NotesOutcome:
    """The notes read from `file` (None if invalid), and what is wrong with them."""

    file: Path
    notes: ReportNotes | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.notes is not None and not any(f.is_error for f in self.findings)


def notes_name(start: int, end: int) -> str:
    """The file name of a report's notes: "2025.yaml" for a year, "2021-2025.yaml" for a span."""
    stem = str(start) if start == end else f"{start}-{end}"
    return stem + INTAKES["yaml"].suffix


def notes_file(where: Path, start: int, end: int) -> Path | None:
    """The notes file of a report: `where` itself if it is a file, else its file by name in the
    folder `where`; None if there is none."""
    if where.is_file():
        return where
    path = where / notes_name(start, end)
    return path if path.is_file() else None


def read_notes(path: Path) -> NotesOutcome:
    shown = display_path(path)
    try:
        raw = read_bounded(path, MAX_BYTES, too_large_code="yaml-too-large", shown=shown)
    except ReadRefused as exc:
        return NotesOutcome(path, None, [exc.finding])
    doc = load_yaml(raw, shown)
    if doc.data is None:
        return NotesOutcome(path, None, doc.findings)
    model, findings = validate_model(ReportNotes, doc.data, doc.source)
    notes = model if isinstance(model, ReportNotes) else None
    return NotesOutcome(path, notes, doc.findings + findings)
