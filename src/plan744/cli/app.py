"""The typer application: parses options and hands plain values to the core. No logic here."""

from __future__ import annotations

import sys

import typer

from plan744.cli import i18n
from plan744.cli.console import internal_error

i18n.install()

from plan744.cli import doctor_cmd, plan_cmd, report_cmd, submission_cmd, validate_cmd  # noqa: E402

app = typer.Typer(
    name="plan744",
    help="Theo dõi thực hiện Kế hoạch 744/KH-UBND: kiểm tra báo cáo của các đơn vị và lập báo cáo tổng hợp hằng năm.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(plan_cmd.app, name="plan")
app.command("validate")(validate_cmd.validate)
app.command("new-report")(submission_cmd.new_report)
app.command("schema")(submission_cmd.schema)
app.command("report")(report_cmd.report)
app.command("doctor")(doctor_cmd.doctor)

_DEBUG = False


@app.callback()
def _root(
    debug: bool = typer.Option(False, "--debug", help="Khi có lỗi nội bộ, in đầy đủ vết lỗi (traceback) để báo cho nhóm phát triển."),
    version: bool = typer.Option(False, "--version", help="In số phiên bản rồi thoát.", is_eager=True),
) -> None:
    global _DEBUG
    _DEBUG = debug
    if version:
        from plan744 import __version__

        typer.echo(f"plan744 {__version__}")
        raise typer.Exit(0)


def main() -> None:
    """Entry point: user errors are clean messages; an internal error keeps its traceback behind --debug."""
    from typer import exceptions as tx
    from typer._click import exceptions as cx

    try:
        rv = app(standalone_mode=False)
    except cx.NoArgsIsHelpError as exc:
        exc.show()  # the help text itself
        sys.exit(exc.exit_code)
    except cx.UsageError as exc:
        command = exc.ctx.command_path if exc.ctx else "plan744"
        sys.stderr.write(f"Lỗi: {i18n.usage_error_message(exc)}\nXem hướng dẫn: {command} --help\n")
        sys.exit(2)
    except cx.ClickException as exc:
        sys.stderr.write(f"Lỗi: {exc.format_message()}\n")
        sys.exit(exc.exit_code)
    except tx.Abort:
        sys.stderr.write("Đã dừng.\n")
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if _DEBUG:
            raise
        sys.exit(internal_error(exc))
    sys.exit(rv if isinstance(rv, int) else 0)
