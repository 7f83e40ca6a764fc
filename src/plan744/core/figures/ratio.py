"""Pooled ratios: the sum of numerators over the sum of denominators, exact."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Ratio:
    numerator: Decimal
    denominator: Decimal

    @property
    def percent(self) -> Decimal | None:
        if self.denominator == 0:
            return None
        return self.numerator * HUNDRED / self.denominator

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.numerator + other.numerator, self.denominator + other.denominator)


ZERO = Ratio(Decimal(0), Decimal(0))


def pooled(ratios: Iterable[Ratio]) -> Ratio:
    total = ZERO
    for r in ratios:
        total = total + r
    return total


def share(part: Decimal, whole: Decimal) -> Decimal | None:
    """`part` as a percentage of `whole`, None when `whole` is zero."""
    return part * HUNDRED / whole if whole else None
