"""`plan744 convert`: a unit's report from its Excel form to YAML (for the data repository), or
from YAML to the Excel form (to send a corrected report back); the annual report and the task
status report (issue 27) alike. Only a report that passes
`validate` is converted, so the file written holds exactly what was checked."""

from __future__ import annotations

from pathlib import Path

import typer

from plan744.cli.console import EXIT_INVALID, choose_plan, load_plan_or_exit, say
from plan744.cli.options import plan_option
from plan744.cli.vi import Command, UsageProblem

app = typer.Typer(add_completion=False)

CONVERTS_TO = {"xlsx": "yaml", "yaml": "xlsx"}  # intake -> the intake it is converted to


@app.command(cls=Command)
def convert(
    source: Path = typer.Argument(..., metavar="TỆP", help="Báo cáo của đơn vị: biểu mẫu .xlsx hoặc tệp .yaml."),
    out: Path | None = typer.Option(None, "--out", "-o", metavar="TỆP",
                                    help="Tệp sẽ ghi (mặc định: cùng tên, đuôi .yaml hoặc .xlsx, cùng thư mục)."),
    force: bool = typer.Option(False, "--force", help="Ghi đè nếu tệp đã có."),
    plan: Path | None = plan_option(),
) -> None:
    """Chuyển báo cáo của đơn vị giữa biểu mẫu Excel (.xlsx) và tệp YAML, giữ nguyên mọi số liệu."""
    from plan744 import clock
    from plan744.cli.reporters import emit
    from plan744.core.findings import has_errors
    from plan744.core.messages import capped
    from plan744.core.status_report import StatusReport
    from plan744.core.vnformat import format_day
    from plan744.intake.registry import INTAKES, Form, Intake, intake_for
    from plan744.outputs import OutputError, write_atomic
    from plan744.readers.files import discover
    from plan744.services.validate import validate_files

    given = intake_for(source.name)
    if not isinstance(given, Intake) or given.name not in CONVERTS_TO:
        raise UsageProblem(f"chỉ chuyển được tệp .xlsx hoặc .yaml, không phải “{source.name}”.", "plan744 convert")
    into = INTAKES[CONVERTS_TO[given.name]]
    target = out or source.with_suffix(into.suffix)
    if intake_for(target.name) != into:
        raise UsageProblem(f"tệp ghi ra phải có đuôi {into.suffix}, không phải “{target.name}”.", "plan744 convert")
    if target.exists() and not force:
        raise UsageProblem(f"tệp {target} đã có; dùng --force để ghi đè, hoặc --out để chọn tệp khác.", "plan744 convert")
    choice = choose_plan(plan)
    the_plan = load_plan_or_exit(choice)
    found = discover([str(source)])
    # One file on its own: its twin in the other format beside it is not a duplicate report.
    parsed, findings = validate_files(the_plan, found.files, today=clock.today(), with_context=False, keep=True)
    findings = found.findings + findings
    if has_errors(findings) or (not parsed and not _is_status_report(source)):
        emit(capped(findings), len(found.files), "text", header=choice.describe())
        say("Chưa chuyển: cần sửa các lỗi trên trước (không tệp nào được ghi).")
        raise typer.Exit(EXIT_INVALID)
    header = (f"# Chuyển từ biểu mẫu Excel {source.name} bằng plan744 convert ngày {format_day(clock.today())}.",)
    if parsed:
        sub = parsed[0].submission
        content = into.write(Form(the_plan, sub.unit, sub.year, target, clock.now(), sub.model_dump(), header))
    else:  # a task status report (issue 27): checked by validate_files too, converted by its own shape
        from plan744.cli.convert_status import status_xlsx, status_yaml
        from plan744.readers.status_yaml import read_status_file

        filed, _ = read_status_file(source)
        if filed is None:  # not read the second time (the file changed meanwhile): said, nothing written
            say(f"Chưa chuyển: không đọc được báo cáo tiến độ trong {source}; chạy plan744 validate {source} để xem lỗi.")
            raise typer.Exit(EXIT_INVALID)
        report = filed.report
        assert isinstance(report, StatusReport)
        content = (status_yaml(report, header) if into.name == "yaml"
                   else status_xlsx(the_plan, report, target, clock.now()))
    try:
        write_atomic(target, content)
    except OutputError as exc:
        raise UsageProblem(str(exc), "plan744 convert") from None
    say(choice.describe())
    warnings = [f for f in findings if not f.is_error]
    if warnings:
        emit(capped(warnings), 1, "text")
    typer.echo(f"Đã ghi {target}.")


def _is_status_report(source: Path) -> bool:
    """Whether the file is a unit's task status report (a status form, or YAML with `progress`)."""
    from plan744.core.status_marker import is_status_report
    from plan744.intake.read import read_report_file

    return is_status_report(read_report_file(source).data)
