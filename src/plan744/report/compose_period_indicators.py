"""The close-out, I.1: the tally of targets, the table of every target year by year, the chart;
the span's verdict of one target (also used by II and the terminal's summary)."""

from __future__ import annotations

from plan744.core import display
from plan744.core.figures.assessment import Tally, running_date
from plan744.core.figures.codes import Attainment, Unassessed
from plan744.core.figures.period import IndicatorPeriod, PeriodFigures
from plan744.core.labels import COLUMN, UNASSESSED, lower_first
from plan744.core.plan import Money, Plan
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
from plan744.report.compose_year_indicators import (
    base_sentence,
    charted,
    figure_text,
    level_end_notes,
    new_base_notes,
    partial_sentences,
    reference_note,
    short_target,
    tally_sentence,
    units_figure,
    verdict_with_caveat,
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
    final_year = p.last
    tally = Tally.of(plan, ((i.attainment, i.unassessed) for i in p.indicators))
    text = [base_sentence(plan), tally_sentence(plan, tally, p.end, final_year.window[1])]
    not_yet = [i for i in p.not_assessed if i.unassessed is Unassessed.NOT_YET_DUE]  # a span ending before their year
    if not_yet:
        text.append(t("shape.not_yet_due.items", items="; ".join(
            t("shape.not_yet_due.item", label=indicator_label(i.final, scopes), year=i.final.governing.milestone)
            for i in not_yet)))
    unassessed = [i for i in p.not_assessed if i.unassessed is not Unassessed.NOT_YET_DUE]
    if unassessed:
        text.append(t("judge.not_assessed.items", items="; ".join(
            f"{indicator_label(i.final, scopes)}: {lower_first(reason(i))}" for i in unassessed)))
    text += partial_sentences(plan, p.end, [i.final for i in p.indicators])
    if p.qualitative:
        text.append(t("judge.qualitative.items", items="; ".join(
            f"{indicator_label(i.final, scopes)}: {_qualitative_figure(plan, i)}" for i in p.qualitative)))
    out.append(Para(runs(" ".join(text))))
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
                 cell(short_target(i.final, plan.money))]
        if base_years:
            cells.append(cell(display.percent(i.baseline.value, i.indicator) if i.baseline else "—"))
        for _, fig in i.by_year:
            cells.append(cell(figure_text(fig, fig.judged) if fig.judged is not None else "—"))
        cells.append(cell(_verdict_cell(plan, i), bold=i.attainment is Attainment.NOT_REACHED))
        rows.append(Row(tuple(cells)))
    out.append(Table(cols, tuple(rows), caption=t("period.indicators.caption", span=f"{p.start}–{p.end}"), size="small"))
    notes = [t("judge.note.period", end=p.end)]
    if any(i.yearly for i in p.indicators):
        notes.append(t("period.indicators.note_yearly"))
    if any(i.final.total is not None for i in p.indicators):
        notes.append(t("period.indicators.note_flow"))
    reference = reference_note(plan, [i.final for i in p.indicators])
    if reference:
        notes.append(reference)
    notes += level_end_notes(plan, [f for i in p.indicators for _, f in i.by_year])
    # a partial last year is said once, in the paragraph above; its rows carry "chưa gồm …"
    notes += new_base_notes(plan, final_year)
    out.append(Para(runs(" ".join(notes)), "note"))
    series = []
    for i in charted(plan, p.indicators):
        if i.unassessed is Unassessed.QUALITATIVE or not any(f.judged is not None for _, f in i.by_year):
            continue
        last = i.last_figure
        series.append(chart.Series(
            label=f"{i.indicator.name} ({lower_first(scopes[i.scope])})",
            points=tuple((y, f.judged) for y, f in i.by_year),
            target=i.target.value if i.target else None, stretch=i.target.stretch if i.target else None,
            baseline=(i.baseline.year, i.baseline.value) if i.baseline and i.indicator.is_percent else None,
            met=i.attainment.met, percent=i.indicator.is_percent, assessed=i.attainment is not Attainment.NOT_ASSESSED,
            verdict=period_verdict(i).split(" (")[0],
            shown_last=figure_text(i.final, last[1]) if last else ""))
    drawing = chart.small_multiples(series, t("period.chart.title", span=f"{p.start}–{p.end}"))
    if drawing is not None:
        out.append(Figure(drawing))
        caption = t("judge.chart.caption", number=1, title=drawing.title) + ". " + t("judge.chart.source")
        out.append(Para(runs(caption), "caption"))
    return out


def _verdict_cell(plan: Plan, i: IndicatorPeriod) -> str:
    """The span's verdict with what it rests on: a level's last date, or a last year's gap."""
    words = period_verdict(i)
    if i.attainment is Attainment.NOT_ASSESSED:
        return words
    if i.ended_on is not None and i.final.level_end is None:  # the level ended in an earlier year
        return f"{words} ({t('judge.to_date', date=running_date(i.ended_on[0]))})"
    return verdict_with_caveat(plan, i.final, words)


def _qualitative_figure(plan: Plan, i: IndicatorPeriod) -> str:
    """"100% (20/20)", or "129/130 xã, phường (xã Mỹ Lý chưa báo cáo)" when units sent nothing."""
    f = i.final
    units = units_figure(plan, f)
    if units:
        return units
    if f.ratio is None:
        return figure_text(f) if f.judged is not None else "—"
    return f"{figure_text(f)} ({display.money(f.ratio.numerator)}/{display.money(f.ratio.denominator)})"
