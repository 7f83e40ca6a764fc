"""What an unquoted YAML scalar is, for plan744: a small, predictable set of types (null,
true/false, int, Decimal (never float), ISO date, and str for everything else), so `yes`,
`1.500` (Vietnamese for fifteen hundred), `92,5` or `.nan` stay strings and the model, which
knows what type it expected, reports them. Both ways of reading a file (`yaml_source`,
`yaml_nodes`) ask this."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from plan744.core.numbers import VN_GROUPED, too_long

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\.[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})


def resolve_plain(text: str) -> Any:
    """Type of an unquoted scalar. Anything doubtful stays a string."""
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    c = text[0]
    if c.isdigit() or c in "+-":
        if too_long(text):
            return text  # the model says "too many digits"; int() never sees it
        if _INT.fullmatch(text):
            return int(text)
        if _DECIMAL.fullmatch(text) and not VN_GROUPED.fullmatch(text):
            try:
                return Decimal(text)
            except InvalidOperation:  # pragma: no cover - the regex admits only valid decimals
                return text
        if _DATE.fullmatch(text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                return text  # "2022-02-30": the model reports it as a bad date
    return text
