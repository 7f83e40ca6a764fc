"""What a unit owes for a year (`core.obligation`), on the bundled plan of Nghệ An (data/plan.yaml):
the 2025 mergers of departments (01/3/2025) and the end of the district level (01/7/2025)."""

from __future__ import annotations

import datetime as dt

import pytest

from plan744.core import obligation as ob
from plan744.core.obligation import Obligation, obligation, obligations
from plan744.core.plan import Plan
from plan744.services.plans import load_plan

from conftest import REAL_PLAN

D = dt.date


@pytest.fixture(scope="module")
def plan() -> Plan:
    loaded = load_plan(REAL_PLAN).plan
    assert loaded is not None
    return loaded


def _span(o: Obligation) -> tuple[dt.date, dt.date, dt.date, bool]:
    return o.start, o.end, o.deadline, o.whole


def _tts(rows: tuple) -> list[str]:
    return [str(t.tt) for t in rows]


def test_a_department_in_2022_owes_the_whole_year(plan: Plan) -> None:
    o = obligation(plan, "STTTT", 2022)
    assert (o.owes, o.reason, o.in_period, o.instead, o.includes) == (True, None, True, (), ())
    assert _span(o) == (D(2021, 12, 15), D(2022, 12, 14), D(2022, 12, 20), True)
    assert o.levels == ("tinh",)
    assert [i.id for i, _ in o.indicators] == [i.id for i, _ in plan.indicators_for("STTTT", 2022)]
    assert all(levels == ("tinh",) for _, levels in o.indicators)
    # the rows it leads in their timeframe (required), the rows of "các Sở, ban, ngành" (shared)
    assert _tts(o.own_rows) == ["1", "2", "4", "8", "11", "12", "17", "18", "19", "20", "21", "22", "23", "24"]
    assert _tts(o.shared_rows) == ["15", "28"]
    assert {"1", "15", "28"} <= o.reportable_rows and "13" not in o.reportable_rows
    assert (len(o.tasks), len(o.required_tasks), len(o.optional_tasks)) == (63, 6, 57)


def test_a_department_merged_in_2025_owes_nothing(plan: Plan) -> None:
    o = obligation(plan, "STTTT", 2025)  # merged into SKHCN on 01/3/2025
    assert (o.owes, o.reason, o.instead, o.coverage) == (False, ob.MERGED, ("SKHCN",), None)
    successor = obligation(plan, "SKHCN", 2025)
    assert (successor.owes, successor.includes) == (True, ("STTTT",))
    assert _span(successor) == (D(2024, 12, 15), D(2025, 12, 14), D(2025, 12, 20), True)
    # STTTT's rows passed to SKHCN with the merger
    assert "1" in _tts(successor.own_rows) and _tts(o.own_rows) == []


def test_a_district_in_2025_covers_its_part_of_the_year(plan: Plan) -> None:
    o = obligation(plan, "THAIHOA", 2025)  # the district level ended on 01/7/2025
    assert (o.owes, o.includes) == (True, ())
    assert _span(o) == (D(2024, 12, 15), D(2025, 6, 30), D(2025, 6, 30), False)
    assert o.levels == ("huyen", "xa")
    assert {i.id: lv for i, lv in o.indicators}["van_ban_dien_tu"] == ("huyen", "xa")


def test_a_commune_in_2025_reports_from_its_first_day(plan: Plan) -> None:
    o = obligation(plan, "XA_ANHSON", 2025)
    assert o.owes
    assert _span(o) == (D(2025, 7, 1), D(2025, 12, 14), D(2025, 12, 20), False)
    assert o.levels == ("xa",)


def test_a_commune_in_2024_did_not_exist_yet(plan: Plan) -> None:
    o = obligation(plan, "XA_ANHSON", 2024)
    assert (o.owes, o.reason, o.instead, o.coverage) == (False, ob.NOT_YET, ("ANHSON",), None)
    assert _span(o) == (D(2023, 12, 15), D(2024, 12, 14), D(2024, 12, 20), True)  # the year's, for a file made anyway


def test_a_merger_inside_a_year_and_a_unit_ended_before_it(plan: Plan) -> None:
    assert obligation(plan, "VINH", 2024).includes == ("CUALO",)  # Cửa Lò merged into Vinh on 01/12/2024
    assert (obligation(plan, "CUALO", 2024).reason, obligation(plan, "CUALO", 2025).reason) == (ob.MERGED, ob.ENDED)


def test_an_unknown_unit_and_a_year_outside_the_period(plan: Plan) -> None:
    unknown = obligation(plan, "KHONG_CO", 2025)
    assert (unknown.reason, unknown.indicators, unknown.tasks, unknown.reportable_rows) == (ob.UNKNOWN_UNIT, (), (), frozenset())
    outside = obligation(plan, "SKHCN", 2030)
    assert (outside.owes, outside.reason, outside.in_period) == (False, ob.OUTSIDE_PERIOD, False)
    assert outside.indicators  # the terms a file for that year is still checked against


def test_obligations_of_a_year_agree_with_the_organisation(plan: Plan) -> None:
    for year in plan.period.years:
        everyone = obligations(plan, year)
        assert list(everyone) == [u.code for u in plan.units]
        owing = [code for code, o in everyone.items() if o.owes]
        assert owing == [c.unit for c in plan.organisation.obligations(plan.window(year), plan.deadline(year))]
    assert obligation(plan, "SKHCN", 2025) is obligation(plan, "SKHCN", 2025)  # computed once per plan
