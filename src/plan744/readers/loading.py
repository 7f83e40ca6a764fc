"""Reading the plan and units' submissions from disk, and checking them as they are read.

This is the I/O edge around the pure core (models, checks): files are found and read by
`readers.files` (regular files only, bounded), parsed by `readers.yaml_source`, validated by
the models, then checked by `core.submission_checks`.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from plan744.core.findings import NOWHERE, Finding, SourceMap
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


def load_plan(path: Path, *, checks: bool = True) -> PlanLoad:
    """The plan, with its organisation: inline (schema v1 `registry`, or an `organisation`
    mapping) or in its own file (`organisation: organisation.yaml`, relative to the plan).

    A plan read before is taken from the user's cache (`usercache`) as JSON data, validated
    again by the models (a fraction of parsing and checking the YAML). The entry is keyed by the
    content of the plan and of plan744's code, and holds the content hash of each other file the
    parse read (the organisation file): one that changed since is a miss."""
    from plan744 import __version__, usercache

    try:
        raw = read_bounded(path, PLAN_MAX_BYTES, too_large_code="plan-too-large")
    except ReadRefused as refused:
        return PlanLoad(path, None, SourceMap(display_path(path)), [refused.finding])
    name = usercache.key(__version__, _code_hash(), str(checks), display_path(path), raw)
    cached = _plan_from_entry(path, usercache.load("plans", name))
    if cached is not None:
        return replace(cached, key=name)
    read: list[tuple[str, str]] = []
    loaded = replace(_parse_plan(path, raw, checks, read), key=name)
    if loaded.plan is not None:
        usercache.store("plans", name, _plan_entry(loaded, read))
    return loaded


def _plan_entry(loaded: PlanLoad, deps: list[tuple[str, str]]) -> dict:
    assert loaded.plan is not None
    src = loaded.source
    return {
        "deps": deps,
        # exclude_unset: which fields the file wrote is part of the plan (`Indicator.state_at_end`
        # reads `model_fields_set`), so the entry holds what was written, not the defaults.
        "plan": loaded.plan.model_dump(mode="json", exclude_unset=True),
        "findings": [_finding_data(f) for f in loaded.findings],
        "source": [src.file, [[list(k), *v] for k, v in src.values.items()], [[list(k), *v] for k, v in src.keys.items()]],
    }


def _plan_from_entry(path: Path, entry: object) -> PlanLoad | None:
    """The cached load, or None: no entry, a dependency whose content changed, or an entry that
    does not decode (damaged, foreign, or made by another version): then the plan is parsed."""
    if not isinstance(entry, dict):
        return None
    from plan744 import usercache

    try:
        for dep, hashed in entry["deps"]:
            if usercache.file_digest(dep) != hashed:
                return None
        plan = Plan.model_validate(entry["plan"], strict=False)  # JSON text for dates and decimals
        file, values, keys = entry["source"]
        source = SourceMap(str(file), {tuple(p): (int(ln), int(col)) for p, ln, col in values},
                           {tuple(p): (int(ln), int(col)) for p, ln, col in keys})
        findings = [_finding_from(f) for f in entry["findings"]]
    except Exception:  # whatever an entry holds, a bad one is only a miss
        return None
    return PlanLoad(path, plan, source, findings)


def _finding_data(f: Finding) -> list:
    return [f.code, f.severity.value, f.message, f.file, f.line, f.column, list(f.path), f.value, f.cell, list(f.fixes)]


def _finding_from(data: list) -> Finding:
    from plan744.core.findings import Place, Severity

    code, severity, message, file, line, column, path, value, cell, fixes = data
    if not all(isinstance(x, str) for x in (code, message, file, cell, *fixes)) or not isinstance(value, str | None):
        raise ValueError("not a finding")
    if not all(isinstance(p, str | int) for p in path):
        raise ValueError("not a finding")
    place = Place.of_reference(cell) if cell else Place(int(line), int(column))
    return Finding(code, Severity(severity), message, file, place, tuple(path), value, tuple(fixes))


def _parse_plan(path: Path, raw: bytes, checks: bool, read: list[tuple[str, str]] | None = None) -> PlanLoad:
    """`read` is given each other file the parse reads, with the hash of its bytes (for the
    cache to check it is unchanged)."""
    from plan744.core.organisation import Organisation
    from plan744.core.plan_checks import OrgPlace, check_plan

    doc = load_yaml(raw, display_path(path), PLAN_MAX_BYTES, "plan-too-large")
    if doc.data is None:
        return PlanLoad(path, None, doc.source, doc.findings)
    data, findings, org_place = doc.data, list(doc.findings), None
    if isinstance(data, dict) and isinstance(data.get("organisation"), str):
        org_path = path.parent / data["organisation"]

        def parse_org(org_raw: bytes, shown: str) -> YamlDocument:
            if read is not None:  # the hash of the very bytes parsed
                from plan744.usercache import digest

                read.append((os.fspath(org_path), digest(org_raw)))
            return load_yaml(org_raw, shown, PLAN_MAX_BYTES, "plan-too-large")

        org_doc = _read_then(org_path, PLAN_MAX_BYTES, "plan-too-large", parse_org)
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
        return None, doc.source.placed(doc.findings + blanks + findings)
    folder, name = os.path.split(os.fspath(path))
    return SubmissionFile(sub, doc.source, os.path.basename(folder), os.path.splitext(name)[0]), doc.findings


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
            findings += sf.source.placed(check_file(plan, sf, today))
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
    the hash of the file's bytes: only a file whose content changed is parsed again (reading
    and hashing a file is a small part of parsing it; a size or a time can stay the same when
    the content does not). One entry per folder, rewritten when something changed."""
    from plan744 import usercache

    out: list[FileRecord] = []
    by_folder: dict[str, list[str]] = {}
    for given in paths:
        path = os.fspath(given)
        by_folder.setdefault(os.path.dirname(path), []).append(path)
    prefix = _context_prefix(plan_key) if plan_key and by_folder and usercache.available("context") else ""
    checked: set[tuple] = set()  # figure keys of the cache already seen to be text
    for folder, members in by_folder.items():
        name = usercache.key(prefix, os.path.abspath(folder or os.curdir)) if prefix else ""
        cached = usercache.load("context", name) if name else None
        known: dict = cached if isinstance(cached, dict) else {}
        kept: dict[str, list] = {}
        for path in members:
            hashed = _content(path) if name else ""
            base = os.path.basename(path)
            hit = known.get(base)
            if hashed and isinstance(hit, list) and len(hit) == 2 and hit[0] == hashed:
                if hit[1] is None:  # unchanged, and it did not pass: no record
                    kept[base] = hit
                    continue
                rec = _record_from_data(hit[1], store, checked)
                if rec is not None:
                    out.append(rec)
                    kept[base] = hit
                    continue
            sf, _ = parse_submission(path, plan)
            row = None
            if sf is not None:
                out.append(rec := record_of(sf, store))
                row = record_row(rec)
            # Kept only if the file still holds the bytes hashed before the parse.
            if hashed and _content(path) == hashed:
                kept[base] = [hashed, _row_data(row)]
        if name and kept != known:
            usercache.store("context", name, kept)
    return out


def _content(path: str) -> str:
    from plan744.usercache import file_digest

    return file_digest(path)  # "" when unreadable: parsed each time, and the parse says why


def _row_data(row: RecordRow | None) -> Any:
    """A record as JSON data. The figures (most of a record) are flat lists, read back by one
    comprehension; the rest goes through the tagged form of `_to_json`."""
    if row is None:
        return None
    file, unit, year, unit_pos, money, figures, cells = row
    flat = [[*k, v if isinstance(v, int) else str(v)] for k, v in figures]
    return [file, unit, year, list(unit_pos), _to_json(money), flat, _to_json(cells)]


def _record_from_data(data: Any, store: FigureStore, checked: set[tuple]) -> FileRecord | None:
    """The record kept for a file whose content is unchanged, or None when the data does not
    decode (a damaged or foreign entry): the file is then parsed again."""
    try:
        file, unit, year, (line, col), money, flat, cells = data
        figures = [((a, b, c), v if type(v) is int else Decimal(_str(v))) for a, b, c, v in flat]
        keys = {k for k, _ in figures}
        if not keys <= checked:  # the same few dozen keys recur in every record: checked once
            if not all(type(part) is str for k in keys for part in k):
                return None
            checked |= keys
        row: RecordRow = (_str(file), _str(unit), _int(year), (_int(line), _int(col)), _from_json(money), figures,
                          _from_json(cells))
        if not isinstance(row[4], tuple) or not isinstance(row[6], dict | None):
            return None
        return record_from(row, store)
    except (ValueError, TypeError, IndexError, KeyError, ArithmeticError, RecursionError):
        return None


def _int(x: object) -> int:
    if type(x) is not int:
        raise TypeError("not an integer")
    return x


def _str(x: object) -> str:
    if not isinstance(x, str):
        raise TypeError("not a text")
    return x


def _to_json(x: Any) -> Any:
    """A record's plain values as JSON data that reads back to the same types: a decimal as its
    exact text, a tuple and a mapping with tuple keys tagged (`{"d": …}`, `{"t": …}`, `{"m": …}`)."""
    if x is None or isinstance(x, str | int):  # bool is an int
        return x
    if isinstance(x, Decimal):
        return {"d": str(x)}
    if isinstance(x, tuple):
        return {"t": [_to_json(v) for v in x]}
    if isinstance(x, list):
        return [_to_json(v) for v in x]
    if isinstance(x, dict):
        return {"m": [[_to_json(k), _to_json(v)] for k, v in x.items()]}
    raise TypeError(f"not kept in the cache: {type(x).__name__}")


def _from_json(x: Any) -> Any:
    if x is None or isinstance(x, str | int):
        return x
    if isinstance(x, list):
        return [_from_json(v) for v in x]
    if isinstance(x, dict) and len(x) == 1:
        if isinstance(d := x.get("d"), str):
            return Decimal(d)
        if isinstance(t := x.get("t"), list):
            return tuple(_from_json(v) for v in t)
        if isinstance(m := x.get("m"), list):
            return {_from_json(k): _from_json(v) for k, v in m}
    raise ValueError("not an entry of ours")


def _context_prefix(plan_key: str) -> str:
    """What every folder's entry of this run is keyed by besides the folder."""
    from plan744 import usercache

    # Records hold display paths (relative to the working folder).
    return usercache.key(plan_key, _code_hash(), os.getcwd())


@functools.cache
def _code_hash() -> str:
    """The hash of the code whose results are cached: the models, the checks, the messages,
    the readers and the cache itself. An upgrade or an edit of any of them is a miss, whatever
    the version number says."""
    from plan744 import usercache

    here = Path(__file__).resolve().parent
    files = sorted([*here.glob("*.py"), *(here.parent / "core").rglob("*.py"), here.parent / "usercache.py"])
    return usercache.key(*(f"{f.relative_to(here.parent)}".encode() + b"\0" + f.read_bytes() for f in files))


def locate_findings(findings: list[Finding]) -> list[Finding]:
    """Give a place to findings that carry only a path (`SourceMap.place`: a line, or a cell of
    a workbook), re-reading their files once."""
    sources: dict[str, SourceMap] = {}
    out = []
    for f in findings:
        if f.path and f.file and f.place == NOWHERE:
            if f.file not in sources:
                sources[f.file] = read_report_file(Path(f.file)).source
            f = replace(f, place=sources[f.file].place(f.path))
        out.append(f)
    return out


__all__ = ["PlanLoad", "load_plan", "parse_submission", "validate_files", "read_yaml_file", "year_of_folder"]
