"""Build the dashboard (`plan744 site`): validate every report first, compute each year's figures
with the same core the reports use, then render every page (`build_site(SiteRequest)`).

Nothing is returned for writing unless every submission is valid. The figures of a year are the
annual report's (`core.figures.year.year_figures`, from one `History`), the records beside them
the JSON output's (`report.data.tables`), the tasks' states those of `plan744 tasks`
(`services.tracking.track`), so a number on the site is the number of the documents.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from plan744.core.figures.year import YearFigures, year_figures
from plan744.core.findings import Finding
from plan744.core.labels import speaking
from plan744.core.messages import make
from plan744.core.span import Span
from plan744.core.vnformat import format_day
from plan744.readers.files import display_path
from plan744.readers.project import template_dirs
from plan744.services.plans import load_plan
from plan744.services.report import check_reports, quiet
from plan744.services.tracking import Tracking, track
from plan744.site.render import SiteData, render_site


@dataclass
class SiteRequest:
    plan_path: Path
    data_dir: Path
    templates: Path  # the custom templates folder, searched before the bundled templates
    as_of: dt.date
    tracking_dir: Path | None = None  # the units' task status reports, when the plan tracks tasks


@dataclass
class SiteOutcome:
    findings: list[Finding]
    files_checked: int = 0
    outputs: dict[str, bytes] = field(default_factory=dict)  # file name -> content
    years: tuple[int, ...] = ()
    pages: int = 0

    @property
    def ok(self) -> bool:
        return bool(self.outputs)


def build_site(req: SiteRequest, progress: Callable[[str], None] = quiet) -> SiteOutcome:
    loaded = load_plan(req.plan_path)
    if not loaded.usable or loaded.plan is None:
        return SiteOutcome(loaded.errors or loaded.findings)
    plan = loaded.plan
    if not req.data_dir.is_dir() and req.tracking_dir is None:
        where = display_path(req.data_dir)
        return SiteOutcome([make("path-not-found", file=where, name=where)])
    checked = check_reports(plan, req.data_dir if req.data_dir.is_dir() else None, req.as_of.year, req.as_of)
    findings, files, history = checked.findings, checked.files, checked.history
    if history is None:
        return SiteOutcome(findings, len(files))
    years = [y for y in Span.of(plan.period) if history.sent(y) and plan.window(y)[0] <= req.as_of]
    if not years and req.tracking_dir is None:  # nothing to show: never a site made from nothing
        where = display_path(req.data_dir)
        due = [y for y in Span.of(plan.period) if plan.window(y)[0] <= req.as_of]  # the years it would show
        told = f"{due[0]}–{due[-1]}" if len(due) > 1 else (str(due[0]) if due else f"{plan.period.start}–{plan.period.end}")
        return SiteOutcome(findings + [make("site-no-submissions", file=where, years=told, as_of=format_day(req.as_of),
                                            where=where)], len(files))
    progress(f"Đã kiểm tra {len(files)} tệp: không có lỗi. Tính các chỉ tiêu của {len(years)} năm…")
    figures: dict[int, YearFigures] = {y: year_figures(plan, y, history, checked.caveats, req.as_of) for y in years}
    tracking: Tracking | None = None
    if req.tracking_dir is not None:
        tracking = track(plan, [req.tracking_dir], req.as_of)
        findings += tracking.findings
    progress("Dựng các trang…")
    with speaking(plan.words):
        outputs = render_site(SiteData(plan, req.as_of, figures, tracking.progress if tracking else None),
                              template_dirs(req.templates))
    pages = sum(1 for name in outputs if name.endswith(".html"))
    return SiteOutcome(findings, len(files), outputs, tuple(years), pages)
