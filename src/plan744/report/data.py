"""Every computed figure as data: JSON (with its schema written beside it), CSV (one file per
table) and an Excel workbook (`report.workbook`, one sheet per table) that hold exactly the same
records.

The records are built once (`tables`), from the same figures the documents show, with stable
keys and codes: indicators by scope and year (numerator, denominator, value, target, verdict),
each unit's figures, appendix rows by year and the units' reports on them, who reported and
when, the qualitative tasks' statuses, and the budget by year. Counts and money are exact
(an int, or a decimal written digit for digit); a percentage is in points (86.0529 for
86,05%, and a target of 90% is 90, in every file), rounded half-up to 4 decimals, and always
comes with its numerator and denominator. Text that a spreadsheet would
read as a formula (starting with =, +, -, @) is neutralised in the CSV and the workbook.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from plan744.core import display
from plan744.core.figures.period import IndicatorPeriod, PeriodFigures
from plan744.core.figures.year import IndicatorYear, YearFigures
from plan744.core.labels import word
from plan744.core.plan import Plan
from plan744.core.words_outputs import DATA_HEADERS
from plan744.core.words_outputs import SHEET_NAMES as DEFAULT_SHEET_NAMES

SCHEMA_ID = "https://plan744.invalid/report-data.schema.json"  # an identifier, not an address
SCHEMA_FILE = "report-data.schema.json"
"""The schema's file name: written beside every JSON output, which names it by this relative
reference in "$schema" (an editor or a validator finds it next to the file)."""
PERCENT_PLACES = Decimal("0.0001")

Figures = YearFigures | PeriodFigures
Record = dict[str, Any]

# table -> (key, header) in order; the JSON, the CSV and the workbook use these columns. The headers
# here are the catalogue's defaults (the JSON schema's descriptions); the workbook asks `header`,
# which answers with the plan's own words (`words: data.<table>.<key>` of the plan file).
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    table: tuple(columns.items()) for table, columns in DATA_HEADERS.items()
}
SHEET_NAMES = DEFAULT_SHEET_NAMES
"""table -> the default sheet name (the workbook asks `sheet_name`)."""


FUNDED_ONLY: dict[str, tuple[str, ...]] = {
    "budget": tuple(k for k, _ in COLUMNS["budget"]),
    "appendix": ("planned", "allocated", "disbursed", "cumulative", "cumulative_share"),
    "appendix_reports": ("allocated", "disbursed"),
}
"""Columns (all of "budget") that only a funded appendix fills: a task list has none of them."""


def shown_columns(table: str, funded: bool) -> list[str]:
    """The keys a CSV file or a sheet shows: without a funded appendix, no money columns and no
    budget table (the JSON keeps every key, as its schema says, with null values)."""
    dropped = () if funded else FUNDED_ONLY.get(table, ())
    return [k for k, _ in COLUMNS[table] if k not in dropped]


def header(table: str, key: str) -> str:
    """A column's header in the workbook, as the plan being reported words it."""
    return word(f"data.{table}.{key}")


def sheet_name(table: str) -> str:
    """A sheet's name in the workbook, as the plan words it (the words model refuses a name Excel
    would not take)."""
    return word(f"data.sheet.{table}")


PERCENT_KEYS = {"value", "previous", "baseline", "last_value", "path_expected", "target_value", "target_stretch", "cumulative_share",
                "disbursement_rate"}


# --- the schema of the JSON output, from the same columns ------------------------------------

_INT = {"type": "integer"}
_NUMBER = {"type": "number"}  # written digit for digit: read it as a decimal, not a float
_DATE = {"type": "string", "format": "date"}


def _enum(values: Any) -> dict[str, Any]:
    return {"enum": [getattr(v, "value", v) for v in values]}


def _key_schemas() -> dict[str, dict[str, Any]]:
    from typing import get_args

    from plan744.core.figures.codes import Attainment, PathStatus, Timeliness, Unassessed
    from plan744.core.plan import Comparison
    from plan744.core.status import STATUSES

    ints = ("year", "start", "end", "baseline_year", "last_year", "target_year", "total_since", "reporting_units",
            "expected_units", "rank", "reports", "days_late")
    numbers = ("numerator", "denominator", "amount", "value", "previous", "total", "baseline", "last_value",
               "target_value", "target_stretch", "path_expected", "planned", "allocated", "disbursed", "cumulative",
               "cumulative_share", "disbursement_rate")
    out: dict[str, dict[str, Any]] = dict.fromkeys(ints, _INT) | dict.fromkeys(numbers, _NUMBER)
    out |= dict.fromkeys(("level_end", "uncovered_from", "covers_from", "covers_to", "deadline", "submitted"), _DATE)
    out |= {"partial": {"type": "boolean"}, "each_year": {"type": "boolean"},
            "attainment": _enum(Attainment), "unassessed": _enum(Unassessed), "path": _enum(PathStatus),
            "timeliness": _enum(Timeliness), "value_kind": _enum(("percent", "count", "amount", "rank")),
            "target_kind": _enum(get_args(Comparison)), "status": _enum(STATUSES),
            "section": _enum(("highlights", "shortcomings", "proposals"))}
    return out


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def json_schema() -> dict[str, Any]:
    """The JSON Schema of `--format json` (committed as schema/report-data.schema.json)."""
    keys = _key_schemas()
    never_null = {"year", "indicator", "scope", "unit", "tt", "task", "start", "end", "attainment", "path", "timeliness"}

    def column(key: str, header: str) -> dict[str, Any]:
        schema = {**keys.get(key, {"type": "string"}), "description": header}
        return schema if key in never_null else _nullable(schema)

    tables = {
        name: {"type": "array", "items": {
            "type": "object", "additionalProperties": False, "required": [k for k, _ in cols],
            "properties": {k: column(k, header) for k, header in cols}}}
        for name, cols in COLUMNS.items()
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
        "title": "Số liệu đã tính của báo cáo plan744 (report --format json)",
        "description": "Mỗi bảng là một danh sách bản ghi; số viết đủ chữ số (đọc như số thập phân, không làm tròn); "
                       "tỷ lệ % làm tròn 4 chữ số thập phân và luôn kèm tử số, mẫu số.",
        "type": "object", "additionalProperties": False,
        "required": ["$schema", "kind", "generated", "plan", "years", "tables"],
        "properties": {
            "$schema": {"const": SCHEMA_FILE},
            "kind": {"enum": ["year", "period"]},
            "generated": {"type": "string", "format": "date-time"},
            "plan": {"type": "object", "additionalProperties": False,
                     "required": ["kind", "number", "title", "period", "money_unit", "area_name"],
                     "properties": {"kind": {"type": "string"}, "number": {"type": "string"}, "title": {"type": "string"},
                                    "period": {"type": "object", "required": ["start", "end"], "additionalProperties": False,
                                               "properties": {"start": _INT, "end": _INT}},
                                    "money_unit": {"type": "string"}, "area_name": {"type": "string"}}},
            "years": {"type": "array", "items": _INT, "minItems": 1},
            "tables": {"type": "object", "additionalProperties": False, "required": list(COLUMNS), "properties": tables},
        },
    }


def _pct(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(PERCENT_PLACES, rounding=ROUND_HALF_UP)


def _num(value: int | Decimal | None) -> int | Decimal | None:
    if value is None or isinstance(value, int):
        return value
    exponent = value.as_tuple().exponent
    return int(value) if isinstance(exponent, int) and exponent >= 0 and value == value.to_integral_value() else value


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _indicator_record(year: int, r: IndicatorYear, scope_names: dict[str, str], plan: Plan) -> Record:
    t = r.target
    percent = r.indicator.is_percent
    lead = plan.units_by_code.get(r.indicator.monitor or "")
    return {
        "year": year, "indicator": r.indicator.id, "name": r.indicator.name, "scope": r.scope,
        "scope_name": scope_names[r.scope], "value_kind": r.indicator.value,
        "numerator": _num(r.ratio.numerator) if r.ratio else None,
        "denominator": _num(r.ratio.denominator) if r.ratio else None,
        "amount": _num(r.amount), "value": _pct(r.value) if percent else _num(r.value),
        "total": _num(r.total), "total_since": r.total_since,
        "previous": _pct(r.previous) if percent else _num(r.previous),
        "target_kind": t.kind if t else None, "target_value": _num(t.value) if t else None,
        "target_stretch": _num(t.stretch) if t else None, "target_year": r.governing.milestone,
        "target_wording": t.wording if t else None, "attainment": r.attainment.value,
        "unassessed": r.unassessed.value if r.unassessed else None, "path_expected": _pct(r.path_expected),
        "path": r.path.value, "reporting_units": r.reporting_units, "expected_units": r.expected_units,
        "level_end": _date(r.level_end),
        # a partial year (`core.figures.assessment.uncovered`) and the units that sent nothing
        "uncovered_from": _date(r.uncovered_from), "uncovered_levels": ";".join(r.uncovered_levels) or None,
        "missing_units": ";".join(u.code for u in r.missing) or None,
        # the unit the plan names to lead (chủ trì theo dõi, đánh giá) the target, where it names one
        "lead": r.indicator.monitor, "lead_name": lead.name if lead else (r.indicator.monitor_text or None),
    }


def _outcome_record(p: PeriodFigures, i: IndicatorPeriod, scope_names: dict[str, str]) -> Record:
    """A target over the span: where it started, its last figure, the verdict of the span."""
    t, percent, last = i.target, i.indicator.is_percent, i.last_figure
    return {
        "start": p.start, "end": p.end, "indicator": i.indicator.id, "name": i.indicator.name, "scope": i.scope,
        "scope_name": scope_names[i.scope], "baseline_year": i.baseline.year if i.baseline else None,
        "baseline": (_pct(i.baseline.value) if percent else _num(i.baseline.value)) if i.baseline else None,
        "last_year": last[0] if last else None,
        "last_value": (_pct(last[1]) if percent else _num(last[1])) if last else None,
        "target_kind": t.kind if t else None, "target_value": _num(t.value) if t else None,
        "target_year": i.final.governing.milestone, "each_year": bool(t and t.each_year),
        "missed_years": ";".join(str(y) for y in i.missed_years) or None, "attainment": i.attainment.value,
        "unassessed": i.unassessed.value if i.unassessed else None,
    }


def tables(figures: Figures) -> dict[str, list[Record]]:
    years = figures.years if isinstance(figures, PeriodFigures) else (figures,)
    plan = years[0].plan
    scope_names = display.scope_names(plan)
    out: dict[str, list[Record]] = {name: [] for name in COLUMNS}
    if isinstance(figures, PeriodFigures):
        out["outcomes"] = [_outcome_record(figures, i, scope_names) for i in figures.indicators]
    for f in years:
        y = f.year
        for r in f.indicators:
            out["indicators"].append(_indicator_record(y, r, scope_names, plan))
            for u in r.units:
                out["units"].append({
                    "year": y, "indicator": r.indicator.id, "name": r.indicator.name, "scope": r.scope, "unit": u.unit.code,
                    "unit_name": u.unit.name, "kind": u.unit.kind, "numerator": _num(u.ratio.numerator) if u.ratio else None,
                    "denominator": _num(u.ratio.denominator) if u.ratio else None, "amount": _num(u.amount),
                    "value": _pct(u.value) if r.indicator.is_percent else _num(u.value),
                    "previous": _pct(u.previous) if r.indicator.is_percent else _num(u.previous),
                    "rank": u.rank, "partial": u.partial,
                })
        for a in f.appendix:
            out["appendix"].append({
                "year": y, "tt": str(a.task.tt), "name": a.task.name,
                "lead": getattr(a.lead, "code", None), "lead_name": a.lead_name, "planned": _num(a.task.cost),
                "allocated": _num(a.allocated) if a.task.funded else None,
                "disbursed": _num(a.disbursed) if a.task.funded else None,
                "cumulative": _num(a.cumulative) if a.task.funded else None,
                "cumulative_share": _pct(a.cumulative_share), "statuses": ";".join(a.statuses) or None, "reports": len(a.reports),
            })
            for rep in a.reports:
                out["appendix_reports"].append({
                    "year": y, "tt": str(a.task.tt), "unit": rep.unit.code, "unit_name": rep.unit.name,
                    "status": rep.status, "allocated": _num(rep.allocated), "disbursed": _num(rep.disbursed),
                    "progress": rep.progress,
                })
        for d in f.completeness.rows:
            out["completeness"].append({
                "year": y, "unit": d.unit.code, "unit_name": d.unit.name, "kind": d.unit.kind,
                "covers_from": _date(d.coverage.start), "covers_to": _date(d.coverage.end),
                "deadline": _date(d.coverage.deadline), "submitted": _date(d.submitted),
                # a report never sent is "missing" (or "pending"), not 0 days late: no number at all
                "timeliness": d.timeliness.value, "days_late": d.days_late if d.submitted is not None else None,
            })
        for area in f.areas:
            for task in area.tasks:
                for acc in task.accounts:
                    out["tasks"].append({"year": y, "task": task.task.id, "area": area.code, "unit": acc.unit.code,
                                         "unit_name": acc.unit.name, "status": acc.status, "account": acc.text})
        for section, items in f.narratives.items():
            for item in items:
                if item.text.strip():
                    out["narratives"].append({"year": y, "unit": item.unit.code, "unit_name": item.unit.name,
                                              "section": section, "text": item.text})
        if f.budget is not None:
            b = f.budget
            out["budget"].append({"year": y, "planned": _num(b.planned), "allocated": _num(b.allocated),
                                  "disbursed": _num(b.disbursed), "cumulative": _num(b.cumulative),
                                  "disbursement_rate": _pct(b.disbursement_rate), "cumulative_share": _pct(b.cumulative_share)})
    return out


def document(figures: Figures, generated: dt.datetime) -> Record:
    years = figures.years if isinstance(figures, PeriodFigures) else (figures,)
    plan = years[0].plan
    return {
        "$schema": SCHEMA_FILE,
        "kind": "period" if isinstance(figures, PeriodFigures) else "year",
        "generated": generated.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "plan": {"kind": plan.document.kind, "number": plan.document.number, "title": plan.document.title,
                 "period": {"start": plan.period.start, "end": plan.period.end}, "money_unit": plan.money.unit,
                 "area_name": plan.report.area_name},
        "years": [f.year for f in years],
        "tables": tables(figures),
    }


def schema_bytes() -> bytes:
    """The schema as the file written beside a JSON output (and committed in schema/)."""
    return (json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _encode(value: Any) -> str:
    """JSON text with every Decimal written digit for digit (json.dumps would need floats)."""
    if isinstance(value, dict):
        return "{" + ", ".join(json.dumps(k, ensure_ascii=False) + ": " + _encode(v) for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_encode(v) for v in value) + "]"
    if isinstance(value, Decimal):
        return format(value, "f")
    return json.dumps(value, ensure_ascii=False)


def to_json(figures: Figures, generated: dt.datetime) -> bytes:
    doc = document(figures, generated)
    head = {k: v for k, v in doc.items() if k != "tables"}
    lines = ["{"] + [f"  {json.dumps(k)}: {_encode(v)}," for k, v in head.items()] + ['  "tables": {']
    names = list(doc["tables"])
    for i, name in enumerate(names):
        rows = doc["tables"][name]
        body = ",\n".join(f"      {_encode(r)}" for r in rows)
        lines.append(f"    {json.dumps(name)}: [" + (f"\n{body}\n    " if rows else "") + "]" + ("," if i < len(names) - 1 else ""))
    lines += ["  }", "}"]
    return ("\n".join(lines) + "\n").encode("utf-8")


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutral(text: str) -> str:
    """Text a spreadsheet must not take for a formula (CSV injection): a leading ' keeps it text."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, str):
        return neutral(value)
    return str(value)


def to_csv(figures: Figures) -> dict[str, bytes]:
    """One CSV per table (UTF-8 with a byte-order mark so Excel reads Vietnamese; keys as headers).

    Written for programs, in one form whatever the machine's language: numbers with a dot for
    decimals and no thousands separator (format(Decimal, "f"), never locale or vnformat: "214.125"
    in Vietnamese grouping would be 214125), dates ISO, an empty field for no value. Text is
    written as it is, but a leading ' before = + - @ (formula injection). A spreadsheet set to
    Vietnamese still reads these files its own way (dots, "1-2" as a date): the typed .xlsx is the
    file to open in one, as the README says."""
    out = {}
    years = figures.years if isinstance(figures, PeriodFigures) else (figures,)
    funded = years[0].plan.funded
    for name, rows in tables(figures).items():
        keys = shown_columns(name, funded)
        if not keys:
            continue  # the budget of a plan without a funded appendix
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(keys)
        for r in rows:
            writer.writerow([_csv_value(r[k]) for k in keys])
        out[name] = ("\ufeff" + buf.getvalue()).encode("utf-8")
    return out
