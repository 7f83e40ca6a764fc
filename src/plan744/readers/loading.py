"""Reading the plan and units' submissions from disk, and checking them as they are read.

This is the I/O edge around the pure core (models, checks): files are found and read by
`readers.files` (regular files only, bounded), parsed by `readers.yaml_source`, validated by
the models, then checked by `core.submission_checks`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from plan744.core.findings import Finding, SourceMap
from plan744.core.model_findings import validate_model
from plan744.core.plan import Plan
from plan744.core.submission import Submission
from plan744.core.submission_checks import (
    FigureStore,
    FileRecord,
    RecordRow,
    SubmissionFile,
    blank_figures,
    check_across,
    check_file,
    locate_with,
    record_from,
    record_of,
    record_row,
)
from plan744.readers.files import ReadRefused, display_path, read_bounded, sibling_reports, year_of_folder
from plan744.readers.yaml_source import MAX_BYTES, YamlDocument, load_yaml

PLAN_MAX_BYTES = 64 * 1024 * 1024
"""A plan or organisation file: tens of thousands of units fit; a unit's report limit does not."""


def read_yaml_file(path: Path | str, limit: int = MAX_BYTES, too_large_code: str = "yaml-too-large") -> YamlDocument:
    return _read_then(path, limit, too_large_code, lambda raw, shown: load_yaml(raw, shown, limit, too_large_code))


def _read_then(path: Path | str, limit: int, too_large_code: str, parse: Callable[[bytes, str], YamlDocument]) -> YamlDocument:
    """The file's bytes (bounded, regular files only) parsed by `parse`, or the refusal as a finding."""
    shown = display_path(path)
    try:
        raw = read_bounded(path, limit, too_large_code=too_large_code, shown=shown)
    except ReadRefused as refused:
        return YamlDocument(None, SourceMap(shown), [refused.finding])
    return parse(raw, shown)


@dataclass
class PlanLoad:
    path: Path
    plan: Plan | None
    source: SourceMap
    findings: list[Finding] = field(default_factory=list)
    key: str = ""  # the plan's cache key: what else is cached for this plan is keyed by it too


_ORGANISATION_LINE = re.compile(rb"^organisation:[ \t]*[\"']?([^\"'#\r\n]+?)[\"']?[ \t]*(?:#.*)?$", re.M)


def load_plan(path: Path, *, checks: bool = True) -> PlanLoad:
    """The plan, with its organisation: inline (schema v1 `registry`, or an `organisation`
    mapping) or in its own file (`organisation: organisation.yaml`, relative to the plan).

    A plan read before is taken from the user's cache (`usercache`), keyed by the bytes of the
    plan and of its organisation file and by plan744's version: a command then starts without
    parsing and validating some thousands of lines it has already checked."""
    from plan744 import __version__, usercache

    try:
        raw = read_bounded(path, PLAN_MAX_BYTES, too_large_code="plan-too-large")
    except ReadRefused as refused:
        return PlanLoad(path, None, SourceMap(display_path(path)), [refused.finding])
    from plan744.core import organisation as org_module
    from plan744.core import plan as plan_module
    from plan744.core import strict as strict_module

    # The models' own source is part of the key (with the base they share, and how it pickles):
    # a changed model never reads an old pickle.
    models = b"".join(Path(m.__file__).read_bytes() for m in (plan_module, org_module, strict_module) if m.__file__)
    parts: list[bytes | str] = [__version__, models, str(checks), display_path(path), raw]
    m = _ORGANISATION_LINE.search(raw)
    if m:
        try:
            parts.append(read_bounded(path.parent / m.group(1).decode("utf-8", "replace").strip(), PLAN_MAX_BYTES))
        except ReadRefused:
            parts.append(b"")  # the parse below reports it
    name = usercache.key(*parts)
    cached = usercache.load("plans", name)
    if isinstance(cached, PlanLoad):
        return replace(cached, key=name)
    loaded = replace(_parse_plan(path, raw, checks), key=name)
    if loaded.plan is not None:
        usercache.store("plans", name, loaded)
    return loaded


def _parse_plan(path: Path, raw: bytes, checks: bool) -> PlanLoad:
    from plan744.core.organisation import Organisation
    from plan744.core.plan_checks import OrgPlace, check_plan

    doc = load_yaml(raw, display_path(path), PLAN_MAX_BYTES, "plan-too-large")
    if doc.data is None:
        return PlanLoad(path, None, doc.source, doc.findings)
    data, findings, org_place = doc.data, list(doc.findings), None
    if isinstance(data, dict) and isinstance(data.get("organisation"), str):
        org_path = path.parent / data["organisation"]
        org_doc = read_yaml_file(org_path, PLAN_MAX_BYTES, "plan-too-large")
        findings += org_doc.findings
        if org_doc.data is None:
            return PlanLoad(path, None, doc.source, findings)
        org, org_findings = validate_model(Organisation, org_doc.data, org_doc.source)
        findings += org_findings
        if not isinstance(org, Organisation):
            return PlanLoad(path, None, doc.source, findings)
        data = {**data, "organisation": org}
        org_place = OrgPlace(org_doc.source)
    plan, more = validate_model(Plan, data, doc.source)
    findings += more
    if isinstance(plan, Plan) and checks:
        findings += check_plan(plan, doc.source, org_place)
    return PlanLoad(path, plan if isinstance(plan, Plan) else None, doc.source, findings)


def number_kinds(plan: Plan) -> Callable[[tuple], bool | None]:
    """Where a number in a submission must be whole (a count) or may have decimals (money), so
    that advice on "1.500" fits the field (see core.numbers)."""
    money = {i.id for i in plan.indicators if i.measure == "money"}

    def integer_at(path: tuple) -> bool | None:
        if len(path) == 4 and path[0] == "indicators" and path[3] in ("numerator", "denominator"):
            return None if path[1] not in plan.indicators_by_id else path[1] not in money
        if len(path) == 3 and path[0] == "appendix" and path[2] in ("allocated", "disbursed"):
            return False
        return None

    return integer_at


def read_report_file(path: Path | str) -> YamlDocument:
    """A unit's report as data with its source map: a YAML file, or an Excel form (.xlsx)."""
    name = os.path.basename(path)
    if os.path.splitext(name)[1].lower() != ".xlsx":
        return read_yaml_file(path)
    from plan744.readers.xlsx_source import MAX_FILE_BYTES, read_xlsx

    return _read_then(path, MAX_FILE_BYTES, "file-too-large", lambda raw, shown: read_xlsx(raw, shown, name))


def with_cells(findings: list[Finding], source: SourceMap) -> list[Finding]:
    """Findings about a workbook name the cell of their value ("Chỉ tiêu!F12")."""
    if not source.cells:
        return findings
    return [f if f.cell or f.file != source.file else replace(f, cell=source.cell(f.path)) for f in findings]


def parse_submission(path: Path | str, plan: Plan) -> tuple[SubmissionFile | None, list[Finding]]:
    """Read and validate one file against the model (not yet against the plan)."""
    doc = read_report_file(path)
    if doc.data is None:
        return None, doc.findings
    if not isinstance(doc.data, dict):  # never echo a file that is not a report at all
        from plan744.core.messages import make

        return None, doc.findings + [make("not-a-report", file=doc.source.file, line=1, column=1)]
    # A place already reported (a cell the reader refused, then a blank) is not reported again.
    said = {f.path for f in doc.findings if f.is_error and f.path}
    blanks = [b for b in blank_figures(plan, doc.data, doc.source) if b.path not in said]
    said |= {b.path for b in blanks}
    sub, findings = validate_model(Submission, doc.data, doc.source, integer_at=number_kinds(plan))
    findings = [f for f in findings if f.path not in said]
    if not isinstance(sub, Submission) or blanks or any(f.is_error for f in doc.findings):
        return None, with_cells(doc.findings + blanks + findings, doc.source)
    folder, name = os.path.split(os.fspath(path))
    return SubmissionFile(sub, doc.source, os.path.basename(folder), os.path.splitext(name)[0]), with_cells(doc.findings, doc.source)


def validate_files(
    plan: Plan,
    files: Sequence[Path | str],
    *,
    today: dt.date,
    with_context: bool = True,
    keep: bool = False,
    progress: Callable[[], None] | None = None,
    plan_key: str = "",
) -> tuple[list[SubmissionFile], list[Finding]]:
    """Parse and check every file. Each file is checked as soon as it is read and only a small
    record of it is kept for the cross-file checks, so memory does not grow with the whole
    parse of every file; `keep=True` also returns the parsed submissions (for the report).
    With `plan_key` (`PlanLoad.key`), the records of the other reports read for context are
    cached (`context_records`)."""
    findings: list[Finding] = []
    parsed: list[SubmissionFile] = []
    records: list[FileRecord] = []
    store = FigureStore()
    for path in files:
        sf, fs = parse_submission(path, plan)
        findings += fs
        if sf is not None:
            findings += with_cells(check_file(plan, sf, today), sf.source)
            records.append(record_of(sf, store))
            if keep:
                parsed.append(sf)
        if progress:
            progress()
    context: list[FileRecord] = []
    if with_context:
        # Only the years the checks look at: duplicates (the same year), cumulative spending and
        # jumps from last year (earlier years). A later year changes nothing said about these files.
        latest = max((y for y in (year_of_folder(f) for f in files) if y is not None), default=None)
        years = None if latest is None else range(1900, latest + 1)
        context = context_records(plan, sibling_reports(files, years), store, plan_key)
    findings += locate_findings(check_across(plan, records, context))
    return parsed, findings


def context_records(plan: Plan, paths: Sequence[Path | str], store: FigureStore, plan_key: str = "") -> list[FileRecord]:
    """The cross-file records of the other reports beside the files being checked. Problems in
    those files are theirs, reported when they are validated; a file that does not pass gives
    no record.

    Checking one file of a folder of hundreds would otherwise parse them all on every run, so
    with a `plan_key` each year folder keeps, in the user's cache, every file's record beside
    its name, size, modification time and inode (the test git and build tools use): only a file
    whose stamp changed is parsed again. One entry per folder, rewritten when something changed."""
    from plan744 import usercache

    out: list[FileRecord] = []
    by_folder: dict[str, list[str]] = {}
    for given in paths:
        path = os.fspath(given)
        by_folder.setdefault(os.path.dirname(path), []).append(path)
    prefix = _context_prefix(plan_key) if plan_key and by_folder else ""
    for folder, members in by_folder.items():
        name = usercache.key(prefix, os.path.abspath(folder or os.curdir)) if prefix else ""
        cached = usercache.load("context", name) if name else None
        known: dict[str, tuple[str, RecordRow | None]] = cached if isinstance(cached, dict) else {}
        kept: dict[str, tuple[str, RecordRow | None]] = {}
        for path in members:
            stamp = _stamp(path)
            base = os.path.basename(path)
            hit = known.get(base)
            if hit is not None and stamp and hit[0] == stamp:
                row = hit[1]
                if row is not None:
                    out.append(record_from(row, store))
            else:
                sf, _ = parse_submission(path, plan)
                row = None
                if sf is not None:
                    out.append(rec := record_of(sf, store))
                    row = record_row(rec)
            if stamp:
                kept[base] = (stamp, row)
        if name and kept != known:
            usercache.store("context", name, kept)
    return out


def _stamp(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return ""  # gone or unreadable: parsed each time, and the parse says nothing of it
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"


def _context_prefix(plan_key: str) -> str:
    """What every folder's entry of this run is keyed by besides the folder."""
    from plan744 import usercache
    from plan744.core import submission_checks

    # Records hold display paths (relative to the working folder), and their shape is ours.
    code = b"".join(Path(m).read_bytes() for m in (__file__, submission_checks.__file__ or "") if m)
    return usercache.key(plan_key, code, os.getcwd())


def locate_findings(findings: list[Finding]) -> list[Finding]:
    """Fill in the position of findings that carry only a path, re-reading their files once."""
    sources: dict[str, SourceMap] = {}
    out = []
    for f in findings:
        workbook = f.file.lower().endswith(".xlsx")
        if f.path and f.file and not f.cell and (f.line == 0 or workbook):
            if f.file not in sources:
                sources[f.file] = read_report_file(Path(f.file)).source
            f = with_cells([locate_with(f, sources[f.file])], sources[f.file])[0]
        out.append(f)
    return out


__all__ = ["PlanLoad", "load_plan", "parse_submission", "validate_files", "read_yaml_file", "year_of_folder"]
