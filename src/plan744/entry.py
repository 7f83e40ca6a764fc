"""The `plan744` command. `validate`, run on every commit and by every unit, takes a fast
path that does not import typer (about 0.2 s of start-up); everything else, and any
`validate` call the fast path does not fully understand, goes to the typer application,
which also prints the help and the usage errors."""

from __future__ import annotations

import argparse
import sys


class _NotFast(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _NotFast(message)


def _fast_validate(argv: list[str]) -> int | None:
    if not argv or argv[0] != "validate" or any(a in ("-h", "--help") for a in argv):
        return None
    parser = _Parser(add_help=False, allow_abbrev=False)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--plan")
    parser.add_argument("--format", "-f", default="auto")
    parser.add_argument("--strict", action="store_true")
    parser.add_argument("--context", action=argparse.BooleanOptionalAction, default=True)
    try:
        args = parser.parse_args(argv[1:])
    except _NotFast:
        return None  # typer explains the mistake, in Vietnamese
    from pathlib import Path

    from plan744.cli.console import internal_error
    from plan744.cli.validate_run import run_validate

    try:
        return run_validate(args.paths, Path(args.plan) if args.plan else None, args.format, args.strict, args.context)
    except Exception as exc:  # noqa: BLE001 - the last line of defence, as in plan744.cli.main
        return internal_error(exc)


def main() -> None:
    code = _fast_validate(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from plan744.cli.app import main as full

    full()
