"""The safety of an Excel package, checked before openpyxl parses anything: size, zip bombs,
macros, external links, XML with entity declarations, and merged ranges read from the sheets'
XML and bounded (never expanded cell by cell: one range "A1:XFD1048576" is 17 billion cells).
Part of `readers.xlsx_source`."""

from __future__ import annotations

import io
import re
import zipfile

from plan744.core.findings import Finding, Place
from plan744.core.messages import make

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 2000
MAX_RATIO = 400  # a member that unpacks to more than this many times its packed size is a bomb
_MERGE = re.compile(rb'<mergeCell ref="([A-Z]+\d+):([A-Z]+\d+)"')
MAX_MERGES = 1000  # merged ranges per workbook: the form has a handful; more is not a filled-in form


class Refused(Exception):
    """The workbook is refused as a whole; `finding` says why."""

    def __init__(self, finding: Finding) -> None:
        self.finding = finding


def check_package(raw: bytes, file: str, name: str) -> None:
    """Bounds and safety before any XML is parsed; returns {sheet title -> xml member}. Raises Refused."""
    if len(raw) > MAX_FILE_BYTES:
        raise Refused(make("xlsx-too-large", file=file, name=name, size=len(raw) // 1024 // 1024,
                            limit=MAX_FILE_BYTES // 1024 // 1024))
    try:
        z = zipfile.ZipFile(io.BytesIO(raw))
        infos = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise Refused(make("xlsx-corrupt", file=file, name=name, why=type(exc).__name__)) from None
    if len(infos) > MAX_MEMBERS:
        raise Refused(make("xlsx-corrupt", file=file, name=name, why=f"{len(infos)} thành phần"))
    total = 0
    for info in infos:
        total += info.file_size
        if total > MAX_UNPACKED_BYTES or (info.compress_size and info.file_size > MAX_RATIO * max(info.compress_size, 1024)):
            raise Refused(make("xlsx-bomb", file=file, name=name, limit=MAX_UNPACKED_BYTES // 1024 // 1024))
    names = {i.filename for i in infos}
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        raise Refused(make("xlsx-macro", file=file, name=name))
    if any(n.startswith("xl/externalLinks/") for n in names):
        raise Refused(make("xlsx-external-links", file=file, name=name))
    if "xl/workbook.xml" not in names:
        raise Refused(make("xlsx-corrupt", file=file, name=name, why="không có xl/workbook.xml"))
    for info in infos:
        if info.filename.endswith((".xml", ".rels", ".vml")):
            try:
                with z.open(info.filename) as member:
                    head = member.read(4096)  # a DOCTYPE comes before the root element
            except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, EOFError) as exc:
                raise Refused(make("xlsx-corrupt", file=file, name=name, why=type(exc).__name__)) from None
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise Refused(make("xlsx-unsafe-xml", file=file, name=name))


def _merged_ranges(raw: bytes, file: str, name: str) -> list[tuple[str, str, str]]:
    """(sheet member, first cell, last cell) of every merged range, read from the sheets' XML;
    more than MAX_MERGES is refused (each would be checked against every input cell)."""
    out: list[tuple[str, str, str]] = []
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        for n in z.namelist():
            if n.startswith("xl/worksheets/sheet") and n.endswith(".xml"):
                for m in _MERGE.finditer(z.read(n)):
                    out.append((n, m.group(1).decode(), m.group(2).decode()))
                    if len(out) > MAX_MERGES:
                        raise Refused(make("xlsx-too-many-merges", file=file, name=name, limit=MAX_MERGES))
    return out


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _split(coord: str) -> tuple[int, int]:
    m = re.fullmatch(r"([A-Z]+)(\d+)", coord)
    assert m is not None
    return int(m.group(2)), _col_index(m.group(1))


def sheet_members(raw: bytes) -> dict[str, str]:
    """{sheet title: its XML member}, from the workbook's own index (not from sheet positions)."""
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        book = z.read("xl/workbook.xml").decode("utf-8", "replace")
        try:
            rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
        except KeyError:
            return {}
    targets = {m.group(1): m.group(2) for m in re.finditer(r'<Relationship[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', rels)}
    targets.update({m.group(2): m.group(1) for m in re.finditer(r'<Relationship[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)})
    out = {}
    for m in re.finditer(r'<sheet\b[^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"', book):
        target = targets.get(m.group(2), "")
        member = target.lstrip("/") if target.startswith("/") else "xl/" + target
        out[_unescape(m.group(1))] = member
    return out


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")


class Merged:
    """The merged ranges of each sheet, kept as ranges (never expanded cell by cell)."""

    def __init__(self, file: str, ranges: dict[str, list[tuple[int, int, int, int, str]]]) -> None:
        self.file = file
        self.ranges = ranges

    def over_keys(self, titles: list[str]) -> Finding | None:
        """A range of a form sheet over its hidden keys (column A, row 1): the rows and fields
        under it can no longer be told apart. Sheets the officer added may merge what they like."""
        for title in titles:
            for r1, c1, r2, c2, ref in self.ranges.get(title, ()):
                if (r1, c1) != (r2, c2) and (r1 == 1 or c1 == 1):
                    return make("xlsx-merged-keys", file=self.file, place=Place.at_cell(title, ref.split(':')[0]), range=ref[:40],
                                sheet=title)
        return None

    def get(self, key: tuple[str, int, int]) -> str | None:
        """The range covering (sheet, row, column) when that cell is not its first, else None."""
        title, row, col = key
        for r1, c1, r2, c2, ref in self.ranges.get(title, ()):
            if r1 <= row <= r2 and c1 <= col <= c2 and (row, col) != (r1, c1):
                return ref
        return None


def merged_cells(raw: bytes, file: str, name: str) -> Merged:
    """Every merged range by sheet title, at most MAX_MERGES of them."""
    try:
        members = {member: title for title, member in sheet_members(raw).items()}
        found = _merged_ranges(raw, file, name)
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, EOFError) as exc:
        raise Refused(make("xlsx-corrupt", file=file, name=name, why=type(exc).__name__)) from None
    out: dict[str, list[tuple[int, int, int, int, str]]] = {}
    for member, a, b in found:
        title = members.get(member)
        if title is None:
            continue
        (r1, c1), (r2, c2) = _split(a), _split(b)
        out.setdefault(title, []).append((min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2), f"{a}:{b}"))
    return Merged(file, out)
