"""What the plan sets: its period and reporting calendar, levels and areas, indicators and
their targets, baselines, tasks, the task appendix, the budget, the money unit and the
plausibility limits."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import Field, model_validator

from plan744.core.deadline import Deadline
from plan744.core.strict import Code, ExactDecimal, NonNegDecimal, NonNegInt, StrictModel, Text

ALL_LEVELS = "all"
"""Target scope meaning "the whole area (province, country), all levels pooled"."""
V1_ALL = "toan_tinh"
"""The same scope as a schema version 1 plan writes it."""


class Period(StrictModel):
    start: int = Field(ge=2000, le=2100)
    end: int = Field(ge=2000, le=2100)

    @model_validator(mode="after")
    def _ordered(self) -> Period:
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


class Area(StrictModel):
    code: Code
    name: Text
    section: Text


Comparison = Literal["band", "floor", "floor_strict", "ceiling", "ceiling_strict", "qualitative"]


class Target(StrictModel):
    """A level to reach, as the plan writes it.

    `kind`: a band ("đạt từ 90% - 95%": 90 reached, 95 the stretch), a floor ("từ 50% trở lên",
    a bare "80%"), a strict floor ("trên 60%"), a ceiling or strict ceiling ("dưới 5%"), or
    qualitative (no figure). `value` is in the indicator's own terms: a percentage, a count, or
    an amount in the plan's money unit.

    When: by default the end of the plan's period. `year` sets another milestone ("Giai đoạn
    2025-2027": 2027), `since` the first year it governs (the stage's start), `each_year` makes it
    a yearly target ("05 bộ mỗi năm": every year from `since` to `year`)."""

    scope: Code  # a level code, or "all" (v1: "toan_tinh") for the whole area, levels pooled
    kind: Comparison
    value: NonNegDecimal | None = None  # the floor, ceiling or lower end of a band
    stretch: NonNegDecimal | None = None  # upper end of a band
    year: int | None = Field(None, ge=2000, le=2100)  # milestone; None: the period's end
    since: int | None = Field(None, ge=2000, le=2100)  # first year it governs (a stage's start)
    each_year: bool = False
    stage: str = ""  # the plan's words for the stage: "Giai đoạn 2025-2027"
    wording: Text  # the plan's own words, e.g. "đạt từ 90% - 95%"

    @model_validator(mode="before")
    @classmethod
    def _v1_scope(cls, data: object) -> object:
        if isinstance(data, dict) and data.get("scope") == V1_ALL:
            data = {**data, "scope": ALL_LEVELS}
        return data

    @model_validator(mode="after")
    def _shape(self) -> Target:
        if self.kind == "qualitative":
            if self.value is not None or self.stretch is not None:
                raise ValueError("target_qualitative_value")
        elif self.value is None:
            raise ValueError("target_value_missing")
        if self.kind == "band" and (self.stretch is None or self.stretch < self.value):  # type: ignore[operator]
            raise ValueError("target_band")
        if self.kind != "band" and self.stretch is not None:
            raise ValueError("target_stretch")
        if self.since is not None and self.year is not None and self.since > self.year:
            raise ValueError("target_since_after_year")
        return self

    def milestone(self, period_end: int) -> int:
        return self.year if self.year is not None else period_end


class DenominatorBound(StrictModel):
    """What one unit's denominator can be, where the plan's text fixes it: a unit that counts
    itself ("self": its own meeting system, its own portal) has exactly 1; a unit that counts the
    units under it ("subordinates") has at most those whose parent it is, alive in the reporting
    year; "at_most" caps it at a figure the text gives ("460/460 UBND cấp xã"). Without a bound a
    commune could report 850 of 1,000 for its own system and move the province's figure.

    `levels` and `unit_kinds` narrow where it applies (empty: everywhere): at the commune level a
    commune counts itself while a district counts its communes."""

    kind: Literal["self", "subordinates", "at_most"]
    levels: list[Code] = []
    unit_kinds: list[Code] = []
    value: NonNegInt | None = None  # at_most only
    reason: Text  # shown to the unit: "hệ thống họp của chính đơn vị"
    source: Text  # where the plan's text implies the bound

    @model_validator(mode="after")
    def _value(self) -> DenominatorBound:
        if (self.kind == "at_most") != (self.value is not None):
            raise ValueError("bound_value")
        return self


class Indicator(StrictModel):
    """What is measured, from what, and against which targets.

    `value`: a percentage (numerator over denominator, summed over units first), a count (the
    sum of the units' counts: "ít nhất 20 bộ dữ liệu"), an amount of money (a sum, in the
    plan's money unit), or a rank (a position, 1 the best: "nhóm 4 nước dẫn đầu ASEAN" is a
    rank of at most 4; measured once, by the monitoring body). `measure` says what numerator and denominator (or the count) are: items
    counted ("count") or money ("money"). A `central` indicator is measured once, by its
    monitoring body, and never summed from units."""

    id: Code
    area: Code
    section: Text
    text: Text  # the plan's sentence
    name: Text  # short label for tables, as the plan would write it (acronyms kept)
    value: Literal["percent", "count", "amount", "rank"] = "percent"
    measure: Literal["count", "money"] = "count"
    numerator: str = ""  # percent: what is counted
    denominator: str = ""  # percent: out of what
    quantity: str = ""  # count or amount: what is counted or summed
    count_unit: str = ""  # "văn bản", "hồ sơ", "bộ dữ liệu"
    money_words: str = ""  # how the report describes a money share: "chi cho … trên tổng chi …"
    accumulate: Literal["stock", "flow"] = "stock"  # a count at year end, or new in the year
    direction: Literal["higher", "lower"] = "higher"
    levels: list[Code]
    reporters: list[Code] | None = None  # unit codes; None: every unit whose kind reports a level
    central: bool = False  # one figure, entered by the monitoring body
    monitor: Code | None = None  # the monitoring body's unit code
    monitor_text: str = ""  # the plan's words in its "Cơ quan chủ trì theo dõi, đánh giá" column
    targets: list[Target]
    denominator_bounds: list[DenominatorBound] = []  # percent only: what one unit's denominator can be
    note: str = ""

    @model_validator(mode="after")
    def _parts(self) -> Indicator:
        if self.value == "percent" and not (self.numerator and self.denominator):
            raise ValueError("indicator_percent_parts")
        if self.value != "percent" and not self.quantity:
            raise ValueError("indicator_quantity")
        if self.value == "amount" and self.measure != "money":
            raise ValueError("indicator_amount_money")
        if self.value == "rank" and (self.direction != "lower" or not self.central):
            raise ValueError("indicator_rank")
        if self.central and self.monitor is None:
            raise ValueError("indicator_central_monitor")
        if self.denominator_bounds and not self.is_percent:
            raise ValueError("indicator_bound_not_percent")
        if any(lv not in self.levels for b in self.denominator_bounds for lv in b.levels):
            raise ValueError("indicator_bound_level")
        return self

    def bounds_for(self, level: str, unit_kind: str) -> list[DenominatorBound]:
        """The denominator bounds that hold for a unit of `unit_kind` reporting at `level`."""
        return [b for b in self.denominator_bounds
                if (not b.levels or level in b.levels) and (not b.unit_kinds or unit_kind in b.unit_kinds)]

    @property
    def is_percent(self) -> bool:
        return self.value == "percent"

    @property
    def state_at_end(self) -> bool:
        """Figures that describe a state at the end of the reporting period (units that have
        deployed a system, platforms in service), not events during it (documents sent): when units
        change during the year, only those still there at its end are counted, or the same
        place would be counted twice. A percentage is an event count unless the plan says
        `accumulate: stock`."""
        if self.is_percent:
            return "accumulate" in self.model_fields_set and self.accumulate == "stock"
        return self.accumulate == "stock"

    @property
    def whole_numbers(self) -> bool:
        """Whether the units' figures must be whole numbers (items, not money)."""
        return self.measure == "count"


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
    reference_only: bool = False  # it measures something close, not the same: a path from it is a reference


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
    reporters: list[Code] | None = None  # units or groups (all units of the group's kinds); None: every unit
    deadline: Deadline | None = None  # where the task's text gives one (core.deadline)


class Timeframe(StrictModel):
    start: int = Field(ge=2000, le=2100)
    end: int = Field(ge=2000, le=2100)

    @model_validator(mode="after")
    def _ordered(self) -> Timeframe:
        if self.end < self.start:
            raise ValueError("period_order")
        return self


class AppendixTask(StrictModel):
    """A row of the plan's task appendix. A funded appendix (Kế hoạch 744) gives a cost and a
    funding source; a task list (Quyết định 2629, Phụ lục II) gives partners, a result and a
    deadline instead. Units report a status and what they did; money only where there is a cost."""

    tt: int | Code  # the row's number as printed: 13, or "I.2" in a numbered task list
    group: str = ""  # the heading the row sits under ("I. Hoàn thiện thể chế")
    name: Text
    lead: Code  # a unit or a unit group
    lead_text: Text  # the plan's words in the lead column
    partners_text: str = ""
    partners: list[Code] = []  # units or groups the partners column names (phối hợp); optional
    result: str = ""  # the expected product ("Trình Quốc hội dự thảo Luật")
    continuing: bool | None = None  # chuyển tiếp (True) or mới (False), where the plan says
    status_text: str = ""  # the plan's words: "Nhiệm vụ chuyển tiếp", "Dự án mới", ...
    goal: str = ""
    timeframe: Timeframe
    timeframe_text: Text
    cost: NonNegDecimal | None = None  # planned cost, in the plan's money unit
    funding_text: str = ""
    funding: list[Literal["dia_phuong", "trung_uong", "khac"]] = []
    deadline: Deadline | None = None  # read from the row's words (timeframe_text), kept with them

    @property
    def funded(self) -> bool:
        return self.cost is not None


class TrackingPeriod(StrictModel):
    """A period units report task progress for (issue 27): a year, a quarter or a month, due on
    day `day` of the period's last month, `months_after` months later (Nghị định 09/2019: a
    quarter's report by the 14th of its last month: day 14, months_after 0)."""

    every: Literal["year", "quarter", "month"]
    day: int = Field(ge=1, le=31)
    months_after: int = Field(0, ge=0, le=3)
    source: Text  # where the plan (or the department) sets it


class Tracking(StrictModel):
    """The reporting periods of task progress the plan declares (status reports, core.progress)."""

    periods: list[TrackingPeriod] = Field(min_length=1)
    source: str = ""


class Budget(StrictModel):
    stated_total_vnd: NonNegInt
    stated_total_text: Text
    stated_total_words: Text
    section: Text
    appendix_unit: Text = "Triệu đồng"  # schema v1: the unit of the appendix's costs (v2: `money`)


MONEY_UNITS = {"đồng": 1, "nghìn đồng": 10**3, "ngàn đồng": 10**3, "triệu đồng": 10**6, "tỷ đồng": 10**9}
"""Vietnamese money units and their size in đồng (for a schema v1 plan's `appendix_unit`)."""


class Money(StrictModel):
    """The plan's money unit, used for costs, allocations and money targets everywhere."""

    unit: Text  # "triệu đồng", "tỷ đồng"
    dong: int = Field(ge=1)  # its size in đồng: 1000000

    @model_validator(mode="after")
    def _known(self) -> Money:
        known = MONEY_UNITS.get(self.unit.lower())
        if known is not None and known != self.dong:
            raise ValueError("money_unit_size")
        return self


class Limits(StrictModel):
    """Ceilings of plausibility for what a unit types: a figure above them is a typing mistake
    (a few zeros too many), reported before it can reach a sum. The plan may raise them."""

    count_max: NonNegInt = 10**12
    money_max: NonNegDecimal = Decimal(10**12)  # in the plan's money unit
