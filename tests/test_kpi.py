"""The report's arithmetic on hand-computed cases (the fictional mini plan and its
valid test submissions; every expected figure below is worked out in the comments)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import MINI_PLAN
from plan744.core.kpi import PathStatus, Ratio, Status, path_value, pooled, target_status, year_report
from plan744.readers.loading import load_plan, parse_submission
from plan744.core.plan import Target

BASIC = Path(__file__).parent / "cases" / "valid" / "basic" / "reports"


@pytest.fixture(scope="module")
def report():
    plan = load_plan(MINI_PLAN).plan
    subs = [parse_submission(p, plan)[0].submission for p in sorted(BASIC.rglob("*.yaml"))]
    return year_report(plan, 2022, subs)


def by(report, ind_id, scope):
    return next(r for r in report.indicators if r.indicator.id == ind_id and r.scope_name == scope)


def test_pooled_ratio_is_sum_over_sum_not_mean_of_percentages() -> None:
    # 1/2 = 50% and 90/100 = 90%: the mean of percentages would be 70%, the pooled ratio is 91/102.
    r = pooled([Ratio(Decimal(1), Decimal(2)), Ratio(Decimal(90), Decimal(100))])
    assert (r.numerator, r.denominator) == (91, 102)
    assert round(r.percent, 4) == Decimal("89.2157")
    assert Ratio(Decimal(0), Decimal(0)).percent is None


def test_target_status_floor_band_and_qualitative() -> None:
    band = Target(scope="toan_tinh", kind="band", value=Decimal(90), stretch=Decimal(95), wording="90% - 95%")
    floor = Target(scope="toan_tinh", kind="floor", value=Decimal(50), wording="từ 50% trở lên")
    assert target_status(band, Decimal("89.99")) is Status.NOT_REACHED
    assert target_status(band, Decimal(90)) is Status.REACHED
    assert target_status(band, Decimal(95)) is Status.STRETCH
    assert target_status(floor, Decimal(50)) is Status.REACHED
    assert target_status(floor, None) is Status.NO_DATA
    qual = Target(scope="tinh", kind="qualitative", wording="từng bước")
    assert target_status(qual, Decimal(10)) is Status.QUALITATIVE


def test_path_from_baseline_to_target() -> None:
    # From 10% in 2020 to 60% in 2023: 2021 -> 26,67; 2022 -> 43,33; 2023 -> 60.
    assert path_value(Decimal(10), 2020, Decimal(60), 2023, 2023) == 60
    assert round(path_value(Decimal(10), 2020, Decimal(60), 2023, 2022), 2) == Decimal("43.33")


def test_indicator_per_level_with_baseline_path(report) -> None:
    tinh = by(report, "ho_so_truc_tuyen", "Cấp tỉnh")
    # S1 only: 620/1000 = 62% >= 60% floor; 2021: 400/900 = 44,44%; change +17,56 points.
    assert (tinh.ratio.numerator, tinh.ratio.denominator) == (620, 1000)
    assert tinh.status is Status.REACHED
    assert round(tinh.previous.percent, 2) == Decimal("44.44")
    assert round(tinh.change_points, 2) == Decimal("17.56")
    # Baseline 100/1000 = 10% in 2020, target 60% in 2023: path in 2022 is 43,33%; 62 is on track.
    assert round(tinh.path_expected, 2) == Decimal("43.33")
    assert tinh.path_status is PathStatus.ON_TRACK
    huyen = by(report, "ho_so_truc_tuyen", "Cấp huyện")
    # H1: 300/1000 = 30% < 40% floor; path 10 + (40 - 10) * 2/3 = 30: exactly on the path.
    assert huyen.status is Status.NOT_REACHED
    assert huyen.path_expected == 30
    assert huyen.path_status is PathStatus.ON_TRACK
    assert huyen.previous is None  # no district reported in 2021


def test_province_wide_indicator_pools_all_levels_and_ranks_units(report) -> None:
    vb = by(report, "van_ban", "Toàn tỉnh")
    # S1 1700/2000 (85%) + H1 800/1000 (80%) = 2500/3000 = 83,33%: inside the 80-90 band.
    assert (vb.ratio.numerator, vb.ratio.denominator) == (2500, 3000)
    assert vb.status is Status.REACHED
    assert [(u.unit.code, u.rank) for u in vb.units] == [("S1", 1), ("H1", 2)]
    assert (vb.reporting_units, vb.expected_units) == (2, 4)
    assert vb.path_status is PathStatus.NO_BASELINE


def test_completeness_uses_the_deadline_from_the_plan(report) -> None:
    c = report.completeness
    assert c.deadline == dt.date(2023, 1, 15)
    assert [u.code for u, _ in c.on_time] == ["S1"]  # 2023-01-10
    assert [(u.code, days) for u, _, days in c.late] == [("H1", 5)]  # 2023-01-20
    assert [u.code for u in c.missing] == ["S2", "H2"]


def test_appendix_budget_this_year_and_cumulative(report) -> None:
    t1, t2 = report.appendix
    # TT 1: 2021 disbursed 50, 2022 disbursed 35,5 of 40 allocated -> cumulative 85,5 = 85,5% of 100.
    assert (t1.allocated, t1.disbursed, t1.cumulative) == (40, Decimal("35.5"), Decimal("85.5"))
    assert t1.cumulative_share == Decimal("85.5")
    assert t2.cumulative_share == 20  # 10 of 50
    b = report.budget
    assert (b.planned, b.allocated, b.disbursed, b.cumulative) == (150, 50, Decimal("45.5"), Decimal("95.5"))
    assert b.disbursement_rate == Decimal("91")  # 45,5 / 50
    assert b.stated_total == 150


def test_tasks_and_narrative_are_attributed(report) -> None:
    (area,) = report.areas
    drill = next(t for t in area.tasks if t.task.id == "IV.1.1")
    assert [(a.unit.code, a.status) for a in drill.accounts] == [("H1", "dang_trien_khai"), ("S1", "hoan_thanh")]
    assert drill.counts == [("dang_trien_khai", 1), ("hoan_thanh", 1)]
    assert drill.lagging == ()
    assert [g.kind_name for g in report.proposals] == ["Sở", "Huyện"]
