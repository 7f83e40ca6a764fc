"""The organisation checked as a graph over time: events that agree with the units' lives.

An event says that on a day units passed to others. It contradicts the organisation when it
names a unit that is unknown, not yet created or already ended on that day; when a unit passes
into itself; when merges and renames lead back to a unit they started from (a unit would be its
own predecessor); or when a merge or rename gives one unit two successors without saying how
its year is shared (`kind: split` or `reporting: split`). Two units alive at the same time,
of the same kind under the same parent, may not carry the same name once spelling variants
are set aside: one commune listed twice would be counted twice.

Each problem is a finding located in the file that holds the organisation (`OrgPlace`).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from plan744.core.findings import Finding, SourceMap
from plan744.core.messages import make
from plan744.core.organisation import Event, Organisation, Unit
from plan744.core.vnformat import format_day

_DAY = dt.timedelta(days=1)
# The five Vietnamese tone marks, decomposed: huyền, sắc, ngã, hỏi, nặng.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
# Kinds whose `from` units pass into their `to` units (a transfer moves rows, the unit stays).
_SUCCESSION = ("merge", "rename", "reorganise", "split")
_INTO_ITSELF = {
    "merge": "hợp nhất vào chính nó",
    "rename": "đổi tên thành chính nó",
    "transfer": "chuyển giao cho chính nó",
    "reorganise": "tổ chức lại thành chính nó",
    "level_end": "kết thúc vào chính nó",
}


@dataclass(frozen=True)
class OrgPlace:
    """Where the organisation's parts sit: in the plan file (schema v1: `registry`, `unit_kinds`;
    or an inline `organisation` mapping), or in a file of its own."""

    source: SourceMap
    units: tuple = ("units",)
    kinds: tuple = ("kinds",)
    groups: tuple = ("groups",)
    counts: tuple = ("expected_counts",)
    events: tuple = ("events",)
    roles: tuple = ("roles",)

    @classmethod
    def in_v1_plan(cls, source: SourceMap) -> OrgPlace:
        return cls(source, ("registry", "units"), ("unit_kinds",), ("registry", "groups"),
                   ("registry", "expected_counts"), ("events",), ("roles",))

    @classmethod
    def inline(cls, source: SourceMap) -> OrgPlace:
        p = ("organisation",)
        return cls(source, p + ("units",), p + ("kinds",), p + ("groups",), p + ("expected_counts",),
                   p + ("events",), p + ("roles",))


def name_key(name: str) -> str:
    """A unit's name as compared for duplicates: NFC, case and spacing set aside, and the tone
    mark moved to the end of its syllable, so the old and new placements ("hòa"/"hoà",
    "thủy"/"thuỷ") are one name. A syllable carries one tone, so moving it loses nothing."""
    words = []
    for word in unicodedata.normalize("NFC", name).casefold().split():
        decomposed = unicodedata.normalize("NFD", word)
        tones = "".join(ch for ch in decomposed if ch in _TONES)
        bare = "".join(ch for ch in decomposed if ch not in _TONES)
        words.append(unicodedata.normalize("NFC", bare) + tones)
    return " ".join(words)


@dataclass
class _Org:
    org: Organisation
    place: OrgPlace
    findings: list[Finding] = field(default_factory=list)

    def add(self, code: str, path: tuple, **params: Any) -> None:
        line, column = self.place.source.locate(path)
        self.findings.append(make(code, file=self.place.source.file, line=line, column=column, path=path, **params))

    def line(self, path: tuple) -> int:
        return self.place.source.locate(path)[0]

    def known(self, path: tuple, code: str) -> bool:
        if code in self.org.units_by_code:
            return True
        valid = list(self.org.units_by_code)
        shown = ", ".join(valid[:12]) + (", …" if len(valid) > 12 else "")
        self.add("plan-unknown-ref", path, what="Đơn vị", ref=code, valid=shown or "(không có)")
        return False


def check_organisation(org: Organisation, place: OrgPlace) -> list[Finding]:
    c = _Org(org, place)
    closing = _cycles(c)
    _events(c, skip=closing)
    _same_names(c)
    return c.findings


def _events(c: _Org, skip: frozenset[int]) -> None:
    """Each event names units alive on its date and agrees with their dates; a unit passes to
    one successor unless the event says how its year is split."""
    org, units = c.org, c.org.units_by_code
    successor_of: dict[str, tuple[int, str]] = {}  # unit -> (event index, its successor)
    for i, e in sorted(enumerate(org.events), key=lambda ie: ie[1].date):
        base = (*c.place.events, i)
        itself = sorted(set(e.from_units) & set(e.to_units)) if e.kind != "split" else []
        for code in itself:  # a split may leave part of a unit where it was; nothing else may
            c.add("org-event-self", (*base, "to", e.to_units.index(code)), event=e.id, unit=code,
                  what=_INTO_ITSELF[e.kind])
        if itself or i in skip:  # the loop it makes says more than its dates would
            for side, codes in (("from", e.from_units), ("to", e.to_units)):
                for j, code in enumerate(codes):
                    c.known((*base, side, j), code)
            continue
        alive = {side: [code for j, code in enumerate(codes) if c.known((*base, side, j), code)
                        and _alive(c, e, (*base, side, j), units[code])]
                 for side, codes in (("from", e.from_units), ("to", e.to_units))}
        for j, code in enumerate(e.from_units):
            if code in alive["from"] and e.kind in ("merge", "rename", "reorganise") and units[code].end != e.date - _DAY:
                c.add("org-event-dates", (*base, "from", j), unit=code, event=e.id,
                      expected=f"ngày kết thúc {format_day(e.date - _DAY)}")
        for j, code in enumerate(e.to_units):
            start = units[code].start if code in alive["to"] else None
            if e.kind in ("rename", "reorganise", "split") and start is not None and start != e.date:
                c.add("org-event-dates", (*base, "to", j), unit=code, event=e.id,
                      expected=f"ngày bắt đầu {format_day(e.date)}")
        if e.kind not in ("merge", "rename") or e.rule != "successor":
            continue
        after = [code for code in dict.fromkeys(e.to_units) if code not in e.from_units]
        if len(after) > 1:
            c.add("org-event-two-successors", (*base, "to", e.to_units.index(after[1])), event=e.id,
                  unit=", ".join(e.from_units), successors=", ".join(after))
            continue
        for j, code in enumerate(e.from_units):
            if code not in alive["from"] or not after:
                continue
            first = successor_of.setdefault(code, (i, after[0]))
            if first[1] != after[0]:  # the same day, or its end would have been reported
                c.add("org-event-two-successors", (*base, "from", j), event=e.id, unit=code,
                      successors=f"{first[1]} (sự kiện “{org.events[first[0]].id}”), {after[0]}")
    for i, e in enumerate(org.events):
        if e.kind == "level_end":
            ended = [u.code for u in org.units if u.kind in e.kinds and (u.end is None or u.end >= e.date)]
            if ended:
                c.add("org-level-end-units", (*c.place.events, i, "date"), event=e.id, count=len(ended),
                      units=", ".join(ended[:5]) + (", …" if len(ended) > 5 else ""))


def _alive(c: _Org, e: Event, path: tuple, unit: Unit) -> bool:
    """Whether the unit exists when the event needs it: a unit passing on, the day before the
    event; a unit receiving, on its date. Says why not."""
    side = path[-2]
    day = e.date - _DAY if side == "from" else e.date
    if unit.alive_on(day):
        return True
    if unit.start is not None and unit.start > day:
        state = f"đơn vị này bắt đầu hoạt động từ ngày {format_day(unit.start)}"
    else:
        assert unit.end is not None
        state = f"đơn vị này đã kết thúc hoạt động ngày {format_day(unit.end)}"
    need = ("đơn vị trước (from) phải còn hoạt động ngày " if side == "from"
            else "đơn vị sau (to) phải đang hoạt động ngày ") + format_day(day)
    c.add("org-event-unit-not-alive", path, event=e.id, date=format_day(e.date), unit=unit.code, state=state, need=need)
    return False


def _cycles(c: _Org) -> frozenset[int]:
    """Events (by index) that close a loop of successions: A → B, then B → A (a rename loop), or
    A → B → C → A. Edges are added in date order; an edge that would close a loop is reported
    and left out, so one loop is reported once."""
    events = c.org.events
    edges: dict[str, list[tuple[str, int]]] = {}
    closing: set[int] = set()
    for i, e in sorted(enumerate(events), key=lambda ie: ie[1].date):
        if e.kind not in _SUCCESSION:
            continue
        for j, after in enumerate(e.to_units):
            for before in e.from_units:
                if before == after:
                    continue
                back = _path(edges, after, before)
                if back is None:
                    edges.setdefault(before, []).append((after, i))
                    continue
                chain = f"{before} → {after} (sự kiện “{e.id}”, {format_day(e.date)})" + "".join(
                    f" → {unit} (sự kiện “{events[k].id}”, {format_day(events[k].date)})" for unit, k in back)
                c.add("org-event-cycle", (*c.place.events, i, "to", j), event=e.id, unit=before, chain=chain)
                closing.add(i)
    return frozenset(closing)


def _path(edges: dict[str, list[tuple[str, int]]], start: str, goal: str) -> list[tuple[str, int]] | None:
    """The steps (unit, event index) from `start` to `goal` along `edges`, or None."""
    came: dict[str, tuple[str, int] | None] = {start: None}
    todo = [start]
    while todo:
        here = todo.pop(0)
        if here == goal:
            steps: list[tuple[str, int]] = []
            while (prev := came[here]) is not None:
                steps.append((here, prev[1]))
                here = prev[0]
            return steps[::-1]
        for there, k in edges.get(here, []):
            if there not in came:
                came[there] = (here, k)
                todo.append(there)
    return None


def _same_names(c: _Org) -> None:
    """Two units of one kind under one parent, alive on a common day, with one name."""
    groups: dict[tuple[str, str | None, str], list[int]] = {}
    for i, u in enumerate(c.org.units):
        groups.setdefault((u.kind, u.parent, name_key(u.name)), []).append(i)
    for indices in groups.values():
        for n, i in enumerate(indices[1:], 1):
            u = c.org.units[i]
            for k in indices[:n]:
                other = c.org.units[k]
                common = _overlap(u, other)
                if common is None:
                    continue
                kind = c.org.kinds_by_code.get(u.kind)
                c.add("org-unit-same-name", (*c.place.units, i, "name"), unit=u.code, name=u.name,
                      other=other.code, other_name=other.name, first_line=c.line((*c.place.units, k, "name")),
                      kind=kind.name if kind else u.kind, parent=f" thuộc {u.parent}" if u.parent else "",
                      when=f"từ ngày {format_day(common)}" if common != dt.date.min else "trong cùng thời gian")
                break


def _overlap(a: Unit, b: Unit) -> dt.date | None:
    """The first day both units exist (date.min: since before anything tracked), or None."""
    start = max(a.start or dt.date.min, b.start or dt.date.min)
    end = min(a.end or dt.date.max, b.end or dt.date.max)
    return start if start <= end else None

