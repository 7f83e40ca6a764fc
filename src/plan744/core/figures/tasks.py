"""The qualitative tasks of one year (each unit's account) and the units' own words."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from plan744.core.organisation import Unit
from plan744.core.plan import Plan, Task
from plan744.core.status import STATUSES, ReportStatus
from plan744.core.submission import Submission


@dataclass(frozen=True)
class Account:
    unit: Unit
    status: str
    text: str


@dataclass(frozen=True)
class TaskYear:
    task: Task
    accounts: tuple[Account, ...]

    @property
    def counts(self) -> list[tuple[str, int]]:
        """(status, number of units), in the order of the status list, zero counts left out."""
        out: dict[str, int] = defaultdict(int)
        for a in self.accounts:
            out[a.status] += 1
        return [(status, out[status]) for status in STATUSES if out[status]]

    @property
    def lagging(self) -> tuple[Account, ...]:
        """Accounts of units that have not started, are behind, or stopped: what the report names."""
        return tuple(a for a in self.accounts if ReportStatus(a.status).lagging)


@dataclass(frozen=True)
class AreaTasks:
    code: str
    name: str
    tasks: tuple[TaskYear, ...]


def task_years(plan: Plan, current: Iterable[Submission]) -> list[AreaTasks]:
    accounts: dict[str, list[Account]] = defaultdict(list)
    order = {u.code: i for i, u in enumerate(plan.units)}
    for sub in sorted(current, key=lambda s: order.get(s.unit, 0)):
        unit = plan.units_by_code.get(sub.unit)
        if unit is None:
            continue
        for task_id, rep in sub.tasks.items():
            accounts[task_id].append(Account(unit, rep.status, rep.account))
    areas = []
    for area in plan.areas:
        tasks = tuple(TaskYear(t, tuple(accounts.get(t.id, []))) for t in plan.tasks if t.area == area.code)
        if any(t.accounts for t in tasks):
            areas.append(AreaTasks(area.code, area.name, tuple(t for t in tasks if t.accounts)))
    return areas


SECTIONS = ("highlights", "shortcomings", "proposals")


@dataclass(frozen=True)
class NarrativeItem:
    unit: Unit
    text: str


def narratives(plan: Plan, current: Iterable[Submission]) -> dict[str, tuple[NarrativeItem, ...]]:
    """Each section of every unit's own words, in the organisation's order."""
    order = {u.code: i for i, u in enumerate(plan.units)}
    subs = sorted((s for s in current if s.unit in plan.units_by_code), key=lambda s: order[s.unit])
    return {section: tuple(NarrativeItem(plan.units_by_code[s.unit], getattr(s.narrative, section)) for s in subs)
            for section in SECTIONS}


# The plan's own status words (Kế hoạch 744): a task finished late is counted as finished.
PLAN_STATUSES: tuple[str, ...] = tuple(s.value for s in ReportStatus if s is not ReportStatus.DONE_LATE)


def plan_status(status: str) -> str:
    return ReportStatus.DONE.value if ReportStatus(status).done else status


@dataclass(frozen=True)
class TaskCoverage:
    """A task at a date: the latest account of each unit that still exists then."""

    task: Task
    accounts: tuple[Account, ...]

    @property
    def units(self) -> int:
        return len(self.accounts)

    @property
    def done(self) -> int:
        return sum(1 for a in self.accounts if ReportStatus(a.status).done)

    @property
    def counts(self) -> list[tuple[str, int]]:
        """(status in the plan's words, units), zero counts left out."""
        out: dict[str, int] = defaultdict(int)
        for a in self.accounts:
            out[plan_status(a.status)] += 1
        return [(s, out[s]) for s in PLAN_STATUSES if out[s]]

    @property
    def status(self) -> str:
        """The task's state across the units: done when all are, behind or stopped when any is
        and none has moved on, not started when none has begun, otherwise under way."""
        found = {plan_status(a.status) for a in self.accounts}
        if found == {ReportStatus.DONE.value}:
            return ReportStatus.DONE.value
        if found <= {ReportStatus.NOT_STARTED.value}:
            return ReportStatus.NOT_STARTED.value
        if found == {ReportStatus.STOPPED.value}:
            return ReportStatus.STOPPED.value
        if ReportStatus.BEHIND.value in found and not found & {ReportStatus.DONE.value, ReportStatus.IN_PROGRESS.value}:
            return ReportStatus.BEHIND.value
        return ReportStatus.IN_PROGRESS.value


@dataclass(frozen=True)
class AreaCoverage:
    code: str
    name: str
    tasks: tuple[TaskCoverage, ...]


def coverage(plan: Plan, years: Sequence[Sequence[AreaTasks]], on: dt.date) -> list[AreaCoverage]:
    """Each task's latest account per unit over `years` (oldest first), keeping only the units
    that still exist `on` that day: a district that ended mid-year no longer counts."""
    latest: dict[tuple[str, str], Account] = {}
    for year_areas in years:
        for area_tasks in year_areas:
            for ty in area_tasks.tasks:
                for account in ty.accounts:
                    latest[(ty.task.id, account.unit.code)] = account
    order = {u.code: i for i, u in enumerate(plan.units)}
    by_task: dict[str, list[Account]] = defaultdict(list)
    for (task_id, _), account in latest.items():
        if account.unit.alive_on(on):
            by_task[task_id].append(account)
    out = []
    for area in plan.areas:
        tasks = tuple(TaskCoverage(t, tuple(sorted(by_task[t.id], key=lambda a: order.get(a.unit.code, 0))))
                      for t in plan.tasks if t.area == area.code and by_task.get(t.id))
        if tasks:
            out.append(AreaCoverage(area.code, area.name, tasks))
    return out


def is_target(task: Task) -> bool:
    """A qualitative target of the plan (Phần thứ hai, III: mục tiêu) rather than a task (IV) or a
    solution (V)."""
    return task.id.startswith("III.")


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ỹ0-9\"“(])")


def short_sentence(text: str, limit: int = 170) -> str | None:
    """The first sentence of a unit's account, or its first clause (up to ";") when the
    sentence is long; None when neither is short enough. Never cut mid-clause."""
    one = " ".join(text.split()).strip()
    if not one:
        return None
    first = _SENTENCE_END.split(one, maxsplit=1)[0].rstrip()
    for candidate in (first, first.split("; ", 1)[0]):
        candidate = candidate.rstrip(" .;,:")
        if 0 < len(candidate) <= limit:
            return candidate + "."
    return None


_NOTHING = re.compile(r"(?<![\d,.])0 ")  # "xử lý 0 sự cố": nothing to tell


def highlights(task: TaskCoverage, n: int = 2, limit: int = 170, turn: int = 0) -> list[tuple[Unit, str]]:
    """Up to `n` short sentences of what was done, from different kinds of unit, finished work
    first, the same sentence never twice; `turn` starts further down the list, so that tasks
    side by side quote different units."""
    accounts = list(task.accounts)
    if accounts:
        k = turn % len(accounts)
        accounts = accounts[k:] + accounts[:k]
    ranked = sorted(accounts, key=lambda a: (not ReportStatus(a.status).done, a.status == ReportStatus.NOT_STARTED))
    out: list[tuple[Unit, str]] = []
    seen_kinds: set[str] = set()
    seen_texts: set[str] = set()
    for pass_kinds in (True, False):
        for a in ranked:
            if len(out) >= n:
                return out
            if pass_kinds and a.unit.kind in seen_kinds:
                continue
            sentence = short_sentence(a.text, limit)
            if sentence is None or _NOTHING.search(sentence) or sentence in seen_texts or any(u is a.unit for u, _ in out):
                continue
            out.append((a.unit, sentence))
            seen_kinds.add(a.unit.kind)
            seen_texts.add(sentence)
    return out
