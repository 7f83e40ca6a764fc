"""A unit's report as an Excel workbook: the form an officer fills in, blank or filled.

Made from the plan and the organisation for one unit and one year, like the YAML scaffold
(`forms.scaffold_yaml`): the indicators that apply to the unit in that year (by level), the
appendix rows it leads, the qualitative tasks, the narrative, who prepared it. Labels and
formulas are locked; the cells to fill are unlocked and tinted; each carries a validation rule
(whole numbers ≥ 0 for counts, decimals ≥ 0 for money, a date, a list of statuses shown in
Vietnamese) and a live percentage sits beside each numerator and denominator. Hidden keys
(`forms.xlsx_layout`) let the reader find every value wherever the officer moves it.

openpyxl writes the workbook; the bytes are made reproducible with the date given.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from plan744.core.labels import task_status, task_statuses, word
from plan744.core.obligation import Obligation, obligation
from plan744.core.plan import ALL_LEVELS, Plan
from plan744.core.submission import STATUSES
from plan744.core.vnformat import format_day
from plan744.forms.scaffold_yaml import appendix_rows, target_words
from plan744.forms.xlsx_layout import (
    FIELDS,
    FORM_VERSION,
    GENERAL,
    LOCKED_GENERAL,
    META_SHEET,
    NARRATIVE,
    NO_RECORD,
    AppendixKey,
    GeneralKey,
    IndicatorKey,
    NarrativeKey,
    TaskKey,
    encode,
    keyed_sheet,
    sheet_key,
    sheet_title,
)

INPUT_FILL = "FFF2CC"  # the cells to fill: light yellow
HEAD_FILL = "D9E1F2"
NOTE_COLOR = "595959"


class _Sheet:
    """One sheet of the form: keys in column A and row 1, styles, validations, protection."""

    def __init__(self, wb: Any, kind: str, widths: dict[str, float]) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

        self.ws = keyed_sheet(wb, sheet_title(kind), sheet_key(kind), FIELDS.get(kind, {}), widths)
        self.kind = kind
        self.row = 2
        self.ws.oddFooter.center.text = word("form.footer")
        self.ws.oddHeader.left.text = "&A"  # the sheet's name, so a printed page says what it is
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.bold = Font(bold=True)
        self.note_font = Font(italic=True, color=NOTE_COLOR)
        self.input_fill = PatternFill("solid", fgColor=INPUT_FILL)
        self.head_fill = PatternFill("solid", fgColor=HEAD_FILL)
        thin = Side(style="thin", color="A6A6A6")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.unlocked = Protection(locked=False)
        self.validations: dict[str, Any] = {}
        self.widths = widths
        self.lines: dict[int, int] = {}  # row -> lines its longest wrapped text needs

    def _fit(self, col: str, text: str, span: float = 0) -> None:
        """Remember how many lines `text` needs in `col`: spreadsheets do not grow a row for
        wrapped text on their own when they open a file."""
        per_line = max(8, int((span or self.widths.get(col, 10)) * 1.15))
        need = sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))
        self.lines[self.row] = max(self.lines.get(self.row, 1), need)

    def text_row(self, text: str, *, bold: bool = False, note: bool = False, span: str = "") -> None:
        ws, r = self.ws, self.row
        ws[f"A{r}"] = NO_RECORD
        c = ws[f"B{r}"]
        c.value = text
        c.alignment = self.wrap
        self._fit("B", text, sum(self.widths.values()) if span else 0)
        if bold:
            c.font = self.bold
        if note:
            c.font = self.note_font
        if span:
            ws.merge_cells(f"B{r}:{span}{r}")
        self.row += 1

    def header(self, titles: dict[str, str]) -> None:
        ws, r = self.ws, self.row
        ws[f"A{r}"] = NO_RECORD
        for col, title in titles.items():
            c = ws[f"{col}{r}"]
            c.value, c.font, c.fill, c.alignment, c.border = title, self.bold, self.head_fill, self.wrap, self.border
            self._fit(col, title)
        ws.freeze_panes = f"B{r + 1}"
        ws.print_title_rows = f"{r}:{r}"  # the header repeats on each printed page
        self.row += 1

    def cell(self, col: str, value: Any, *, fill_in: bool = False, rule: str = "", fmt: str = "") -> Any:
        c = self.ws[f"{col}{self.row}"]
        if value is not None:
            c.value = _cell_value(value)
            if isinstance(value, str):
                c.data_type = "s"  # text typed as "=…" stays text
                if not value.startswith("="):
                    self._fit(col, value)
        c.alignment = self.wrap
        c.border = self.border
        if fmt:
            c.number_format = fmt
        if fill_in:
            c.fill = self.input_fill
            c.protection = self.unlocked
            if rule:
                self._validate(rule, c.coordinate)
        return c

    def _validate(self, rule: str, coordinate: str) -> None:

        dv = self.validations.get(rule)
        if dv is None:
            dv = _rule(rule)
            self.ws.add_data_validation(dv)
            self.validations[rule] = dv
        dv.add(coordinate)

    def protect(self) -> None:
        """Fit rows to their text, print on landscape A4 one page wide, lock all but the inputs."""
        ws = self.ws
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.gridLines = False
        for row, lines in self.lines.items():
            if lines > 1 and self.ws.row_dimensions[row].height is None:
                self.ws.row_dimensions[row].height = 15 * lines + 2
        p = self.ws.protection
        p.sheet = True
        p.formatColumns = False  # the officer may widen columns and rows to read
        p.formatRows = False


def _rule(rule: str) -> Any:
    from openpyxl.worksheet.datavalidation import DataValidation

    if rule == "count":
        dv = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
        dv.error = word("form.rule.count")
    elif rule == "money":
        dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
        dv.error = word("form.rule.money")
    elif rule == "date":
        dv = DataValidation(type="date", operator="between", formula1="DATE(2000,1,1)", formula2="DATE(2100,12,31)",
                            allow_blank=True)
        dv.error = word("form.rule.date")
    else:  # status
        dv = DataValidation(type="list", formula1='"' + ",".join(task_statuses()[s] for s in STATUSES) + '"', allow_blank=True)
        dv.error = word("form.rule.status")
    dv.errorTitle = word("form.rule.title")
    dv.showErrorMessage = True
    return dv


def _level_targets(plan: Plan, ind: Any, level: str, year: int) -> str:
    """The targets that bear on this level's figures in `year`: its own, and the whole area's."""
    own = [t for t in ind.targets if t.scope in (level, ALL_LEVELS)]
    if not own or len(own) == len(ind.targets):
        return target_words(plan, ind, year)
    return target_words(plan, ind.model_copy(update={"targets": own}), year)


def _cell_value(value: Any) -> Any:
    if isinstance(value, Decimal) and value == value.to_integral_value() and abs(value) < 10**15:
        return int(value)
    return value


def _percent_formula(row: int) -> str:
    return f'=IF(AND(ISNUMBER(F{row}),ISNUMBER(G{row}),N(G{row})>0),F{row}/G{row},"")'


def workbook(plan: Plan, unit_code: str, year: int, values: dict[str, Any] | None = None,
             generated: dt.datetime | None = None) -> bytes:
    """The form for `unit_code` and `year` (filled with `values`, shaped like
    `Submission.model_dump()`, when given)."""
    from openpyxl import Workbook

    from plan744.reproducible import workbook_bytes

    v = values or {}
    when = generated or dt.datetime(year + 1, 1, 1, tzinfo=dt.UTC)
    wb = Workbook()
    wb.remove(wb.active)
    unit = plan.units_by_code[unit_code]
    owed = obligation(plan, unit_code, year)
    cover_from, cover_to, due = owed.start, owed.end, owed.deadline
    doc = plan.document

    _instructions(wb, plan, unit.name, year, cover_from, cover_to, due)
    _general(wb, plan, unit_code, unit.name, year, v, due)
    _indicators(wb, plan, owed, (v.get("indicators") or {}))
    _appendix(wb, plan, owed, v.get("appendix") or [], blank_form=values is None)
    _tasks(wb, owed, v.get("tasks") or {})
    _narrative(wb, v.get("narrative") or {})

    meta = wb.create_sheet(META_SHEET)
    for r, (key, value) in enumerate((("form", "plan744"), ("version", FORM_VERSION), ("plan", doc.number),
                                      ("unit", unit_code), ("year", year)), start=1):
        meta[f"A{r}"], meta[f"B{r}"] = key, value
    meta.sheet_state = "veryHidden"
    wb.active = 1
    wb.properties.creator = "plan744"
    wb.properties.title = word("form.doc_title").format(year=year, unit=unit.name)
    return workbook_bytes(wb, when)


def _instructions(wb: Any, plan: Plan, unit_name: str, year: int, cover_from: dt.date, cover_to: dt.date,
                  due: dt.date) -> None:
    s = _Sheet(wb, "huong_dan", {"B": 110})
    doc = plan.document
    s.text_row(word("form.title").format(kind=doc.kind.upper(), number=doc.number, year=year), bold=True)
    s.text_row(word("form.unit").format(unit=unit_name), bold=True)
    s.text_row(word("form.period").format(start=format_day(cover_from), end=format_day(cover_to), due=format_day(due)))
    s.text_row("")
    lines = [word(f"form.howto.{part}").format(money=plan.money.unit)
             for part in ("lead", "inputs", "general", "indicators", "appendix", "tasks", "narrative", "numbers", "keep",
                          "return")]
    for line in lines:
        s.text_row(line)
    s.protect()


def _general(wb: Any, plan: Plan, unit_code: str, unit_name: str, year: int, v: dict[str, Any], due: dt.date) -> None:
    s = _Sheet(wb, "thong_tin", {"B": 46, "C": 48, "D": 40})
    s.header({"B": word("form.col.item"), "C": word("form.col.content"), "D": word("form.col.note")})
    given = {"plan": plan.document.number, "unit": unit_code, "year": year, "submitted": v.get("submitted")}
    for person in ("prepared_by", "approved_by"):
        for k, value in (v.get(person) or {}).items():
            given[f"{person}.{k}"] = value
    notes = {"unit": unit_name, "submitted": word("form.general.due").format(due=format_day(due)), "plan": plan.document.title}
    for key, required in GENERAL:
        s.ws[f"A{s.row}"] = encode(GeneralKey(key))
        s.cell("B", word(f"form.general.{key}") + ("" if not required or key in LOCKED_GENERAL else " *"))
        fill_in = key not in LOCKED_GENERAL
        s.cell("C", given.get(key) or ("" if key.endswith(("phone", "email")) else None), fill_in=fill_in,
               rule="date" if key == "submitted" else "", fmt="dd/mm/yyyy" if key == "submitted" else "")
        s.cell("D", notes.get(key, ""))
        s.row += 1
    s.text_row(word("form.required"), note=True)
    s.protect()


def _indicators(wb: Any, plan: Plan, owed: Obligation, given: dict[str, Any]) -> None:
    s = _Sheet(wb, "chi_tieu", {"B": 6, "C": 52, "D": 14, "E": 30, "F": 16, "G": 16, "H": 12, "I": 30})
    s.header({col: word(f"form.ind.col.{name}") for col, name in (
        ("B", "tt"), ("C", "indicator"), ("D", "level"), ("E", "target"), ("F", "first"), ("G", "denominator"),
        ("H", "ratio"), ("I", "note"))})
    applies = owed.indicators
    if not applies:
        s.text_row(word("form.ind.none"), note=True, span="I")
    own = owed.levels
    for n, (ind, levels) in enumerate(applies, start=1):
        for lv in levels:
            figures = (given.get(ind.id) or {}).get(lv) or {}
            r = s.row
            s.ws[f"A{r}"] = encode(IndicatorKey(ind.id, lv, ind.is_percent))
            level_name = plan.levels_by_code[lv].name
            if own and lv != own[0] and not ind.central:
                level_name += " " + word("form.ind.level_total")
            rule = "money" if ind.measure == "money" else "count"
            s.cell("B", n)
            if ind.is_percent:
                how = word("form.ind.how").format(name=ind.name, numerator=ind.numerator, denominator=ind.denominator)
                s.cell("C", how)
                s.cell("D", level_name)
                s.cell("E", _level_targets(plan, ind, lv, owed.year))
                s.cell("F", figures.get("numerator"), fill_in=True, rule=rule, fmt="#,##0.###")
                s.cell("G", figures.get("denominator"), fill_in=True, rule=rule, fmt="#,##0.###")
                pct = s.cell("H", _percent_formula(r), fmt="0.00%" if ind.measure == "money" else "0.0%")
                pct.data_type = "f"
            else:
                unit_word = plan.money.unit if ind.value == "amount" else ind.count_unit
                s.cell("C", f"{ind.name}\n{ind.quantity} ({unit_word})")
                s.cell("D", level_name)
                s.cell("E", _level_targets(plan, ind, lv, owed.year))
                s.cell("F", figures.get("value"), fill_in=True, rule="money" if ind.value == "amount" else "count",
                       fmt="#,##0.###")
                s.cell("G", None)
                s.cell("H", None)
            s.cell("I", figures.get("note") or "", fill_in=True)
            s.row += 1
    s.protect()


def _appendix(wb: Any, plan: Plan, owed: Obligation, reported: list[dict[str, Any]], blank_form: bool) -> None:
    s = _Sheet(wb, "phu_luc", {"B": 7, "C": 48, "D": 24, "E": 16, "F": 20, "G": 14, "H": 14, "I": 44})
    money = plan.money.unit
    money_cols = ("E", "G", "H")  # cost, allocated, disbursed: a task list (no funded appendix) has none
    s.header({col: word(f"form.app.col.{name}").format(money=money) if plan.funded or col not in money_cols else ""
              for col, name in (("B", "tt"), ("C", "task"), ("D", "lead"), ("E", "cost"), ("F", "status"),
                                ("G", "allocated"), ("H", "disbursed"), ("I", "progress"))})
    if not plan.funded:  # hidden, not removed: the reader finds every column where it always is
        for col in money_cols:
            s.ws.column_dimensions[col].hidden = True
    rows = appendix_rows(plan, owed, reported, blank_form=blank_form)
    if not rows:
        s.text_row(word("form.app.none"), note=True, span="I")
    for task, rep, shared in rows:
        rep = rep or {}
        r = s.row
        s.ws[f"A{r}"] = encode(AppendixKey(task.tt, shared=shared, funded=task.funded))
        s.cell("B", str(task.tt))
        name = task.name + ("\n" + word("form.app.shared") if shared else "")
        s.cell("C", name)
        s.cell("D", f"{task.lead_text}; {task.timeframe_text}")
        s.cell("E", task.cost, fmt="#,##0.###")
        s.cell("F", _status(rep.get("status")), fill_in=True, rule="status")
        if task.funded:
            s.cell("G", rep.get("allocated"), fill_in=True, rule="money", fmt="#,##0.###")
            s.cell("H", rep.get("disbursed"), fill_in=True, rule="money", fmt="#,##0.###")
        else:
            s.cell("G", None)
            s.cell("H", None)
        s.cell("I", rep.get("progress"), fill_in=True)
        s.row += 1
    s.protect()


def _tasks(wb: Any, owed: Obligation, given: dict[str, Any]) -> None:
    s = _Sheet(wb, "nhiem_vu", {"B": 10, "C": 56, "D": 14, "E": 20, "F": 56})
    s.header({col: word(f"form.task.col.{name}") for col, name in (
        ("B", "id"), ("C", "task"), ("D", "required"), ("E", "status"), ("F", "account"))})
    mine = owed.tasks
    if not mine:
        s.text_row(word("form.task.none"), note=True, span="F")
    for t in sorted(mine, key=lambda t: not (t.required or t.id in given)):
        rep = given.get(t.id) or {}
        required = t.required
        r = s.row
        s.ws[f"A{r}"] = encode(TaskKey(t.id, required=required))
        s.cell("B", t.id)
        s.cell("C", t.title)
        s.cell("D", word("form.task.required" if required else "form.task.optional"))
        s.cell("E", _status(rep.get("status")), fill_in=True, rule="status")
        s.cell("F", rep.get("account"), fill_in=True)
        s.row += 1
    s.protect()


def _narrative(wb: Any, given: dict[str, Any]) -> None:
    s = _Sheet(wb, "nhan_xet", {"B": 30, "C": 100})
    s.header({"B": word("form.col.item"), "C": word("form.col.content")})
    for key in NARRATIVE:
        r = s.row
        s.ws[f"A{r}"] = encode(NarrativeKey(key))
        s.cell("B", word(f"form.narrative.{key}") + " *")
        s.cell("C", given.get(key), fill_in=True)
        s.ws.row_dimensions[r].height = 120
        s.row += 1
    s.protect()


def _status(code: str | None) -> str | None:
    """The label of a reported status in the plan's words; None for none or an unknown code."""
    return task_status(code) if code in task_statuses() else None
