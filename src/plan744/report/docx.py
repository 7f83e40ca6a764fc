"""The report as an editable Word draft (.docx), drawn from the same blocks as the HTML.

Library: python-docx. The Word template (templates/report.docx) holds only what the province's
staff restyle in Word: the styles, the A4 page set-up, the page-number header. This module
writes paragraphs and real tables that name those styles; python-docx escapes every string it
sets. Each style is looked up once (a style object, not a name, is given to python-docx, so
it never scans the style list again), each table row's cells are built once, and column
widths come from the document's layout description, never from measuring text. Tables have a
fixed layout, so a long word wraps inside its cell. Wide appendices go on landscape sections.
What the drafter replaces (the HTML's shaded `.placeholder`: a placeholder, a drafting aid, the
sample content of an illustrative notes file) is a run of one character style, shaded as the PDF
shades it. A table's header rows repeat on each page, no row splits across pages, and a total row
is kept with the row above it.

Pure apart from reading the template: a Document in, bytes out; the same Document gives the
same bytes (the zip entries carry the report's generation date).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from docx import Document as open_docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu, Mm

from plan744.core.labels import word
from plan744.report import chart
from plan744.report.document import (
    Block,
    Bullets,
    Cell,
    Closing,
    Document,
    Figure,
    Header,
    Heading,
    Inline,
    Para,
    Run,
    Section,
    Table,
    Title,
    Toc,
)
from plan744.report.docx_styles import is_italic, run_style_like
from plan744.report.html import balanced_lines, fit_section
from plan744.reproducible import office_time, reproducible_zip

PARAGRAPH = {
    "normal": "Normal", "title": "Title", "subtitle": "Subtitle", "h1": "Heading 1", "h2": "Heading 2",
    "h3": "Heading 3", "appendix": "Phụ lục - tiêu đề", "appendix-sub": "Phụ lục - chú thích", "note": "Ghi chú",
    "draft": "Ghi chú dự thảo", "notice": "Lưu ý", "placeholder": "Cần bổ sung", "caption": "Chú thích bảng",
    "center": "Giữa - nghiêng", "list": "Danh sách", "figure": "Hình", "rule": "Đường kẻ",
    "recipients-label": "Nơi nhận - tiêu đề", "recipients": "Nơi nhận", "signature": "Chữ ký",
    "issuer-parent": "Cơ quan chủ quản", "issuer": "Cơ quan ban hành", "number": "Số và ký hiệu",
    "nation": "Quốc hiệu", "motto": "Tiêu ngữ", "place-date": "Địa danh và ngày tháng",
    "cell": "Bảng - chữ", "cell-right": "Bảng - số", "cell-center": "Bảng - giữa", "cell-head": "Bảng - tiêu đề",
    "small": "Bảng nhỏ - chữ", "small-right": "Bảng nhỏ - số", "small-center": "Bảng nhỏ - giữa",
    "small-head": "Bảng nhỏ - tiêu đề",
}
CHARACTER = {"strong": "Strong", "unit": "Tên đơn vị", "sub": "Bảng - dòng phụ"}
# Text the drafter replaces or reviews inside a sentence or a cell (the HTML's yellow `.placeholder`,
# the sample content of an illustrative notes file too). Not required: a template without it (an
# older one, a province's own) gets it with the look of the "Cần bổ sung" paragraph style.
PLACEHOLDER_RUN = ("CanBoSungKyTu", "Cần bổ sung - ký tự")  # (style id, name)
TABLE = {"data": "Bảng số liệu", "layout": "Bảng không viền"}
REQUIRED_STYLES = {
    WD_STYLE_TYPE.PARAGRAPH: tuple(dict.fromkeys(PARAGRAPH.values())),
    WD_STYLE_TYPE.CHARACTER: tuple(CHARACTER.values()),
    WD_STYLE_TYPE.TABLE: tuple(TABLE.values()),
}
DATA_TABLE, LAYOUT_TABLE = TABLE["data"], TABLE["layout"]
SIGNATURE_SPACE_LINES = 4  # room for the signature and the seal


@dataclass(frozen=True)
class _Page:
    page_width: Any
    page_height: Any
    top_margin: Any
    bottom_margin: Any
    left_margin: Any
    right_margin: Any


class DocxTemplateError(ValueError):
    """The Word template cannot be used (missing, not a .docx, or a style renamed or deleted)."""


def render_docx(doc: Document, template: Path) -> bytes:
    word = _open_template(template)
    body = word.element.body
    for child in list(body):  # the template's specimen page; keep the section (page set-up)
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    writer = _Writer(word)
    for i, section in enumerate(doc.sections):
        writer.section(section, first=i == 0)
    _metadata(word, doc)
    out = io.BytesIO()
    word.save(out)
    return reproducible_zip(out.getvalue(), doc.generated)


def _open_template(template: Path) -> Any:
    try:
        word = open_docx(str(template))
    except Exception as exc:
        raise DocxTemplateError(f"không mở được mẫu Word {template}: {exc.__class__.__name__}") from exc
    present = {(s.type, s.name) for s in word.styles}
    missing = [name for kind, names in REQUIRED_STYLES.items() for name in names if (kind, name) not in present]
    if missing:
        raise DocxTemplateError(
            f"mẫu Word {template} thiếu kiểu (style): {', '.join(missing)}. Khôi phục các kiểu này "
            "(hoặc tạo lại mẫu bằng scripts/make_docx_template.py).")
    return word


def _metadata(word: Any, doc: Document) -> None:
    props = word.core_properties
    props.title = doc.title
    props.subject = props.keywords = props.comments = props.category = ""
    props.author = props.last_modified_by = "plan744"
    props.language = "vi-VN"
    props.created = props.modified = office_time(doc.generated)
    props.revision = 1


class _Writer:
    def __init__(self, word: Any) -> None:
        self.word = word
        styles = word.styles
        self.p = {key: styles[name] for key, name in PARAGRAPH.items()}  # looked up once
        self.c = {key: styles[name] for key, name in CHARACTER.items()}
        # Style ids, written straight into each paragraph and run: python-docx's `.style = …`
        # rescans every style of the template on each assignment (half the time of a report).
        self.pid = {key: s.style_id for key, s in self.p.items()}
        self.cid = {key: s.style_id for key, s in self.c.items()}
        self.cid["placeholder"] = run_style_like(word, self.p["placeholder"], *PLACEHOLDER_RUN).style_id
        self.italic = {key: is_italic(s) for key, s in self.p.items()}  # see `_run_props`
        self.t = {key: styles[name] for key, name in TABLE.items()}
        first = word.sections[0]
        # The template's page, as values: a Section read later may be another section's properties,
        # since python-docx moves the document's last section properties as sections are added.
        self.portrait = _Page(first.page_width, first.page_height, first.top_margin, first.bottom_margin,
                              first.left_margin, first.right_margin)
        self.width = self._text_width(first)
        self.after_table = False

    @staticmethod
    def _text_width(section: Any) -> int:
        return int(section.page_width - section.left_margin - section.right_margin)

    # sections and pages

    def section(self, s: Section, first: bool) -> None:
        if not first:
            self._new_section(s.landscape)
        if s.appendix:
            self.paragraph("appendix", ((s.appendix,), *((line,) for line in balanced_lines(s.title, s.landscape))))
            self.paragraph("appendix-sub", tuple((line,) for line in balanced_lines(s.subtitle, s.landscape, bold=False)))
        for block in fit_section(s).blocks:  # the columns the HTML and the PDF draw
            self.block(block)

    def _new_section(self, landscape: bool) -> None:
        base = self.portrait
        sec = self.word.add_section(WD_SECTION.NEW_PAGE)
        if landscape:
            sec.orientation = WD_ORIENT.LANDSCAPE
            sec.page_width, sec.page_height = base.page_height, base.page_width
            # The binding edge of a landscape page bound with portrait ones is its top.
            sec.top_margin, sec.bottom_margin = Mm(30), Mm(15)
            sec.left_margin, sec.right_margin = Mm(20), Mm(20)
        else:
            sec.orientation = WD_ORIENT.PORTRAIT
            sec.page_width, sec.page_height = base.page_width, base.page_height
            sec.top_margin, sec.bottom_margin = base.top_margin, base.bottom_margin
            sec.left_margin, sec.right_margin = base.left_margin, base.right_margin
        self.width = self._text_width(sec)

    # blocks

    def block(self, b: Block) -> None:
        self._block(b)
        self.after_table = isinstance(b, Table)

    def _block(self, b: Block) -> None:
        if isinstance(b, Header):
            self._header(b)
        elif isinstance(b, Title):
            self.paragraph("title", ((b.text,),))
            self.paragraph("subtitle", ((b.summary,),))
            self._rule(self.word, 0.35)
        elif isinstance(b, Heading):
            self.paragraph({1: "h1", 2: "h2"}.get(b.level, "h3"), ((b.text,),))
        elif isinstance(b, Para):
            style = {"body": "normal", "note": "note", "draft": "draft", "notice": "notice", "placeholder": "placeholder",
                     "center": "center", "caption": "caption"}[b.style]
            par = self.styled(self.word, style)
            if b.keep_with_next:  # direct formatting: a province's own template needs no new style
                par.paragraph_format.keep_with_next = True
            self.inline(par, b.content, style)
        elif isinstance(b, Bullets):
            for item in b.items:
                self.inline(self.styled(self.word, "list"), item, "list")
        elif isinstance(b, Table):
            self._table(self.word, b)
        elif isinstance(b, Figure):
            par = self.styled(self.word, "figure")
            shape = par.add_run().add_picture(io.BytesIO(chart.to_png(b.drawing)), width=Emu(int(self.width * b.width * 0.97)))
            shape._inline.docPr.set("descr", b.drawing.title)  # alt text: python-docx has no public setter
        elif isinstance(b, Closing):
            self._closing(b)
        elif isinstance(b, Toc):
            pass  # Word builds its own table of contents from the headings (References > Table of Contents)

    def paragraph(self, style: str, lines: tuple[tuple[str, ...], ...], container: Any = None) -> Any:
        par = self.styled(container or self.word, style)
        for i, line in enumerate(lines):
            if i:
                par.add_run().add_break()
            par.add_run("".join(line))
        return par

    def styled(self, container: Any, style: str, first: Any = None) -> Any:
        """A paragraph of `style` in `container` (or `first`, its existing first paragraph)."""
        par = first if first is not None else container.add_paragraph()
        par._p.get_or_add_pPr().style = self.pid[style]  # the id, not the name: see __init__
        return par

    def inline(self, par: Any, content: Inline, par_style: str) -> None:
        for r in content:
            style, italic = self._run_props(r, par_style, False)
            run = par.add_run(r.text)
            if style is not None:
                run._r.get_or_add_rPr().style = style
            if r.bold:
                run.bold = True
            if italic:
                run.italic = True

    def _run_props(self, r: Run, par_style: str, small: bool) -> tuple[str | None, bool]:
        """A run's character style id and whether it says italic itself. A placeholder in an italic
        paragraph says so: italic is a toggle in Word, and the placeholder style's italic would
        otherwise turn the paragraph's off."""
        if r.role == "placeholder":
            return self.cid["placeholder"], r.italic or self.italic[par_style]
        style = self.cid["unit"] if r.role == "unit" else (self.cid["sub"] if small else None)
        return style, r.italic and r.role != "unit"

    # the heading and the closing: borderless two-column tables

    def _layout_table(self, shares: tuple[float, ...]) -> tuple[Any, list[Any], list[int]]:
        widths = _split(self.width, shares)
        table = self.word.add_table(rows=1, cols=len(widths))
        table.style = self.t["layout"]
        table.autofit = False
        cells = table.rows[0].cells
        for c, w in zip(cells, widths, strict=True):
            c.width = Emu(w)
        # The grid and the table's width too: LibreOffice lays a fixed table out by its grid, which
        # python-docx splits evenly (a quốc hiệu in half the line wraps).
        for col, w in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
            col.w = Emu(w)
        tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
        if tbl_w is not None:
            tbl_w.set(qn("w:type"), "dxa")
            tbl_w.set(qn("w:w"), str(sum(widths) // EMU_PER_TWIP))
        _no_split(table.rows[0])
        return table, cells, widths

    def _header(self, h: Header) -> None:
        _, (left, right), (lw, rw) = self._layout_table((0.38, 0.62))
        first = left.paragraphs[0]
        if h.issuer_parent:
            self.styled(left, "issuer-parent", first)
            first.add_run(h.issuer_parent)
            first = None
        for line in h.issuer:
            par = self.styled(left, "issuer", first)
            par.add_run(line)
            first = None
        self._rule(left, 0.35, lw)
        self.paragraph("number", ((h.number,),), left)
        par = right.paragraphs[0]
        self.styled(right, "nation", par)
        par.add_run(word("doc.nation"))
        self.paragraph("motto", ((word("doc.motto"),),), right)
        self._rule(right, 0.58, rw)
        self.paragraph("place-date", ((h.place_date,),), right)

    def _closing(self, c: Closing) -> None:
        # The signature never stands alone on a page: the closing paragraph ("Trên đây là báo
        # cáo…") is kept together and with the signature table, which is one row that never splits.
        body = self.word.element.body
        last = body.sectPr.getprevious()
        if last is not None and last.tag == qn("w:p"):
            p_pr = last.get_or_add_pPr()
            p_pr.keepNext_val = True
            p_pr.keepLines_val = True
        spacer = self.styled(self.word, "normal")
        spacer.paragraph_format.keep_with_next = True
        _, (left, right), _ = self._layout_table((0.45, 0.55))
        par = left.paragraphs[0]
        self.styled(left, "recipients-label", par)
        par.add_run(word("doc.recipients"))
        for line in c.recipients:
            self.paragraph("recipients", ((line,),), left)
        par = right.paragraphs[0]
        self.styled(right, "signature", par)
        par.add_run(c.signer[0] if c.signer else "")
        for line in c.signer[1:]:
            self.paragraph("signature", ((line,),), right)
        for _ in range(SIGNATURE_SPACE_LINES):
            self.styled(right, "signature")
        self.paragraph("signature", ((c.signer_name,),), right)
        for cell in (left, right):  # Word keeps a row with what follows only through its paragraphs
            for par in cell.paragraphs[:-1]:
                par.paragraph_format.keep_with_next = True
                par.paragraph_format.keep_together = True

    def _rule(self, container: Any, share: float, width: int | None = None) -> None:
        """A short centred line: an empty paragraph with a bottom border, narrowed by indents."""
        par = self.styled(container, "rule")
        side = Emu(int((width or self.width) * (1 - share) / 2))
        par.paragraph_format.left_indent = side
        par.paragraph_format.right_indent = side

    # data tables

    def _table(self, container: Any, t: Table) -> None:
        """A data table, written as WordprocessingML and parsed once: building it cell by cell
        through python-docx's objects took several times longer than writing the same table
        naively (each call looks up and inserts one element)."""
        small = t.size == "small"
        prefix = "small" if small else "cell"
        widths = _split(self.width, tuple(c.share for c in t.columns))
        ncols = len(widths)
        if self.after_table:
            self.styled(container, "caption")  # Word joins two tables that touch into one
        twips = [w // EMU_PER_TWIP for w in widths]
        out = [f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{_attr(self.t["data"].style_id)}"/>'
               f'<w:tblW w:w="{sum(twips)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
               '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
               'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>']
        out += [f'<w:gridCol w:w="{w}"/>' for w in twips]
        out.append("</w:tblGrid>")
        if t.group_header:
            out.append(self._row_xml(t.group_header, twips, f"{prefix}-head" if small else "cell-head", header=True))
        head = tuple(Cell(((Run(c.header),),)) for c in t.columns)
        out.append(self._row_xml(head, twips, "small-head" if small else "cell-head", header=True))
        for k, row in enumerate(t.rows):
            styles = []
            for i, c in enumerate(row.cells):
                col = t.columns[min(i, ncols - 1)]
                align = c.align or col.align
                styles.append(prefix if align == "left" else f"{prefix}-{align}")
            # A total never opens a page alone, nor a group's title row ends one: Word keeps a row
            # with the next through its paragraphs' "keep with next".
            keep = row.kind == "group" or (k + 1 < len(t.rows) and t.rows[k + 1].kind == "total")
            out.append(self._row_xml(row.cells, twips, styles, bold=row.kind == "total", keep=keep))
        out.append("</w:tbl>")
        container.element.body.sectPr.addprevious(parse_xml("".join(out)))

    def _row_xml(self, cells: tuple[Cell, ...], twips: list[int], styles: Any, header: bool = False,
                 bold: bool = False, keep: bool = False) -> str:
        out = ["<w:tr><w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if header else "") + "</w:trPr>"]
        col = 0
        for i, c in enumerate(cells):
            key = styles if isinstance(styles, str) else styles[i]
            style = self.pid[key]
            span = max(1, min(c.span, len(twips) - col))
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{sum(twips[col:col + span])}" w:type="dxa"/>'
                       + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + "</w:tcPr>")
            for k, line in enumerate(c.lines or ((),)):
                out.append(f'<w:p><w:pPr><w:pStyle w:val="{_attr(style)}"/>' + ("<w:keepNext/>" if keep else "")
                           + "</w:pPr>")
                out += [self._run_xml(r, bold or c.bold, k > 0, key) for r in line]
                out.append("</w:p>")
            out.append("</w:tc>")
            col += span
        out.append("</w:tr>")
        return "".join(out)

    def _run_xml(self, r: Run, bold: bool, small: bool, par_style: str) -> str:
        style, italic = self._run_props(r, par_style, small)
        props = (f'<w:rStyle w:val="{_attr(style)}"/>' if style else "") + ("<w:b/>" if r.bold or bold else "") + (
            "<w:i/>" if italic else "")
        parts = r.text.split("\n")
        text = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(part)}</w:t>' for part in parts)
        return "<w:r>" + (f"<w:rPr>{props}</w:rPr>" if props else "") + text + "</w:r>"


EMU_PER_TWIP = 635


def _attr(value: str) -> str:
    return escape(value, {'"': "&quot;"})


def _split(total: int, shares: tuple[float, ...]) -> list[int]:
    scale = sum(shares) or 1.0
    widths = [int(total * s / scale) for s in shares]
    widths[-1] = total - sum(widths[:-1])
    return widths


def _no_split(row: Any, header: bool = False) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # python-docx has no public API for these row properties
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:  # repeated at the top of each page
        tr_pr.append(OxmlElement("w:tblHeader"))

