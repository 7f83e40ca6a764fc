"""The organisation's changes as a story: events grouped by day, the appendix rows whose lead
moved on that day (with their true previous and new leads), who leads the plan, and what a unit
became. Pure: the organisation and the plan in, codes and dates out; the words are the report's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from plan744.core.obligation import lead_of
from plan744.core.organisation import Event, Organisation, Unit
from plan744.core.plan import AppendixTask, Plan
from plan744.core.status import ReportStatus


@dataclass(frozen=True)
class Move:
    """Appendix rows whose lead passed from `old` to `new` on `date`."""

    date: dt.date
    old: str  # unit (or group) code
    new: str
    rows: tuple[int | str, ...]


def days(events: Iterable[Event]) -> list[tuple[dt.date, list[Event]]]:
    """Events grouped by the day they take effect, in order of day and then of the file."""
    out: dict[dt.date, list[Event]] = {}
    for e in sorted(events, key=lambda e: e.date):
        out.setdefault(e.date, []).append(e)
    return list(out.items())


def finished_before(task: AppendixTask, statuses: Iterable[tuple[int, Iterable[str]]], year: int) -> bool:
    """Whether the row was finished in a reporting year before `year`: the last statuses reported
    before it are all done and the row's timeframe was over by then (from the data, not guessed)."""
    before = [(y, tuple(s)) for y, s in statuses if y < year and s]
    if not before:
        return False
    last, found = max(before, key=lambda x: x[0])
    return all(ReportStatus(s).done for s in found) and task.timeframe.end <= last


def year_of(plan: Plan, day: dt.date) -> int:
    """The reporting year whose data period holds `day` (a window may start in December before)."""
    for year in (day.year, day.year + 1, day.year - 1):
        start, end = plan.window(year)
        if start <= day <= end:
            return year
    return day.year


def moves(plan: Plan, events: Iterable[Event], finished: Callable[[AppendixTask, int], bool]) -> list[Move]:
    """The rows whose lead changed in each reporting year with events (the lead at the end of the
    year before against the lead at the end of this one, as `core.obligation` decides it), dated
    by the event that ended the previous lead and grouped by (previous lead, new lead) in the
    order of the appendix; rows finished before that year (`finished(task, year)`) left out."""
    by_year: dict[int, list[Event]] = {}
    for e in sorted(events, key=lambda e: e.date):
        by_year.setdefault(year_of(plan, e.date), []).append(e)
    out: list[Move] = []
    for year, found in by_year.items():
        groups: dict[tuple[dt.date, str, str], list[int | str]] = {}
        for task in plan.appendix:
            old, new = lead_of(plan, task, year - 1), lead_of(plan, task, year)
            if old == new or finished(task, year):
                continue
            day = next((e.date for e in found if old in e.from_units), found[0].date)
            groups.setdefault((day, old, new), []).append(task.tt)
        out += [Move(day, old, new, tuple(rows)) for (day, old, new), rows in sorted(groups.items(), key=lambda kv: kv[0][0])]
    return out


def successor_on(org: Organisation, code: str, day: dt.date) -> str | None:
    """What a unit that ended became by `day`, through merges and renames (the last of a chain:
    Bảo hiểm xã hội tỉnh → khu vực VII → tỉnh Nghệ An); None if it still exists or ended with
    no single successor (a level that ended)."""
    unit = org.units_by_code.get(code)
    if unit is None or unit.alive_on(day):
        return None
    current, seen = code, {code}
    while True:
        nxt = next((e.to_units[0] for e in org.events_ending(current)
                    if e.kind in ("merge", "rename") and e.to_units and e.date <= day), None)
        if nxt is None or nxt in seen:
            break
        current = nxt
        seen.add(nxt)
    return current if current != code else None


def drafter_change(plan: Plan, day: dt.date) -> tuple[str, str] | None:
    """(previous holder, new holder) of the drafting role when it changed hands on `day`."""
    role = plan.report.drafting_role
    org = plan.organisation
    old, new = org.role_holder(role, day - dt.timedelta(days=1)), org.role_holder(role, day)
    return (old, new) if old and new and old != new else None


def started_on(org: Organisation, day: dt.date, kinds: Iterable[str] | None = None) -> list[Unit]:
    """Units whose first day is `day` (of the given kinds)."""
    wanted = set(kinds) if kinds is not None else None
    return [u for u in org.units if u.start == day and (wanted is None or u.kind in wanted)]


def ended_on(org: Organisation, last: dt.date, kinds: Iterable[str]) -> list[Unit]:
    wanted = set(kinds)
    return [u for u in org.units if u.end == last and u.kind in wanted]


def by_first_word(units: Iterable[Unit], prefixes: Iterable[str]) -> list[tuple[str, int]]:
    """How many units' names begin with each prefix ("Xã", "Phường"), most first; the longest
    prefix wins ("Thị xã" before "Xã")."""
    ordered = sorted(prefixes, key=len, reverse=True)
    counts: dict[str, int] = {}
    for u in units:
        hit = next((p for p in ordered if u.name.startswith(p + " ")), None)
        if hit is not None:
            counts[hit] = counts.get(hit, 0) + 1
    return sorted(counts.items(), key=lambda kv: -kv[1])


def runs_of(numbers: Iterable[int | str]) -> list[tuple[int | str, int | str | None]]:
    """Consecutive whole numbers as (first, last) when three or more follow each other, else
    (n, None): "1, 2, 4, 17 - 24"."""
    out: list[tuple[int | str, int | str | None]] = []
    items = list(numbers)
    i = 0
    while i < len(items):
        j = i
        while (j + 1 < len(items) and isinstance(items[j], int) and isinstance(items[j + 1], int)
               and items[j + 1] == items[j] + 1):  # type: ignore[operator]
            j += 1
        if j - i >= 2:
            out.append((items[i], items[j]))
        else:
            out += [(n, None) for n in items[i:j + 1]]
        i = j + 1
    return out
