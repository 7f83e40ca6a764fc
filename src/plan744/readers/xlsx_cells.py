"""A form's cell values as the report's data (`readers.xlsx_source`), each placed at its cell:
numbers, dates, texts and task statuses, with what a real workbook holds said as findings (a
count formatted as a percentage, a date typed as text, a formula reaching outside the file)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from plan744.core.findings import Finding, Place, SourceMap
from plan744.core.labels import TASK_STATUS, task_statuses
from plan744.core.messages import make
from plan744.core.text import clean
from plan744.core.vnformat import format_day


def _status_by_label() -> dict[str, str]:
    """Label (or code) -> status code: the plan's words (a form it made), today's defaults (a form
    made before the plan reworded them) and the codes themselves."""
    found = {label.casefold(): code for code, label in TASK_STATUS.items()}
    found.update({label.casefold(): code for code, label in task_statuses().items()})
    found.update({code: code for code in TASK_STATUS})
    return found
_EXTERNAL = re.compile(r"\[[^\]]*\]|\||\bDDE\b|https?://|file:", re.IGNORECASE)
_DATE_TEXT = (re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})"), re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})"))
SERIAL_EPOCH = dt.date(1899, 12, 30)


class Reader:
    """What reading one workbook gathers: each value's cell (`source`) and the findings, each
    made at the cell of its value."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.source = SourceMap(file, workbook=True)
        self.findings: list[Finding] = []
        self.handled: set[tuple] = set()

    def at(self, path: tuple, sheet: str, row: int, col: int, letter: str) -> None:
        self.source.values[path] = (row, col)
        self.source.keys.setdefault(path, (row, col))
        self.source.cells[path] = Place.at_cell(sheet, f"{letter}{row}")

    def add(self, code: str, path: tuple, **params: Any) -> None:
        self.findings.append(make(code, file=self.file, place=self.source.place(path), path=path, **params))
        self.handled.add(path)


def as_number(value: Any) -> Any:
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


def _external(cell: dict[str, Any], path: tuple, r: Reader) -> bool:
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


def as_figure(cell: dict[str, Any], path: tuple, r: Reader) -> Any:
    if _external(cell, path, r):
        return None
    value = cell["value"]
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in cell["format"]:
        r.add("xlsx-percent-cell", path, shown=f"{value * 100:g}%".replace(".", ","))
        return None
    if isinstance(value, dt.datetime):
        r.add("xlsx-date-in-number", path, shown=format_day(value))
        return None
    if isinstance(value, str):
        cleaned, _ = clean(value)
        return cleaned if cleaned.strip() else None
    return as_number(value)


def as_text(cell: dict[str, Any] | None, path: tuple, r: Reader) -> str:
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
        r.findings.append(make("text-cleaned", file=r.file, path=path, place=r.source.place(path), chars=", ".join(removed)))
    return cleaned.strip()


def as_date(cell: dict[str, Any], path: tuple, r: Reader) -> Any:
    if _external(cell, path, r):
        return None
    value = cell["value"]
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 20000 < value < 80000:
        day = SERIAL_EPOCH + dt.timedelta(days=int(value))
        r.findings.append(make("xlsx-date-serial", file=r.file, path=path, place=r.source.place(path),
                               typed=int(value), date=format_day(day)))
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
                r.findings.append(make("xlsx-date-text", file=r.file, path=path, place=r.source.place(path),
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


def as_status(cell: dict[str, Any] | None, path: tuple, r: Reader) -> Any:
    if cell is None or _external(cell, path, r):
        return None
    value = cell["value"]
    if value is None or (isinstance(value, str) and not value.strip()):
        r.add("blank", path, expected="tình trạng (chọn trong danh sách)")
        return None
    text = clean(str(value))[0].strip()
    by_label = _status_by_label()
    code = by_label.get(text.casefold())
    if code is None:
        from plan744.core.suggest import closest

        labels = task_statuses()
        guess = closest(text.casefold(), by_label)
        hint = f" Có phải ý là “{labels[by_label[guess]]}”?" if guess else ""
        r.add("xlsx-status-unknown", path, typed=text[:60], labels=", ".join(labels.values()), hint=hint)
        return None
    return code
