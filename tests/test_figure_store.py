"""The figures of every record of a run share one buffer (core.submission_records.FigureStore):
whatever goes in comes out equal and of the same type, and counts take a few bytes each."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from plan744.core import submission_records
from plan744.core.submission_records import FigureStore, record_of
from plan744.readers.files import discover
from plan744.services.plans import load_plan
from plan744.services.validate import parse_submission

REPO = Path(__file__).resolve().parent.parent

KEYS = st.tuples(st.sampled_from(["van_ban", "dvctt", "kinh_phi"]), st.sampled_from(["tinh", "huyen", "xa"]),
                 st.sampled_from(["numerator", "denominator", "value"]))
VALUES = st.one_of(st.integers(0, 300), st.integers(0, 2**16 + 5), st.integers(0, 2**40), st.integers(-5, -1),
                   st.decimals(allow_nan=False, allow_infinity=False, places=3), st.booleans())
RECORDS = st.lists(st.dictionaries(KEYS, VALUES, max_size=9).map(lambda d: list(d.items())), max_size=12)


def _round_trip(store: FigureStore, records: list[list]) -> None:
    spans = [store.add(items) for items in records]
    for items, span in zip(records, spans, strict=True):
        got = store.read(span >> 32, span & 0xFFFFFFFF)
        assert got == dict(items)
        assert [type(v) for v in got.values()] == [type(v) for _, v in items]  # 1 stays 1, True stays True


@settings(max_examples=300, deadline=None)
@given(RECORDS)
def test_what_goes_in_comes_out_equal_and_of_its_type(records) -> None:
    _round_trip(FigureStore(), records)


@settings(max_examples=50, deadline=None)
@given(RECORDS)
def test_past_the_table_of_layouts_a_record_keeps_its_own_pairs(records) -> None:
    previous = submission_records._MAX_LAYOUTS
    submission_records._MAX_LAYOUTS = 2
    try:
        store = FigureStore()
        _round_trip(store, records)
        assert len(store.layouts) <= 2
    finally:
        submission_records._MAX_LAYOUTS = previous


def test_reports_take_a_few_bytes_per_figure() -> None:
    """The bundled 2024 reports, as validate keeps them: at most 7 bytes per figure on average,
    against 10 for every (number, value) pair marshalled; two for a count below 65.536 in a
    report of counts only."""
    plan = load_plan(REPO / "data" / "plan.yaml").plan
    assert plan is not None
    store, figures = FigureStore(), 0
    for path in discover([str(REPO / "data" / "reports" / "2024")]).files:
        sf, _ = parse_submission(path, plan)
        assert sf is not None, path
        rec = record_of(sf, store)
        figures += len(rec.figures)
        assert rec.figures == {(i, lv, side): getattr(c, side) for i, levels in sf.submission.indicators.items()
                               for lv, c in levels.items() for side in ("numerator", "denominator", "value")
                               if getattr(c, side) is not None}
    assert figures > 1000 and len(store.buffer) <= 7 * figures, (len(store.buffer), figures)
    counts = [(("van_ban", "tinh", side), n) for side, n in (("numerator", 24643), ("denominator", 25721))]
    before = len(store.buffer)
    store.add(counts)
    assert len(store.buffer) - before == 5 + 2 * 2  # the head (packing, layout) and two bytes a count
    assert len(store.layouts) < 20  # one per kind of unit and what it reports, not one per file
