"""The judgements of the 2025 report and of the 2021–2025 close-out (issue 25; review items A2, A3,
A6, B1, B2, D4, E1, E2, E7): a level that ended mid-period judged on its last figures, the tally
counted on the plan's own list with its base, a partial year said beside its verdict, units that
sent nothing named, the table notes, the charts. On the bundled data, through the real figures,
composers and command line."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from plan744.core import display
from plan744.core.figures.assessment import Tally, quantitative_targets, split_by_level
from plan744.core.figures.codes import Attainment, Unassessed
from plan744.core.figures.period import period_figures
from plan744.core.figures.targets import attainment
from plan744.core.figures.year import year_figures
from plan744.core.labels import lower_first, speaking
from plan744.readers.files import discover
from plan744.report import chart
from plan744.report.compose_common import verdict
from plan744.report.compose_year_indicators import base_sentence, figure_text
from plan744.services.plans import load_plan
from plan744.services.validate import validate_files

from conftest import REPO, html_text, run_cli

FOUR = {"bao_cao_dinh_ky_he_thong_qg", "tthc_trien_khai_dvctt_34", "dao_tao_ky_nang_so", "kinh_phi_cntt"}
BASE = ("Kế hoạch đặt 15 chỉ tiêu định lượng (chỉ tiêu hồ sơ công việc xử lý trên môi trường mạng "
        "tính riêng từng cấp).")
TALLY = ("Đến hết năm 2025 (số liệu đến ngày 14/12/2025), có 12/15 chỉ tiêu đạt và vượt mục tiêu "
         "(trong đó 11 chỉ tiêu vượt), 03 chỉ tiêu chưa đạt.")
PARTIAL = ("Năm 2025, các chỉ tiêu báo cáo định kỳ trên Hệ thống thông tin báo cáo quốc gia; TTHC đáp ứng yêu cầu "
           "được triển khai DVCTT mức độ 3, 4; lãnh đạo phụ trách, cán bộ chuyên trách CNTT được đào tạo kỹ năng số; "
           "chi cho ứng dụng, phát triển CNTT trên tổng chi thường xuyên chưa bao gồm số liệu của cấp xã từ ngày 01/7/2025.")


@pytest.fixture(scope="module")
def bundled():
    plan = load_plan(REPO / "data" / "plan.yaml").plan
    files = discover([str(REPO / "data" / "reports")]).files
    parsed, _ = validate_files(plan, files, today=dt.date(2026, 6, 1), with_context=False, keep=True)
    return plan, [sf.submission for sf in parsed]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, tuple[str, str, dict]]:
    """{"year": (html, text, json), "period": …} from the real command line."""
    out: dict[str, tuple[str, str, dict]] = {}
    for name, span in (("year", ("--year", "2025")), ("period", ("--period", "2021-2025"))):
        folder: Path = tmp_path_factory.mktemp(name)
        result = run_cli("report", *span, "--format", "html,json", "--out", str(folder), env={"PLAN744_NO_CACHE": "1"})
        assert result.returncode == 0, result.stderr.decode()
        page = next(folder.glob("*.html")).read_text(encoding="utf-8")
        data = json.loads(next(p for p in folder.glob("*.json") if "schema" not in p.name).read_text(encoding="utf-8"))
        out[name] = (page, html_text(page), data)
    return out


def _section_i1(text: str) -> str:
    start = text.index("1. Kết quả thực hiện các chỉ tiêu", text.index("I. KẾT QUẢ THỰC HIỆN", text.index("BÁO CÁO")))
    return text[start:text.index("\n2. ", start)]


def _row(text: str, number: int, scope: str) -> str:
    return next(line for line in _section_i1(text).splitlines() if line.startswith(f"| {number} |") and scope in line)


# --- rule 1: a level that ended mid-period is judged on its last figures --------------------------


def test_a_level_that_ended_mid_period_is_assessed_on_its_last_figures(bundled, outputs) -> None:
    plan, subs = bundled
    f = year_figures(plan, 2025, subs)
    huyen = next(r for r in f.indicators if r.indicator.id == "ho_so_cong_viec_tren_mang" and r.scope == "huyen")
    assert huyen.level_end == dt.date(2025, 6, 30)
    assert (huyen.attainment, huyen.unassessed) == (Attainment.EXCEEDED, None)
    p = period_figures(plan, 2021, 2025, subs)
    closing = next(i for i in p.indicators if i.indicator.id == "ho_so_cong_viec_tren_mang" and i.scope == "huyen")
    assert closing.attainment is Attainment.EXCEEDED and closing in p.met and not p.not_assessed
    for name in ("year", "period"):
        text = outputs[name][1]
        assert _row(text, 3, "Cấp huyện").endswith("| Vượt (số liệu đến ngày 30/6/2025)")
        assert ("Cấp huyện kết thúc hoạt động ngày 30/6/2025: chỉ tiêu của cấp này được đánh giá trên số liệu "
                "đến ngày đó.") in _section_i1(text)
        assert "không đánh giá (cấp này đã kết thúc)" not in text.lower()


# --- rule 2: the tally on the plan's own list, its base said once ----------------------------------


def test_the_bundled_tally_is_12_of_15_with_its_base(bundled, outputs) -> None:
    plan, subs = bundled
    assert len(quantitative_targets(plan)) == 15
    assert [i.id for i in split_by_level(plan)] == ["ho_so_cong_viec_tren_mang"]
    p = period_figures(plan, 2021, 2025, subs)
    tally = Tally.of(plan, ((i.attainment, i.unassessed) for i in p.indicators))
    assert (tally.base, tally.met, tally.exceeded, tally.not_met, tally.not_assessed) == (15, 12, 11, 3, 0)
    with speaking(plan.words):
        assert base_sentence(plan) == BASE
    for name in ("year", "period"):
        i1 = _section_i1(outputs[name][1])
        assert i1.count(BASE) == 1 and TALLY in i1
        assert "có số liệu đạt" not in i1 and "hoặc của giai đoạn" not in i1
        assert not re.search(r"\([^()]*\(", i1), "nested brackets"
        assert not re.search(r"(^|\.\s)\d", i1.split("\n", 1)[1].split("\n| ")[0]), "a sentence starts with a digit"


def test_the_base_sentence_comes_from_the_plan_data() -> None:
    other = load_plan(REPO / "data" / "plans" / "qd-2629-2025.yaml").plan
    assert other is not None
    with speaking(other.words):
        sentence = base_sentence(other)
    assert f"{len(quantitative_targets(other)):02d} chỉ tiêu định lượng" in sentence
    split = split_by_level(other)
    assert split and all(lower_first(i.name) in sentence for i in split)
    assert "xử lý trên môi trường mạng" not in sentence  # nothing of Kế hoạch 744's own list


# --- rule 3: a partial year is said beside its verdict ----------------------------------------------


def test_a_partial_year_verdict_carries_its_caveat(bundled, outputs) -> None:
    plan, subs = bundled
    f = year_figures(plan, 2025, subs)
    assert {r.indicator.id for r in f.partial_year} == FOUR
    assert {(r.uncovered_from, r.uncovered_levels) for r in f.partial_year} == {(dt.date(2025, 7, 1), ("xa",))}
    assert not year_figures(plan, 2024, subs).partial_year  # nothing was lost before the reform
    for name in ("year", "period"):
        text = outputs[name][1]
        i1 = _section_i1(text)
        assert i1.count(PARTIAL) == 1  # said once, in the text (not again in the table's note)
        for number, row in ((5, "Báo cáo định kỳ"), (13, "TTHC đáp ứng"), (17, "Lãnh đạo phụ trách"), (18, "Chi cho")):
            line = _row(text, number, row)
            assert line.endswith("(chưa gồm cấp xã từ 01/7/2025)"), line
        assert "(chưa gồm cấp xã" not in _row(text, 1, "Văn bản")  # the communes report that one
    money = outputs["year"][1]
    assert "bằng 1,53%" in money and "đạt (chưa gồm cấp xã từ 01/7/2025)" in money


# --- A6: units that sent nothing, and the base of a state at the year's end -------------------------


def test_the_commune_meeting_system_is_129_of_130_and_names_my_ly(bundled, outputs) -> None:
    plan, subs = bundled
    f = year_figures(plan, 2025, subs)
    xa = next(r for r in f.indicators if r.indicator.id == "he_thong_hop_xu_ly_cong_viec" and r.scope == "xa")
    assert (xa.reporting_units, xa.expected_units) == (129, 130)
    assert [u.name for u in xa.missing] == ["Xã Mỹ Lý"]
    for name in ("year", "period"):
        i1 = _section_i1(outputs[name][1])
        assert "129/130 xã, phường (xã Mỹ Lý chưa báo cáo)" in i1 and "129/129" not in i1
        # the table beside it shows 100%: a year's figure is over the units that reported, and the note says so
        assert ("Năm 2025, chỉ tiêu hệ thống thông tin phục vụ họp và xử lý công việc (cấp xã) tính trên 129/130 xã, "
                "phường sau sắp xếp đã gửi báo cáo (xã Mỹ Lý chưa báo cáo).") in i1


def test_the_json_expects_130_units_for_the_commune_meeting_system(outputs) -> None:
    records = [r for r in outputs["year"][2]["tables"]["indicators"]
               if r["indicator"] == "he_thong_hop_xu_ly_cong_viec" and r["scope"] == "xa" and r["year"] == 2025]
    assert [(r["reporting_units"], r["expected_units"]) for r in records] == [(129, 130)]
    period = [r for r in outputs["period"][2]["tables"]["indicators"]
              if r["indicator"] == "he_thong_hop_xu_ly_cong_viec" and r["scope"] == "xa" and r["year"] == 2025]
    assert [r["expected_units"] for r in period] == [130]


# --- B2, E1, E2: the table and its note -------------------------------------------------------------


def test_no_reference_only_words_are_put_in_the_plans_mouth(outputs) -> None:
    for name in ("year", "period"):
        assert "kế hoạch ghi “chỉ để tham khảo”" not in outputs[name][1].lower()
    assert ("Ghi chú: tỷ lệ từng năm = tổng tử số/tổng mẫu số của các đơn vị báo cáo; cột Đánh giá so sánh kết quả "
            "năm 2025 với mục tiêu Kế hoạch. Số liệu năm 2020 (Phần I của Kế hoạch) đo khác phạm vi, chỉ dùng để "
            "tham khảo.") in _section_i1(outputs["period"][1])


def test_the_last_years_table_has_no_path_column_and_short_targets(outputs) -> None:
    text = outputs["year"][1]
    header = next(line for line in _section_i1(text).splitlines() if line.startswith("| TT |"))
    assert "Lộ trình" not in header
    for number, scope in ((6, "Cấp tỉnh"), (7, "Cấp huyện")):
        assert "| Triển khai nhân rộng từ cấp tỉnh, cấp huyện |" in _row(text, number, scope)
    assert "| 80% báo cáo định kỳ | 100% 5.770/5.770" in _row(text, 5, "Báo cáo định kỳ")


def test_an_earlier_year_keeps_its_path_column(tmp_path) -> None:
    result = run_cli("report", "--year", "2023", "--format", "html", "--out", str(tmp_path), env={"PLAN744_NO_CACHE": "1"})
    assert result.returncode == 0, result.stderr.decode()
    text = html_text(next(tmp_path.glob("*.html")).read_text(encoding="utf-8"))
    header = next(line for line in _section_i1(text).splitlines() if line.startswith("| TT |"))
    assert "Lộ trình năm 2023" in header
    assert "Năm 2023 (số liệu đến ngày 14/12/2023), có" in _section_i1(text)


# --- a figure never contradicts its verdict ----------------------------------------------------------


def _parse(shown: str) -> Decimal:
    return Decimal(shown.split()[0].rstrip("%").replace(".", "").replace(",", "."))


def test_no_verdict_stands_beside_a_contradicting_rounded_figure(bundled) -> None:
    plan, subs = bundled
    checked = 0
    with speaking(plan.words):
        for year in range(2021, 2026):
            for r in year_figures(plan, year, subs).indicators:
                judged = r.attainment is not Attainment.NOT_ASSESSED or r.unassessed is Unassessed.NOT_YET_DUE
                if not judged or r.target is None or r.judged is None:
                    continue
                # "Chưa đến hạn" means not reached yet: its figure must not read as reached either.
                as_read = attainment(r.target, _parse(figure_text(r)))[0]
                assert as_read.met == r.attainment.met, (year, r.indicator.id, figure_text(r), verdict(r))
                checked += 1
    assert checked == 5 * len(quantitative_targets(plan)) == 75  # every quantitative target, every year


# --- E7: the charts --------------------------------------------------------------------------------


def _lines(drawing) -> list[str]:
    return [s.text.replace("\u00a0", " ") for s in drawing.shapes if s.kind == "text"]


def test_chart_labels_are_whole_and_the_legend_says_the_tables_words(bundled, outputs) -> None:
    plan, subs = bundled
    f = year_figures(plan, 2025, subs)
    scopes = display.scope_names(plan)
    with speaking(plan.words):
        drawing = chart.year_chart(f.indicators, scopes, "t")
        words = {verdict(r) for r in f.indicators}
    assert drawing is not None
    texts = _lines(drawing)
    assert not any("…" in x for x in texts)
    joined = " ".join(texts)
    drawn = [r for r in f.indicators if r.indicator.is_percent and r.indicator.measure == "count"
             and r.target is not None and r.target.kind != "qualitative"]
    for r in drawn:
        assert f"{r.indicator.name} ({scopes[r.scope]})" in joined
    assert "Hệ thống thông tin phục vụ họp" not in joined  # a target without a number is not drawn
    legend = [x for x in texts if x in words or "," in x and set(x.split(", ")) <= words]
    assert legend and "Chưa đánh giá" not in texts
    for name in ("year", "period"):
        assert re.search(r"Biểu đồ 1\. [^\n]+ Nguồn: tổng hợp từ báo cáo của các cơ quan, đơn vị\.", outputs[name][1])
        assert "(Toàn…" not in outputs[name][0] and "Toàn tỉnh) (Toàn" not in outputs[name][0]


def test_the_funding_ratio_has_its_own_scale() -> None:
    series = chart.Series(label="Chi cho ứng dụng, phát triển CNTT trên tổng chi thường xuyên (toàn tỉnh)",
                          points=((2024, Decimal("1.45")), (2025, Decimal("1.53"))), target=Decimal(1),
                          stretch=Decimal(2), baseline=None, met=True, percent=True, shown_last="1,53%", verdict="Đạt")
    drawing = chart.small_multiples([series], "t")
    assert drawing is not None
    ticks = [x for x in _lines(drawing) if x.endswith("%")]
    assert "100%" not in ticks and "0%" in ticks
    assert "Chi cho ứng dụng, phát triển CNTT trên tổng chi thường xuyên (toàn tỉnh)" in " ".join(_lines(drawing))


def _struck_end_labels(drawing) -> list[tuple[str, list]]:
    """Each panel's last value (a right-aligned label of `chart.END_LABEL`) with the lines that
    pass through its box."""
    lines = [s for s in drawing.shapes if s.kind in ("line", "polyline")]
    ends = [s for s in drawing.shapes if s.kind == "text" and s.size == chart.END_LABEL and s.anchor == "end"]
    assert ends
    out = []
    for label in ends:
        [(x, base)] = label.points
        box = chart.label_box(x, base, label.text)
        out.append((label.text, [s.points for s in lines if chart.crosses(s, box)]))
    return out


def test_no_line_strikes_a_panels_last_value(bundled) -> None:
    """The close-out's chart prints each indicator's last value clear of its panel's lines: the
    target, the stretch target, the path from the baseline and the series itself ("43,1%" sat on
    the 50% target line, "1,53%" on the 2% one)."""
    from plan744.report.compose_common import Numbering
    from plan744.report.compose_period_indicators import indicators
    from plan744.report.document import Figure

    plan, subs = bundled
    p = period_figures(plan, 2021, 2025, subs)
    with speaking(plan.words):
        [figure] = [b for b in indicators(p, display.scope_names(plan), Numbering()) if isinstance(b, Figure)]
    assert [(text, struck) for text, struck in _struck_end_labels(figure.drawing) if struck] == []
    # A target just above the last point, the path rising to meet it: the value goes below.
    near = chart.Series(label="Hồ sơ (toàn tỉnh)", points=tuple((y, Decimal(v)) for y, v in
                                                             ((2021, 12), (2023, 27), (2025, "43.1"))),
                        target=Decimal(50), stretch=None, baseline=(2020, Decimal(4)), met=False, percent=True,
                        shown_last="43,1%", verdict="Chưa đạt")
    drawing = chart.small_multiples([near], "t")
    assert drawing is not None
    assert _struck_end_labels(drawing) == [("43,1%", [])]


def test_the_json_carries_the_partial_year_and_the_missing_units(outputs) -> None:
    for name in ("year", "period"):
        records = [r for r in outputs[name][2]["tables"]["indicators"] if r["year"] == 2025]
        gaps = {r["indicator"]: (r["uncovered_from"], r["uncovered_levels"]) for r in records if r["uncovered_from"]}
        assert gaps == dict.fromkeys(FOUR, ("2025-07-01", "xa"))
        xa = next(r for r in records if r["indicator"] == "he_thong_hop_xu_ly_cong_viec" and r["scope"] == "xa")
        assert xa["missing_units"] == "XA_MYLY"
