"""The department's notes file (issue 25, points 2 and 3): read strictly with located findings,
scaffolded without overwriting, used by the close-out and the 2025 report in the right sections,
its absence leaving the placeholders; and the drafting aids written from the figures (the unmet
targets with their 2021 start, the rows to carry over, the next period's basis named from data,
the units' causes grouped and counted as units, never as "ý kiến")."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from plan744.core.labels import speaking
from plan744.readers.notes import notes_file, read_notes
from plan744.report import compose_period as period
from plan744.report import compose_year as year
from plan744.report.compose_common import Issuance, t
from plan744.report.document import Bullets, Document, Heading, Para
from plan744.services.report import ReportRequest, build

from conftest import REPO, run_cli

GENERATED = dt.datetime(2026, 6, 30, 8, 0)
TODAY = dt.date(2027, 3, 1)
PLAN = REPO / "data" / "plan.yaml"
REPORTS = REPO / "data" / "reports"
NOTES = REPO / "data" / "notes"


def out(proc) -> str:
    return proc.stdout.decode("utf-8") + proc.stderr.decode("utf-8")


def figures(**span):
    outcome = build(ReportRequest(PLAN, REPORTS, REPO / "templates", (), today=TODAY, **span))
    assert outcome.figures is not None, [f.message for f in outcome.findings]
    return outcome.figures


@pytest.fixture(scope="module")
def closeout():
    return figures(period=(2021, 2025))


@pytest.fixture(scope="module")
def y2025():
    return figures(year=2025)


def notes(name: str):
    read = read_notes(NOTES / name)
    assert read.ok, [f.message for f in read.findings]
    return read.notes


def sections(doc: Document) -> dict[str, str]:
    """The body's text under each heading (numbers dropped, lower case), subsections included in
    their section."""
    found: dict[str, list[str]] = {}
    open_: list[tuple[int, str]] = []
    for b in doc.sections[0].blocks:
        if isinstance(b, Heading):
            key = re.sub(r"^(?:[IVXLC]+|\d+)\.\s+", "", b.text).casefold()
            open_ = [(lvl, k) for lvl, k in open_ if lvl < b.level] + [(b.level, key)]
            found[key] = []
            continue
        if isinstance(b, Para):
            lines = ["".join(r.text for r in b.content)]
        elif isinstance(b, Bullets):
            lines = ["".join(r.text for r in item) for item in b.items]
        else:
            continue
        for _, key in open_:
            found[key] += lines
    return {k: "\n".join(v) for k, v in found.items()}


def body(doc: Document) -> str:
    return "\n".join(sections(doc).values())


def compose(f, with_notes):
    with speaking(f.plan.words):
        if hasattr(f, "years"):
            return period.compose_period(f, Issuance(), GENERATED, notes=with_notes)
        return year.compose_year(f, Issuance(), GENERATED, notes=with_notes)


def words(plan, code: str, **params) -> str:
    with speaking(plan.words):
        return t(code, **params)


# --- the file --------------------------------------------------------------------------------------


def test_a_mistake_in_the_notes_is_a_located_finding(tmp_path: Path) -> None:
    bad = tmp_path / "2025.yaml"
    bad.write_text("illustrative: true\nrequest:\n  number: 12/BKHCN-CĐS\n  date: 2025-13-01\n"
                   "  issuer: Bộ Khoa học và Công nghệ\nhighlight: sai tên trường\n", encoding="utf-8")
    read = read_notes(bad)
    assert not read.ok and read.notes is None
    assert sorted((f.code, f.line, f.column) for f in read.findings) == [("date-invalid", 4, 9), ("extra_forbidden", 6, 1)]
    proc = run_cli("notes", "check", str(bad))
    text = out(proc)
    assert proc.returncode == 1 and "Traceback" not in text
    assert "4:9" in text and "ngày này không có trên lịch" in text and "highlight" in text


def test_a_date_written_as_text_and_broken_yaml_are_findings_too(tmp_path: Path) -> None:
    f = tmp_path / "2021-2025.yaml"
    f.write_text("directives:\n  - number: 1/KH-UBND\n    date: 15/3/2021\n    issuer: UBND tỉnh\n", encoding="utf-8")
    assert [(x.line, x.column) for x in read_notes(f).findings if x.is_error] == [(3, 11)]
    f.write_text("direction: [chưa đóng\n", encoding="utf-8")
    found = read_notes(f).findings
    assert found and all(x.line >= 1 for x in found) and read_notes(f).notes is None


def test_the_scaffold_checks_clean_and_is_never_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "notes" / "2025.yaml"
    made = run_cli("notes", "new", "--year", "2025", "--out", str(target))
    assert made.returncode == 0, out(made)
    text = target.read_text(encoding="utf-8")
    assert "illustrative: false" in text and "# directives:" in text
    assert run_cli("notes", "check", str(target)).returncode == 0
    target.write_text(text + "\nlessons: của cơ quan\n", encoding="utf-8")
    again = run_cli("notes", "new", "--year", "2025", "--out", str(target))
    assert again.returncode == 1 and "không ghi đè" in out(again)
    assert target.read_text(encoding="utf-8").endswith("lessons: của cơ quan\n")


@pytest.mark.parametrize("name", ["2025.yaml", "2021-2025.yaml"])
def test_the_bundled_notes_are_valid_and_marked_illustrative(name: str) -> None:
    assert notes(name).illustrative
    assert "MINH HỌA" in (NOTES / name).read_text(encoding="utf-8").split("\nillustrative:")[0]
    assert notes_file(NOTES, *((2025, 2025) if name == "2025.yaml" else (2021, 2025))) == NOTES / name


# --- the close-out -----------------------------------------------------------------------------------


def test_the_close_out_shows_the_notes_in_their_sections(closeout) -> None:
    n = notes("2021-2025.yaml")
    s = sections(compose(closeout, n))
    first = next(iter(s))
    assert first == words(closeout.plan, "review.h.direction").casefold()
    direction = s[first]
    assert "Kế hoạch số 0001/KH-UBND ngày 01/02/2021 của UBND tỉnh về" in direction
    assert words(closeout.plan, "review.illustrative") in direction
    assert re.search(r"năm 2021, \d+/\d+ đơn vị gửi báo cáo", direction)  # who reported, one sentence (I.4 folded)
    assert " ".join(n.lessons.split()) in s["bài học kinh nghiệm"]
    assert " ".join(n.proposals.split()) in s["đề xuất, kiến nghị"]
    assert " ".join(n.highlights.split()) in s["kết quả đạt được"]
    assert "Nguyên nhân khách quan: " + " ".join(n.causes_objective.split()) in s["nguyên nhân"]
    assert "tình hình gửi báo cáo của các đơn vị" not in s  # the section is folded into I


def _runs_with(doc: Document, text: str) -> list:
    found = []
    for section in doc.sections:
        for block in section.blocks:
            lines = block.items if isinstance(block, Bullets) else (block.content,) if isinstance(block, Para) else ()
            found += [r for line in lines for r in line if text in r.text]
    return found


def test_illustrative_notes_are_drawn_as_placeholders_and_real_ones_as_text(closeout) -> None:
    """Sample content must never read as fact: the drafter finds it by the placeholder style."""
    n = notes("2021-2025.yaml")
    assert n.illustrative
    lesson = n.lessons.split("\n")[0].strip()[:40]
    directive = "0001/KH-UBND"
    sample = compose(closeout, n)
    for text in (lesson, directive):
        found = _runs_with(sample, text)
        assert found and all(r.role == "placeholder" for r in found), text
    real = compose(closeout, n.model_copy(update={"illustrative": False}))
    for text in (lesson, directive):
        found = _runs_with(real, text)
        assert found and all(r.role != "placeholder" for r in found), text


def test_without_notes_the_placeholders_return(closeout) -> None:
    s = sections(compose(closeout, None))
    plan = closeout.plan
    assert words(plan, "review.direction.placeholder") in s[words(plan, "review.h.direction").casefold()]
    assert words(plan, "period.placeholder.lessons") in s["bài học kinh nghiệm"]
    assert words(plan, "review.placeholder.proposals") in s["đề xuất, kiến nghị"]
    assert words(plan, "period.placeholder.causes") in s["nguyên nhân"]
    text = body(compose(closeout, None))
    assert "0001/KH-UBND" not in text and words(plan, "review.illustrative") not in text


def test_the_report_uses_the_notes_folder_and_placeholders_return_without_it(tmp_path: Path) -> None:
    req = {"plan_path": PLAN, "data_dir": REPORTS, "templates": REPO / "templates", "formats": ("html",), "year": 2025,
           "today": TODAY, "generated": GENERATED}
    said: list[str] = []
    used = build(ReportRequest(**req, notes=NOTES), progress=said.append)
    assert used.notes_file == NOTES / "2025.yaml" and any("2025.yaml" in line for line in said)
    html = used.outputs["bao-cao-2025.html"].decode("utf-8")
    assert "0005/KH-UBND" in html
    empty = tmp_path / "notes"
    empty.mkdir()
    bare = build(ReportRequest(**req, notes=empty))
    assert bare.notes_file is None
    html = bare.outputs["bao-cao-2025.html"].decode("utf-8")
    assert "0005/KH-UBND" not in html and "[Cơ quan soạn thảo bổ sung" in html


def test_an_invalid_notes_file_stops_the_report_with_located_findings(tmp_path: Path) -> None:
    bad = tmp_path / "2025.yaml"
    bad.write_text("directives:\n  - number: 5/KH-UBND\n    date: 2025-02-30\n    issuer: UBND tỉnh\n", encoding="utf-8")
    proc = run_cli("report", "--year", "2025", "--format", "json", "--notes", str(tmp_path), "--out", str(tmp_path / "out"))
    text = out(proc)
    assert proc.returncode == 1 and "Traceback" not in text
    assert "3:11" in text and not (tmp_path / "out").exists()


def test_the_close_out_aids_name_the_unmet_targets_from_2021_and_the_rows(closeout) -> None:
    s = sections(compose(closeout, notes("2021-2025.yaml")))
    short = s["tồn tại, hạn chế"]
    assert re.search(r"Còn 03/15 chỉ tiêu chưa đạt: .*hồ sơ giải quyết theo DVCTT mức độ 3, 4 \(toàn tỉnh\) đạt 43,1% "
                     r"\(mục tiêu [^;]*50%[^;]*; năm 2021 là 11,9%\)", short)
    assert "TT 15 (lũy kế giải ngân 40,0% kinh phí dự kiến)" in short and "TT 28 (" in short and "TT 20 (" in short
    assert "không đánh giá" not in short  # a level that ended is assessed on its last figures
    gains = s["kết quả đạt được"]
    assert words(closeout.plan, "review.aid") in gains and "năm 2021" in gains


def test_the_directions_name_nq_57_and_qd_2629_from_the_notes_and_carry_over_the_rows(closeout) -> None:
    heading = next(k for k in sections(compose(closeout, None)) if k.startswith("phương hướng"))
    with_notes = sections(compose(closeout, notes("2021-2025.yaml")))[heading]
    assert "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị" in with_notes
    assert "Quyết định số 2629/QĐ-TTg ngày 01/12/2025 của Thủ tướng Chính phủ" in with_notes
    assert "toàn trình, một phần theo Nghị định số 42/2022/NĐ-CP" in with_notes
    assert "mức độ 3, 4" not in with_notes  # the next period in today's measure
    assert "Chuyển tiếp các nhiệm vụ TT 15, TT 28 sang giai đoạn 2026 - 2030" in with_notes
    assert "dừng nhiệm vụ TT 20" in with_notes and "các nhiệm vụ TT 20" not in with_notes
    without = sections(compose(closeout, None))[heading]
    assert "57-NQ/TW" not in without and "Chuyển tiếp các nhiệm vụ TT 15, TT 28" in without  # the names are data


def test_causes_are_grouped_by_theme_and_counted_as_units_never_as_opinions(closeout, y2025) -> None:
    for f in (closeout, y2025):
        text = body(compose(f, None))
        assert not re.search(r"\d+ ý kiến", text)
        causes = next(v for k, v in sections(compose(f, None)).items() if k.startswith("nguyên nhân"))
        assert re.search(r"nêu nhiều nhất là: [^.]*\(\d+ đơn vị\)", causes)


# --- the 2025 report ------------------------------------------------------------------------------------


def test_the_2025_report_prefills_the_next_period_and_uses_its_notes(y2025) -> None:
    n = notes("2025.yaml")
    s = sections(compose(y2025, n))
    assert next(iter(s)) == words(y2025.plan, "review.h.direction").casefold()
    nxt = s[words(y2025.plan, "year.h.next_period").casefold().split(". ", 1)[1]]
    assert "57-NQ/TW" in nxt and "Chuyển tiếp các nhiệm vụ TT 15, TT 28" in nxt and "nhiệm vụ TT 20" in nxt
    assert " ".join(n.proposals.split()) in s["đề xuất, kiến nghị"]
    assert " ".join(n.highlights.split()) in s["kết quả nổi bật"]
    bullets = [b for b in compose(y2025, n).sections[0].blocks if isinstance(b, Bullets)]
    quoted = [["".join(r.text for r in item) for item in b.items] for b in bullets if any(r.role == "unit" for r in b.items[0])]
    assert quoted and all(all(x.endswith(";") for x in q[:-1]) and q[-1].endswith(".") for q in quoted)
    ended = {u.name for u in y2025.plan.organisation.units if u.end is not None and u.end < y2025.window[1]}
    named = [r.text for b in bullets for item in b.items for r in item if r.role == "unit"]
    assert any(name.endswith(" (cũ)") for name in named)  # a district that ended in June is quoted as former
    assert not [name for name in named if name in ended]
