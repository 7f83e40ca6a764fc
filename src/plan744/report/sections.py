"""Sections as data: each kind of report is a list of entries (a code, what writes the section,
and the condition under which it applies), and the composers walk that list. A plan without an
appendix, an unfunded appendix or a mid-term review drops or swaps entries through their
condition instead of branching inside the composers."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from plan744.report.compose_common import Appendices, Numbering
from plan744.report.document import Block

C = TypeVar("C")


@dataclass(frozen=True)
class Part(Generic[C]):
    """A section of the body: written by `build(report, numbering)`; `needs` names a condition."""

    code: str
    build: Callable[[C, Numbering], list[Block]]
    needs: str | None = None


@dataclass(frozen=True)
class Annex(Generic[C]):
    """An appendix ("Phụ lục …"); one whose builder returns no blocks is left out. Its builder
    gets the body's numbering, to cite a section by its number ("mục II.1")."""

    code: str
    title: Callable[[C], str]
    build: Callable[[C, Numbering], list[Block]]
    landscape: Callable[[C], bool]
    needs: str | None = None


Conditions = Mapping[str, Callable[[C], bool]]


def applicable(entries: Iterable[Part[C]] | Iterable[Annex[C]], conditions: Conditions[C], report: C) -> list:
    """The entries whose condition holds for this report, in the list's order."""
    return [e for e in entries if e.needs is None or conditions[e.needs](report)]


def body(parts: Iterable[Part[C]], conditions: Conditions[C], report: C, n: Numbering) -> list[Block]:
    out: list[Block] = []
    for part in applicable(parts, conditions, report):
        first = len(n.entries)
        out += part.build(report, n)
        n.claim(part.code, first)
    return out


def annexes(entries: Iterable[Annex[C]], conditions: Conditions[C], report: C, out: Appendices,
            n: Numbering) -> None:
    """The appendices that apply, after the body (`n` holds its numbering)."""
    for a in applicable(entries, conditions, report):
        blocks = a.build(report, n)
        if blocks:
            out.add(a.title(report), blocks, a.landscape(report))
