"""`plan744 hook reports FILE...`: what the pre-commit hook runs (hidden from the help page).

pre-commit passes every changed file its pattern matches; which of them are units' reports is
decided here, by the data repository's settings (the `data` folder of the nearest plan744.toml,
found as every command finds it), not by a fixed path pattern in the hook definition. Moving the
reports folder in plan744.toml is all a repository has to do.
"""

from __future__ import annotations

import os
from pathlib import Path

import typer

from plan744.cli.vi import Command, UsageProblem

app = typer.Typer(add_completion=False)


@app.command(cls=Command, hidden=True)
def hook(
    what: str = typer.Argument(..., metavar="VIỆC", help="reports: kiểm tra các tệp báo cáo trong danh sách."),
    files: list[str] = typer.Argument(None, metavar="TỆP", help="Các tệp pre-commit chuyển vào."),
) -> None:
    """Chạy bởi pre-commit: kiểm tra những tệp thay đổi nằm trong thư mục báo cáo (khóa data của plan744.toml)."""
    from plan744.cli.console import say
    from plan744.cli.validate_cmd import validate
    from plan744.readers.project import SettingsError, defaults

    if what != "reports":
        raise UsageProblem(f"việc “{what}” không có; chỉ có: reports.", "plan744 hook")
    try:
        folder = os.path.realpath(defaults().reports)
    except SettingsError as exc:
        raise UsageProblem(f"tệp cài đặt: {exc}.", "plan744 hook") from None
    reports = [f for f in files or [] if _inside(os.path.realpath(f), folder)]
    if not reports:
        say(f"Không có tệp báo cáo nào thay đổi trong {folder}.")
        raise typer.Exit(0)
    validate(paths=reports, plan=None, fmt="auto", strict=False, context=True)


def _inside(path: str, folder: str) -> bool:
    return Path(path).is_relative_to(folder) and path != folder
