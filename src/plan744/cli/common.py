"""What the commands share: resolving the plan, printing which one is used, exiting."""

from __future__ import annotations

import typer

from plan744.cli.console import (  # noqa: F401 - re-exported for the commands
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    PLAN_HELP,
    PlanChoice,
    choose_plan,
    error,
    say,
)


def fail_usage(message: str) -> "typer.Exit":
    error(message)
    return typer.Exit(EXIT_USAGE)
