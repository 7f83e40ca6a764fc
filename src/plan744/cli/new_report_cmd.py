"""`plan744 new-report`: a ready-to-fill report for one unit and one year."""

from __future__ import annotations

from pathlib import Path

import typer

from plan744.cli.console import choose_plan, load_plan_or_exit, say
from plan744.cli.options import parse_choice, parse_year, plan_option
from plan744.cli.vi import Command, UsageProblem

app = typer.Typer(add_completion=False)


@app.command(cls=Command)
def new_report(
    unit: str = typer.Option(..., "--unit", "-u", metavar="MÃ",
                             help="Mã đơn vị, ví dụ STTTT (xem danh sách: plan744 plan show)."),
    year: str | None = typer.Option(None, "--year", "-y", metavar="NĂM", help="Năm báo cáo, ví dụ 2022."),
    period: str | None = typer.Option(None, "--period", "-p", metavar="KỲ",
                                      help="Thay cho --year: biểu mẫu báo cáo tiến độ nhiệm vụ của một kỳ, ví dụ 2026-Q3 "
                                           "(chỉ --format xlsx)."),
    out: Path | None = typer.Option(None, "--out", "-o", metavar="TỆP",
                                    help="Tệp sẽ ghi (mặc định: <thư mục báo cáo>/<năm>/<mã đơn vị>.yaml hoặc .xlsx; thư mục báo cáo là "
                                         "khóa data của plan744.toml, nếu không có thì data/reports)."),
    fmt: str = typer.Option("yaml", "--format", "-f", metavar="ĐỊNH_DẠNG",
                            help="yaml (tệp văn bản cho kho dữ liệu) hoặc xlsx (biểu mẫu Excel cho cán bộ đơn vị điền)."),
    force: bool = typer.Option(False, "--force", help="Ghi đè nếu tệp đã có."),
    plan: Path | None = plan_option(),
) -> None:
    """Tạo tệp báo cáo mẫu cho một đơn vị và một năm (YAML hoặc biểu mẫu Excel), có sẵn mọi mục cần điền và lời hướng dẫn."""
    from plan744 import clock
    from plan744.core.messages import make
    from plan744.core.obligation import UNKNOWN_UNIT, obligation
    from plan744.core.submission_checks import absence
    from plan744.core.suggest import closest
    from plan744.intake.registry import INTAKES, Form
    from plan744.outputs import OutputError, write_atomic

    if (year is None) == (period is None):
        raise UsageProblem("cần đúng một trong hai tùy chọn: --year (báo cáo năm) hoặc --period (báo cáo tiến độ).",
                           "plan744 new-report")
    if period is not None:  # a task status report's form (issue 27)
        from plan744.cli.status_form_cmd import status_form

        return status_form(unit, period, out, "xlsx" if fmt == "yaml" else fmt, force, plan)
    intake = INTAKES[parse_choice(fmt, tuple(INTAKES), "--format")]
    suffix = intake.suffix
    the_year = parse_year(year)
    assert the_year is not None
    choice = choose_plan(plan)
    p = load_plan_or_exit(choice)
    owed = obligation(p, unit, the_year)
    if owed.reason == UNKNOWN_UNIT:
        guess = closest(unit, p.units_by_code)
        hint = f" Có phải ý là “{guess}”?" if guess else ""
        raise UsageProblem(f"không có đơn vị mã “{unit}” trong kế hoạch.{hint}", "plan744 new-report")
    if not owed.in_period:
        raise UsageProblem(f"năm {the_year} nằm ngoài giai đoạn {p.period.start}–{p.period.end} của kế hoạch.",
                           "plan744 new-report")
    why = absence(p, owed)
    if why is not None:
        raise UsageProblem(make(why[0], **why[1]).message, "plan744 new-report")
    target = out or _reports_folder() / str(the_year) / f"{unit}{suffix}"
    if target.suffix.lower() != suffix:
        raise UsageProblem(f"tệp {target} phải có đuôi {suffix} (đúng với --format).", "plan744 new-report")
    if target.exists() and not force:
        raise UsageProblem(f"tệp {target} đã có; dùng --force để ghi đè, hoặc --out để chọn tệp khác.", "plan744 new-report")
    content = intake.write(Form(p, unit, the_year, target, clock.now()))
    try:
        write_atomic(target, content)
    except OutputError as exc:
        raise UsageProblem(str(exc), "plan744 new-report") from None
    say(choice.describe())
    typer.echo(intake.made.format(target=target))


def _reports_folder() -> Path:
    """The units' reports folder of the data repository (`data` in plan744.toml), found by the
    same rule as the plan."""
    from plan744.readers.project import SettingsError, defaults

    try:
        return defaults().reports
    except SettingsError as exc:
        raise UsageProblem(f"tệp cài đặt: {exc}.", "plan744 new-report") from None
