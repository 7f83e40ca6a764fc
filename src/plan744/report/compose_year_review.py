"""The annual report, II. assessment (what was achieved, what fell short, the reporting record,
a short selection of the causes units give) and III. tasks for the next year.
Also a short selection of the units' own words (used by I, II and IV)."""

from __future__ import annotations

from plan744.core import display
from plan744.core.figures.year import YearFigures
from plan744.core.labels import NARRATIVE, lower_first
from plan744.core.vnformat import format_date_short
from plan744.report import compose_year_results as results
from plan744.report.compose_common import (
    Numbering,
    first_sentence,
    indicator_label,
    names,
    shown,
    spread,
    t,
    target_text,
    unit_runs,
)
from plan744.report.document import Block, Bullets, Para, Run, runs

SELECTION = 6  # units quoted in the body per narrative section; the rest in the appendix


def assessment(f: YearFigures, scopes: dict[str, str], n: Numbering) -> list[Block]:
    out: list[Block] = [n.heading(2, t("year.h.achieved"))]
    achieved = []
    if f.assessed:
        achieved.append(runs(t("year.achieved.targets", met=len(f.met), assessed=len(f.assessed))))
    if f.met:
        achieved.append(runs(t("year.achieved.list", items="; ".join(f"{indicator_label(r, scopes)}: {shown(r)}" for r in f.met))))
    done = [a for a in f.appendix if a.done and a.reports]
    if done:
        achieved.append(runs(t("year.achieved.rows", count=len(done), year=f.year)))
    c = f.completeness
    achieved.append(runs(t("year.achieved.reporting", submitted=c.submitted, expected=c.expected, on_time=len(c.on_time))))
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
    if f.rows_behind:
        items.append(runs(t("year.short.rows", rows=results.rows_named(f.rows_behind))))
    c = f.completeness
    reporting = []
    if c.missing:
        reporting.append(t("year.short.missing", count=len(c.missing), names=names((d.unit.name for d in c.missing), 10)))
    if c.late:
        reporting.append(t("year.short.late", count=len(c.late), names=names(
            (t("phrase.sent_on", name=d.unit.name, date=format_date_short(d.submitted)) for d in c.late if d.submitted), 10)))
    if reporting:
        items.append(runs(t("year.short.reporting", parts="; ".join(reporting))))
    out.append(Bullets(tuple(items)) if items else Para(runs(t("year.short.none"))))
    out.append(n.heading(2, t("year.h.causes")))
    out += selection_items(f, "shortcomings")
    return out


def next_period(f: YearFigures, n: Numbering) -> list[Block]:
    """III in the plan's last year: the next period, left for the drafter."""
    return [n.heading(1, t("year.h.next_period")),
            Para(runs(Run(t("year.next_period.placeholder", end=f.plan.period.end), role="placeholder")), "placeholder")]


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
        if behind:
            text += t("year.next.rows_priority", rows=", ".join(str(a.task.tt) for a in behind))
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
    chosen = spread(distinct, SELECTION)
    lead = t("year.selection.lead", count=len(items), section=lower_first(NARRATIVE[section]), shown=len(chosen))
    return [Para(runs(lead)), Bullets(tuple(unit_runs(i.unit, first_sentence(i.text)) for i in chosen))]
