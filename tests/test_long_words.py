"""A long unbreakable word (a pasted URL, a row of characters) breaks inside its table cell in
every document: the PDF (WeasyPrint), the Word draft (laid out by LibreOffice, as a user's
office suite would) and the HTML in a browser (tests/test_report_browser.py checks widths).

Word boxes come from poppler's `pdftotext -bbox`; .ci/run installs poppler-utils and LibreOffice.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import MINI_PLAN, REPO, run_cli

URL = "https://dichvucong.example.vn/" + "thu-tuc-hanh-chinh-" * 9 + "x" * 10  # 209 characters, no space
WORD = "Ư" * 3000

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (installed by .ci/run)")


def _reports(tmp_path: Path) -> Path:
    data = tmp_path / "reports"
    shutil.copytree(REPO / "tests" / "cases" / "valid" / "basic" / "reports", data)
    s1 = data / "2022" / "S1.yaml"
    text = s1.read_text(encoding="utf-8")
    text = text.replace("progress: Hoàn thành thiết kế, đang lắp đặt.", f"progress: Xem {URL}")
    text = text.replace("shortcomings: Hạ tầng cấp xã còn thiếu.", f"shortcomings: {WORD}")
    s1.write_text(text, encoding="utf-8")
    return data


def word_boxes(pdf: Path) -> list[tuple[int, float, float, float]]:
    """(page, page width, xMin, xMax) of every word poppler finds."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True, timeout=120).stdout.decode()
    boxes, page, width = [], 0, 0.0
    for line in out.splitlines():
        m = re.search(r'<page width="([\d.]+)"', line)
        if m:
            page, width = page + 1, float(m.group(1))
            continue
        m = re.search(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', line)
        if m:
            boxes.append((page, width, float(m.group(1)), float(m.group(2))))
    return boxes


def _assert_inside(pdf: Path) -> None:
    boxes = word_boxes(pdf)
    assert len(boxes) > 500, "the PDF holds the report's words"
    outside = [(p, round(x1)) for p, w, _, x1 in boxes if x1 > w - 28]  # 28 pt ≈ 1 cm: inside the right margin
    assert not outside, f"words past the right margin on pages {sorted({p for p, _ in outside})}"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("long")
    out = tmp / "out"
    result = run_cli("report", "--year", "2022", "--plan", str(MINI_PLAN), "--data", str(_reports(tmp)),
                     "--format", "pdf,docx", "--out", str(out), env={"PLAN744_TODAY": "2024-06-30"})
    assert result.returncode == 0, result.stderr.decode()
    return out


def test_pdf_keeps_long_words_inside_the_page(rendered: Path) -> None:
    pdf = next(rendered.glob("*.pdf"))
    _assert_inside(pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout.decode()
    assert "thu-tuc-hanh-chinh" in text and "ƯƯƯƯ" in text  # broken, not dropped


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (installed by .ci/run)")
def test_word_draft_keeps_long_words_inside_the_page(rendered: Path, tmp_path: Path) -> None:
    docx = next(rendered.glob("*.docx"))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(docx)], capture_output=True, check=True, timeout=300)
    _assert_inside(tmp_path / (docx.stem + ".pdf"))
