"""The annual report as blocks: a body short enough to sign, the detail in appendices.

Body (Nghị định 30 layout): heading, title, the draft and partial-data notices, the opening
sentence; I. results (the indicator table and chart, tasks by area in counts, the appendix
rows and their money in one paragraph, the money indicators, a short selection of the units'
highlights); II. assessment (what fell short, the reporting record, a short selection of the
causes units give); III. tasks for the next year; IV. proposals (a short selection); closing
and signature. Appendices: each unit's figures by indicator (one table per kind of unit, a
row per unit), who reported and when, the appendix rows in full (landscape), and, unless the
short variant is asked for, every unit's own words in full.

This module writes the opening and the closing; between them it walks `BODY` and `APPENDICES`,
the sections as data (`report.sections`), each applying under a named condition (`CONDITIONS`).
The sections are written in `compose_year_results` (I), `compose_year_review` (II, III) and
`compose_year_appendices`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from plan744.core import display
from plan744.core.figures.year import YearFigures
from plan744.core.labels import speaking
from plan744.core.notes import ReportNotes
from plan744.core.plan import AppendixTask
from plan744.core.reform import finished_before
from plan744.core.vnformat import format_day
from plan744.report import compose_quarter as quarter
from plan744.report import compose_reform as reform
from plan744.report import compose_year_appendices as appendices
from plan744.report import compose_year_indicators as indicators
from plan744.report import compose_year_results as results
from plan744.report import compose_year_review as review
from plan744.report.compose_common import Appendices, Issuance, Numbering, appendix_subtitle, closing, document, opening, plan_ref, t
from plan744.report.compose_period_review import notes_as_sample
from plan744.report.document import Block, Document, Para, runs
from plan744.report.sections import Annex, Part
from plan744.report.sections import annexes as walk_annexes
from plan744.report.sections import body as walk_body


@dataclass(frozen=True)
class YearReport:
    """What the annual report's sections are written from."""

    f: YearFigures
    scopes: dict[str, str]
    issuance: Issuance
    short: bool = False
    notes: ReportNotes | None = None  # the department's notes file for this report, if any


CONDITIONS: dict[str, Callable[[YearReport], bool]] = {
    "appendix": lambda r: bool(r.f.plan.appendix),  # the plan has an appendix of rows
    "money": lambda r: bool(indicators.money_rows(r.f)),  # the plan has money indicators
    "next_year": lambda r: r.f.next_year is not None,  # a year of the plan follows
    "last_year": lambda r: r.f.next_year is None,  # the plan's last year: the next period instead
    "full": lambda r: not r.short,  # not the short variant (`--rut-gon`)
    "tracking": lambda r: quarter.has_tracking(r.f.plan),  # tasks with deadlines, status reports on file
}

BODY: tuple[Part[YearReport], ...] = (
    Part("direction", lambda r, n: review.direction(r.f, r.notes, n)),
    Part("results", lambda r, n: [n.heading(1, t("year.h.results"))]),
    Part("indicators", lambda r, n: indicators.indicators(r.f, r.scopes, n)),
    Part("tasks", lambda r, n: results.tasks(r.f, n)),
    Part("appendix", lambda r, n: results.appendix_summary(r.f, n), needs="appendix"),
    Part("money", lambda r, n: indicators.money(r.f, r.scopes, n), needs="money"),
    Part("highlights", lambda r, n: review.highlights(r.f, n, r.notes)),
    Part("tracking", lambda r, n: quarter.tracking_year(r.f.plan, n), needs="tracking"),
    Part("assessment", lambda r, n: [n.heading(1, t("year.h.assessment"))] + review.assessment(r.f, r.scopes, n, r.notes)),
    Part("next", lambda r, n: review.next_year(r.f, r.scopes, n), needs="next_year"),
    Part("next_period", lambda r, n: review.next_period(r.f, n, r.notes), needs="last_year"),
    Part("proposals", lambda r, n: review.proposals(r.f, n, r.notes)),
)
"""The body after the opening, in order; the closing and signature follow."""

APPENDICES: tuple[Annex[YearReport], ...] = (
    Annex("units", lambda r: t("appendix.units.title", year=r.f.year),
          lambda r, n: appendices.unit_matrix(r.f, r.scopes, n.ref("indicators")), lambda r: True),
    Annex("completeness", lambda r: t("appendix.completeness.title", year=r.f.year),
          lambda r, n: appendices.completeness(r.f), lambda r: False),
    Annex("rows", lambda r: t("appendix.rows.title", year=r.f.year), lambda r, n: results.rows_detail(r.f),
          lambda r: True, needs="appendix"),
    Annex("accounts", lambda r: t("appendix.accounts.title", year=r.f.year), lambda r, n: appendices.accounts(r.f),
          lambda r: False, needs="full"),
    Annex("narratives", lambda r: t("appendix.narratives.title", year=r.f.year),
          lambda r, n: appendices.narratives_full(r.f), lambda r: False, needs="full"),
)


def compose_year(f: YearFigures, issuance: Issuance, generated: dt.datetime, *, short: bool = False,
                 notes: ReportNotes | None = None) -> Document:
    with speaking(f.plan.words), notes_as_sample(notes):  # the plan's own words (`words:` of the plan file)
        return _compose_year(f, issuance, generated, short=short, notes=notes)


def _compose_year(f: YearFigures, issuance: Issuance, generated: dt.datetime, *, short: bool,
                  notes: ReportNotes | None) -> Document:
    plan = f.plan
    scopes = display.scope_names(plan)
    n = Numbering()
    body = opening(plan, issuance, t("year.summary", plan=plan_ref(plan), year=f.year), generated.date(), f.window[1])
    c = f.completeness
    covered = [(d.unit, d.coverage.start, d.coverage.end) for d in c.rows]
    intro = t("year.intro", plan=plan_ref(plan), sources=reform.sources(plan.organisation, covered, *f.window),
              submitted=c.submitted, expected=c.expected, start=format_day(f.window[0]),
              end=format_day(f.window[1]), issuer=plan.report.issuer_short, year=f.year)
    body.append(Para(runs(reform.request_run(notes), " " + intro)))
    body += _partial(f)
    body += _changes(f)

    report = YearReport(f, scopes, issuance, short, notes)
    body += walk_body(BODY, CONDITIONS, report, n)
    body.append(Para(runs(t("year.end", plan=plan_ref(plan), year=f.year))))
    body.append(closing(plan, issuance, f.window[1], f.drafter))

    parts = Appendices(appendix_subtitle(plan, issuance))
    walk_annexes(APPENDICES, CONDITIONS, report, parts, n)
    doc_title = t("year.doc_title", kind=plan.document.kind, number=plan.document.number, year=f.year)
    return document(doc_title, generated, body, n, parts, {"plan": plan.document.number, "year": str(f.year)})


# --- the opening -------------------------------------------------------------------------------


def _partial(f: YearFigures) -> list[Block]:
    """Who has not reported, named in the text ("Xã Mỹ Lý chưa gửi báo cáo; …")."""
    c = f.completeness
    if not (c.missing or c.pending):
        return []
    why: list[str] = []
    if c.missing:
        why.append(t("year.partial_missing", units=reform.unit_list([d.unit for d in c.missing], first=not why)))
    if c.pending:
        why.append(t("year.partial_pending", units=reform.unit_list([d.unit for d in c.pending], first=not why),
                     deadline=format_day(max(d.coverage.deadline for d in c.pending))))
    left = reform.unit_list([d.unit for d in c.missing + c.pending], first=False)
    return [Para(runs(t("year.partial_notice", why="; ".join(why), units=left)))]


def _finished(f: YearFigures) -> reform.Finished:
    """Whether an appendix row was finished before a year, from what was reported before it."""
    earlier = {a.task.tt: a.earlier for a in f.appendix}

    def finished(task: AppendixTask, year: int) -> bool:
        last = earlier.get(task.tt)
        return last is not None and finished_before(task, [last], year)
    return finished


def _changes(f: YearFigures) -> list[Block]:
    """The year's changes of the organisation told in one paragraph (`compose_reform`)."""
    return reform.reform(f.plan, f.changes, _finished(f), year=f.year)
