"""The annual report as blocks: a body short enough to sign, the detail in appendices.

Body (Nghị định 30 layout): heading, title, the draft and partial-data notices, the opening
sentence; I. results (the indicator table and chart, tasks by area in counts, the appendix
rows and their money in one paragraph, the money indicators, a short selection of the units'
highlights); II. assessment (what fell short, the reporting record, a short selection of the
causes units give); III. tasks for the next year; IV. proposals (a short selection); closing
and signature. Appendices: each unit's figures by indicator (one table per kind of unit, a
row per unit), who reported and when, the appendix rows in full (landscape), and, unless the
short variant is asked for, every unit's own words in full.
"""

from __future__ import annotations

import datetime as dt
import re

from plan744.core import display
from plan744.core.figures.codes import Attainment, PathStatus, Timeliness, Unassessed
from plan744.core.figures.year import AppendixYear, YearFigures
from plan744.core.labels import COLUMN, NARRATIVE, PATH, ROW_STATE, TIMELINESS, lower_first, speaking, task_status
from plan744.core.plan import ALL_LEVELS
from plan744.core.vnformat import format_date_short
from plan744.report import chart
from plan744.report.compose_common import (
    Issuance,
    appendix_subtitle,
    closing,
    first_sentence,
    header,
    indicator_label,
    money_words,
    names,
    plan_ref,
    shown,
    spread,
    t,
    target_text,
    title,
    unit_runs,
    verdict,
)
from plan744.report.document import (
    Block,
    Bullets,
    Cell,
    Column,
    Document,
    Figure,
    Heading,
    Para,
    Row,
    Run,
    Section,
    Table,
    Toc,
    cell,
    runs,
)

SELECTION = 6  # units quoted in the body per narrative section; the rest in the appendix
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


_NUMBERED = re.compile(r"^(?:[IVXLC]+|\d+)\.\s+")


class _Numbering:
    """Headings numbered as the report reads them, with anchors for the table of contents."""

    def __init__(self) -> None:
        self.entries: list[tuple[int, str, str]] = []
        self.counts = [0, 0]

    def heading(self, level: int, text: str) -> Heading:
        """A section (I, II, …) or a subsection (1, 2, … within it), numbered in the order it is
        written, so a section left out (a plan without money indicators) leaves no gap."""
        text = _NUMBERED.sub("", text)
        if level == 1:
            self.counts = [self.counts[0] + 1, 0]
            text = f"{ROMAN[self.counts[0] - 1]}. {text}"
        elif level == 2:
            self.counts[1] += 1
            text = f"{self.counts[1]}. {text}"
        anchor = f"muc-{len(self.entries) + 1}"
        self.entries.append((level, text, anchor))
        return Heading(level, text, anchor)


def compose_year(f: YearFigures, issuance: Issuance, generated: dt.datetime, *, short: bool = False) -> Document:
    with speaking(f.plan.words):  # the plan's own words (`words:` of the plan file)
        return _compose_year(f, issuance, generated, short=short)


def _compose_year(f: YearFigures, issuance: Issuance, generated: dt.datetime, *, short: bool) -> Document:
    plan = f.plan
    scopes = display.scope_names(plan)
    n = _Numbering()
    body: list[Block] = [header(plan, issuance), None]  # type: ignore[list-item] # the TOC goes here
    body.append(title(t("year.summary", plan=plan_ref(plan), year=f.year)))
    if issuance.draft:
        body.append(Para(runs(t("draft.note", date=format_date_short(generated.date()))), "draft"))
    c = f.completeness
    if c.missing or c.pending:
        why = []
        if c.missing:
            why.append(t("year.partial_missing", missing=len(c.missing)))
        if c.pending:
            why.append(t("year.partial_pending", pending=len(c.pending),
                         deadline=format_date_short(max(d.coverage.deadline for d in c.pending))))
        body.append(Para(runs(t("year.partial_notice", submitted=c.submitted, expected=c.expected,
                                why="; ".join(why))), "notice"))
    body.append(Para(runs(t("year.intro", plan=plan_ref(plan), title=lower_first(plan.document.title),
                            submitted=c.submitted, expected=c.expected, start=format_date_short(f.window[0]),
                            end=format_date_short(f.window[1]), issuer=plan.report.issuer_short, year=f.year))))
    body += _changes(f)

    body.append(n.heading(1, t("year.h.results")))
    body += _indicators(f, scopes, n)
    body += _tasks(f, n)
    body += _appendix_summary(f, n)
    body += _money(f, scopes, n)
    body += _selection(f, "highlights", n, t("year.h.highlights"))
    body.append(n.heading(1, t("year.h.assessment")))
    body += _assessment(f, scopes, n)
    body += _next_year(f, scopes, n)
    body.append(n.heading(1, t("year.h.proposals")))
    body += _selection_items(f, "proposals")
    body.append(Para(runs(t("year.end", plan=plan_ref(plan), year=f.year))))
    body.append(closing(plan, issuance, f.window[1], f.drafter))

    appendices = _appendices(f, scopes, issuance, short)
    toc = Toc(tuple(n.entries) + tuple((1, f"{s.appendix}. {s.title}", s.anchor) for s in appendices))
    body[1] = toc
    doc_title = t("year.doc_title", kind=plan.document.kind, number=plan.document.number, year=f.year)
    return Document(doc_title, generated, (Section(tuple(body)),) + tuple(appendices),
                    meta={"plan": plan.document.number, "year": str(f.year)})


# --- the opening -------------------------------------------------------------------------------


def _changes(f: YearFigures) -> list[Block]:
    """How the year's changes of the organisation were counted, in the report's own words."""
    if not f.changes:
        return []
    org = f.plan.organisation
    items = []
    for e in f.changes:
        when = format_date_short(e.date)
        olds = [org.units_by_code[c].name for c in e.from_units if c in org.units_by_code]
        news = [org.units_by_code[c].name for c in e.to_units if c in org.units_by_code]
        if e.kind == "level_end":
            kinds = [org.kinds_by_code[k] for k in e.kinds if k in org.kinds_by_code]
            ended = [d for d in f.completeness.rows if d.unit.kind in e.kinds]
            levels = {lv for k in kinds for lv in k.reports_levels}
            started = [d for d in f.completeness.rows if d.unit.start == e.date
                       and levels & set(f.plan.unit_levels(d.unit.code))]
            last = format_date_short(e.date - dt.timedelta(days=1))
            items.append(runs(t("change.level_end", when=when, kinds=", ".join(k.part_name or k.name for k in kinds),
                                ended=len(ended), start=format_date_short(f.window[0]), last=last,
                                started=len(started), first=when, end=format_date_short(f.window[1]))))
        elif e.rule == "successor":
            new_units = [org.units_by_code[c] for c in e.to_units if c in org.units_by_code]
            fresh = any(u.start == e.date for u in new_units)
            code = "change.rename" if e.kind == "rename" else ("change.merge_new" if fresh else "change.merge")
            items.append(runs(t(code, when=when, olds=", ".join(olds), news=", ".join(news))))
        else:
            items.append(runs(t("change.split", when=when, olds=", ".join(olds), news=names(news, 5))))
    return [Para(runs(t("change.lead", year=f.year))), Bullets(tuple(items))]


# --- I. results ----------------------------------------------------------------------------------


def _indicators(f: YearFigures, scopes: dict[str, str], n: _Numbering) -> list[Block]:
    plan = f.plan
    out: list[Block] = [n.heading(2, t("year.h.indicators"))]
    counted = [r for r in f.indicators if r.unassessed is not Unassessed.QUALITATIVE]
    assessed = f.assessed
    sentence = t("year.indicators.tally", year=f.year, met=len(f.met), assessed=len(assessed),
                 end=plan.period.end)
    extra = []
    if f.behind_path:
        extra.append(t("year.indicators.behind", count=len(f.behind_path)))
    if f.no_data:
        extra.append(t("year.indicators.no_data", count=len(f.no_data),
                       names="; ".join(indicator_label(r, scopes) for r in f.no_data)))
    if f.level_ended:
        extra.append(t("year.indicators.level_ended", count=len(f.level_ended)))
    if any(r.governing.not_yet for r in counted):
        extra.append(t("year.indicators.not_yet", count=sum(r.governing.not_yet for r in counted)))
    out.append(Para(runs(sentence + ("; " + "; ".join(extra) if extra else "") + ". " + t("year.indicators.pooled"))))
    out.append(_indicator_table(f, scopes))
    notes = [t("year.indicators.note", end=plan.period.end)]
    if any(r.baseline is not None and r.baseline.reference_only and r.path_expected is not None for r in f.indicators):
        notes.append(t("year.indicators.reference_only"))
    for ended in sorted({r.level_end for r in f.level_ended if r.level_end is not None}):
        key = "year.indicators.level_ended_note" if ended >= f.window[0] else "year.indicators.level_gone_note"
        notes.append(t(key, date=format_date_short(ended)))
    out.append(Para(runs(" ".join(notes)), "note"))
    drawing = chart.year_chart(f.indicators, scopes, t("year.chart.title", year=f.year))
    if drawing is not None:
        out.append(Figure(drawing))
    if f.caveats:
        out.append(Para(runs(t("year.caveats.lead")), "note"))
        out.append(Bullets(tuple(runs(c.message) for c in f.caveats[:10])))
    return out


def _indicator_table(f: YearFigures, scopes: dict[str, str]) -> Table:
    rows = []
    for i, r in enumerate(f.indicators, start=1):
        result_lines = [runs(Run(shown(r), bold=True))]
        if r.ratio is not None:
            result_lines.append(runs(f"{display.money(r.ratio.numerator)}/{display.money(r.ratio.denominator)}"))
        elif r.amount is not None:
            word = f.plan.money.unit if r.indicator.value == "amount" else r.indicator.count_unit
            if r.total is not None:
                result_lines.append(runs(t("figure.in_year", value=display.value(r.amount, r.indicator))))
            if word:
                result_lines.append(runs(word))
        state = verdict(r)
        if r.path in (PathStatus.AHEAD, PathStatus.ON_TRACK, PathStatus.BEHIND):
            state += "; " + lower_first(PATH[r.path])
        rows.append(Row((
            cell(str(i), align="center"),
            Cell((runs(r.indicator.name), runs(scopes[r.scope]))),
            cell(target_text(r, f.plan.money)),
            Cell(tuple(result_lines), "right"),
            cell(display.value(r.previous, r.indicator) if r.previous is not None else "—", align="right"),
            cell(display.percent(r.path_expected, r.indicator) if r.path_expected is not None else "—", align="right"),
            cell(state, bold=r.attainment is Attainment.NOT_REACHED),
        )))
    cols = (Column(COLUMN["tt"], 0.05, "center"), Column(COLUMN["indicator"], 0.28), Column(COLUMN["target"], 0.15),
            Column(t("col.result_year", year=f.year), 0.19, "right"),
            Column(COLUMN["previous"].format(year=f.year - 1), 0.09, "right"),
            Column(COLUMN["path"].format(year=f.year), 0.10, "right"), Column(COLUMN["verdict"], 0.14))
    return Table(cols, tuple(rows), caption=t("year.indicators.caption", year=f.year))


def _tasks(f: YearFigures, n: _Numbering) -> list[Block]:
    out: list[Block] = [n.heading(2, t("year.h.tasks"))]
    if not f.areas:
        return out + [Para(runs(t("year.tasks.none")))]
    items = []
    for area in f.areas:
        counts: dict[str, int] = {}
        lagging = []
        for task in area.tasks:
            for status, k in task.counts:
                counts[status] = counts.get(status, 0) + k
            lagging += [(task, a) for a in task.lagging]
        parts = ", ".join(f"{k} {lower_first(task_status(s))}" for s, k in counts.items())
        text = t("year.tasks.area", area=area.name, tasks=len(area.tasks), accounts=sum(counts.values()), parts=parts)
        if lagging:
            units = list(dict.fromkeys(a.unit.name for _, a in lagging))
            text += " " + t("year.tasks.lagging", units=names(units, 6))
        items.append(runs(text))
    out.append(Bullets(tuple(items)))
    out.append(Para(runs(t("year.tasks.detail")), "note"))
    return out


def _row_state(a: AppendixYear) -> str:
    if not a.reports:
        if a.in_timeframe:
            return ROW_STATE["no_report"]
        if a.earlier is not None:  # a row whose time is over: where it stood when last reported
            return t("appendix.row.earlier", state="; ".join(task_status(s) for s in a.earlier[1]), year=a.earlier[0])
        return ROW_STATE["outside"]
    state = "; ".join(task_status(s) for s in a.statuses)
    return t("appendix.row.year_done", year=a.year) if a.year_done else state


def _rows_named(rows: list[AppendixYear], limit: int = 6) -> str:
    """"TT 9, 10 và 14" when there are many; with the rows' names when there are few."""
    if len(rows) > limit:
        return "TT " + ", ".join(str(a.task.tt) for a in rows)
    return "; ".join(f"{a.task.name} (TT {a.task.tt})" for a in rows)


def _appendix_summary(f: YearFigures, n: _Numbering) -> list[Block]:
    plan = f.plan
    if not plan.appendix:
        return []
    out: list[Block] = [n.heading(2, t("year.h.appendix", kind=plan.document.kind))]
    unit = plan.money.unit
    b = f.budget
    if b is not None:
        out.append(Para(runs(t("year.appendix.budget", rows=len(plan.appendix), planned=display.money(b.planned), kind=plan.document.kind,
                                unit=unit, year=f.year, allocated=display.money(b.allocated),
                                disbursed=display.money(b.disbursed), words=money_words(plan, b.disbursed),
                                rate=display.percent(b.disbursement_rate), start=plan.period.start,
                                cumulative=display.money(b.cumulative), share=display.percent(b.cumulative_share)))))
        if b.stated_total is not None and b.stated_total != b.planned and plan.budget is not None:
            out.append(Para(runs(t("year.appendix.stated", section=plan.budget.section,
                                    stated=display.money(b.stated_total), unit=unit,
                                    words=plan.budget.stated_total_words, planned=display.money(b.planned))), "note"))
    else:
        reported = sum(1 for a in f.appendix if a.reports)
        active = sum(1 for a in f.appendix if a.in_timeframe)
        out.append(Para(runs(t("year.appendix.tasks", rows=len(plan.appendix), active=active, reported=reported, kind=plan.document.kind,
                                year=f.year))))
    done = [a for a in f.appendix if a.done]
    done_now = [a for a in done if a.reports]
    if f.year == plan.period.end and done:
        out.append(Para(runs(t("year.appendix.done_all", year=f.year, count=len(done), rows=len(f.appendix),
                                now=len(done_now), list=_rows_named(done)))))
    elif done_now:
        out.append(Para(runs(t("year.appendix.done", count=len(done_now), rows=_rows_named(done_now)))))
    year_done = [a for a in f.appendix if a.year_done]
    if year_done:
        out.append(Para(runs(t("year.appendix.year_done", count=len(year_done), year=f.year,
                                rows=", ".join(str(a.task.tt) for a in year_done)))))
    if f.rows_behind:
        out.append(Para(runs(t("year.appendix.behind", count=len(f.rows_behind)))))
        out.append(Bullets(tuple(runs(t("year.appendix.behind_row", tt=a.task.tt, name=a.task.name,
                                        lead=a.lead_name, state=lower_first(_row_state(a))))
                                 for a in f.rows_behind)))
    moved = [a for a in f.appendix if a.transferred_from]
    if moved:
        out.append(Para(runs(t("year.appendix.moved", rows="TT " + ", ".join(str(a.task.tt) for a in moved),
                                old=moved[0].transferred_from, new=moved[0].lead_name)), "note"))
    out.append(Para(runs(t("year.appendix.detail")), "note"))
    return out


def _money(f: YearFigures, scopes: dict[str, str], n: _Numbering) -> list[Block]:
    money_rows = [r for r in f.indicators if r.indicator.is_percent and r.indicator.measure == "money"]
    if not money_rows:
        return []
    out: list[Block] = [n.heading(2, t("year.h.money"))]
    unit = f.plan.money.unit
    for r in money_rows:
        ind = r.indicator
        if r.ratio is None or r.value is None:
            out.append(Para(runs(t("year.money.no_data", name=ind.name, scope=lower_first(scopes[r.scope])))))
            continue
        words = ind.money_words or f"{lower_first(ind.numerator)} trên {lower_first(ind.denominator)}"
        out.append(Para(runs(t("year.money.line", name=ind.name, scope=lower_first(scopes[r.scope]), words=words,
                                numerator=display.money(r.ratio.numerator), denominator=display.money(r.ratio.denominator),
                                unit=unit, value=shown(r), target=target_text(r, f.plan.money), verdict=lower_first(verdict(r))))))
    return out


def _selection(f: YearFigures, section: str, n: _Numbering, heading: str) -> list[Block]:
    return [n.heading(2, heading)] + _selection_items(f, section)


def _selection_items(f: YearFigures, section: str) -> list[Block]:
    items = [i for i in f.narratives[section] if i.text.strip()]
    if not items:
        return [Para(runs(t(f"year.{section}.none")))]
    seen: set[str] = set()
    distinct = []
    for i in items:  # the same sentence from several units is quoted once
        key = " ".join(first_sentence(i.text).casefold().split())
        if key not in seen:
            seen.add(key)
            distinct.append(i)
    chosen = spread(distinct, SELECTION)
    lead = t("year.selection.lead", count=len(items), section=lower_first(NARRATIVE[section]), shown=len(chosen))
    return [Para(runs(lead)), Bullets(tuple(unit_runs(i.unit, first_sentence(i.text)) for i in chosen))]


# --- II. assessment, III. next year ----------------------------------------------------------------


def _assessment(f: YearFigures, scopes: dict[str, str], n: _Numbering) -> list[Block]:
    out: list[Block] = [n.heading(2, t("year.h.achieved"))]
    achieved = []
    if f.assessed:
        achieved.append(runs(t("year.achieved.targets", met=len(f.met), assessed=len(f.assessed))))
    if f.met:
        achieved.append(runs(t("year.achieved.list", items="; ".join(f"{indicator_label(r, scopes)}: {shown(r)}" for r in f.met))))
    done = [a for a in f.appendix if a.done and a.reports]
    if done:
        achieved.append(runs(t("year.achieved.rows", count=len(done), year=f.year)))
    c = f.completeness
    achieved.append(runs(t("year.achieved.reporting", submitted=c.submitted, expected=c.expected, on_time=len(c.on_time))))
    out.append(Bullets(tuple(achieved)))
    out.append(n.heading(2, t("year.h.shortcomings")))
    items = []
    if f.not_met:
        items.append(runs(t("year.short.not_met", items="; ".join(
            f"{indicator_label(r, scopes)}: {shown(r)}, mục tiêu {target_text(r, f.plan.money)}" for r in f.not_met))))
    if f.behind_path:
        items.append(runs(t("year.short.behind", items="; ".join(
            f"{indicator_label(r, scopes)}: {shown(r)}, lộ trình {display.percent(r.path_expected, r.indicator)}"
            for r in f.behind_path))))
    if f.rows_behind:
        items.append(runs(t("year.short.rows", rows=_rows_named(f.rows_behind))))
    c = f.completeness
    reporting = []
    if c.missing:
        reporting.append(t("year.short.missing", count=len(c.missing), names=names((d.unit.name for d in c.missing), 10)))
    if c.late:
        reporting.append(t("year.short.late", count=len(c.late), names=names(
            (f"{d.unit.name} (gửi ngày {format_date_short(d.submitted)})" for d in c.late if d.submitted), 10)))
    if reporting:
        items.append(runs(t("year.short.reporting", parts="; ".join(reporting))))
    out.append(Bullets(tuple(items)) if items else Para(runs(t("year.short.none"))))
    out.append(n.heading(2, t("year.h.causes")))
    out += _selection_items(f, "shortcomings")
    return out


def _next_year(f: YearFigures, scopes: dict[str, str], n: _Numbering) -> list[Block]:
    plan = f.plan
    if f.next_year is None:
        out: list[Block] = [n.heading(1, t("year.h.next_period"))]
        out.append(Para(runs(Run(t("year.next_period.placeholder", end=plan.period.end), role="placeholder")), "placeholder"))
        return out
    out = [n.heading(1, t("year.h.next", year=f.next_year))]
    items = []
    if f.not_met:
        items.append(runs(t("year.next.not_met", end=plan.period.end,
                            items="; ".join(indicator_label(r, scopes) for r in f.not_met))))
    if f.rows_continuing:
        behind = [a for a in f.rows_behind if a in f.rows_continuing]
        text = t("year.next.rows", count=len(f.rows_continuing), year=f.next_year)
        if behind:
            text += t("year.next.rows_priority", rows=", ".join(str(a.task.tt) for a in behind))
        items.append(runs(text + "."))
    drafter = f.drafter.name if f.drafter else plan.report.drafter_text
    items.append(runs(t("year.next.reporting", drafter=drafter) if drafter else t("year.next.reporting_plain")))
    out.append(Bullets(tuple(items)))
    return out


# --- appendices -----------------------------------------------------------------------------------


def _appendices(f: YearFigures, scopes: dict[str, str], issuance: Issuance, short: bool) -> list[Section]:
    plan = f.plan
    sub = appendix_subtitle(plan, issuance)
    out = []
    k = 0

    def add(title_text: str, blocks: list[Block], landscape: bool) -> None:
        nonlocal k
        out.append(Section(tuple(blocks), landscape, f"Phụ lục {ROMAN[k]}", title_text, sub, f"phu-luc-{k + 1}"))
        k += 1

    blocks = _unit_matrix(f, scopes)
    if blocks:
        add(t("appendix.units.title", year=f.year), blocks, True)
    add(t("appendix.completeness.title", year=f.year), _completeness(f), False)
    if plan.appendix:
        add(t("appendix.rows.title", year=f.year), _rows_detail(f), True)
    if not short:
        accounts = _accounts(f)
        if accounts:
            add(t("appendix.accounts.title", year=f.year), accounts, False)
        words = _narratives_full(f)
        if words:
            add(t("appendix.narratives.title", year=f.year), words, False)
    return out


MATRIX_COLUMNS = 9  # indicator columns per table on a landscape page


def _unit_matrix(f: YearFigures, scopes: dict[str, str]) -> list[Block]:
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
        out.append(Heading(3, f"{kind.name} ({len(units)} đơn vị)"))
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


def _completeness(f: YearFigures) -> list[Block]:
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
        out.append(Heading(3, f"{kind.name} ({len(rows_of_kind)} đơn vị)"))
        rows = []
        for i, d in enumerate(rows_of_kind, start=1):
            state = TIMELINESS[d.timeliness] + (f" {d.days_late} ngày" if d.timeliness is Timeliness.LATE else "")
            covers = "" if d.coverage.whole else f"{format_date_short(d.coverage.start)}–{format_date_short(d.coverage.end)}"
            rows.append(Row((cell(str(i), align="center"), cell(d.unit.name),
                             cell(format_date_short(d.submitted) if d.submitted else "—", align="center"),
                             cell(state, bold=d.timeliness is not Timeliness.ON_TIME), cell(covers, align="center"))))
        cols = (Column(COLUMN["tt"], 0.07, "center"), Column(COLUMN["unit"], 0.43), Column(COLUMN["submitted"], 0.14, "center"),
                Column(COLUMN["state"], 0.14), Column(COLUMN["covers"], 0.22, "center"))
        out.append(Table(cols, tuple(rows), caption=kind.name, size="small"))
    return out


def _rows_detail(f: YearFigures) -> list[Block]:
    plan = f.plan
    unit = plan.money.unit
    funded = f.budget is not None
    out: list[Block] = []
    cols: tuple[Column, ...]
    if funded:
        out.append(Para(runs(t("appendix.rows.unit", unit=unit)), "center"))
        cols = (Column(COLUMN["tt"], 0.04, "center"), Column(COLUMN["task"], 0.24), Column(COLUMN["lead"], 0.12),
                Column(COLUMN["timeframe"], 0.07, "center"), Column(COLUMN["planned"], 0.08, "right"),
                Column(COLUMN["allocated_in"].format(year=f.year), 0.08, "right"),
                Column(COLUMN["disbursed_in"].format(year=f.year), 0.08, "right"),
                Column(COLUMN["cumulative"], 0.08, "right"), Column(COLUMN["cumulative_share"], 0.07, "right"),
                Column(COLUMN["state"], 0.14))
        rows = []
        for a in f.appendix:
            rows.append(Row((cell(str(a.task.tt), align="center"), cell(a.task.name), cell(a.lead_name),
                             cell(a.task.timeframe_text), cell(display.money(a.task.cost)), cell(display.money(a.allocated)),
                             cell(display.money(a.disbursed)), cell(display.money(a.cumulative)),
                             cell(display.percent(a.cumulative_share)), cell(_row_state(a), bold=a.behind))))
        b = f.budget
        assert b is not None
        rows.append(Row((cell(""), cell(t("total"), bold=True), cell(""), cell(""), cell(display.money(b.planned), bold=True),
                         cell(display.money(b.allocated), bold=True), cell(display.money(b.disbursed), bold=True),
                         cell(display.money(b.cumulative), bold=True), cell(display.percent(b.cumulative_share), bold=True),
                         cell("")), "total"))
        out.append(Table(cols, tuple(rows), caption=t("appendix.rows.title", year=f.year), size="small"))
    else:
        cols = (Column(COLUMN["tt"], 0.06, "center"), Column(COLUMN["task"], 0.40), Column(COLUMN["lead"], 0.18),
                Column(COLUMN["timeframe"], 0.12, "center"), Column(COLUMN["state"], 0.24))
        rows = []
        group = None
        for a in f.appendix:
            if a.task.group and a.task.group != group:
                group = a.task.group
                rows.append(Row((Cell((runs(Run(group, bold=True)),), span=5),), "group"))
            rows.append(Row((cell(str(a.task.tt), align="center"), cell(a.task.name), cell(a.lead_name),
                             cell(a.task.timeframe_text), cell(_row_state(a), bold=a.behind))))
        out.append(Table(cols, tuple(rows), caption=t("appendix.rows.title", year=f.year), size="small"))
    reports = [(a, r) for a in f.appendix for r in a.reports]
    if reports:
        out.append(Heading(3, t("appendix.rows.reports")))
        cols = (Column(COLUMN["tt"], 0.05, "center"), Column(COLUMN["reporting_unit"], 0.18), Column(COLUMN["state"], 0.12)) + (
            (Column(COLUMN["allocated"], 0.08, "right"), Column(COLUMN["disbursed"], 0.08, "right")) if funded else ()) + (
            Column(COLUMN["progress"], 0.49 if funded else 0.65),)
        rows = []
        for a, r in reports:
            money_cells = (cell(display.money(r.allocated)), cell(display.money(r.disbursed))) if funded else ()
            rows.append(Row((cell(str(a.task.tt), align="center"), cell(r.unit.name), cell(task_status(r.status)))
                            + money_cells + (cell(r.progress),)))
        out.append(Table(cols, tuple(rows), caption=t("appendix.rows.reports"), size="small"))
    return out


FULL_TEXT_UNITS = 100
"""Above this many reporting units, the per-unit appendices give each unit one line (its status
for each task) and leave the full texts to the report's data files: at 3,000 units the texts
alone would run to thousands of pages."""

ACCOUNT_COLUMNS = 6  # task columns per table of the status matrix


def _accounts(f: YearFigures) -> list[Block]:
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


def _narratives_full(f: YearFigures) -> list[Block]:
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

