"""What a quarterly progress report (issue 27, point 5) is written from: the tasks' states on
the report's date (`core.progress`), the targets due and met on it, and the quarter.

The date is the quarter's last day unless another is asked (`as_of`): the figures are exactly
those `plan744 tasks --as-of <date>` prints. Whether a target was met is known only from the
annual figures (`services.targets_met`); without them the report says it has no data, never "not met".
Pure: no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from plan744.core.plan import Plan
from plan744.core.progress import Progress, Tally, targets_tally
from plan744.core.status_report import PeriodKey


@dataclass(frozen=True)
class QuarterFigures:
    plan: Plan
    period: PeriodKey  # the quarter (or any period the plan declares) reported on
    progress: Progress  # the tasks' states on `as_of`
    targets: dict[str, Tally]  # "" (the plan) and per area: targets due and met on `as_of`
    met_known: bool  # whether `targets` knows which were met (from annual figures)
    met_year: int | None = None  # the last year whose annual figures said so

    @property
    def as_of(self) -> dt.date:
        return self.progress.as_of

    @property
    def quarter(self) -> int:
        return (self.period.start.month - 1) // 3 + 1

    @property
    def year(self) -> int:
        return self.period.start.year


def quarter_figures(plan: Plan, period: PeriodKey, progress: Progress,
                    met: Mapping[tuple[str, int | str], bool] | None = None, met_year: int | None = None) -> QuarterFigures:
    return QuarterFigures(plan, period, progress, targets_tally(plan, progress.as_of, met), met is not None, met_year)
