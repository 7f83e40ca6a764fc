"""Benchmark of `plan744 site` (issue 28), run on demand, never part of the test suite:

    .venv/bin/python bench/site.py                 # bundled data, then 540 units a year, 2021–2025
    .venv/bin/python bench/site.py --units 180 --runs 3

Builds the static site for the bundled data (data/plan.yaml, data/reports) and for a scaled
organisation (`bench/scale.py`: the bundled units cloned, their reports copied, every year
2021–2025). The floor is `plan744 report --period 2021-2025 --format json` of the same data, in
the same run: the same files read and checked and the same figures computed, written as one JSON
file. What the site adds over it is its pages (one per indicator and per unit), their charts and
downloads. The two take turns (floor, site, floor, site…) in fresh processes after a warm-up run of
each (`paired` in run.py); the median of the runs is kept, with the range, and the largest peak
resident memory. Prints time, pages, size and peak memory, with the ratios against the floor, and
the machine's load average at the start and at the end.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run as bench
import scale

ROOT = bench.ROOT
WORK = bench.WORK
YEARS = [2021, 2022, 2023, 2024, 2025]
AS_OF = "2026-06-30"


def _folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len([p for p in files if p.suffix == ".html"]), sum(p.stat().st_size for p in files)


def measure(label: str, plan: Path, data: Path, runs: int) -> None:
    site_out, json_out = WORK / "site-out", WORK / "site-json"
    for folder in (site_out, json_out):
        shutil.rmtree(folder, ignore_errors=True)
    common = ["--plan", str(plan), "--data", str(data)]
    floor_cmd = bench.CLI + ["report", *common, "--period", "2021-2025", "--format", "json", "--out", str(json_out)]
    site_cmd = bench.CLI + ["site", *common, "--as-of", AS_OF, "--out", str(site_out)]
    floor, site = bench.paired([floor_cmd, site_cmd], runs)
    pages, size = _folder_size(site_out)
    units = len(list((data / "2025").glob("*.yaml")))
    print(f"\n{label} ({units} báo cáo năm 2025)")
    print(f"  floor: report --period 2021-2025 --format json  {bench.fmt(*floor[:3])}, peak {floor[3] / 1024:.0f} MiB")
    print(f"  plan744 site                                   {bench.fmt(*site[:3])}, peak {site[3] / 1024:.0f} MiB")
    print(f"  {pages} pages, {size / 1e6:.1f} MB in all ({size / pages / 1e3:.0f} kB a page)")
    print(f"  ratio: time {site[0] / floor[0]:.2f}×, peak memory {site[3] / floor[3]:.2f}×")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--units", type=int, default=540, help="units per year of the scaled organisation (about)")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    print(f"load average at the start: {bench.load_average()}")
    measure("bundled data", ROOT / "data" / "plan.yaml", ROOT / "data" / "reports", args.runs)
    plan, files = scale.make(WORK / f"site-u{args.units}", args.units, YEARS)
    measure(f"scaled: about {args.units} units a year, 2021–2025, {files} files", plan, plan.parent / "reports", args.runs)
    print(f"\nload average at the end: {bench.load_average()}")


if __name__ == "__main__":
    main()
