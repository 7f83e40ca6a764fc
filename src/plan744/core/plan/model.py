"""The plan: one frozen model of its parts, and the look-ups the rest of plan744 asks it
(by code, by id, what a unit reports, who leads a row in a year)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cached_property
from typing import Literal

from pydantic import Field, model_validator

from plan744.core.organisation import Organisation, Unit, UnitGroup, UnitKind
from plan744.core.plan import v1
from plan744.core.plan.content import (
    AppendixTask,
    Area,
    Baseline,
    Budget,
    Indicator,
    Level,
    Limits,
    Money,
    Period,
    ReportingCalendar,
    Task,
    Tracking,
)
from plan744.core.plan.document import Document, ReportSettings
from plan744.core.strict import StrictModel
from plan744.core.wording import Wording


class Plan(StrictModel):
    """A plan (schema version 2; a version 1 file is read as the same model).

    Version 1 lists its units inline (`unit_kinds`, `registry`) and has no `report` or `money`
    section; they are derived when it is read: the units become an organisation without dates,
    the report's header is the plan's, its symbol "BC-" followed by the issuing body's part of
    the plan's own symbol, the money unit the appendix's."""

    schema_version: Literal[1, 2]
    document: Document
    period: Period
    reporting: ReportingCalendar
    levels: list[Level]
    organisation: Organisation
    report: ReportSettings
    money: Money
    areas: list[Area]
    indicators: list[Indicator]
    baselines: list[Baseline] = []
    tasks: list[Task] = []
    appendix: list[AppendixTask] = []
    budget: Budget | None = None
    limits: Limits = Limits()
    tracking: Tracking | None = None  # reporting periods of task progress (core.progress)
    # The plan's own wording of the reports (`core.labels.WORDS`); written out only when it rewords something.
    words: Wording = Field(default_factory=Wording, exclude_if=lambda w: not w.overrides)

    @model_validator(mode="before")
    @classmethod
    def _upgrade(cls, data: object) -> object:
        return v1.upgrade(data)

    # Look-ups below are cached: the model is frozen.

    @property
    def units(self) -> list[Unit]:
        return self.organisation.units

    @property
    def units_by_code(self) -> dict[str, Unit]:
        return self.organisation.units_by_code

    @property
    def groups_by_code(self) -> dict[str, UnitGroup]:
        return self.organisation.groups_by_code

    @property
    def kinds_by_code(self) -> dict[str, UnitKind]:
        return self.organisation.kinds_by_code

    @cached_property
    def levels_by_code(self) -> dict[str, Level]:
        return {lv.code: lv for lv in self.levels}

    @cached_property
    def indicators_by_id(self) -> dict[str, Indicator]:
        return {i.id: i for i in self.indicators}

    @cached_property
    def tasks_by_id(self) -> dict[str, Task]:
        return {t.id: t for t in self.tasks}

    @cached_property
    def appendix_by_tt(self) -> dict[str, AppendixTask]:
        """Rows by their number as text: "13" and 13 name the same row."""
        return {str(a.tt): a for a in self.appendix}

    def row(self, tt: int | str) -> AppendixTask | None:
        return self.appendix_by_tt.get(str(tt))

    @cached_property
    def areas_by_code(self) -> dict[str, Area]:
        return {a.code: a for a in self.areas}

    @property
    def funded(self) -> bool:
        """Whether the appendix carries costs (a budget to execute), not only tasks."""
        return any(a.funded for a in self.appendix)

    def window(self, year: int) -> tuple[dt.date, dt.date]:
        return self.reporting.window(year)

    def deadline(self, year: int) -> dt.date:
        return self.reporting.deadline_for(year)

    def unit_levels(self, unit_code: str) -> list[str]:
        """Levels whose counts this unit reports (a district: its own and its communes')."""
        return self.organisation.levels_of(unit_code)

    def indicator_levels_for(self, indicator: Indicator, unit_code: str) -> list[str]:
        """The levels of `indicator` that `unit_code` must report; empty if none. The list is
        the memo's own: read it, do not change it."""
        return self._levels_by_indicator(unit_code).get(indicator.id, [])

    def _levels_by_indicator(self, unit_code: str) -> dict[str, list[str]]:
        """`indicator_levels_for` of every indicator the unit reports, by id, worked out once per
        answer: a unit that no indicator names (as its monitor or among its reporters) reports by
        its levels alone, so thousands of files share a handful of answers."""
        found = self._levels_memo.get(unit_code)
        if found is not None:
            return found
        own = self.unit_levels(unit_code)
        key = (unit_code if unit_code in self._named_by_indicators else "", *own)
        found = self._levels_memo.get(key)
        if found is None:
            found = {}
            for ind in self.indicators:
                if ind.central:
                    levels = list(ind.levels) if unit_code == ind.monitor else []
                elif ind.reporters is not None and unit_code not in ind.reporters:
                    levels = []
                else:
                    levels = [lv for lv in ind.levels if lv in own]
                if levels:
                    found[ind.id] = levels
            self._levels_memo[key] = found
        self._levels_memo[unit_code] = found  # a unit's code is never a tuple: no clash
        return found

    @cached_property
    def _named_by_indicators(self) -> frozenset[str]:
        named = {ind.monitor for ind in self.indicators if ind.central and ind.monitor}
        for ind in self.indicators:
            named.update(ind.reporters or ())
        return frozenset(named)

    @cached_property
    def _levels_memo(self) -> dict[str | tuple[str, ...], dict[str, list[str]]]:
        return {}

    @cached_property
    def _lead_memo(self) -> dict[tuple[str, int | str, int], str]:
        return {}

    def due(self, indicator: Indicator, year: int) -> bool:
        """Whether the indicator is measured in `year`: a target of a later stage ("Giai đoạn
        2028-2030", since 2028) does not make units report it in 2026."""
        return any((t.since or self.period.start) <= year for t in indicator.targets)

    def indicators_for(self, unit_code: str, year: int | None = None) -> list[tuple[Indicator, list[str]]]:
        """The indicators (and their levels) the unit reports; with `year`, only those due then."""
        levels = self._levels_by_indicator(unit_code)
        return [(ind, levels[ind.id]) for ind in self.indicators
                if ind.id in levels and (year is None or self.due(ind, year))]

    def lead_in(self, task: AppendixTask, year: int) -> str:
        """Who leads the row for the reporting year `year` (moved by the organisation's events up
        to the end of the year's data period)."""
        key = (task.lead, task.tt, year)  # the row as lead_on compares it: 13 is not "13" there
        lead = self._lead_memo.get(key)
        if lead is None:  # once per row and year, not once per file
            lead = self._lead_memo[key] = self.organisation.lead_on(task.lead, task.tt, self.window(year)[1])
        return lead

    def leads(self, task: AppendixTask, unit_code: str, year: int | None = None) -> bool:
        """Whether the unit leads the appendix row (in `year`), or shares its lead through a group."""
        lead = self.lead_in(task, year) if year is not None else task.lead
        if lead == unit_code:
            return True
        group = self.groups_by_code.get(lead)
        unit = self.units_by_code.get(unit_code)
        return bool(group and unit and unit.kind in group.member_kinds)

    def tasks_for(self, unit_code: str) -> list[Task]:
        """The tasks the unit reports on: every task, or those whose `reporters` name it or a
        group of its kind ("các sở, ban, ngành", "UBND các xã")."""
        unit = self.units_by_code.get(unit_code)
        kind = unit.kind if unit else None

        def names(code: str) -> bool:
            group = self.groups_by_code.get(code)
            return code == unit_code or bool(group and kind in group.member_kinds)

        return [t for t in self.tasks if t.reporters is None or any(names(c) for c in t.reporters)]

    @property
    def appendix_total(self) -> Decimal:
        return sum((t.cost for t in self.appendix if t.cost is not None), Decimal(0))

    def drafter(self, year: int) -> str | None:
        """The unit that drafts the report for `year` (holder of the drafting role at the end of
        the year's data period), if the organisation names one."""
        return self.organisation.role_holder(self.report.drafting_role, self.window(year)[1])
