"""The dashboard's pages across the plan: Tổng quan, Tình hình báo cáo, Nhiệm vụ. Each returns a
`Page` whose context holds only display text and raw values for sorting (the templates do no
arithmetic and hold no wording)."""

from __future__ import annotations

from typing import Any

from plan744.core import display
from plan744.core.figures.assessment import Tally
from plan744.core.figures.codes import Timeliness, Unassessed
from plan744.core.figures.year import YearFigures
from plan744.core.plan import Plan
from plan744.core.progress import (
    DONE_LATE,
    DONE_ON_TIME,
    NO_DEADLINE,
    NO_DEADLINE_DONE,
    NOT_YET_DUE,
    OVERDUE,
    completion_line,
    targets_line,
    targets_tally,
)
from plan744.report.compose_common import t
from plan744.report.compose_year_indicators import tally_sentence
from plan744.site.charts_svg import trend_svg
from plan744.site.common import change_text, running, scopes, trend, verdict_text
from plan744.site.model import Page, SiteData, indicator_file, slug, unit_file

STATE_ORDER = (OVERDUE, NOT_YET_DUE, NO_DEADLINE, DONE_LATE, DONE_ON_TIME, NO_DEADLINE_DONE)  # overdue first


def timeliness_word(code: Timeliness) -> str:
    return t(f"site.timeliness.{code.value}")


def completeness_line(f: YearFigures) -> str:
    c = f.completeness
    text = t("site.completeness.line", year=f.year, sent=c.submitted, expected=c.expected, on_time=len(c.on_time),
             late=len(c.late))
    rest = [t(f"site.completeness.{key}", count=n) for key, n in (("missing", len(c.missing)), ("pending", len(c.pending))) if n]
    return text + "".join(", " + r for r in rest) + "."


def overview(site: SiteData) -> Page:
    plan, latest = site.plan, site.latest
    lines: list[str] = []
    if latest is not None:
        tally = Tally.of(plan, ((r.attainment, r.unassessed) for r in latest.indicators))
        lines.append(tally_sentence(plan, tally, latest.year, latest.window[1], len(latest.behind_path)))
        due = [r for r in latest.indicators if r.governing.due and r.unassessed is not Unassessed.QUALITATIVE]
        lines.append(t("site.overview.targets", due=len(due), base=tally.base, met=sum(r.met for r in due)))
    else:  # no annual figures yet: the targets that have come due, without a verdict
        lines.append(t("site.overview.targets_due", line=targets_line(targets_tally(plan, site.as_of)[""])))
    if site.progress is not None:
        lines.append(t("site.overview.tasks", line=completion_line(site.progress.plan),
                       late=site.progress.plan.done_late))
    cards: list[dict[str, Any]] = []
    if latest is not None:
        for ind in plan.indicators:
            for scope in scopes(ind):
                r = next((x for x in latest.indicators if x.indicator.id == ind.id and x.scope == scope), None)
                if r is None:
                    continue
                tr = trend(plan, site.figures, ind, scope, f"c-{slug(ind.id)}-{slug(scope)}", small=True)
                cards.append({"href": indicator_file(ind.id), "name": ind.name,
                              "scope": display.scope_names(plan)[scope], "svg": trend_svg(tr), "tone": tr.points[-1].tone,
                              "verdict": verdict_text(plan, r), "value": tr.points[-1].label, "target": tr.target_label,
                              "year": latest.year, "table": [(p.year, p.label) for p in tr.points]})
    return Page("index.html", "overview.html", t("site.nav.overview"), "overview", {
        "lines": lines, "cards": cards,
        "completeness": completeness_line(latest) if latest is not None else "",
    })


def reporting(site: SiteData) -> Page:
    plan = site.plan
    summary = []
    for y, f in sorted(site.figures.items()):
        c = f.completeness
        summary.append({"year": y, "expected": c.expected, "sent": c.submitted, "on_time": len(c.on_time), "late": len(c.late),
                        "missing": len(c.missing), "pending": len(c.pending), "partial": len(c.partial),
                        "deadline": running(c.deadline)})
    changes = []
    for y, f in sorted(site.figures.items()):
        for e in f.changes:
            changes.append({"year": y, "text": t("site.reporting.change", date=running(e.date), change=change_text(plan, e)),
                            "source": e.source})
    years = site.years
    cells: dict[str, dict[int, tuple[str, str]]] = {}
    for y, f in sorted(site.figures.items()):
        for d in f.completeness.rows:
            late = t("site.days_late", days=d.days_late) if d.timeliness is Timeliness.LATE else ""
            word = timeliness_word(d.timeliness) + (f" ({late})" if late else "")
            if not d.coverage.whole:
                word += " " + t("site.partial_cover", start=running(d.coverage.start), end=running(d.coverage.end))
            cells.setdefault(d.unit.code, {})[y] = (d.timeliness.value, word)
    rows = [{"code": u.code, "name": u.name, "href": unit_file(u.code),
             "cells": [cells[u.code].get(y, ("", "")) for y in years]}
            for u in plan.units if u.code in cells]
    return Page("bao-cao.html", "reporting.html", t("site.nav.reporting"), "reporting",
                {"summary": summary, "changes": changes, "years": years, "rows": rows})


def tasks(site: SiteData) -> Page:
    plan, p = site.plan, site.progress
    tracked: dict[str, Any] | None = None
    if p is not None:
        items = sorted(p.plan_states.values(), key=lambda a: (STATE_ORDER.index(a.state), -a.days if a.state == OVERDUE else a.days))
        by_unit = []
        for code, tally in sorted(p.by_unit.items(), key=lambda kv: (-kv[1].overdue, kv[0])):
            unit = plan.units_by_code.get(code)
            by_unit.append({"name": unit.name if unit else code, "href": unit_file(code) if unit else "",
                            "total": tally.total, "done": tally.done, "late": tally.done_late, "overdue": tally.overdue,
                            "not_yet": tally.not_yet_due})
        tracked = {"line": completion_line(p.plan), "as_of": running(p.as_of), "by_unit": by_unit,
                   "items": [{"key": a.item.key, "name": a.item.name, "lead": a.item.lead_text, "state": a.state,
                              "state_word": t(f"tasks.state.{a.state}"),
                              "due": running(a.due) if a.due else "—", "days": a.days,
                              "area": a.item.area_name} for a in items]}
    appendix = _appendix(site)
    return Page("nhiem-vu.html", "tasks.html", t("site.nav.tasks"), "tasks", {"tracked": tracked, "appendix": appendix})


def _appendix(site: SiteData) -> dict[str, Any] | None:
    """The funded appendix by year: allocated and disbursed, and the budget line of each year."""
    plan = site.plan
    if not any(a.funded for a in plan.appendix) or not site.figures:
        return None
    years = site.years
    by_row: dict[str, dict[int, Any]] = {}
    for y, f in sorted(site.figures.items()):
        for a in f.appendix:
            by_row.setdefault(str(a.task.tt), {})[y] = a
    rows = []
    for task in plan.appendix:
        if not task.funded:
            continue
        seen = by_row.get(str(task.tt), {})
        last = seen[max(seen)] if seen else None
        rows.append({"tt": str(task.tt), "name": task.name, "lead": last.lead_name if last else task.lead_text,
                     "lead_href": _lead_href(plan, last),
                     "planned": display.money(task.cost), "planned_raw": str(task.cost),
                     "cells": [(display.money(seen[y].disbursed), str(seen[y].disbursed)) if y in seen else ("—", "") for y in years],
                     "cumulative": display.money(last.cumulative) if last else "—"})
    budget = [{"year": y, "planned": display.money(f.budget.planned), "allocated": display.money(f.budget.allocated),
               "disbursed": display.money(f.budget.disbursed), "rate": display.percent(f.budget.disbursement_rate)}
              for y, f in sorted(site.figures.items()) if f.budget is not None]
    return {"years": years, "rows": rows, "budget": budget, "money_unit": plan.money.unit}


def _lead_href(plan: Plan, row: Any) -> str:
    lead = row.lead if row is not None else None
    return unit_file(lead.code) if lead is not None and lead.code in plan.units_by_code else ""


def money_unit(plan: Plan) -> str:
    return plan.money.unit
