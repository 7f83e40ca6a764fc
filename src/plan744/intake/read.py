"""Reading a file through its intake: bounded, regular files only, parsed by the reader its
suffix names (`intake.registry`), or refused with the reason as a finding."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from plan744.core.findings import SourceMap
from plan744.intake.registry import Refusal, intake_for
from plan744.readers.files import ReadRefused, display_path, read_bounded
from plan744.readers.yaml_source import MAX_BYTES, YamlDocument, load_yaml

_T = TypeVar("_T")


def read_yaml_file(path: Path | str, limit: int = MAX_BYTES, too_large_code: str = "yaml-too-large") -> YamlDocument:
    return read_then(path, limit, too_large_code, lambda raw, shown: load_yaml(raw, shown, limit, too_large_code))


def read_then(path: Path | str, limit: int, too_large_code: str, parse: Callable[[bytes, str], _T]) -> _T | YamlDocument:
    """The file's bytes (bounded, regular files only) parsed by `parse`, or the refusal as a finding."""
    shown = display_path(path)
    try:
        raw = read_bounded(path, limit, too_large_code=too_large_code, shown=shown)
    except ReadRefused as refused:
        return YamlDocument(None, SourceMap(shown), [refused.finding])
    return parse(raw, shown)


def read_report_file(path: Path | str) -> YamlDocument:
    """A unit's report as data with its source map, read by its intake (a YAML file, an Excel
    form), or the reason its type is not read."""
    name = os.path.basename(path)
    intake = intake_for(name)
    if isinstance(intake, Refusal):
        from plan744.core.messages import make

        shown = display_path(path)
        return YamlDocument(None, SourceMap(shown), [make(intake.code, file=shown, name=name)])
    return read_then(path, intake.limit, intake.too_large_code, lambda raw, shown: intake.parse(raw, shown, name))
