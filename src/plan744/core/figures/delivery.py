"""Who sent the year's report, when: on time, late, missing or still pending."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from plan744.core.figures.codes import Timeliness
from plan744.core.figures.history import SubmittedYear
from plan744.core.organisation import Coverage, Unit
from plan744.core.plan import Plan


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


def completeness(plan: Plan, y: SubmittedYear, today: dt.date | None = None) -> Completeness:
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
