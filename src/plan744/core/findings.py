"""Findings: every problem plan744 reports is one small immutable value, and the source
map that places a value of a file at its line and column (or spreadsheet cell).

The core returns lists of findings; only the CLI's reporters print them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


Path = tuple[str | int, ...]


@dataclass(slots=True)
class SourceMap:
    """Positions (1-based line, column) of values and keys, by their path in the document.

    A spreadsheet reader fills `cells` too ("Chỉ tiêu!D12"), so a finding can name the cell
    a user typed into instead of a line of a file they never saw."""

    file: str
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    cells: dict[Path, str] = field(default_factory=dict)

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

    def cell(self, path: Path) -> str:
        """The spreadsheet cell of `path` or of its nearest ancestor; "" for a text file."""
        if not self.cells:
            return ""
        p = tuple(path)
        while p:
            if p in self.cells:
                return self.cells[p]
            p = p[:-1]
        return self.cells.get((), "")


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    message: str
    file: str = ""
    line: int = 0
    column: int = 0
    path: tuple[str | int, ...] = field(default=())
    value: str | None = None
    cell: str = ""  # "Chỉ tiêu!D12" when the file is a workbook
    fixes: tuple[str, ...] = ()  # values to write instead; each passes the next run

    @property
    def where(self) -> str:
        """`file:line:col`, or `file.xlsx:Sheet!C12` for a workbook."""
        if self.cell:
            return f"{self.file}:{self.cell}"
        return f"{self.file}:{self.line}:{self.column}" if self.line else self.file

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
        return (self.file, self.line, self.column, self.code, self.message)

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.dotted_path,
            "message": self.message,
            "value": self.value,
            **({"cell": self.cell} if self.cell else {}),
            **({"fixes": list(self.fixes)} if self.fixes else {}),
        }


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Sorted by file and position; exact duplicates (same code, place, text) appear once."""
    return sorted(set(findings), key=Finding.sort_key)


def has_errors(findings: Iterable[Finding], strict: bool = False) -> bool:
    return any(f.is_error or strict for f in findings)


PER_CODE_LIMIT = 200
"""Findings of one code in one file shown in full; the rest are counted in one line."""


def capped(findings: Iterable[Finding], limit: int = PER_CODE_LIMIT) -> list[Finding]:
    """The first `limit` findings of each (file, code), sorted, then one finding per (file, code)
    saying how many more there are: a file with a million wrong items gives a readable answer."""
    from plan744.core.messages import make  # the catalogue imports this module

    seen: dict[tuple[str, str], int] = {}
    out: list[Finding] = []
    last: dict[tuple[str, str], Finding] = {}
    for f in sorted_findings(findings):
        key = (f.file, f.code)
        n = seen.get(key, 0) + 1
        seen[key] = n
        if n <= limit:
            out.append(f)
            last[key] = f
    for key, n in seen.items():
        if n > limit:
            f = last[key]
            noun = "lỗi" if f.is_error else "cảnh báo"
            out.append(make("more-of-kind", file=f.file, line=f.line, column=f.column, severity=f.severity,
                            count=n - limit, noun=noun, kind=f.code))
    return sorted(out, key=Finding.sort_key)
