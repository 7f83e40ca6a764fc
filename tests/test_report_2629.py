"""The report on a second real plan (Quyết định 2629/QĐ-TTg, a national programme) reads as that
plan's own: its issuing body and symbol, "Toàn quốc", its stages, its ranks, no budget section it
does not have, and nothing of Nghệ An or of Kế hoạch 744. The data are the illustrative reports of
six bodies (tests/fixtures/reports-2629)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document

from conftest import REPO, run_cli

PLAN = REPO / "data" / "plans" / "qd-2629-2025.yaml"
DATA = REPO / "tests" / "fixtures" / "reports-2629"


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture(scope="module")
def before_deadline(tmp_path_factory) -> tuple[str, Path]:
    """Drafted on 27/11/2026, before the deadline of 2026's reports."""
    out = tmp_path_factory.mktemp("2629")
    result = run_cli("report", "--plan", str(PLAN), "--data", str(DATA), "--year", "2026", "--format", "html,docx",
                     "--out", str(out), env={"PLAN744_TODAY": "2026-11-27"})
    assert result.returncode == 0, result.stderr.decode()
    return (out / "bao-cao-2026.html").read_text(encoding="utf-8"), out / "bao-cao-2026.docx"


def test_the_report_is_the_plans_own(before_deadline) -> None:
    text = _text(before_deadline[0])
    assert "BỘ KHOA HỌC VÀ CÔNG NGHỆ" in text and "/BC-BKHCN" in text and "Toàn quốc" in text
    assert "Quyết định số 2629/QĐ-TTg ngày 01/12/2025 của Thủ tướng Chính phủ" in text
    assert "Hà Nội, ngày" in text and "Nghệ An, ngày" not in text  # (Nghệ An is one of the reporting bodies)
    for foreign in ("744/KH", "BC-UBND", "Toàn tỉnh", "Thông tin và Truyền thông",
                    "triệu đồng", "trên tổng chi thường xuyên", "Không đồng", "plan744"):
        assert foreign not in text, foreign


def test_stages_and_ranks_are_said_as_the_plan_says_them(before_deadline) -> None:
    text = _text(before_deadline[0])
    assert "(giai đoạn 2025-2027)" in text
    assert "nhóm 4 dẫn đầu" in text and "thứ 5" in text and "tối đa 4 hạng" not in text
    # A target of a later year not reached yet is not yet due, never "chưa đạt".
    assert "(giai đoạn 2025-2027) 92,0% 29.055/31.590 (45 đơn vị chưa báo cáo) Chưa đến hạn (mục tiêu năm 2027)" in text


def test_no_budget_section_for_a_task_list(before_deadline) -> None:
    text = _text(before_deadline[0])
    assert "Kinh phí dự kiến" not in text and "giải ngân" not in text
    assert "Phụ lục của Quyết định có 75 nhiệm vụ" in text


def test_headings_are_numbered_without_gaps(before_deadline) -> None:
    headings = re.findall(r"<h3[^>]*>(\d+)\. ", before_deadline[0])
    runs, current = [], []
    for n in map(int, headings):
        if n == 1 and current:
            runs.append(current)
            current = []
        current.append(n)
    runs.append(current)
    assert all(r == list(range(1, len(r) + 1)) for r in runs), runs


def test_units_not_yet_due_are_pending_not_missing(before_deadline) -> None:
    text = _text(before_deadline[0])
    assert "chưa đến hạn gửi, hạn ngày 14/12/2026" in text
    assert "chưa gửi báo cáo:" not in text


def test_the_word_draft_has_the_same_header(before_deadline) -> None:
    doc = Document(str(before_deadline[1]))
    left = doc.tables[0].rows[0].cells[0].text.split("\n")
    assert [line for line in left if line][:2] == ["BỘ KHOA HỌC", "VÀ CÔNG NGHỆ"]
