"""What the report commands (`report --year/--period`, `report --quarter`) share once a report is
built: where it may be written, and writing it all or nothing."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

import typer

from plan744.cli.console import EXIT_INVALID, say
from plan744.core.findings import Finding


class Built(Protocol):
    """A service's outcome (`ReportOutcome`, `QuarterOutcome`): the findings and the files."""

    findings: list[Finding]
    files_checked: int
    outputs: dict[str, bytes]

    @property
    def ok(self) -> bool: ...


def inside(folder: Path, root: Path) -> bool:
    """Whether `folder` is `root` or below it, links resolved (the folders may not exist yet)."""
    a, b = os.path.realpath(folder), os.path.realpath(root)
    return a == b or a.startswith(b.rstrip(os.sep) + os.sep)


def write_outcome(outcome: Built, out_dir: Path) -> list[Path]:
    """The files of a built report written to `out_dir`, every one or none; an outcome with errors
    is told and stops the command (exit 1) before anything is written, its warnings are told."""
    from plan744.cli.reporters import emit
    from plan744.outputs import OutputError, OutputSet

    if not outcome.ok:
        emit(outcome.findings, outcome.files_checked, "text")
        say("Chưa lập báo cáo: cần sửa các lỗi trên trước (không tệp nào được ghi).")
        raise typer.Exit(EXIT_INVALID)
    if outcome.findings:
        emit(outcome.findings, outcome.files_checked, "text")
    try:
        with OutputSet(out_dir) as written:
            for name, content in outcome.outputs.items():
                written.add(name, content)
            return written.commit()
    except OutputError as exc:
        say(f"Chưa ghi báo cáo: {exc} Các tệp cũ trong thư mục vẫn giữ nguyên.")
        raise typer.Exit(EXIT_INVALID) from None
