"""The close-out, I.2 and I.3: the tasks by area and the appendix of rows (its funding year by
year, how each row ended), and the appendix that gives each row year by year."""

from __future__ import annotations

from decimal import Decimal

from plan744.core import display
from plan744.core.figures.period import PeriodFigures
from plan744.core.labels import COLUMN, OUTCOME, lower_first, task_status
from plan744.core.status import ReportStatus
from plan744.report.compose_common import (
    Numbering,
    clip,
    money_words,
    t,
)
from plan744.report.document import Block, Bullets, Cell, Column, Para, Row, Table, cell, runs


def tasks(p: PeriodFigures, n: Numbering) -> list[Block]:
    out: list[Block] = [n.heading(2, t("year.h.tasks"))]
    if not p.areas:
        return out + [Para(runs(t("year.tasks.none")))]
    out.append(Para(runs(t("period.tasks.lead"))))
    cols = (Column(COLUMN["area"], 0.36), Column(t("period.col.tasks"), 0.12, "right"), Column(t("period.col.accounts"), 0.12, "right"),
            Column(OUTCOME["done"], 0.13, "right"), Column(OUTCOME["in_progress"], 0.14, "right"),
            Column(OUTCOME["not_done"], 0.13, "right"))

    def counts(tasks: int, accounts: int, done: int, doing: int, not_done: int, bold: bool = False) -> tuple[Cell, ...]:
        return tuple(cell(str(v), bold=bold) for v in (tasks, accounts, done, doing, not_done))

    rows = [Row((cell(a.name),) + counts(len(a.tasks), sum(x.units for x in a.tasks), a.done, a.in_progress, a.not_done))
            for a in p.areas]
    rows.append(Row((cell(t("total"), bold=True),) + counts(
        sum(len(a.tasks) for a in p.areas), sum(x.units for a in p.areas for x in a.tasks), sum(a.done for a in p.areas),
        sum(a.in_progress for a in p.areas), sum(a.not_done for a in p.areas), bold=True), "total"))
    out.append(Table(cols, tuple(rows), caption=t("period.tasks.caption")))
    return out


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
    rows.append(Row((cell(t("total"), bold=True), cell(display.money(sum((f.allocated for f in p.funding), Decimal(0))), bold=True),
                     cell(display.money(sum((f.disbursed for f in p.funding), Decimal(0))), bold=True), cell("")), "total"))
    out.append(Table(cols, tuple(rows), caption=t("period.funding.caption", unit=unit)))
    return out


def row_states(p: PeriodFigures) -> list[Block]:
    """How the appendix's rows ended: done, never started, stopped, other."""
    done = [r for r in p.rows if r.done]
    never = [r for r in p.rows if r.never_started]
    stopped = [r for r in p.rows if r.stopped]
    out: list[Block] = []
    out.append(Para(runs(t("period.appendix.states", rows=len(p.rows), done=len(done), never=len(never),
                            stopped=len(stopped), other=len(p.rows) - len(done) - len(never) - len(stopped)))))
    if never or stopped:
        out.append(Bullets(tuple(runs(t("year.appendix.behind_row", tt=r.task.tt, name=clip(r.task.name), lead=r.lead_name,
                                        state=lower_first(t("period.row.never") if r.never_started else task_status(ReportStatus.STOPPED))))
                                 for r in never + stopped)))
    out.append(Para(runs(t("period.appendix.detail")), "note"))
    return out


def rows_detail(p: PeriodFigures) -> list[Block]:
    """Each row of the task appendix year by year (its money when funded, else its states)."""
    plan = p.plan
    years = [y.year for y in p.years]
    funded = plan.funded
    share = 0.38 / max(1, len(years))
    cols = (Column(COLUMN["tt"], 0.04, "center"), Column(COLUMN["task"], 0.22), Column(COLUMN["lead"], 0.11)) + (
        (Column(COLUMN["planned"], 0.07, "right"),) if funded else ()) + tuple(
        Column(t("period.col.disbursed_in", year=y) if funded else str(y), share, "right" if funded else "left") for y in years) + (
        (Column(COLUMN["cumulative_share"], 0.07, "right"),) if funded else ()) + (Column(COLUMN["state"], 0.11),)
    rows = []
    for r in p.rows:
        cells = [cell(str(r.task.tt), align="center"), cell(r.task.name), cell(r.lead_name)]
        if funded:
            cells.append(cell(display.money(r.task.cost)))
        for (_, _, disbursed), (_, statuses) in zip(r.by_year, r.statuses, strict=True):
            cells.append(cell(display.money(disbursed)) if funded else cell("; ".join(task_status(s) for s in statuses) or "—"))
        if funded:
            cells.append(cell(display.percent(r.cumulative_share)))
        state = "; ".join(task_status(s) for s in r.final_statuses) or t("period.row.never")
        cells.append(cell(state, bold=not r.done))
        rows.append(Row(tuple(cells)))
    blocks: list[Block] = [Para(runs(t("appendix.rows.unit", unit=plan.money.unit)), "center")] if funded else []
    blocks.append(Table(cols, tuple(rows), caption=t("period.appendix.title", span=f"{p.start}–{p.end}"), size="small"))
    return blocks
