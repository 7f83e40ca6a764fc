"""Every computed figure as data: the JSON validates against its committed schema, the CSV files
and the workbook hold exactly the JSON's figures, LibreOffice reads the workbook back to the same
values, and the close-out's tables agree with each year's report and with the raw files."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess
import time
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
import yaml
from openpyxl import load_workbook

from plan744.core.labels import word
from plan744.report.data import COLUMNS, SCHEMA_FILE, header, json_schema, sheet_name, shown_columns
from plan744.report.workbook import sheet_columns
from plan744.services.plans import load_plan

from conftest import REAL_PLAN, REPO, run_cli

SCHEMA = REPO / "schema" / "report-data.schema.json"
REPORTS = REPO / "data" / "reports"


def _run(out: Path, *span: str) -> Path:
    result = run_cli("report", *span, "--format", "json,csv,xlsx", "--out", str(out))
    assert result.returncode == 0, result.stderr.decode()
    return out


@pytest.fixture(scope="module")
def period(tmp_path_factory) -> Path:
    return _run(tmp_path_factory.mktemp("period"), "--period", "2021-2025")


@pytest.fixture(scope="module")
def years(tmp_path_factory) -> dict[int, dict]:
    out = tmp_path_factory.mktemp("years")
    found = {}
    for year in (2022, 2025):
        _run(out / str(year), "--year", str(year))
        found[year] = _load(_report_json(out / str(year)))
    return found


class _DecimalLoader(yaml.SafeLoader):
    """PyYAML's own reading, with decimals kept exact (an independent reader of the raw files)."""


_DecimalLoader.add_constructor("tag:yaml.org,2002:float", lambda loader, node: Decimal(loader.construct_scalar(node)))


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)


def _report_json(folder: Path) -> Path:
    """The report's JSON file; its schema (report-data.schema.json) is written beside it."""
    (path,) = [p for p in folder.glob("*.json") if p.name != SCHEMA_FILE]
    return path


def test_committed_schema_is_current() -> None:
    """If this fails: plan744 schema --report-data --out schema/report-data.schema.json, and commit."""
    assert json.loads(SCHEMA.read_text(encoding="utf-8")) == json.loads(json.dumps(json_schema()))


def test_json_validates_against_the_committed_schema(period: Path, years: dict[int, dict]) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    # The schema travels with the data: the file beside the JSON, which names it, is the committed one.
    assert _load(_report_json(period))["$schema"] == SCHEMA_FILE
    assert json.loads((period / SCHEMA_FILE).read_text(encoding="utf-8")) == schema
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for doc in [_load(_report_json(period)), *years.values()]:
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    broken = _load(_report_json(period))
    broken["tables"]["indicators"][0]["attainment"] = "đạt"
    assert list(validator.iter_errors(broken)), "the schema checks codes"


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@")):
        return "'" + value
    return str(value)


def test_csv_holds_exactly_the_json(period: Path) -> None:
    doc = _load(_report_json(period))
    for name, rows in doc["tables"].items():
        raw = next(period.glob(f"*-{name}.csv")).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        assert table[0] == [k for k, _ in COLUMNS[name]]
        assert len(table) - 1 == len(rows)
        for line, record in zip(table[1:], rows, strict=True):
            assert line == [_text(record[k]) for k, _ in COLUMNS[name]], name


def _same(cell, value) -> bool:
    """A cell against its JSON value: per cent in points in both (86.0529 is 86,05%)."""
    if value is None or isinstance(value, (str, bool)):
        if isinstance(cell, dt.datetime) and isinstance(value, str):
            return cell == dt.datetime.fromisoformat(value)  # a date as a date, not text
        return cell == value
    if isinstance(value, int) and not isinstance(cell, float):
        return cell == value
    number = Decimal(repr(cell))
    return abs(number - Decimal(value)) <= abs(Decimal(value)) * Decimal("1e-14")  # a spreadsheet holds 15 digits


def _legend_labels(wb, key: str, sheet: str) -> dict[str, str]:
    """code -> label from "Giải thích" for a coded key: listed once, under the header of the first
    table that has it, with the sheets when two keys share a header ("Tình trạng (Gửi báo cáo)")."""
    key = "status" if key == "statuses" else key  # a task's several statuses: the same codes
    text = header(next(n for n, cols in COLUMNS.items() if any(k == key for k, _ in cols)), key)
    found: dict[str, dict[str, str]] = {}
    for column, code, label in wb[word("data.sheet.legend")].iter_rows(min_row=2, values_only=True):
        found.setdefault(column, {})[code] = label
    (labels,) = [codes for column, codes in found.items() if column == text
                 or (column.startswith(text + " (") and sheet in column[len(text) + 2:-1].split(", "))]
    return labels


def _check_workbook(path: Path, doc: dict) -> None:
    """Every record of every table with rows, cell for cell; a coded column as the label that
    "Giải thích" gives its code, then the code itself; no sheet for a table without rows."""
    wb = load_workbook(path, read_only=True, data_only=True)
    assert load_plan(REAL_PLAN).plan.funded  # so every money column is shown
    money_unit = doc["plan"]["money_unit"]
    filled = [name for name, rows in doc["tables"].items() if rows]
    assert wb.sheetnames == [word("data.sheet.info"), *(sheet_name(n) for n in filled), word("data.sheet.legend")]
    info = dict(wb[word("data.sheet.info")].iter_rows(min_row=2, values_only=True))
    assert info[word("data.info.money")] == money_unit
    for name in filled:
        rows = doc["tables"][name]
        columns = [c for c in sheet_columns(name, money_unit) if c[0] in shown_columns(name, True)]
        assert [k for k, _, is_label in columns if not is_label] == [k for k, _ in COLUMNS[name]]  # every key, once
        ws = wb[sheet_name(name)]
        table = list(ws.iter_rows(values_only=True))
        assert list(table[0]) == [text for _, text, _ in columns]
        assert len([r for r in table[1:] if any(c is not None for c in r)]) == len(rows)
        legends = {key: _legend_labels(wb, key, ws.title) for key, _, is_label in columns if is_label}
        for line, record in zip(table[1:], rows, strict=False):
            for cell, (key, _, is_label) in zip(line, columns, strict=True):
                value = record[key]
                if is_label and value is not None:
                    label = "; ".join(legends[key][code] for code in str(value).split(";"))
                    assert cell == label != value, (name, key, cell, value)
                elif is_label:
                    assert cell is None, (name, key, cell)
                else:
                    assert _same(cell, value), (name, key, cell, value)


def test_workbook_holds_exactly_the_json(period: Path) -> None:
    _check_workbook(next(period.glob("*.xlsx")), _load(_report_json(period)))


def test_workbook_is_dated_by_the_report_not_by_the_clock(tmp_path: Path) -> None:
    """openpyxl's Workbook.save stamps "modified" with the clock; the same inputs must give the
    same bytes, dated by the report (here SOURCE_DATE_EPOCH, as a reproducible build sets it)."""
    import datetime as dt

    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    made = []
    for n in (1, 2):
        out = tmp_path / str(n)
        result = run_cli("report", "--year", "2022", "--format", "xlsx", "--out", str(out), env=env)
        assert result.returncode == 0, result.stderr.decode()
        made.append((out / "bao-cao-2022.xlsx").read_bytes())
        if n == 1:
            time.sleep(1.1)  # "modified" has whole seconds
    assert made[0] == made[1]
    props = load_workbook(io.BytesIO(made[0])).properties
    assert props.created == props.modified == dt.datetime(2023, 11, 14, 22, 13, 20)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (installed by .ci/run)")
def test_libreoffice_opens_the_workbook_and_reads_the_same_values(period: Path, tmp_path: Path) -> None:
    source = next(period.glob("*.xlsx"))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "xlsx",
                    "--outdir", str(tmp_path / "saved"), str(source)], capture_output=True, check=True, timeout=300)
    _check_workbook(tmp_path / "saved" / source.name, _load(_report_json(period)))


def test_period_tables_are_the_years_tables(period: Path, years: dict[int, dict]) -> None:
    doc = _load(_report_json(period))
    for year, one in years.items():
        for name in ("indicators", "completeness", "appendix"):
            assert [r for r in doc["tables"][name] if r["year"] == year] == one["tables"][name], (year, name)


def test_period_figures_recomputed_from_the_raw_files(period: Path) -> None:
    """Sum of numerators over sum of denominators, straight from the YAML files, for every
    percentage indicator over the whole area, every year."""
    doc = _load(_report_json(period))
    raw: dict[int, list[dict]] = {}
    for path in sorted(REPORTS.glob("*/*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_DecimalLoader)
        raw.setdefault(data["year"], []).append(data)
    checked = 0
    for r in doc["tables"]["indicators"]:
        if r["value_kind"] != "percent" or r["scope"] != "all" or r["numerator"] is None:
            continue
        num = den = 0
        for sub in raw[r["year"]]:
            for counts in (sub.get("indicators") or {}).get(r["indicator"], {}).values():
                if counts.get("denominator"):
                    num += counts["numerator"]
                    den += counts["denominator"]
        assert (r["numerator"], r["denominator"]) == (num, den), (r["indicator"], r["year"])
        checked += 1
    assert checked >= 20


@pytest.mark.parametrize("case, expected, said", [
    ("all", (3, 3), "có 03/03 chỉ tiêu đạt và vượt mục tiêu (trong đó 02 chỉ tiêu vượt)."),
    ("none", (0, 0), "có 00/03 chỉ tiêu đạt và vượt mục tiêu, 03 chỉ tiêu chưa đến hạn."),
    ("one_unassessable", (2, 2), "có 02/03 chỉ tiêu đạt và vượt mục tiêu (trong đó 01 chỉ tiêu vượt), "
                                 "01 chỉ tiêu chưa đánh giá được.")])
def test_the_tally_of_targets_reached(tmp_path: Path, case: str, expected: tuple[int, int], said: str) -> None:
    """Constructed cases on the fictional mini plan: every target reached, none, one that cannot be assessed.
    The span 2021-2022 ends before the targets' year (2023): one not reached yet is not yet due, not missed;
    the base of "x/y" stays the plan's three quantitative targets."""
    from conftest import MINI_PLAN

    data = tmp_path / "reports"
    shutil.copytree(REPO / "tests" / "cases" / "valid" / "basic" / "reports", data)
    figures = {"all": ((900, 1000), (900, 1000), (850, 1000)), "none": ((100, 1000), (100, 1000), (100, 1000)),
               "one_unassessable": ((900, 1000), (0, 0), (850, 1000))}[case]
    (s_dt, h_dt, vb) = figures
    s1 = data / "2022" / "S1.yaml"
    text = s1.read_text(encoding="utf-8")
    text = text.replace("numerator: 620\n      denominator: 1000", f"numerator: {s_dt[0]}\n      denominator: {s_dt[1]}")
    text = text.replace("numerator: 1700\n      denominator: 2000", f"numerator: {vb[0] * 2}\n      denominator: {vb[1] * 2}")
    s1.write_text(text, encoding="utf-8")
    h1 = data / "2022" / "H1.yaml"
    text = h1.read_text(encoding="utf-8")
    text = text.replace("huyen: {numerator: 300, denominator: 1000}", f"huyen: {{numerator: {h_dt[0]}, denominator: {h_dt[1]}}}")
    text = text.replace("huyen: {numerator: 800, denominator: 1000}", f"huyen: {{numerator: {vb[0]}, denominator: {vb[1]}}}")
    h1.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("report", "--plan", str(MINI_PLAN), "--data", str(data), "--period", "2021-2022", "--format", "json",
                     "--out", str(out), env={"PLAN744_TODAY": "2024-06-30"})
    assert result.returncode == 0, result.stderr.decode()
    outcomes = _load(next(out.glob("*.json")))["tables"]["outcomes"]
    met = sum(o["attainment"] in ("reached", "exceeded") for o in outcomes)
    counted = sum(o["attainment"] != "not_assessed" for o in outcomes)
    assert (met, counted) == expected
    assert sum(o["unassessed"] == "not_yet_due" for o in outcomes) == (3 if case == "none" else 0)
    assert f"Năm 2022 (số liệu đến ngày 31/12/2022), {said}" in result.stdout.decode().splitlines()


def test_the_close_out_judges_the_district_level_on_its_last_figures(period: Path) -> None:
    """The district level ended on 30/6/2025; its targets are judged on its figures to that day
    (work dossiers online: 97,0% against 80%), so the province met 12 of its 15 quantified targets."""
    outcomes = _load(_report_json(period))["tables"]["outcomes"]
    dossiers = next(o for o in outcomes if (o["indicator"], o["scope"]) == ("ho_so_cong_viec_tren_mang", "huyen"))
    assert (dossiers["last_year"], dossiers["attainment"], dossiers["unassessed"]) == (2025, "exceeded", None)
    quantified = [o for o in outcomes if o["unassessed"] != "qualitative"]
    met = [o for o in quantified if o["attainment"] in ("reached", "exceeded")]
    assert (len(met), len(quantified)) == (12, 15)
