"""The annual report's appendices: each unit's figures by indicator (one table per kind of unit,
a row per unit), who reported (a line per kind of unit naming only the late and the missing),
the appendix rows in full (landscape), a row per task with how many units reported it done or
under way, and, when few enough to print, every unit's own words in full.

Per-unit lists the reader does not use (each unit's dates, each unit's status for each task, the
words of a hundred and more units) are left to the data outputs (`report.data`) and said to be
kept by the drafter: a UBND report does not send the Bộ to a CSV file."""

from __future__ import annotations

import datetime as dt

from plan744.core import display
from plan744.core.figures.codes import Timeliness, Unassessed
from plan744.core.figures.delivery import Delivery
from plan744.core.figures.tasks import TaskYear
from plan744.core.figures.year import YearFigures
from plan744.core.labels import COLUMN, NARRATIVE, lower_first, task_status
from plan744.core.obligation import obligations
from plan744.core.organisation import Unit
from plan744.core.plan import ALL_LEVELS, Plan
from plan744.core.status import ReportStatus
from plan744.core.vnformat import format_day
from plan744.report.compose_common import t, unit_runs
from plan744.report.compose_reform import in_sentence, name_as_of
from plan744.report.document import Block, Bullets, Column, Heading, Para, Row, Run, Table, cell, runs

MATRIX_COLUMNS = 9  # indicator columns per table on a landscape page


def unit_matrix(f: YearFigures, scopes: dict[str, str], section: str | None = None) -> list[Block]:
    """Each unit's figure for each indicator: per kind of unit, a row per unit, a column per
    indicator and scope (in groups of at most MATRIX_COLUMNS). Pages grow by a row per unit.
    `section`: the number of the body's section with the indicator table ("II.1"), as the
    body numbered it."""
    plan = f.plan
    lead = t("appendix.units.lead_at", section=section) if section else t("appendix.units.lead_plain")
    out: list[Block] = [Para(runs(lead), "note")]
    number = {id(r): k for k, r in enumerate(f.indicators, start=1)}  # the row numbers of the body's indicator table
    reporting = [r for r in f.indicators if r.units and r.unassessed is not Unassessed.QUALITATIVE]
    if not reporting:
        return []
    for kind in plan.organisation.kinds:
        figs = [r for r in reporting if any(u.unit.kind == kind.code for u in r.units)]
        if not figs:
            continue
        units = [d.unit for d in f.completeness.rows if d.unit.kind == kind.code]
        not_sent = {d.unit.code for d in f.completeness.rows if d.timeliness in (Timeliness.MISSING, Timeliness.PENDING)}
        out.append(Heading(3, t("phrase.kind_count", kind=kind.name, count=len(units))))
        for start in range(0, len(figs), MATRIX_COLUMNS):
            chunk = figs[start:start + MATRIX_COLUMNS]
            value_of = [{u.unit.code: u for u in r.units} for r in chunk]
            share = 0.70 / len(chunk)
            cols = (Column(COLUMN["tt"], 0.05, "center"), Column(COLUMN["unit"], 0.25)) + tuple(
                Column(f"({number[id(r)]}) {r.indicator.name}" + (f" ({lower_first(scopes[r.scope])})" if r.scope != ALL_LEVELS else ""),
                       share, "right")
                for r in chunk)
            rows = []
            for i, unit in enumerate(units, start=1):
                cells = [cell(str(i), align="center"), cell(name_as_of(plan, unit.code, f.window[1]))]
                for r, values in zip(chunk, value_of, strict=True):
                    uv = values.get(unit.code)
                    cells.append(cell(display.value(uv.value, r.indicator) if uv else ("" if unit.code in not_sent else "—")))
                rows.append(Row(tuple(cells)))
            out.append(Table(cols, tuple(rows), caption=kind.name, size="small"))
    out.append(Para(runs(t("annex.kept.figures", keeper=keeper(f.drafter))), "note"))
    return out


def keeper(drafter: Unit | None) -> str:
    """Who keeps the per-unit record: the body that drafts the report ("Sở Khoa học và Công nghệ")."""
    return drafter.name if drafter is not None else t("annex.keeper")


def exception(d: Delivery, now: dt.date, plan: Plan) -> str:
    """"huyện Kỳ Sơn (cũ) gửi muộn 10 ngày", "xã Mỹ Lý chưa gửi": a unit named as it was, marked
    "(cũ)" or "(nay là …)" when it no longer exists on the report's last day."""
    name = in_sentence(name_as_of(plan, d.unit.code, now))
    if d.timeliness is Timeliness.LATE:
        return t("annex.reporting.late", name=name, days=d.days_late)
    if d.timeliness is Timeliness.PENDING:
        return t("annex.reporting.pending", name=name)
    return t("annex.reporting.missing", name=name)


def completeness(f: YearFigures) -> list[Block]:
    """Who reported: a line per kind of unit ("Cấp xã: 128/130 đơn vị gửi đúng hạn; phường Hoàng
    Mai gửi muộn 9 ngày; xã Mỹ Lý chưa gửi"); each unit's dates are kept by the drafter."""
    c = f.completeness
    now = f.window[1]
    out: list[Block] = [Para(runs(t("annex.reporting.lead", deadline=format_day(c.deadline),
                                     submitted=c.submitted, expected=c.expected, on_time=len(c.on_time))))]
    lines = []
    for kind in f.plan.organisation.kinds:
        rows = [d for d in c.rows if d.unit.kind == kind.code]
        if not rows:
            continue
        others = [exception(d, now, f.plan) for d in rows if d.timeliness is not Timeliness.ON_TIME]
        on_time = sum(1 for d in rows if d.timeliness is Timeliness.ON_TIME)
        lines.append(runs(t("annex.reporting.kind", kind=kind.name, on_time=on_time, expected=len(rows),
                            others="".join("; " + o for o in others))))
    out.append(Bullets(tuple(lines)))
    if c.partial:
        out.append(Para(runs(t("annex.reporting.partial")), "note"))
    out.append(Para(runs(t("annex.kept", keeper=keeper(f.drafter))), "note"))
    return out


FULL_TEXT_UNITS = 100


def required_counts(f: YearFigures) -> dict[str, int]:
    """Task id -> the number of units that owed a report for the year and must report on it
    (whether or not they sent one)."""
    out: dict[str, int] = {}
    for ob in obligations(f.plan, f.year).values():
        if ob.owes:
            for task in ob.required_tasks:
                out[task.id] = out.get(task.id, 0) + 1
    return out


def coverage_rows(f: YearFigures) -> list[tuple[TaskYear, int | None, int, int, int]]:
    """Per task reported on: (task, units that must report it or None when none must, done, in
    progress, other). A task finished late counts as done."""
    required = required_counts(f)
    out = []
    for area in f.areas:
        for task in area.tasks:
            statuses = [ReportStatus(a.status) for a in task.accounts]
            done = sum(1 for s in statuses if s.done)
            going = sum(1 for s in statuses if s is ReportStatus.IN_PROGRESS)
            out.append((task, required.get(task.task.id), done, going, len(statuses) - done - going))
    return out


def accounts_in_full(f: YearFigures) -> bool:
    """Whether each unit's account of each task follows the coverage table (few units)."""
    return f.completeness.submitted <= FULL_TEXT_UNITS


def accounts(f: YearFigures) -> list[Block]:
    """One table, a row per task: how many units must report it and how many reported it done,
    under way or otherwise; a short year (few units) follows with each unit's account in full."""
    if not f.areas:
        return []
    counts = {id(task): rest for task, *rest in coverage_rows(f)}
    cols = (Column(COLUMN["tt"], 0.08, "center"), Column(t("annex.coverage.task"), 0.52),
            Column(t("annex.coverage.required"), 0.12, "right"), Column(task_status(ReportStatus.DONE.value), 0.1, "right"),
            Column(task_status(ReportStatus.IN_PROGRESS.value), 0.1, "right"), Column(t("annex.coverage.other"), 0.08, "right"))
    rows: list[Row] = []
    for area in f.areas:  # the task's number (its section of the plan) says its area: no group rows, one page
        for task in area.tasks:
            required, done, going, other = counts[id(task)]
            rows.append(Row((cell(task.task.id, align="center"), cell(task.task.title),
                             cell("—" if required is None else str(required)), cell(str(done)), cell(str(going)),
                             cell(str(other)))))
    out: list[Block] = [Table(cols, tuple(rows), caption=t("appendix.accounts.title", year=f.year), size="small"),
                        Para(runs(t("annex.coverage.note")), "note")]
    if not accounts_in_full(f):
        out.append(Para(runs(t("annex.kept.tasks", keeper=keeper(f.drafter))), "note"))
        return out
    out.append(Para(runs(t("annex.coverage.detail")), "caption"))
    for i, area in enumerate(f.areas, start=1):
        out.append(Heading(3, f"{i}. {area.name}"))
        for task in area.tasks:
            detail = (Column(COLUMN["unit"], 0.28), Column(COLUMN["state"], 0.16), Column(COLUMN["progress"], 0.56))
            lines = tuple(Row((cell(a.unit.name), cell(task_status(a.status)), cell(a.text))) for a in task.accounts)
            out.append(Para(runs(Run(f"{task.task.title} ({task.task.section})", bold=True)), "caption"))
            out.append(Table(detail, lines, caption=task.task.title, size="small"))
    return out


def narratives_printed(f: YearFigures) -> bool:
    """Whether the units' own words are printed in full in an appendix: the body may say "toàn
    văn tại Phụ lục" only then (otherwise they are kept by the drafter, `annex.kept`)."""
    return f.completeness.submitted <= FULL_TEXT_UNITS and any(
        i.text.strip() for items in f.narratives.values() for i in items)


def narratives_full(f: YearFigures) -> list[Block]:
    if not narratives_printed(f):
        return []  # too many to print: kept by the drafter (the report's data outputs hold them too)
    out: list[Block] = []
    for section in ("highlights", "shortcomings", "proposals"):
        items = [i for i in f.narratives[section] if i.text.strip()]
        if not items:
            continue
        out.append(Heading(3, NARRATIVE[section]))
        out.append(Bullets(tuple(unit_runs(i.unit, " ".join(i.text.split())) for i in items)))
    return out
