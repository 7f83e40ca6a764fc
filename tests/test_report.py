"""`plan744 report` end to end: the real CLI, real WeasyPrint, real files.

The HTML is compared with tests/golden/report-mini-2022.html; after a deliberate change
run `pytest tests/test_report.py --update-golden` and review the diff of that file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import MINI_PLAN, REPO, run_cli

BASIC = Path(__file__).parent / "cases" / "valid" / "basic" / "reports"
GOLDEN = Path(__file__).parent / "golden" / "report-mini-2022.html"
EPOCH = {"SOURCE_DATE_EPOCH": "1672876800"}  # 2023-01-05 00:00 UTC


def report(out: Path, *extra: str, data: Path = BASIC, env: dict | None = None):
    return run_cli("report", "--year", "2022", "--plan", str(MINI_PLAN), "--data", str(data),
                   "--templates", str(REPO / "templates"), "--out", str(out), *extra, env=env)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    proc = report(out, "--so", "15", "--ngay", "2023-01-05", "--nguoi-ky", "Nguyễn Văn Mẫu", env=EPOCH)
    assert proc.returncode == 0, proc.stderr.decode()
    return out


def pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    return "\n".join(page.extract_text() for page in reader.pages)


def test_pdf_has_the_header_number_date_and_hand_computed_figures(rendered: Path) -> None:
    text = " ".join(pdf_text(rendered / "bao-cao-2022.pdf").split())
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN",
        "TỈNH MẪU SƠN", "Số: 15/BC-UBND", "Mẫu Sơn, ngày 05 tháng 01 năm 2023", "BÁO CÁO",
        # van_ban: 1.700/2.000 + 800/1.000 = 2.500/3.000 = 83,3%
        "2.500/3.000", "83,3%",
        # budget: 45,5 of 50 allocated = 91,0%; cumulative 95,5 = 63,7% of 150
        "45,5", "91,0%", "95,5", "63,7%",
        "Nguyễn Văn Mẫu", "Nơi nhận:",
    ):
        assert expected in text, expected


def test_pdf_fonts_are_the_bundled_ones_embedded(rendered: Path) -> None:
    reader = PdfReader(rendered / "bao-cao-2022.pdf")
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = "/FontFile2" in descriptor
    assert fonts, "no fonts found"
    assert all(embedded for embedded in fonts.values()), fonts
    assert all("Liberation-Serif" in name for name in fonts), fonts
    assert len(reader.pages) >= 3


def test_html_matches_the_reviewed_golden_file(rendered: Path, update_golden: bool) -> None:
    html = (rendered / "bao-cao-2022.html").read_text(encoding="utf-8")
    if update_golden:
        GOLDEN.write_text(html, encoding="utf-8")
    assert html == GOLDEN.read_text(encoding="utf-8")


def test_same_inputs_give_byte_identical_outputs(tmp_path: Path, rendered: Path) -> None:
    proc = report(tmp_path, "--so", "15", "--ngay", "2023-01-05", "--nguoi-ky", "Nguyễn Văn Mẫu", env=EPOCH)
    assert proc.returncode == 0
    for name in ("bao-cao-2022.html", "bao-cao-2022.pdf"):
        assert (tmp_path / name).read_bytes() == (rendered / name).read_bytes(), name


def test_draft_leaves_number_and_date_blank(tmp_path: Path) -> None:
    assert report(tmp_path, "--format", "html", env=EPOCH).returncode == 0
    html = (tmp_path / "bao-cao-2022.html").read_text(encoding="utf-8")
    assert "Số:       /BC-UBND" in html  # blanks for the number, written at issuance
    assert "Mẫu Sơn, ngày …… tháng …… năm ……" in html
    assert not (tmp_path / "bao-cao-2022.pdf").exists()


def test_hostile_text_is_escaped_and_nothing_is_fetched(tmp_path: Path) -> None:
    data = tmp_path / "reports"
    shutil.copytree(BASIC, data)
    sub = data / "2022" / "S1.yaml"
    hostile = ('"<script>alert(1)</script><link rel=attachment href=file:///etc/passwd>'
               '<img src=file:///etc/passwd><style>body{background:url(http://example.invalid/x)}</style>"')
    sub.write_text(sub.read_text(encoding="utf-8").replace("  shortcomings: Hạ tầng cấp xã còn thiếu.",
                                                           f"  shortcomings: {hostile}"), encoding="utf-8")
    out = tmp_path / "out"
    proc = report(out, data=data, env=EPOCH)
    assert proc.returncode == 0, proc.stderr.decode()
    html = (out / "bao-cao-2022.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "<link rel=attachment" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;link rel=attachment href=file:///etc/passwd&gt;" in html
    reader = PdfReader(out / "bao-cao-2022.pdf")
    assert not reader.attachments
    assert "root:x:0:0" not in (out / "bao-cao-2022.pdf").read_bytes().decode("latin-1")
    assert "<script>alert(1)</script>" in " ".join(pdf_text(out / "bao-cao-2022.pdf").split())


def test_invalid_submission_writes_nothing_and_keeps_old_output(tmp_path: Path) -> None:
    data = tmp_path / "reports"
    shutil.copytree(BASIC, data)
    (data / "2022" / "S2.yaml").write_text("unit: S2\nyear: 2022\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "bao-cao-2022.html").write_text("bản cũ", encoding="utf-8")
    proc = report(out, data=data)
    assert proc.returncode == 1
    assert "S2.yaml" in proc.stdout.decode() and "không tệp nào được ghi" in proc.stderr.decode()
    assert sorted(p.name for p in out.iterdir()) == ["bao-cao-2022.html"]
    assert (out / "bao-cao-2022.html").read_text(encoding="utf-8") == "bản cũ"


def test_a_missing_unit_is_listed_as_missing(tmp_path: Path) -> None:
    data = tmp_path / "reports"
    shutil.copytree(BASIC, data)
    (data / "2022" / "H1.yaml").unlink()
    assert report(tmp_path / "out", "--format", "html", data=data).returncode == 0
    html = (tmp_path / "out" / "bao-cao-2022.html").read_text(encoding="utf-8")
    assert "3 đơn vị chưa gửi báo cáo: Sở Hai, huyện Một, huyện Hai" in html
