"""Seeded mutations of the three files a department keeps besides the reports: the organisation,
the plan, and the Excel form a unit fills in. Each is a real file (data/organisation.yaml,
data/plan.yaml, a form made by plan744 for a real 2024 report) changed a little.

Two oracles:
- never a crash: whatever a mutant holds, reading and checking it gives findings or a result,
  and no exception escapes (an exception is the CLI's "Lỗi nội bộ", exit 3);
- never a false pass: mutants that plant a known contradiction (a self-merge, a merge into two
  successors, a commune listed twice in another Unicode spelling, two targets for one year, a
  percentage above 100, a numerator above its denominator, a copied form sheet) must be refused.

The seed is fixed, so a failure is reproducible with the mutant it prints.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import shutil
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from test_fuzz import HOSTILE, _mutate

from plan744.core.findings import Finding, has_errors
from plan744.intake.read import read_yaml_file
from plan744.services.plans import load_plan
from plan744.services.validate import validate_files

from conftest import REPO

SEED = 744
ORG_MUTANTS = 400
PLAN_MUTANTS = 400
FORM_MUTANTS = 150
DATA = REPO / "data"
FORM_REPORT = DATA / "reports" / "2024" / "ANHSON.yaml"  # a district: indicators at two levels, tasks


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLAN744_NO_CACHE", "1")  # every mutant read afresh, as a first run would


def _data_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("plan.yaml", "organisation.yaml"):
        shutil.copy(DATA / name, folder / name)
    return folder


def _load(plan_path: Path, what: str) -> list[Finding]:
    try:
        loaded = load_plan(plan_path)
    except Exception as exc:  # the CLI's exit 3
        pytest.fail(f"{what} raised {type(exc).__name__}: {exc}")
    assert all(f.message and f.file for f in loaded.findings), what
    if loaded.plan is None:
        assert has_errors(loaded.findings, False), f"{what}: no plan and no error"
    return loaded.findings


def _ok(findings: list[Finding]) -> bool:
    return not has_errors(findings, False)


# --- the organisation -------------------------------------------------------------------

def _event_block(text: str, event_id: str) -> tuple[int, int]:
    start = text.index(f"  - id: {event_id}\n")
    end = text.find("\n  - id: ", start + 1)
    return start, end


def _replace_in_event(event_id: str, old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        start, end = _event_block(text, event_id)
        block = text[start:end]
        assert old in block, (event_id, old)
        return text[:start] + block.replace(old, new, 1) + text[end:]
    return edit


def _commune_twice(form: str) -> Callable[[str], str]:
    """A second unit with the name of an existing commune, in another Unicode spelling."""
    def edit(text: str) -> str:
        m = re.search(r"\n  - code: (XA_\w+)\n    name: (.+)\n", text)
        assert m, "no commune in the organisation"
        name = m.group(2).strip().strip('"')
        spelled = unicodedata.normalize(form, name) if form in ("NFD", "NFKD") else name.upper()
        start = m.start() + 1
        end = text.find("\n  - code: ", start + 1)
        block = text[start:end].replace(m.group(1), m.group(1) + "_BIS", 1).replace(m.group(2), f'"{spelled}"', 1)
        return text[:end] + "\n" + block + text[end:]
    return edit


ORG_CONTRADICTIONS: dict[str, Callable[[str], str]] = {
    "self-merge": _replace_in_event("SO_2025_KHCN", "to: [SKHCN]", "to: [STTTT]"),
    "merge into an unknown unit": _replace_in_event("SO_2025_KHCN", "to: [SKHCN]", "to: [SO_KHONG_CO]"),
    "merge into two successors": _replace_in_event("SO_2025_KHCN", "to: [SKHCN]", "to: [SKHCN, STC]"),
    "merge into a unit already ended": _replace_in_event("SO_2025_KHCN", "to: [SKHCN]", "to: [CUALO]"),
    "a commune twice, NFD": _commune_twice("NFD"),
    "a commune twice, capitals": _commune_twice("upper"),
}


@pytest.mark.parametrize("name", list(ORG_CONTRADICTIONS))
def test_an_organisation_that_contradicts_itself_never_passes(tmp_path: Path, name: str) -> None:
    folder = _data_copy(tmp_path)
    org = folder / "organisation.yaml"
    org.write_text(ORG_CONTRADICTIONS[name](org.read_text(encoding="utf-8")), encoding="utf-8")
    assert read_yaml_file(org).data is not None, "the planted contradiction must still be valid YAML"
    assert not _ok(_load(folder / "plan.yaml", name)), f"{name}: passed"


def test_organisation_mutants_never_crash(tmp_path: Path) -> None:
    rnd = random.Random(SEED)
    folder = _data_copy(tmp_path)
    source = (DATA / "organisation.yaml").read_text(encoding="utf-8")
    passed = refused = 0
    for n in range(ORG_MUTANTS):
        mutant = _mutate(source, rnd)
        (folder / "organisation.yaml").write_text(mutant, encoding="utf-8", errors="surrogatepass")
        if _ok(_load(folder / "plan.yaml", f"organisation mutant {n}")):
            passed += 1
        else:
            refused += 1
    print(f"{ORG_MUTANTS} organisation mutants: {passed} passed, {refused} refused with findings")
    assert refused >= ORG_MUTANTS // 4, (passed, refused)  # the run reached the checks, not only the parser


# --- the plan ---------------------------------------------------------------------------

def _first_target(text: str) -> re.Match[str]:
    m = re.search(r"\n( +- \{scope: (\w+), kind: floor, value: )(\d+)(, wording: [^}]*\})\n", text)
    assert m, "no floor target in the plan"
    return m


def _target_twice(text: str) -> str:
    m = _first_target(text)
    twin = f"{m.group(1)}{int(m.group(3)) // 2}{m.group(4)}"
    return text[: m.end()] + twin + "\n" + text[m.end():]


def _percent_above_100(text: str) -> str:
    m = _first_target(text)
    return text[: m.start(3)] + "120" + text[m.end(3):]


PLAN_CONTRADICTIONS: dict[str, Callable[[str], str]] = {
    "two targets for one indicator, scope and year": _target_twice,
    "a percentage target of 120": _percent_above_100,
}


@pytest.mark.parametrize("name", list(PLAN_CONTRADICTIONS))
def test_a_plan_that_contradicts_itself_never_passes(tmp_path: Path, name: str) -> None:
    folder = _data_copy(tmp_path)
    plan = folder / "plan.yaml"
    plan.write_text(PLAN_CONTRADICTIONS[name](plan.read_text(encoding="utf-8")), encoding="utf-8")
    assert not _ok(_load(plan, name)), f"{name}: passed"


def test_plan_mutants_never_crash(tmp_path: Path) -> None:
    rnd = random.Random(SEED + 1)
    folder = _data_copy(tmp_path)
    source = (DATA / "plan.yaml").read_text(encoding="utf-8")
    passed = refused = 0
    for n in range(PLAN_MUTANTS):
        mutant = _mutate(source, rnd)
        (folder / "plan.yaml").write_text(mutant, encoding="utf-8", errors="surrogatepass")
        if _ok(_load(folder / "plan.yaml", f"plan mutant {n}")):
            passed += 1
        else:
            refused += 1
    print(f"{PLAN_MUTANTS} plan mutants: {passed} passed, {refused} refused with findings")
    assert refused >= PLAN_MUTANTS // 4, (passed, refused)


# --- the Excel form ---------------------------------------------------------------------

TODAY = dt.date(2025, 6, 30)


@pytest.fixture(scope="module")
def real_plan():
    with pytest.MonkeyPatch.context() as mp:  # no cache, and nothing left set for the other tests
        mp.setenv("PLAN744_NO_CACHE", "1")
        loaded = load_plan(DATA / "plan.yaml")
    assert loaded.plan is not None
    return loaded.plan


@pytest.fixture(scope="module")
def form_bytes(real_plan) -> bytes:
    """The form of a real 2024 report, filled in by plan744 as `convert` would."""
    from plan744.forms.xlsx_form import workbook
    from plan744.services.validate import parse_submission

    sf, findings = parse_submission(FORM_REPORT, real_plan)
    assert sf is not None, findings
    return workbook(real_plan, sf.submission.unit, sf.submission.year, sf.submission.model_dump(mode="json"))


def _validate_form(plan, folder: Path, raw: bytes, what: str) -> list[Finding]:
    path = folder / "2024" / f"{FORM_REPORT.stem}.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    try:
        _, findings = validate_files(plan, [path], today=TODAY, with_context=False)
    except Exception as exc:  # the CLI's exit 3
        pytest.fail(f"{what} raised {type(exc).__name__}: {exc}")
    assert all(f.message and f.file for f in findings), what
    return findings


def _edit_workbook(raw: bytes, edit: Callable[[object], None]) -> bytes:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(raw))
    edit(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _sheet_of_kind(wb, kind: str):
    for ws in wb.worksheets:
        if ws["A1"].value == f"plan744:{kind}":
            return ws
    raise AssertionError(kind)


def _rows_of(ws, prefix: str) -> list[int]:
    return [r for r in range(2, ws.max_row + 1) if str(ws.cell(r, 1).value or "").startswith(prefix)]


def _numerator_above_denominator(wb) -> None:
    ws = _sheet_of_kind(wb, "chi_tieu")
    for r in _rows_of(ws, "ind:"):
        if isinstance(ws[f"G{r}"].value, int) and ws[f"G{r}"].value > 0:
            ws[f"F{r}"] = ws[f"G{r}"].value + 5
            return
    raise AssertionError("no ratio row with a denominator")


def _copied_sheet(wb) -> None:
    wb.copy_worksheet(_sheet_of_kind(wb, "chi_tieu"))  # "Chỉ tiêu Copy", the same key in A1


FORM_CONTRADICTIONS: dict[str, Callable[[object], None]] = {
    "a numerator above its denominator": _numerator_above_denominator,
    "a copied indicators sheet": _copied_sheet,
}


def test_the_real_form_passes(tmp_path: Path, real_plan, form_bytes: bytes) -> None:
    findings = _validate_form(real_plan, tmp_path, form_bytes, "the form as made")
    assert _ok(findings), [f.message for f in findings if f.is_error]


@pytest.mark.parametrize("name", list(FORM_CONTRADICTIONS))
def test_a_form_with_a_planted_mistake_never_passes(tmp_path: Path, real_plan, form_bytes: bytes, name: str) -> None:
    raw = _edit_workbook(form_bytes, FORM_CONTRADICTIONS[name])
    assert not _ok(_validate_form(real_plan, tmp_path, raw, name)), f"{name}: passed"


def _put(ws, row: int, col: int, value: object) -> None:
    from openpyxl.cell.cell import MergedCell

    cell = ws.cell(row, col)
    if not isinstance(cell, MergedCell):  # a merged range's other cells hold nothing, as in Excel
        cell.value = value


def _mutate_cells(wb, rnd: random.Random) -> None:
    """Hostile values in the cells an officer types in, or in the hidden keys, or the sheets moved."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    sheets = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
    for _ in range(rnd.randint(1, 4)):
        ws = rnd.choice(sheets)
        op = rnd.randrange(6)
        row, col = rnd.randint(1, max(ws.max_row, 2)), rnd.randint(1, max(ws.max_column, 2))
        if op == 0:  # what a cell can hold (control characters are the package mutants' job)
            _put(ws, row, col, re.sub("[\ufffe\uffff]", "", ILLEGAL_CHARACTERS_RE.sub("", rnd.choice(HOSTILE))))
        elif op == 1:
            _put(ws, row, col, rnd.choice([-1, 0, 10**15, 2.5, dt.datetime(2024, 2, 3), True, ""]))
        elif op == 2:  # a hidden key edited
            _put(ws, rnd.randint(1, max(ws.max_row, 2)), 1, rnd.choice(["", "ind:x:y", "-", "app:999", 7, "ind:"]))
        elif op == 3:
            ws.delete_rows(row, rnd.randint(1, 3))
        elif op == 4:
            ws.insert_rows(row, 1)
        else:
            ws.merge_cells(start_row=row, start_column=col, end_row=row + rnd.randint(0, 2), end_column=col + 1)


def _mutate_package(raw: bytes, rnd: random.Random) -> bytes:
    """A byte or a span of a worksheet's XML changed inside the zip."""
    src = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        names = src.namelist()
        target = rnd.choice([n for n in names if n.startswith("xl/")])
        for name in names:
            data = src.read(name)
            if name == target and data:
                i = rnd.randrange(len(data))
                data = data[:i] + rnd.choice([b"<", b">", b"\x00", b"&amp", b"\"", b"9" * 30, b""]) + data[i + rnd.randint(0, 40):]
            dst.writestr(name, data)
    return out.getvalue()


def test_form_mutants_never_crash(tmp_path: Path, real_plan, form_bytes: bytes) -> None:
    rnd = random.Random(SEED + 2)
    passed = refused = 0
    for n in range(FORM_MUTANTS):
        if n % 3 == 2:
            raw = _mutate_package(form_bytes, rnd)
        else:
            raw = _edit_workbook(form_bytes, lambda wb: _mutate_cells(wb, rnd))
        folder = tmp_path / f"m{n}"
        if _ok(_validate_form(real_plan, folder, raw, f"form mutant {n}")):
            passed += 1
        else:
            refused += 1
    print(f"{FORM_MUTANTS} form mutants: {passed} passed, {refused} refused with findings")
    assert refused >= FORM_MUTANTS // 4, (passed, refused)
