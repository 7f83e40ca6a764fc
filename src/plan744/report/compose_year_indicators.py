"""The annual report, I.1 and I.4: the indicator table and chart, and the money indicators.

The judgement words shared with the close-out's I.1 (the tally and its base, a level's last
date, a partial year, units that sent nothing, the notes) are made here, from the rules of
`core.figures.assessment`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from types import SimpleNamespace
from typing import Protocol, TypeVar

from plan744.core import display
from plan744.core.figures.assessment import FEW, Tally, quantitative_targets, running_date, split_by_level, two_digits
from plan744.core.figures.codes import Attainment, PathStatus, Unassessed
from plan744.core.figures.year import IndicatorYear, YearFigures
from plan744.core.labels import COLUMN, PATH, lower_first
from plan744.core.plan import Indicator, Money, Plan
from plan744.core.vnformat import format_percent
from plan744.report import chart
from plan744.report.compose_common import (
    Numbering,
    indicator_label,
    shown,
    t,
    target_text,
    verdict,
)
from plan744.report.compose_reform import in_sentence
from plan744.report.compose_year_results import annex_label
from plan744.report.document import Block, Bullets, Cell, Column, Figure, Para, Row, Run, Table, cell, runs

HUNDRED = Decimal(100)

# --- judgement words shared with the close-out ----------------------------------------------------


def base_sentence(plan: Plan) -> str:
    """"Kế hoạch đặt 15 chỉ tiêu định lượng (chỉ tiêu hồ sơ công việc … tính riêng từng cấp)."""
    split = split_by_level(plan)
    names = ", ".join(lower_first(i.name) for i in split)
    return t("judge.base", count=two_digits(len(quantitative_targets(plan))),
             split=t("judge.base.split", names=names) if split else "")


def tally_sentence(plan: Plan, tally: Tally, year: int, cut_off: dt.date, behind: int = 0) -> str:
    """"Đến hết năm 2025 (số liệu đến ngày 14/12/2025), có 12/15 chỉ tiêu đạt và vượt mục tiêu
    (trong đó 11 chỉ tiêu vượt), 03 chỉ tiêu chưa đạt." (zero categories left out)."""
    key = "judge.tally.final" if year >= plan.period.end else "judge.tally.year"
    text = t(key, year=year, date=running_date(cut_off), met=two_digits(tally.met), base=two_digits(tally.base))
    if tally.exceeded:
        text += t("judge.tally.exceeded", count=two_digits(tally.exceeded))
    rest = [t(code, count=two_digits(n)) for code, n in (("judge.tally.not_met", tally.not_met),
                                                         ("shape.tally.not_yet_due", tally.not_yet_due),
                                                         ("judge.tally.not_assessed", tally.not_assessed)) if n]
    text += "".join(", " + r for r in rest)
    if behind:  # a path, not a verdict: apart from the tally's categories
        text += "; " + t("judge.tally.behind", count=two_digits(behind))
    return text + "."


def to_date(figure: IndicatorYear) -> str:
    """"số liệu đến ngày 30/6/2025" for a level that ended during the year, else ""."""
    return t("judge.to_date", date=running_date(figure.level_end)) if figure.level_end is not None else ""


def _levels(plan: Plan, codes: Sequence[str]) -> str:
    names = {lv.code: lv.name for lv in plan.levels}
    return ", ".join(lower_first(names.get(c, c)) for c in codes)


def partial_cell(plan: Plan, figure: IndicatorYear) -> str:
    """"chưa gồm cấp xã từ 01/7/2025" beside a verdict on part of the year."""
    if figure.uncovered_from is None:
        return ""
    return t("judge.partial.cell", levels=_levels(plan, figure.uncovered_levels), date=running_date(figure.uncovered_from))


def verdict_with_caveat(plan: Plan, figure: IndicatorYear, words: str) -> str:
    """A verdict with what it rests on: a level's last date, or the part of the year it lacks."""
    caveat = to_date(figure) if figure.attainment is not Attainment.NOT_ASSESSED else ""
    caveat = caveat or (partial_cell(plan, figure) if figure.attainment is not Attainment.NOT_ASSESSED else "")
    return f"{words} ({caveat})" if caveat else words


def partial_sentences(plan: Plan, year: int, figures: Sequence[IndicatorYear]) -> list[str]:
    """"Năm 2025, các chỉ tiêu … chưa bao gồm số liệu của cấp xã từ ngày 01/7/2025.", one per gap."""
    groups: dict[tuple[dt.date, tuple[str, ...]], list[IndicatorYear]] = {}
    for r in figures:
        if r.uncovered_from is not None:
            groups.setdefault((r.uncovered_from, r.uncovered_levels), []).append(r)
    out = []
    for (start, levels), rows in sorted(groups.items()):
        key = "judge.partial.one" if len(rows) == 1 else "judge.partial.many"
        out.append(t(key, year=year, names="; ".join(lower_first(r.indicator.name) for r in rows),
                     levels=_levels(plan, levels), date=running_date(start)))
    return out


def level_end_notes(plan: Plan, figures: Sequence[IndicatorYear]) -> list[str]:
    """"Cấp huyện kết thúc hoạt động ngày 30/6/2025: chỉ tiêu của cấp này được đánh giá trên số liệu đến ngày đó."""
    ended: dict[dt.date, list[str]] = {}
    for r in figures:
        if r.level_end is not None and r.judged is not None:
            ended.setdefault(r.level_end, [])
            for lv in r.levels:
                if lv not in ended[r.level_end]:
                    ended[r.level_end].append(lv)
    return [t("judge.level_end.note", level=_levels(plan, lvs)[:1].upper() + _levels(plan, lvs)[1:], date=running_date(d))
            for d, lvs in sorted(ended.items())]


def missing_text(figure: IndicatorYear) -> str:
    """"xã Mỹ Lý chưa báo cáo" (named when few), "05 đơn vị chưa báo cáo", or ""."""
    if not figure.missing:
        return ""
    if len(figure.missing) <= FEW:
        return t("judge.missing.few", names=", ".join(in_sentence(u.name) for u in figure.missing))
    return t("judge.missing.many", count=two_digits(len(figure.missing)))


def counts_units(figure: IndicatorYear) -> bool:
    """Each unit counts itself once (1/1 or 0/1): the figure is a number of units."""
    r = figure.ratio
    return r is not None and figure.reporting_units > 0 and r.denominator == figure.reporting_units \
        and all(u.ratio is not None and u.ratio.denominator == 1 for u in figure.units)


def _kind_words(plan: Plan, figure: IndicatorYear) -> str:
    kinds = {u.unit.kind for u in figure.units} | {u.kind for u in figure.missing}
    if len(kinds) != 1:
        return ""
    kind = plan.kinds_by_code.get(next(iter(kinds)))
    return lower_first(kind.name) if kind else ""


def units_figure(plan: Plan, figure: IndicatorYear) -> str:
    """"129/130 xã, phường (xã Mỹ Lý chưa báo cáo)" for a figure that counts units, or ""."""
    if not counts_units(figure) or not figure.missing or figure.ratio is None:
        return ""
    text = t("judge.units_of", reported=display.money(figure.ratio.numerator), expected=figure.expected_units,
             kind=_kind_words(plan, figure)).strip()
    return f"{text} ({missing_text(figure)})"


def new_base_notes(plan: Plan, f: YearFigures) -> list[str]:
    """"Năm 2025, chỉ tiêu … tính trên 130 xã, phường sau sắp xếp." when every unit owing a
    state at the year's end began during the year (a reorganisation changed the base); "… tính
    trên 129/130 xã, phường sau sắp xếp đã gửi báo cáo (xã Mỹ Lý chưa báo cáo)." when some sent
    nothing, since a year's figure is over the units that reported (the table's note)."""
    out = []
    start = f.window[0]
    for r in f.indicators:
        units = [u.unit for u in r.units] + list(r.missing)
        if not r.indicator.state_at_end or not units or not all(u.start is not None and u.start > start for u in units):
            continue
        kind = _kind_words(plan, r)
        if not kind:
            continue
        name = indicator_label(r, display.scope_names(plan))
        if r.missing:
            out.append(t("judge.new_base.partial", year=f.year, name=name, reported=r.reporting_units,
                         count=r.expected_units, kind=kind, missing=missing_text(r)))
        else:
            out.append(t("judge.new_base", year=f.year, name=name, count=r.expected_units, kind=kind))
    return out


def reference_note(plan: Plan, figures: Sequence[IndicatorYear]) -> str:
    """"Số liệu năm 2020 (Phần I của Kế hoạch) đo khác phạm vi, chỉ dùng để tham khảo." when a
    baseline measures something close, not the same (the plan data marks it)."""
    marked = [r.baseline for r in figures if r.baseline is not None and r.baseline.reference_only]
    if not marked:
        return ""
    year = marked[0].year
    sections = [b.section for b in plan.baselines if b.year == year and b.link is not None and b.link.reference_only]
    section = sections[0].split(",")[0].strip() if sections else ""
    return t("judge.note.reference", year=year, section=section)


def short_target(figure: IndicatorYear, money: Money) -> str:
    """The target as a table shows it, without repeating the indicator's name ("Triển khai nhân
    rộng … từ cấp tỉnh, cấp huyện" becomes "Triển khai nhân rộng từ cấp tỉnh, cấp huyện")."""
    text = target_text(figure, money)
    name = figure.indicator.name
    at = text.lower().find(name.lower())
    if at > 0:
        text = " ".join((text[:at] + text[at + len(name):]).split())
    return text


def figure_text(figure: IndicatorYear, value: Decimal | None = None) -> str:
    """The figure as tables show it; a whole 100% is "100%"."""
    v = figure.judged if value is None else value
    if figure.indicator.is_percent and v == HUNDRED and (value is not None or figure.total is None):
        return format_percent(HUNDRED, 0)
    return shown(figure, value)


# --- the annual report -----------------------------------------------------------------------------


def indicators(f: YearFigures, scopes: dict[str, str], n: Numbering) -> list[Block]:
    plan = f.plan
    out: list[Block] = [n.heading(2, t("year.h.indicators"))]
    counted = [r for r in f.indicators if r.unassessed is not Unassessed.QUALITATIVE]
    tally = Tally.of(plan, ((r.attainment, r.unassessed) for r in f.indicators))
    text = [base_sentence(plan), tally_sentence(plan, tally, f.year, f.window[1], len(f.behind_path))]
    unassessed = [r for r in counted if r.attainment is Attainment.NOT_ASSESSED and r.unassessed is not Unassessed.NOT_YET_DUE]
    not_yet = [r for r in counted if r.unassessed is Unassessed.NOT_YET_DUE]
    if not_yet:  # neither met nor missed: their year has not come
        text.append(t("shape.not_yet_due.items", items="; ".join(
            t("shape.not_yet_due.item", label=indicator_label(r, scopes), year=r.governing.milestone) for r in not_yet)))
    if unassessed:
        text.append(t("judge.not_assessed.items", items="; ".join(
            f"{indicator_label(r, scopes)}: {lower_first(verdict(r))}" for r in unassessed)))
    text += partial_sentences(plan, f.year, f.indicators)
    # the summing rule only where some percentage is summed over several units (not a single source's figure)
    pooled = any(r.indicator.is_percent and not r.indicator.central and r.reporting_units > 1 for r in f.indicators)
    if pooled:
        text.append(t("year.indicators.pooled"))
    out.append(Para(runs(" ".join(text))))
    with_path = any(r.path_expected is not None for r in f.indicators)
    out.append(_indicator_table(f, scopes, with_path))
    units_annex = annex_label("plan744.report.compose_year", SimpleNamespace(f=f, short=False), "units")
    notes = [t("judge.note.year" if pooled else "shape.note.year", year=f.year,
               appendix=units_annex or t("judge.note.appendix_plain"))]
    if with_path:
        notes.append(t("judge.note.path"))
    reference = reference_note(plan, [r for r in f.indicators if r.path_expected is not None])
    if reference:
        notes.append(reference)
    notes += level_end_notes(plan, f.indicators)
    # a partial year is said once, in the paragraph above; its rows carry "chưa gồm …" in the table
    notes += new_base_notes(plan, f)
    for ended in sorted({r.level_end for r in f.level_ended if r.level_end is not None}):
        key = "year.indicators.level_ended_note" if ended >= f.window[0] else "year.indicators.level_gone_note"
        notes.append(t(key, date=running_date(ended)))
    out.append(Para(runs(" ".join(notes)), "note"))
    drawing = chart.year_chart(charted(plan, f.indicators, money_rows(f)), scopes, t("year.chart.title", year=f.year))
    if drawing is not None:
        out.append(Figure(drawing))
        out.append(Para(runs(t("judge.chart.caption", number=1, title=drawing.title) + ". " + t("judge.chart.source")),
                        "caption"))
    if f.caveats:
        out.append(Para(runs(t("year.caveats.lead")), "note"))
        out.append(Bullets(tuple(runs(c.message) for c in f.caveats[:10])))
    return out


class _Charted(Protocol):
    @property
    def indicator(self) -> Indicator: ...


Charted = TypeVar("Charted", bound=_Charted)


def charted(plan: Plan, rows: Sequence[Charted], left_out: Sequence[Charted] = ()) -> list[Charted]:
    """The rows a report's chart draws, as the plan decides: those of the indicators its
    `report.chart` names, in that order; without it every row but `left_out` (in the year, the
    units' money shares, which the money section shows), in the plan's order. The chart itself
    leaves out a target without a number."""
    if plan.report.chart is None:
        return [r for r in rows if not any(r is m for m in left_out)]
    order = {ind_id: k for k, ind_id in enumerate(plan.report.chart)}
    return sorted((r for r in rows if r.indicator.id in order), key=lambda r: order[r.indicator.id])


def _result_lines(f: YearFigures, r: IndicatorYear) -> list:
    units = units_figure(f.plan, r)
    if units:
        return [runs(Run(units, bold=True))]
    lines = [runs(Run(figure_text(r), bold=True))]
    if r.ratio is not None:
        lines.append(runs(f"{display.money(r.ratio.numerator)}/{display.money(r.ratio.denominator)}"))
    elif r.amount is not None:
        word = f.plan.money.unit if r.indicator.value == "amount" else r.indicator.count_unit
        if r.total is not None:
            lines.append(runs(t("figure.in_year", value=display.value(r.amount, r.indicator))))
        if word:
            lines.append(runs(word))
    missing = missing_text(r)
    if missing:
        lines.append(runs(f"({missing})"))
    return lines


def _lead_lines(f: YearFigures, r: IndicatorYear) -> tuple:
    """"Chủ trì: Bộ KH&CN" under a target whose lead unit the plan names (its monitoring body)."""
    code = r.indicator.monitor
    if not code:
        return ()
    unit = f.plan.units_by_code.get(code)
    name = (unit.short_name or unit.name) if unit else (r.indicator.monitor_text or code)
    return (runs(t("shape.lead", lead=name)),)


def _indicator_table(f: YearFigures, scopes: dict[str, str], with_path: bool) -> Table:
    # the year before: a column only when some figure is on file for it (the first year of a plan has none)
    with_previous = any(r.previous is not None for r in f.indicators)
    rows = []
    for i, r in enumerate(f.indicators, start=1):
        state = verdict_with_caveat(f.plan, r, verdict(r))
        if r.path in (PathStatus.AHEAD, PathStatus.ON_TRACK, PathStatus.BEHIND):
            state += "; " + lower_first(PATH[r.path])
        cells = [
            cell(str(i), align="center"),
            Cell((runs(r.indicator.name), runs(scopes[r.scope])) + _lead_lines(f, r)),
            cell(short_target(r, f.plan.money)),
            Cell(tuple(_result_lines(f, r)), "right"),
        ]
        if with_previous:
            cells.append(cell(figure_text(r, r.previous) if r.previous is not None else "—", align="right"))
        if with_path:
            cells.append(cell(display.percent(r.path_expected, r.indicator) if r.path_expected is not None else "—",
                              align="right"))
        cells.append(cell(state, bold=r.attainment is Attainment.NOT_REACHED))
        rows.append(Row(tuple(cells)))
    path_col = (Column(COLUMN["path"].format(year=f.year), 0.10, "right"),) if with_path else ()
    previous_col = (Column(COLUMN["previous"].format(year=f.year - 1), 0.09, "right"),) if with_previous else ()
    cols = (Column(COLUMN["tt"], 0.05, "center"),
            Column(COLUMN["indicator"], (0.28 if with_path else 0.31) + (0 if with_previous else 0.09)),
            Column(COLUMN["target"], 0.15),
            Column(t("col.result_year", year=f.year), 0.19 if with_path else 0.20, "right")) + previous_col + path_col + (
        Column(COLUMN["verdict"], 0.14 if with_path else 0.20),)
    return Table(cols, tuple(rows), caption=t("year.indicators.caption", year=f.year))


def money_rows(f: YearFigures) -> list[IndicatorYear]:
    """The units' money indicators (disbursement rates and the like) of the year: a share measured
    once by a monitoring body (the digital economy in GRDP) is no "Kinh phí" of the units."""
    return [r for r in f.indicators if r.indicator.is_percent and r.indicator.measure == "money" and not r.indicator.central]


def money(f: YearFigures, scopes: dict[str, str], n: Numbering) -> list[Block]:
    out: list[Block] = [n.heading(2, t("year.h.money"))]
    unit = f.plan.money.unit
    for r in money_rows(f):
        ind = r.indicator
        if r.ratio is None or r.value is None:
            out.append(Para(runs(t("year.money.no_data", name=ind.name, scope=lower_first(scopes[r.scope])))))
            continue
        words = ind.money_words or t("phrase.per", numerator=lower_first(ind.numerator), denominator=lower_first(ind.denominator))
        line = t("year.money.line", name=ind.name, scope=lower_first(scopes[r.scope]), words=words,
                 numerator=display.money(r.ratio.numerator), denominator=display.money(r.ratio.denominator),
                 unit=unit, value=shown(r), target=target_text(r, f.plan.money),
                 verdict=lower_first(verdict_with_caveat(f.plan, r, verdict(r))))
        out.append(Para(runs(line)))  # a partial year: said by the verdict ("đạt (chưa gồm …)") and in I.1
    return out
