"""Nothing of Kế hoạch 744's shape is assumed (issue 26, points 6 and 7): on the third plan
(tests/fixtures/plans/third.yaml, no funded appendix, first year 2026) and on Quyết định 2629
(targets led by a named body, tasks shared between a lead and partners)."""

from __future__ import annotations

import datetime as dt
import html
import json
import re

import pytest
from openpyxl import load_workbook
from test_third_plan import write_reports

from plan744.services.plans import load_plan

from conftest import REPO, run_cli

THIRD = REPO / "tests" / "fixtures" / "plans" / "third.yaml"
QD2629 = REPO / "data" / "plans" / "qd-2629-2025.yaml"
DATA_2629 = REPO / "tests" / "fixtures" / "reports-2629"
ENV = {"PLAN744_NO_CACHE": "1", "SOURCE_DATE_EPOCH": "1700000000"}


def _text(page: str) -> str:
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", page).split()))


@pytest.fixture(scope="module")
def third_2026(tmp_path_factory):
    root = tmp_path_factory.mktemp("shape_third")
    plan = load_plan(THIRD).plan
    assert plan is not None and not plan.funded
    write_reports(plan, root / "reports")
    out = root / "out"
    result = run_cli("report", "--plan", str(THIRD), "--data", str(root / "reports"), "--year", "2026",
                     "--format", "html,json,csv,xlsx", "--out", str(out), env={**ENV, "PLAN744_TODAY": "2027-03-01"})
    assert result.returncode == 0, result.stderr.decode()
    return out


@pytest.fixture(scope="module")
def qd2629(tmp_path_factory):
    out = tmp_path_factory.mktemp("shape_2629")
    result = run_cli("report", "--plan", str(QD2629), "--data", str(DATA_2629), "--year", "2026",
                     "--format", "html,json", "--out", str(out), env={**ENV, "PLAN744_TODAY": "2027-03-01"})
    assert result.returncode == 0, result.stderr.decode()
    return out


def test_the_first_year_of_a_plan_has_no_column_for_the_year_before(third_2026):
    text = _text((third_2026 / "bao-cao-2026.html").read_text(encoding="utf-8"))
    assert "Kết quả năm 2026" in text
    assert "Năm 2025" not in text  # the plan begins in 2026: nothing is on file for 2025


def test_a_plan_without_a_funded_appendix_has_no_budget_sheet_file_or_column(third_2026):
    assert not (third_2026 / "bao-cao-2026-budget.csv").exists()
    header = (third_2026 / "bao-cao-2026-appendix.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert header[:5] == ["year", "tt", "name", "lead", "lead_name"]
    assert not {"planned", "allocated", "disbursed", "cumulative", "cumulative_share"} & set(header)
    book = load_workbook(third_2026 / "bao-cao-2026.xlsx", read_only=True)
    assert "Kinh phí" not in book.sheetnames
    heads = {str(c) for ws in book.worksheets for c in next(ws.iter_rows(max_row=1, values_only=True)) if c}
    assert not any(h.startswith(("Kinh phí", "Giải ngân", "Lũy kế giải ngân")) for h in heads), heads
    # the JSON keeps its schema's keys, empty
    data = json.loads((third_2026 / "bao-cao-2026.json").read_text(encoding="utf-8"))
    assert data["tables"]["budget"] == []
    assert all(r["planned"] is None for r in data["tables"]["appendix"])


def test_a_targets_lead_unit_is_in_the_report_and_the_json(qd2629):
    data = json.loads((qd2629 / "bao-cao-2026.json").read_text(encoding="utf-8"))
    plan = load_plan(QD2629).plan
    assert plan is not None
    led = {i.id: i.monitor for i in plan.indicators if i.monitor}
    assert led  # QĐ 2629, Phụ lục I: "Cơ quan chủ trì theo dõi, đánh giá"
    for row in data["tables"]["indicators"]:
        assert row["lead"] == led.get(row["indicator"])
        if row["lead"]:
            assert row["lead_name"] == plan.units_by_code[row["lead"]].name
    text = _text((qd2629 / "bao-cao-2026.html").read_text(encoding="utf-8"))
    assert "Chủ trì: Bộ KH&CN" in text


def test_partners_are_units_or_groups_of_the_organisation(tmp_path):
    plan = load_plan(QD2629).plan
    assert plan is not None
    row = plan.row("I.1")
    assert row is not None and row.lead == "BKHCN"
    assert row.partners == ["BCA", "BTC", "BNV", "CAC_BO_NGANH_DIA_PHUONG"]  # "Bộ Công an, Bộ Tài chính, Bộ Nội vụ và …"
    assert {"BCA", "BTC", "BNV"} <= set(plan.units_by_code) and "CAC_BO_NGANH_DIA_PHUONG" in plan.groups_by_code
    wrong = tmp_path / "plan.yaml"
    wrong.write_text(QD2629.read_text(encoding="utf-8").replace("partners: [BCA, BTC, BNV,", "partners: [BCAX, BTC, BNV,"),
                     encoding="utf-8")
    result = run_cli("plan", "check", "--plan", str(wrong), "--format", "json")
    assert result.returncode == 1
    found = [f for f in json.loads(result.stdout)["findings"] if f["severity"] == "error"]
    assert len(found) == 1 and "BCAX" in found[0]["message"], found
    assert "partners" in found[0].get("path", "") or found[0]["line"] > 0


def test_one_source_has_no_summing_note(tmp_path):
    """Only one body reported: no figure is summed over units, so no sentence says how sums are made."""
    data = tmp_path / "reports" / "2026"
    data.mkdir(parents=True)
    (data / "BKHCN.yaml").write_text((DATA_2629 / "2026" / "BKHCN.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("report", "--plan", str(QD2629), "--data", str(tmp_path / "reports"), "--year", "2026",
                     "--format", "html", "--out", str(out), env={**ENV, "PLAN744_TODAY": "2027-03-01"})
    assert result.returncode == 0, result.stderr.decode()
    text = _text((out / "bao-cao-2026.html").read_text(encoding="utf-8"))
    assert "không lấy trung bình các tỷ lệ" not in text and "tổng tử số/tổng mẫu số" not in text
    assert "Ghi chú: cột Đánh giá so sánh kết quả năm 2026 với mục tiêu Kế hoạch" in text


def test_summing_note_stays_where_units_are_summed(qd2629):
    text = _text((qd2629 / "bao-cao-2026.html").read_text(encoding="utf-8"))
    assert "không lấy trung bình các tỷ lệ" in text and "tổng tử số/tổng mẫu số" in text


GRDP = """  - id: kinh_te_so
    area: cds
    section: Phụ lục I, 9
    text: Kinh tế số chiếm 20% GRDP.
    name: Tỷ trọng kinh tế số trong GRDP
    numerator: Giá trị tăng thêm của kinh tế số
    denominator: GRDP
    measure: money
    levels: [bo]
    central: true
    monitor: B1
    targets:
      - {scope: all, kind: floor, value: 20, wording: "20%"}
tasks:"""


def test_a_share_of_grdp_is_not_the_units_money(tmp_path, third_2026):
    """"Kinh phí" heads the units' spending shares; a share measured once by its monitor stays in the table."""
    from plan744.core.figures.year import year_figures
    from plan744.report import compose_year_indicators
    from plan744.services.validate import validate_files

    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(THIRD.read_text(encoding="utf-8").replace("tasks:", GRDP, 1), encoding="utf-8")
    plan = load_plan(plan_file).plan
    assert plan is not None and plan.indicators_by_id["kinh_te_so"].measure == "money"
    reports = tmp_path / "reports"
    (reports / "2026").mkdir(parents=True)
    for source in sorted((third_2026.parent / "reports" / "2026").glob("*.yaml")):
        text = source.read_text(encoding="utf-8")
        if source.stem == "B1":  # the monitor gives the share
            text = text.replace("\nappendix:", "  kinh_te_so:\n    bo:\n      numerator: 15\n      denominator: 100\n\nappendix:", 1)
        (reports / "2026" / source.name).write_text(text, encoding="utf-8")
    parsed, found = validate_files(plan, sorted((reports / "2026").glob("*.yaml")), today=dt.date(2027, 3, 1), keep=True)
    assert not [x for x in found if x.severity == "error"], [x.message for x in found]
    f = year_figures(plan, 2026, [p.submission for p in parsed])
    assert any(r.indicator.id == "kinh_te_so" for r in f.indicators)
    assert compose_year_indicators.money_rows(f) == []
    out = tmp_path / "out"
    result = run_cli("report", "--plan", str(plan_file), "--data", str(reports), "--year", "2026", "--format", "html",
                     "--out", str(out), env={**ENV, "PLAN744_TODAY": "2027-03-01"})
    assert result.returncode == 0, result.stderr.decode()
    page = (out / "bao-cao-2026.html").read_text(encoding="utf-8")
    assert "Tỷ trọng kinh tế số trong GRDP" in _text(page)
    headings = [_text(h) for h in re.findall(r"<h\d[^>]*>(.*?)</h\d>", page, re.S)]
    assert headings and not any(h.endswith("Kinh phí") for h in headings), headings


def test_a_task_given_to_a_group_is_reported_by_the_units_of_its_kinds():
    """Điều 1, IV.2 gives its tasks to "các bộ, ngành, địa phương": written as the group (in the
    bundled plan), it reaches every bộ and tỉnh and no cơ quan thuộc bộ."""
    text = QD2629.read_text(encoding="utf-8")
    line = ('    text: "Tổ chức triển khai thực hiện Chương trình trong phạm vi chức năng, nhiệm vụ được giao '
            'và theo quy định pháp luật hiện hành."\n')
    assert text.count(line + "    reporters: [CAC_BO_NGANH_DIA_PHUONG]\n") == 1
    loaded = load_plan(QD2629)
    assert loaded.plan is not None and not [f for f in loaded.findings if f.severity == "error"]
    plan = loaded.plan
    kinds = {u.kind: u.code for u in plan.units}
    assert {"bo", "tinh", "co_quan"} <= set(kinds)
    for kind, code in kinds.items():
        assert ("IV.2.1" in [t.id for t in plan.tasks_for(code)]) is (kind in ("bo", "tinh")), kind


def test_headings_follow_the_plans_own_outline(tmp_path, third_2026):
    """docs/plan-file.md: a heading is reworded in the plan's `words:`; numbering stays the tool's."""
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(THIRD.read_text(encoding="utf-8") + "words:\n  year.h.shortcomings: Hạn chế, vướng mắc\n",
                         encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("report", "--plan", str(plan_file), "--data", str(third_2026.parent / "reports"), "--year", "2026",
                     "--format", "html", "--out", str(out), env={**ENV, "PLAN744_TODAY": "2027-03-01"})
    assert result.returncode == 0, result.stderr.decode()
    headings = [_text(h) for h in re.findall(r"<h\d[^>]*>(.*?)</h\d>", (out / "bao-cao-2026.html").read_text(encoding="utf-8"), re.S)]
    assert "2. Hạn chế, vướng mắc" in headings and "2. Tồn tại, hạn chế" not in headings, headings


def test_the_excel_form_of_a_task_list_has_no_money_columns(tmp_path):
    form = tmp_path / "B1.xlsx"
    result = run_cli("new-report", "--plan", str(THIRD), "-u", "B1", "-y", "2026", "-f", "xlsx", "-o", str(form))
    assert result.returncode == 0, result.stderr.decode()
    ws = load_workbook(form)["Phụ lục"]
    texts = {str(c) for row in ws.iter_rows(values_only=True) for c in row if c}
    assert not any("Kinh phí" in x or "giải ngân" in x.lower() for x in texts), texts
    assert all(ws.column_dimensions[c].hidden for c in "EGH")
    assert "Xây dựng quy chế dữ liệu" in " ".join(texts)  # B1 leads I.1: the row is there, without money
