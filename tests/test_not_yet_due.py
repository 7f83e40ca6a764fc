"""A target due in a later year is "chưa đến hạn" before it, not "chưa đạt" (issue 26, point 5).

The third plan (tests/fixtures/plans/third.yaml), copied into a temporary folder with a 2025
baseline for its percentage, is reported for 2026, the first year of 2026-2030: its targets of
2027 and 2030 are not yet due. Every format says so (the document, JSON, CSV, xlsx), the figure is
set against the path from the baseline, and nothing of it is a shortcoming.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from test_third_plan import HSDT, write_reports

from plan744.core.figures.codes import Attainment, PathStatus, Unassessed
from plan744.core.figures.year import year_figures
from plan744.services.plans import load_plan
from plan744.services.validate import validate_files

from conftest import REPO, run_cli

THIRD = REPO / "tests" / "fixtures" / "plans" / "third.yaml"
# "năm 2025 đạt 3.000/10.000 hồ sơ": the path to 60% in 2027 passes 45% in 2026
BASELINE = """
baselines:
  - id: ho_so_2025
    year: 2025
    section: Phụ lục I, 1
    quote: Năm 2025 đạt 3.000/10.000 hồ sơ.
    figures:
      dien_tu: {label: Hồ sơ xử lý trên môi trường điện tử, value: 3000}
      tong: {label: Tổng số hồ sơ, value: 10000}
    link: {indicator: ho_so_dien_tu, numerator: [dien_tu], denominator: [tong]}
"""
ENV = {"PLAN744_TODAY": "2027-03-01", "PLAN744_NO_CACHE": "1", "SOURCE_DATE_EPOCH": "1700000000"}


@pytest.fixture(scope="module")
def first_year(tmp_path_factory):
    root = tmp_path_factory.mktemp("not_yet_due")
    plan_file = root / "plan.yaml"
    plan_file.write_text(THIRD.read_text(encoding="utf-8") + BASELINE, encoding="utf-8")
    plan = load_plan(plan_file).plan
    assert plan is not None
    reports = root / "reports"
    write_reports(plan, reports)
    out = root / "out"
    result = run_cli("report", "--plan", str(plan_file), "--data", str(reports), "--year", "2026",
                     "--format", "html,json,csv,xlsx", "--out", str(out), env=ENV)
    assert result.returncode == 0, result.stderr.decode()
    files = sorted(reports.rglob("*.yaml"))
    parsed, _ = validate_files(plan, files, today=dt.date(2027, 3, 1), keep=True)
    return plan, [p.submission for p in parsed], out


def _row(f, ind_id):
    return next(r for r in f.indicators if r.indicator.id == ind_id and r.scope == "all")


def test_a_later_target_is_not_yet_due_and_set_against_its_path(first_year):
    plan, subs, _ = first_year
    f = year_figures(plan, 2026, subs)
    r = _row(f, "ho_so_dien_tu")
    pairs = HSDT[2026].values()
    assert r.value == Decimal(sum(n for n, _ in pairs)) * 100 / sum(d for _, d in pairs) == Decimal(46)  # below 60%
    assert (r.attainment, r.unassessed) == (Attainment.NOT_ASSESSED, Unassessed.NOT_YET_DUE)
    assert r.path_expected == Decimal(45) and r.path is PathStatus.AHEAD  # 30% in 2025 → 60% in 2027
    stock = _row(f, "nen_tang")  # "ít nhất 20 nền tảng" by 2030
    assert stock.governing.milestone == 2030 and stock.unassessed is Unassessed.NOT_YET_DUE
    assert r not in f.not_met and stock not in f.not_met
    # a yearly target is due every year: still "chưa đạt" when missed
    assert _row(f, "du_lieu_mo").attainment is Attainment.EXCEEDED  # 6 ≥ 5
    # the year it falls due, the same shortfall is "chưa đạt"
    r2030 = _row(year_figures(plan, 2030, subs), "ho_so_dien_tu")
    assert r2030.attainment is Attainment.NOT_REACHED and r2030.unassessed is None


def test_the_document_says_not_yet_due_and_lists_no_shortcoming_of_it(first_year):
    _, _, out = first_year
    html = next(out.glob("*.html")).read_text(encoding="utf-8")
    assert "Chưa đến hạn (mục tiêu năm 2027)" in html and "Chưa đến hạn (mục tiêu năm 2030)" in html
    assert "Chưa đạt mục tiêu năm" not in html
    assert "chỉ tiêu chưa đến hạn" in html  # counted apart in the tally sentence
    shortcomings = html.split("Tồn tại, hạn chế", 1)[1].split("Nguyên nhân", 1)[0]
    for name in ("Hồ sơ xử lý trên môi trường điện tử", "Nền tảng số dùng chung"):
        assert name not in shortcomings


def test_the_json_csv_and_xlsx_carry_the_state(first_year):
    _, _, out = first_year
    data = json.loads((out / "bao-cao-2026.json").read_text(encoding="utf-8"))
    rows = {(r["indicator"], r["scope"]): r for r in data["tables"]["indicators"]}
    for ind in ("ho_so_dien_tu", "nen_tang"):
        assert (rows[(ind, "all")]["attainment"], rows[(ind, "all")]["unassessed"]) == ("not_assessed", "not_yet_due")
    assert rows[("ho_so_dien_tu", "all")]["path"] == "ahead"
    csv_file = next(p for p in out.rglob("*.csv") if "indicators" in p.name)
    table = {(r["indicator"], r["scope"]): r for r in csv.DictReader(io.StringIO(csv_file.read_text(encoding="utf-8-sig")))}
    assert table[("ho_so_dien_tu", "all")]["unassessed"] == "not_yet_due"
    book = load_workbook(next(out.glob("*.xlsx")), read_only=True)
    cells = {str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row if c is not None}
    assert "Chưa đến hạn" in cells and "not_yet_due" in cells


def test_a_mid_term_review_does_not_call_a_2030_target_missed(first_year, tmp_path):
    plan, _, out = first_year
    root = out.parent
    result = run_cli("report", "--plan", str(root / "plan.yaml"), "--data", str(root / "reports"), "--period", "2026-2028",
                     "--format", "html,json", "--out", str(tmp_path), env={**ENV, "PLAN744_TODAY": "2029-03-01"})
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(next(p for p in tmp_path.glob("*.json") if "schema" not in p.name).read_text(encoding="utf-8"))
    outcomes = {(o["indicator"], o["scope"]): o for o in data["tables"]["outcomes"]}
    assert (outcomes[("nen_tang", "all")]["attainment"], outcomes[("nen_tang", "all")]["unassessed"]) == ("not_assessed", "not_yet_due")
    text = next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    listed = text.split("Chỉ tiêu chưa đến hạn đánh giá:", 1)[1].split(".", 1)[0]
    assert "nền tảng số dùng chung (toàn quốc) (mục tiêu năm 2030)" in listed
    assert "Chưa đến hạn (mục tiêu năm 2030)" in text and "chưa đạt" not in listed
    assert plan.indicators_by_id["nen_tang"].targets[0].year is None  # the period's end, 2030
