"""Words of the close-out's and the annual report's judgements of the targets: the tally and its
base, level-end and partial-year caveats, the table notes, the chart's words.

Merged into `core.labels.WORDS`, so a plan file's `words:` section rewords any of them by its code.
The rules they word are in `core.figures.assessment` (docs/assessment-rules.md).
"""

from __future__ import annotations

JUDGEMENT_WORDS: dict[str, str] = {
    # the base of the tally, said once
    "judge.base": "Kế hoạch đặt {count} chỉ tiêu định lượng{split}.",
    "judge.base.split": " (chỉ tiêu {names} tính riêng từng cấp)",
    # the tally: counts below 10 on two digits, zero categories left out
    "judge.tally.final": "Đến hết năm {year} (số liệu đến ngày {date}), có {met}/{base} chỉ tiêu đạt và vượt mục tiêu",
    "judge.tally.year": "Năm {year} (số liệu đến ngày {date}), có {met}/{base} chỉ tiêu đạt và vượt mục tiêu",
    "judge.tally.exceeded": " (trong đó {count} chỉ tiêu vượt)",
    "judge.tally.not_met": "{count} chỉ tiêu chưa đạt",
    "judge.tally.not_assessed": "{count} chỉ tiêu chưa đánh giá được",
    "judge.tally.behind": "{count} chỉ tiêu chậm so với lộ trình",
    "judge.not_assessed.items": "Chỉ tiêu chưa đánh giá được: {items}.",
    "judge.qualitative.items": "Các mục tiêu định tính (không có ngưỡng số, đánh giá qua kết quả thực hiện nhiệm vụ): {items}.",
    # a level that ended: judged on its last figures, to that date
    "judge.to_date": "số liệu đến ngày {date}",
    "judge.level_end.note": "{level} kết thúc hoạt động ngày {date}: chỉ tiêu của cấp này được đánh giá trên số liệu đến ngày đó.",
    # a partial year beside its verdict
    "judge.partial.cell": "chưa gồm {levels} từ {date}",
    "judge.partial.one": "Năm {year}, chỉ tiêu {names} chưa bao gồm số liệu của {levels} từ ngày {date}.",
    "judge.partial.many": "Năm {year}, các chỉ tiêu {names} chưa bao gồm số liệu của {levels} từ ngày {date}.",
    # units that owed figures and sent none
    "judge.missing.few": "{names} chưa báo cáo",
    "judge.missing.many": "{count} đơn vị chưa báo cáo",
    "judge.units_of": "{reported}/{expected} {kind}",
    "judge.new_base": "Năm {year}, chỉ tiêu {name} tính trên {count} {kind} sau sắp xếp.",
    "judge.new_base.partial": "Năm {year}, chỉ tiêu {name} tính trên {reported}/{count} {kind} sau sắp xếp đã gửi báo cáo "
                              "({missing}).",
    # the table notes
    "judge.note.year": ("Ghi chú: tỷ lệ = tổng tử số/tổng mẫu số của các đơn vị báo cáo; cột Đánh giá so sánh "
                        "kết quả năm {year} với mục tiêu Kế hoạch; chi tiết từng đơn vị: {appendix}."),
    "judge.note.appendix_plain": "phụ lục kèm theo",
    "judge.note.path": ("Cột Lộ trình: giá trị trên đường thẳng từ số liệu năm gốc (hoặc mốc trước) đến mục tiêu, "
                        "chỉ để tham chiếu khi Kế hoạch không đặt chỉ tiêu từng năm."),
    "judge.note.period": ("Ghi chú: tỷ lệ từng năm = tổng tử số/tổng mẫu số của các đơn vị báo cáo; cột Đánh giá "
                          "so sánh kết quả năm {end} với mục tiêu Kế hoạch."),
    "judge.note.reference": "Số liệu năm {year} ({section} của Kế hoạch) đo khác phạm vi, chỉ dùng để tham khảo.",
    # the charts
    "judge.chart.caption": "Biểu đồ {number}. {title}",
    "judge.chart.source": "Nguồn: tổng hợp từ báo cáo của các cơ quan, đơn vị.",
}
