"""The appendix rows of one year (who leads each, what each unit reported) and the budget."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from plan744.core.figures.history import History
from plan744.core.figures.ratio import share
from plan744.core.obligation import lead_of, row_in_year
from plan744.core.organisation import Unit, UnitGroup
from plan744.core.plan import AppendixTask, Plan
from plan744.core.span import Span
from plan744.core.status import STATUSES, ReportStatus


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
        return bool(statuses) and all(ReportStatus(st).done for st in statuses) and (
            not self.in_timeframe or self.task.timeframe.end <= self.year)

    @property
    def year_done(self) -> bool:
        """This year's work on a row that runs on after it reported done."""
        return bool(self.reports) and all(ReportStatus(r.status).done for r in self.reports) and not self.done

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
        return self.missing_report or any(ReportStatus(r.status).behind for r in self.reports)


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


def disbursed_by_year(plan: Plan, history: History, upto: int) -> dict[tuple[int | str, int], tuple[Decimal, Decimal]]:
    """(row, year) -> (allocated, disbursed), every unit that reported it added up."""
    out: dict[tuple[int | str, int], tuple[Decimal, Decimal]] = {}
    period = Span.of(plan.period)
    for year, sent in history.upto(upto):
        if not period.covers(year):
            continue
        for sub in sent:
            for rep in sub.appendix:
                if rep.allocated is None and rep.disbursed is None:
                    continue
                a, d = out.get((rep.tt, year), (Decimal(0), Decimal(0)))
                out[(rep.tt, year)] = (a + (rep.allocated or 0), d + (rep.disbursed or 0))
    return out


def appendix_years(plan: Plan, year: int, history: History) -> tuple[list[AppendixYear], Budget | None]:
    money = disbursed_by_year(plan, history, year)
    lines: dict[int | str, list[RowReport]] = defaultdict(list)
    past_statuses: dict[int | str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for y, sent in history.upto(year):
        for sub in sent:
            if sub.unit not in plan.units_by_code:
                continue
            for rep in sub.appendix:
                if y < year:
                    past_statuses[rep.tt][y].add(rep.status)
                else:
                    lines[rep.tt].append(RowReport(plan.units_by_code[sub.unit], rep.status, rep.allocated,
                                                   rep.disbursed, rep.progress))
    rows = []
    for task in plan.appendix:
        reps = tuple(sorted(lines.get(task.tt, []), key=lambda r: r.unit.code))
        lead_code = lead_of(plan, task, year)
        lead = plan.units_by_code.get(lead_code) or plan.groups_by_code.get(lead_code)
        original = plan.units_by_code.get(task.lead) or plan.groups_by_code.get(task.lead)
        moved = lead_code != task.lead
        past = past_statuses.get(task.tt)
        last = max(past) if past else None
        rows.append(AppendixYear(
            task=task, lead=lead, lead_name=lead.name if lead else task.lead_text,
            transferred_from=(original.name if original else task.lead_text) if moved else None,
            in_timeframe=row_in_year(task, year), year=year, reports=reps,
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


# A row finished with less than this share of its planned cost is flagged for the drafter
# (savings or a change of scope, which the report should explain).
LOW_SPEND = Decimal(70)


def lead_then_and_now(plan: Plan, task: AppendixTask, start: int, end: int) -> tuple[str, str | None]:
    """The row's lead in the first year of its work within `start`..`end`, and, when that body
    has since been replaced, its successor at `end` (for "Sở X (nay là Sở Y)"). A local reading
    of the organisation's history through `Plan.lead_in`."""
    first = max(start, task.timeframe.start)
    first = min(first, end)

    def name(code: str) -> str:
        unit = plan.units_by_code.get(code) or plan.groups_by_code.get(code)
        return unit.name if unit else task.lead_text

    then, now = lead_of(plan, task, first), lead_of(plan, task, end)
    return name(then), (name(now) if now != then else None)


def low_spend(done: bool, cumulative_share: Decimal | None) -> bool:
    """A row reported finished that spent well under its planned cost."""
    return done and cumulative_share is not None and cumulative_share < LOW_SPEND
