"""Cross-checks of units' submissions against the plan and against each other.

Pure: takes the plan and already-parsed submissions (with their source maps and the
folder/file names they came from) and returns findings. This module holds the checks of one
file against the plan (what the unit owes comes from `core.obligation`); the checks that need
other files (cumulative disbursement, duplicates, year-on-year jumps) are in
`core.submission_across`, the records they keep of each file in `core.submission_records`,
both re-exported here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from plan744.core.findings import Finding, SourceMap
from plan744.core.labels import lower_first
from plan744.core.layout import is_year_folder
from plan744.core.messages import make
from plan744.core.obligation import (
    ENDED,
    MERGED,
    NOT_REPORTING,
    NOT_YET,
    UNKNOWN_UNIT,
    Obligation,
    lead_of,
    obligation,
    row_in_year,
)
from plan744.core.plan import Plan
from plan744.core.status import ReportStatus
from plan744.core.submission import Submission
from plan744.core.submission_across import MONEY_SCALE, MONEY_WORDS, money_ratio
from plan744.core.submission_across import check_across as check_across
from plan744.core.submission_records import FigureStore as FigureStore
from plan744.core.submission_records import FileRecord as FileRecord
from plan744.core.submission_records import RecordRow as RecordRow
from plan744.core.submission_records import SubmissionFile
from plan744.core.submission_records import record_from as record_from
from plan744.core.submission_records import record_of as record_of
from plan744.core.submission_records import record_row as record_row
from plan744.core.suggest import closest, hint
from plan744.core.vnformat import format_day, format_number


class _Out:
    def __init__(self, sf: SubmissionFile) -> None:
        self.sf = sf
        self.findings: list[Finding] = []

    def add(self, code: str, path: tuple, *, prefer_key: bool = False, **params: Any) -> None:
        place = self.sf.source.place(path, prefer_key=prefer_key)  # a line, or a workbook's cell
        self.findings.append(make(code, file=self.sf.source.file, place=place, path=path, **params))


def blank_figures(plan: Plan, data: Any, source: SourceMap) -> list[Finding]:
    """Figures written as blanks (`numerator:` with nothing after it), found on the raw file so
    that they are reported in the same round as every other blank, before the model has passed.
    Each says what belongs there, in the plan's words."""
    out: list[Finding] = []
    if not isinstance(data, dict):
        return out

    def add(path: tuple, expected: str) -> None:
        out.append(make("blank", file=source.file, place=source.place(path), path=path, expected=expected))

    indicators = data.get("indicators")
    if isinstance(indicators, dict):
        for ind_id, levels in indicators.items():
            ind = plan.indicators_by_id.get(ind_id)
            if ind is None or not isinstance(levels, dict):
                continue
            for level, counts in levels.items():
                if not isinstance(counts, dict):
                    continue
                for side in ("numerator", "denominator", "value"):
                    if side in counts and counts[side] is None:
                        add(("indicators", ind_id, level, side), _figure_words(ind, side))
    appendix = data.get("appendix")
    if isinstance(appendix, list):
        for i, rep in enumerate(appendix):
            if isinstance(rep, dict):
                for side in ("allocated", "disbursed"):
                    if side in rep and rep[side] is None:
                        add(("appendix", i, side), f"số tiền ({plan.money.unit}), ghi 0 nếu không có")
    return out


def _figure_words(ind: Any, side: str) -> str:
    return {"numerator": f"tử số ({lower_first(ind.numerator or ind.quantity)})",
            "denominator": f"mẫu số ({lower_first(ind.denominator or ind.quantity)})",
            "value": lower_first(ind.quantity or ind.name) + (f" ({ind.count_unit})" if ind.count_unit else "")}[side]


def check_file(plan: Plan, sf: SubmissionFile, today: dt.date | None = None) -> list[Finding]:
    """Everything that can be checked with this file and the plan alone."""
    out = _Out(sf)
    _check_one(plan, sf, out, today)
    return out.findings


def unit_label(plan: Plan, code: str) -> str:
    unit = plan.units_by_code.get(code)
    return unit.name if unit else code


def _check_one(plan: Plan, sf: SubmissionFile, out: _Out, today: dt.date | None) -> None:
    sub = sf.submission
    if sub.plan is not None and _plan_key(sub.plan) != _plan_key(plan.document.number):
        out.add("sub-plan-other", ("plan",), named=sub.plan, used=plan.document.number,
                title=f"{plan.document.kind} {plan.document.number}")
        return  # a report on another plan: nothing below would mean anything
    if is_year_folder(sf.folder) and int(sf.folder) != sub.year:
        out.add("sub-path-year", ("year",), folder=sf.folder, year=sub.year)
    owed = obligation(plan, sub.unit, sub.year)
    if sf.stem != sub.unit and owed.reason != UNKNOWN_UNIT:  # an unknown code gets its own hint below
        out.add("sub-path-unit", ("unit",), stem=sf.stem, unit=sub.unit)
    if not owed.in_period:
        out.add("sub-year-outside-period", ("year",), year=sub.year, start=plan.period.start, end=plan.period.end)
    _check_date(plan, sub, out, today)
    if owed.reason == UNKNOWN_UNIT:
        guess = closest(sub.unit, plan.units_by_code)
        out.add("sub-unit-unknown", ("unit",), unit=sub.unit, hint=f" Có phải ý là “{guess}”?" if guess else "",
                fixes=(guess,) if guess else ())
        return  # everything below depends on who the unit is
    why = absence(plan, owed)
    if why is not None:  # it owes nothing this year: say who reports for it, and why
        out.add(why[0], ("unit",), **why[1])
        return
    _check_sent_after_end(plan, sub, out)
    name = unit_label(plan, sub.unit)
    _check_indicators(plan, sub, owed, out, name)
    _check_appendix(plan, sub, owed, out, name)
    _check_tasks(plan, sub, owed, out, name)


def _plan_key(text: str) -> str:
    """'744/KH-UBND' and '744 /KH-UBND' name the same plan."""
    return "".join(text.split()).casefold()


def absence(plan: Plan, owed: Obligation) -> tuple[str, dict[str, Any]] | None:
    """Why a known unit owes no report for a year of the plan (message code and parameters: who
    reports for it instead), or None when it owes one (or the year is not the plan's)."""
    if owed.reason not in (NOT_YET, ENDED, MERGED, NOT_REPORTING):
        return None
    unit = plan.units_by_code[owed.unit]
    names = [plan.units_by_code[code].name for code in owed.instead]
    if owed.reason == NOT_YET and unit.start is not None:
        return "sub-unit-not-yet", {"unit_name": unit.name, "start": format_day(unit.start), "year": owed.year,
                                    "others": ", ".join(names) or "các đơn vị trước đó"}
    if owed.reason in (ENDED, MERGED) and unit.end is not None:
        others = ", ".join(names[:5]) + (f" và {len(names) - 5} đơn vị khác" if len(names) > 5 else "")
        code = "sub-unit-merged" if owed.reason == MERGED else "sub-unit-ended"
        return code, {"unit_name": unit.name, "end": format_day(unit.end), "year": owed.year,
                      "others": others or "đơn vị kế thừa"}
    return "sub-unit-not-reporting", {"unit_name": unit.name, "year": owed.year}


def _check_date(plan: Plan, sub: Submission, out: _Out, today: dt.date | None) -> None:
    cal = plan.reporting
    start, end = cal.window(sub.year)
    latest = cal.period_end.in_year(sub.year + 1)
    if today is not None and sub.submitted > today:
        out.add("sub-date-future", ("submitted",), date=format_day(sub.submitted), today=format_day(today))
    elif not (start <= sub.submitted <= latest):
        out.add("sub-date-implausible", ("submitted",), date=format_day(sub.submitted), year=sub.year,
                start=format_day(start), end=format_day(end), latest=format_day(latest))


def _check_sent_after_end(plan: Plan, sub: Submission, out: _Out) -> None:
    """A report owed by a unit (its closing report) but dated after the unit ceased: who sent it?"""
    unit = plan.units_by_code.get(sub.unit)
    if unit is None or unit.end is None or sub.submitted <= unit.end:
        return
    heirs = [u.name for u in plan.organisation.successors(unit.code)]
    others = ", ".join(heirs[:3]) + (f" và {len(heirs) - 3} đơn vị khác" if len(heirs) > 3 else "")
    out.add("sub-date-after-end", ("submitted",), date=format_day(sub.submitted), unit_name=unit.name,
            end=format_day(unit.end), others=others or "đơn vị kế thừa")


def _check_indicators(plan: Plan, sub: Submission, owed: Obligation, out: _Out, name: str) -> None:
    for ind_id, levels in sub.indicators.items():
        path: tuple[str, ...] = ("indicators", ind_id)
        ind = plan.indicators_by_id.get(ind_id)
        if ind is None:
            out.add("sub-indicator-unknown", path, prefer_key=True, id=ind_id, hint=hint(ind_id, plan.indicators_by_id))
            continue
        allowed = owed.levels_of(ind)
        if not allowed:
            out.add("sub-indicator-not-applicable", path, prefer_key=True, id=ind_id, unit_name=name)
            continue
        for level, counts in levels.items():
            lpath = path + (level,)
            if level not in allowed:
                out.add("sub-level-not-applicable", lpath, prefer_key=True, id=ind_id, level=level,
                        unit_name=name, valid=", ".join(allowed))
                continue
            _check_counts(plan, ind, counts, lpath, plan.levels_by_code[level].name, out)
            if ind.is_percent and isinstance(counts.denominator, int):
                _check_bounds(plan, ind, counts.denominator, lpath, level, sub, name, out)
    for ind, due in owed.indicators:
        reported = sub.indicators.get(ind.id, {})
        for level in due:
            if level not in reported:
                where = ("indicators", ind.id) if ind.id in sub.indicators else ("indicators",)
                out.add("sub-indicator-missing", where, prefer_key=True, id=ind.id, name=ind.name,
                        level=plan.levels_by_code[level].name)


def _check_counts(plan: Plan, ind: Any, counts: Any, lpath: tuple, level_name: str, out: _Out) -> None:
    """One indicator at one level: the right figures given, whole where they count items, within
    the plan's ceilings, a numerator not above its denominator."""
    sides = ("numerator", "denominator") if ind.is_percent else ("value",)
    wrong = ("value",) if ind.is_percent else ("numerator", "denominator")
    for side in wrong:
        if getattr(counts, side) is not None:
            out.add("sub-figure-not-used", lpath + (side,), prefer_key=True, field=side, id=ind.id,
                    use=" và ".join(sides))
    blank = [s for s in sides if getattr(counts, s) is None]
    for side in blank:  # written blank: reported on the raw file (blank_figures); left out: here
        if lpath + (side,) not in out.sf.source.keys:
            out.add("missing", lpath, prefer_key=True, field=side)
    if blank:
        return
    ceiling = plan.limits.money_max if ind.measure == "money" else plan.limits.count_max
    too_large = [s for s in sides if getattr(counts, s) > ceiling]
    for side in too_large:
        out.add("sub-value-too-large", lpath + (side,), amount=format_number(getattr(counts, side)),
                ceiling=format_number(ceiling))
    if too_large:
        return
    if ind.whole_numbers:
        for side in sides:
            v = getattr(counts, side)
            if not isinstance(v, int):
                out.add("sub-count-not-integer", lpath + (side,), id=ind.id,
                        count_unit=ind.count_unit or "số lượng", found=f"số {v}")
    if ind.value == "rank" and counts.value < 1:  # a position: 1 is the best, 0 is no rank at all
        out.add("sub-rank-zero", lpath + ("value",), id=ind.id, name=ind.name, found=format_number(counts.value))
    if not ind.is_percent:
        return
    if counts.numerator > counts.denominator:
        out.add("sub-numerator-exceeds", lpath + ("numerator",), id=ind.id, level=level_name,
                numerator=format_number(counts.numerator), denominator=format_number(counts.denominator),
                num_label=lower_first(ind.numerator), den_label=lower_first(ind.denominator))
    elif counts.denominator == 0:
        out.add("sub-zero-denominator", lpath + ("denominator",), id=ind.id, level=level_name)
    elif counts.denominator == 100 and ind.whole_numbers and not counts.note:
        out.add("sub-looks-like-percent", lpath + ("denominator",), id=ind.id, numerator=format_number(counts.numerator),
                den_label=lower_first(ind.denominator))


def _check_bounds(plan: Plan, ind: Any, denominator: int, lpath: tuple, level: str, sub: Submission, name: str,
                  out: _Out) -> None:
    """A denominator no larger than what the unit can count (`Indicator.denominator_bounds`):
    1 for a unit that counts itself, its subordinate units, a figure of the plan's text."""
    unit = plan.units_by_code[sub.unit]

    def common() -> dict[str, Any]:  # the words of a finding, only when there is one
        return {"id": ind.id, "name": ind.name, "level": plan.levels_by_code[level].name, "unit_name": name,
                "found": format_number(denominator)}

    for bound in ind.bounds_for(level, unit.kind):
        if bound.kind == "self":
            if denominator != 1:
                out.add("sub-denominator-self", lpath + ("denominator",), why=bound.reason, **common())
        elif bound.kind == "subordinates":
            count = len(subordinates(plan, sub.unit, sub.year))
            if denominator > count:
                out.add("sub-denominator-subordinates", lpath + ("denominator",), why=bound.reason,
                        bound=format_number(count), year=sub.year, **common())
        elif bound.value is not None and denominator > bound.value:
            out.add("sub-denominator-at-most", lpath + ("denominator",), why=bound.reason,
                    bound=format_number(bound.value), **common())


def subordinates(plan: Plan, unit_code: str, year: int) -> list[str]:
    """Units whose parent is `unit_code` and that exist on some day of the year's data period."""
    start, end = plan.window(year)
    return [u.code for u in plan.organisation.children(unit_code)
            if (u.start is None or u.start <= end) and (u.end is None or start <= u.end)]


def _money_scale(plan: Plan, task: Any, rep: Any, path: tuple, out: _Out) -> None:
    """A yearly amount a hundred times the row's planned cost, or a hundredth of it, is most
    likely a unit mistake ("1.500" read as 1.5): worth a second look, not a refusal."""
    cost = task.cost
    if not cost:
        return
    # A row shared by a group ("Các Sở, ban, ngành liên quan") is split among many units over
    # several years: one unit's yearly share is rightly a small part of it, only too much is odd.
    shared = task.lead in plan.groups_by_code
    for side in ("allocated", "disbursed"):
        amount = getattr(rep, side)
        if amount and (amount > cost * MONEY_SCALE or (not shared and amount * MONEY_SCALE < cost)):
            out.add("sub-money-scale-planned", path + (side,), tt=rep.tt, what=MONEY_WORDS[side],
                    amount=format_number(amount), planned=format_number(cost), unit=plan.money.unit,
                    ratio=money_ratio(amount, cost))


def _check_appendix(plan: Plan, sub: Submission, owed: Obligation, out: _Out, name: str) -> None:
    first: dict[str, int] = {}
    for i, rep in enumerate(sub.appendix):
        path = ("appendix", i)
        task = plan.row(rep.tt)
        if task is None:
            shown = ", ".join(str(a.tt) for a in plan.appendix[:8]) + (", …" if len(plan.appendix) > 8 else "")
            out.add("sub-task-unknown", path + ("tt",), tt=rep.tt, valid=shown or "(không có)")
            continue
        key = str(task.tt)
        if key in first:
            out.add("sub-task-duplicate", path + ("tt",), tt=rep.tt, first_line=out.sf.source.locate(("appendix", first[key]))[0])
            continue
        first[key] = i
        if not owed.may_report(task):
            lead = lead_of(plan, task, sub.year)
            holder = plan.units_by_code.get(lead) or plan.groups_by_code.get(lead)
            out.add("sub-task-not-lead", path + ("tt",), unit_name=name, tt=rep.tt, name=task.name,
                    lead=holder.name if holder is not None else task.lead_text)
            continue
        money = [s for s in ("allocated", "disbursed") if getattr(rep, s) is not None]
        if not task.funded:
            for side in money:
                out.add("sub-money-unfunded", path + (side,), prefer_key=True, tt=rep.tt)
            continue
        for side in ("allocated", "disbursed"):
            if getattr(rep, side) is None and path + (side,) not in out.sf.source.keys:
                out.add("missing", path, prefer_key=True, field=side)
        if len(money) < 2:
            continue
        allocated, disbursed = rep.allocated, rep.disbursed
        if allocated is None or disbursed is None:
            continue
        over = [(s, v) for s, v in (("allocated", allocated), ("disbursed", disbursed)) if v > plan.limits.money_max]
        for side, v in over:
            out.add("sub-value-too-large", path + (side,), amount=format_number(v), ceiling=format_number(plan.limits.money_max))
        if over:
            continue
        _money_scale(plan, task, rep, path, out)
        if disbursed > allocated:
            out.add("sub-disbursed-exceeds-allocated", path + ("disbursed",), tt=rep.tt, unit=plan.money.unit,
                    disbursed=format_number(disbursed), allocated=format_number(allocated))
        active = allocated > 0 or disbursed > 0 or rep.status != ReportStatus.NOT_STARTED
        if active and not row_in_year(task, sub.year):
            out.add("sub-task-outside-timeframe", path + ("tt",), tt=rep.tt, timeframe=task.timeframe_text, year=sub.year)
    for task in owed.own_rows:  # shared leads (a group): reported by whichever members took part, not required
        if str(task.tt) not in first:
            out.add("sub-task-missing", ("appendix",), prefer_key=True, tt=task.tt, name=task.name)


def _check_tasks(plan: Plan, sub: Submission, owed: Obligation, out: _Out, name: str) -> None:
    for task_id in sub.tasks:
        task = plan.tasks_by_id.get(task_id)
        path = ("tasks", task_id)
        if task is None:
            out.add("sub-qual-task-unknown", path, prefer_key=True, id=task_id, hint=hint(task_id, plan.tasks_by_id))
        elif all(t.id != task_id for t in owed.tasks):
            out.add("sub-qual-task-not-applicable", path, prefer_key=True, id=task_id, unit_name=name)
    for task in owed.required_tasks:
        if task.id not in sub.tasks:
            out.add("sub-qual-task-missing", ("tasks",), prefer_key=True, id=task.id, title=task.title)

