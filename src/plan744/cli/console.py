"""What every command shares: exit codes, the plan in use and how it is loaded, status lines on
stderr, output streams that never fail on a character, and the last line of defence."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from plan744.core.text import for_terminal

if TYPE_CHECKING:
    from plan744.core.plan import Plan
    from plan744.services.plans import PlanLoad

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3


@dataclass(frozen=True)
class PlanChoice:
    path: Path
    origin: str

    def describe(self) -> str:
        return f"Kế hoạch: {self.path} ({self.origin})"


def choose_plan(plan: Path | None) -> PlanChoice:
    from plan744.cli.vi import UsageProblem
    from plan744.readers.project import SettingsError, defaults

    if plan is not None:
        return PlanChoice(plan, "chỉ định bằng --plan")
    try:
        d = defaults()
    except SettingsError as exc:
        raise UsageProblem(f"tệp cài đặt: {exc}.") from None
    return PlanChoice(d.plan, d.origin)


def load_plan_or_exit(choice: PlanChoice, fmt: str = "text") -> Plan:
    """The plan, or the exit that `PlanLoad.usable` (the one policy) says."""
    plan = load_checked_plan(choice, fmt).plan
    assert plan is not None  # load_checked_plan exits otherwise
    return plan


def load_checked_plan(choice: PlanChoice, fmt: str = "text") -> PlanLoad:
    """`load_plan_or_exit`, keeping what the load knows besides the plan (its cache key)."""
    import typer

    from plan744.cli.reporters import emit
    from plan744.services.plans import load_plan

    loaded = load_plan(choice.path)
    if not loaded.usable:  # the policy of `PlanLoad.usable`
        emit(loaded.errors, 0, fmt, header=f"{choice.describe()}: tệp kế hoạch có lỗi (xem plan744 plan check), chưa thể làm tiếp.")
        raise typer.Exit(EXIT_INVALID)
    return loaded


def say(text: str) -> None:
    """A short status line for people, on stderr so stdout stays machine-readable."""
    sys.stderr.write(for_terminal(text) + "\n")
    sys.stderr.flush()


def error(message: str) -> None:
    sys.stderr.write("Lỗi: " + for_terminal(message) + "\n")


class Progress:
    """Step lines for a long run ("Đang dựng PDF…"), with the time each step took."""

    def __init__(self) -> None:
        self.started = time.monotonic()

    def step(self, text: str) -> None:
        say(f"[{time.monotonic() - self.started:5.1f} s] {text}")


def make_streams_safe() -> None:
    """Never fail on a Vietnamese letter: output redirected to a file is written in UTF-8; a
    terminal that cannot show a character gets an escape instead of an exception."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding == "utf8" or not hasattr(stream, "reconfigure"):
            continue
        try:
            if stream.isatty():
                stream.reconfigure(errors="backslashreplace")
            else:
                stream.reconfigure(encoding="utf-8", errors="backslashreplace")
        except (OSError, ValueError):  # pragma: no cover - a detached stream
            pass


def internal_error(exc: BaseException, debug: bool) -> int:
    """A bug of ours: one clean line, the traceback only with --debug. Returns the exit code."""
    if debug:
        import traceback

        traceback.print_exception(exc)
    else:
        sys.stderr.write(
            f"Lỗi nội bộ của plan744 ({exc.__class__.__name__}: {for_terminal(str(exc))[:300]}). "
            "Chạy lại lệnh với --debug để xem chi tiết và gửi cho nhóm phát triển.\n"
        )
    return EXIT_BUG
