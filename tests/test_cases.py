"""Example cases drive these tests: the reports under tests/cases/valid/<case>/reports/
must give no finding, those under tests/cases/invalid/<case>/reports/ exactly the
findings listed in the case's expected.yaml (checked against tests/fixtures/plans/mini.yaml):
[code, file, line, column] in a YAML file, [code, file, cell] in an Excel form. The xlsx-*
cases are workbooks made by tests/cases/make_xlsx_cases.py (it says how each was made).

Adding a case is adding a folder. To record a new case's findings, run
`pytest tests/test_cases.py --update-golden` and read the diff of expected.yaml.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from plan744.core.messages import capped
from plan744.readers.files import discover
from plan744.services.plans import load_plan
from plan744.services.validate import validate_files

from conftest import MINI_PLAN

CASES = Path(__file__).parent / "cases"
TODAY = dt.date(2024, 6, 30)  # fixed, so "submitted in the future" does not depend on the day the tests run


def _findings(case_dir: Path) -> list[list]:
    plan = load_plan(MINI_PLAN, checks=False).plan
    assert plan is not None
    reports = case_dir / "reports"
    found = discover([str(reports)])
    _, more = validate_files(plan, found.files, today=TODAY)
    out = []
    for f in capped(found.findings + more):
        rel = Path(f.file).resolve().relative_to(reports.resolve()).as_posix()
        out.append([f.code, rel, f.cell] if f.cell else [f.code, rel, f.line, f.column])
    return _sorted(out)


def _sorted(rows: list[list]) -> list[list]:
    return sorted(rows, key=lambda row: [str(v).zfill(6) if isinstance(v, int) else str(v) for v in row])


@pytest.mark.parametrize("case", sorted(p.name for p in (CASES / "valid").iterdir()))
def test_valid_case(case: str) -> None:
    assert _findings(CASES / "valid" / case) == []


@pytest.mark.parametrize("case", sorted(p.name for p in (CASES / "invalid").iterdir()))
def test_invalid_case(case: str, update_golden: bool) -> None:
    case_dir = CASES / "invalid" / case
    expected_file = case_dir / "expected.yaml"
    actual = _findings(case_dir)
    if update_golden:
        lines = ["# Findings plan744 validate must report here: [code, file, line, column]"]
        lines += ["- [" + ", ".join(str(v) for v in row) + "]" for row in actual]
        expected_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = yaml.safe_load(expected_file.read_text(encoding="utf-8"))
    assert actual, "an invalid case must produce at least one finding"
    assert actual == _sorted(expected)
