"""The unit officer's Excel form: made from the plan for one unit and year, read back with
cell-located messages, converted to and from YAML without losing anything, and the same after
LibreOffice Calc has opened and saved it. The bad workbooks are cases in tests/cases/ (xlsx-*)."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from plan744.core.labels import TASK_STATUS
from plan744.forms.scaffold_yaml import scaffold
from plan744.forms.xlsx_form import workbook
from plan744.services.plans import load_plan
from plan744.services.validate import parse_submission

from conftest import MINI_PLAN, REAL_PLAN, REPO, run_cli

BASIC = REPO / "tests" / "cases" / "valid" / "basic" / "reports"
SAMPLE = REPO / "data" / "reports"


@pytest.fixture(scope="module")
def plan():
    return load_plan(REAL_PLAN).plan


def _sheets(raw: bytes) -> dict[str, object]:
    wb = load_workbook(io.BytesIO(raw))
    return {ws["A1"].value.split(":", 1)[1]: ws for ws in wb.worksheets if str(ws["A1"].value or "").startswith("plan744:")}


def _keys(ws) -> list[str]:
    return [c.value for c in ws["A"][1:] if c.value and c.value != "-"]


def test_new_report_xlsx_makes_the_form_of_that_unit_and_year(tmp_path: Path, plan) -> None:
    target = tmp_path / "SKHCN.xlsx"
    result = run_cli("new-report", "--unit", "SKHCN", "--year", "2025", "--format", "xlsx", "--out", str(target))
    assert result.returncode == 0, result.stderr.decode()
    sheets = _sheets(target.read_bytes())
    assert set(sheets) == {"huong_dan", "thong_tin", "chi_tieu", "phu_luc", "nhiem_vu", "nhan_xet"}
    expected = [f"ind:{ind.id}:{lv}:{'pct' if ind.is_percent else 'val'}" for ind, levels in plan.indicators_for("SKHCN", 2025)
                for lv in levels]
    assert _keys(sheets["chi_tieu"]) == expected
    # the rows Sở KH&CN leads in 2025 include those it took over from Sở TT&TT
    leads = {str(t.tt) for t in plan.appendix if t.timeframe.start <= 2025 <= t.timeframe.end and plan.lead_in(t, 2025) == "SKHCN"}
    assert {k.split(":")[1] for k in _keys(sheets["phu_luc"]) if k.startswith("app:")} == leads and "17" in leads


def test_form_locks_labels_and_marks_validates_and_computes_inputs(plan) -> None:
    sheets = _sheets(workbook(plan, "STTTT", 2022))
    ws = sheets["chi_tieu"]
    assert ws.protection.sheet and ws.column_dimensions["A"].hidden and ws.row_dimensions[1].hidden
    row = next(c.row for c in ws["A"] if c.value == "ind:van_ban_dien_tu:tinh:pct")
    assert ws[f"C{row}"].protection.locked and not ws[f"F{row}"].protection.locked and not ws[f"G{row}"].protection.locked
    assert ws[f"F{row}"].fill.fgColor.rgb.endswith("FFF2CC")
    assert ws[f"H{row}"].value.startswith("=IF(") and f"F{row}/G{row}" in ws[f"H{row}"].value
    assert ws[f"H{row}"].protection.locked and "%" in ws[f"H{row}"].number_format
    rules = {dv.type: dv for dv in ws.data_validations.dataValidation}
    assert rules["whole"].operator == "greaterThanOrEqual" and f"F{row}" in str(rules["whole"].sqref)
    status = next(dv for dv in sheets["phu_luc"].data_validations.dataValidation if dv.type == "list")
    assert all(label in status.formula1 for label in TASK_STATUS.values()) and "dang_trien_khai" not in status.formula1
    money = next(dv for dv in sheets["phu_luc"].data_validations.dataValidation if dv.type == "decimal")
    assert money.operator == "greaterThanOrEqual"
    dates = next(dv for dv in sheets["thong_tin"].data_validations.dataValidation if dv.type == "date")
    assert dates.sqref


def test_a_blank_form_names_each_cell_to_fill(tmp_path: Path) -> None:
    folder = tmp_path / "2022"
    result = run_cli("new-report", "--plan", str(MINI_PLAN), "--unit", "S1", "--year", "2022", "--format", "xlsx",
                     "--out", str(folder / "S1.xlsx"))
    assert result.returncode == 0, result.stderr.decode()
    checked = run_cli("validate", "--plan", str(MINI_PLAN), "--format", "json", str(folder), env={"PLAN744_TODAY": "2024-06-30"})
    assert checked.returncode == 1
    findings = json.loads(checked.stdout)["findings"]
    cells = {f"{f['sheet']}!{f['cell']}" for f in findings}
    assert {"Chỉ tiêu!F3", "Chỉ tiêu!G3", "Phụ lục!F3", "Nhận xét!C3", "Thông tin chung!C6"} <= cells
    assert all(f["cell"] and "line" not in f and "column" not in f for f in findings)  # a cell, no sheet row as a line
    text = run_cli("validate", "--plan", str(MINI_PLAN), str(folder), env={"PLAN744_TODAY": "2024-06-30"}).stdout.decode()
    assert "S1.xlsx" in text and "Chỉ tiêu!F3" in text


def _convert(*args: str) -> None:
    result = run_cli("convert", *args, env={"PLAN744_TODAY": "2026-11-27"})
    assert result.returncode == 0, result.stderr.decode() + result.stdout.decode()


@pytest.mark.parametrize("unit", ["SNV", "STTTT", "KYSON"])
def test_yaml_to_workbook_to_yaml_is_the_same_report(tmp_path: Path, plan, unit: str) -> None:
    source = SAMPLE / "2022" / f"{unit}.yaml"
    (tmp_path / "a" / "2022").mkdir(parents=True)
    (tmp_path / "b" / "2022").mkdir(parents=True)
    yaml_in = tmp_path / "a" / "2022" / f"{unit}.yaml"
    shutil.copy(source, yaml_in)
    _convert(str(yaml_in))
    xlsx = yaml_in.with_suffix(".xlsx")
    back = tmp_path / "b" / "2022" / f"{unit}.yaml"
    _convert(str(xlsx), "--out", str(back))
    original, _ = parse_submission(yaml_in, plan)
    from_xlsx, _ = parse_submission(xlsx, plan)
    again, _ = parse_submission(back, plan)
    assert original.submission == from_xlsx.submission == again.submission
    # field for field: the YAML written from the workbook is the YAML written from the same values
    body = [line for line in back.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    expected = [line for line in scaffold(plan, unit, 2022, None, original.submission.model_dump()).splitlines()
                if not line.startswith("#")]
    assert body == expected


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (installed by .ci/run)")
def test_libreoffice_saves_the_form_and_it_reads_back_the_same(tmp_path: Path, plan) -> None:
    source, _ = parse_submission(SAMPLE / "2022" / "STTTT.yaml", plan)
    form = tmp_path / "in" / "STTTT.xlsx"
    form.parent.mkdir()
    form.write_bytes(workbook(plan, "STTTT", 2022, source.submission.model_dump()))
    saved = tmp_path / "2022"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "xlsx",
                    "--outdir", str(saved), str(form)], capture_output=True, check=True, timeout=300)
    back, findings = parse_submission(saved / "STTTT.xlsx", plan)
    assert back is not None, findings
    assert back.submission == source.submission
    assert run_cli("validate", str(saved / "STTTT.xlsx")).returncode == 0


def test_a_folder_may_mix_workbooks_and_yaml_and_gives_the_same_report(tmp_path: Path) -> None:
    yaml_only = tmp_path / "yaml"
    mixed = tmp_path / "mixed"
    shutil.copytree(SAMPLE / "2021", yaml_only / "2021")
    shutil.copytree(SAMPLE / "2022", yaml_only / "2022")
    shutil.copytree(yaml_only, mixed)
    for unit in ("SNV", "STTTT", "KYSON", "VPUBND"):
        path = mixed / "2022" / f"{unit}.yaml"
        _convert(str(path))
        path.unlink()
    outs = {}
    for name, data in (("yaml", yaml_only), ("mixed", mixed)):
        out = tmp_path / f"out-{name}"
        result = run_cli("report", "--year", "2022", "--data", str(data), "--format", "json", "--out", str(out),
                         env={"SOURCE_DATE_EPOCH": "1672876800"})
        assert result.returncode == 0, result.stderr.decode()
        outs[name] = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"))
    assert outs["yaml"]["tables"] == outs["mixed"]["tables"]


def test_convert_refuses_a_report_with_errors_and_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "2022"
    folder.mkdir()
    blank = folder / "S1.xlsx"
    assert run_cli("new-report", "--plan", str(MINI_PLAN), "--unit", "S1", "--year", "2022", "--format", "xlsx",
                   "--out", str(blank)).returncode == 0
    result = run_cli("convert", "--plan", str(MINI_PLAN), str(blank))
    assert result.returncode == 1 and not (folder / "S1.yaml").exists()
    assert "Chỉ tiêu!F3" in result.stdout.decode() + result.stderr.decode()


def test_new_report_refuses_a_unit_that_does_not_report_that_year() -> None:
    result = run_cli("new-report", "--unit", "XA_MYLY", "--year", "2024", "--format", "xlsx")
    assert result.returncode == 2
    assert "Huyện Kỳ Sơn" in result.stderr.decode()


def test_the_form_is_dated_by_its_year_not_by_the_clock(plan) -> None:
    """A blank form is the same bytes whenever it is made (openpyxl's Workbook.save would stamp
    "modified" with the clock): dated 1 January of the year after the one it reports."""
    import datetime as dt

    props = load_workbook(io.BytesIO(workbook(plan, "STTTT", 2022))).properties
    assert props.created == props.modified == dt.datetime(2023, 1, 1)
