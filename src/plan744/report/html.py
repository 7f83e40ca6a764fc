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

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from plan744.core.labels import word
from plan744.report import chart
from plan744.report.document import Document, Drawing, Table


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
    env.filters.update(kind=_kind, percent_width=_percent_width, svg=_svg, table_body=_table_body)
    env.globals["word"] = word  # the fixed words (quốc hiệu, “Nơi nhận:”) in the plan's own wording
    return env


def render_html(doc: Document, templates: TemplateDirs) -> str:
    env = environment(templates)
    css = find_template(templates, "report.css").read_text(encoding="utf-8")
    return env.get_template("report.html").render(doc=doc, css=css)
