"""The report's figures on the terminal, after the files are written: what a drafter checks first."""

from __future__ import annotations

import sys
from typing import Any

from plan744.core import display
from plan744.core.display import scope_names
from plan744.core.figures.assessment import Tally
from plan744.core.figures.period import PeriodFigures
from plan744.core.figures.year import YearFigures
from plan744.core.labels import PATH, speaking
from plan744.report.compose_common import shown, target_text, verdict
from plan744.report.compose_period_indicators import period_verdict
from plan744.report.compose_year_indicators import tally_sentence

COLUMNS = ("Chỉ tiêu", "Phạm vi", "Mục tiêu", "Kết quả", "Đánh giá", "Lộ trình")


def print_summary(figures: Any) -> None:
    """A table at a terminal; plain lines, one per indicator, when the output goes to a file, a
    pipe or a CI log (where a drawn table is of no use, and rich's layout costs a tenth of a second)."""
    title, rows, notes = summary(figures)
    if not sys.stdout.isatty():
        print(title)
        for row in (COLUMNS, *rows):  # a line per row, " | " only between cells, whatever the plan's words
            print(" | ".join(" ".join(cell.replace(" | ", " / ").split()) for cell in row))
        for note in notes:
            print(note)
        return
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False, emoji=False)
    t = Table(title=title)
    for col in COLUMNS:
        t.add_column(col)
    for row in rows:
        t.add_row(*row)
    console.print(t, markup=False)
    for note in notes:
        console.print(note, markup=False)


def summary(figures: Any) -> tuple[str, list[tuple[str, ...]], list[str]]:
    """The summary's title, its rows (in `COLUMNS` order) and the lines after the table."""
    last: YearFigures = figures.last if isinstance(figures, PeriodFigures) else figures
    scopes = scope_names(last.plan)
    title = (f"Kết quả các chỉ tiêu năm {last.year}" if isinstance(figures, YearFigures)
             else f"Kết quả các chỉ tiêu giai đoạn {figures.start}–{figures.end}")
    verdicts = ({(i.indicator.id, i.scope): period_verdict(i) for i in figures.indicators}
                if isinstance(figures, PeriodFigures) else {})
    rows: list[tuple[str, ...]] = [
        (r.indicator.name, scopes[r.scope], target_text(r, last.plan.money), shown(r),
         verdicts.get((r.indicator.id, r.scope)) or verdict(r), PATH[r.path] or "—")
        for r in last.indicators
    ]
    c = last.completeness
    missing = f"{len(c.missing)} chưa gửi"
    if c.missing:
        missing += ": " + ", ".join(d.unit.code for d in c.missing[:20]) + ("…" if len(c.missing) > 20 else "")
    pending = f"; {len(c.pending)} chưa đến hạn" if c.pending else ""
    notes = [f"Báo cáo của đơn vị năm {last.year}: {c.submitted}/{c.expected} đã gửi ({len(c.late)} muộn), "
             f"{missing}{pending}."]
    b = last.budget
    if b is not None:
        unit = last.plan.money.unit
        notes.append(f"Phụ lục: bố trí {display.money(b.allocated)}, giải ngân {display.money(b.disbursed)} "
                     f"({display.percent(b.disbursement_rate)}), lũy kế {display.money(b.cumulative)} {unit} "
                     f"= {display.percent(b.cumulative_share)} kinh phí dự kiến.")
    if isinstance(figures, PeriodFigures):  # the report's own sentence: its base, no empty category
        tally = Tally.of(last.plan, ((i.attainment, i.unassessed) for i in figures.indicators))
        with speaking(last.plan.words):
            notes.append(tally_sentence(last.plan, tally, figures.end, last.window[1]))
    return title, rows, notes
