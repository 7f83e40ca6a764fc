"""Inline SVG charts for the report, with Vietnamese labels. Pure: figures in, markup out.

Every label goes through markupsafe.escape; nothing from a submission reaches an
attribute except numbers we computed.
"""

from __future__ import annotations

import textwrap
from decimal import Decimal
from typing import Sequence

from markupsafe import Markup, escape

from plan744.core.kpi import IndicatorResult, Status
from plan744.core.vnformat import format_percent

ROW = 30
LABEL_W = 250
BAR_W = 330
RIGHT = 70
TOP = 44
OK_FILL, NO_FILL = "#3a7d44", "#b23a48"  # presentation attributes: WeasyPrint's SVG ignores page CSS


def _x(percent: Decimal | None, scale: Decimal) -> float:
    if percent is None:
        return LABEL_W
    return LABEL_W + float(min(percent, scale) / scale) * BAR_W


def indicators_chart(results: Sequence[IndicatorResult], title: str) -> Markup:
    """One row per indicator and scope: this year's bar, the target tick, the path diamond."""
    rows = [r for r in results if r.target.kind != "qualitative" and r.indicator.measure == "count"]
    if not rows:
        return Markup("")
    scale = Decimal(100)
    width = LABEL_W + BAR_W + RIGHT
    height = TOP + ROW * len(rows) + 44
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        'font-family="Liberation Serif, Times New Roman, serif" '
        f'width="100%" role="img" aria-label="{escape(title)}">',
        f'<title>{escape(title)}</title>',
        f'<text x="0" y="14" font-size="13" font-weight="bold">{escape(title)}</text>',
    ]
    for pct in (0, 25, 50, 75, 100):
        x = _x(Decimal(pct), scale)
        out.append(f'<line x1="{x:.1f}" y1="{TOP - 8}" x2="{x:.1f}" y2="{TOP + ROW * len(rows)}" stroke="#bbbbbb" stroke-width="0.5"/>')
        out.append(f'<text x="{x:.1f}" y="{TOP - 11}" font-size="11" text-anchor="middle">{pct}%</text>')
    for i, r in enumerate(rows):
        y = TOP + i * ROW
        # Two lines of about 44 characters: long names keep their scope ("cấp xã") visible.
        lines = textwrap.wrap(f"{r.indicator.name} ({r.scope_name.lower()})", 44)
        if len(lines) > 2:
            lines = [lines[0], lines[1][:42] + "… (" + r.scope_name.lower() + ")"]
        for k, line in enumerate(lines):
            dy = 17 if len(lines) == 1 else 11 + 12 * k
            out.append(f'<text x="{LABEL_W - 6}" y="{y + dy}" font-size="10.5" text-anchor="end">{escape(line)}</text>')
        fill = OK_FILL if r.status in (Status.REACHED, Status.STRETCH) else NO_FILL
        x_end = _x(r.percent, scale)
        out.append(f'<rect x="{LABEL_W}" y="{y + 6}" width="{x_end - LABEL_W:.1f}" height="14" fill="{fill}"/>')
        value = format_percent(r.percent)
        out.append(f'<text x="{width - RIGHT + 6}" y="{y + 17}" font-size="11">{escape(value)}</text>')
        if r.target.value is not None:
            tx = _x(r.target.value, scale)
            out.append(f'<line x1="{tx:.1f}" y1="{y + 2}" x2="{tx:.1f}" y2="{y + 24}" stroke="#000000" stroke-width="2"/>')
        if r.target.stretch is not None:
            sx = _x(r.target.stretch, scale)
            out.append(f'<line x1="{sx:.1f}" y1="{y + 4}" x2="{sx:.1f}" y2="{y + 22}" stroke="#000000" stroke-width="1" stroke-dasharray="2 2"/>')
        if r.path_expected is not None:
            px = _x(r.path_expected, scale)
            out.append(f'<path d="M{px:.1f} {y + 7} l5 6 l-5 6 l-5 -6 z" fill="#f2b134" stroke="#000000" stroke-width="0.5"/>')
    ly = TOP + ROW * len(rows) + 22
    out += [
        f'<rect x="0" y="{ly - 9}" width="14" height="10" fill="{OK_FILL}"/>'
        f'<text x="18" y="{ly}" font-size="11">Đạt mục tiêu</text>',
        f'<rect x="120" y="{ly - 9}" width="14" height="10" fill="{NO_FILL}"/>'
        f'<text x="138" y="{ly}" font-size="11">Chưa đạt</text>',
        f'<line x1="230" y1="{ly - 10}" x2="230" y2="{ly + 2}" stroke="#000000" stroke-width="2"/>'
        f'<text x="236" y="{ly}" font-size="11">Mục tiêu</text>',
        f'<path d="M320 {ly - 10} l5 6 l-5 6 l-5 -6 z" fill="#f2b134" stroke="#000000" stroke-width="0.5"/>'
        f'<text x="330" y="{ly}" font-size="11">Lộ trình từ năm gốc đến mục tiêu</text>',
    ]
    out.append("</svg>")
    return Markup("".join(out))
