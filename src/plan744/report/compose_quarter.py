"""The quarterly progress report (issue 27, point 5) as blocks, in the annual report's family
(Nghị định 30 layout, the same blocks and renderers), and the same sections for the annual
report and the close-out of a plan whose tasks have deadlines.

Sections: I. the completion line ("Đến ngày 30/9/2026, hoàn thành X/Y nhiệm vụ (Z/W đến hạn), N
nhiệm vụ quá hạn") with each lead unit's counts; II. the overdue tasks by lead unit, with the
days late; III. the tasks completed in the quarter, on time or late; IV. the targets due and met
(met only when annual figures say so). Every figure is `core.progress`'s: the completion line is
the one `plan744 tasks --as-of` prints for the same date.

The annual report and the close-out reach these sections through `tracking_year` and
`tracking_period`, which read the tasks' states from the `tracked` context the report service
sets while it renders (`with tracked(...)`): the figures of the annual report stay as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from plan744.core.figures.quarter import QuarterFigures
from plan744.core.labels import speaking
from plan744.core.plan import Plan
from plan744.core.progress import (
    DONE_LATE,
    DONE_ON_TIME,
    OVERDUE,
    Assessment,
    Progress,
    Tally,
    completion_line,
    targets_line,
)
from plan744.core.vnformat import format_day
from plan744.report.compose_common import (
    ROMAN,
    Appendices,
    Issuance,
    Numbering,
    appendix_subtitle,
    closing,
    document,
    names,
    opening,
    plan_ref,
    t,
)
from plan744.report.document import Block, Cell, Column, Document, Para, Row, Run, Table, cell, runs


def _unit_name(plan: Plan, code: str) -> str:
    unit = plan.units_by_code.get(code)
    return unit.name if unit else code


def _by_unit(plan: Plan, items: list[Assessment]) -> dict[str, list[Assessment]]:
    """Assessments grouped by unit, the units in the plan's order."""
    order = {u.code: i for i, u in enumerate(plan.units)}
    out: dict[str, list[Assessment]] = {}
    for a in sorted(items, key=lambda a: order.get(a.unit, len(order))):
        out.setdefault(a.unit, []).append(a)
    return out


def _group(text: str, span: int) -> Row:
    return Row((Cell((runs(Run(text, bold=True)),), span=span),), "group")


# --- the sections --------------------------------------------------------------------------------


def _unit_table(plan: Plan, p: Progress, codes: list[str], silent: list[str]) -> Table:
    """Each unit's counts; the units that sent no status report summed in one row when given."""
    cols = (Column(t("quarter.col.unit"), 0.34), Column(t("quarter.col.total"), 0.1, "right"),
            Column(t("quarter.col.due"), 0.1, "right"), Column(t("quarter.col.done"), 0.12, "right"),
            Column(t("quarter.col.on_time"), 0.1, "right"), Column(t("quarter.col.late"), 0.12, "right"),
            Column(t("quarter.col.overdue"), 0.12, "right"))

    def row(name: str, k: Tally) -> Row:
        return Row((cell(name), *(cell(str(getattr(k, f))) for f in ("total", "due", "done", "done_on_time", "done_late",
                                                                        "overdue"))))

    rows = [row(_unit_name(plan, code), p.by_unit[code]) for code in codes]
    if silent:
        summed = Tally()
        for code in silent:
            for f, v in p.by_unit[code].as_dict().items():
                setattr(summed, f, getattr(summed, f) + v)
        rows.append(row(t("quarter.units.silent", count=len(silent)), summed))
    return Table(cols, tuple(rows), caption=t("quarter.units.caption", as_of=format_day(p.as_of)), size="small")


def _ordered(plan: Plan, codes: list[str]) -> list[str]:
    order = {u.code: i for i, u in enumerate(plan.units)}
    return sorted(codes, key=lambda c: order.get(c, len(order)))


def _reporters(plan: Plan, p: Progress) -> tuple[list[str], list[str]]:
    """The units with a task due, in the plan's order: those that sent a status report in force on
    the date, and those that sent none."""
    order = {u.code: i for i, u in enumerate(plan.units)}
    sent = {f.report.unit for f in p.used}
    due = sorted((code for code, k in p.by_unit.items() if k.due), key=lambda c: order.get(c, len(order)))
    return [c for c in due if c in sent], [c for c in due if c not in sent]


def completion(plan: Plan, p: Progress, n: Numbering, level: int = 1, annex: str = "") -> list[Block]:
    """The completion line for the plan, its split, and the counts of each lead unit that reported
    (the others in one row; each of them in the appendix `annex`, when there is one)."""
    tally = p.plan
    out: list[Block] = [n.heading(level, t("quarter.h.completion"))]
    out.append(Para(runs(t("quarter.completion", as_of=format_day(p.as_of), line=completion_line(tally)))))
    out.append(Para(runs(t("quarter.completion.split", on_time=tally.done_on_time, late=tally.done_late,
                           not_yet_due=tally.not_yet_due, no_deadline=tally.no_deadline))))
    sent, silent = _reporters(plan, p)
    if sent or silent:
        out.append(_unit_table(plan, p, sent, silent))
        note = t("quarter.units.only_due") + " " + t("quarter.completion.how")
        if annex and silent:
            note += " " + t("quarter.units.see_annex", annex=annex)
        out.append(Para(runs(note), "note"))
    return out


def _overdue_table(plan: Plan, p: Progress, grouped: dict[str, list[Assessment]]) -> Table:
    cols = (Column(t("quarter.col.tt"), 0.08), Column(t("quarter.col.task"), 0.44), Column(t("quarter.col.deadline"), 0.16),
            Column(t("quarter.col.days_late"), 0.1, "right"), Column(t("quarter.col.status"), 0.22))
    rows: list[Row] = []
    for unit, items in grouped.items():
        rows.append(_group(t("quarter.overdue.unit", unit=_unit_name(plan, unit), count=len(items)), len(cols)))
        for a in sorted(items, key=lambda a: -a.days):
            deadline = a.item.deadline.text if a.item.deadline else ""
            due = t("quarter.overdue.due", deadline=deadline, due=format_day(a.due)) if a.due else deadline
            status = t(f"tasks.status.{a.status or 'none'}")
            if a.reason:
                status = t("quarter.overdue.reason", status=status, reason=a.reason)
            rows.append(Row((cell(a.item.key), cell(a.item.name), cell(due), cell(str(a.days)), cell(status))))
    return Table(cols, tuple(rows), caption=t("quarter.overdue.caption", as_of=format_day(p.as_of)), size="small")


def overdue(plan: Plan, p: Progress, n: Numbering, level: int = 1, annex: str = "") -> list[Block]:
    """The overdue tasks of each lead unit that reported, most late first, with what the unit last
    reported; the units that sent nothing named in one sentence (every task in `annex`)."""
    out: list[Block] = [n.heading(level, t("quarter.h.overdue"))]
    late = p.overdue()
    if not late:
        return out + [Para(runs(t("quarter.overdue.none", as_of=format_day(p.as_of))))]
    grouped = _by_unit(plan, late)
    out.append(Para(runs(t("quarter.overdue.lead", as_of=format_day(p.as_of), count=len(late), units=len(grouped)))))
    sent = {f.report.unit for f in p.used}
    shown = {u: items for u, items in grouped.items() if u in sent or not annex}
    if shown:
        out.append(_overdue_table(plan, p, shown))
    silent = [u for u in grouped if u not in shown]
    if silent:
        count = sum(len(grouped[u]) for u in silent)
        out.append(Para(runs(t("quarter.overdue.silent", units=names([_unit_name(plan, u) for u in silent]), count=count,
                               annex=annex))))
    return out


def done(plan: Plan, p: Progress, start: dt.date, end: dt.date, n: Numbering, level: int = 1) -> list[Block]:
    """The tasks completed from `start` to `end` (within the date), on time or late."""
    out: list[Block] = [n.heading(level, t("quarter.h.done"))]
    end = min(end, p.as_of)
    items = p.done_between(start, end)
    if not items:
        return out + [Para(runs(t("quarter.done.none", start=format_day(start), end=format_day(end))))]
    on_time = sum(a.state == DONE_ON_TIME for a in items)
    late = sum(a.state == DONE_LATE for a in items)
    out.append(Para(runs(t("quarter.done.lead", start=format_day(start), end=format_day(end), count=len(items),
                           on_time=on_time, late=late))))
    cols = (Column(t("quarter.col.tt"), 0.07), Column(t("quarter.col.task"), 0.37), Column(t("quarter.col.deadline"), 0.14),
            Column(t("quarter.col.completed"), 0.11), Column(t("quarter.col.timeliness"), 0.12),
            Column(t("quarter.col.evidence"), 0.19))
    rows: list[Row] = []
    for unit, group in _by_unit(plan, items).items():
        rows.append(_group(_unit_name(plan, unit), len(cols)))
        for a in sorted(group, key=lambda a: (a.completed or end, a.item.key)):
            if a.state == DONE_ON_TIME:
                verdict = t("quarter.done.on_time")
            elif a.state == DONE_LATE:
                verdict = t("quarter.done.late", days=a.days)
            else:
                verdict = t("quarter.done.no_deadline")
            rows.append(Row((cell(a.item.key), cell(a.item.name), cell(a.item.deadline.text if a.item.deadline else ""),
                             cell(format_day(a.completed) if a.completed else ""), cell(verdict), cell(a.evidence))))
    out.append(Table(cols, tuple(rows), caption=t("quarter.done.caption", start=format_day(start), end=format_day(end)),
                     size="small"))
    return out


def targets(q: QuarterFigures, n: Numbering, level: int = 1) -> list[Block]:
    """The targets due on the date and, when annual figures say so, met; by area."""
    plan, tally = q.plan, q.targets[""]
    out: list[Block] = [n.heading(level, t("quarter.h.targets"))]
    if not tally.total:
        return out + [Para(runs(t("quarter.targets.none")))]
    out.append(Para(runs(t("quarter.targets.line", as_of=format_day(q.as_of), line=targets_line(tally)))))
    if q.met_known:
        out.append(Para(runs(t("quarter.targets.met", year=q.met_year or q.year, line=targets_line(tally, with_met=True)))))
    else:
        out.append(Para(runs(t("quarter.targets.no_data", year=q.year))))
    cols = (Column(t("quarter.col.area"), 0.52), Column(t("quarter.col.targets"), 0.16, "right"),
            Column(t("quarter.col.targets_due"), 0.16, "right"), Column(t("quarter.col.targets_met"), 0.16, "right"))
    rows = []
    for area in [a.code for a in plan.areas] + [k for k in q.targets if k and k not in plan.areas_by_code]:
        k = q.targets.get(area)
        if k is None or not k.total:
            continue
        name = plan.areas_by_code[area].name if area in plan.areas_by_code else (area or t("quarter.targets.no_area"))
        met = f"{k.due_done}/{k.due}" if q.met_known else t("quarter.no_data")
        rows.append(Row((cell(name), cell(str(k.total)), cell(str(k.due)), cell(met))))
    if rows:
        out.append(Table(cols, tuple(rows), caption=t("quarter.targets.caption", as_of=format_day(q.as_of)), size="small"))
    return out


def sections(q: QuarterFigures, n: Numbering, level: int = 1, annexes: tuple[str, str] = ("", "")) -> list[Block]:
    """The four sections, at `level` (1 in the quarterly report, 2 within the annual report);
    `annexes` names the appendices with every unit's counts and overdue tasks, when there are."""
    p = q.progress
    return (completion(q.plan, p, n, level, annexes[0]) + overdue(q.plan, p, n, level, annexes[1])
            + done(q.plan, p, q.period.start, q.period.end, n, level) + targets(q, n, level))


# --- the quarterly report ------------------------------------------------------------------------


def roman(q: QuarterFigures) -> str:
    return t(f"quarter.roman.{q.quarter}")


def compose_quarter(q: QuarterFigures, issuance: Issuance, generated: dt.datetime) -> Document:
    with speaking(q.plan.words):  # the plan's own words (`words:` of the plan file)
        return _compose_quarter(q, issuance, generated)


def _compose_quarter(q: QuarterFigures, issuance: Issuance, generated: dt.datetime) -> Document:
    plan, p = q.plan, q.progress
    n = Numbering()
    quarter = roman(q)
    body = opening(plan, issuance, t("quarter.summary", plan=plan_ref(plan), quarter=quarter, year=q.year),
                   generated.date(), q.as_of)
    units = {f.report.unit for f in p.used}
    if p.used:
        body.append(Para(runs(t("quarter.intro", plan=plan_ref(plan), as_of=format_day(q.as_of), reports=len(p.used),
                                units=len(units), issuer=plan.report.issuer_short, quarter=quarter, year=q.year))))
    else:
        body.append(Para(runs(t("quarter.no_reports", as_of=format_day(q.as_of)))))
    sent, silent = _reporters(plan, p)
    late = _by_unit(plan, p.overdue())
    want = (bool(silent), any(u in silent for u in late))  # appendices only for what the body leaves out
    names_ = [t("doc.appendix", roman=ROMAN[i]) for i in range(sum(want))]
    annexes = (names_[0] if want[0] else "", names_[-1] if want[1] else "")
    body += sections(q, n, annexes=annexes)
    body.append(Para(runs(t("quarter.end", plan=plan_ref(plan), quarter=quarter, year=q.year))))
    body.append(closing(plan, issuance, q.as_of, None))
    parts = Appendices(appendix_subtitle(plan, issuance))
    if want[0]:
        parts.add(t("quarter.annex.units", as_of=format_day(q.as_of)), [_unit_table(plan, p, _ordered(plan, sent + silent), [])], False)
    if want[1]:
        parts.add(t("quarter.annex.overdue", as_of=format_day(q.as_of)), [_overdue_table(plan, p, late)], False)
    doc_title = t("quarter.doc_title", kind=plan.document.kind, number=plan.document.number, quarter=quarter, year=q.year)
    return document(doc_title, generated, body, n, parts,
                    {"plan": plan.document.number, "period": q.period.key, "as_of": q.as_of.isoformat()})


# --- the same sections in the annual report and the close-out ------------------------------------

_TRACKED: ContextVar[QuarterFigures | None] = ContextVar("plan744_tracked", default=None)


@contextmanager
def tracked(q: QuarterFigures | None) -> Iterator[None]:
    """Within the block, the annual report and the close-out have the tasks' states of `q` (the
    report service sets it when the plan's tasks have deadlines and status reports are on file)."""
    token = _TRACKED.set(q)
    try:
        yield
    finally:
        _TRACKED.reset(token)


def has_tracking(plan: Plan) -> bool:
    """A condition of the annual report and the close-out: the plan tracks tasks by deadline and
    their states are known for this report."""
    q = _TRACKED.get()
    return q is not None and q.plan.document.number == plan.document.number


def tracking_year(plan: Plan, n: Numbering) -> list[Block]:
    """The annual report's section: the four sections of the quarterly report, for the year."""
    q = _TRACKED.get()
    if q is None or not has_tracking(plan):
        return []
    out: list[Block] = [n.heading(1, t("quarter.h.tracking")), Para(runs(t("quarter.year.lead", as_of=format_day(q.as_of))))]
    return out + sections(q, n, level=2)


def tracking_period(plan: Plan, n: Numbering) -> list[Block]:
    """The close-out's sentence on completion on time, and each lead unit's counts."""
    q = _TRACKED.get()
    if q is None or not has_tracking(plan):
        return []
    k = q.progress.plan
    with_deadline = k.total - k.no_deadline
    out: list[Block] = [n.heading(2, t("quarter.period.h"))]
    out.append(Para(runs(t("quarter.period.on_time", as_of=format_day(q.as_of), total=with_deadline, on_time=k.done_on_time,
                           late=k.done_late, overdue=k.overdue, not_yet_due=k.not_yet_due))))
    return out + completion(plan, q.progress, Numbering(), level=3)[1:]


__all__ = ["OVERDUE", "compose_quarter", "has_tracking", "sections", "tracked", "tracking_period", "tracking_year"]
