"""The work of `plan744 validate`, without typer: the typer command and the fast path in
plan744.entry both call `run_validate`."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import Sequence

from plan744.cli.console import EXIT_INVALID, EXIT_OK, EXIT_USAGE, choose_plan, error

PROGRESS_FROM = 200  # files; below this a run is too short for a progress bar to help


def run_validate(paths: Sequence[str], plan: Path | None, fmt: str, strict: bool, context: bool) -> int:
    """The whole command; returns the exit code. Shared with the fast path in plan744.entry."""
    import gc

    from plan744.cli.reporters import FORMATS, emit, resolve_format
    from plan744.core.findings import capped, has_errors
    from plan744.core.messages import make
    from plan744.readers.files import discover
    from plan744.readers.loading import load_plan, validate_files

    if fmt not in FORMATS:
        error(f"định dạng “{fmt}” không hợp lệ; chọn một trong: {', '.join(FORMATS)}.")
        return EXIT_USAGE
    fmt = resolve_format(fmt, dict(os.environ))
    choice = choose_plan(plan)
    loaded = load_plan(choice.path, checks=False)
    if loaded.plan is None:
        emit(loaded.findings, 0, fmt, header=f"{choice.describe()}: tệp kế hoạch có lỗi, chưa thể kiểm tra báo cáo.")
        return EXIT_INVALID

    found = discover(paths)
    files, findings = found.files, found.findings
    if not files:
        findings.append(make("no-files", where=", ".join(paths)))
    show_progress = fmt == "text" and len(files) >= PROGRESS_FROM and sys.stderr.isatty()
    # Nothing made while checking forms reference cycles worth collecting mid-run; the
    # collector's repeated scans of the growing heap would cost more than the parsing.
    gc.disable()
    try:
        if show_progress:
            from rich.progress import Progress

            with Progress(transient=True) as bar:
                task = bar.add_task("Đang kiểm tra", total=len(files))
                _, more = validate_files(loaded.plan, files, today=dt.date.today(), with_context=context,
                                         progress=lambda: bar.advance(task))
        else:
            _, more = validate_files(loaded.plan, files, today=dt.date.today(), with_context=context)
    finally:
        gc.enable()
    findings += more
    emit(capped(findings), len(files), fmt, header=choice.describe(), skipped=found.skipped, plan=str(choice.path))
    return EXIT_INVALID if has_errors(findings, strict) else EXIT_OK
