"""The report's data as an Excel workbook, for the officer who opens it: the same records as the
JSON and the CSV (`data.tables`), made readable.

- "Thông tin chung" first: the plan, the period, the data window, when the file was made, the
  money unit, and the conventions below.
- A sheet per table that has rows (none left empty), Vietnamese headers in the plan's words.
- Every coded column (a verdict, a status, a unit kind…) shown as its label, with the code kept in
  the column after it ("Mã …"); the legend sheet lists every code and its label.
- Years as years (format `0`, never "2.025"), dates as dates (dd/mm/yyyy), money headers in the
  plan's money unit, per cent in points as in the CSV and the JSON (86.05 shown "86,05%", beside a
  target of 90 shown "90,00%": a filter "value >= target" means what it says).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from plan744.core.figures.period import PeriodFigures
from plan744.core.labels import word
from plan744.report.data import COLUMNS, FORMULA_START, Figures, Record, header, sheet_name, shown_columns, tables
from plan744.reproducible import workbook_bytes

YEAR_KEYS = frozenset(("year", "start", "end", "baseline_year", "last_year", "target_year", "total_since"))
DATE_KEYS = frozenset(("level_end", "covers_from", "covers_to", "deadline", "submitted"))
MONEY_KEYS = frozenset(("planned", "allocated", "disbursed", "cumulative"))
SHARE_KEYS = frozenset(("cumulative_share", "disbursement_rate"))  # always per cent (of money)
INDICATOR_PERCENT_KEYS = frozenset(("value", "previous", "baseline", "last_value", "path_expected", "target_value",
                                    "target_stretch"))  # per cent when the row's indicator is a percentage
CODED_KEYS = ("attainment", "unassessed", "path", "timeliness", "status", "statuses", "section", "target_kind",
              "value_kind", "kind", "area")
"""Columns holding codes: the workbook shows each code's label beside it, and lists them all on the legend sheet."""


def _code_labels(plan: Any) -> dict[str, dict[str, str]]:
    """key -> code -> its Vietnamese label, in the words of the plan being reported."""
    from typing import get_args

    from plan744.core.figures.codes import Attainment, PathStatus, Timeliness, Unassessed
    from plan744.core.labels import NARRATIVE, PATH, TIMELINESS, UNASSESSED, task_status
    from plan744.core.plan import Comparison
    from plan744.core.status import STATUSES

    def own(key: str, code: str, fallback: str) -> str:
        return fallback or word(f"data.{key}.{code}")

    statuses = {code: task_status(code) for code in STATUSES}
    return {
        "attainment": {a.value: word(f"verdict.{a.value}") for a in Attainment},
        "unassessed": {u.value: UNASSESSED[u] for u in Unassessed},
        "path": {p.value: own("path", p.value, PATH[p]) for p in PathStatus},
        "timeliness": {t.value: own("timeliness", t.value, TIMELINESS[t]) for t in Timeliness},
        "status": statuses,
        "statuses": statuses,
        "section": dict(NARRATIVE),
        "target_kind": {k: word(f"data.target_kind.{k}") for k in get_args(Comparison)},
        "value_kind": {k: word(f"data.value_kind.{k}") for k in ("percent", "count", "amount", "rank")},
        "kind": {code: k.name for code, k in plan.kinds_by_code.items()},
        "area": {code: a.name for code, a in plan.areas_by_code.items()},
    }


def _label(labels: dict[str, str], key: str, value: Any) -> str | None:
    if value is None:
        return None
    if key == "statuses":  # several codes joined by ";"
        return "; ".join(labels.get(code, code) for code in str(value).split(";"))
    return labels.get(str(value), str(value))


def sheet_columns(name: str, money_unit: str) -> list[tuple[str, str, bool]]:
    """(key, header, is_label) of a sheet: a coded column becomes its label (under the column's
    header) followed by the code ("Mã …"); money headers carry the plan's money unit."""
    from plan744.core.labels import lower_first

    out = []
    for key, _ in COLUMNS[name]:
        text = header(name, key)
        if key in MONEY_KEYS:
            text = word("data.money_header").format(header=text, unit=money_unit)
        if key in CODED_KEYS:
            out.append((key, text, True))
            out.append((key, word("data.code_header").format(header=lower_first(text)), False))
        else:
            out.append((key, text, False))
    return out


def _percent_row(name: str, record: Record, percent_ids: set[str]) -> bool:
    if name == "indicators":
        return record.get("value_kind") == "percent"
    return record.get("indicator") in percent_ids


def to_xlsx(figures: Figures, generated: dt.datetime) -> bytes:
    """A workbook a reporting officer opens and works with: "Thông tin chung" (which plan, which
    period, when), a sheet per table that has rows (Vietnamese headers, every code with its label
    beside it, years as years, dates as dates, money headers in the plan's unit, per cent in
    points as in the CSV and the JSON: a target of 90 beside a value of 86,05), and "Giải thích"
    (every code and its label). Frozen header rows, filters."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    years = figures.years if isinstance(figures, PeriodFigures) else (figures,)
    plan = years[0].plan
    labels = _code_labels(plan)
    data = tables(figures)
    percent_ids = {r.indicator.id for f in years for r in f.indicators if r.indicator.is_percent}
    wb = Workbook()
    wb.remove(wb.active)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="F2F2F2")

    def head(ws: Any, texts: list[str]) -> None:
        for j, text in enumerate(texts, start=1):
            c = ws.cell(row=1, column=j, value=text)
            c.font, c.fill = bold, fill
        ws.freeze_panes = "A2"

    info = wb.create_sheet(word("data.sheet.info"))
    head(info, [word("data.info.item"), word("data.info.value")])
    for i, (item, value) in enumerate(_info_rows(figures, generated), start=2):
        info.cell(row=i, column=1, value=item).font = bold
        write_cell(info, i, 2, value)
        info.cell(row=i, column=2).alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
    info.column_dimensions["A"].width, info.column_dimensions["B"].width = 28, 90

    used: dict[str, set[str]] = {}
    for name, rows in data.items():
        if not rows:  # no empty sheets ("Kết quả giai đoạn" of a year's report)
            continue
        shown = shown_columns(name, plan.funded)  # no money columns without a funded appendix
        if not shown:
            continue
        ws = wb.create_sheet(sheet_name(name))
        cols = [c for c in sheet_columns(name, plan.money.unit) if c[0] in shown]
        head(ws, [text for _, text, _ in cols])
        for i, r in enumerate(rows, start=2):
            percent_row = _percent_row(name, r, percent_ids)
            for j, (key, _, is_label) in enumerate(cols, start=1):
                value = r[key]
                if is_label:
                    write_cell(ws, i, j, _label(labels[key], key, value))
                    if value is not None:
                        used.setdefault(key, set()).update(str(value).split(";") if key == "statuses" else (str(value),))
                elif key in YEAR_KEYS:
                    write_cell(ws, i, j, value, year=True)
                elif key in DATE_KEYS:
                    write_cell(ws, i, j, dt.date.fromisoformat(value) if value else None)
                else:
                    percent = key in SHARE_KEYS or (key in INDICATOR_PERCENT_KEYS and percent_row)
                    write_cell(ws, i, j, value, percent=percent)
        ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{len(rows) + 1}"
        for j, (key, text, _) in enumerate(cols, start=1):
            wide = key in ("name", "unit_name", "progress", "lead_name", "account", "text")
            ws.column_dimensions[get_column_letter(j)].width = 40 if wide else max(10, min(28, len(text) + 2))

    legend = wb.create_sheet(word("data.sheet.legend"))
    head(legend, [word("data.legend.column"), word("data.legend.code"), word("data.legend.label")])
    row = 2
    for key in CODED_KEYS:
        if key == "statuses":
            continue  # the same codes as "status"
        codes = labels[key]
        column = _legend_column(key)
        for code, text in codes.items():
            if key in ("kind", "area") and code not in used.get(key, set()):
                continue  # the organisation's kinds and the plan's areas that appear in the workbook
            legend.cell(row=row, column=1, value=column)
            legend.cell(row=row, column=2, value=code).data_type = "s"
            legend.cell(row=row, column=3, value=text)
            row += 1
    legend.auto_filter.ref = f"A1:C{max(row - 1, 1)}"
    for letter, width in (("A", 28), ("B", 24), ("C", 48)):
        legend.column_dimensions[letter].width = width
    wb.properties.creator = "plan744"
    return workbook_bytes(wb, generated)


def _legend_column(key: str) -> str:
    """The header a coded key goes by (its first table's wording), with that table's sheet when
    another coded key has the same header ("Tình trạng" of a report sent, of a task)."""

    def first(k: str) -> tuple[str, str]:
        name = next(n for n, cols in COLUMNS.items() if any(c == k for c, _ in cols))
        return name, header(name, k)

    _, text = first(key)
    if sum(first(other)[1] == text for other in CODED_KEYS if other != "statuses") > 1:
        keys = {key, "statuses"} if key == "status" else {key}
        sheets = [sheet_name(n) for n, cols in COLUMNS.items() if any(c in keys for c, _ in cols)]
        return f"{text} ({', '.join(sheets)})"
    return text


def _info_rows(figures: Figures, generated: dt.datetime) -> list[tuple[str, Any]]:
    from plan744.core.figures.assessment import running_date

    years = figures.years if isinstance(figures, PeriodFigures) else (figures,)
    plan = years[0].plan
    doc = plan.document
    if isinstance(figures, PeriodFigures):
        report = word("data.info.report_period_value").format(start=figures.start, end=figures.end)
    else:
        report = word("data.info.report_year_value").format(year=figures.year)
    first, last = years[0].window[0], years[-1].window[1]
    return [
        (word("data.info.plan"), word("data.info.plan_value").format(kind=doc.kind, number=doc.number, title=doc.title)),
        (word("data.info.plan_period"), f"{plan.period.start}–{plan.period.end}"),
        (word("data.info.report_year"), report),
        (word("data.info.window"), word("data.info.window_value").format(start=running_date(first), end=running_date(last))),
        (word("data.info.cutoff"), generated.date()),
        (word("data.info.generated"), generated.replace(tzinfo=None)),
        (word("data.info.money"), plan.money.unit),
        (word("data.info.percent"), word("data.info.percent_rule")),
        (word("data.info.codes"), word("data.info.codes_rule")),
    ]


def write_cell(ws: Any, row: int, column: int, value: Any, *, percent: bool = False, year: bool = False) -> Any:
    """A value into a cell, exactly: whole numbers as integers, decimals as decimals with a number
    format, years without a thousands separator, dates as dates (dd/mm/yyyy), per cent in points
    shown with a % sign (86.05 is "86,05%"), text always as text (never a formula)."""
    c = ws.cell(row=row, column=column)
    if isinstance(value, str):
        c.value = value
        c.data_type = "s"  # "=1+1" stays text
        if value.startswith(FORMULA_START):
            c.quotePrefix = True
    elif isinstance(value, bool) or value is None:
        c.value = value
    elif year:
        c.value = value
        c.number_format = "0"  # 2025, never "2.025"
    elif isinstance(value, (int, Decimal)) and percent:
        c.value = value
        c.number_format = PERCENT_FORMAT
    elif isinstance(value, Decimal):
        c.value = value
        c.number_format = "#,##0.######"
    elif isinstance(value, int):
        c.value = value
        c.number_format = "#,##0"
    elif isinstance(value, dt.datetime):
        c.value = value
        c.number_format = "dd/mm/yyyy hh:mm"
    elif isinstance(value, dt.date):
        c.value = value
        c.number_format = "dd/mm/yyyy"
    else:
        c.value = value
    return c


PERCENT_FORMAT = '0.00"%"'
"""Per cent in points, as the CSV and the JSON: the cell holds 86.0529, shown "86,05%"."""
