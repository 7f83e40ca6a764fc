"""A third plan, fictional and small (tests/fixtures/plans/third.yaml), computed figure by figure.

Every kind of target plan744 knows (a staged floor then a strict floor, a strict ceiling, a
ceiling, a yearly count, a stock count, a centrally measured percentage, an amount of money
summed over the years, a target per level for a level that ends) and every change of the
organisation (a merger, a rename, a split, the end of a level) meet five years of reports
written here by the tool's own scaffold. The expected figures are recomputed in this file from
the raw numbers below (sums of numerators over sums of denominators), never copied from the
tool's output.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from plan744.core.figures.codes import Attainment, Timeliness
from plan744.core.figures.period import period_figures
from plan744.core.figures.targets import attainment
from plan744.core.figures.year import year_figures
from plan744.core.plan import Plan
from plan744.forms.scaffold_yaml import scaffold
from plan744.services.plans import load_plan
from plan744.services.validate import validate_files

from conftest import REPO, run_cli

THIRD = REPO / "tests" / "fixtures" / "plans" / "third.yaml"
AFTER = {"PLAN744_TODAY": "2031-03-01"}  # the reports of 2026-2030 are checked as of 01/3/2031
YEARS = range(2026, 2031)

# ho_so_dien_tu (levels bo, tinh): (numerator, denominator) per unit and year. 2027 pools to
# exactly 60% (the 2027 milestone: reached) while the mean of the units' percentages is 58,67%;
# 2030 pools to exactly 80% (the target is "trên 80%": not reached).
HSDT = {
    2026: {"B1": (500, 1000), "B2": (400, 1000), "T1": (2000, 4000), "T2": (400, 1000), "T3": (300, 1000), "T4": (1000, 2000)},
    2027: {"B1": (900, 1000), "B2": (300, 1000), "T1": (2400, 4000), "T2": (500, 1000), "T4": (1900, 3000)},
    2028: {"B1": (700, 1000), "B2N": (700, 1000), "T1": (2800, 4000), "T2": (700, 1000), "T4": (350, 500),
           "T4A": (280, 400), "T4B": (70, 100)},
    2029: {"B1": (800, 1000), "B2N": (750, 1000), "T1": (3100, 4000), "T2": (760, 1000), "T4A": (600, 800), "T4B": (150, 200)},
    2030: {"B1": (950, 1000), "B2N": (700, 1000), "T1": (3200, 4000), "T2": (800, 1000), "T4A": (1600, 2000), "T4B": (750, 1000)},
}
# ho_so_tre_han (tinh, "dưới 5%"): 2029 is 4,99% (reached), 2030 exactly 5% (not reached).
TRE_HAN = {
    2029: {"T1": (200, 4000), "T2": (100, 2000), "T4A": (150, 3000), "T4B": (49, 1000)},
    2030: {"T1": (200, 4000), "T2": (100, 2000), "T4A": (150, 3000), "T4B": (50, 1000)},
}
# su_co (bo, "không quá 10%"): 2030 exactly 10% (reached).
SU_CO = {2030: {"B1": (1, 10), "B2N": (2, 20)}}
# du_lieu_mo (bo, at least 5 each year): 2027 has 4 (not reached that year).
DU_LIEU_MO = {2026: {"B1": 3, "B2": 3}, 2027: {"B1": 2, "B2": 2}, 2028: {"B1": 5, "B2N": 0},
              2029: {"B1": 4, "B2N": 4}, 2030: {"B1": 3, "B2N": 2}}
# nen_tang (bo, tinh; a stock: the year's count, never summed over years): 20 in 2030.
NEN_TANG = {2030: {"B1": 6, "B2N": 2, "T1": 5, "T2": 3, "T4A": 2, "T4B": 2}}
# nen_tang_quoc_gia (central, measured by B1 alone).
QUOC_GIA = {2030: {"B1": (9, 10)}}
# huy_dong (tinh; tỷ đồng raised in the year, summed over 2026-2030 against "ít nhất 100 tỷ").
HUY_DONG = {
    2026: {"T1": Decimal("10.125"), "T2": Decimal("5"), "T3": Decimal("2.5"), "T4": Decimal("3")},
    2027: {"T1": Decimal("12"), "T2": Decimal("5"), "T4": Decimal("4.375")},
    2028: {"T1": Decimal("12"), "T2": Decimal("5"), "T4": Decimal("2"), "T4A": Decimal("1.5"), "T4B": Decimal("1.5")},
    2029: {"T1": Decimal("10"), "T2": Decimal("5"), "T4A": Decimal("3"), "T4B": Decimal("3")},
    2030: {"T1": Decimal("9"), "T2": Decimal("4"), "T4A": Decimal("1"), "T4B": Decimal("0.999")},
}
# van_ban_cap (huyện reports huyện and xã; the new communes report xã from 01/7/2027).
VAN_BAN = {
    2026: {"H1": {"huyen": (70, 100), "xa": (50, 100)}, "H2": {"huyen": (140, 200), "xa": (100, 200)}},
    2027: {"H1": {"huyen": (40, 50), "xa": (30, 50)}, "H2": {"huyen": (80, 100), "xa": (60, 100)},
           "X1": {"xa": (40, 60)}, "X2": {"xa": (70, 90)}},
}
LATE = {(2028, "T2"): 9}  # days late
MISSING = {(2029, "X2")}


def _values(plan: Plan, unit: str, year: int) -> dict:
    indicators: dict[str, dict] = {}
    for ind, levels in plan.indicators_for(unit, year):
        figures: dict[str, dict] = {}
        for lv in levels:
            if ind.id == "van_ban_cap":
                pair = VAN_BAN.get(year, {}).get(unit, {}).get(lv)
                num, den = pair if pair else (0, 0)
                figures[lv] = {"numerator": num, "denominator": den}
                continue
            table = {"ho_so_dien_tu": HSDT, "ho_so_tre_han": TRE_HAN, "su_co": SU_CO, "nen_tang_quoc_gia": QUOC_GIA}
            if ind.id in table:
                num, den = table[ind.id].get(year, {}).get(unit, (1, 100))
                figures[lv] = {"numerator": num, "denominator": den}
            else:
                flow = {"du_lieu_mo": DU_LIEU_MO, "nen_tang": NEN_TANG, "huy_dong": HUY_DONG}[ind.id]
                figures[lv] = {"value": flow.get(year, {}).get(unit, 1 if ind.id == "nen_tang" else 0)}
        indicators[ind.id] = figures
    appendix = [{"tt": t.tt, "status": "dang_trien_khai" if year < t.timeframe.end else "hoan_thanh",
                 "progress": f"Kết quả năm {year}"}
                for t in plan.appendix if t.timeframe.start <= year <= t.timeframe.end and plan.lead_in(t, year) == unit]
    deadline = plan.organisation.coverage(unit, plan.window(year), plan.deadline(year)).deadline
    return {
        "submitted": deadline + dt.timedelta(days=LATE.get((year, unit), -3)),
        "prepared_by": {"name": "Nguyễn Văn A", "position": "Chuyên viên"},
        "indicators": indicators,
        "appendix": appendix,
        "tasks": {"II.1": {"status": "hoan_thanh", "account": "Đã diễn tập."}},
        "narrative": {"highlights": "Có tiến bộ.", "shortcomings": "Còn chậm.", "proposals": "Bổ sung kinh phí."},
    }


def write_reports(plan: Plan, root: Path) -> dict[int, list[str]]:
    """Every report owed in 2026-2030 (but one), written as a unit would: by the scaffold."""
    owed: dict[int, list[str]] = {}
    for year in YEARS:
        folder = root / str(year)
        folder.mkdir(parents=True)
        owed[year] = [c.unit for c in plan.organisation.obligations(plan.window(year), plan.deadline(year))]
        for unit in owed[year]:
            if (year, unit) in MISSING:
                continue
            (folder / f"{unit}.yaml").write_text(scaffold(plan, unit, year, None, _values(plan, unit, year)), encoding="utf-8")
    return owed


@pytest.fixture(scope="module")
def third(tmp_path_factory):
    plan = load_plan(THIRD).plan
    assert plan is not None
    root = tmp_path_factory.mktemp("third") / "reports"
    owed = write_reports(plan, root)
    files = sorted(root.rglob("*.yaml"))
    parsed, findings = validate_files(plan, files, today=dt.date(2031, 3, 1), keep=True)
    errors = [f for f in findings if f.severity == "error"]
    assert not errors, [f.message for f in errors]
    return plan, root, owed, [p.submission for p in parsed]


def pooled(pairs) -> Decimal:
    pairs = list(pairs)
    return Decimal(sum(n for n, _ in pairs)) * 100 / Decimal(sum(d for _, d in pairs))


def figure(f, ind_id: str, scope: str = "all"):
    return next(r for r in f.indicators if r.indicator.id == ind_id and r.scope == scope)


def test_the_organisation_owes_what_its_changes_say(third):
    plan, _, owed, _ = third
    assert owed[2026] == ["B1", "B2", "T1", "T2", "T3", "T4", "H1", "H2"]
    # merged T3 owes nothing in 2027: T1, its successor, reports the whole year
    assert "T3" not in owed[2027] and "T1" in owed[2027]
    # the district level ends on 01/7/2027: H1, H2 report to 30/6, X1, X2 from 1/7
    cov = {c.unit: c for c in plan.organisation.obligations(plan.window(2027), plan.deadline(2027))}
    assert (cov["H1"].end, cov["X1"].start) == (dt.date(2027, 6, 30), dt.date(2027, 7, 1))
    # renamed in 2028, split in mid-2028
    assert "B2" not in owed[2028] and "B2N" in owed[2028]
    assert {"T4", "T4A", "T4B"} <= set(owed[2028]) and "T4" not in owed[2029]


def test_percentages_are_pooled_counts_including_every_unit_of_the_year(third):
    plan, _, _, subs = third
    for year in YEARS:
        f = year_figures(plan, year, subs)
        r = figure(f, "ho_so_dien_tu")
        assert r.value == pooled(HSDT[year].values()), year
        assert r.reporting_units == len(HSDT[year])
    # 2028 counts T4 (January-June) and T4A, T4B (July-December), each once
    f = year_figures(plan, 2028, subs)
    units = {u.unit.code for u in figure(f, "ho_so_dien_tu").units}
    assert {"T4", "T4A", "T4B"} <= units and "T3" not in units


def test_staged_floor_then_strict_floor(third):
    plan, _, _, subs = third
    y2027 = figure(year_figures(plan, 2027, subs), "ho_so_dien_tu")
    assert y2027.value == Decimal(60)
    mean = sum(Decimal(n) * 100 / d for n, d in HSDT[2027].values()) / len(HSDT[2027])
    assert mean < 60  # averaging the units' percentages would wrongly say "chưa đạt"
    assert y2027.target.value == 60 and y2027.attainment is Attainment.REACHED
    y2028 = figure(year_figures(plan, 2028, subs), "ho_so_dien_tu")
    assert y2028.target.kind == "floor_strict"  # the second stage governs from 2028
    y2030 = figure(year_figures(plan, 2030, subs), "ho_so_dien_tu")
    assert y2030.value == Decimal(80) and y2030.attainment is Attainment.NOT_REACHED  # "trên 80%"


def test_strict_ceiling_and_ceiling(third):
    plan, _, _, subs = third
    assert figure(year_figures(plan, 2029, subs), "ho_so_tre_han").attainment.met  # 4,99% < 5%
    y2030 = figure(year_figures(plan, 2030, subs), "ho_so_tre_han")
    assert y2030.value == Decimal(5) and y2030.attainment is Attainment.NOT_REACHED  # "dưới 5%"
    su_co = figure(year_figures(plan, 2030, subs), "su_co")
    assert su_co.value == Decimal(10) and su_co.attainment.met  # "không quá 10%"


def test_yearly_count_is_judged_each_year_and_over_the_span(third):
    plan, _, _, subs = third
    for year in YEARS:
        r = figure(year_figures(plan, year, subs), "du_lieu_mo")
        assert r.value == sum(DU_LIEU_MO[year].values())
        assert r.attainment.met is (sum(DU_LIEU_MO[year].values()) >= 5), year
    p = period_figures(plan, 2026, 2030, subs)
    i = next(i for i in p.indicators if i.indicator.id == "du_lieu_mo")
    assert i.final.attainment.met  # 2030 alone would say "đạt"
    assert i.attainment is Attainment.NOT_REACHED and i.missed_years == (2027,)
    mid = period_figures(plan, 2028, 2030, subs)
    assert next(i for i in mid.indicators if i.indicator.id == "du_lieu_mo").attainment.met


def test_stock_count_is_the_years_count_not_a_sum_over_years(third):
    plan, _, _, subs = third
    r = figure(year_figures(plan, 2030, subs), "nen_tang")
    assert r.value == 20 and r.attainment.met


def test_central_indicator_comes_from_its_monitor_alone(third):
    plan, _, _, subs = third
    assert [i.id for i, _ in plan.indicators_for("B2N", 2030)].count("nen_tang_quoc_gia") == 0
    r = figure(year_figures(plan, 2030, subs), "nen_tang_quoc_gia")
    assert r.value == Decimal(90) and r.reporting_units == 1 and r.attainment is Attainment.NOT_REACHED


def test_money_flow_sums_exactly_across_merger_and_split(third):
    plan, _, _, subs = third
    running = Decimal(0)
    for year in YEARS:
        running += sum(HUY_DONG[year].values())
        r = figure(year_figures(plan, year, subs), "huy_dong")
        assert r.value == sum(HUY_DONG[year].values())
    p = period_figures(plan, 2026, 2030, subs)
    i = next(i for i in p.indicators if i.indicator.id == "huy_dong")
    assert running == Decimal("99.999")  # one thousandth of a tỷ short of "ít nhất 100 tỷ đồng"
    assert i.attainment is Attainment.NOT_REACHED


def test_a_level_that_ends_is_judged_on_its_last_figures_and_nothing_is_counted_twice(third):
    plan, _, _, subs = third
    f2026 = year_figures(plan, 2026, subs)
    assert figure(f2026, "van_ban_cap", "huyen").value == pooled(v["huyen"] for v in VAN_BAN[2026].values())
    f2027 = year_figures(plan, 2027, subs)
    huyen = figure(f2027, "van_ban_cap", "huyen")
    # the districts' half year to their last day is the level's last figure: judged on it
    assert huyen.level_end == dt.date(2027, 6, 30) and huyen.unassessed is None
    assert huyen.attainment is attainment(huyen.governing.target, huyen.value)[0]
    assert huyen.attainment is not Attainment.NOT_ASSESSED
    xa = figure(f2027, "van_ban_cap", "xa")  # the districts' first half and the communes' second half
    assert xa.value == pooled(v["xa"] for v in VAN_BAN[2027].values())
    assert {u.unit.code for u in xa.units} == {"H1", "H2", "X1", "X2"}


def test_completeness_follows_the_organisation_of_each_year(third):
    plan, _, owed, subs = third
    for year in YEARS:
        c = year_figures(plan, year, subs).completeness
        assert c.expected == len(owed[year])
        assert {d.unit.code for d in c.missing} == {u for (y, u) in MISSING if y == year}
        assert {d.unit.code for d in c.late} == {u for (y, u) in LATE if y == year}
    p = period_figures(plan, 2026, 2030, subs)
    record = {r.unit.code: {y: t for y, t, _ in r.by_year} for r in p.units}
    assert record["T3"][2027] is Timeliness.NOT_DUE and record["T4A"][2027] is Timeliness.NOT_DUE
    assert record["X2"][2029] is Timeliness.MISSING


def test_appendix_row_follows_its_lead_through_a_rename(third):
    plan, _, _, subs = third
    row = plan.row("II.1")
    assert (plan.lead_in(row, 2027), plan.lead_in(row, 2028)) == ("B2", "B2N")
    f = year_figures(plan, 2028, subs)
    a = next(a for a in f.appendix if a.task.tt == "II.1")
    assert [r.unit.code for r in a.reports] == ["B2N"]


def test_reports_of_a_unit_outside_its_lifetime_are_refused_with_its_successor(third, tmp_path):
    plan, root, _, _ = third
    folder = tmp_path / "2028"
    folder.mkdir()
    text = (root / "2027" / "T1.yaml").read_text(encoding="utf-8")
    for unit in ("T3", "B2", "H1"):
        moved = text.replace("unit: T1", f"unit: {unit}").replace("year: 2027", "year: 2028").replace("2028-01-", "2029-01-")
        (folder / f"{unit}.yaml").write_text(moved, encoding="utf-8")
    (tmp_path / "2026").mkdir()
    early = text.replace("unit: T1", "unit: X1").replace("year: 2027", "year: 2026").replace("2028-01-", "2027-01-")
    (tmp_path / "2026" / "X1.yaml").write_text(early,
                                               encoding="utf-8")
    result = run_cli("validate", "--plan", str(THIRD), "--format", "json", str(tmp_path), env=AFTER)
    assert result.returncode == 1
    found = json.loads(result.stdout)["findings"]
    by_file = {Path(f["file"]).stem + "/" + Path(f["file"]).parent.name: f for f in found}
    assert set(by_file) == {"T3/2028", "B2/2028", "H1/2028", "X1/2026"}, found
    assert {f["code"] for f in found} == {"sub-unit-ended", "sub-unit-not-yet"}
    assert "đến hết ngày 30/6/2027" in by_file["T3/2028"]["message"]
    assert "đơn vị kế thừa: Tỉnh Một" in by_file["T3/2028"]["message"]
    assert "đơn vị kế thừa: Bộ Hai Mới" in by_file["B2/2028"]["message"]
    assert "đơn vị kế thừa: Xã Một" in by_file["H1/2028"]["message"]
    assert "từ ngày 01/7/2027" in by_file["X1/2026"]["message"] and "do Huyện Một báo cáo" in by_file["X1/2026"]["message"]


def test_period_report_of_the_third_plan(third, tmp_path):
    plan, root, _, _ = third
    out = tmp_path / "out"
    result = run_cli("report", "--plan", str(THIRD), "--data", str(root), "--period", "2026-2030",
                     "--format", "html,json", "--out", str(out), env=AFTER)
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"), parse_float=Decimal)
    outcomes = {(o["indicator"], o["scope"]): o for o in data["tables"]["outcomes"]}
    assert outcomes[("du_lieu_mo", "all")]["missed_years"] == "2027"
    assert outcomes[("du_lieu_mo", "all")]["attainment"] == "not_reached"
    assert outcomes[("ho_so_dien_tu", "all")]["last_value"] == Decimal("80.0000")
    html = next(out.glob("*.html")).read_text(encoding="utf-8")
    assert "Toàn quốc" in html and "Toàn tỉnh" not in html
    assert "tỷ đồng" in html and "triệu đồng" not in html
    assert "Chưa đạt (năm 2027)" in html
    assert "BC-BMS" in html and "BC-UBND" not in html
    assert "Kế hoạch 744" not in html and "Nghệ An" not in html


def test_plan_show_speaks_the_plans_own_words():
    result = run_cli("plan", "show", "--plan", str(THIRD))
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert "Toàn quốc" in out and "Toàn tỉnh" not in out
    assert "triệu đồng" not in out and "Tổng kinh phí" not in out  # a task list, no budget
    assert "trên 80% (giai đoạn 2028-2030)" in out
    assert "Theo dõi: Bộ Một" in out  # the central indicator's monitoring body


def test_a_wrong_fixed_day_is_a_usage_error():
    result = run_cli("validate", "--plan", str(THIRD), str(REPO / "tests" / "fixtures"), env={"PLAN744_TODAY": "2031-02-30"})
    assert result.returncode == 2
    assert "PLAN744_TODAY" in result.stderr.decode() and "Lỗi nội bộ" not in result.stderr.decode()
