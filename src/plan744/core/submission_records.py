"""What the cross-file checks keep of each submission: a parsed file and where it came from
(`SubmissionFile`), and a compact record of it (`FileRecord`) whose figures are packed into one
store shared by a whole run (`FigureStore`), also kept between runs as plain rows."""

from __future__ import annotations

import marshal
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from plan744.core.findings import Finding, SourceMap
from plan744.core.messages import make
from plan744.core.submission import Submission


@dataclass(frozen=True, slots=True, eq=False)  # identity: two files are never "equal"
class SubmissionFile:
    """A parsed submission and where it came from."""

    submission: Submission
    source: SourceMap
    folder: str  # name of the folder holding the file ("2022" by convention)
    stem: str  # file name without extension ("STTTT" by convention)


@dataclass(frozen=True, slots=True, eq=False)
class FileRecord:
    """What the cross-file checks need of one submission, with the positions they report at.
    A few hundred bytes, so `validate` keeps one per file instead of the whole parse."""

    file: str
    unit: str
    year: int
    unit_pos: tuple[int, int]
    # (index in the appendix list, row number as text, "allocated" or "disbursed", amount, position):
    # cumulative spending and last year's amounts are compared with these
    money: tuple[tuple[int, str, str, Decimal, tuple[int, int]], ...]
    # (indicator, level, side) -> figure, packed into a store shared by all the records of a run
    # (`FigureStore`): a validate of 100,000 files keeps 100,000 records, and one large buffer
    # instead of 100,000 small objects. No positions: a jump is rare, so its finding carries only
    # the path and the caller locates it (services.validate.locate_findings re-reads that file).
    store: FigureStore
    span: int  # start << 32 | end in the store's buffer: one small int instead of a tuple of two
    # A workbook's cells of the paths reported above (unit, money), so that a finding about
    # a workbook names its cell without the file being read again; None for a text file.
    cells: dict[tuple, str] | None = None

    @property
    def figures(self) -> dict[tuple[str, str, str], int | Decimal]:
        return self.store.read(self.span >> 32, self.span & 0xFFFFFFFF)

    def finding(self, code: str, pos: tuple[int, int], path: tuple, **params: Any) -> Finding:
        cell = self.cells.get(path, "") if self.cells else ""
        return make(code, file=self.file, line=pos[0], column=pos[1], path=path, cell=cell, **params)


def record_of(sf: SubmissionFile, store: FigureStore | None = None) -> FileRecord:
    sub, locate = sf.submission, sf.source.locate
    store = store if store is not None else FigureStore()
    money = tuple((i, str(rep.tt), side, amount, store.position(locate(("appendix", i, side))))
                  for i, rep in enumerate(sub.appendix)
                  for side in ("allocated", "disbursed") if (amount := getattr(rep, side)) is not None)
    cells = None
    if sf.source.cells:
        paths = [("unit",)] + [("appendix", i, side) for i, _, side, *_ in money]
        cells = {path: sf.source.cell(path) for path in paths}
    return FileRecord(
        file=sf.source.file,
        unit=sys.intern(sub.unit),
        year=sub.year,
        unit_pos=store.position(locate(("unit",))),
        money=money,
        store=store,
        span=store.add(
            ((ind_id, level, side), getattr(counts, side))
            for ind_id, levels in sub.indicators.items()
            for level, counts in levels.items()
            for side in ("numerator", "denominator", "value")
            if getattr(counts, side) is not None
        ),
        cells=cells,
    )


RecordRow = tuple[str, str, int, tuple[int, int], tuple, list, "dict[tuple, str] | None"]


def record_row(rec: FileRecord) -> RecordRow:
    """A record as plain values, free of its store (to be kept between runs)."""
    return (rec.file, rec.unit, rec.year, rec.unit_pos, rec.money, list(rec.figures.items()), rec.cells)


def record_from(row: RecordRow, store: FigureStore) -> FileRecord:
    file, unit, year, unit_pos, money, figures, cells = row
    return FileRecord(file=file, unit=sys.intern(unit), year=year, unit_pos=store.position(unit_pos),
                      money=money, store=store, span=store.add(figures), cells=cells)


class FigureStore:
    """The figures of many records in one buffer: each (indicator, level, side) gets a number
    the first time it is seen, and a record's figures are marshalled (number, value) pairs, a
    decimal as its exact text. Positions shared by many records are kept once."""

    __slots__ = ("buffer", "ids", "keys", "positions")

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.ids: dict[tuple[str, str, str], int] = {}
        self.keys: list[tuple[str, str, str]] = []
        self.positions: dict[tuple[int, int], tuple[int, int]] = {}

    def position(self, pos: tuple[int, int]) -> tuple[int, int]:
        return self.positions.setdefault(pos, pos)

    def add(self, items: Iterable[tuple[tuple[str, str, str], int | Decimal]]) -> int:
        flat: list[int | str] = []
        for key, value in items:
            kid = self.ids.get(key)
            if kid is None:
                kid = self.ids[key] = len(self.keys)
                self.keys.append(key)
            flat += [kid, value if isinstance(value, int) else str(value)]
        start = len(self.buffer)
        self.buffer += marshal.dumps(tuple(flat))
        return start << 32 | len(self.buffer)

    def read(self, start: int, end: int) -> dict[tuple[str, str, str], int | Decimal]:
        flat = marshal.loads(bytes(self.buffer[start:end]))
        keys = self.keys
        return {keys[flat[i]]: v if isinstance(v := flat[i + 1], int) else Decimal(v) for i in range(0, len(flat), 2)}
