"""The one catalogue of display words: what the reports, the forms and the terminal call each code.

The arithmetic (`core.figures`) returns codes; messages about mistakes live in `messages`; the
plan's own names (indicators, units, the whole area, the report's issuer) come from the plan.
Everything a reader sees besides those is here, keyed by a stable code, so a wording is
changed in one place and a test can check every entry (NFC, no English).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Protocol

from plan744.core.figures.codes import Attainment, PathStatus, Timeliness, Unassessed
from plan744.core.words_appendices import APPENDIX_WORDS
from plan744.core.words_forms import FORM_WORDS
from plan744.core.words_judgement import JUDGEMENT_WORDS
from plan744.core.words_outputs import OUTPUT_WORDS
from plan744.core.words_quarter import QUARTER_WORDS
from plan744.core.words_reform import REFORM_WORDS
from plan744.core.words_review import REVIEW_WORDS
from plan744.core.words_rows import ROW_WORDS
from plan744.core.words_shape import SHAPE_WORDS
from plan744.core.words_site import SITE_WORDS
from plan744.core.words_tasks import TASK_WORDS

TASK_STATUS = {
    "chua_trien_khai": "Chưa triển khai",
    "dang_trien_khai": "Đang triển khai",
    "cham_tien_do": "Chậm tiến độ",
    "hoan_thanh": "Hoàn thành",
    "hoan_thanh_qua_han": "Hoàn thành quá hạn",
    "tam_dung": "Tạm dừng",
}

ATTAINMENT = {
    Attainment.EXCEEDED: "Vượt",
    Attainment.REACHED: "Đạt",
    Attainment.NOT_REACHED: "Chưa đạt",
    Attainment.NOT_ASSESSED: "Chưa đánh giá",
}

BAND_EXCEEDED = "Vượt"  # at or beyond a band's upper end (kept apart: a plan may want its own words)
"""A band's upper end reached ("đạt từ 90% - 95%": 95% or more)."""

UNASSESSED = {
    Unassessed.QUALITATIVE: "Không có ngưỡng định lượng",
    Unassessed.NO_DATA: "Chưa có số liệu",
    Unassessed.LEVEL_ENDED: "Không đánh giá: cấp đã kết thúc, không có số liệu",
    Unassessed.NO_TARGET_YET: "Chưa đến giai đoạn của mục tiêu",
    Unassessed.NOT_YET_DUE: "Chưa đến hạn",
    Unassessed.PARTIAL_YEARS: "Không đủ số liệu để đánh giá",
}

PATH = {
    PathStatus.AHEAD: "Vượt lộ trình",
    PathStatus.ON_TRACK: "Đúng lộ trình",
    PathStatus.BEHIND: "Chậm so với lộ trình",
    PathStatus.NO_PATH: "",
    PathStatus.MILESTONE: "",
}

TIMELINESS = {
    Timeliness.ON_TIME: "Đúng hạn",
    Timeliness.LATE: "Muộn",
    Timeliness.MISSING: "Chưa gửi",
    Timeliness.PENDING: "Chưa đến hạn",
    Timeliness.NOT_DUE: "",
}

ROW_STATE = {
    "no_report": "Chưa có báo cáo",
    "outside": "Ngoài thời gian triển khai",
    "never_started": "Chưa triển khai",
    "stopped": "Tạm dừng",
    "done": "Hoàn thành",
}

OUTCOME = {"done": "Hoàn thành", "in_progress": "Đang thực hiện", "not_done": "Chưa thực hiện"}

NARRATIVE = {
    "highlights": "Kết quả nổi bật",
    "shortcomings": "Tồn tại, hạn chế và nguyên nhân",
    "proposals": "Đề xuất, kiến nghị",
}

COLUMN = {
    "tt": "TT",
    "indicator": "Chỉ tiêu",
    "target": "Mục tiêu",
    "result": "Kết quả",
    "previous": "Năm {year}",
    "path": "Lộ trình năm {year}",
    "verdict": "Đánh giá",
    "rank": "Hạng",
    "unit": "Đơn vị",
    "ratio": "Tỷ lệ",
    "value": "Giá trị",
    "submitted": "Ngày gửi",
    "state": "Tình trạng",
    "covers": "Kỳ số liệu",
    "task": "Nhiệm vụ, dự án",
    "lead": "Đơn vị chủ trì",
    "timeframe": "Thời gian",
    "planned": "Kinh phí dự kiến",
    "allocated_in": "Bố trí năm {year}",
    "disbursed_in": "Giải ngân năm {year}",
    "allocated": "Bố trí",
    "disbursed": "Giải ngân",
    "cumulative": "Lũy kế giải ngân",
    "cumulative_share": "Lũy kế / dự kiến",
    "reporting_unit": "Đơn vị báo cáo",
    "progress": "Kết quả thực hiện",
    "baseline": "Năm gốc {year}",
    "final": "Cuối kỳ so với mục tiêu",
    "done": "Hoàn thành",
    "in_progress": "Đang thực hiện",
    "not_done": "Chưa thực hiện",
    "area": "Lĩnh vực",
    "result_expected": "Kết quả cần đạt",
    "funding_rate": "Tỷ lệ giải ngân",
}

TOTAL = "Cộng"


def task_status(code: str) -> str:
    """A status as the reader sees it, in the words being spoken (`status.<code>`)."""
    return word(f"status.{code}") if code in TASK_STATUS else code


def task_statuses() -> dict[str, str]:
    """Every status code with its label, in the words being spoken."""
    return {code: word(f"status.{code}") for code in TASK_STATUS}


def lower_first(text: str) -> str:
    """Lower-case the first letter for use inside a sentence, unless the first word is an
    acronym or a name as the plan writes it ("DVCTT …", "TTHC …", "Cổng DVC" stays "cổng DVC")."""
    if not text:
        return text
    first = text.split()[0]
    letters = [c for c in first if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return text  # an acronym
    return text[0].lower() + text[1:]


# --- the reports' sentences, keyed by code; {placeholders} are filled by the composers ------------

TEXT = {
    "doc.title": "BÁO CÁO",
    "target.floor": "{value}",
    "target.floor_strict": "trên {value}",
    "target.ceiling": "tối đa {value}",
    "target.ceiling_strict": "dưới {value}",
    "target.band": "{value} - {stretch}",
    "target.qualitative": "{value}",
    "target.rank": "nhóm {value} dẫn đầu",
    "figure.rank": "thứ {rank}",
    "target.each_year": "mỗi năm",
    "plan.ref": "{kind} số {number} ngày {date} của {issuer}",
    "draft.note": "DỰ THẢO lập ngày {made}; số liệu đến ngày {cutoff}. Số, ngày văn bản và người ký được ghi khi ban hành.",
    "appendix.sub": "(Kèm theo Báo cáo số {number}/{symbol} {date} của {issuer})",
    "col.result_year": "Kết quả năm {year}",
    # the annual report
    "year.doc_title": "Báo cáo kết quả thực hiện {kind} {number} năm {year}",
    "year.summary": "Kết quả thực hiện năm {year} {plan}",
    "year.partial_notice": "{why}; số liệu tổng hợp chưa bao gồm {units}.",
    "year.partial_missing": "{units} chưa gửi báo cáo",
    "year.partial_pending": "{units} chưa đến hạn gửi, hạn ngày {deadline}",
    "year.intro": "trên cơ sở báo cáo của {sources}, kỳ số liệu từ ngày {start} đến ngày {end} ({submitted}/{expected} đơn vị đã gửi báo cáo), {issuer} báo cáo kết quả thực hiện năm {year} {plan} như sau:",
    "year.h.results": "I. KẾT QUẢ THỰC HIỆN",
    "year.h.indicators": "1. Kết quả thực hiện các chỉ tiêu",
    "year.h.tasks": "2. Kết quả thực hiện các nhiệm vụ theo lĩnh vực",
    "year.h.appendix": "3. Tình hình thực hiện các nhiệm vụ, dự án ở Phụ lục của {kind}",
    "year.h.money": "4. Kinh phí",
    "year.h.highlights": "5. Kết quả nổi bật",
    "year.h.assessment": "II. ĐÁNH GIÁ CHUNG",
    "year.h.achieved": "Kết quả đạt được",
    "year.h.shortcomings": "1. Tồn tại, hạn chế",
    "year.h.causes": "2. Nguyên nhân (theo báo cáo của các đơn vị)",
    "year.h.next": "III. NHIỆM VỤ, GIẢI PHÁP NĂM {year}",
    "year.h.next_period": "III. NHIỆM VỤ, GIẢI PHÁP GIAI ĐOẠN TIẾP THEO",
    "year.h.proposals": "IV. ĐỀ XUẤT, KIẾN NGHỊ",
    "year.indicators.tally": "Năm {year}, {met}/{assessed} chỉ tiêu có số liệu đạt mục tiêu (so với mục tiêu năm {end} hoặc của giai đoạn)",
    "year.indicators.behind": "{count} chỉ tiêu chậm so với lộ trình",
    "year.indicators.no_data": "{count} chỉ tiêu chưa có số liệu nên chưa đánh giá ({names})",
    "year.indicators.level_ended": "{count} chỉ tiêu của cấp đã kết thúc không đánh giá",
    "year.indicators.not_yet": "{count} chỉ tiêu chưa đến giai đoạn của mục tiêu",
    "year.indicators.pooled": "Tỷ lệ chung được tính bằng tổng tử số chia tổng mẫu số của các đơn vị, không lấy trung bình các tỷ lệ.",
    "year.indicators.note": "Kết quả: tỷ lệ, với tổng tử số/tổng mẫu số của các đơn vị. “Lộ trình”: giá trị trên đường thẳng từ số liệu năm gốc (hoặc mốc trước) đến mục tiêu; kế hoạch không đặt chỉ tiêu từng năm thì lộ trình chỉ để tham chiếu. Chi tiết từng đơn vị: Phụ lục I.",
    "year.indicators.reference_only": "Với các chỉ tiêu có số liệu năm gốc khác phạm vi đo (kế hoạch ghi “chỉ để tham khảo”), lộ trình cũng chỉ để tham khảo.",
    "year.indicators.level_ended_note": "Cấp kết thúc trong năm, không còn số liệu để đánh giá sau ngày {date}.",
    "year.indicators.level_partial_note": "Cấp kết thúc ngày {date}: chỉ tiêu của cấp này được đánh giá trên số liệu đến ngày đó.",
    "period.indicators.note_level_end": "Cấp kết thúc trong giai đoạn (ngày {date}): chỉ tiêu của cấp này được đánh giá trên số liệu đến ngày đó.",
    "year.indicators.level_gone_note": "Cấp đã kết thúc ngày {date}: không còn đơn vị báo cáo, không đánh giá.",
    "year.indicators.caption": "Kết quả các chỉ tiêu năm {year}",
    "year.chart.title": "Kết quả năm {year} so với mục tiêu",
    "year.caveats.lead": "Lưu ý về số liệu (cảnh báo khi kiểm tra báo cáo của các đơn vị):",
    "year.tasks.none": "Chưa có đơn vị nào báo cáo các nhiệm vụ định tính.",
    "year.appendix.budget": "Tổng kinh phí dự kiến của {rows} nhiệm vụ, dự án ở Phụ lục của {kind} là {planned} {unit}. Năm {year}, các đơn vị chủ trì báo cáo được bố trí {allocated} {unit}, đã giải ngân {disbursed} {unit} ({words}), đạt {rate} vốn được bố trí; lũy kế giải ngân từ năm {start} đạt {cumulative} {unit}, bằng {share} tổng kinh phí dự kiến.",
    "year.appendix.stated": "Tổng kinh phí dự kiến nêu tại {section} là {stated} {unit}, trong đó kinh phí của các nhiệm vụ, dự án ở Phụ lục là {planned} {unit}; số liệu ở đây theo từng dòng của Phụ lục.",
    "year.appendix.tasks": "Phụ lục của {kind} có {rows} nhiệm vụ; năm {year} có {active} nhiệm vụ trong thời gian thực hiện, {reported} nhiệm vụ có báo cáo của đơn vị chủ trì.",
    "year.appendix.done": "Đã hoàn thành {count} nhiệm vụ, dự án: {rows}.",
    "year.appendix.moved": "Từ khi tổ chức lại, các nhiệm vụ {rows} do {old} chủ trì được chuyển giao cho {new} tiếp tục thực hiện; số liệu lũy kế được tính từ đầu giai đoạn.",
    "year.money.line": "{name} ({scope}): {words} của các đơn vị báo cáo là {numerator} {unit} trên {denominator} {unit}, bằng {value} (mục tiêu: {target}); đánh giá: {verdict}.",
    "year.money.no_data": "{name} ({scope}): chưa có số liệu.",
    "year.selection.lead": "Một số ý kiến tiêu biểu ({count} đơn vị nêu {section}; toàn văn tại Phụ lục):",
    "year.selection.lead_kept": "Một số ý kiến tiêu biểu ({count} đơn vị nêu {section}; toàn văn lưu tại {keeper}):",
    "year.highlights.none": "Không có đơn vị nêu kết quả nổi bật.",
    "year.shortcomings.none": "Không có đơn vị nêu tồn tại, hạn chế.",
    "year.proposals.none": "Không có đơn vị nêu đề xuất, kiến nghị.",
    "year.achieved.targets": "Có {met}/{assessed} chỉ tiêu đạt và vượt mục tiêu.",
    "year.achieved.list": "Các chỉ tiêu đạt và vượt: {items}.",
    "year.achieved.rows": "{count} nhiệm vụ, dự án ở Phụ lục hoàn thành trong năm {year}.",
    "year.achieved.reporting": "{submitted}/{expected} cơ quan, đơn vị đã gửi báo cáo, trong đó {on_time} đơn vị gửi đúng hạn.",
    "year.short.not_met": "Các chỉ tiêu chưa đạt mục tiêu: {items}.",
    "year.short.behind": "Các chỉ tiêu chậm so với lộ trình: {items}.",
    "year.short.rows": "Nhiệm vụ, dự án chưa hoàn thành, chậm tiến độ, tạm dừng hoặc chưa có báo cáo: {rows}.",
    "year.short.reporting": "Công tác báo cáo: {parts}.",
    "year.short.missing": "{count} đơn vị chưa gửi báo cáo: {names}",
    "year.short.late": "{count} đơn vị gửi sau hạn: {names}",
    "year.short.none": "Không có chỉ tiêu chưa đạt, nhiệm vụ chậm tiến độ hay đơn vị chưa gửi báo cáo.",
    "year.next.not_met": "Tập trung các giải pháp để đạt mục tiêu năm {end} đối với các chỉ tiêu chưa đạt: {items}.",
    "year.next.rows": "Tiếp tục triển khai {count} nhiệm vụ, dự án ở Phụ lục có thời gian thực hiện đến năm {year} trở đi",
    "year.next.rows_priority": ", trong đó ưu tiên đẩy nhanh tiến độ các nhiệm vụ TT {rows}",
    "year.next.reporting": "Các cơ quan, đơn vị gửi báo cáo đúng kỳ số liệu, đúng thời hạn và đúng biểu mẫu về {drafter}.",
    "year.next.reporting_plain": "Các cơ quan, đơn vị gửi báo cáo đúng kỳ số liệu, đúng thời hạn và đúng biểu mẫu.",
    "year.next_period.placeholder": "[Cơ quan soạn thảo bổ sung: nhiệm vụ, giải pháp sau khi kết thúc giai đoạn của kế hoạch (năm {end}), theo kế hoạch giai đoạn mới.]",
    "year.end": "Trên đây là báo cáo kết quả thực hiện năm {year} {plan}./.",
    # appendices
    "appendix.units.title": "KẾT QUẢ CÁC CHỈ TIÊU CỦA TỪNG ĐƠN VỊ NĂM {year}",
    "appendix.units.note": "Tử số, mẫu số của từng đơn vị được lưu trong bản số liệu kèm theo báo cáo (tệp Excel, CSV hoặc JSON).",
    "appendix.completeness.title": "TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ NĂM {year}",
    "appendix.completeness.lead": "(Hạn gửi: ngày {deadline}; {submitted}/{expected} đơn vị đã gửi, {late} gửi muộn, {missing} chưa gửi)",
    "appendix.completeness.partial": "Cột “Kỳ số liệu” ghi phần kỳ mà báo cáo của đơn vị bao gồm khi đơn vị không hoạt động cả năm (hạn gửi của báo cáo khi kết thúc là ngày cuối cùng đơn vị hoạt động).",
    "appendix.row.earlier": "{state} (năm {year})",
    "appendix.row.year_done": "Hoàn thành nội dung năm {year}",
    "appendix.accounts.matrix": "Tình trạng thực hiện từng nhiệm vụ của {units} đơn vị (mỗi đơn vị một dòng); nội dung báo cáo của từng đơn vị: bảng “Nhiệm vụ” của tệp số liệu kèm theo báo cáo.",
    "appendix.narratives.in_data": "Toàn văn {count} ý kiến nhận xét, đánh giá của {units} đơn vị: bảng “Ý kiến của đơn vị” của tệp số liệu kèm theo báo cáo (Excel, CSV hoặc JSON).",
    "appendix.rows.title": "TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ, DỰ ÁN NĂM {year}",
    "appendix.rows.unit": "(Đơn vị tính: {unit})",
    "appendix.rows.reports": "Báo cáo của các đơn vị chủ trì",
    "appendix.accounts.title": "KẾT QUẢ THỰC HIỆN NHIỆM VỤ, GIẢI PHÁP NĂM {year}",
    "appendix.narratives.title": "Ý KIẾN CỦA CÁC ĐƠN VỊ NĂM {year}",
    # the close-out
    "period.word.final": "Tổng kết",
    "period.word.mid": "Sơ kết",
    "period.doc_title": "Báo cáo {word} thực hiện {kind} {number} giai đoạn {span}",
    "period.summary": "{word} {count} năm thực hiện {kind} {title}",
    "period.intro": "trên cơ sở báo cáo hằng năm của {sources}, {issuer} báo cáo {word} {count} năm thực hiện {plan} như sau:",
    "period.tally": "Đến năm {end}, {met}/{counted} chỉ tiêu có số liệu đạt và vượt mục tiêu (trong đó {exceeded} chỉ tiêu vượt), {not_met} chỉ tiêu chưa đạt.",
    "period.tally.not_assessed": "{count} chỉ tiêu không đánh giá được: {items}.",
    "period.tally.qualitative": "{count} mục tiêu định tính không có ngưỡng số, đánh giá qua kết quả thực hiện nhiệm vụ: {items}.",
    "period.col.baseline": "Năm gốc",
    "period.col.year": "Năm",
    "period.col.expected": "Phải báo cáo",
    "period.col.disbursed_in": "Giải ngân {year}",
    "period.indicators.caption": "Kết quả các chỉ tiêu giai đoạn {span}",
    "period.indicators.note": "Mỗi năm: kết quả của năm đó (tổng tử số chia tổng mẫu số của các đơn vị). “Đánh giá”: kết quả năm {end} so với mục tiêu của năm đó.",
    "period.indicators.note_yearly": "Chỉ tiêu đặt cho từng năm: đạt khi đạt ở mọi năm của giai đoạn.",
    "period.missed": "năm {years}",
    "verdict.not_yet_due": "Chưa đạt mục tiêu năm {year}",
    "period.indicators.note_flow": "Chỉ tiêu tính cộng dồn (ví dụ kinh phí huy động cả giai đoạn): mỗi năm ghi số lũy kế từ đầu giai đoạn của mục tiêu.",
    "figure.cumulative": "lũy kế từ {since}",
    "figure.in_year": "trong năm: {value}",
    "period.chart.title": "Diễn biến các chỉ tiêu giai đoạn {span}",
    "period.appendix.budget": "Tổng kinh phí dự kiến của {rows} nhiệm vụ, dự án ở Phụ lục là {planned} {unit}; lũy kế giải ngân giai đoạn {span} đạt {cumulative} {unit} ({words}), bằng {share} kinh phí dự kiến.",
    "period.funding.caption": "Bố trí và giải ngân theo năm ({unit})",
    "period.row.never": "Chưa triển khai",
    "period.appendix.title": "TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ, DỰ ÁN GIAI ĐOẠN {span}",
    "period.h.reporting": "4. Tình hình gửi báo cáo của các đơn vị",
    "period.reporting.detail": "Tình hình gửi báo cáo của từng đơn vị qua các năm: Phụ lục.",
    "period.h.achieved": "1. Kết quả đạt được",
    "period.achieved.targets": "Có {met}/{counted} chỉ tiêu đạt và vượt mục tiêu.",
    "period.achieved.list": "Các chỉ tiêu đạt và vượt: {items}.",
    "period.achieved.rows": "{done}/{rows} nhiệm vụ, dự án ở Phụ lục đã hoàn thành.",
    "period.h.shortfalls": "2. Tồn tại, hạn chế",
    "period.short.not_met": "Các chỉ tiêu chưa đạt: {items}.",
    "period.short.not_assessed": "Các chỉ tiêu không đánh giá được: {items}.",
    "period.short.rows": "{count} nhiệm vụ, dự án chưa hoàn thành: TT {rows}.",
    "period.h.causes": "3. Nguyên nhân",
    "period.causes.count": "Qua các năm, các đơn vị nêu {count} ý kiến về tồn tại, hạn chế và nguyên nhân (toàn văn trong các báo cáo năm).",
    "period.h.lessons": "4. Bài học kinh nghiệm",
    "period.h.next": "III. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN {start}–{end}",
    "period.h.next_mid": "III. NHIỆM VỤ, GIẢI PHÁP GIAI ĐOẠN {start}–{end}",
    "period.next.not_met": "Tiếp tục thực hiện để đạt các chỉ tiêu chưa đạt: {items}.",
    "period.next.rows": "Chuyển tiếp hoặc xem xét lại {count} nhiệm vụ, dự án chưa hoàn thành: TT {rows}.",
    "period.proposals.count": "Giai đoạn {span}, các đơn vị nêu {count} ý kiến đề xuất, kiến nghị (toàn văn trong các báo cáo năm).",
    "period.placeholder.achieved": "[Cơ quan soạn thảo bổ sung: đánh giá chung về kết quả nổi bật của giai đoạn.]",
    "period.placeholder.causes": "[Cơ quan soạn thảo bổ sung: nguyên nhân khách quan, chủ quan của các tồn tại, hạn chế nêu trên.]",
    "period.placeholder.lessons": "[Cơ quan soạn thảo bổ sung: bài học kinh nghiệm rút ra trong giai đoạn.]",
    "period.placeholder.next": "[Cơ quan soạn thảo bổ sung: định hướng, mục tiêu, nhiệm vụ của giai đoạn tiếp theo.]",
    "period.placeholder.proposals": "[Cơ quan soạn thảo bổ sung: đề xuất, kiến nghị với cấp trên.]",
    "period.end": "Trên đây là báo cáo {word} thực hiện {plan} giai đoạn {span}./.",
    "period.units.title": "TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ GIAI ĐOẠN {span}",
    "period.units.note": "Ô trống: đơn vị chưa thành lập, đã kết thúc hoặc không phải báo cáo năm đó.",
}


# --- words a plan can override ---------------------------------------------------------------------
#
# A plan file's `words:` section rewords any entry below by its code (`core.wording`). The composers
# read every sentence through `word(code)`, which applies the overrides of the plan being composed
# (`speaking`).

WORDS: dict[str, str] = {
    **TEXT,
    **{f"verdict.{a.value}": text for a, text in ATTAINMENT.items()},
    "verdict.band_exceeded": BAND_EXCEEDED,
    "total": TOTAL,
    **{f"status.{code}": text for code, text in TASK_STATUS.items()},
    **OUTPUT_WORDS,
    **FORM_WORDS,
    **JUDGEMENT_WORDS,
    **REFORM_WORDS,
    **REVIEW_WORDS,
    **ROW_WORDS,
    **APPENDIX_WORDS,
    **TASK_WORDS,
    **QUARTER_WORDS,
    **SHAPE_WORDS,
    **SITE_WORDS,
}
"""Every overridable word by its code, with today's text: the sentences of the reports (TEXT),
the verdicts ("verdict.reached": "Đạt"), and a table's total row ("total": "Cộng")."""


class Spoken(Protocol):
    """What `speaking` needs of a plan's words (`core.wording.Wording`, or the `Words` model)."""

    def word(self, code: str) -> str: ...


_SPOKEN: ContextVar[Spoken | None] = ContextVar("plan744_words", default=None)


def word(code: str) -> str:
    """The text of `code`: the plan's own wording while a plan's report is composed (`speaking`),
    else the catalogue's."""
    words = _SPOKEN.get()
    if code not in WORDS:
        return TEXT[code]
    return WORDS[code] if words is None else words.word(code)


@contextmanager
def speaking(words: Spoken) -> Iterator[None]:
    """Within the block, `word` answers with `words` (a plan's overrides over the defaults)."""
    token = _SPOKEN.set(words)
    try:
        yield
    finally:
        _SPOKEN.reset(token)
