"""The close-out's reporting record, an appendix of one page: the kinds of unit by year and the
units late or missing each year (each unit's dates are in the data outputs). The body says who
reported in one sentence (`compose_period_review.reporting_sentence`)."""

from __future__ import annotations

from plan744.core.figures.codes import Timeliness
from plan744.core.figures.period import PeriodFigures
from plan744.report.compose_common import t
from plan744.report.compose_year_appendices import exception, keeper
from plan744.report.document import Block, Bullets, Column, Para, Row, Run, Table, cell, runs


def units(p: PeriodFigures) -> list[Block]:
    """The reporting record in one page: a row per year, a column per kind of unit (on time out of
    expected, so the count of each year shows: 26 sở, then 20 after the 2025 merges), then, year by
    year, only the units that were late or did not report, named as they were ("huyện Kỳ Sơn
    (cũ)"). Each unit's dates are left to the data outputs and kept by the drafter."""
    plan = p.plan
    now = p.last.window[1]
    kinds = [k for k in plan.organisation.kinds if any(d.unit.kind == k.code for y in p.years for d in y.completeness.rows)]
    if not kinds:
        return []
    cols = (Column(t("period.col.year"), 0.16, "center"),) + tuple(Column(k.name, 0.84 / len(kinds), "center") for k in kinds)
    rows = []
    for y in p.years:
        cells = [cell(str(y.year))]
        for k in kinds:
            of_kind = [d for d in y.completeness.rows if d.unit.kind == k.code]
            on_time = sum(1 for d in of_kind if d.timeliness is Timeliness.ON_TIME)
            cells.append(cell(f"{on_time}/{len(of_kind)}" if of_kind else "—"))
        rows.append(Row(tuple(cells)))
    out: list[Block] = [Table(cols, tuple(rows), caption=t("period.units.title", span=f"{p.start}–{p.end}")),
                        Para(runs(t("annex.period.lead")), "note")]
    lines = []
    for y in p.years:
        others = [exception(d, now, plan) for d in y.completeness.rows
                  if d.timeliness in (Timeliness.LATE, Timeliness.MISSING, Timeliness.PENDING)]
        if others:
            lines.append(runs(t("annex.period.year", year=y.year, items="; ".join(others))))
    if lines:
        out += [Para(runs(Run(t("annex.period.exceptions"), bold=True))), Bullets(tuple(lines))]
    else:
        out.append(Para(runs(t("annex.period.all_on_time", span=f"{p.start}–{p.end}"))))
    out.append(Para(runs(t("annex.kept", keeper=keeper(p.last.drafter))), "note"))
    return out
