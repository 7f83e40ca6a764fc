"""Deadlines read from the plan's text (issue 27), and the status rules on a date."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from plan744.core.deadline import Deadline, parse_deadline
from plan744.core.findings import SourceMap
from plan744.core.model_findings import validate_model
from plan744.core.plan import Plan
from plan744.core.progress import DONE_LATE, DONE_ON_TIME, NOT_YET_DUE, OVERDUE, progress
from plan744.core.status_report import FiledReport, StatusReport
from plan744.services.plans import load_plan

from conftest import REPO

D = dt.date
PLAN_FILE = REPO / "data" / "plans" / "qd-2629-2025.yaml"
SEED = Path("/work/shared/seeds/qd-2629-QD-TTg-2025-chinh-phu-so.txt")


@pytest.fixture(scope="module")
def plan() -> Plan:
    loaded = load_plan(PLAN_FILE).plan
    assert loaded is not None
    return loaded


# Each form, with the plan text it comes from.
@pytest.mark.parametrize(("text", "precision", "due"), [
    ("trước ngày 31 tháng 12 năm 2025", "date", D(2025, 12, 30)),  # QĐ 2629, Điều 1, IV.2
    ("15/3/2026", "date", D(2026, 3, 15)),
    ("Tháng 12/2025", "month", D(2025, 12, 31)),  # Phụ lục II, I.1
    ("Tháng 02/2026", "month", D(2026, 2, 28)),  # Phụ lục II, III.13: February has 28 days in 2026
    ("Tháng 06/2026", "month", D(2026, 6, 30)),  # Phụ lục II, I.11 (zero-padded month)
    ("Quý II/2026", "quarter", D(2026, 6, 30)),
    ("Quý 4/2026", "quarter", D(2026, 12, 31)),
    ("Năm 2026", "year", D(2026, 12, 31)),  # Phụ lục II, the only "Năm 2026" row
    ("2026", "year", D(2026, 12, 31)),
    ("Năm 2025-2026", "span", D(2026, 12, 31)),  # Phụ lục II, II column "Thời gian thực hiện"
    ("Năm 2025-2030", "span", D(2030, 12, 31)),
])
def test_one_off_forms(text: str, precision: str, due: dt.date) -> None:
    p = parse_deadline(text)
    assert p is not None and (p.precision, p.due) == (precision, due)


@pytest.mark.parametrize(("text", "every", "dues"), [
    ("Hằng năm", "year", [D(2026, 12, 31), D(2027, 12, 31)]),
    ("hằng quý", "quarter", [D(2026, 3, 31), D(2026, 6, 30), D(2026, 9, 30), D(2026, 12, 31)]),
    ("Hằng năm, trước ngày 15 tháng 12", "year", [D(2026, 12, 14), D(2027, 12, 14)]),  # as Điều 1, IV.5 is read
    ("Hằng năm, trước ngày 30 tháng 01 của năm tiếp theo", "year", [D(2027, 1, 29), D(2028, 1, 29)]),  # Điều 1, IV.5
    ("Hàng tháng, ngày 5", "month", [D(2026, m, 5) for m in range(1, 13)]),
])
def test_recurring_forms(text: str, every: str, dues: list[dt.date]) -> None:
    d = Deadline(text=text)
    assert d.recurring and d.parsed.every == every
    last = 2027 if every == "year" else 2026
    assert [o.due for o in d.occurrences(2026, last)] == dues


@pytest.mark.parametrize("text", ["Quý V/2026", "Tháng 13/2026", "sớm", "Bắt đầu triển khai từ năm 2026", "trước Tháng 12/2025"])
def test_what_is_not_a_deadline(text: str) -> None:
    assert parse_deadline(text) is None


def test_an_unreadable_deadline_is_a_located_finding(tmp_path: Path) -> None:
    text = PLAN_FILE.read_text(encoding="utf-8").replace('deadline: {text: "Tháng 3/2026"}', 'deadline: {text: "Quý V/2026"}')
    bad = tmp_path / "plan.yaml"
    bad.write_text(text, encoding="utf-8")
    loaded = load_plan(bad)
    line = text.splitlines().index('    deadline: {text: "Quý V/2026"}') + 1
    found = [(f.code, f.line, f.column) for f in loaded.errors]
    assert ("deadline-unparsed", line, 15) in found


def test_every_row_of_the_bundled_plan_with_a_deadline_quotes_its_column(plan: Plan) -> None:
    with_deadline = [r for r in plan.appendix if r.deadline is not None]
    assert len(with_deadline) == 74  # 75 rows; "Bắt đầu triển khai từ năm 2026" gives no deadline
    for r in plan.appendix:
        if r.deadline is None:
            assert r.timeframe_text.startswith("Bắt đầu triển khai")
            continue
        assert r.deadline.text == r.timeframe_text
        assert r.deadline.due is not None and r.deadline.due.year == r.timeframe.end  # the column's last year


def test_the_tasks_deadlines_are_in_the_plan_text(plan: Plan) -> None:
    seed = re.sub(r"\s+", " ", SEED.read_text(encoding="utf-8")) if SEED.exists() else ""
    dated = {t.id: t.deadline for t in plan.tasks if t.deadline is not None}
    assert set(dated) == {"IV.1.2", "IV.1.3", "IV.2.2"}
    assert dated["IV.2.2"].text in plan.tasks_by_id["IV.2.2"].text and dated["IV.2.2"].due == D(2025, 12, 30)
    assert "hằng quý" in plan.tasks_by_id["IV.1.3"].text and dated["IV.1.3"].parsed.every == "quarter"
    assert "trước ngày 30 tháng 01 của năm tiếp theo" in dated["IV.1.2"].source
    if seed:
        assert "trước ngày 30 tháng 01 của năm tiếp theo" in seed
        assert "Định kỳ hằng quý, hằng năm công bố kết quả đánh giá" in seed


# --- status rules -------------------------------------------------------------------------------

def _report(unit: str, period: str, submitted: dt.date, progress_: dict, name: str = "") -> FiledReport:
    data = {"plan": "2629/QĐ-TTg", "unit": unit, "period": period, "submitted": submitted, "progress": progress_}
    model, findings = validate_model(StatusReport, data, SourceMap(name or f"{unit}-{period}.yaml"))
    assert isinstance(model, StatusReport), findings
    return FiledReport(model, name or f"{unit}-{period}.yaml", SourceMap(name))


def _state(plan: Plan, reports: list[FiledReport], as_of: dt.date, unit: str, key: str):  # type: ignore[no-untyped-def]
    p = progress(plan, reports, as_of)
    return next(a for a in p.assessments if a.unit == unit and a.item.key == key)


# I.11 (Bộ Công an): "Tháng 06/2026", due 30/6/2026.
def test_done_on_time(plan: Plan) -> None:
    r = _report("BCA", "2026-Q2", D(2026, 7, 3), {"I.11": {"status": "hoan_thanh", "completed": D(2026, 6, 20)}})
    a = _state(plan, [r], D(2026, 10, 1), "BCA", "I.11")
    assert (a.state, a.due, a.days, a.reached) == (DONE_ON_TIME, D(2026, 6, 30), 0, True)


def test_done_late(plan: Plan) -> None:
    r = _report("BCA", "2026-Q3", D(2026, 9, 28), {"I.11": {"status": "hoan_thanh", "completed": D(2026, 7, 10)}})
    a = _state(plan, [r], D(2026, 10, 1), "BCA", "I.11")
    assert (a.state, a.days) == (DONE_LATE, 10)


def test_overdue(plan: Plan) -> None:
    r = _report("BCA", "2026-Q2", D(2026, 7, 3), {"I.11": {"status": "dang_trien_khai"}})
    a = _state(plan, [r], D(2026, 10, 1), "BCA", "I.11")
    assert (a.state, a.days, a.status) == (OVERDUE, 93, "dang_trien_khai")


def test_not_yet_due(plan: Plan) -> None:
    a = _state(plan, [], D(2026, 6, 1), "BCA", "I.11")
    assert (a.state, a.days, a.status, a.reached) == (NOT_YET_DUE, 29, None, False)


def test_a_completion_after_the_date_is_not_done_on_that_date(plan: Plan) -> None:
    r = _report("BCA", "2026-Q3", D(2026, 10, 20), {"I.11": {"status": "hoan_thanh", "completed": D(2026, 10, 15)}})
    assert _state(plan, [r], D(2026, 10, 1), "BCA", "I.11").state == OVERDUE  # the report is not sent yet
    assert _state(plan, [r], D(2026, 10, 25), "BCA", "I.11").state == DONE_LATE
    early = _report("BCA", "2026-Q2", D(2026, 6, 10), {"I.11": {"status": "hoan_thanh", "completed": D(2026, 6, 28)}})
    assert _state(plan, [early], D(2026, 6, 20), "BCA", "I.11").state == NOT_YET_DUE  # completed after the date


def test_a_recurring_deadline(plan: Plan) -> None:
    # IV.1.3 (Bộ KH&CN): "Định kỳ hằng quý … công bố": due at each quarter's end.
    q1 = _report("BKHCN", "2026-Q1", D(2026, 4, 3), {"IV.1.3": {"status": "hoan_thanh", "completed": D(2026, 3, 25)}})
    q2 = _report("BKHCN", "2026-Q2", D(2026, 7, 3), {"IV.1.3": {"status": "dang_trien_khai"}})
    a = _state(plan, [q1, q2], D(2026, 7, 5), "BKHCN", "IV.1.3")
    assert (a.state, a.occurrence, a.due, a.days) == (OVERDUE, "2026-Q2", D(2026, 6, 30), 5)
    q3 = _report("BKHCN", "2026-Q3", D(2026, 7, 20),
                 {"IV.1.3": {"status": "hoan_thanh", "occurrence": "2026-Q2", "completed": D(2026, 7, 15)}})
    a = _state(plan, [q1, q2, q3], D(2026, 7, 25), "BKHCN", "IV.1.3")
    assert (a.state, a.occurrence, a.days) == (DONE_LATE, "2026-Q2", 15)
    assert a.next_due == D(2026, 9, 30)


def test_a_later_report_for_the_same_quarter_supersedes_the_earlier(plan: Plan) -> None:
    first = _report("BCA", "2026-Q2", D(2026, 7, 3), {"I.11": {"status": "dang_trien_khai"}}, "lan-1.yaml")
    second = _report("BCA", "2026-Q2", D(2026, 7, 15), {"I.11": {"status": "hoan_thanh", "completed": D(2026, 6, 29)}}, "lan-2.yaml")
    p = progress(plan, [second, first], D(2026, 10, 1))
    a = next(a for a in p.assessments if a.unit == "BCA" and a.item.key == "I.11")
    assert (a.state, a.file) == (DONE_ON_TIME, "lan-2.yaml")
    assert [(s.old.file, s.by.file) for s in p.history] == [("lan-1.yaml", "lan-2.yaml")]
    # Before the second was sent, the first was in force.
    p = progress(plan, [second, first], D(2026, 7, 10))
    assert next(a for a in p.assessments if a.unit == "BCA" and a.item.key == "I.11").file == "lan-1.yaml"


@pytest.mark.parametrize(("entry", "code"), [
    ({"status": "hoan_thanh"}, "st-completed-missing"),
    ({"status": "dung"}, "st-reason-missing"),
    ({"status": "de_nghi_dieu_chinh"}, "st-reason-missing"),
    ({"status": "dang_trien_khai", "completed": D(2026, 1, 5)}, "st-completed-not-done"),
    ({"status": "hoan_thanh", "completed": D(2026, 1, 5), "evidence": {"number": "12/QĐ-BCA"}}, "st-evidence-incomplete"),
])
def test_status_rules_are_located_vietnamese_findings(entry: dict, code: str) -> None:
    data = {"plan": "2629/QĐ-TTg", "unit": "BCA", "period": "2026-Q1", "submitted": D(2026, 4, 3), "progress": {"I.11": entry}}
    model, findings = validate_model(StatusReport, data, SourceMap("x.yaml"))
    assert model is None and [f.code for f in findings] == [code]


def test_tasks_done_in_a_quarter_for_the_quarterly_report(plan: Plan) -> None:
    r = _report("BCA", "2026-Q3", D(2026, 9, 28), {"I.11": {"status": "hoan_thanh", "completed": D(2026, 7, 10)},
                                                  "I.14": {"status": "hoan_thanh", "completed": D(2026, 6, 10)}})
    p = progress(plan, [r], D(2026, 10, 1))
    assert [(a.unit, a.item.key) for a in p.done_between(D(2026, 7, 1), D(2026, 9, 30))] == [("BCA", "I.11")]
    assert p.by_unit["BCA"].done == 2 and p.by_unit["BCA"].done_late == 1
