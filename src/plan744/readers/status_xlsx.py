"""A unit's task status report filled in the Excel form (`forms.status_xlsx`) read back into the
same data a YAML status report holds, with every value's cell: the result is validated by the
same `StatusReport` model and checked by the same checks (`readers.status_yaml`), and a finding
names the sheet and cell ("Tiến độ nhiệm vụ!E7").

The form's hidden keys are read, never its labels or positions. A row whose status is left blank
is a task not reported this period. A status typed outside the list, a date that is not a date:
a located finding in Vietnamese (`xlsx-status-unknown`; the model's date messages).
"""

from __future__ import annotations

import io
from typing import Any

from plan744.core.findings import Place, SourceMap
from plan744.core.messages import make
from plan744.core.text import clean
from plan744.forms.status_xlsx import (
    FIELDS,
    META_SHEET,
    NO_ROW,
    STATUS_FORM,
    read_row_key,
    sheet_kind,
    status_labels,
)
from plan744.readers.xlsx_cells import Reader, as_date, as_text
from plan744.readers.xlsx_package import Refused, check_package
from plan744.readers.xlsx_source import DAMAGED
from plan744.readers.yaml_source import YamlDocument

MAX_ROWS = 2000


def is_status_form(raw: bytes, file: str, name: str) -> bool:
    """Whether a workbook is a status report form (its hidden sheet says so). Checked for safety
    first; a workbook that fails those checks is left to the annual form's reader to refuse."""
    try:
        check_package(raw, file, name)
        wb = _load(raw)
    except (Refused, *DAMAGED):  # not ours to say why: the annual form's reader says it
        return False
    try:
        return META_SHEET in wb.sheetnames and _meta(wb).get("form") == STATUS_FORM
    except DAMAGED:  # openpyxl parses a sheet's XML only when it is read: a damaged one fails here
        return False
    finally:
        wb.close()


def _load(raw: bytes) -> Any:
    import warnings

    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_workbook(io.BytesIO(raw), read_only=True, data_only=True, keep_links=False)


def _meta(wb: Any) -> dict[str, Any]:
    out = {}
    for row in wb[META_SHEET].iter_rows(min_row=1, max_row=20, max_col=2, values_only=True):
        if row and row[0]:
            out[str(row[0])] = row[1]
    return out


def read_status_xlsx(raw: bytes, file: str, name: str = "") -> YamlDocument:
    """The data of a status form, or findings saying why it cannot be read. Never raises."""
    name = name or file
    try:
        check_package(raw, file, name)
        wb = _load(raw)
    except Refused as refused:
        return YamlDocument(None, SourceMap(file), [refused.finding])
    except DAMAGED as exc:  # a damaged workbook is a finding, never a traceback
        return YamlDocument(None, SourceMap(file), [make("xlsx-corrupt", file=file, name=name, why=type(exc).__name__)])
    r = Reader(file)
    try:
        meta = _meta(wb) if META_SHEET in wb.sheetnames else {}
        data: dict[str, Any] = {"plan": meta.get("plan"), "unit": meta.get("unit"), "period": meta.get("period")}
        for ws in wb.worksheets:
            if ws.title == META_SHEET:
                continue
            first = next(ws.iter_rows(min_row=1, max_row=1, max_col=1, values_only=True), (None,))
            kind = sheet_kind(first[0] if first else None)
            if kind in FIELDS:
                _sheet(ws, kind, r, data)
    except DAMAGED as exc:
        return YamlDocument(None, SourceMap(file), [make("xlsx-corrupt", file=file, name=name, why=type(exc).__name__)])
    finally:
        wb.close()
    data.setdefault("progress", {})
    return YamlDocument(data, r.source, r.findings)


def _sheet(ws: Any, kind: str, r: Reader, data: dict[str, Any]) -> None:
    fields: dict[int, str] = {}
    for n, row in enumerate(ws.iter_rows(min_row=1, max_row=MAX_ROWS), start=1):
        if n == 1:
            fields = {c.column: str(c.value) for c in row if getattr(c, "column", 1) > 1 and c.value}
            continue
        cells = {f: c for c in row if (f := fields.get(getattr(c, "column", 0)))}
        key_cell = next((c for c in row if getattr(c, "column", 0) == 1), None)
        key = getattr(key_cell, "value", None)
        if not key or key == NO_ROW:
            continue
        found = read_row_key(str(key))
        if found is None:
            r.findings.append(make("xlsx-unknown-key", file=r.file, key=str(key)[:60], row=n,
                                   place=Place.at_cell(ws.title, f"A{n}")))
            continue

        cell = _Cells(cells, ws.title, n, r).cell
        what, ident = found
        if what == "general":
            path = tuple(ident.split("."))
            c = cell(path, "value")
            if c is None or ident in ("plan", "unit", "period"):
                continue  # what the form was made for is read from its hidden sheet
            value = as_date(c, path, r) if ident == "submitted" else as_text(c, path, r)
            target = data
            for part in path[:-1]:
                target = target.setdefault(part, {})
            target[path[-1]] = value
        else:
            _task(ident, cell, r, data)


class _Cells:
    """The field cells of one keyed row; `cell` places a value's path at its cell."""

    def __init__(self, cells: dict[str, Any], sheet: str, row: int, r: Reader) -> None:
        self.cells, self.sheet, self.row, self.r = cells, sheet, row, r

    def cell(self, path: tuple, field: str) -> dict[str, Any] | None:
        from openpyxl.utils import get_column_letter

        c = self.cells.get(field)
        if c is None:
            return None
        self.r.at(path, self.sheet, self.row, c.column, get_column_letter(c.column))
        return {"value": c.value, "format": "General", "type": getattr(c, "data_type", "n"), "col": c.column}


def _task(key: str, cell: Any, r: Reader, data: dict[str, Any]) -> None:
    path = ("progress", key)
    status_cell = cell(path + ("status",), "status")
    if status_cell is None or status_cell["value"] in (None, "") or not str(status_cell["value"]).strip():
        return  # not reported this period
    r.source.keys.setdefault(path, r.source.values[path + ("status",)])
    r.source.cells.setdefault(path, r.source.cells[path + ("status",)])
    progress = data.setdefault("progress", {})
    r.source.cells.setdefault(("progress",), r.source.cells[path])
    status = _status(status_cell, path + ("status",), r)
    if status is None:
        return  # said at its cell; the model would only say it again
    entry: dict[str, Any] = {"status": status}
    completed = cell(path + ("completed",), "completed")
    if completed is not None and completed["value"] not in (None, ""):
        entry["completed"] = as_date(completed, path + ("completed",), r)
    reason = cell(path + ("reason",), "reason")
    if reason is not None and reason["value"] not in (None, ""):
        entry["reason"] = as_text(reason, path + ("reason",), r)
    evidence: dict[str, Any] = {}
    for field in ("number", "date", "link"):
        c = cell(path + ("evidence", field), field)
        if c is not None and c["value"] not in (None, ""):
            evidence[field] = as_date(c, path + ("evidence", field), r) if field == "date" else \
                as_text(c, path + ("evidence", field), r)
    if evidence:
        first = next(iter(evidence))
        r.source.cells.setdefault(path + ("evidence",), r.source.cells[path + ("evidence", first)])
        entry["evidence"] = evidence
    occurrence = cell(path + ("occurrence",), "occurrence")
    if occurrence is not None and occurrence["value"] not in (None, ""):
        entry["occurrence"] = as_text(occurrence, path + ("occurrence",), r)
    progress[key] = entry


def _status(c: dict[str, Any], path: tuple, r: Reader) -> str | None:
    """The status code of a label chosen in the list (or typed: a label or a code, any case)."""
    labels = status_labels()
    by = {label.casefold(): code for code, label in labels.items()} | {code: code for code in labels}
    text = clean(str(c["value"]))[0].strip()
    code = by.get(text.casefold())
    if code is None:
        from plan744.core.suggest import closest

        guess = closest(text.casefold(), list(by))
        hint = f" Có phải ý là “{labels[by[guess]]}”?" if guess else ""
        r.add("xlsx-status-unknown", path, typed=text[:60], labels=", ".join(labels.values()), hint=hint)
    return code
