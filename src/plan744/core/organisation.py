"""The reporting units of a plan, as dated facts: who existed when, and what changed.

A plan names an organisation that does not stand still. In Nghệ An in 2025 a department
merged into another (01/3/2025) and the district level ended while 130 new communes began to
report to the province directly (01/7/2025). So a unit has a first and a last day; an event
(merge, split, rename, transfer, reorganisation, level ending) says on which day what passed
from whom to whom, and on whose authority; a role (the department that drafts the report)
has holders over time.

The rule for a reporting year that straddles a change, so that no figure is counted twice or
lost (README, "Đơn vị thay đổi"):
- an event with `reporting: successor` (a merge or a rename): the successor reports the whole
  year, its predecessor's part included; the predecessor owes no report for that year;
- an event with `reporting: split` (a reorganisation, a level ending, a split): each unit
  reports the part of the year it existed; the unit that ended sends a closing report, due by
  its last day.

Everything here is pure: dates in, answers out.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, Strict, model_validator
from pydantic.dataclasses import dataclass as pydantic_dataclass

from plan744.core.strict import Code, NonNegInt, OptionalText, StrictModel, Text

Reporting = Literal["successor", "split"]


class UnitKind(StrictModel):
    code: Code
    name: Text  # "Sở, ban, ngành"
    reports_levels: list[Code]  # the plan's levels whose counts a unit of this kind reports
    part_name: str = ""  # how the report names the units of this kind in a sentence ("đơn vị cấp huyện")


class FormedFrom(StrictModel):
    """What a new unit was formed from, as its founding document writes it."""

    text: Text  # "thị trấn Kim Nhan, xã Đức Sơn và xã Phúc Sơn"
    units: list[Code] = []  # the reporting units that covered that area before (districts)
    units_source: str = ""  # how `units` is known (the text names them, or it is inferred)
    units_confirmed: bool = True  # False: inferred, "cần Sở xác nhận"


# A unit is a slotted dataclass, not a model: an organisation of tens of thousands of units (a
# country's communes) holds one per unit, and a model instance costs several times as much (its
# `__dict__` and its own set of the fields given). A pydantic dataclass in strict mode accepts
# only an instance, never the mapping the YAML gives, so strictness is written on each field
# instead: a quoted "yes" is not true, a quoted date is not a date. The organisation's other
# parts, a few each, stay models.
_S = Strict()
_Texts = Annotated[list[Annotated[Text, _S]], _S]


@pydantic_dataclass(frozen=True, slots=True, kw_only=True, config=ConfigDict(extra="forbid", str_strip_whitespace=True, defer_build=True))
class Unit:
    code: Annotated[Code, _S]
    name: Annotated[Text, _S]
    short_name: Annotated[str, _S] = ""
    kind: Annotated[Code, _S]
    parent: Annotated[Code, _S] | None = None
    aliases: _Texts = Field(default_factory=list)  # spellings used in the plan's text (appendix lead column)
    source: Annotated[str, _S] = ""  # where a document names it
    start: Annotated[dt.date, _S] | None = None  # first day; None: before anything this file tracks
    end: Annotated[dt.date, _S] | None = None  # last day; None: still exists
    formed_from: FormedFrom | None = None
    confirmed: Annotated[bool, _S] = True  # False: a fact still to be confirmed by the department
    note: Annotated[str, _S] = ""

    @model_validator(mode="after")
    def _ordered(self) -> Unit:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError("unit_dates_order")
        return self

    def alive_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def display(self) -> str:
        return self.short_name or self.name


class UnitGroup(StrictModel):
    """A shared lead such as "Các Sở, ban, ngành liên quan": any member may report on it."""

    code: Code
    name: Text
    member_kinds: list[Code]
    aliases: list[Text] = []
    source: str = ""


class Event(StrictModel):
    """A change of the organisation, effective from `date` (the first day of the new state)."""

    model_config = StrictModel.model_config | {"populate_by_name": True}

    id: Code
    date: dt.date
    kind: Literal["merge", "split", "rename", "transfer", "reorganise", "level_end"]
    from_units: list[Code] = Field(default_factory=list, alias="from")
    to_units: list[Code] = Field(default_factory=list, alias="to")
    kinds: list[Code] = []  # for level_end: the unit kinds that end
    appendix: list[int | Code] = []  # appendix rows whose lead passes (transfer; a merge moves all)
    roles: list[Code] = []  # roles that pass (a merge passes every role of `from`)
    reporting: Reporting | None = None  # default: successor for merge/rename, split otherwise
    source: str = ""  # the legal document; empty: plan check warns
    confirmed: bool = True  # False: "cần Sở xác nhận"
    note: str = ""

    @property
    def rule(self) -> Reporting:
        if self.reporting is not None:
            return self.reporting
        return "successor" if self.kind in ("merge", "rename") else "split"


class RoleHolder(StrictModel):
    unit: Code
    since: dt.date | None = None
    until: dt.date | None = None
    source: str = ""

    def holds_on(self, day: dt.date) -> bool:
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)


class Coverage(StrictModel):
    """The part of a reporting year a unit's report covers, and when it is due."""

    unit: Code
    start: dt.date
    end: dt.date
    deadline: dt.date
    whole: bool  # the whole year (possibly a predecessor's part included)
    includes: tuple[Code, ...] = ()  # predecessors whose part of the year this report includes


class Organisation(StrictModel):
    schema_version: Literal[1] = 1
    name: Text
    source: Text
    expected_counts: dict[Code, NonNegInt] = {}  # kind -> count a document states (at its date)
    expected_counts_source: str = ""
    kinds: list[UnitKind]
    units: list[Unit]
    groups: list[UnitGroup] = []
    events: list[Event] = []
    roles: dict[Code, list[RoleHolder]] = {}
    note: OptionalText = ""

    # --- look-ups (the model is frozen) ---------------------------------------------------

    @cached_property
    def units_by_code(self) -> dict[str, Unit]:
        return {u.code: u for u in self.units}

    @cached_property
    def kinds_by_code(self) -> dict[str, UnitKind]:
        return {k.code: k for k in self.kinds}

    @cached_property
    def groups_by_code(self) -> dict[str, UnitGroup]:
        return {g.code: g for g in self.groups}

    @cached_property
    def events_sorted(self) -> tuple[Event, ...]:
        return tuple(sorted(self.events, key=lambda e: e.date))

    @cached_property
    def _ending(self) -> dict[str, list[Event]]:
        out: dict[str, list[Event]] = {}
        for e in self.events_sorted:
            for code in e.from_units:
                out.setdefault(code, []).append(e)
        return out

    @cached_property
    def _beginning(self) -> dict[str, list[Event]]:
        out: dict[str, list[Event]] = {}
        for e in self.events_sorted:
            for code in e.to_units:
                out.setdefault(code, []).append(e)
        return out

    @cached_property
    def _children(self) -> dict[str, list[Unit]]:
        out: dict[str, list[Unit]] = {}
        for u in self.units:
            if u.parent:
                out.setdefault(u.parent, []).append(u)
        return out

    def children(self, unit_code: str) -> list[Unit]:
        """The units whose parent is `unit_code`, at any date, in the organisation's order."""
        return self._children.get(unit_code, [])

    @property
    def changes(self) -> bool:
        """Whether anything in this organisation has dates (a static list has none)."""
        return bool(self.events) or any(u.start or u.end for u in self.units)

    # --- who existed, who reports -----------------------------------------------------------

    def levels_of(self, unit_code: str) -> list[str]:
        unit = self.units_by_code.get(unit_code)
        kind = self.kinds_by_code.get(unit.kind) if unit else None
        return list(kind.reports_levels) if kind else []

    def events_ending(self, unit_code: str) -> list[Event]:
        """Events in which the unit passes to others (it ends, or loses a part)."""
        return self._ending.get(unit_code, [])

    def events_beginning(self, unit_code: str) -> list[Event]:
        return self._beginning.get(unit_code, [])

    def successors(self, unit_code: str) -> list[Unit]:
        out: list[Unit] = []
        for e in self.events_ending(unit_code):
            out += [self.units_by_code[c] for c in e.to_units if c in self.units_by_code]
        unit = self.units_by_code.get(unit_code)
        if unit is not None:  # new units formed from this one's area (a level ending)
            out += [u for u in self.units if u.formed_from and unit_code in u.formed_from.units]
        return _unique(out)

    def predecessors(self, unit_code: str) -> list[Unit]:
        out: list[Unit] = []
        for e in self.events_beginning(unit_code):
            out += [self.units_by_code[c] for c in e.from_units if c in self.units_by_code]
        unit = self.units_by_code.get(unit_code)
        if unit is not None and unit.formed_from is not None:
            out += [self.units_by_code[c] for c in unit.formed_from.units if c in self.units_by_code]
        return _unique(out)

    def _end_rule(self, unit: Unit) -> Reporting:
        """How the year of the unit's last day is reported."""
        if unit.end is None:
            return "split"
        day = unit.end + dt.timedelta(days=1)
        for e in self.events_ending(unit.code):
            if e.date == day:
                return e.rule
        for e in self.events_sorted:  # a level that ends takes its units with it
            if e.kind == "level_end" and e.date == day and unit.kind in e.kinds:
                return e.rule
        return "split"

    def _start_rule(self, unit: Unit) -> tuple[Reporting, tuple[str, ...]]:
        if unit.start is None:
            return "split", ()
        for e in self.events_beginning(unit.code):
            if e.date == unit.start:
                return e.rule, tuple(e.from_units)
        return "split", ()

    def coverage(self, unit_code: str, window: tuple[dt.date, dt.date], deadline: dt.date) -> Coverage | None:
        """What the unit owes for the reporting year whose data period is `window`: the part it
        covers and when it is due; None if it owes nothing that year."""
        unit = self.units_by_code.get(unit_code)
        if unit is None or unit.kind not in self.kinds_by_code:
            return None
        start, end = window
        u_start = unit.start or dt.date.min
        u_end = unit.end or dt.date.max
        if u_end < start or u_start > end:
            return None
        cover_start, cover_end = max(start, u_start), min(end, u_end)
        includes: tuple[str, ...] = ()
        if u_end < end and self._end_rule(unit) == "successor":
            return None  # its successor reports the whole year for both
        if u_start > start:
            rule, before = self._start_rule(unit)
            if rule == "successor":
                cover_start, includes = start, before
        due = deadline if cover_end == end else min(deadline, cover_end)
        return Coverage(unit=unit.code, start=cover_start, end=cover_end, deadline=due,
                        whole=(cover_start, cover_end) == (start, end), includes=includes)

    def obligations(self, window: tuple[dt.date, dt.date], deadline: dt.date) -> list[Coverage]:
        """Every unit that owes a report for the year, in the order of the file."""
        out = []
        for unit in self.units:
            cov = self.coverage(unit.code, window, deadline)
            if cov is not None:
                out.append(cov)
        return out

    # --- appendix leads and roles over time ------------------------------------------------

    def lead_on(self, lead: str, row: int | str, day: dt.date) -> str:
        """Who leads an appendix row on `day`: the plan's lead, moved by merges, renames and
        transfers up to that day (cumulative disbursement then continues with the new lead)."""
        current = lead
        for e in self.events_sorted:
            if e.date > day:
                break
            moves = (e.kind in ("merge", "rename") and current in e.from_units) or (
                e.kind == "transfer" and current in e.from_units and (not e.appendix or row in e.appendix))
            if moves and e.to_units:
                current = e.to_units[0]
        return current

    def role_holder(self, role: str, day: dt.date) -> str | None:
        for holder in self.roles.get(role, []):
            if holder.holds_on(day):
                return holder.unit
        return None


def _unique(units: list[Unit]) -> list[Unit]:
    seen: set[str] = set()
    return [u for u in units if not (u.code in seen or seen.add(u.code))]  # type: ignore[func-returns-value]
