"""Numbers as people type them: the one place that knows Vietnamese notation, and the bounds.

A unit officer writes "1.500" (fifteen hundred, Vietnamese grouping), "92,5" (a decimal comma),
"8,200" (English grouping, or 8,2 with a trailing zero?), "92,5%" (a percentage where a count
belongs), or a number longer than any real figure. `read_number_text` classifies such text and
says what to write instead; every suggestion is a value that passes the next run. The YAML
reader (through the model's errors) and the spreadsheet reader both use it.

Pure; no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Context, Decimal, InvalidOperation

MAX_INTEGER_DIGITS = 18
"""Digits before the decimal point in a number a unit types: far above any real count or amount
(the plan's ceilings are lower), far below what makes Python's int() or Decimal slow or fail."""

MAX_FRACTION_DIGITS = 6
"""Digits after the decimal point: a millionth of the plan's money unit (one đồng of a million)."""

EXACT = Context(prec=80)
"""Context for sums of figures: 80 significant digits hold any sum of values within the bounds
(18 + 6 digits each, up to 10^30 of them), so no sum is ever rounded."""

_SIGN = r"[-+]?"
VN_GROUPED = re.compile(_SIGN + r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+")
"""'1.500', '1.028.960': an integer grouped the Vietnamese way (as YAML reads it: a decimal)."""
EN_GROUPED = re.compile(_SIGN + r"[1-9][0-9]{0,2}(?:,[0-9]{3})+")
"""'8,200', '1,028,960': an integer grouped the English way, or a decimal comma with zeros."""
VN_DECIMAL = re.compile(_SIGN + r"(?:[1-9][0-9]{0,2}(?:\.[0-9]{3})+|[0-9]+),[0-9]+")
"""'92,5', '1.234,5': a decimal comma (not of the English-grouped shape above)."""
EN_DECIMAL = re.compile(_SIGN + r"[1-9][0-9]{0,2}(?:,[0-9]{3})+\.[0-9]+")
"""'1,234.5': English grouping with a decimal point."""
PLAIN_INT = re.compile(_SIGN + r"[0-9]+")
PLAIN_DECIMAL = re.compile(_SIGN + r"[0-9]+\.[0-9]+")
PERCENT = re.compile(_SIGN + r"[0-9][0-9.,]*\s*%")
NOT_FINITE = re.compile(_SIGN + r"\.?(?:nan|inf|infinity)", re.I)
SPACED = re.compile(_SIGN + r"[1-9][0-9]{0,2}(?:[ \u00a0\u202f][0-9]{3})+")
"""'1 500': grouped with spaces (or the no-break spaces a spreadsheet inserts)."""


@dataclass(frozen=True)
class Reading:
    """What a piece of text is, as a number.

    `code` names the finding (messages.CATALOGUE); `value` is the one sensible reading when
    there is exactly one; `write` is what to type instead (one entry, or one per reading when
    the text is ambiguous, each with `meaning`, the reading in Vietnamese notation)."""

    code: str
    value: int | Decimal | None = None
    write: tuple[str, ...] = ()
    meaning: tuple[str, ...] = ()


def digits(text: str) -> int:
    """Digits before the decimal point, however the number is written."""
    head = re.split(r"[.,](?=[0-9]{1,2}$|[0-9]{4,}$)", text.strip().lstrip("+-"), maxsplit=1)[0]
    return sum(ch.isdigit() for ch in head)


def too_long(text: str) -> bool:
    """More digits than any real figure; checked before int() or Decimal() ever sees the text."""
    if len(text) <= MAX_INTEGER_DIGITS:  # the common case, and the hot path of reading every file
        return False
    return sum(ch.isdigit() for ch in text) > MAX_INTEGER_DIGITS + MAX_FRACTION_DIGITS or digits(text) > MAX_INTEGER_DIGITS


def parse_plain(text: str) -> int | Decimal | None:
    """'1500' -> 1500, '12.5' -> Decimal('12.5'); anything else (or out of bounds) -> None."""
    if too_long(text):
        return None
    if PLAIN_INT.fullmatch(text):
        return int(text)
    if PLAIN_DECIMAL.fullmatch(text):
        try:
            return Decimal(text)
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
            return None
    return None


def _dec(text: str) -> Decimal:
    return Decimal(text)


def _vn(value: Decimal) -> str:
    """A reading in Vietnamese notation for the message (1.500; 1,5)."""
    sign = "-" if value < 0 else ""
    whole, _, frac = format(abs(value), "f").partition(".")
    frac = frac.rstrip("0")
    grouped = f"{int(whole):,}".replace(",", ".")
    return sign + grouped + ("," + frac if frac else "")


def read_number_text(text: str, *, integer: bool | None) -> Reading | None:
    """Classify `text` that should have been a number.

    `integer` is True for a count, False for an amount of money (decimals allowed), None when
    the field takes either. Returns None when the text is not number-like at all (the caller
    reports a plain type error)."""
    t = text.strip()
    if not t:
        return None
    if too_long(t) and re.fullmatch(r"[-+0-9., \u00a0\u202f]+", t):
        return Reading("number-too-long")
    if NOT_FINITE.fullmatch(t):
        return Reading("number-not-finite")
    if PERCENT.fullmatch(t):
        return Reading("number-percent-text")
    if t != text and parse_plain(t) is not None:  # " 1200 "
        value = parse_plain(t)
        return Reading("number-spaces", value, (t,))
    if PLAIN_INT.fullmatch(t):
        body = t.lstrip("+-")
        if body.startswith("0") and len(body) > 1:
            value = int(t)
            return Reading("number-leading-zero", value, (str(value),))
        return Reading("number-quoted", int(t), (t,))
    if PLAIN_DECIMAL.fullmatch(t):
        if VN_GROUPED.fullmatch(t):
            return _grouped_dot(t, integer)
        if integer:
            return Reading("number-not-integer")
        return Reading("number-quoted", _dec(t), (t,))
    if VN_GROUPED.fullmatch(t):  # only reached for shapes PLAIN_DECIMAL missed (several dots)
        return _grouped_dot(t, integer)
    if SPACED.fullmatch(t):
        whole = int(re.sub(r"[ \u00a0\u202f]", "", t))
        return Reading("number-vn-notation", whole, (str(whole),))
    if EN_GROUPED.fullmatch(t):
        whole = int(t.replace(",", ""))
        if integer:  # "8,200" cannot be 8,2 items
            return Reading("number-en-grouped", whole, (str(whole),))
        as_decimal = _dec(t.replace(",", ".", 1)) if t.count(",") == 1 else None
        if as_decimal is None:  # "1,028,960": only grouping reads it
            return Reading("number-en-grouped", whole, (str(whole),))
        return Reading("number-ambiguous", None, (str(whole), yaml_number(as_decimal)),
                       (_vn(Decimal(whole)), _vn(as_decimal)))
    if EN_DECIMAL.fullmatch(t):
        value = _dec(t.replace(",", ""))
        if integer:
            return Reading("number-not-integer")
        return Reading("number-en-grouped", value, (yaml_number(value),))
    if VN_DECIMAL.fullmatch(t):
        value = _dec(t.replace(".", "").replace(",", "."))
        if integer:
            return Reading("number-not-integer")
        return Reading("number-decimal-comma", value, (yaml_number(value),))
    return None


def yaml_number(value: Decimal) -> str:
    """How to write `value` in YAML so that plan744 reads back this exact number (the scaffold, a
    suggestion): '270.125' would read as thousands grouping, so it is written '270.1250'."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if VN_GROUPED.fullmatch(text):  # "270.125" would be read as grouping: keep a trailing zero
        text += "0"
    return text


def _grouped_dot(t: str, integer: bool | None) -> Reading:
    whole = int(t.replace(".", ""))
    if integer:  # "1.500" items: only fifteen hundred makes sense
        return Reading("number-vn-notation", whole, (str(whole),))
    if t.count(".") > 1:  # "1.028.960": a decimal has one point
        return Reading("number-vn-notation", whole, (str(whole),))
    as_decimal = _dec(t)
    return Reading("number-ambiguous", None, (str(whole), yaml_number(as_decimal)),
                   (_vn(Decimal(whole)), _vn(as_decimal)))
