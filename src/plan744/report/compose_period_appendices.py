"""The close-out's reporting record: who reported each year (I.4), and each unit's record year by
year (an appendix)."""

from __future__ import annotations

from plan744.core.figures.codes import Timeliness
from plan744.core.figures.period import PeriodFigures
from plan744.core.labels import COLUMN, TIMELINESS
from plan744.report.compose_common import (
    Numbering,
    t,
)
from plan744.report.document import Block, Column, Para, Row, Run, Table, cell, runs


def reporting(p: PeriodFigures, n: Numbering) -> list[Block]:
    out: list[Block] = [n.heading(2, t("period.h.reporting"))]
    cols = (Column(t("period.col.year"), 0.16, "center"), Column(t("period.col.expected"), 0.21, "right"),
            Column(TIMELINESS[Timeliness.ON_TIME], 0.21, "right"), Column(TIMELINESS[Timeliness.LATE], 0.21, "right"),
            Column(TIMELINESS[Timeliness.MISSING], 0.21, "right"))
    rows = tuple(Row((cell(str(y.year)), cell(str(y.completeness.expected)), cell(str(len(y.completeness.on_time))),
                      cell(str(len(y.completeness.late))), cell(str(len(y.completeness.missing))))) for y in p.years)
    out.append(Table(cols, rows, caption=t("period.h.reporting")))
    out.append(Para(runs(t("period.reporting.detail")), "note"))
    return out


def units(p: PeriodFigures) -> list[Block]:
    """Each unit's reporting record, year by year, one table per kind of unit."""
    plan = p.plan
    years = [y.year for y in p.years]
    blocks: list[Block] = []
    for kind in plan.organisation.kinds:
        records = [u for u in p.units if u.unit.kind == kind.code]
        if not records:
            continue
        blocks.append(Para(runs(Run(t("phrase.kind_count", kind=kind.name, count=len(records)), bold=True)), "caption"))
        cols = (Column(COLUMN["tt"], 0.06, "center"), Column(COLUMN["unit"], 0.34)) + tuple(
            Column(str(y), 0.60 / len(years), "center") for y in years)
        rows = []
        for i, u in enumerate(records, start=1):
            cells = [cell(str(i), align="center"), cell(u.unit.name)]
            for _, state, days in u.by_year:
                text = t("phrase.days_late", state=TIMELINESS[state], days=days) if state is Timeliness.LATE else TIMELINESS[state]
                cells.append(cell(text or "—", bold=state in (Timeliness.LATE, Timeliness.MISSING)))
            rows.append(Row(tuple(cells)))
        blocks.append(Table(cols, tuple(rows), caption=kind.name, size="small"))
    blocks.append(Para(runs(t("period.units.note")), "note"))
    return blocks
