"""Reading files: the plan, units' submissions, and the folders that hold them.

This is the I/O edge around the pure core (yaml_source, models, checks).
"""

from __future__ import annotations

import datetime as dt
import gc
import glob
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from plan744.core.findings import Finding, Severity
from plan744.core.messages import make
from plan744.core.plan_checks import check_plan
from plan744.core.plan import Plan
from plan744.core.model_findings import validate_model
from plan744.core.submission import Submission
from plan744.core.submission_checks import (
    FileRecord,
    SubmissionFile,
    check_across,
    check_file,
    locate_with,
    record_of,
)
from plan744.readers.yaml_source import MAX_BYTES, SourceMap, YamlDocument, load_yaml

YAML_SUFFIXES = (".yaml", ".yml")


def display_path(path: Path) -> str:
    """Relative to the current folder when below it, with forward slashes (for CI annotations)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def read_yaml_file(path: Path) -> YamlDocument:
    shown = display_path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            finding = make("yaml-too-large", file=shown, line=1, column=1, size=size, limit=MAX_BYTES)
            return YamlDocument(None, SourceMap(shown), [finding])
        raw = path.read_bytes()
    except OSError as exc:
        detail = exc.strerror or exc.__class__.__name__
        return YamlDocument(None, SourceMap(shown), [make("file-unreadable", file=shown, detail=detail)])
    return load_yaml(raw, shown)


@dataclass
class PlanLoad:
    path: Path
    plan: Plan | None
    source: SourceMap
    findings: list[Finding] = field(default_factory=list)


def load_plan(path: Path, *, checks: bool = True) -> PlanLoad:
    doc = read_yaml_file(path)
    if doc.data is None:
        return PlanLoad(path, None, doc.source, doc.findings)
    plan, findings = validate_model(Plan, doc.data, doc.source)
    findings = doc.findings + findings
    if plan is not None and checks:
        findings += check_plan(plan, doc.source)  # type: ignore[arg-type]
    return PlanLoad(path, plan, doc.source, findings)  # type: ignore[arg-type]


def load_submission(path: Path) -> tuple[SubmissionFile | None, list[Finding]]:
    doc = read_yaml_file(path)
    if doc.data is None:
        return None, doc.findings
    sub, findings = validate_model(Submission, doc.data, doc.source)
    if sub is None:
        return None, doc.findings + findings
    sf = SubmissionFile(sub, doc.source, path.parent.name, path.stem)  # type: ignore[arg-type]
    return sf, doc.findings


def discover(args: Iterable[str]) -> tuple[list[Path], list[Finding]]:
    """Files named, found in folders (recursively) or matched by globs; a file that will
    not be read is reported, never skipped in silence."""
    found: dict[Path, None] = {}
    findings: list[Finding] = []

    def consider(p: Path, explicit: bool) -> None:
        if p.suffix.lower() in YAML_SUFFIXES:
            found.setdefault(p, None)
        else:
            # Named explicitly: an error. Met in a folder: a warning, but still said.
            severity = None if explicit else Severity.WARNING
            findings.append(make("file-not-yaml", file=display_path(p), name=p.name, severity=severity))

    for arg in args:
        p = Path(arg)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for name in sorted(files):
                    consider(Path(root) / name, explicit=False)
        elif p.is_file():
            consider(p, explicit=True)
        elif any(ch in arg for ch in "*?["):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                findings.append(make("path-not-found", file=arg, name=arg))
            for m in matches:
                mp = Path(m)
                if mp.is_file():
                    consider(mp, explicit=False)
        else:
            findings.append(make("path-not-found", file=arg, name=arg))
    return list(found), findings


def folder_year(path: Path) -> int | None:
    """The year of the folder holding `path` (`data/reports/2022/X.yaml` -> 2022), if it is one."""
    name = path.parent.name
    return int(name) if len(name) == 4 and name.isdigit() else None


def context_files(targets: Iterable[Path]) -> list[Path]:
    """The other submissions on file beside the targets, for cross-file checks: for
    `data/reports/2022/X.yaml`, every `data/reports/<year>/*.yaml`. A file outside a year
    folder has no context (we never scan a user's whole folder tree)."""
    wanted = {t.resolve() for t in targets}
    roots = {t.resolve().parent.parent for t in targets if folder_year(t.resolve()) is not None}
    out = []
    for root in sorted(roots):
        for year_dir in sorted(d for d in root.iterdir() if d.is_dir() and len(d.name) == 4 and d.name.isdigit()):
            for p in sorted(year_dir.iterdir()):
                if p.suffix.lower() in YAML_SUFFIXES and p.is_file() and p.resolve() not in wanted:
                    out.append(p)
    return out


def validate_files(
    plan: Plan,
    files: list[Path],
    *,
    today: dt.date,
    with_context: bool = True,
    keep: bool = False,
    progress: Callable[[], None] | None = None,
) -> tuple[list[SubmissionFile], list[Finding]]:
    """Parse and check every file. Each file is checked as soon as it is read and only a small
    record of it is kept for the cross-file checks, so memory does not grow with the whole
    parse of every file; `keep=True` also returns the parsed submissions (for the report)."""
    findings: list[Finding] = []
    parsed: list[SubmissionFile] = []
    records: list[FileRecord] = []
    # Nothing made here forms reference cycles worth collecting mid-run; the collector's
    # repeated scans of the growing heap cost more than the parsing.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for path in files:
            sf, fs = load_submission(path)
            findings += fs
            if sf is not None:
                findings += check_file(plan, sf, today)
                records.append(record_of(sf))
                if keep:
                    parsed.append(sf)
            if progress:
                progress()
        context: list[FileRecord] = []
        if with_context:
            for path in context_files(files):
                sf, _ = load_submission(path)  # problems in those files are theirs, reported when they are validated
                if sf is not None:
                    context.append(record_of(sf))
    finally:
        if gc_was_enabled:
            gc.enable()
    findings += locate_findings(check_across(plan, records, context))
    return parsed, findings


def locate_findings(findings: list[Finding]) -> list[Finding]:
    """Fill in the position of findings that carry only a path, re-reading their files once."""
    sources: dict[str, SourceMap] = {}
    out = []
    for f in findings:
        if f.line == 0 and f.path and f.file:
            if f.file not in sources:
                sources[f.file] = read_yaml_file(Path(f.file)).source
            f = locate_with(f, sources[f.file])
        out.append(f)
    return out
