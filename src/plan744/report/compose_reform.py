"""The reform told: one paragraph of what merged into what and from which day, who now leads the
plan and which appendix rows moved (with their true previous leads), and how the figures were
counted across the change; units named as they were; the opening's request letter and sources.

Used by the opening of the annual report (`compose_year`) and of the close-out (`compose_period`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence

from plan744.core.labels import lower_first
from plan744.core.notes import ReportNotes
from plan744.core.organisation import Event, Organisation, Unit
from plan744.core.plan import AppendixTask, Plan
from plan744.core.reform import (
    by_first_word,
    days,
    drafter_change,
    ended_on,
    moves,
    runs_of,
    started_on,
    successor_on,
)
from plan744.core.vnformat import format_day
from plan744.report.compose_common import t
from plan744.report.document import Block, Para, Run, runs

Finished = Callable[[AppendixTask, int], bool]


# --- names ----------------------------------------------------------------------------------


def in_sentence(name: str) -> str:
    """A unit's name inside a sentence: "xã Mỹ Lý", "thành phố Vinh", "các sở, ban, ngành liên
    quan", but "Sở Y tế" (an agency's proper name keeps its capital). Only the generic kind word
    is lowered, never the proper name after it."""
    for prefix in t("reform.lower_prefixes").split("|"):
        if name.startswith(prefix + " "):
            return lower_first(name)
    plural = t("reform.lower_plural")
    if name.startswith(plural + " "):  # a group: "Các Sở, ban, ngành liên quan"
        rest = name[len(plural) + 1:]
        for kind in t("reform.lower_kinds").split("|"):
            if rest.startswith(kind) and rest[len(kind):len(kind) + 1] in (" ", ",", ""):
                rest = lower_first(rest)
                break
        return lower_first(plural) + " " + rest
    return name


def unit_name(org: Organisation, code: str) -> str:
    unit = org.units_by_code.get(code)
    if unit is not None:
        return unit.name
    group = org.groups_by_code.get(code)
    return group.name if group is not None else code


def name_as_of(plan: Plan, code: str, now: dt.date) -> str:
    """A unit (a lead of the year the work was done) named for a report read on `now`:
    "Sở Thông tin và Truyền thông (nay là Sở Khoa học và Công nghệ)" when it has become another,
    "Huyện Kỳ Sơn (cũ)" when it ended with no single successor, its own name while it exists
    (and for a group such as "Các Sở, ban, ngành liên quan")."""
    org = plan.organisation
    unit = org.units_by_code.get(code)
    if unit is None or unit.alive_on(now):
        return unit_name(org, code)
    successor = successor_on(org, code, now)
    if successor is not None:
        return t("reform.now", name=unit.name, successor=unit_name(org, successor))
    return t("reform.former", name=unit.name)


def joined(items: Sequence[str]) -> str:
    """"A, B và C"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {t('reform.and')} " + items[-1]


def rows_text(rows: Iterable[int | str]) -> str:
    """"1, 2, 4, 8, 11, 12, 17 - 24"."""
    return ", ".join(str(a) if b is None else f"{a} - {b}" for a, b in runs_of(rows))


def _mark(e: Event) -> str:
    return "" if e.confirmed else t("reform.unconfirmed_mark")


# --- the paragraph --------------------------------------------------------------------------


def _act(e: Event) -> str:
    """The act an event cites, as the first clause of its source ("Nghị quyết số 1678/NQ-UBTVQH15
    ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội"), or "" when the source is not a citation."""
    on, by, number = t("reform.act_date"), t("reform.act_by"), t("reform.act_number")
    m = re.match(rf"^(.+? {on} \d{{1,2}}/\d{{1,2}}/\d{{4}} {by} [^,;(]+?)\s*(?:[,;(]|$)", e.source)
    if not m:
        return ""
    text = m.group(1)
    if f" {number} " in text:
        return text
    return re.sub(r"^(\S+(?: \S+)?) (\d)", lambda g: f"{g.group(1)} {number} {g.group(2)}", text, count=1)


def _level_names(plan: Plan, codes: Iterable[str]) -> list[str]:
    return [plan.levels_by_code[c].name for c in codes if c in plan.levels_by_code]


def _ended_levels(plan: Plan, e: Event) -> list[str]:
    """The levels no unit reports any more once the kinds of `e` end."""
    org = plan.organisation
    ending = {lv for k in e.kinds if k in org.kinds_by_code for lv in org.kinds_by_code[k].reports_levels}
    going_on = {lv for k in org.kinds if k.code not in e.kinds
                and any(u.kind == k.code and u.alive_on(e.date) for u in org.units) for lv in k.reports_levels}
    return [lv for lv in org.kinds_by_code[e.kinds[0]].reports_levels if lv in ending - going_on] if e.kinds else []


def _new_units(plan: Plan, e: Event) -> tuple[list[Unit], list[str]]:
    """The units that begin with a level's end, and the levels they report."""
    org = plan.organisation
    ended_levels = {lv for k in e.kinds if k in org.kinds_by_code for lv in org.kinds_by_code[k].reports_levels}
    new = [u for u in started_on(org, e.date) if set(org.levels_of(u.code)) & ended_levels]
    levels = sorted({lv for u in new for lv in org.levels_of(u.code)})
    return new, levels


def _item(org: Organisation, e: Event) -> str:
    olds = [in_sentence(unit_name(org, c)) for c in e.from_units]
    news = [unit_name(org, c) for c in e.to_units]
    if e.kind == "rename":
        text = t("reform.item_rename", old=joined(olds), new=joined(news))
    elif e.kind == "merge":
        fresh = all(org.units_by_code[c].start == e.date for c in e.to_units if c in org.units_by_code)
        if fresh and len(olds) > 1:
            text = t("reform.item_merge_new", new=joined(news), olds=", ".join(olds[:-1]) + f" {t('reform.with')} " + olds[-1])
        else:
            text = t("reform.item_merge", new=joined(news), olds=joined(olds))
    else:
        text = t("reform.item_split", olds=joined(olds), news=joined(news))
    return text + _mark(e)


def _clauses(plan: Plan, events: Sequence[Event]) -> list[str]:
    """One clause per day: the end of a level first, then the bodies merged or renamed."""
    org = plan.organisation
    out = []
    for day, group in days(events):
        parts = []
        for e in group:
            if e.kind != "level_end":
                continue
            text = t("reform.level_end", levels=joined(_level_names(plan, _ended_levels(plan, e)))) + _mark(e)
            new, levels = _new_units(plan, e)
            if new:
                words = by_first_word(new, t("reform.unit_prefixes").split("|"))
                act = _act(e)
                text += ", " + t("reform.new_units", area=t("reform.area"), count=len(new),
                                 level=joined(_level_names(plan, levels)),
                                 parts=", ".join(f"{k} {lower_first(p)}" for p, k in words),
                                 act=t("reform.act", act=act) if act else "")
            parts.append(text)
        units = [e for e in group if e.kind != "level_end"]
        if len(units) == 1 and units[0].kind == "merge" and len(units[0].to_units) == 1:
            e = units[0]
            parts.append(t("reform.merge_into", olds=joined([in_sentence(unit_name(org, c)) for c in e.from_units]),
                           new=in_sentence(unit_name(org, e.to_units[0]))) + _mark(e))
        elif units:
            parts.append(t("reform.list", items=", ".join(_item(org, e) for e in units)))
        out.append(t("reform.day", when=format_day(day), parts="; ".join(parts)))
    return out


def _counting(plan: Plan, events: Sequence[Event]) -> list[str]:
    """How the figures of a year that straddles a change were counted."""
    org = plan.organisation
    out: list[str] = []
    if any(e.rule == "successor" for e in events):
        out.append(t("reform.count_successor"))
    for e in events:
        if e.kind != "level_end":
            continue
        last = e.date - dt.timedelta(days=1)
        ended = _ended_levels(plan, e)
        new, new_levels = _new_units(plan, e)
        kinds = [org.kinds_by_code[k] for k in e.kinds if k in org.kinds_by_code]
        new_kinds = [org.kinds_by_code[k] for k in dict.fromkeys(u.kind for u in new) if k in org.kinds_by_code]
        parts = [t("reform.count_ended", level=joined(_level_names(plan, ended)), year=last.year,
                   count=len(ended_on(org, last, e.kinds)), kinds=joined([k.part_name or k.name for k in kinds]),
                   last=format_day(last))] if ended else []
        shared = [lv for lv in new_levels if lv not in ended]
        if shared and new:
            parts.append(t("reform.count_shared", level=joined(_level_names(plan, shared)), year=e.date.year,
                           ended=joined([k.part_name or k.name for k in kinds]), last=format_day(last),
                           count=len(new), new=joined([k.part_name or k.name for k in new_kinds]),
                           first=format_day(e.date)))
        if parts:
            out.append("; ".join(parts) + ".")
    return out


def reform(plan: Plan, events: Sequence[Event], finished: Finished, *, year: int | None = None,
           span: str = "") -> list[Block]:
    """The reform paragraph for the changes `events` (a year's, or a span's), then who took over
    the plan and the appendix rows that moved, the counting rule, and the note on facts still to
    be confirmed. `finished(task, year)` says whether a row was finished before that year (from
    the data): such a row did not move with its lead."""
    if not events:
        return []
    org = plan.organisation
    clauses = _clauses(plan, events)
    # one sentence per date of change (a reader loses a 200-word sentence): the first after the lead
    first, rest = clauses[0], clauses[1:]
    lead = (t("reform.lead_year", year=year, clauses=first) if year is not None
            else t("reform.lead_period", span=span, clauses=first))
    sentences = [lead] + [c[:1].upper() + c[1:] + "." for c in rest]
    taken: dict[dt.date, list[str]] = {}
    for day, _ in days(events):
        change = drafter_change(plan, day)
        if change is not None:
            taken.setdefault(day, []).append(t("reform.drafter", old=unit_name(org, change[0]),
                                               new=unit_name(org, change[1]), kind=plan.document.kind))
    moved = moves(plan, events, finished)
    for m in moved:
        code = "reform.move_many" if len(m.rows) > 1 else "reform.move_one"
        taken.setdefault(m.date, []).append(t(code, rows=rows_text(m.rows), old=unit_name(org, m.old),
                                              new=unit_name(org, m.new)))
    for day, items in taken.items():
        if plan.funded and any(m.date == day for m in moved):  # disbursement runs on only where rows carry money
            items.append(t("reform.cumulative", start=plan.period.start))
        sentences.append(t("reform.taken_over", when=format_day(day), items="; ".join(items)))
    out: list[Block] = [Para(runs(" ".join(sentences)))]
    counting = _counting(plan, events)
    if counting:
        out.append(Para(runs(" ".join(counting))))
    if any(not e.confirmed for e in events):
        out.append(Para(runs(t("reform.unconfirmed_note")), "note"))
    return out


# --- the opening ----------------------------------------------------------------------------


def request_run(notes: ReportNotes | None) -> Run:
    """"Thực hiện Công văn số …" from the notes file, or a visible placeholder."""
    letter = notes.request if notes is not None else None
    if letter is None:
        return Run(t("reform.request_blank"), role="placeholder")
    subject = t("reform.request_subject", subject=lower_first(letter.subject)) if letter.subject else ""
    return Run(t("reform.request", kind=letter.kind, number=letter.number, date=format_day(letter.date),
                 issuer=letter.issuer, subject=subject), role="placeholder" if notes and notes.illustrative else "")


def sources(org: Organisation, coverages: Iterable[tuple[Unit, dt.date, dt.date]], start: dt.date, end: dt.date) -> str:
    """Who reported, by kind, with the part of the span each kind covered: "các sở, ban, ngành,
    đơn vị cấp huyện (đến ngày 30/6/2025) và đơn vị cấp xã (từ ngày 01/7/2025)"."""
    spans: dict[str, tuple[dt.date, dt.date]] = {}
    for unit, first, last in coverages:
        a, b = spans.get(unit.kind, (first, last))
        spans[unit.kind] = (min(a, first), max(b, last))
    items = []
    for kind in org.kinds:
        if kind.code not in spans or not kind.reports_levels:
            continue
        a, b = spans[kind.code]
        name = kind.part_name or lower_first(kind.name)
        if b < end:
            items.append(t("reform.source_until", kind=name, date=format_day(b)))
        elif a > start:
            items.append(t("reform.source_since", kind=name, date=format_day(a)))
        else:
            items.append(name)
    return t("reform.sources", items=joined(items))


def unit_list(units: Sequence[Unit], first: bool) -> str:
    """Units named in a sentence ("Xã Mỹ Lý" at its start, "xã Mỹ Lý" after)."""
    from plan744.report.compose_common import names

    shown = [in_sentence(u.name) for u in units]
    text = names(shown, 6)
    return text[:1].upper() + text[1:] if first else text
