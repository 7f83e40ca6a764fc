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

from plan744.core.figures.targets import governing
from plan744.core.labels import lower_first, task_status, word
from plan744.core.numbers import yaml_number
from plan744.core.obligation import Obligation, obligation
from plan744.core.plan import ALL_LEVELS, AppendixTask, Indicator, Plan, Target
from plan744.core.submission import STATUSES
from plan744.core.vnformat import format_day, format_number


def _status_help() -> str:
    """The status codes with their labels, in the words being spoken."""
    return " | ".join(f"{k} ({lower_first(task_status(k))})" for k in STATUSES)



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


def target_words(plan: Plan, ind: Indicator, year: int | None = None) -> str:
    """The targets as a form shows them: "toàn quốc: 60% (Giai đoạn 2026-2027)". For the form of
    `year`, each scope's target that governs that year alone: a staged target with its stage or
    milestone, a yearly target ("05 bộ mỗi năm") with the form's year, never its last year."""
    targets = ind.targets if year is None else _governing(plan, ind, year)
    parts = []
    for t in targets:
        scope = lower_first(plan.report.area_name) if t.scope == ALL_LEVELS else plan.levels_by_code[t.scope].name
        if t.each_year:
            when = " (" + (word("shape.form.target_year").format(year=year) if year is not None else
                           word("shape.form.target_every_year").format(
                               start=t.since or plan.period.start, end=t.milestone(plan.period.end))) + ")"
        else:
            when = f" ({t.stage or t.year})" if t.stage or t.year else ""
        parts.append(f"{scope}: {t.wording}{when}")
    return "; ".join(parts)


def _governing(plan: Plan, ind: Indicator, year: int) -> list[Target]:
    """Each scope's target that governs `year` (core.figures.targets), in the plan's order."""
    chosen = []
    for scope in dict.fromkeys(t.scope for t in ind.targets):
        target = governing(ind, scope, year, plan.period).target
        if target is not None:
            chosen.append(target)
    return [t for t in ind.targets if any(t is c for c in chosen)]


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
        "# " + word("scaffold.schema_hint"),
        "# " + word("scaffold.title").format(kind=doc.kind, number=doc.number, year=year, unit=unit.name),
        "# " + word("scaffold.period").format(start=format_day(cover_from), end=format_day(cover_to), due=format_day(due)),
        "# " + word("scaffold.howto"),
        *("#  - " + word(f"scaffold.howto.{part}").format(money=money) for part in ("numbers", "decimals", "dates", "counts")),
        "# " + word("scaffold.check"),
        "",
        f"plan: {scalar(doc.number)}  # " + word("scaffold.plan"),
        f"unit: {unit.code}  # {unit.name}",
        f"year: {year}",
        _field("", "submitted", v.get("submitted"), word("scaffold.submitted").format(example=due.isoformat())),
        "prepared_by:  # " + word("scaffold.prepared_by"),
    ]
    person = v.get("prepared_by") or {}
    out += [
        _field("  ", "name", person.get("name"), word("scaffold.name"), blank_text=True),
        _field("  ", "position", person.get("position"), word("scaffold.position"), blank_text=True),
        _field("  ", "phone", person.get("phone") or "", word("scaffold.optional")),
        _field("  ", "email", person.get("email") or "", word("scaffold.optional")),
    ]
    approved = v.get("approved_by")
    if approved:
        out += ["approved_by:  # " + word("scaffold.approved_by"),
                _field("  ", "name", approved.get("name"), word("scaffold.name")),
                _field("  ", "position", approved.get("position"), word("scaffold.position")),
                _field("  ", "phone", approved.get("phone") or "", word("scaffold.optional")),
                _field("  ", "email", approved.get("email") or "", word("scaffold.optional"))]
    out.append("")
    indicators = owed.indicators
    given = v.get("indicators") or {}
    if indicators:
        out.append("indicators:  # " + word("scaffold.indicators"))
        own = owed.levels
        for ind, levels in indicators:
            targets = _comment(target_words(plan, ind, year), 110)
            out.append("  # " + word("scaffold.indicator").format(name=_comment(ind.name), targets=targets))
            out.append(f"  {ind.id}:")
            for lv in levels:
                level_name = plan.levels_by_code[lv].name
                extra = " " + word("scaffold.level_total").format(level=level_name) if own and lv != own[0] and not ind.central else ""
                figures = (given.get(ind.id) or {}).get(lv) or {}
                out.append(f"    {lv}:  # {level_name}{extra}")
                if ind.is_percent:
                    for part in ("numerator", "denominator"):
                        out.append(_field("      ", part, figures.get(part),
                                          word(f"scaffold.{part}").format(text=_comment(getattr(ind, part)))))
                else:
                    unit_word = money if ind.value == "amount" else ind.count_unit
                    out.append(_field("      ", "value", figures.get("value"), f"{_comment(ind.quantity)} ({unit_word})"))
                if figures.get("note"):
                    out.append(_field("      ", "note", figures["note"], word("scaffold.note")))
        out.append("")
    rows = appendix_rows(plan, owed, v.get("appendix") or [], blank_form=values is None)
    listed = [r for r in rows if not r[2]]
    if listed:
        out.append("appendix:  # " + word("scaffold.appendix")
                   + (word("scaffold.appendix.money").format(money=money) if plan.funded else ""))
        out.append(f"  # status: {_status_help()}")
    else:
        out.append("appendix: []  # " + word("scaffold.appendix.none"))
    for task, reported, commented in rows:
        if commented:
            out.append("  # " + word("scaffold.appendix.shared").format(tt=task.tt, lead=task.lead_text)
                       + (" " + word("scaffold.appendix.unlist") if not listed else "") + ".")
        out += _appendix_block(task, reported, commented, money)
    out.append("")
    out += _tasks(owed, v.get("tasks") or {})
    narrative = v.get("narrative") or {}
    out += [
        "",
        "narrative:  # " + word("scaffold.narrative"),
        *(_field("  ", key, narrative.get(key), word(f"scaffold.narrative.{key}"), blank_text=True)
          for key in ("highlights", "shortcomings", "proposals")),
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
    cost = word("scaffold.appendix.cost").format(cost=format_number(t.cost), money=money) if t.cost is not None else ""
    lines = [
        f"{p}- tt: {scalar(t.tt) if isinstance(t.tt, str) else t.tt}  # {_comment(t.name, 80)} ({t.timeframe_text}{cost})",
        _field(f"{p}  ", "status", r.get("status"), ""),
    ]
    if t.funded:
        lines += [_field(f"{p}  ", "allocated", r.get("allocated"), word("scaffold.appendix.allocated")),
                  _field(f"{p}  ", "disbursed", r.get("disbursed"), word("scaffold.appendix.disbursed"))]
    lines.append(_field(f"{p}  ", "progress", r.get("progress"), word("scaffold.appendix.progress"), blank_text=True))
    return lines


def _tasks(owed: Obligation, given: dict[str, dict]) -> list[str]:
    out = ["tasks:  # " + word("scaffold.tasks"), f"  # status: {_status_help()}"]
    mine = owed.tasks
    shown = [t for t in mine if t.required or t.id in given]
    for t in shown:
        rep = given.get(t.id) or {}
        out.append(f"  {t.id}:  # {_comment(t.title)}")
        out.append(_field("    ", "status", rep.get("status"), ""))
        out.append(_field("    ", "account", rep.get("account"), word("scaffold.tasks.account"), blank_text=True))
    optional = [t for t in mine if not t.required and t.id not in given]
    if optional and not given:
        out.append("  # " + word("scaffold.tasks.optional"))
        for t in optional:
            out.append(f"  #   {t.id}: {_comment(t.title, 90)}")
    if not shown and not optional:
        out[0] = "tasks: {}  # " + word("scaffold.tasks.none")
        out = out[:1]
    return out
