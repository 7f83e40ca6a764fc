"""How the targets are assessed, in one place (docs/assessment-rules.md says it for plan authors).

- The base of "x/y chỉ tiêu đạt và vượt" is the plan's own list of quantitative targets: one per
  indicator and scope with a figure to reach (a target set for each level counts once per level);
  a qualitative target ("từng bước đến cấp xã") is not counted, it is judged through the tasks.
- A level that ends during the period (cấp huyện on 30/6/2025) is assessed on its last figures,
  to its last day ("số liệu đến ngày 30/6/2025"); "không đánh giá" only when it left no figure.
- A partial year is said wherever it carries a verdict: when the units of a level end during the
  year and the units that take their place do not report the indicator (the new communes are not
  asked the four province-wide indicators of levels [tinh, huyen]), the year's figure lacks that
  part of the year ("chưa bao gồm số liệu của cấp xã từ ngày 01/7/2025").
- Units that owed a figure and sent none are named when they are few.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from plan744.core.figures.codes import Attainment, Unassessed
from plan744.core.obligation import Obligation
from plan744.core.organisation import Coverage
from plan744.core.plan import ALL_LEVELS, Indicator, Plan
from plan744.core.vnformat import format_day

FEW = 3  # missing units named up to this many; beyond, counted


def quantitative_targets(plan: Plan) -> list[tuple[Indicator, str]]:
    """(indicator, scope) of every target with a figure to reach, in the plan's order: the y."""
    out: list[tuple[Indicator, str]] = []
    for ind in plan.indicators:
        for scope in dict.fromkeys(t.scope for t in ind.targets):
            if any(t.kind != "qualitative" for t in ind.targets if t.scope == scope):
                out.append((ind, scope))
    return out


def split_by_level(plan: Plan) -> list[Indicator]:
    """Indicators whose quantitative targets are set level by level (each counts once per level)."""
    counted = quantitative_targets(plan)
    return [ind for ind in plan.indicators
            if sum(1 for i, s in counted if i is ind and s != ALL_LEVELS) > 1]


@dataclass(frozen=True)
class Tally:
    """"x/y chỉ tiêu đạt và vượt": counted on the plan's list of quantitative targets."""

    base: int  # the plan's quantitative targets
    met: int  # reached or exceeded
    exceeded: int
    not_met: int
    not_assessed: int  # no figure, or a stage not begun: said with its reason
    not_yet_due: int = 0  # a target of a later year, not reached yet: neither met nor missed

    @classmethod
    def of(cls, plan: Plan, verdicts: Iterable[tuple[Attainment, Unassessed | None]]) -> Tally:
        counted = [(a, u) for a, u in verdicts if u is not Unassessed.QUALITATIVE]
        return cls(len(quantitative_targets(plan)), sum(a.met for a, _ in counted),
                   sum(a is Attainment.EXCEEDED for a, _ in counted),
                   sum(a is Attainment.NOT_REACHED for a, _ in counted),
                   sum(a is Attainment.NOT_ASSESSED and u is not Unassessed.NOT_YET_DUE for a, u in counted),
                   sum(u is Unassessed.NOT_YET_DUE for _, u in counted))


def uncovered(ind: Indicator, levels: tuple[str, ...], window: tuple[dt.date, dt.date],
              owed: Mapping[str, Coverage], terms: Mapping[str, Obligation]) -> tuple[dt.date, tuple[str, ...]] | None:
    """(first day without figures, the levels of the units that took over) when the units
    reporting `ind` over `levels` for part of the year ended before its end, and the units that
    began the next day do not report `ind`: the year's figure then lacks the rest of the year.
    None when nothing is lost (no unit ended, or its successors report the indicator)."""
    reporting = [code for code in owed if set(terms[code].levels_of(ind)) & set(levels)]
    ended = [owed[c].end for c in reporting if owed[c].end < window[1]]
    if not ended or len(ended) == len(reporting):
        return None  # nothing ended, or the whole scope ended (judged to its last day instead)
    last = max(ended)
    start = last + dt.timedelta(days=1)
    successors = [c for c in owed if owed[c].start == start]
    if not successors or any(set(terms[c].levels_of(ind)) & set(levels) for c in successors):
        return None
    took_over = tuple(dict.fromkeys(lv for c in successors for lv in terms[c].levels[:1]))
    return start, took_over


def two_digits(n: int) -> str:
    """A count in running text as official documents write it: "03", "12"."""
    return f"{n:02d}"


def running_date(d: dt.date) -> str:
    """"01/7/2025": the day on two digits, the month without its leading zero."""
    return format_day(d)
