"""Everything a close-out (báo cáo tổng kết) shows, over a span of years of the plan's period.

Each year's figures are the annual ones (`year.year_figures`), so a figure in the close-out is
the figure of that year's report; the span adds: where each target started (the baseline),
how it moved, where it ended against the target of the last year, and the tally "x/y chỉ
tiêu đạt và vượt"; five years of budget execution; what became of each task; who reported.
Works for any span inside the period (a mid-term review of 2021–2023 as well as 2021–2025).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext

from plan744.core.figures.codes import Attainment, Timeliness, Unassessed
from plan744.core.figures.ratio import share
from plan744.core.figures.year import Baseline, Caveat, IndicatorYear, YearFigures, disbursed_by_year, year_figures
from plan744.core.numbers import EXACT
from plan744.core.organisation import Unit, UnitGroup
from plan744.core.plan import AppendixTask, Indicator, Plan, Target, Task
from plan744.core.submission import DONE, LAGGING, Submission


@dataclass(frozen=True)
class IndicatorPeriod:
    indicator: Indicator
    scope: str
    baseline: Baseline | None
    by_year: tuple[tuple[int, IndicatorYear], ...]  # one per year of the span

    @property
    def final(self) -> IndicatorYear:
        return self.by_year[-1][1]

    @property
    def target(self) -> Target | None:
        return self.final.target

    @property
    def yearly(self) -> tuple[tuple[int, IndicatorYear], ...]:
        """For a target set for each year ("05 bộ mỗi năm"): the years of the span it governs."""
        t = self.target
        if t is None or not t.each_year:
            return ()
        return tuple((y, f) for y, f in self.by_year if f.target is t)

    @property
    def missed_years(self) -> tuple[int, ...]:
        """The years of a yearly target in which it was not reached."""
        return tuple(y for y, f in self.yearly if f.attainment is Attainment.NOT_REACHED)

    @property
    def attainment(self) -> Attainment:
        """The final figure against the final target; a yearly target is reached over the span
        only if it was reached in every year it governs (one year short is "chưa đạt")."""
        yearly = self.yearly
        if not yearly:
            return self.final.attainment
        verdicts = [f.attainment for _, f in yearly]
        if Attainment.NOT_REACHED in verdicts:
            return Attainment.NOT_REACHED
        if Attainment.NOT_ASSESSED in verdicts:
            return Attainment.NOT_ASSESSED
        return Attainment.EXCEEDED if all(v is Attainment.EXCEEDED for v in verdicts) else Attainment.REACHED

    @property
    def unassessed(self) -> Unassessed | None:
        if self.yearly and self.attainment is Attainment.NOT_ASSESSED and self.final.unassessed is None:
            return Unassessed.PARTIAL_YEARS  # a year in the middle has no figure
        return self.final.unassessed if self.attainment is Attainment.NOT_ASSESSED else None

    @property
    def last_figure(self) -> tuple[int, Decimal] | None:
        """The latest year with a figure, and the figure (a level that ended keeps its last one)."""
        for year, figure in reversed(self.by_year):
            if figure.judged is not None:
                return year, figure.judged
        return None


@dataclass(frozen=True)
class RowPeriod:
    task: AppendixTask
    lead: Unit | UnitGroup | None  # at the end of the span
    lead_name: str
    transferred_from: str | None
    by_year: tuple[tuple[int, Decimal, Decimal], ...]  # (year, allocated, disbursed)
    cumulative: Decimal
    statuses: tuple[tuple[int, tuple[str, ...]], ...]  # (year, statuses reported that year)

    @property
    def cumulative_share(self) -> Decimal | None:
        return share(self.cumulative, self.task.cost) if self.task.cost else None

    @property
    def final_statuses(self) -> tuple[str, ...]:
        """The statuses of the last year anything was reported."""
        for _, found in reversed(self.statuses):
            if found:
                return found
        return ()

    @property
    def never_started(self) -> bool:
        return not self.cumulative and all(s in ("chua_trien_khai",) for _, found in self.statuses for s in found)

    @property
    def stopped(self) -> bool:
        return "tam_dung" in self.final_statuses

    @property
    def done(self) -> bool:
        return bool(self.final_statuses) and all(s in DONE for s in self.final_statuses)


@dataclass(frozen=True)
class FundingYear:
    year: int
    allocated: Decimal
    disbursed: Decimal

    @property
    def rate(self) -> Decimal | None:
        return share(self.disbursed, self.allocated)


@dataclass(frozen=True)
class TaskOutcome:
    """What became of a qualitative task: each unit's latest status over the span, counted."""

    task: Task
    done: int
    in_progress: int
    not_done: int
    units: int


@dataclass(frozen=True)
class AreaOutcome:
    code: str
    name: str
    tasks: tuple[TaskOutcome, ...]

    @property
    def done(self) -> int:
        return sum(t.done for t in self.tasks)

    @property
    def in_progress(self) -> int:
        return sum(t.in_progress for t in self.tasks)

    @property
    def not_done(self) -> int:
        return sum(t.not_done for t in self.tasks)


@dataclass(frozen=True)
class UnitRecord:
    unit: Unit
    by_year: tuple[tuple[int, Timeliness, int], ...]  # (year, timeliness, days late)


@dataclass(frozen=True)
class PeriodFigures:
    plan: Plan
    start: int
    end: int
    years: tuple[YearFigures, ...]
    indicators: list[IndicatorPeriod]
    rows: list[RowPeriod]
    funding: tuple[FundingYear, ...]
    areas: list[AreaOutcome]
    units: list[UnitRecord]

    @property
    def span(self) -> range:
        return range(self.start, self.end + 1)

    @property
    def last(self) -> YearFigures:
        return self.years[-1]

    @property
    def counted(self) -> list[IndicatorPeriod]:
        """The targets with a verdict at the end of the span: the y of "x/y đạt và vượt"."""
        return [i for i in self.indicators if i.attainment is not Attainment.NOT_ASSESSED]

    @property
    def met(self) -> list[IndicatorPeriod]:
        return [i for i in self.indicators if i.attainment.met]

    @property
    def exceeded(self) -> list[IndicatorPeriod]:
        return [i for i in self.indicators if i.attainment is Attainment.EXCEEDED]

    @property
    def not_met(self) -> list[IndicatorPeriod]:
        return [i for i in self.indicators if i.attainment is Attainment.NOT_REACHED]

    @property
    def not_assessed(self) -> list[IndicatorPeriod]:
        """Targets with a figure the data or the organisation did not allow to judge (said why)."""
        return [i for i in self.indicators if i.attainment is Attainment.NOT_ASSESSED
                and i.unassessed is not Unassessed.QUALITATIVE]

    @property
    def qualitative(self) -> list[IndicatorPeriod]:
        """Targets without a figure to reach (judged through the tasks, not counted in the tally)."""
        return [i for i in self.indicators if i.unassessed is Unassessed.QUALITATIVE]

    @property
    def planned(self) -> Decimal:
        return self.plan.appendix_total

    @property
    def cumulative(self) -> Decimal:
        return sum((r.cumulative for r in self.rows), Decimal(0))

    @property
    def cumulative_share(self) -> Decimal | None:
        return share(self.cumulative, self.planned)


def _outcome(status: str) -> str:
    if status in DONE:
        return "done"
    if status in LAGGING and status != "cham_tien_do":
        return "not_done"
    return "in_progress"


def period_figures(plan: Plan, start: int, end: int, submissions: Sequence[Submission],
                   caveats: Sequence[Caveat] = (), today: dt.date | None = None) -> PeriodFigures:
    with localcontext(EXACT):
        years = tuple(year_figures(plan, y, submissions, [c for c in caveats if c.year == y], today)
                      for y in range(start, end + 1))
        indicators = []
        for i, first in enumerate(years[0].indicators):
            by_year = tuple((y.year, y.indicators[i]) for y in years)
            indicators.append(IndicatorPeriod(first.indicator, first.scope, first.baseline, by_year))
        money = disbursed_by_year(plan, [s for s in submissions if s.year <= end], end)
        rows = []
        for j, row in enumerate(years[-1].appendix):
            tt = row.task.tt
            spent = tuple((y.year, *money.get((tt, y.year), (Decimal(0), Decimal(0)))) for y in years)
            statuses = tuple((y.year, y.appendix[j].statuses) for y in years)
            rows.append(RowPeriod(row.task, row.lead, row.lead_name, row.transferred_from, spent,
                                  row.cumulative, statuses))
        funding = tuple(FundingYear(y.year, y.budget.allocated, y.budget.disbursed) for y in years if y.budget)
        # each unit's latest status for each task, over the span
        latest: dict[tuple[str, str], str] = {}
        for s in sorted(submissions, key=lambda s: s.year):
            if start <= s.year <= end:
                for task_id, rep in s.tasks.items():
                    latest[(task_id, s.unit)] = rep.status
        per_task: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for (task_id, _), status in latest.items():
            per_task[task_id][_outcome(status)] += 1
        areas = []
        for area in plan.areas:
            outcomes = tuple(
                TaskOutcome(t, per_task[t.id]["done"], per_task[t.id]["in_progress"], per_task[t.id]["not_done"],
                            sum(per_task[t.id].values()))
                for t in plan.tasks if t.area == area.code and t.id in per_task)
            if outcomes:
                areas.append(AreaOutcome(area.code, area.name, outcomes))
        records: dict[str, list[tuple[int, Timeliness, int]]] = defaultdict(list)
        for y in years:
            owed = {d.unit.code: d for d in y.completeness.rows}
            for unit in plan.units:
                d = owed.get(unit.code)
                records[unit.code].append((y.year, d.timeliness, d.days_late) if d else (y.year, Timeliness.NOT_DUE, 0))
        units = [UnitRecord(u, tuple(records[u.code])) for u in plan.units
                 if any(t is not Timeliness.NOT_DUE for _, t, _ in records[u.code])]
        return PeriodFigures(plan, start, end, years, indicators, rows, funding, areas, units)
