"""The intakes, keyed by file suffix: the reader of each type of report file, the writer of its
blank or filled form, or the reason a type is refused (check-jsonschema's `ParserSet`).

Every caller asks `intake_for(name)`: `readers.files.discover` (what is read or reported),
`intake.read.read_report_file` (how it is read), `plan744 new-report` and `plan744 convert`
(what is written). A third intake (a web form, another province's workbook) is a third entry
of `INTAKES`, not a third `if`. Readers and writers are imported when called, so that a YAML
validate never imports openpyxl.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plan744.core.labels import speaking
from plan744.readers.xlsx_package import MAX_FILE_BYTES  # the package checks only: no openpyxl
from plan744.readers.yaml_source import MAX_BYTES, YamlDocument, load_yaml

if TYPE_CHECKING:
    from plan744.core.plan import Plan


@dataclass(frozen=True)
class Form:
    """What a form is written from: the unit, the year, the values to fill it with (shaped like
    `Submission.model_dump()`; None for a blank form), where it is saved, and when."""

    plan: Plan
    unit: str
    year: int
    target: Path
    generated: dt.datetime
    values: dict[str, Any] | None = None
    header: tuple[str, ...] = ()  # comment lines at the top of a text form


@dataclass(frozen=True)
class Intake:
    name: str  # the `--format` of `plan744 new-report`
    suffix: str  # the suffix of a file written
    suffixes: tuple[str, ...]  # the suffixes read
    limit: int  # at most this many bytes are read …
    too_large_code: str  # … or this finding says why not
    parse: Callable[[bytes, str, str], YamlDocument]  # (bytes, shown path, file name) -> data + places
    write: Callable[[Form], bytes]
    made: str  # what `new-report` says of the form it wrote ({target})


@dataclass(frozen=True)
class Refusal:
    code: str  # the message catalogue's code that says why the file is not read
    warning_in_folder: bool = False  # only a warning for a file found in a folder (not named)


def _parse_yaml(raw: bytes, shown: str, name: str) -> YamlDocument:
    return load_yaml(raw, shown, MAX_BYTES, "yaml-too-large")


def _write_yaml(form: Form) -> bytes:
    from plan744.forms.scaffold_yaml import scaffold
    from plan744.readers.project import schema_ref_for

    with speaking(form.plan.words):  # the form in the plan's own words (`words:` of the plan file)
        text = scaffold(form.plan, form.unit, form.year, schema_ref_for(form.target), form.values, header=form.header)
    return text.encode("utf-8")


def _parse_xlsx(raw: bytes, shown: str, name: str) -> YamlDocument:
    from plan744.readers.status_xlsx import is_status_form, read_status_xlsx
    from plan744.readers.xlsx_source import read_xlsx

    if is_status_form(raw, shown, name):  # a task status report's form (issue 27), not an annual report's
        return read_status_xlsx(raw, shown, name)
    return read_xlsx(raw, shown, name)


def _write_xlsx(form: Form) -> bytes:
    from plan744.forms.xlsx_form import workbook

    with speaking(form.plan.words):  # the form in the plan's own words (`words:` of the plan file)
        return workbook(form.plan, form.unit, form.year, form.values, generated=form.generated)


INTAKES: dict[str, Intake] = {
    intake.name: intake for intake in (
        Intake("yaml", ".yaml", (".yaml", ".yml"), MAX_BYTES, "yaml-too-large", _parse_yaml, _write_yaml,
               "Đã tạo {target}. Điền số liệu rồi kiểm tra: plan744 validate {target}"),
        Intake("xlsx", ".xlsx", (".xlsx",), MAX_FILE_BYTES, "file-too-large", _parse_xlsx, _write_xlsx,
               "Đã tạo biểu mẫu {target}: gửi cho đơn vị điền vào các ô nền vàng; nhận lại rồi kiểm tra: "
               "plan744 validate {target}"),
    )
}

@dataclass(frozen=True)
class StatusForm:
    """A unit's task status report form (issue 27) for one period ("2026-Q3"), blank or filled
    (`values` shaped like `StatusReport.model_dump()`)."""

    plan: Plan
    unit: str
    period: str
    target: Path
    generated: dt.datetime
    values: dict[str, Any] | None = None


def _write_status_xlsx(form: StatusForm) -> bytes:
    from plan744.core.status_report import parse_period
    from plan744.forms.status_xlsx import workbook

    period = parse_period(form.period)
    assert period is not None  # the caller checked it
    with speaking(form.plan.words):
        return workbook(form.plan, form.unit, period, form.values, generated=form.generated)


STATUS_WRITERS: dict[str, tuple[str, Callable[[StatusForm], bytes]]] = {"xlsx": (".xlsx", _write_status_xlsx)}
"""`new-report --period`: the status report forms by `--format`, with the suffix each writes."""

REFUSED = {".xls": Refusal("file-xls"), ".xlsm": Refusal("file-xlsm"), ".ods": Refusal("file-ods")}  # said why, never read
NOT_A_REPORT = Refusal("file-not-report", warning_in_folder=True)  # any other type

_BY_SUFFIX = {suffix: intake for intake in INTAKES.values() for suffix in intake.suffixes}
REPORT_SUFFIXES = tuple(_BY_SUFFIX)


def intake_for(name: str) -> Intake | Refusal:
    """The intake of a file named `name` (its suffix, in any case), or why it is not read."""
    suffix = os.path.splitext(name)[1].lower()
    return _BY_SUFFIX.get(suffix) or REFUSED.get(suffix, NOT_A_REPORT)
