"""The annual report, I.2 and I.3: tasks by area, the appendix rows and their money in one
paragraph; and the appendix that gives every row in full (landscape)."""

from __future__ import annotations

from plan744.core import display
from plan744.core.figures.year import AppendixYear, YearFigures
from plan744.core.labels import COLUMN, ROW_STATE, lower_first, task_status
from plan744.report.compose_common import (
    Numbering,
    money_words,
    names,
    t,
)
from plan744.report.document import Block, Bullets, Cell, Column, Heading, Para, Row, Run, Table, cell, runs


def tasks(f: YearFigures, n: Numbering) -> list[Block]:
    out: list[Block] = [n.heading(2, t("year.h.tasks"))]
    if not f.areas:
        return out + [Para(runs(t("year.tasks.none")))]
    items = []
    for area in f.areas:
        counts: dict[str, int] = {}
        lagging = []
        for task in area.tasks:
            for status, k in task.counts:
                counts[status] = counts.get(status, 0) + k
            lagging += [(task, a) for a in task.lagging]
        parts = ", ".join(f"{k} {lower_first(task_status(s))}" for s, k in counts.items())
        text = t("year.tasks.area", area=area.name, tasks=len(area.tasks), accounts=sum(counts.values()), parts=parts)
        if lagging:
            units = list(dict.fromkeys(a.unit.name for _, a in lagging))
            text += " " + t("year.tasks.lagging", units=names(units, 6))
        items.append(runs(text))
    out.append(Bullets(tuple(items)))
    out.append(Para(runs(t("year.tasks.detail")), "note"))
    return out


def row_state(a: AppendixYear) -> str:
    if not a.reports:
        if a.in_timeframe:
            return ROW_STATE["no_report"]
        if a.earlier is not None:  # a row whose time is over: where it stood when last reported
            return t("appendix.row.earlier", state="; ".join(task_status(s) for s in a.earlier[1]), year=a.earlier[0])
        return ROW_STATE["outside"]
    state = "; ".join(task_status(s) for s in a.statuses)
    return t("appendix.row.year_done", year=a.year) if a.year_done else state


def rows_named(rows: list[AppendixYear], limit: int = 6) -> str:
    """"TT 9, 10 và 14" when there are many; with the rows' names when there are few."""
    if len(rows) > limit:
        return "TT " + ", ".join(str(a.task.tt) for a in rows)
    return "; ".join(f"{a.task.name} (TT {a.task.tt})" for a in rows)


def appendix_summary(f: YearFigures, n: Numbering) -> list[Block]:
    plan = f.plan
    out: list[Block] = [n.heading(2, t("year.h.appendix", kind=plan.document.kind))]
    unit = plan.money.unit
    b = f.budget
    if b is not None:
        out.append(Para(runs(t("year.appendix.budget", rows=len(plan.appendix), planned=display.money(b.planned), kind=plan.document.kind,
                                unit=unit, year=f.year, allocated=display.money(b.allocated),
                                disbursed=display.money(b.disbursed), words=money_words(plan, b.disbursed),
                                rate=display.percent(b.disbursement_rate), start=plan.period.start,
                                cumulative=display.money(b.cumulative), share=display.percent(b.cumulative_share)))))
        if b.stated_total is not None and b.stated_total != b.planned and plan.budget is not None:
            out.append(Para(runs(t("year.appendix.stated", section=plan.budget.section,
                                    stated=display.money(b.stated_total), unit=unit,
                                    words=plan.budget.stated_total_words, planned=display.money(b.planned))), "note"))
    else:
        reported = sum(1 for a in f.appendix if a.reports)
        active = sum(1 for a in f.appendix if a.in_timeframe)
        out.append(Para(runs(t("year.appendix.tasks", rows=len(plan.appendix), active=active, reported=reported, kind=plan.document.kind,
                                year=f.year))))
    done = [a for a in f.appendix if a.done]
    done_now = [a for a in done if a.reports]
    if f.year == plan.period.end and done:
        out.append(Para(runs(t("year.appendix.done_all", year=f.year, count=len(done), rows=len(f.appendix),
                                now=len(done_now), list=rows_named(done)))))
    elif done_now:
        out.append(Para(runs(t("year.appendix.done", count=len(done_now), rows=rows_named(done_now)))))
    year_done = [a for a in f.appendix if a.year_done]
    if year_done:
        out.append(Para(runs(t("year.appendix.year_done", count=len(year_done), year=f.year,
                                rows=", ".join(str(a.task.tt) for a in year_done)))))
    if f.rows_behind:
        out.append(Para(runs(t("year.appendix.behind", count=len(f.rows_behind)))))
        out.append(Bullets(tuple(runs(t("year.appendix.behind_row", tt=a.task.tt, name=a.task.name,
                                        lead=a.lead_name, state=lower_first(row_state(a))))
                                 for a in f.rows_behind)))
    moved = [a for a in f.appendix if a.transferred_from]
    if moved:
        out.append(Para(runs(t("year.appendix.moved", rows="TT " + ", ".join(str(a.task.tt) for a in moved),
                                old=moved[0].transferred_from, new=moved[0].lead_name)), "note"))
    out.append(Para(runs(t("year.appendix.detail")), "note"))
    return out


def rows_detail(f: YearFigures) -> list[Block]:
    plan = f.plan
    unit = plan.money.unit
    funded = f.budget is not None
    out: list[Block] = []
    cols: tuple[Column, ...]
    if funded:
        out.append(Para(runs(t("appendix.rows.unit", unit=unit)), "center"))
        cols = (Column(COLUMN["tt"], 0.04, "center"), Column(COLUMN["task"], 0.24), Column(COLUMN["lead"], 0.12),
                Column(COLUMN["timeframe"], 0.07, "center"), Column(COLUMN["planned"], 0.08, "right"),
                Column(COLUMN["allocated_in"].format(year=f.year), 0.08, "right"),
                Column(COLUMN["disbursed_in"].format(year=f.year), 0.08, "right"),
                Column(COLUMN["cumulative"], 0.08, "right"), Column(COLUMN["cumulative_share"], 0.07, "right"),
                Column(COLUMN["state"], 0.14))
        rows = []
        for a in f.appendix:
            rows.append(Row((cell(str(a.task.tt), align="center"), cell(a.task.name), cell(a.lead_name),
                             cell(a.task.timeframe_text), cell(display.money(a.task.cost)), cell(display.money(a.allocated)),
                             cell(display.money(a.disbursed)), cell(display.money(a.cumulative)),
                             cell(display.percent(a.cumulative_share)), cell(row_state(a), bold=a.behind))))
        b = f.budget
        assert b is not None
        rows.append(Row((cell(""), cell(t("total"), bold=True), cell(""), cell(""), cell(display.money(b.planned), bold=True),
                         cell(display.money(b.allocated), bold=True), cell(display.money(b.disbursed), bold=True),
                         cell(display.money(b.cumulative), bold=True), cell(display.percent(b.cumulative_share), bold=True),
                         cell("")), "total"))
        out.append(Table(cols, tuple(rows), caption=t("appendix.rows.title", year=f.year), size="small"))
    else:
        cols = (Column(COLUMN["tt"], 0.06, "center"), Column(COLUMN["task"], 0.40), Column(COLUMN["lead"], 0.18),
                Column(COLUMN["timeframe"], 0.12, "center"), Column(COLUMN["state"], 0.24))
        rows = []
        group = None
        for a in f.appendix:
            if a.task.group and a.task.group != group:
                group = a.task.group
                rows.append(Row((Cell((runs(Run(group, bold=True)),), span=5),), "group"))
            rows.append(Row((cell(str(a.task.tt), align="center"), cell(a.task.name), cell(a.lead_name),
                             cell(a.task.timeframe_text), cell(row_state(a), bold=a.behind))))
        out.append(Table(cols, tuple(rows), caption=t("appendix.rows.title", year=f.year), size="small"))
    reports = [(a, r) for a in f.appendix for r in a.reports]
    if reports:
        out.append(Heading(3, t("appendix.rows.reports")))
        cols = (Column(COLUMN["tt"], 0.05, "center"), Column(COLUMN["reporting_unit"], 0.18), Column(COLUMN["state"], 0.12)) + (
            (Column(COLUMN["allocated"], 0.08, "right"), Column(COLUMN["disbursed"], 0.08, "right")) if funded else ()) + (
            Column(COLUMN["progress"], 0.49 if funded else 0.65),)
        rows = []
        for a, r in reports:
            money_cells = (cell(display.money(r.allocated)), cell(display.money(r.disbursed))) if funded else ()
            rows.append(Row((cell(str(a.task.tt), align="center"), cell(r.unit.name), cell(task_status(r.status)))
                            + money_cells + (cell(r.progress),)))
        out.append(Table(cols, tuple(rows), caption=t("appendix.rows.reports"), size="small"))
    return out
