"""A unit's report as YAML text: blank and ready to fill, or filled with given values.

Pure: returns the text. Every field that applies to the unit in that year is present, with a
Vietnamese comment saying what goes there; a blank left unfilled fails validation at its own
line. The same writer fills the file (the sample data, `plan744 convert` from a workbook), so
the layout and the way numbers are written exist once: an exact integer or decimal (a decimal
that would look like Vietnamese thousands grouping, 270.125, is written 270.1250), a date as
2022-12-10, text in double quotes.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from plan744.core.labels import TASK_STATUS, lower_first
from plan744.core.numbers import yaml_number
from plan744.core.obligation import Obligation, obligation
from plan744.core.plan import ALL_LEVELS, AppendixTask, Indicator, Plan
from plan744.core.submission import STATUSES
from plan744.core.vnformat import format_number

STATUS_HELP = " | ".join(f"{k} ({lower_first(TASK_STATUS[k])})" for k in STATUSES)


def scalar(value: Any) -> str:
    """A value as YAML writes it so that plan744 reads back exactly that value."""
    if value is None:
        return ""
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return yaml_number(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a valid YAML scalar


def _field(indent: str, key: str, value: Any, comment: str = "", blank_text: bool = False) -> str:
    shown = scalar(value) if value is not None else ('""' if blank_text else "")
    line = f"{indent}{key}: {shown}".rstrip() if shown else f"{indent}{key}:"
    return f"{line}  # {comment}" if comment else line


def _comment(text: str, width: int = 100) -> str:
    return " ".join(text.split())[:width]


def target_words(plan: Plan, ind: Indicator) -> str:
    parts = []
    for t in ind.targets:
        scope = lower_first(plan.report.area_name) if t.scope == ALL_LEVELS else plan.levels_by_code[t.scope].name
        when = f" ({t.stage or t.year})" if t.stage or t.year else ""
        parts.append(f"{scope}: {t.wording}{when}")
    return "; ".join(parts)


def scaffold(plan: Plan, unit_code: str, year: int, schema_ref: str | None,
             values: dict[str, Any] | None = None, header: tuple[str, ...] = ()) -> str:
    """The YAML text of `unit_code`'s report for `year`. `values` (shaped like the file, e.g.
    `Submission.model_dump()`) fills it; without it every field is blank. `schema_ref` is the
    path of the JSON Schema relative to where the file is saved, or None when there is none."""
    v = values or {}
    unit = plan.units_by_code[unit_code]
    doc = plan.document
    owed = obligation(plan, unit_code, year)
    cover_from, cover_to, due = owed.start, owed.end, owed.deadline
    money = plan.money.unit
    out: list[str] = list(header) + [
        f"# yaml-language-server: $schema={schema_ref}" if schema_ref else
        "# (Để trình soạn thảo gợi ý khi gõ: plan744 schema --out submission.schema.json)",
        f"# Báo cáo kết quả thực hiện {doc.kind} {doc.number} năm {year}: {unit.name}",
        f"# Kỳ số liệu: từ {cover_from:%d/%m/%Y} đến {cover_to:%d/%m/%Y}; hạn gửi: {due:%d/%m/%Y}.",
        "# Cách điền: ghi giá trị sau dấu hai chấm, giữ nguyên thụt lề (dấu cách, không dùng Tab).",
        "#  - Số viết liền, không có dấu chấm ngăn cách hàng nghìn: 1500 (không viết 1.500).",
        f"#  - Số thập phân dùng dấu chấm: 12.5 (không viết 12,5). Tiền tính bằng {money}.",
        "#  - Ngày viết dạng năm-tháng-ngày: 2022-12-10.",
        "#  - Chỉ ghi số đếm (tử số, mẫu số); tỷ lệ % do phần mềm tự tính.",
        "# Kiểm tra trước khi gửi: plan744 validate <tên tệp này>",
        "",
        f"plan: {scalar(doc.number)}  # kế hoạch của báo cáo này",
        f"unit: {unit.code}  # {unit.name}",
        f"year: {year}",
        _field("", "submitted", v.get("submitted"), "ngày gửi báo cáo, ví dụ " + due.isoformat()),
        "prepared_by:  # người lập báo cáo",
    ]
    person = v.get("prepared_by") or {}
    out += [
        _field("  ", "name", person.get("name"), "họ và tên", blank_text=True),
        _field("  ", "position", person.get("position"), "chức vụ", blank_text=True),
        _field("  ", "phone", person.get("phone") or "", "không bắt buộc"),
        _field("  ", "email", person.get("email") or "", "không bắt buộc"),
    ]
    approved = v.get("approved_by")
    if approved:
        out += ["approved_by:  # lãnh đạo đơn vị duyệt",
                _field("  ", "name", approved.get("name"), "họ và tên"),
                _field("  ", "position", approved.get("position"), "chức vụ"),
                _field("  ", "phone", approved.get("phone") or "", "không bắt buộc"),
                _field("  ", "email", approved.get("email") or "", "không bắt buộc")]
    out.append("")
    indicators = owed.indicators
    given = v.get("indicators") or {}
    if indicators:
        out.append("indicators:  # số liệu các chỉ tiêu của kế hoạch")
        own = owed.levels
        for ind, levels in indicators:
            out.append(f"  # {_comment(ind.name)}. Mục tiêu: {_comment(target_words(plan, ind), 110)}")
            out.append(f"  {ind.id}:")
            for lv in levels:
                level_name = plan.levels_by_code[lv].name
                extra = f" (tổng số liệu {level_name} trên địa bàn)" if own and lv != own[0] and not ind.central else ""
                figures = (given.get(ind.id) or {}).get(lv) or {}
                out.append(f"    {lv}:  # {level_name}{extra}")
                if ind.is_percent:
                    out.append(_field("      ", "numerator", figures.get("numerator"), f"tử số: {_comment(ind.numerator)}"))
                    out.append(_field("      ", "denominator", figures.get("denominator"), f"mẫu số: {_comment(ind.denominator)}"))
                else:
                    unit_word = money if ind.value == "amount" else ind.count_unit
                    out.append(_field("      ", "value", figures.get("value"), f"{_comment(ind.quantity)} ({unit_word})"))
                if figures.get("note"):
                    out.append(_field("      ", "note", figures["note"], "ghi chú"))
        out.append("")
    rows = appendix_rows(plan, owed, v.get("appendix") or [], blank_form=values is None)
    listed = [r for r in rows if not r[2]]
    if listed:
        out.append("appendix:  # các nhiệm vụ, dự án ở Phụ lục do đơn vị chủ trì" + (f"; tiền tính bằng {money}" if plan.funded else ""))
        out.append(f"  # status: {STATUS_HELP}")
    else:
        out.append("appendix: []  # đơn vị không chủ trì nhiệm vụ, dự án nào ở Phụ lục trong năm")
    for task, reported, commented in rows:
        if commented:
            out.append(f"  # Nhiệm vụ TT {task.tt} do “{task.lead_text}” cùng chủ trì: nếu đơn vị có tham gia, bỏ dấu # ở các dòng sau"
                       + (" và xóa “[]” ở dòng appendix." if not listed else "."))
        out += _appendix_block(task, reported, commented, money)
    out.append("")
    out += _tasks(owed, v.get("tasks") or {})
    narrative = v.get("narrative") or {}
    out += [
        "",
        "narrative:  # phần nhận xét, đánh giá của đơn vị",
        _field("  ", "highlights", narrative.get("highlights"), "kết quả nổi bật", blank_text=True),
        _field("  ", "shortcomings", narrative.get("shortcomings"), "tồn tại, hạn chế và nguyên nhân", blank_text=True),
        _field("  ", "proposals", narrative.get("proposals"), "đề xuất, kiến nghị", blank_text=True),
        "",
    ]
    return "\n".join(out)


def appendix_rows(plan: Plan, owed: Obligation, reported: list[dict],
                  blank_form: bool) -> list[tuple[AppendixTask, dict | None, bool]]:
    """The rows to write: those reported (in their order), then the unit's own rows not yet
    reported, then shared rows as commented-out blocks (only in a blank form)."""
    by_tt = {str(r.get("tt")): r for r in reported}
    out: list[tuple[AppendixTask, dict | None, bool]] = []
    for r in reported:
        tt = r.get("tt")
        task = plan.row(tt) if tt is not None else None
        if task is not None:
            out.append((task, r, False))
    out += [(t, None, False) for t in owed.own_rows if str(t.tt) not in by_tt]
    if blank_form:
        out += [(t, None, True) for t in owed.shared_rows]
    return out


def _appendix_block(t: AppendixTask, r: dict | None, commented: bool, money: str) -> list[str]:
    p = "  # " if commented else "  "
    r = r or {}
    cost = f"; dự kiến {format_number(t.cost)} {money}" if t.cost is not None else ""
    lines = [
        f"{p}- tt: {scalar(t.tt) if isinstance(t.tt, str) else t.tt}  # {_comment(t.name, 80)} ({t.timeframe_text}{cost})",
        _field(f"{p}  ", "status", r.get("status"), ""),
    ]
    if t.funded:
        lines += [_field(f"{p}  ", "allocated", r.get("allocated"), "vốn được bố trí trong năm"),
                  _field(f"{p}  ", "disbursed", r.get("disbursed"), "vốn đã giải ngân trong năm")]
    lines.append(_field(f"{p}  ", "progress", r.get("progress"), "kết quả thực hiện trong năm", blank_text=True))
    return lines


def _tasks(owed: Obligation, given: dict[str, dict]) -> list[str]:
    out = ["tasks:  # các nhiệm vụ định tính: tình hình thực hiện", f"  # status: {STATUS_HELP}"]
    mine = owed.tasks
    shown = [t for t in mine if t.required or t.id in given]
    for t in shown:
        rep = given.get(t.id) or {}
        out.append(f"  {t.id}:  # {_comment(t.title)}")
        out.append(_field("    ", "status", rep.get("status"), ""))
        out.append(_field("    ", "account", rep.get("account"), "kết quả thực hiện, ngắn gọn", blank_text=True))
    optional = [t for t in mine if not t.required and t.id not in given]
    if optional and not given:
        out.append("  # Không bắt buộc: có thể báo cáo thêm các nhiệm vụ sau (ghi theo mẫu trên):")
        for t in optional:
            out.append(f"  #   {t.id}: {_comment(t.title, 90)}")
    if not shown and not optional:
        out[0] = "tasks: {}  # không có nhiệm vụ định tính giao cho đơn vị"
        out = out[:1]
    return out
