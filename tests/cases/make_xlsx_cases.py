#!/usr/bin/env python3
"""Build the Excel cases of tests/cases/ (folders named xlsx-*): each one the form plan744 makes
for unit S1, 2022, of the mini plan, filled as tests/cases/valid/basic/reports/2022/S1.yaml
says, then changed the way a real officer's workbook is (text typed into number cells, a cell
formatted as a percentage, merged cells, rows inserted, sheets renamed, formulas, macros…).

    python tests/cases/make_xlsx_cases.py      # rewrites every xlsx-* case's workbook
    pytest tests/test_cases.py --update-golden # then records what plan744 finds, to review

The workbooks are committed so that the cases are plain files like the YAML ones; this script
says how each was made.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from openpyxl import load_workbook  # noqa: E402

from plan744.forms.xlsx_form import workbook  # noqa: E402
from plan744.services.plans import load_plan  # noqa: E402
from plan744.services.validate import parse_submission  # noqa: E402

CASES = Path(__file__).resolve().parent
PLAN = ROOT / "tests" / "fixtures" / "plans" / "mini.yaml"
BASIC = CASES / "valid" / "basic" / "reports" / "2022" / "S1.yaml"
WHEN = dt.datetime(2023, 1, 5, tzinfo=dt.UTC)
NOTE = "Made by tests/cases/make_xlsx_cases.py from the form plan744 writes; see that script."


def filled() -> bytes:
    plan = load_plan(PLAN).plan
    assert plan is not None
    sf, findings = parse_submission(BASIC, plan)
    assert sf is not None, findings
    return workbook(plan, "S1", 2022, sf.submission.model_dump(), generated=WHEN)


def edit(raw: bytes, change: Callable[[Any], None]) -> bytes:
    wb = load_workbook(io.BytesIO(raw))
    change(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def sheet(wb: Any, kind: str) -> Any:
    return next(ws for ws in wb.worksheets if ws["A1"].value == f"plan744:{kind}")


def row_of(ws: Any, key: str) -> int:
    return next(c.row for c in ws["A"] if c.value == key)


def put(kind: str, key: str, column: str, value: Any, number_format: str | None = None) -> Callable[[Any], None]:
    def change(wb: Any) -> None:
        ws = sheet(wb, kind)
        c = ws[f"{column}{row_of(ws, key)}"]
        c.value = value
        if isinstance(value, str):
            c.data_type = "s"  # typed text, even "=…" (a formula is made by cached_formula)
        if number_format:
            c.number_format = number_format
    return change


def zip_edit(raw: bytes, member: str, change: Callable[[str], str]) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == member:
                data = change(data.decode("utf-8")).encode("utf-8")
            dst.writestr(info, data)
    return out.getvalue()


def zip_add(raw: bytes, member: str, data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename))
        dst.writestr(member, data)
    return out.getvalue()


def member_of(raw: bytes, kind: str) -> str:
    """The XML member of the sheet of `kind`: the one whose A1 names it (through sharedStrings or inline)."""
    wb = load_workbook(io.BytesIO(raw))
    index = wb.worksheets.index(sheet(wb, kind)) + 1
    return f"xl/worksheets/sheet{index}.xml"


def cached_formula(raw: bytes, kind: str, key: str, column: str, formula: str, cached: str | None) -> bytes:
    """A formula in an input cell, with (or without) the value a spreadsheet computed for it:
    openpyxl writes no cached values, so the cell's XML is written here."""
    wb = load_workbook(io.BytesIO(raw))
    ws = sheet(wb, kind)
    ref = f"{column}{row_of(ws, key)}"
    value = f"<v>{cached}</v>" if cached is not None else ""

    def cell_xml(m: re.Match) -> str:
        return f'<c r="{ref}"{_no_type(m.group(1))}><f>{formula}</f>{value}</c>'

    def change(xml: str) -> str:
        new, n = re.subn(rf'<c r="{ref}"([^>]*?)(?:/>|>.*?</c>)', cell_xml, xml, count=1, flags=re.S)
        assert n == 1, ref
        return new
    return zip_edit(raw, member_of(raw, kind), change)


def _no_type(attrs: str) -> str:
    return re.sub(r'\s+t="[^"]*"', "", attrs)


def insert_rows(wb: Any) -> None:
    ws = sheet(wb, "chi_tieu")
    ws.insert_rows(3)  # a blank row between the header and the first indicator
    ws["C3"] = "(dòng cán bộ chèn thêm để ghi chú riêng)"
    ws.insert_cols(8)  # a column of the officer's own, before the percentage


def rename_and_reorder(wb: Any) -> None:
    ws = sheet(wb, "chi_tieu")
    ws.title = "CT 2022"
    wb.move_sheet(ws, offset=-2)
    sheet(wb, "nhiem_vu").sheet_state = "hidden"


def merge(wb: Any) -> None:
    ws = sheet(wb, "chi_tieu")
    r = row_of(ws, "ind:van_ban:tinh:pct")
    ws.merge_cells(f"F{r}:G{r}")


def other_unit(wb: Any) -> None:
    ws = sheet(wb, "thong_tin")
    ws[f"C{row_of(ws, 'general:unit')}"] = "S2"


def entity(xml: str) -> str:
    return xml.replace("<workbook", '<!DOCTYPE w [<!ENTITY a "b">]><workbook', 1)


def bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"<worksheet>" + b" " * (60 * 1024 * 1024) + b"</worksheet>")
    return out.getvalue()


def cases() -> dict[str, tuple[str, Callable[[], dict[str, bytes]]]]:
    base = filled()
    one = lambda raw, name="2022/S1.xlsx": {name: raw}
    number = lambda value, fmt=None: one(edit(base, put("chi_tieu", "ind:ho_so_truc_tuyen:tinh:pct", "F", value, fmt)))
    return {
        "xlsx-filled": ("valid", lambda: one(base)),
        "xlsx-rows-and-columns-inserted": ("valid", lambda: one(edit(base, insert_rows))),
        "xlsx-sheet-renamed-and-moved": ("valid", lambda: one(edit(base, rename_and_reorder))),
        "xlsx-formula-with-value": ("valid", lambda: one(cached_formula(base, "chi_tieu", "ind:van_ban:tinh:pct", "F",
                                                                         "1000+700", "1700"))),
        "xlsx-mixed-with-yaml": ("valid", lambda: {**one(base), "2022/H1.yaml": (BASIC.parent / "H1.yaml").read_bytes()}),
        "xlsx-number-as-text": ("invalid", lambda: number("1.500")),
        "xlsx-number-with-spaces": ("invalid", lambda: number(" 620 ")),
        "xlsx-percent-text": ("invalid", lambda: number("62%")),
        "xlsx-percent-cell": ("invalid", lambda: number(0.62, "0.0%")),
        "xlsx-date-serial": ("invalid", lambda: one(edit(base, put("thong_tin", "general:submitted", "C", 44936, "General")))),
        "xlsx-date-text": ("invalid", lambda: one(edit(base, put("thong_tin", "general:submitted", "C", "10/01/2023")))),
        "xlsx-date-impossible": ("invalid", lambda: one(edit(base, put("thong_tin", "general:submitted", "C", "30/02/2023")))),
        "xlsx-status-unknown": ("invalid", lambda: one(edit(base, put("phu_luc", "app:1:money", "F", "Đang làm")))),
        "xlsx-status-blank": ("invalid", lambda: one(edit(base, put("nhiem_vu", "task:IV.1.1", "E", None)))),
        "xlsx-merged-cells": ("invalid", lambda: one(edit(base, merge))),
        "xlsx-formula-without-value": ("invalid", lambda: one(cached_formula(base, "chi_tieu", "ind:van_ban:tinh:pct", "F",
                                                                            "1000+700", None))),
        "xlsx-formula-external": ("invalid", lambda: one(cached_formula(base, "chi_tieu", "ind:van_ban:tinh:pct", "F",
                                                                        "[1]Sheet1!A1", "1700"))),
        "xlsx-formula-dde": ("invalid", lambda: one(cached_formula(base, "chi_tieu", "ind:van_ban:tinh:pct", "F",
                                                                   "cmd|' /C calc'!A0", "1700"))),
        "xlsx-text-formula-injection": ("valid", lambda: one(edit(base, put("nhan_xet", "narr:proposals", "C",
                                                                             "=HYPERLINK(\"http://x.invalid\",\"Bấm\")")))),
        "xlsx-external-links": ("invalid", lambda: one(zip_add(base, "xl/externalLinks/externalLink1.xml", b"<externalLink/>"))),
        "xlsx-macro": ("invalid", lambda: one(zip_add(base, "xl/vbaProject.bin", b"\x00" * 64))),
        "xlsx-xlsm-and-xls": ("invalid", lambda: {"2022/S1.xlsm": base, "2022/H1.xls": b"\xd0\xcf\x11\xe0" + b"\x00" * 60}),
        "xlsx-corrupt": ("invalid", lambda: one(base[: len(base) // 2])),
        "xlsx-not-a-form": ("invalid", lambda: one(edit(base, lambda wb: [setattr(ws["A1"], "value", None) for ws in wb.worksheets]
                                                         and wb.remove(wb["_plan744"])))),
        "xlsx-entity-declaration": ("invalid", lambda: one(zip_edit(base, "xl/workbook.xml", entity))),
        "xlsx-zip-bomb": ("invalid", lambda: one(bomb())),
        "xlsx-other-unit": ("invalid", lambda: one(edit(base, other_unit))),
        "xlsx-other-year": ("invalid", lambda: one(base, "2023/S1.xlsx")),
    }


def main() -> None:
    for name, (group, make) in cases().items():
        folder = CASES / group / name
        reports = folder / "reports"
        if reports.exists():
            shutil.rmtree(reports)
        for rel, data in make().items():
            target = reports / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        (folder / "README").write_text(NOTE + "\n", encoding="utf-8")
        print(f"{group}/{name}")


if __name__ == "__main__":
    main()
