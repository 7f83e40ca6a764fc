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
from plan744.core.status_marker import is_status_report
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
from plan744.services import finding_data
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

    With `plan_key` (`PlanLoad.key`), the user's cache keeps, per year folder, each file's content
    hash with what reading it gave (`_Entries`): a file whose bytes did not change is not parsed
    again, whether it is checked (its own findings) or only read for context (its record). The
    cross-file checks always run over every record."""
    findings: list[Finding] = []
    parsed: list[SubmissionFile] = []
    records: list[FileRecord] = []
    store = FigureStore()
    entries = _Entries.of(plan_key)
    on = today.isoformat()
    with memo_bound(plan, VALIDATE_MEMO):
        for path in files:
            hashed, hit = entries.find(path) if entries and not keep else ("", None)
            reused = _checked_hit(hit, os.fspath(path), on, store, entries) if hit and entries else None
            if reused is not None:
                findings += reused[0]
                if reused[1] is not None:
                    records.append(reused[1])
            else:
                sf, own = parse_submission(path, plan)
                rec = None
                if sf is not None:
                    own = own + check_file(plan, sf, today)
                    records.append(rec := record_of(sf, store))
                    if keep:
                        parsed.append(sf)
                findings += own
                if hashed and entries:
                    entries.keep(path, hashed, [hashed, _row_data(record_row(rec) if rec else None),
                                                [finding_data.to_data(f) for f in own], os.fspath(path),
                                                sf.submission.submitted.isoformat() if sf else None])
            if progress:
                progress()
    context: list[FileRecord] = []
    if with_context:
        # Only the years the checks look at: duplicates (the same year), cumulative spending and
        # jumps from last year (earlier years). A later year changes nothing said about these files.
        latest = max((y for y in (year_of_folder(f) for f in files) if y is not None), default=None)
        years = None if latest is None else range(1900, latest + 1)
        context = context_records(plan, sibling_reports(files, years), store, entries=entries)
    if entries:
        entries.store()
    findings += locate_findings(check_across(plan, records, context))
    return parsed, findings


def _checked_hit(hit: list, shown: str, on: str, store: FigureStore, entries: _Entries
                 ) -> tuple[list[Finding], FileRecord | None] | None:
    """A checked file's findings and record kept from an earlier run, if they still hold: the
    file was checked (not only read for context) under the same spelling of its path (the
    findings name it), and no date in it is later than today (the one check that depends on
    the day: a report dated in the future)."""
    try:
        _, row, kept, spelt, submitted = hit
        if kept is None or spelt != shown or (submitted is not None and not (isinstance(submitted, str) and submitted <= on)):
            return None
        own = [finding_data.from_data(f) for f in kept]
    except (ValueError, TypeError):
        return None
    if row is None:
        return own, None
    rec = _record_from_data(row, store, entries.checked)
    return None if rec is None else (own, rec)


class _Entries:
    """The user's cache of this run's year folders: one entry per folder, each file's content hash
    beside what reading it gave, `[hash, record, findings, path, submitted]` (findings, path and
    date only for a file that was checked itself). Loaded once a folder, written once at the end
    when something changed; an entry of a file that is gone is dropped then."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.folders: dict[str, tuple[str, dict, dict]] = {}  # absolute folder -> (name, loaded, kept)
        self.spelt: dict[str, tuple[str, dict, dict]] = {}  # a folder as the paths spell it -> the same
        self.checked: set[tuple] = set()  # figure keys of the cache already seen to be text

    @classmethod
    def of(cls, plan_key: str) -> _Entries | None:
        from plan744 import usercache

        return cls(_context_prefix(plan_key)) if plan_key and usercache.available("context") else None

    def _folder(self, path: Path | str) -> tuple[str, dict, dict]:
        spelt = os.path.dirname(os.fspath(path))
        found = self.spelt.get(spelt)  # one absolute path per folder, not one per file
        if found is None:
            from plan744 import usercache

            folder = os.path.abspath(spelt or os.curdir)
            found = self.folders.get(folder)
            if found is None:
                name = usercache.key(self.prefix, folder)
                loaded = usercache.load("context", name)
                found = self.folders[folder] = (name, loaded if isinstance(loaded, dict) else {}, {})
            self.spelt[spelt] = found
        return found

    def find(self, path: Path | str) -> tuple[str, list | None]:
        """The file's content hash ("" when it cannot be read) and its entry if the content is
        the one hashed then."""
        hashed = _content(os.fspath(path))
        hit = self._folder(path)[1].get(os.path.basename(path)) if hashed else None
        ok = isinstance(hit, list) and len(hit) == 5 and hit[0] == hashed
        return hashed, hit if ok else None

    def keep(self, path: Path | str, hashed: str, hit: list, *, read: bool = True) -> None:
        """Keep `hit` for the file, if it still holds the bytes hashed before it was `read` (an
        entry found unchanged was not read: it is kept as it is)."""
        if not read or _content(os.fspath(path)) == hashed:
            self._folder(path)[2][os.path.basename(path)] = hit

    def store(self) -> None:
        from plan744 import usercache

        for folder, (name, loaded, kept) in self.folders.items():
            if all(loaded.get(base) == hit for base, hit in kept.items()):
                continue  # nothing new
            merged = {base: hit for base, hit in loaded.items()
                      if base not in kept and os.path.isfile(os.path.join(folder, base))}
            usercache.store("context", name, {**merged, **kept})


def context_records(plan: Plan, paths: Sequence[Path | str], store: FigureStore,
                    entries: _Entries | None = None) -> list[FileRecord]:
    """The cross-file records of the other reports beside the files being checked. Problems in
    those files are theirs, reported when they are validated; a file that does not pass gives
    no record.

    Checking one file of a folder of hundreds would otherwise parse them all on every run, so
    with the run's `entries` each year folder keeps, in the user's cache, every file's record beside
    the hash of the file's bytes: only a file whose content changed is parsed again (reading and
    hashing a file is a small part of parsing it; a size or a time can stay the same when the
    content does not). The caller writes the entries (`_Entries.store`) once the run is done."""
    out: list[FileRecord] = []
    for path in paths:
        hashed, hit = entries.find(path) if entries else ("", None)
        if hit is not None:
            assert entries is not None
            if hit[1] is None:  # unchanged, and it did not pass: no record
                entries.keep(path, hashed, hit, read=False)
                continue
            rec = _record_from_data(hit[1], store, entries.checked)
            if rec is not None:
                out.append(rec)
                entries.keep(path, hashed, hit, read=False)
                continue
        sf, _ = parse_submission(path, plan)
        row = None
        if sf is not None:
            out.append(rec := record_of(sf, store))
            row = record_row(rec)
        if hashed and entries:
            entries.keep(path, hashed, [hashed, _row_data(row), None, None, None])
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
