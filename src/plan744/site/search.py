"""Search and filter without a server: a small index of every indicator and unit (name, kind,
area, the words to match without diacritics), bundled as JSON and as a script, and the search
page, whose plain list of links works without any script; the script only hides what does not
match."""

from __future__ import annotations

import unicodedata
from typing import Any

from plan744.core import display
from plan744.report.compose_common import t
from plan744.site.model import Page, SiteData, indicator_file, unit_file


def folded(text: str) -> str:
    """Lower case without diacritics ("Nghệ An" -> "nghe an"): what a reader types on any keyboard."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


def index(site: SiteData) -> list[dict[str, Any]]:
    plan = site.plan
    areas = {a.code: a.name for a in plan.areas}
    out: list[dict[str, Any]] = []
    for ind in plan.indicators:
        scopes = ", ".join(display.scope_names(plan)[s] for s in dict.fromkeys(tg.scope for tg in ind.targets))
        out.append({"type": "indicator", "href": indicator_file(ind.id), "name": ind.name, "group": areas.get(ind.area, ""),
                    "detail": scopes, "key": folded(" ".join((ind.id, ind.name, ind.text, areas.get(ind.area, ""))))})
    for u in plan.units:
        kind = plan.kinds_by_code.get(u.kind)
        state = t("site.search.ended", date=display_date(u.end)) if u.end else ""
        out.append({"type": "unit", "href": unit_file(u.code), "name": u.name, "group": kind.name if kind else u.kind,
                    "detail": state, "key": folded(" ".join((u.code, u.name, u.short_name, *u.aliases)))})
    return out


def display_date(day: Any) -> str:
    from plan744.site.common import running

    return running(day)


def page(site: SiteData, entries: list[dict[str, Any]]) -> Page:
    return Page("tim-kiem.html", "search.html", t("site.nav.search"), "search", {
        "indicators": [e for e in entries if e["type"] == "indicator"],
        "units": [e for e in entries if e["type"] == "unit"],
    })
