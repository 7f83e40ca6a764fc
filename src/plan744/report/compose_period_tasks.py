"""The close-out, I.2 and I.3: the tasks by area and the appendix of rows (its funding year by
year, how each row ended), and the appendix that gives each row year by year."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

from plan744.core import display
from plan744.core.figures.appendix import LOW_SPEND, low_spend
from plan744.core.figures.period import PeriodFigures
from plan744.core.figures.ratio import share
from plan744.core.figures.tasks import coverage, plan_status, short_sentence
from plan744.core.labels import COLUMN, lower_first, task_status
from plan744.core.status import ReportStatus
from plan744.report.compose_common import (
    Numbering,
    money_words,
    t,
)
from plan744.report.compose_year_results import RowEnd, detail_pointer, lead_text, rows_end, states_text, task_results
from plan744.report.document import Block, Cell, Column, Para, Row, Run, Table, cell, runs


def tasks(p: PeriodFigures, n: Numbering) -> list[Block]:
    """Each task group and task at the end of the span: coverage among the units that still
    exist, what was done (units' own words), the plan's qualitative targets first."""
    out: list[Block] = [n.heading(2, t("year.h.tasks"))]
    on = p.plan.window(p.end)[1]  # the last year's data cut-off (14/12), not the calendar's end
    return out + task_results(p.plan, coverage(p.plan, [y.areas for y in p.years], on), on)


def appendix_heading(p: PeriodFigures, n: Numbering) -> list[Block]:
    return [n.heading(2, t("year.h.appendix", kind=p.plan.document.kind))]


def funding(p: PeriodFigures) -> list[Block]:
    """The appendix's money over the span: the total, then funding year by year."""
    plan = p.plan
    unit = plan.money.unit
    out: list[Block] = []
    out.append(Para(runs(t("period.appendix.budget", rows=len(p.rows), planned=display.money(p.planned), unit=unit,
                            span=f"{p.start}–{p.end}", cumulative=display.money(p.cumulative),
                            words=money_words(plan, p.cumulative), share=display.percent(p.cumulative_share)))))
    cols = (Column(t("period.col.year"), 0.16, "center"), Column(COLUMN["allocated"], 0.28, "right"),
            Column(COLUMN["disbursed"], 0.28, "right"), Column(COLUMN["funding_rate"], 0.28, "right"))
    rows = [Row((cell(str(f.year)), cell(display.money(f.allocated)), cell(display.money(f.disbursed)),
                 cell(display.percent(f.rate)))) for f in p.funding]
    allocated = sum((f.allocated for f in p.funding), Decimal(0))
    disbursed = sum((f.disbursed for f in p.funding), Decimal(0))
    rate = share(disbursed, allocated)
    rows.append(Row((cell(t("total"), bold=True), cell(display.money(allocated), bold=True),
                     cell(display.money(disbursed), bold=True), cell(display.percent(rate), bold=True)), "total"))
    out.append(Table(cols, tuple(rows), caption=t("period.funding.caption", unit=unit)))
    out.append(Para(runs(t("rows.funding.total", span=span_text(p), allocated=display.money(allocated), unit=unit,
                            disbursed=display.money(disbursed), rate=display.percent(rate),
                            share=display.percent(share(disbursed, p.planned)), rows=len(p.rows)))))
    if plan.budget is not None:
        stated = Decimal(plan.budget.stated_total_vnd) / plan.money.dong
        out.append(Para(runs(t("rows.funding.stated", section=plan.budget.section, stated=display.money(stated), unit=unit,
                                words=plan.budget.stated_total_words, rows=len(p.rows), planned=display.money(p.planned),
                                share=display.percent(share(p.cumulative, stated))))))
    out.append(Para(runs(Run(t("rows.funding.sources"), role="placeholder")), "placeholder"))
    return out


def span_text(p: PeriodFigures) -> str:
    """"2021 - 2025", as the plan writes its period."""
    return f"{p.start} - {p.end}"


def row_states(p: PeriodFigures) -> list[Block]:
    """How the appendix's rows ended: the count done, the rows to carry over with their
    cumulative spending, each stopped row with its lead (as it was then) and reason."""
    plan = p.plan
    rows = []
    for r in p.rows:
        final = r.final_statuses
        reason = None
        if ReportStatus.STOPPED in final:
            last = p.last.appendix
            row = next((a for a in last if a.task.tt == r.task.tt), None)
            reason = next((short_sentence(x.progress) for x in (row.reports if row else ())
                           if x.status == ReportStatus.STOPPED and x.progress), None)
        rows.append(RowEnd(r.task, r.done, r.stopped, r.never_started, r.cumulative, r.cumulative_share,
                           lead_text(plan, r.task, p.end), reason,
                           "; ".join(lower_first(task_status(plan_status(s))) for s in final)))
    out = rows_end(plan, p.end, rows)
    out.append(Para(runs(detail_pointer("plan744.report.compose_period", SimpleNamespace(p=p))), "note"))
    return out


def rows_detail(p: PeriodFigures) -> list[Block]:
    """Each row of the task appendix year by year (its money when funded, else its states)."""
    plan = p.plan
    years = [y.year for y in p.years]
    funded = plan.funded
    width = 0.34 / max(1, len(years))
    cols = (Column(COLUMN["tt"], 0.04, "center"), Column(COLUMN["task"], 0.18), Column(COLUMN["lead"], 0.11)) + (
        (Column(COLUMN["planned"], 0.07, "right"),) if funded else ()) + tuple(
        Column(t("period.col.disbursed_in", year=y) if funded else str(y), width, "right" if funded else "left") for y in years) + (
        (Column(COLUMN["cumulative_share"], 0.06, "right"),) if funded else ()) + (
        Column(COLUMN["state"], 0.09), Column(t("rows.col.note"), 0.11))
    rows = []
    for r in p.rows:
        cells = [cell(str(r.task.tt), align="center"), cell(r.task.name), cell(lead_text(plan, r.task, p.end, paren=True))]
        if funded:
            cells.append(cell(display.money(r.task.cost)))
        for (_, _, disbursed), (_, statuses) in zip(r.by_year, r.statuses, strict=True):
            cells.append(cell(display.money(disbursed)) if funded else cell(states_text(statuses) or "—"))
        if funded:
            cells.append(cell(display.percent(r.cumulative_share)))
        state = states_text(r.final_statuses) or t("period.row.never")
        cells.append(cell(state, bold=not r.done))
        flagged = low_spend(r.done, r.cumulative_share)
        # a note for the drafter, not for the signed appendix: drawn as a placeholder (yellow, one Word style)
        note = t("rows.note.low_spend", threshold=display.count(LOW_SPEND))
        cells.append(Cell((runs(Run(note, role="placeholder")),)) if flagged else cell(""))
        rows.append(Row(tuple(cells)))
    if funded:
        totals = [sum((d for r in p.rows for y, _, d in r.by_year if y == year), Decimal(0)) for year in years]
        rows.append(Row((cell(""), cell(t("total"), bold=True), cell(""), cell(display.money(p.planned), bold=True))
                        + tuple(cell(display.money(x), bold=True) for x in totals)
                        + (cell(display.percent(p.cumulative_share), bold=True), cell(""), cell("")), "total"))
    blocks: list[Block] = [Para(runs(t("appendix.rows.unit", unit=plan.money.unit)), "center")] if funded else []
    blocks.append(Table(cols, tuple(rows), caption=t("period.appendix.title", span=f"{p.start}–{p.end}"), size="small"))
    return blocks
