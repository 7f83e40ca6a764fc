"""The plan as data: a five-year plan of the kind "ứng dụng CNTT, chuyển đổi số", its targets,
tasks, appendix, the organisation that reports on it, and how its report is issued.

Nothing here is specific to one province or one plan: levels, unit kinds, areas, targets,
wording, the report's issuer and symbol, the money unit all come from the plan file (Kế hoạch
744/KH-UBND of Nghệ An, Quyết định 2629/QĐ-TTg and a fictional test plan use the same model).
Checks that need more than one field (references, totals) live in `plan_checks`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cached_property
from typing import Literal

from pydantic import Field, model_validator

from plan744.core.labels import Words
from plan744.core.organisation import Organisation, Unit, UnitGroup, UnitKind
from plan744.core.strict import Code, ExactDecimal, NonNegDecimal, NonNegInt, StrictModel, Text

ALL_LEVELS = "all"
"""Target scope meaning "the whole area (province, country), all levels pooled"."""
V1_ALL = "toan_tinh"
"""The same scope as a schema version 1 plan writes it."""


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
    reporters: list[Code] | None = None


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
    result: str = ""  # the expected product ("Trình Quốc hội dự thảo Luật")
    continuing: bool | None = None  # chuyển tiếp (True) or mới (False), where the plan says
    status_text: str = ""  # the plan's words: "Nhiệm vụ chuyển tiếp", "Dự án mới", ...
    goal: str = ""
    timeframe: Timeframe
    timeframe_text: Text
    cost: NonNegDecimal | None = None  # planned cost, in the plan's money unit
    funding_text: str = ""
    funding: list[Literal["dia_phuong", "trung_uong", "khac"]] = []

    @property
    def funded(self) -> bool:
        return self.cost is not None


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


class Recipient(StrictModel):
    """A line of "Nơi nhận", valid between two dates (a body merged in 2025 is no longer sent to)."""

    text: Text
    since: dt.date | None = None
    until: dt.date | None = None


class ReportSigner(StrictModel):
    capacity: list[Text]  # ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
    title: Text  # "PHÓ CHỦ TỊCH"
    name: str = ""  # left blank in a draft; --nguoi-ky fills it


class ReportSettings(StrictModel):
    """Who issues the report on the plan, under which symbol, to whom: the report's own header
    and signature (not the plan's)."""

    issuer_parent: str = ""  # parent body line of the header; empty for an UBND
    issuer: list[Text]  # issuing body in capitals, one entry per line
    issuer_short: Text  # "UBND tỉnh Nghệ An", in sentences
    symbol: Text  # "BC-UBND": the report is "Số: …/BC-UBND"
    place: Text  # "Nghệ An" in "Nghệ An, ngày …"
    area_name: Text  # "Toàn tỉnh", "Toàn quốc": the whole area's row in tables
    drafting_role: Code = "soan_thao"  # the organisation's role that drafts the report
    drafter_text: str = ""  # the drafting body when the organisation names no holder
    recipients: list[Recipient | Text] = []
    signer: ReportSigner

    def recipients_on(self, day: dt.date) -> list[str]:
        out = []
        for r in self.recipients:
            if isinstance(r, str):
                out.append(r)
            elif (r.since is None or r.since <= day) and (r.until is None or day <= r.until):
                out.append(r.text)
        return out


class Limits(StrictModel):
    """Ceilings of plausibility for what a unit types: a figure above them is a typing mistake
    (a few zeros too many), reported before it can reach a sum. The plan may raise them."""

    count_max: NonNegInt = 10**12
    money_max: NonNegDecimal = Decimal(10**12)  # in the plan's money unit


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
    # The plan's own wording of the reports (`core.labels.WORDS`); written out only when it rewords something.
    words: Words = Field(default_factory=Words, exclude_if=lambda w: not w.model_fields_set)

    @model_validator(mode="before")
    @classmethod
    def _upgrade(cls, data: object) -> object:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        if "registry" in data or "unit_kinds" in data:  # v1: units inline
            if "organisation" in data:
                raise ValueError("plan_two_organisations")
            registry = data.pop("registry", None)
            kinds = data.pop("unit_kinds", None)
            if isinstance(registry, dict) and isinstance(kinds, list):
                data["organisation"] = {
                    "name": "Danh sách đơn vị của kế hoạch",
                    "source": registry.get("source", ""),
                    "expected_counts": registry.get("expected_counts", {}),
                    "expected_counts_source": registry.get("expected_counts_source", ""),
                    "kinds": kinds,
                    "units": registry.get("units", []),
                    "groups": registry.get("groups", []),
                }
        doc = data.get("document")
        if "report" not in data and isinstance(doc, dict):
            data["report"] = _report_from_document(doc)
        if "money" not in data:
            budget = data.get("budget")
            unit = budget.get("appendix_unit") if isinstance(budget, dict) else None
            unit = unit if isinstance(unit, str) else "triệu đồng"
            data["money"] = {"unit": unit[:1].lower() + unit[1:], "dong": MONEY_UNITS.get(unit.lower(), 10**6)}
        return data

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
        return [t for t in self.tasks if t.reporters is None or unit_code in t.reporters]

    @property
    def appendix_total(self) -> Decimal:
        return sum((t.cost for t in self.appendix if t.cost is not None), Decimal(0))

    def drafter(self, year: int) -> str | None:
        """The unit that drafts the report for `year` (holder of the drafting role at the end of
        the year's data period), if the organisation names one."""
        return self.organisation.role_holder(self.report.drafting_role, self.window(year)[1])


def _report_from_document(doc: dict) -> dict:
    """Report settings of a schema v1 plan: the plan's own header, place and signature, and the
    symbol BC-<issuing body> taken from the plan's symbol ("744/KH-UBND" -> "BC-UBND")."""
    number = str(doc.get("number", ""))
    body = number.split("/", 1)[-1].split("-", 1)[-1] if "-" in number else ""
    issuer = str(doc.get("issuer", ""))
    # "Ủy ban nhân dân tỉnh Nghệ An" -> the kind of area it governs -> "Toàn tỉnh"
    words = issuer.split()
    area_kind = words[4] if issuer.lower().startswith("ủy ban nhân dân") and len(words) > 4 else ""
    raw_signer = doc.get("signer")
    signer: dict = raw_signer if isinstance(raw_signer, dict) else {}
    return {
        "issuer_parent": doc.get("header_parent", ""),
        "issuer": doc.get("header_issuer", []),
        "issuer_short": doc.get("issuer_short", ""),
        "symbol": f"BC-{body}" if body else "BC",
        "place": doc.get("place", ""),
        "area_name": f"Toàn {area_kind}" if area_kind else "Toàn bộ",
        "recipients": [r for r in doc.get("recipients", []) if isinstance(r, str)],
        "signer": {"capacity": signer.get("capacity", []), "title": signer.get("title", "")},
    }
