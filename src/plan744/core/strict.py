"""Shared building blocks for the strict Pydantic models (plan and submission)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field


class StrictModel(BaseModel):
    """No extra keys, no coercion: `"3"`, `3.0` and `yes` are not the integer 3."""

    # defer_build: a model's validator is built when first used, so a command pays only for the
    # models it uses.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, str_strip_whitespace=True, defer_build=True)


def _int_to_decimal(value: Any) -> Any:
    # The YAML loader yields int for "1500" and Decimal for "1500.5"; both are exact.
    # bool is an int subclass and must stay an error.
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return value


ExactDecimal = Annotated[Decimal, BeforeValidator(_int_to_decimal), Field(allow_inf_nan=False)]
"""An exact number written as an integer or a decimal with a dot (never a float)."""

NonNegDecimal = Annotated[Decimal, BeforeValidator(_int_to_decimal), Field(ge=0, allow_inf_nan=False)]
NonNegInt = Annotated[int, Field(ge=0)]
Text = Annotated[str, Field(min_length=1, max_length=20_000)]
"""Text of the plan (a quoted sentence may be long)."""
ShortText = Annotated[str, Field(min_length=1, max_length=300)]
"""A name, a position: one line."""
LongText = Annotated[str, Field(min_length=1, max_length=10_000)]
"""What a unit writes about its work: a few paragraphs at most (a report is signed, not a book)."""
OptionalText = Annotated[str, Field(max_length=300)]
Code = Annotated[str, Field(pattern=r"^[\w.\-]+$", min_length=1, max_length=64)]
"""An id: letters (any Vietnamese letter, as the plan writes "III.1.đ"), digits, "_", "-", "."."""
