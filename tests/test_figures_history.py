"""Figures over one history: `Span`, the status vocabulary, and a close-out that pairs its years
by what they are (indicator and scope, appendix row), never by position."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from typing import get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plan744.core.figures.history import History
from plan744.core.figures.period import _indicators, _rows, period_figures
from plan744.core.figures.year import year_figures
from plan744.core.labels import TASK_STATUS
from plan744.core.span import Span
from plan744.core.status import DONE, LAGGING, STATUSES, ReportStatus
from plan744.core.submission import AppendixReport, Status
from plan744.readers.files import discover
from plan744.services.plans import load_plan
from plan744.services.validate import validate_files

from conftest import REPO

years = st.integers(min_value=1990, max_value=2110)


@given(years, years, years)
def test_span_covers_exactly_the_years_it_lists(first: int, last: int, year: int) -> None:
    span = Span(first, last)
    listed = list(span)
    assert span.covers(year) == (year in listed) == (year in span) == (first <= year <= last)
    assert listed == sorted(listed) == list(range(first, last + 1))
    assert len(span) == len(listed) == max(0, last - first + 1)


def test_span_of_a_period_and_a_timeframe() -> None:
    plan = load_plan(REPO / "data" / "plan.yaml").plan
    assert plan is not None
    assert list(Span.of(plan.period)) == list(plan.period.years)
    row = plan.appendix[0]
    assert Span.of(row.timeframe) == Span(row.timeframe.start, row.timeframe.end)
    assert "2021" not in Span(2021, 2025)  # a year is a number


def test_the_status_enum_is_every_status_a_submission_accepts() -> None:
    assert tuple(get_args(Status)) == STATUSES == tuple(ReportStatus)
    assert tuple(TASK_STATUS) == STATUSES  # every status has its words
    for s in ReportStatus:
        assert AppendixReport.model_validate({"tt": 1, "status": s.value, "progress": "x"}).status == s
    assert DONE == ("hoan_thanh", "hoan_thanh_qua_han")
    assert LAGGING == ("chua_trien_khai", "cham_tien_do", "tam_dung")
    assert [s.value for s in ReportStatus if s.behind] == ["cham_tien_do", "tam_dung"]
    assert {s.value: s.outcome for s in ReportStatus} == {
        "chua_trien_khai": "not_done", "dang_trien_khai": "in_progress", "cham_tien_do": "in_progress",
        "hoan_thanh": "done", "hoan_thanh_qua_han": "done", "tam_dung": "not_done"}


@pytest.fixture(scope="module")
def bundled():
    plan = load_plan(REPO / "data" / "plan.yaml").plan
    files = discover([str(REPO / "data" / "reports")]).files
    parsed, _ = validate_files(plan, files, today=dt.date(2026, 6, 1), with_context=False, keep=True)
    return plan, [sf.submission for sf in parsed]


def test_a_history_is_indexed_once(bundled) -> None:
    plan, subs = bundled
    history = History(plan, subs)
    assert History.of(plan, history) is history
    assert sum(len(history.sent(y)) for y in Span.of(plan.period)) == len(subs)
    assert history.year(2023) is history.year(2023)
    assert year_figures(plan, 2023, history) == year_figures(plan, 2023, subs)


def test_the_close_out_pairs_years_by_indicator_and_row_not_by_position(bundled) -> None:
    plan, subs = bundled
    p = period_figures(plan, 2021, 2025, subs)
    # each year's lists shuffled: the close-out made from them is the same
    rng = random.Random(744)
    shuffled = []
    for y in p.years:
        ind, rows = list(y.indicators), list(y.appendix)
        rng.shuffle(ind)
        rng.shuffle(rows)
        shuffled.append(dataclasses.replace(y, indicators=ind, appendix=rows))
    assert [i.indicator.id for i in shuffled[0].indicators] != [i.indicator.id for i in shuffled[1].indicators]
    key = {(i.indicator.id, i.scope): i for i in p.indicators}
    assert {(i.indicator.id, i.scope): i for i in _indicators(shuffled)} == key
    assert {r.task.tt: r for r in _rows(shuffled)} == {r.task.tt: r for r in p.rows}


def test_a_plan_with_its_indicators_and_rows_reordered_gives_the_same_close_out(bundled) -> None:
    plan, subs = bundled
    reordered = plan.model_copy(update={"indicators": plan.indicators[::-1], "appendix": plan.appendix[::-1]})
    p, q = period_figures(plan, 2021, 2025, subs), period_figures(reordered, 2021, 2025, subs)
    assert [i.indicator.id for i in q.indicators] != [i.indicator.id for i in p.indicators]
    assert {(i.indicator.id, i.scope): i.by_year for i in q.indicators} == \
        {(i.indicator.id, i.scope): i.by_year for i in p.indicators}
    assert {r.task.tt: (r.by_year, r.statuses, r.cumulative) for r in q.rows} == \
        {r.task.tt: (r.by_year, r.statuses, r.cumulative) for r in p.rows}
    assert [(a.code, a.tasks) for a in q.areas] == [(a.code, a.tasks) for a in p.areas]
    assert q.funding == p.funding and q.cumulative == p.cumulative
    assert {(i.indicator.id, i.scope) for i in q.met} == {(i.indicator.id, i.scope) for i in p.met}
