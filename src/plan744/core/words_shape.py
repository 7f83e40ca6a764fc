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
    "shape.note.year": "Ghi chú: cột Đánh giá so sánh kết quả năm {year} với mục tiêu Kế hoạch; chi tiết từng đơn vị: {appendix}.",
    # the lead unit of a target (chủ trì theo dõi, đánh giá), where the plan names one
    "shape.lead": "Chủ trì: {lead}",
    # a yearly target ("05 bộ mỗi năm") in a form: the form's year, or every year of its span
    "shape.form.target_year": "năm {year}",
    "shape.form.target_every_year": "mỗi năm, {start}–{end}",
    # the year's chart: figures that are no percentage (counts, amounts, ranks) are drawn after the percentages
    "shape.chart.own_scale": "Chỉ tiêu số lượng, thứ hạng (thang đo riêng từng chỉ tiêu):",
}
