"""A unit's task status report (issue 27, point 2) as an Excel form: the tasks the unit answers
for, with a drop-down for the status, date cells for the completion and the document, a reason
and an evidence column, and Vietnamese instructions; blank or filled.

The layout and its hidden keys are this module's (`STATUS_FORM`, `row_key`, `read_row_key`, …),
shared with the reader (`readers.status_xlsx`) so neither guesses what the other did: cell A1 of
each sheet names its kind, the hidden row 1 names each column's field, the hidden column A names
each row's record (a task's key, a general field). Rows and columns an officer moves keep their
meaning. The hidden sheet `_plan744` says which plan, unit and period made the workbook.

openpyxl writes the workbook; the bytes are made reproducible with the date given.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from plan744.core.labels import word
from plan744.core.plan import Plan
from plan744.core.progress import assignees, tracked
from plan744.core.status_report import STATUSES, PeriodKey, period_deadline
from plan744.core.vnformat import format_day
from plan744.forms.xlsx_layout import keyed_sheet

STATUS_FORM = "plan744-status"  # the `form` of the hidden sheet: a status report, not an annual report
FORM_VERSION = 1
META_SHEET = "_plan744"
SHEET_PREFIX = "st-form:"
ROW_PREFIX = "st-task:"
GENERAL_PREFIX = "st-general:"
NO_ROW = "-"
SHEETS = ("howto", "general", "tasks")
GENERAL_FIELDS = ("plan", "unit", "period", "submitted", "prepared_by.name", "prepared_by.position")
LOCKED = ("plan", "unit", "period")
# sheet kind -> {field: column}; the reader goes by the hidden row 1, not by these letters
FIELDS: dict[str, dict[str, str]] = {
    "general": {"value": "C"},
    "tasks": {"status": "E", "completed": "F", "reason": "G", "number": "H", "date": "I", "link": "J", "occurrence": "K"},
}
INPUT_FILL = "FFF2CC"
HEAD_FILL = "D9E1F2"


def sheet_key(kind: str) -> str:
    return SHEET_PREFIX + kind


def sheet_kind(text: object) -> str | None:
    if isinstance(text, str) and text.startswith(SHEET_PREFIX) and text[len(SHEET_PREFIX):] in SHEETS:
        return text[len(SHEET_PREFIX):]
    return None


def row_key(task: str) -> str:
    return ROW_PREFIX + task


def general_key(field: str) -> str:
    return GENERAL_PREFIX + field


def read_row_key(text: str) -> tuple[str, str] | None:
    """("task", key) or ("general", field) from a row's hidden key; None for a key no form has."""
    if text.startswith(ROW_PREFIX) and len(text) > len(ROW_PREFIX):
        return "task", text[len(ROW_PREFIX):]
    if text.startswith(GENERAL_PREFIX) and text[len(GENERAL_PREFIX):] in GENERAL_FIELDS:
        return "general", text[len(GENERAL_PREFIX):]
    return None


def status_labels() -> dict[str, str]:
    """Status code -> its label in the plan's words (the drop-down's entries)."""
    return {code: word(f"tasks.status.{code}") for code in STATUSES}


def unit_tasks(plan: Plan, unit: str, period: PeriodKey) -> list[Any]:
    """The tasks with a deadline the unit answers for in the period, in the plan's order."""
    who = assignees(plan, period.end)
    return [it for it in tracked(plan) if it.deadline is not None and unit in who.get(it.key, ())]


class _Sheet:
    def __init__(self, wb: Any, kind: str, widths: dict[str, float]) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

        self.ws = keyed_sheet(wb, word(f"quarter.form.sheet.{kind}"), sheet_key(kind), FIELDS.get(kind, {}), widths)
        self.row = 2
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.bold = Font(bold=True)
        self.input = PatternFill("solid", fgColor=INPUT_FILL)
        self.head = PatternFill("solid", fgColor=HEAD_FILL)
        thin = Side(style="thin", color="A6A6A6")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.unlocked = Protection(locked=False)
        self.rules: dict[str, Any] = {}

    def text(self, text: str, bold: bool = False) -> None:
        self.ws[f"A{self.row}"] = NO_ROW
        c = self.ws[f"B{self.row}"]
        c.value, c.alignment = text, self.wrap
        if bold:
            c.font = self.bold
        self.row += 1

    def header(self, titles: dict[str, str]) -> None:
        self.ws[f"A{self.row}"] = NO_ROW
        for col, title in titles.items():
            c = self.ws[f"{col}{self.row}"]
            c.value, c.font, c.fill, c.alignment, c.border = title, self.bold, self.head, self.wrap, self.border
        self.ws.freeze_panes = f"B{self.row + 1}"
        self.row += 1

    def cell(self, col: str, value: Any, *, fill_in: bool = False, rule: str = "") -> Any:
        c = self.ws[f"{col}{self.row}"]
        if value is not None:
            c.value = value
            if isinstance(value, str):
                c.data_type = "s"
        if isinstance(value, dt.date) or rule == "date":
            c.number_format = "dd/mm/yyyy"
        c.alignment, c.border = self.wrap, self.border
        if fill_in:
            c.fill, c.protection = self.input, self.unlocked
            if rule:
                self._rule(rule).add(c.coordinate)
        return c

    def _rule(self, rule: str) -> Any:
        from openpyxl.worksheet.datavalidation import DataValidation

        if rule not in self.rules:
            if rule == "date":
                dv = DataValidation(type="date", operator="between", formula1="DATE(2000,1,1)",
                                    formula2="DATE(2100,12,31)", allow_blank=True)
            else:
                dv = DataValidation(type="list", formula1='"' + ",".join(status_labels().values()) + '"', allow_blank=True)
            dv.error = word(f"quarter.form.rule.{rule}")
            dv.errorTitle = word("quarter.form.rule.title")
            dv.showErrorMessage = True
            self.ws.add_data_validation(dv)
            self.rules[rule] = dv
        return self.rules[rule]

    def protect(self) -> None:
        self.ws.page_setup.orientation = "landscape"
        self.ws.page_setup.fitToWidth, self.ws.page_setup.fitToHeight = 1, 0
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        p = self.ws.protection
        p.sheet, p.formatColumns, p.formatRows = True, False, False


def workbook(plan: Plan, unit: str, period: PeriodKey, values: dict[str, Any] | None = None,
             generated: dt.datetime | None = None) -> bytes:
    """The form of `unit` for `period`, filled with `values` (shaped like `StatusReport.model_dump()`)
    when given."""
    from openpyxl import Workbook

    from plan744.reproducible import workbook_bytes

    v = values or {}
    when = generated or dt.datetime(period.end.year, period.end.month, period.end.day, tzinfo=dt.UTC)
    wb = Workbook()
    wb.remove(wb.active)
    name = plan.units_by_code[unit].name
    doc = plan.document

    s = _Sheet(wb, "howto", {"B": 120})
    s.text(word("quarter.form.title").format(kind=doc.kind.upper(), number=doc.number), bold=True)
    s.text(word("quarter.form.unit").format(unit=name), bold=True)
    due = period_deadline(plan, period)
    period_text = word("quarter.form.period" if due else "quarter.form.period_no_due").format(
        period=period.key, start=format_day(period.start), end=format_day(period.end), due=format_day(due) if due else "")
    s.text(period_text)
    s.text("")
    for i in range(1, 8):
        s.text(word(f"quarter.form.howto.{i}"))
    s.protect()

    g = _Sheet(wb, "general", {"B": 36, "C": 48})
    g.header({"B": word("quarter.form.col.item"), "C": word("quarter.form.col.content")})
    person = v.get("prepared_by") or {}
    given = {"plan": doc.number, "unit": unit, "period": period.key, "submitted": v.get("submitted"),
             "prepared_by.name": person.get("name"), "prepared_by.position": person.get("position")}
    for field in GENERAL_FIELDS:
        g.ws[f"A{g.row}"] = general_key(field)
        g.cell("B", word(f"quarter.form.general.{field}"))
        g.cell("C", given[field], fill_in=field not in LOCKED, rule="date" if field == "submitted" else "")
        g.row += 1
    g.protect()

    t = _Sheet(wb, "tasks", {"B": 10, "C": 60, "D": 18, "E": 20, "F": 14, "G": 36, "H": 18, "I": 14, "J": 30, "K": 14})
    t.header({col: word(f"quarter.form.col.{f}") for col, f in (
        ("B", "key"), ("C", "task"), ("D", "deadline"), ("E", "status"), ("F", "completed"), ("G", "reason"),
        ("H", "evidence_number"), ("I", "evidence_date"), ("J", "evidence_link"), ("K", "occurrence"))})
    items = unit_tasks(plan, unit, period)
    if not items:
        t.text(word("quarter.form.none"))
    reported = {str(k): st for k, st in (v.get("progress") or {}).items()}
    labels = status_labels()
    for it in items:
        st = reported.get(it.key) or {}
        ev = st.get("evidence") or {}
        t.ws[f"A{t.row}"] = row_key(it.key)
        t.cell("B", it.key)
        t.cell("C", it.name)
        t.cell("D", it.deadline.text)
        t.cell("E", labels.get(st.get("status") or ""), fill_in=True, rule="status")
        t.cell("F", st.get("completed"), fill_in=True, rule="date")
        t.cell("G", st.get("reason"), fill_in=True)
        t.cell("H", ev.get("number") or None, fill_in=True)
        t.cell("I", ev.get("date"), fill_in=True, rule="date")
        t.cell("J", ev.get("link") or None, fill_in=True)
        t.cell("K", st.get("occurrence"), fill_in=it.deadline.recurring)
        t.row += 1
    t.protect()

    meta = wb.create_sheet(META_SHEET)
    for r, (key, value) in enumerate((("form", STATUS_FORM), ("version", FORM_VERSION), ("plan", doc.number),
                                      ("unit", unit), ("period", period.key)), start=1):
        meta[f"A{r}"], meta[f"B{r}"] = key, value
    meta.sheet_state = "veryHidden"
    wb.active = 2
    wb.properties.creator = "plan744"
    wb.properties.title = word("quarter.form.doc_title").format(period=period.key, unit=name)
    return workbook_bytes(wb, when)
