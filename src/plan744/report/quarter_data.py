"""The quarterly progress report in every format of `plan744 report`: the document formats
(HTML, PDF, Word) drawn by the same renderers from `compose_quarter`'s blocks, and the data
formats (JSON, CSV, Excel) holding the same figures as records (`tables`): the counts per lead
unit and per area, every task's state per unit, the targets.

Codes are stable (`state`: overdue, not_yet_due, done_on_time, done_late, no_deadline,
no_deadline_done); dates ISO in JSON and CSV, dates in the workbook; a count of targets met is
null when no annual figures say which were met.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from plan744.core.figures.quarter import QuarterFigures
from plan744.core.labels import speaking, word
from plan744.core.progress import Tally, completion_line, targets_line
from plan744.report.compose_common import Issuance
from plan744.report.data import neutral
from plan744.report.document import Document

Record = dict[str, Any]
COUNTS = ("total", "done", "done_on_time", "done_late", "due", "due_done", "overdue", "not_yet_due", "no_deadline")
COLUMNS: dict[str, tuple[str, ...]] = {
    "units": ("unit", "unit_name", *COUNTS),
    "areas": ("area", "area_name", *COUNTS),
    "tasks": ("unit", "unit_name", "task", "name", "area", "deadline", "due_date", "occurrence", "state", "days",
              "status", "completed", "reason", "evidence", "file"),
    "targets": ("area", "area_name", "targets", "targets_due", "targets_met"),
}
DATE_KEYS = frozenset(("due_date", "completed"))


def _counts(k: Tally) -> Record:
    return {key: getattr(k, key) for key in COUNTS}


def tables(q: QuarterFigures) -> dict[str, list[Record]]:
    plan, p = q.plan, q.progress
    order = {u.code: i for i, u in enumerate(plan.units)}
    names = {u.code: u.name for u in plan.units}
    areas = {a.code: a.name for a in plan.areas}
    out: dict[str, list[Record]] = {name: [] for name in COLUMNS}
    for code in sorted(p.by_unit, key=lambda c: order.get(c, len(order))):
        out["units"].append({"unit": code, "unit_name": names.get(code, code), **_counts(p.by_unit[code])})
    for area, k in p.by_area.items():
        out["areas"].append({"area": area, "area_name": areas.get(area, area), **_counts(k)})
    for a in p.assessments:
        out["tasks"].append({
            "unit": a.unit, "unit_name": names.get(a.unit, a.unit), "task": a.item.key, "name": a.item.name,
            "area": a.item.area or None, "deadline": a.item.deadline.text if a.item.deadline else None,
            "due_date": a.due.isoformat() if a.due else None, "occurrence": a.occurrence or None, "state": a.state,
            "days": a.days, "status": a.status, "completed": a.completed.isoformat() if a.completed else None,
            "reason": a.reason or None, "evidence": a.evidence or None, "file": a.file or None,
        })
    for area, k in q.targets.items():
        out["targets"].append({"area": area or None, "area_name": areas.get(area) if area else None, "targets": k.total,
                               "targets_due": k.due, "targets_met": k.due_done if q.met_known else None})
    return out


def document(q: QuarterFigures, generated: dt.datetime) -> Record:
    k = q.progress.plan
    return {
        "kind": "quarter", "generated": generated.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "plan": {"kind": q.plan.document.kind, "number": q.plan.document.number, "title": q.plan.document.title},
        "period": q.period.key, "start": q.period.start.isoformat(), "end": q.period.end.isoformat(),
        "as_of": q.as_of.isoformat(), "plan_tally": _counts(k), "line": completion_line(k),
        "targets": {**_counts(q.targets[""]), "met_known": q.met_known, "line": targets_line(q.targets[""], q.met_known)},
        "tables": tables(q),
    }


def to_json(q: QuarterFigures, generated: dt.datetime) -> bytes:
    return (json.dumps(document(q, generated), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    return neutral(value) if isinstance(value, str) else str(value)


def to_csv(q: QuarterFigures) -> dict[str, bytes]:
    """One CSV per table (UTF-8 with a byte-order mark, keys as headers), as `report.data` writes them."""
    out = {}
    for name, rows in tables(q).items():
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(COLUMNS[name])
        for r in rows:
            w.writerow([_csv_value(r[key]) for key in COLUMNS[name]])
        out[name] = ("\ufeff" + buf.getvalue()).encode("utf-8")
    return out


def to_xlsx(q: QuarterFigures, generated: dt.datetime) -> bytes:
    """The same tables as a workbook: Vietnamese headers, states shown in words (code kept), dates as dates."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from plan744.report.workbook import write_cell
    from plan744.reproducible import workbook_bytes

    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    info = wb.create_sheet(word("quarter.data.sheet.info"))
    doc = q.plan.document
    for i, (item, value) in enumerate((
            ("plan", f"{doc.kind} {doc.number}: {doc.title}"), ("quarter", q.period.key), ("as_of", q.as_of),
            ("line", completion_line(q.progress.plan)), ("targets", targets_line(q.targets[""], q.met_known)),
            ("generated", generated.replace(tzinfo=None))), start=1):
        info.cell(row=i, column=1, value=word(f"quarter.data.info.{item}")).font = bold
        write_cell(info, i, 2, value)
    info.column_dimensions["A"].width, info.column_dimensions["B"].width = 24, 90
    for name, rows in tables(q).items():
        ws = wb.create_sheet(word(f"quarter.data.sheet.{name}"))
        keys = list(COLUMNS[name]) + (["state_code"] if name == "tasks" else [])
        for j, key in enumerate(keys, start=1):
            ws.cell(row=1, column=j, value=word(f"quarter.data.col.{key}")).font = bold
            ws.column_dimensions[get_column_letter(j)].width = 40 if key in ("name", "unit_name", "area_name") else 16
        for i, r in enumerate(rows, start=2):
            for j, key in enumerate(keys, start=1):
                value = r["state"] if key == "state_code" else r[key]
                if key == "state":
                    value = word(f"quarter.data.state.{value}")
                elif key == "status" and value:
                    value = word(f"tasks.status.{value}")
                elif key in DATE_KEYS and value:
                    value = dt.date.fromisoformat(value)
                write_cell(ws, i, j, value)
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(keys))}{max(len(rows) + 1, 1)}"
    wb.properties.creator = "plan744"
    return workbook_bytes(wb, generated)


def render(q: QuarterFigures, formats: tuple[str, ...], issuance: Issuance, generated: dt.datetime,
           templates: Path | tuple[Path, ...], stem: str) -> dict[str, bytes]:
    """The files of every format asked for, by name, in the plan's own words."""
    from plan744.report.compose_quarter import compose_quarter
    from plan744.report.formats import FORMATS  # the file names each format writes

    with speaking(q.plan.words):
        cache: dict[str, Any] = {}

        def doc() -> Document:
            if "doc" not in cache:
                cache["doc"] = compose_quarter(q, issuance, generated)
            return cache["doc"]

        def html() -> dict[str, bytes]:
            from plan744.report.html import render_html

            return {f"{stem}.html": render_html(doc(), templates).encode("utf-8")}

        def pdf() -> dict[str, bytes]:
            from plan744.report.pdf import render_document_pdf

            return {f"{stem}.pdf": render_document_pdf(doc(), templates, generated)}

        def docx() -> dict[str, bytes]:
            from plan744.report.docx import render_docx
            from plan744.report.html import find_template

            return {f"{stem}.docx": render_docx(doc(), find_template(templates, "report.docx"))}

        def csvs() -> dict[str, bytes]:
            return {f"{stem}-{name}.csv": data for name, data in to_csv(q).items()}

        writers: dict[str, Callable[[], dict[str, bytes]]] = {
            "html": html, "pdf": pdf, "docx": docx, "json": lambda: {f"{stem}.json": to_json(q, generated)},
            "csv": csvs, "xlsx": lambda: {stem + FORMATS["xlsx"].suffixes[0]: to_xlsx(q, generated)}}
        out: dict[str, bytes] = {}
        for name in formats:
            out.update(writers[name]())
        return out
