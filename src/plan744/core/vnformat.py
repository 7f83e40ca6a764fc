"""Vietnamese number and date formatting for the provincial report.

Conventions follow Nghị định 30/2020/NĐ-CP (administrative documents) and the
Vietnamese CLDR locale: "." groups thousands, "," marks decimals, a percentage
has no space before "%". The symbols and the grouping are CLDR's for ``vi``, written
below and checked against Babel's locale data by the tests: calling ``format_decimal``
for each of thousands of numbers re-parsed its pattern every time, and loading Babel's
locale data once cost a report about 30 ms for these five values. This module decides
*how many* fraction digits to show and rounds with ``ROUND_HALF_UP`` itself (Babel
would round half-even).

Everything is exact: inputs are ``int`` or ``Decimal``; ``float`` and ``bool``
are rejected with ``TypeError`` and ``NaN``/``Infinity`` with ``ValueError``.
All returned strings are Unicode NFC.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import ROUND_HALF_UP, Context, Decimal
from functools import cache, lru_cache

__all__ = [
    "MISSING",
    "format_date",
    "format_day",
    "format_day_month",
    "format_money_million",
    "format_number",
    "format_percent",
    "format_place_date",
    "round_to",
]

LOCALE = "vi"
MISSING = "—"
"""Shown for a value that does not exist (e.g. a percentage of a zero target)."""

BLANK = "……"
"""Blank left in a draft for the day, month and year to be written by hand."""

MONEY_MILLION_MAX_DECIMALS = 3
"""Amounts in million đồng are shown to at most 3 decimals (1.000 đồng)."""


def _exact(value: object, what: str = "value") -> Decimal:
    """Return *value* as a finite Decimal, refusing anything inexact."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise TypeError(f"{what} must be int or Decimal (never float or bool), got {type(value).__name__}")
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(f"{what} must be a finite number, got {value!r}")
    return number


def _check_places(decimals: object) -> int:
    if isinstance(decimals, bool) or not isinstance(decimals, int):
        raise TypeError(f"decimals must be an int, got {type(decimals).__name__}")
    if decimals < 0:
        raise ValueError(f"decimals must be >= 0, got {decimals}")
    return decimals


@cache
def _quantum(places: int) -> Decimal:
    return Decimal(1).scaleb(-places)


@lru_cache(maxsize=64)
def _context(prec: int) -> Context:
    return Context(prec=prec)


def round_to(number: Decimal, places: int, rounding: str = ROUND_HALF_UP) -> Decimal:
    """*number* rounded to *places* decimals (half-up unless told). The precision is widened to
    the number's size, so quantize can never overflow it; the context is passed, not entered (a
    roll-up formats thousands of figures, and entering one each time was half the cost)."""
    return number.quantize(_quantum(places), rounding=rounding, context=_context(max(28, number.adjusted() + places + 4)))


def _fraction_digits(number: Decimal) -> int:
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)  # finite numbers only
    return max(0, -exponent)


# CLDR locale "vi" (Babel: get_group_symbol, get_decimal_symbol, get_minus_sign_symbol and the
# grouping of the decimal pattern "#,##0.###"); tests/test_vnformat.py compares them with Babel's.
GROUP_SYMBOL = "."
DECIMAL_SYMBOL = ","
MINUS_SIGN = "-"
PRIMARY_GROUP = 3
SECONDARY_GROUP = 3


def _group(digits: str, primary: int, secondary: int, sep: str) -> str:
    if len(digits) <= primary:
        return digits
    head, tail = digits[:-primary], digits[-primary:]
    parts = []
    while len(head) > secondary:
        parts.append(head[-secondary:])
        head = head[:-secondary]
    parts.append(head)
    return sep.join(reversed(parts)) + sep + tail


def _render(number: Decimal) -> str:
    """*number* grouped as the locale groups digits, showing exactly its own fraction digits."""
    places = _fraction_digits(number)
    text = format(number.copy_abs(), "f")  # exact: no context rounding for a fixed-point format
    whole, _, fraction = text.partition(".")
    body = _group(whole, PRIMARY_GROUP, SECONDARY_GROUP, GROUP_SYMBOL) + (DECIMAL_SYMBOL + fraction.ljust(places, "0") if places else "")
    negative = number < 0 and any(ch not in "0." for ch in text)  # -0 and a value rounded to zero print without a sign
    return (MINUS_SIGN if negative else "") + body


def format_number(value: int | Decimal, decimals: int | None = None) -> str:
    """``1028960`` -> ``"1.028.960"``; ``Decimal("92.5")``, 1 -> ``"92,5"``.

    With ``decimals=None`` a Decimal keeps its own digits (``Decimal("92.50")``
    -> ``"92,50"``); otherwise the value is rounded half-up to *decimals* places.
    """
    number = _exact(value)
    if decimals is not None:
        number = round_to(number, _check_places(decimals))
    return _render(number)


def format_percent(value: Decimal | int | None, decimals: int = 1, *, trim: bool = False) -> str:
    """A value that is already a percentage: ``Decimal("92.5")`` -> ``"92,5%"``.

    ``None`` -> ``"—"``. The fraction is always shown to *decimals* places
    (``Decimal(90)`` -> ``"90,0%"``) unless ``trim`` is true and it is all zeros
    (``"90%"``); a nonzero fraction is never shortened (``"92,5%"`` stays).
    """
    if value is None:
        return MISSING
    places = _check_places(decimals)
    number = round_to(_exact(value), places)
    if trim and number == number.to_integral_value():
        number = round_to(number, 0)
    return _render(number) + "%"


def _check_date(d: object) -> dt.date:
    if not isinstance(d, dt.date):
        raise TypeError(f"expected a datetime.date, got {type(d).__name__}")
    return d


def format_date(d: dt.date) -> str:
    """``date(2023, 1, 5)`` -> ``"ngày 05 tháng 01 năm 2023"``.

    Nghị định 30/2020/NĐ-CP (Phụ lục I): a day below 10 and the months 1 and 2
    get a leading zero; months 3 to 12 do not (``"ngày 05 tháng 3 năm 2023"``).
    """
    d = _check_date(d)
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def format_place_date(place: str, d: dt.date | None) -> str:
    """``"Nghệ An, ngày 05 tháng 01 năm 2023"``; a draft (d None) leaves blanks:
    ``"Nghệ An, ngày …… tháng …… năm ……"``."""
    if not isinstance(place, str):
        raise TypeError(f"place must be a str, got {type(place).__name__}")
    place = unicodedata.normalize("NFC", place).strip()
    if not place:
        raise ValueError("place must not be empty")
    when = f"ngày {BLANK} tháng {BLANK} năm {BLANK}" if d is None else format_date(d)
    return f"{place}, {when}"


def format_day(d: dt.date) -> str:
    """``date(2025, 7, 1)`` -> ``"01/7/2025"``, ``date(2021, 1, 20)`` -> ``"20/01/2021"``: a date in
    running text and in the messages, as Nghị định 30 writes a document's date (a zero before a
    day under 10 and before months 1 and 2, none before the other months)."""
    d = _check_date(d)
    return f"{format_day_month(d)}/{d.year}"


def format_day_month(d: dt.date) -> str:
    """``date(2025, 6, 30)`` -> ``"30/6"``, ``date(2025, 7, 1)`` -> ``"01/7"``, ``date(2023, 1, 5)``
    -> ``"05/01"``: a day of any year (a yearly deadline, the end of a reporting period), written
    as `format_day` writes it."""
    d = _check_date(d)
    return f"{d.day:02d}/{d.month:02d}" if d.month < 3 else f"{d.day:02d}/{d.month}"


def format_money_million(value: int | Decimal) -> str:
    """An amount in million đồng: up to 3 decimals, trailing zeros dropped.

    ``Decimal("1500.000")`` -> ``"1.500"``, ``Decimal("1500.25")`` -> ``"1.500,25"``,
    ``Decimal("0.0004")`` -> ``"0"`` (rounded half-up to 1.000 đồng).
    """
    number = round_to(_exact(value), MONEY_MILLION_MAX_DECIMALS)
    for places in range(MONEY_MILLION_MAX_DECIMALS):
        shorter = round_to(number, places)
        if shorter == number:
            number = shorter
            break
    return _render(number)
