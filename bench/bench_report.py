"""Benchmark: `plan744 report` against WeasyPrint rendering the same HTML alone (the floor).

Run on demand from the repository root (prints figures, asserts nothing):

    python bench/bench_report.py [--year 2022] [--runs 5]

Both sides run as fresh processes, so both pay interpreter start-up and the WeasyPrint
import; the difference is what plan744 adds: loading and validating every submission,
the arithmetic, the templates. Target: that overhead under 25 % of the floor.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FLOOR = """
import sys
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from plan744.report.html import _font_css, _restricted_fetcher, FONTS_DIR
html = open(sys.argv[1], encoding="utf-8").read()
fonts = FontConfiguration()
fetcher = _restricted_fetcher()
css = CSS(string=_font_css(), font_config=fonts, url_fetcher=fetcher)
HTML(string=html, base_url=FONTS_DIR.as_uri() + "/", url_fetcher=fetcher).write_pdf(
    sys.argv[2], stylesheets=[css], font_config=fonts)
"""


def timed(cmd: list[str], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=2022)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="plan744-bench-"))
    # PDF only: the floor renders the same PDF; the HTML is built on the way either way.
    report_cmd = [sys.executable, "-m", "plan744", "report", "--year", str(args.year), "--format", "pdf",
                  "--out", str(work)]
    subprocess.run(report_cmd[:-4] + ["--format", "html", "--out", str(work)], check=True, capture_output=True,
                   cwd=ROOT)  # the HTML the floor renders; also warms the OS caches
    html = work / f"bao-cao-{args.year}.html"
    floor_cmd = [sys.executable, "-c", FLOOR, str(html), str(work / "floor.pdf")]
    # Interleave the two so that machine noise hits both alike.
    ours, floor = [], []
    for _ in range(args.runs):
        ours += timed(report_cmd, 1)
        floor += timed(floor_cmd, 1)
    from pypdf import PdfReader

    pages = len(PdfReader(work / f"bao-cao-{args.year}.pdf").pages)
    n_files = len(list((ROOT / "data" / "reports").rglob("*.yaml")))
    m_ours, m_floor = statistics.median(ours), statistics.median(floor)
    print(f"report year {args.year}: {n_files} submission files on file, {pages} PDF pages, "
          f"HTML {html.stat().st_size // 1024} KiB, runs={args.runs}")
    print(f"{'':32}{'median s':>10}{'min s':>10}{'max s':>10}")
    print(f"{'plan744 report --format pdf':32}{m_ours:10.3f}{min(ours):10.3f}{max(ours):10.3f}")
    print(f"{'WeasyPrint alone (floor)':32}{m_floor:10.3f}{min(floor):10.3f}{max(floor):10.3f}")
    print(f"overhead above the floor: {m_ours - m_floor:.3f} s = {(m_ours / m_floor - 1) * 100:.1f} % (target < 25 %)")
    print(f"outputs in {work}")


if __name__ == "__main__":
    main()
