"""Reading a unit's task status report (issue 27) through the same intake as the annual
reports: bounded, strict YAML with every value's place, then the `StatusReport` model with
located Vietnamese findings."""

from __future__ import annotations

from pathlib import Path

from plan744.core.findings import Finding
from plan744.core.messages import make
from plan744.core.model_findings import validate_model
from plan744.core.status_marker import is_status_report
from plan744.core.status_report import FiledReport, StatusReport
from plan744.intake.read import read_report_file
from plan744.readers.yaml_source import YamlDocument


def status_from_document(doc: YamlDocument) -> tuple[FiledReport | None, list[Finding]]:
    """The report in an already-read document (`is_status_report(doc.data)`), or its findings."""
    if doc.data is None:
        return None, doc.findings
    if not is_status_report(doc.data):
        return None, doc.findings + [make("not-a-report", file=doc.source.file, line=1, column=1)]
    report, findings = validate_model(StatusReport, doc.data, doc.source)
    if not isinstance(report, StatusReport) or any(f.is_error for f in doc.findings):
        return None, doc.findings + findings
    return FiledReport(report, doc.source.file, doc.source), doc.findings


def read_status_file(path: Path | str) -> tuple[FiledReport | None, list[Finding]]:
    return status_from_document(read_report_file(path))
