#!/usr/bin/env python3
"""Tạo lại mẫu Word templates/report.docx của báo cáo năm (plan744 report --format docx).

Mẫu chỉ giữ định dạng: khổ giấy và lề, số trang ở đầu trang từ trang 2, các kiểu (style)
đoạn văn, ký tự và bảng. Nội dung trang mẫu chỉ để xem thử từng kiểu; khi lập báo cáo,
plan744 xóa nội dung đó và viết báo cáo bằng các kiểu này. Muốn đổi định dạng báo cáo (phông,
cỡ chữ, giãn dòng, lề, kẻ bảng…), mở templates/report.docx bằng Word, sửa kiểu
(Home › Styles › Modify) hoặc Page Setup rồi lưu lại; không cần sửa mã. Đổi tên hoặc xóa
một kiểu thì plan744 báo thiếu kiểu đó.

Regenerates templates/report.docx: the Word template of the annual report. Stdlib only;
the same command writes the same bytes.

    python scripts/make_docx_template.py                 # templates/report.docx
    python scripts/make_docx_template.py --out /tmp/t.docx

Layout per Nghị định 30/2020/NĐ-CP, Phụ lục I: A4; margins top/bottom 20 mm, left 30 mm,
right 15 mm; Times New Roman; body 14 pt justified with a 1 cm first-line indent; page
numbers centred at the top from page 2 (different first page + PAGE field).
"""

from __future__ import annotations

import argparse
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "templates" / "report.docx"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
FONT = "Times New Roman"

# Twentieths of a point (twips): 1 mm = 56.7 twips; 1 cm first-line indent = 567.
MM = 56.6929
PAGE_W, PAGE_H = 11906, 16838  # A4
MARGIN = {"top": 1134, "bottom": 1134, "left": 1701, "right": 850}  # 20, 20, 30, 15 mm
INDENT = 567

# --- styles -----------------------------------------------------------------------


def _rpr(size: float | None = None, bold: bool = False, italic: bool = False, caps: bool = False,
         font: bool = False) -> str:
    parts = []
    if font:
        parts.append(f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>')
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if italic:
        parts.append("<w:i/><w:iCs/>")
    if caps:
        parts.append("<w:caps/>")
    if size is not None:
        half = int(round(size * 2))
        parts.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def _ppr(jc: str | None = None, first_line: int | None = None, before: int | None = None,
         after: int | None = None, line: int | None = None, keep_next: bool = False,
         outline: int | None = None, page_break: bool = False, left: int | None = None,
         hanging: int | None = None, right: int = 0, extra: str = "") -> str:
    parts = []
    if keep_next:
        parts.append("<w:keepNext/>")
    if page_break:
        parts.append("<w:pageBreakBefore/>")
    parts.append(extra)
    if before is not None or after is not None or line is not None:
        attrs = ""
        if before is not None:
            attrs += f' w:before="{before}"'
        if after is not None:
            attrs += f' w:after="{after}"'
        if line is not None:
            attrs += f' w:line="{line}" w:lineRule="auto"'
        parts.append(f"<w:spacing{attrs}/>")
    if first_line is not None or left is not None or hanging is not None:
        attrs = f' w:left="{left or 0}" w:right="{right}"'
        attrs += f' w:hanging="{hanging}"' if hanging is not None else f' w:firstLine="{first_line or 0}"'
        parts.append(f"<w:ind{attrs}/>")
    if jc:
        parts.append(f'<w:jc w:val="{jc}"/>')
    if outline is not None:
        parts.append(f'<w:outlineLvl w:val="{outline}"/>')
    body = "".join(parts)
    return f"<w:pPr>{body}</w:pPr>" if body else ""


def pstyle(sid: str, name: str, *, based: str | None = "Normal", nxt: str | None = None, ppr: str = "",
           rpr: str = "", custom: bool = True, ui: int = 20, q: bool = True) -> str:
    attrs = 'w:type="paragraph"' + (' w:default="1"' if sid == "Normal" else "") + f' w:styleId="{sid}"' + (
        ' w:customStyle="1"' if custom else "")
    inner = f"<w:name w:val={quoteattr(name)}/>"
    if based:
        inner += f'<w:basedOn w:val="{based}"/>'
    if nxt:
        inner += f'<w:next w:val="{nxt}"/>'
    inner += f'<w:uiPriority w:val="{ui}"/>' + ("<w:qFormat/>" if q else "")
    return f"<w:style {attrs}>{inner}{ppr}{rpr}</w:style>"


def cstyle(sid: str, name: str, rpr: str, custom: bool = True) -> str:
    attrs = f'w:type="character" w:styleId="{sid}"' + (' w:customStyle="1"' if custom else "")
    return (f"<w:style {attrs}><w:name w:val={quoteattr(name)}/><w:basedOn w:val=\"DefaultParagraphFont\"/>"
            f'<w:uiPriority w:val="22"/><w:qFormat/>{rpr}</w:style>')


def _borders(tag: str, val: str, sides: tuple[str, ...], sz: int = 4, space: int = 0) -> str:
    inner = "".join(f'<w:{s} w:val="{val}" w:sz="{sz}" w:space="{space}" w:color="000000"/>' for s in sides)
    return f"<w:{tag}>{inner}</w:{tag}>"


def tstyle(sid: str, name: str, borders: str, margins: tuple[int, int, int, int], first_row: str = "") -> str:
    top, right, bottom, left = margins
    mar = (f'<w:tblCellMar><w:top w:w="{top}" w:type="dxa"/><w:left w:w="{left}" w:type="dxa"/>'
           f'<w:bottom w:w="{bottom}" w:type="dxa"/><w:right w:w="{right}" w:type="dxa"/></w:tblCellMar>')
    return (f'<w:style w:type="table" w:customStyle="1" w:styleId="{sid}"><w:name w:val={quoteattr(name)}/>'
            '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>'
            '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
            '<w:ind w:left="0" w:right="0" w:firstLine="0"/></w:pPr>'
            f"<w:tblPr>{borders}{mar}</w:tblPr>{first_row}</w:style>")


ALL_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")
NO_INDENT = 0

STYLES = [
    # Body text: Times New Roman 14 pt, justified, 1 cm first-line indent, 6 pt after.
    pstyle("Normal", "Normal", based=None, custom=False, ui=0,
           ppr=_ppr(jc="both", first_line=INDENT, before=0, after=120, line=276, extra="<w:widowControl/>"),
           rpr=_rpr(font=True, size=14)),
    pstyle("Heading1", "heading 1", nxt="Normal", custom=False, ui=9,
           ppr=_ppr(jc="left", keep_next=True, before=240, after=120, outline=0), rpr=_rpr(bold=True)),
    pstyle("Heading2", "heading 2", nxt="Normal", custom=False, ui=9,
           ppr=_ppr(jc="left", keep_next=True, before=200, after=80, outline=1), rpr=_rpr(bold=True)),
    pstyle("Heading3", "heading 3", nxt="Normal", custom=False, ui=9,
           ppr=_ppr(jc="left", keep_next=True, before=160, after=80, outline=2), rpr=_rpr(bold=True, italic=True)),
    pstyle("Title", "Title", nxt="Subtitle", custom=False, ui=10,
           ppr=_ppr(jc="center", first_line=NO_INDENT, before=360, after=0, keep_next=True), rpr=_rpr(bold=True)),
    pstyle("Subtitle", "Subtitle", nxt="Normal", custom=False, ui=11,
           ppr=_ppr(jc="center", first_line=NO_INDENT, before=0, after=0, keep_next=True), rpr=_rpr(bold=True)),
    pstyle("Header", "header", custom=False, ui=99, q=False,
           ppr=_ppr(jc="center", first_line=NO_INDENT, before=0, after=0), rpr=_rpr(size=13)),
    pstyle("Footer", "footer", custom=False, ui=99, q=False,
           ppr=_ppr(jc="center", first_line=NO_INDENT, before=0, after=0), rpr=_rpr(size=13)),
    # The two-column header (a borderless table).
    pstyle("CoQuanChuQuan", "Cơ quan chủ quản",
           ppr=_ppr(jc="center", first_line=NO_INDENT, before=0, after=0, line=240), rpr=_rpr(size=13, caps=True)),
    pstyle("CoQuanBanHanh", "Cơ quan ban hành",
           ppr=_ppr(jc="center", first_line=NO_INDENT, before=0, after=0, line=240),
           rpr=_rpr(size=13, bold=True, caps=True)),
    pstyle("SoKyHieu", "Số và ký hiệu",
           ppr=_ppr(jc="center", first_line=NO_INDENT, before=60, after=0, line=240), rpr=_rpr(size=13)),
    pstyle("QuocHieu", "Quốc hiệu",
           ppr=_ppr(jc="center", first_line=NO_INDENT, before=0, after=0, line=240), rpr=_rpr(size=12.5, bold=True)),
    pstyle("TieuNgu", "Tiêu ngữ",
           ppr=_ppr(jc="center", first_line=NO_INDENT, before=0, after=0, line=240), rpr=_rpr(size=14, bold=True)),
    pstyle("DiaDanhNgay", "Địa danh và ngày tháng",
           ppr=_ppr(jc="center", first_line=NO_INDENT, before=60, after=0, line=240), rpr=_rpr(size=14, italic=True)),
    # A short rule: an empty paragraph with a bottom border; plan744 sets its width by indents.
    # Space before, so the rule sits below the descenders of the line above, never on its glyphs.
    pstyle("DuongKe", "Đường kẻ",
           ppr=_ppr(jc="center", first_line=NO_INDENT, before=80, after=80, line=240,
                    extra=_borders("pBdr", "single", ("bottom",), sz=6)),
           rpr=_rpr(size=2)),
    pstyle("GhiChu", "Ghi chú", ppr=_ppr(first_line=NO_INDENT, before=60), rpr=_rpr(size=12, italic=True)),
    # The draft box: the border 4 pt from the text on every side (and indented by as much, so the
    # box stays inside the margins).
    pstyle("GhiChuDuThao", "Ghi chú dự thảo",
           ppr=_ppr(jc="left", first_line=NO_INDENT, left=113, right=113, before=160, after=160, line=240,
                    extra=_borders("pBdr", "dashed", ("top", "left", "bottom", "right"), space=4)),
           rpr=_rpr(size=11, italic=True)),
    pstyle("LuuY", "Lưu ý",
           ppr=_ppr(jc="both", first_line=NO_INDENT, before=120, after=120, line=240,
                    extra=_borders("pBdr", "single", ("top", "left", "bottom", "right"))),
           rpr=_rpr(size=12)),
    pstyle("CanBoSung", "Cần bổ sung",
           ppr=_ppr(first_line=NO_INDENT, before=60, after=120,
                    extra='<w:shd w:val="clear" w:color="auto" w:fill="FFF3C4"/>'),
           rpr=_rpr(italic=True)),
    pstyle("ChuThichBang", "Chú thích bảng", ppr=_ppr(jc="left", first_line=NO_INDENT, before=160, after=40,
                                                      keep_next=True), rpr=_rpr(size=12)),
    pstyle("GiuaNghieng", "Giữa - nghiêng", ppr=_ppr(jc="center", first_line=NO_INDENT, before=0, after=120),
           rpr=_rpr(italic=True)),
    pstyle("DanhSach", "Danh sách", ppr=_ppr(left=INDENT + 283, hanging=283, after=60,
                                                extra='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')),
    pstyle("Hinh", "Hình", ppr=_ppr(jc="center", first_line=NO_INDENT, before=120, after=120, line=240)),
    pstyle("PhuLucTieuDe", "Phụ lục - tiêu đề", nxt="PhuLucChuThich",
           ppr=_ppr(jc="center", first_line=NO_INDENT, before=0, after=60, keep_next=True, outline=0,
                    page_break=True),
           rpr=_rpr(bold=True)),
    pstyle("PhuLucChuThich", "Phụ lục - chú thích",
           ppr=_ppr(jc="center", first_line=NO_INDENT, before=0, after=160, keep_next=True), rpr=_rpr(italic=True)),
    # Closing: Nơi nhận (left) and the signature (right), a borderless table.
    pstyle("NoiNhanTieuDe", "Nơi nhận - tiêu đề",
           ppr=_ppr(jc="left", first_line=NO_INDENT, before=0, after=0, line=240),
           rpr=_rpr(size=12, bold=True, italic=True)),
    pstyle("NoiNhan", "Nơi nhận", ppr=_ppr(jc="left", first_line=NO_INDENT, before=0, after=0, line=240),
           rpr=_rpr(size=11)),
    pstyle("ChuKy", "Chữ ký", ppr=_ppr(jc="center", first_line=NO_INDENT, before=0, after=0, line=240),
           rpr=_rpr(size=14, bold=True)),
    # Table text.
    pstyle("BangChu", "Bảng - chữ", ppr=_ppr(jc="left", first_line=NO_INDENT, before=0, after=0, line=240),
           rpr=_rpr(size=11.5)),
    pstyle("BangSo", "Bảng - số", based="BangChu", ppr=_ppr(jc="right")),
    pstyle("BangGiua", "Bảng - giữa", based="BangChu", ppr=_ppr(jc="center")),
    pstyle("BangTieuDe", "Bảng - tiêu đề", based="BangChu", ppr=_ppr(jc="center", keep_next=True),
           rpr=_rpr(bold=True)),
    # Table text of the appendices' wide tables, a point smaller.
    pstyle("BangChuNho", "Bảng nhỏ - chữ", based="BangChu", rpr=_rpr(size=10.5)),
    pstyle("BangSoNho", "Bảng nhỏ - số", based="BangChuNho", ppr=_ppr(jc="right")),
    pstyle("BangGiuaNho", "Bảng nhỏ - giữa", based="BangChuNho", ppr=_ppr(jc="center")),
    pstyle("BangTieuDeNho", "Bảng nhỏ - tiêu đề", based="BangChuNho", ppr=_ppr(jc="center", keep_next=True),
           rpr=_rpr(bold=True)),
    # Character styles.
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>'
    '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
    cstyle("Strong", "Strong", _rpr(bold=True), custom=False),
    cstyle("TenDonVi", "Tên đơn vị", _rpr(italic=True)),
    # The smaller second line of a table cell (e.g. numerator/denominator under a ratio).
    cstyle("BangDongPhu", "Bảng - dòng phụ", '<w:rPr><w:b w:val="0"/><w:bCs w:val="0"/><w:i/><w:iCs/>'
                                               '<w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>'),
    # Table styles.
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
    '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
    tstyle("BangSoLieu", "Bảng số liệu", _borders("tblBorders", "single", ALL_SIDES), (40, 80, 40, 80),
           first_row='<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr>'
                     '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/></w:tcPr></w:tblStylePr>'),
    tstyle("BangKhongVien", "Bảng không viền", _borders("tblBorders", "nil", ALL_SIDES), (0, 40, 0, 40)),
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
]

STYLES_XML = (
    XML + f'<w:styles xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
    '<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/>'
    "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
    + "".join(STYLES) + "</w:styles>"
)

# The bullets of the "Danh sách" style, as in administrative texts: "-" at the first level, "+"
# at the second (the same marks as the PDF and the HTML).
def _bullet(level: int, mark: str) -> str:
    left = INDENT + 283 * (level + 1)
    return (f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="{mark}"/>'
            f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{left}" w:hanging="283"/></w:pPr>'
            f'<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/></w:rPr></w:lvl>')


NUMBERING_XML = (
    XML + f'<w:numbering xmlns:w="{W_NS}">'
    '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
    + _bullet(0, "-") + _bullet(1, "+") + '</w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
)

SETTINGS_XML = (
    XML + f'<w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>'
    '<w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
    '</w:compat><w:themeFontLang w:val="vi-VN"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>'
    "</w:settings>"
)

FONT_TABLE_XML = (
    XML + f'<w:fonts xmlns:w="{W_NS}"><w:font w:name="{FONT}"><w:panose1 w:val="02020603050405020304"/>'
    '<w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>'
)

# Page number: a PAGE field, centred; the first page has its own (empty) header.
HEADER_XML = (
    XML + f'<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>'
)
FIRST_HEADER_XML = XML + f'<w:hdr xmlns:w="{W_NS}"><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr></w:p></w:hdr>'

SECT_PR = (
    '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>'
    '<w:headerReference w:type="first" r:id="rIdHeaderFirst"/>'
    f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
    f'<w:pgMar w:top="{MARGIN["top"]}" w:right="{MARGIN["right"]}" w:bottom="{MARGIN["bottom"]}" '
    f'w:left="{MARGIN["left"]}" w:header="567" w:footer="567" w:gutter="0"/>'
    '<w:cols w:space="720"/><w:titlePg/><w:docGrid w:linePitch="360"/></w:sectPr>'
)

# --- the specimen page (replaced by the report) -----------------------------------


def p(style: str, text: str = "", runs: str | None = None) -> str:
    body = runs if runs is not None else (f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else "")
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{body}</w:p>'


def r(text: str, style: str | None = None) -> str:
    rpr = f'<w:rPr><w:rStyle w:val="{style}"/></w:rPr>' if style else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def table(style: str, widths: list[int], rows: list[list[str]], header_rows: int = 0) -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out = [f'<w:tbl><w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
           '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
           f'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>']
    for i, cells in enumerate(rows):
        trpr = "<w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if i < header_rows else "") + "</w:trPr>"
        tcs = "".join(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{c}</w:tc>' for w, c in zip(widths, cells, strict=True))
        out.append(f"<w:tr>{trpr}{tcs}</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


TEXT_W = PAGE_W - MARGIN["left"] - MARGIN["right"]


def specimen() -> str:
    left, right = round(TEXT_W * 0.38), TEXT_W - round(TEXT_W * 0.38)
    header = table("BangKhongVien", [left, right], [[
        p("CoQuanBanHanh", "Cơ quan chủ quản") + p("CoQuanBanHanh", "Cơ quan ban hành") + p("DuongKe")
        + p("SoKyHieu", "Số:       /BC-…"),
        p("QuocHieu", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") + p("TieuNgu", "Độc lập - Tự do - Hạnh phúc")
        + p("DuongKe") + p("DiaDanhNgay", "Địa danh, ngày …… tháng …… năm ……"),
    ]])
    cols = [700, 4000, 2300, 2355]
    data = table("BangSoLieu", cols, [
        [p("BangTieuDe", "TT"), p("BangTieuDe", "Chỉ tiêu"), p("BangTieuDe", "Kết quả"), p("BangTieuDe", "Đánh giá")],
        [p("BangGiua", "1"), p("BangChu", "Kiểu “Bảng - chữ”"),
         p("BangSo", runs=r("61,7%", "Strong")) + p("BangSo", runs=r("1.234/2.000", "BangDongPhu")), p("BangChu", "Đạt")],
    ], header_rows=1)
    closing = table("BangKhongVien", [round(TEXT_W * 0.45), TEXT_W - round(TEXT_W * 0.45)], [[
        p("NoiNhanTieuDe", "Nơi nhận:") + p("NoiNhan", "- Như trên;") + p("NoiNhan", "- Lưu: VT."),
        p("ChuKy", "TM. ỦY BAN NHÂN DÂN") + p("ChuKy", "CHỦ TỊCH"),
    ]])
    return "".join([
        p("GhiChuDuThao", "MẪU BÁO CÁO CỦA PLAN744. Trang này chỉ để xem thử các kiểu (style); khi lập báo cáo, "
                          "plan744 xóa nội dung trang này. Sửa định dạng bằng cách sửa kiểu (Styles) và Page Setup, "
                          "không đổi tên, không xóa kiểu."),
        header,
        p("Title", "BÁO CÁO"),
        p("Subtitle", "Kiểu “Subtitle”: trích yếu của báo cáo"),
        p("Heading1", "I. KIỂU “HEADING 1”"),
        p("Heading2", "1. Kiểu “Heading 2”"),
        p("Heading3", "1.1. Kiểu “Heading 3”"),
        p("Normal", runs=r("Kiểu “Normal”: Times New Roman 14 pt, căn đều hai bên, thụt đầu dòng 1 cm. ")
          + r("Kiểu ký tự “Strong”", "Strong") + r(" và ") + r("kiểu ký tự “Tên đơn vị”", "TenDonVi") + r(".")),
        p("DanhSach", runs=r("Sở Một", "TenDonVi") + r(": kiểu “Danh sách”.")),
        data,
        p("GhiChu", "Kiểu “Ghi chú”."),
        p("Hinh", "[Kiểu “Hình”: biểu đồ]"),
        closing,
        p("PhuLucTieuDe", "Phụ lục I (kiểu “Phụ lục - tiêu đề”, sang trang mới)"),
        p("PhuLucChuThich", "(Kiểu “Phụ lục - chú thích”)"),
    ])


DOCUMENT_XML_HEAD = XML + f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'

CONTENT_TYPES = (
    XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="png" ContentType="image/png"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>'
    '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
    '<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    "</Types>"
)

PKG_RELS = (
    XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    '<Relationship Id="rId3" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
DOC_RELS = (
    XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rIdStyles" Type="{_REL}styles" Target="styles.xml"/>'
    f'<Relationship Id="rIdNumbering" Type="{_REL}numbering" Target="numbering.xml"/>'
    f'<Relationship Id="rIdSettings" Type="{_REL}settings" Target="settings.xml"/>'
    f'<Relationship Id="rIdFonts" Type="{_REL}fontTable" Target="fontTable.xml"/>'
    f'<Relationship Id="rIdHeader" Type="{_REL}header" Target="header1.xml"/>'
    f'<Relationship Id="rIdHeaderFirst" Type="{_REL}header" Target="header2.xml"/>'
    "</Relationships>"
)

CORE_XML = (
    XML + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>Mẫu báo cáo năm (plan744)</dc:title><dc:creator>plan744</dc:creator>"
    "<dc:language>vi-VN</dc:language>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">2023-01-01T00:00:00Z</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">2023-01-01T00:00:00Z</dcterms:modified>'
    "</cp:coreProperties>"
)

APP_XML = (
    XML + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>plan744</Application></Properties>"
)


def build() -> dict[str, str]:
    return {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PKG_RELS,
        "docProps/core.xml": CORE_XML,
        "docProps/app.xml": APP_XML,
        "word/document.xml": DOCUMENT_XML_HEAD + specimen() + SECT_PR + "</w:body></w:document>",
        "word/_rels/document.xml.rels": DOC_RELS,
        "word/styles.xml": STYLES_XML,
        "word/numbering.xml": NUMBERING_XML,
        "word/settings.xml": SETTINGS_XML,
        "word/fontTable.xml": FONT_TABLE_XML,
        "word/header1.xml": HEADER_XML,
        "word/header2.xml": FIRST_HEADER_XML,
    }


def write(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in build().items():
            info = zipfile.ZipInfo(name, date_time=(2023, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"tệp mẫu cần ghi (mặc định: {OUT.relative_to(REPO)})")
    args = parser.parse_args()
    write(args.out)
    print(f"Đã ghi {args.out}")


if __name__ == "__main__":
    main()
