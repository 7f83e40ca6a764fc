"""Cross-checks of units' submissions against the plan and against each other.

Pure: takes the plan and already-parsed submissions (with their source maps and the
folder/file names they came from) and returns findings. Checks that need other files
(cumulative disbursement, duplicates, year-on-year jumps) look at `context`, the other
submissions on file, but only report on `targets`.
"""

from __future__ import annotations

import datetime as dt
import marshal
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, localcontext
from typing import Any

from plan744.core.findings import Finding, SourceMap
from plan744.core.labels import lower_first
from plan744.core.layout import is_year_folder
from plan744.core.messages import make
from plan744.core.numbers import EXACT
from plan744.core.plan import Plan
from plan744.core.submission import Submission
from plan744.core.suggest import closest, hint
from plan744.core.vnformat import format_number

JUMP_RATIO = 5  # a figure five times (or a fifth of) last year's is worth a second look
JUMP_MIN = 50  # ... unless both are small, where such swings are ordinary
MONEY_SCALE = 100  # an amount a hundred times (or a hundredth of) the one it is compared with: a unit slip


@dataclass(frozen=True, slots=True, eq=False)  # identity: two files are never "equal"
class SubmissionFile:
    """A parsed submission and where it came from."""

    submission: Submission
    source: SourceMap
    folder: str  # name of the folder holding the file ("2022" by convention)
    stem: str  # file name without extension ("STTTT" by convention)


class _Out:
    def __init__(self, sf: SubmissionFile) -> None:
        self.sf = sf
        self.findings: list[Finding] = []

    def add(self, code: str, path: tuple, *, prefer_key: bool = False, **params: Any) -> None:
        line, column = self.sf.source.locate(path, prefer_key=prefer_key)
        self.findings.append(make(code, file=self.sf.source.file, line=line, column=column, path=path, **params))


@dataclass(frozen=True, slots=True, eq=False)
class FileRecord:
    """What the cross-file checks need of one submission, with the positions they report at.
    A few hundred bytes, so `validate` keeps one per file instead of the whole parse."""

    file: str
    unit: str
    year: int
    unit_pos: tuple[int, int]
    # (index in the appendix list, row number as text, "allocated" or "disbursed", amount, position):
    # cumulative spending and last year's amounts are compared with these
    money: tuple[tuple[int, str, str, Decimal, tuple[int, int]], ...]
    # (indicator, level, side) -> figure, packed into a store shared by all the records of a run
    # (`FigureStore`): a validate of 100,000 files keeps 100,000 records, and one large buffer
    # instead of 100,000 small objects. No positions: a jump is rare, so its finding carries only
    # the path and the caller locates it (loading.locate_findings re-reads that file).
    store: FigureStore
    span: int  # start << 32 | end in the store's buffer: one small int instead of a tuple of two
    # A workbook's cells of the paths reported above (unit, money), so that a finding about
    # a workbook names its cell without the file being read again; None for a text file.
    cells: dict[tuple, str] | None = None

    @property
    def figures(self) -> dict[tuple[str, str, str], int | Decimal]:
        return self.store.read(self.span >> 32, self.span & 0xFFFFFFFF)

    def finding(self, code: str, pos: tuple[int, int], path: tuple, **params: Any) -> Finding:
        cell = self.cells.get(path, "") if self.cells else ""
        return make(code, file=self.file, line=pos[0], column=pos[1], path=path, cell=cell, **params)


def record_of(sf: SubmissionFile, store: FigureStore | None = None) -> FileRecord:
    sub, locate = sf.submission, sf.source.locate
    store = store if store is not None else FigureStore()
    money = tuple((i, str(rep.tt), side, amount, store.position(locate(("appendix", i, side))))
                  for i, rep in enumerate(sub.appendix)
                  for side in ("allocated", "disbursed") if (amount := getattr(rep, side)) is not None)
    cells = None
    if sf.source.cells:
        paths = [("unit",)] + [("appendix", i, side) for i, _, side, *_ in money]
        cells = {path: sf.source.cell(path) for path in paths}
    return FileRecord(
        file=sf.source.file,
        unit=sys.intern(sub.unit),
        year=sub.year,
        unit_pos=store.position(locate(("unit",))),
        money=money,
        store=store,
        span=store.add(
            ((ind_id, level, side), getattr(counts, side))
            for ind_id, levels in sub.indicators.items()
            for level, counts in levels.items()
            for side in ("numerator", "denominator", "value")
            if getattr(counts, side) is not None
        ),
        cells=cells,
    )


RecordRow = tuple[str, str, int, tuple[int, int], tuple, list, "dict[tuple, str] | None"]


def record_row(rec: FileRecord) -> RecordRow:
    """A record as plain values, free of its store (to be kept between runs)."""
    return (rec.file, rec.unit, rec.year, rec.unit_pos, rec.money, list(rec.figures.items()), rec.cells)


def record_from(row: RecordRow, store: FigureStore) -> FileRecord:
    file, unit, year, unit_pos, money, figures, cells = row
    return FileRecord(file=file, unit=sys.intern(unit), year=year, unit_pos=store.position(unit_pos),
                      money=money, store=store, span=store.add(figures), cells=cells)


class FigureStore:
    """The figures of many records in one buffer: each (indicator, level, side) gets a number
    the first time it is seen, and a record's figures are marshalled (number, value) pairs, a
    decimal as its exact text. Positions shared by many records are kept once."""

    __slots__ = ("buffer", "ids", "keys", "positions")

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.ids: dict[tuple[str, str, str], int] = {}
        self.keys: list[tuple[str, str, str]] = []
        self.positions: dict[tuple[int, int], tuple[int, int]] = {}

    def position(self, pos: tuple[int, int]) -> tuple[int, int]:
        return self.positions.setdefault(pos, pos)

    def add(self, items: Iterable[tuple[tuple[str, str, str], int | Decimal]]) -> int:
        flat: list[int | str] = []
        for key, value in items:
            kid = self.ids.get(key)
            if kid is None:
                kid = self.ids[key] = len(self.keys)
                self.keys.append(key)
            flat += [kid, value if isinstance(value, int) else str(value)]
        start = len(self.buffer)
        self.buffer += marshal.dumps(tuple(flat))
        return start << 32 | len(self.buffer)

    def read(self, start: int, end: int) -> dict[tuple[str, str, str], int | Decimal]:
        flat = marshal.loads(bytes(self.buffer[start:end]))
        keys = self.keys
        return {keys[flat[i]]: v if isinstance(v := flat[i + 1], int) else Decimal(v) for i in range(0, len(flat), 2)}


def blank_figures(plan: Plan, data: Any, source: SourceMap) -> list[Finding]:
    """Figures written as blanks (`numerator:` with nothing after it), found on the raw file so
    that they are reported in the same round as every other blank, before the model has passed.
    Each says what belongs there, in the plan's words."""
    out: list[Finding] = []
    if not isinstance(data, dict):
        return out

    def add(path: tuple, expected: str) -> None:
        line, column = source.locate(path)
        out.append(make("blank", file=source.file, line=line, column=column, path=path, expected=expected))

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


def check_across(plan: Plan, targets: Sequence[FileRecord], context: Sequence[FileRecord] = ()) -> list[Finding]:
    """Checks that need other files on record: duplicates, cumulative spending, jumps.
    Reports only on `targets`."""
    everything = list(targets) + _others(targets, context)
    with localcontext(EXACT):  # sums and ratios of bounded figures, never rounded
        by_year = _by_year_and_unit(everything)  # last year's record of each unit, for both jump checks
        return (_duplicates(targets, everything) + _cumulative(plan, targets, everything)
                + _jumps(plan, targets, by_year) + _money_jumps(plan, targets, by_year))


def _others(targets: Sequence[FileRecord], context: Sequence[FileRecord]) -> list[FileRecord]:
    """The context's records of files that are not targets (the set of names is let go at once)."""
    if not context:
        return []
    target_files = {t.file for t in targets}
    return [c for c in context if c.file not in target_files]


def locate_with(finding: Finding, source: SourceMap) -> Finding:
    """The finding at the position of its path in `source`."""
    line, column = source.locate(finding.path)
    return replace(finding, line=line, column=column)


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
    if sf.stem != sub.unit and sub.unit in plan.units_by_code:  # an unknown code gets its own hint below
        out.add("sub-path-unit", ("unit",), stem=sf.stem, unit=sub.unit)
    if sub.year not in plan.period.years:
        out.add("sub-year-outside-period", ("year",), year=sub.year, start=plan.period.start, end=plan.period.end)
    _check_date(plan, sub, out, today)
    if sub.unit not in plan.units_by_code:
        guess = closest(sub.unit, plan.units_by_code)
        out.add("sub-unit-unknown", ("unit",), unit=sub.unit, hint=f" Có phải ý là “{guess}”?" if guess else "",
                fixes=(guess,) if guess else ())
        return  # everything below depends on who the unit is
    if sub.year in plan.period.years and not _owes(plan, sub):
        _not_in_year(plan, sub, out)
        return
    name = unit_label(plan, sub.unit)
    _check_indicators(plan, sub, out, name)
    _check_appendix(plan, sub, out, name)
    _check_tasks(plan, sub, out, name)


def _plan_key(text: str) -> str:
    """'744/KH-UBND' and '744 /KH-UBND' name the same plan."""
    return "".join(text.split()).casefold()


def _owes(plan: Plan, sub: Submission) -> bool:
    return plan.organisation.coverage(sub.unit, plan.window(sub.year), plan.deadline(sub.year)) is not None


def absence(plan: Plan, unit_code: str, year: int) -> tuple[str, dict[str, Any]] | None:
    """Why `unit_code` owes no report for `year` (message code and parameters: who reports for
    it instead), or None when it owes one."""
    if plan.organisation.coverage(unit_code, plan.window(year), plan.deadline(year)) is not None:
        return None
    org = plan.organisation
    unit = plan.units_by_code[unit_code]
    start, end = plan.window(year)
    fmt = "%d/%m/%Y"
    if unit.start is not None and unit.start > end:
        names = ", ".join(u.name for u in org.predecessors(unit.code)) or "các đơn vị trước đó"
        return "sub-unit-not-yet", {"unit_name": unit.name, "start": unit.start.strftime(fmt), "year": year, "others": names}
    if unit.end is not None:
        after = org.successors(unit.code)
        names = ", ".join(u.name for u in after[:5]) + (f" và {len(after) - 5} đơn vị khác" if len(after) > 5 else "")
        code = "sub-unit-merged" if start <= unit.end < end else "sub-unit-ended"
        return code, {"unit_name": unit.name, "end": unit.end.strftime(fmt), "year": year, "others": names or "đơn vị kế thừa"}
    return "sub-unit-not-reporting", {"unit_name": unit.name, "year": year}


def _not_in_year(plan: Plan, sub: Submission, out: _Out) -> None:
    """A unit that owes nothing for the year: say who reports for it, and why."""
    why = absence(plan, sub.unit, sub.year)
    if why is not None:
        out.add(why[0], ("unit",), **why[1])


def _check_date(plan: Plan, sub: Submission, out: _Out, today: dt.date | None) -> None:
    cal = plan.reporting
    start, end = cal.window(sub.year)
    latest = cal.period_end.in_year(sub.year + 1)
    fmt = "%d/%m/%Y"
    if today is not None and sub.submitted > today:
        out.add("sub-date-future", ("submitted",), date=sub.submitted.strftime(fmt), today=today.strftime(fmt))
    elif not (start <= sub.submitted <= latest):
        out.add("sub-date-implausible", ("submitted",), date=sub.submitted.strftime(fmt), year=sub.year,
                start=start.strftime(fmt), end=end.strftime(fmt), latest=latest.strftime(fmt))


def _check_indicators(plan: Plan, sub: Submission, out: _Out, name: str) -> None:
    for ind_id, levels in sub.indicators.items():
        path: tuple[str, ...] = ("indicators", ind_id)
        ind = plan.indicators_by_id.get(ind_id)
        if ind is None:
            out.add("sub-indicator-unknown", path, prefer_key=True, id=ind_id, hint=hint(ind_id, plan.indicators_by_id))
            continue
        allowed = plan.indicator_levels_for(ind, sub.unit)
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
    for ind, allowed in plan.indicators_for(sub.unit, sub.year):
        reported = sub.indicators.get(ind.id, {})
        for level in allowed:
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
    common = {"id": ind.id, "name": ind.name, "level": plan.levels_by_code[level].name, "unit_name": name,
              "found": format_number(denominator)}
    for bound in ind.bounds_for(level, unit.kind):
        if bound.kind == "self":
            if denominator != 1:
                out.add("sub-denominator-self", lpath + ("denominator",), why=bound.reason, **common)
        elif bound.kind == "subordinates":
            count = len(subordinates(plan, sub.unit, sub.year))
            if denominator > count:
                out.add("sub-denominator-subordinates", lpath + ("denominator",), why=bound.reason,
                        bound=format_number(count), year=sub.year, **common)
        elif bound.value is not None and denominator > bound.value:
            out.add("sub-denominator-at-most", lpath + ("denominator",), why=bound.reason,
                    bound=format_number(bound.value), **common)


def subordinates(plan: Plan, unit_code: str, year: int) -> list[str]:
    """Units whose parent is `unit_code` and that exist on some day of the year's data period."""
    start, end = plan.window(year)
    return [u.code for u in plan.units if u.parent == unit_code
            and (u.start is None or u.start <= end) and (u.end is None or start <= u.end)]


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
            out.add("sub-money-scale-planned", path + (side,), tt=rep.tt, what=_MONEY_WORDS[side],
                    amount=format_number(amount), planned=format_number(cost), unit=plan.money.unit,
                    ratio=_ratio(amount, cost))


def _ratio(a: int | Decimal, b: int | Decimal) -> str:
    """How many times the larger is the smaller, as the messages write it ("1.000", "12,5")."""
    small, big = sorted((Decimal(a), Decimal(b)))
    if small == 0:
        return "∞"
    with localcontext(EXACT):
        ratio = (big / small).quantize(Decimal("0.1"))
    return format_number(ratio.quantize(Decimal(1)) if ratio == ratio.to_integral_value() else ratio)


_MONEY_WORDS = {"allocated": "Vốn bố trí", "disbursed": "Vốn giải ngân"}


def _check_appendix(plan: Plan, sub: Submission, out: _Out, name: str) -> None:
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
        if not plan.leads(task, sub.unit, sub.year):
            lead = plan.lead_in(task, sub.year)
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
        active = allocated > 0 or disbursed > 0 or rep.status != "chua_trien_khai"
        if active and not (task.timeframe.start <= sub.year <= task.timeframe.end):
            out.add("sub-task-outside-timeframe", path + ("tt",), tt=rep.tt, timeframe=task.timeframe_text, year=sub.year)
    for task in plan.appendix:
        in_time = task.timeframe.start <= sub.year <= task.timeframe.end
        # Shared leads (a group) are reported by whichever members took part: not required.
        if plan.lead_in(task, sub.year) == sub.unit and in_time and str(task.tt) not in first:
            out.add("sub-task-missing", ("appendix",), prefer_key=True, tt=task.tt, name=task.name)


def _check_tasks(plan: Plan, sub: Submission, out: _Out, name: str) -> None:
    for task_id in sub.tasks:
        task = plan.tasks_by_id.get(task_id)
        path = ("tasks", task_id)
        if task is None:
            out.add("sub-qual-task-unknown", path, prefer_key=True, id=task_id, hint=hint(task_id, plan.tasks_by_id))
        elif task.reporters is not None and sub.unit not in task.reporters:
            out.add("sub-qual-task-not-applicable", path, prefer_key=True, id=task_id, unit_name=name)
    for task in plan.tasks_for(sub.unit):
        if task.required and task.id not in sub.tasks:
            out.add("sub-qual-task-missing", ("tasks",), prefer_key=True, id=task.id, title=task.title)


def _by_year_and_unit(records: Iterable[FileRecord], *, first: bool = False) -> dict[int, dict[str, FileRecord]]:
    """year -> unit -> the record (for a unit and year given twice, the last one given, or the
    first with `first`). Two levels instead of (unit, year) keys: over 100,000 records, no tuple
    is made per record."""
    out: dict[int, dict[str, FileRecord]] = {}
    for rec in records:
        year = out.get(rec.year)
        if year is None:
            year = out[rec.year] = {}
        if not (first and rec.unit in year):
            year[rec.unit] = rec
    return out


def _duplicates(targets: Sequence[FileRecord], everything: Sequence[FileRecord]) -> list[Finding]:
    """One finding per extra copy of a unit's report for a year, naming the first copy (by file
    name): linear in the number of copies, never one per pair. Only units given twice get a
    group: the other records cost no object each."""
    first = _by_year_and_unit(everything, first=True)
    group_of: dict[int, list[FileRecord]] = {}  # id of a group's first record -> its group
    for rec in everything:
        seen = first[rec.year][rec.unit]
        if seen is not rec:
            group = group_of.get(id(seen))
            if group is None:
                group = group_of[id(seen)] = [seen]
            group.append(rec)
    if not group_of:
        return []
    in_groups = {id(rec) for group in group_of.values() for rec in group}
    wanted = {id(t) for t in targets if id(t) in in_groups}
    out = []
    for group in [group_of[id(rec)] for rec in everything if id(rec) in group_of]:  # in the files' order
        group = sorted(group, key=lambda r: r.file)
        head = group[0]
        flagged = [rec for rec in group[1:] if id(rec) in wanted]
        for rec in flagged:
            out.append(rec.finding("sub-duplicate", rec.unit_pos, ("unit",), unit=rec.unit, year=rec.year, other=head.file))
        if id(head) in wanted and not flagged:  # checked alone: still told that a copy exists
            out.append(head.finding("sub-duplicate", head.unit_pos, ("unit",), unit=head.unit, year=head.year,
                                    other=group[1].file))
    return out


def first_copies(records: Sequence[FileRecord]) -> list[FileRecord]:
    """One record per (unit, year), the first by file name: a duplicate is reported, never summed.
    Listed year by year."""
    chosen = _by_year_and_unit(sorted(records, key=lambda r: r.file), first=True)
    return [rec for units in chosen.values() for rec in units.values()]


def _cumulative(plan: Plan, targets: Sequence[FileRecord], everything: Sequence[FileRecord]) -> list[Finding]:
    # Disbursed per task and year, over every unit that reported it (shared leads add up).
    per_year: dict[str, dict[int, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for rec in first_copies(everything):
        for _, tt, side, amount, _ in rec.money:
            if side == "disbursed":
                per_year[tt][rec.year] += amount
    findings = []
    for rec in targets:
        for i, tt, side, _, pos in rec.money:
            task = plan.row(tt)
            if side != "disbursed" or task is None or task.cost is None or not plan.leads(task, rec.unit, rec.year):
                continue
            upto = {y: v for y, v in sorted(per_year[tt].items()) if y <= rec.year}
            cumulative = sum(upto.values(), Decimal(0))
            if cumulative > task.cost:
                detail = " + ".join(f"{format_number(v)} ({y})" for y, v in upto.items())
                findings.append(rec.finding(
                    "sub-cumulative-exceeds-planned", pos, ("appendix", i, "disbursed"), tt=tt, year=rec.year, unit=plan.money.unit,
                    cumulative=format_number(cumulative), detail=detail, planned=format_number(task.cost)))
    return findings


def _jumps(plan: Plan, targets: Sequence[FileRecord], by_year: dict[int, dict[str, FileRecord]]) -> list[Finding]:
    findings = []
    for rec in targets:
        prev = by_year.get(rec.year - 1, {}).get(rec.unit)
        if prev is None:
            continue
        before = prev.figures
        for (ind_id, level, side), now in rec.figures.items():
            ind = plan.indicators_by_id.get(ind_id)
            then = before.get((ind_id, level, side))
            if ind is None or then is None or level not in plan.levels_by_code:
                continue
            small, big = sorted((now, then))
            if big >= JUMP_MIN and (small == 0 or big / small >= JUMP_RATIO):
                ratio = "∞" if small == 0 else format_number((Decimal(big) / Decimal(small)).quantize(Decimal("0.1")))
                label = {"denominator": ind.denominator, "numerator": ind.numerator}.get(side, ind.quantity)
                findings.append(rec.finding(
                    "sub-jump", (0, 0), ("indicators", ind_id, level, side), prev_year=prev.year, year=rec.year,
                    what=f"{lower_first(label)} ({ind_id}, {plan.levels_by_code[level].name})",
                    prev=format_number(then), current=format_number(now), ratio=ratio))
    return findings


def _money_jumps(plan: Plan, targets: Sequence[FileRecord], by_year: dict[int, dict[str, FileRecord]]) -> list[Finding]:
    """An appendix amount a hundred times (or a hundredth of) the same row's amount in the unit's
    report of the year before: "1.500" typed where 1500 was meant reads as 1.5. Zero on either side
    says nothing (no money that year) and is left alone."""
    findings = []
    for rec in targets:
        if not rec.money:
            continue
        prev = by_year.get(rec.year - 1, {}).get(rec.unit)
        if prev is None:
            continue
        before = {(tt, side): amount for _, tt, side, amount, _ in prev.money}
        for i, tt, side, now, pos in rec.money:
            then = before.get((tt, side))
            if not then or not now or not (now > then * MONEY_SCALE or now * MONEY_SCALE < then):
                continue
            findings.append(rec.finding(
                "sub-money-scale-previous", pos, ("appendix", i, side), tt=tt, what=_MONEY_WORDS[side],
                prev_year=prev.year, year=rec.year, prev=format_number(then), current=format_number(now),
                unit=plan.money.unit, ratio=_ratio(now, then)))
    return findings
