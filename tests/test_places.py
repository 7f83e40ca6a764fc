"""Where a finding sits (`Place`): a line and column of a text file, or a sheet and cell of a
workbook, never both; and the form's hidden keys, written and read by one grammar."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plan744.cli.reporters import print_text, to_github, to_json
from plan744.core.findings import NOWHERE, Place, SourceMap
from plan744.core.messages import capped, make
from plan744.forms.xlsx_layout import (
    GENERAL,
    NARRATIVE,
    SHEETS,
    AppendixKey,
    GeneralKey,
    IndicatorKey,
    NarrativeKey,
    TaskKey,
    decode,
    encode,
    sheet_key,
    sheet_kind,
)

IN_SHEET = Place.at_cell("Chỉ tiêu", "F12")


def _workbook_finding():
    return make("blank", file="2022/S1.xlsx", place=IN_SHEET, path=("indicators", "a", "tinh", "numerator"),
                expected="tử số")


def _text_finding():
    return make("blank", file="2022/S1.yaml", line=15, column=18, path=("indicators",), expected="tử số")


def test_a_place_is_a_line_or_a_cell_never_both() -> None:
    assert (str(IN_SHEET), str(Place(15, 18)), str(NOWHERE)) == ("Chỉ tiêu!F12", "15:18", "")
    assert IN_SHEET.as_dict() == {"sheet": "Chỉ tiêu", "cell": "F12"}
    assert Place(15, 18).as_dict() == {"line": 15, "column": 18}
    with pytest.raises(ValueError):
        Place(line=3, sheet="Chỉ tiêu", cell="F3")


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=31), st.from_regex(r"[A-Z]{1,3}[1-9][0-9]{0,6}", fullmatch=True))
def test_a_cell_reference_reads_back_to_its_place(sheet: str, cell: str) -> None:
    place = Place.at_cell(sheet, cell)
    assert Place.of_reference(str(place)) == place  # a sheet's name may hold "!"


def test_a_workbook_finding_has_a_cell_and_no_line() -> None:
    f = _workbook_finding()
    assert (f.line, f.column, f.cell, f.where) == (0, 0, "Chỉ tiêu!F12", "2022/S1.xlsx: Chỉ tiêu!F12")
    shown = json.loads(to_json([f], 1))["findings"][0]
    assert (shown["sheet"], shown["cell"]) == ("Chỉ tiêu", "F12") and "line" not in shown and "column" not in shown
    text = json.loads(to_json([_text_finding()], 1))["findings"][0]
    assert list(text)[:5] == ["code", "severity", "file", "line", "column"] and "cell" not in text


def test_github_annotates_a_workbook_finding_on_the_file_with_its_cell() -> None:
    workbook, text = to_github([_workbook_finding(), _text_finding()], 2).splitlines()[:2]
    assert workbook.startswith("::error file=2022/S1.xlsx,title=blank::Chỉ tiêu!F12: ") and "line=" not in workbook
    assert text.startswith("::error file=2022/S1.yaml,line=15,col=18,title=blank::")


def test_text_output_names_the_cell() -> None:
    out = io.StringIO()
    print_text([_workbook_finding()], 1, stream=out)
    assert "2022/S1.xlsx\n  Chỉ tiêu!F12  lỗi" in out.getvalue()


def test_a_workbook_source_map_places_by_cell() -> None:
    source = SourceMap("S1.xlsx", values={("unit",): (4, 3)}, cells={("unit",): Place.at_cell("Thông tin chung", "C4")},
                       workbook=True)
    assert source.place(("unit", "x")) == Place.at_cell("Thông tin chung", "C4")
    assert source.place(("year",)) == NOWHERE  # no fake line 1 for a value the workbook does not hold
    text = SourceMap("S1.yaml", values={("unit",): (2, 7)})
    assert (text.place(("unit",)), text.cell(("unit",))) == (Place(2, 7), "")


def test_the_count_of_more_findings_keeps_the_cell() -> None:
    many = [make("blank", file="S1.xlsx", place=Place.at_cell("Phụ lục", f"F{row}"), path=("appendix", row), expected="x")
            for row in range(3, 8)]
    more = [f for f in capped(many, limit=2) if f.code == "more-of-kind"]
    assert [f.place for f in more] == [Place.at_cell("Phụ lục", "F4")]  # after the last one shown


# --- the form's hidden keys -------------------------------------------------------------------

CODE = st.from_regex(r"[\w.\-]{1,20}", fullmatch=True)  # the plan's codes (`core.strict.Code`)
TT = st.one_of(st.integers(min_value=1, max_value=10**6), CODE.filter(lambda t: not (t.isascii() and t.isdigit())))
KEYS = st.one_of(
    st.builds(GeneralKey, st.sampled_from([key for key, _ in GENERAL])),
    st.builds(IndicatorKey, CODE, CODE, st.booleans()),
    st.builds(AppendixKey, TT, st.booleans(), st.booleans()),
    st.builds(TaskKey, CODE, st.booleans()),
    st.builds(NarrativeKey, st.sampled_from(list(NARRATIVE)) | CODE),
)


@settings(max_examples=500, deadline=None)
@given(KEYS)
def test_a_row_key_reads_back_to_itself(key) -> None:
    assert decode(encode(key)) == key


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=40), st.text(alphabet="ind:app?task-narmoey0123_.", max_size=30)))
def test_any_text_in_a_key_cell_decodes_or_is_refused(text: str) -> None:
    key = decode(text)  # never raises
    if key is not None:
        assert decode(encode(key)) == key


def test_the_keys_the_form_writes() -> None:
    assert encode(IndicatorKey("ho_so", "tinh", True)) == "ind:ho_so:tinh:pct"
    assert encode(AppendixKey(13, shared=True, funded=True)) == "app?:13:money"
    assert encode(TaskKey("NV1", required=False)) == "task?:NV1"
    assert decode("app:13") == AppendixKey(13)
    assert decode("app:²") == AppendixKey("²")  # a digit to str.isdigit(), not to int()
    assert [decode(k) for k in ("general:nope", "ind:a:b:pie", "app:1:cash", "task:", "narr:a:b", "-", "")] == [None] * 7
    assert all(sheet_kind(sheet_key(kind)) == kind for kind in SHEETS)
    assert sheet_kind("plan744:other") is None and sheet_kind(None) is None
