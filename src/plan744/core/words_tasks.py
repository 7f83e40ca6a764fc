# ruff: noqa: E501  (a catalogue: one phrase per line)
"""Words of task tracking (issue 27): deadlines, task states on a date, the `tasks` command's
tables and its reminder notice (đôn đốc).

Merged into `core.labels.WORDS`, so a plan file's `words:` section rewords any of them by its code.
"""

from __future__ import annotations

TASK_WORDS: dict[str, str] = {
    "tasks.every.year": "năm",
    "tasks.every.quarter": "quý",
    "tasks.every.month": "tháng",
    "tasks.state.overdue": "Quá hạn",
    "tasks.state.not_yet_due": "Chưa đến hạn",
    "tasks.state.done_on_time": "Hoàn thành đúng hạn",
    "tasks.state.done_late": "Hoàn thành quá hạn",
    "tasks.state.no_deadline": "Không có thời hạn",
    "tasks.state.no_deadline_done": "Hoàn thành (không có thời hạn)",
    "tasks.status.chua_trien_khai": "Chưa triển khai",
    "tasks.status.dang_trien_khai": "Đang triển khai",
    "tasks.status.hoan_thanh": "Hoàn thành",
    "tasks.status.dung": "Dừng",
    "tasks.status.de_nghi_dieu_chinh": "Đề nghị điều chỉnh",
    "tasks.status.none": "Chưa báo cáo",
    "tasks.line": "hoàn thành {done}/{total} nhiệm vụ ({due_done}/{due} đến hạn), {overdue} nhiệm vụ quá hạn",
    "tasks.line.targets": "{due}/{total} chỉ tiêu định lượng đã đến hạn đánh giá",
    "tasks.line.targets_met": "đạt {done}/{total} chỉ tiêu ({due_done}/{due} đến hạn)",
    "tasks.line.targets_done": "hoàn thành {done}/{total} chỉ tiêu ({due_done}/{due} đến hạn)",
    "tasks.heading": "Tình hình thực hiện nhiệm vụ đến ngày {date}",
    "tasks.heading.plan": "Toàn kế hoạch: {line}.",
    "tasks.heading.targets": "Chỉ tiêu định lượng (tính như báo cáo năm, theo số liệu năm {year}): {line}.",
    "tasks.heading.targets.no_data": "Chỉ tiêu (tính như báo cáo năm): {line}; kết quả đạt, chưa đạt: chưa có số liệu báo cáo năm.",
    "tasks.heading.unit": "{unit}: {line}.",
    "tasks.section.soon": "Nhiệm vụ đến hạn trong {days} ngày tới",
    "tasks.none": "Không có nhiệm vụ quá hạn hay sắp đến hạn.",
    "tasks.col.unit": "Đơn vị chủ trì",
    "tasks.lead.all": "Tất cả các đơn vị",
    "tasks.col.task": "Nhiệm vụ",
    "tasks.col.deadline": "Thời hạn",
    "tasks.col.due": "Hạn",
    "tasks.col.state": "Đánh giá",
    "tasks.col.days": "Số ngày",
    "tasks.col.reported": "Tình trạng đơn vị báo cáo",
    "tasks.days.late": "quá {days} ngày",
    "tasks.days.left": "còn {days} ngày",
    "tasks.history": "Báo cáo đã được thay thế",
    "tasks.history.item": "- {unit}, kỳ {period}: báo cáo gửi ngày {old} ({old_file}) được thay bằng báo cáo gửi ngày {new} ({new_file}).",
    "tasks.notice.title": "V/v đôn đốc thực hiện nhiệm vụ theo {plan}",
    "tasks.notice.to": "Kính gửi: {unit}.",
    "tasks.notice.lead": "Đến ngày {date}, theo báo cáo tiến độ, {unit} {line}. Đề nghị {unit} khẩn trương thực hiện và báo cáo kết quả các nhiệm vụ sau:",
    "tasks.notice.overdue": "- Nhiệm vụ {key} “{name}”: thời hạn {deadline} ({due}), đã quá hạn {days} ngày; tình trạng: {status}.",
    "tasks.notice.soon": "- Nhiệm vụ {key} “{name}”: thời hạn {deadline} ({due}), còn {days} ngày; tình trạng: {status}.",
    "tasks.notice.close": "Kết quả thực hiện (số và ngày văn bản hoặc đường liên kết của sản phẩm) đề nghị gửi kèm báo cáo tiến độ kỳ tới.",
}
