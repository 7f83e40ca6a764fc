"""`plan744 report --quarter 2026-Q3 [--as-of NGÀY]`: the quarterly progress report of a plan whose
tasks have deadlines (issue 27), from the units' status reports, in the formats of `report`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from plan744.cli.console import EXIT_OK, Progress, choose_plan, say
from plan744.cli.vi import UsageProblem
from plan744.cli.writing import inside, write_outcome


def quarter_report(quarter: str, as_of: dt.date | None, formats: tuple[str, ...], out: Path | None, plan: Path | None,
                   data: Path | None, templates: Path | None, issuance: object, annual: Path | None = None) -> None:
    from plan744.core.progress import completion_line
    from plan744.core.status_report import parse_period
    from plan744.core.vnformat import format_day
    from plan744.outputs import OutputError, check_target_dir
    from plan744.readers.project import defaults, template_dirs
    from plan744.report.compose_common import Issuance
    from plan744.report.formats import FORMATS
    from plan744.services.quarter import QuarterRequest, build_quarter

    period = parse_period(quarter)
    if period is None or period.every != "quarter":
        raise UsageProblem(f"--quarter viết dạng năm-Q số quý, ví dụ 2026-Q3; gặp “{quarter}”.")
    if as_of is not None and as_of < period.start:
        raise UsageProblem(f"--as-of {format_day(as_of)} sớm hơn ngày đầu kỳ {period.key} ({format_day(period.start)}).")
    choice = choose_plan(plan)
    d = defaults()
    folder = data or d.reports.parent / "tracking"
    templates_dir = templates or d.templates
    if not templates_dir.is_dir():
        raise UsageProblem(f"không có thư mục mẫu “{templates_dir}”; bỏ --templates để dùng mẫu đi kèm.")
    assert isinstance(issuance, Issuance)
    if annual is not None and not annual.is_dir():
        raise UsageProblem(f"không có thư mục báo cáo năm “{annual}”; bỏ --reports để dùng thư mục trong cài đặt.")
    from plan744.cli.tasks_cmd import annual_folder  # the same default as `plan744 tasks`

    req = QuarterRequest(choice.path, folder, period.key, formats, template_dirs(templates_dir), as_of=as_of,
                         issuance=issuance, annual_dir=annual_folder(choice.path, annual))
    out_dir = out or d.out
    if inside(out_dir, folder):  # the next run would read the workbook written as a unit's report
        raise UsageProblem(f"thư mục ghi báo cáo “{out_dir}” nằm trong thư mục báo cáo tiến độ “{folder}”; hãy chọn --out "
                           "ở ngoài thư mục đó.")
    try:
        check_target_dir(out_dir, tuple(f"{req.stem}{s}" for f in formats for s in FORMATS[f].suffixes))
    except OutputError as exc:
        raise UsageProblem(str(exc)) from None
    say(choice.describe())
    Progress().step(f"Đọc và kiểm tra báo cáo tiến độ trong {folder}…")
    outcome = build_quarter(req)
    paths = write_outcome(outcome, out_dir)
    q = outcome.figures
    assert q is not None  # a written report has its figures
    typer.echo(f"Đến ngày {format_day(q.as_of)}: {completion_line(q.progress.plan)}.")
    from plan744.cli.tasks_cmd import targets_sentence

    typer.echo(targets_sentence(q.targets[""], (q.met_year or q.year) if q.met_known else None))
    for path in paths:
        typer.echo(f"Đã ghi {path}")
    raise typer.Exit(EXIT_OK)
