# ruff: noqa: E501  (a catalogue: one message per line, as in core/messages.py)
"""Messages about deadlines and task status reports (issue 27), merged into
`core.messages.CATALOGUE` by their codes."""

from __future__ import annotations

from plan744.core.findings import Severity

E, W = Severity.ERROR, Severity.WARNING

TASK_MESSAGES: dict[str, tuple[Severity, str]] = {
    "deadline-unparsed": (E, "Không đọc được thời hạn: hãy ghi theo một trong các dạng “31/12/2025”, “trước ngày 31 tháng 12 năm 2025”, “Tháng 12/2025”, “Quý II/2026”, “Năm 2026”, “Năm 2025-2026”, “Hằng năm”, “Hằng quý”, “Hằng năm, trước ngày 15 tháng 12”."),
    "st-period-format": (E, "Kỳ báo cáo viết dạng “2026” (năm), “2026-Q1” (quý) hoặc “2026-03” (tháng)."),
    "st-occurrence-format": (E, "Kỳ của nhiệm vụ định kỳ (occurrence) viết dạng “2026” (năm), “2026-Q1” (quý) hoặc “2026-03” (tháng)."),
    "st-completed-missing": (E, "Nhiệm vụ ghi “hoàn thành” cần ngày hoàn thành (completed), dạng năm-tháng-ngày, ví dụ 2026-06-20."),
    "st-completed-not-done": (E, "Chỉ ghi ngày hoàn thành (completed) khi tình trạng là “hoàn thành” (hoan_thanh)."),
    "st-reason-missing": (E, "Nhiệm vụ dừng hoặc đề nghị điều chỉnh cần nêu lý do (reason)."),
    "st-evidence-incomplete": (E, "Sản phẩm, minh chứng cần số và ngày văn bản (number và date) hoặc đường liên kết (link)."),
    "st-plan-other": (E, "Báo cáo tiến độ ghi kế hoạch “{named}”, nhưng đang kiểm tra theo kế hoạch “{used}”: hãy kiểm tra lại trường plan hoặc chọn đúng kế hoạch (--plan)."),
    "st-unit-unknown": (E, "Mã đơn vị “{unit}” không có trong danh sách đơn vị của kế hoạch.{hint}"),
    "st-period-not-declared": (E, "Kế hoạch không quy định kỳ báo cáo tiến độ theo {every}; các kỳ được quy định: {declared}."),
    "st-period-outside": (E, "Kỳ báo cáo {period} nằm ngoài giai đoạn {start}–{end} của kế hoạch."),
    "st-task-unknown": (E, "Nhiệm vụ “{task}” không có trong kế hoạch (mã là số thứ tự ở Phụ lục, ví dụ “I.11”, hoặc mã nhiệm vụ, ví dụ “IV.2.2”).{hint}"),
    "st-task-no-deadline": (W, "Nhiệm vụ “{task}” không có thời hạn trong kế hoạch nên không được tính đúng hạn, quá hạn."),
    "st-task-not-assigned": (W, "Đơn vị {unit} không chủ trì nhiệm vụ “{task}” (chủ trì: {lead}): tình trạng đơn vị báo cáo không được tính cho nhiệm vụ này."),
    "st-occurrence-one-off": (E, "Nhiệm vụ “{task}” không phải nhiệm vụ định kỳ, không ghi kỳ (occurrence)."),
    "st-completed-after-submitted": (E, "Ngày hoàn thành {completed} muộn hơn ngày gửi báo cáo {submitted}: chỉ báo cáo hoàn thành việc đã xong."),
    "st-late": (W, "Báo cáo tiến độ kỳ {period} gửi ngày {submitted}, sau hạn gửi {deadline} của kỳ này."),
    "st-submitted-before-period": (E, "Ngày gửi báo cáo {submitted} sớm hơn ngày đầu kỳ báo cáo {period} ({start})."),
    "st-evidence-missing": (W, "Nhiệm vụ “{task}” ghi hoàn thành nhưng chưa có sản phẩm, minh chứng (số và ngày văn bản hoặc đường liên kết)."),
    "st-duplicate": (E, "Đơn vị {unit} đã gửi một báo cáo kỳ {period} cùng ngày {submitted} ({other}): không biết báo cáo nào thay thế báo cáo nào; hãy sửa ngày gửi (submitted) của báo cáo sau."),
}
