"""Rendering the annual report: one Jinja environment, HTML, and PDF through WeasyPrint.

- Autoescape is on for every template whatever its name, undefined variables are
  errors, and all filters are registered in `_environment`.
- The generation date comes from SOURCE_DATE_EPOCH when set, so two renders of the
  same inputs are byte-identical.
- WeasyPrint is imported only when a PDF is asked for, and may fetch nothing but the
  bundled fonts and `data:` URLs: a submission can never make it read a file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from plan744.report import chart as charts
from plan744.core.kpi import PATH_TEXT, STATUS_TEXT, YearReport
from plan744.core.plan import Indicator
from plan744.core.submission import STATUS_LABELS
from plan744.core.vnformat import (
    format_date,
    format_date_short,
    format_money_million,
    format_number,
    format_percent,
    format_place_date,
)
from plan744.core.vnwords import amount_in_words_million

FONTS_DIR = Path(__file__).resolve().parents[1] / "fonts"
FONT_FILES = {
    ("normal", "normal"): "LiberationSerif-Regular.ttf",
    ("bold", "normal"): "LiberationSerif-Bold.ttf",
    ("normal", "italic"): "LiberationSerif-Italic.ttf",
    ("bold", "italic"): "LiberationSerif-BoldItalic.ttf",
}
FONT_FAMILY = "Liberation Serif"


def build_datetime(environ: dict[str, str] | None = None) -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH when set (reproducible builds)."""
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    return dt.datetime.now(tz=dt.timezone.utc)


@dataclass(frozen=True)
class Issuance:
    """What the office fills in on the day of issue; blank in a draft."""

    number: str | None = None  # "15" in "Số: 15/BC-UBND"
    date: dt.date | None = None
    signer_name: str | None = None


@dataclass(frozen=True)
class ReportContext:
    report: YearReport
    issuance: Issuance
    generated: dt.datetime


def _pct(value: Decimal | None, decimals: int = 1) -> str:
    return format_percent(value, decimals)


def indicator_percent(value: Decimal | None, indicator: Indicator) -> str:
    """A percentage as the report shows it for this indicator: money shares (around 1%) need
    two decimals to be read, counts one."""
    return format_percent(value, 2 if indicator.measure == "money" else 1)


def _points(value: Decimal | None) -> str:
    if value is None:
        return "—"
    sign = "+" if value > 0 else ""
    return f"{sign}{format_number(value, 1)} điểm %"


def _environment(templates: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        autoescape=True,  # every template, whatever its file name
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        num=format_number,
        money=format_money_million,
        pct=_pct,
        ipct=indicator_percent,
        points=_points,
        date_vn=format_date,
        date_short=format_date_short,
        words=lambda million: amount_in_words_million(million, thousand="nghìn"),
        task_status=lambda code: STATUS_LABELS.get(code, code),
        target_status=lambda status: STATUS_TEXT[status],
        path_status=lambda status: PATH_TEXT[status],
    )
    env.globals.update(place_date=format_place_date, indicators_chart=charts.indicators_chart)
    return env


def render_html(ctx: ReportContext, templates: Path) -> str:
    env = _environment(templates)
    css = (templates / "report.css").read_text(encoding="utf-8")
    return env.get_template("report.html").render(ctx=ctx, r=ctx.report, plan=ctx.report.plan, css=css)


def _font_css() -> str:
    rules = []
    for (weight, style), name in FONT_FILES.items():
        url = (FONTS_DIR / name).as_uri()
        rules.append(
            f'@font-face {{ font-family: "{FONT_FAMILY}"; src: url("{url}"); font-weight: {weight}; font-style: {style}; }}'
        )
    # The bundled font first: the PDF is the same on every machine.
    rules.append(f'html, body, table, td, th {{ font-family: "{FONT_FAMILY}" !important; }}')
    return "\n".join(rules)


def _fetch_allowed(url: str) -> bool:
    if url.startswith("data:"):
        return True
    if url.startswith("file://"):
        from urllib.parse import unquote, urlparse

        path = Path(unquote(urlparse(url).path)).resolve()
        return path.parent == FONTS_DIR and path.name in FONT_FILES.values()
    return False


def _restricted_fetcher() -> Any:
    """A WeasyPrint URL fetcher that fetches the bundled fonts and data: URLs, nothing else
    (a `file:///etc/passwd` or `http://…` in a submission's text is refused)."""
    from weasyprint.urls import URLFetcher

    class RestrictedFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if not _fetch_allowed(url):
                raise ValueError(f"plan744 refuses to fetch {url!r}")
            return super().fetch(url, headers)

    return RestrictedFetcher(allowed_protocols=("file", "data"), allow_redirects=False)


def render_pdf(html: str, generated: dt.datetime) -> bytes:
    """The PDF of `html`. Deterministic for the same html and `generated`."""
    import logging

    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    # WeasyPrint logs each refused URL; the refusal is the point, not a problem to print.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fetcher = _restricted_fetcher()
    document = HTML(string=html, base_url=FONTS_DIR.as_uri() + "/", url_fetcher=fetcher)
    stamp = generated.strftime("%Y-%m-%dT%H:%M:%SZ")
    fonts = FontConfiguration()  # @font-face rules only load through a shared FontConfiguration
    css = CSS(string=_font_css(), url_fetcher=fetcher, font_config=fonts)
    pdf = document.render(stylesheets=[css], font_config=fonts)
    pdf.metadata.created = stamp
    pdf.metadata.modified = stamp
    # A content-derived identifier: same inputs, same bytes; different inputs, different ids.
    identifier = hashlib.sha256(html.encode("utf-8") + stamp.encode()).hexdigest()[:32].encode()
    return pdf.write_pdf(pdf_identifier=identifier)
