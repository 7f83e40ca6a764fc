"""What the cross-file checks keep of each submission: a parsed file and where it came from
(`SubmissionFile`), and a compact record of it (`FileRecord`) whose figures are packed into one
store shared by a whole run (`FigureStore`), also kept between runs as plain rows."""

from __future__ import annotations

import marshal
import struct
import sys
from array import array
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
        year=store.shared(sub.year),
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
    return FileRecord(file=file, unit=sys.intern(unit), year=store.shared(year), unit_pos=store.position(unit_pos),
                      money=money, store=store, span=store.add(figures), cells=cells)


class FigureStore:
    """The figures of many records in one buffer. Each (indicator, level, side) gets a number
    the first time it is seen, and each list of such numbers (a layout: the reports of one
    kind of unit share one) too; a record is its layout's number and its values, packed two or
    four bytes each when all are counts, else marshalled, a decimal as its exact text (or, past
    `_MAX_LAYOUTS`, (number, value) pairs). Positions shared by many records are kept once.

    At 100,000 files this buffer is the largest thing a run keeps: a report of counts takes
    about 2 bytes a figure instead of 10 with every pair marshalled."""

    __slots__ = ("buffer", "ids", "keys", "layouts", "layout_ids", "positions", "numbers")

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.ids: dict[tuple[str, str, str], int] = {}
        self.keys: list[tuple[str, str, str]] = []
        self.layout_ids: dict[tuple[int, ...], int] = {}
        self.layouts: list[tuple[int, ...]] = []
        self.positions: dict[tuple[int, int], tuple[int, int]] = {}
        self.numbers: dict[int, int] = {}

    def position(self, pos: tuple[int, int]) -> tuple[int, int]:
        return self.positions.setdefault(pos, pos)

    def shared(self, number: int) -> int:
        """One object per year: Python keeps only -5…256 once, so 100,000 records would hold
        100,000 equal ints."""
        return self.numbers.setdefault(number, number)

    def add(self, items: Iterable[tuple[tuple[str, str, str], int | Decimal]]) -> int:
        kids: list[int] = []
        values: list[int | Decimal] = []
        for key, value in items:
            kid = self.ids.get(key)
            if kid is None:
                kid = self.ids[key] = len(self.keys)
                self.keys.append(key)
            kids.append(kid)
            values.append(value)
        start = len(self.buffer)
        self.buffer += self._packed(tuple(kids), values)
        return start << 32 | len(self.buffer)

    def _packed(self, layout: tuple[int, ...], values: list[int | Decimal]) -> bytes:
        lid = self.layout_ids.get(layout)
        if lid is None and len(self.layouts) < _MAX_LAYOUTS:
            lid = self.layout_ids[layout] = len(self.layouts)
            self.layouts.append(layout)
        if lid is not None and all(v.__class__ is int for v in values):  # not bool: it would come back as 0 or 1
            top = max(values, default=0)
            if min(values, default=0) >= 0 and top <= 0xFFFFFFFF:
                code = _SHORT if top <= 0xFFFF else _LONG
                return _HEAD.pack(code, lid) + array(_TYPECODE[code], values).tobytes()  # type: ignore[type-var]  # all int here
        kept = [v if isinstance(v, int) else str(v) for v in values]  # a decimal as its exact text
        if lid is None:
            return _HEAD.pack(_PAIRS, 0) + marshal.dumps(tuple(x for pair in zip(layout, kept, strict=True) for x in pair))
        return _HEAD.pack(_MARSHALLED, lid) + marshal.dumps(tuple(kept))

    def read(self, start: int, end: int) -> dict[tuple[str, str, str], int | Decimal]:
        code, lid = _HEAD.unpack_from(self.buffer, start)
        body = bytes(self.buffer[start + _HEAD.size:end])
        keys = self.keys
        if code == _PAIRS:
            flat = marshal.loads(body)
            return {keys[flat[i]]: v if isinstance(v := flat[i + 1], int) else Decimal(v) for i in range(0, len(flat), 2)}
        if code == _MARSHALLED:
            values = marshal.loads(body)
            return {keys[kid]: v if isinstance(v, int) else Decimal(v) for kid, v in zip(self.layouts[lid], values, strict=True)}
        packed = array(_TYPECODE[code])
        packed.frombytes(body)
        return {keys[kid]: value for kid, value in zip(self.layouts[lid], packed.tolist(), strict=True)}


_HEAD = struct.Struct("=BI")  # how the values are packed, and the layout's number
_SHORT, _LONG, _MARSHALLED, _PAIRS = 0, 1, 2, 3  # two or four bytes a count; marshalled values; (number, value) pairs
_TYPECODE = {_SHORT: "H", _LONG: "I" if array("I").itemsize >= 4 else "L"}
_MAX_LAYOUTS = 65_536
"""Past this many layouts (files that each report different figures), a record keeps its own
pairs instead of growing the table of layouts without bound."""
