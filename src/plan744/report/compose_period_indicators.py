"""The close-out, I.1: the tally of targets, the table of every target year by year, the chart;
the span's verdict of one target (also used by II and the terminal's summary)."""

from __future__ import annotations

from plan744.core import display
from plan744.core.figures.codes import Attainment, Unassessed
from plan744.core.figures.period import IndicatorPeriod, PeriodFigures
from plan744.core.figures.targets import thresholds
from plan744.core.labels import COLUMN, UNASSESSED, lower_first
from plan744.core.plan import Money
from plan744.core.vnformat import format_date_short
from plan744.report import chart
from plan744.report.compose_common import (
    Numbering,
    indicator_label,
    shown,
    t,
    target_text,
    verdict,
    verdict_word,
)
from plan744.report.document import Block, Cell, Column, Figure, Para, Row, Table, cell, runs


def reason(i: IndicatorPeriod) -> str:
    return UNASSESSED[i.unassessed or Unassessed.NO_DATA]


def period_verdict(i: IndicatorPeriod) -> str:
    """The span's verdict: the final year's, or for a yearly target every year's ("Chưa đạt (năm 2027)")."""
    if not i.yearly:
        return verdict(i.final)
    if i.attainment is Attainment.NOT_ASSESSED:
        return reason(i)
    words = verdict_word(i.attainment)
    return f"{words} ({t('period.missed', years=', '.join(map(str, i.missed_years)))})" if i.missed_years else words


def shortfall(i: IndicatorPeriod, scopes: dict[str, str], money: Money) -> str:
    """"tỷ lệ … (toàn tỉnh): 45,2%, mục tiêu từ 50% trở lên"; a yearly target names its years short."""
    label = indicator_label(i.final, scopes)
    if i.yearly and i.missed_years:
        years = "; ".join(t("phrase.short_year", year=y, value=shown(f)) for y, f in i.yearly if y in i.missed_years)
        return t("phrase.short", label=label, value=years, target=target_text(i.final, money))
    return t("phrase.short", label=label, value=shown(i.final), target=target_text(i.final, money))


def indicators(p: PeriodFigures, scopes: dict[str, str], n: Numbering) -> list[Block]:
    plan = p.plan
    out: list[Block] = [n.heading(2, t("year.h.indicators"))]
    tally = t("period.tally", met=len(p.met), counted=len(p.counted), exceeded=len(p.exceeded),
              not_met=len(p.not_met), end=p.end)
    if p.not_assessed:
        tally += " " + t("period.tally.not_assessed", count=len(p.not_assessed), items="; ".join(
            f"{indicator_label(i.final, scopes)}: {lower_first(reason(i))}" for i in p.not_assessed))
    if p.qualitative:
        tally += " " + t("period.tally.qualitative", count=len(p.qualitative), items="; ".join(
            indicator_label(i.final, scopes) + (f": {shown(i.final)} ({display.money(i.final.ratio.numerator)}/"
                                                f"{display.money(i.final.ratio.denominator)})" if i.final.ratio else "")
            for i in p.qualitative))
    out.append(Para(runs(tally)))
    years = [y.year for y in p.years]
    base_years = sorted({i.baseline.year for i in p.indicators if i.baseline})
    base_col = (Column(t("period.col.baseline"), 0.06, "right"),) if base_years else ()
    share = min(0.09, 0.40 / max(1, len(years)))
    fixed = 0.05 + 0.13 + 0.13 + (0.06 if base_years else 0) + share * len(years)
    cols = (Column(COLUMN["tt"], 0.05, "center"), Column(COLUMN["indicator"], 1 - fixed),
            Column(COLUMN["target"], 0.13)) + base_col + tuple(
        Column(str(y), share, "right") for y in years) + (Column(COLUMN["verdict"], 0.13),)
    rows = []
    for k, i in enumerate(p.indicators, start=1):
        cells = [cell(str(k), align="center"), Cell((runs(i.indicator.name), runs(scopes[i.scope]))),
                 cell(target_text(i.final, plan.money))]
        if base_years:
            cells.append(cell(display.percent(i.baseline.value, i.indicator) if i.baseline else "—"))
        for _, fig in i.by_year:
            cells.append(cell(shown(fig, fig.judged) if fig.judged is not None else "—"))
        cells.append(cell(period_verdict(i), bold=i.attainment is Attainment.NOT_REACHED))
        rows.append(Row(tuple(cells)))
    out.append(Table(cols, tuple(rows), caption=t("period.indicators.caption", span=f"{p.start}–{p.end}"), size="small"))
    notes = [t("period.indicators.note", end=p.end)]
    if any(i.yearly for i in p.indicators):
        notes.append(t("period.indicators.note_yearly"))
    if any(i.final.total is not None for i in p.indicators):
        notes.append(t("period.indicators.note_flow"))
    for ended in sorted({i.ended_on[0] for i in p.indicators if i.ended_on is not None}):
        notes.append(t("period.indicators.note_level_end", date=format_date_short(ended)))
    if any(i.baseline and i.baseline.reference_only for i in p.indicators):
        notes.append(t("year.indicators.reference_only"))
    out.append(Para(runs(" ".join(notes)), "note"))
    series = []
    for i in p.indicators:
        if i.unassessed is Unassessed.QUALITATIVE or not any(f.judged is not None for _, f in i.by_year):
            continue
        last = i.last_figure
        series.append(chart.Series(
            label=f"{i.indicator.name} ({lower_first(scopes[i.scope])})",
            points=tuple((y, f.judged) for y, f in i.by_year),
            target=i.target.value if i.target else None, stretch=i.target.stretch if i.target else None,
            baseline=(i.baseline.year, i.baseline.value) if i.baseline and i.indicator.is_percent else None,
            met=i.attainment.met, percent=i.indicator.is_percent, assessed=i.attainment is not Attainment.NOT_ASSESSED,
            shown_last=display.value(last[1], i.indicator, thresholds(i.target)) if last else ""))
    drawing = chart.small_multiples(series, t("period.chart.title", span=f"{p.start}–{p.end}"))
    if drawing is not None:
        out.append(Figure(drawing))
    return out
