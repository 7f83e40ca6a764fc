"""`plan744 validate PATH...`: check units' reports against the plan."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

from plan744 import clock
from plan744.cli.console import EXIT_INVALID, EXIT_OK, choose_plan, load_checked_plan
from plan744.cli.options import parse_choice, plan_option
from plan744.cli.vi import Command

FORMATS = ("auto", "text", "json", "github")
PROGRESS_FROM = 200  # files; below this a run is too short for a progress bar to help

app = typer.Typer(add_completion=False)


@app.command(cls=Command)
def validate(
    paths: list[str] = typer.Argument(..., metavar="ĐƯỜNG_DẪN",
                                      help="Tệp (.yaml, .xlsx), thư mục (duyệt cả thư mục con) hoặc mẫu glob, ví dụ data/reports/2022."),
    plan: Path | None = plan_option(),
    fmt: str = typer.Option("auto", "--format", "-f", metavar="ĐỊNH_DẠNG",
                            help="auto (github khi chạy trên GitHub Actions, còn lại text), text, json hoặc github."),
    strict: bool = typer.Option(False, "--strict", help="Coi cảnh báo như lỗi (mã thoát 1)."),
    context: bool = typer.Option(True, "--context/--no-context",
                                 help="Đọc các báo cáo khác trong cùng thư mục số liệu để kiểm tra lũy kế, "
                                      "trùng lặp, biến động (mặc định: có)."),
) -> None:
    """Kiểm tra báo cáo của đơn vị: chỉ rõ lỗi ở tệp nào, dòng nào (ô nào), và cách sửa.

    Mã thoát: 0 hợp lệ, 1 có lỗi (hoặc có cảnh báo khi dùng --strict), 2 dùng sai lệnh.
    """
    import gc

    from plan744.cli.reporters import emit, resolve_format
    from plan744.core.findings import has_errors
    from plan744.core.messages import capped, make
    from plan744.readers.files import as_shown, discover
    from plan744.services.validate import validate_files

    fmt = resolve_format(parse_choice(fmt, FORMATS, "--format"), dict(os.environ))
    choice = choose_plan(plan)
    loaded = load_checked_plan(choice, fmt)
    the_plan, key = loaded.plan, loaded.key
    assert the_plan is not None
    found = discover(paths)
    as_shown(found.files)
    files, findings = found.files, found.findings
    if not files:
        findings.append(make("no-files", where=", ".join(paths)))
    # Nothing made while checking forms reference cycles worth collecting mid-run; the
    # collector's repeated scans of the growing heap would cost more than the parsing.
    gc.disable()
    try:
        if fmt == "text" and len(files) >= PROGRESS_FROM and sys.stderr.isatty():
            from rich.progress import Progress

            with Progress(transient=True) as bar:
                task = bar.add_task("Đang kiểm tra", total=len(files))
                _, more = validate_files(the_plan, files, today=clock.today(), with_context=context,
                                         progress=lambda: bar.advance(task), plan_key=key)
        else:
            _, more = validate_files(the_plan, files, today=clock.today(), with_context=context, plan_key=key)
    finally:
        gc.enable()
    findings += more
    emit(capped(findings), len(files), fmt, header=choice.describe(), skipped=found.skipped, plan=str(choice.path))
    raise typer.Exit(EXIT_INVALID if has_errors(findings, strict) else EXIT_OK)
