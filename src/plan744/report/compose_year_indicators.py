"""The annual report, I.1 and I.4: the indicator table and chart, and the money indicators."""

from __future__ import annotations

from plan744.core import display
from plan744.core.figures.codes import Attainment, PathStatus, Unassessed
from plan744.core.figures.year import IndicatorYear, YearFigures
from plan744.core.labels import COLUMN, PATH, lower_first
from plan744.core.vnformat import format_date_short
from plan744.report import chart
from plan744.report.compose_common import (
    Numbering,
    indicator_label,
    shown,
    t,
    target_text,
    verdict,
)
from plan744.report.document import Block, Bullets, Cell, Column, Figure, Para, Row, Run, Table, cell, runs


def indicators(f: YearFigures, scopes: dict[str, str], n: Numbering) -> list[Block]:
    plan = f.plan
    out: list[Block] = [n.heading(2, t("year.h.indicators"))]
    counted = [r for r in f.indicators if r.unassessed is not Unassessed.QUALITATIVE]
    assessed = f.assessed
    sentence = t("year.indicators.tally", year=f.year, met=len(f.met), assessed=len(assessed),
                 end=plan.period.end)
    extra = []
    if f.behind_path:
        extra.append(t("year.indicators.behind", count=len(f.behind_path)))
    if f.no_data:
        extra.append(t("year.indicators.no_data", count=len(f.no_data),
                       names="; ".join(indicator_label(r, scopes) for r in f.no_data)))
    if f.level_ended:
        extra.append(t("year.indicators.level_ended", count=len(f.level_ended)))
    if any(r.governing.not_yet for r in counted):
        extra.append(t("year.indicators.not_yet", count=sum(r.governing.not_yet for r in counted)))
    out.append(Para(runs(sentence + ("; " + "; ".join(extra) if extra else "") + ". " + t("year.indicators.pooled"))))
    out.append(_indicator_table(f, scopes))
    notes = [t("year.indicators.note", end=plan.period.end)]
    if any(r.baseline is not None and r.baseline.reference_only and r.path_expected is not None for r in f.indicators):
        notes.append(t("year.indicators.reference_only"))
    for ended in sorted({r.level_end for r in f.level_partial if r.level_end is not None}):
        notes.append(t("year.indicators.level_partial_note", date=format_date_short(ended)))
    for ended in sorted({r.level_end for r in f.level_ended if r.level_end is not None}):
        key = "year.indicators.level_ended_note" if ended >= f.window[0] else "year.indicators.level_gone_note"
        notes.append(t(key, date=format_date_short(ended)))
    out.append(Para(runs(" ".join(notes)), "note"))
    drawing = chart.year_chart(f.indicators, scopes, t("year.chart.title", year=f.year))
    if drawing is not None:
        out.append(Figure(drawing))
    if f.caveats:
        out.append(Para(runs(t("year.caveats.lead")), "note"))
        out.append(Bullets(tuple(runs(c.message) for c in f.caveats[:10])))
    return out


def _indicator_table(f: YearFigures, scopes: dict[str, str]) -> Table:
    rows = []
    for i, r in enumerate(f.indicators, start=1):
        result_lines = [runs(Run(shown(r), bold=True))]
        if r.ratio is not None:
            result_lines.append(runs(f"{display.money(r.ratio.numerator)}/{display.money(r.ratio.denominator)}"))
        elif r.amount is not None:
            word = f.plan.money.unit if r.indicator.value == "amount" else r.indicator.count_unit
            if r.total is not None:
                result_lines.append(runs(t("figure.in_year", value=display.value(r.amount, r.indicator))))
            if word:
                result_lines.append(runs(word))
        state = verdict(r)
        if r.path in (PathStatus.AHEAD, PathStatus.ON_TRACK, PathStatus.BEHIND):
            state += "; " + lower_first(PATH[r.path])
        rows.append(Row((
            cell(str(i), align="center"),
            Cell((runs(r.indicator.name), runs(scopes[r.scope]))),
            cell(target_text(r, f.plan.money)),
            Cell(tuple(result_lines), "right"),
            cell(display.value(r.previous, r.indicator) if r.previous is not None else "—", align="right"),
            cell(display.percent(r.path_expected, r.indicator) if r.path_expected is not None else "—", align="right"),
            cell(state, bold=r.attainment is Attainment.NOT_REACHED),
        )))
    cols = (Column(COLUMN["tt"], 0.05, "center"), Column(COLUMN["indicator"], 0.28), Column(COLUMN["target"], 0.15),
            Column(t("col.result_year", year=f.year), 0.19, "right"),
            Column(COLUMN["previous"].format(year=f.year - 1), 0.09, "right"),
            Column(COLUMN["path"].format(year=f.year), 0.10, "right"), Column(COLUMN["verdict"], 0.14))
    return Table(cols, tuple(rows), caption=t("year.indicators.caption", year=f.year))


def money_rows(f: YearFigures) -> list[IndicatorYear]:
    """The money indicators (disbursement rates and the like) of the year."""
    return [r for r in f.indicators if r.indicator.is_percent and r.indicator.measure == "money"]


def money(f: YearFigures, scopes: dict[str, str], n: Numbering) -> list[Block]:
    out: list[Block] = [n.heading(2, t("year.h.money"))]
    unit = f.plan.money.unit
    for r in money_rows(f):
        ind = r.indicator
        if r.ratio is None or r.value is None:
            out.append(Para(runs(t("year.money.no_data", name=ind.name, scope=lower_first(scopes[r.scope])))))
            continue
        words = ind.money_words or t("phrase.per", numerator=lower_first(ind.numerator), denominator=lower_first(ind.denominator))
        out.append(Para(runs(t("year.money.line", name=ind.name, scope=lower_first(scopes[r.scope]), words=words,
                                numerator=display.money(r.ratio.numerator), denominator=display.money(r.ratio.denominator),
                                unit=unit, value=shown(r), target=target_text(r, f.plan.money), verdict=lower_first(verdict(r))))))
    return out
