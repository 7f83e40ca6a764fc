"""Wording fixes from the official's latest reading of the 2025 report and the 2021–2025
close-out, on the bundled data through the real command line: the data cut-off named where a
sentence gives figures "đến ngày …", a cross-reference taken from the body's numbering, dates in
running text without a leading zero in the month, generic kind words lower case inside a
sentence, and a caveat or a repeated account said once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plan744.core.vnformat import format_day
from plan744.report.compose_common import Numbering, t
from plan744.report.compose_reform import in_sentence
from plan744.report.sections import Part, body
from plan744.services.plans import load_plan

from conftest import REPO, html_text, run_cli

PARTIAL_TAIL = "chưa bao gồm số liệu của cấp xã từ ngày 01/7/2025"
BOILERPLATE = "Hoàn thành các hạng mục của nhiệm vụ; nghiệm thu, đưa vào sử dụng trong năm 2025"


@pytest.fixture(scope="module")
def texts(tmp_path_factory) -> dict[str, str]:
    """{"year": the 2025 report's text, "period": the close-out's}, each built with its notes."""
    out: dict[str, str] = {}
    for name, span, notes in (("year", ("--year", "2025"), "2025.yaml"),
                              ("period", ("--period", "2021-2025"), "2021-2025.yaml")):
        folder: Path = tmp_path_factory.mktemp(name)
        result = run_cli("report", *span, "--notes", str(REPO / "data" / "notes" / notes), "--format", "html",
                         "--out", str(folder), env={"PLAN744_NO_CACHE": "1"})
        assert result.returncode == 0, result.stderr.decode()
        out[name] = html_text(next(folder.glob("*.html")).read_text(encoding="utf-8"))
    return out


def _body(text: str) -> str:
    """From the title to the signature (the appendices left out)."""
    start = text.index("BÁO CÁO\n")
    return text[start:text.index("\nPhụ lục I ", start)]


def _appendix(text: str, roman: str) -> str:
    start = text.index(f"\nPhụ lục {roman} ", text.index("BÁO CÁO\n"))
    end = text.find("\nPhụ lục ", start + 1)
    return text[start:] if end < 0 else text[start:end]


# --- 1. the data cut-off, not the calendar's end ------------------------------------------------------


def test_the_task_results_are_dated_at_the_data_cut_off(texts) -> None:
    """The sentence gives the units' latest reports "đến ngày …": figures, so it names the end of
    the 2025 data window (14/12/2025), not 31/12/2025. No sentence of either report speaks of the
    plan's own end (31/12/2025), so that date no longer appears at all."""
    plan = load_plan(REPO / "data" / "plan.yaml").plan
    cut_off = format_day(plan.window(2025)[1])
    assert cut_off == "14/12/2025"
    for name in ("year", "period"):
        text = texts[name]
        # the qualitative targets come first and give the base once; the tasks refer to it
        base = (f"theo báo cáo mới nhất của các cơ quan, đơn vị đang hoạt động đến ngày {cut_off} "
                f"(không tính các đơn vị đã kết thúc hoạt động):")
        assert f"Các mục tiêu của Kế hoạch không có ngưỡng số, {base}" in text
        assert text.count(base) == 1 and "Kết quả thực hiện các nhiệm vụ (tính như trên):" in text
        assert "31/12/2025" not in text


# --- 2. the cross-reference follows the numbering -------------------------------------------------------


def test_the_unit_appendix_cites_the_indicator_section_by_its_number(texts) -> None:
    text = texts["year"]
    body_text = _body(text)
    results = next(line for line in body_text.splitlines() if line.endswith(". KẾT QUẢ THỰC HIỆN"))
    roman = results.split(".")[0]
    assert roman == "II"  # I is "Công tác lãnh đạo, chỉ đạo" in the 2025 report
    assert "1. Kết quả thực hiện các chỉ tiêu" in body_text
    annex = _appendix(text, "I")
    assert f"bảng kết quả tại mục {roman}.1." in annex
    assert "mục I.1" not in annex
    # and the other way: the table's note names the appendix of each unit's figures by its number
    note = next(line for line in body_text.splitlines() if line.startswith("Ghi chú: tỷ lệ = "))
    cited = re.search(r"chi tiết từng đơn vị: (Phụ lục [IVX]+)\.", note)
    assert cited is not None, note
    assert _appendix(text, cited.group(1).split()[-1]).splitlines()[1].startswith(
        f"{cited.group(1)} KẾT QUẢ CÁC CHỈ TIÊU CỦA TỪNG ĐƠN VỊ")


def test_a_part_is_cited_by_the_number_its_first_heading_got() -> None:
    """A section left out moves the numbers, and the cross-reference with them."""
    def parts(with_direction: bool) -> tuple[Part, ...]:
        direction = (Part("direction", lambda r, n: [n.heading(1, "Chỉ đạo")]),) if with_direction else ()
        return direction + (
            Part("results", lambda r, n: [n.heading(1, "Kết quả")]),
            Part("indicators", lambda r, n: [n.heading(2, "Chỉ tiêu")]),
            Part("quiet", lambda r, n: []),
            Part("tasks", lambda r, n: [n.heading(2, "Nhiệm vụ"), n.heading(2, "Khác")]),
        )
    for with_direction, expected in ((True, "II.1"), (False, "I.1")):
        n = Numbering()
        body(parts(with_direction), {}, None, n)
        assert n.ref("indicators") == expected
        assert n.ref("tasks") == expected[:-1] + "2"
        assert n.ref("quiet") is None  # wrote no heading: nothing to cite


# --- 3. dates in running text ----------------------------------------------------------------------------


def test_a_late_report_is_dated_as_running_text_writes_dates(texts) -> None:
    text = texts["year"]
    assert "huyện Kỳ Sơn (gửi ngày 10/7/2025), phường Hoàng Mai (gửi ngày 29/12/2025)" in text
    assert "10/07/2025" not in text
    for name in ("year", "period"):  # a zero before months 1 and 2 only (Nghị định 30), in every date of the body
        assert not re.search(r"\b\d{2}/0[3-9]/\d{4}\b", _body(texts[name])), name
        assert not re.search(r"\b\d{2}/[12]/\d{4}\b", _body(texts[name])), name


# --- 4. generic kind words lower case inside a sentence --------------------------------------------------


def test_kind_words_are_lower_case_inside_a_sentence(texts) -> None:
    year = texts["year"]
    assert ("Công tác báo cáo: 1 đơn vị chưa gửi báo cáo: xã Mỹ Lý; 2 đơn vị gửi sau hạn: huyện Kỳ Sơn "
            "(gửi ngày 10/7/2025), phường Hoàng Mai (gửi ngày 29/12/2025).") in year
    assert "Xã Mỹ Lý chưa gửi báo cáo; số liệu tổng hợp chưa bao gồm xã Mỹ Lý." in year  # a sentence's start keeps it
    for name in ("year", "period"):
        body_text = _body(texts[name])
        assert "Ví dụ, xã An Châu:" in body_text
        assert not re.search(r"Ví dụ, (Xã|Phường|Huyện|Thị trấn|Thị xã|Thành phố) ", body_text)
        assert "(TT 15; các sở, ban, ngành liên quan; lũy kế giải ngân" in body_text
        assert "; Các Sở, ban, ngành liên quan;" not in body_text
        # an agency's proper name keeps its capital
        assert "(TT 20; Sở Thông tin và Truyền thông, nay là Sở Khoa học và Công nghệ chủ trì)" in body_text
        assert "- Các Sở, ban, ngành;" in body_text  # a line of Nơi nhận opens with its capital
    assert "| Các Sở, ban, ngành liên quan |" in _appendix(texts["period"], "I")  # a table cell too


def test_in_sentence_lowers_only_the_generic_kind_word() -> None:
    assert in_sentence("Xã Mỹ Lý") == "xã Mỹ Lý"
    assert in_sentence("Phường Hoàng Mai") == "phường Hoàng Mai"
    assert in_sentence("Thị trấn Quán Hành") == "thị trấn Quán Hành"
    assert in_sentence("Các Sở, ban, ngành liên quan") == "các sở, ban, ngành liên quan"
    assert in_sentence("Các huyện miền núi") == "các huyện miền núi"
    assert in_sentence("Sở Khoa học và Công nghệ") == "Sở Khoa học và Công nghệ"
    assert in_sentence("Văn phòng UBND tỉnh") == "Văn phòng UBND tỉnh"
    assert in_sentence("Các Sở Khoa học") == "các sở Khoa học"  # the kind word only, never the name after it
    assert t("reform.lower_plural") == "Các"


# --- 5. a caveat, a repeated account, said once ----------------------------------------------------------


def test_the_partial_year_caveat_is_said_once_in_the_body(texts) -> None:
    for name in ("year", "period"):
        body_text = _body(texts[name])
        assert body_text.count(PARTIAL_TAIL) == 1, name
        # the rows it concerns still carry the short form beside their verdict
        assert body_text.count("(chưa gồm cấp xã từ 01/7/2025)") >= 4, name
    money = _body(texts["year"])
    line = next(line for line in money.splitlines() if line.startswith("Chi cho ứng dụng, phát triển CNTT"))
    assert line.endswith("đánh giá: đạt (chưa gồm cấp xã từ 01/7/2025).")


def test_an_account_many_leads_give_word_for_word_is_said_once(texts) -> None:
    annex = _appendix(texts["year"], "III")
    assert annex.count(BOILERPLATE) == 1
    assert (f"Nhiệm vụ TT 1 - 8, 11 - 13, 17 - 19, 21 - 27: đơn vị chủ trì báo cáo cùng nội dung “{BOILERPLATE}” "
            "(tình trạng, vốn bố trí và giải ngân như bảng trên).") in annex
    reports = annex[annex.index("Báo cáo của các đơn vị chủ trì"):]
    rows = [line for line in reports.splitlines() if line.startswith("| ")][1:]  # the header row left out
    assert [line.split(" | ")[0].lstrip("| ") for line in rows] == ["15", "15", "15", "20", "28", "28", "28"]
    # a shared row keeps each lead's own line, with its own money
    assert "| 15 | Sở Tài chính | Đang triển khai | 1.183 | 1.018,5 |" in reports
    # the main table still gives every row its status and money
    assert "| 1 | Duy trì, cập nhật Kiến trúc CQĐT tỉnh Nghệ An | Sở Khoa học và Công nghệ | 2021-2025 | 1.500 | 245 |" in annex
