"""Nothing of Kế hoạch 744's shape is assumed, continued (issue 26, points 6 and 7): the chart
draws the plan's headline targets (QĐ 2629's ranks) and what `report.chart` names; a form shows
the target that governs its year; a plan without a funded appendix has no money anywhere in a
close-out or in QĐ 2629's outputs; a target's lead unit on the third plan; tasks given to a group
in QĐ 2629 itself."""

from __future__ import annotations

import datetime as dt
import html
import json
import re

import pytest
from openpyxl import load_workbook
from test_third_plan import write_reports

from plan744.core import display
from plan744.core.figures.year import year_figures
from plan744.report import chart
from plan744.report.compose_year_indicators import charted, money_rows
from plan744.services.plans import load_plan
from plan744.services.validate import validate_files

from conftest import REPO, run_cli

THIRD = REPO / "tests" / "fixtures" / "plans" / "third.yaml"
QD2629 = REPO / "data" / "plans" / "qd-2629-2025.yaml"
DATA_2629 = REPO / "tests" / "fixtures" / "reports-2629"
ENV = {"PLAN744_NO_CACHE": "1", "SOURCE_DATE_EPOCH": "1700000000", "PLAN744_TODAY": "2027-03-01"}
MONEY_WORDS = re.compile(r"(?i)giải ngân|kinh phí được giao|kinh phí kế hoạch|lũy kế giải ngân")


def _text(page: str) -> str:
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", page).split()))


def _headings(page: str) -> list[str]:
    return [_text(h) for h in re.findall(r"<h\d[^>]*>(.*?)</h\d>", page, re.S)]


def _figures(plan, folder, year):
    parsed, _ = validate_files(plan, sorted(folder.glob("*.yaml")), today=dt.date(year + 1, 3, 1), keep=True)
    return year_figures(plan, year, [p.submission for p in parsed])


@pytest.fixture(scope="module")
def qd2629(tmp_path_factory):
    out = tmp_path_factory.mktemp("neutral_2629")
    result = run_cli("report", "--plan", str(QD2629), "--data", str(DATA_2629), "--year", "2026",
                     "--format", "html,json,csv,xlsx", "--out", str(out), env=ENV)
    assert result.returncode == 0, result.stderr.decode()
    return out


@pytest.fixture(scope="module")
def third_reports(tmp_path_factory):
    root = tmp_path_factory.mktemp("neutral_third")
    plan = load_plan(THIRD).plan
    assert plan is not None
    write_reports(plan, root / "reports")
    return plan, root / "reports"


# --- a. the chart comes from the plan ---------------------------------------------------------------


def test_the_year_chart_draws_the_plans_headline_targets(qd2629):
    """QĐ 2629, Điều 1, II.3: "thuộc nhóm 4 nước dẫn đầu ASEAN" is a rank, "03 cụm" a count: both drawn."""
    svg = re.search(r"<svg.*?</svg>", (qd2629 / "bao-cao-2026.html").read_text(encoding="utf-8"), re.S)
    assert svg is not None
    texts = " ".join(html.unescape(t).replace("\u00a0", " ") for t in re.findall(r"<text[^>]*>(.*?)</text>", svg.group(0)))
    assert "Việt Nam trong ASEAN (Toàn quốc)" in texts and "thứ 5" in texts  # the rank BKHCN reports for 2026
    assert "Việt Nam trên thế giới (Toàn quốc)" in texts and "thứ 66" in texts
    assert "Cụm Trung tâm Dữ liệu quốc gia đã hình thành" in texts
    assert "Chỉ tiêu số lượng, thứ hạng (thang đo riêng từng chỉ tiêu):" in texts
    assert "DVCTT toàn trình trên tổng số TTHC có đủ" in texts  # the percentages are still there


def test_the_plan_names_what_the_chart_draws(tmp_path):
    text = THIRD.read_text(encoding="utf-8")
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(text.replace("  area_name: Toàn quốc\n", "  area_name: Toàn quốc\n  chart: [du_lieu_mo, ho_so_dien_tu]\n", 1),
                         encoding="utf-8")
    loaded = load_plan(plan_file)
    plan = loaded.plan
    assert plan is not None and plan.report.chart == ["du_lieu_mo", "ho_so_dien_tu"]
    assert not [f for f in loaded.findings if f.severity == "error"]
    reports = tmp_path / "reports"
    write_reports(plan, reports)
    f = _figures(plan, reports / "2026", 2026)
    rows = charted(plan, f.indicators, money_rows(f))
    assert [r.indicator.id for r in rows] == ["du_lieu_mo", "ho_so_dien_tu"]  # the plan's order
    drawing = chart.year_chart(rows, display.scope_names(plan), "t")
    assert drawing is not None
    labels = " ".join(s.text.replace("\u00a0", " ") for s in drawing.shapes if s.kind == "text")
    assert "Bộ dữ liệu mở công bố trong năm" in labels and "Hệ thống gặp sự cố" not in labels
    # without the key: every target with a number, the units' money shares apart
    default = load_plan(THIRD).plan
    assert default is not None and default.report.chart is None
    assert {r.indicator.id for r in charted(default, f.indicators, money_rows(f))} == {r.indicator.id for r in f.indicators}
    # a code that names no indicator is an error of the plan file
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(plan_file.read_text(encoding="utf-8").replace("chart: [du_lieu_mo,", "chart: [du_lieu_moi,"), encoding="utf-8")
    result = run_cli("plan", "check", "--plan", str(wrong), "--format", "json")
    assert result.returncode == 1
    errors = [x for x in json.loads(result.stdout)["findings"] if x["severity"] == "error"]
    assert len(errors) == 1 and "du_lieu_moi" in errors[0]["message"], errors


# --- b. the form of a year shows the target that governs it ------------------------------------------


def test_the_form_of_2026_shows_the_yearly_target_for_2026_and_the_stage_that_governs(tmp_path):
    form_yaml, form_xlsx = tmp_path / "B1.yaml", tmp_path / "B1.xlsx"
    for path, fmt in ((form_yaml, "yaml"), (form_xlsx, "xlsx")):
        result = run_cli("new-report", "--plan", str(THIRD), "-u", "B1", "-y", "2026", "-f", fmt, "-o", str(path))
        assert result.returncode == 0, result.stderr.decode()
    text = form_yaml.read_text(encoding="utf-8")
    ws = load_workbook(form_xlsx)["Chỉ tiêu"]
    cells = [str(c) for row in ws.iter_rows(values_only=True) for c in row if c]
    for shown in (text, " | ".join(cells)):
        assert "ít nhất 05 bộ dữ liệu mở mỗi năm (năm 2026)" in shown  # a yearly target, due in 2026
        assert "mỗi năm (2030)" not in shown
        assert "60% (Giai đoạn 2026-2027)" in shown  # the stage that governs 2026
        assert "trên 80%" not in shown  # the 2028-2030 stage does not govern 2026
    result = run_cli("new-report", "--plan", str(THIRD), "-u", "B1", "-y", "2029", "-f", "yaml", "-o", str(tmp_path / "late.yaml"))
    assert result.returncode == 0, result.stderr.decode()
    late = (tmp_path / "late.yaml").read_text(encoding="utf-8")
    assert "trên 80% (Giai đoạn 2028-2030)" in late and "(năm 2029)" in late and "60% (Giai đoạn" not in late


# --- c. point 6, checked on QĐ 2629 and the third plan ----------------------------------------------


def test_close_out_columns_are_the_years_of_the_span_and_carry_no_money(third_reports, tmp_path):
    _, reports = third_reports
    result = run_cli("report", "--plan", str(THIRD), "--data", str(reports), "--period", "2026-2030",
                     "--format", "html,json,csv,xlsx", "--out", str(tmp_path), env={**ENV, "PLAN744_TODAY": "2031-03-01"})
    assert result.returncode == 0, result.stderr.decode()
    page = next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    heads = [_text(h) for h in re.findall(r"<th[^>]*>(.*?)</th>", page, re.S)]
    years = sorted({h for h in heads if re.fullmatch(r"20\d\d", h)})
    assert years == ["2026", "2027", "2028", "2029", "2030"]
    assert not any(h.endswith("Kinh phí") for h in _headings(page))
    assert not [h for h in heads if MONEY_WORDS.search(h)], heads
    assert not list(tmp_path.glob("*budget*.csv"))
    book = load_workbook(next(tmp_path.glob("*.xlsx")), read_only=True)
    assert "Kinh phí" not in book.sheetnames
    firsts = {str(c) for ws in book.worksheets for c in next(ws.iter_rows(max_row=1, values_only=True)) if c}
    assert not any(h.startswith(("Kinh phí", "Giải ngân", "Lũy kế giải ngân")) for h in firsts), firsts
    data = json.loads(next(p for p in tmp_path.glob("*.json") if "schema" not in p.name).read_text(encoding="utf-8"))
    assert data["tables"]["budget"] == []


def test_close_out_sentences_of_a_plan_without_money_speak_of_no_disbursement(third_reports, tmp_path):
    _, reports = third_reports
    result = run_cli("report", "--plan", str(THIRD), "--data", str(reports), "--period", "2026-2030",
                     "--format", "html", "--out", str(tmp_path), env={**ENV, "PLAN744_TODAY": "2031-03-01"})
    assert result.returncode == 0, result.stderr.decode()
    assert not MONEY_WORDS.search(_text(next(tmp_path.glob("*.html")).read_text(encoding="utf-8")))


def test_qd_2629_has_no_funded_appendix_anywhere(qd2629, tmp_path):
    plan = load_plan(QD2629).plan
    assert plan is not None and not plan.funded and plan.budget is None
    page = (qd2629 / "bao-cao-2026.html").read_text(encoding="utf-8")
    assert not MONEY_WORDS.search(_text(page))
    assert not list(qd2629.glob("*budget*.csv"))
    header = (qd2629 / "bao-cao-2026-appendix.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert not {"planned", "allocated", "disbursed", "cumulative", "cumulative_share"} & set(header), header
    book = load_workbook(qd2629 / "bao-cao-2026.xlsx", read_only=True)
    assert "Kinh phí" not in book.sheetnames
    form = tmp_path / "BKHCN.xlsx"
    result = run_cli("new-report", "--plan", str(QD2629), "-u", "BKHCN", "-y", "2026", "-f", "xlsx", "-o", str(form))
    assert result.returncode == 0, result.stderr.decode()
    ws = load_workbook(form)["Phụ lục"]
    texts = [str(c) for row in ws.iter_rows(values_only=True) for c in row if c]
    assert not any(MONEY_WORDS.search(x) for x in texts)
    assert all(ws.column_dimensions[c].hidden for c in "GH")  # allocated, disbursed: no such columns to fill


def test_the_kinh_phi_heading_is_absent_where_no_unit_reports_money(qd2629):
    page = (qd2629 / "bao-cao-2026.html").read_text(encoding="utf-8")
    heads = _headings(page)
    assert "1. Kết quả thực hiện các chỉ tiêu" in heads
    assert not any(h.endswith("Kinh phí") for h in heads), heads


def test_a_targets_lead_unit_on_the_third_plan(third_reports, tmp_path):
    plan, reports = third_reports
    result = run_cli("report", "--plan", str(THIRD), "--data", str(reports), "--year", "2026", "--format", "html,json",
                     "--out", str(tmp_path), env=ENV)
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads((tmp_path / "bao-cao-2026.json").read_text(encoding="utf-8"))
    rows = {r["indicator"]: r for r in data["tables"]["indicators"]}
    monitor = plan.indicators_by_id["nen_tang_quoc_gia"].monitor
    assert monitor == "B1" and rows["nen_tang_quoc_gia"]["lead"] == "B1"
    assert rows["nen_tang_quoc_gia"]["lead_name"] == plan.units_by_code["B1"].name
    assert rows["ho_so_dien_tu"]["lead"] is None  # summed over units: no single lead
    unit = plan.units_by_code["B1"]
    assert f"Chủ trì: {unit.short_name or unit.name}" in _text((tmp_path / "bao-cao-2026.html").read_text(encoding="utf-8"))


# --- d. point 7: QĐ 2629 gives the tasks of Điều 1, IV.2 to a group ------------------------------------


def test_qd_2629_gives_the_tasks_of_iv_2_to_the_group_it_names():
    plan = load_plan(QD2629).plan
    assert plan is not None
    iv2 = [t for t in plan.tasks if t.section == "Điều 1, IV.2"]
    assert len(iv2) == 8 and all(t.reporters == ["CAC_BO_NGANH_DIA_PHUONG"] for t in iv2)
    assert plan.groups_by_code["CAC_BO_NGANH_DIA_PHUONG"].member_kinds == ["bo", "tinh"]
    ids = {t.id for t in iv2}
    assert ids <= {t.id for t in plan.tasks_for("BNV")} and ids <= {t.id for t in plan.tasks_for("HANOI")}
    assert not ids & {t.id for t in plan.tasks_for("BCYCP")}  # Ban Cơ yếu Chính phủ: a cơ quan thuộc bộ
