"""Which target governs a year, whether a figure reaches it, and the path towards it.

A plan may set one target for the end of its period (Kế hoạch 744), a target per stage
("Giai đoạn 2025-2027", "Giai đoạn 2028-2030"), or a target for each year ("05 bộ mỗi năm").
For a year:
- a yearly target that covers it governs it, and is due that year;
- otherwise the next milestone at or after the year governs it (due in its own year, an
  interim verdict before); a target whose stage has not begun yet (`since` after the year)
  gives no verdict ("chưa đến giai đoạn");
- after the last milestone, the last target stays in force.
Between an anchor (the previous milestone, or the baseline) and the governing milestone the
expected value lies on a straight line: the path.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from plan744.core.figures.codes import Attainment, PathStatus, Unassessed
from plan744.core.plan import Indicator, Period, Target
from plan744.core.span import Span


@dataclass(frozen=True)
class Governing:
    target: Target | None
    milestone: int | None  # the year the target is for (the year itself for a yearly target)
    due: bool  # the year is the target's year (or later, or a yearly target): the verdict is final
    not_yet: bool = False  # the target's stage has not begun


def targets_for(indicator: Indicator, scope: str) -> list[Target]:
    return [t for t in indicator.targets if t.scope == scope]


def yearly_span(target: Target, period: Period) -> Span:
    """The years a target set for each year governs: from its `since` (or the period's start)
    to its milestone."""
    return Span(target.since or period.start, target.milestone(period.end))


def governing(indicator: Indicator, scope: str, year: int, period: Period) -> Governing:
    targets = targets_for(indicator, scope)
    for t in targets:
        if t.each_year and yearly_span(t, period).covers(year):
            return Governing(t, year, True)
    milestones = sorted((t for t in targets if not t.each_year), key=lambda t: t.milestone(period.end))
    upcoming = [t for t in milestones if t.milestone(period.end) >= year]
    if upcoming:
        t = upcoming[0]
        if t.since is not None and year < t.since:
            return Governing(t, t.milestone(period.end), False, not_yet=True)
        return Governing(t, t.milestone(period.end), t.milestone(period.end) == year)
    if milestones:
        t = milestones[-1]
        return Governing(t, t.milestone(period.end), True)
    return Governing(None, None, False)


def anchor_before(indicator: Indicator, scope: str, milestone: int, period: Period) -> tuple[int, Decimal] | None:
    """The previous milestone's (year, value) in the same scope, if any: a stage's path starts there."""
    earlier = [t for t in targets_for(indicator, scope)
               if not t.each_year and t.value is not None and t.milestone(period.end) < milestone]
    if not earlier:
        return None
    t = max(earlier, key=lambda t: t.milestone(period.end))
    assert t.value is not None
    return t.milestone(period.end), t.value


def attainment(target: Target | None, value: Decimal | None) -> tuple[Attainment, Unassessed | None]:
    """The verdict of `value` against `target` (exact comparison; display never contradicts it)."""
    if target is None or target.kind == "qualitative":
        return Attainment.NOT_ASSESSED, Unassessed.QUALITATIVE
    if value is None:
        return Attainment.NOT_ASSESSED, Unassessed.NO_DATA
    assert target.value is not None
    v = target.value
    if target.kind == "band":
        assert target.stretch is not None
        if value >= target.stretch:
            return Attainment.EXCEEDED, None
        return (Attainment.REACHED if value >= v else Attainment.NOT_REACHED), None
    if target.kind == "floor":
        if value > v:
            return Attainment.EXCEEDED, None
        return (Attainment.REACHED if value == v else Attainment.NOT_REACHED), None
    if target.kind == "floor_strict":
        return (Attainment.REACHED if value > v else Attainment.NOT_REACHED), None
    if target.kind == "ceiling":
        if value < v:
            return Attainment.EXCEEDED, None
        return (Attainment.REACHED if value == v else Attainment.NOT_REACHED), None
    return (Attainment.REACHED if value < v else Attainment.NOT_REACHED), None  # ceiling_strict


def path_value(anchor_value: Decimal, anchor_year: int, target: Decimal, target_year: int, year: int) -> Decimal:
    """Where the straight line from the anchor to the milestone stands in `year`."""
    steps = Decimal(target_year - anchor_year)
    return anchor_value + (target - anchor_value) * Decimal(year - anchor_year) / steps


def path_status(value: Decimal | None, expected: Decimal | None, lower_is_better: bool) -> PathStatus:
    if value is None or expected is None:
        return PathStatus.NO_PATH
    if value == expected:
        return PathStatus.ON_TRACK
    ahead = value < expected if lower_is_better else value > expected
    return PathStatus.AHEAD if ahead else PathStatus.BEHIND


def thresholds(target: Target | None) -> tuple[Decimal, ...]:
    """The values a shown figure must not be rounded across (so that it never contradicts its verdict)."""
    if target is None:
        return ()
    return tuple(v for v in (target.value, target.stretch) if v is not None)
