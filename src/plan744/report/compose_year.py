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
from plan744.core.labels import lower_first, speaking
from plan744.core.notes import ReportNotes
from plan744.core.vnformat import format_date_short
from plan744.report import compose_year_appendices as appendices
from plan744.report import compose_year_indicators as indicators
from plan744.report import compose_year_results as results
from plan744.report import compose_year_review as review
from plan744.report.compose_common import (
    Appendices,
    Issuance,
    Numbering,
    appendix_subtitle,
    closing,
    header,
    names,
    plan_ref,
    t,
    title,
)
from plan744.report.document import Block, Bullets, Document, Para, Section, Toc, runs
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
}

BODY: tuple[Part[YearReport], ...] = (
    Part("results", lambda r, n: [n.heading(1, t("year.h.results"))]),
    Part("indicators", lambda r, n: indicators.indicators(r.f, r.scopes, n)),
    Part("tasks", lambda r, n: results.tasks(r.f, n)),
    Part("appendix", lambda r, n: results.appendix_summary(r.f, n), needs="appendix"),
    Part("money", lambda r, n: indicators.money(r.f, r.scopes, n), needs="money"),
    Part("highlights", lambda r, n: review.selection(r.f, "highlights", n, t("year.h.highlights"))),
    Part("assessment", lambda r, n: [n.heading(1, t("year.h.assessment"))] + review.assessment(r.f, r.scopes, n)),
    Part("next", lambda r, n: review.next_year(r.f, r.scopes, n), needs="next_year"),
    Part("next_period", lambda r, n: review.next_period(r.f, n), needs="last_year"),
    Part("proposals", lambda r, n: [n.heading(1, t("year.h.proposals"))] + review.selection_items(r.f, "proposals")),
)
"""The body after the opening, in order; the closing and signature follow."""

APPENDICES: tuple[Annex[YearReport], ...] = (
    Annex("units", lambda r: t("appendix.units.title", year=r.f.year), lambda r: appendices.unit_matrix(r.f, r.scopes),
          lambda r: True),
    Annex("completeness", lambda r: t("appendix.completeness.title", year=r.f.year),
          lambda r: appendices.completeness(r.f), lambda r: False),
    Annex("rows", lambda r: t("appendix.rows.title", year=r.f.year), lambda r: results.rows_detail(r.f),
          lambda r: True, needs="appendix"),
    Annex("accounts", lambda r: t("appendix.accounts.title", year=r.f.year), lambda r: appendices.accounts(r.f),
          lambda r: False, needs="full"),
    Annex("narratives", lambda r: t("appendix.narratives.title", year=r.f.year),
          lambda r: appendices.narratives_full(r.f), lambda r: False, needs="full"),
)


def compose_year(f: YearFigures, issuance: Issuance, generated: dt.datetime, *, short: bool = False,
                 notes: ReportNotes | None = None) -> Document:
    with speaking(f.plan.words):  # the plan's own words (`words:` of the plan file)
        return _compose_year(f, issuance, generated, short=short, notes=notes)


def _compose_year(f: YearFigures, issuance: Issuance, generated: dt.datetime, *, short: bool,
                  notes: ReportNotes | None) -> Document:
    plan = f.plan
    scopes = display.scope_names(plan)
    n = Numbering()
    body: list[Block] = [header(plan, issuance), None]  # type: ignore[list-item] # the TOC goes here
    body.append(title(t("year.summary", plan=plan_ref(plan), year=f.year)))
    if issuance.draft:
        body.append(Para(runs(t("draft.note", date=format_date_short(generated.date()))), "draft"))
    c = f.completeness
    if c.missing or c.pending:
        why = []
        if c.missing:
            why.append(t("year.partial_missing", missing=len(c.missing)))
        if c.pending:
            why.append(t("year.partial_pending", pending=len(c.pending),
                         deadline=format_date_short(max(d.coverage.deadline for d in c.pending))))
        body.append(Para(runs(t("year.partial_notice", submitted=c.submitted, expected=c.expected,
                                why="; ".join(why))), "notice"))
    body.append(Para(runs(t("year.intro", plan=plan_ref(plan), title=lower_first(plan.document.title),
                            submitted=c.submitted, expected=c.expected, start=format_date_short(f.window[0]),
                            end=format_date_short(f.window[1]), issuer=plan.report.issuer_short, year=f.year))))
    body += _changes(f)

    report = YearReport(f, scopes, issuance, short, notes)
    body += walk_body(BODY, CONDITIONS, report, n)
    body.append(Para(runs(t("year.end", plan=plan_ref(plan), year=f.year))))
    body.append(closing(plan, issuance, f.window[1], f.drafter))

    parts = Appendices(appendix_subtitle(plan, issuance))
    walk_annexes(APPENDICES, CONDITIONS, report, parts)
    sections = parts.sections
    toc = Toc(tuple(n.entries) + tuple((1, f"{s.appendix}. {s.title}", s.anchor) for s in sections))
    body[1] = toc
    doc_title = t("year.doc_title", kind=plan.document.kind, number=plan.document.number, year=f.year)
    return Document(doc_title, generated, (Section(tuple(body)),) + tuple(sections),
                    meta={"plan": plan.document.number, "year": str(f.year)})


# --- the opening -------------------------------------------------------------------------------


def _changes(f: YearFigures) -> list[Block]:
    """How the year's changes of the organisation were counted, in the report's own words."""
    if not f.changes:
        return []
    org = f.plan.organisation
    items = []
    for e in f.changes:
        when = format_date_short(e.date)
        olds = [org.units_by_code[c].name for c in e.from_units if c in org.units_by_code]
        news = [org.units_by_code[c].name for c in e.to_units if c in org.units_by_code]
        if e.kind == "level_end":
            kinds = [org.kinds_by_code[k] for k in e.kinds if k in org.kinds_by_code]
            ended = [d for d in f.completeness.rows if d.unit.kind in e.kinds]
            levels = {lv for k in kinds for lv in k.reports_levels}
            started = [d for d in f.completeness.rows if d.unit.start == e.date
                       and levels & set(f.plan.unit_levels(d.unit.code))]
            last = format_date_short(e.date - dt.timedelta(days=1))
            items.append(runs(t("change.level_end", when=when, kinds=", ".join(k.part_name or k.name for k in kinds),
                                ended=len(ended), start=format_date_short(f.window[0]), last=last,
                                started=len(started), first=when, end=format_date_short(f.window[1]))))
        elif e.rule == "successor":
            new_units = [org.units_by_code[c] for c in e.to_units if c in org.units_by_code]
            fresh = any(u.start == e.date for u in new_units)
            code = "change.rename" if e.kind == "rename" else ("change.merge_new" if fresh else "change.merge")
            items.append(runs(t(code, when=when, olds=", ".join(olds), news=", ".join(news))))
        else:
            items.append(runs(t("change.split", when=when, olds=", ".join(olds), news=names(news, 5))))
    return [Para(runs(t("change.lead", year=f.year))), Bullets(tuple(items))]
