"""Turn a Pydantic ValidationError into located, Vietnamese findings.

Pydantic's `loc` mixes data keys with internal segments (union branch names such as
"int" or "function-before[...]"); we keep only the segments that exist in the data,
look the position up in the YAML source map, and pick the message from the error
`type` and the offending input, never from Pydantic's English text.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.dataclasses import is_pydantic_dataclass
from pydantic.fields import FieldInfo

from plan744.core.findings import Finding, SourceMap
from plan744.core.messages import CATALOGUE, describe, make
from plan744.core.numbers import read_number_text
from plan744.core.suggest import closest

_EXPECTED = {
    "int_type": "một số nguyên",
    "int_from_float": "một số nguyên",
    "decimal_type": "một số",
    "decimal_parsing": "một số",
    "float_type": "một số",
    "bool_type": "true (có) hoặc false (không)",
    "string_type": "một đoạn văn bản",
    "date_type": "một ngày viết dạng năm-tháng-ngày, ví dụ 2022-12-10",
    "date_parsing": "một ngày viết dạng năm-tháng-ngày, ví dụ 2022-12-10",
    "date_from_datetime_inexact": "một ngày viết dạng năm-tháng-ngày, ví dụ 2022-12-10",
    "dict_type": "một bảng các trường (mapping: mỗi dòng “tên: giá trị”)",
    "model_type": "một bảng các trường (mapping: mỗi dòng “tên: giá trị”)",
    "model_attributes_type": "một bảng các trường (mapping: mỗi dòng “tên: giá trị”)",
    "list_type": "một danh sách (mỗi mục bắt đầu bằng “- ”)",
    "literal_error": "một trong các giá trị cho phép",
    "is_instance_of": "một giá trị hợp lệ",
}
_NUMERIC_TYPES = {"int_type", "int_from_float", "decimal_type", "decimal_parsing", "float_type"}
_INT_TYPES = {"int_type", "int_from_float"}
_DATE_TYPES = {"date_type", "date_parsing", "date_from_datetime_inexact"}
_VN_DATE = re.compile(r"([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]([0-9]{4})")


def _data_path(data: Any, loc: tuple, error_type: str) -> tuple:
    """The part of `loc` that names places in the data (drop union-branch tags)."""
    out: list = []
    node = data
    for i, seg in enumerate(loc):
        if isinstance(node, dict) and isinstance(seg, str) and seg in node:
            out.append(seg)
            node = node[seg]
        elif isinstance(node, list) and isinstance(seg, int) and 0 <= seg < len(node):
            out.append(seg)
            node = node[seg]
        elif error_type == "missing" and i == len(loc) - 1 and isinstance(node, dict):
            out.append(seg)
    return tuple(out)


def _field_names(model: type[BaseModel]) -> set[str]:
    names: set[str] = set()
    seen: set[type] = set()

    def walk(m: type) -> None:
        if m in seen:
            return
        seen.add(m)
        for name, info in fields_of(m).items():
            names.add(name)
            for t in _types_in(info.annotation):
                walk(t)

    walk(model)
    return names


def is_model(tp: object) -> bool:
    """A model, or a pydantic dataclass (`organisation.Unit`)."""
    return isinstance(tp, type) and (issubclass(tp, BaseModel) or is_pydantic_dataclass(tp))


def fields_of(m: type) -> dict[str, FieldInfo]:
    """The fields of a model or of a pydantic dataclass."""
    if issubclass(m, BaseModel):
        return dict(m.model_fields)
    return dict(getattr(m, "__pydantic_fields__", {}))


def _types_in(annotation: Any) -> Iterable[type]:
    if is_model(annotation):
        yield annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        yield from _types_in(arg)


def _literal_choices(ctx: dict) -> list[str]:
    return re.findall(r"'([^']*)'", str(ctx.get("expected", "")))


def _literal_values(ctx: dict) -> str:
    return str(ctx.get("expected", "")).replace("'", "").replace(" or ", " hoặc ")


# A dataclass (`organisation.Unit`) names its errors as a function's arguments: the same
# mistakes as a model's, said the same way.
_AS_MODEL = {"unexpected_keyword_argument": "extra_forbidden", "missing_argument": "missing",
             "missing_keyword_only_argument": "missing", "dataclass_type": "model_type",
             "dataclass_args_type": "model_type"}


def _error_type(err: Mapping[str, Any]) -> str:
    # Strict Decimal fields fail with "is_instance_of"; treat it as the number error it is.
    if err["type"] == "is_instance_of" and (err.get("ctx") or {}).get("class") == "Decimal":
        return "decimal_type"
    return _AS_MODEL.get(err["type"], err["type"])


def number_finding(reading: Any, where: dict, value: Any, found: str) -> Finding:
    """The finding for text that should have been a number (`core.numbers.Reading`)."""
    if reading.code == "number-ambiguous":
        (a, b), (ma, mb) = reading.write, reading.meaning
        return make("number-ambiguous", **where, value=value, found=found, first=ma, write_first=a,
                    second=mb, write_second=b, fixes=reading.write)
    suggest = reading.write[0] if reading.write else ""
    return make(reading.code, **where, value=value, found=found, suggest=suggest, fixes=reading.write)


def _finding_for(err: dict, path: tuple, source: SourceMap, field_names: set[str],
                 integer: bool | None = None) -> Finding:
    etype = _error_type(err)
    value = err.get("input")
    ctx = err.get("ctx") or {}
    prefer_key = etype in ("extra_forbidden", "missing")
    locate_path = path[:-1] if etype == "missing" else path
    where: dict[str, Any] = {"file": source.file, "place": source.place(locate_path, prefer_key=prefer_key), "path": path}
    found = describe(value)

    if etype == "missing":
        return make("missing", **where, field=path[-1] if path else "?")
    if etype == "extra_forbidden":
        key = str(path[-1]) if path else "?"
        close = difflib.get_close_matches(key, sorted(field_names), n=1, cutoff=0.75)
        advice = f" (có phải ý là “{close[0]}”?)" if close else "; hãy xóa hoặc sửa tên trường"
        return make("extra_forbidden", **where, field=key, hint=advice)
    if etype == "value_error":
        code = str(ctx.get("error", ""))
        if code in CATALOGUE:
            return make(code, **where)
        return make("value-invalid", **where, detail=code)

    expected = _EXPECTED.get(etype)
    if etype == "literal_error":
        expected = "một trong các giá trị " + _literal_values(ctx)
    if value is None and expected:
        return make("blank", **where, expected=expected)

    if etype in _NUMERIC_TYPES and isinstance(value, str):
        reading = read_number_text(value, integer=integer)
        if reading is not None:
            return number_finding(reading, where, value, found)
    if etype in ("int_type", "int_from_float") and isinstance(value, Decimal):
        return make("number-not-integer", **where, value=value, found=found)
    if etype in _DATE_TYPES and isinstance(value, str):
        m = _VN_DATE.fullmatch(value.strip())
        if m:
            d, mo, y = (int(g) for g in m.groups())
            try:
                suggest = dt.date(y, mo, d).isoformat()
                return make("date-vn-format", **where, value=value, found=found, suggest=suggest, fixes=(suggest,))
            except ValueError:
                return make("date-invalid", **where, value=value, found=found)
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value.strip()):
            try:
                dt.date.fromisoformat(value.strip())
            except ValueError:
                return make("date-invalid", **where, value=value, found=found)
            return make("date-quoted", **where, value=value, found=found, suggest=value.strip(), fixes=(value.strip(),))
    if etype == "literal_error":
        allowed = _literal_choices(ctx)
        guess = closest(value, allowed) if isinstance(value, str) else None
        return make("literal_error", **where, value=value, expected=_literal_values(ctx), found=found,
                    hint=f" Có phải ý là “{guess}”?" if guess else "", fixes=(guess,) if guess else ())
    if etype in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        op = "≥" if etype == "greater_than_equal" else ">"
        exp = "một số không âm" if bound in (0, Decimal(0)) and op == "≥" else f"một số {op} {bound}"
        return make("too_small", **where, value=value, expected=exp, found=found)
    if etype in ("less_than_equal", "less_than"):
        bound = ctx.get("le", ctx.get("lt"))
        op = "≤" if etype == "less_than_equal" else "<"
        return make("too_large", **where, value=value, expected=f"một số {op} {bound}", found=found)
    if etype == "too_short":
        return make("too_short", **where, min=ctx.get("min_length", 1), found=found)
    if etype == "string_too_short":
        return make("string_too_short", **where)
    if etype == "string_too_long":
        shown = format(ctx.get("max_length", 0), ",").replace(",", ".")
        return make("string_too_long", **where, max=shown,
                    length=format(len(value) if isinstance(value, str) else 0, ",").replace(",", "."))
    if etype == "string_pattern_mismatch":
        return make("string_pattern_mismatch", **where, value=value, found=found)
    if etype == "finite_number":
        return make("number-not-finite", **where, value=value, found=found)
    return make("type", **where, value=value if isinstance(value, (str, int)) else None,
                expected=expected or "một giá trị hợp lệ", found=found)


def validate_model(
    model: type[BaseModel], data: Any, source: SourceMap, context: dict | None = None,
    integer_at: Callable[[tuple], bool | None] | None = None,
) -> tuple[BaseModel | None, list[Finding]]:
    """Validate `data` against `model`; on failure, one finding per wrong place.

    `integer_at(path)` says whether a number at `path` must be whole (a count: True), may have
    decimals (money: False) or is unknown (None), so advice on "1.500" fits the field."""
    try:
        return model.model_validate(data, context=context), []
    except ValidationError as exc:
        names = _field_names(model)
        by_path: dict[tuple, list[dict]] = {}
        for err in exc.errors(include_url=False):
            by_path.setdefault(_data_path(data, tuple(err["loc"]), _error_type(err)), []).append(dict(err))
        findings = []
        for path, errs in by_path.items():
            # A union (int | Decimal) fails once per branch: one finding per place, and
            # "a number" (the Decimal branch) says more than "an integer".
            errs.sort(key=lambda e: _error_type(e) == "int_type")
            kinds = {_error_type(e) for e in errs} & _NUMERIC_TYPES
            integer: bool | None = None
            if kinds and kinds <= _INT_TYPES:
                integer = True  # a whole-number field
            elif kinds and not kinds & _INT_TYPES:
                integer = False  # a decimal field (money)
            elif kinds and integer_at is not None:
                integer = integer_at(path)  # int | Decimal: the plan knows which
            findings.append(_finding_for(errs[0], path, source, names, integer))
        return None, findings
