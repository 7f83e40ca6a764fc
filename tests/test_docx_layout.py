"""The Word draft as a provincial official reads it: what to replace is shaded as in the PDF, long
tables repeat their header rows on every page, and a total row never opens a page alone.

The real command line writes the 2025 annual report and the 2021-2025 close-out from the bundled
data and the bundled (illustrative) notes; the .docx is read back with python-docx and its XML, and
laid out by LibreOffice where it is installed.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest
from docx import Document as open_docx
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from plan744.core.labels import word
from plan744.core.notes import paragraphs
from plan744.readers.notes import read_notes
from plan744.report.document import Column, Document, Row, Section, Table, cell
from plan744.report.docx import DATA_TABLE, PARAGRAPH, PLACEHOLDER_RUN, render_docx

from conftest import REPO, libreoffice_pdf, run_cli

NOTES = REPO / "data" / "notes"
TEMPLATE = REPO / "templates" / "report.docx"
REPORTS = {"year": (("--year", "2025"), "2025.yaml"), "period": (("--period", "2021-2025"), "2021-2025.yaml")}
STYLE_ID, STYLE_NAME = PLACEHOLDER_RUN
NOTE_FIELDS = ("direction", "highlights", "shortcomings", "causes_objective", "causes_subjective", "lessons",
               "directions", "proposals")


def _only(folder: Path, suffix: str) -> Path:
    found = sorted(folder.glob(f"*{suffix}"))
    assert len(found) == 1, found
    return found[0]


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each report's output folder: its Word draft and its HTML, from one run of the real CLI."""
    found = {}
    for kind, (args, notes) in REPORTS.items():
        out = tmp_path_factory.mktemp(kind)
        proc = run_cli("report", *args, "--notes", str(NOTES / notes), "--format", "docx,html", "--out", str(out),
                       env={"XDG_CACHE_HOME": str(out / "cache")})
        assert proc.returncode == 0, proc.stderr.decode()
        found[kind] = out
    return found


@pytest.fixture(params=sorted(REPORTS))
def drafted(request: pytest.FixtureRequest, drafts: dict[str, Path]) -> tuple[str, Path]:
    """(report kind, output folder), for each report."""
    return request.param, drafts[request.param]


def _doc(out: Path) -> DocumentObject:
    return open_docx(str(_only(out, ".docx")))


def _text(el) -> str:
    """A run's, a paragraph's, a cell's or a row's text, its paragraphs apart, spaces normalised."""
    pars = list(el.iter(qn("w:p"))) or [el]
    return " ".join(" ".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in pars).split())


def _run_style(r) -> str | None:
    r_pr = r.find(qn("w:rPr"))
    style = None if r_pr is None else r_pr.find(qn("w:rStyle"))
    return None if style is None else style.get(qn("w:val"))


def _para_style(p) -> str | None:
    p_pr = p.find(qn("w:pPr"))
    style = None if p_pr is None else p_pr.find(qn("w:pStyle"))
    return None if style is None else style.get(qn("w:val"))


def _runs(doc: DocumentObject) -> list:
    return [r for r in doc.element.body.iter(qn("w:r")) if r.find(qn("w:t")) is not None]


# --- 1. the illustrative notes and the drafter's placeholders: shaded as in the PDF ------------


def test_the_placeholder_style_has_the_look_of_the_pdf(drafted: tuple[str, Path]) -> None:
    doc = _doc(drafted[1])
    style = doc.styles[STYLE_NAME]
    assert style.type == WD_STYLE_TYPE.CHARACTER and style.style_id == STYLE_ID
    assert style.font.italic
    css = (REPO / "templates" / "report.css").read_text(encoding="utf-8")
    rule = re.search(r"\.placeholder \{([^}]*)\}", css)
    assert rule and "italic" in rule.group(1)
    fill = re.search(r"background: #([0-9a-fA-F]{6})", rule.group(1))
    assert fill is not None
    shd = style.element.rPr.find(qn("w:shd"))
    assert shd is not None and shd.get(qn("w:fill")).upper() == fill.group(1).upper() == "FFF3C4"
    # The same shading as the placeholder paragraphs ("Cần bổ sung") of the same template.
    para = doc.styles[PARAGRAPH["placeholder"]].element.pPr.find(qn("w:shd"))
    assert para.get(qn("w:fill")) == shd.get(qn("w:fill"))


def test_the_words_the_html_shades_are_the_runs_word_shades(drafted: tuple[str, Path]) -> None:
    out = drafted[1]
    html = lxml.html.parse(str(_only(out, ".html")))
    shaded_html = [" ".join(s.text_content().split()) for s in html.iter("span") if s.get("class") == "placeholder"]
    shaded_word = [_text(r) for r in _runs(_doc(out)) if _run_style(r) == STYLE_ID]
    assert len(shaded_html) >= 10
    assert shaded_word == shaded_html


def _shaded_and_plain(out: Path) -> tuple[list[str], list[str]]:
    runs = _runs(_doc(out))
    return [_text(r) for r in runs if _run_style(r) == STYLE_ID], [_text(r) for r in runs if _run_style(r) != STYLE_ID]


def test_every_sample_document_number_of_the_notes_is_shaded(drafted: tuple[str, Path]) -> None:
    kind, out = drafted
    notes = read_notes(NOTES / REPORTS[kind][1]).notes
    assert notes is not None and notes.illustrative
    shaded, plain = _shaded_and_plain(out)
    numbers = [letter.number for letter in (notes.request, *notes.directives) if letter is not None]
    assert len(numbers) >= 2
    for number in numbers:  # the made-up document numbers ("0000/BKHCN-CĐS"): shaded wherever they are
        assert any(number in t for t in shaded), number
        assert not any(number in t for t in plain), number


def _quoted_sentences_are_shaded(kind: str, out: Path, fields: tuple[str, ...]) -> None:
    notes = read_notes(NOTES / REPORTS[kind][1]).notes
    assert notes is not None and notes.illustrative
    shaded, plain = _shaded_and_plain(out)
    sentences = [p for f in fields for p in paragraphs(getattr(notes, f))]
    used = [p for p in sentences if any(p in t for t in shaded + plain)]
    assert len(used) >= 2, used  # the report quotes the drafter's text …
    for p in used:  # … and every quoted paragraph is sample content, shaded
        assert any(p in t for t in shaded) and not any(p in t for t in plain), p


def test_every_quoted_sentence_of_the_notes_is_shaded(drafted: tuple[str, Path]) -> None:
    fields = tuple(f for f in NOTE_FIELDS if not f.startswith("causes"))
    _quoted_sentences_are_shaded(*drafted, fields)


def test_the_quoted_causes_of_the_notes_are_shaded(drafted: tuple[str, Path]) -> None:
    _quoted_sentences_are_shaded(*drafted, ("causes_objective", "causes_subjective"))


def test_the_legend_of_the_sample_content_is_the_pdfs(drafted: tuple[str, Path]) -> None:
    out = drafted[1]
    legend = word("review.illustrative")
    html = lxml.html.parse(str(_only(out, ".html")))
    notes_html = [" ".join(p.text_content().split()) for p in html.iter("p") if p.get("class") == "note"]
    doc = _doc(out)
    notes_word = [p.text for p in doc.paragraphs if p.style.name == PARAGRAPH["note"]]
    assert notes_html.count(legend) == notes_word.count(legend) == 1


def test_placeholders_in_an_italic_paragraph_stay_italic(drafted: tuple[str, Path]) -> None:
    """Italic is a toggle in Word: the placeholder style's italic inside the italic "Cần bổ sung"
    paragraph style would give upright text, so those runs say italic themselves."""
    doc = _doc(drafted[1])
    italic_styles = {s.style_id for s in doc.styles if s.type == WD_STYLE_TYPE.PARAGRAPH and _italic(s)}
    assert doc.styles[PARAGRAPH["placeholder"]].style_id in italic_styles
    checked = 0
    for p in doc.element.body.iter(qn("w:p")):
        if _para_style(p) not in italic_styles:
            continue
        for r in p.iter(qn("w:r")):
            if _run_style(r) == STYLE_ID:
                i = r.find(qn("w:rPr")).find(qn("w:i"))
                assert i is not None and i.get(qn("w:val")) in (None, "1", "true", "on")
                checked += 1
    assert checked >= 2


def _italic(style) -> bool:
    while style is not None:
        if style.font.italic is not None:
            return bool(style.font.italic)
        style = style.base_style
    return False


def test_a_province_template_keeps_its_own_placeholder_look(tmp_path: Path) -> None:
    """A template whose placeholder paragraph is restyled gives the runs the same look; one that
    already has the character style (restyled in Word) keeps it."""
    blue = tmp_path / "blue"
    blue.mkdir()
    template = open_docx(str(TEMPLATE))
    template.styles[PARAGRAPH["placeholder"]].element.pPr.find(qn("w:shd")).set(qn("w:fill"), "DDEEFF")
    template.save(str(blue / "report.docx"))
    own = tmp_path / "own"
    own.mkdir()
    template = open_docx(str(TEMPLATE))
    mine = template.styles.add_style(STYLE_NAME, WD_STYLE_TYPE.CHARACTER)
    mine.font.bold = True
    template.save(str(own / "report.docx"))
    for folder, check in ((blue, "DDEEFF"), (own, None)):
        out = tmp_path / f"out-{folder.name}"
        proc = run_cli("report", "--year", "2025", "--notes", str(NOTES / "2025.yaml"), "--format", "docx",
                       "--templates", str(folder), "--out", str(out), env={"XDG_CACHE_HOME": str(out / "cache")})
        assert proc.returncode == 0, proc.stderr.decode()
        doc = _doc(out)
        style = doc.styles[STYLE_NAME]
        ids = {_run_style(r) for r in _runs(doc)}
        assert style.style_id in ids
        if check:
            assert style.element.rPr.find(qn("w:shd")).get(qn("w:fill")) == check
        else:
            assert style.font.bold and style.element.rPr.find(qn("w:shd")) is None


# --- 2 and 3. long tables: header rows on every page, rows whole, totals kept with a row ------


def _data_tables(doc: DocumentObject) -> list:
    return [t for t in doc.tables if t.style is not None and t.style.name == DATA_TABLE]


def _has(tr, tag: str) -> bool:
    return tr.trPr is not None and tr.trPr.find(qn(tag)) is not None


def test_every_data_table_repeats_its_header_rows_and_keeps_rows_whole(drafted: tuple[str, Path]) -> None:
    out = drafted[1]
    doc = _doc(out)
    tables = _data_tables(doc)
    html = _only(out, ".html").read_text(encoding="utf-8")
    assert len(tables) == html.count('<table class="data') >= 4
    for table in tables:
        trs = table._tbl.tr_lst
        flags = [_has(tr, "w:tblHeader") for tr in trs]
        n = flags.index(False)
        assert 1 <= n <= 2 and not any(flags[n:]), flags  # the header row(s) first, then none
        assert all(_has(tr, "w:cantSplit") for tr in trs)
        heads = [p for tr in trs[:n] for p in tr.iter(qn("w:p"))]  # the header keeps with the first row
        assert all(doc.styles.element.get_by_id(_para_style(p)).pPr.find(qn("w:keepNext")) is not None for p in heads)


def test_the_commune_table_is_long_and_repeats_its_header(drafts: dict[str, Path]) -> None:
    out = drafts["year"]  # the per-commune table is an appendix of the annual report
    longest = max(_data_tables(_doc(out)), key=lambda t: len(t._tbl.tr_lst))
    trs = longest._tbl.tr_lst
    assert len(trs) > 100 and _text(trs[1].tc_lst[1]).startswith("Xã ")
    assert _has(trs[0], "w:tblHeader") and _text(trs[0]).startswith("TT Đơn vị")


def _keeps(tr) -> bool:
    flags = [p.find(qn("w:pPr")) is not None and p.find(qn("w:pPr")).find(qn("w:keepNext")) is not None
             for p in tr.iter(qn("w:p"))]
    assert all(flags) or not any(flags), flags  # Word keeps a row with the next through all its paragraphs
    return all(flags)


def test_a_total_row_is_kept_with_the_row_before_it(drafted: tuple[str, Path]) -> None:
    doc = _doc(drafted[1])
    totals = 0
    for table in _data_tables(doc):
        trs = table._tbl.tr_lst
        header = sum(_has(tr, "w:tblHeader") for tr in trs)
        is_total = [any(_text(tc) == word("total") for tc in tr.tc_lst) for tr in trs]
        for k in range(header, len(trs)):
            before_total = k + 1 < len(trs) and is_total[k + 1]
            group = len(trs[k].tc_lst) == 1 and len(table.columns) > 1  # a group's title row, kept with its first row
            # Only those: a table whose every row kept with the next could not break.
            assert _keeps(trs[k]) == (before_total or group), (k, _text(trs[k])[:60])
        totals += sum(is_total)
    assert totals >= 1


# --- laid out by LibreOffice ----------------------------------------------------------------


def _soffice_pdf_pages(docx: Path, work: Path) -> list[str]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice or pdftotext is not installed")
    pdf = libreoffice_pdf(soffice, docx, work)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")


def _lines(page: str) -> list[str]:
    """A page's lines of text, without the page number at its top."""
    return [" ".join(line.split()) for line in page.splitlines() if line.strip() and not line.strip().isdigit()]


def _first_lines(docx: Path, work: Path) -> list[list[str]]:
    return [p for p in (_lines(page) for page in _soffice_pdf_pages(docx, work)) if p]


def test_libreoffice_repeats_the_header_of_a_long_appendix_table(tmp_path: Path) -> None:
    """A landscape appendix table of 130 communes, as the annual report's, drawn by the real writer:
    every page it runs on past its first starts with its header row."""
    columns = (Column("TT", 0.05, "center"), Column("Đơn vị", 0.25),
               *(Column(f"({k}) Chỉ tiêu số {k} của cấp xã, tính theo năm", 0.175, "right") for k in (1, 4, 12, 15)))
    rows = tuple(Row((cell(str(i)), cell(f"Xã Số {i}"), *(cell(f"9{k},{i % 10}%") for k in range(4))))
                 for i in range(1, 131))
    doc = Document("", dt.datetime(2025, 1, 1, tzinfo=dt.UTC), (
        Section((Table((Column("TT", 0.2), Column("Nội dung", 0.8)), (Row((cell("1"), cell("Mở đầu"))),)),)),
        Section((Table(columns, rows),), landscape=True, appendix="Phụ lục I", title="KẾT QUẢ CỦA TỪNG XÃ",
                subtitle="(Kèm theo Báo cáo)")))
    target = tmp_path / "communes.docx"
    target.write_bytes(render_docx(doc, TEMPLATE))
    pages = [p for p in _first_lines(target, tmp_path) if any(re.match(r"^\d+ Xã Số ", line) for line in p)]
    assert len(pages) >= 3  # the table does span pages
    for page in pages[1:]:
        assert page[0].startswith("TT Đơn vị"), page[:3]


def test_libreoffice_never_puts_a_total_alone_at_the_top_of_a_page(tmp_path: Path) -> None:
    """Tables of a growing number of rows, each on its own page, drawn by the real writer: one of
    them is exactly a page of rows with its total left over, which Word's keep-with-next moves
    with the last row."""
    columns = (Column("TT", 0.1, "center"), Column("Nội dung", 0.6), Column("Số", 0.3, "right"))
    sections = []
    for n in range(25, 55):
        rows = tuple(Row((cell(str(i)), cell(f"Dòng {i}"), cell("1.000"))) for i in range(1, n + 1))
        rows += (Row((cell(""), cell(word("total"), bold=True), cell(f"{n}.000", bold=True)), "total"),)
        sections.append(Section((Table(columns, rows),)))
    doc = Document("", dt.datetime(2025, 1, 1, tzinfo=dt.UTC), tuple(sections))
    target = tmp_path / "totals.docx"
    target.write_bytes(render_docx(doc, TEMPLATE))
    pages = _first_lines(target, tmp_path)
    assert len(sections) < len(pages) < 2 * len(sections)  # some tables fit a page, some do not
    for page in pages:
        assert page[0].startswith("TT Nội dung"), page[:2]
        assert not page[1].startswith(word("total")), page[:3]
