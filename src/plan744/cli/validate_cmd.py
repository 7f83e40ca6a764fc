"""`plan744 validate PATH...`: check units' submissions against the plan."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from plan744.cli.common import EXIT_INVALID, EXIT_OK, PLAN_HELP, choose_plan, fail_usage

PROGRESS_FROM = 200  # files; below this a run is too short for a progress bar to help


def validate(
    paths: List[str] = typer.Argument(..., metavar="ĐƯỜNG_DẪN", help="Tệp, thư mục (duyệt cả thư mục con) hoặc mẫu glob, ví dụ data/reports/2022/*.yaml."),
    plan: Optional[Path] = typer.Option(None, "--plan", help=PLAN_HELP),
    fmt: str = typer.Option("auto", "--format", "-f", help="Định dạng: auto (github khi chạy trên GitHub Actions, còn lại text), text, json hoặc github."),
    strict: bool = typer.Option(False, "--strict", help="Coi cảnh báo như lỗi (mã thoát 1)."),
    context: bool = typer.Option(True, "--context/--no-context", help="Đọc các báo cáo khác trong cùng thư mục dữ liệu để kiểm tra lũy kế, trùng lặp, biến động (mặc định: có)."),
) -> None:
    """Kiểm tra báo cáo của đơn vị: chỉ rõ lỗi ở tệp nào, dòng nào, và cách sửa.

    Mã thoát: 0 hợp lệ, 1 có lỗi (hoặc có cảnh báo khi dùng --strict), 2 dùng sai lệnh.
    """
    from plan744.findings import has_errors
    from plan744.loading import discover, load_plan, validate_files
    from plan744.reporters import FORMATS, emit, resolve_format

    if fmt not in FORMATS:
        raise fail_usage(f"định dạng “{fmt}” không hợp lệ; chọn một trong: {', '.join(FORMATS)}.")
    fmt = resolve_format(fmt, dict(os.environ))
    choice = choose_plan(plan)
    loaded = load_plan(choice.path, checks=False)
    if loaded.plan is None:
        emit(loaded.findings, 0, fmt, header=f"{choice.describe()}: tệp kế hoạch có lỗi, chưa thể kiểm tra báo cáo.")
        raise typer.Exit(EXIT_INVALID)

    files, findings = discover(paths)
    show_progress = fmt == "text" and len(files) >= PROGRESS_FROM and sys.stderr.isatty()
    if show_progress:
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task("Đang kiểm tra", total=len(files))
            _, more = validate_files(loaded.plan, files, today=dt.date.today(), with_context=context,
                                     progress=lambda: bar.advance(task))
    else:
        _, more = validate_files(loaded.plan, files, today=dt.date.today(), with_context=context)
    findings += more
    emit(findings, len(files), fmt, header=choice.describe(), plan=str(choice.path))
    raise typer.Exit(EXIT_INVALID if has_errors(findings, strict) else EXIT_OK)
