"""Build a report from files: validate everything first, then compute, then render
(`build(ReportRequest)`: what `plan744 report` calls).

The edge between the disk and the pure core. Nothing is returned for writing unless every
submission is valid and every requested output rendered; a year outside the plan's period or
a year with no submissions gives no report at all (never a report made from nothing).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from plan744 import clock
from plan744.core.figures.history import History
from plan744.core.figures.period import PeriodFigures, period_figures
from plan744.core.figures.year import Caveat, YearFigures, year_figures
from plan744.core.findings import Finding
from plan744.core.labels import speaking
from plan744.core.messages import make
from plan744.core.plan import Plan
from plan744.core.span import Span
from plan744.readers.files import discover, display_path, year_of_folder
from plan744.readers.notes import notes_file, read_notes
from plan744.readers.project import template_dirs
from plan744.report.compose_common import Issuance
from plan744.report.formats import FORMATS, RenderContext
from plan744.services.plans import load_plan
from plan744.services.validate import validate_files


class ReportError(Exception):
    """A report that cannot be built for a reason the user can fix (e.g. a broken Word template)."""


@dataclass
class ReportRequest:
    plan_path: Path
    data_dir: Path
    templates: Path  # the custom templates folder, searched before the bundled templates
    formats: tuple[str, ...]
    year: int | None = None  # an annual report …
    period: tuple[int, int] | None = None  # … or a close-out of these years
    issuance: Issuance = field(default_factory=Issuance)
    short: bool = False
    today: dt.date = field(default_factory=clock.today)
    generated: dt.datetime | None = None
    notes: Path | None = None  # the department's notes: a file, or the folder holding one per report
    tracking: Path | None = None  # the units' task status reports (issue 27), for a plan with deadlines


    @property
    def span(self) -> tuple[int, int]:
        if self.period is not None:
            return self.period
        assert self.year is not None
        return self.year, self.year

    @property
    def stem(self) -> str:
        if self.period is not None:
            return f"tong-ket-{self.period[0]}-{self.period[1]}"
        return f"bao-cao-{self.year}"


@dataclass
class ReportOutcome:
    findings: list[Finding]
    files_checked: int = 0
    figures: YearFigures | PeriodFigures | None = None
    outputs: dict[str, bytes] = field(default_factory=dict)  # file name -> content
    notes_file: Path | None = None  # the notes file used, if any

    @property
    def ok(self) -> bool:
        return self.figures is not None


@dataclass
class CheckedReports:
    """The units' reports of the years up to a report's last, each validated: what a report and
    the dashboard compute from (`check_reports`)."""

    findings: list[Finding]
    files: list[str]  # the files read
    history: History | None = None  # the valid reports by unit and year; None when any has an error
    caveats: list[Caveat] = field(default_factory=list)  # the warnings about figures, carried as caveats


def check_reports(plan: Plan, data_dir: Path | None, last: int, today: dt.date) -> CheckedReports:
    """Every unit's report under `data_dir` (none when None) of the years up to `last`, validated
    on `today`: their findings and, when none is an error, their history and the caveats."""
    findings: list[Finding] = []
    files: list[str] = []
    if data_dir is not None:
        found = discover([str(data_dir)])
        findings += found.findings
        files = [f for f in found.files if (year_of_folder(f) or 0) <= last]
    parsed, more = validate_files(plan, files, today=today, with_context=False, keep=True)
    findings += more
    if any(f.is_error for f in findings):
        return CheckedReports(findings, files)
    history = History(plan, (sf.submission for sf in parsed))  # asked only for the years up to `last`
    return CheckedReports(findings, files, history, _caveats(findings, parsed))


def quiet(_: str) -> None:
    """No progress told (the default of `build` and of the site's `build_site`)."""


def build(req: ReportRequest, progress: Callable[[str], None] = quiet) -> ReportOutcome:
    loaded = load_plan(req.plan_path)
    if not loaded.usable or loaded.plan is None:
        return ReportOutcome(loaded.errors or loaded.findings)
    plan = loaded.plan
    where = display_path(req.data_dir)
    first, last = req.span
    span, period = Span(first, last), Span.of(plan.period)
    outside = [y for y in (first, last) if not period.covers(y)]
    if outside:
        return ReportOutcome([make("report-year-outside-period", file=where, year=outside[0],
                                   start=plan.period.start, end=plan.period.end)])
    if not req.data_dir.is_dir():
        return ReportOutcome([make("path-not-found", file=where, name=where)])
    # A year's report needs the years before it (cumulative spending, last year's figures),
    # never those after.
    checked = check_reports(plan, req.data_dir, last, req.today)
    findings, files, history = checked.findings, checked.files, checked.history
    if history is None:
        return ReportOutcome(findings, len(files))
    for year in span:
        if not history.sent(year):
            return ReportOutcome(findings + [make("report-no-submissions", file=where, year=year, where=where)], len(files))
    notes_path = notes_file(req.notes, first, last) if req.notes is not None else None
    notes = None
    if notes_path is not None:
        read = read_notes(notes_path)
        if not read.ok:  # a broken notes file stops the report, located like a submission
            return ReportOutcome(findings + read.findings, len(files) + 1)
        findings += read.findings
        notes = read.notes
        progress(f"Dùng ghi chú của cơ quan soạn thảo: {display_path(notes_path)}")
    progress(f"Đã kiểm tra {len(files)} tệp: không có lỗi. Tính các chỉ tiêu…")
    if req.period is not None:
        figures: YearFigures | PeriodFigures = period_figures(plan, first, last, history, checked.caveats, req.today)
    else:
        figures = year_figures(plan, first, history, checked.caveats, req.today)
    ctx = RenderContext(figures, req.issuance, req.generated or clock.now(), template_dirs(req.templates), req.stem, req.short,
                        notes=notes)
    from plan744.report.compose_quarter import tracked
    from plan744.services.quarter import year_tracking

    tasks_on = min(plan.window(last)[1], req.today)  # the tasks' states on the data cut-off (issue 27)
    with speaking(plan.words), tracked(year_tracking(plan, req.tracking, last, tasks_on)):  # the plan's own words
        outputs = _render(ctx, req.formats, progress)
    return ReportOutcome(findings, len(files), figures, outputs, notes_path)


def _render(ctx: RenderContext, formats: tuple[str, ...], progress: Callable[[str], None]) -> dict[str, bytes]:
    """The files of every format asked for, by name."""
    outputs: dict[str, bytes] = {}
    for name in formats:
        progress(f"Dựng bản {name.upper()}…")
        try:
            outputs.update(FORMATS[name].render(ctx))
        except ValueError as exc:  # a Word template that cannot be used
            from plan744.report.docx import DocxTemplateError

            if isinstance(exc, DocxTemplateError):
                raise ReportError(str(exc)) from exc
            raise
        except Exception as exc:  # the machine, not the data: WeasyPrint and openpyxl write temporary files
            oserror = _temp_write_error(exc)
            if oserror is None:
                raise
            from plan744.outputs import why

            raise ReportError(f"không dựng được bản {name.upper()} vì không ghi được tệp tạm: {why(oserror)}") from exc
    return outputs


def _temp_write_error(exc: BaseException) -> OSError | None:
    """The OS error behind a failed temporary write: an OSError itself, or lxml's SerialisationError
    ("IO_EFBIG", raised when openpyxl streams a sheet into a temporary file), told as one."""
    if isinstance(exc, OSError):
        return exc
    if type(exc).__name__ == "SerialisationError" and str(exc).startswith("IO_E"):
        import errno

        code = getattr(errno, str(exc).removeprefix("IO_").split()[0], None)
        return OSError(code, str(exc)) if isinstance(code, int) else None
    return None


def _caveats(findings: list[Finding], parsed: list) -> list[Caveat]:
    """Warnings about figures (a jump from last year, a denominator of exactly 100), with the unit
    and year they concern, to be carried into the report as caveats."""
    by_file = {sf.source.file: sf.submission for sf in parsed}
    out = []
    for f in findings:
        sub = by_file.get(f.file)
        # not about a figure: a cleaned text, a report dated after its unit ended (said in the reporting record)
        if f.is_error or sub is None or f.code in ("text-cleaned", "sub-date-after-end"):
            continue
        indicator = str(f.path[1]) if len(f.path) > 1 and f.path[0] == "indicators" else ""
        out.append(Caveat(sub.unit, indicator, f.code, f.message, sub.year))
    return out
