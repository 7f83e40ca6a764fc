"""The submissions of one reporting year with what each unit owed (`core.obligation`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from plan744.core.obligation import obligations
from plan744.core.plan import Plan
from plan744.core.submission import Submission


class SubmittedYear:
    """The submissions of one year with what each unit owed (`core.obligation`)."""

    def __init__(self, plan: Plan, year: int, submissions: Iterable[Submission]) -> None:
        self.plan = plan
        self.year = year
        self.window = plan.window(year)
        self.deadline = plan.deadline(year)
        self.subs = {s.unit: s for s in submissions if s.year == year}
        self.terms = obligations(plan, year)  # every unit of the plan, owing or not
        self.owed = {code: ob.coverage for code, ob in self.terms.items() if ob.coverage is not None}

    def partial(self, unit_code: str) -> bool:
        cov = self.owed.get(unit_code)
        return cov is not None and not cov.whole

    def level_end(self, level: str) -> dt.date | None:
        """The last day any unit reporting `level` existed, if before the year's end: within the
        year (a part-year figure), or before it (the level is gone: no figure at all)."""
        ends = [c.end for code, c in self.owed.items() if level in self.terms[code].levels]
        if not ends:
            gone = [u.end for u in self.plan.units
                    if u.end is not None and u.end < self.window[0] and level in self.terms[u.code].levels]
            return max(gone) if gone else None
        last = max(ends)
        return last if last < self.window[1] else None


def make_years(plan: Plan, submissions: Sequence[Submission], years: Iterable[int]) -> dict[int, SubmittedYear]:
    return {y: SubmittedYear(plan, y, submissions) for y in years}
