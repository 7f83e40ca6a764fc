"""One page per unit: what it owes each year (`core.obligation`), what it sent and when, its
figures against the whole area, its tasks, and the units it came from and those that took over."""

from __future__ import annotations

from typing import Any

from plan744.core import display
from plan744.core.figures.codes import Timeliness
from plan744.core.labels import task_status
from plan744.core.obligation import obligation
from plan744.core.organisation import Unit
from plan744.core.span import Span
from plan744.report.compose_common import shown, t
from plan744.site.common import running, tone, verdict_text
from plan744.site.model import Page, SiteData, indicator_file, unit_file


def _link(site: SiteData, code: str) -> dict[str, str]:
    u = site.plan.units_by_code.get(code)
    return {"name": u.name if u else code, "href": unit_file(code) if u else ""}


def _dates(unit: Unit) -> str:
    if unit.start and unit.end:
        return t("site.unit.dates", start=running(unit.start), end=running(unit.end))
    if unit.start:
        return t("site.unit.since", start=running(unit.start))
    return t("site.unit.until", end=running(unit.end)) if unit.end else ""


def page(site: SiteData, unit: Unit) -> Page:
    plan, org = site.plan, site.plan.organisation
    kind = plan.kinds_by_code.get(unit.kind)
    owes = []
    for y in Span.of(plan.period):
        if plan.window(y)[0] > site.as_of:
            break
        ob = obligation(plan, unit.code, y)
        state = t("site.owes.yes") if ob.owes else t(f"site.owes.{ob.reason}")
        owes.append({"year": y, "owes": ob.owes, "state": state,
                     "covers": t("site.period", start=running(ob.start), end=running(ob.end)) if ob.coverage else "—",
                     "deadline": running(ob.deadline) if ob.owes else "—",
                     "indicators": len(ob.indicators) if ob.owes else 0,
                     "rows": len(ob.own_rows) if ob.owes else 0, "tasks": len(ob.required_tasks) if ob.owes else 0,
                     "instead": [_link(site, c) for c in ob.instead],
                     "includes": [_link(site, c) for c in ob.includes]})
    sent = []
    for y in site.years:
        d = site.deliveries[y].get(unit.code)
        if d is None:
            continue
        word = t(f"site.timeliness.{d.timeliness.value}")
        if d.timeliness is Timeliness.LATE:
            word += f" ({t('site.days_late', days=d.days_late)})"
        sent.append({"year": y, "deadline": running(d.coverage.deadline), "submitted": running(d.submitted) if d.submitted else "—",
                     "state": word, "code": d.timeliness.value})
    figures: list[dict[str, Any]] = []
    fig_year = None
    for y in reversed(site.years):  # the latest year the unit gave figures
        rows = site.unit_figures[y].get(unit.code, [])
        if rows:
            fig_year = y
            names = display.scope_names(plan)
            figures = [{"name": r.indicator.name, "href": indicator_file(r.indicator.id), "scope": names[r.scope],
                        "value": shown(r, u.value), "area": shown(r), "rank": f"{u.rank}/{len(r.units)}",
                        "verdict": verdict_text(plan, r), "tone": tone(r)} for r, u in rows]
            break
    tasks = [{"name": a.item.name, "state": t(f"tasks.state.{a.state}"), "code": a.state,
              "due": running(a.due) if a.due else "—"} for a in site.assessments.get(unit.code, [])]
    reported = [{"name": title, "state": task_status(status)} for title, status in site.accounts.get(unit.code, [])]
    rows_led = [{"tt": str(a.task.tt), "name": a.task.name} for a in (site.latest.appendix if site.latest else [])
                if a.lead is not None and a.lead.code == unit.code]
    ctx = {"unit": unit, "kind": kind.name if kind else unit.kind,
           "dates": _dates(unit),
           "predecessors": [_link(site, u.code) for u in org.predecessors(unit.code)],
           "successors": [_link(site, u.code) for u in org.successors(unit.code)],
           "owes": owes, "sent": sent, "figures": figures, "fig_year": fig_year, "tasks": tasks, "reported": reported,
           "report_year": site.latest.year if site.latest else None, "rows_led": rows_led}
    return Page(unit_file(unit.code), "unit.html", unit.name, "", ctx)
