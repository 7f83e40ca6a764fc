"""The close-out (báo cáo tổng kết; a mid-term span: sơ kết) as blocks.

I. Results: the tally of targets ("x/y chỉ tiêu đạt và vượt"), a table of every target from the
baseline through each year to the end against the final target, small multiples of each
indicator, the qualitative tasks by area, the appendix over the years (funding by year, each
row's money and end state), who reported each year. II. Assessment: what was achieved, what
fell short (pre-filled from the figures), causes and lessons (left for the drafter, marked).
III. Directions for the next period (pre-filled with what carries over). IV. Proposals.
Appendices: each row of the task appendix year by year; each unit's reporting record.

The body between the opening and the closing, and the appendices, are the lists `BODY` and
`APPENDICES` (`report.sections`): a mid-term review swaps "next" for "next_mid", an unfunded
appendix drops "funding", a plan without an appendix drops its sections, through `CONDITIONS`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from plan744.core import display
from plan744.core.figures.codes import Attainment, Timeliness, Unassessed
from plan744.core.figures.period import IndicatorPeriod, PeriodFigures
from plan744.core.figures.targets import thresholds
from plan744.core.labels import COLUMN, OUTCOME, TIMELINESS, UNASSESSED, lower_first, speaking, task_status
from plan744.core.plan import Money
from plan744.core.status import ReportStatus
from plan744.core.vnformat import format_date_short
from plan744.report import chart
from plan744.report.compose_common import (
    Appendices,
    Issuance,
    Numbering,
    appendix_subtitle,
    clip,
    closing,
    header,
    indicator_label,
    money_words,
    plan_ref,
    shown,
    t,
    target_text,
    title,
    verdict,
    verdict_word,
)
from plan744.report.document import Block, Bullets, Cell, Column, Document, Figure, Para, Row, Run, Section, Table, Toc, cell, runs
from plan744.report.sections import Annex, Part
from plan744.report.sections import annexes as walk_annexes
from plan744.report.sections import body as walk_body


@dataclass(frozen=True)
class PeriodReport:
    """What the close-out's sections are written from."""

    p: PeriodFigures
    scopes: dict[str, str]
    issuance: Issuance
    word: str  # "tổng kết" or "sơ kết"
    span: str  # "2021–2025"


def _final(r: PeriodReport) -> bool:
    return r.p.end == r.p.plan.period.end


CONDITIONS: dict[str, Callable[[PeriodReport], bool]] = {
    "appendix": lambda r: bool(r.p.plan.appendix),  # the plan has an appendix of rows
    "funded": lambda r: r.p.plan.funded,  # its rows carry costs
    "final": _final,  # the span ends with the plan (tổng kết)
    "mid": lambda r: not _final(r),  # a mid-term review (sơ kết)
}


def _next_heading(r: PeriodReport, n: Numbering) -> list[Block]:
    plan = r.p.plan
    return [n.heading(1, t("period.h.next", start=plan.period.end + 1, end=plan.period.end + len(plan.period.years)))]


def _next_mid_heading(r: PeriodReport, n: Numbering) -> list[Block]:
    return [n.heading(1, t("period.h.next_mid", start=r.p.end + 1, end=r.p.plan.period.end))]


BODY: tuple[Part[PeriodReport], ...] = (
    Part("results", lambda r, n: [n.heading(1, t("year.h.results"))]),
    Part("indicators", lambda r, n: _indicators(r.p, r.scopes, n)),
    Part("tasks", lambda r, n: _tasks(r.p, n)),
    Part("appendix", lambda r, n: _appendix(r.p, n), needs="appendix"),
    Part("funding", lambda r, n: _funding(r.p), needs="funded"),
    Part("row_states", lambda r, n: _row_states(r.p), needs="appendix"),
    Part("reporting", lambda r, n: _reporting(r.p, n)),
    Part("assessment", lambda r, n: [n.heading(1, t("year.h.assessment"))] + _assessment(r.p, r.scopes, n)),
    Part("next", lambda r, n: _next_heading(r, n) + _next(r.p, r.scopes), needs="final"),
    Part("next_mid", lambda r, n: _next_mid_heading(r, n) + _next(r.p, r.scopes), needs="mid"),
    Part("proposals", lambda r, n: _proposals(r, n)),
)
"""The body after the opening, in order; the closing and signature follow."""

APPENDICES: tuple[Annex[PeriodReport], ...] = (
    Annex("rows", lambda r: t("period.appendix.title", span=r.span), lambda r: _rows_detail(r.p), lambda r: True,
          needs="appendix"),
    Annex("units", lambda r: t("period.units.title", span=r.span), lambda r: _units(r.p),
          lambda r: len(r.p.years) > 4),
)


def compose_period(p: PeriodFigures, issuance: Issuance, generated: dt.datetime) -> Document:
    with speaking(p.plan.words):  # the plan's own words (`words:` of the plan file)
        return _compose_period(p, issuance, generated)


def _compose_period(p: PeriodFigures, issuance: Issuance, generated: dt.datetime) -> Document:
    plan = p.plan
    scopes = display.scope_names(plan)
    n = Numbering()
    word = t("period.word.final") if p.end == plan.period.end else t("period.word.mid")
    span = f"{p.start}–{p.end}"
    body: list[Block] = [header(plan, issuance), None]  # type: ignore[list-item] # the TOC goes here
    body.append(title(t("period.summary", word=word, plan=plan_ref(plan), span=span)))
    if issuance.draft:
        body.append(Para(runs(t("draft.note", date=format_date_short(generated.date()))), "draft"))
    body.append(Para(runs(t("period.intro", plan=plan_ref(plan), title=lower_first(plan.document.title),
                            issuer=plan.report.issuer_short, word=lower_first(word), span=span))))
    changes = [e for y in p.years for e in y.changes]
    if changes:
        years = ", ".join(sorted({str(e.date.year) for e in changes}))
        body.append(Para(runs(t("period.changes", count=len(changes), years=years)), "note"))

    report = PeriodReport(p, scopes, issuance, word, span)
    body += walk_body(BODY, CONDITIONS, report, n)
    body.append(Para(runs(t("period.end", word=lower_first(word), plan=plan_ref(plan), span=span))))
    body.append(closing(plan, issuance, p.last.window[1], p.last.drafter))

    parts = Appendices(appendix_subtitle(plan, issuance))
    walk_annexes(APPENDICES, CONDITIONS, report, parts)
    appendices = parts.sections
    body[1] = Toc(tuple(n.entries) + tuple((1, f"{s.appendix}. {s.title}", s.anchor) for s in appendices))
    doc_title = t("period.doc_title", word=word, kind=plan.document.kind, number=plan.document.number, span=span)
    return Document(doc_title, generated, (Section(tuple(body)),) + tuple(appendices),
                    meta={"plan": plan.document.number, "period": span})


def _proposals(r: PeriodReport, n: Numbering) -> list[Block]:
    proposals = sum(1 for y in r.p.years for i in y.narratives["proposals"] if i.text.strip())
    return [n.heading(1, t("year.h.proposals")),
            Para(runs(t("period.proposals.count", count=proposals, span=r.span))),
            Para(runs(Run(t("period.placeholder.proposals"), role="placeholder")), "placeholder")]


def _reason(i: IndicatorPeriod) -> str:
    return UNASSESSED[i.unassessed or Unassessed.NO_DATA]


def period_verdict(i: IndicatorPeriod) -> str:
    """The span's verdict: the final year's, or for a yearly target every year's ("Chưa đạt (năm 2027)")."""
    if not i.yearly:
        return verdict(i.final)
    if i.attainment is Attainment.NOT_ASSESSED:
        return _reason(i)
    words = verdict_word(i.attainment)
    return f"{words} ({t('period.missed', years=', '.join(map(str, i.missed_years)))})" if i.missed_years else words


def _shortfall(i: IndicatorPeriod, scopes: dict[str, str], money: Money) -> str:
    """"tỷ lệ … (toàn tỉnh): 45,2%, mục tiêu từ 50% trở lên"; a yearly target names its years short."""
    label = indicator_label(i.final, scopes)
    if i.yearly and i.missed_years:
        years = "; ".join(t("phrase.short_year", year=y, value=shown(f)) for y, f in i.yearly if y in i.missed_years)
        return t("phrase.short", label=label, value=years, target=target_text(i.final, money))
    return t("phrase.short", label=label, value=shown(i.final), target=target_text(i.final, money))


def _indicators(p: PeriodFigures, scopes: dict[str, str], n: Numbering) -> list[Block]:
    plan = p.plan
    out: list[Block] = [n.heading(2, t("year.h.indicators"))]
    tally = t("period.tally", met=len(p.met), counted=len(p.counted), exceeded=len(p.exceeded),
              not_met=len(p.not_met), end=p.end)
    if p.not_assessed:
        tally += " " + t("period.tally.not_assessed", count=len(p.not_assessed), items="; ".join(
            f"{indicator_label(i.final, scopes)}: {lower_first(_reason(i))}" for i in p.not_assessed))
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


def _tasks(p: PeriodFigures, n: Numbering) -> list[Block]:
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


def _appendix(p: PeriodFigures, n: Numbering) -> list[Block]:
    return [n.heading(2, t("year.h.appendix", kind=p.plan.document.kind))]


def _funding(p: PeriodFigures) -> list[Block]:
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


def _row_states(p: PeriodFigures) -> list[Block]:
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


def _reporting(p: PeriodFigures, n: Numbering) -> list[Block]:
    out: list[Block] = [n.heading(2, t("period.h.reporting"))]
    cols = (Column(t("period.col.year"), 0.16, "center"), Column(t("period.col.expected"), 0.21, "right"),
            Column(TIMELINESS[Timeliness.ON_TIME], 0.21, "right"), Column(TIMELINESS[Timeliness.LATE], 0.21, "right"),
            Column(TIMELINESS[Timeliness.MISSING], 0.21, "right"))
    rows = tuple(Row((cell(str(y.year)), cell(str(y.completeness.expected)), cell(str(len(y.completeness.on_time))),
                      cell(str(len(y.completeness.late))), cell(str(len(y.completeness.missing))))) for y in p.years)
    out.append(Table(cols, rows, caption=t("period.h.reporting")))
    out.append(Para(runs(t("period.reporting.detail")), "note"))
    return out


def _assessment(p: PeriodFigures, scopes: dict[str, str], n: Numbering) -> list[Block]:
    out: list[Block] = [n.heading(2, t("period.h.achieved"))]
    items = [runs(t("period.achieved.targets", met=len(p.met), counted=len(p.counted)))]
    if p.met:
        met = "; ".join(f"{indicator_label(i.final, scopes)}: {shown(i.final)}" for i in p.met)
        items.append(runs(t("period.achieved.list", items=met)))
    done = [r for r in p.rows if r.done]
    if p.rows:
        items.append(runs(t("period.achieved.rows", done=len(done), rows=len(p.rows))))
    out.append(Bullets(tuple(items)))
    out.append(Para(runs(Run(t("period.placeholder.achieved"), role="placeholder")), "placeholder"))
    out.append(n.heading(2, t("period.h.shortfalls")))
    short = []
    if p.not_met:
        short.append(runs(t("period.short.not_met", items="; ".join(_shortfall(i, scopes, p.plan.money) for i in p.not_met))))
    if p.not_assessed:
        short.append(runs(t("period.short.not_assessed", items="; ".join(
            f"{indicator_label(i.final, scopes)} ({lower_first(_reason(i))})" for i in p.not_assessed))))
    unfinished = [r for r in p.rows if not r.done]
    if unfinished:
        short.append(runs(t("period.short.rows", count=len(unfinished), rows=", ".join(str(r.task.tt) for r in unfinished))))
    out.append(Bullets(tuple(short)) if short else Para(runs(t("year.short.none"))))
    out.append(n.heading(2, t("period.h.causes")))
    causes = sum(1 for y in p.years for i in y.narratives["shortcomings"] if i.text.strip())
    out.append(Para(runs(t("period.causes.count", count=causes))))
    out.append(Para(runs(Run(t("period.placeholder.causes"), role="placeholder")), "placeholder"))
    out.append(n.heading(2, t("period.h.lessons")))
    out.append(Para(runs(Run(t("period.placeholder.lessons"), role="placeholder")), "placeholder"))
    return out


def _next(p: PeriodFigures, scopes: dict[str, str]) -> list[Block]:
    items = []
    if p.not_met:
        items.append(runs(t("period.next.not_met", items="; ".join(indicator_label(i.final, scopes) for i in p.not_met))))
    unfinished = [r for r in p.rows if not r.done]
    if unfinished:
        items.append(runs(t("period.next.rows", count=len(unfinished), rows=", ".join(str(r.task.tt) for r in unfinished))))
    out: list[Block] = [Bullets(tuple(items))] if items else []
    out.append(Para(runs(Run(t("period.placeholder.next"), role="placeholder")), "placeholder"))
    return out


def _rows_detail(p: PeriodFigures) -> list[Block]:
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


def _units(p: PeriodFigures) -> list[Block]:
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
