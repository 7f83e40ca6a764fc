"""The task status report as an Excel form (issue 27, point 2): `plan744 new-report --period`
writes it, a form filled by openpyxl reads back to the same report and the same figures as the
equivalent YAML file, and a wrong status or date is a located Vietnamese finding."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from conftest import REPO, run_cli

PLAN = REPO / "data" / "plans" / "qd-2629-2025.yaml"
TRACKING = REPO / "data" / "tracking" / "qd-2629" / "2026"
SOURCE = TRACKING / "BCA-2026-Q3.yaml"
LABELS = {"chua_trien_khai": "Chưa triển khai", "dang_trien_khai": "Đang triển khai", "hoan_thanh": "Hoàn thành",
          "dung": "Dừng", "de_nghi_dieu_chinh": "Đề nghị điều chỉnh"}


def _new_form(tmp_path: Path, unit: str = "BCA", period: str = "2026-Q3") -> Path:
    target = tmp_path / f"{unit}-{period}.xlsx"
    done = run_cli("new-report", "--plan", str(PLAN), "--unit", unit, "--period", period, "--format", "xlsx",
                   "--out", str(target))
    assert done.returncode == 0, done.stderr.decode()
    return target


def _columns(ws) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Field -> column, from the form's hidden row 1 (as the reader finds them)."""
    return {str(c.value): c.column for c in ws[1] if c.value and c.column > 1}


def _fill(form: Path, source: Path, out: Path) -> None:
    """Type the YAML report's values into the form, as an officer would (statuses by label)."""
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    wb = load_workbook(form)
    tasks = next(ws for ws in wb.worksheets if ws["A1"].value == "st-form:tasks")
    col = _columns(tasks)
    rows = {tasks.cell(r, 1).value: r for r in range(2, tasks.max_row + 1)}
    for key, st in data["progress"].items():
        r = rows[f"st-task:{key}"]
        tasks.cell(r, col["status"]).value = LABELS[st["status"]]
        if st.get("completed"):
            tasks.cell(r, col["completed"]).value = st["completed"]
        if st.get("reason"):
            tasks.cell(r, col["reason"]).value = st["reason"]
        for field, value in (st.get("evidence") or {}).items():
            tasks.cell(r, col[field]).value = value
    general = next(ws for ws in wb.worksheets if ws["A1"].value == "st-form:general")
    for r in range(2, general.max_row + 1):
        field = str(general.cell(r, 1).value).removeprefix("st-general:")
        value = {"submitted": data["submitted"], "prepared_by.name": data["prepared_by"]["name"],
                 "prepared_by.position": data["prepared_by"]["position"]}.get(field)
        if value is not None:
            general.cell(r, 3).value = value
    wb.save(out)


@pytest.fixture(scope="module")
def filled_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("form")
    out = work / "filled" / "BCA-2026-Q3.xlsx"
    out.parent.mkdir()
    _fill(_new_form(work), SOURCE, out)
    return out


@pytest.fixture
def filled(filled_once: Path, tmp_path: Path) -> Path:
    """A copy of the filled form of the test's own, which it may change."""
    out = tmp_path / "filled" / filled_once.name
    out.parent.mkdir()
    shutil.copy2(filled_once, out)
    return out


def test_the_form_lists_the_unit_s_tasks_with_drop_downs(tmp_path: Path) -> None:
    from plan744.core.progress import assignees, tracked
    from plan744.services.plans import load_plan

    form = _new_form(tmp_path)
    wb = load_workbook(form)
    assert wb.sheetnames[:3] == ["Hướng dẫn", "Thông tin chung", "Tiến độ nhiệm vụ"]
    assert "Hoàn thành" in " ".join(str(c.value) for c in wb["Hướng dẫn"]["B"] if c.value)
    ws = wb["Tiến độ nhiệm vụ"]
    keys = [str(ws.cell(r, 1).value).removeprefix("st-task:") for r in range(2, ws.max_row + 1)
            if str(ws.cell(r, 1).value).startswith("st-task:")]
    plan = load_plan(PLAN).plan
    assert plan is not None
    who = assignees(plan, dt.date(2026, 9, 30))
    expected = [it.key for it in tracked(plan) if it.deadline is not None and "BCA" in who.get(it.key, ())]
    assert keys == expected
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert lists and all(label in lists[0].formula1 for label in LABELS.values())
    assert any(dv.type == "date" for dv in ws.data_validations.dataValidation)


def test_a_filled_form_reads_as_the_yaml_report(filled: Path) -> None:
    from plan744.readers.status_yaml import read_status_file

    from_yaml, f1 = read_status_file(SOURCE)
    from_xlsx, f2 = read_status_file(filled)
    assert f1 == [] and f2 == []
    assert from_yaml is not None and from_xlsx is not None
    assert from_xlsx.report.model_dump() == from_yaml.report.model_dump()


def test_the_form_gives_the_same_figures_as_the_yaml(filled: Path, tmp_path: Path) -> None:
    """The whole bundled set, with BCA's Q3 report swapped for the filled form: same counts."""
    swapped = tmp_path / "tracking"
    shutil.copytree(TRACKING, swapped)
    (swapped / SOURCE.name).unlink()
    shutil.copy(filled, swapped / filled.name)
    counts = []
    for folder in (TRACKING, swapped):
        done = run_cli("tasks", "--plan", str(PLAN), "--data", str(folder), "--as-of", "2026-10-15", "--format", "json")
        assert done.returncode == 0, done.stderr.decode()
        data = json.loads(done.stdout)
        counts.append((data["plan_tally"], data["units"]))
    assert counts[0] == counts[1]
    done = run_cli("validate", "--plan", str(PLAN), str(filled))
    assert done.returncode == 0, done.stdout.decode() + done.stderr.decode()


def test_a_wrong_status_or_date_is_found_at_its_cell(filled: Path) -> None:
    wb = load_workbook(filled)
    ws = wb["Tiến độ nhiệm vụ"]
    col = _columns(ws)
    rows = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
    status_row, date_row = rows["st-task:I.3"], rows["st-task:V.1"]
    ws.cell(status_row, col["status"]).value = "Xong rồi"
    ws.cell(date_row, col["completed"]).value = "31/02/2026"
    wb.save(filled)
    done = run_cli("validate", "--plan", str(PLAN), "--format", "json", str(filled))
    assert done.returncode == 1
    found = {(f["code"], f["sheet"], f["cell"]): f["message"] for f in json.loads(done.stdout)["findings"]}
    from openpyxl.utils import get_column_letter

    status_cell = f"{get_column_letter(col['status'])}{status_row}"
    date_cell = f"{get_column_letter(col['completed'])}{date_row}"
    assert found[("xlsx-status-unknown", "Tiến độ nhiệm vụ", status_cell)].startswith(
        "Tình trạng “Xong rồi” không có trong danh sách; hãy chọn một trong: Chưa triển khai, Đang triển khai, Hoàn thành")
    assert found[("date-invalid", "Tiến độ nhiệm vụ", date_cell)] == "Gặp “31/02/2026”: ngày này không có trên lịch."
    assert len(found) == 2


def test_period_and_year_are_exclusive(tmp_path: Path) -> None:
    done = run_cli("new-report", "--plan", str(PLAN), "--unit", "BCA", "--period", "2026-Q3", "--year", "2026",
                   "--out", str(tmp_path / "x.xlsx"))
    assert done.returncode == 2
    done = run_cli("new-report", "--plan", str(PLAN), "--unit", "BCA", "--period", "2026-Q9", "--out", str(tmp_path / "x.xlsx"))
    assert done.returncode == 2 and "2026-Q3" in done.stderr.decode()
