"""The qualitative tasks of one year (each unit's account) and the units' own words."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
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
