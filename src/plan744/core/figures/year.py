"""Everything an annual report shows for one reporting year, computed once.

Rules that matter:
- a percentage is the sum of numerators over the sum of denominators of the units, never a
  mean of their percentages; a count or an amount is a sum; a central indicator is the one
  figure of its monitoring body;
- money and counts stay exact (int/Decimal, summed in an 80-digit context); percentages are
  Decimals, rounded only when shown (and then never across the threshold of their verdict);
- who owes a report, and for which part of the year, comes from the organisation's dates: a
  unit that ended mid-year reports its part, its successor the rest (or the whole year, for a
  merger); a level whose units all ended during the year is shown for the part it existed and
  gets no verdict;
- every verdict is a code; the words are in `core.labels`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, localcontext

from plan744.core.figures.codes import Attainment, PathStatus, Timeliness, Unassessed
from plan744.core.figures.ratio import Ratio, pooled, share
from plan744.core.figures.targets import Governing, anchor_before, attainment, governing, path_status, path_value
from plan744.core.numbers import EXACT
from plan744.core.organisation import Coverage, Event, Unit, UnitGroup
from plan744.core.plan import ALL_LEVELS, AppendixTask, Indicator, Plan, Target, Task
from plan744.core.submission import DONE, LAGGING, STATUSES, Submission

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


class _Year:
    """The submissions of one year with what each unit owed."""

    def __init__(self, plan: Plan, year: int, submissions: Iterable[Submission]) -> None:
        self.plan = plan
        self.year = year
        self.window = plan.window(year)
        self.deadline = plan.deadline(year)
        self.subs = {s.unit: s for s in submissions if s.year == year}
        self.owed = {c.unit: c for c in plan.organisation.obligations(self.window, self.deadline)}

    def partial(self, unit_code: str) -> bool:
        cov = self.owed.get(unit_code)
        return cov is not None and not cov.whole

    def level_end(self, level: str) -> dt.date | None:
        """The last day any unit reporting `level` existed, if before the year's end: within the
        year (a part-year figure), or before it (the level is gone: no figure at all)."""
        ends = [c.end for code, c in self.owed.items() if level in self.plan.unit_levels(code)]
        if not ends:
            gone = [u.end for u in self.plan.units
                    if u.end is not None and u.end < self.window[0] and level in self.plan.unit_levels(u.code)]
            return max(gone) if gone else None
        last = max(ends)
        return last if last < self.window[1] else None


def _indicator_value(plan: Plan, ind: Indicator, levels: tuple[str, ...], y: _Year):
    """(ratio, amount, contributions) of `ind` over `levels` in year `y`."""
    contributions: list[tuple[Unit, Ratio | None, Decimal | None]] = []
    for code, sub in sorted(y.subs.items()):
        unit = plan.units_by_code.get(code)
        if unit is None or not set(plan.indicator_levels_for(ind, code)) & set(levels):
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
        return total, None, contributions
    amount = sum((a for _, _, a in contributions if a is not None), Decimal(0)) if contributions else None
    return None, amount, contributions


def _flow_total(plan: Plan, ind: Indicator, levels: tuple[str, ...], years: dict[int, _Year], since: int, year: int) -> Decimal | None:
    """A flow count summed from `since` to `year` (a milestone of new items over a stage)."""
    total, seen = Decimal(0), False
    for y in range(since, year + 1):
        if y in years:
            _, amount, _ = _indicator_value(plan, ind, levels, years[y])
            if amount is not None:
                total += amount
                seen = True
    return total if seen else None


def indicator_years(plan: Plan, year: int, years: dict[int, _Year]) -> list[IndicatorYear]:
    y = years[year]
    prev = years.get(year - 1)
    out = []
    for ind in plan.indicators:
        base = baseline_of(plan, ind)
        for scope in _scopes(ind):
            levels = tuple(ind.levels) if scope == ALL_LEVELS else (scope,)
            ratio, amount, contributions = _indicator_value(plan, ind, levels, y)
            prev_ratio, prev_amount, prev_contrib = _indicator_value(plan, ind, levels, prev) if prev else (None, None, [])
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
            elif level_end is not None:
                verdict, why = Attainment.NOT_ASSESSED, Unassessed.LEVEL_ENDED
            else:
                verdict, why = attainment(gov.target, judged)
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
            expected_units = sum(1 for code in y.owed if set(plan.indicator_levels_for(ind, code)) & set(levels))
            out.append(IndicatorYear(
                indicator=ind, scope=scope, levels=levels, governing=gov, ratio=ratio, amount=amount,
                previous=previous, attainment=verdict, unassessed=why, baseline=base, path_expected=expected,
                path=path, units=_rank(items, ind.direction == "lower"), reporting_units=len(contributions),
                expected_units=expected_units, level_end=level_end, total=total, total_since=since if total is not None else None))
    return out


# --- completeness --------------------------------------------------------------------------


@dataclass(frozen=True)
class Delivery:
    unit: Unit
    coverage: Coverage
    submitted: dt.date | None
    timeliness: Timeliness
    days_late: int = 0  # meaningful only for a report sent (`submitted`); one never sent is not "0 days late"


@dataclass(frozen=True)
class Completeness:
    window: tuple[dt.date, dt.date]
    deadline: dt.date
    rows: tuple[Delivery, ...]  # in the organisation's order

    @property
    def expected(self) -> int:
        return len(self.rows)

    @property
    def on_time(self) -> list[Delivery]:
        return [r for r in self.rows if r.timeliness is Timeliness.ON_TIME]

    @property
    def late(self) -> list[Delivery]:
        return [r for r in self.rows if r.timeliness is Timeliness.LATE]

    @property
    def missing(self) -> list[Delivery]:
        return [r for r in self.rows if r.timeliness is Timeliness.MISSING]

    @property
    def pending(self) -> list[Delivery]:
        return [r for r in self.rows if r.timeliness is Timeliness.PENDING]

    @property
    def submitted(self) -> int:
        return len(self.rows) - len(self.missing) - len(self.pending)

    @property
    def partial(self) -> list[Delivery]:
        """Units whose report covers only part of the year (a closing report, a new unit)."""
        return [r for r in self.rows if not r.coverage.whole]


def completeness(plan: Plan, y: _Year, today: dt.date | None = None) -> Completeness:
    """Who sent what, when. A report not sent is missing once its deadline has passed on `today`
    (the day of the run), pending before that."""
    rows = []
    for code, cov in y.owed.items():
        unit = plan.units_by_code[code]
        sub = y.subs.get(code)
        if sub is None:
            pending = today is not None and today <= cov.deadline
            rows.append(Delivery(unit, cov, None, Timeliness.PENDING if pending else Timeliness.MISSING))
        elif sub.submitted <= cov.deadline:
            rows.append(Delivery(unit, cov, sub.submitted, Timeliness.ON_TIME))
        else:
            rows.append(Delivery(unit, cov, sub.submitted, Timeliness.LATE, (sub.submitted - cov.deadline).days))
    return Completeness(y.window, y.deadline, tuple(rows))


# --- appendix rows and budget ------------------------------------------------------------------


@dataclass(frozen=True)
class RowReport:
    unit: Unit
    status: str
    allocated: Decimal | None
    disbursed: Decimal | None
    progress: str


@dataclass(frozen=True)
class AppendixYear:
    task: AppendixTask
    lead: Unit | UnitGroup | None  # who leads the row this year (after transfers)
    lead_name: str
    transferred_from: str | None  # the plan's lead, when the row has moved since (its name)
    in_timeframe: bool
    year: int
    reports: tuple[RowReport, ...]
    allocated: Decimal
    disbursed: Decimal
    cumulative: Decimal  # disbursed since the start of the period, this year included
    earlier: tuple[int, tuple[str, ...]] | None = None  # the last year before this one with reports, and its statuses

    @property
    def cumulative_share(self) -> Decimal | None:
        return share(self.cumulative, self.task.cost) if self.task.cost else None

    @property
    def done(self) -> bool:
        """Finished: reported done this year (or, after its timeframe, the last year it was reported),
        and the row's timeframe is over. A yearly row reported done before its last year finished
        that year's work, not the row."""
        statuses = self.statuses or (self.earlier[1] if self.earlier and not self.in_timeframe else ())
        return bool(statuses) and all(st in DONE for st in statuses) and (
            not self.in_timeframe or self.task.timeframe.end <= self.year)

    @property
    def year_done(self) -> bool:
        """This year's work on a row that runs on after it reported done."""
        return bool(self.reports) and all(r.status in DONE for r in self.reports) and not self.done

    @property
    def disbursement_rate(self) -> Decimal | None:
        return share(self.disbursed, self.allocated)

    @property
    def statuses(self) -> tuple[str, ...]:
        """The distinct statuses reported, in the order of the status list."""
        found = {r.status for r in self.reports}
        return tuple(s for s in STATUSES if s in found)

    @property
    def missing_report(self) -> bool:
        return self.in_timeframe and not self.reports

    @property
    def behind(self) -> bool:
        return self.missing_report or any(r.status in ("cham_tien_do", "tam_dung") for r in self.reports)


@dataclass(frozen=True)
class Budget:
    planned: Decimal
    allocated: Decimal
    disbursed: Decimal
    cumulative: Decimal
    stated_total: Decimal | None  # the plan's own stated total, in its money unit

    @property
    def disbursement_rate(self) -> Decimal | None:
        return share(self.disbursed, self.allocated)

    @property
    def cumulative_share(self) -> Decimal | None:
        return share(self.cumulative, self.planned)


def disbursed_by_year(plan: Plan, submissions: Iterable[Submission], upto: int) -> dict[tuple[int | str, int], tuple[Decimal, Decimal]]:
    """(row, year) -> (allocated, disbursed), every unit that reported it added up."""
    out: dict[tuple[int | str, int], tuple[Decimal, Decimal]] = {}
    for sub in submissions:
        if not (plan.period.start <= sub.year <= upto):
            continue
        for rep in sub.appendix:
            if rep.allocated is None and rep.disbursed is None:
                continue
            a, d = out.get((rep.tt, sub.year), (Decimal(0), Decimal(0)))
            out[(rep.tt, sub.year)] = (a + (rep.allocated or 0), d + (rep.disbursed or 0))
    return out


def appendix_years(plan: Plan, year: int, submissions: Sequence[Submission]) -> tuple[list[AppendixYear], Budget | None]:
    money = disbursed_by_year(plan, submissions, year)
    lines: dict[int | str, list[RowReport]] = defaultdict(list)
    history: dict[int | str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for sub in submissions:
        if sub.year < year and sub.unit in plan.units_by_code:
            for rep in sub.appendix:
                history[rep.tt][sub.year].add(rep.status)
        if sub.year != year or sub.unit not in plan.units_by_code:
            continue
        for rep in sub.appendix:
            lines[rep.tt].append(RowReport(plan.units_by_code[sub.unit], rep.status, rep.allocated, rep.disbursed,
                                           rep.progress))
    rows = []
    for task in plan.appendix:
        reps = tuple(sorted(lines.get(task.tt, []), key=lambda r: r.unit.code))
        lead_code = plan.lead_in(task, year)
        lead = plan.units_by_code.get(lead_code) or plan.groups_by_code.get(lead_code)
        original = plan.units_by_code.get(task.lead) or plan.groups_by_code.get(task.lead)
        moved = lead_code != task.lead
        past = history.get(task.tt)
        last = max(past) if past else None
        rows.append(AppendixYear(
            task=task, lead=lead, lead_name=lead.name if lead else task.lead_text,
            transferred_from=(original.name if original else task.lead_text) if moved else None,
            in_timeframe=task.timeframe.start <= year <= task.timeframe.end, year=year, reports=reps,
            allocated=sum((r.allocated or Decimal(0) for r in reps), Decimal(0)),
            disbursed=sum((r.disbursed or Decimal(0) for r in reps), Decimal(0)),
            cumulative=sum((d for (tt, _), (_, d) in money.items() if tt == task.tt), Decimal(0)),
            earlier=(last, tuple(st for st in STATUSES if st in past[last])) if past and last is not None else None,
        ))
    if not plan.funded:
        return rows, None
    budget = Budget(
        planned=plan.appendix_total,
        allocated=sum((r.allocated for r in rows), Decimal(0)),
        disbursed=sum((r.disbursed for r in rows), Decimal(0)),
        cumulative=sum((r.cumulative for r in rows), Decimal(0)),
        stated_total=Decimal(plan.budget.stated_total_vnd) / plan.money.dong if plan.budget else None,
    )
    return rows, budget


# --- qualitative tasks and narratives --------------------------------------------------------


@dataclass(frozen=True)
class Account:
    unit: Unit
    status: str
    text: str


@dataclass(frozen=True)
class TaskYear:
    task: Task
    accounts: tuple[Account, ...]

    @property
    def counts(self) -> list[tuple[str, int]]:
        """(status, number of units), in the order of the status list, zero counts left out."""
        out: dict[str, int] = defaultdict(int)
        for a in self.accounts:
            out[a.status] += 1
        return [(status, out[status]) for status in STATUSES if out[status]]

    @property
    def lagging(self) -> tuple[Account, ...]:
        """Accounts of units that have not started, are behind, or stopped: what the report names."""
        return tuple(a for a in self.accounts if a.status in LAGGING)


@dataclass(frozen=True)
class AreaTasks:
    code: str
    name: str
    tasks: tuple[TaskYear, ...]


def task_years(plan: Plan, current: Iterable[Submission]) -> list[AreaTasks]:
    accounts: dict[str, list[Account]] = defaultdict(list)
    order = {u.code: i for i, u in enumerate(plan.units)}
    for sub in sorted(current, key=lambda s: order.get(s.unit, 0)):
        unit = plan.units_by_code.get(sub.unit)
        if unit is None:
            continue
        for task_id, rep in sub.tasks.items():
            accounts[task_id].append(Account(unit, rep.status, rep.account))
    areas = []
    for area in plan.areas:
        tasks = tuple(TaskYear(t, tuple(accounts.get(t.id, []))) for t in plan.tasks if t.area == area.code)
        if any(t.accounts for t in tasks):
            areas.append(AreaTasks(area.code, area.name, tuple(t for t in tasks if t.accounts)))
    return areas


SECTIONS = ("highlights", "shortcomings", "proposals")


@dataclass(frozen=True)
class NarrativeItem:
    unit: Unit
    text: str


def narratives(plan: Plan, current: Iterable[Submission]) -> dict[str, tuple[NarrativeItem, ...]]:
    """Each section of every unit's own words, in the organisation's order."""
    order = {u.code: i for i, u in enumerate(plan.units)}
    subs = sorted((s for s in current if s.unit in plan.units_by_code), key=lambda s: order[s.unit])
    return {section: tuple(NarrativeItem(plan.units_by_code[s.unit], getattr(s.narrative, section)) for s in subs)
            for section in SECTIONS}


# --- the whole year --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Caveat:
    """A doubt about a figure, from the checks (a warning), carried into the report."""

    unit: str  # unit code ("" when it concerns no single unit)
    indicator: str  # indicator id ("" when none)
    code: str  # the finding's code
    message: str
    year: int = 0


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
    def no_data(self) -> list[IndicatorYear]:
        return [r for r in self.indicators if r.unassessed is Unassessed.NO_DATA]

    @property
    def level_ended(self) -> list[IndicatorYear]:
        return [r for r in self.indicators if r.unassessed is Unassessed.LEVEL_ENDED]

    @property
    def behind_path(self) -> list[IndicatorYear]:
        return [r for r in self.indicators if r.path is PathStatus.BEHIND]

    @property
    def rows_behind(self) -> list[AppendixYear]:
        return [a for a in self.appendix if a.behind]

    @property
    def next_year(self) -> int | None:
        return self.year + 1 if self.year + 1 <= self.plan.period.end else None

    @property
    def rows_continuing(self) -> list[AppendixYear]:
        """Rows whose timeframe runs into the next year."""
        return [a for a in self.appendix if self.next_year is not None and a.task.timeframe.end >= self.next_year]



def make_years(plan: Plan, submissions: Sequence[Submission], years: Iterable[int]) -> dict[int, _Year]:
    return {y: _Year(plan, y, submissions) for y in years}


def year_figures(plan: Plan, year: int, submissions: Sequence[Submission],
                 caveats: Sequence[Caveat] = (), today: dt.date | None = None) -> YearFigures:
    """Everything the annual report shows for `year`, from all submissions on file up to it."""
    with localcontext(EXACT):  # sums are never rounded (core.numbers.EXACT)
        history = [s for s in submissions if s.year <= year]
        years = make_years(plan, history, range(plan.period.start, year + 1))
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
            narratives=narratives(plan, y.subs.values()), changes=changes, caveats=tuple(caveats),
        )
