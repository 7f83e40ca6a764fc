"""Task tracking (issue 27): read the units' status reports, check them against the plan, and
work out the tasks' states on a date, for the `tasks` command, `validate` and the report
composers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from plan744.core.findings import Finding, SourceMap
from plan744.core.plan import Plan
from plan744.core.progress import Progress, assignees, lead_texts, progress, tracked
from plan744.core.status_marker import is_status_report
from plan744.core.status_report import FiledReport, check_duplicates, check_report, facts_of
from plan744.readers.files import discover
from plan744.readers.status_yaml import read_status_file, status_from_document
from plan744.readers.yaml_source import YamlDocument

__all__ = ["Tracking", "is_status_report", "status_findings", "track"]


@dataclass
class Tracking:
    reports: list[FiledReport]
    findings: list[Finding]
    files: int
    progress: Progress


class _Checker:
    """The plan's answers the checks of every report ask, worked out once."""

    def __init__(self, plan: Plan, as_of: dt.date) -> None:
        items = tracked(plan)
        self.plan = plan
        self.who = assignees(plan, as_of)
        self.leads = lead_texts(plan)
        self.recurring = frozenset(it.key for it in items if it.deadline is not None and it.deadline.recurring)
        self.no_deadline = frozenset(it.key for it in items if it.deadline is None)

    def check(self, f: FiledReport) -> list[Finding]:
        return check_report(self.plan, f, self.who, self.leads, self.recurring, self.no_deadline)


def check_status_reports(plan: Plan, filed: Sequence[FiledReport], as_of: dt.date) -> list[Finding]:
    """Each report against the plan, and the reports against each other."""
    checker = _Checker(plan, as_of)
    out: list[Finding] = []
    for f in filed:
        out += checker.check(f)
    return out + check_duplicates(list(filed))


def read_status_reports(plan: Plan, paths: Sequence[Path | str], as_of: dt.date) -> tuple[list[FiledReport], list[Finding], int]:
    """Every status report under `paths` (files or folders), checked as soon as it is read; and
    how many files were read. Only the report is kept, not where each value was (the findings
    are already located): memory stays with the reports, not with their source maps."""
    found = discover([str(p) for p in paths])
    checker = _Checker(plan, as_of)
    filed: list[FiledReport] = []
    findings: list[Finding] = list(found.findings)
    for path in found.files:
        f, fs = read_status_file(path)
        findings += fs
        if f is not None:
            findings += checker.check(f)
            filed.append(FiledReport(facts_of(f.report), f.file, slim(f.source)))
    findings += check_duplicates(filed)
    return filed, findings, len(found.files)


def track(plan: Plan, paths: Sequence[Path | str], as_of: dt.date) -> Tracking:
    """The reports under `paths` and the tasks' states on `as_of` (from the valid reports)."""
    filed, findings, n = read_status_reports(plan, paths, as_of)
    bad = {f.file for f in findings if f.is_error}
    good = [f for f in filed if f.file not in bad]
    return Tracking(filed, findings, n, progress(plan, good, as_of))


def status_findings(plan: Plan, doc: YamlDocument) -> list[Finding]:
    """`validate` of one status report file: the model, then the plan (checked on the day the
    report was sent, when it names a valid date)."""
    filed, findings = status_from_document(doc)
    if filed is None:
        return findings
    return findings + check_status_reports(plan, [filed], filed.report.submitted)


def slim(source: SourceMap) -> SourceMap:
    """A source map holding only the place a later check asks for (the report's `submitted`)."""
    path = ("submitted",)
    out = SourceMap(source.file, workbook=source.workbook)
    for table in ("values", "keys", "cells"):
        found = getattr(source, table).get(path)
        if found is not None:
            getattr(out, table)[path] = found
    return out
