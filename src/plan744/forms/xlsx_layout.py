"""The layout of the Excel form, shared by the writer (`forms.xlsx_form`) and the reader
(`readers.xlsx_source`), so neither guesses what the other did.

Every sheet of the form carries its own machine keys, hidden from the officer:
- cell A1 names the sheet's kind ("plan744:chi_tieu"), so a renamed or reordered sheet is still
  found;
- row 1 (hidden) names the field each column holds ("numerator", "status", …), so an inserted
  column moves its key with it;
- column A (hidden) names the record of each row ("ind:ho_so_truc_tuyen:tinh:pct"), so an
  inserted or moved row keeps its meaning; a row of ours that holds no record says "-".
These keys are written and read through `encode`/`decode` and `sheet_key`/`sheet_kind` below
(their grammar is there), never built or split anywhere else.
The hidden sheet `_plan744` says which plan, unit, year and form version made the workbook.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from plan744.core.labels import word

FORM_VERSION = 1
META_SHEET = "_plan744"
KIND_PREFIX = "plan744:"
NO_RECORD = "-"

# the kinds of sheet, in order; a sheet's title is the word "form.sheet.<kind>" (`sheet_title`): the
# officer may rename a sheet, the kind stays in A1
SHEETS = ("huong_dan", "thong_tin", "chi_tieu", "phu_luc", "nhiem_vu", "nhan_xet")

# sheet kind -> {field key: column letter}, in the form as made (the reader uses row 1 instead)
FIELDS = {
    "thong_tin": {"value": "C"},
    "chi_tieu": {"first": "F", "denominator": "G", "note": "I"},  # first: numerator, or the value of a count
    "phu_luc": {"status": "F", "allocated": "G", "disbursed": "H", "progress": "I"},
    "nhiem_vu": {"status": "E", "account": "F"},
    "nhan_xet": {"value": "C"},
}

# row keys of the general sheet, in order: (key, required); a row's label is the word "form.general.<key>"
GENERAL = (
    ("plan", True),
    ("unit", True),
    ("year", True),
    ("submitted", True),
    ("prepared_by.name", True),
    ("prepared_by.position", True),
    ("prepared_by.phone", False),
    ("prepared_by.email", False),
    ("approved_by.name", False),
    ("approved_by.position", False),
    ("approved_by.phone", False),
    ("approved_by.email", False),
)
LOCKED_GENERAL = ("plan", "unit", "year")  # filled by plan744, not by the officer

NARRATIVE = ("highlights", "shortcomings", "proposals")  # a section's label: the word "form.narrative.<key>"

MAX_ROWS = 5000  # rows read per sheet: a form has a few hundred; more is not a form any more


# --- the hidden keys: one grammar, written by `forms.xlsx_form`, read by `readers.xlsx_source` ---
#
#   plan744:<kind>              cell A1 of each sheet: its kind, a key of `SHEETS`
#   general:<field>             a row of the general sheet: a key of `GENERAL` ("prepared_by.name")
#   ind:<id>:<level>:pct        an indicator at a level, a ratio: numerator and denominator
#   ind:<id>:<level>:val        an indicator at a level, a count or an amount: one value
#   app:<tt>[:money]            an appendix row the unit leads (":money": it has money columns)
#   app?:<tt>[:money]           a row it shares with others: read only if something was typed
#   task:<id> | task?:<id>      a qualitative task, required | optional (read only if typed)
#   narr:<key>                  a narrative section, a key of `NARRATIVE`
#   -                           a row of ours that holds no record (`NO_RECORD`)
#
# Ids, levels and row numbers are the plan's codes (letters, digits, "_", ".", "-"): never ":".


@dataclass(frozen=True, slots=True)
class GeneralKey:
    field: str
    SHEET: ClassVar[str] = "thong_tin"


@dataclass(frozen=True, slots=True)
class IndicatorKey:
    id: str
    level: str
    percent: bool  # a ratio (numerator, denominator), else one value
    SHEET: ClassVar[str] = "chi_tieu"


@dataclass(frozen=True, slots=True)
class AppendixKey:
    tt: int | str
    shared: bool = False  # led with other units: the row is read only if something was typed
    funded: bool = False  # it has money columns (allocated, disbursed)
    SHEET: ClassVar[str] = "phu_luc"


@dataclass(frozen=True, slots=True)
class TaskKey:
    id: str
    required: bool = True  # an optional task's row is read only if something was typed
    SHEET: ClassVar[str] = "nhiem_vu"


@dataclass(frozen=True, slots=True)
class NarrativeKey:
    key: str
    SHEET: ClassVar[str] = "nhan_xet"


RowKey = GeneralKey | IndicatorKey | AppendixKey | TaskKey | NarrativeKey
_GENERAL_FIELDS = frozenset(key for key, _ in GENERAL)


def sheet_title(kind: str) -> str:
    """The title of a sheet of `kind`, in the words being spoken (`core.labels.speaking`)."""
    return word(f"form.sheet.{kind}")


def sheet_key(kind: str) -> str:
    """What cell A1 of a sheet of `kind` says."""
    return KIND_PREFIX + kind


def sheet_kind(text: object) -> str | None:
    """The kind a sheet's cell A1 names, or None when it names none of the form's."""
    if isinstance(text, str) and text.startswith(KIND_PREFIX) and text[len(KIND_PREFIX):] in SHEETS:
        return text[len(KIND_PREFIX):]
    return None


def encode(key: RowKey) -> str:
    """The text of a row's hidden key (column A)."""
    if isinstance(key, GeneralKey):
        return f"general:{key.field}"
    if isinstance(key, IndicatorKey):
        return f"ind:{key.id}:{key.level}:{'pct' if key.percent else 'val'}"
    if isinstance(key, AppendixKey):
        return f"{'app?' if key.shared else 'app'}:{key.tt}" + (":money" if key.funded else "")
    if isinstance(key, TaskKey):
        return f"{'task' if key.required else 'task?'}:{key.id}"
    return f"narr:{key.key}"


def decode(text: str) -> RowKey | None:
    """The record a row's hidden key names, or None for a key no form has (edited, or typed
    by hand). `NO_RECORD` is not a key: the caller skips those rows first."""
    head, *parts = text.split(":")
    if not parts or not all(parts):
        return None
    if head == "general" and len(parts) == 1 and parts[0] in _GENERAL_FIELDS:
        return GeneralKey(parts[0])
    if head == "ind" and len(parts) == 3 and parts[2] in ("pct", "val"):
        return IndicatorKey(parts[0], parts[1], parts[2] == "pct")
    if head in ("app", "app?") and (len(parts) == 1 or (len(parts) == 2 and parts[1] == "money")):
        tt = parts[0]
        return AppendixKey(int(tt) if tt.isascii() and tt.isdigit() else tt, head == "app?", len(parts) == 2)
    if head in ("task", "task?") and len(parts) == 1:
        return TaskKey(parts[0], head == "task")
    if head == "narr" and len(parts) == 1:
        return NarrativeKey(parts[0])
    return None


def keyed_sheet(wb: Any, title: str, key: str, fields: dict[str, str], widths: dict[str, float]) -> Any:
    """A new sheet of a form (this one or the task status form, `forms.status_xlsx`) with its
    machine keys in place: `key` in A1, each column's field in the hidden row 1, column A (the
    rows' keys) hidden; the columns `widths` wide. Its first row to write is 2."""
    ws = wb.create_sheet(title)
    ws["A1"] = key
    for field, col in fields.items():
        ws[f"{col}1"] = field
    ws.row_dimensions[1].hidden = True
    ws.column_dimensions["A"].hidden = True
    for col, width in widths.items():
        ws.column_dimensions[col].width = width
    return ws
