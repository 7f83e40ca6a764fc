"""The report's sections are data: a list per kind of report (annual, close-out), each entry a
code, its builder and the condition under which it applies. These tests hold the lists to what
the composers produce, and show a plan without a (funded) appendix, the plan's last year and a
mid-term review dropping or swapping sections through the conditions alone."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from plan744.core.labels import speaking
from plan744.report import compose_period as period
from plan744.report import compose_year as year
from plan744.report.compose_common import Issuance, t
from plan744.report.document import Document, Heading
from plan744.report.sections import applicable
from plan744.services.report import ReportRequest, build

from conftest import REPO

GENERATED = dt.datetime(2026, 6, 30, 8, 0)
TODAY = dt.date(2027, 3, 1)
PLAN = REPO / "data" / "plan.yaml"
PLAN_2629 = REPO / "data" / "plans" / "qd-2629-2025.yaml"
REPORTS_2629 = REPO / "tests" / "fixtures" / "reports-2629"
NUMBER = re.compile(r"^(?:[IVXLC]+|\d+)\.\s+")


def figures(plan: Path, data: Path, **span):
    outcome = build(ReportRequest(plan, data, REPO / "templates", (), today=TODAY, **span))
    assert outcome.figures is not None, [f.message for f in outcome.findings]
    return outcome.figures


@pytest.fixture(scope="module")
def y2022():
    return figures(PLAN, REPO / "data" / "reports", year=2022)


@pytest.fixture(scope="module")
def closeout():
    return figures(PLAN, REPO / "data" / "reports", period=(2021, 2025))


def headings(doc: Document) -> list[str]:
    """The body's headings I., 1., … without their numbers, then the appendices' titles."""
    body = [NUMBER.sub("", b.text).casefold() for b in doc.sections[0].blocks if isinstance(b, Heading) and b.level <= 2]
    return body + [s.title.casefold() for s in doc.sections[1:]]


def year_codes(f, short: bool = False) -> tuple[list[str], list[str]]:
    r = year.YearReport(f, {}, Issuance(), short)
    return ([p.code for p in applicable(year.BODY, year.CONDITIONS, r)],
            [a.code for a in applicable(year.APPENDICES, year.CONDITIONS, r)])


def period_codes(p) -> tuple[list[str], list[str]]:
    r = period.PeriodReport(p, {}, Issuance(), "", "")
    return ([e.code for e in applicable(period.BODY, period.CONDITIONS, r)],
            [a.code for a in applicable(period.APPENDICES, period.CONDITIONS, r)])


def words(plan, *codes: tuple[str, dict]) -> list[str]:
    with speaking(plan.words):
        return [NUMBER.sub("", t(code, **params)).casefold() for code, params in codes]


def test_every_condition_named_by_a_section_exists() -> None:
    for entries, conditions in ((year.BODY + year.APPENDICES, year.CONDITIONS),
                                (period.BODY + period.APPENDICES, period.CONDITIONS)):
        assert {e.needs for e in entries} - {None} <= set(conditions)
        assert len({e.code for e in entries if hasattr(e, "title")}) == sum(1 for e in entries if hasattr(e, "title"))


def test_the_annual_sections_are_the_list_in_order(y2022) -> None:
    assert year_codes(y2022) == (
        ["direction", "results", "indicators", "tasks", "appendix", "money", "highlights", "assessment", "next",
         "proposals"],
        ["units", "completeness", "rows", "accounts", "narratives"])
    doc = year.compose_year(y2022, Issuance(), GENERATED)
    kind = y2022.plan.document.kind
    assert headings(doc) == words(
        y2022.plan,
        ("review.h.direction", {}), ("year.h.results", {}), ("year.h.indicators", {}), ("year.h.tasks", {}),
        ("year.h.appendix", {"kind": kind}),
        ("year.h.money", {}), ("year.h.highlights", {}),
        ("year.h.assessment", {}), ("year.h.achieved", {}), ("year.h.shortcomings", {}), ("year.h.causes", {}),
        ("year.h.next", {"year": 2023}), ("year.h.proposals", {}),
        ("appendix.units.title", {"year": 2022}), ("appendix.completeness.title", {"year": 2022}),
        ("appendix.rows.title", {"year": 2022}), ("appendix.accounts.title", {"year": 2022}),
        ("appendix.narratives.title", {"year": 2022}))


def test_the_short_variant_drops_the_units_own_words_through_the_condition(y2022) -> None:
    assert year_codes(y2022, short=True)[1] == ["units", "completeness", "rows"]
    doc = year.compose_year(y2022, Issuance(), GENERATED, short=True)
    assert [s.appendix for s in doc.sections[1:]] == ["Phụ lục I", "Phụ lục II", "Phụ lục III"]


def test_the_plans_last_year_has_the_next_period_instead_of_the_next_year() -> None:
    f = figures(PLAN, REPO / "data" / "reports", year=2025)
    body = year_codes(f)[0]
    assert "next_period" in body and "next" not in body
    doc = year.compose_year(f, Issuance(), GENERATED)
    assert words(f.plan, ("year.h.next_period", {}))[0] in headings(doc)


def test_a_plan_without_an_appendix_drops_its_sections_through_the_condition(y2022) -> None:
    bare = dataclasses.replace(y2022, plan=y2022.plan.model_copy(update={"appendix": []}))
    body, annexes = year_codes(bare)
    assert "appendix" not in body and "rows" not in annexes
    doc = year.compose_year(bare, Issuance(), GENERATED)
    titles = headings(doc)
    kind = y2022.plan.document.kind
    assert words(bare.plan, ("year.h.appendix", {"kind": kind}), ("appendix.rows.title", {"year": 2022})) == [
        w for w in headings(year.compose_year(y2022, Issuance(), GENERATED)) if w not in titles]


def test_the_close_out_sections_are_the_list_in_order(closeout) -> None:
    assert period_codes(closeout) == (
        ["direction", "results", "indicators", "tasks", "appendix", "funding", "row_states", "assessment", "next",
         "proposals"],
        ["rows", "units"])
    doc = period.compose_period(closeout, Issuance(), GENERATED)
    plan = closeout.plan
    assert headings(doc) == words(
        plan,
        ("review.h.direction", {}), ("year.h.results", {}), ("year.h.indicators", {}), ("year.h.tasks", {}),
        ("year.h.appendix", {"kind": plan.document.kind}),  # the reporting is said in the direction, no heading
        ("year.h.assessment", {}), ("period.h.achieved", {}), ("period.h.shortfalls", {}), ("period.h.causes", {}),
        ("period.h.lessons", {}), ("period.h.next", {"start": 2026, "end": 2030}), ("year.h.proposals", {}),
        ("period.appendix.title", {"span": "2021 - 2025"}), ("period.units.title", {"span": "2021 - 2025"}))
    assert [s.landscape for s in doc.sections[1:]] == [True, False]  # the units' record fits one upright page


def test_a_mid_term_review_of_an_unfunded_plan_swaps_and_drops_sections_through_conditions() -> None:
    p = figures(PLAN_2629, REPORTS_2629, period=(2026, 2026))
    assert not p.plan.funded and p.plan.appendix
    assert period_codes(p) == (
        ["direction", "results", "indicators", "tasks", "appendix", "row_states", "assessment", "next_mid",
         "proposals"],
        ["rows", "units"])
    doc = period.compose_period(p, Issuance(), GENERATED)
    titles = headings(doc)
    assert words(p.plan, ("period.h.next_mid", {"start": 2027, "end": 2030}))[0] in titles
    assert [s.landscape for s in doc.sections[1:]] == [True, False]  # the units' record fits one upright page


def test_the_close_out_without_an_appendix_drops_its_sections(closeout) -> None:
    bare = dataclasses.replace(closeout, plan=closeout.plan.model_copy(update={"appendix": []}))
    assert period_codes(bare) == (
        ["direction", "results", "indicators", "tasks", "assessment", "next", "proposals"], ["units"])
    doc = period.compose_period(bare, Issuance(), GENERATED)
    assert [s.appendix for s in doc.sections[1:]] == ["Phụ lục I"]
