"""Every suggestion plan744 makes is a value that passes the next run.

For each mistake below, `validate` must name the place and offer one or more values to write
instead (`fixes` in the JSON output); writing each of them there must make the finding go
away, with no new error in its place."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import MINI_PLAN, REPO, run_cli

VALID = REPO / "tests" / "cases" / "valid" / "basic" / "reports" / "2022" / "S1.yaml"

# (the line as written in the valid file, the same line with the mistake, expected code)
MISTAKES = [
    ("      denominator: 1000", "      denominator: 1.000", "number-vn-notation"),
    ("      denominator: 1000", "      denominator: 1,000", "number-en-grouped"),
    ("      denominator: 1000", '      denominator: "1000"', "number-quoted"),
    ("      denominator: 1000", "      denominator: 01000", "number-leading-zero"),
    ("    allocated: 40", "    allocated: 40,5", "number-decimal-comma"),
    ("    allocated: 40", "    allocated: 270.125", "number-ambiguous"),
    ("    allocated: 40", "    allocated: 8,200", "number-ambiguous"),
    ("    status: hoan_thanh", "    status: Hoàn thành", "literal_error"),
    ("    status: hoan_thanh", "    status: hoan thanh", "literal_error"),
    ("submitted: 2023-01-10", "submitted: 10/01/2023", "date-vn-format"),
    ("submitted: 2023-01-10", 'submitted: "2023-01-10"', "date-quoted"),
    ("unit: S1", "unit: s1", "sub-unit-unknown"),
]


def _check(path: Path) -> list[dict]:
    proc = run_cli("validate", "--plan", str(MINI_PLAN), "--format", "json", "--no-context", str(path))
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return json.loads(proc.stdout)["findings"]


@pytest.mark.parametrize("good, bad, code", MISTAKES, ids=[m[1].strip() for m in MISTAKES])
def test_each_fix_passes(tmp_path: Path, good: str, bad: str, code: str) -> None:
    folder = tmp_path / "2022"
    folder.mkdir()
    target = folder / "S1.yaml"
    text = VALID.read_text(encoding="utf-8")
    assert good in text
    target.write_text(text.replace(good, bad, 1), encoding="utf-8")
    found = [f for f in _check(target) if f["code"] == code]
    assert len(found) == 1, _check(target)
    (finding,) = found
    assert finding["fixes"], finding
    key, _, _ = bad.partition(":")
    for fix in finding["fixes"]:
        fixed_line = f"{key}: {fix}"
        target.write_text(text.replace(good, fixed_line, 1), encoding="utf-8")
        # a fix is read as written; whether the amount is plausible is another finding's job
        plausibility = ("sub-disbursed-exceeds-allocated", "sub-money-scale-planned")
        after = [f for f in _check(target) if f["line"] == finding["line"] and f["code"] not in plausibility]
        assert after == [], (fix, after)
        if code == "number-ambiguous":
            assert fix in finding["message"]


def test_ambiguous_money_names_both_readings(tmp_path: Path) -> None:
    folder = tmp_path / "2022"
    folder.mkdir()
    shutil.copy(VALID, folder / "S1.yaml")
    text = VALID.read_text(encoding="utf-8").replace("    allocated: 40", "    allocated: 270.125", 1)
    (folder / "S1.yaml").write_text(text, encoding="utf-8")
    (finding,) = [f for f in _check(folder / "S1.yaml") if f["code"] == "number-ambiguous"]
    assert finding["message"] == (
        "Gặp “270.125”: không rõ là 270.125 hay 270,125. Nếu là 270.125, hãy viết 270125; "
        "nếu là 270,125, hãy viết 270.1250.")
    assert finding["fixes"] == ["270125", "270.1250"]
