"""`plan744 tasks`: the Monday list of overdue tasks and tasks due soon, by lead unit."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from plan744 import clock
from plan744.cli.console import EXIT_INVALID, EXIT_OK, choose_plan, load_plan_or_exit
from plan744.cli.options import parse_choice, parse_date, plan_option
from plan744.cli.vi import Command, UsageProblem

if TYPE_CHECKING:
    from plan744.core.plan import Plan
    from plan744.core.progress import Assessment, Progress, Tally
    from plan744.services.targets_met import AnnualMet

FORMATS = ("text", "json", "csv", "notice")

app = typer.Typer(add_completion=False)


@app.command(cls=Command)
def tasks(
    plan: Path | None = plan_option(),
    data: Path | None = typer.Option(None, "--data", metavar="THƯ_MỤC",
                                        help="Thư mục báo cáo tiến độ của các đơn vị (mặc định: data/tracking)."),
    as_of: str | None = typer.Option(None, "--as-of", metavar="NGÀY",
                                        help="Tính đến ngày này, dạng năm-tháng-ngày (mặc định: hôm nay)."),
    within: int = typer.Option(30, "--within", metavar="SỐ_NGÀY", help="Liệt kê nhiệm vụ đến hạn trong số ngày tới (mặc định 30)."),
    fmt: str = typer.Option("text", "--format", "-f", metavar="ĐỊNH_DẠNG",
                            help="text (bảng), json, csv hoặc notice (văn bản đôn đốc gửi từng đơn vị)."),
    reports: Path | None = typer.Option(None, "--reports", metavar="THƯ_MỤC",
                                        help="Thư mục báo cáo năm của các đơn vị, để tính chỉ tiêu đạt (mặc định: thư mục số liệu "
                                             "trong cài đặt, khi đó là báo cáo của kế hoạch đang dùng)."),
    fail_on_overdue: bool = typer.Option(False, "--fail-on-overdue", help="Mã thoát 1 khi có nhiệm vụ quá hạn (cho lịch chạy tự động)."),
) -> None:
    """Nhiệm vụ quá hạn và sắp đến hạn theo từng đơn vị chủ trì, tính đến một ngày.

    Mã thoát: 0 bình thường, 1 báo cáo tiến độ có lỗi (hoặc có nhiệm vụ quá hạn khi dùng --fail-on-overdue), 2 dùng sai lệnh.
    """
    import sys

    from plan744.cli.reporters import print_text
    from plan744.readers.project import defaults
    from plan744.services.tracking import track

    the_fmt = parse_choice(fmt, FORMATS, "--format")
    day = parse_date(as_of, "--as-of") or clock.today()
    if within < 0:
        raise UsageProblem(f"--within cần một số ngày không âm; gặp {within}.")
    choice = choose_plan(plan)
    the_plan = load_plan_or_exit(choice)
    folder = data or defaults().reports.parent / "tracking"
    if not folder.exists():
        raise UsageProblem(f"không có thư mục báo cáo tiến độ “{folder}”; chỉ định bằng --data.")
    if reports is not None and not reports.is_dir():
        raise UsageProblem(f"không có thư mục báo cáo năm “{reports}”; bỏ --reports để dùng thư mục trong cài đặt.")
    result = track(the_plan, [folder], day)
    if result.findings:  # on stderr: the list on stdout stays readable by a program
        print_text(result.findings, result.files, stream=sys.stderr)
    p = result.progress
    met = _annual(the_plan, choice.path, reports, day)
    if the_fmt == "json":
        typer.echo(json.dumps(as_json(the_plan, p, within, met), ensure_ascii=False, indent=2))
    elif the_fmt == "csv":
        typer.echo(as_csv(the_plan, p, within), nl=False)
    elif the_fmt == "notice":
        typer.echo(notices(the_plan, p, within))
    else:
        show_text(the_plan, p, within, met)
    if any(f.is_error for f in result.findings):
        raise typer.Exit(EXIT_INVALID)
    raise typer.Exit(EXIT_INVALID if fail_on_overdue and p.overdue() else EXIT_OK)


def annual_folder(plan_path: Path, reports: Path | None) -> Path | None:
    """`--reports`, else the settings' folder of annual reports when it exists and the plan in use
    is the settings' plan (that folder holds that plan's reports); else None (no annual figures)."""
    import os

    from plan744.readers.project import SettingsError, defaults

    if reports is not None:
        return reports
    try:
        d = defaults()
    except SettingsError:
        return None
    same = os.path.realpath(plan_path) == os.path.realpath(d.plan)
    return d.reports if same and d.reports.is_dir() else None


def _annual(plan: Plan, plan_path: Path, reports: Path | None, day: dt.date) -> AnnualMet:
    """Which targets were met, from the annual reports; a note on stderr when the reports asked for
    cannot say (the targets line then says "chưa có số liệu", never "chưa đạt")."""
    from plan744.cli.console import say
    from plan744.services.targets_met import AnnualMet, annual_met

    folder = annual_folder(plan_path, reports)
    if folder is None:
        return AnnualMet()
    got = annual_met(plan, folder, day)
    if got.findings and reports is not None:
        why = "báo cáo của kế hoạch khác" if got.other_plan else "có lỗi (kiểm tra bằng plan744 validate)"
        say(f"Báo cáo năm trong {folder}: {why}; chưa tính chỉ tiêu đạt.")
    return got


def _vn(day: object) -> str:
    import datetime as dt

    from plan744.core.vnformat import format_day

    return format_day(day) if isinstance(day, dt.date) else ""


def line(t: Tally) -> str:
    from plan744.core.progress import completion_line

    return completion_line(t)


def _listed(p: Progress, within: int) -> list[tuple[str, Assessment]]:
    """(section, task) of the overdue tasks then those due soon, by unit in the plan's order."""
    return [("overdue", a) for a in p.overdue()] + [("soon", a) for a in p.due_within(within)]


def _by_unit(plan: Plan, rows: list[tuple[str, Assessment]]) -> dict[str, list[tuple[str, Assessment]]]:
    order = {u.code: i for i, u in enumerate(plan.units)}
    out: dict[str, list[tuple[str, Assessment]]] = {}
    def key(r: tuple[str, Assessment]) -> tuple[int, bool, int]:
        return order.get(r[1].unit, len(order)), r[0] != "overdue", -r[1].days if r[0] == "overdue" else r[1].days

    for kind, a in sorted(rows, key=key):
        out.setdefault(a.unit, []).append((kind, a))
    return out


def _short(text: str, limit: int = 90) -> str:
    """A task's name cut at a word boundary for a table row."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _unit_name(plan: Plan, code: str) -> str:
    unit = plan.units_by_code.get(code)
    return unit.name if unit else code


def _status(a: Assessment) -> str:
    from plan744.core.labels import word

    return word(f"tasks.status.{a.status or 'none'}")


def _row(plan: Plan, kind: str, a: Assessment) -> dict[str, object]:
    due = a.due if kind == "overdue" else a.next_due
    return {
        "unit": a.unit, "unit_name": _unit_name(plan, a.unit), "task": a.item.key, "name": a.item.name,
        "area": a.item.area, "deadline": a.item.deadline.text if a.item.deadline else "",
        "due": due.isoformat() if due else None, "occurrence": a.occurrence, "state": a.state if kind == "overdue" else "due_soon",
        "days_late": a.days if kind == "overdue" else 0, "days_left": 0 if kind == "overdue" else None,
        "status": a.status, "reason": a.reason, "evidence": a.evidence, "file": a.file,
    }


def rows(plan: Plan, p: Progress, within: int) -> list[dict[str, object]]:
    out = []
    for _, items in _by_unit(plan, _listed(p, within)).items():
        for kind, a in items:
            r = _row(plan, kind, a)
            if kind != "overdue" and a.next_due is not None:
                r["days_left"] = (a.next_due - p.as_of).days
            out.append(r)
    return out


def targets_text(plan: Plan, p: Progress, met: AnnualMet) -> tuple[Tally, str, str]:
    """The plan's quantitative targets on the date (counted as the annual report counts them), their
    line "hoàn thành X/Y chỉ tiêu (Z/W đến hạn)" when annual figures say which were met, else how
    many are due; and the sentence the text output prints (which says there is no data yet)."""
    from plan744.core.labels import word
    from plan744.core.progress import targets_line, targets_tally

    k = targets_tally(plan, p.as_of, met.met)[""]
    return (k, targets_line(k) if met.met is None else word("tasks.line.targets_done").format(**k.as_dict()),
            targets_sentence(k, met.year if met.met is not None else None))


def targets_sentence(k: Tally, met_year: int | None) -> str:
    """What `tasks` (and `report --quarter`) print about the targets; `met_year` None: no annual
    figures say which were met."""
    from plan744.core.labels import word
    from plan744.core.progress import targets_line

    if met_year is None:
        return word("tasks.heading.targets.no_data").format(line=targets_line(k))
    return word("tasks.heading.targets").format(line=word("tasks.line.targets_done").format(**k.as_dict()), year=met_year)


def as_json(plan: Plan, p: Progress, within: int, met: AnnualMet | None = None) -> dict[str, object]:
    from plan744.services.targets_met import AnnualMet

    k, text, _ = targets_text(plan, p, met or AnnualMet())
    known = met is not None and met.met is not None
    return {
        "plan": plan.document.number, "as_of": p.as_of.isoformat(), "within_days": within,
        "plan_tally": p.plan.as_dict(), "line": line(p.plan),
        "targets": {"total": k.total, "due": k.due, "met_known": known, "met": k.done if known else None,
                    "due_met": k.due_done if known else None, "met_year": met.year if known and met else None,
                    "line": text},
        "units": {u: {"name": _unit_name(plan, u), **t.as_dict(), "line": line(t)} for u, t in p.by_unit.items()},
        "areas": {a: t.as_dict() for a, t in p.by_area.items()},
        "tasks": rows(plan, p, within),
        "superseded": [{"unit": s.old.report.unit, "period": s.old.report.period, "file": s.old.file,
                        "submitted": s.old.report.submitted.isoformat(), "by": s.by.file,
                        "by_submitted": s.by.report.submitted.isoformat()} for s in p.history],
    }


CSV_COLUMNS = ("unit", "unit_name", "task", "name", "deadline", "due", "occurrence", "state", "days_late", "days_left",
               "status", "reason", "evidence", "file")


def as_csv(plan: Plan, p: Progress, within: int) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in rows(plan, p, within):
        w.writerow(r)
    return buf.getvalue()


def notices(plan: Plan, p: Progress, within: int) -> str:
    """One short đôn đốc text per unit with an overdue task or a task due soon."""
    from plan744.core.labels import word

    out = []
    for unit, items in _by_unit(plan, _listed(p, within)).items():
        name = _unit_name(plan, unit)
        parts = [word("tasks.notice.title").format(plan=f"{plan.document.kind} {plan.document.number}"),
                 word("tasks.notice.to").format(unit=name),
                 word("tasks.notice.lead").format(date=_vn(p.as_of), unit=name, line=line(p.by_unit[unit]))]
        for kind, a in items:
            due = a.due if kind == "overdue" else a.next_due
            days = a.days if kind == "overdue" else (due - p.as_of).days if due else 0
            parts.append(word(f"tasks.notice.{kind}").format(
                key=a.item.key, name=a.item.name.rstrip(". "), deadline=a.item.deadline.text if a.item.deadline else "",
                due=_vn(due), days=days, status=_status(a)))
        parts.append(word("tasks.notice.close"))
        out.append("\n".join(parts))
    return "\n\n".join(out) if out else word("tasks.none")


def show_text(plan: Plan, p: Progress, within: int, met: AnnualMet | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    from plan744.core.labels import word

    console = Console(highlight=False)
    console.print(word("tasks.heading").format(date=_vn(p.as_of)))
    console.print(word("tasks.heading.plan").format(line=line(p.plan)))
    from plan744.services.targets_met import AnnualMet

    console.print(targets_text(plan, p, met or AnnualMet())[2])
    grouped = _by_unit(plan, _listed(p, within))
    if not grouped:
        console.print(word("tasks.none"))
    for unit, items in grouped.items():
        table = Table(title=word("tasks.heading.unit").format(unit=_unit_name(plan, unit), line=line(p.by_unit[unit])),
                      title_justify="left")
        for col in ("task", "deadline", "due", "state", "days", "reported"):
            table.add_column(word(f"tasks.col.{col}"))
        for kind, a in items:
            due = a.due if kind == "overdue" else a.next_due
            days = word("tasks.days.late").format(days=a.days) if kind == "overdue" else \
                word("tasks.days.left").format(days=(due - p.as_of).days if due else 0)
            state = word("tasks.state.overdue") if kind == "overdue" else word("tasks.section.soon").format(days=within)
            table.add_row(f"{a.item.key} {_short(a.item.name)}", a.item.deadline.text if a.item.deadline else "",
                          _vn(due), state, days, _status(a))
        console.print(table)
    if p.history:
        console.print(word("tasks.history"))
        for s in p.history:
            console.print(word("tasks.history.item").format(
                unit=_unit_name(plan, s.old.report.unit), period=s.old.report.period, old=_vn(s.old.report.submitted),
                old_file=s.old.file, new=_vn(s.by.report.submitted), new_file=s.by.file))
