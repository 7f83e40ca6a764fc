"""The HTML of a report: one Jinja environment drawing a `document.Document`.

- Autoescape is on for every template whatever its name, undefined variables are errors, and
  all filters are registered here; the templates do no arithmetic and hold no wording (the
  composers and `core.labels` do).
- Compiled templates are cached on disk, keyed by the templates' content (`cache.py`): a run
  does not recompile what has not changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from plan744.report import chart
from plan744.report.document import Document, Drawing


def _kind(block: Any) -> str:
    return type(block).__name__


def _percent_width(share: float) -> str:
    return f"{share * 100:.2f}%"


def _svg(drawing: Drawing) -> Any:
    return chart.to_svg(drawing)


def environment(templates: Path) -> Environment:
    from plan744.report.cache import bytecode_cache

    env = Environment(
        loader=FileSystemLoader(str(templates)),
        autoescape=True,  # every template, whatever its file name
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=bytecode_cache(),
    )
    env.filters.update(kind=_kind, percent_width=_percent_width, svg=_svg)
    return env


def render_html(doc: Document, templates: Path) -> str:
    env = environment(templates)
    css = (templates / "report.css").read_text(encoding="utf-8")
    return env.get_template("report.html").render(doc=doc, css=css)
