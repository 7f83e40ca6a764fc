"""The words of the outputs a reader sees besides the report's sentences: the data files' headers
and sheet names, the chart's legend, the letterhead and the closing of the documents.

Merged into `core.labels.WORDS`, so a plan file's `words:` section rewords any of them by its code.
The data's keys (JSON keys, CSV headers) are codes, not words: they stay as they are.
"""

from __future__ import annotations

DATA_HEADERS: dict[str, dict[str, str]] = {
    "indicators": {
        "year": "Năm",
        "indicator": "Mã chỉ tiêu",
        "name": "Chỉ tiêu",
        "scope": "Mã phạm vi",
        "scope_name": "Phạm vi",
        "value_kind": "Loại giá trị",
        "numerator": "Tử số",
        "denominator": "Mẫu số",
        "amount": "Số lượng / số tiền",
        "value": "Giá trị",
        "total": "Lũy kế",
        "total_since": "Lũy kế từ năm",
        "previous": "Năm trước",
        "target_kind": "Loại mục tiêu",
        "target_value": "Mục tiêu",
        "target_stretch": "Mức phấn đấu",
        "target_year": "Năm của mục tiêu",
        "target_wording": "Mục tiêu (lời văn bản)",
        "attainment": "Đánh giá",
        "unassessed": "Lý do chưa đánh giá",
        "path_expected": "Lộ trình",
        "path": "So với lộ trình",
        "reporting_units": "Số đơn vị có số liệu",
        "expected_units": "Số đơn vị phải báo cáo",
        "level_end": "Cấp kết thúc ngày",
        "uncovered_from": "Thiếu số liệu từ ngày",
        "uncovered_levels": "Cấp thiếu số liệu",
        "missing_units": "Đơn vị chưa báo cáo",
        "lead": "Mã đơn vị chủ trì",
        "lead_name": "Đơn vị chủ trì",
    },
    "units": {
        "year": "Năm",
        "indicator": "Mã chỉ tiêu",
        "name": "Chỉ tiêu",
        "scope": "Mã phạm vi",
        "unit": "Mã đơn vị",
        "unit_name": "Đơn vị",
        "kind": "Loại đơn vị",
        "numerator": "Tử số",
        "denominator": "Mẫu số",
        "amount": "Số lượng / số tiền",
        "value": "Giá trị",
        "previous": "Năm trước",
        "rank": "Hạng",
        "partial": "Báo cáo một phần năm",
    },
    "appendix": {
        "year": "Năm",
        "tt": "TT",
        "name": "Nhiệm vụ, dự án",
        "lead": "Mã đơn vị chủ trì",
        "lead_name": "Đơn vị chủ trì",
        "planned": "Kinh phí dự kiến",
        "allocated": "Bố trí trong năm",
        "disbursed": "Giải ngân trong năm",
        "cumulative": "Lũy kế giải ngân",
        "cumulative_share": "Lũy kế / dự kiến (%)",
        "statuses": "Tình trạng",
        "reports": "Số báo cáo",
    },
    "appendix_reports": {
        "year": "Năm",
        "tt": "TT",
        "unit": "Mã đơn vị",
        "unit_name": "Đơn vị",
        "status": "Tình trạng",
        "allocated": "Bố trí",
        "disbursed": "Giải ngân",
        "progress": "Kết quả thực hiện",
    },
    "completeness": {
        "year": "Năm",
        "unit": "Mã đơn vị",
        "unit_name": "Đơn vị",
        "kind": "Loại đơn vị",
        "covers_from": "Kỳ số liệu từ",
        "covers_to": "Kỳ số liệu đến",
        "deadline": "Hạn gửi",
        "submitted": "Ngày gửi",
        "timeliness": "Tình trạng",
        "days_late": "Số ngày muộn",
    },
    "tasks": {
        "year": "Năm",
        "task": "Mã nhiệm vụ",
        "area": "Lĩnh vực",
        "unit": "Mã đơn vị",
        "unit_name": "Đơn vị",
        "status": "Tình trạng",
        "account": "Kết quả thực hiện",
    },
    "narratives": {
        "year": "Năm",
        "unit": "Mã đơn vị",
        "unit_name": "Đơn vị",
        "section": "Mục",
        "text": "Nội dung",
    },
    "outcomes": {
        "start": "Từ năm",
        "end": "Đến năm",
        "indicator": "Mã chỉ tiêu",
        "name": "Chỉ tiêu",
        "scope": "Mã phạm vi",
        "scope_name": "Phạm vi",
        "baseline_year": "Năm gốc",
        "baseline": "Giá trị năm gốc",
        "last_year": "Năm có số liệu cuối",
        "last_value": "Giá trị cuối",
        "target_kind": "Loại mục tiêu",
        "target_value": "Mục tiêu",
        "target_year": "Năm của mục tiêu",
        "each_year": "Mục tiêu từng năm",
        "missed_years": "Các năm chưa đạt",
        "attainment": "Đánh giá cả giai đoạn",
        "unassessed": "Lý do chưa đánh giá",
    },
    "budget": {
        "year": "Năm",
        "planned": "Kinh phí dự kiến",
        "allocated": "Bố trí",
        "disbursed": "Giải ngân",
        "cumulative": "Lũy kế giải ngân",
        "disbursement_rate": "Giải ngân / bố trí (%)",
        "cumulative_share": "Lũy kế / dự kiến (%)",
    },
}
"""table -> key -> the workbook's column header (and the JSON schema's description), in order."""

SHEET_NAMES: dict[str, str] = {
    "indicators": "Chỉ tiêu",
    "units": "Theo đơn vị",
    "appendix": "Phụ lục",
    "appendix_reports": "Báo cáo Phụ lục",
    "completeness": "Gửi báo cáo",
    "tasks": "Nhiệm vụ",
    "narratives": "Ý kiến của đơn vị",
    "outcomes": "Kết quả giai đoạn",
    "budget": "Kinh phí",
}
"""table -> the workbook's sheet name (at most 31 characters, none of []:*?/\\)."""

WORKBOOK_WORDS: dict[str, str] = {
    # a coded column's code, beside its label: "Đánh giá" = "Vượt", "Mã đánh giá" = exceeded
    "data.code_header": "Mã {header}",
    "data.money_header": "{header} ({unit})",
    "data.sheet.info": "Thông tin chung",
    "data.sheet.legend": "Giải thích",
    "data.info.item": "Nội dung",
    "data.info.value": "Thông tin",
    "data.info.plan": "Kế hoạch",
    "data.info.plan_value": "{kind} số {number}: {title}",
    "data.info.plan_period": "Giai đoạn của kế hoạch",
    "data.info.report_year": "Kỳ báo cáo",
    "data.info.report_year_value": "Năm {year}",
    "data.info.report_period_value": "Giai đoạn {start}–{end}",
    "data.info.window": "Kỳ số liệu",
    "data.info.window_value": "Từ ngày {start} đến ngày {end}",
    "data.info.cutoff": "Số liệu tổng hợp đến ngày",
    "data.info.generated": "Thời điểm lập tệp (giờ UTC)",
    "data.info.money": "Đơn vị tiền",
    "data.info.percent": "Tỷ lệ (%)",
    "data.info.percent_rule": "Mọi tỷ lệ và mục tiêu tỷ lệ ghi theo số phần trăm (90 là 90%), "
                              "giống các tệp CSV và JSON kèm theo: so sánh trực tiếp “Giá trị” với “Mục tiêu”.",
    "data.info.codes": "Mã",
    "data.info.codes_rule": "Cột “Mã …” giữ mã ổn định để lọc, đối chiếu; ý nghĩa của từng mã ở trang “Giải thích”.",
    "data.legend.column": "Cột",
    "data.legend.code": "Mã",
    "data.legend.label": "Ý nghĩa",
    # the words of codes that have none elsewhere in the catalogue
    "data.target_kind.band": "Trong khoảng (từ … đến …)",
    "data.target_kind.floor": "Từ mức này trở lên",
    "data.target_kind.floor_strict": "Trên mức này",
    "data.target_kind.ceiling": "Từ mức này trở xuống",
    "data.target_kind.ceiling_strict": "Dưới mức này",
    "data.target_kind.qualitative": "Định tính (không có ngưỡng số)",
    "data.value_kind.percent": "Tỷ lệ (%)",
    "data.value_kind.count": "Số lượng",
    "data.value_kind.amount": "Số tiền",
    "data.value_kind.rank": "Thứ hạng",
    "data.path.no_path": "Không có lộ trình",
    "data.path.milestone": "Năm của mục tiêu",
    "data.timeliness.not_due": "Không phải báo cáo",
}
"""The workbook's own words: the label columns, the "Thông tin chung" and "Giải thích" sheets."""

CHART_WORDS: dict[str, str] = {
    # the year's chart: one bar per indicator
    "chart.year.target": "Mục tiêu",
    "chart.year.path": "Lộ trình đến mục tiêu",
    # the close-out's small panels
    "chart.period.target": "Mục tiêu",
    "chart.period.met": "Đạt cuối kỳ",
    "chart.period.not_met": "Chưa đạt",
    "chart.period.not_assessed": "Không đánh giá",
    "chart.period.path": "Lộ trình từ năm gốc",
}
"""The charts' legends."""

DOCUMENT_WORDS: dict[str, str] = {
    "doc.nation": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "doc.motto": "Độc lập - Tự do - Hạnh phúc",
    "doc.toc": "Mục lục",
    "doc.recipients": "Nơi nhận:",
    "doc.number": "Số: {number}/{symbol}",
    "doc.date_blank": "ngày …… tháng …… năm ……",
    "doc.appendix": "Phụ lục {roman}",
    "doc.archive": "Lưu: VT",
    "doc.thousand": "nghìn",
    # words before which a two-line title breaks best (report/html.py balanced_lines)
    "doc.break_before": "theo của giai trong tại về cho với và đến từ",
}

PHRASE_WORDS = {
    "phrase.more": "{items} và {count} {more} khác",
    "phrase.units": "đơn vị",
    "phrase.kind_count": "{kind} ({count} đơn vị)",
    "phrase.per": "{numerator} trên {denominator}",
    "phrase.short": "{label}: {value}, mục tiêu {target}",
    "phrase.short_year": "năm {year}: {value}",
    "phrase.behind": "{label}: {value}, lộ trình {path}",
    "phrase.sent_on": "{name} (gửi ngày {date})",
}
"""The small phrases the composers join figures with ("A, B và 12 đơn vị khác", "Sở X (gửi ngày
05/01)")."""
"""The fixed words of the HTML, PDF and Word documents: the letterhead's quốc hiệu and tiêu ngữ,
the table of contents' title, the closing's label."""

OUTPUT_WORDS: dict[str, str] = {
    **{f"data.{table}.{key}": header for table, columns in DATA_HEADERS.items() for key, header in columns.items()},
    **{f"data.sheet.{table}": name for table, name in SHEET_NAMES.items()},
    **WORKBOOK_WORDS,
    **CHART_WORDS,
    **DOCUMENT_WORDS,
    **PHRASE_WORDS,
}
"""Every word above by its code: "data.<table>.<key>" (a column header), "data.sheet.<table>",
"chart.…", "doc.…"."""
