"""What a unit owes for a reporting year, decided in one place.

`obligation(plan, unit, year)` answers, for one unit and one year: whether it owes a report
and, if not, why (a code: the unit is unknown, the year is outside the plan's period, the
unit does not exist yet, it ended, it merged into a successor that reports the whole year,
its kind reports nothing); the part of the year its report covers and its deadline; the
indicators and levels due; the appendix rows it leads (required) or may report through a
group (shared); the qualitative tasks addressed to it (required or optional).

The forms lay out exactly these terms, the checks hold a file to them, the annual figures
count who owed what, and `new-report` refuses a unit that owes nothing: none of them decides
on its own. The terms are filled for every known unit, whether it owes or not: a report sent
anyway (`convert`, `validate`) is laid out and checked against what the unit would owe.

Pure: codes and plan objects, no words, no I/O. Answers are kept per plan object (a validate
of many files asks the same few hundred questions).
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import MappingProxyType

from plan744.core.organisation import Coverage
from plan744.core.plan import AppendixTask, Indicator, Plan, Task
from plan744.core.span import Span

# Why a unit owes nothing for a year (None: it owes a report).
UNKNOWN_UNIT = "unknown_unit"
OUTSIDE_PERIOD = "outside_period"  # the terms are still filled: a file for that year is checked against them
NOT_YET = "not_yet"  # the unit begins after the year's data period; `instead`: its predecessors
ENDED = "ended"  # the unit ended before (or outside) the year's data period; `instead`: its successors
MERGED = "merged"  # it ended during the year and its successor reports the whole year; `instead`: successors
NOT_REPORTING = "not_reporting"  # its kind reports nothing (or no rule gives it a part of the year)


@dataclass(frozen=True, eq=False)
class Obligation:
    unit: str
    year: int
    reason: str | None  # None: the unit owes a report for the year
    in_period: bool  # the year is one of the plan's (a file for another year is refused, whoever sent it)
    instead: tuple[str, ...]  # with NOT_YET, ENDED, MERGED: the units that report in its place
    includes: tuple[str, ...]  # units that merged into it during the year: its report covers their part too
    coverage: Coverage | None  # the part of the year covered and its deadline (None: the unit has no part)
    window: tuple[dt.date, dt.date]  # the year's data period
    year_deadline: dt.date  # the plan's deadline for the year
    levels: tuple[str, ...]  # the levels whose counts the unit reports, its own first
    accepted: Mapping[str, tuple[str, ...]]  # indicator id -> levels the unit may report (any stage)
    indicators: tuple[tuple[Indicator, tuple[str, ...]], ...]  # due this year, with their levels
    own_rows: tuple[AppendixTask, ...]  # appendix rows in their timeframe that it leads (required)
    shared_rows: tuple[AppendixTask, ...]  # rows in their timeframe shared through a group (optional)
    reportable_rows: frozenset[str]  # every row (as text) it may report on this year: own or shared
    tasks: tuple[Task, ...]  # qualitative tasks addressed to it, required and optional

    @property
    def owes(self) -> bool:
        return self.reason is None

    @property
    def start(self) -> dt.date:
        """First day covered (the year's first day when it owes nothing)."""
        return self.coverage.start if self.coverage else self.window[0]

    @property
    def end(self) -> dt.date:
        return self.coverage.end if self.coverage else self.window[1]

    @property
    def deadline(self) -> dt.date:
        return self.coverage.deadline if self.coverage else self.year_deadline

    @property
    def whole(self) -> bool:
        return self.coverage is None or self.coverage.whole

    @property
    def required_tasks(self) -> tuple[Task, ...]:
        return tuple(t for t in self.tasks if t.required)

    @property
    def optional_tasks(self) -> tuple[Task, ...]:
        return tuple(t for t in self.tasks if not t.required)

    def levels_of(self, indicator: Indicator) -> tuple[str, ...]:
        """The levels of `indicator` the unit may report; empty if none."""
        return self.accepted.get(indicator.id, ())

    def may_report(self, task: AppendixTask) -> bool:
        """Whether the unit may report on the appendix row this year (it leads it, or shares it)."""
        return str(task.tt) in self.reportable_rows


def row_in_year(task: AppendixTask, year: int) -> bool:
    """Whether the row's timeframe includes `year` (it is due that year)."""
    return Span.of(task.timeframe).covers(year)


def lead_of(plan: Plan, task: AppendixTask, year: int) -> str:
    """Who leads the row in `year` (a unit or a group), moved by the organisation's events."""
    return plan.lead_in(task, year)


def may_report_row(plan: Plan, task: AppendixTask, unit_code: str, year: int) -> bool:
    """Whether `unit_code` leads the row in `year`, or shares its lead through a group."""
    return plan.leads(task, unit_code, year)


def obligation(plan: Plan, unit_code: str, year: int) -> Obligation:
    """What `unit_code` owes for `year` (computed once per plan, unit and year)."""
    memo = _memo(plan)
    kept = memo.obligations
    found = kept.get((unit_code, year))
    if found is None:
        found = kept[(unit_code, year)] = _obligation(plan, unit_code, year)
        while len(kept) > memo.limit:  # oldest first: a run over 100.000 units' files stays flat in memory
            del kept[next(iter(kept))]
    return found


def obligations(plan: Plan, year: int) -> dict[str, Obligation]:
    """Every unit's obligation for `year`, in the organisation's order (owing or not)."""
    return {u.code: obligation(plan, u.code, year) for u in plan.units}


def _obligation(plan: Plan, unit_code: str, year: int) -> Obligation:
    window, year_deadline = plan.window(year), plan.deadline(year)
    in_period = Span.of(plan.period).covers(year)
    unit = plan.units_by_code.get(unit_code)
    if unit is None:
        return Obligation(unit_code, year, UNKNOWN_UNIT, in_period, (), (), None, window, year_deadline, (),
                          MappingProxyType({}), (), (), (), frozenset(), ())
    org = plan.organisation
    coverage = org.coverage(unit_code, window, year_deadline)
    reason: str | None = None
    instead: tuple[str, ...] = ()
    if not in_period:
        reason = OUTSIDE_PERIOD  # the coverage is kept: the terms of a file made for that year anyway
    elif coverage is None:
        start, end = window
        if unit.start is not None and unit.start > end:
            reason, instead = NOT_YET, tuple(u.code for u in org.predecessors(unit_code))
        elif unit.end is not None:
            reason = MERGED if start <= unit.end < end else ENDED
            instead = tuple(u.code for u in org.successors(unit_code))
        else:
            reason = NOT_REPORTING
    accepted = {ind.id: tuple(levels) for ind, levels in plan.indicators_for(unit_code)}
    due = tuple((ind, accepted[ind.id]) for ind, _ in plan.indicators_for(unit_code, year))
    rows = _rows(plan, year)
    groups, kind = plan.groups_by_code, unit.kind
    # `may_report_row` of each row, with the year's leads worked out once for every unit
    may = [lead == unit_code or ((group := groups.get(lead)) is not None and kind in group.member_kinds)
           for lead in rows.leads]
    own_list: list[AppendixTask] = []
    shared_list: list[AppendixTask] = []
    for i in rows.due:
        t = plan.appendix[i]
        if rows.leads[i] == unit_code:
            own_list.append(t)
        elif may[i]:
            shared_list.append(t)
    own, shared = tuple(own_list), tuple(shared_list)
    reportable = frozenset(str(t.tt) for t, m in zip(plan.appendix, may, strict=True) if m)
    return Obligation(
        unit=unit_code, year=year, reason=reason, in_period=in_period, instead=instead,
        includes=_includes(plan, unit_code, window, coverage), coverage=coverage, window=window,
        year_deadline=year_deadline, levels=tuple(plan.unit_levels(unit_code)), accepted=MappingProxyType(accepted),
        indicators=due, own_rows=own, shared_rows=shared, reportable_rows=reportable,
        tasks=tuple(plan.tasks_for(unit_code)),
    )


@dataclass(frozen=True)
class _Rows:
    """The appendix in one year, the same for every unit: the rows due, their leads."""

    due: tuple[int, ...]  # indexes of the rows whose timeframe includes the year
    leads: tuple[str, ...]  # each row's lead in the year (a unit or a group), by index


def _rows(plan: Plan, year: int) -> _Rows:
    memo = _memo(plan)
    found = memo.years.get(year)
    if found is None:
        found = memo.years[year] = _Rows(tuple(i for i, t in enumerate(plan.appendix) if row_in_year(t, year)),
                                         tuple(lead_of(plan, t, year) for t in plan.appendix))
    return found


def _includes(plan: Plan, unit_code: str, window: tuple[dt.date, dt.date], coverage: Coverage | None) -> tuple[str, ...]:
    """The predecessors whose part of the year the unit's report covers: those it was formed from
    (a unit that began during the year under the successor rule), and those that merged into it
    during the year (their last day within the data period, before the period's last day)."""
    if coverage is None:
        return ()
    found = list(coverage.includes)
    start, end = window
    for event in plan.organisation.events_beginning(unit_code):
        if event.rule == "successor" and start <= event.date - dt.timedelta(days=1) < end:
            found += event.from_units
    return tuple(dict.fromkeys(found))


MEMO_LIMIT = 4096
"""Obligations kept per plan: every unit of a province for a few years (a report asks for all of them,
a validation of one folder for each file's unit once); beyond it the oldest are dropped and, if asked
again, recomputed (about 3,5 KiB each, so the memo stays under 15 MB however many files are checked)."""


@contextmanager
def memo_bound(plan: Plan, limit: int) -> Iterator[None]:
    """Within the block, keep at most `limit` of the plan's obligations. A validation asks once for
    each file's unit and year, so a long run gains nothing from a large memo: only its memory grows
    (about 3,5 KiB per obligation kept)."""
    memo = _memo(plan)
    before, memo.limit = memo.limit, min(limit, memo.limit)
    try:
        yield
    finally:
        memo.limit = before


@dataclass(eq=False)
class _Memo:
    """What is kept for one plan object: its obligations by (unit, year), its rows by year."""

    obligations: dict[tuple[str, int], Obligation] = field(default_factory=dict)
    years: dict[int, _Rows] = field(default_factory=dict)
    limit: int = MEMO_LIMIT


# plan object (by id, checked against a weak reference) -> what is kept for it
_MEMOS: dict[int, tuple[weakref.ref[Plan], _Memo]] = {}


def _memo(plan: Plan) -> _Memo:
    key = id(plan)
    entry = _MEMOS.get(key)
    if entry is None or entry[0]() is not plan:
        entry = _MEMOS[key] = (weakref.ref(plan), _Memo())
        weakref.finalize(plan, _MEMOS.pop, key, None)
    return entry[1]
