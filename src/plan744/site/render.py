"""The dashboard's files: every page rendered through the report's Jinja environment (autoescape,
StrictUndefined, the template search path of `readers.project.template_dirs`, so a province
restyles `site/site.css` or one page in its own `templates/site/`), plus the bundled styles,
script, font, search index and downloads. File names are flat (one folder: `outputs.OutputSet`
writes the set whole) and the output is byte-identical for the same input (no clock read)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from plan744.report.compose_common import t
from plan744.report.fonts import FONTS_DIR, font_path
from plan744.report.html import environment, find_template
from plan744.site import page_indicator, page_unit, pages, search
from plan744.site.charts_svg import legend_svg, line_svg
from plan744.site.common import plan_title, running
from plan744.site.model import Page, SiteData, indicator_file, unit_file

ASSETS = ("site.css", "site.js")  # copied from the templates' `site/` folder (the first on the path that holds them)
FONTS = {"font-regular.ttf": font_path(), "font-bold.ttf": font_path(bold=True)}
FONT_LICENCE = FONTS_DIR / "LICENSE-Liberation.txt"

def _nav() -> list[tuple[str, str, str]]:
    return [("index.html", "overview", t("site.nav.overview")), ("bao-cao.html", "reporting", t("site.nav.reporting")),
            ("nhiem-vu.html", "tasks", t("site.nav.tasks")), ("tim-kiem.html", "search", t("site.nav.search"))]


def render_site(site: SiteData, templates: Sequence[Path]) -> dict[str, bytes]:
    env = environment(templates)
    env.globals.update(legend_svg=legend_svg, line_svg=line_svg, indicator_file=indicator_file, unit_file=unit_file)
    plan = site.plan
    all_pages: list[Page] = [pages.overview(site), pages.reporting(site), pages.tasks(site)]
    downloads: dict[str, bytes] = {}
    for ind in plan.indicators:
        page, files = page_indicator.page(site, ind)
        all_pages.append(page)
        downloads.update(files)
    all_pages += [page_unit.page(site, u) for u in plan.units]
    index = search.index(site)
    all_pages.append(search.page(site, index))
    common = {"plan": plan, "nav": _nav(), "as_of": running(site.as_of), "plan_ref": plan_title(plan)}
    out: dict[str, bytes] = {}
    for p in all_pages:
        html = env.get_template(f"site/{p.template}").render(page=p, **common, **p.context)
        out[p.name] = html.encode("utf-8")
    for name in ASSETS:
        out[name] = find_template(templates, f"site/{name}").read_bytes()
    for name, path in FONTS.items():
        out[name] = path.read_bytes()
    out["LICENSE-font.txt"] = FONT_LICENCE.read_bytes()
    body = json.dumps(index, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    out["search-index.json"] = (body + "\n").encode("utf-8")
    # A script, not fetched JSON: a browser refuses fetch() from file://, never a <script src>.
    out["search-index.js"] = f"window.PLAN744_INDEX = {body};\n".encode()
    out.update(downloads)
    return out
