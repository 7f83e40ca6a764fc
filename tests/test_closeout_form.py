"""The form of the 2025 report and the close-out, and of their data (issue 25, point 7).

The real command line on the bundled plan and reports writes every format once per document;
the files are read back with the tools a reader uses: pdftotext for the PDF, LibreOffice (with the
bundled Liberation Serif standing in for Times New Roman) for the Word draft's layout, openpyxl
for the workbook, the csv module for the CSV.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from plan744.core.labels import word
from plan744.report.data import SCHEMA_FILE
from plan744.report.document import Column, Row, Table, cell
from plan744.report.html import balanced_lines, fit_table

from conftest import libreoffice_pdf, run_cli

DOCUMENTS = {"y25": ("--year", "2025"), "tk": ("--period", "2021-2025")}
YEAR_HEADERS = {"Năm", "Từ năm", "Đến năm", "Năm gốc", "Năm có số liệu cuối", "Năm của mục tiêu", "Lũy kế từ năm"}


@pytest.fixture(scope="module", params=sorted(DOCUMENTS))
def out(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp(request.param)
    proc = run_cli("report", *DOCUMENTS[request.param], "--format", "html,pdf,docx,json,csv,xlsx", "--out", str(folder),
                   env={"PLAN744_NO_CACHE": "1"})
    assert proc.returncode == 0, proc.stderr.decode()
    return folder


def _one(folder: Path, suffix: str) -> Path:
    found = [p for p in folder.glob(f"*{suffix}") if p.name != SCHEMA_FILE]
    assert len(found) == 1, found
    return found[0]


def _pdf_pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")


# --- PDF and HTML ----------------------------------------------------------------------------


def test_numbers_and_short_headers_are_never_broken_in_the_pdf(out: Path) -> None:
    pages = _pdf_pages(_one(out, ".pdf"))
    text = "\n".join(pages)
    # a cell broken inside a number leaves its tail alone on the next line: "%", "m", "T", "577"
    assert not re.search(r"^\s*%\s*$", text, re.M), "a percentage broken before its % sign"
    assert not re.search(r"\d+,\s*$\n^\s*\d+%", text, re.M)
    assert "Nă\n" not in text and not re.search(r"^\s*T\s*$", text, re.M)
    table = next(p for p in pages if "Chỉ tiêu" in p and "Mục tiêu" in p and "Đánh giá" in p)
    header = next(line for line in table.splitlines() if "Chỉ tiêu" in line and "Mục tiêu" in line)
    assert re.match(r"\s*TT\s", header), header
    if "Năm gốc" in table:  # the close-out's indicator table
        assert "Năm gốc" in header
    # every ratio of the indicator table (numerator/denominator) appears whole on one line
    ratios = re.findall(r"\d{1,3}(?:\.\d{3})*(?:,\d+)?/\d{1,3}(?:\.\d{3})*(?:,\d+)?", table)
    lines = table.splitlines()
    assert all(any(r in line for line in lines) for r in ratios)
    assert not re.search(r"\d/\s*$", table, re.M), "a ratio broken after its slash"


def _ends_with_a_lead(pages: list[str]) -> list[tuple[int, str]]:
    """Pages (but the last) whose text ends with a list's lead (a line ending with ":")."""
    out = []
    for n, page in enumerate(pages[:-1], 1):
        body = [line.strip() for line in page.splitlines() if line.strip() and not line.strip().isdigit()]
        if body and body[-1].endswith(":"):
            out.append((n, body[-1]))
    return out


def test_no_page_ends_with_the_lead_of_what_follows(out: Path) -> None:
    """A list's lead ("Kết quả thực hiện các nhiệm vụ (tính như trên):") and a run-in heading
    are kept on the page of what they introduce (`document.kept_leads`)."""
    assert _ends_with_a_lead(_pdf_pages(_one(out, ".pdf"))) == []


def test_the_table_still_fits_the_page(out: Path) -> None:
    """Widened number columns take their room from the text columns, never from the margin."""
    from pypdf import PdfReader

    reader = PdfReader(str(_one(out, ".pdf")))
    for page in reader.pages[:8]:
        if "Đánh giá" not in page.extract_text():
            continue  # the indicator table's pages
        width = float(page.mediabox.width)
        assert _rightmost(page) < width - 15 * 72 / 25.4 + 1  # inside the right margin (15 mm)


def _rightmost(page: object) -> float:
    xs: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            xs.append(tm[4] * cm[0] + cm[4])

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return max(xs, default=0.0)


def test_bullets_are_dashes_in_the_html_and_the_pdf(out: Path) -> None:
    html = _one(out, ".html").read_text(encoding="utf-8")
    assert "•" not in html and "&bull;" not in html
    assert 'list-style-type: "-' in html  # the items' marker
    text = "\n".join(_pdf_pages(_one(out, ".pdf")))
    assert "•" not in text
    assert re.search(r"^\s+- \S", text, re.M), "a '-' item in the PDF"


def test_each_appendix_numbers_its_own_pages(out: Path) -> None:
    pages = _pdf_pages(_one(out, ".pdf"))
    starts = [i for i, p in enumerate(pages) if re.match(r"\s*Phụ lục [IVX]+\s*$", p.strip().splitlines()[0] if p.strip() else "")]
    assert starts, "an appendix"
    for start in starts:
        after = pages[start + 1] if start + 1 < len(pages) else ""
        if after.strip() and start + 1 not in starts:
            assert after.strip().splitlines()[0].strip() == "2", after[:80]


def test_no_appendix_title_ends_with_a_word_alone() -> None:
    assert balanced_lines("KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ THEO TỪNG ĐƠN VỊ NĂM 2025") == [
        "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", "THEO TỪNG ĐƠN VỊ NĂM 2025"]
    assert balanced_lines("KẾT QUẢ CÁC CHỈ TIÊU NĂM 2025") == ["KẾT QUẢ CÁC CHỈ TIÊU NĂM 2025"]


def test_a_narrow_number_column_is_widened_from_the_text_columns() -> None:
    table = Table((Column("TT", 0.02, "center"), Column("Chỉ tiêu", 0.78), Column("Kết quả", 0.2, "right")),
                  (Row((cell("1"), cell("Một chỉ tiêu"), cell("100,0%", "177.214,5/11.602.577"))),))
    shares = [c.share for c in fit_table(table).columns]
    assert shares[0] > 0.02 and shares[1] < 0.78 and abs(sum(shares) - 1) < 1e-3
    assert fit_table(fit_table(table)) == fit_table(table)


# --- the Word draft, laid out by LibreOffice -------------------------------------------------


@pytest.fixture(scope="module")
def word_pages(out: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    work = tmp_path_factory.mktemp("lo")
    docx = _one(out, ".docx")
    return _pdf_pages(libreoffice_pdf(soffice, docx, work))


def test_the_word_header_keeps_the_national_title_and_the_date_on_one_line(word_pages: list[str]) -> None:
    first = word_pages[0]
    assert word("doc.nation") in first
    assert re.search(r"ngày …… tháng …… năm ……", first)
    assert word("doc.motto") in first


def test_the_signature_stays_with_the_closing_paragraph(word_pages: list[str]) -> None:
    closing = [i for i, p in enumerate(word_pages) if "Trên đây là báo cáo" in p]
    signature = [i for i, p in enumerate(word_pages) if word("doc.recipients") in p]
    assert closing and signature
    assert closing[-1] == signature[0]


def test_no_word_page_ends_with_the_lead_of_what_follows(word_pages: list[str]) -> None:
    assert _ends_with_a_lead(word_pages) == []


def test_word_bullets_are_dashes(out: Path) -> None:
    import zipfile

    with zipfile.ZipFile(_one(out, ".docx")) as z:
        numbering = z.read("word/numbering.xml").decode("utf-8")
    assert '<w:lvl w:ilvl="0">' in numbering and 'w:lvlText w:val="-"' in numbering
    assert 'w:lvlText w:val="+"' in numbering  # the second level


# --- the data --------------------------------------------------------------------------------


def test_workbook_years_dates_labels_and_sheets(out: Path) -> None:
    wb = load_workbook(_one(out, ".xlsx"))
    assert wb.sheetnames[0] == word("data.sheet.info") and wb.sheetnames[-1] == word("data.sheet.legend")
    for ws in wb.worksheets:
        assert ws.max_row > 1, f"empty sheet {ws.title}"
        headers = [c.value for c in ws[1]]
        for j, text in enumerate(headers, start=1):
            cells = [ws.cell(row=i, column=j) for i in range(2, min(ws.max_row, 60) + 1)]
            values = [c for c in cells if c.value is not None]
            if text == "Năm":
                assert values
            if text in YEAR_HEADERS and ws.title != word("data.sheet.info"):
                assert all(c.number_format == "0" and isinstance(c.value, int) for c in values), (ws.title, text)
            if text in ("Ngày gửi", "Hạn gửi", "Kỳ số liệu từ", "Kỳ số liệu đến"):
                assert values and all(isinstance(c.value, dt.datetime) and c.number_format == "dd/mm/yyyy" for c in values)
            if text and "(triệu đồng)" in text:
                assert any(isinstance(c.value, (int, float)) for c in values)
    sheet = wb[word("data.sheet.indicators")]
    headers = [c.value for c in sheet[1]]
    verdict, code = headers.index("Đánh giá"), headers.index("Mã đánh giá")
    pairs = {(row[verdict], row[code]) for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert ("Vượt", "exceeded") in pairs and ("Chưa đạt", "not_reached") in pairs
    units = wb[word("data.sheet.units")]
    unit_headers = [c.value for c in units[1]]
    assert "Chỉ tiêu" in unit_headers and "Loại đơn vị" in unit_headers
    kinds = {row[unit_headers.index("Loại đơn vị")] for row in units.iter_rows(min_row=2, values_only=True)}
    assert "Sở, ban, ngành" in kinds
    legend = {(r[1], r[2]) for r in wb[word("data.sheet.legend")].iter_rows(min_row=2, values_only=True)}
    assert ("on_time", "Đúng hạn") in legend and ("highlights", "Kết quả nổi bật") in legend
    assert ("dang_trien_khai", "Đang triển khai") in legend
    info = dict(wb[word("data.sheet.info")].iter_rows(min_row=2, values_only=True))
    assert info[word("data.info.money")] == "triệu đồng"
    assert isinstance(info[word("data.info.generated")], dt.datetime)


def test_one_percent_convention_in_workbook_csv_and_json(out: Path) -> None:
    """A target of 90 (%) and a value of 98,52% are in the same unit in every file."""
    wb = load_workbook(_one(out, ".xlsx"))
    sheet = wb[word("data.sheet.indicators")]
    headers = [c.value for c in sheet[1]]
    rows = [dict(zip(headers, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)]
    percent = [r for r in rows if r["Mã loại giá trị"] == "percent" and r["Giá trị"] is not None and r["Mục tiêu"] is not None]
    assert percent
    for r in percent:  # the verdict agrees with a plain comparison of the two cells
        if r["Mã loại mục tiêu"] == "floor" and r["Mã đánh giá"] in ("exceeded", "reached", "not_reached"):
            assert (r["Giá trị"] >= r["Mục tiêu"]) == (r["Mã đánh giá"] != "not_reached"), r
    with (next(p for p in out.glob("*-indicators.csv"))).open(encoding="utf-8-sig", newline="") as fh:
        csv_rows = list(csv.DictReader(fh))
    data = json.loads(_one(out, ".json").read_text(encoding="utf-8"), parse_float=Decimal)
    json_rows = data["tables"]["indicators"]
    for r, c, j in zip(rows, csv_rows, json_rows, strict=True):
        if r["Giá trị"] is None:
            continue
        assert Decimal(c["value"]) == j["value"] == Decimal(str(r["Giá trị"]))
        if c["target_value"]:
            assert Decimal(c["target_value"]) == j["target_value"] == Decimal(str(r["Mục tiêu"]))
    fmt = sheet.cell(row=2, column=headers.index("Giá trị") + 1).number_format
    assert "%" in fmt and fmt.endswith('"%"')  # shown with a % sign, stored in points


def test_json_names_a_schema_written_beside_it(out: Path) -> None:
    import jsonschema

    data = json.loads(_one(out, ".json").read_text(encoding="utf-8"))
    schema_path = out / data["$schema"]
    assert schema_path.is_file()
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)


def test_word_tables_keep_numbers_whole(word_pages: list[str]) -> None:
    text = "\n".join(word_pages)
    assert not re.search(r"^\s*%\s*$", text, re.M), "a percentage broken before its % sign"
    assert not re.search(r"^\s*m\s*$", text, re.M) and not re.search(r"^\s*T\s*$", text, re.M)
    header = next(line for line in text.splitlines() if "Chỉ tiêu" in line and "Mục tiêu" in line)
    assert re.match(r"\s*TT\s", header), header
