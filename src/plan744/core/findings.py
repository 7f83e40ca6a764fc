"""Findings: every problem plan744 reports is one small immutable value, and the source
map that places a value of a file: at a line and column of a text file, or at a cell of a
workbook (`Place`).

The core returns lists of findings; only the CLI's reporters print them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


Path = tuple[str | int, ...]

_CELL = re.compile(r"([A-Z]{1,3})(\d{1,7})")


@dataclass(frozen=True, slots=True)
class Place:
    """Where a finding sits: a line and column (1-based) of a text file, or a sheet and cell of
    a workbook ("Chỉ tiêu", "F12"), never both; neither for a finding about a whole file.

    A workbook's place has no line: the reporters print its cell, not a row number passed off
    as a line of a file the user never saw."""

    line: int = 0
    column: int = 0
    sheet: str = ""
    cell: str = ""  # on `sheet`: "F12"

    def __post_init__(self) -> None:
        if (self.sheet or self.cell) and (self.line or self.column):
            raise ValueError("a place is a line of a file or a cell of a workbook, not both")

    @staticmethod
    def at_cell(sheet: str, cell: str) -> Place:
        return Place(sheet=sheet, cell=cell)

    @staticmethod
    def of_reference(reference: str) -> Place:
        """"Chỉ tiêu!F12" as a place (a sheet's name may hold "!"; a cell's never does)."""
        sheet, _, cell = reference.rpartition("!")
        return Place(sheet=sheet, cell=cell)

    @property
    def in_workbook(self) -> bool:
        return bool(self.sheet or self.cell)

    def __str__(self) -> str:
        """"Chỉ tiêu!F12", "12:3", or "" for the whole file."""
        if self.in_workbook:
            return f"{self.sheet}!{self.cell}"
        return f"{self.line}:{self.column}" if self.line else ""

    def as_dict(self) -> dict[str, str | int]:
        """{"sheet", "cell"} for a workbook, {"line", "column"} (0 for the whole file) otherwise."""
        if self.in_workbook:
            return {"sheet": self.sheet, "cell": self.cell}
        return {"line": self.line, "column": self.column}

    def sort_key(self) -> tuple[str, int, int]:
        """Lines in order; a workbook's cells by sheet, then row, then column."""
        if not self.in_workbook:
            return ("", self.line, self.column)
        m = _CELL.fullmatch(self.cell)
        if m is None:
            return (self.sheet, 0, 0)
        col = 0
        for ch in m.group(1):
            col = col * 26 + ord(ch) - 64
        return (self.sheet, int(m.group(2)), col)


NOWHERE = Place()
"""The place of a finding about a whole file (a file that cannot be read, a missing sheet)."""


@dataclass(slots=True)
class SourceMap:
    """Positions (1-based line, column) of values and keys, by their path in the document.

    A workbook reader sets `workbook` and fills `cells` ("Chỉ tiêu", "D12") too, so a finding
    can name the cell a user typed into instead of a line of a file they never saw; its
    `values` and `keys` then hold sheet rows and columns, for ordering and messages only.
    `place` is the one answer to "where does this value sit" for both kinds of file."""

    file: str
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    cells: dict[Path, Place] = field(default_factory=dict)
    workbook: bool = False

    def locate(self, path: Path, *, prefer_key: bool = False) -> tuple[int, int]:
        """The position of `path`, or of its nearest ancestor that has one."""
        p = tuple(path)
        while True:
            if prefer_key and p in self.keys:
                return self.keys[p]
            if p in self.values:
                return self.values[p]
            if p in self.keys:
                return self.keys[p]
            if not p:
                return (1, 1)
            p = p[:-1]

    def place(self, path: Path, *, prefer_key: bool = False) -> Place:
        """Where `path` (or its nearest ancestor that has a place) sits: its cell in a workbook,
        its line and column in a text file."""
        if not self.workbook:
            return Place(*self.locate(path, prefer_key=prefer_key))
        p = tuple(path)
        while p:
            if p in self.cells:
                return self.cells[p]
            p = p[:-1]
        return self.cells.get((), NOWHERE)

    def cell(self, path: Path) -> str:
        """The cell of `path` as text ("Chỉ tiêu!D12"); "" for a text file. For records that keep
        a cell as plain data (the cross-file records and their cache)."""
        return str(self.place(path)) if self.workbook else ""


class _Unkept(dict):
    """`values` or `keys` of a text read without positions: storing an item is one C call
    (`slice` takes any three arguments) and keeps nothing, so the readers need no second path."""

    __slots__ = ()
    __setitem__ = slice  # type: ignore[assignment]


class Unlocated(SourceMap):
    """The source of a text read without positions (`readers.yaml_source.load_yaml(positions=False)`):
    it answers (1, 1) and notes every path asked, for `readers.yaml_positions.positions_of` to
    find them."""

    def __init__(self, file: str) -> None:
        super().__init__(file, _Unkept(), _Unkept())
        self.asked: set[Path] = set()

    def locate(self, path: Path, *, prefer_key: bool = False) -> tuple[int, int]:
        self.asked.add(tuple(path))
        return (1, 1)


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    message: str
    file: str = ""
    place: Place = NOWHERE
    path: tuple[str | int, ...] = field(default=())
    value: str | None = None
    fixes: tuple[str, ...] = ()  # values to write instead; each passes the next run

    @property
    def line(self) -> int:
        """The line of a text file; 0 for a workbook's cell or the whole file."""
        return self.place.line

    @property
    def column(self) -> int:
        return self.place.column

    @property
    def cell(self) -> str:
        """"Chỉ tiêu!D12" when the file is a workbook; "" otherwise."""
        return str(self.place) if self.place.in_workbook else ""

    @property
    def where(self) -> str:
        """`file:line:col`, or `file.xlsx: Sheet!C12` for a workbook."""
        if self.place.in_workbook:
            return f"{self.file}: {self.place}"
        return f"{self.file}:{self.place}" if self.line else self.file

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def dotted_path(self) -> str:
        out = ""
        for part in self.path:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
        return out

    def sort_key(self) -> tuple:
        return (self.file, *self.place.sort_key(), self.code, self.message)

    def as_dict(self) -> dict:
        """The JSON shape of a finding: `line` and `column` for a text file (0 and 0 for the
        whole file), `sheet` and `cell` ("F12") for a workbook, never both."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "file": self.file,
            **self.place.as_dict(),
            "path": self.dotted_path,
            "message": self.message,
            "value": self.value,
            **({"fixes": list(self.fixes)} if self.fixes else {}),
        }


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Sorted by file and position; exact duplicates (same code, place, text) appear once."""
    return sorted(set(findings), key=Finding.sort_key)


def has_errors(findings: Iterable[Finding], strict: bool = False) -> bool:
    return any(f.is_error or strict for f in findings)
