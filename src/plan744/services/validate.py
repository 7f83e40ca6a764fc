"""Validating units' reports against the plan: each file read through its intake, validated by
the models, checked as soon as it is read, then checked across files (with the records of the
other reports beside them, cached). The command line, the pre-commit hook (`plan744 validate`),
`plan744 convert` and the report all call these functions."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from plan744.core.findings import NOWHERE, Finding, SourceMap
from plan744.core.labels import speaking
from plan744.core.model_findings import validate_model
from plan744.core.obligation import memo_bound
from plan744.core.plan import Plan
from plan744.core.status_report import is_status_report
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
from plan744.intake.read import read_report_file
from plan744.readers.files import sibling_reports, year_of_folder
from plan744.services.plans import code_hash


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


def parse_submission(path: Path | str, plan: Plan) -> tuple[SubmissionFile | None, list[Finding]]:
    """Read and validate one file against the model (not yet against the plan)."""
    with speaking(plan.words):  # a form's messages name its sheets in the plan's own words
        doc = read_report_file(path)
    if doc.data is None:
        return None, doc.findings
    if not isinstance(doc.data, dict):  # never echo a file that is not a report at all
        from plan744.core.messages import make

        return None, doc.findings + [make("not-a-report", file=doc.source.file, line=1, column=1)]
    if is_status_report(doc.data):  # a task status report (issue 27): its own model and checks
        from plan744.services.tracking import status_findings  # the progress model: only for these

        return None, status_findings(plan, doc)
    # A place already reported (a cell the reader refused, then a blank) is not reported again.
    said = {f.path for f in doc.findings if f.is_error and f.path}
    blanks = [b for b in blank_figures(plan, doc.data, doc.source) if b.path not in said]
    said |= {b.path for b in blanks}
    sub, findings = validate_model(Submission, doc.data, doc.source, integer_at=number_kinds(plan))
    findings = [f for f in findings if f.path not in said]
    if not isinstance(sub, Submission) or blanks or any(f.is_error for f in doc.findings):
        return None, doc.findings + blanks + findings
    folder, name = os.path.split(os.fspath(path))
    return SubmissionFile(sub, doc.source, os.path.basename(folder), os.path.splitext(name)[0]), doc.findings


VALIDATE_MEMO = 256
"""Obligations kept while validating: each file asks once for its own unit and year, so a folder of
100.000 units' reports keeps these few instead of thousands (`core.obligation.memo_bound`)."""


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
    with memo_bound(VALIDATE_MEMO):
        for path in files:
            sf, fs = parse_submission(path, plan)
            findings += fs
            if sf is not None:
                findings += check_file(plan, sf, today)
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
    return usercache.key(plan_key, code_hash(), os.getcwd())


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


__all__ = ["context_records", "locate_findings", "number_kinds", "parse_submission", "validate_files"]
