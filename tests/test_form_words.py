"""The forms in a plan's own words: a plan file's `words:` section rewords the Excel form's sheet
titles and column headers and the YAML form's comments (codes "form.*" and "scaffold.*" of
`core.words_forms`), through the real command line. The reader finds every value by the form's
hidden keys, so a reworded form, filled in, reads back and validates like a default one."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from pathlib import Path

from openpyxl import load_workbook

from plan744.core.labels import TASK_STATUS, WORDS
from plan744.core.wording import Words
from plan744.core.words_forms import FORM_WORDS

from conftest import MINI_PLAN, run_cli

ENV = {"SOURCE_DATE_EPOCH": "1672876800", "PLAN744_NO_CACHE": "1", "PLAN744_TODAY": "2023-06-30"}
WORDS_SECTION = """
words:
  form.sheet.chi_tieu: Số liệu chỉ tiêu
  form.ind.col.first: Tử số (hoặc số lượng)
  scaffold.prepared_by: cán bộ lập báo cáo
  status.hoan_thanh: Đã xong
"""


def repository(root: Path, words: str = WORDS_SECTION) -> Path:
    """A data repository: plan744.toml and data/plan.yaml (the mini plan with `words`)."""
    (root / "data" / "reports").mkdir(parents=True)
    (root / "plan744.toml").write_text('plan = "data/plan.yaml"\ndata = "data/reports"\n', encoding="utf-8")
    (root / "data" / "plan.yaml").write_text(MINI_PLAN.read_text(encoding="utf-8") + words, encoding="utf-8")
    return root


def new_report(root: Path, fmt: str, target: Path):
    return run_cli("new-report", "--unit", "H1", "--year", "2022", "--format", fmt, "--out", str(target), cwd=root, env=ENV)


def _header(ws) -> list[object]:
    """The visible header row of a sheet: the first row whose column A says it holds no record."""
    for row in ws.iter_rows(min_row=2):
        if row[0].value == "-" and any(c.value for c in row[2:]):
            return [c.value for c in row[1:]]
    raise AssertionError(f"no header in {ws.title}")


def _fill(raw: bytes) -> bytes:
    """Fill a blank form as an officer does, finding each cell by the form's hidden keys."""
    wb = load_workbook(io.BytesIO(raw))
    values = {
        "general:submitted": {"C": dt.date(2023, 1, 20)},
        "general:prepared_by.name": {"C": "Lê Văn Cường"},
        "general:prepared_by.position": {"C": "Phó Chánh Văn phòng"},
        "ind:ho_so_truc_tuyen:huyen:pct": {"F": 300, "G": 1000},
        "ind:van_ban:huyen:pct": {"F": 800, "G": 1000},
        "task:IV.1.1": {"E": TASK_STATUS["dang_trien_khai"], "F": "Đang chuẩn bị kịch bản."},
        "task?:IV.1.2": {"E": "Đã xong", "F": "Phát 10 bản tin."},  # the plan's word for hoan_thanh
        "narr:highlights": {"C": "Kết nối liên thông văn bản."},
        "narr:shortcomings": {"C": "Thiếu cán bộ chuyên trách."},
        "narr:proposals": {"C": "Tập huấn thêm."},
    }
    filled = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows(min_row=2):
            key = row[0].value
            for col, value in values.get(key, {}).items():
                ws[f"{col}{row[0].row}"] = value
                filled.add(key)
    assert filled == set(values)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_every_form_word_is_overridable_and_keeps_todays_text() -> None:
    assert all(WORDS[code] == text for code, text in FORM_WORDS.items())
    assert Words().word("form.sheet.chi_tieu") == "Chỉ tiêu"
    assert all(unicodedata.is_normalized("NFC", text) for text in FORM_WORDS.values())


def test_the_excel_form_speaks_the_plans_words_and_reads_back(tmp_path: Path) -> None:
    root = repository(tmp_path / "province")
    blank = root / "blank" / "H1.xlsx"
    made = new_report(root, "xlsx", blank)
    assert made.returncode == 0, made.stderr.decode()
    wb = load_workbook(io.BytesIO(blank.read_bytes()))
    assert "Số liệu chỉ tiêu" in wb.sheetnames and "Chỉ tiêu" not in wb.sheetnames
    header = _header(wb["Số liệu chỉ tiêu"])
    assert "Tử số (hoặc số lượng)" in header and "Tử số / số lượng" not in header
    assert "Mẫu số" in header  # the words not overridden keep today's text
    assert "Thông tin chung" in wb.sheetnames
    lists = [dv.formula1 for ws in wb.worksheets for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert lists and all("Đã xong" in f and "Hoàn thành," not in f for f in lists), lists

    folder = root / "data" / "reports" / "2022"
    folder.mkdir()
    (folder / "H1.xlsx").write_bytes(_fill(blank.read_bytes()))
    checked = run_cli("validate", "--strict", str(folder / "H1.xlsx"), cwd=root, env=ENV)
    assert checked.returncode == 0, checked.stdout.decode() + checked.stderr.decode()
    # the same filled form converts to the YAML report, in the plan's words too
    converted = run_cli("convert", str(folder / "H1.xlsx"), "--out", str(root / "H1.yaml"), cwd=root, env=ENV)
    assert converted.returncode == 0, converted.stdout.decode() + converted.stderr.decode()
    text = (root / "H1.yaml").read_text(encoding="utf-8")
    assert "prepared_by:  # cán bộ lập báo cáo" in text
    assert 'name: "Lê Văn Cường"' in text and "numerator: 300" in text
    # "Đã xong" is the plan's hoan_thanh; "Đang triển khai", today's word, still reads (older forms)
    assert 'status: "hoan_thanh"' in text and 'status: "dang_trien_khai"' in text


def test_the_yaml_form_speaks_the_plans_words(tmp_path: Path) -> None:
    root = repository(tmp_path / "province")
    made = new_report(root, "yaml", root / "H1.yaml")
    assert made.returncode == 0, made.stderr.decode()
    text = (root / "H1.yaml").read_text(encoding="utf-8")
    assert "prepared_by:  # cán bộ lập báo cáo" in text and "người lập báo cáo" not in text
    assert "narrative:  # phần nhận xét, đánh giá của đơn vị" in text  # not overridden: today's words


def test_without_words_the_forms_say_todays_words(tmp_path: Path) -> None:
    root = repository(tmp_path / "province", words="")
    made = new_report(root, "xlsx", root / "H1.xlsx")
    assert made.returncode == 0, made.stderr.decode()
    wb = load_workbook(io.BytesIO((root / "H1.xlsx").read_bytes()))
    assert "Chỉ tiêu" in wb.sheetnames
    assert "Tử số / số lượng" in _header(wb["Chỉ tiêu"])


def test_a_form_word_with_a_blank_it_does_not_have_is_refused(tmp_path: Path) -> None:
    root = repository(tmp_path / "province", words="\nwords:\n  form.sheet.chi_tieu: Chỉ tiêu {year}\n")
    made = new_report(root, "xlsx", root / "H1.xlsx")
    assert made.returncode != 0
    assert "form.sheet.chi_tieu" in made.stdout.decode() + made.stderr.decode()
    assert not (root / "H1.xlsx").exists()


def test_the_reader_names_a_missing_sheet_in_the_plans_words(tmp_path: Path) -> None:
    root = repository(tmp_path / "province")
    form = root / "H1.xlsx"
    assert new_report(root, "xlsx", form).returncode == 0
    wb = load_workbook(io.BytesIO(form.read_bytes()))
    del wb["Số liệu chỉ tiêu"]
    wb.save(form)
    checked = run_cli("validate", str(form), cwd=root, env=ENV)
    assert checked.returncode == 1
    assert "thiếu trang “Số liệu chỉ tiêu”" in checked.stdout.decode()
