"""A unit's Excel form read back into the same data a YAML report holds, with every value's cell.

The result has the shape of `readers.yaml_source.YamlDocument`: the data (then validated by the
same model and checked by the same checks), a source map whose `cells` say where each value
sits ("Chỉ tiêu!F12"), and findings about the workbook itself. The form's hidden keys
(`forms.xlsx_layout`) are read, never its labels or positions, so rows and columns the officer
inserted, sheets renamed or reordered, do not matter.

What real workbooks hold, and what happens to it:
- a number typed as text ("1.500", " 1200 ", "92,5%") is passed on as text: the model reports it
  with the value to type instead, as for YAML; a count cell formatted as a percentage is refused;
- a date cell is read as a date; a date typed as text (10/01/2023) or a bare serial number is read
  with a warning saying how it was read;
- a formula in an input cell gives its cached value; one without a value, or one that reaches
  outside the file (another workbook, DDE), is refused and never evaluated;
- a date typed as text is read day first (03/04/2025 is 3 April); one that only makes sense month
  first (04/13/2025) is refused, never guessed;
- a merged input cell, a row copied with its key, a row typed where the form has none: said;
- hidden keys that were edited (a key no form has, a field row changed), a sheet copied with its
  key ("Chỉ tiêu (2)"): said, with the cell or the sheets;
- merged ranges are read from the sheets' XML and bounded before openpyxl opens the file, never
  expanded cell by cell (one range "A1:XFD1048576" is 17 billion cells);
- macros, external links, XML with entity declarations, zip bombs, corrupt files: refused
  before openpyxl parses anything, within fixed bounds.

The package's safety is checked by `readers.xlsx_package`, each cell's value is read by
`readers.xlsx_cells`, and the rows' hidden keys are decoded by `forms.xlsx_layout`; this
module walks the sheets and puts the rows together.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from plan744.core.findings import Finding, Place, SourceMap
from plan744.core.messages import make
from plan744.forms.xlsx_layout import (
    FORM_VERSION,
    GENERAL,
    META_SHEET,
    NO_RECORD,
    AppendixKey,
    GeneralKey,
    IndicatorKey,
    NarrativeKey,
    TaskKey,
    decode,
    sheet_kind,
    sheet_title,
)
from plan744.readers.xlsx_cells import Reader, as_date, as_figure, as_number, as_status, as_text
from plan744.readers.xlsx_package import MAX_FILE_BYTES, Merged, Refused, check_package, merged_cells
from plan744.readers.yaml_source import YamlDocument


def read_xlsx(raw: bytes, file: str, name: str = "") -> YamlDocument:
    """The data of a plan744 form, or findings saying why it cannot be read. Never raises for any input."""
    name = name or file
    try:
        check_package(raw, file, name)
        return _read(raw, file, name)
    except Refused as refused:
        return YamlDocument(None, SourceMap(file), [refused.finding])


# What openpyxl raises on a damaged workbook (broken XML, missing parts, impossible values).
DAMAGED = (zipfile.BadZipFile, KeyError, ValueError, TypeError, AttributeError, IndexError, OSError, SyntaxError,
           EOFError, NotImplementedError)


def _load(raw: bytes, data_only: bool) -> Any:
    import warnings

    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about extensions it does not read (data validation, …)
        return load_workbook(io.BytesIO(raw), read_only=True, data_only=data_only, keep_links=False)


def _read(raw: bytes, file: str, name: str) -> YamlDocument:
    r = Reader(file)
    merged = merged_cells(raw, file, name)  # before openpyxl, within a bound
    try:
        wb = _load(raw, data_only=False)
    except DAMAGED as exc:
        raise Refused(make("xlsx-corrupt", file=file, name=name, why=type(exc).__name__)) from None
    try:
        meta = {}
        if META_SHEET in wb.sheetnames:
            for row in wb[META_SHEET].iter_rows(min_row=1, max_row=20, max_col=2, values_only=True):
                if row and row[0]:
                    meta[str(row[0])] = row[1]
        sheets: dict[str, Any] = {}
        twice: list[Finding] = []
        for ws in wb.worksheets:
            if ws.title == META_SHEET:
                continue
            first = next(ws.iter_rows(min_row=1, max_row=1, max_col=1, values_only=True), (None,))
            role = sheet_kind(first[0] if first else None)
            if role is not None:
                if role in sheets:  # a copied sheet keeps the key: neither copy may win in silence
                    twice.append(make("xlsx-sheet-twice", file=file, place=Place.at_cell(ws.title, "A1"), first=sheets[role].title,
                                      second=ws.title, role=sheet_title(role)))
                    continue
                sheets[role] = ws
        if twice:
            return YamlDocument(None, SourceMap(file), twice)
        if meta.get("form") != "plan744" and not sheets:
            return YamlDocument(None, SourceMap(file), [make("xlsx-not-form", file=file, name=name)])
        version = meta.get("version")
        if isinstance(version, int) and version > FORM_VERSION:
            return YamlDocument(None, SourceMap(file), [make("xlsx-form-newer", file=file, name=name, version=version)])
        missing = [sheet_title(k) for k in ("thong_tin", "chi_tieu", "nhan_xet") if k not in sheets]
        if missing:
            return YamlDocument(None, SourceMap(file), [make("xlsx-sheet-missing", file=file, name=name,
                                                             sheets=", ".join(f"“{m}”" for m in missing))])
        over = merged.over_keys([ws.title for kind, ws in sheets.items() if kind != "huong_dan"])
        if over:
            return YamlDocument(None, SourceMap(file), [over])
        rows = {kind: _rows(ws, kind, r) for kind, ws in sheets.items()}
    except DAMAGED as exc:
        raise Refused(make("xlsx-corrupt", file=file, name=name, why=type(exc).__name__)) from None
    finally:
        wb.close()
    formulas = [c for kind_rows in rows.values() for rec in kind_rows for c in rec["cells"].values()
                if isinstance(c["value"], str) and c["value"].startswith("=") and c["type"] == "f"]
    if formulas:
        try:
            _cached_values(raw, rows, sheets, r)
        except DAMAGED as exc:
            raise Refused(make("xlsx-corrupt", file=file, name=name, why=type(exc).__name__)) from None
    data = _assemble(rows, r, merged)
    return YamlDocument(data, r.source, r.findings)


def _rows(ws: Any, kind: str, r: Reader) -> list[dict[str, Any]]:
    """Every keyed row of a sheet: its key, and the cells of its fields (value, number format, type)."""
    from plan744.forms.xlsx_layout import MAX_ROWS

    fields: dict[int, str] = {}
    out: list[dict[str, Any]] = []
    for n, row in enumerate(ws.iter_rows(min_row=1, max_row=MAX_ROWS + 1), start=1):
        if n == 1:
            for cell in row:
                if getattr(cell, "value", None) not in (None, "") and getattr(cell, "column", 1) > 1:
                    fields[cell.column] = str(cell.value)
            edited = _header_edited(kind, list(fields.values()))
            if edited:
                r.findings.append(make("xlsx-header-edited", file=r.file, place=Place.at_cell(ws.title, "A1"), sheet=ws.title, what=edited))
                return []
            continue
        if n > MAX_ROWS:
            r.findings.append(make("xlsx-too-many-rows", file=r.file, place=Place.at_cell(ws.title, f"A{n}"), sheet=ws.title,
                                   limit=MAX_ROWS))
            break
        cells = {col: c for c in row if (col := getattr(c, "column", None)) == 1 or col in fields}
        key_cell = cells.get(1)
        key = key_cell.value if key_cell is not None else None
        if key == NO_RECORD:
            continue
        if not key:
            typed = [c for col, c in cells.items() if col in fields and c.value not in (None, "")]
            if typed:
                r.findings.append(make("xlsx-row-ignored", file=r.file, place=Place.at_cell(ws.title, typed[0].coordinate),
                                       row=n, sheet=ws.title))
            continue
        record = {"key": str(key), "row": n, "sheet": ws.title, "cells": {}}
        for col, field in fields.items():
            c = cells.get(col)
            value = getattr(c, "value", None) if c is not None else None
            numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
            record["cells"][field] = {"value": value,
                                      "format": (getattr(c, "number_format", None) or "General") if numeric else "General",
                                      "type": getattr(c, "data_type", "n"), "col": col,
                                      "letter": _letter(col)}
        out.append(record)
    return out


def _header_edited(kind: str, names: list[str]) -> str:
    """What was changed in a sheet's hidden field row (row 1), in words; "" when it is the form's."""
    from plan744.forms.xlsx_layout import FIELDS

    if kind not in FIELDS:
        return ""  # the instructions sheet holds no field
    expected = set(FIELDS[kind])
    what = []
    missing = [f for f in FIELDS[kind] if f not in names]
    if missing:
        what.append("thiếu mã " + ", ".join(f"“{f}”" for f in missing))
    unknown = sorted({n for n in names if n not in expected})
    if unknown:
        what.append("có mã lạ " + ", ".join(f"“{n[:30]}”" for n in unknown[:5]))
    doubled = sorted({n for n in names if n in expected and names.count(n) > 1})
    if doubled:
        what.append("mã lặp lại " + ", ".join(f"“{n}”" for n in doubled))
    return "; ".join(what)


def _letter(col: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(col)


def _cached_values(raw: bytes, rows: dict[str, list[dict[str, Any]]], sheets: dict[str, Any], r: Reader) -> None:
    """Replace each input formula by the value the spreadsheet last computed for it."""
    wb = _load(raw, data_only=True)
    try:
        for kind, records in rows.items():
            title = sheets[kind].title
            ws = wb[title]
            for rec in records:
                for cell in rec["cells"].values():
                    text = cell["value"]
                    if not (isinstance(text, str) and text.startswith("=") and cell["type"] == "f"):
                        continue
                    cell["formula"] = text
                    cell["value"] = ws.cell(row=rec["row"], column=cell["col"]).value
    finally:
        wb.close()


# --- from rows to the report's data ---------------------------------------------------------


def _assemble(rows: dict[str, list[dict[str, Any]]], r: Reader, merged: Merged) -> dict[str, Any]:
    data: dict[str, Any] = {}
    seen: dict[tuple[str, str], int] = {}
    for kind in ("thong_tin", "chi_tieu", "phu_luc", "nhiem_vu", "nhan_xet"):
        for rec in rows.get(kind, []):
            first = seen.setdefault((kind, rec["key"]), rec["row"])
            if first != rec["row"]:
                r.findings.append(make("xlsx-duplicate-row", file=r.file, place=Place.at_cell(rec["sheet"], f"A{rec['row']}"),
                                       row=rec["row"], first=first, sheet=rec["sheet"]))
                continue
            _Record(rec, r, merged).into(kind, data)
    return data


class _Record:
    """One keyed row of the form, read into the report's data."""

    def __init__(self, rec: dict[str, Any], r: Reader, merged: Merged) -> None:
        self.rec, self.r, self.merged = rec, r, merged
        self.key: str = rec["key"]

    def cell(self, path: tuple, field: str) -> dict[str, Any] | None:
        """The cell of `field` on this row, placed at `path` in the source map; a merged one is said."""
        cell = self.rec["cells"].get(field)
        if cell is None:
            return None
        self.r.at(path, self.rec["sheet"], self.rec["row"], cell["col"], cell["letter"])
        ref = self.merged.get((self.rec["sheet"], self.rec["row"], cell["col"]))
        if ref:
            self.r.add("xlsx-merged", path, range=ref)
        return cell

    def anchor(self, path: tuple, field: str) -> None:
        """Where a finding about the whole record (or a container) points: this row's `field` cell."""
        cell = self.rec["cells"].get(field)
        if cell is not None and path not in self.r.source.values:
            self.r.at(path, self.rec["sheet"], self.rec["row"], cell["col"], cell["letter"])

    def typed(self) -> bool:
        return any(c["value"] not in (None, "") for c in self.rec["cells"].values())

    def into(self, kind: str, data: dict[str, Any]) -> None:
        key = decode(self.key)
        if key is None or key.SHEET != kind:  # a key no form has, or one moved to another sheet
            self.r.findings.append(make("xlsx-unknown-key", file=self.r.file, key=self.key[:60], row=self.rec["row"],
                                        place=Place.at_cell(self.rec["sheet"], f"A{self.rec['row']}")))
        elif isinstance(key, GeneralKey):
            self._general(data, key)
        elif isinstance(key, IndicatorKey):
            self._indicator(data, key)
        elif isinstance(key, AppendixKey):
            self._appendix(data, key)
        elif isinstance(key, TaskKey):
            self._task(data, key)
        elif isinstance(key, NarrativeKey):
            path = ("narrative", key.key)
            self.anchor(("narrative",), "value")
            data.setdefault("narrative", {})[key.key] = as_text(self.cell(path, "value"), path, self.r)

    def _general(self, data: dict[str, Any], key: GeneralKey) -> None:
        field = key.field
        path = tuple(field.split("."))
        if len(path) == 2:
            self.anchor(path[:1], "value")
        cell = self.cell(path, "value")
        if cell is None:
            return
        if field == "submitted":
            value = as_date(cell, path, self.r)
        elif field == "year":
            value = as_number(cell["value"])
        else:
            value = as_text(cell, path, self.r)
        if path[0] == "approved_by" and value in ("", None):
            return  # optional: only what was typed
        target = data
        for part in path[:-1]:
            target = target.setdefault(part, {})
        target[path[-1]] = value

    def _indicator(self, data: dict[str, Any], key: IndicatorKey) -> None:
        ind_id, level = key.id, key.level
        path = ("indicators", ind_id, level)
        self.anchor(("indicators",), "first")
        self.anchor(("indicators", ind_id), "first")
        self.anchor(path, "first")
        counts: dict[str, Any] = {}
        sides = (("first", "numerator"), ("denominator", "denominator")) if key.percent else (("first", "value"),)
        for field, side in sides:
            cell = self.cell(path + (side,), field)
            if cell is not None:
                counts[side] = as_figure(cell, path + (side,), self.r)
        note = self.cell(path + ("note",), "note")
        if note is not None and note["value"] not in (None, ""):
            counts["note"] = as_text(note, path + ("note",), self.r)
        data.setdefault("indicators", {}).setdefault(ind_id, {})[level] = counts

    def _appendix(self, data: dict[str, Any], key: AppendixKey) -> None:
        if key.shared and not self.typed():
            return  # a shared row the unit did not take part in
        tt = key.tt
        rows = data.setdefault("appendix", [])
        path = ("appendix", len(rows))
        self.anchor(("appendix",), "status")
        self.anchor(path, "status")
        self.anchor(path + ("tt",), "status")
        item: dict[str, Any] = {"tt": tt, "status": as_status(self.cell(path + ("status",), "status"), path + ("status",), self.r)}
        funded = key.funded
        for side in ("allocated", "disbursed"):
            cell = self.cell(path + (side,), side)
            if cell is not None and (funded or cell["value"] not in (None, "")):
                item[side] = as_figure(cell, path + (side,), self.r)
        item["progress"] = as_text(self.cell(path + ("progress",), "progress"), path + ("progress",), self.r)
        rows.append(item)

    def _task(self, data: dict[str, Any], key: TaskKey) -> None:
        if not key.required and not self.typed():
            return  # an optional task the unit did not report on
        task_id = key.id
        path = ("tasks", task_id)
        self.anchor(("tasks",), "status")
        self.anchor(path, "status")
        data.setdefault("tasks", {})[task_id] = {
            "status": as_status(self.cell(path + ("status",), "status"), path + ("status",), self.r),
            "account": as_text(self.cell(path + ("account",), "account"), path + ("account",), self.r),
        }


__all__ = ["read_xlsx", "GENERAL", "MAX_FILE_BYTES"]
