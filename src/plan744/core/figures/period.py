"""Everything a close-out (báo cáo tổng kết) shows, over a span of years of the plan's period.

Each year's figures are the annual ones (`year.year_figures`, each computed once from one
`history.History`), so a figure in the close-out is the figure of that year's report. The
close-out is a fold over them, pairing the years by indicator and scope and by appendix row
(never by position), without going back to the submissions. The span adds: where each target
started (the baseline), how it moved, where it ended against the target of the last year,
and the tally "x/y chỉ tiêu đạt và vượt"; five years of budget execution; what became of each
task; who reported. Works for any span inside the period (a mid-term review of 2021–2023 as
well as 2021–2025).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext

from plan744.core.figures.appendix import AppendixYear
from plan744.core.figures.codes import Attainment, Timeliness, Unassessed
from plan744.core.figures.history import History
from plan744.core.figures.ratio import share
from plan744.core.figures.targets import attainment
from plan744.core.figures.year import Baseline, Caveat, IndicatorYear, YearFigures, year_figures
from plan744.core.numbers import EXACT
from plan744.core.organisation import Unit, UnitGroup
from plan744.core.plan import AppendixTask, Indicator, Plan, Target, Task
from plan744.core.span import Span
from plan744.core.status import ReportStatus
from plan744.core.submission import Submission


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
            if self.final.unassessed is Unassessed.LEVEL_ENDED and self.ended_on is not None:
                # the level ended in an earlier year: judged on its last figures
                return attainment(self.target, self.ended_on[1])[0]
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
    def ended_on(self) -> tuple[dt.date, Decimal] | None:
        """For a level that ended during the span: its last day and its last figure."""
        for _, figure in reversed(self.by_year):
            if figure.level_end is not None and figure.judged is not None:
                return figure.level_end, figure.judged
        return None

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
        return not self.cumulative and all(s == ReportStatus.NOT_STARTED for _, found in self.statuses for s in found)

    @property
    def stopped(self) -> bool:
        return ReportStatus.STOPPED in self.final_statuses

    @property
    def done(self) -> bool:
        return bool(self.final_statuses) and all(ReportStatus(s).done for s in self.final_statuses)


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
    def span(self) -> Span:
        return Span(self.start, self.end)

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


def period_figures(plan: Plan, start: int, end: int, submissions: History | Iterable[Submission],
                   caveats: Sequence[Caveat] = (), today: dt.date | None = None) -> PeriodFigures:
    """The close-out of `start`..`end`: a fold over the annual figures of each year (computed once
    each, from one `History`), paired by indicator and scope and by appendix row, never by position."""
    with localcontext(EXACT):
        history = History.of(plan, submissions)
        years = tuple(year_figures(plan, y, history, caveats, today)
                      for y in Span(start, end))
        return PeriodFigures(plan, start, end, years, _indicators(years), _rows(years),
                             tuple(FundingYear(y.year, y.budget.allocated, y.budget.disbursed) for y in years if y.budget),
                             _areas(plan, years), _units(plan, years))


def _indicators(years: Sequence[YearFigures]) -> list[IndicatorPeriod]:
    """Each indicator and scope of the first year, followed through the span by (id, scope)."""
    keyed = [{(f.indicator.id, f.scope): f for f in y.indicators} for y in years]
    out = []
    for first in years[0].indicators:
        key = (first.indicator.id, first.scope)
        by_year = tuple((y.year, k[key]) for y, k in zip(years, keyed, strict=True))
        out.append(IndicatorPeriod(first.indicator, first.scope, first.baseline, by_year))
    return out


def _rows(years: Sequence[YearFigures]) -> list[RowPeriod]:
    """Each appendix row of the last year, followed through the span by its TT."""
    keyed: list[dict[int | str, AppendixYear]] = [{r.task.tt: r for r in y.appendix} for y in years]
    out = []
    for row in years[-1].appendix:
        tt = row.task.tt
        spent = tuple((y.year, k[tt].allocated, k[tt].disbursed) for y, k in zip(years, keyed, strict=True))
        statuses = tuple((y.year, k[tt].statuses) for y, k in zip(years, keyed, strict=True))
        out.append(RowPeriod(row.task, row.lead, row.lead_name, row.transferred_from, spent, row.cumulative, statuses))
    return out


def _areas(plan: Plan, years: Sequence[YearFigures]) -> list[AreaOutcome]:
    """Each unit's latest status for each task over the span, counted by outcome."""
    latest: dict[tuple[str, str], str] = {}
    for y in years:
        for area_tasks in y.areas:
            for ty in area_tasks.tasks:
                for account in ty.accounts:
                    latest[(ty.task.id, account.unit.code)] = account.status
    per_task: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for (task_id, _), status in latest.items():
        per_task[task_id][ReportStatus(status).outcome] += 1
    areas = []
    for area in plan.areas:
        outcomes = tuple(
            TaskOutcome(t, per_task[t.id]["done"], per_task[t.id]["in_progress"], per_task[t.id]["not_done"],
                        sum(per_task[t.id].values()))
            for t in plan.tasks if t.area == area.code and t.id in per_task)
        if outcomes:
            areas.append(AreaOutcome(area.code, area.name, outcomes))
    return areas


def _units(plan: Plan, years: Sequence[YearFigures]) -> list[UnitRecord]:
    """Each unit's delivery, year by year (units owing nothing in any year of the span left out)."""
    records: dict[str, list[tuple[int, Timeliness, int]]] = defaultdict(list)
    for y in years:
        owed = {d.unit.code: d for d in y.completeness.rows}
        for unit in plan.units:
            d = owed.get(unit.code)
            records[unit.code].append((y.year, d.timeliness, d.days_late) if d else (y.year, Timeliness.NOT_DUE, 0))
    return [UnitRecord(u, tuple(records[u.code])) for u in plan.units
            if any(t is not Timeliness.NOT_DUE for _, t, _ in records[u.code])]
