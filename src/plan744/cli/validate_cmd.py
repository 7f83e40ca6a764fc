"""`plan744 validate PATH...`: check units' submissions against the plan."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from plan744.cli.console import PLAN_HELP
from plan744.cli.validate_run import run_validate


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
    raise typer.Exit(run_validate(paths, plan, fmt, strict, context))
