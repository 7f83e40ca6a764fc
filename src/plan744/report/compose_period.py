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
import re
from collections.abc import Callable
from dataclasses import dataclass

from plan744.core import display
from plan744.core.figures.period import PeriodFigures
from plan744.core.labels import lower_first, speaking
from plan744.core.notes import ReportNotes
from plan744.core.plan import AppendixTask
from plan744.core.reform import finished_before
from plan744.report import compose_period_appendices as appendices
from plan744.report import compose_period_indicators as indicators
from plan744.report import compose_period_review as review
from plan744.report import compose_period_tasks as tasks
from plan744.report import compose_quarter as quarter
from plan744.report import compose_reform as reform
from plan744.report.compose_common import Appendices, Issuance, Numbering, appendix_subtitle, closing, document, opening, plan_ref, t
from plan744.report.compose_period_review import notes_as_sample
from plan744.report.document import Block, Document, Para, runs
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
    notes: ReportNotes | None = None  # the department's notes file for this report, if any


def _final(r: PeriodReport) -> bool:
    return r.p.end == r.p.plan.period.end


CONDITIONS: dict[str, Callable[[PeriodReport], bool]] = {
    "appendix": lambda r: bool(r.p.plan.appendix),  # the plan has an appendix of rows
    "funded": lambda r: r.p.plan.funded,  # its rows carry costs
    "final": _final,  # the span ends with the plan (tổng kết)
    "mid": lambda r: not _final(r),  # a mid-term review (sơ kết)
    "tracking": lambda r: quarter.has_tracking(r.p.plan),  # tasks with deadlines, status reports on file
}


def _next_heading(r: PeriodReport, n: Numbering) -> list[Block]:
    plan = r.p.plan
    return [n.heading(1, t("period.h.next", start=plan.period.end + 1, end=plan.period.end + len(plan.period.years)))]


def _next_mid_heading(r: PeriodReport, n: Numbering) -> list[Block]:
    return [n.heading(1, t("period.h.next_mid", start=r.p.end + 1, end=r.p.plan.period.end))]


BODY: tuple[Part[PeriodReport], ...] = (
    Part("direction", lambda r, n: review.direction(plan_ref(r.p.plan), r.p.plan.report.issuer_short, r.notes, n,
                                                    [review.reporting_sentence(r.p)])),
    Part("results", lambda r, n: [n.heading(1, t("year.h.results"))]),
    Part("indicators", lambda r, n: indicators.indicators(r.p, r.scopes, n)),
    Part("tasks", lambda r, n: tasks.tasks(r.p, n)),
    Part("appendix", lambda r, n: tasks.appendix_heading(r.p, n), needs="appendix"),
    Part("funding", lambda r, n: tasks.funding(r.p), needs="funded"),
    Part("row_states", lambda r, n: tasks.row_states(r.p), needs="appendix"),
    Part("on_time", lambda r, n: quarter.tracking_period(r.p.plan, n), needs="tracking"),
    Part("assessment", lambda r, n: [n.heading(1, t("year.h.assessment"))] + review.assessment(r.p, r.scopes, n, r.notes)),
    Part("next", lambda r, n: _next_heading(r, n) + review.next_items(r.p, r.scopes, r.notes), needs="final"),
    Part("next_mid", lambda r, n: _next_mid_heading(r, n) + review.next_items(r.p, r.scopes, r.notes), needs="mid"),
    Part("proposals", lambda r, n: review.proposals(r.p, r.span, n, r.notes)),
)
"""The body after the opening, in order; the closing and signature follow."""


APPENDICES: tuple[Annex[PeriodReport], ...] = (
    Annex("rows", lambda r: t("period.appendix.title", span=r.span), lambda r, n: tasks.rows_detail(r.p), lambda r: True,
          needs="appendix"),
    Annex("units", lambda r: t("period.units.title", span=r.span), lambda r, n: appendices.units(r.p),
          lambda r: False),  # one page upright: kinds by year, then only the late and missing
)


def compose_period(p: PeriodFigures, issuance: Issuance, generated: dt.datetime,
                   notes: ReportNotes | None = None) -> Document:
    with speaking(p.plan.words), notes_as_sample(notes):  # the plan's own words (`words:` of the plan file)
        return _compose_period(p, issuance, generated, notes)


def _compose_period(p: PeriodFigures, issuance: Issuance, generated: dt.datetime,
                    notes: ReportNotes | None) -> Document:
    plan = p.plan
    scopes = display.scope_names(plan)
    n = Numbering()
    word = t("period.word.final") if p.end == plan.period.end else t("period.word.mid")
    span = f"{p.start} - {p.end}"  # one form of a span, as the plan writes it ("2021 - 2025")
    body = opening(plan, issuance, _summary(p, word, span), generated.date(), p.last.window[1])
    covered = [(d.unit, d.coverage.start, d.coverage.end) for y in p.years for d in y.completeness.rows]
    intro = t("period.intro", plan=plan_ref(plan), issuer=plan.report.issuer_short, word=lower_first(word),
              count=f"{len(p.years):02d}", sources=reform.sources(plan.organisation, covered, p.years[0].window[0],
                                                                  p.last.window[1]))
    body.append(Para(runs(reform.request_run(notes), " " + intro)))
    body += reform.reform(plan, [e for y in p.years for e in y.changes], _finished(p), span=span)

    report = PeriodReport(p, scopes, issuance, word, span, notes)
    body += walk_body(BODY, CONDITIONS, report, n)
    body.append(Para(runs(t("period.end", word=lower_first(word), plan=plan_ref(plan), span=span))))
    body.append(closing(plan, issuance, p.last.window[1], p.last.drafter))

    parts = Appendices(appendix_subtitle(plan, issuance))
    walk_annexes(APPENDICES, CONDITIONS, report, parts, n)
    doc_title = t("period.doc_title", word=word, kind=plan.document.kind, number=plan.document.number, span=span)
    return document(doc_title, generated, body, n, parts, {"plan": plan.document.number, "period": span})


# --- the opening -------------------------------------------------------------------------------


def _summary(p: PeriodFigures, word: str, span: str) -> str:
    """The trích yếu names the plan by its subject: "Tổng kết 05 năm thực hiện Kế hoạch ứng dụng
    công nghệ thông tin … giai đoạn 2021 - 2025" (the plan's span in its title is kept, with the
    report's one form of dash)."""
    plan = p.plan
    whole = f"{plan.period.start} - {plan.period.end}"
    text = re.sub(rf"{plan.period.start}\s*[-–]\s*{plan.period.end}", whole, lower_first(plan.document.title))
    if whole not in text:
        text += t("reform.period_span_suffix", span=whole)
    return t("period.summary", word=word, count=f"{len(p.years):02d}", kind=plan.document.kind, title=text)


def _finished(p: PeriodFigures) -> reform.Finished:
    """Whether an appendix row was finished before a year, from the statuses reported each year."""
    statuses = {r.task.tt: r.statuses for r in p.rows}

    def finished(task: AppendixTask, year: int) -> bool:
        return finished_before(task, statuses.get(task.tt, ()), year)
    return finished
