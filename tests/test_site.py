"""`plan744 site`: the static dashboard, built from the bundled data (data/plan.yaml, 2021–2025).

Checks that the site builds through the command line; that every link and source resolves to a
file of the folder (no request outside it) and every page carries its Content-Security-Policy;
that each indicator page's figures are those of the report's JSON; that a merged unit's page
names its predecessors and successors; that every page parses with one h1 and no skipped
heading level; that every chart has a text alternative; that the same input gives the same
bytes; and, in Debian's Chromium, that the pages raise no console error, load nothing from
outside the folder, sort a table, filter the search list and fit a 390 px screen.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import time
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REAL_PLAN, REPO, run_cli

DATA = REPO / "data" / "reports"
AS_OF = "2026-06-30"

pytestmark = pytest.mark.skipif(not (DATA / "2025").is_dir(), reason="data/reports/2025 is not there")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    started = time.monotonic()
    proc = run_cli("site", "--plan", str(REAL_PLAN), "--data", str(DATA), "--templates", str(REPO / "templates"),
                   "--as-of", AS_OF, "--out", str(out))
    elapsed = time.monotonic() - started
    assert proc.returncode == 0, proc.stderr.decode() + proc.stdout.decode()
    print(f"site built in {elapsed:.1f} s: {len(list(out.glob('*.html')))} pages")
    return out


@pytest.fixture(scope="module")
def report_json(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("json")
    proc = run_cli("report", "--period", "2021-2025", "--format", "json", "--plan", str(REAL_PLAN), "--data", str(DATA),
                   "--out", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    return json.loads((out / "tong-ket-2021-2025.json").read_text(encoding="utf-8"))


class Page(HTMLParser):
    """What a test asks of a page: links, headings, the CSP meta, charts' titles and table cells."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[str] = []
        self.headings: list[int] = []
        self.csp: list[str] = []
        self.lang = ""
        self.charts = 0
        self.chart_titles = 0
        self.in_chart = False
        self.tables: list[dict] = []  # {attrs, rows: [{attrs, cells: [attrs]}]}
        self.lists: dict[str, list[str]] = {}
        self._list: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        for key in ("href", "src"):
            if key in a:
                self.refs.append(a[key])
        if tag == "html":
            self.lang = a.get("lang", "")
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))
        if tag == "meta" and a.get("http-equiv", "").lower() == "content-security-policy":
            self.csp.append(a.get("content", ""))
        if tag == "svg" and "chart" in a.get("class", "").split():
            self.charts += 1
            self.in_chart = True
        if tag == "title" and self.in_chart:
            self.chart_titles += 1
        if tag == "table":
            self.tables.append({"attrs": a, "rows": []})
        if tag == "tr" and self.tables:
            self.tables[-1]["rows"].append({"attrs": a, "cells": []})
        if tag in ("td", "th") and self.tables and self.tables[-1]["rows"]:
            self.tables[-1]["rows"][-1]["cells"].append(a)
        if tag == "ul" and "data-list" in a:
            self._list = a["data-list"]
            self.lists[self._list] = []
        if tag == "a" and self._list is not None:
            self.lists[self._list].append(a.get("href", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self.in_chart = False
        if tag == "ul":
            self._list = None


def parse(path: Path) -> Page:
    p = Page()
    p.feed(path.read_text(encoding="utf-8"))
    p.close()
    return p


def test_the_site_has_every_page(site: Path) -> None:
    from plan744.services.plans import load_plan

    plan = load_plan(REAL_PLAN).plan
    assert plan is not None
    for name in ("index.html", "bao-cao.html", "nhiem-vu.html", "tim-kiem.html", "site.css", "site.js", "search-index.js",
                 "search-index.json", "font-regular.ttf", "LICENSE-font.txt"):
        assert (site / name).is_file(), name
    assert len(list(site.glob("chi-tieu-*.html"))) == len(plan.indicators)
    assert len(list(site.glob("don-vi-*.html"))) == len(plan.units)
    index = json.loads((site / "search-index.json").read_text(encoding="utf-8"))
    assert {e["href"] for e in index} == {p.name for p in site.glob("chi-tieu-*.html")} | {p.name for p in site.glob("don-vi-*.html")}


def test_every_link_and_source_is_a_file_of_the_folder(site: Path) -> None:
    bad = []
    for page in sorted(site.glob("*.html")):
        for ref in parse(page).refs:
            if ref.startswith("#"):
                continue
            target = ref.split("#", 1)[0]
            if "://" in ref or ref.startswith(("//", "data:", "javascript:", "mailto:")) or not (site / target).is_file():
                bad.append(f"{page.name}: {ref}")
    assert bad == []


def test_every_page_has_its_security_policy_language_and_headings(site: Path) -> None:
    for page in sorted(site.glob("*.html")):
        p = parse(page)
        assert p.lang == "vi", page.name
        assert len(p.csp) == 1 and "default-src 'self'" in p.csp[0], page.name
        assert p.headings.count(1) == 1 and p.headings[0] == 1, (page.name, p.headings)
        skips = [(a, b) for a, b in zip(p.headings, p.headings[1:], strict=False) if b > a + 1]
        assert skips == [], (page.name, skips)
        text = page.read_text(encoding="utf-8")
        assert len(re.findall(r"<th[ >]", text)) == text.count('<th scope="'), page.name  # every header cell says what it heads


def test_every_chart_has_a_title(site: Path) -> None:
    charts = 0
    for page in sorted(site.glob("*.html")):
        p = parse(page)
        assert p.chart_titles == p.charts, page.name
        charts += p.charts
    assert charts > 20
    text = (site / "index.html").read_text(encoding="utf-8")
    assert text.count("<desc id=") == text.count('<svg class="chart"')


def _num(text: str) -> Decimal | None:
    return Decimal(text) if text else None


def _value(record_value: object) -> Decimal | None:
    return None if record_value is None else Decimal(str(record_value))


def test_indicator_pages_show_the_figures_of_the_report_json(site: Path, report_json: dict) -> None:
    tables = report_json["tables"]
    by_year = {(r["year"], r["indicator"], r["scope"]): r for r in tables["indicators"]}
    units_2025 = {(r["indicator"], r["scope"], r["unit"]): r for r in tables["units"] if r["year"] == 2025}
    checked_units = checked_years = 0
    for r in {(k[1]) for k in by_year}:
        page = parse(site / f"chi-tieu-{r}.html")
        for table in page.tables:
            kind, scope = table["attrs"].get("data-table"), table["attrs"].get("data-scope")
            for row in table["rows"][1:]:
                fields = {c["data-field"]: _num(c["data-sort"]) for c in row["cells"] if "data-field" in c}
                if kind == "trend":
                    rec = by_year[(int(row["attrs"]["data-year"]), r, scope)]
                    checked_years += 1
                elif kind == "units":
                    rec = units_2025.pop((r, scope, row["attrs"]["data-unit"]))
                    checked_units += 1
                else:
                    continue
                assert fields == {k: _value(rec[k]) for k in ("numerator", "denominator", "value")}, (r, scope, row)
    assert units_2025 == {}  # every unit of the JSON is on its indicator's page
    assert checked_years == len(by_year) and checked_units > 100


def test_the_downloads_hold_the_figures_of_the_json(site: Path, report_json: dict) -> None:
    rows = list(csv.DictReader(io.StringIO((site / "chi-tieu-van_ban_dien_tu-nam.csv").read_text(encoding="utf-8-sig"))))
    expected = [r for r in report_json["tables"]["indicators"] if r["indicator"] == "van_ban_dien_tu"]
    assert [(int(r["year"]), _num(r["numerator"]), _num(r["denominator"])) for r in rows] == \
           [(r["year"], _value(r["numerator"]), _value(r["denominator"])) for r in expected]
    data = json.loads((site / "chi-tieu-van_ban_dien_tu.json").read_text(encoding="utf-8"))
    assert len(data["units"]) == sum(1 for r in report_json["tables"]["units"]
                                     if r["indicator"] == "van_ban_dien_tu" and r["year"] == 2025)


def test_a_merged_unit_names_its_successor_and_the_successor_its_predecessors(site: Path) -> None:
    from plan744.services.plans import load_plan

    plan = load_plan(REAL_PLAN).plan
    assert plan is not None
    merge = next(e for e in plan.organisation.events_sorted if e.kind == "merge" and len(e.from_units) >= 2)
    into = merge.to_units[0]
    for code in merge.from_units:
        assert f"don-vi-{into.lower()}.html" in parse(site / f"don-vi-{code.lower()}.html").lists["successors"]
    predecessors = parse(site / f"don-vi-{into.lower()}.html").lists["predecessors"]
    assert {f"don-vi-{c.lower()}.html" for c in merge.from_units} <= set(predecessors)


def test_the_same_input_gives_the_same_bytes(site: Path, tmp_path: Path) -> None:
    proc = run_cli("site", "--plan", str(REAL_PLAN), "--data", str(DATA), "--templates", str(REPO / "templates"),
                   "--as-of", AS_OF, "--out", str(tmp_path))
    assert proc.returncode == 0
    names = sorted(p.name for p in site.iterdir() if p.is_file())
    assert names == sorted(p.name for p in tmp_path.iterdir() if p.is_file())
    assert [n for n in names if (site / n).read_bytes() != (tmp_path / n).read_bytes()] == []


def test_a_province_restyles_the_site_with_its_own_templates(tmp_path: Path) -> None:
    own = tmp_path / "templates" / "site"
    own.mkdir(parents=True)
    (own / "site.css").write_text("/* tỉnh */ body { color: #000; }\n", encoding="utf-8")
    proc = run_cli("site", "--plan", str(REAL_PLAN), "--data", str(DATA), "--templates", str(tmp_path / "templates"),
                   "--as-of", AS_OF, "--out", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr.decode()
    assert (tmp_path / "out" / "site.css").read_text(encoding="utf-8").startswith("/* tỉnh */")
    assert (tmp_path / "out" / "site.js").read_bytes() == (REPO / "templates" / "site" / "site.js").read_bytes()


def test_the_site_is_never_written_into_the_data_folder(tmp_path: Path) -> None:
    proc = run_cli("site", "--plan", str(REAL_PLAN), "--data", str(DATA), "--out", str(DATA / "site"))
    assert proc.returncode == 2 and not (DATA / "site").exists()


# --- in the browser ---------------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
OVERFLOW_JS = """() => {
  const width = window.innerWidth, over = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('.table-wrap')) continue;
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 0.5) over.push(el.tagName + ' ' + (el.textContent || '').trim().slice(0, 60));
  }
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, over};
}"""


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


def _open(browser, site: Path, name: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems: list[str] = []
    root = site.as_uri() + "/"
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on("request", lambda req: None if req.url.startswith(root) else problems.append(f"outside: {req.url}"))
    page.on("requestfailed", lambda req: problems.append(f"failed: {req.url}"))
    page.goto((site / name).as_uri(), wait_until="load")
    return page, problems


PAGES = ("index.html", "chi-tieu-ho_so_cong_viec_tren_mang.html", "don-vi-kyson.html", "bao-cao.html", "nhiem-vu.html",
         "tim-kiem.html")


@pytest.mark.parametrize("width", (1280, 390))
@pytest.mark.parametrize("name", PAGES)
def test_pages_in_chromium_fit_the_screen_with_no_error(browser, site: Path, name: str, width: int) -> None:
    page, problems = _open(browser, site, name, width)
    try:
        found = page.evaluate(OVERFLOW_JS)
        font = page.evaluate("() => document.fonts.check('16px \"Site Serif\"')")
        if name == "index.html":
            page.screenshot(path=str(site.parent / f"overview-{width}.png"), full_page=True)
    finally:
        page.close()
    assert problems == []
    assert font
    assert found["over"] == [] and found["scrollWidth"] <= width, found


def test_a_table_sorts_and_the_search_filters(browser, site: Path) -> None:
    page, problems = _open(browser, site, "chi-tieu-ho_so_cong_viec_tren_mang.html", 1280)
    try:
        table = page.locator("table[data-table=units]").first
        values = lambda: [float(v) for v in table.locator("td[data-field=value]").evaluate_all(
            "cells => cells.map(c => c.dataset.sort)")]
        table.locator("th button", has_text="Kết quả").click()
        ascending = values()
        table.locator("th button", has_text="Kết quả").click()
        descending = values()
    finally:
        page.close()
    assert ascending == sorted(ascending) and descending == sorted(ascending, reverse=True) and len(ascending) > 3
    page, more = _open(browser, site, "tim-kiem.html", 390)
    try:
        page.fill("#tim", "ky son")  # without diacritics
        shown = page.locator("[data-results] li:not([hidden]) a").all_inner_texts()
    finally:
        page.close()
    assert problems == [] and more == []
    assert shown and all("Kỳ Sơn" in s for s in shown), shown


def test_a_plan_that_tracks_tasks_shows_them_overdue_first(tmp_path: Path) -> None:
    from plan744.core.progress import OVERDUE, completion_line
    from plan744.services.plans import load_plan
    from plan744.services.tracking import track

    plan_file, tracking = REPO / "data" / "plans" / "qd-2629-2025.yaml", REPO / "data" / "tracking" / "qd-2629"
    if not tracking.is_dir():
        pytest.skip("data/tracking/qd-2629 is not there")
    proc = run_cli("site", "--plan", str(plan_file), "--data", str(tmp_path / "none"), "--tracking", str(tracking),
                   "--as-of", "2026-12-05", "--out", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr.decode() + proc.stdout.decode()
    plan = load_plan(plan_file).plan
    assert plan is not None
    p = track(plan, [tracking], dt.date(2026, 12, 5)).progress
    assert p.overdue()
    text = (tmp_path / "out" / "nhiem-vu.html").read_text(encoding="utf-8")
    assert completion_line(p.plan) in text
    states = [part.split('"')[0] for part in text.split('class="badge s-')[1:]]  # the list's states, in order
    n = sum(1 for a in p.plan_states.values() if a.state == OVERDUE)
    assert states[:n] == ["overdue"] * n and "overdue" not in states[n:]
    # the lead column names who leads: a row's own words, a task's reporters by their names
    shown = {key: html.unescape(lead) for key, lead in
             re.findall(r'<th scope="row">([^<]+?)\. [^<]*</th>\s*<td>([^<]*)</td>', text)}
    leads = {t.id: ", ".join((plan.units_by_code.get(c) or plan.groups_by_code[c]).name for c in t.reporters or ())
             for t in plan.tasks}
    assert leads and all(leads.values())
    for key, lead in leads.items():
        if key in p.plan_states:
            assert shown[key] == lead, key
    assert shown["IV.2.1"] == "Các bộ, ngành, địa phương"
    for row in plan.appendix:
        assert shown[str(row.tt)] == row.lead_text


def test_a_reader_clicks_from_the_overview_to_an_indicator_to_a_unit_and_back(browser, site: Path) -> None:
    page, problems = _open(browser, site, "index.html", 1280)
    try:
        page.locator(".card h3 a").first.click()
        assert page.url.endswith(".html") and "/chi-tieu-" in page.url
        page.locator("table[data-table=units] a").first.click()
        assert "/don-vi-" in page.url
        assert page.locator("h1").count() == 1
        page.go_back()
        page.go_back()
        assert page.url.endswith("/index.html")
        page.keyboard.press("Tab")  # the first stop is the skip link, and it shows where the focus is
        focused = page.evaluate("() => [document.activeElement.className, getComputedStyle(document.activeElement).outlineStyle]")
    finally:
        page.close()
    assert problems == []
    assert focused == ["skip", "solid"]


def test_an_indicator_page_prints(browser, site: Path) -> None:
    page, problems = _open(browser, site, "chi-tieu-van_ban_dien_tu.html", 1280)
    try:
        page.emulate_media(media="print")
        nav_hidden = page.evaluate("() => getComputedStyle(document.querySelector('.site-head nav')).display")
        pdf = page.pdf(format="A4")
    finally:
        page.close()
    assert problems == [] and nav_hidden == "none"
    assert pdf.startswith(b"%PDF-") and len(pdf) > 10_000


# --- accessibility: axe-core (through axe-playwright-python) on every page type ------------------

# axe's own options. `preload: False`: under file:// axe would fetch the stylesheets again by
# XMLHttpRequest to build its CSS object model, which Chromium refuses from a file:// origin (a
# console error, not a finding); the rules read the computed styles either way.
AXE_OPTIONS = {"preload": False, "resultTypes": ["violations"],
               "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}


@pytest.fixture(scope="module")
def axe():
    module = pytest.importorskip("axe_playwright_python.sync_playwright")
    return module.Axe()


@pytest.fixture(scope="module")
def task_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of a plan that tracks tasks (QĐ 2629), whose Nhiệm vụ page has its lists and appendix."""
    tracking = REPO / "data" / "tracking" / "qd-2629"
    if not tracking.is_dir():
        pytest.skip("data/tracking/qd-2629 is not there")
    out = tmp_path_factory.mktemp("task-site")
    proc = run_cli("site", "--plan", str(REPO / "data" / "plans" / "qd-2629-2025.yaml"), "--data", str(out / "none"),
                   "--tracking", str(tracking), "--as-of", "2026-12-05", "--out", str(out / "site"))
    assert proc.returncode == 0, proc.stderr.decode() + proc.stdout.decode()
    return out / "site"


def _serious(axe, browser, folder: Path, name: str, width: int) -> tuple[list[str], list[str]]:
    page, problems = _open(browser, folder, name, width)
    try:
        results = axe.run(page, options=AXE_OPTIONS).response
    finally:
        page.close()
    assert results["testEngine"]["name"] == "axe-core" and len(results["passes"]) > 20  # the rules ran on the page
    return [f"{name} {width}px {v['id']} ({v['impact']}): {v['help']}: {[n['target'] for n in v['nodes']][:3]}"
            for v in results["violations"] if v["impact"] in ("serious", "critical")], problems


@pytest.mark.parametrize("width", (1280, 390))
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_serious_violation(axe, browser, site: Path, name: str, width: int) -> None:
    serious, problems = _serious(axe, browser, site, name, width)
    assert serious == [] and problems == []


@pytest.mark.parametrize("name", ("nhiem-vu.html", "index.html"))
def test_axe_finds_no_serious_violation_where_the_plan_tracks_tasks(axe, browser, task_site: Path, name: str) -> None:
    assert "badge s-" in (task_site / "nhiem-vu.html").read_text(encoding="utf-8")  # the page lists tasks
    serious, problems = _serious(axe, browser, task_site, name, 1280)
    assert serious == [] and problems == []


def test_axe_sees_a_violation_when_there_is_one(axe, browser, site: Path, tmp_path: Path) -> None:
    """The check can fail: the overview without its language and with an image without a text alternative."""
    text = (site / "index.html").read_text(encoding="utf-8")
    broken = text.replace('<html lang="vi"', "<html", 1).replace("</h1>", '</h1><img src="font-regular.ttf">', 1)
    assert broken != text
    for f in site.iterdir():
        if f.is_file() and f.name != "index.html":
            (tmp_path / f.name).write_bytes(f.read_bytes())
    (tmp_path / "index.html").write_text(broken, encoding="utf-8")
    serious, _ = _serious(axe, browser, tmp_path, "index.html", 1280)
    assert any("html-has-lang" in s for s in serious) and any("image-alt" in s for s in serious), serious
