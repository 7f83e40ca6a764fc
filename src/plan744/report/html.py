"""The HTML of a report: one Jinja environment drawing a `document.Document`.

- Autoescape is on for every template whatever its name, undefined variables are errors, and
  all filters are registered here; the templates do no arithmetic and hold no wording (the
  composers and `core.labels` do).
- Compiled templates are cached on disk, keyed by the templates' content (`cache.py`): a run
  does not recompile what has not changed.
- Templates are found on a search path (mkdocs' theme `dirs`): a data repository's own folder
  first, the bundled templates last, so a province overrides one file (`_letterhead.html`,
  `report.css`, `report.docx`) and inherits the rest (`readers.project.template_dirs`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from plan744.core.labels import word
from plan744.report import chart
from plan744.report.document import Column, Document, Drawing, Section, Table
from plan744.report.fonts import font_path


def _kind(block: Any) -> str:
    return type(block).__name__


def _percent_width(share: float) -> str:
    return f"{share * 100:.2f}%"


def _svg(drawing: Drawing) -> Any:
    return chart.to_svg(drawing)


def _inline(content: Any) -> str:
    out = []
    for r in content:
        text = str(escape(r.text))
        if r.bold:
            text = f"<strong>{text}</strong>"
        if r.role:
            text = f'<span class="{escape(r.role)}">{text}</span>'
        elif r.italic:
            text = f"<em>{text}</em>"
        out.append(text)
    return "".join(out)


def _table_body(table: Table) -> Markup:
    """The rows of a data table, a line each. Written here rather than by a template macro: a
    roll-up's tables have tens of thousands of cells, and a macro call per cell cost more than
    all the arithmetic of the report (the markup is the one the macros wrote before)."""
    columns = table.columns
    last = len(columns) - 1
    out = []
    for row in table.rows:
        cells = []
        for i, c in enumerate(row.cells):
            col = columns[min(i, last)]
            lines = "".join(_inline(line) if k == 0 else f'<div class="sub">{_inline(line)}</div>'
                            for k, line in enumerate(c.lines))
            span = f' colspan="{c.span}"' if c.span > 1 else ""
            cells.append(f'<td class="{escape(c.align or col.align)}{" strong" if c.bold else ""}"{span}>{lines}</td>')
        out.append(f'    <tr class="{escape(row.kind)}">{"".join(cells)}</tr>\n')
    return Markup("".join(out))


TemplateDirs = Path | Sequence[Path]
"""One templates folder, or a search path of them (the first that holds a file wins)."""


def _dirs(templates: TemplateDirs) -> tuple[Path, ...]:
    return (templates,) if isinstance(templates, Path) else tuple(templates)


def find_template(templates: TemplateDirs, name: str) -> Path:
    """The file `name` from the first folder of the search path that holds it (the last folder's
    path when none does: the caller's error then names the bundled file)."""
    dirs = _dirs(templates)
    return next((d / name for d in dirs if (d / name).is_file()), dirs[-1] / name)


def environment(templates: TemplateDirs) -> Environment:
    # No bytecode cache on disk: compiled code loaded from a file would run whatever was planted
    # there. Compiling the templates takes milliseconds; Jinja keeps them in memory for the run.
    env = Environment(
        loader=FileSystemLoader([str(d) for d in _dirs(templates)]),
        autoescape=True,  # every template, whatever its file name
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(kind=_kind, percent_width=_percent_width, svg=_svg, table_body=_table_body, balanced=_balanced)
    env.globals["word"] = word  # the fixed words (quốc hiệu, “Nơi nhận:”) in the plan's own wording
    return env


# --- columns wide enough for their numbers --------------------------------------------------
# A table's column widths are shares of the line chosen by the composer. A share can be too small
# for what the column holds ("100,0%" broken after its comma, "Nă/m gốc"): before drawing, each
# column is widened to its widest unbreakable piece (a number, a ratio, a short header, the
# longest word), measured with the bundled font's own metrics, and the room is taken from the
# columns of running text. The HTML, the PDF and the Word draft draw the same widths.

LINE_PT = {False: 467.7, True: 728.5}  # the text width of an A4 page (ND 30 margins), portrait / landscape
CELL_PAD_PT = 9.5  # the padding and borders of a cell (4 pt a side in the CSS and the Word styles)
TEXT_PT = {"normal": 11.5, "small": 10.5}
SUB_PT = 9.5  # the smaller second line of a cell
WHOLE_HEADER = 10  # a header this short is never broken ("Năm gốc", "TT")
WHOLE_CENTRED = 12  # a centred cell this short is kept on one line ("—", "2025", "Đạt")
WHOLE_FIGURE = 24  # a right-aligned line this short, starting with a digit, is one figure
# ("177.214,5/11.602.577", "1.234 bộ"); other lines are words ("(… chưa báo cáo)") and wrap between them


@lru_cache(maxsize=4)
def _font(bold: bool, italic: bool) -> Any:
    from PIL import ImageFont

    return ImageFont.truetype(str(font_path(bold=bold, italic=italic)), 1000)


@lru_cache(maxsize=65536)
def text_width(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """The width in points of `text` on one line in the bundled Liberation Serif."""
    return float(_font(bold, italic).getlength(text)) * size / 1000


def _pieces(text: str, whole: bool) -> list[str]:
    return [text] if whole else text.split()


def _needed(table: Table) -> list[float]:
    """Per column, the width in points its widest unbreakable piece takes, padding included."""
    size = TEXT_PT.get(table.size, TEXT_PT["normal"])
    need = [0.0] * len(table.columns)
    for i, col in enumerate(table.columns):
        head = col.header
        need[i] = max((text_width(w, size, bold=True) for w in _pieces(head, len(head) <= WHOLE_HEADER)), default=0.0)
    last = len(need) - 1
    for row in table.rows:
        for i, c in enumerate(row.cells):
            if c.span != 1 or i > last:
                continue
            align = c.align or table.columns[i].align
            bold = c.bold or row.kind == "total"
            for k, line in enumerate(c.lines):
                text = "".join(r.text for r in line)
                if not text:
                    continue
                figure = align == "right" and len(text) <= WHOLE_FIGURE and (text[0].isdigit() or text[0] in "-+−—")
                whole = figure or (align == "center" and len(text) <= WHOLE_CENTRED)
                line_bold = bold or any(r.bold for r in line)
                pt, italic = (size, False) if k == 0 else (SUB_PT, True)
                widest = max((text_width(w, pt, bold=line_bold and k == 0, italic=italic) for w in _pieces(text, whole)),
                             default=0.0)
                need[i] = max(need[i], widest)
    return [n + CELL_PAD_PT if n else 0.0 for n in need]


def fit_table(table: Table, landscape: bool = False) -> Table:
    """`table` with each column at least as wide as its widest unbreakable piece, the room taken
    from the columns that have more than they need (in proportion to that surplus)."""
    total = sum(c.share for c in table.columns) or 1.0
    shares = [c.share / total for c in table.columns]
    need = [n / LINE_PT[landscape] for n in _needed(table)]
    if all(s >= n for s, n in zip(shares, need, strict=True)):
        return table
    wide = [max(s, n) for s, n in zip(shares, need, strict=True)]
    over = sum(wide) - 1.0
    slack = [w - n for w, n in zip(wide, need, strict=True)]
    room = sum(slack)
    if room >= over:
        wide = [w - sl * over / room for w, sl in zip(wide, slack, strict=True)]
    else:  # the numbers alone are wider than the line: as close as it gets
        wide = [n / sum(need) for n in need]
    columns = tuple(Column(c.header, round(w, 5), c.align) for c, w in zip(table.columns, wide, strict=True))
    return dataclasses.replace(table, columns=columns)


def fit_section(section: Section) -> Section:
    if not any(isinstance(b, Table) for b in section.blocks):
        return section
    blocks = tuple(fit_table(b, section.landscape) if isinstance(b, Table) else b for b in section.blocks)
    return dataclasses.replace(section, blocks=blocks)


def fit_columns(doc: Document) -> Document:
    """`doc` with every table's columns fitted (`fit_table`)."""
    return dataclasses.replace(doc, sections=tuple(fit_section(s) for s in doc.sections))


TITLE_PT = 14.0  # an appendix's title, bold


def balanced_lines(text: str, landscape: bool = False, size: float = TITLE_PT, bold: bool = True) -> list[str]:
    """A title too long for one line, as two lines of about equal width (no word left alone on
    the last line: WeasyPrint has no `text-wrap: balance`). Longer titles are left to the renderer.
    `bold` False: an italic line (an appendix's "(Kèm theo …)")."""
    line = LINE_PT[landscape]
    words = text.split()

    def width(part: str) -> float:
        return text_width(part, size, bold=bold, italic=not bold)

    full = width(text)
    if full <= line or full > 2 * line * 0.95 or len(words) < 3:
        return [text]
    fits = [k for k in range(2, len(words) - 1) if max(width(" ".join(words[:k])), width(" ".join(words[k:]))) <= line * 0.95]
    if not fits:
        return [text]
    # A break before a word that opens a phrase ("theo", "của", "năm") keeps compounds ("nhiệm vụ") whole.
    openers = set(word("doc.break_before").casefold().split())
    good = [k for k in fits if words[k].casefold() in openers] or fits
    best = min(good, key=lambda k: abs(width(" ".join(words[:k])) - full / 2))
    return [" ".join(words[:best]), " ".join(words[best:])]


def _balanced(text: str, landscape: bool = False, bold: bool = True) -> Markup:
    return Markup("<br>").join(escape(line) for line in balanced_lines(text, landscape, bold=bold))


def render_html(doc: Document, templates: TemplateDirs) -> str:
    doc = fit_columns(doc)
    env = environment(templates)
    css = find_template(templates, "report.css").read_text(encoding="utf-8")
    return env.get_template("report.html").render(doc=doc, css=css)
