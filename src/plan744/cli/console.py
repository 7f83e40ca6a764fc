"""Typer-free pieces of the command line: exit codes, the plan in use, status lines.

`plan744 validate` runs on these alone (see plan744.entry) so that a check of one file
does not pay for importing typer.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from plan744.readers.project import defaults

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2

PLAN_HELP = "Tệp kế hoạch (mặc định: data/plan.yaml của thư mục mã nguồn, hoặc bản đi kèm gói)."


@dataclass(frozen=True)
class PlanChoice:
    path: Path
    origin: str

    def describe(self) -> str:
        return f"Kế hoạch: {self.path} ({self.origin})"


def choose_plan(plan: Path | None) -> PlanChoice:
    if plan is not None:
        return PlanChoice(plan, "chỉ định bằng --plan")
    d = defaults()
    return PlanChoice(d.plan, d.origin)


def say(text: str) -> None:
    """A short status line for people, on stderr so stdout stays machine-readable."""
    from rich.console import Console
    from rich.markup import escape

    Console(file=sys.stderr, highlight=False, soft_wrap=True).print(escape(text), style="dim")


def error(message: str) -> None:
    from rich.console import Console
    from rich.markup import escape

    Console(file=sys.stderr, highlight=False, soft_wrap=True).print(f"[red]Lỗi:[/red] {escape(message)}")


def internal_error(exc: BaseException) -> int:
    """A bug of ours: one clean line, the traceback only with --debug. Returns the exit code."""
    if "--debug" in sys.argv:
        raise exc
    sys.stderr.write(
        f"Lỗi nội bộ của plan744 ({exc.__class__.__name__}: {exc}). "
        "Chạy lại với --debug để xem chi tiết và gửi cho nhóm phát triển.\n"
    )
    return 3
