"""Words of the appendices that stay: the reporting record, the per-task coverage, each unit's
figures.

Merged into `core.labels.WORDS`, so a plan file's `words:` section rewords any of them by its code.
"""

from __future__ import annotations

APPENDIX_WORDS: dict[str, str] = {
    # where the per-unit record is kept (never "see the CSV file": a UBND report cites a body)
    "annex.kept": "Ngày gửi, kỳ số liệu và toàn văn báo cáo của từng đơn vị được lưu tại {keeper}.",
    "annex.kept.figures": "Tử số, mẫu số của từng đơn vị được lưu tại {keeper}.",
    "annex.kept.tasks": "Tình trạng và kết quả thực hiện từng nhiệm vụ của từng đơn vị được lưu tại {keeper}.",
    "annex.keeper": "cơ quan tổng hợp báo cáo",
    # the annual reporting record: a line per kind of unit, naming only who was late or missing
    "annex.reporting.lead": "Hạn gửi báo cáo: ngày {deadline}; {submitted}/{expected} đơn vị đã gửi, "
                            "trong đó {on_time} đơn vị gửi đúng hạn.",
    "annex.reporting.kind": "{kind}: {on_time}/{expected} đơn vị gửi đúng hạn{others}.",
    "annex.reporting.late": "{name} gửi muộn {days} ngày",
    "annex.reporting.missing": "{name} chưa gửi",
    "annex.reporting.pending": "{name} chưa đến hạn gửi",
    "annex.reporting.partial": "Đơn vị kết thúc hoạt động trong năm báo cáo số liệu đến ngày cuối cùng hoạt động; "
                               "hạn gửi báo cáo của đơn vị là ngày đó.",
    # each unit's figures: the table in the body cited by the number the body gave its section
    "appendix.units.lead_at": ("Mỗi bảng một nhóm đơn vị, mỗi dòng một đơn vị, mỗi cột một chỉ tiêu; số trong ngoặc ở "
                               "tiêu đề cột là số thứ tự chỉ tiêu ở bảng kết quả tại mục {section}. “—”: đơn vị không "
                               "báo cáo chỉ tiêu này; ô trống: đơn vị chưa gửi báo cáo."),
    "appendix.units.lead_plain": ("Mỗi bảng một nhóm đơn vị, mỗi dòng một đơn vị, mỗi cột một chỉ tiêu; số trong ngoặc ở "
                                  "tiêu đề cột là số thứ tự chỉ tiêu ở bảng kết quả thực hiện các chỉ tiêu. “—”: đơn vị "
                                  "không báo cáo chỉ tiêu này; ô trống: đơn vị chưa gửi báo cáo."),
    # the leads' reports of the appendix rows: an account many leads give word for word, said once
    "appendix.rows.same_text": "Nhiệm vụ TT {rows}: đơn vị chủ trì báo cáo cùng nội dung “{text}” ({seen} như bảng trên).",
    "appendix.rows.same_money": "tình trạng, vốn bố trí và giải ngân",
    "appendix.rows.same_state": "tình trạng",
    # the close-out's record: kinds by year, then who was late or missing each year
    "annex.period.lead": "Mỗi ô: số đơn vị gửi đúng hạn/số đơn vị phải gửi báo cáo năm đó; “—”: năm đó không có đơn vị loại này.",
    "annex.period.year": "Năm {year}: {items}.",
    "annex.period.all_on_time": "Các năm {span}, tất cả các đơn vị đều gửi báo cáo đúng hạn.",
    "annex.period.exceptions": "Đơn vị gửi muộn, chưa gửi:",
    # the per-task coverage table
    "annex.coverage.task": "Nhiệm vụ",
    "annex.coverage.required": "Đơn vị phải báo cáo",
    "annex.coverage.other": "Khác",
    "annex.coverage.note": "Cột “Khác”: chưa triển khai, chậm tiến độ hoặc tạm dừng. Nhiệm vụ không bắt buộc báo cáo "
                           "(“—” ở cột đơn vị phải báo cáo): số đơn vị tự báo cáo. Số đơn vị phải báo cáo gồm cả "
                           "đơn vị chưa gửi báo cáo.",
    "annex.coverage.detail": "Báo cáo của từng đơn vị đối với từng nhiệm vụ:",
}
