"""A ready-to-fill submission for one unit and year (pure: returns the YAML text).

Every field that applies to the unit is present and blank, with a Vietnamese comment
saying what goes there; a blank left unfilled fails validation at its own line.
"""

from __future__ import annotations

import json

from plan744.core.plan import ALL_LEVELS, Indicator, Plan
from plan744.core.submission import STATUS_LABELS
from plan744.core.vnformat import format_number

STATUS_HELP = " | ".join(f"{k} ({v.lower()})" for k, v in STATUS_LABELS.items())


def _q(text: str) -> str:
    """A YAML double-quoted string (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str, width: int = 100) -> str:
    return " ".join(text.split())[:width]


def _target_words(plan: Plan, ind: Indicator) -> str:
    parts = []
    for t in ind.targets:
        scope = "toàn tỉnh" if t.scope == ALL_LEVELS else plan.levels_by_code[t.scope].name
        parts.append(f"{scope}: {t.wording}")
    return "; ".join(parts)


def scaffold(plan: Plan, unit_code: str, year: int, schema_ref: str | None) -> str:
    """The YAML text; `schema_ref` is the path of the JSON Schema relative to where the file is
    saved, or None when there is none there (then no editor modeline points at nothing)."""
    unit = plan.units_by_code[unit_code]
    doc = plan.document
    start, end = plan.reporting.window(year)
    deadline = plan.reporting.deadline_for(year)
    out: list[str] = [
        f"# yaml-language-server: $schema={schema_ref}" if schema_ref else
        "# (Để trình soạn thảo gợi ý khi gõ: plan744 schema --out submission.schema.json)",
        f"# Báo cáo kết quả thực hiện {doc.kind} {doc.number} năm {year}: {unit.name}",
        f"# Kỳ số liệu: từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}; hạn gửi: {deadline:%d/%m/%Y}.",
        "# Cách điền: ghi giá trị sau dấu hai chấm, giữ nguyên thụt lề (dấu cách, không dùng Tab).",
        "#  - Số viết liền, không có dấu chấm ngăn cách hàng nghìn: 1500 (không viết 1.500).",
        "#  - Số thập phân dùng dấu chấm: 12.5 (không viết 12,5). Tiền tính bằng triệu đồng.",
        "#  - Ngày viết dạng năm-tháng-ngày: 2022-12-10.",
        "#  - Chỉ ghi số đếm (tử số, mẫu số); tỷ lệ % do phần mềm tự tính.",
        "# Kiểm tra trước khi gửi: plan744 validate <tên tệp này>",
        "",
        f"unit: {unit.code}  # {unit.name}",
        f"year: {year}",
        "submitted:  # ngày gửi báo cáo, ví dụ " + deadline.isoformat(),
        "prepared_by:  # người lập báo cáo",
        "  name: \"\"  # họ và tên",
        "  position: \"\"  # chức vụ",
        "  phone: \"\"  # không bắt buộc",
        "  email: \"\"  # không bắt buộc",
        "",
    ]
    indicators = plan.indicators_for(unit_code)
    if indicators:
        out.append("indicators:  # số liệu các chỉ tiêu của kế hoạch")
        for ind, levels in indicators:
            out.append(f"  # {_comment(ind.name)}. Mục tiêu {plan.period.end}: {_comment(_target_words(plan, ind))}")
            out.append(f"  {ind.id}:")
            for lv in levels:
                level_name = plan.levels_by_code[lv].name
                extra = " (tổng của các xã, phường, thị trấn trên địa bàn)" if lv != plan.unit_levels(unit_code)[0] else ""
                out.append(f"    {lv}:  # {level_name}{extra}")
                out.append(f"      numerator:  # tử số: {_comment(ind.numerator)}")
                out.append(f"      denominator:  # mẫu số: {_comment(ind.denominator)}")
        out.append("")
    # Only tasks whose timeframe covers the year: others are not reported that year.
    in_time = [t for t in plan.appendix if t.timeframe.start <= year <= t.timeframe.end]
    own = [t for t in in_time if t.lead == unit_code]
    shared = [t for t in in_time if t.lead != unit_code and plan.leads(t, unit_code)]
    if own or shared:
        out.append("appendix:  # các nhiệm vụ, dự án ở Phụ lục do đơn vị chủ trì; tiền tính bằng triệu đồng")
        out.append(f"  # status: {STATUS_HELP}")
    else:
        out.append("appendix: []  # đơn vị không chủ trì nhiệm vụ, dự án nào ở Phụ lục")
    for t in own:
        out += _appendix_block(t, commented=False)
    for t in shared:
        out.append(f"  # Nhiệm vụ TT {t.tt} do “{t.lead_text}” cùng chủ trì: nếu đơn vị có tham gia, bỏ dấu # ở các dòng sau.")
        out += _appendix_block(t, commented=True)
    out.append("")
    required = [t for t in plan.tasks_for(unit_code) if t.required]
    optional = [t for t in plan.tasks_for(unit_code) if not t.required]
    out.append("tasks:  # các nhiệm vụ định tính: tình hình thực hiện")
    out.append(f"  # status: {STATUS_HELP}")
    for t in required:
        out.append(f"  {t.id}:  # {_comment(t.title)}")
        out.append("    status:")
        out.append("    account: \"\"  # kết quả thực hiện, ngắn gọn")
    if optional:
        out.append("  # Không bắt buộc: có thể báo cáo thêm các nhiệm vụ sau (ghi theo mẫu trên):")
        for t in optional:
            out.append(f"  #   {t.id}: {_comment(t.title, 90)}")
    out += [
        "",
        "narrative:  # phần nhận xét, đánh giá của đơn vị",
        "  highlights: \"\"  # kết quả nổi bật",
        "  shortcomings: \"\"  # tồn tại, hạn chế và nguyên nhân",
        "  proposals: \"\"  # đề xuất, kiến nghị",
        "",
    ]
    return "\n".join(out)


def _appendix_block(t, commented: bool) -> list[str]:  # noqa: ANN001 - an AppendixTask
    p = "  # " if commented else "  "
    return [
        f"{p}- tt: {t.tt}  # {_comment(t.name, 80)} ({t.timeframe_text}; dự kiến {format_number(t.cost)} triệu đồng)",
        f"{p}  status:",
        f"{p}  allocated:  # vốn được bố trí trong năm",
        f"{p}  disbursed:  # vốn đã giải ngân trong năm",
        f"{p}  progress: \"\"  # kết quả thực hiện trong năm",
    ]
