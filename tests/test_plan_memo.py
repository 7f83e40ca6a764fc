"""The plan's look-ups worked out once and kept (which levels a unit reports, who leads a row in
a year) answer exactly as working them out afresh, for every unit and row of every plan here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from plan744.core.plan import Plan
from plan744.services.plans import load_plan

from conftest import MINI_PLAN, REPO

PLANS = [REPO / "data" / "plan.yaml", MINI_PLAN, REPO / "tests" / "fixtures" / "plans" / "third.yaml"]


def _levels_afresh(plan: Plan, indicator, unit_code: str) -> list[str]:
    if indicator.central:
        return list(indicator.levels) if unit_code == indicator.monitor else []
    if indicator.reporters is not None and unit_code not in indicator.reporters:
        return []
    own = plan.unit_levels(unit_code)
    return [lv for lv in indicator.levels if lv in own]


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_indicator_levels_as_worked_out_afresh(path: Path) -> None:
    plan = load_plan(path).plan
    assert plan is not None
    named = {i.monitor for i in plan.indicators if i.central} | {r for i in plan.indicators for r in i.reporters or ()}
    assert named or path == MINI_PLAN  # monitors or reporters: units whose answers are their own
    codes = [u.code for u in plan.units] + ["KHONG_CO"]
    for _ in range(2):  # the second pass reads the memo
        for code in codes:
            for ind in plan.indicators:
                assert plan.indicator_levels_for(ind, code) == _levels_afresh(plan, ind, code), (code, ind.id)
            for year in range(plan.period.start, plan.period.end + 1):
                assert [(i.id, lv) for i, lv in plan.indicators_for(code, year)] == [
                    (i.id, _levels_afresh(plan, i, code)) for i in plan.indicators
                    if _levels_afresh(plan, i, code) and plan.due(i, year)]


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_row_leads_as_worked_out_afresh(path: Path) -> None:
    plan = load_plan(path).plan
    assert plan is not None
    for _ in range(2):
        for year in range(plan.period.start - 1, plan.period.end + 2):
            for task in plan.appendix:
                afresh = plan.organisation.lead_on(task.lead, task.tt, plan.window(year)[1])
                assert plan.lead_in(task, year) == afresh, (task.tt, year)


def test_a_row_numbered_13_and_one_numbered_quoted_13_keep_their_own_leads() -> None:
    """lead_on tells 1 from "1" (an event's `appendix` list names rows as written); the plan
    check refuses such a plan, but a look-up must not mix the two up either."""
    plan = load_plan(MINI_PLAN, checks=False).plan
    assert plan is not None
    data = plan.model_dump(by_alias=True)
    data["organisation"]["events"] = [{"id": "e1", "date": dt.date(2022, 3, 1), "kind": "transfer", "from": ["S1"],
                                       "to": ["S2"], "appendix": [1], "source": "thử"}]
    data["appendix"].append({**data["appendix"][0], "tt": "1"})
    moved = Plan.model_validate(data)
    as_int, as_text = moved.appendix[0], moved.appendix[-1]
    assert (moved.lead_in(as_text, 2022), moved.lead_in(as_int, 2022)) == ("S1", "S2")


def test_a_bounded_memo_keeps_few_obligations_and_answers_the_same() -> None:
    from plan744.core import obligation as ob

    plan = load_plan(REPO / "data" / "plan.yaml").plan
    assert plan is not None
    year = plan.period.start
    fresh = {u.code: ob._obligation(plan, u.code, year) for u in plan.units}
    assert len(fresh) > 3
    with ob.memo_bound(plan, 3):
        kept = ob.obligations(plan, year)
        assert len(ob._memo(plan).obligations) <= 3
    assert ob._memo(plan).limit == ob.MEMO_LIMIT  # the bound ends with the block
    for code, owed in kept.items():
        assert (owed.reason, owed.coverage, owed.levels, owed.indicators, owed.tasks, owed.reportable_rows,
                owed.own_rows, owed.shared_rows) == (
            fresh[code].reason, fresh[code].coverage, fresh[code].levels, fresh[code].indicators, fresh[code].tasks,
            fresh[code].reportable_rows, fresh[code].own_rows, fresh[code].shared_rows), code


def test_the_rows_a_unit_may_report_are_those_it_leads_or_shares_through_a_group() -> None:
    """The obligation's rows, worked out from the year's leads kept once per plan, are what
    `may_report_row` and `lead_of` say row by row, for every unit of every year."""
    from plan744.core import obligation as ob

    plan = load_plan(REPO / "data" / "plan.yaml").plan
    assert plan is not None
    shared_somewhere = False
    for year in range(plan.period.start, plan.period.end + 1):
        for unit in plan.units:
            owed = ob._obligation(plan, unit.code, year)
            may = [t for t in plan.appendix if ob.may_report_row(plan, t, unit.code, year)]
            due = [t for t in may if ob.row_in_year(t, year)]
            assert owed.reportable_rows == frozenset(str(t.tt) for t in may), (unit.code, year)
            assert owed.own_rows == tuple(t for t in due if ob.lead_of(plan, t, year) == unit.code), (unit.code, year)
            assert owed.shared_rows == tuple(t for t in due if ob.lead_of(plan, t, year) != unit.code)
            shared_somewhere |= bool(owed.shared_rows)
    assert shared_somewhere  # the bundled plan has rows led by a group
