"""A task's deadline in the precision its text gives, read from that text.

The plan writes deadlines as a date ("trước ngày 31 tháng 12 năm 2025", "15/3/2026"), a month
("Tháng 12/2025": due on its last day), a quarter ("Quý II/2026"), a year ("Năm 2026", "2026"),
a span of years ("Năm 2025-2026": due at the end of its last year), or a recurring duty ("Hằng
năm", "hằng quý", "hằng tháng", optionally with the day in the period: "Hằng năm, trước ngày 15
tháng 12"). A plan file keeps the text as written (`deadline: {text: "Tháng 12/2025"}`); the
model reads it when the plan is loaded and a text it cannot read is a located finding
(`deadline-unparsed`).

"trước ngày D" is read as the day before D, the way the plan's reporting deadline "trước ngày 15
tháng 12" is read as 14/12. Pure: no I/O, no words.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from pydantic import model_validator

from plan744.core.strict import StrictModel, Text

Precision = Literal["date", "month", "quarter", "year", "span", "recurring"]
Every = Literal["year", "quarter", "month"]

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_DAY = r"(?:ngày\s+)?(?P<d>\d{1,2})"


@dataclass(frozen=True)
class Parsed:
    """What a deadline text means. One-off deadlines have `due`; a recurring one has `every`
    and, where the text gives it, the day (and month, for a yearly one) in each period;
    `offset` 1 puts it in the period after ("của năm tiếp theo")."""

    precision: Precision
    due: dt.date | None = None
    every: Every | None = None
    day: int | None = None
    month: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class Occurrence:
    """One period of a recurring duty (or the single one of a one-off deadline: key "")."""

    key: str  # "2026", "2026-Q2", "2026-03"; "" for a one-off deadline
    start: dt.date  # the period it belongs to
    end: dt.date
    due: dt.date


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).strip().lower()
    text = text.replace("hàng", "hằng").replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", text).rstrip(".")


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _date(d: int, m: int, y: int, before: bool) -> dt.date | None:
    try:
        day = dt.date(y, m, d)
    except ValueError:
        return None
    return day - dt.timedelta(days=1) if before else day


def _year_ok(y: int) -> bool:
    return 2000 <= y <= 2100


def parse_deadline(text: str) -> Parsed | None:
    """The meaning of a deadline text, or None when it is not one of the known forms."""
    s = _norm(text)
    before = s.startswith("trước ")
    body = s[len("trước "):] if before else s
    if body.startswith("ngày "):
        body = body[len("ngày "):]
    # A date: "31/12/2025", "31 tháng 12 năm 2025".
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", body) or re.fullmatch(r"(\d{1,2}) tháng (\d{1,2}) năm (\d{4})", body)
    if m:
        d, mo, y = (int(g) for g in m.groups())
        due = _date(d, mo, y, before) if _year_ok(y) else None
        return Parsed("date", due) if due else None
    if before:
        return None
    m = re.fullmatch(r"tháng (\d{1,2})/(\d{4})", s) or re.fullmatch(r"tháng (\d{1,2}) năm (\d{4})", s)
    if m:
        mo, y = int(m.group(1)), int(m.group(2))
        return Parsed("month", _last_day(y, mo)) if 1 <= mo <= 12 and _year_ok(y) else None
    m = re.fullmatch(r"quý (i|ii|iii|iv|[1-4])(?:/| năm )(\d{4})", s)
    if m:
        q = _ROMAN.get(m.group(1)) or int(m.group(1))
        y = int(m.group(2))
        return Parsed("quarter", _last_day(y, 3 * q)) if _year_ok(y) else None
    m = re.fullmatch(r"(?:năm )?(\d{4})", s)
    if m:
        y = int(m.group(1))
        return Parsed("year", dt.date(y, 12, 31)) if _year_ok(y) else None
    m = re.fullmatch(r"(?:năm |giai đoạn )?(\d{4}) ?- ?(\d{4})", s)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        return Parsed("span", dt.date(b, 12, 31)) if _year_ok(a) and _year_ok(b) and a <= b else None
    return _recurring(s)


def _recurring(s: str) -> Parsed | None:
    m = re.fullmatch(r"(?:định kỳ )?hằng (năm|quý|tháng)(?:,? (.*))?", s)
    if not m:
        return None
    every: Every = {"năm": "year", "quý": "quarter", "tháng": "month"}[m.group(1)]  # type: ignore[assignment]
    rest = (m.group(2) or "").strip()
    if not rest:
        return Parsed("recurring", every=every)
    before = rest.startswith("trước ")
    rest = rest[len("trước "):] if before else rest
    offset = 0
    for tail in (" của năm tiếp theo", " năm sau", " của quý tiếp theo", " quý sau", " của tháng tiếp theo", " tháng sau"):
        if rest.endswith(tail):
            rest, offset = rest[: -len(tail)], 1
    if every == "year":
        m2 = re.fullmatch(_DAY + r"(?: tháng |/)(?P<m>\d{1,2})", rest)
        if not m2:
            return None
        d, mo = int(m2.group("d")), int(m2.group("m"))
    else:
        m2 = re.fullmatch(_DAY + r"(?: của tháng cuối quý| tháng cuối quý)?", rest)
        if not m2:
            return None
        d, mo = int(m2.group("d")), 0
    if before:  # "trước ngày 15" is the 14th; "trước ngày 1" is not a day of the period
        d -= 1
    if not 1 <= d <= 31 or (mo and (not 1 <= mo <= 12 or d > calendar.monthrange(2024, mo)[1])):
        return None
    return Parsed("recurring", every=every, day=d, month=mo or None, offset=offset)


def _periods(every: Every, first: int, last: int) -> list[tuple[str, dt.date, dt.date]]:
    out = []
    for y in range(first, last + 1):
        if every == "year":
            out.append((str(y), dt.date(y, 1, 1), dt.date(y, 12, 31)))
        elif every == "quarter":
            out += [(f"{y}-Q{q}", dt.date(y, 3 * q - 2, 1), _last_day(y, 3 * q)) for q in range(1, 5)]
        else:
            out += [(f"{y}-{mo:02d}", dt.date(y, mo, 1), _last_day(y, mo)) for mo in range(1, 13)]
    return out


def _shift_months(day: dt.date, months: int) -> tuple[int, int]:
    n = day.year * 12 + day.month - 1 + months
    return n // 12, n % 12 + 1


def occurrences(p: Parsed, first_year: int, last_year: int) -> list[Occurrence]:
    """The periods a deadline governs within the years `first_year`..`last_year` (a one-off
    deadline: one occurrence, key "")."""
    if p.every is None:
        assert p.due is not None
        return [Occurrence("", p.due, p.due, p.due)]
    out = []
    for key, start, end in _periods(p.every, first_year, last_year):
        if p.day is None:
            due = end
        else:
            span = {"year": 12, "quarter": 3, "month": 1}[p.every]
            y, mo = _shift_months(end, span * p.offset)
            if p.every == "year" and p.month:
                y, mo = end.year + p.offset, p.month
            due = dt.date(y, mo, min(p.day, calendar.monthrange(y, mo)[1]))
        out.append(Occurrence(key, start, end, due))
    return out


def period_key(every: Every, day: dt.date) -> str:
    """The key of the `every`-long period holding `day` ("2026", "2026-Q2", "2026-03")."""
    if every == "year":
        return str(day.year)
    if every == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year}-{day.month:02d}"


class Deadline(StrictModel):
    """A deadline as the plan writes it (`text`), read when the plan is loaded; `source` says
    where the text is when it is not in the row itself (a task's sentence, another article)."""

    text: Text
    source: str = ""

    @model_validator(mode="after")
    def _readable(self) -> Deadline:
        if parse_deadline(self.text) is None:
            raise ValueError("deadline-unparsed")
        return self

    @cached_property
    def parsed(self) -> Parsed:
        found = parse_deadline(self.text)
        assert found is not None  # the validator refused it otherwise
        return found

    @property
    def recurring(self) -> bool:
        return self.parsed.every is not None

    @property
    def precision(self) -> Precision:
        return self.parsed.precision

    @property
    def due(self) -> dt.date | None:
        """The one due date of a one-off deadline (None for a recurring one)."""
        return self.parsed.due

    def occurrences(self, first_year: int, last_year: int) -> list[Occurrence]:
        return occurrences(self.parsed, first_year, last_year)
