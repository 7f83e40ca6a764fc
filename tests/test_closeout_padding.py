"""Padding out (issue 25, point 6): per-unit lists leave the documents for the data outputs.

The close-out's reporting appendix is one page (kinds of unit by year, then only the units late
or missing), not 130 commune rows of "—"; the annual report's appendices never send the reader
to a CSV or JSON file; the per-task coverage table counts what the raw reports say; and every
unit-level fact the documents no longer print is in the JSON output."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import pytest
import yaml

from plan744.core.labels import speaking
from plan744.report import compose_period as period
from plan744.report import compose_year as year
from plan744.report.compose_common import Issuance, t
from plan744.report.compose_year_appendices import coverage_rows, narratives_printed
from plan744.report.document import Bullets, Para, Row, Table
from plan744.services.report import ReportRequest, build

from conftest import REPO, run_cli

GENERATED = dt.datetime(2026, 6, 30, 8, 0)
TODAY = dt.date(2027, 3, 1)
PLAN = REPO / "data" / "plan.yaml"
REPORTS = REPO / "data" / "reports"


def _figures(**span):
    outcome = build(ReportRequest(PLAN, REPORTS, REPO / "templates", (), today=TODAY, **span))
    assert outcome.figures is not None, [f.message for f in outcome.findings]
    return outcome.figures


def _inline(inline) -> str:
    return "".join(r.text for r in inline)


def _text(blocks) -> str:
    out = []
    for b in blocks:
        if isinstance(b, Para):
            out.append(_inline(b.content))
        elif isinstance(b, Bullets):
            out += [_inline(i) for i in b.items]
        elif isinstance(b, Table):
            out += [c.header for c in b.columns]
            out += [" ".join(_inline(line) for c in r.cells for line in c.lines) for r in b.rows]
    return "\n".join(out)


def _rows(blocks) -> list[Row]:
    return [r for b in blocks if isinstance(b, Table) for r in b.rows]


@pytest.fixture(scope="module")
def y2025():
    return _figures(year=2025)


@pytest.fixture(scope="module")
def closeout():
    return _figures(period=(2021, 2025))


@pytest.fixture(scope="module")
def year_doc(y2025):
    return year.compose_year(y2025, Issuance(), GENERATED)


@pytest.fixture(scope="module")
def period_doc(closeout):
    return period.compose_period(closeout, Issuance(), GENERATED)


@pytest.fixture(scope="module")
def json_out(tmp_path_factory) -> dict[str, dict]:
    out = tmp_path_factory.mktemp("padding")
    docs = {}
    for key, args in (("2025", ("--year", "2025")), ("period", ("--period", "2021-2025"))):
        result = run_cli("report", *args, "--format", "json", "--out", str(out / key))
        assert result.returncode == 0, result.stderr.decode()
        docs[key] = json.loads(next((out / key).glob("*.json")).read_text(encoding="utf-8"))
    return docs


def _raw(year_: int) -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((REPORTS / str(year_)).glob("*.yaml"))]


# --- the close-out ----------------------------------------------------------------------------


def test_the_close_out_has_no_appendix_listing_the_communes(closeout, period_doc) -> None:
    communes = {u.name for u in closeout.plan.organisation.units if u.kind == "xa"}
    assert len(communes) >= 130
    for section in period_doc.sections[1:]:
        text = _text(section.blocks)
        named = {c for c in communes if c.casefold() in text.casefold()}
        assert len(named) <= 5, (section.title, len(named))  # only those late or missing, never the list
        assert len(_rows(section.blocks)) < 130, section.title


def test_the_close_out_reporting_appendix_is_kinds_by_year_with_the_exceptions(closeout, period_doc) -> None:
    with speaking(closeout.plan.words):
        title = t("period.units.title", span=period_doc.meta["period"])
    record = next(s for s in period_doc.sections[1:] if s.title == title)
    rows = _rows(record.blocks)
    assert [_inline(r.cells[0].lines[0]) for r in rows] == ["2021", "2022", "2023", "2024", "2025"]
    kinds = [c.header for b in record.blocks if isinstance(b, Table) for c in b.columns][1:]
    so = kinds.index(next(k.name for k in closeout.plan.organisation.kinds if k.code == "so_nganh"))
    by_year = {_inline(r.cells[0].lines[0]): _inline(r.cells[so + 1].lines[0]) for r in rows}
    assert by_year["2021"].endswith("/26") and by_year["2025"] == "20/20"  # the count of each year, not "32"
    text = _text(record.blocks)
    assert "32 đơn vị" not in text
    assert "Năm 2025: huyện Kỳ Sơn (cũ) gửi muộn 10 ngày; phường Hoàng Mai gửi muộn 9 ngày; xã Mỹ Lý chưa gửi." in text
    assert "lưu tại Sở Khoa học và Công nghệ" in text
    assert not record.landscape


# --- the annual report ------------------------------------------------------------------------


def test_no_appendix_of_the_annual_report_points_to_a_data_file(year_doc) -> None:
    for section in year_doc.sections[1:]:
        text = _text(section.blocks)
        for word in ("CSV", "JSON", "Excel", "tệp số liệu"):
            assert word not in text, (section.title, word)
    everything = "\n".join(_text(s.blocks) for s in year_doc.sections[1:])
    assert "lưu tại Sở Khoa học và Công nghệ" in everything


def test_the_annual_reporting_appendix_names_only_the_late_and_missing(y2025, year_doc) -> None:
    with speaking(y2025.plan.words):
        title = t("appendix.completeness.title", year=2025)
    record = next(s for s in year_doc.sections[1:] if s.title == title)
    text = _text(record.blocks)
    assert "Xã, phường: 128/130 đơn vị gửi đúng hạn; phường Hoàng Mai gửi muộn 9 ngày; xã Mỹ Lý chưa gửi." in text
    assert "huyện Kỳ Sơn (cũ) gửi muộn 10 ngày" in text
    assert not _rows(record.blocks)  # no table of 171 units


def test_the_units_words_are_not_announced_in_an_appendix_that_does_not_print_them(y2025, year_doc) -> None:
    assert not narratives_printed(y2025)  # 170 units: too many to print
    with speaking(y2025.plan.words):
        title = t("appendix.narratives.title", year=2025)
    assert title not in [s.title for s in year_doc.sections[1:]]


def test_the_coverage_table_counts_what_the_raw_reports_say(y2025, year_doc) -> None:
    raw = _raw(2025)
    statuses: dict[str, Counter] = {}
    for report in raw:
        for task_id, entry in (report.get("tasks") or {}).items():
            statuses.setdefault(task_id, Counter())[entry["status"]] += 1
    plan = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    required = {task["id"] for task in plan["tasks"] if task.get("required")}
    owing = len(raw) + sum(1 for d in y2025.completeness.rows if d.submitted is None)
    expected = {}
    for task_id, counts in statuses.items():
        done = counts["hoan_thanh"] + counts["hoan_thanh_qua_han"]
        going = counts["dang_trien_khai"]
        expected[task_id] = (owing if task_id in required else None, done, going, sum(counts.values()) - done - going)
    got = {task.task.id: tuple(rest) for task, *rest in coverage_rows(y2025)}
    assert got == expected
    assert got["III.3.2"] == (171, 38, 132, 0)

    # and the printed table says the same, a row per task, on one upright page
    with speaking(y2025.plan.words):
        title = t("appendix.accounts.title", year=2025)
    table = next(s for s in year_doc.sections[1:] if s.title == title)
    printed = {_inline(r.cells[0].lines[0]): tuple(_inline(c.lines[0]) for c in r.cells[2:]) for r in _rows(table.blocks)}
    assert printed == {k: tuple("—" if v is None else str(v) for v in vals) for k, vals in expected.items()}


# --- the data outputs hold what the documents dropped ----------------------------------------


def test_the_json_holds_each_units_submission_record(json_out) -> None:
    for key in ("2025", "period"):
        rows = {(r["year"], r["unit"]): r for r in json_out[key]["tables"]["completeness"]}
        my_ly = rows[(2025, "XA_MYLY")]
        assert (my_ly["timeliness"], my_ly["submitted"], my_ly["deadline"]) == ("missing", None, "2025-12-20")
        ky_son = rows[(2025, "KYSON")]
        assert (ky_son["timeliness"], ky_son["days_late"], ky_son["submitted"], ky_son["deadline"]) == (
            "late", 10, "2025-07-10", "2025-06-30")
        assert rows[(2025, "PHUONG_HOANGMAI")]["days_late"] == 9
    period_rows = json_out["period"]["tables"]["completeness"]
    assert Counter(r["year"] for r in period_rows)[2025] == 171
    assert any(r["year"] == 2022 and r["timeliness"] == "missing" for r in period_rows)
    # every unit's date as sent, for every year
    for year_ in (2021, 2025):
        sent = {r["unit"]: r["submitted"] for r in period_rows if r["year"] == year_}
        for report in _raw(year_):
            assert sent[report["unit"]] == str(report["submitted"])


def test_the_json_holds_every_units_words_and_task_statuses_in_full(json_out) -> None:
    tables = json_out["2025"]["tables"]
    words = {(r["unit"], r["section"]): r["text"] for r in tables["narratives"]}
    tasks = {(r["unit"], r["task"]): (r["status"], r["account"]) for r in tables["tasks"]}
    raw = _raw(2025)
    for report in raw:
        for section, text in (report.get("narrative") or {}).items():
            if text and text.strip():
                assert " ".join(words[(report["unit"], section)].split()) == " ".join(text.split())
        for task_id, entry in (report.get("tasks") or {}).items():
            assert tasks[(report["unit"], task_id)] == (entry["status"], entry["account"])
    assert len(tasks) == sum(len(r.get("tasks") or {}) for r in raw)


@pytest.mark.parametrize("the_year", [2022, 2025])
def test_the_body_says_toan_van_tai_phu_luc_only_when_an_appendix_prints_it(the_year: int) -> None:
    f = _figures(year=the_year)
    doc = year.compose_year(f, Issuance(), GENERATED)
    body = _text(doc.sections[0].blocks)
    appendix_titles = [s.title for s in doc.sections[1:]]
    printed = narratives_printed(f)
    assert printed == (the_year == 2022)  # 48 units in 2022, 170 in 2025
    with speaking(f.plan.words):
        full_text_title = t("appendix.narratives.title", year=the_year)
    assert (full_text_title in appendix_titles) == printed
    assert ("toàn văn tại Phụ lục" in body) == printed
    if not printed:
        assert f"toàn văn lưu tại {f.drafter.name}" in body
