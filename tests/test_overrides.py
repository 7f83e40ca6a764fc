"""A province's own wording and letterhead without code: a `words:` section in its plan file and a
`templates/` folder in its data repository holding only the files it overrides (the rest come
from the bundled templates). Through the real command line, as a department runs it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from docx import Document as open_docx

from conftest import MINI_PLAN, REPO, run_cli

BASIC = Path(__file__).parent / "cases" / "valid" / "basic" / "reports"
EPOCH = {"SOURCE_DATE_EPOCH": "1672876800", "PLAN744_NO_CACHE": "1"}
WORDS = """
words:
  doc.title: BÁO CÁO NHANH
  year.h.results: I. KẾT QUẢ ĐẠT ĐƯỢC TRONG NĂM
  verdict.reached: Hoàn thành chỉ tiêu
"""
LETTERHEAD = """<div class="header">
  <div class="left"><div class="issuer">{{ x.issuer | join(" ") }}</div><div class="number">{{ x.number }}</div></div>
  <div class="right"><div class="nation">TIÊU ĐỀ RIÊNG CỦA TỈNH MẪU SƠN</div><div class="place-date">{{ x.place_date }}</div></div>
</div>"""


def repository(root: Path, words: str = WORDS, letterhead: bool = True) -> Path:
    """A data repository: plan744.toml, data/plan.yaml (the mini plan and `words`), data/reports,
    and a templates/ folder with one overridden partial."""
    (root / "data").mkdir(parents=True)
    (root / "plan744.toml").write_text('plan = "data/plan.yaml"\ndata = "data/reports"\n', encoding="utf-8")
    (root / "data" / "plan.yaml").write_text(MINI_PLAN.read_text(encoding="utf-8") + words, encoding="utf-8")
    shutil.copytree(BASIC, root / "data" / "reports")
    if letterhead:
        (root / "templates").mkdir()
        (root / "templates" / "_letterhead.html").write_text(LETTERHEAD, encoding="utf-8")
    return root


def report(root: Path, *extra: str):
    return run_cli("report", "--year", "2022", "--format", "html,docx", "--out", str(root / "out"), *extra,
                   cwd=root, env=EPOCH)


@pytest.fixture(scope="module")
def overridden(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = repository(tmp_path_factory.mktemp("province"))
    proc = report(root)
    assert proc.returncode == 0, proc.stderr.decode()
    return root / "out"


def test_the_plans_words_and_the_repositorys_letterhead_reach_the_html(overridden: Path) -> None:
    html = (overridden / "bao-cao-2022.html").read_text(encoding="utf-8")
    assert '<h1 class="title">BÁO CÁO NHANH</h1>' in html
    # The plan's heading keeps its words; the report numbers it in place (after I. the direction).
    assert ">II. KẾT QUẢ ĐẠT ĐƯỢC TRONG NĂM<" in html and "KẾT QUẢ THỰC HIỆN<" not in html
    assert ">Hoàn thành chỉ tiêu<" in html and ">Đạt<" not in html
    assert "TIÊU ĐỀ RIÊNG CỦA TỈNH MẪU SƠN" in html and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in html
    # Everything else still comes from the bundled templates.
    assert '<table class="data' in html and ">Chưa đến hạn (mục tiêu năm 2023)<" in html


def test_the_plans_words_reach_the_word_draft(overridden: Path) -> None:
    document = open_docx(str(overridden / "bao-cao-2022.docx"))
    texts = [p.text for p in document.paragraphs]
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "BÁO CÁO NHANH" in texts and "II. KẾT QUẢ ĐẠT ĐƯỢC TRONG NĂM" in texts
    assert "Hoàn thành chỉ tiêu" in cells and "Đạt" not in cells


def test_templates_option_layers_one_file_over_the_bundled_ones(tmp_path: Path) -> None:
    root = repository(tmp_path / "province", words="", letterhead=False)
    own = tmp_path / "own"
    own.mkdir()
    (own / "_letterhead.html").write_text(LETTERHEAD, encoding="utf-8")
    proc = report(root, "--templates", str(own))
    assert proc.returncode == 0, proc.stderr.decode()
    html = (root / "out" / "bao-cao-2022.html").read_text(encoding="utf-8")
    assert "TIÊU ĐỀ RIÊNG CỦA TỈNH MẪU SƠN" in html and '<h1 class="title">BÁO CÁO</h1>' in html
    proc = report(root, "--templates", str(tmp_path / "nowhere"))
    assert proc.returncode == 2 and "không có thư mục mẫu" in proc.stderr.decode()


def test_without_overrides_the_report_is_the_bundled_one(tmp_path: Path) -> None:
    root = repository(tmp_path / "province", words="", letterhead=False)
    assert report(root).returncode == 0
    plain = run_cli("report", "--year", "2022", "--format", "html", "--plan", str(root / "data" / "plan.yaml"),
                    "--data", str(root / "data" / "reports"), "--templates", str(REPO / "templates"),
                    "--out", str(tmp_path / "plain"), env=EPOCH)
    assert plain.returncode == 0, plain.stderr.decode()
    assert (root / "out" / "bao-cao-2022.html").read_bytes() == (tmp_path / "plain" / "bao-cao-2022.html").read_bytes()


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_an_unknown_word_is_a_located_error(tmp_path: Path) -> None:
    root = repository(tmp_path / "province", words="\nwords:\n  doc.title: BÁO CÁO NHANH\n  year.h.result: I. KẾT QUẢ\n",
                      letterhead=False)
    proc = run_cli("plan", "check", "--format", "json", cwd=root, env=EPOCH)
    assert proc.returncode == 1
    findings = [(f["code"], f["line"], f["column"]) for f in json.loads(proc.stdout)["findings"] if f["severity"] == "error"]
    line = _line_of((root / "data" / "plan.yaml").read_text(encoding="utf-8"), "year.h.result:")
    assert findings == [("extra_forbidden", line, 3)]


def test_a_word_with_a_blank_the_sentence_does_not_fill_is_a_located_error(tmp_path: Path) -> None:
    root = repository(tmp_path / "province", words="\nwords:\n  year.end: Trên đây là báo cáo năm {nam}./.\n",
                      letterhead=False)
    proc = report(root)
    assert proc.returncode == 1
    out = proc.stdout.decode()
    line = _line_of((root / "data" / "plan.yaml").read_text(encoding="utf-8"), "year.end:")
    assert f"{line}:13  lỗi      Giá trị không hợp lệ: từ “year.end” không có chỗ trống {{nam}} (dùng được: {{plan}}, {{year}})." in out
    assert "không tệp nào được ghi" in proc.stderr.decode() and not (root / "out").exists()


def test_a_word_template_in_the_repository_wins(tmp_path: Path) -> None:
    from docx.shared import Pt

    root = repository(tmp_path / "province", words="", letterhead=False)
    (root / "templates").mkdir()
    template = open_docx(str(REPO / "templates" / "report.docx"))
    template.styles["Normal"].font.size = Pt(13)
    template.save(str(root / "templates" / "report.docx"))
    assert report(root).returncode == 0
    assert open_docx(str(root / "out" / "bao-cao-2022.docx")).styles["Normal"].font.size == Pt(13)
