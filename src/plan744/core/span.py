"""A span of whole years, first and last included: the plan's period, a row's timeframe, the
years a close-out covers. One type for "is this year inside", instead of `start <= y <= end`
and `range(start, end + 1)` written out at every use.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol


class _Bounded(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


@dataclass(frozen=True)
class Span:
    first: int
    last: int  # included; a span with last < first is empty

    @classmethod
    def of(cls, bounded: _Bounded) -> Span:
        """The span of anything with a first year `start` and a last year `end` (the plan's
        `Period`, a row's `Timeframe`)."""
        return cls(bounded.start, bounded.end)

    def covers(self, year: int) -> bool:
        return self.first <= year <= self.last

    @property
    def years(self) -> range:
        return range(self.first, self.last + 1)

    def __iter__(self) -> Iterator[int]:
        return iter(self.years)

    def __len__(self) -> int:
        return len(self.years)

    def __contains__(self, year: object) -> bool:
        return isinstance(year, int) and self.covers(year)
