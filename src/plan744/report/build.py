"""Build the annual report from files: validate everything first, then compute and render.

The edge between the pure core (kpi, render's templates) and the disk. Nothing is
written unless every submission is valid and every requested output rendered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from plan744.core.findings import Finding
from plan744.core.kpi import YearReport, year_report
from plan744.readers.files import discover, display_path, year_of_folder
from plan744.readers.loading import load_plan, validate_files
from plan744.report.html import Issuance, ReportContext, build_datetime, render_html, render_pdf

FORMATS = ("html", "pdf", "docx", "all")
ALL_FORMATS = ("html", "pdf", "docx")
DOCX_TEMPLATE = "report.docx"  # in the templates folder, beside report.html


class ReportError(Exception):
    """A report that cannot be built for a reason the user can fix (e.g. a broken Word template)."""


@dataclass
class ReportRequest:
    year: int
    plan_path: Path
    data_dir: Path
    templates: Path
    out_dir: Path
    formats: tuple[str, ...]  # "html", "pdf", "docx"
    issuance: Issuance = field(default_factory=Issuance)
    today: dt.date = field(default_factory=dt.date.today)


@dataclass
class ReportOutcome:
    findings: list[Finding]
    files_checked: int = 0
    report: YearReport | None = None
    outputs: dict[str, bytes] = field(default_factory=dict)  # file name -> content

    @property
    def ok(self) -> bool:
        return self.report is not None


def _relevant(path: Path, year: int) -> bool:
    """Submissions of later years cannot change this year's report."""
    folder = year_of_folder(path)
    return folder is None or folder <= year


def _quiet(_: str) -> None:
    pass


def build(req: ReportRequest, progress: Callable[[str], None] = _quiet) -> ReportOutcome:
    loaded = load_plan(req.plan_path)
    if loaded.plan is None or any(f.is_error for f in loaded.findings):
        return ReportOutcome(loaded.findings)
    plan = loaded.plan
    from plan744.core.messages import make

    where = display_path(req.data_dir)
    if req.year not in plan.period.years:
        return ReportOutcome([make("report-year-outside-period", file=where, year=req.year,
                                   start=plan.period.start, end=plan.period.end)])
    if not req.data_dir.is_dir():
        return ReportOutcome([make("path-not-found", file=where, name=where)])
    found = discover([str(req.data_dir)])
    findings = found.findings
    files = [f for f in found.files if _relevant(f, req.year)]
    parsed, more = validate_files(plan, files, today=req.today, with_context=False, keep=True)
    findings += more
    if any(f.is_error for f in findings):
        return ReportOutcome(findings, len(files))
    if not any(sf.submission.year == req.year for sf in parsed):
        return ReportOutcome(findings + [make("report-no-submissions", file=where, year=req.year, where=where)],
                             len(files))
    progress(f"Đã kiểm tra {len(files)} tệp: không có lỗi. Tính các chỉ tiêu…")
    history = [sf.submission for sf in parsed if sf.submission.year <= req.year]
    report = year_report(plan, req.year, history)
    ctx = ReportContext(report, req.issuance, build_datetime())
    html = render_html(ctx, req.templates)
    outputs: dict[str, bytes] = {}
    stem = f"bao-cao-{req.year}"
    if "html" in req.formats:
        outputs[f"{stem}.html"] = html.encode("utf-8")
    if "pdf" in req.formats:
        progress("Dựng bản PDF…")
        outputs[f"{stem}.pdf"] = render_pdf(html, ctx.generated)
    if "docx" in req.formats:
        progress("Dựng bản Word…")
        from plan744.report.docx import DocxTemplateError, render_docx  # python-docx only when asked for

        try:
            outputs[f"{stem}.docx"] = render_docx(html, req.templates / DOCX_TEMPLATE)
        except DocxTemplateError as exc:
            raise ReportError(str(exc)) from exc
    return ReportOutcome(findings, len(files), report, outputs)
