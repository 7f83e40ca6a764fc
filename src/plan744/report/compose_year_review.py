"""The annual report, II. assessment (what was achieved, what fell short, the reporting record,
a short selection of the causes units give) and III. tasks for the next year.
Also a short selection of the units' own words (used by I, II and IV)."""

from __future__ import annotations

import datetime as dt

from plan744.core import display
from plan744.core.figures.tasks import NarrativeItem
from plan744.core.figures.year import YearFigures
from plan744.core.labels import NARRATIVE, lower_first
from plan744.core.notes import ReportNotes
from plan744.core.status import ReportStatus
from plan744.core.vnformat import format_day
from plan744.report import compose_period_review as judgement
from plan744.report import compose_year_results as results
from plan744.report.compose_common import (
    Numbering,
    first_sentence,
    indicator_label,
    names,
    plan_ref,
    shown,
    spread,
    t,
    target_text,
    unit_runs,
)
from plan744.report.compose_reform import in_sentence
from plan744.report.document import Block, Bullets, Para, Run, runs

SELECTION = 6  # units quoted in the body per narrative section; the rest in the appendix


def assessment(f: YearFigures, scopes: dict[str, str], n: Numbering, notes: ReportNotes | None = None) -> list[Block]:
    out: list[Block] = [n.heading(2, t("year.h.achieved"))]
    achieved = []
    if f.assessed:
        achieved.append(runs(t("year.achieved.targets", met=len(f.met), assessed=len(f.assessed))))
    if f.met:
        achieved.append(runs(t("year.achieved.list", items="; ".join(f"{indicator_label(r, scopes)}: {shown(r)}" for r in f.met))))
    done = [a for a in f.appendix if a.done and a.reports]
    if done:
        achieved.append(runs(t("year.achieved.rows", count=len(done), year=f.year)))
    # who reported is said once, in I (`direction`)
    if achieved:
        out.append(Bullets(tuple(achieved)))
    out.append(n.heading(2, t("year.h.shortcomings")))
    items = []
    if f.not_met:
        items.append(runs(t("year.short.not_met", items="; ".join(
            t("phrase.short", label=indicator_label(r, scopes), value=shown(r), target=target_text(r, f.plan.money))
            for r in f.not_met))))
    if f.behind_path:
        items.append(runs(t("year.short.behind", items="; ".join(
            t("phrase.behind", label=indicator_label(r, scopes), value=shown(r),
              path=display.percent(r.path_expected, r.indicator))
            for r in f.behind_path))))
    # the plan's last year: every row not finished is a shortfall, not only the rows behind schedule
    short_rows = f.rows_behind if f.next_year is not None else [a for a in f.appendix if a.behind or not a.done]
    if short_rows:
        items.append(runs(t("year.short.rows", rows=results.rows_named(short_rows))))
    c = f.completeness
    reporting = []
    if c.missing:
        reporting.append(t("year.short.missing", count=len(c.missing), names=names((in_sentence(d.unit.name) for d in c.missing), 10)))
    if c.late:
        reporting.append(t("year.short.late", count=len(c.late), names=names(
            (t("phrase.sent_on", name=in_sentence(d.unit.name), date=format_day(d.submitted)) for d in c.late if d.submitted), 10)))
    if reporting:
        items.append(runs(t("year.short.reporting", parts="; ".join(reporting))))
    out.append(Bullets(tuple(items)) if items else Para(runs(t("year.short.none"))))
    if notes is not None and notes.shortcomings:
        out += judgement.drafted(notes.shortcomings, "review.placeholder.shortcomings")
    out.append(n.heading(2, t("year.h.causes")))
    out += judgement.causes_aid([i for i in f.narratives["shortcomings"] if i.text.strip()])
    if notes is not None and (notes.causes_objective or notes.causes_subjective):
        out += judgement.causes(notes, "period.placeholder.causes")
    out += selection_items(f, "shortcomings")
    return out


def highlights(f: YearFigures, n: Numbering, notes: ReportNotes | None) -> list[Block]:
    """Kết quả nổi bật: the drafter's text from the notes, then a short selection of the units'."""
    out = selection(f, "highlights", n, t("year.h.highlights"))
    if notes is None or not notes.highlights:
        return out
    drafted: list[Block] = judgement.drafted(notes.highlights, "")
    return out[:1] + drafted + out[1:]


def direction(f: YearFigures, notes: ReportNotes | None, n: Numbering) -> list[Block]:
    """I. Công tác lãnh đạo, chỉ đạo, tổ chức triển khai (the year's directives and who reported)."""
    return judgement.direction(plan_ref(f.plan), f.plan.report.issuer_short, notes, n, [judgement.year_reporting_sentence(f)])


def proposals(f: YearFigures, n: Numbering, notes: ReportNotes | None) -> list[Block]:
    """IV. The drafter's proposals from the notes (or the placeholder), then a short selection of the units'."""
    return ([n.heading(1, t("year.h.proposals"))]
            + judgement.drafted(notes.proposals if notes else None, "review.placeholder.proposals")
            + selection_items(f, "proposals"))


def next_period(f: YearFigures, n: Numbering, notes: ReportNotes | None = None) -> list[Block]:
    """III in the plan's last year: pre-filled as the other years are (the basis of the next
    period, the rows to carry over or decide on), the rest left for the drafter."""
    plan = f.plan
    start, end = plan.period.end + 1, plan.period.end + len(plan.period.years)
    prev = f"{plan.period.start} - {plan.period.end}"
    started = [a for a in f.appendix if not a.done and (a.reports or a.earlier)]
    stopped = [a.task.tt for a in started if ReportStatus.STOPPED in a.statuses]
    going = [a.task.tt for a in started if a.task.tt not in stopped]
    items = [judgement.next_basis(notes, start, end, prev)] + judgement.carry_over(going, stopped, start, end)
    out: list[Block] = [n.heading(1, t("year.h.next_period")), judgement.aid(), judgement.bulleted(items)]
    return out + judgement.drafted(notes.directions if notes else None, "review.placeholder.next", start=start, end=end)


def next_year(f: YearFigures, scopes: dict[str, str], n: Numbering) -> list[Block]:
    """III in any other year: the tasks for the next year."""
    plan = f.plan
    out: list[Block] = [n.heading(1, t("year.h.next", year=f.next_year))]
    items = []
    if f.not_met:
        items.append(runs(t("year.next.not_met", end=plan.period.end,
                            items="; ".join(indicator_label(r, scopes) for r in f.not_met))))
    if f.rows_continuing:
        behind = [a for a in f.rows_behind if a in f.rows_continuing]
        text = t("year.next.rows", count=len(f.rows_continuing), year=f.next_year)
        if behind:  # "nhiệm vụ TT 20", "các nhiệm vụ TT 15, TT 28"
            text += t("review.next.priority", rows=judgement.rows_phrase([a.task.tt for a in behind]))
        items.append(runs(text + "."))
    drafter = f.drafter.name if f.drafter else plan.report.drafter_text
    items.append(runs(t("year.next.reporting", drafter=drafter) if drafter else t("year.next.reporting_plain")))
    out.append(Bullets(tuple(items)))
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
    end = f.window[1]
    # By content, not by the organisation's order: units that still exist at the year's end first
    # (the new communes rather than the districts that ended), then sentences that give figures.
    distinct.sort(key=lambda i: (i.unit.end is not None and i.unit.end < end, not any(c.isdigit() for c in i.text)))
    chosen = spread(distinct, SELECTION)
    from plan744.report import compose_year_appendices as appendices  # the appendices quote this module

    if appendices.narratives_printed(f):
        lead = t("year.selection.lead", count=len(items), section=lower_first(NARRATIVE[section]), shown=len(chosen))
    else:  # the full text is not printed: say who keeps it, never "toàn văn tại Phụ lục"
        lead = t("year.selection.lead_kept", count=len(items), section=lower_first(NARRATIVE[section]),
                 shown=len(chosen), keeper=appendices.keeper(f.drafter))
    last = len(chosen) - 1
    return [Para(runs(lead)), Bullets(tuple(_quoted(i, end, "." if k == last else ";") for k, i in enumerate(chosen)))]


def _quoted(item: NarrativeItem, end: dt.date, stop: str) -> tuple[Run, ...]:
    """"UBND thành phố Vinh (cũ): …;" a unit that ended before the year's end is named as former;
    each item ends with ";", the last with "." as Nghị định 30 lists do."""
    text = first_sentence(item.text).rstrip(" ;.")
    text += "" if text.endswith("…") else stop
    if item.unit.end is not None and item.unit.end < end:
        return (Run(t("reform.former", name=item.unit.name), italic=True, role="unit"), Run(": " + text))
    return unit_runs(item.unit, text)
