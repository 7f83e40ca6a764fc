"""What a report says beside its figures: a figure never contradicts its verdict, an indicator
without data is named and left out of "x/y đạt", warnings about figures reach the report as
caveats, a reference-only baseline says so, acronyms are printed as the plan writes them."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plan744.core import display

from conftest import MINI_PLAN, REPO, run_cli

TODAY = {"PLAN744_TODAY": "2024-06-30"}


def _number(shown: str) -> Decimal:
    return Decimal(shown.rstrip("%").replace(".", "").replace(",", "."))


@settings(max_examples=400, deadline=None)
@given(value=st.decimals(min_value=0, max_value=100, places=6), threshold=st.integers(min_value=1, max_value=99),
       tenth=st.integers(min_value=0, max_value=9))
def test_a_shown_percentage_is_on_the_same_side_of_its_threshold(value: Decimal, threshold: int, tenth: int) -> None:
    t = Decimal(threshold) + Decimal(tenth) / 10
    shown = _number(display.percent(value, None, (t,)))
    assert (value < t) == (shown < t) and (value > t) == (shown > t) and (value == t) == (shown == t)


@pytest.mark.parametrize("value, expected", [("79.96", "79,96%"), ("80.04", "80,04%"), ("80", "80,0%"),
                                             ("79.99996", "79,9999%"), ("92.46", "92,5%")])
def test_examples_of_the_precision_rule(value: str, expected: str) -> None:
    assert display.percent(Decimal(value), None, (Decimal(80),)) == expected


def _data(tmp_path: Path) -> Path:
    data = tmp_path / "reports"
    shutil.copytree(REPO / "tests" / "cases" / "valid" / "basic" / "reports", data)
    s1 = data / "2022" / "S1.yaml"
    text = s1.read_text(encoding="utf-8")
    # van_ban over the whole area: (7196 + 800) / (9000 + 1000) = 79,96% against "80% - 90%"
    text = text.replace("      numerator: 1700\n      denominator: 2000", "      numerator: 7196\n      denominator: 9000")
    s1.write_text(text, encoding="utf-8")
    h1 = data / "2022" / "H1.yaml"
    # ho_so_truc_tuyen at district level: a denominator of 0 (no data), and one of exactly 100
    text = h1.read_text(encoding="utf-8").replace("huyen: {numerator: 300, denominator: 1000}",
                                                  "huyen: {numerator: 0, denominator: 0}")
    h1.write_text(text, encoding="utf-8")
    return data


def _report(tmp: Path, plan: Path) -> str:
    result = run_cli("report", "--year", "2022", "--plan", str(plan), "--data", str(_data(tmp)),
                     "--format", "html", "--out", str(tmp / "out"), env=TODAY)
    assert result.returncode == 0, result.stderr.decode()
    return next((tmp / "out").glob("*.html")).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def html(tmp_path_factory) -> str:
    """The mini plan with van_ban's target due in 2022 (by default it is due at the period's end,
    2023, and a 2022 figure below it is "chưa đến hạn", not "chưa đạt")."""
    tmp = tmp_path_factory.mktemp("words")
    due = MINI_PLAN.read_text(encoding="utf-8").replace("wording: 80% - 90%}", "year: 2022, wording: 80% - 90%}")
    assert "year: 2022, wording: 80% - 90%}" in due
    (tmp / "plan.yaml").write_text(due, encoding="utf-8")
    return _report(tmp, tmp / "plan.yaml")


def _row(html: str, name: str) -> str:
    rows = [r for r in re.findall(r"<tr.*?</tr>", html, flags=re.S) if name in r]
    assert rows, name
    return re.sub(r"<[^>]+>", " ", rows[0])


def test_the_figure_beside_a_verdict_does_not_contradict_it(html: str) -> None:
    row = _row(html, "Văn bản điện tử")
    assert "79,96%" in row and "80,0%" not in row and "Chưa đạt" in row


def test_a_target_not_yet_due_is_not_said_to_be_missed(tmp_path: Path) -> None:
    row = _row(_report(tmp_path, MINI_PLAN), "Văn bản điện tử")
    assert "79,96%" in row and "80,0%" not in row
    assert "Chưa đến hạn (mục tiêu năm 2023)" in row and "Chưa đạt" not in row


def test_an_indicator_without_data_is_named_and_left_out_of_the_tally(html: str) -> None:
    text = re.sub(r"<[^>]+>", "", html)
    # The base is every quantitative target the plan sets; one without data is counted apart and named.
    assert "Kế hoạch đặt 03 chỉ tiêu định lượng" in text
    assert ("Năm 2022 (số liệu đến ngày 31/12/2022), có 01/03 chỉ tiêu đạt và vượt mục tiêu (trong đó 01 chỉ tiêu vượt), "
            "01 chỉ tiêu chưa đạt, 01 chỉ tiêu chưa đánh giá được.") in text
    assert "Chỉ tiêu chưa đánh giá được: hồ sơ trực tuyến (cấp huyện): chưa có số liệu." in text
    assert "Chưa có số liệu" in _row(html, "Cấp huyện")


def test_warnings_about_figures_are_caveats_in_the_report(tmp_path: Path) -> None:
    data = _data(tmp_path)
    s1 = data / "2022" / "S1.yaml"
    s1.write_text(s1.read_text(encoding="utf-8").replace("numerator: 620\n      denominator: 1000",
                                                         "numerator: 62\n      denominator: 100"), encoding="utf-8")
    checked = run_cli("validate", "--plan", str(MINI_PLAN), str(data), env=TODAY)
    assert checked.returncode == 0 and "[sub-looks-like-percent]" in checked.stdout.decode()
    out = tmp_path / "out"
    result = run_cli("report", "--year", "2022", "--plan", str(MINI_PLAN), "--data", str(data), "--format", "html",
                     "--out", str(out), env=TODAY)
    assert result.returncode == 0, result.stderr.decode()
    text = re.sub(r"<[^>]+>", "", next(out.glob("*.html")).read_text(encoding="utf-8"))
    assert "đúng bằng 100" in text and "Sở Một" in text


@pytest.fixture(scope="module")
def bundled_2022(tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("b2022")
    result = run_cli("report", "--year", "2022", "--format", "html", "--out", str(out))
    assert result.returncode == 0, result.stderr.decode()
    return re.sub(r"<[^>]+>", " ", next(out.glob("*.html")).read_text(encoding="utf-8"))


def test_a_reference_only_baseline_is_said_beside_the_path(bundled_2022: str) -> None:
    assert "Số liệu năm 2020 (Phần I của Kế hoạch) đo khác phạm vi, chỉ dùng để tham khảo." in bundled_2022


def test_acronyms_are_printed_as_the_plan_writes_them(bundled_2022: str) -> None:
    assert "DVCTT" in bundled_2022 and "CNTT" in bundled_2022
    lowered = [a for a in ("dvctt", "cntt", "grdp", "cổng dvc") if re.search(rf"(?<![\w/.-]){a}(?![\w.-])", bundled_2022)]
    assert not lowered, lowered
