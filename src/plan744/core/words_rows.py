"""Words of the task results and the appendix rows: results by task group, the rows' end states,
funding and the plan's total.

Merged into `core.labels.WORDS`, so a plan file's `words:` section rewords any of them by its code.
"""

from __future__ import annotations

ROW_WORDS: dict[str, str] = {
    "rows.named": "“{name}” (TT {tt})",
    # Task results (I.2): coverage among the units that still exist, then what was done.
    "rows.tasks.lead": (
        "Kết quả thực hiện các nhiệm vụ theo báo cáo mới nhất của các cơ quan, đơn vị đang hoạt động đến ngày "
        "{date} (không tính các đơn vị đã kết thúc hoạt động):"
    ),
    "rows.tasks.lead_same": "Kết quả thực hiện các nhiệm vụ (tính như trên):",  # the targets' lead said the base
    "rows.tasks.done_of": "{done}/{units} đơn vị đã hoàn thành",
    "rows.tasks.part": "{count} đơn vị {status}",
    "rows.tasks.coverage": "{title}: {parts}.",
    "rows.tasks.single": "{title} ({unit}): {status}.",
    "rows.tasks.fact": "{unit}: {text}",
    "rows.targets.heading": "Mục tiêu định tính",
    "rows.targets.lead": (
        "Các mục tiêu của Kế hoạch không có ngưỡng số, theo báo cáo mới nhất của các cơ quan, đơn vị đang hoạt "
        "động đến ngày {date} (không tính các đơn vị đã kết thúc hoạt động):"
    ),
    "rows.targets.item": "{title} ({section}): {status}; {coverage}.",
    "rows.targets.item_all": "{title} ({section}): {status} (cả {units} đơn vị đã báo cáo).",
    "rows.targets.fact": "Ví dụ, {unit}: {text}",
    "rows.targets.none": "{title} ({section}): chưa có đơn vị báo cáo.",
    "rows.targets.placeholder": "[Cơ quan soạn thảo bổ sung: đánh giá các mục tiêu định tính chưa có số liệu báo cáo.]",
    # Appendix rows at the end of the period (I.3).
    "rows.end.done": "Đến hết năm {year}, {done}/{rows} nhiệm vụ, dự án đã hoàn thành.",
    "rows.end.done_now": "Trong năm {year}, hoàn thành thêm {count} nhiệm vụ, dự án.",
    "rows.end.carry": "Còn {count} nhiệm vụ, dự án chưa hoàn thành, đề xuất chuyển tiếp sang giai đoạn {next}: {rows}.",
    "rows.end.open": "Đến hết năm {year}, còn {count} nhiệm vụ, dự án đang thực hiện: {rows}.",
    "rows.end.carry_row": "“{name}” (TT {tt}; {lead}; lũy kế giải ngân {share} kinh phí dự kiến)",
    "rows.end.carry_row_plain": "“{name}” (TT {tt}; {lead}; {state})",
    "rows.end.stopped": "Nhiệm vụ “{name}” (TT {tt}; {lead} chủ trì) tạm dừng{reason}{money}.",
    "rows.end.stopped_reason": "; theo báo cáo của đơn vị: {reason}",
    "rows.end.stopped_money": "; lũy kế giải ngân {cumulative} {unit} ({share} kinh phí dự kiến)",
    "rows.end.never": "Nhiệm vụ “{name}” (TT {tt}; {lead} chủ trì) chưa triển khai.",
    "rows.lead.now": "{then}, nay là {now}",
    "rows.year_done": "Có {count} nhiệm vụ thực hiện hằng năm đã hoàn thành nội dung năm {year} (TT {rows}).",
    "rows.behind": "Các nhiệm vụ, dự án chậm tiến độ, tạm dừng hoặc chưa có báo cáo:",
    "rows.behind_row": "“{name}” (TT {tt}; {lead}): {state}.",
    "rows.detail": "(Chi tiết tại {appendix} kèm theo.)",
    "rows.detail_plain": "(Chi tiết tại phụ lục kèm theo.)",
    # Money over the period.
    "rows.funding.total": (
        "Tổng vốn bố trí giai đoạn {span} là {allocated} {unit}, đã giải ngân {disbursed} {unit}, đạt {rate} "
        "vốn bố trí và bằng {share} kinh phí dự kiến của {rows} nhiệm vụ, dự án ở Phụ lục."
    ),
    "rows.funding.stated": (
        "Tổng kinh phí dự kiến thực hiện Kế hoạch nêu tại {section} là {stated} {unit} ({words}), trong đó "
        "kinh phí của {rows} nhiệm vụ, dự án ở Phụ lục là {planned} {unit}; số đã giải ngân cho các nhiệm vụ, "
        "dự án ở Phụ lục bằng {share} tổng kinh phí dự kiến của Kế hoạch."
    ),
    "rows.funding.sources": (
        "[Cơ quan soạn thảo bổ sung: kinh phí đã thực hiện theo nguồn (ngân sách trung ương, ngân sách tỉnh, "
        "ngân sách cấp huyện, cấp xã, nguồn xã hội hóa); biểu mẫu báo cáo của các đơn vị chưa thu thập số "
        "liệu theo nguồn.]"
    ),
    # The close-out's Phụ lục I (rows year by year).
    "rows.col.note": "Ghi chú",
    "rows.note.low_spend": "Dưới {threshold}% kinh phí dự kiến: cần giải trình (tiết kiệm, điều chỉnh quy mô)",
    # B8: a unit's own words that name a row with another status.
    "rows.mismatch.lead": (
        "Lưu ý cho cơ quan soạn thảo: nội dung báo cáo của đơn vị nêu tình trạng khác với tình trạng của "
        "nhiệm vụ, dự án:"
    ),
    "rows.mismatch.item": "TT {tt} ({state}): {unit} viết “{quote}”.",
}
