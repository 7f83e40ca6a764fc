"""The annual report as an editable Word draft (.docx), in the styles of templates/report.docx.

Library: python-docx, not docxtpl. The Word template holds only what the province's staff
restyle in Word (the styles, A4 page set-up, the page-number header), and this module writes
paragraphs and real tables that name those styles. docxtpl would put Jinja tags inside
Word runs, which Word splits when someone edits the template, needs special `{%tr %}`
tags for table rows, and escapes the units' text only when asked; python-docx escapes every
string it sets and writes merged cells and repeated header rows (w:tblHeader) directly.
python-docx is imported only when a .docx is asked for (plan744.report.build).

The wording lives once, in the Jinja templates: this module walks the HTML that
plan744.report.html.render_html produced (our own markup; every submitted text already escaped,
so it arrives here as plain text) and maps its blocks and classes to the template's styles.
A sentence added to a template appears in the HTML, the PDF and the Word draft alike; an
element this module does not know becomes a Normal paragraph, never a silent gap. The inline
SVG chart is drawn again as a PNG (Pillow, the bundled Liberation Serif fonts) from the same
SVG, so its figures are the HTML's.

Pure apart from reading the template and the bundled fonts: HTML in, bytes out; the same
HTML gives the same bytes (the zip entries carry the report's generation date).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import lxml.html
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu

# --- the template's styles ----------------------------------------------------------

NORMAL = "Normal"
TITLE, SUBTITLE = "Title", "Subtitle"
HEADINGS = {"h2": "Heading 1", "h3": "Heading 2", "h4": "Heading 3", "h5": "Heading 3", "h6": "Heading 3"}
APPENDIX_TITLE, APPENDIX_SUB = "Phụ lục - tiêu đề", "Phụ lục - chú thích"
NOTE, DRAFT_NOTE = "Ghi chú", "Ghi chú dự thảo"
LIST_ITEM = "Danh sách"
FIGURE = "Hình"
RULE = "Đường kẻ"
RECIPIENTS_LABEL, RECIPIENTS, SIGNATURE = "Nơi nhận - tiêu đề", "Nơi nhận", "Chữ ký"
CELL_TEXT, CELL_NUM, CELL_CENTER, CELL_HEAD = "Bảng - chữ", "Bảng - số", "Bảng - giữa", "Bảng - tiêu đề"
DATA_TABLE, LAYOUT_TABLE = "Bảng số liệu", "Bảng không viền"
STRONG, UNIT_NAME, SUB_LINE = "Strong", "Tên đơn vị", "Bảng - dòng phụ"

# HTML class -> paragraph style (templates/_header.html, _closing.html, _intro.html, ...).
CLASS_STYLES = {
    "issuer-parent": "Cơ quan chủ quản",
    "issuer": "Cơ quan ban hành",
    "number": "Số và ký hiệu",
    "nation": "Quốc hiệu",
    "motto": "Tiêu ngữ",
    "place-date": "Địa danh và ngày tháng",
    "summary": SUBTITLE,
    "title": TITLE,
    "note": NOTE,
    "draft-note": DRAFT_NOTE,
    "appendix-sub": APPENDIX_SUB,
    "label": RECIPIENTS_LABEL,
}

PARAGRAPH_STYLES = (
    NORMAL, TITLE, SUBTITLE, *sorted(set(HEADINGS.values())), APPENDIX_TITLE, LIST_ITEM, FIGURE, RULE,
    RECIPIENTS, SIGNATURE, CELL_TEXT, CELL_NUM, CELL_CENTER, CELL_HEAD, *CLASS_STYLES.values(),
)
REQUIRED_STYLES = {
    WD_STYLE_TYPE.PARAGRAPH: tuple(dict.fromkeys(PARAGRAPH_STYLES)),
    WD_STYLE_TYPE.CHARACTER: (STRONG, UNIT_NAME, SUB_LINE),
    WD_STYLE_TYPE.TABLE: (DATA_TABLE, LAYOUT_TABLE),
}

# Two-column blocks laid out as borderless tables, with each column's share (report.css).
COLUMNS = {"header": (("left", 0.38), ("right", 0.62)), "closing": (("recipients", 0.45), ("signature", 0.55))}
COLUMN_DEFAULT_STYLE = {"recipients": RECIPIENTS, "signature": SIGNATURE}
SPACE_BEFORE = {"closing"}  # an empty paragraph before the block (margin-top in report.css)
RULE_WIDTH = {"motto-rule": 0.58, "short": 0.35}  # share of the column, as in report.css
SIGNATURE_SPACE_LINES = 4  # div.space: room for the signature and the seal
PRE_CLASSES = {"number"}  # white-space: pre (the blank "Số:       /BC-UBND")
BOLD_CLASSES = {"status-not_reached", "status-behind", "late", "missing"}  # bold in report.css
CELL_CLASS_STYLES = {"num": CELL_NUM, "center": CELL_CENTER}
BLOCK_TAGS = {"p", "div", "section", "ul", "ol", "li", "table", "hr", "svg", "h1", "h2", "h3", "h4", "h5", "h6"}

CHART_SCALE = 3  # PNG pixels per SVG unit: a 650-unit chart becomes 1950 px, ~300 dpi at 16 cm


class DocxTemplateError(ValueError):
    """The Word template cannot be used (missing, not a .docx, or a style renamed or deleted)."""


# --- entry point ------------------------------------------------------------------


def render_docx(html: str, template: Path) -> bytes:
    """The Word draft of the report whose HTML is `html`, in the styles of `template`."""
    tree = lxml.html.document_fromstring(html)
    doc = _open_template(template)
    body = doc.element.body
    for child in list(body):  # the template's specimen page; keep the section (page set-up)
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    section = doc.sections[-1]
    width = section.page_width - section.left_margin - section.right_margin
    writer = _Writer(doc, _css_column_shares(" ".join(tree.xpath("//style/text()"))))
    writer.blocks(tree.find("body"), _Sink(doc, width, NORMAL, fresh=False), ())
    stamp = _generated(tree)
    _metadata(doc, tree, stamp)
    out = io.BytesIO()
    doc.save(out)
    return _reproducible_zip(out.getvalue(), stamp)


def _open_template(template: Path) -> Any:
    try:
        doc = Document(str(template))
    except Exception as exc:  # noqa: BLE001 - python-docx raises several kinds
        raise DocxTemplateError(f"không mở được mẫu Word {template}: {exc}") from exc
    present = {(s.type, s.name) for s in doc.styles}
    missing = [name for kind, names in REQUIRED_STYLES.items() for name in names if (kind, name) not in present]
    if missing:
        raise DocxTemplateError(
            f"mẫu Word {template} thiếu kiểu (style): {', '.join(missing)}. Khôi phục các kiểu này "
            "(hoặc tạo lại mẫu bằng scripts/make_docx_template.py)."
        )
    return doc


def _generated(tree: Any) -> dt.datetime:
    found = tree.xpath('//meta[@name="dcterms.created"]/@content')
    if found:
        return dt.datetime.strptime(found[0], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
    return dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)


def _metadata(doc: Any, tree: Any, stamp: dt.datetime) -> None:
    props = doc.core_properties
    title = tree.find(".//title")
    props.title = " ".join((title.text_content() if title is not None else "").split())
    props.subject = props.keywords = props.comments = props.category = ""
    props.author = props.last_modified_by = "plan744"
    props.language = "vi-VN"
    props.created = props.modified = stamp.replace(tzinfo=None)
    props.revision = 1


def _reproducible_zip(data: bytes, stamp: dt.datetime) -> bytes:
    """The same entries, with the report's own date instead of the clock's."""
    when = max(stamp.timetuple()[:6], (1980, 1, 1, 0, 0, 0))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(item.filename))
    return out.getvalue()


# --- inline content ---------------------------------------------------------------


@dataclass(frozen=True)
class _Run:
    text: str = ""
    style: str | None = None  # character style
    bold: bool = False
    italic: bool = False
    brk: bool = False  # a line break (<br>)


def _classes(el: Any) -> set[str]:
    return set((el.get("class") or "").split())


def _is_element(node: Any) -> bool:
    return isinstance(node.tag, str)


def _format(el: Any, base: _Run) -> _Run:
    """The formatting an inline element adds to its content."""
    tag, cls, fmt = el.tag, _classes(el), base
    if tag in ("strong", "b"):
        fmt = replace(fmt, style=STRONG)
    elif tag in ("em", "i"):
        fmt = replace(fmt, italic=True)
    if "unit-name" in cls:
        fmt = replace(fmt, style=UNIT_NAME)
    if "sub" in cls:  # a smaller second line in a table cell, never bold (report.css)
        fmt = replace(fmt, style=SUB_LINE, bold=False)
    if cls & BOLD_CLASSES:
        fmt = replace(fmt, bold=True)
    return fmt


def _runs(el: Any, base: _Run = _Run()) -> list[_Run]:
    """The text inside `el` (not its tail) as runs, each with the formatting of its inline elements."""
    out: list[_Run] = []
    if el.text:
        out.append(replace(base, text=el.text))
    for child in el:
        if _is_element(child):
            if child.tag == "br":
                out.append(_Run(brk=True))
            elif child.tag not in ("svg", "script", "style"):
                out.extend(_runs(child, _format(child, base)))
        if child.tail:
            out.append(replace(base, text=child.tail))
    return out


def _collapse(runs: list[_Run], pre: bool = False) -> list[_Run]:
    """Whitespace as a browser shows it: runs of spaces and newlines become one space, none at
    the start or end of a line (unless `pre`)."""
    out: list[_Run] = []
    after_space = True
    for r in runs:
        if r.brk:
            if out and not out[-1].brk:
                out[-1] = replace(out[-1], text=out[-1].text.rstrip(" "))
            out.append(r)
            after_space = True
            continue
        text = r.text if pre else re.sub(r"[ \t\n\r\f]+", " ", r.text)  # not U+00A0, as in HTML
        if after_space and not pre:
            text = text.lstrip(" ")
        if text:
            out.append(replace(r, text=text))
            after_space = text.endswith(" ")
    if out and not out[-1].brk and not pre:
        out[-1] = replace(out[-1], text=out[-1].text.rstrip(" "))
    return [r for r in out if r.brk or r.text]


def _text(el: Any) -> str:
    return "".join(r.text for r in _collapse(_runs(el)) if not r.brk)


# --- blocks -----------------------------------------------------------------------


class _Sink:
    """Where blocks go: the document body or a table cell, with its width."""

    def __init__(self, container: Any, width: int, default_style: str, fresh: bool = True) -> None:
        self.container = container
        self.width = int(width)  # EMU
        self.default_style = default_style
        self._unused_first = fresh  # a new cell already holds one empty paragraph
        if fresh:  # in the cell's style even if nothing is written in it (an empty total cell)
            container.paragraphs[0].style = default_style

    @property
    def element(self) -> Any:
        """The XML element that holds the blocks: w:body or w:tc."""
        return self.container._tc if hasattr(self.container, "_tc") else self.container.element.body

    def paragraph(self, style: str) -> Any:
        if self._unused_first:
            self._unused_first = False
            par = self.container.paragraphs[0]
            par.style = style
            return par
        return self.container.add_paragraph(style=style)


def _css_column_shares(css: str) -> dict[tuple[str, str], float]:
    """Column widths the stylesheet sets, as in `table.indicators .col-name { width: 30%; }`:
    (table class, header cell class) -> share of the table's width."""
    rule = re.compile(r"table\.([\w-]+)\s+(?:th)?\.([\w-]+)\s*\{\s*width:\s*(\d+(?:\.\d+)?)%\s*;?\s*\}")
    return {(t, c): float(w) / 100 for t, c, w in rule.findall(css)}


class _Writer:
    def __init__(self, doc: Any, shares: dict[tuple[str, str], float]) -> None:
        self.doc = doc
        self.shares = shares  # column widths set by report.css

    def blocks(self, el: Any, sink: _Sink, ancestors: tuple[set[str], ...], base: _Run = _Run()) -> None:
        """Each child of `el`; inline content between block children becomes a paragraph."""
        pending: list[_Run] = [replace(base, text=el.text)] if el.text else []
        inner = ancestors + (_classes(el),)
        for child in el:
            if _is_element(child) and child.tag in BLOCK_TAGS:
                self._flush(pending, sink)
                pending = []
                self.block(child, sink, inner, base)
            elif _is_element(child):
                pending.extend(_runs(child, _format(child, base)))
            if child.tail:
                pending.append(replace(base, text=child.tail))
        self._flush(pending, sink)

    def _flush(self, runs: list[_Run], sink: _Sink) -> None:
        runs = _collapse(runs)
        if runs:
            self._write(sink.paragraph(sink.default_style), runs)

    def block(self, el: Any, sink: _Sink, ancestors: tuple[set[str], ...], base: _Run = _Run()) -> None:
        tag, cls = el.tag, _classes(el)
        in_appendix = any("appendix" in a for a in ancestors) or "appendix" in cls
        for name, columns in COLUMNS.items():
            if name in cls:
                return self._columns(el, sink, columns, ancestors)
        if tag == "hr":
            return self._rule(sink, next((RULE_WIDTH[c] for c in RULE_WIDTH if c in cls), 1.0))
        if tag == "svg":
            return self._chart(el, sink)
        if tag == "table":
            return self._table(el, sink, ancestors)
        if tag in ("ul", "ol"):
            for li in el:
                if _is_element(li):
                    self._paragraph(li, sink, LIST_ITEM, base)
            return None
        if "space" in cls:
            for _ in range(SIGNATURE_SPACE_LINES):
                sink.paragraph(sink.default_style)
            return None
        if tag == "h1":
            return self._paragraph(el, sink, TITLE, base)
        if tag == "h2" and in_appendix:
            return self._paragraph(el, sink, APPENDIX_TITLE, base)
        if tag in HEADINGS:
            return self._paragraph(el, sink, HEADINGS[tag], base)
        fmt = _format(el, base)
        if any(_is_element(c) and c.tag in BLOCK_TAGS for c in el):
            return self.blocks(el, sink, ancestors, fmt)
        style = next((CLASS_STYLES[c] for c in CLASS_STYLES if c in cls), sink.default_style)
        return self._paragraph(el, sink, style, fmt, pre=bool(cls & PRE_CLASSES))

    def _paragraph(self, el: Any, sink: _Sink, style: str, base: _Run = _Run(), pre: bool = False) -> None:
        self._write(sink.paragraph(style), _collapse(_runs(el, base), pre))

    @staticmethod
    def _write(par: Any, runs: list[_Run]) -> None:
        for r in runs:
            if r.brk:
                par.add_run().add_break()
                continue
            run = par.add_run(r.text, style=r.style)
            if r.bold:
                run.bold = True
            if r.italic:
                run.italic = True

    # two columns (the header, the closing): a borderless table

    def _columns(self, el: Any, sink: _Sink, columns: tuple[tuple[str, float], ...], ancestors: tuple) -> None:
        if _classes(el) & SPACE_BEFORE:
            previous = sink.container.paragraphs[-1] if sink.container.paragraphs else None
            spacer = sink.paragraph(NORMAL)
            for par in (previous, spacer):  # the closing sentence goes over with the signature
                if par is not None:
                    par.paragraph_format.keep_with_next = True
        widths = _split(sink.width, [share for _, share in columns])
        table = self._new_table(sink, LAYOUT_TABLE, widths)
        row = table.add_row()
        _no_split(row)
        for cell, (name, _), width in zip(row.cells, columns, widths):
            part = next((c for c in el if _is_element(c) and name in _classes(c)), None)
            sub = _Sink(cell, width, COLUMN_DEFAULT_STYLE.get(name, NORMAL))
            if part is not None:
                self.blocks(part, sub, ancestors + (_classes(el),))
            _set_width(cell._tc, width)

    def _rule(self, sink: _Sink, share: float) -> None:
        """A short centred line: an empty paragraph with a bottom border, narrowed by indents."""
        par = sink.paragraph(RULE)
        side = Emu(int(sink.width * (1 - share) / 2))
        par.paragraph_format.left_indent = side
        par.paragraph_format.right_indent = side

    # data tables

    def _table(self, el: Any, sink: _Sink, ancestors: tuple[set[str], ...]) -> None:
        rows: list[tuple[Any, bool]] = []
        for part in el:
            if not _is_element(part):
                continue
            if part.tag == "tr":
                rows.append((part, False))
            else:
                rows.extend((tr, part.tag == "thead") for tr in part if _is_element(tr) and tr.tag == "tr")
        if not rows:
            return
        cells = [[c for c in tr if _is_element(c) and c.tag in ("td", "th")] for tr, _ in rows]
        ncols = max(sum(_span(c) for c in row) for row in cells)
        fixed: dict[int, float] = {}
        for (tr, header), tds in zip(rows, cells):
            col = 0
            for td in tds:
                if header and _span(td) == 1:
                    share = next((self.shares[(t, c)] for t in _classes(el) for c in _classes(td)
                                  if (t, c) in self.shares), None)
                    if share is not None:
                        fixed[col] = share
                col += _span(td)
        widths = _column_widths(cells, ncols, sink.width, fixed)
        table = self._new_table(sink, DATA_TABLE, widths)
        for (tr, header), tds in zip(rows, cells):
            row = table.add_row()
            _no_split(row, header)
            bold_row = "total" in _classes(tr)
            col = 0
            for td in tds:
                span = _span(td)
                cell = row.cells[col]
                if span > 1:
                    cell = cell.merge(row.cells[col + span - 1])
                cls = _classes(td)
                style = CELL_HEAD if td.tag == "th" else next(
                    (CELL_CLASS_STYLES[c] for c in CELL_CLASS_STYLES if c in cls), CELL_TEXT)
                base = _Run(bold=bold_row or bool(cls & BOLD_CLASSES))
                self.blocks(td, _Sink(cell, sum(widths[col:col + span]), style), ancestors, base)
                col += span
        for tr in table._tbl.tr_lst:  # a merged cell's width is its columns' sum
            col = 0
            for tc in tr.tc_lst:
                _set_width(tc, sum(widths[col:col + tc.grid_span]))
                col += tc.grid_span

    def _new_table(self, sink: _Sink, style: str, widths: list[int]) -> Any:
        blocks = [c for c in sink.element.iterchildren() if c.tag in (qn("w:p"), qn("w:tbl"))]
        if blocks and blocks[-1].tag == qn("w:tbl"):  # Word joins two tables that touch into one
            sink.paragraph(CELL_TEXT)
        table = sink.container.add_table(rows=0, cols=len(widths))
        table.style = self.doc.styles[style]
        table.autofit = False
        tbl_pr = table._tbl.tblPr
        tbl_w = tbl_pr.find(qn("w:tblW"))
        tbl_w.set(qn("w:type"), "dxa")
        tbl_w.set(qn("w:w"), str(Emu(sum(widths)).twips))
        look = tbl_pr.find(qn("w:tblLook"))
        if look is not None:  # the table style's header formatting on, its first-column formatting off
            look.set(qn("w:firstRow"), "1")
            look.set(qn("w:firstColumn"), "0")
        for column, width in zip(table.columns, widths):
            column.width = Emu(width)
        return table

    # the chart

    def _chart(self, svg: Any, sink: _Sink) -> None:
        png = svg_to_png(svg)
        if png is None:
            return
        found = svg.find("title")
        title = svg.get("aria-label") or (_text(found) if found is not None else "")
        run = sink.paragraph(FIGURE).add_run()
        shape = run.add_picture(io.BytesIO(png), width=Emu(int(sink.width * 0.97)))
        shape._inline.docPr.set("descr", title or "")


def _span(td: Any) -> int:
    try:
        return max(1, int(td.get("colspan", "1")))
    except ValueError:
        return 1


def _split(total: int, shares: list[float]) -> list[int]:
    widths = [int(total * s) for s in shares]
    widths[-1] = total - sum(widths[:-1])
    return widths


def _no_split(row: Any, header: bool = False) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:  # repeated at the top of each page
        tr_pr.append(OxmlElement("w:tblHeader"))


def _set_width(tc: Any, width: int) -> None:
    tc.width = Emu(width)


TABLE_PT, SUB_PT = 11.5, 9.5  # type sizes of table text and of a cell's second line (report.css)
CELL_PAD_EMU = 2 * 80 * 635 + 12700 * 4  # the table style's cell margins (80 twips a side) and 4 pt slack
_MEASURE: dict[tuple[bool, bool], Any] = {}


def _text_width(text: str, pt: float, bold: bool = False, italic: bool = False) -> float:
    """Width of `text` set in the bundled Liberation Serif (metric-compatible with Times New
    Roman), in EMU."""
    from PIL import ImageFont

    from plan744.report.html import FONT_FILES, FONTS_DIR

    key = (bold, italic)
    if key not in _MEASURE:
        name = FONT_FILES[("bold" if bold else "normal", "italic" if italic else "normal")]
        _MEASURE[key] = ImageFont.truetype(str(FONTS_DIR / name), 100)
    return _MEASURE[key].getlength(text) / 100 * pt * 12700


def _cell_lines(td: Any) -> list[tuple[str, float, bool, bool]]:
    """The lines of a cell as (text, size, bold, italic): its own text, then each block inside it."""
    lines: list[tuple[str, float, bool, bool]] = []
    head: list[_Run] = [_Run(text=td.text)] if td.text else []
    for child in td:
        if _is_element(child) and child.tag in BLOCK_TAGS:
            sub = "sub" in _classes(child)
            lines.append((_text(child), SUB_PT if sub else TABLE_PT, False, sub))
        elif _is_element(child):
            head.extend(_runs(child, _format(child, _Run())))
        if child.tail:
            head.append(_Run(text=child.tail))
    own = _collapse(head)
    bold = td.tag == "th" or any(r.bold or r.style == STRONG for r in own)
    return [("".join(r.text for r in own if not r.brk), TABLE_PT, bold, False), *lines]


def _column_extents(rows: list[list[Any]], ncols: int) -> tuple[list[float], list[float]]:
    """Each column's least width (its longest word; a number cell's whole line) and the width
    of its longest line, in EMU, cell margins included."""
    least, most = [0.0] * ncols, [0.0] * ncols
    for row in rows:
        col = 0
        for td in row:
            span = _span(td)
            if span == 1 and col < ncols:
                nowrap = "num" in _classes(td)
                for text, pt, bold, italic in _cell_lines(td):
                    words = [text] if nowrap else text.split() or [""]
                    least[col] = max(least[col], max(_text_width(w, pt, bold, italic) for w in words))
                    most[col] = max(most[col], _text_width(text, pt, bold, italic))
            col += span
    least = [w + CELL_PAD_EMU for w in least]
    return least, [max(m + CELL_PAD_EMU, lo) for m, lo in zip(most, least)]


def _column_widths(rows: list[list[Any]], ncols: int, total: int, fixed: dict[int, float] | None = None) -> list[int]:
    """Like a browser's automatic table layout: each column gets at least its longest word
    (a number cell: its whole line); a column whose width the stylesheet sets gets that width
    (or its least width, if more), the others share the rest, most where the text is long."""
    least, most = _column_extents(rows, ncols)
    fixed = {c: max(share * total, least[c]) for c, share in (fixed or {}).items() if c < ncols}
    free = [c for c in range(ncols) if c not in fixed]
    room = total - sum(fixed.values())
    widths = [0.0] * ncols
    for c, w in fixed.items():
        widths[c] = w
    if free:
        lo, hi = sum(least[c] for c in free), sum(most[c] for c in free)
        for c in free:
            if room <= lo:
                widths[c] = least[c]
            elif room >= hi:
                widths[c] = most[c] * room / hi
            else:
                widths[c] = least[c] + (room - lo) * (most[c] - least[c]) / (hi - lo)
    excess = sum(widths) - total
    slack = [max(0.0, w - lo) for w, lo in zip(widths, least)]
    if 0 < excess <= sum(slack):  # take it from the columns wider than their longest word
        widths = [w - excess * sl / sum(slack) for w, sl in zip(widths, slack)]
    scale = sum(widths) or 1.0
    return _split(total, [w / scale for w in widths])


# --- SVG chart to PNG -------------------------------------------------------------


def _num(value: str | None, default: float = 0.0) -> float:
    try:
        return float(value) if value is not None else default
    except ValueError:
        return default


def _path_points(d: str) -> list[list[tuple[float, float]]]:
    """The polygons of an SVG path made of M, L and Z, absolute or relative (what plan744.report.chart draws)."""
    tokens = re.findall(r"[MmLlZz]|-?(?:\d+\.?\d*|\.\d+)", d)
    polygons: list[list[tuple[float, float]]] = []
    points: list[tuple[float, float]] = []
    x = y = 0.0
    cmd, i = "M", 0
    while i < len(tokens):
        tok = tokens[i]
        if tok in ("M", "m", "L", "l", "Z", "z"):
            i += 1
            if tok in ("Z", "z"):
                if points:
                    polygons.append(points)
                points = []
            else:
                cmd = tok
            continue
        if i + 1 >= len(tokens):
            break
        dx, dy = float(tok), float(tokens[i + 1])
        i += 2
        if cmd in ("M", "m") and points:
            polygons.append(points)
            points = []
        x, y = (x + dx, y + dy) if cmd.islower() else (dx, dy)
        points.append((x, y))
        cmd = {"M": "L", "m": "l"}.get(cmd, cmd)
    if points:
        polygons.append(points)
    return polygons


def _color(value: str | None) -> str | None:
    if not value or value == "none":
        return None
    return value


def svg_to_png(svg: Any, scale: int = CHART_SCALE) -> bytes | None:
    """The chart's SVG (text, line, rect, path) drawn with Pillow in the bundled font."""
    from PIL import Image, ImageDraw, ImageFont

    from plan744.report.html import FONT_FILES, FONTS_DIR

    box = [_num(v) for v in (svg.get("viewbox") or svg.get("viewBox") or "").split()]
    if len(box) != 4 or box[2] <= 0 or box[3] <= 0:
        return None
    ox, oy, width, height = box
    image = Image.new("RGB", (int(width * scale), int(height * scale)), "white")
    draw = ImageDraw.Draw(image)
    fonts: dict[tuple[bool, int], Any] = {}

    def pt(x: float, y: float) -> tuple[float, float]:
        return ((x - ox) * scale, (y - oy) * scale)

    def font(bold: bool, size: float) -> Any:
        key = (bold, int(size * scale))
        if key not in fonts:
            name = FONT_FILES[("bold" if bold else "normal", "normal")]
            fonts[key] = ImageFont.truetype(str(FONTS_DIR / name), key[1])
        return fonts[key]

    for el in svg.iter():
        if not _is_element(el):
            continue
        tag = el.tag.rsplit("}", 1)[-1].lower()
        stroke_w = max(1, round(_num(el.get("stroke-width"), 1.0) * scale))
        stroke, fill = _color(el.get("stroke")), _color(el.get("fill"))
        if tag == "rect":
            x, y = _num(el.get("x")), _num(el.get("y"))
            w, h = _num(el.get("width")), _num(el.get("height"))
            if w > 0 and h > 0:
                draw.rectangle([pt(x, y), pt(x + w, y + h)], fill=fill or "black", outline=stroke)
        elif tag == "line":
            a = pt(_num(el.get("x1")), _num(el.get("y1")))
            b = pt(_num(el.get("x2")), _num(el.get("y2")))
            dash = [_num(v) * scale for v in re.split(r"[ ,]+", el.get("stroke-dasharray") or "") if v]
            if dash and sum(dash) > 0:
                _dashed(draw, a, b, dash, stroke or "black", stroke_w)
            else:
                draw.line([a, b], fill=stroke or "black", width=stroke_w)
        elif tag == "path":
            for poly in _path_points(el.get("d") or ""):
                draw.polygon([pt(x, y) for x, y in poly], fill=fill, outline=stroke, width=stroke_w)
        elif tag == "text":
            anchor = {"middle": "ms", "end": "rs"}.get(el.get("text-anchor") or "", "ls")
            bold = (el.get("font-weight") or "") in ("bold", "700")
            draw.text(pt(_num(el.get("x")), _num(el.get("y"))), el.text_content(),
                      font=font(bold, _num(el.get("font-size"), 12)), fill=fill or "black", anchor=anchor)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _dashed(draw: Any, a: tuple[float, float], b: tuple[float, float], dash: list[float], color: str,
            width: int) -> None:
    (x1, y1), (x2, y2) = a, b
    length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
    if length == 0:
        return
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    pos, i, on = 0.0, 0, True
    while pos < length:
        step = min(dash[i % len(dash)], length - pos)
        if on:
            draw.line([(x1 + ux * pos, y1 + uy * pos), (x1 + ux * (pos + step), y1 + uy * (pos + step))],
                      fill=color, width=width)
        pos += step
        i += 1
        on = not on
