"""`plan744 doctor`: is this machine ready to write the PDF report?"""

from __future__ import annotations

import typer

from plan744.cli.vi import Command

app = typer.Typer(add_completion=False)


@app.command(cls=Command)
def doctor() -> None:
    """Kiểm tra máy có đủ thư viện và phông chữ để xuất PDF đúng; chỉ cách khắc phục phần còn thiếu."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from plan744.doctor import run_checks

    checks = run_checks()
    table = Table(title="plan744 doctor")
    for col in ("Thành phần", "Tình trạng", "Chi tiết", "Cách khắc phục"):
        table.add_column(col)
    for c in checks:
        mark = "[green]đạt[/green]" if c.ok else ("[red]thiếu[/red]" if c.essential else "[yellow]nên có[/yellow]")
        table.add_row(c.name, mark, escape(c.detail), "" if c.ok else escape(c.fix))
    Console(highlight=False, emoji=False).print(table)
    raise typer.Exit(0 if all(c.ok for c in checks if c.essential) else 1)
