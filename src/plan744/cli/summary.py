"""The report's figures on the terminal, after the files are written: what a drafter checks first."""

from __future__ import annotations

from typing import Any

from plan744.core import display
from plan744.core.display import scope_names
from plan744.core.figures.period import PeriodFigures
from plan744.core.figures.year import YearFigures
from plan744.core.labels import PATH
from plan744.report.compose_common import shown, target_text, verdict
from plan744.report.compose_period import period_verdict


def print_summary(figures: Any) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False, emoji=False)
    last: YearFigures = figures.last if isinstance(figures, PeriodFigures) else figures
    scopes = scope_names(last.plan)
    title = (f"Kết quả các chỉ tiêu năm {last.year}" if isinstance(figures, YearFigures)
             else f"Kết quả các chỉ tiêu giai đoạn {figures.start}–{figures.end}")
    t = Table(title=title)
    for col in ("Chỉ tiêu", "Phạm vi", "Mục tiêu", "Kết quả", "Đánh giá", "Lộ trình"):
        t.add_column(col)
    verdicts = ({(i.indicator.id, i.scope): period_verdict(i) for i in figures.indicators}
                if isinstance(figures, PeriodFigures) else {})
    for r in last.indicators:
        t.add_row(r.indicator.name, scopes[r.scope], target_text(r, last.plan.money), shown(r),
                  verdicts.get((r.indicator.id, r.scope)) or verdict(r), PATH[r.path] or "—")
    console.print(t, markup=False)
    c = last.completeness
    missing = f"{len(c.missing)} chưa gửi"
    if c.missing:
        missing += ": " + ", ".join(d.unit.code for d in c.missing[:20]) + ("…" if len(c.missing) > 20 else "")
    pending = f"; {len(c.pending)} chưa đến hạn" if c.pending else ""
    console.print(f"Báo cáo của đơn vị năm {last.year}: {c.submitted}/{c.expected} đã gửi ({len(c.late)} muộn), "
                  f"{missing}{pending}.", markup=False)
    b = last.budget
    if b is not None:
        unit = last.plan.money.unit
        console.print(f"Phụ lục: bố trí {display.money(b.allocated)}, giải ngân {display.money(b.disbursed)} "
                      f"({display.percent(b.disbursement_rate)}), lũy kế {display.money(b.cumulative)} {unit} "
                      f"= {display.percent(b.cumulative_share)} kinh phí dự kiến.", markup=False)
    if isinstance(figures, PeriodFigures):
        console.print(f"Tổng kết: {len(figures.met)}/{len(figures.counted)} chỉ tiêu đạt và vượt; "
                      f"{len(figures.not_assessed)} không đánh giá được.", markup=False)
