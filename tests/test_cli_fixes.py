"""Small user-facing faults mended: a `--notes` path that does not exist is a usage error (never
"no notes"), dates in messages written as the reports write them ("01/7/2025"), and `convert`
of a task status report's Excel form to its YAML and back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_status_form import PLAN, SOURCE, _fill, _new_form

from plan744.core.vnformat import format_day
from plan744.readers.status_yaml import read_status_file

from conftest import REPO, run_cli


def text(proc) -> str:  # type: ignore[no-untyped-def]
    return proc.stdout.decode("utf-8") + proc.stderr.decode("utf-8")


def test_a_notes_path_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    missing = tmp_path / "ghi-chu" / "2025.yaml"
    proc = run_cli("report", "--year", "2025", "--format", "json", "--notes", str(missing), "--out", str(tmp_path / "out"))
    said = text(proc)
    assert proc.returncode == 2 and "Traceback" not in said
    assert "Lỗi" in said and "--notes" in said and str(missing) in said and "plan744 notes new" in said
    assert not (tmp_path / "out").exists()


def test_notes_with_the_quarterly_report_are_refused_not_ignored(tmp_path: Path) -> None:
    proc = run_cli("report", "--quarter", "2026-Q3", "--notes", str(REPO / "data" / "notes"), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2 and "--notes chỉ dùng với --year hoặc --period" in text(proc)


@pytest.mark.parametrize(("day", "shown"), [(dt.date(2025, 7, 1), "01/7/2025"), (dt.date(2026, 9, 30), "30/9/2026"),
                                            (dt.date(2023, 12, 5), "05/12/2023"), (dt.date(2024, 1, 10), "10/01/2024")])
def test_a_day_is_written_as_the_reports_write_it(day: dt.date, shown: str) -> None:
    assert format_day(day) == shown


def test_a_message_writes_its_date_as_the_reports_do(tmp_path: Path) -> None:
    proc = run_cli("report", "--quarter", "2026-Q3", "--as-of", "2026-07-01", "--plan", str(PLAN), "--out", str(tmp_path))
    assert proc.returncode in (0, 1)  # a date inside the quarter is accepted
    early = run_cli("report", "--quarter", "2026-Q3", "--as-of", "2026-06-10", "--plan", str(PLAN), "--out", str(tmp_path))
    said = text(early)
    assert early.returncode == 2 and "--as-of 10/6/2026 sớm hơn ngày đầu kỳ 2026-Q3 (01/7/2026)" in said
    assert "10/06/2026" not in said


def test_convert_turns_a_filled_status_form_into_its_yaml_and_back(tmp_path: Path) -> None:
    form = tmp_path / "BCA-2026-Q3.xlsx"
    _fill(_new_form(tmp_path / "blank"), SOURCE, form)
    yaml_out = tmp_path / "BCA-2026-Q3.yaml"
    proc = run_cli("convert", "--plan", str(PLAN), str(form), "--out", str(yaml_out))
    assert proc.returncode == 0, text(proc)
    assert f"Đã ghi {yaml_out}" in text(proc)
    original, _ = read_status_file(SOURCE)
    converted, findings = read_status_file(yaml_out)
    assert original is not None and converted is not None and not findings
    assert converted.report == original.report
    assert run_cli("validate", "--plan", str(PLAN), str(yaml_out)).returncode == 0
    back = tmp_path / "lai.xlsx"
    proc = run_cli("convert", "--plan", str(PLAN), str(yaml_out), "--out", str(back))
    assert proc.returncode == 0, text(proc)
    again, _ = read_status_file(back)
    assert again is not None and again.report == original.report


def test_convert_of_a_blank_status_form_says_what_to_fill(tmp_path: Path) -> None:
    form = _new_form(tmp_path)
    proc = run_cli("convert", "--plan", str(PLAN), str(form))
    said = text(proc)
    assert proc.returncode == 1 and "Chưa chuyển" in said and "Thông tin chung!C6" in said
    assert not form.with_suffix(".yaml").exists()


def test_a_site_from_a_folder_with_no_report_names_the_plans_years_and_writes_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "reports"
    empty.mkdir()
    proc = run_cli("site", "--out", str(tmp_path / "site"), "--data", str(empty), "--as-of", "2026-12-05",
                   "--plan", str(REPO / "data" / "plan.yaml"))
    said = text(proc)
    assert proc.returncode == 1 and "Traceback" not in said
    assert "cho các năm 2021–2025 của kế hoạch (tính đến ngày 05/12/2026)" in said and "[site-no-submissions]" in said
    assert "năm 2026" not in said  # not a year of the plan: the site shows the plan's years
    assert not (tmp_path / "site").exists()
