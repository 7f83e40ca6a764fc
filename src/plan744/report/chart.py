"""Charts drawn once, as shapes (`document.Drawing`), with two outputs: SVG for the HTML and PDF,
a PNG (Pillow, the bundled fonts) for the Word draft. Pure apart from `to_png` reading fonts.

- `year_chart`: one bar per indicator and scope the report charts (the plan decides which:
  `report.chart`, else every target with a number), this year's value, the target tick, the path
  diamond; green when the target is met, red when not, grey when not assessed; an indicator
  without data has no bar and says so. Percentages share a 0–100% axis, other figures (counts,
  amounts, ranks) follow, each on a scale of its own.
- `small_multiples`: one small panel per indicator over the years of a close-out: the values,
  the target line, the path from the baseline.

Every label is plain text in a shape; SVG output escapes it.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup, escape

from plan744.core import display
from plan744.core.figures.codes import Attainment, Unassessed
from plan744.core.figures.targets import thresholds
from plan744.core.figures.year import IndicatorYear
from plan744.core.labels import UNASSESSED, word
from plan744.report.document import Drawing, Shape

# Three fills that stay apart in greyscale (luminance about 80, 145 and 205 of 255): a printed
# copy still tells "đạt" from "chưa đạt" from "chưa đánh giá".
OK, NO, GREY, INK, RULE, PATH = "#2e6b38", "#d9707c", "#cdcdcd", "#000000", "#bbbbbb", "#f2b134"
ROW, LABEL_W, BAR_W, RIGHT, TOP = 30, 250, 330, 80, 44
LINE = 12  # a label line's height


def _x(value: Decimal | None, scale: Decimal) -> float:
    if value is None:
        return LABEL_W
    v = min(max(value, Decimal(0)), scale)
    return LABEL_W + float(v / scale) * BAR_W


def _text(x: float, y: float, text: str, size: float = 11, anchor: str = "start", bold: bool = False) -> Shape:
    return Shape("text", ((x, y),), fill=INK, text=text, size=size, anchor=anchor, bold=bold)  # type: ignore[arg-type]


def _line(x1: float, y1: float, x2: float, y2: float, color: str = INK, width: float = 1.0,
          dash: tuple[float, ...] = ()) -> Shape:
    return Shape("line", ((x1, y1), (x2, y2)), stroke=color, width=width, dash=dash)


def _rect(x: float, y: float, w: float, h: float, fill: str) -> Shape:
    return Shape("rect", ((x, y), (x + w, y + h)), fill=fill)


def _diamond(x: float, y: float) -> Shape:
    return Shape("polygon", ((x, y - 6), (x + 5, y), (x, y + 6), (x - 5, y)), fill=PATH, stroke=INK, width=0.5)


def _label_lines(name: str, scope: str) -> list[str]:
    """The whole label, wrapped on lines of about 44 characters (never cut: a row grows instead)."""
    return textwrap.wrap(f"{name} ({_glued(scope)})", 44)


def _glued(words: str) -> str:
    """Words kept on one line when wrapped ("(Toàn tỉnh)" never split)."""
    return words.replace(" ", "\u00a0")


def _percent(value: Decimal, indicator, limits) -> str:
    """As the table shows it: a whole 100% is "100%"."""
    from plan744.core.vnformat import format_percent

    return format_percent(value, 0) if value == 100 else display.percent(value, indicator, limits)


def _legend_words(verdicts: Sequence[str]) -> str:
    """The table's own verdict words for one colour ("Vượt, Đạt"), in the order met."""
    return ", ".join(dict.fromkeys(verdicts))


def colour(figure: IndicatorYear) -> str:
    if figure.attainment is Attainment.NOT_ASSESSED:
        return GREY
    return OK if figure.met else NO


def year_chart(rows: Sequence[IndicatorYear], scope_names: dict[str, str], title: str) -> Drawing | None:
    """This year's figures of `rows` (the report chooses them from the plan) against their
    targets; None when there is nothing to draw. Percentages share one 0–100% axis; a count, an
    amount or a rank ("nhóm 4 nước dẫn đầu") follows on a scale of its own, from 0 to a little
    above the larger of its figure and its target. A target without a number (qualitative) is
    not drawn; the legend uses the table's verdict words."""
    from plan744.report.compose_common import verdict

    rows = [r for r in rows if r.unassessed is not Unassessed.QUALITATIVE and r.target is not None
            and r.target.value is not None]
    if not rows:
        return None
    shares = [r for r in rows if r.indicator.is_percent]
    own = [r for r in rows if not r.indicator.is_percent]
    scale = Decimal(100)
    width = LABEL_W + BAR_W + RIGHT
    labels = [_label_lines(r.indicator.name, scope_names[r.scope]) for r in shares + own]
    heights = [max(ROW, LINE * len(lines) + 8) for lines in labels]
    body = sum(heights[:len(shares)])
    gap = OWN_HEAD if own else 0
    height = TOP + body + gap + sum(heights[len(shares):]) + 44
    shapes: list[Shape] = [_text(0, 14, title, 13, bold=True)]
    if shares:
        for pct in (0, 25, 50, 75, 100):
            x = _x(Decimal(pct), scale)
            shapes += [_line(x, TOP - 8, x, TOP + body, RULE, 0.5), _text(x, TOP - 11, f"{pct}%", 11, "middle")]
    y = TOP
    if own:
        shapes.append(_text(0, TOP + body + gap - 10, word("shape.chart.own_scale"), 10.5, bold=True))
    for n, (r, lines, h) in enumerate(zip(shares + own, labels, heights, strict=True)):
        if n == len(shares) and own:
            y = TOP + body + gap
        mid = y + h / 2
        first = mid - LINE * (len(lines) - 1) / 2 + 4
        for k, line in enumerate(lines):
            shapes.append(_text(LABEL_W - 6, first + LINE * k, line, 10.5, "end"))
        shapes += _bar(r, mid, width, scale if r.indicator.is_percent else _own_top(r))
        y += h
    legend: list[tuple[str, str]] = []  # (a tone, or "target", "path"; its words)
    for tone in (OK, NO, GREY):
        said = [verdict(r) for r in rows if r.value is not None and colour(r) == tone]
        words = _legend_words(said)
        if words and 18 + 6.2 * len(words) > width:  # too long for a line: one entry per verdict
            legend += [(tone, w) for w in dict.fromkeys(said)]
        elif words:
            legend.append((tone, words))
    legend.append(("target", word("chart.year.target")))
    if any(r.path_expected is not None for r in rows):
        legend.append(("path", word("chart.year.path")))
    placed: list[tuple[str, str, float, int]] = []
    x, last = 0.0, 0
    for kind, words in legend:
        lead = {"target": 6, "path": 10}.get(kind, 18)
        if x > 0 and x + lead + 6.2 * len(words) > width:  # the legend wraps rather than run off the chart
            x, last = 0.0, last + 1
        placed.append((kind, words, x, last))
        x += lead + 6.2 * len(words) + 16
    height += LEGEND_LINE * last
    for kind, words, x, n in placed:
        ly = height - 22 - LEGEND_LINE * (last - n)
        if kind == "target":
            shapes += [_line(x, ly - 10, x, ly + 2, INK, 2), _text(x + 6, ly, words)]
        elif kind == "path":
            shapes += [_diamond(x, ly - 4), _text(x + 10, ly, words)]
        else:
            shapes += [_rect(x, ly - 9, 14, 10, kind), _text(x + 18, ly, words)]
    return Drawing(width, height, tuple(shapes), title)


OWN_HEAD = 26  # room for the heading of the rows drawn on a scale of their own
LEGEND_LINE = 16  # a legend line's height


def _own_top(r: IndicatorYear) -> Decimal:
    """The top of a count's, an amount's or a rank's own scale: a little above its figure and target."""
    t = r.target
    values = [v for v in (r.judged, t.value if t else None, t.stretch if t else None) if v is not None]
    return _round_top(max(values, default=Decimal(1)) * Decimal("1.15"))


def _bar(r: IndicatorYear, mid: float, width: float, scale: Decimal) -> list[Shape]:
    """One row's bar, its figure, its target tick (and stretch) and its path diamond."""
    shapes: list[Shape] = []
    limits = thresholds(r.target)
    value = r.value if r.indicator.is_percent else r.judged
    if value is None:
        shapes.append(_text(LABEL_W + 4, mid + 4, UNASSESSED[Unassessed.NO_DATA], 10.5))
    else:
        shapes.append(_rect(LABEL_W, mid - 7, _x(value, scale) - LABEL_W, 14, colour(r)))
        shown = _percent(value, r.indicator, limits) if r.indicator.is_percent else display.value(value, r.indicator, limits)
        shapes.append(_text(width - RIGHT + 6, mid + 4, shown, 11))
    if not r.indicator.is_percent:  # the own scale's ends
        shapes += [_line(LABEL_W, mid + 9, LABEL_W + BAR_W, mid + 9, RULE, 0.5),
                   _text(LABEL_W + BAR_W, mid + 18, _tick_text(scale, False), 8, "end")]
    t = r.target
    if t is not None and t.value is not None:
        tx = _x(t.value, scale)
        shapes.append(_line(tx, mid - 11, tx, mid + 11, INK, 2))
    if t is not None and t.stretch is not None:
        sx = _x(t.stretch, scale)
        shapes.append(_line(sx, mid - 9, sx, mid + 9, INK, 1, (2, 2)))
    if r.path_expected is not None:
        shapes.append(_diamond(_x(r.path_expected, scale), mid))
    return shapes


PANEL_W, PANEL_H, PANEL_GAP, PER_ROW = 215, 150, 12, 3


@dataclass(frozen=True)
class Series:
    """One indicator over the years of a close-out."""

    label: str
    points: tuple[tuple[int, Decimal | None], ...]
    target: Decimal | None
    stretch: Decimal | None
    baseline: tuple[int, Decimal] | None
    met: bool
    percent: bool
    shown_last: str  # the last value as the tables show it
    assessed: bool = True  # False: no verdict (a level that ended, no data): drawn grey, neither met nor not
    verdict: str = ""  # the table's verdict words, for the legend


def small_multiples(series: Sequence[Series], title: str) -> Drawing | None:
    """One panel per indicator: the values over the years, the target line, the path from the
    baseline. Percentages on a 0–100 scale, counts from 0 to a little above their largest value."""
    if not series:
        return None
    rows = (len(series) + PER_ROW - 1) // PER_ROW
    width = PER_ROW * PANEL_W + (PER_ROW - 1) * PANEL_GAP
    height = 24 + rows * (PANEL_H + PANEL_GAP) + 24
    shapes: list[Shape] = [_text(0, 14, title, 13, bold=True)]
    for n, s in enumerate(series):
        shapes += _panel(s, (n % PER_ROW) * (PANEL_W + PANEL_GAP), 24 + (n // PER_ROW) * (PANEL_H + PANEL_GAP))
    ly = height - 8
    legend: list[Shape] = [_line(0, ly - 4, 16, ly - 4, INK, 1.5), _text(20, ly, word("chart.period.target"), 9)]
    x = 20 + 5.2 * len(word("chart.period.target")) + 14
    if any(s.baseline for s in series):
        legend += [_line(x, ly - 4, x + 16, ly - 4, PATH, 1.2, (3, 2)), _text(x + 20, ly, word("chart.period.path"), 9)]
        x += 20 + 5.2 * len(word("chart.period.path")) + 14
    fallback = {OK: word("chart.period.met"), NO: word("chart.period.not_met"), GREY: word("chart.period.not_assessed")}
    for tone in (OK, NO, GREY):
        words = _legend_words([s.verdict or fallback[tone] for s in series if _tone(s) == tone])
        if words:
            legend += [_rect(x, ly - 8, 8, 8, tone), _text(x + 12, ly, words, 9)]
            x += 12 + 5.2 * len(words) + 14
    shapes += legend
    return Drawing(width, height, tuple(shapes), title)



def _tone(s: Series) -> str:
    return GREY if not s.assessed else OK if s.met else NO


SMALL = Decimal(10)  # a percentage whose values and target all stay below this gets its own scale


def _panel(s: Series, ox: float, oy: float) -> list[Shape]:
    """One indicator's panel, its top left corner at (ox, oy)."""
    shapes: list[Shape] = []
    years = ([s.baseline[0]] if s.baseline else []) + [y for y, _ in s.points]
    name, _, scope = s.label.rpartition(" (")
    label = textwrap.wrap(f"{name} ({_glued(scope)}" if name else s.label, 44)  # whole, never cut
    x0, x1 = ox + 34, ox + PANEL_W - 12
    y0, y1 = oy + PANEL_H - 22, oy + 18 + 10 * len(label)
    values = [v for _, v in s.points if v is not None] + [v for v in (s.target, s.stretch) if v is not None]
    if s.baseline:
        values.append(s.baseline[1])
    largest = max(values, default=Decimal(1))
    if s.percent and largest >= SMALL:
        top = Decimal(100)
    else:  # a count, or a small percentage (1,53% on 0–100% would be a flat line): its own scale
        top = _round_top(largest * Decimal("1.15"))
    span = max(1, years[-1] - years[0])

    def px(year: int) -> float:
        return x0 + (x1 - x0) * (year - years[0]) / span

    def py(v: Decimal) -> float:
        return y0 - (y0 - y1) * float(min(max(v, Decimal(0)), top) / top)

    shapes += [_line(ox, oy, ox + PANEL_W, oy, RULE, 0.5), _line(ox, oy + PANEL_H, ox + PANEL_W, oy + PANEL_H, RULE, 0.5)]
    for k, line in enumerate(label):
        shapes.append(_text(ox + 4, oy + 11 + 10 * k, line, 8.5))
    shapes.append(_line(x0, y0, x1, y0, RULE, 0.5))
    shapes.append(_line(x0, y0, x0, y1, RULE, 0.5))
    for tick in (Decimal(0), top / 2, top):  # the y-axis values
        shapes += [_line(x0 - 3, py(tick), x0, py(tick), RULE, 0.5),
                   _text(x0 - 4, py(tick) + 3, _tick_text(tick, s.percent), 7.5, "end")]
    for year in years:
        shapes.append(_text(px(year), y0 + 13, str(year), 8, "middle"))
    if s.target is not None:
        shapes.append(_line(x0, py(s.target), x1, py(s.target), INK, 1.5))
    if s.stretch is not None:
        shapes.append(_line(x0, py(s.stretch), x1, py(s.stretch), INK, 1, (2, 2)))
    if s.baseline and s.target is not None:
        shapes.append(_line(px(s.baseline[0]), py(s.baseline[1]), px(years[-1]), py(s.target), PATH, 1.2, (3, 2)))
        shapes.append(Shape("polygon", _dot(px(s.baseline[0]), py(s.baseline[1]), 2.5), fill="#777777"))
    known = [(y, v) for y, v in s.points if v is not None]
    tone = _tone(s)
    if len(known) > 1:
        shapes.append(Shape("polyline", tuple((px(y), py(v)) for y, v in known), stroke=tone, width=1.5))
    for y, v in known:
        shapes.append(Shape("polygon", _dot(px(y), py(v), 2.5), fill=tone))
    if known:
        y, v = known[-1]
        drawn = [p for p in shapes if p.kind in ("line", "polyline")]
        x_end = px(y) + 4
        shapes.append(_text(x_end, _end_label_y(x_end, py(v), s.shown_last, drawn, y0), s.shown_last, END_LABEL, "end"))
    return shapes


END_LABEL = 8  # the size of a panel's last value
CHAR_W = 0.55  # a character's width at most, in ems (Liberation Serif's digits are 0,5; "%" 0,83)


def label_box(x_end: float, base: float, text: str, size: float = END_LABEL) -> tuple[float, float, float, float]:
    """The box (left, top, right, bottom) a right-aligned label covers, its baseline at `base`."""
    return x_end - CHAR_W * size * len(text), base - 0.8 * size, x_end, base + 0.25 * size


def crosses(shape: Shape, box: tuple[float, float, float, float]) -> bool:
    """Whether a line or polyline passes through the box."""
    left, top, right, bottom = box
    for (xa, ya), (xb, yb) in zip(shape.points, shape.points[1:], strict=False):
        lo, hi = max(min(xa, xb), left), min(max(xa, xb), right)
        if lo > hi:
            continue
        ys = [ya, yb] if xa == xb else [ya + (yb - ya) * (x - xa) / (xb - xa) for x in (lo, hi)]
        if min(ys) <= bottom and max(ys) >= top:
            return True
    return False


def _end_label_y(x_end: float, y: float, text: str, drawn: list[Shape], axis: float) -> float:
    """The baseline of the last value's label: above its point, unless a line of the panel (a
    target, the path, the series itself) would strike the figure through; then below the point,
    or higher above it. "43,1%" printed on the 50% target line was read as neither."""
    for base in (y - 5, y + 11, y - 15):
        box = label_box(x_end, base, text)
        if box[3] <= axis and not any(crosses(shape, box) for shape in drawn):
            return base
    return y - 5


def _round_top(value: Decimal) -> Decimal:
    """A whole, even top of a scale (its middle tick whole too): 2,3 → 4, 11,5 → 12; at least 1."""
    top = max(int(value.to_integral_value(rounding="ROUND_CEILING")), 1)
    return Decimal(top + 1 if top > 1 and top % 2 else top)


def _tick_text(value: Decimal, percent: bool) -> str:
    from plan744.core.vnformat import format_number, format_percent

    places = 0 if value == value.to_integral_value() or value >= 10 else 1 if value >= 1 else 2
    return format_percent(value, places) if percent else format_number(value.quantize(Decimal(1)) if value >= 10 else value, places)


def _dot(x: float, y: float, r: float) -> tuple[tuple[float, float], ...]:
    return ((x - r, y), (x, y - r), (x + r, y), (x, y + r))


# --- outputs -------------------------------------------------------------------------------------


def to_svg(d: Drawing) -> Markup:
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {d.width:.0f} {d.height:.0f}" '
           'font-family="Liberation Serif, Times New Roman, serif" width="100%" role="img" '
           f'aria-label="{escape(d.title)}"><title>{escape(d.title)}</title>']
    for s in d.shapes:
        stroke = f' stroke="{s.stroke}" stroke-width="{s.width:g}"' if s.stroke else ""
        dash = f' stroke-dasharray="{" ".join(f"{v:g}" for v in s.dash)}"' if s.dash else ""
        if s.kind == "rect":
            (x1, y1), (x2, y2) = s.points
            out.append(f'<rect x="{x1:.1f}" y="{y1:.1f}" width="{x2 - x1:.1f}" height="{y2 - y1:.1f}" fill="{s.fill}"{stroke}/>')
        elif s.kind == "line":
            (x1, y1), (x2, y2) = s.points
            out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"{stroke}{dash}/>')
        elif s.kind in ("polygon", "polyline"):
            pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in s.points)
            fill = s.fill if s.kind == "polygon" else "none"
            out.append(f'<{s.kind} points="{pts}" fill="{fill}"{stroke}{dash}/>')
        else:
            (x, y), = s.points
            weight = ' font-weight="bold"' if s.bold else ""
            out.append(f'<text x="{x:.1f}" y="{y:.1f}" font-size="{s.size:g}" text-anchor="{s.anchor}"{weight}>'
                       f'{escape(s.text)}</text>')
    out.append("</svg>")
    return Markup("".join(out))


SCALE = 3  # PNG pixels per drawing unit: a 660-unit chart becomes 1980 px, ~300 dpi at 16 cm


def to_png(d: Drawing, scale: int = SCALE) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    from plan744.report.fonts import font_path

    image = Image.new("RGB", (int(d.width * scale), int(d.height * scale)), "white")
    draw = ImageDraw.Draw(image)
    fonts: dict[tuple[bool, int], ImageFont.FreeTypeFont] = {}

    def pt(x: float, y: float) -> tuple[float, float]:
        return (x * scale, y * scale)

    for s in d.shapes:
        w = max(1, round(s.width * scale))
        if s.kind == "rect":
            (x1, y1), (x2, y2) = s.points
            if x2 > x1 and y2 > y1:
                draw.rectangle([pt(x1, y1), pt(x2, y2)], fill=s.fill, outline=s.stroke)
        elif s.kind == "line":
            a, b = (pt(*p) for p in s.points)
            if s.dash:
                _dashed(draw, a, b, [v * scale for v in s.dash], s.stroke or INK, w)
            else:
                draw.line([a, b], fill=s.stroke or INK, width=w)
        elif s.kind == "polygon":
            draw.polygon([pt(*p) for p in s.points], fill=s.fill, outline=s.stroke)
        elif s.kind == "polyline":
            draw.line([pt(*p) for p in s.points], fill=s.stroke or INK, width=w, joint="curve")
        else:
            key = (s.bold, int(s.size * scale))
            if key not in fonts:
                fonts[key] = ImageFont.truetype(str(font_path(bold=s.bold)), key[1])
            anchor = {"middle": "ms", "end": "rs"}.get(s.anchor, "ls")
            draw.text(pt(*s.points[0]), s.text, font=fonts[key], fill=s.fill or INK, anchor=anchor)
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)  # level 6 took a fifth of the Word draft for a smaller chart
    return out.getvalue()


def _dashed(draw, a, b, dash, color, width) -> None:
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
