"""The report's blocks: equal plain cells are shared (they are frozen), never mixed up, and the
long texts of a report are not kept once it is composed."""

from __future__ import annotations

import dataclasses

import pytest

from plan744.report import document
from plan744.report.document import SHARED_TEXT, Cell, Run, cell, runs


def test_equal_cells_are_one_object_and_different_ones_are_not_mixed_up() -> None:
    assert cell("91,3%") is cell("91,3%")
    variants = [cell("91,3%"), cell("91,3%", bold=True), cell("91,3%", align="center"), cell("91,3%", span=2), cell("91,4%")]
    same, other = ((Run("91,3%"),),), ((Run("91,4%"),),)
    assert [(c.lines, c.bold, c.align, c.span) for c in variants] == [
        (same, False, None, 1), (same, True, None, 1), (same, False, "center", 1), (same, False, None, 2), (other, False, None, 1)]
    assert cell("") == Cell((), None, 1, False) and runs("") == ()
    assert cell("a", "", "b").lines == ((Run("a"),), (Run("b"),))  # a second line in the cell's smaller size


def test_shared_blocks_cannot_be_changed() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        cell("—").bold = True  # type: ignore[misc]


def test_long_texts_are_built_each_time_and_not_kept() -> None:
    """A unit's account of its work (up to 10.000 characters) is not kept by the shared cells."""
    before = (document._one_line.cache_info().currsize, document._shared_plain.cache_info().currsize)
    text = "Đơn vị đã triển khai " * (SHARED_TEXT // 10)
    assert len(text) > SHARED_TEXT
    first, second = cell(text), cell(text)
    assert first == second and first is not second and first.lines == ((Run(text),),)
    assert runs(text) == (Run(text),)
    assert (document._one_line.cache_info().currsize, document._shared_plain.cache_info().currsize) == before
