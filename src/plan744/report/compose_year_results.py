"""The annual report, I. results: the indicator table and chart, tasks by area in counts, the
appendix rows and their money in one paragraph, the money indicators, and a short selection of
the units' own words (also used by II and IV)."""

from __future__ import annotations

from plan744.core import display
from plan744.core.figures.codes import Attainment, PathStatus, Unassessed
from plan744.core.figures.year import AppendixYear, IndicatorYear, YearFigures
from plan744.core.labels import COLUMN, NARRATIVE, PATH, ROW_STATE, lower_first, task_status
from plan744.core.vnformat import format_date_short
from plan744.report import chart
from plan744.report.compose_common import (
    Numbering,
    first_sentence,
    indicator_label,
    money_words,
    names,
    shown,
    spread,
    t,
    target_text,
    unit_runs,
    verdict,
)
from plan744.report.document import Block, Bullets, Cell, Column, Figure, Para, Row, Run, Table, cell, runs

SELECTION = 6  # units quoted in the body per narrative section; the rest in the appendix


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


def selection(f: YearFigures, section: str, n: Numbering, heading: str) -> list[Block]:
    return [n.heading(2, heading)] + selection_items(f, section)


def selection_items(f: YearFigures, section: str) -> list[Block]:
    items = [i for i in f.narratives[section] if i.text.strip()]
    if not items:
        return [Para(runs(t(f"year.{section}.none")))]
    seen: set[str] = set()
    distinct = []
    for i in items:  # the same sentence from several units is quoted once
        key = " ".join(first_sentence(i.text).casefold().split())
        if key not in seen:
            seen.add(key)
            distinct.append(i)
    chosen = spread(distinct, SELECTION)
    lead = t("year.selection.lead", count=len(items), section=lower_first(NARRATIVE[section]), shown=len(chosen))
    return [Para(runs(lead)), Bullets(tuple(unit_runs(i.unit, first_sentence(i.text)) for i in chosen))]
