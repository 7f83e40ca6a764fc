"""The intake registry: a file's suffix names its reader and form writer, or why it is refused;
every caller (discover, the readers, new-report, convert) asks it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from plan744.core.messages import CATALOGUE
from plan744.intake.read import read_report_file
from plan744.intake.registry import INTAKES, NOT_A_REPORT, REFUSED, REPORT_SUFFIXES, Intake, intake_for
from plan744.readers.files import discover

from conftest import REPO


@pytest.mark.parametrize(("name", "expected"), [
    ("S1.yaml", "yaml"), ("S1.YML", "yaml"), ("S1.xlsx", "xlsx"), ("S1.XLSX", "xlsx"),
    ("S1.xls", "file-xls"), ("S1.xlsm", "file-xlsm"), ("S1.ods", "file-ods"),
    ("S1.txt", "file-not-report"), ("S1", "file-not-report"), (".yaml", "file-not-report"),
])
def test_a_suffix_names_an_intake_or_a_refusal(name: str, expected: str) -> None:
    got = intake_for(name)
    assert (got.name if isinstance(got, Intake) else got.code) == expected


def test_the_entries() -> None:
    assert [(i.name, i.suffix, i.suffixes) for i in INTAKES.values()] == [
        ("yaml", ".yaml", (".yaml", ".yml")), ("xlsx", ".xlsx", (".xlsx",))]
    assert REPORT_SUFFIXES == (".yaml", ".yml", ".xlsx")
    assert all(r.code in CATALOGUE for r in (*REFUSED.values(), NOT_A_REPORT))
    assert [r.warning_in_folder for r in (*REFUSED.values(), NOT_A_REPORT)] == [False, False, False, True]


def test_a_refused_file_is_said_why_by_discover_and_by_the_reader(tmp_path: Path) -> None:
    for name in ("S1.xls", "S2.xlsm", "S3.ods", "notes.txt", "S4.yaml"):
        (tmp_path / name).write_bytes(b"unit: S4\n")
    found = discover([str(tmp_path)])
    assert [Path(f).name for f in found.files] == ["S4.yaml"]
    assert sorted((f.code, f.severity.value) for f in found.findings) == [
        ("file-not-report", "warning"), ("file-ods", "error"), ("file-xls", "error"), ("file-xlsm", "error")]
    doc = read_report_file(tmp_path / "S1.xls")
    assert doc.data is None and [f.code for f in doc.findings] == ["file-xls"]


def test_the_registry_imports_no_workbook_library() -> None:
    code = "import sys, plan744.intake.read, plan744.intake.registry; print(sorted(m for m in sys.modules if m.startswith('openpyxl')))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert proc.stdout.strip() == "[]"
