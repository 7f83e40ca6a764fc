"""The 2025 reform told in the close-out and the 2025 report (review items A1, A4, A7, A8, A10,
R1, R6, R7; B10, B11, D5, D10, E5, E6): one paragraph generated from data/organisation.yaml,
the appendix rows that moved with their true previous leads (from the appendix data, rows
finished before the change left out), the counting rule, unconfirmed facts marked; units named
as they were; the opening that cites the request letter; the draft box's two dates."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from plan744.core.findings import Severity
from plan744.core.notes import Letter, ReportNotes
from plan744.readers.files import discover
from plan744.report import compose_period as period
from plan744.report import compose_year as year
from plan744.report.compose_common import Issuance
from plan744.report.compose_reform import name_as_of
from plan744.report.document import Closing, Document, Para, Title
from plan744.services.plans import load_plan
from plan744.services.report import ReportRequest, build
from plan744.services.validate import validate_files

from conftest import REPO

GENERATED = dt.datetime(2026, 6, 30, 8, 0)
TODAY = dt.date(2027, 3, 1)
PLAN = REPO / "data" / "plan.yaml"
DATA = REPO / "data" / "reports"


def figures(**span):
    outcome = build(ReportRequest(PLAN, DATA, REPO / "templates", (), today=TODAY, **span))
    assert outcome.figures is not None, [f.message for f in outcome.findings]
    return outcome.figures


@pytest.fixture(scope="module")
def y2025():
    return figures(year=2025)


@pytest.fixture(scope="module")
def closeout():
    return figures(period=(2021, 2025))


def paras(doc: Document) -> list[tuple[str, str]]:
    """The body's paragraphs before the first heading, as (style, text)."""
    out = []
    for b in doc.sections[0].blocks:
        if isinstance(b, Para):
            out.append((b.style, "".join(r.text for r in b.content)))
        elif type(b).__name__ == "Heading":
            break
    return out


def opening(doc: Document) -> str:
    return "\n".join(text for _, text in paras(doc))


def closing(doc: Document) -> Closing:
    return next(b for b in doc.sections[0].blocks if isinstance(b, Closing))


@pytest.fixture(scope="module")
def docs(y2025, closeout) -> dict[str, Document]:
    return {"2025": year.compose_year(y2025, Issuance(), GENERATED),
            "2021-2025": period.compose_period(closeout, Issuance(), GENERATED)}


@pytest.mark.parametrize("which", ["2025", "2021-2025"])
def test_the_reform_paragraph_tells_what_merged_the_communes_and_who_leads(docs, which) -> None:
    text = opening(docs[which])
    assert "thay đổi (năm" not in text  # no "tổ chức bộ máy có 14 thay đổi"
    assert re.search(r"[Tt]ừ ngày 01/3/2025, các cơ quan sau được hợp nhất", text)
    assert "Sở Khoa học và Công nghệ (hợp nhất với Sở Thông tin và Truyền thông)" in text
    # one sentence per date of change: a later date opens its own sentence
    assert (". Từ ngày 01/7/2025, chính quyền cấp huyện kết thúc hoạt động, tỉnh có 130 đơn vị hành chính cấp xã "
            "(119 xã, 11 phường) theo Nghị quyết số 1678/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội") in text
    assert ("Sở Khoa học và Công nghệ tiếp nhận từ Sở Thông tin và Truyền thông nhiệm vụ tham mưu, tổng hợp việc "
            "thực hiện Kế hoạch") in text
    assert len(re.findall(r"[Tt]ừ ngày 01/3/2025, các cơ quan", text)) == 1  # one sentence for the day, not a bullet per change
    if which == "2021-2025":
        assert "từ ngày 01/12/2024, thị xã Cửa Lò nhập vào thành phố Vinh" in text
    else:
        assert "Cửa Lò" not in text  # a 2024 change, told in the 2024 report


@pytest.mark.parametrize("which", ["2025", "2021-2025"])
def test_moved_tasks_are_grouped_by_their_true_previous_and_new_leads(docs, which) -> None:
    text = opening(docs[which])
    assert ("các nhiệm vụ TT 1, 2, 4, 8, 11, 12, 17 - 24 do Sở Thông tin và Truyền thông chủ trì được chuyển giao "
            "cho Sở Khoa học và Công nghệ; nhiệm vụ TT 27 do Sở Lao động - Thương binh và Xã hội chủ trì được "
            "chuyển giao cho Sở Nội vụ") in text
    # TT 9 (Sở Du lịch) and TT 10 (Sở Kế hoạch và Đầu tư) were finished in 2022: they did not move
    assert "TT 9" not in text and "TT 10" not in text and ", 9," not in text and ", 10," not in text
    assert "Sở Du lịch chủ trì" not in text and "Sở Kế hoạch và Đầu tư chủ trì" not in text


def test_rows_finished_before_the_change_are_the_data_s_not_a_list(closeout) -> None:
    rows = {r.task.tt: r for r in closeout.rows}
    for tt in (9, 10):  # reported done in 2022, their timeframe over then
        found = dict(rows[tt].statuses)
        assert found[2022] and all(s.startswith("hoan_thanh") for s in found[2022])
        assert not found.get(2025)
    assert dict(rows[27].statuses).get(2025)  # TT 27 still reported in 2025: it moved


def test_the_2025_report_no_longer_says_tt_9_10_were_sở_tttt_s(docs) -> None:
    blocks = docs["2025"].sections[0].blocks
    text = "\n".join("".join(r.text for r in b.content) for b in blocks if isinstance(b, Para))
    assert "9, 10" not in text.split("I. ")[0]
    assert "tiếp tục thực hiện; số liệu lũy kế" not in text  # the old "moved tasks" note is gone


@pytest.mark.parametrize("which", ["2025", "2021-2025"])
def test_the_counting_rule_is_said(docs, which) -> None:
    text = opening(docs[which])
    assert "Đơn vị sau sắp xếp báo cáo số liệu cả năm, gồm cả phần của đơn vị trước sắp xếp." in text
    assert ("Số liệu cấp huyện năm 2025 do 20 đơn vị cấp huyện báo cáo, tính đến ngày 30/6/2025; "
            "số liệu cấp xã năm 2025 gồm số liệu do các đơn vị cấp huyện tổng hợp đến ngày 30/6/2025 "
            "và số liệu của 130 đơn vị cấp xã từ ngày 01/7/2025.") in text


@pytest.mark.parametrize("which", ["2025", "2021-2025"])
def test_unconfirmed_changes_are_marked_and_the_placeholder_name_printed(docs, which) -> None:
    found = paras(docs[which])
    text = "\n".join(t for _, t in found)
    assert "Sở Khoa học và Công nghệ (hợp nhất với Sở Thông tin và Truyền thông) (*)" in text
    assert "(119 xã, 11 phường) theo" in text and "Quốc hội (*)" not in text  # NQ 1678 was read: confirmed
    assert ("note", "(*) Thay đổi chưa được đối chiếu với văn bản, cần Sở Nội vụ xác nhận.") in found
    assert "[tên đơn vị] (trước đây là Cục Thuế tỉnh) (*)" in text
    assert "trụ sở tại Nghệ An" not in text


def test_the_organisation_keeps_the_tax_body_unnamed_until_confirmed() -> None:
    org = load_plan(PLAN).plan.organisation
    unit = org.units_by_code["CCTKV"]
    assert unit.name == "[tên đơn vị]" and not unit.confirmed


def test_a_unit_is_named_as_it_was_with_what_it_became() -> None:
    plan = load_plan(PLAN).plan
    end = dt.date(2025, 12, 14)
    assert name_as_of(plan, "STTTT", end) == "Sở Thông tin và Truyền thông (nay là Sở Khoa học và Công nghệ)"
    assert name_as_of(plan, "SDL", end) == "Sở Du lịch (nay là Sở Văn hóa, Thể thao và Du lịch)"
    assert name_as_of(plan, "SKHDT", end) == "Sở Kế hoạch và Đầu tư (nay là Sở Tài chính)"
    assert name_as_of(plan, "SLDTBXH", end) == "Sở Lao động - Thương binh và Xã hội (nay là Sở Nội vụ)"
    assert name_as_of(plan, "BHXH", end) == "Bảo hiểm xã hội tỉnh (nay là Bảo hiểm xã hội tỉnh Nghệ An)"  # a chain
    assert name_as_of(plan, "KYSON", end) == "Huyện Kỳ Sơn (cũ)"  # no single successor
    assert name_as_of(plan, "SKHCN", end) == "Sở Khoa học và Công nghệ"
    assert name_as_of(plan, "STTTT", dt.date(2023, 12, 14)) == "Sở Thông tin và Truyền thông"  # as it was then


def test_a_report_sent_after_its_unit_ended_is_warned_naming_the_successors() -> None:
    plan = load_plan(PLAN).plan
    files = discover([str(DATA / "2025" / "KYSON.yaml")]).files
    _, findings = validate_files(plan, files, today=TODAY, with_context=False, keep=True)
    found = [f for f in findings if f.code == "sub-date-after-end"]
    assert len(found) == 1
    f = found[0]
    assert (f.severity, f.file.endswith("KYSON.yaml"), f.line) == (Severity.WARNING, True, 19)
    assert f.message.startswith("Ngày gửi 10/7/2025 sau ngày Huyện Kỳ Sơn kết thúc hoạt động (30/6/2025)")
    assert "Xã Chiêu Lưu" in f.message and "đơn vị khác gửi thay" in f.message  # the communes formed from its area
    # a unit that still exists, or one that ended after sending, is not warned
    others = discover([str(DATA / "2025" / "SKHCN.yaml"), str(DATA / "2024" / "STTTT.yaml")]).files
    _, fine = validate_files(plan, others, today=TODAY, with_context=False, keep=True)
    assert not [f for f in fine if f.code == "sub-date-after-end"]


def test_the_draft_box_gives_the_day_it_was_made_and_the_data_cut_off(docs) -> None:
    for doc in docs.values():
        draft = [t for s, t in paras(doc) if s == "draft"]
        assert draft == ["DỰ THẢO lập ngày 30/6/2026; số liệu đến ngày 14/12/2025. "
                         "Số, ngày văn bản và người ký được ghi khi ban hành."]


def test_the_opening_cites_the_request_or_leaves_a_placeholder(y2025, closeout) -> None:
    doc = period.compose_period(closeout, Issuance(), GENERATED)
    first = next(b for b in doc.sections[0].blocks if isinstance(b, Para) and b.style == "body")
    assert first.content[0].role == "placeholder" and first.content[0].text.startswith("[Cơ quan soạn thảo bổ sung")
    notes = ReportNotes(request=Letter(number="15/BKHCN-CĐS", date=dt.date(2026, 1, 5), issuer="Bộ Khoa học và Công nghệ",
                                       subject="Tổng kết kế hoạch giai đoạn 2021 - 2025"))
    for doc in (period.compose_period(closeout, Issuance(), GENERATED, notes),
                year.compose_year(y2025, Issuance(), GENERATED, notes=notes)):
        text = opening(doc)
        assert ("Thực hiện Công văn số 15/BKHCN-CĐS ngày 05/01/2026 của Bộ Khoa học và Công nghệ về việc tổng kết kế "
                "hoạch giai đoạn 2021 - 2025; trên cơ sở báo cáo") in text
        assert ("các sở, ban, ngành, đơn vị cấp huyện (đến ngày 30/6/2025) và đơn vị cấp xã (từ ngày 01/7/2025)"
                in text)
        assert "tổng kết kết quả" not in text
    assert "UBND tỉnh Nghệ An báo cáo tổng kết 05 năm thực hiện Kế hoạch số 744/KH-UBND" in opening(
        period.compose_period(closeout, Issuance(), GENERATED, notes))


def test_the_close_out_title_names_the_plan_s_subject_with_one_dash(docs) -> None:
    doc = docs["2021-2025"]
    summary = next(b for b in doc.sections[0].blocks if isinstance(b, Title)).summary
    assert summary == ("Tổng kết 05 năm thực hiện Kế hoạch ứng dụng công nghệ thông tin trong hoạt động của cơ quan "
                       "nhà nước, phát triển chính quyền số và bảo đảm an toàn thông tin mạng tỉnh Nghệ An giai đoạn "
                       "2021 - 2025")
    assert "–" not in opening(doc) and "2021-2025" not in opening(doc)


def test_the_missing_unit_is_named_in_the_text(docs) -> None:
    found = paras(docs["2025"])
    assert ("body", "Xã Mỹ Lý chưa gửi báo cáo; số liệu tổng hợp chưa bao gồm xã Mỹ Lý.") in found


@pytest.mark.parametrize("which", ["2025", "2021-2025"])
def test_the_drafting_department_is_a_recipient_and_the_archive_is_the_issuer_s(docs, which) -> None:
    lines = closing(docs[which]).recipients
    assert "- Sở Khoa học và Công nghệ;" in lines
    assert lines[-1] == "- Lưu: VT, [ký hiệu phòng chuyên môn]."
    assert not any("KH&CN." in line or "Sở KH&CN" in line for line in lines if line.startswith("- Lưu"))
