"""Task progress on a date (issue 27): which tasks are done on time, done late, overdue or not
yet due, per lead unit, per area and for the whole plan, from the units' status reports.

Nothing here is typed by a unit: the state of a task comes from its deadline (`core.deadline`),
the status reported and the completion date. On a date D (`as_of`):
- only reports sent on or before D count, and of two reports of a unit for the same period the
  later one (by `submitted`) supersedes the earlier (both are kept in `Progress.history`);
  across periods the report of the latest period that mentions a task gives its status;
- a task is done when its status is "hoàn thành" with a completion date on or before D (a
  completion dated after D is not done on D); done on time when that date is on or before the
  deadline, else done late;
- a task not done is overdue once its deadline has passed (deadline < D), else not yet due;
  it is due ("đến hạn") when its deadline is on or before D;
- a recurring task (hằng năm, hằng quý) is judged on each of its periods: overdue while any
  past period is not done, else by its latest period due;
- "dừng" and "đề nghị điều chỉnh" keep the state the dates give (the plan still sets the
  deadline until it is adjusted); the reason is shown next to it.

A task led by a group ("Các bộ, ngành, địa phương") is every member's task: each unit is counted
on its own; the plan's count takes the task as done when every member has done it.

`progress(plan, reports, as_of)` is what the `tasks` command and the report composers call;
`Progress.line(tally)` gives "hoàn thành X/Y nhiệm vụ (Z/W đến hạn), N nhiệm vụ quá hạn".
Pure: no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from plan744.core.deadline import Deadline, Occurrence
from plan744.core.obligation import lead_of, obligation
from plan744.core.plan import AppendixTask, Plan, Task
from plan744.core.status_report import Entry, FiledReport, TaskStatus

if TYPE_CHECKING:
    from plan744.core.figures.year import IndicatorYear

Status = TaskStatus | Entry  # a status as read, or its facts

DONE_ON_TIME = "done_on_time"
DONE_LATE = "done_late"
OVERDUE = "overdue"
NOT_YET_DUE = "not_yet_due"
NO_DEADLINE = "no_deadline"
NO_DEADLINE_DONE = "no_deadline_done"
STATES = (OVERDUE, NOT_YET_DUE, DONE_ON_TIME, DONE_LATE, NO_DEADLINE, NO_DEADLINE_DONE)


@dataclass(frozen=True)
class Item:
    """A task of the plan that is tracked: an appendix row (key: its number) or a task (its id)."""

    key: str
    name: str
    area: str  # an area code of the plan, or "" when the plan does not place it
    area_name: str
    lead: str  # an appendix row's unit or group code; "" for a task (its reporters: `assignees`)
    lead_text: str  # who leads, as the user reads it: the row's words, or a task's reporters named
    deadline: Deadline | None


@dataclass(frozen=True, slots=True)
class Assessment:
    """One unit's task on the date."""

    item: Item
    unit: str
    state: str  # one of STATES
    due: dt.date | None  # the deadline judged (the first period missed, for a recurring task)
    days: int  # days late (overdue, done late) or left (not yet due); 0 without a deadline
    next_due: dt.date | None  # the next deadline not yet met (due soon); None when none is left
    status: str | None  # as reported (None: never reported)
    completed: dt.date | None
    reason: str
    evidence: str
    occurrence: str  # the period of a recurring task judged ("" for a one-off)
    file: str  # the report the status comes from
    reached: bool  # due on the date: its deadline on or before it

    @property
    def done(self) -> bool:
        return self.state in (DONE_ON_TIME, DONE_LATE, NO_DEADLINE_DONE)


@dataclass
class Tally:
    total: int = 0
    done: int = 0
    done_on_time: int = 0
    done_late: int = 0
    due: int = 0  # deadline on or before the date
    due_done: int = 0
    overdue: int = 0
    not_yet_due: int = 0
    no_deadline: int = 0

    def add(self, state: str, reached: bool) -> None:
        self.total += 1
        done = state in (DONE_ON_TIME, DONE_LATE, NO_DEADLINE_DONE)
        self.done += done
        self.done_on_time += state == DONE_ON_TIME
        self.done_late += state == DONE_LATE
        self.overdue += state == OVERDUE
        self.not_yet_due += state == NOT_YET_DUE
        self.no_deadline += state in (NO_DEADLINE, NO_DEADLINE_DONE)
        self.due += reached
        self.due_done += reached and done

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Superseded:
    old: FiledReport
    by: FiledReport


@dataclass
class Progress:
    as_of: dt.date
    items: list[Item]
    assessments: list[Assessment]  # one per (task, unit), in the plan's order
    plan_states: dict[str, Assessment]  # task key -> the task's state for the whole plan
    history: list[Superseded]  # reports replaced by a later one for the same period
    used: list[FiledReport]  # reports in force on the date
    by_unit: dict[str, Tally] = field(default_factory=dict)
    by_area: dict[str, Tally] = field(default_factory=dict)
    plan: Tally = field(default_factory=Tally)

    def overdue(self) -> list[Assessment]:
        return [a for a in self.assessments if a.state == OVERDUE]

    def done_between(self, start: dt.date, end: dt.date) -> list[Assessment]:
        """Tasks completed from `start` to `end` (a quarter's "nhiệm vụ hoàn thành trong kỳ")."""
        return [a for a in self.assessments if a.done and a.completed is not None and start <= a.completed <= end]

    def due_within(self, days: int) -> list[Assessment]:
        """Tasks not done whose next deadline falls within `days` days from the date (inclusive)."""
        limit = self.as_of + dt.timedelta(days=days)
        return [a for a in self.assessments
                if a.state != OVERDUE and a.next_due is not None and self.as_of <= a.next_due <= limit]


# --- what is tracked, and by whom --------------------------------------------------------------

def _area_of_row(plan: Plan, row: AppendixTask) -> tuple[str, str]:
    """The area whose section names the row's group in the appendix ("Phụ lục II, III"), else
    the row's own heading."""
    group = str(row.tt).split(".")[0]
    for area in plan.areas:
        parts = [p.strip() for p in area.section.split(";")]
        if any(p.endswith(f", {group}") and "lục" in p for p in parts):
            return area.code, area.name
    return "", row.group


def tracked(plan: Plan) -> list[Item]:
    """Every appendix row and task of the plan, in its order (with or without a deadline)."""
    items = [Item(str(r.tt), r.name, *_area_of_row(plan, r), r.lead, r.lead_text, r.deadline) for r in plan.appendix]
    for t in plan.tasks:
        area = plan.areas_by_code.get(t.area)
        items.append(Item(t.id, t.title, t.area, area.name if area else "", "", task_lead_text(plan, t), t.deadline))
    return items


def task_lead_text(plan: Plan, task: Task) -> str:
    """Who reports on a task, as the user reads it: the names of the units and groups its
    `reporters` name ("Bộ Khoa học và Công nghệ", "Các bộ, ngành, địa phương"), or, when it names
    none (every unit reports), the catalogue's phrase for all units."""
    from plan744.core.labels import word

    if not task.reporters:
        return word("tasks.lead.all")
    names = []
    for code in task.reporters:
        holder = plan.units_by_code.get(code) or plan.groups_by_code.get(code)
        names.append(holder.name if holder is not None else code)  # an unknown code: the plan's check says so
    return ", ".join(names)


def _year(plan: Plan, day: dt.date) -> int:
    return min(max(day.year, plan.period.start), plan.period.end)


def assignees(plan: Plan, as_of: dt.date) -> dict[str, tuple[str, ...]]:
    """Task key -> the units that answer for it on the date: the row's lead (each member of a
    leading group alive on the date), or the units a task is addressed to."""
    year = _year(plan, as_of)
    out: dict[str, tuple[str, ...]] = {}
    rows = {str(r.tt): r for r in plan.appendix}
    tasks: dict[str, list[str]] = {t.id: [] for t in plan.tasks}
    for u in plan.units:
        if u.alive_on(as_of):
            for t in obligation(plan, u.code, year).tasks:
                tasks[t.id].append(u.code)
    for key, row in rows.items():
        lead = lead_of(plan, row, year)
        group = plan.groups_by_code.get(lead)
        if group is None:
            out[key] = (lead,)
        else:
            out[key] = tuple(u.code for u in plan.units if u.kind in group.member_kinds and u.alive_on(as_of))
    for key, units in tasks.items():
        out[key] = tuple(units)
    return out


def lead_texts(plan: Plan) -> dict[str, str]:
    """Task key -> who leads it, as the user reads it (an appendix row's words, a task's
    reporters named: `task_lead_text`)."""
    out = {str(r.tt): r.lead_text for r in plan.appendix}
    for t in plan.tasks:
        out[t.id] = task_lead_text(plan, t)
    return out


# --- which report is in force ------------------------------------------------------------------

def in_force(reports: Iterable[FiledReport], as_of: dt.date) -> tuple[list[FiledReport], list[Superseded]]:
    """The reports sent on or before the date, the latest per unit and period; and those replaced."""
    groups: dict[tuple[str, str], list[FiledReport]] = {}
    for f in reports:
        if f.report.submitted <= as_of:
            groups.setdefault((f.report.unit, f.report.period_key.key), []).append(f)
    used, history = [], []
    for group in groups.values():
        group.sort(key=lambda f: (f.report.submitted, f.file))
        latest = group[-1]
        used.append(latest)
        history += [Superseded(old, latest) for old in group[:-1]]
    used.sort(key=lambda f: (f.report.period_key.end, f.report.period_key.start, f.report.submitted, f.file))
    history.sort(key=lambda s: (s.old.report.unit, s.old.report.period, s.old.report.submitted))
    return used, history


def _entries(used: list[FiledReport], recurring: Mapping[str, str]) -> dict[tuple[str, str, str], tuple[Status, str]]:
    """(unit, task key, period of a recurring task or "") -> the status in force and its file;
    a later period's report overrides an earlier one's."""
    from plan744.core.deadline import period_key

    out: dict[tuple[str, str, str], tuple[Status, str]] = {}
    for f in used:  # oldest period first
        for key, st in f.report.statuses().items():
            every = recurring.get(key)
            occ = "" if every is None else (st.occurrence or period_key(every, f.report.period_key.start))  # type: ignore[arg-type]
            out[(f.report.unit, key, occ)] = (st, f.file)
    return out


# --- the state of a task on the date -----------------------------------------------------------

def _assess(item: Item, unit: str, occs: list[Occurrence], entries: Mapping[tuple[str, str, str], tuple[Status, str]],
            as_of: dt.date) -> Assessment:
    def entry(occ: str) -> tuple[Status | None, str]:
        found = entries.get((unit, item.key, occ))
        return (found[0], found[1]) if found else (None, "")

    def done_on(st: Status | None) -> dt.date | None:
        return st.completed if st is not None and st.done and st.completed is not None and st.completed <= as_of else None

    def make(state: str, occ: Occurrence | None, st: Status | None, file: str, next_due: dt.date | None) -> Assessment:
        due = occ.due if occ else None
        completed = done_on(st)
        if state in (DONE_ON_TIME, DONE_LATE) and completed and due:
            days = max((completed - due).days, 0)
        elif due is not None:
            days = abs((as_of - due).days)
        else:
            days = 0
        return Assessment(item, unit, state, due, days, next_due, st.status if st else None, completed,
                          (st.reason or "") if st else "", st.evidence_text if st else "",
                          occ.key if occ else "", file, due is not None and due <= as_of)

    if not occs:  # no deadline: done or not, never due
        st, file = entry("")
        return make(NO_DEADLINE_DONE if done_on(st) else NO_DEADLINE, None, st, file, None)
    status = {o.key: entry(o.key) for o in occs}
    undone = [o for o in occs if done_on(status[o.key][0]) is None]
    next_due = next((o.due for o in undone if o.due >= as_of), None)
    missed = [o for o in undone if o.due < as_of]
    if missed:
        return make(OVERDUE, missed[0], *status[missed[0].key], next_due)
    reached = [o for o in occs if o.due <= as_of]
    if reached and done_on(status[reached[-1].key][0]):
        o = reached[-1]
        st, file = status[o.key]
        completed = done_on(st)
        assert completed is not None
        return make(DONE_ON_TIME if completed <= o.due else DONE_LATE, o, st, file, next_due)
    o = next((o for o in occs if o.due >= as_of), occs[-1])
    st, file = status[o.key]
    if done_on(st):  # done before its deadline
        completed = done_on(st)
        assert completed is not None
        return make(DONE_ON_TIME, o, st, file, next_due)
    return make(NOT_YET_DUE, o, st, file, next_due)


def _occurrences(plan: Plan, d: Deadline | None) -> list[Occurrence]:
    """A recurring task's periods from the first that begins once the plan is issued (a plan
    signed on 01/12 does not owe that quarter's duty)."""
    if d is None:
        return []
    found = d.occurrences(plan.period.start, plan.period.end)
    if d.recurring:
        found = [o for o in found if o.start >= plan.document.date] or found[-1:]
    return found


def _whole(item: Item, parts: list[Assessment], as_of: dt.date) -> Assessment:
    """The task for the whole plan: done when every unit has done it (late if any was late),
    overdue when any unit is overdue, else not yet due."""
    if not parts:
        occ = item.deadline.due if item.deadline is not None else None
        state = NO_DEADLINE if item.deadline is None else (OVERDUE if occ and occ < as_of else NOT_YET_DUE)
        return Assessment(item, "", state, occ, abs((as_of - occ).days) if occ else 0, occ, None, None, "", "", "", "",
                          occ is not None and occ <= as_of)
    for state in (OVERDUE, NOT_YET_DUE, NO_DEADLINE, DONE_LATE, DONE_ON_TIME, NO_DEADLINE_DONE):
        same = [a for a in parts if a.state == state]
        if same:  # the worst state, and of its units the one most late (or least time left)
            return max(same, key=lambda a: a.days) if state in (OVERDUE, DONE_LATE) else min(same, key=lambda a: a.days)
    raise AssertionError(parts)  # pragma: no cover - every state is listed


def progress(plan: Plan, reports: Iterable[FiledReport], as_of: dt.date) -> Progress:
    """Every tracked task's state on `as_of`, per unit, per area and for the plan."""
    items = tracked(plan)
    who = assignees(plan, as_of)
    occs = {it.key: _occurrences(plan, it.deadline) for it in items}
    recurring = {it.key: it.deadline.parsed.every for it in items if it.deadline is not None and it.deadline.parsed.every}
    used, history = in_force(reports, as_of)
    entries = _entries(used, recurring)
    result = Progress(as_of, items, [], {}, history, used)
    for it in items:
        parts = [_assess(it, u, occs[it.key], entries, as_of) for u in who.get(it.key, ())]
        result.assessments += parts
        whole = result.plan_states[it.key] = _whole(it, parts, as_of)
        result.plan.add(whole.state, whole.reached)
        result.by_area.setdefault(it.area or it.area_name, Tally()).add(whole.state, whole.reached)
        for a in parts:
            result.by_unit.setdefault(a.unit, Tally()).add(a.state, a.reached)
    return result


def completion_line(t: Tally) -> str:
    """ "hoàn thành X/Y nhiệm vụ (Z/W đến hạn), N nhiệm vụ quá hạn", in the words being spoken."""
    from plan744.core.labels import word

    return word("tasks.line").format(**t.as_dict())


def targets_line(t: Tally, with_met: bool = False) -> str:
    """The targets' line: how many are due (and, when the annual figures say so, met)."""
    from plan744.core.labels import word

    return word("tasks.line.targets_met" if with_met else "tasks.line.targets").format(**t.as_dict())


# --- targets due and met -----------------------------------------------------------------------

def targets_tally(plan: Plan, as_of: dt.date, met: Mapping[tuple[str, int | str], bool] | None = None) -> dict[str, Tally]:
    """Targets ("chỉ tiêu") due and met on the date, for the plan ("") and per area, counted as the
    annual report counts "x/y chỉ tiêu đạt và vượt" (`figures.assessment.Tally`): one per indicator
    and scope with a figure to reach; a qualitative target is judged through the tasks, not here.
    It is due once the data period of its first target's year has ended (a yearly target: of its
    first year). `met` says which were met, keyed by (indicator id, scope) as `met_of_year` gives
    it or by (indicator id, index of the target) as `figures.quarter.met_from_years` does; the
    annual figures know, not this module. Without it nothing is counted as met."""
    from plan744.core.figures.assessment import quantitative_targets

    by_scope: dict[tuple[str, str], bool] = {}
    for (ind_id, k), ok in (met or {}).items():
        ind = plan.indicators_by_id.get(ind_id)
        if ind is None:
            continue
        scope = k if isinstance(k, str) else ind.targets[k].scope if 0 <= k < len(ind.targets) else None
        if scope is not None:
            by_scope[(ind_id, scope)] = by_scope.get((ind_id, scope), False) or ok
    out: dict[str, Tally] = {"": Tally()}
    for ind, scope in quantitative_targets(plan):
        years = [(t.since or plan.period.start) if t.each_year else t.milestone(plan.period.end)
                 for t in ind.targets if t.scope == scope and t.kind != "qualitative"]
        reached = plan.window(min(years))[1] < as_of
        ok = by_scope.get((ind.id, scope), False)
        state = (DONE_ON_TIME if ok else OVERDUE) if reached else (NO_DEADLINE_DONE if ok else NOT_YET_DUE)
        for key in ("", ind.area):
            out.setdefault(key, Tally()).add(state, reached)
    return out


def met_of_year(rows: Iterable[IndicatorYear]) -> dict[tuple[str, int | str], bool]:
    """(indicator id, scope) -> met, from one year's annual figures: the verdicts the annual
    report's "x/y chỉ tiêu đạt và vượt" counts (a target reached before its year counts, as
    there); qualitative rows are left out."""
    from plan744.core.figures.codes import Unassessed

    return {(r.indicator.id, r.scope): r.met for r in rows if r.unassessed is not Unassessed.QUALITATIVE}
