"""A plan's own words: the `words:` section of a plan file rewords any entry of the catalogue
(`core.labels.WORDS`) by its code (rendercv's locale model).

`Wording` is what a plan holds: the codes it rewords. It is checked by the `Words` model, one
field per code with today's text as its default and the rules of its kind (the same `{slots}`,
a sheet name Excel accepts, a status label a drop-down list can hold); that model is made on
first use, so a plan that rewords nothing (most) never pays for its thousand fields."""

from __future__ import annotations

import functools
import string
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, GetCoreSchemaHandler, GetJsonSchemaHandler, create_model
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

from plan744.core.labels import WORDS


def _slots(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _same_slots(code: str) -> AfterValidator:
    allowed = _slots(WORDS[code])

    def check(text: str) -> str:
        try:
            used = _slots(text)
        except ValueError:
            raise ValueError(f"“{text}” có dấu ngoặc nhọn lẻ; viết {{{{ và }}}} cho dấu ngoặc thật") from None
        extra = sorted(used - allowed)
        if extra:
            have = ", ".join(f"{{{n}}}" for n in sorted(allowed)) or "không có chỗ trống nào"
            raise ValueError(f"từ “{code}” không có chỗ trống {', '.join(f'{{{n}}}' for n in extra)} (dùng được: {have})")
        return text

    return AfterValidator(check)


_NOT_IN_SHEET_NAMES = frozenset("[]:*?/\\")


def _sheet_name(text: str) -> str:
    """A sheet's title (`data.sheet.*`, `form.sheet.*`) as Excel allows one: at most 31
    characters, none of [ ] : * ? / \\ (openpyxl would refuse it while writing)."""
    bad = sorted(set(text) & _NOT_IN_SHEET_NAMES)
    if bad:
        raise ValueError(f"tên trang tính “{text}” có ký tự Excel không cho phép ({' '.join(bad)})")
    if len(text) > 31:
        raise ValueError(f"tên trang tính “{text}” dài {len(text)} ký tự, Excel cho tối đa 31")
    return text


def _status_label(text: str) -> str:
    """A status label (`status.*`) as the form's drop-down list can hold one: no comma, no quote."""
    bad = sorted(set(text) & {",", '"'})
    if bad:
        raise ValueError(f"tên tình trạng “{text}” có ký tự danh sách chọn của Excel không cho phép ({' '.join(bad)})")
    return text


def _rules(code: str) -> tuple[AfterValidator, ...]:
    if code.startswith(("data.sheet.", "form.sheet.")):
        return (_same_slots(code), AfterValidator(_sheet_name))
    if code.startswith("status."):
        return (_same_slots(code), AfterValidator(_status_label))
    return (_same_slots(code),)


class _WordsBase(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, str_strip_whitespace=True, defer_build=True)

    def word(self, code: str) -> str:
        return str(getattr(self, code))


if TYPE_CHECKING:
    class Words(_WordsBase):
        """The display words of the reports, each overridable by a plan (see `WORDS`)."""


@functools.cache
def words_model() -> type[_WordsBase]:
    """`Words`: one field per code of `WORDS`, today's text its default, checked by `_rules`.
    Made on first use: its ~1,000 fields cost about 0.1 s a process to declare and to build,
    paid only by a plan that rewords something (or by `Words` asked by name)."""
    fields: dict[str, Any] = {
        code: (Annotated[str, Field(min_length=1, max_length=2000, description=text), *_rules(code)], text)
        for code, text in WORDS.items()}
    return create_model("Words", __base__=_WordsBase,
                        __doc__="The display words of the reports, each overridable by a plan (see `WORDS`).", **fields)


def __getattr__(name: str) -> object:  # `Words` is made on first use (PEP 562)
    if name == "Words":
        return words_model()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Wording:
    """A plan's own words: the codes its `words:` section rewords, over the catalogue's.

    The field type of `Plan.words`. A plan that rewords nothing (most) never builds the `Words`
    model; one that does is checked by it, each finding located under `words`."""

    __slots__ = ("_overrides",)

    def __init__(self, overrides: Mapping[str, str] | None = None) -> None:
        self._overrides = MappingProxyType(dict(overrides or {}))

    @property
    def overrides(self) -> Mapping[str, str]:
        return self._overrides

    def word(self, code: str) -> str:
        return self._overrides.get(code) or WORDS[code]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Wording) and dict(self._overrides) == dict(other._overrides)

    def __hash__(self) -> int:
        return hash(frozenset(self._overrides.items()))

    def __repr__(self) -> str:
        return f"Wording({dict(self._overrides)!r})"

    @classmethod
    def of(cls, value: object) -> Wording:
        if isinstance(value, Wording):
            return value
        if isinstance(value, dict) and not value:
            return cls()
        checked = value if isinstance(value, _WordsBase) else words_model().model_validate(value)
        return cls({code: checked.word(code) for code in checked.model_fields_set})

    @classmethod
    def __get_pydantic_core_schema__(cls, source: object, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.of, serialization=core_schema.plain_serializer_function_ser_schema(lambda w: dict(w.overrides)))

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        model = words_model()
        model.model_rebuild()
        return handler(model.__pydantic_core_schema__)
