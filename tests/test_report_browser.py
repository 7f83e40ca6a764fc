"""The report's HTML in a real browser: Debian's Chromium, headless, driven by Playwright.

Checks what a reader on a desktop or a phone meets: no console errors; nothing wider than
the window at 1280 px and at 390 px (tables may scroll inside their .table-wrap box, the
page itself must not); the chart drawn at a readable size; printing to PDF works.

Needs /usr/bin/chromium (`apt-get install chromium`; .ci/run installs it) and the `playwright`
package (the `test` extra). Playwright's own browser downloads are never used.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import MINI_PLAN, REPO, run_cli

BASIC = Path(__file__).parent / "cases" / "valid" / "basic" / "reports"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
WIDTHS = (1280, 390)  # a desktop window and a phone

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed (pip install -e '.[test]')")
if not CHROMIUM.exists():
    pytest.skip(f"no Chromium at {CHROMIUM}: install Debian's package with `apt-get install -y chromium`",
                allow_module_level=True)

# Every element, and every piece of text (a word too long for its line spills out of its
# element's box), outside a horizontally scrollable table box whose right edge is past the window.
OVERFLOW_JS = """() => {
  const width = window.innerWidth;
  const over = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('.table-wrap')) continue;
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 0.5) {
      const cls = typeof el.className === 'string' ? el.className : (el.className.baseVal || '');
      over.push(`${el.tagName.toLowerCase()}.${cls} right=${Math.round(box.right)}: ${(el.textContent || '').trim().slice(0, 60)}`);
    }
  }
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (texts.nextNode()) {
    const node = texts.currentNode;
    if (!node.textContent.trim() || node.parentElement.closest('.table-wrap, style, title')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.right > width + 0.5) over.push(`text right=${Math.round(box.right)}: ${node.textContent.trim().slice(0, 60)}`);
  }
  const wraps = [...document.querySelectorAll('.table-wrap')].filter(w => getComputedStyle(w).overflowX !== 'auto'
                                                                         && getComputedStyle(w).overflowX !== 'scroll');
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, over,
          unscrollable: wraps.length};
}"""


def _html(out: Path, *args: str) -> Path:
    proc = run_cli("report", "--year", "2022", "--format", "html", "--templates", str(REPO / "templates"),
                   "--out", str(out), *args)
    assert proc.returncode == 0, proc.stderr.decode()
    return out / "bao-cao-2022.html"


# A unit's own words may hold a token no line can break: a web address without hyphens.
LONG_TOKEN = "https://www.facebook.com/ubndtinhnghean.congthongtindientu.trangchinhthuc_2022"


@pytest.fixture(scope="module", params=["mini", "long-token", "data"])
def report_html(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini plan's report; the same with a long unbreakable token in a unit's text; and the
    bundled year's report from data/reports when it is there (47 units: long names, long tables)."""
    out = tmp_path_factory.mktemp(f"browser-{request.param}")
    if request.param == "mini":
        return _html(out, "--plan", str(MINI_PLAN), "--data", str(BASIC))
    if request.param == "long-token":
        data = out / "reports"
        shutil.copytree(BASIC, data)
        sub = data / "2022" / "S1.yaml"
        text = sub.read_text(encoding="utf-8")
        assert "  shortcomings: Hạ tầng cấp xã còn thiếu." in text
        sub.write_text(text.replace("  shortcomings: Hạ tầng cấp xã còn thiếu.", f"  shortcomings: Xem {LONG_TOKEN}"),
                       encoding="utf-8")
        return _html(out, "--plan", str(MINI_PLAN), "--data", str(data))
    if not (REPO / "data" / "reports" / "2022").is_dir():
        pytest.skip("data/reports/2022 is not there")
    return _html(out, "--plan", str(REPO / "data" / "plan.yaml"), "--data", str(REPO / "data" / "reports"))


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield browser
        browser.close()


def _open(browser, html: Path, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on("requestfailed", lambda req: problems.append(f"request failed: {req.url}"))
    page.goto(html.as_uri(), wait_until="load")
    return page, problems


@pytest.mark.parametrize("width", WIDTHS)
def test_no_console_errors_and_nothing_wider_than_the_window(browser, report_html: Path, width: int) -> None:
    page, problems = _open(browser, report_html, width)
    try:
        found = page.evaluate(OVERFLOW_JS)
    finally:
        page.close()
    assert problems == []
    assert found["innerWidth"] == width
    assert found["over"] == []
    assert found["scrollWidth"] <= found["innerWidth"], found
    assert found["unscrollable"] == 0


def test_chart_is_drawn_at_a_readable_size(browser, report_html: Path) -> None:
    page, _ = _open(browser, report_html, 1280)
    try:
        box = page.locator("svg.chart").first.bounding_box()
        bars = page.locator("svg.chart rect").count()
    finally:
        page.close()
    assert box is not None and box["width"] > 200 and box["height"] > 50, box
    assert bars >= 3  # a bar per indicator and the legend's swatches


def test_print_to_pdf_works(browser, report_html: Path) -> None:
    page, problems = _open(browser, report_html, 1280)
    try:
        pdf = page.pdf(format="A4", print_background=True)
    finally:
        page.close()
    assert problems == []
    assert pdf.startswith(b"%PDF-") and len(pdf) > 10_000

