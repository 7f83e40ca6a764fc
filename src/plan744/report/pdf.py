"""The PDF of a report's HTML, through WeasyPrint.

WeasyPrint is imported only when a PDF is asked for, and may fetch nothing but the bundled
fonts and `data:` URLs: a unit's text can never make it read a file or the network. The
generation date comes from the document (SOURCE_DATE_EPOCH when set), so two renders of the
same inputs are byte-identical.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from plan744.report.fonts import FONT_FAMILY, FONT_FILES, FONTS_DIR


def font_css() -> str:
    rules = []
    for (weight, style), name in FONT_FILES.items():
        url = (FONTS_DIR / name).as_uri()
        rules.append(f'@font-face {{ font-family: "{FONT_FAMILY}"; src: url("{url}"); '
                     f"font-weight: {weight}; font-style: {style}; }}")
    # The bundled font first: the PDF is the same on every machine.
    rules.append(f'html, body, table, td, th {{ font-family: "{FONT_FAMILY}" !important; }}')
    return "\n".join(rules)


def fetch_allowed(url: str) -> bool:
    if url.startswith("data:"):
        return True
    if url.startswith("file://"):
        path = Path(unquote(urlparse(url).path)).resolve()
        return path.parent == FONTS_DIR and path.name in FONT_FILES.values()
    return False


def restricted_fetcher() -> Any:
    """A WeasyPrint URL fetcher that fetches the bundled fonts and data: URLs, nothing else
    (a `file:///etc/passwd` or `http://…` in a submission's text is refused)."""
    from weasyprint.urls import URLFetcher

    class RestrictedFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if not fetch_allowed(url):
                raise ValueError(f"plan744 refuses to fetch {url!r}")
            return super().fetch(url, headers)

    return RestrictedFetcher(allowed_protocols=("file", "data"), allow_redirects=False)


def render_pdf(html: str, generated: dt.datetime, first_page: int | None = None) -> bytes:
    """The PDF of `html`. Deterministic for the same html and `generated`. `first_page`: this is
    a part of a larger document whose pages start at that number (numbered from its first page)."""
    import logging

    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    # WeasyPrint logs each refused URL; the refusal is the point, not a problem to print.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fetcher = restricted_fetcher()
    document = HTML(string=html, base_url=FONTS_DIR.as_uri() + "/", url_fetcher=fetcher, media_type="print")
    stamp = generated.strftime("%Y-%m-%dT%H:%M:%SZ")
    fonts = FontConfiguration()  # @font-face rules only load through a shared FontConfiguration
    extra = ""
    if first_page is not None:
        extra = "\n".join(f"@page {name}:first {{ counter-reset: page {first_page}; @top-center {{ content: counter(page) !important; }} }}"
                          for name in ("", "landscape"))
    css = CSS(string=font_css() + "\n" + extra, url_fetcher=fetcher, font_config=fonts)
    pdf = document.render(stylesheets=[css], font_config=fonts)
    pdf.metadata.created = stamp
    pdf.metadata.modified = stamp
    # A content-derived identifier: same inputs, same bytes; different inputs, different ids.
    identifier = hashlib.sha256(html.encode("utf-8") + stamp.encode()).hexdigest()[:32].encode()
    return pdf.write_pdf(pdf_identifier=identifier)


PART_ROWS = 2500
"""A document with more table rows than this (a roll-up of thousands of units) is laid out one
section at a time and the parts joined: WeasyPrint keeps every laid-out page in memory until it
writes, about 2 MiB a page, so a 600-page roll-up in one piece would need several GiB."""


def render_document_pdf(doc: Any, templates: Path | Sequence[Path], generated: dt.datetime, part_rows: int = PART_ROWS) -> bytes:
    """The PDF of a report: in one piece, or section by section when it is large (pages numbered
    as in one piece: on across the body's parts, from 1 in each phụ lục)."""
    from plan744.report.document import Table
    from plan744.report.html import render_html

    rows = sum(len(b.rows) for b in doc.blocks() if isinstance(b, Table))
    if rows <= part_rows or len(doc.sections) == 1:
        return render_pdf(render_html(doc, templates), generated)
    import dataclasses
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    next_page: int | None = None
    for section in doc.sections:
        part = dataclasses.replace(doc, sections=(section,))
        # A phụ lục numbers its own pages (report.css); the body's parts number on.
        data = render_pdf(render_html(part, templates), generated, None if section.appendix else next_page)
        reader = PdfReader(io.BytesIO(data))
        next_page = (next_page or 1) + len(reader.pages)
        writer.append(reader)
    stamp = generated.strftime("D:%Y%m%d%H%M%SZ")
    writer.add_metadata({"/Title": doc.title, "/Producer": "plan744", "/CreationDate": stamp, "/ModDate": stamp})
    # pypdf writes no file identifier unless asked to (only encryption needs one): same inputs, same bytes.
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
