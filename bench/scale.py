"""Data at scale for the benchmarks: the bundled plan with its organisation grown by clones, and
the bundled reports copied for each clone.

A clone of unit U is `U_X0001`, `U_X0002`, …: same kind, same dates, so it owes the same
indicators and tasks as U in each year; it leads no appendix row, so its copies of U's reports
carry `appendix: []`. Every file is valid: `plan744 validate` on a scaled folder finds nothing.
The figures are the bundled illustrative ones (not real data), repeated.

    python bench/scale.py --units 548 --years 2022 --out bench/_work/u548
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
_APPENDIX = re.compile(r"^appendix:.*?(?=^\S)", re.M | re.S)


def _named_units() -> set[str]:
    """Units the plan names one by one (an indicator or task only they report): not cloned."""
    plan = yaml.safe_load((DATA / "plan.yaml").read_text(encoding="utf-8"))
    named: set[str] = set()
    for item in plan.get("indicators", []) + plan.get("tasks", []):
        named.update(item.get("reporters") or [])
        if item.get("monitor"):
            named.add(item["monitor"])
    return named


def _units_reporting(year: int) -> list[str]:
    return sorted(p.stem for p in (DATA / "reports" / str(year)).glob("*.yaml"))


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True


def make(out: Path, units: int, years: list[int], copies_of: str | None = None) -> tuple[Path, int]:
    """Write a plan (plan.yaml + organisation.yaml) and reports for at least `units` units in each of
    `years` under `out` (every unit cloned the same number of times); returns the plan's path and the
    number of report files. `copies_of`: `units` copies of this one unit's reports, nothing else."""
    if out.exists():
        shutil.rmtree(out)
    (out / "reports").mkdir(parents=True)
    org = yaml.safe_load((DATA / "organisation.yaml").read_text(encoding="utf-8"))
    by_code = {u["code"]: u for u in org["units"]}
    named = _named_units()
    base = sorted({u for y in years for u in _units_reporting(y)} - named)
    if copies_of:
        base = [copies_of]
    fewest = min(len(_units_reporting(y)) for y in years)
    clones = max(0, -(-units // fewest) - 1) if not copies_of else units
    new_units = []
    for k in range(1, clones + 1):
        for code in base:
            u = dict(by_code[code])
            u["code"] = f"{code}_X{k:04d}"
            u["name"] = f"{u['name']} (bản sao {k})"
            for drop in ("formed_from", "aliases", "short_name", "source", "confirmed", "note"):
                u.pop(drop, None)
            new_units.append(u)
    org["units"] += new_units
    (out / "organisation.yaml").write_text(yaml.dump(org, Dumper=_NoAliases, allow_unicode=True, sort_keys=False), encoding="utf-8")
    plan_text = (DATA / "plan.yaml").read_text(encoding="utf-8")
    (out / "plan.yaml").write_text(plan_text, encoding="utf-8")
    files = 0
    for year in years:
        folder = out / "reports" / str(year)
        folder.mkdir()
        for code in _units_reporting(year):
            text = (DATA / "reports" / str(year) / f"{code}.yaml").read_text(encoding="utf-8")
            if not copies_of:
                (folder / f"{code}.yaml").write_text(text, encoding="utf-8")
                files += 1
            if code not in base:
                continue
            bare = _APPENDIX.sub("appendix: []\n", text)
            for k in range(1, clones + 1):
                clone = f"{code}_X{k:04d}"
                (folder / f"{clone}.yaml").write_text(bare.replace(f"unit: {code}", f"unit: {clone}", 1), encoding="utf-8")
                files += 1
    return out / "plan.yaml", files


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--units", type=int, required=True, help="units per year (about)")
    ap.add_argument("--years", type=int, nargs="+", default=[2022])
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    plan, files = make(args.out, args.units, args.years)
    print(f"{files} files; plan {plan}", file=sys.stderr)


if __name__ == "__main__":
    main()
