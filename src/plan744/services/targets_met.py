"""Which targets a plan met, from its units' annual reports (issue 27, point 3), for `plan744 tasks`
and the quarterly report: the figures of the annual report of the latest year whose data period
has ended, so that "hoàn thành X/Y chỉ tiêu (Z/W đến hạn)" counts as its "x/y chỉ tiêu đạt và vượt".

Kept out of `services.tracking`: `services.validate` imports that module, and this one imports
`services.validate` (one module holding both would be an import cycle)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from plan744.core.findings import Finding
from plan744.core.plan import Plan
from plan744.readers.files import discover

__all__ = ["AnnualMet", "annual_met"]


@dataclass
class AnnualMet:
    """Which targets were met, from the annual reports of the last year whose data period ended by
    the date (`core.progress.met_of_year`). `met` is None when no annual figures say so: no report
    of such a year, or reports with errors (`findings`), or reports of another plan (`other_plan`)."""

    met: dict[tuple[str, int | str], bool] | None = None
    year: int | None = None
    findings: list[Finding] = field(default_factory=list)
    other_plan: bool = False


def annual_met(plan: Plan, annual_dir: Path, as_of: dt.date) -> AnnualMet:
    """The targets met on `as_of`, counted as the annual report of the latest year sent counts them
    ("x/y chỉ tiêu đạt và vượt"): never from a year still open, never from reports with errors."""
    from plan744.core.figures.history import History
    from plan744.core.figures.year import year_figures
    from plan744.core.progress import met_of_year
    from plan744.readers.files import year_of_folder
    from plan744.services.validate import validate_files

    years = [y for y in range(plan.period.start, as_of.year + 1) if plan.window(y)[1] < as_of]
    if not years or not annual_dir.is_dir():
        return AnnualMet()
    found = discover([str(annual_dir)])
    files = [f for f in found.files if (year_of_folder(f) or 0) in years]
    if not files:
        return AnnualMet()
    parsed, findings = validate_files(plan, files, today=as_of, with_context=False, keep=True)
    errors = [f for f in findings if f.is_error]
    if errors:
        return AnnualMet(findings=errors, other_plan=any(f.code == "sub-plan-other" for f in errors))
    history = History(plan, (sf.submission for sf in parsed))
    sent = [y for y in years if history.sent(y)]
    if not sent:
        return AnnualMet()
    return AnnualMet(met_of_year(year_figures(plan, sent[-1], history, (), as_of).indicators), sent[-1])
