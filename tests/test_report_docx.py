"""`plan744 report --format docx`: the Word draft, opened with python-docx.

The real CLI in a subprocess on the fictional mini plan (tests/fixtures/plans/mini.yaml) and
its valid submissions; the figures are checked against plan744.core.figures.year_figures,
formatted with plan744.core.display, and by hand (the comments).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import lxml.html
import pytest
from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from plan744.core import display
from plan744.core.display import scope_names
from plan744.core.figures.codes import PathStatus
from plan744.core.figures.year import year_figures
from plan744.core.labels import PATH
from plan744.core.vnformat import format_money_million, format_percent
from plan744.report.compose_common import shown, verdict
from plan744.report.compose_year_indicators import missing_text
from plan744.report.docx import DATA_TABLE, LAYOUT_TABLE, REQUIRED_STYLES
from plan744.services.plans import load_plan
from plan744.services.validate import parse_submission

from conftest import MINI_PLAN, REPO, run_cli

BASIC = Path(__file__).parent / "cases" / "valid" / "basic" / "reports"
TEMPLATES = REPO / "templates"
EPOCH = {"SOURCE_DATE_EPOCH": "1672876800"}  # 2023-01-05 00:00 UTC
ISSUED = ("--so", "15", "--ngay", "2023-01-05", "--nguoi-ky", "Nguyễn Văn Mẫu")


def report(out: Path, *extra: str, data: Path = BASIC, templates: Path = TEMPLATES, env: dict | None = None):
    return run_cli("report", "--year", "2022", "--plan", str(MINI_PLAN), "--data", str(data),
                   "--templates", str(templates), "--out", str(out), *extra, env=env)


@pytest.fixture(scope="module")
def draft(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A draft (no number, date or signer), HTML and Word, from the same run."""
    out = tmp_path_factory.mktemp("draft")
    proc = report(out, "--format", "all", env=EPOCH)
    assert proc.returncode == 0, proc.stderr.decode()
    return out


@pytest.fixture(scope="module")
def doc(draft: Path) -> DocumentObject:
    return Document(str(draft / "bao-cao-2022.docx"))


@pytest.fixture(scope="module")
def kpi():
    plan = load_plan(MINI_PLAN).plan
    subs = [parse_submission(p, plan)[0].submission for p in sorted(BASIC.rglob("*.yaml"))]
    return year_figures(plan, 2022, subs)


def text_width(document: DocumentObject, section=None) -> int:
    section = section or document.sections[0]
    return Emu(section.page_width - section.left_margin - section.right_margin)


def width_at(document: DocumentObject, table: Table) -> int:
    """The text width of the section a table sits in (a landscape appendix is wider)."""
    body = list(document.element.body.iterchildren())
    after = body[body.index(table._tbl):]
    breaks = [el for el in after if el.tag == qn("w:p") and el.find(qn("w:pPr")) is not None
              and el.find(qn("w:pPr")).find(qn("w:sectPr")) is not None]
    if breaks:
        from docx.section import Section

        return text_width(document, Section(breaks[0].find(qn("w:pPr")).find(qn("w:sectPr")), document.part))
    return text_width(document, document.sections[-1])


def blocks(document: DocumentObject):
    """The body in reading order: Paragraph and Table objects."""
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            yield Table(child, document)


def data_tables(document: DocumentObject) -> list[Table]:
    return [t for t in document.tables if t.style is not None and t.style.name == DATA_TABLE]


def rows_text(table: Table) -> list[list[str]]:
    out = []
    for tr in table._tbl.tr_lst:  # one entry per real cell (a merged cell once)
        out.append(["\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p")))
                    for tc in tr.tc_lst])
    return out


def all_words(document: DocumentObject) -> list[str]:
    words: list[str] = []
    for block in blocks(document):
        if isinstance(block, Paragraph):
            words += block.text.split()
        else:
            for row in rows_text(block):
                for cell in row:
                    words += cell.split()
    return words


def html_words(html: str) -> list[str]:
    tree = lxml.html.document_fromstring(html)
    body = tree.find("body")
    for el in list(body.iter("svg", "style", "script", "nav")):  # the table of contents is for the screen only
        el.drop_tree()
    for el in body.iter():  # a browser shows block boundaries and <br> as line breaks
        if isinstance(el.tag, str) and el.tag in ("br", "div", "p", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "hr"):
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "")
    return body.text_content().split()


# --- structure and layout (Nghị định 30/2020/NĐ-CP) --------------------------------


def test_page_is_a4_with_the_decree_margins_and_page_numbers_from_page_two(doc: DocumentObject) -> None:
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(m.mm, 1) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                      section.right_margin)] == [20.0, 20.0, 30.0, 15.0]
    assert section.different_first_page_header_footer
    header_xml = section.header._element.xml
    assert "PAGE" in "".join(section.header._element.itertext()) or " PAGE " in header_xml
    (number,) = [p for p in section.header.paragraphs if p.text.strip()]
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER or number.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert "PAGE" not in "".join(section.first_page_header._element.itertext())


def test_each_section_has_the_orientation_of_its_page(doc: DocumentObject) -> None:
    """Landscape sections are wide, portrait ones tall, and the wide appendix tables get the wide ones."""
    from docx.enum.section import WD_ORIENT

    shapes = [(s.orientation == WD_ORIENT.LANDSCAPE, s.page_width > s.page_height) for s in doc.sections]
    assert all(landscape == wide for landscape, wide in shapes), shapes
    assert shapes[0] == (False, False) and any(landscape for landscape, _ in shapes)


def test_styles_live_in_the_template(doc: DocumentObject) -> None:
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
    fonts = normal.element.rPr.rFonts
    assert {fonts.get(qn(f"w:{k}")) for k in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Times New Roman"}
    fmt = normal.paragraph_format
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY and round(fmt.first_line_indent.cm, 2) == 1.0  # 567 twips
    assert doc.styles["Heading 1"].font.bold and doc.styles["Heading 3"].font.italic
    for kind, names in REQUIRED_STYLES.items():
        for name in names:
            assert doc.styles[name].type == kind, name
    # The body is written in those styles, not in direct formatting.
    body = [b for b in blocks(doc) if isinstance(b, Paragraph) and "trên cơ sở báo cáo của các sở và huyện" in b.text]
    assert body and body[0].style.name == "Normal" and body[0].paragraph_format.first_line_indent is None
    headings = {b.text: b.style.name for b in blocks(doc) if isinstance(b, Paragraph)}
    assert headings["BÁO CÁO"] == "Title"
    assert headings["I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TỔ CHỨC TRIỂN KHAI"] == "Heading 1"
    assert headings["II. KẾT QUẢ THỰC HIỆN"] == "Heading 1"
    assert headings["1. Kết quả thực hiện các chỉ tiêu"] == "Heading 2"
    assert headings["Sở (2 đơn vị)"] == "Heading 3"


def test_header_is_a_borderless_two_column_table_with_blank_number_and_date(doc: DocumentObject) -> None:
    first = next(blocks(doc))
    assert isinstance(first, Table) and first.style.name == LAYOUT_TABLE
    borders = doc.styles[LAYOUT_TABLE].element.find(qn("w:tblPr")).find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    left, right = (c.text.split("\n") for c in first.rows[0].cells)
    assert [line for line in left if line] == ["ỦY BAN NHÂN DÂN", "TỈNH MẪU SƠN", "Số:       /BC-UBND"]
    assert [line for line in right if line] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                                "Mẫu Sơn, ngày …… tháng …… năm ……"]
    # The issuing body and the nation are in capitals and bold through their styles.
    styles = {p.text: p.style for c in first.rows[0].cells for p in c.paragraphs}
    assert styles["TỈNH MẪU SƠN"].font.bold and styles["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"].font.bold
    assert styles["Mẫu Sơn, ngày …… tháng …… năm ……"].font.italic
    texts = [b.text for b in blocks(doc) if isinstance(b, Paragraph)]
    assert "Kết quả thực hiện năm 2022 Kế hoạch số 12/KH-UBND ngày 20/01/2021 của UBND tỉnh Mẫu Sơn" in texts
    # The day the draft was made (SOURCE_DATE_EPOCH) and the data's cut-off, told apart.
    assert any(t.startswith("DỰ THẢO lập ngày 05/01/2023; số liệu đến ngày 31/12/2022.") for t in texts)
    assert not any("plan744" in t for t in texts)  # the signed text never names the tool


def test_issued_report_has_number_date_and_signer(tmp_path: Path) -> None:
    proc = report(tmp_path, "--format", "docx", *ISSUED, env=EPOCH)
    assert proc.returncode == 0, proc.stderr.decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao-2022.docx"]
    issued = Document(str(tmp_path / "bao-cao-2022.docx"))
    left, right = (c.text for c in issued.tables[0].rows[0].cells)
    assert "Số: 15/BC-UBND" in left and "Mẫu Sơn, ngày 05 tháng 01 năm 2023" in right
    closing = next(t for t in issued.tables if "Nơi nhận:" in t.rows[0].cells[0].text)
    assert closing.rows[0].cells[1].text.split() == "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Nguyễn Văn Mẫu".split()
    assert not any(p.text.startswith("Dự thảo do plan744") for p in issued.paragraphs)
    assert "(Kèm theo Báo cáo số 15/BC-UBND ngày 05 tháng 01 năm 2023 của UBND tỉnh Mẫu Sơn)" in [p.text for p in issued.paragraphs]


def test_closing_has_recipients_and_signature_block(doc: DocumentObject) -> None:
    closing = next(t for t in doc.tables if "Nơi nhận:" in t.rows[0].cells[0].text)
    assert closing.style.name == LAYOUT_TABLE
    recipients, signature = closing.rows[0].cells
    # The mini plan writes only "Lưu: VT" and names no drafting department: the department's code is left to fill in.
    assert [p.text for p in recipients.paragraphs] == ["Nơi nhận:", "- Lưu: VT, [ký hiệu phòng chuyên môn]."]
    assert [p.style.name for p in recipients.paragraphs] == ["Nơi nhận - tiêu đề", "Nơi nhận"]
    assert [p.text for p in signature.paragraphs if p.text] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert signature.paragraphs[-1].text == ""  # the signer's name, written at issuance


# --- figures ----------------------------------------------------------------------


def test_indicator_table_figures_equal_the_computed_figures(doc: DocumentObject, kpi) -> None:
    table = data_tables(doc)[0]
    header, *rows = rows_text(table)
    assert header[:4] == ["TT", "Chỉ tiêu", "Mục tiêu", "Kết quả năm 2022"]
    assert len(rows) == len(kpi.indicators) == 3
    scopes = scope_names(kpi.plan)
    for i, (row, res) in enumerate(zip(rows, kpi.indicators, strict=True), start=1):
        state = verdict(res)
        if res.path in (PathStatus.AHEAD, PathStatus.ON_TRACK, PathStatus.BEHIND):
            state += "; " + PATH[res.path][0].lower() + PATH[res.path][1:]
        assert res.missing  # Sở Hai and huyện Hai sent nothing: the cell names who is not counted
        assert row == [
            str(i),
            f"{res.indicator.name}\n{scopes[res.scope]}",
            res.target.wording,
            f"{shown(res)}\n"
            f"{format_money_million(res.ratio.numerator)}/{format_money_million(res.ratio.denominator)}\n"
            f"({missing_text(res)})",
            display.value(res.previous, res.indicator) if res.previous is not None else "—",
            format_percent(res.path_expected) if res.path_expected is not None else "—",
            state,
        ]
    # By hand: van_ban pools 1.700/2.000 (S1) and 800/1.000 (H1) = 2.500/3.000 = 83,3%; a Sở keeps its capital.
    assert rows[2][3] == "83,3%\n2.500/3.000\n(huyện Hai, Sở Hai chưa báo cáo)"
    # ho_so_truc_tuyen, cấp tỉnh: 620/1.000 = 62,0%; on the path 10% (2020) -> 60% (2023): 43,3% in 2022.
    assert rows[0][3:6] == ["62,0%\n620/1.000\n(Sở Hai chưa báo cáo)", "44,4%", "43,3%"]
    # ho_so_truc_tuyen, cấp huyện: the 40% is for 2023, so 2022 is not yet judged, only placed on its path.
    assert rows[1][3] == "30,0%\n300/1.000\n(huyện Hai chưa báo cáo)"
    assert rows[1][6] == "Chưa đến hạn (mục tiêu năm 2023); đúng lộ trình"


def test_appendix_task_and_budget_figures(doc: DocumentObject, kpi) -> None:
    table = next(t for t in data_tables(doc) if rows_text(t)[0][:2] == ["TT", "Nhiệm vụ, dự án"]
                 and "Kinh phí dự kiến" in rows_text(t)[0])
    header, *rows, total = rows_text(table)
    for row, a in zip(rows, kpi.appendix, strict=True):
        assert row[0] == str(a.task.tt) and row[1] == a.task.name
        assert row[4:9] == [format_money_million(a.task.cost), format_money_million(a.allocated),
                            format_money_million(a.disbursed), format_money_million(a.cumulative),
                            format_percent(a.cumulative_share)]
    b = kpi.budget
    # By hand: planned 100 + 50; allocated 40 + 10; disbursed 35,5 + 10; cumulative 85,5 + 10 = 63,7% of 150.
    assert total[1] == "Cộng" and total[4:9] == ["150", "50", "45,5", "95,5", "63,7%"]
    assert total[4:9] == [format_money_million(v) for v in (b.planned, b.allocated, b.disbursed, b.cumulative)] + [
        format_percent(b.cumulative_share)]
    # The total row is bold, as in the HTML.
    total_tr = table._tbl.tr_lst[-1]
    assert all(r.find(qn("w:rPr")).find(qn("w:b")) is not None for r in total_tr.iter(qn("w:r")) if r.find(qn("w:t")) is not None)


def test_every_table_repeats_its_header_rows_and_keeps_rows_whole(doc: DocumentObject, draft: Path) -> None:
    tables = data_tables(doc)
    html = (draft / "bao-cao-2022.html").read_text(encoding="utf-8")
    assert len(tables) == html.count('<table class="data')
    for table in tables:
        trs = table._tbl.tr_lst
        flags = [tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None for tr in trs]
        n = flags.index(False)
        assert n >= 1 and not any(flags[n:]), flags  # the header rows first, then none
        assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in trs)
        assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        following = table._tbl.getnext()
        assert following is None or following.tag != qn("w:tbl")  # Word would join two touching tables
        assert abs(sum(c.width for c in table.columns) - width_at(doc, table)) < Mm(0.5)


def test_appendices_start_on_new_pages(doc: DocumentObject, draft: Path) -> None:
    titles = [p for p in doc.paragraphs if p.style.name == "Phụ lục - tiêu đề"]
    html = (draft / "bao-cao-2022.html").read_text(encoding="utf-8")
    assert len(titles) == html.count('<section class="appendix') >= 3
    assert [t.text.split("\n")[0] for t in titles[:3]] == ["Phụ lục I", "Phụ lục II", "Phụ lục III"]
    assert titles[0].text == "Phụ lục I\nKẾT QUẢ CÁC CHỈ TIÊU CỦA TỪNG ĐƠN VỊ NĂM 2022"
    # Wide appendices are on landscape pages, in sections of their own.
    orientations = [round(s.page_width.mm) for s in doc.sections]
    assert orientations[0] == 210 and 297 in orientations
    assert doc.styles["Phụ lục - tiêu đề"].paragraph_format.page_break_before


def test_the_word_draft_says_what_the_html_says(doc: DocumentObject, draft: Path) -> None:
    """Every word of the HTML body, in order (both drawn from the same blocks)."""
    html = (draft / "bao-cao-2022.html").read_text(encoding="utf-8")
    assert all_words(doc) == html_words(html)


def test_chart_is_a_picture_with_its_title(doc: DocumentObject, draft: Path) -> None:
    (shape,) = doc.inline_shapes
    assert shape.width > Mm(150)
    assert shape._inline.docPr.get("descr") == "Kết quả năm 2022 so với mục tiêu"
    blob = doc.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
    assert blob.startswith(b"\x89PNG")
    # The same shapes as the HTML's SVG: two bars reached (green), one not yet due (grey: neither met nor
    # not), the path diamonds (amber); nothing is "Chưa đạt", so no red.
    from PIL import Image

    from plan744.report.chart import GREY, NO, OK
    from plan744.report.chart import PATH as AMBER

    def rgb(hex_colour: str) -> tuple[int, int, int]:
        return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]

    colours = {c for _, c in Image.open(io.BytesIO(blob)).convert("RGB").getcolors(1 << 20)}
    assert {(0x2E, 0x6B, 0x38), (0xCD, 0xCD, 0xCD), (0xF2, 0xB1, 0x34)} == {rgb(OK), rgb(GREY), rgb(AMBER)} <= colours
    assert rgb(NO) not in colours
    svg = (draft / "bao-cao-2022.html").read_text(encoding="utf-8")
    assert all(f'fill="{c}"' in svg for c in (OK, GREY, AMBER)) and f'fill="{NO}"' not in svg


# --- the rules every output follows ----------------------------------------------


def test_same_inputs_give_byte_identical_docx(tmp_path: Path, draft: Path) -> None:
    assert report(tmp_path, "--format", "docx", env=EPOCH).returncode == 0
    assert (tmp_path / "bao-cao-2022.docx").read_bytes() == (draft / "bao-cao-2022.docx").read_bytes()
    with zipfile.ZipFile(tmp_path / "bao-cao-2022.docx") as z:
        assert {i.date_time for i in z.infolist()} == {(2023, 1, 5, 0, 0, 0)}


def test_hostile_text_is_plain_text_in_the_docx(tmp_path: Path) -> None:
    data = tmp_path / "reports"
    shutil.copytree(BASIC, data)
    sub = data / "2022" / "S1.yaml"
    hostile = '"<w:p>&amp; <script>alert(1)</script>]]>"'
    sub.write_text(sub.read_text(encoding="utf-8").replace("  shortcomings: Hạ tầng cấp xã còn thiếu.",
                                                           f"  shortcomings: {hostile}"), encoding="utf-8")
    out = tmp_path / "out"
    assert report(out, "--format", "docx", data=data).returncode == 0
    document = Document(str(out / "bao-cao-2022.docx"))
    assert "Sở Một: <w:p>&amp; <script>alert(1)</script>]]>" in [p.text for p in document.paragraphs]


def test_broken_template_writes_nothing(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    template = Document(str(templates / "report.docx"))
    style = template.styles["Bảng số liệu"].element
    style.getparent().remove(style)  # someone deleted the table style
    template.save(str(templates / "report.docx"))
    out = tmp_path / "out"
    proc = report(out, "--format", "all", templates=templates)
    assert proc.returncode == 1
    err = proc.stderr.decode()
    assert "thiếu kiểu (style): Bảng số liệu" in err and "không tệp nào được ghi" in err
    assert not out.exists() or not any(out.iterdir())
    (templates / "report.docx").write_bytes(b"not a zip")
    proc = report(out, "--format", "docx", templates=templates)
    assert proc.returncode == 1 and "không mở được mẫu Word" in proc.stderr.decode()


def test_restyling_the_template_restyles_the_report(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    template = Document(str(templates / "report.docx"))
    template.styles["Normal"].font.size = Pt(13)
    template.styles["Heading 1"].font.all_caps = True
    template.sections[0].left_margin = Mm(35)
    template.save(str(templates / "report.docx"))
    out = tmp_path / "out"
    assert report(out, "--format", "docx", templates=templates).returncode == 0
    document = Document(str(out / "bao-cao-2022.docx"))
    assert document.styles["Normal"].font.size == Pt(13)
    assert document.styles["Heading 1"].font.all_caps
    assert round(document.sections[0].left_margin.mm) == 35
    # The tables follow the narrower text width.
    assert all(abs(sum(c.width for c in t.columns) - width_at(document, t)) < Mm(0.5) for t in data_tables(document))
    assert round(text_width(document).mm) == 160


def test_html_and_pdf_alone_do_not_import_python_docx(tmp_path: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from plan744.services.report import ReportRequest, build; "
        f"o = build(ReportRequest(Path({str(MINI_PLAN)!r}), Path({str(BASIC)!r}), Path({str(TEMPLATES)!r}), "
        "('html',), year=2022)); "
        "assert o.ok and list(o.outputs) == ['bao-cao-2022.html']; "
        "assert 'docx' not in sys.modules, 'python-docx imported'"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=REPO, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()


def test_the_template_script_makes_a_usable_template(tmp_path: Path) -> None:
    target = tmp_path / "report.docx"
    proc = subprocess.run([sys.executable, str(REPO / "scripts" / "make_docx_template.py"), "--out", str(target)],
                          capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    made = Document(str(target))
    committed = Document(str(TEMPLATES / "report.docx"))
    for kind, names in REQUIRED_STYLES.items():
        for name in names:
            assert made.styles[name].type == kind
    assert made.sections[0].left_margin == committed.sections[0].left_margin
    # The generator is deterministic, so regenerating shows a real diff or none.
    again = tmp_path / "again.docx"
    subprocess.run([sys.executable, str(REPO / "scripts" / "make_docx_template.py"), "--out", str(again)], check=True,
                   capture_output=True, timeout=120)
    assert again.read_bytes() == target.read_bytes()
    with zipfile.ZipFile(io.BytesIO(target.read_bytes())) as z:
        assert re.search(r"<w:titlePg/>", z.read("word/document.xml").decode())
