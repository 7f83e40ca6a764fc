"""Digests of every output plan744 makes from the bundled data, to show that a refactoring
changes no byte (or to list exactly which outputs a deliberate change moved).

    python scripts/output_digests.py --write /tmp/before.txt    # on the old commit
    python scripts/output_digests.py --check /tmp/before.txt    # on the new one

Covers: the report of each year 2021-2025 and the close-out 2021-2025 in every format but PDF
(its text comes from the same HTML; PDF bytes depend on the fonts' subsetter), `validate` of all
reports as JSON, the blank YAML and Excel forms of a department, a district and a commune, and
`plan show --format json` of both bundled plans. Dates are pinned (SOURCE_DATE_EPOCH,
PLAN744_TODAY) and the cache is off, so the same code gives the same digests.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "PLAN744_TODAY": "2026-06-30", "PLAN744_NO_CACHE": "1",
       "NO_COLOR": "1", "COLUMNS": "200", "PYTHONIOENCODING": "utf-8"}
FORMATS = "html,docx,json,csv,xlsx"
FORMS = (("STTTT", "2022"), ("ANHSON", "2024"), ("SKHCN", "2025"), ("XA_ANHSON", "2025"))


def _run(*args: str, out: Path | None = None) -> bytes:
    proc = subprocess.run([sys.executable, "-m", "plan744", *args], cwd=REPO, env=ENV, capture_output=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"plan744 {' '.join(args)}: exit {proc.returncode}\n{proc.stderr.decode()}")
    return proc.stdout


def digests() -> dict[str, str]:
    found: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for span in [("--year", str(y)) for y in range(2021, 2026)] + [("--period", "2021-2025")]:
            out = root / span[1]
            _run("report", *span, "--format", FORMATS, "--out", str(out))
            for path in sorted(out.iterdir()):
                found[f"report {span[1]}/{path.name}"] = hashlib.sha256(path.read_bytes()).hexdigest()
        found["validate data/reports (json)"] = hashlib.sha256(
            _run("validate", "data/reports", "--format", "json").replace(str(REPO).encode(), b"<repo>")).hexdigest()
        for unit, year in FORMS:
            for fmt in ("yaml", "xlsx"):
                path = root / f"{unit}-{year}.{fmt}"
                _run("new-report", "--unit", unit, "--year", year, "--format", fmt, "--out", str(path))
                if path.exists():
                    found[f"new-report {unit} {year} {fmt}"] = hashlib.sha256(path.read_bytes()).hexdigest()
        for plan in ("data/plan.yaml", "data/plans/qd-2629-2025.yaml"):
            found[f"plan show {plan}"] = hashlib.sha256(_run("plan", "show", "--plan", plan, "--format", "json")).hexdigest()
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="write the digests to this file")
    group.add_argument("--check", type=Path, help="compare with digests written before")
    args = parser.parse_args()
    now = digests()
    if args.write:
        args.write.write_text("".join(f"{v}  {k}\n" for k, v in now.items()), encoding="utf-8")
        print(f"{len(now)} outputs")
        return 0
    before = dict(reversed(line.split("  ", 1)) for line in args.check.read_text(encoding="utf-8").splitlines())
    changed = [k for k in sorted(set(before) | set(now)) if before.get(k) != now.get(k)]
    for k in changed:
        print(f"changed: {k}")
    print(f"{len(now)} outputs, {len(changed)} changed")
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
