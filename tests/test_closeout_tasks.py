"""Task results as results, the appendix rows at the end of the period and their money, in the
2025 report and the 2021–2025 close-out (issue 25, point 5 and the totals of point 6)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from decimal import Decimal

import pytest
import yaml

from plan744.core import display
from plan744.core.figures.period import period_figures
from plan744.core.figures.year import year_figures
from plan744.readers.files import discover
from plan744.report.compose_common import Issuance
from plan744.report.compose_period import compose_period
from plan744.report.compose_year import compose_year
from plan744.report.document import Bullets, Para, Table
from plan744.services.plans import load_plan
from plan744.services.validate import validate_files

from conftest import REPO

DATA = REPO / "data" / "reports"
WHEN = dt.datetime(2026, 1, 15, 8, 0)
DONE = {"hoan_thanh", "hoan_thanh_qua_han"}


@pytest.fixture(scope="module")
def bundled():
    plan = load_plan(REPO / "data" / "plan.yaml").plan
    parsed, _ = validate_files(plan, discover([str(DATA)]).files, today=dt.date(2026, 1, 15), with_context=False, keep=True)
    return plan, [sf.submission for sf in parsed]


def _text(blocks, tables: bool = True) -> str:
    out = []
    for b in blocks:
        if isinstance(b, Para):
            out.append("".join(r.text for r in b.content))
        elif isinstance(b, Bullets):
            out += ["".join(r.text for r in item) for item in b.items]
        elif isinstance(b, Table) and tables:
            out += [" | ".join("".join(r.text for inline in c.lines for r in inline) for c in row.cells) for row in b.rows]
    return "\n".join(out)


def _doc_text(doc) -> str:
    return "\n".join(_text(s.blocks) for s in doc.sections)


@pytest.fixture(scope="module")
def year_doc(bundled):
    plan, subs = bundled
    return compose_year(year_figures(plan, 2025, subs), Issuance(), WHEN)


@pytest.fixture(scope="module")
def period(bundled):
    plan, subs = bundled
    p = period_figures(plan, 2021, 2025, subs)
    return p, compose_period(p, Issuance(), WHEN)


def _raw(year: int) -> list[dict]:
    return [yaml.safe_load(f.read_text(encoding="utf-8")) for f in sorted((DATA / str(year)).glob("*.yaml"))]


def test_coverage_counts_units_still_existing_recomputed_from_the_raw_reports(bundled, year_doc) -> None:
    plan, _ = bundled
    alive = {u.code for u in plan.units if u.alive_on(dt.date(2025, 12, 31))}
    text = _doc_text(year_doc)
    for task in (t for t in plan.tasks if t.id.startswith("III.3")):
        statuses = [r["tasks"][task.id]["status"] for r in _raw(2025) if task.id in (r.get("tasks") or {}) and r["unit"] in alive]
        words = {"hoan_thanh": "hoàn thành", "hoan_thanh_qua_han": "hoàn thành", "dang_trien_khai": "đang triển khai",
                 "cham_tien_do": "chậm tiến độ", "chua_trien_khai": "chưa triển khai", "tam_dung": "tạm dừng"}
        counts = Counter(words[s] for s in statuses)
        n = len(statuses)
        assert 0 < n < 170  # the districts that ended on 30/6/2025 are left out
        line = next(x for x in text.split("\n") if x.startswith(f"{task.title} (Phần thứ hai, III.3): "))
        if len(counts) == 1:  # one status for all: said once, with the count of those that reported
            assert f": {next(iter(counts))} (cả {n} đơn vị đã báo cáo)." in line
            continue
        for word, k in counts.items():
            assert (f"{k}/{n} đơn vị đã hoàn thành" if word == "hoàn thành" else f"{k} đơn vị {word}") in line

def test_results_never_cut_and_print_no_zero_category(year_doc, period) -> None:
    for doc in (year_doc, period[1]):
        body = _text(doc.sections[0].blocks, tables=False)
        results = body.split("Mục tiêu định tính")[1].split("(Chi tiết tại Phụ lục")[0]
        assert "…" not in results
        assert not re.search(r"(?<![\d.,])0 (chưa triển khai|đang triển khai|chậm tiến độ|hoàn thành|tạm dừng|đơn vị)", body)
        assert "lượt báo cáo" not in body  # no unit × task pair counts
        assert not re.search(r"(?:^|\. )\d", results, re.MULTILINE)  # no sentence starts with a digit


def test_appendix_rows_named_with_cumulative_shares(bundled, period, year_doc) -> None:
    p, doc = period
    for text in (_doc_text(doc), _doc_text(year_doc)):
        assert "Đến hết năm 2025, 25/28 nhiệm vụ, dự án đã hoàn thành." in text
        assert "Còn 02 nhiệm vụ, dự án chưa hoàn thành, đề xuất chuyển tiếp sang giai đoạn 2026 - 2030" in text
        for r in p.rows:
            if r.task.tt in (15, 28):
                spent = sum((Decimal(str(a.get("disbursed") or 0)) for y in range(2021, 2026) for rep in _raw(y)
                             for a in rep.get("appendix") or [] if a["tt"] == r.task.tt), Decimal(0))
                share = (spent * 100 / Decimal(str(r.task.cost))).quantize(Decimal("0.1"))
                name = " ".join(r.task.name.split()).rstrip(". ")
                assert f"“{name}” (TT {r.task.tt}; " in text
                assert f"lũy kế giải ngân {str(share).replace('.', ',')}% kinh phí dự kiến" in text
        assert ("(TT 20; Sở Thông tin và Truyền thông, nay là Sở Khoa học và Công nghệ chủ trì) tạm dừng") in text
    # the pointer names the appendix the rows are in, as the document numbers its appendices
    for d, title in ((doc, "TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ, DỰ ÁN GIAI ĐOẠN"), (year_doc, "TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ, DỰ ÁN NĂM")):
        annex = next(s for s in d.sections if s.title.startswith(title))
        assert annex.appendix.startswith("Phụ lục ")
        assert f"(Chi tiết tại {annex.appendix} kèm theo.)" in _text(d.sections[0].blocks)


def test_funding_total_rate_and_the_plans_own_total(period) -> None:
    p, doc = period
    allocated = disbursed = Decimal(0)
    for y in range(2021, 2026):
        for rep in _raw(y):
            for a in rep.get("appendix") or []:
                allocated += Decimal(str(a.get("allocated") or 0))
                disbursed += Decimal(str(a.get("disbursed") or 0))
    rate = (disbursed * 100 / allocated).quantize(Decimal("0.1"))
    text = _doc_text(doc)
    assert f"Cộng | 359.854,3 | 315.068,8 | {str(rate).replace('.', ',')}%" in text
    assert str(rate) == "87.6"
    stated = yaml.safe_load((REPO / "data" / "plan.yaml").read_text(encoding="utf-8"))["budget"]["stated_total_vnd"] // 10**6
    assert f"{stated:,}".replace(",", ".") + " triệu đồng" in text
    assert "Cơ quan soạn thảo bổ sung: kinh phí đã thực hiện theo nguồn" in text


def test_closeout_appendix_total_row_notes_and_leads_as_then(period) -> None:
    p, doc = period
    annex = next(s for s in doc.sections if s.title.startswith("TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ, DỰ ÁN GIAI ĐOẠN"))
    table = next(b for b in annex.blocks if isinstance(b, Table))
    rows = [["".join(r.text for inline in c.lines for r in inline) for c in row.cells] for row in table.rows]
    total = rows[-1]
    assert total[1] == "Cộng"
    years = range(2021, 2026)
    for i, y in enumerate(years):
        spent = sum((d for r in p.rows for yy, _, d in r.by_year if yy == y), Decimal(0))
        assert total[4 + i] == display.money(spent)
    by_tt = {r[0]: r for r in rows[:-1]}
    assert by_tt["1"][2] == "Sở Thông tin và Truyền thông (nay là Sở Khoa học và Công nghệ)"
    assert by_tt["9"][2] == "Sở Du lịch (nay là Sở Văn hóa, Thể thao và Du lịch)"
    assert by_tt["10"][2] == "Sở Kế hoạch và Đầu tư (nay là Sở Tài chính)"
    assert by_tt["27"][2] == "Sở Lao động - Thương binh và Xã hội (nay là Sở Nội vụ)"
    flagged = {r.task.tt for r in p.rows if r.done and r.cumulative_share is not None and r.cumulative_share < 70}
    assert flagged and {tt for tt, r in by_tt.items() if r[-1]} == {str(tt) for tt in flagged}
    # the flag is a note for the drafter, never signed text: every run of the note column is a placeholder
    notes = [r for row in table.rows[:-1] for inline in row.cells[-1].lines for r in inline if r.text]
    assert notes and all(r.role == "placeholder" for r in notes)


def test_qualitative_targets_listed(bundled, year_doc, period) -> None:
    plan, _ = bundled
    for doc in (year_doc, period[1]):
        text = _doc_text(doc)
        assert "Mục tiêu định tính" in text
        for task in plan.tasks:
            if task.id.startswith("III."):
                assert f"{task.title} ({task.section}): " in text


def test_a_narrative_that_contradicts_a_row_is_listed(year_doc) -> None:
    assert "TT 20 (tạm dừng): Sở Khoa học và Công nghệ viết “Nhiệm vụ TT 20" in _doc_text(year_doc)


@pytest.mark.parametrize("year", [2021, 2023, 2024])
def test_other_years_still_compose(bundled, year: int) -> None:
    plan, subs = bundled
    text = _doc_text(compose_year(year_figures(plan, year, subs), Issuance(), WHEN))
    assert "Mục tiêu định tính" in text and "lượt báo cáo" not in text
