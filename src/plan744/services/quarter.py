"""Build a quarterly progress report (issue 27, point 5) from files: the plan, the units' status
reports (`services.tracking`), and, when given, the annual reports that say which targets were
met; then render every format asked for (`report.quarter_data.render`).

Also `year_tracking`: the tasks' states an annual report or a close-out of a plan with deadlines
shows (`report.compose_quarter.tracked`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from plan744.core.figures.quarter import QuarterFigures, quarter_figures
from plan744.core.findings import Finding
from plan744.core.messages import make
from plan744.core.plan import Plan
from plan744.core.status_report import PeriodKey, parse_period
from plan744.readers.files import display_path
from plan744.report.compose_common import Issuance
from plan744.services.plans import load_plan
from plan744.services.tracking import track


@dataclass
class QuarterRequest:
    plan_path: Path
    tracking_dir: Path  # the units' status reports (a folder searched recursively)
    period: str  # "2026-Q3"
    formats: tuple[str, ...]
    templates: Path | tuple[Path, ...]
    as_of: dt.date | None = None  # default: the period's last day
    issuance: Issuance = field(default_factory=Issuance)
    generated: dt.datetime | None = None
    annual_dir: Path | None = None  # the annual reports, for the targets met (none: "chưa có số liệu")

    @property
    def stem(self) -> str:
        return f"tien-do-{self.period.lower()}"


@dataclass
class QuarterOutcome:
    findings: list[Finding]
    files_checked: int = 0
    figures: QuarterFigures | None = None
    outputs: dict[str, bytes] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.figures is not None


def figures_for(plan: Plan, tracking_dir: Path, period: PeriodKey, as_of: dt.date,
                annual_dir: Path | None = None) -> tuple[QuarterFigures | None, list[Finding], int]:
    """The figures on `as_of` (None when a status report has an error: a report is never made
    from files that do not pass `validate`)."""
    result = track(plan, [tracking_dir], as_of)
    if any(f.is_error for f in result.findings):
        return None, result.findings, result.files
    met, met_year = _met(plan, annual_dir, as_of) if annual_dir is not None else (None, None)
    return quarter_figures(plan, period, result.progress, met, met_year), result.findings, result.files


def _met(plan: Plan, annual_dir: Path, as_of: dt.date) -> tuple[dict[tuple[str, int | str], bool] | None, int | None]:
    """Which targets were met, counted as `plan744 tasks` and the annual report count them
    (`services.targets_met.annual_met`); (None, None) when no annual figures say so."""
    from plan744.services.targets_met import annual_met

    got = annual_met(plan, annual_dir, as_of)
    return got.met, got.year


def build_quarter(req: QuarterRequest) -> QuarterOutcome:
    from plan744 import clock
    from plan744.report.quarter_data import render

    loaded = load_plan(req.plan_path)
    if not loaded.usable or loaded.plan is None:
        return QuarterOutcome(loaded.errors or loaded.findings)
    plan = loaded.plan
    where = display_path(req.tracking_dir)
    period = parse_period(req.period)
    if period is None or period.every != "quarter":
        return QuarterOutcome([make("st-period-format", file=where)])
    declared = [tp.every for tp in plan.tracking.periods] if plan.tracking else []
    if "quarter" not in declared:  # a plan that tracks no quarters has no quarterly report
        from plan744.core.labels import word

        return QuarterOutcome([make("st-period-not-declared", file=where, every=word("tasks.every.quarter"),
                                    declared=", ".join(word(f"tasks.every.{e}") for e in declared) or "-")])
    if not plan.period.start <= period.start.year <= plan.period.end:
        return QuarterOutcome([make("report-year-outside-period", file=where, year=period.start.year,
                                    start=plan.period.start, end=plan.period.end)])
    if not req.tracking_dir.is_dir():
        return QuarterOutcome([make("path-not-found", file=where, name=where)])
    figures, findings, n = figures_for(plan, req.tracking_dir, period, req.as_of or period.end, req.annual_dir)
    if figures is None:
        return QuarterOutcome(findings, n)
    outputs = render(figures, req.formats, req.issuance, req.generated or clock.now(), req.templates, req.stem)
    return QuarterOutcome(findings, n, figures, outputs)


def year_tracking(plan: Plan, tracking_dir: Path | None, year_end: int, as_of: dt.date) -> QuarterFigures | None:
    """The tasks' states for an annual report (or a close-out) ending with `year_end`: on `as_of`
    (the report's data cut-off), from the status reports under `tracking_dir`; None when the plan
    tracks no deadlines, there is no folder, or the status reports do not validate."""
    if tracking_dir is None or not tracking_dir.is_dir() or plan.tracking is None:
        return None
    found = parse_period(str(year_end))
    assert found is not None
    figures, _, _ = figures_for(plan, tracking_dir, found, as_of)
    return figures if figures is not None and figures.progress.used else None
