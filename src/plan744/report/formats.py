"""The output formats of `plan744 report`: one registry, one contract.

Every format takes the same `RenderContext` (the computed figures, the issue details, the
templates) and returns the files it makes, by name. The registry drives the command line's
`--format` choices and their help; adding a format is adding one module and one line here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from plan744.core.figures.period import PeriodFigures
from plan744.core.figures.year import YearFigures
from plan744.core.notes import ReportNotes
from plan744.report.compose_common import Issuance
from plan744.report.document import Document

Figures = YearFigures | PeriodFigures


@dataclass
class RenderContext:
    figures: Figures
    issuance: Issuance
    generated: dt.datetime
    templates: Path | tuple[Path, ...]  # a folder, or a search path of folders (first wins)
    stem: str  # file names: "<stem>.html", "<stem>.pdf", …
    short: bool = False
    notes: ReportNotes | None = None  # the department's notes file for this report
    _document: Document | None = field(default=None, repr=False)
    _html: str | None = field(default=None, repr=False)

    @property
    def document(self) -> Document:
        if self._document is None:
            if isinstance(self.figures, PeriodFigures):
                from plan744.report.compose_period import compose_period

                self._document = compose_period(self.figures, self.issuance, self.generated, notes=self.notes)
            else:
                from plan744.report.compose_year import compose_year

                self._document = compose_year(self.figures, self.issuance, self.generated, short=self.short,
                                              notes=self.notes)
        return self._document

    @property
    def html(self) -> str:
        if self._html is None:
            from plan744.report.html import render_html

            self._html = render_html(self.document, self.templates)
        return self._html


def _html(ctx: RenderContext) -> dict[str, bytes]:
    return {f"{ctx.stem}.html": ctx.html.encode("utf-8")}


def _pdf(ctx: RenderContext) -> dict[str, bytes]:
    from plan744.report.pdf import render_document_pdf

    return {f"{ctx.stem}.pdf": render_document_pdf(ctx.document, ctx.templates, ctx.generated)}


def _docx(ctx: RenderContext) -> dict[str, bytes]:
    from plan744.report.docx import render_docx
    from plan744.report.html import find_template

    return {f"{ctx.stem}.docx": render_docx(ctx.document, find_template(ctx.templates, "report.docx"))}


def _json(ctx: RenderContext) -> dict[str, bytes]:
    from plan744.report.data import SCHEMA_FILE, schema_bytes, to_json

    # The schema goes beside the data: its "$schema" is a relative reference to that file.
    return {f"{ctx.stem}.json": to_json(ctx.figures, ctx.generated), SCHEMA_FILE: schema_bytes()}


def _csv(ctx: RenderContext) -> dict[str, bytes]:
    from plan744.report.data import to_csv

    return {f"{ctx.stem}-{name}.csv": data for name, data in to_csv(ctx.figures).items()}


def _xlsx(ctx: RenderContext) -> dict[str, bytes]:
    from plan744.report.workbook import to_xlsx

    return {f"{ctx.stem}.xlsx": to_xlsx(ctx.figures, ctx.generated)}


@dataclass(frozen=True)
class Format:
    name: str
    kind: Literal["document", "data"]
    help: str
    render: Callable[[RenderContext], dict[str, bytes]]
    suffixes: tuple[str, ...]  # of the files it writes (for the output folder's pre-check)


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("html", "document", "trang HTML (mở bằng trình duyệt)", _html, (".html",)),
    Format("pdf", "document", "PDF theo thể thức Nghị định 30/2020/NĐ-CP", _pdf, (".pdf",)),
    Format("docx", "document", "bản Word để chỉnh sửa", _docx, (".docx",)),
    Format("json", "data", "mọi số liệu đã tính, dạng JSON (có lược đồ)", _json, (".json",)),
    Format("csv", "data", "mọi số liệu đã tính, mỗi bảng một tệp CSV", _csv, (".csv",)),
    Format("xlsx", "data", "mọi số liệu đã tính, mỗi bảng một trang tính Excel", _xlsx, (".xlsx",)),
)}
GROUPS: dict[str, tuple[str, ...]] = {
    "all": tuple(n for n, f in FORMATS.items() if f.kind == "document"),
    "data": tuple(n for n, f in FORMATS.items() if f.kind == "data"),
}


def help_text() -> str:
    """The --format help, from the registry."""
    parts = [f"{name} ({f.help})" for name, f in FORMATS.items()]
    groups = "; ".join(f"{g}: {', '.join(members)}" for g, members in GROUPS.items())
    return f"Một hoặc nhiều định dạng cách nhau bằng dấu phẩy: {', '.join(parts)}; hoặc nhóm ({groups})."
