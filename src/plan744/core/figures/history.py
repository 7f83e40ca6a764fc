"""The submissions on file, indexed once by year and unit, with what each unit owed each year.

`History` is built once per report from every submission on file; the annual figures, the
appendix rows, the money and the close-out all ask it for a year's submissions instead of
filtering the list again. Each year's `SubmittedYear` (its submissions by unit, and every
unit's `core.obligation` terms) is made once, however many later years look back at it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from plan744.core.obligation import obligations
from plan744.core.plan import Plan
from plan744.core.span import Span
from plan744.core.submission import Submission


class SubmittedYear:
    """The submissions of one year with what each unit owed (`core.obligation`)."""

    def __init__(self, plan: Plan, year: int, sent: Iterable[Submission]) -> None:
        self.plan = plan
        self.year = year
        self.window = plan.window(year)
        self.deadline = plan.deadline(year)
        self.subs = {s.unit: s for s in sent}  # a unit's second copy replaces its first
        self.terms = obligations(plan, year)  # every unit of the plan, owing or not
        self.owed = {code: ob.coverage for code, ob in self.terms.items() if ob.coverage is not None}
        self.values: dict[tuple[str, tuple[str, ...]], Any] = {}  # indicator figures, kept by `year`

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


class History:
    """Every submission on file, by year (in the order given), and each year's `SubmittedYear`."""

    def __init__(self, plan: Plan, submissions: Iterable[Submission]) -> None:
        self.plan = plan
        self._sent: dict[int, list[Submission]] = {}
        for s in submissions:
            self._sent.setdefault(s.year, []).append(s)
        self._years: dict[int, SubmittedYear] = {}

    @classmethod
    def of(cls, plan: Plan, submissions: History | Iterable[Submission]) -> History:
        """`submissions` indexed, or the index itself when it was made for this plan."""
        if isinstance(submissions, History) and submissions.plan is plan:
            return submissions
        return cls(plan, submissions)

    def __iter__(self) -> Iterator[Submission]:
        for y in sorted(self._sent):
            yield from self._sent[y]

    def sent(self, year: int) -> list[Submission]:
        """Every submission for `year`, as given (a second copy of a unit's report included)."""
        return self._sent.get(year, [])

    def upto(self, year: int) -> Iterator[tuple[int, list[Submission]]]:
        """(year, its submissions) for every year on file up to `year`, in order."""
        for y in sorted(self._sent):
            if y <= year:
                yield y, self._sent[y]

    def year(self, year: int) -> SubmittedYear:
        found = self._years.get(year)
        if found is None:
            found = self._years[year] = SubmittedYear(self.plan, year, self.sent(year))
        return found

    def years(self, span: Span) -> dict[int, SubmittedYear]:
        return {y: self.year(y) for y in span}
