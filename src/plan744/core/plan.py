"""The plan as data: a province's five-year IT plan, its targets, tasks, appendix and units.

Nothing here is specific to Nghệ An: levels, unit kinds, areas and every target come
from the plan file, so another province's plan in the same format loads and works.
Checks that need more than one field (references, totals) live in `plan_checks`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cached_property
from typing import Literal

from pydantic import Field, model_validator

from plan744.core.strict import Code, ExactDecimal, NonNegDecimal, NonNegInt, StrictModel, Text

ALL_LEVELS = "toan_tinh"
"""Target scope meaning "the whole province, all levels pooled"."""


class DocumentRef(StrictModel):
    """Another document the plan cites (implements, is based on, or assigns work under)."""

    kind: Text  # "Công văn", "Nghị định", "Quyết định", ...
    ref: Text  # number and symbol, e.g. "2606/BTTTT-THH-ATTT"
    date: dt.date
    issuer: Text
    title: str = ""
    where: Text  # the section of the plan that cites it


class Signer(StrictModel):
    capacity: list[Text]  # e.g. ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
    title: Text  # "PHÓ CHỦ TỊCH"
    name: Text


class Appendix(StrictModel):
    id: Code
    title: Text


class CrossReference(StrictModel):
    """A place where the plan points at another part of itself (e.g. "Phụ lục II")."""

    where: Text
    text: Text
    target: Code  # an Appendix id; a target that does not exist is a finding


class Document(StrictModel):
    kind: Text  # "Kế hoạch"
    number: Text  # "744/KH-UBND"
    date: dt.date
    issuer: Text  # "Ủy ban nhân dân tỉnh Nghệ An"
    issuer_short: Text  # "UBND tỉnh Nghệ An"
    header_parent: str = ""  # parent body line of the header; empty for UBND tỉnh
    header_issuer: list[Text]  # issuing body in capitals, one entry per line
    place: Text  # "Nghệ An" in "Nghệ An, ngày ..."
    title: Text
    signer: Signer
    implements: list[DocumentRef]
    bases: list[DocumentRef] = []
    citations: list[DocumentRef] = []
    appendices: list[Appendix]
    cross_references: list[CrossReference] = []
    recipients: list[Text] = []


class Period(StrictModel):
    start: int = Field(ge=2000, le=2100)
    end: int = Field(ge=2000, le=2100)

    @model_validator(mode="after")
    def _ordered(self) -> "Period":
        if self.end < self.start:
            raise ValueError("period_order")
        return self

    @property
    def years(self) -> range:
        return range(self.start, self.end + 1)


class MonthDay(StrictModel):
    """A day of the year relative to the reporting year (year_offset -1 = previous year)."""

    day: int = Field(ge=1, le=31)
    month: int = Field(ge=1, le=12)
    year_offset: Literal[-1, 0, 1] = 0

    def in_year(self, year: int) -> dt.date:
        return dt.date(year + self.year_offset, self.month, self.day)


class ReportingCalendar(StrictModel):
    period_start: MonthDay
    period_end: MonthDay
    period_source: Text  # where the data period comes from
    deadline: MonthDay
    deadline_source: Text  # the plan sets no deadline: say whose setting this is

    def window(self, year: int) -> tuple[dt.date, dt.date]:
        return self.period_start.in_year(year), self.period_end.in_year(year)

    def deadline_for(self, year: int) -> dt.date:
        return self.deadline.in_year(year)


class Level(StrictModel):
    code: Code
    name: Text  # "cấp tỉnh"


class UnitKind(StrictModel):
    code: Code
    name: Text  # "Sở, ban, ngành"
    reports_levels: list[Code]  # the levels whose counts a unit of this kind reports


class Unit(StrictModel):
    code: Code
    name: Text
    short_name: str = ""
    kind: Code
    parent: Code | None = None
    aliases: list[Text] = []  # spellings used in the plan's text (appendix lead column)
    source: str = ""  # where the plan's text names it, if it does


class UnitGroup(StrictModel):
    """A shared lead such as "Các Sở, ban, ngành liên quan": any member may report on it."""

    code: Code
    name: Text
    member_kinds: list[Code]
    aliases: list[Text] = []
    source: str = ""


class Registry(StrictModel):
    source: Text
    expected_counts: dict[Code, NonNegInt] = {}  # kind code -> count the plan states
    expected_counts_source: str = ""
    units: list[Unit]
    groups: list[UnitGroup] = []


class Area(StrictModel):
    code: Code
    name: Text
    section: Text


class Target(StrictModel):
    scope: Code  # a level code, or "toan_tinh" for the province as a whole
    kind: Literal["band", "floor", "ceiling", "qualitative"]
    value: NonNegDecimal | None = None  # percent; the floor or the lower end of a band
    stretch: NonNegDecimal | None = None  # upper end of a band
    wording: Text  # the plan's own words, e.g. "đạt từ 90% - 95%"

    @model_validator(mode="after")
    def _shape(self) -> "Target":
        if self.kind == "qualitative":
            if self.value is not None or self.stretch is not None:
                raise ValueError("target_qualitative_value")
        elif self.value is None:
            raise ValueError("target_value_missing")
        if self.kind == "band" and (self.stretch is None or self.stretch < self.value):  # type: ignore[operator]
            raise ValueError("target_band")
        if self.kind != "band" and self.stretch is not None:
            raise ValueError("target_stretch")
        return self


class Indicator(StrictModel):
    id: Code
    area: Code
    section: Text
    text: Text  # the plan's sentence
    name: Text  # short label for tables
    measure: Literal["count", "money"] = "count"
    numerator: Text
    denominator: Text
    count_unit: str = ""  # "văn bản", "hồ sơ", "triệu đồng"
    direction: Literal["higher", "lower"] = "higher"
    levels: list[Code]
    reporters: list[Code] | None = None  # unit codes; None: every unit whose kind reports a level
    targets: list[Target]
    note: str = ""


class Figure(StrictModel):
    label: Text
    value: ExactDecimal
    unit: str = ""


class BaselineSum(StrictModel):
    total: Code
    parts: list[Code]


class BaselineLink(StrictModel):
    """How a baseline gives an indicator's 2020 ratio (sum of figures over sum of figures)."""

    indicator: Code
    numerator: list[Code]
    denominator: list[Code]
    note: str = ""  # how the 2020 figure differs from what the indicator counts


class Baseline(StrictModel):
    id: Code
    year: int
    section: Text
    quote: Text  # the plan's sentence the figures come from
    figures: dict[Code, Figure]
    sums: list[BaselineSum] = []
    link: BaselineLink | None = None


class Task(StrictModel):
    """A qualitative objective, task or solution (Phần thứ hai, III.3, IV, V)."""

    id: Code  # the section path, e.g. "IV.6.4"
    area: Code
    section: Text
    title: Text
    text: Text
    required: bool = False  # every unit reports on it every year
    reporters: list[Code] | None = None


class Timeframe(StrictModel):
    start: int = Field(ge=2000, le=2100)
    end: int = Field(ge=2000, le=2100)

    @model_validator(mode="after")
    def _ordered(self) -> "Timeframe":
        if self.end < self.start:
            raise ValueError("period_order")
        return self


class AppendixTask(StrictModel):
    tt: int = Field(ge=1)
    name: Text
    lead: Code  # a unit or a unit group
    lead_text: Text  # the plan's words in the lead column
    continuing: bool  # chuyển tiếp (True) or mới (False)
    status_text: Text  # the plan's words: "Nhiệm vụ chuyển tiếp", "Dự án mới", ...
    goal: Text
    timeframe: Timeframe
    timeframe_text: Text
    cost: NonNegDecimal  # planned cost, million VND
    funding_text: Text
    funding: list[Literal["dia_phuong", "trung_uong", "khac"]]


class Budget(StrictModel):
    stated_total_vnd: NonNegInt
    stated_total_text: Text
    stated_total_words: Text
    section: Text
    appendix_unit: Text  # "Triệu đồng"


class Limits(StrictModel):
    """Ceilings of plausibility for what a unit types: a figure above them is a typing mistake
    (a few zeros too many), reported before it can reach a sum. The plan may raise them."""

    count_max: NonNegInt = 10**12
    money_max: NonNegDecimal = Decimal(10**12)  # in the plan's money unit


class Plan(StrictModel):
    schema_version: Literal[1]
    document: Document
    period: Period
    reporting: ReportingCalendar
    levels: list[Level]
    unit_kinds: list[UnitKind]
    registry: Registry
    areas: list[Area]
    indicators: list[Indicator]
    baselines: list[Baseline] = []
    tasks: list[Task]
    appendix: list[AppendixTask]
    budget: Budget
    limits: Limits = Limits()

    # Look-ups below are cached: the model is frozen.

    @cached_property
    def units_by_code(self) -> dict[str, Unit]:
        return {u.code: u for u in self.registry.units}

    @cached_property
    def groups_by_code(self) -> dict[str, UnitGroup]:
        return {g.code: g for g in self.registry.groups}

    @cached_property
    def kinds_by_code(self) -> dict[str, UnitKind]:
        return {k.code: k for k in self.unit_kinds}

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
    def appendix_by_tt(self) -> dict[int, AppendixTask]:
        return {a.tt: a for a in self.appendix}

    @cached_property
    def areas_by_code(self) -> dict[str, Area]:
        return {a.code: a for a in self.areas}

    def unit_levels(self, unit_code: str) -> list[str]:
        """Levels whose counts this unit reports (a district: its own and its communes')."""
        unit = self.units_by_code[unit_code]
        kind = self.kinds_by_code.get(unit.kind)
        return list(kind.reports_levels) if kind else []

    def indicator_levels_for(self, indicator: Indicator, unit_code: str) -> list[str]:
        """The levels of `indicator` that `unit_code` must report; empty if none."""
        if indicator.reporters is not None and unit_code not in indicator.reporters:
            return []
        own = self.unit_levels(unit_code)
        return [lv for lv in indicator.levels if lv in own]

    def indicators_for(self, unit_code: str) -> list[tuple[Indicator, list[str]]]:
        out = []
        for ind in self.indicators:
            levels = self.indicator_levels_for(ind, unit_code)
            if levels:
                out.append((ind, levels))
        return out

    def leads(self, task: AppendixTask, unit_code: str) -> bool:
        """Whether the unit leads the appendix task or shares its lead through a group."""
        if task.lead == unit_code:
            return True
        group = self.groups_by_code.get(task.lead)
        unit = self.units_by_code.get(unit_code)
        return bool(group and unit and unit.kind in group.member_kinds)

    def appendix_for(self, unit_code: str) -> list[AppendixTask]:
        return [t for t in self.appendix if self.leads(t, unit_code)]

    def tasks_for(self, unit_code: str) -> list[Task]:
        return [t for t in self.tasks if t.reporters is None or unit_code in t.reporters]

    def expected_units(self) -> list[Unit]:
        """Units expected to submit a report every year."""
        return [u for u in self.registry.units if self.kinds_by_code.get(u.kind, None) is not None]

    @property
    def appendix_total(self) -> Decimal:
        return sum((t.cost for t in self.appendix), Decimal(0))
