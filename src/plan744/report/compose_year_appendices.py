"""The annual report's appendices: each unit's figures by indicator (one table per kind of unit,
a row per unit), who reported and when, the appendix rows in full (landscape), and, unless the
short variant is asked for, every unit's own words in full."""

from __future__ import annotations

from plan744.core import display
from plan744.core.figures.codes import Timeliness, Unassessed
from plan744.core.figures.year import YearFigures
from plan744.core.labels import COLUMN, NARRATIVE, TIMELINESS, lower_first, task_status
from plan744.core.plan import ALL_LEVELS
from plan744.core.vnformat import format_date_short
from plan744.report.compose_common import t, unit_runs
from plan744.report.document import Block, Bullets, Column, Heading, Para, Row, Run, Table, cell, runs

MATRIX_COLUMNS = 9  # indicator columns per table on a landscape page


def unit_matrix(f: YearFigures, scopes: dict[str, str]) -> list[Block]:
    """Each unit's figure for each indicator: per kind of unit, a row per unit, a column per
    indicator and scope (in groups of at most MATRIX_COLUMNS). Pages grow by a row per unit."""
    plan = f.plan
    out: list[Block] = [Para(runs(t("appendix.units.lead")), "note")]
    number = {id(r): k for k, r in enumerate(f.indicators, start=1)}  # the row numbers of the table in I.1
    reporting = [r for r in f.indicators if r.units and r.unassessed is not Unassessed.QUALITATIVE]
    if not reporting:
        return []
    for kind in plan.organisation.kinds:
        figs = [r for r in reporting if any(u.unit.kind == kind.code for u in r.units)]
        if not figs:
            continue
        units = [d.unit for d in f.completeness.rows if d.unit.kind == kind.code]
        not_sent = {d.unit.code for d in f.completeness.rows if d.timeliness in (Timeliness.MISSING, Timeliness.PENDING)}
        out.append(Heading(3, t("phrase.kind_count", kind=kind.name, count=len(units))))
        for start in range(0, len(figs), MATRIX_COLUMNS):
            chunk = figs[start:start + MATRIX_COLUMNS]
            value_of = [{u.unit.code: u for u in r.units} for r in chunk]
            share = 0.70 / len(chunk)
            cols = (Column(COLUMN["tt"], 0.05, "center"), Column(COLUMN["unit"], 0.25)) + tuple(
                Column(f"({number[id(r)]}) {r.indicator.name}" + (f" ({lower_first(scopes[r.scope])})" if r.scope != ALL_LEVELS else ""),
                       share, "right")
                for r in chunk)
            rows = []
            for i, unit in enumerate(units, start=1):
                cells = [cell(str(i), align="center"), cell(unit.name)]
                for r, values in zip(chunk, value_of, strict=True):
                    uv = values.get(unit.code)
                    cells.append(cell(display.value(uv.value, r.indicator) if uv else ("" if unit.code in not_sent else "—")))
                rows.append(Row(tuple(cells)))
            out.append(Table(cols, tuple(rows), caption=kind.name, size="small"))
    out.append(Para(runs(t("appendix.units.note")), "note"))
    return out


def completeness(f: YearFigures) -> list[Block]:
    c = f.completeness
    out: list[Block] = [Para(runs(t("appendix.completeness.lead", deadline=format_date_short(c.deadline),
                                     submitted=c.submitted, expected=c.expected, late=len(c.late),
                                     missing=len(c.missing) + len(c.pending))), "center")]
    if c.partial:
        out.append(Para(runs(t("appendix.completeness.partial")), "note"))
    for kind in f.plan.organisation.kinds:
        rows_of_kind = [d for d in c.rows if d.unit.kind == kind.code]
        if not rows_of_kind:
            continue
        out.append(Heading(3, t("phrase.kind_count", kind=kind.name, count=len(rows_of_kind))))
        rows = []
        for i, d in enumerate(rows_of_kind, start=1):
            state = (t("phrase.days_late", state=TIMELINESS[d.timeliness], days=d.days_late) if d.timeliness is Timeliness.LATE
                     else TIMELINESS[d.timeliness])
            covers = "" if d.coverage.whole else f"{format_date_short(d.coverage.start)}–{format_date_short(d.coverage.end)}"
            rows.append(Row((cell(str(i), align="center"), cell(d.unit.name),
                             cell(format_date_short(d.submitted) if d.submitted else "—", align="center"),
                             cell(state, bold=d.timeliness is not Timeliness.ON_TIME), cell(covers, align="center"))))
        cols = (Column(COLUMN["tt"], 0.07, "center"), Column(COLUMN["unit"], 0.43), Column(COLUMN["submitted"], 0.14, "center"),
                Column(COLUMN["state"], 0.14), Column(COLUMN["covers"], 0.22, "center"))
        out.append(Table(cols, tuple(rows), caption=kind.name, size="small"))
    return out


FULL_TEXT_UNITS = 100


ACCOUNT_COLUMNS = 6  # task columns per table of the status matrix


def accounts(f: YearFigures) -> list[Block]:
    if f.completeness.submitted > FULL_TEXT_UNITS:
        return _account_matrix(f)
    out: list[Block] = []
    for i, area in enumerate(f.areas, start=1):
        out.append(Heading(3, f"{i}. {area.name}"))
        for task in area.tasks:
            cols = (Column(COLUMN["unit"], 0.28), Column(COLUMN["state"], 0.16), Column(COLUMN["progress"], 0.56))
            rows = tuple(Row((cell(a.unit.name), cell(task_status(a.status)), cell(a.text))) for a in task.accounts)
            out.append(Para(runs(Run(f"{task.task.title} ({task.task.section})", bold=True)), "caption"))
            out.append(Table(cols, rows, caption=task.task.title, size="small"))
    return out


def _account_matrix(f: YearFigures) -> list[Block]:
    """Each unit's status for each task, a line per unit; the accounts' text is in the data files."""
    out: list[Block] = [Para(runs(t("appendix.accounts.matrix", units=f.completeness.submitted)), "note")]
    for i, area in enumerate(f.areas, start=1):
        out.append(Heading(3, f"{i}. {area.name}"))
        for start in range(0, len(area.tasks), ACCOUNT_COLUMNS):
            chunk = area.tasks[start:start + ACCOUNT_COLUMNS]
            status = [{a.unit.code: a.status for a in task.accounts} for task in chunk]
            units = list({a.unit.code: a.unit for task in chunk for a in task.accounts}.values())
            share = 0.70 / len(chunk)
            cols = (Column(COLUMN["tt"], 0.06, "center"), Column(COLUMN["unit"], 0.24)) + tuple(
                Column(f"{task.task.id}. {task.task.title}", share, "center") for task in chunk)
            rows = tuple(Row((cell(str(n), align="center"), cell(unit.name)) + tuple(
                cell(task_status(s[unit.code]) if unit.code in s else "—", align="center") for s in status))
                for n, unit in enumerate(units, start=1))
            out.append(Table(cols, rows, caption=area.name, size="small"))
    return out


def narratives_full(f: YearFigures) -> list[Block]:
    if f.completeness.submitted > FULL_TEXT_UNITS:
        count = sum(1 for items in f.narratives.values() for i in items if i.text.strip())
        return [Para(runs(t("appendix.narratives.in_data", count=count, units=f.completeness.submitted)))] if count else []
    out: list[Block] = []
    for section in ("highlights", "shortcomings", "proposals"):
        items = [i for i in f.narratives[section] if i.text.strip()]
        if not items:
            continue
        out.append(Heading(3, NARRATIVE[section]))
        out.append(Bullets(tuple(unit_runs(i.unit, " ".join(i.text.split())) for i in items)))
    return out
