"""The words of the outputs besides the report's sentences (the workbook's headers and sheet
names, the chart's legend, the quốc hiệu and "Nơi nhận:") come from the catalogue, so a plan's
`words:` section rewords them too. Through the real command line, as a department runs it."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as open_docx
from openpyxl import load_workbook
from test_overrides import EPOCH, repository

from plan744.core.labels import WORDS
from plan744.core.words_outputs import OUTPUT_WORDS
from plan744.report.data import COLUMNS, SHEET_NAMES

from conftest import REPO, run_cli

WORDS_SECTION = """
words:
  data.indicators.name: Tên chỉ tiêu
  data.sheet.units: Số liệu từng đơn vị
  verdict.exceeded: Vượt mục tiêu
  doc.nation: QUỐC HIỆU RIÊNG
  doc.motto: Tiêu ngữ riêng
  doc.recipients: "Gửi tới:"
  doc.toc: Các mục
"""


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = repository(tmp_path_factory.mktemp("province"), words=WORDS_SECTION, letterhead=False)
    proc = run_cli("report", "--year", "2022", "--format", "html,docx,xlsx,csv,json", "--out", str(root / "out"),
                   cwd=root, env=EPOCH)
    assert proc.returncode == 0, proc.stderr.decode()
    return root / "out"


def test_the_plans_words_reach_the_workbooks_headers_and_sheet_names(out: Path) -> None:
    wb = load_workbook(out / "bao-cao-2022.xlsx")
    assert "Số liệu từng đơn vị" in wb.sheetnames and "Theo đơn vị" not in wb.sheetnames
    headers = [c.value for c in wb["Chỉ tiêu"][1]]
    assert headers[:3] == ["Năm", "Mã chỉ tiêu", "Tên chỉ tiêu"]
    assert [c.value for c in wb["Phụ lục"][1]][2] == "Nhiệm vụ, dự án"  # the others keep the defaults


def test_the_data_files_keys_stay_codes(out: Path) -> None:
    csv = (out / "bao-cao-2022-indicators.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert csv.startswith("year,indicator,name,scope,")
    assert '"name": ' in (out / "bao-cao-2022.json").read_text(encoding="utf-8")


def test_the_plans_words_reach_the_html(out: Path) -> None:
    html = (out / "bao-cao-2022.html").read_text(encoding="utf-8")
    assert '<div class="nation">QUỐC HIỆU RIÊNG</div>' in html and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in html
    assert '<div class="motto">Tiêu ngữ riêng</div>' in html
    assert '<div class="label">Gửi tới:</div>' in html and "Nơi nhận:" not in html
    assert '<p class="toc-title">Các mục</p>' in html and "Mục lục" not in html
    # The chart's legend says the table's verdict words, the plan's own among them.
    assert ">Vượt mục tiêu, Đạt</text>" in html and ">Vượt, Đạt</text>" not in html


def test_the_plans_words_reach_the_word_draft(out: Path) -> None:
    document = open_docx(str(out / "bao-cao-2022.docx"))
    cells = [p.text for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    assert "QUỐC HIỆU RIÊNG" in cells and "Tiêu ngữ riêng" in cells and "Gửi tới:" in cells
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in cells and "Nơi nhận:" not in cells


def test_every_header_and_sheet_name_is_a_word_a_plan_can_override() -> None:
    for table, columns in COLUMNS.items():
        for key, header in columns:
            assert WORDS[f"data.{table}.{key}"] == header
        assert WORDS[f"data.sheet.{table}"] == SHEET_NAMES[table]
    assert set(OUTPUT_WORDS) <= set(WORDS)


@pytest.mark.parametrize("code", ["data.sheet.units", "form.sheet.chi_tieu"])
@pytest.mark.parametrize("title, why", [("Đơn vị [cấp xã]: số liệu", "có ký tự Excel không cho phép (: [ ])"),
                                        ("Số liệu của từng đơn vị cấp xã, phường", "dài 38 ký tự, Excel cho tối đa 31")])
def test_a_sheet_name_excel_refuses_is_a_located_error(tmp_path: Path, code: str, title: str, why: str) -> None:
    """openpyxl would refuse the name while writing (a crash); the plan is refused where it says it."""
    root = repository(tmp_path, words=f"\nwords:\n  {code}: \"{title}\"\n", letterhead=False)
    proc = run_cli("plan", "check", "--format", "json", cwd=root, env=EPOCH)
    assert proc.returncode == 1, proc.stderr.decode()
    import json

    errors = [f for f in json.loads(proc.stdout)["findings"] if f["severity"] == "error"]
    assert len(errors) == 1 and why in errors[0]["message"] and errors[0]["line"] > 1, errors
    assert run_cli("report", "--year", "2022", "--format", "xlsx", "--out", str(root / "out"), cwd=root,
                       env=EPOCH).returncode not in (0, 3)


def test_the_plans_words_reach_the_targets_as_the_tables_write_them() -> None:
    """`core.display` writes a target whose own wording is too long for a table cell (the
    documents, the forms and the terminal share it): its words are the plan's too."""
    from plan744.core import display
    from plan744.core.labels import speaking
    from plan744.core.wording import Words
    from plan744.services.plans import load_plan

    plan = load_plan(REPO / "data" / "plans" / "qd-2629-2025.yaml").plan
    assert plan is not None
    ind, tgt = next((i, t) for i in plan.indicators for t in i.targets
                    if t.kind == "floor" and t.value is not None and len(t.wording) > display.WORDING_MAX)
    default = display.target(tgt, ind, plan.money)
    with speaking(Words.model_validate({"target.floor": "từ {value} trở lên"})):
        reworded = display.target(tgt, ind, plan.money)
    assert reworded.startswith("từ ") and "trở lên" in reworded and default != reworded
