"""Words for a plan of any shape (issue 26, points 5 and 6): a target not yet due, the lead unit
of a target, the partners of a task.

Merged into `core.labels.WORDS`, so a plan file's `words:` section rewords any of them by its code.
"""

from __future__ import annotations

SHAPE_WORDS: dict[str, str] = {
    # a target whose year has not come: never "chưa đạt", never a shortcoming
    "shape.verdict.not_yet_due": "Chưa đến hạn (mục tiêu năm {year})",
    "shape.tally.not_yet_due": "{count} chỉ tiêu chưa đến hạn",
    "shape.not_yet_due.items": "Chỉ tiêu chưa đến hạn đánh giá: {items}.",
    "shape.not_yet_due.item": "{label} (mục tiêu năm {year})",
    # the table's note when no percentage is summed over units (every figure has a single source)
    "shape.note.year": "Ghi chú: cột Đánh giá so sánh kết quả năm {year} với mục tiêu Kế hoạch; chi tiết từng đơn vị: Phụ lục I.",
    # the lead unit of a target (chủ trì theo dõi, đánh giá), where the plan names one
    "shape.lead": "Chủ trì: {lead}",
}
