"""The dashboard's charts, drawn as SVG text at build time (no script, they print as they are).

One trend chart per indicator and scope: the value of each year (a line with a marker per year),
the target (a dashed line) and the path from the baseline to the milestone (a dotted line). The
marker's shape says the verdict as much as its colour does (a filled circle: reached; a cross:
not reached; a hollow circle: not assessed), so a greyscale print still tells them apart. Every
chart carries a <title> and a <desc> (read by a screen reader); the same values are in the table
beside it. The words come from the catalogue (`site.chart.*`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup, escape

# Verdict tones: colours with a contrast of at least 3:1 against white (WCAG 1.4.11), apart in greyscale.
TONES = {"met": "#1b6b35", "not_met": "#b3261e", "none": "#5f6368"}
INK, RULE, TARGET, PATH = "#1a1a1a", "#c8c8c8", "#0b4f8a", "#7a5300"


@dataclass(frozen=True)
class Point:
    year: int
    value: Decimal | None
    tone: str  # met, not_met, none
    label: str  # the value as the table shows it


@dataclass(frozen=True)
class Trend:
    key: str  # unique on its page: the ids of <title> and <desc>
    title: str
    desc: str
    points: tuple[Point, ...]
    target: Decimal | None
    target_label: str
    path: tuple[tuple[int, Decimal], ...]  # (year, value) from the baseline or last milestone to the milestone
    percent: bool
    small: bool = False


def _top(values: Sequence[Decimal], percent: bool) -> Decimal:
    high = max(values, default=Decimal(0))
    if percent:
        return Decimal(100) if high <= 100 else high * Decimal("1.1")
    if high <= 0:
        return Decimal(1)
    step = Decimal(10) ** (len(str(int(high))) - 1)
    return ((high * Decimal("1.1")) / step).to_integral_value(rounding="ROUND_CEILING") * step


def _marker(tone: str, x: float, y: float) -> str:
    colour = TONES[tone]
    if tone == "met":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour}" stroke="{INK}" stroke-width="1"/>'
    if tone == "not_met":
        d = 5
        return (f'<path d="M{x - d:.1f} {y - d:.1f}L{x + d:.1f} {y + d:.1f}M{x - d:.1f} {y + d:.1f}L{x + d:.1f} {y - d:.1f}" '
                f'stroke="{colour}" stroke-width="3" fill="none"/>')
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="#ffffff" stroke="{colour}" stroke-width="2"/>'


def _num(value: Decimal, percent: bool) -> str:
    text = f"{value.quantize(Decimal(1)):,}".replace(",", ".")
    return text + "%" if percent else text


def trend_svg(t: Trend) -> Markup:
    """The chart of `t` as inline SVG (viewBox, so it shrinks with its column)."""
    w, h = (300, 150) if t.small else (560, 240)
    left, right, top, bottom = 46, 14, 14, 26
    years = [p.year for p in t.points] + [y for y, _ in t.path]
    y0, y1 = min(years, default=0), max(years, default=0)
    values = [p.value for p in t.points if p.value is not None] + [v for _, v in t.path]
    if t.target is not None:
        values.append(t.target)
    high = _top(values, t.percent)

    def px(year: int) -> float:
        return left + (w - left - right) * ((year - y0) / (y1 - y0) if y1 > y0 else 0.5)

    def py(value: Decimal) -> float:
        return float(top + (h - top - bottom) * (1 - value / high)) if high else float(h - bottom)

    out = [f'<svg class="chart" viewBox="0 0 {w} {h}" role="img" aria-labelledby="{t.key}-t {t.key}-d" '
           f'xmlns="http://www.w3.org/2000/svg" font-family="Liberation Serif, serif" font-size="11">',
           f'<title id="{t.key}-t">{escape(t.title)}</title>', f'<desc id="{t.key}-d">{escape(t.desc)}</desc>']
    for frac in (0, Decimal("0.5"), 1):
        v = high * Decimal(frac)
        y = py(v)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{w - right}" y2="{y:.1f}" stroke="{RULE}" stroke-width="1"/>')
        out.append(f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" fill="{INK}">{escape(_num(v, t.percent))}</text>')
    for year in range(y0, y1 + 1):
        if year in {p.year for p in t.points} or (not t.small and year in (y0, y1)):
            out.append(f'<text x="{px(year):.1f}" y="{h - 8}" text-anchor="middle" fill="{INK}">{year}</text>')
    if t.target is not None:
        y = py(t.target)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{w - right}" y2="{y:.1f}" stroke="{TARGET}" stroke-width="2" '
                   'stroke-dasharray="8 4"/>')
    if len(t.path) > 1:
        pts = " ".join(f"{px(yr):.1f},{py(v):.1f}" for yr, v in t.path)
        out.append(f'<polyline points="{pts}" fill="none" stroke="{PATH}" stroke-width="1.5" stroke-dasharray="2 3"/>')
    run: list[str] = []
    for p in t.points:  # a year without a figure breaks the line
        if p.value is None:
            if len(run) > 1:
                out.append(f'<polyline points="{" ".join(run)}" fill="none" stroke="{INK}" stroke-width="1.5"/>')
            run = []
            continue
        run.append(f"{px(p.year):.1f},{py(p.value):.1f}")
    if len(run) > 1:
        out.append(f'<polyline points="{" ".join(run)}" fill="none" stroke="{INK}" stroke-width="1.5"/>')
    for p in t.points:
        if p.value is not None:
            out.append(_marker(p.tone, px(p.year), py(p.value)))
    out.append("</svg>")
    return Markup("".join(out))


def legend_svg(tone: str) -> Markup:
    """A marker alone, for the legend under a chart (decorative: the legend's words say it)."""
    return Markup(f'<svg class="mark" viewBox="0 0 14 14" aria-hidden="true" xmlns="http://www.w3.org/2000/svg">'
                  f'{_marker(tone, 7, 7)}</svg>')


def line_svg(dashes: str, colour: str) -> Markup:
    return Markup(f'<svg class="mark" viewBox="0 0 24 14" aria-hidden="true" xmlns="http://www.w3.org/2000/svg">'
                  f'<line x1="1" y1="7" x2="23" y2="7" stroke="{colour}" stroke-width="2" stroke-dasharray="{dashes}"/></svg>')
