"""What the commands share: resolving the plan, printing which one is used, exiting."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import typer

from plan744.resources import defaults

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


def fail_usage(message: str) -> "typer.Exit":
    from rich.console import Console
    from rich.markup import escape

    Console(file=sys.stderr, highlight=False, soft_wrap=True).print(f"[red]Lỗi:[/red] {escape(message)}")
    return typer.Exit(EXIT_USAGE)
