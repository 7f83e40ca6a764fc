"""One page per indicator: the trend of each scope over the years, its target and deadline, the
verdict with its rule, the units' figures of the latest year (sortable), the plan's own words,
the sources and caveats, and the downloads (CSV, JSON) of exactly the figures shown, taken from
the JSON output's records (`report.data.tables`)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from plan744.core import display
from plan744.core.obligation import obligation
from plan744.core.organisation import Event
from plan744.core.plan import Indicator
from plan744.report.compose_common import shown, t, target_text
from plan744.report.data import COLUMNS, _csv_value, _encode
from plan744.site.charts_svg import trend_svg
from plan744.site.common import caveats, change_text, figure_of, rule_text, running, scopes, tone, trend, verdict_text
from plan744.site.model import Page, SiteData, indicator_file, slug, unit_file


def _csv(table: str, rows: list[dict[str, Any]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    keys = [k for k, _ in COLUMNS[table]]
    writer.writerow(keys)
    for r in rows:
        writer.writerow([_csv_value(r[k]) for k in keys])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _raw(value: Any) -> str:
    return "" if value is None else _csv_value(value)


def _touches(site: SiteData, ind: Indicator, e: Event, year: int) -> bool:
    """Whether an organisation change concerns the indicator: a unit it ended reported it that year."""
    ended = set(e.from_units) | {u.code for u in site.plan.units if u.kind in e.kinds and u.end is not None
                                 and u.end == e.date - dt.timedelta(days=1)}
    return any(obligation(site.plan, code, year).levels_of(ind) for code in ended)


def page(site: SiteData, ind: Indicator) -> tuple[Page, dict[str, bytes]]:
    plan = site.plan
    names = display.scope_names(plan)
    latest = site.latest
    stem = indicator_file(ind.id).removesuffix(".html")
    trend_records = [r for y in site.years for r in site.records[y]["indicators"] if r["indicator"] == ind.id]
    unit_records = [r for r in site.records[latest.year]["units"] if r["indicator"] == ind.id] if latest else []
    by_key = {(r["year"], r["scope"]): r for r in trend_records}
    unit_by_key = {(r["scope"], r["unit"]): r for r in unit_records}
    sections = []
    for scope in scopes(ind):
        tr = trend(plan, site.figures, ind, scope, f"t-{slug(scope)}", small=False)
        years = []
        for y, f in sorted(site.figures.items()):
            r = figure_of(f, ind.id, scope)
            if r is None:
                continue
            rec = by_key[(y, scope)]
            years.append({"year": y, "numerator": display.count(r.ratio.numerator) if r.ratio else "—",
                          "denominator": display.count(r.ratio.denominator) if r.ratio else "—",
                          "numerator_raw": _raw(rec["numerator"]), "denominator_raw": _raw(rec["denominator"]),
                          "value": shown(r), "value_raw": _raw(rec["value"]), "target": target_text(r, plan.money),
                          "path": display.value(r.path_expected, ind) if r.path_expected is not None else "—",
                          "verdict": verdict_text(plan, r), "tone": tone(r),
                          "units": f"{r.reporting_units}/{r.expected_units}", "caveats": caveats(plan, r)})
        r_last = figure_of(latest, ind.id, scope) if latest else None
        units = []
        if r_last is not None:
            for u in r_last.units:
                rec = unit_by_key[(scope, u.unit.code)]
                units.append({"rank": u.rank, "name": u.unit.name, "href": unit_file(u.unit.code), "code": u.unit.code,
                              "numerator": display.count(u.ratio.numerator) if u.ratio else "—",
                              "denominator": display.count(u.ratio.denominator) if u.ratio else "—",
                              "numerator_raw": _raw(rec["numerator"]), "denominator_raw": _raw(rec["denominator"]),
                              "value": shown(r_last, u.value), "value_raw": _raw(rec["value"]),
                              "previous": display.value(u.previous, ind) if u.previous is not None else "—",
                              "previous_raw": _raw(rec["previous"]),
                              "partial": t("site.unit.partial") if u.partial else ""})
        sections.append({
            "scope": scope, "scope_name": names[scope], "svg": trend_svg(tr), "years": years, "units": units,
            "target": target_text(r_last, plan.money) if r_last else "—",
            "deadline": str(r_last.governing.milestone) if r_last and r_last.governing.milestone else "—",
            "verdict": verdict_text(plan, r_last) if r_last else "—", "tone": tone(r_last) if r_last else "none",
            "rule": rule_text(plan, r_last) if r_last else "", "missing": [u.name for u in r_last.missing] if r_last else [],
            "anchor": f"pham-vi-{slug(scope)}",
        })
    notes = []
    for y, f in sorted(site.figures.items()):
        for c in f.caveats:
            if c.indicator == ind.id:
                unit = plan.units_by_code.get(c.unit)
                notes.append(t("site.indicator.caveat", year=y, unit=unit.name if unit else c.unit, message=c.message))
        for e in f.changes:
            if _touches(site, ind, e, y):
                notes.append(t("site.indicator.change", year=y, date=running(e.date), change=change_text(plan, e)))
    area = next((a.name for a in plan.areas if a.code == ind.area), "")
    files = {
        f"{stem}-nam.csv": _csv("indicators", trend_records),
        f"{stem}-don-vi.csv": _csv("units", unit_records),
        f"{stem}.json": ("{\n" + f'  "indicator": {_encode(ind.id)},\n  "name": {_encode(ind.name)},\n'
                         f'  "indicators": {_encode(trend_records)},\n  "units": {_encode(unit_records)}\n' + "}\n").encode("utf-8"),
    }
    sources = [t("site.source.units")]
    if ind.is_percent:
        sources.append(t("site.source.ratio", numerator=ind.numerator, denominator=ind.denominator))
    elif ind.quantity:
        sources.append(t("site.source.quantity", quantity=ind.quantity))
    if ind.monitor_text:
        sources.append(t("site.source.monitor", monitor=ind.monitor_text))
    if ind.note:
        sources.append(ind.note)
    if any(e for f in site.figures.values() for e in f.changes if _touches(site, ind, e, f.year)):
        notes.append(t("site.indicator.changes_rule"))
    ctx = {"ind": ind, "area": area, "sections": sections, "notes": list(dict.fromkeys(notes)), "sources": sources,
           "latest_year": latest.year if latest else None,
           "downloads": [(name, t(f"site.download.{name.rsplit('.', 1)[1]}{'.units' if 'don-vi' in name else ''}"))
                         for name in files]}
    return Page(indicator_file(ind.id), "indicator.html", ind.name, "", ctx), files
