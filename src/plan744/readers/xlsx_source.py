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
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from decimal import Decimal
from typing import Any

from plan744.core.findings import Finding, SourceMap
from plan744.core.labels import TASK_STATUS
from plan744.core.messages import make
from plan744.core.text import clean
from plan744.forms.xlsx_layout import FORM_VERSION, GENERAL, KIND_PREFIX, META_SHEET, NO_RECORD, SHEETS
from plan744.readers.yaml_source import YamlDocument

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 2000
MAX_RATIO = 400  # a member that unpacks to more than this many times its packed size is a bomb

STATUS_BY_LABEL = {label.casefold(): code for code, label in TASK_STATUS.items()}
STATUS_BY_LABEL.update({code: code for code in TASK_STATUS})
_EXTERNAL = re.compile(r"\[[^\]]*\]|\||\bDDE\b|https?://|file:", re.IGNORECASE)
_DATE_TEXT = (re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})"), re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})"))
_MERGE = re.compile(rb'<mergeCell ref="([A-Z]+\d+):([A-Z]+\d+)"')
MAX_MERGES = 1000  # merged ranges per workbook: the form has a handful; more is not a filled-in form
_GENERAL_KEYS = {key for key, _, _ in GENERAL}
SERIAL_EPOCH = dt.date(1899, 12, 30)


class _Refused(Exception):
    def __init__(self, finding: Finding) -> None:
        self.finding = finding


def _check_package(raw: bytes, file: str, name: str) -> None:
    """Bounds and safety before any XML is parsed; returns {sheet title -> xml member}. Raises _Refused."""
    if len(raw) > MAX_FILE_BYTES:
        raise _Refused(make("xlsx-too-large", file=file, name=name, size=len(raw) // 1024 // 1024,
                            limit=MAX_FILE_BYTES // 1024 // 1024))
    try:
        z = zipfile.ZipFile(io.BytesIO(raw))
        infos = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise _Refused(make("xlsx-corrupt", file=file, name=name, why=type(exc).__name__)) from None
    if len(infos) > MAX_MEMBERS:
        raise _Refused(make("xlsx-corrupt", file=file, name=name, why=f"{len(infos)} thành phần"))
    total = 0
    for info in infos:
        total += info.file_size
        if total > MAX_UNPACKED_BYTES or (info.compress_size and info.file_size > MAX_RATIO * max(info.compress_size, 1024)):
            raise _Refused(make("xlsx-bomb", file=file, name=name, limit=MAX_UNPACKED_BYTES // 1024 // 1024))
    names = {i.filename for i in infos}
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        raise _Refused(make("xlsx-macro", file=file, name=name))
    if any(n.startswith("xl/externalLinks/") for n in names):
        raise _Refused(make("xlsx-external-links", file=file, name=name))
    if "xl/workbook.xml" not in names:
        raise _Refused(make("xlsx-corrupt", file=file, name=name, why="không có xl/workbook.xml"))
    for info in infos:
        if info.filename.endswith((".xml", ".rels", ".vml")):
            try:
                with z.open(info.filename) as member:
                    head = member.read(4096)  # a DOCTYPE comes before the root element
            except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, EOFError) as exc:
                raise _Refused(make("xlsx-corrupt", file=file, name=name, why=type(exc).__name__)) from None
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise _Refused(make("xlsx-unsafe-xml", file=file, name=name))


def _merged_ranges(raw: bytes, file: str, name: str) -> list[tuple[str, str, str]]:
    """(sheet member, first cell, last cell) of every merged range, read from the sheets' XML;
    more than MAX_MERGES is refused (each would be checked against every input cell)."""
    out: list[tuple[str, str, str]] = []
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        for n in z.namelist():
            if n.startswith("xl/worksheets/sheet") and n.endswith(".xml"):
                for m in _MERGE.finditer(z.read(n)):
                    out.append((n, m.group(1).decode(), m.group(2).decode()))
                    if len(out) > MAX_MERGES:
                        raise _Refused(make("xlsx-too-many-merges", file=file, name=name, limit=MAX_MERGES))
    return out


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _split(coord: str) -> tuple[int, int]:
    m = re.fullmatch(r"([A-Z]+)(\d+)", coord)
    assert m is not None
    return int(m.group(2)), _col_index(m.group(1))


class _Reader:
    def __init__(self, file: str) -> None:
        self.file = file
        self.source = SourceMap(file)
        self.findings: list[Finding] = []
        self.handled: set[tuple] = set()

    def at(self, path: tuple, sheet: str, row: int, col: int, letter: str) -> None:
        self.source.values[path] = (row, col)
        self.source.keys.setdefault(path, (row, col))
        self.source.cells[path] = f"{sheet}!{letter}{row}"

    def add(self, code: str, path: tuple, **params: Any) -> None:
        line, column = self.source.locate(path)
        self.findings.append(make(code, file=self.file, line=line, column=column, path=path,
                                  cell=self.source.cell(path), **params))
        self.handled.add(path)


def read_xlsx(raw: bytes, file: str, name: str = "") -> YamlDocument:
    """The data of a plan744 form, or findings saying why it cannot be read. Never raises for any input."""
    name = name or file
    try:
        _check_package(raw, file, name)
        return _read(raw, file, name)
    except _Refused as refused:
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
    r = _Reader(file)
    merged = _merged_cells(raw, file, name)  # before openpyxl, within a bound
    try:
        wb = _load(raw, data_only=False)
    except DAMAGED as exc:
        raise _Refused(make("xlsx-corrupt", file=file, name=name, why=type(exc).__name__)) from None
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
            kind = str(first[0]) if first and first[0] else ""
            if kind.startswith(KIND_PREFIX) and kind[len(KIND_PREFIX):] in SHEETS:
                role = kind[len(KIND_PREFIX):]
                if role in sheets:  # a copied sheet keeps the key: neither copy may win in silence
                    twice.append(make("xlsx-sheet-twice", file=file, cell=f"{ws.title}!A1", first=sheets[role].title,
                                      second=ws.title, role=SHEETS[role]))
                    continue
                sheets[role] = ws
        if twice:
            return YamlDocument(None, SourceMap(file), twice)
        if meta.get("form") != "plan744" and not sheets:
            return YamlDocument(None, SourceMap(file), [make("xlsx-not-form", file=file, name=name)])
        version = meta.get("version")
        if isinstance(version, int) and version > FORM_VERSION:
            return YamlDocument(None, SourceMap(file), [make("xlsx-form-newer", file=file, name=name, version=version)])
        missing = [SHEETS[k] for k in ("thong_tin", "chi_tieu", "nhan_xet") if k not in sheets]
        if missing:
            return YamlDocument(None, SourceMap(file), [make("xlsx-sheet-missing", file=file, name=name,
                                                             sheets=", ".join(f"“{m}”" for m in missing))])
        over = merged.over_keys([ws.title for kind, ws in sheets.items() if kind != "huong_dan"])
        if over:
            return YamlDocument(None, SourceMap(file), [over])
        rows = {kind: _rows(ws, kind, r) for kind, ws in sheets.items()}
    except DAMAGED as exc:
        raise _Refused(make("xlsx-corrupt", file=file, name=name, why=type(exc).__name__)) from None
    finally:
        wb.close()
    formulas = [c for kind_rows in rows.values() for rec in kind_rows for c in rec["cells"].values()
                if isinstance(c["value"], str) and c["value"].startswith("=") and c["type"] == "f"]
    if formulas:
        try:
            _cached_values(raw, rows, sheets, r)
        except DAMAGED as exc:
            raise _Refused(make("xlsx-corrupt", file=file, name=name, why=type(exc).__name__)) from None
    data = _assemble(rows, r, merged)
    return YamlDocument(data, r.source, r.findings)


def _rows(ws: Any, kind: str, r: _Reader) -> list[dict[str, Any]]:
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
                r.findings.append(make("xlsx-header-edited", file=r.file, cell=f"{ws.title}!A1", sheet=ws.title, what=edited))
                return []
            continue
        if n > MAX_ROWS:
            r.findings.append(make("xlsx-too-many-rows", file=r.file, cell=f"{ws.title}!A{n}", sheet=ws.title, limit=MAX_ROWS))
            break
        cells = {col: c for c in row if (col := getattr(c, "column", None)) == 1 or col in fields}
        key_cell = cells.get(1)
        key = key_cell.value if key_cell is not None else None
        if key == NO_RECORD:
            continue
        if not key:
            typed = [c for col, c in cells.items() if col in fields and c.value not in (None, "")]
            if typed:
                r.findings.append(make("xlsx-row-ignored", file=r.file, cell=f"{ws.title}!{typed[0].coordinate}",
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


def _cached_values(raw: bytes, rows: dict[str, list[dict[str, Any]]], sheets: dict[str, Any], r: _Reader) -> None:
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


def _sheet_members(raw: bytes) -> dict[str, str]:
    """{sheet title: its XML member}, from the workbook's own index (not from sheet positions)."""
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        book = z.read("xl/workbook.xml").decode("utf-8", "replace")
        try:
            rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
        except KeyError:
            return {}
    targets = {m.group(1): m.group(2) for m in re.finditer(r'<Relationship[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', rels)}
    targets.update({m.group(2): m.group(1) for m in re.finditer(r'<Relationship[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)})
    out = {}
    for m in re.finditer(r'<sheet\b[^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"', book):
        target = targets.get(m.group(2), "")
        member = target.lstrip("/") if target.startswith("/") else "xl/" + target
        out[_unescape(m.group(1))] = member
    return out


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")


class _Merged:
    """The merged ranges of each sheet, kept as ranges (never expanded cell by cell)."""

    def __init__(self, file: str, ranges: dict[str, list[tuple[int, int, int, int, str]]]) -> None:
        self.file = file
        self.ranges = ranges

    def over_keys(self, titles: list[str]) -> Finding | None:
        """A range of a form sheet over its hidden keys (column A, row 1): the rows and fields
        under it can no longer be told apart. Sheets the officer added may merge what they like."""
        for title in titles:
            for r1, c1, r2, c2, ref in self.ranges.get(title, ()):
                if (r1, c1) != (r2, c2) and (r1 == 1 or c1 == 1):
                    return make("xlsx-merged-keys", file=self.file, cell=f"{title}!{ref.split(':')[0]}", range=ref[:40],
                                sheet=title)
        return None

    def get(self, key: tuple[str, int, int]) -> str | None:
        """The range covering (sheet, row, column) when that cell is not its first, else None."""
        title, row, col = key
        for r1, c1, r2, c2, ref in self.ranges.get(title, ()):
            if r1 <= row <= r2 and c1 <= col <= c2 and (row, col) != (r1, c1):
                return ref
        return None


def _merged_cells(raw: bytes, file: str, name: str) -> _Merged:
    """Every merged range by sheet title, at most MAX_MERGES of them."""
    try:
        members = {member: title for title, member in _sheet_members(raw).items()}
        found = _merged_ranges(raw, file, name)
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, EOFError) as exc:
        raise _Refused(make("xlsx-corrupt", file=file, name=name, why=type(exc).__name__)) from None
    out: dict[str, list[tuple[int, int, int, int, str]]] = {}
    for member, a, b in found:
        title = members.get(member)
        if title is None:
            continue
        (r1, c1), (r2, c2) = _split(a), _split(b)
        out.setdefault(title, []).append((min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2), f"{a}:{b}"))
    return _Merged(file, out)


def _assemble(rows: dict[str, list[dict[str, Any]]], r: _Reader, merged: _Merged) -> dict[str, Any]:
    data: dict[str, Any] = {}
    seen: dict[tuple[str, str], int] = {}
    for kind in ("thong_tin", "chi_tieu", "phu_luc", "nhiem_vu", "nhan_xet"):
        for rec in rows.get(kind, []):
            first = seen.setdefault((kind, rec["key"]), rec["row"])
            if first != rec["row"]:
                r.findings.append(make("xlsx-duplicate-row", file=r.file, cell=f"{rec['sheet']}!A{rec['row']}",
                                       row=rec["row"], first=first, sheet=rec["sheet"]))
                continue
            _Record(rec, r, merged).into(kind, data)
    return data


class _Record:
    """One keyed row of the form, read into the report's data."""

    def __init__(self, rec: dict[str, Any], r: _Reader, merged: _Merged) -> None:
        self.rec, self.r, self.merged = rec, r, merged
        self.key: str = rec["key"]
        self.parts = self.key.split(":")

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
        head = self.parts[0]
        if kind == "thong_tin" and head == "general" and len(self.parts) == 2 and self.parts[1] in _GENERAL_KEYS:
            self._general(data)
        elif kind == "chi_tieu" and head == "ind" and len(self.parts) == 4:
            self._indicator(data)
        elif kind == "phu_luc" and head in ("app", "app?") and len(self.parts) in (2, 3):
            self._appendix(data)
        elif kind == "nhiem_vu" and head in ("task", "task?") and len(self.parts) == 2:
            self._task(data)
        elif kind == "nhan_xet" and head == "narr" and len(self.parts) == 2:
            path = ("narrative", self.parts[1])
            self.anchor(("narrative",), "value")
            data.setdefault("narrative", {})[self.parts[1]] = _text(self.cell(path, "value"), path, self.r)
        else:
            self.r.findings.append(make("xlsx-unknown-key", file=self.r.file, cell=f"{self.rec['sheet']}!A{self.rec['row']}",
                                        key=self.key[:60], row=self.rec["row"]))

    def _general(self, data: dict[str, Any]) -> None:
        field = self.parts[1]
        path = tuple(field.split("."))
        if len(path) == 2:
            self.anchor(path[:1], "value")
        cell = self.cell(path, "value")
        if cell is None:
            return
        if field == "submitted":
            value = _date(cell, path, self.r)
        elif field == "year":
            value = _number(cell["value"])
        else:
            value = _text(cell, path, self.r)
        if path[0] == "approved_by" and value in ("", None):
            return  # optional: only what was typed
        target = data
        for part in path[:-1]:
            target = target.setdefault(part, {})
        target[path[-1]] = value

    def _indicator(self, data: dict[str, Any]) -> None:
        _, ind_id, level, shape = self.parts
        path = ("indicators", ind_id, level)
        self.anchor(("indicators",), "first")
        self.anchor(("indicators", ind_id), "first")
        self.anchor(path, "first")
        counts: dict[str, Any] = {}
        sides = (("first", "numerator"), ("denominator", "denominator")) if shape == "pct" else (("first", "value"),)
        for field, side in sides:
            cell = self.cell(path + (side,), field)
            if cell is not None:
                counts[side] = _figure(cell, path + (side,), self.r)
        note = self.cell(path + ("note",), "note")
        if note is not None and note["value"] not in (None, ""):
            counts["note"] = _text(note, path + ("note",), self.r)
        data.setdefault("indicators", {}).setdefault(ind_id, {})[level] = counts

    def _appendix(self, data: dict[str, Any]) -> None:
        if self.parts[0] == "app?" and not self.typed():
            return  # a shared row the unit did not take part in
        tt: int | str = int(self.parts[1]) if self.parts[1].isdigit() else self.parts[1]
        rows = data.setdefault("appendix", [])
        path = ("appendix", len(rows))
        self.anchor(("appendix",), "status")
        self.anchor(path, "status")
        self.anchor(path + ("tt",), "status")
        item: dict[str, Any] = {"tt": tt, "status": _status(self.cell(path + ("status",), "status"), path + ("status",), self.r)}
        funded = len(self.parts) == 3 and self.parts[2] == "money"
        for side in ("allocated", "disbursed"):
            cell = self.cell(path + (side,), side)
            if cell is not None and (funded or cell["value"] not in (None, "")):
                item[side] = _figure(cell, path + (side,), self.r)
        item["progress"] = _text(self.cell(path + ("progress",), "progress"), path + ("progress",), self.r)
        rows.append(item)

    def _task(self, data: dict[str, Any]) -> None:
        if self.parts[0] == "task?" and not self.typed():
            return  # an optional task the unit did not report on
        task_id = self.parts[1]
        path = ("tasks", task_id)
        self.anchor(("tasks",), "status")
        self.anchor(path, "status")
        data.setdefault("tasks", {})[task_id] = {
            "status": _status(self.cell(path + ("status",), "status"), path + ("status",), self.r),
            "account": _text(self.cell(path + ("account",), "account"), path + ("account",), self.r),
        }


# --- cell values ----------------------------------------------------------------------------


def _number(value: Any) -> Any:
    """A number cell as the model takes it: whole -> int, else an exact decimal of what the
    spreadsheet shows (15 significant digits: a spreadsheet holds no more)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)
        if value.is_integer() and abs(value) < 1e15:
            return int(value)
        return Decimal(format(value, ".15g"))
    return value


def _external(cell: dict[str, Any], path: tuple, r: _Reader) -> bool:
    formula = cell.get("formula")
    if formula is None:
        return False
    if _EXTERNAL.search(formula):
        r.add("xlsx-formula-external", path, formula=formula[:60])
        return True
    if cell["value"] is None:
        r.add("xlsx-formula-no-value", path, formula=formula[:60])
        return True
    return False


def _figure(cell: dict[str, Any], path: tuple, r: _Reader) -> Any:
    if _external(cell, path, r):
        return None
    value = cell["value"]
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in cell["format"]:
        r.add("xlsx-percent-cell", path, shown=f"{value * 100:g}%".replace(".", ","))
        return None
    if isinstance(value, dt.datetime):
        r.add("xlsx-date-in-number", path, shown=f"{value:%d/%m/%Y}")
        return None
    if isinstance(value, str):
        cleaned, _ = clean(value)
        return cleaned if cleaned.strip() else None
    return _number(value)


def _text(cell: dict[str, Any] | None, path: tuple, r: _Reader) -> str:
    if cell is None:
        return ""
    if _external(cell, path, r):
        return ""
    value = cell["value"]
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = f"{value:%d/%m/%Y}"
    elif isinstance(value, float):
        value = format(value, ".15g")
    text = str(value)
    cleaned, removed = clean(text)
    if removed:
        r.findings.append(make("text-cleaned", file=r.file, path=path, cell=r.source.cell(path), chars=", ".join(removed)))
    return cleaned.strip()


def _date(cell: dict[str, Any], path: tuple, r: _Reader) -> Any:
    if _external(cell, path, r):
        return None
    value = cell["value"]
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 20000 < value < 80000:
        day = SERIAL_EPOCH + dt.timedelta(days=int(value))
        r.findings.append(make("xlsx-date-serial", file=r.file, path=path, cell=r.source.cell(path),
                               typed=int(value), date=f"{day:%d/%m/%Y}"))
        return day
    if isinstance(value, str):
        text = value.strip()
        for pattern in _DATE_TEXT:
            m = pattern.fullmatch(text)
            if m:
                a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
                try:  # day first, always: 03/04/2025 is 3 April, as Vietnamese write it
                    day = dt.date(year, b, a)
                except ValueError:
                    if _valid(year, a, b):  # it reads only month first: refused, never guessed
                        r.add("xlsx-date-month-first", path, typed=text[:20], example=f"{b:02d}/{a:02d}/{year}")
                        return None
                    break
                r.findings.append(make("xlsx-date-text", file=r.file, path=path, cell=r.source.cell(path),
                                       typed=text, date=f"{day.day} tháng {day.month} năm {day.year}"))
                return day
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    return value


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _status(cell: dict[str, Any] | None, path: tuple, r: _Reader) -> Any:
    if cell is None or _external(cell, path, r):
        return None
    value = cell["value"]
    if value is None or (isinstance(value, str) and not value.strip()):
        r.add("blank", path, expected="tình trạng (chọn trong danh sách)")
        return None
    text = clean(str(value))[0].strip()
    code = STATUS_BY_LABEL.get(text.casefold())
    if code is None:
        from plan744.core.suggest import closest

        guess = closest(text.casefold(), STATUS_BY_LABEL)
        hint = f" Có phải ý là “{TASK_STATUS[STATUS_BY_LABEL[guess]]}”?" if guess else ""
        r.add("xlsx-status-unknown", path, typed=text[:60], labels=", ".join(TASK_STATUS.values()), hint=hint)
        return None
    return code


__all__ = ["read_xlsx", "GENERAL"]
