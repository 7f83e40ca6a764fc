"""A report as a small tree of blocks: the one layout description every document format draws.

The composers (`compose_year`, `compose_period`) turn figures and the words of
`core.labels` into this tree; the HTML templates, and the Word writer, draw it. Neither reads
the other's output, so the wording and the figures are the same in the HTML, the PDF and the
Word draft by construction. Widths are shares of the line (a table says how wide each column
is), never measured from text.

Everything here is plain data: no rendering, no I/O.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal


@dataclass(frozen=True)
class Run:
    """A piece of text with its emphasis. `role` names a semantic style: "unit" (a unit's name
    before its own words), "placeholder" (text the drafter must replace)."""

    text: str
    bold: bool = False
    italic: bool = False
    role: str = ""


Inline = tuple[Run, ...]


def runs(*parts: str | Run) -> Inline:
    if len(parts) == 1 and isinstance(parts[0], str):
        return _plain(parts[0])
    return tuple(p if isinstance(p, Run) else Run(p) for p in parts if p != "")


# Blocks are frozen, so equal ones can be one object. A roll-up's per-unit tables hold tens of
# thousands of cells, most of them a figure, a dash or a unit's name seen many times: building
# each anew (a frozen dataclass sets its fields one by one) was most of the time spent composing
# them. Longer texts (a sentence, a unit's account of its work) seldom repeat and are not kept.
SHARED_TEXT = 100  # characters


def _plain(text: str) -> Inline:
    return _shared_plain(text) if len(text) <= SHARED_TEXT else (Run(text),)


@lru_cache(maxsize=8192)
def _shared_plain(text: str) -> Inline:
    return (Run(text),) if text else ()


@dataclass(frozen=True)
class Header:
    """The two-column heading of an administrative document (Nghị định 30/2020/NĐ-CP)."""

    issuer_parent: str
    issuer: tuple[str, ...]
    number: str  # "Số:        /BC-UBND" (blanks kept in a draft)
    place_date: str  # "Nghệ An, ngày …… tháng …… năm ……"


@dataclass(frozen=True)
class Title:
    text: str  # "BÁO CÁO"
    summary: str  # the summary line under it


@dataclass(frozen=True)
class Heading:
    level: int  # 1: "I. …", 2: "1. …", 3: "1.1. …"
    text: str
    anchor: str = ""


ParaStyle = Literal["body", "note", "draft", "notice", "placeholder", "center", "caption"]


@dataclass(frozen=True)
class Para:
    content: Inline
    style: ParaStyle = "body"
    keep_with_next: bool = False  # on the page of the block after it (`kept_leads`)


@dataclass(frozen=True)
class Bullets:
    items: tuple[Inline, ...]


Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Column:
    header: str
    share: float  # of the table's width
    align: Align = "left"


@dataclass(frozen=True)
class Cell:
    lines: tuple[Inline, ...]  # first line in the cell's size, others smaller (a "sub" line)
    align: Align | None = None  # None: the column's
    span: int = 1
    bold: bool = False


def cell(*texts: str, bold: bool = False, align: Align | None = None, span: int = 1) -> Cell:
    if len(texts) == 1 and len(texts[0]) <= SHARED_TEXT:
        return _one_line(texts[0], align, span, bold)
    return Cell(tuple(_plain(t) for t in texts if t), align, span, bold)


@lru_cache(maxsize=8192)
def _one_line(text: str, align: Align | None, span: int, bold: bool) -> Cell:
    return Cell((_plain(text),) if text else (), align, span, bold)


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    kind: Literal["body", "total", "group"] = "body"


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    caption: str = ""  # read by a screen reader and shown in Word's alt text
    size: Literal["normal", "small"] = "normal"
    group_header: tuple[Cell, ...] = ()  # a second header row above the columns (spans)


@dataclass(frozen=True)
class Shape:
    """A drawing primitive in user units (see `chart`): kind rect, line, polygon or text."""

    kind: Literal["rect", "line", "polygon", "text", "polyline"]
    points: tuple[tuple[float, float], ...]
    fill: str | None = None
    stroke: str | None = None
    width: float = 1.0
    dash: tuple[float, ...] = ()
    text: str = ""
    size: float = 11.0
    bold: bool = False
    anchor: Literal["start", "middle", "end"] = "start"


@dataclass(frozen=True)
class Drawing:
    width: float
    height: float
    shapes: tuple[Shape, ...]
    title: str


@dataclass(frozen=True)
class Figure:
    drawing: Drawing
    width: float = 1.0  # share of the line


@dataclass(frozen=True)
class Closing:
    recipients: tuple[str, ...]  # the "Nơi nhận" list, ending with "- Lưu: VT, …"
    signer: tuple[str, ...]  # capacity lines and title, in capitals
    signer_name: str  # blank in a draft


@dataclass(frozen=True)
class Toc:
    """A table of contents: (level, text, anchor). Shown on screen, left out of print."""

    entries: tuple[tuple[int, str, str], ...]


Block = Header | Title | Heading | Para | Bullets | Table | Figure | Closing | Toc


@dataclass(frozen=True)
class Section:
    """A run of blocks on pages of one orientation. An appendix starts on a new page, titled
    "Phụ lục …" and centred."""

    blocks: tuple[Block, ...]
    landscape: bool = False
    appendix: str = ""  # "Phụ lục I": the section is an appendix
    title: str = ""  # the appendix's title
    subtitle: str = ""  # "(Kèm theo Báo cáo số …)"
    anchor: str = ""


def kept_leads(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks, with each paragraph that leads into what follows kept on its page: the lead
    of a list, a sentence ending with a colon ("Kết quả thực hiện các nhiệm vụ …:") and a run-in
    heading (a paragraph of one bold run, such as a task group's name). Left alone, any of them
    can end a page whose next one begins with what it introduces."""
    out = list(blocks)
    for i, (b, after) in enumerate(zip(blocks, blocks[1:], strict=False)):
        if isinstance(b, Para) and not b.keep_with_next and b.content and (
                isinstance(after, Bullets) or b.content[-1].text.rstrip().endswith(":")
                or (len(b.content) == 1 and b.content[0].bold)):
            out[i] = replace(b, keep_with_next=True)
    return tuple(out)


@dataclass(frozen=True)
class Document:
    title: str  # the HTML <title> and the Word document's title
    generated: dt.datetime
    sections: tuple[Section, ...]
    lang: str = "vi"
    meta: dict[str, str] = field(default_factory=dict)

    def blocks(self) -> list[Block]:
        return [b for s in self.sections for b in s.blocks]
