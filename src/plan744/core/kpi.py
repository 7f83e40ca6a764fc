"""The arithmetic of the annual report. Pure: plan and submissions in, figures out.

Rules that matter:
- a ratio is the sum of numerators over the sum of denominators, never an average of
  units' percentages;
- money and counts stay exact (int/Decimal); percentages are Decimals, rounded only
  when shown;
- the plan sets no yearly values: in years before the end of the period, progress is
  judged against the straight path from the baseline to the end target.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from enum import Enum
from typing import Iterable, Sequence

from plan744.core.numbers import EXACT
from plan744.core.plan import ALL_LEVELS, AppendixTask, Indicator, Plan, Target, Task, Unit
from plan744.core.submission import STATUS_LABELS, Submission

HUNDRED = Decimal(100)
LAGGING = ("chua_trien_khai", "cham_tien_do", "tam_dung")


@dataclass(frozen=True, slots=True)
class Ratio:
    numerator: Decimal
    denominator: Decimal

    @property
    def percent(self) -> Decimal | None:
        if self.denominator == 0:
            return None
        return self.numerator * HUNDRED / self.denominator

    def __add__(self, other: "Ratio") -> "Ratio":
        return Ratio(self.numerator + other.numerator, self.denominator + other.denominator)


ZERO = Ratio(Decimal(0), Decimal(0))


def pooled(ratios: Iterable[Ratio]) -> Ratio:
    total = ZERO
    for r in ratios:
        total = total + r
    return total


class Status(str, Enum):
    STRETCH = "stretch"  # at or above the upper end of a band
    REACHED = "reached"
    NOT_REACHED = "not_reached"
    QUALITATIVE = "qualitative"
    NO_DATA = "no_data"


STATUS_TEXT = {
    Status.STRETCH: "Đạt mức phấn đấu",
    Status.REACHED: "Đạt",
    Status.NOT_REACHED: "Chưa đạt",
    Status.QUALITATIVE: "Không có ngưỡng định lượng",
    Status.NO_DATA: "Chưa có số liệu",
}


class PathStatus(str, Enum):
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NO_BASELINE = "no_baseline"
    FINAL_YEAR = "final_year"


PATH_TEXT = {
    PathStatus.ON_TRACK: "Đúng lộ trình",
    PathStatus.BEHIND: "Chậm so với lộ trình",
    PathStatus.NO_BASELINE: "Không có số liệu năm gốc",
    PathStatus.FINAL_YEAR: "Năm cuối giai đoạn",
}


def target_status(target: Target, percent: Decimal | None, direction: str = "higher") -> Status:
    if target.kind == "qualitative":
        return Status.QUALITATIVE
    if percent is None:
        return Status.NO_DATA
    assert target.value is not None
    if direction == "lower" or target.kind == "ceiling":
        return Status.REACHED if percent <= target.value else Status.NOT_REACHED
    if target.kind == "band" and target.stretch is not None and percent >= target.stretch:
        return Status.STRETCH
    return Status.REACHED if percent >= target.value else Status.NOT_REACHED


def path_value(baseline: Decimal, baseline_year: int, target: Decimal, target_year: int, year: int) -> Decimal:
    """Where the straight line from the baseline to the end target stands in `year`."""
    steps = Decimal(target_year - baseline_year)
    return baseline + (target - baseline) * Decimal(year - baseline_year) / steps


# --- indicators -------------------------------------------------------------------


@dataclass(frozen=True)
class UnitFigure:
    unit: Unit
    ratio: Ratio
    previous: Ratio | None
    rank: int  # 1 = best; equal percentages share a rank


@dataclass(frozen=True)
class IndicatorResult:
    indicator: Indicator
    target: Target
    scope_name: str  # "Toàn tỉnh", "Cấp tỉnh", ...
    levels: tuple[str, ...]  # levels pooled for this scope
    ratio: Ratio
    previous: Ratio | None  # same scope, previous year, when that year is on file
    status: Status
    baseline: Ratio | None
    baseline_year: int | None
    path_expected: Decimal | None  # percent on the straight path this year
    path_status: PathStatus
    units: tuple[UnitFigure, ...]  # ranked
    reporting_units: int  # units that gave figures for this scope
    expected_units: int  # units that should have

    @property
    def percent(self) -> Decimal | None:
        return self.ratio.percent

    @property
    def change_points(self) -> Decimal | None:
        """Change since the previous year, in percentage points."""
        if self.previous is None or self.previous.percent is None or self.percent is None:
            return None
        return self.percent - self.previous.percent


def _unit_ratio(sub: Submission, ind_id: str, levels: Sequence[str]) -> Ratio | None:
    per_level = sub.indicators.get(ind_id)
    if not per_level:
        return None
    parts = [per_level[lv] for lv in levels if lv in per_level]
    if not parts:
        return None
    return pooled(Ratio(Decimal(c.numerator), Decimal(c.denominator)) for c in parts)


def _rank(figures: list[tuple[Unit, Ratio, Ratio | None]]) -> tuple[UnitFigure, ...]:
    def key(item: tuple[Unit, Ratio, Ratio | None]) -> tuple:
        pct = item[1].percent
        return (pct is None, -(pct or 0), item[0].code)

    ordered = sorted(figures, key=key)
    out: list[UnitFigure] = []
    rank, last = 0, object()
    for i, (unit, ratio, prev) in enumerate(ordered, start=1):
        if ratio.percent != last:
            rank, last = i, ratio.percent
        out.append(UnitFigure(unit, ratio, prev, rank))
    return tuple(out)


def _baseline_for(plan: Plan, indicator: Indicator) -> tuple[Ratio, int] | None:
    for b in plan.baselines:
        if b.link is not None and b.link.indicator == indicator.id:
            num = sum((b.figures[k].value for k in b.link.numerator), Decimal(0))
            den = sum((b.figures[k].value for k in b.link.denominator), Decimal(0))
            return Ratio(num, den), b.year
    return None


def indicator_results(
    plan: Plan, year: int, current: Sequence[Submission], previous: Sequence[Submission]
) -> list[IndicatorResult]:
    prev_by_unit = {s.unit: s for s in previous}
    results = []
    for ind in plan.indicators:
        for target in ind.targets:
            levels = tuple(ind.levels) if target.scope == ALL_LEVELS else (target.scope,)
            scope_name = "Toàn tỉnh" if target.scope == ALL_LEVELS else plan.levels_by_code[target.scope].name.capitalize()
            figures: list[tuple[Unit, Ratio, Ratio | None]] = []
            for sub in current:
                unit = plan.units_by_code.get(sub.unit)
                if unit is None or not set(plan.indicator_levels_for(ind, sub.unit)) & set(levels):
                    continue
                ratio = _unit_ratio(sub, ind.id, levels)
                if ratio is None:
                    continue
                before = prev_by_unit.get(sub.unit)
                figures.append((unit, ratio, _unit_ratio(before, ind.id, levels) if before else None))
            expected = sum(
                1 for u in plan.units if set(plan.indicator_levels_for(ind, u.code)) & set(levels)
            )
            total = pooled(r for _, r, _ in figures)
            prev_ratios = [
                _unit_ratio(s, ind.id, levels) for s in previous if plan.indicator_levels_for(ind, s.unit)
            ]
            prev_total = pooled(r for r in prev_ratios if r is not None) if previous else None
            if prev_total is not None and prev_total.denominator == 0:
                prev_total = None
            status = target_status(target, total.percent, ind.direction)
            base = _baseline_for(plan, ind)
            path_expected, path_status = None, PathStatus.NO_BASELINE
            if year >= plan.period.end:
                path_status = PathStatus.FINAL_YEAR
            elif base is not None and base[0].percent is not None and target.value is not None:
                path_expected = path_value(base[0].percent, base[1], target.value, plan.period.end, year)
                pct = total.percent
                if pct is not None:
                    path_status = PathStatus.ON_TRACK if pct >= path_expected else PathStatus.BEHIND
            results.append(
                IndicatorResult(
                    indicator=ind, target=target, scope_name=scope_name, levels=levels, ratio=total,
                    previous=prev_total, status=status,
                    baseline=base[0] if base else None, baseline_year=base[1] if base else None,
                    path_expected=path_expected, path_status=path_status, units=_rank(figures),
                    reporting_units=len(figures), expected_units=expected,
                )
            )
    return results


# --- completeness -----------------------------------------------------------------


@dataclass(frozen=True)
class Completeness:
    deadline: dt.date
    period: tuple[dt.date, dt.date]
    on_time: tuple[tuple[Unit, dt.date], ...]
    late: tuple[tuple[Unit, dt.date, int], ...]  # unit, date, days late
    missing: tuple[Unit, ...]

    @property
    def expected(self) -> int:
        return len(self.on_time) + len(self.late) + len(self.missing)

    @property
    def submitted(self) -> int:
        return len(self.on_time) + len(self.late)


def completeness(plan: Plan, year: int, current: Sequence[Submission]) -> Completeness:
    deadline = plan.reporting.deadline_for(year)
    by_unit = {s.unit: s for s in current}
    on_time, late, missing = [], [], []
    for unit in plan.units:
        sub = by_unit.get(unit.code)
        if sub is None:
            missing.append(unit)
        elif sub.submitted <= deadline:
            on_time.append((unit, sub.submitted))
        else:
            late.append((unit, sub.submitted, (sub.submitted - deadline).days))
    return Completeness(deadline, plan.reporting.window(year), tuple(on_time), tuple(late), tuple(missing))


# --- appendix tasks and budget ----------------------------------------------------


@dataclass(frozen=True)
class TaskReportLine:
    unit: Unit
    status: str
    allocated: Decimal
    disbursed: Decimal
    progress: str


@dataclass(frozen=True)
class AppendixResult:
    task: AppendixTask
    lead_name: str
    in_timeframe: bool
    reports: tuple[TaskReportLine, ...]
    allocated: Decimal
    disbursed: Decimal
    cumulative: Decimal  # disbursed since the start of the period, this year included

    @property
    def cumulative_share(self) -> Decimal | None:
        return self.cumulative * HUNDRED / self.task.cost if self.task.cost else None

    @property
    def disbursement_rate(self) -> Decimal | None:
        return self.disbursed * HUNDRED / self.allocated if self.allocated else None

    @property
    def status_text(self) -> str:
        if not self.reports:
            return "Chưa có báo cáo" if self.in_timeframe else "Ngoài thời gian triển khai"
        labels = sorted({STATUS_LABELS[r.status] for r in self.reports})
        return "; ".join(labels)

    @property
    def behind(self) -> bool:
        return any(r.status in ("cham_tien_do", "tam_dung") for r in self.reports)


@dataclass(frozen=True)
class BudgetTotals:
    planned: Decimal
    allocated: Decimal
    disbursed: Decimal
    cumulative: Decimal
    stated_total: Decimal  # the plan's own stated total, million VND

    @property
    def disbursement_rate(self) -> Decimal | None:
        return self.disbursed * HUNDRED / self.allocated if self.allocated else None

    @property
    def cumulative_share(self) -> Decimal | None:
        return self.cumulative * HUNDRED / self.planned if self.planned else None


def appendix_results(
    plan: Plan, year: int, history: Sequence[Submission]
) -> tuple[list[AppendixResult], BudgetTotals]:
    cumulative: dict[int, Decimal] = defaultdict(Decimal)
    for sub in history:
        if plan.period.start <= sub.year <= year:
            for rep in sub.appendix:
                cumulative[rep.tt] += rep.disbursed
    lines: dict[int, list[TaskReportLine]] = defaultdict(list)
    for sub in history:
        if sub.year != year or sub.unit not in plan.units_by_code:
            continue
        for rep in sub.appendix:
            lines[rep.tt].append(TaskReportLine(plan.units_by_code[sub.unit], rep.status, rep.allocated,
                                                rep.disbursed, rep.progress))
    results = []
    for task in plan.appendix:
        reps = tuple(sorted(lines.get(task.tt, []), key=lambda r: r.unit.code))
        holder = plan.units_by_code.get(task.lead) or plan.groups_by_code.get(task.lead)
        results.append(AppendixResult(
            task=task, lead_name=holder.name if holder else task.lead_text,
            in_timeframe=task.timeframe.start <= year <= task.timeframe.end, reports=reps,
            allocated=sum((r.allocated for r in reps), Decimal(0)),
            disbursed=sum((r.disbursed for r in reps), Decimal(0)),
            cumulative=cumulative.get(task.tt, Decimal(0)),
        ))
    totals = BudgetTotals(
        planned=plan.appendix_total,
        allocated=sum((r.allocated for r in results), Decimal(0)),
        disbursed=sum((r.disbursed for r in results), Decimal(0)),
        cumulative=sum((r.cumulative for r in results), Decimal(0)),
        stated_total=Decimal(plan.budget.stated_total_vnd) / plan.money.dong if plan.budget else plan.appendix_total,
    )
    return results, totals


# --- qualitative tasks and narrative ----------------------------------------------


@dataclass(frozen=True)
class Account:
    unit: Unit
    status: str
    text: str


@dataclass(frozen=True)
class TaskResult:
    task: Task
    accounts: tuple[Account, ...]

    @property
    def counts(self) -> list[tuple[str, int]]:
        """(status, number of units), in the order of the status list, zero counts left out."""
        out: dict[str, int] = defaultdict(int)
        for a in self.accounts:
            out[a.status] += 1
        return [(status, out[status]) for status in STATUS_LABELS if out[status]]

    @property
    def lagging(self) -> tuple[Account, ...]:
        """Accounts of units that have not started, are behind, or stopped: what the report must name."""
        return tuple(a for a in self.accounts if a.status in LAGGING)


@dataclass(frozen=True)
class AreaTasks:
    code: str
    name: str
    tasks: tuple[TaskResult, ...]


def task_results(plan: Plan, current: Sequence[Submission]) -> list[AreaTasks]:
    accounts: dict[str, list[Account]] = defaultdict(list)
    for sub in sorted(current, key=lambda s: s.unit):
        unit = plan.units_by_code.get(sub.unit)
        if unit is None:
            continue
        for task_id, rep in sub.tasks.items():
            accounts[task_id].append(Account(unit, rep.status, rep.account))
    areas = []
    for area in plan.areas:
        tasks = tuple(TaskResult(t, tuple(accounts.get(t.id, []))) for t in plan.tasks if t.area == area.code)
        if any(t.accounts for t in tasks):
            areas.append(AreaTasks(area.code, area.name, tuple(t for t in tasks if t.accounts)))
    return areas


@dataclass(frozen=True)
class NarrativeItem:
    unit: Unit
    text: str


@dataclass(frozen=True)
class NarrativeGroup:
    kind_name: str
    items: tuple[NarrativeItem, ...]


def narrative(plan: Plan, current: Sequence[Submission], section: str) -> list[NarrativeGroup]:
    """One narrative section (highlights, shortcomings, proposals) of every unit, by unit kind."""
    groups = []
    order = {u.code: i for i, u in enumerate(plan.units)}
    for kind in plan.organisation.kinds:
        items = tuple(
            NarrativeItem(plan.units_by_code[s.unit], getattr(s.narrative, section))
            for s in sorted(current, key=lambda s: order.get(s.unit, 0))
            if s.unit in plan.units_by_code and plan.units_by_code[s.unit].kind == kind.code
        )
        if items:
            groups.append(NarrativeGroup(kind.name, items))
    return groups


# --- the whole year ---------------------------------------------------------------


@dataclass(frozen=True)
class YearReport:
    plan: Plan
    year: int
    indicators: list[IndicatorResult]
    completeness: Completeness
    appendix: list[AppendixResult]
    budget: BudgetTotals
    areas: list[AreaTasks]
    highlights: list[NarrativeGroup]
    shortcomings: list[NarrativeGroup]
    proposals: list[NarrativeGroup]
    previous_year_on_file: bool = field(default=False)

    @property
    def not_reached(self) -> list[IndicatorResult]:
        return [r for r in self.indicators if r.status is Status.NOT_REACHED]

    @property
    def behind_path(self) -> list[IndicatorResult]:
        return [r for r in self.indicators if r.path_status is PathStatus.BEHIND]

    @property
    def tasks_behind(self) -> list[AppendixResult]:
        return [a for a in self.appendix if a.behind or (a.in_timeframe and not a.reports)]


def year_report(plan: Plan, year: int, history: Sequence[Submission]) -> YearReport:
    """Everything the annual report shows for `year`, from all submissions on file."""
    with localcontext(EXACT):  # sums are never rounded (core.numbers.EXACT)
        return _year_report(plan, year, history)


def _year_report(plan: Plan, year: int, history: Sequence[Submission]) -> YearReport:
    current = [s for s in history if s.year == year]
    previous = [s for s in history if s.year == year - 1]
    appendix, budget = appendix_results(plan, year, history)
    return YearReport(
        plan=plan,
        year=year,
        indicators=indicator_results(plan, year, current, previous),
        completeness=completeness(plan, year, current),
        appendix=appendix,
        budget=budget,
        areas=task_results(plan, current),
        highlights=narrative(plan, current, "highlights"),
        shortcomings=narrative(plan, current, "shortcomings"),
        proposals=narrative(plan, current, "proposals"),
        previous_year_on_file=bool(previous),
    )
