"""The `plan744` command: one parser (typer), commands loaded only when used.

Each command lives in its own module with a one-command typer app; the root group imports the
module of the command being run and nothing else, so `plan744 validate` never imports the
report renderers, and `plan744 --help` lists every command with its one-line help.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import typer

from plan744.cli.console import EXIT_INVALID, EXIT_USAGE, error, internal_error, make_streams_safe
from plan744.cli.options import SETTINGS_RULE
from plan744.cli.vi import Group, UsageProblem, show_help_if_no_command
from plan744.clock import ClockError

# command name -> module holding `app`, in the order of the help page
COMMANDS = {
    "validate": "plan744.cli.validate_cmd",
    "report": "plan744.cli.report_cmd",
    "new-report": "plan744.cli.new_report_cmd",
    "convert": "plan744.cli.convert_cmd",
    "plan": "plan744.cli.plan_cmd",
    "schema": "plan744.cli.schema_cmd",
    "tasks": "plan744.cli.tasks_cmd",
    "site": "plan744.cli.site_cmd",
    "doctor": "plan744.cli.doctor_cmd",
    "init": "plan744.cli.init_cmd",
    "notes": "plan744.cli.notes_cmd",
    "hook": "plan744.cli.hook_cmd",  # hidden: what the pre-commit hooks run
}


class Root(Group):
    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        """The root help ends with the plan the commands would use here, and how it was chosen."""
        from plan744.cli.console import choose_plan
        from plan744.cli.vi import UsageProblem

        try:
            line = choose_plan(None).describe()
        except UsageProblem as exc:
            line = f"Kế hoạch: chưa xác định ({exc.message})"
        formatter.write_paragraph()
        formatter.write_text(line + f". Đổi bằng --plan, PLAN744_PLAN hoặc {SETTINGS_RULE}; xem: plan744 --verbose.")

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, name: str) -> Any:
        module = COMMANDS.get(name)
        if module is None:
            return None
        command = typer.main.get_command(importlib.import_module(module).app)
        command.name = name
        return command


def _version(value: bool) -> None:
    if value:
        from plan744 import __version__

        typer.echo(f"plan744 {__version__}")
        raise typer.Exit(0)


app = typer.Typer(cls=Root, add_completion=False, pretty_exceptions_enable=False)


@app.callback()
def root(
    ctx: typer.Context,
    version: bool | None = typer.Option(None, "--version", is_eager=True, callback=_version,
                                           help="In số phiên bản rồi thoát."),
    verbose: bool = typer.Option(False, "--verbose", "-v",
                                 help=f"In cài đặt đang dùng ({SETTINGS_RULE}) và các đường dẫn suy ra từ đó; "
                                      "viết được ở bất kỳ đâu trên dòng lệnh."),
) -> None:
    """Theo dõi thực hiện kế hoạch ứng dụng CNTT, chuyển đổi số: kiểm tra báo cáo của các đơn vị
    và lập báo cáo tổng hợp hằng năm, tổng kết giai đoạn."""
    if verbose:
        _print_settings()
    show_help_if_no_command(ctx)


def _print_settings() -> None:
    from plan744.cli.console import say
    from plan744.readers.project import SettingsError, defaults, describe

    try:
        lines = describe(defaults())
    except SettingsError as exc:
        lines = [f"Cài đặt: tệp cài đặt có lỗi ({exc})"]
    for line in lines:
        say(line)


VERBOSE = ("--verbose", "-v")


def _end_of_options(args: list[str]) -> int:
    return args.index("--") if "--" in args else len(args)


def _options_part(args: list[str]) -> list[str]:
    return args[:_end_of_options(args)]


def main(argv: list[str] | None = None) -> None:
    """Entry point. A user's mistake is a clean Vietnamese message (exit 1 or 2); a bug of ours
    is one line, with its traceback behind --debug, typed anywhere on the line (exit 3)."""
    make_streams_safe()
    # pydantic scans every installed package's entry points for plugins the first time it builds
    # a validator (about 20 ms); the command line runs none (typer turns them off for its own).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    args = [a for a in args if a != "--debug"]
    if any(a in VERBOSE for a in _options_part(args)):  # `plan744 validate -v …`: the root option, anywhere
        args = [VERBOSE[0], *(a for i, a in enumerate(args) if a not in VERBOSE or i >= _end_of_options(args))]
    try:
        command = typer.main.get_command(app)
        code = command.main(args=args, prog_name="plan744", standalone_mode=False)
    except UsageProblem as exc:
        error(exc.message)
        sys.stderr.write(f"Xem hướng dẫn: {exc.command_path} --help\n")
        code = EXIT_USAGE
    except ClockError as exc:
        error(str(exc))
        code = EXIT_USAGE
    except typer.Exit as exc:
        code = exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        sys.stderr.write("Đã dừng.\n")
        code = 130
    except typer.TyperException as exc:  # a parser error that escaped a command class
        from plan744.cli.vi import translate

        problem = translate(exc, getattr(exc, "ctx", None))
        error(problem.message)
        code = EXIT_USAGE
    except BrokenPipeError:  # `plan744 … | head`
        code = EXIT_INVALID
    except Exception as exc:
        code = internal_error(exc, debug)
    sys.exit(code if isinstance(code, int) else 0)
