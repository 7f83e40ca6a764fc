"""Everything an annual report shows for one reporting year, computed once.

Rules that matter:
- a percentage is the sum of numerators over the sum of denominators of the units, never a
  mean of their percentages; a count or an amount is a sum; a central indicator is the one
  figure of its monitoring body;
- money and counts stay exact (int/Decimal, summed in an 80-digit context); percentages are
  Decimals, rounded only when shown (and then never across the threshold of their verdict);
- who owes a report, and for which part of the year, comes from the organisation's dates: a
  unit that ended mid-year reports its part, its successor the rest (or the whole year, for a
  merger); a level whose units all ended during the year is judged on its figures to its last
  day, and a figure whose successors are not asked the indicator carries that gap
  (`assessment`, the rules of judgement in one place);
- every verdict is a code; the words are in `core.labels`.

This module computes the indicators and assembles the year; its other parts sit beside it:
`history` (the submissions of each year and what each unit owed), `delivery` (who sent what,
when), `appendix` (rows and budget), `tasks` (qualitative tasks and narratives).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, localcontext

from plan744.core.figures.appendix import AppendixYear, Budget, appendix_years
from plan744.core.figures.assessment import uncovered
from plan744.core.figures.codes import Attainment, PathStatus, Unassessed
from plan744.core.figures.delivery import Completeness, completeness
from plan744.core.figures.history import History, SubmittedYear
from plan744.core.figures.ratio import Ratio, pooled
from plan744.core.figures.targets import Governing, anchor_before, attainment, governing, path_status, path_value
from plan744.core.figures.tasks import AreaTasks, NarrativeItem, narratives, task_years
from plan744.core.numbers import EXACT
from plan744.core.organisation import Event, Unit
from plan744.core.plan import ALL_LEVELS, Indicator, Plan, Target
from plan744.core.span import Span
from plan744.core.submission import Submission

# --- indicators ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Baseline:
    year: int
    value: Decimal
    ratio: Ratio | None
    reference_only: bool  # the plan's figure measures something close, not the same thing


@dataclass(frozen=True)
class UnitValue:
    unit: Unit
    ratio: Ratio | None  # percent indicators
    amount: Decimal | None  # count and amount indicators
    previous: Decimal | None
    rank: int  # 1 = best; equal values share a rank
    partial: bool  # the unit's report covers only part of the year

    @property
    def value(self) -> Decimal | None:
        return self.ratio.percent if self.ratio is not None else self.amount


@dataclass(frozen=True)
class IndicatorYear:
    indicator: Indicator
    scope: str  # a level code, or ALL_LEVELS
    levels: tuple[str, ...]
    governing: Governing
    ratio: Ratio | None
    amount: Decimal | None
    previous: Decimal | None  # the same scope's value the year before, when on file
    attainment: Attainment
    unassessed: Unassessed | None
    baseline: Baseline | None
    path_expected: Decimal | None
    path: PathStatus
    units: tuple[UnitValue, ...]  # ranked
    reporting_units: int  # units that gave figures for this scope
    expected_units: int  # units that owed them
    level_end: dt.date | None  # the scope's level ended on this day within the year
    total: Decimal | None = None  # a flow summed since its target's stage began, when that is what is judged
    total_since: int | None = None
    uncovered_from: dt.date | None = None  # from this day the year's figure has no figures of `uncovered_levels`
    uncovered_levels: tuple[str, ...] = ()  # (`assessment.uncovered`: their units are not asked the indicator)
    missing: tuple[Unit, ...] = ()  # units that owed figures for this scope and sent none

    @property
    def partial_year(self) -> bool:
        """The verdict rests on part of the year for part of the area (`assessment.uncovered`)."""
        return self.uncovered_from is not None

    @property
    def target(self) -> Target | None:
        return self.governing.target

    @property
    def judged(self) -> Decimal | None:
        """The figure the verdict is about: the year's value, or a flow's running total."""
        return self.total if self.total is not None else self.value

    @property
    def value(self) -> Decimal | None:
        if self.indicator.is_percent:
            return self.ratio.percent if self.ratio is not None else None
        return self.amount

    @property
    def met(self) -> bool:
        return self.attainment.met


def _unit_ratio(sub: Submission, ind_id: str, levels: Sequence[str]) -> Ratio | None:
    per_level = sub.indicators.get(ind_id)
    if not per_level:
        return None
    parts = [per_level[lv] for lv in levels if lv in per_level
             and per_level[lv].numerator is not None and per_level[lv].denominator is not None]
    if not parts:
        return None
    return pooled(Ratio(Decimal(c.numerator), Decimal(c.denominator)) for c in parts)  # type: ignore[arg-type]


def _unit_amount(sub: Submission, ind_id: str, levels: Sequence[str]) -> Decimal | None:
    per_level = sub.indicators.get(ind_id)
    if not per_level:
        return None
    parts = [per_level[lv].value for lv in levels if lv in per_level and per_level[lv].value is not None]
    if not parts:
        return None
    return sum((Decimal(p) for p in parts), Decimal(0))  # type: ignore[arg-type]


def _rank(items: list[tuple[Unit, Ratio | None, Decimal | None, Decimal | None, bool]], lower: bool) -> tuple[UnitValue, ...]:
    values = [UnitValue(u, r, a, prev, 0, part) for u, r, a, prev, part in items]

    def key(v: UnitValue) -> tuple:
        x = v.value
        return (x is None, (x or 0) if lower else -(x or 0), v.unit.code)

    out: list[UnitValue] = []
    rank, last = 0, object()
    for i, v in enumerate(sorted(values, key=key), start=1):
        if v.value != last:
            rank, last = i, v.value
        out.append(UnitValue(v.unit, v.ratio, v.amount, v.previous, rank, v.partial))
    return tuple(out)


def baseline_of(plan: Plan, indicator: Indicator) -> Baseline | None:
    for b in plan.baselines:
        if b.link is not None and b.link.indicator == indicator.id:
            num = sum((b.figures[k].value for k in b.link.numerator), Decimal(0))
            den = sum((b.figures[k].value for k in b.link.denominator), Decimal(0))
            ratio = Ratio(num, den)
            if ratio.percent is None:
                return None
            return Baseline(b.year, ratio.percent, ratio, b.link.reference_only)
    return None


def _scopes(indicator: Indicator) -> list[str]:
    """Each scope the plan sets a target for, in the plan's order (one row of the report each)."""
    return list(dict.fromkeys(t.scope for t in indicator.targets))



def _indicator_value(plan: Plan, ind: Indicator, levels: tuple[str, ...], y: SubmittedYear):
    """(ratio, amount, contributions) of `ind` over `levels` in year `y`, computed once per year
    (a later year looks back at it for last year's figure and a flow's running total)."""
    key = (ind.id, levels)
    found = y.values.get(key)
    if found is None:
        found = y.values[key] = _compute_value(plan, ind, levels, y)
    return found


def _compute_value(plan: Plan, ind: Indicator, levels: tuple[str, ...], y: SubmittedYear):
    contributions: list[tuple[Unit, Ratio | None, Decimal | None]] = []
    for code, sub in sorted(y.subs.items()):
        unit = plan.units_by_code.get(code)
        if unit is None or not set(y.terms[code].levels_of(ind)) & set(levels):
            continue
        if ind.is_percent:
            r = _unit_ratio(sub, ind.id, levels)
            if r is not None:
                contributions.append((unit, r, None))
        else:
            a = _unit_amount(sub, ind.id, levels)
            if a is not None:
                contributions.append((unit, None, a))
    if ind.state_at_end and contributions:
        # A state at the end of the year: units gone before its end described a state that their
        # successors' figures now hold (a level that ended entirely keeps its last state).
        at_end = [c for c in contributions if y.owed.get(c[0].code) is not None and y.owed[c[0].code].end >= y.window[1]]
        if at_end:
            contributions = at_end
    if ind.is_percent:
        total = pooled(r for _, r, _ in contributions if r is not None) if contributions else None
        return total, None, tuple(contributions)
    amount = sum((a for _, _, a in contributions if a is not None), Decimal(0)) if contributions else None
    return None, amount, tuple(contributions)


def _flow_total(plan: Plan, ind: Indicator, levels: tuple[str, ...], years: dict[int, SubmittedYear], since: int,
                year: int) -> Decimal | None:
    """A flow count summed from `since` to `year` (a milestone of new items over a stage)."""
    total, seen = Decimal(0), False
    for y in Span(since, year):
        if y in years:
            _, amount, _ = _indicator_value(plan, ind, levels, years[y])
            if amount is not None:
                total += amount
                seen = True
    return total if seen else None


def indicator_years(plan: Plan, year: int, years: dict[int, SubmittedYear]) -> list[IndicatorYear]:
    y = years[year]
    prev = years.get(year - 1)
    out = []
    for ind in plan.indicators:
        base = baseline_of(plan, ind)
        for scope in _scopes(ind):
            levels = tuple(ind.levels) if scope == ALL_LEVELS else (scope,)
            ratio, amount, contributions = _indicator_value(plan, ind, levels, y)
            prev_ratio, prev_amount, prev_contrib = _indicator_value(plan, ind, levels, prev) if prev else (None, None, ())
            gov = governing(ind, scope, year, plan.period)
            value = (ratio.percent if ratio is not None else None) if ind.is_percent else amount
            previous = (prev_ratio.percent if prev_ratio is not None else None) if ind.is_percent else prev_amount
            judged, total, since = value, None, None
            if not ind.is_percent and ind.accumulate == "flow" and gov.target is not None and not gov.target.each_year:
                since = gov.target.since or plan.period.start
                judged = total = _flow_total(plan, ind, levels, years, since, year)
            ends = [e for e in (y.level_end(lv) for lv in levels) if e is not None]
            level_end = max(ends) if ends and len(ends) == len(levels) else None
            why: Unassessed | None
            if gov.not_yet:
                verdict, why = Attainment.NOT_ASSESSED, Unassessed.NO_TARGET_YET
            elif level_end is not None and judged is None:
                verdict, why = Attainment.NOT_ASSESSED, Unassessed.LEVEL_ENDED
            # A level that ended during the year is judged on its figures to its last day (the
            # text says to which date): it met its target or not, however short its year.
            else:
                verdict, why = attainment(gov.target, judged)
                if verdict is Attainment.NOT_REACHED and not gov.due and gov.milestone is not None and gov.milestone > year:
                    # a 2030 target is not missed in 2026: the path below says how far along it is
                    verdict, why = Attainment.NOT_ASSESSED, Unassessed.NOT_YET_DUE
            expected, path = None, PathStatus.NO_PATH
            t = gov.target
            if gov.due and t is not None:
                path = PathStatus.MILESTONE
            elif t is not None and t.value is not None and gov.milestone is not None and not gov.not_yet:
                anchor = anchor_before(ind, scope, gov.milestone, plan.period)
                if anchor is None and base is not None and ind.is_percent:
                    anchor = (base.year, base.value)
                if anchor is not None and anchor[0] < year:
                    expected = path_value(anchor[1], anchor[0], t.value, gov.milestone, year)
                    path = path_status(judged, expected, ind.direction == "lower" or t.kind.startswith("ceiling"))
            prev_by_unit = {u.code: (r.percent if r is not None else a) for u, r, a in prev_contrib}
            items = [(u, r, a, prev_by_unit.get(u.code), y.partial(u.code)) for u, r, a in contributions]
            owing = [code for code in y.owed if set(y.terms[code].levels_of(ind)) & set(levels)]
            if ind.state_at_end:
                # a state at the year's end is owed by the units still there (as `_compute_value` counts)
                owing = [code for code in owing if y.owed[code].end >= y.window[1]] or owing
            sent = {u.code for u, _, _ in contributions}
            gap = uncovered(ind, levels, y.window, y.owed, y.terms) if level_end is None else None
            out.append(IndicatorYear(
                indicator=ind, scope=scope, levels=levels, governing=gov, ratio=ratio, amount=amount,
                previous=previous, attainment=verdict, unassessed=why, baseline=base, path_expected=expected,
                path=path, units=_rank(items, ind.direction == "lower"), reporting_units=len(contributions),
                expected_units=len(owing), level_end=level_end, total=total, total_since=since if total is not None else None,
                uncovered_from=gap[0] if gap else None, uncovered_levels=gap[1] if gap else (),
                missing=tuple(plan.units_by_code[c] for c in sorted(owing) if c not in sent and c in plan.units_by_code)))
    return out


# --- the whole year --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Caveat:
    """A doubt about a figure, from the checks (a warning), carried into the report."""

    unit: str  # unit code ("" when it concerns no single unit)
    indicator: str  # indicator id ("" when none)
    code: str  # the finding's code
    message: str
    year: int = 0  # the year it concerns: a report keeps those of its own year


@dataclass(frozen=True)
class YearFigures:
    plan: Plan
    year: int
    window: tuple[dt.date, dt.date]
    deadline: dt.date
    drafter: Unit | None
    indicators: list[IndicatorYear]
    completeness: Completeness
    appendix: list[AppendixYear]
    budget: Budget | None
    areas: list[AreaTasks]
    narratives: dict[str, tuple[NarrativeItem, ...]]
    changes: tuple[Event, ...]  # the organisation's changes that took effect during the year
    caveats: tuple[Caveat, ...] = field(default=())

    @property
    def assessed(self) -> list[IndicatorYear]:
        return [r for r in self.indicators if r.attainment is not Attainment.NOT_ASSESSED]

    @property
    def met(self) -> list[IndicatorYear]:
        return [r for r in self.indicators if r.met]

    @property
    def not_met(self) -> list[IndicatorYear]:
        return [r for r in self.indicators if r.attainment is Attainment.NOT_REACHED]

    @property
    def level_ended(self) -> list[IndicatorYear]:
        """Figures of a level that ended, with nothing to judge."""
        return [r for r in self.indicators if r.unassessed is Unassessed.LEVEL_ENDED]

    @property
    def level_partial(self) -> list[IndicatorYear]:
        """Figures of a level that ended during the year, judged on its figures to its last day."""
        return [r for r in self.indicators if r.level_end is not None and r.unassessed is not Unassessed.LEVEL_ENDED]

    @property
    def partial_year(self) -> list[IndicatorYear]:
        """Verdicts on a figure that lacks part of the year for part of the area (said beside them)."""
        return [r for r in self.indicators if r.partial_year]

    @property
    def behind_path(self) -> list[IndicatorYear]:
        return [r for r in self.indicators if r.path is PathStatus.BEHIND]

    @property
    def rows_behind(self) -> list[AppendixYear]:
        return [a for a in self.appendix if a.behind]

    @property
    def next_year(self) -> int | None:
        return self.year + 1 if Span.of(self.plan.period).covers(self.year + 1) else None

    @property
    def rows_continuing(self) -> list[AppendixYear]:
        """Rows whose timeframe runs into the next year."""
        return [a for a in self.appendix if self.next_year is not None and a.task.timeframe.end >= self.next_year]


def year_figures(plan: Plan, year: int, submissions: History | Iterable[Submission],
                 caveats: Sequence[Caveat] = (), today: dt.date | None = None) -> YearFigures:
    """Everything the annual report shows for `year`, from the submissions on file up to it (a
    `History`, or the submissions themselves; those of later years are never looked at), with
    the caveats about that year."""
    with localcontext(EXACT):  # sums are never rounded (core.numbers.EXACT)
        history = History.of(plan, submissions)
        years = history.years(Span(plan.period.start, year))
        y = years[year]
        rows, budget = appendix_years(plan, year, history)
        drafter_code = plan.drafter(year)
        start, end = y.window
        changes = tuple(e for e in plan.organisation.events_sorted if start < e.date <= end + dt.timedelta(days=1))
        return YearFigures(
            plan=plan, year=year, window=y.window, deadline=y.deadline,
            drafter=plan.units_by_code.get(drafter_code) if drafter_code else None,
            indicators=indicator_years(plan, year, years), completeness=completeness(plan, y, today),
            appendix=rows, budget=budget, areas=task_years(plan, y.subs.values()),
            narratives=narratives(plan, y.subs.values()), changes=changes,
            caveats=tuple(c for c in caveats if c.year == year),
        )
