"""A unit's status report on its tasks for one reporting period (issue 27), and its checks
against the plan.

A unit reports each task it leads: chưa triển khai, đang triển khai, hoàn thành (with the
completion date), dừng or đề nghị điều chỉnh (with the reason), and the product or evidence
(number and date of a document, or a link). Whether a task is overdue is never reported: it is
worked out from the deadline, the status and the completion date (`core.progress`).

A file is a status report when it has a `progress` mapping (an annual submission never has
one). Pure: models and findings, no I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from plan744.core.deadline import Every
from plan744.core.findings import Finding, SourceMap
from plan744.core.labels import word
from plan744.core.messages import make
from plan744.core.plan import Plan
from plan744.core.strict import Code, LongText, OptionalText, StrictModel, Text
from plan744.core.submission import Person
from plan744.core.suggest import closest
from plan744.core.vnformat import format_day

Status = Literal["chua_trien_khai", "dang_trien_khai", "hoan_thanh", "dung", "de_nghi_dieu_chinh"]
STATUSES: tuple[str, ...] = ("chua_trien_khai", "dang_trien_khai", "hoan_thanh", "dung", "de_nghi_dieu_chinh")
NEEDS_REASON = frozenset({"dung", "de_nghi_dieu_chinh"})

_PERIOD = re.compile(r"(?P<y>\d{4})(?:-Q(?P<q>[1-4])|-(?P<m>0[1-9]|1[0-2]))?")


@dataclass(frozen=True, order=True)
class PeriodKey:
    """A reporting period: a year, a quarter or a month."""

    start: dt.date
    end: dt.date
    key: str
    every: Every


def parse_period(text: str) -> PeriodKey | None:
    """ "2026" -> the year, "2026-Q2" -> the quarter, "2026-03" -> the month; None otherwise."""
    m = _PERIOD.fullmatch(text.strip())
    if not m:
        return None
    y = int(m.group("y"))
    if m.group("q"):
        q = int(m.group("q"))
        first, last, every = 3 * q - 2, 3 * q, "quarter"
    elif m.group("m"):
        first = last = int(m.group("m"))
        every = "month"
    else:
        first, last, every = 1, 12, "year"
    end = (dt.date(y + (last == 12), last % 12 + 1, 1)) - dt.timedelta(days=1)
    return PeriodKey(dt.date(y, first, 1), end, text.strip(), every)  # type: ignore[arg-type]


class Evidence(StrictModel):
    """The product or evidence: a document's number and date, or a link."""

    number: OptionalText = ""  # "123/QĐ-BCA"
    date: dt.date | None = None
    link: OptionalText = ""

    @model_validator(mode="after")
    def _enough(self) -> Evidence:
        if not self.link and not (self.number and self.date):
            raise ValueError("st-evidence-incomplete")
        return self

    def describe(self) -> str:
        """Number and date as written in a document ("123/QĐ-BCA, 20/6/2026"), then the link."""
        parts = []
        if self.number and self.date:
            parts.append(f"{self.number}, {format_day(self.date)}")
        if self.link:
            parts.append(self.link)
        return "; ".join(parts)


class TaskStatus(StrictModel):
    status: Status
    completed: dt.date | None = None  # required with hoan_thanh
    reason: LongText | None = None  # required with dung, de_nghi_dieu_chinh
    evidence: Evidence | None = None
    occurrence: str | None = None  # a recurring task: the period reported ("2026", "2026-Q1"); default the report's
    note: str = Field("", max_length=10_000)

    @field_validator("occurrence")
    @classmethod
    def _occurrence(cls, v: str | None) -> str | None:
        if v is not None and parse_period(v) is None:
            raise ValueError("st-occurrence-format")
        return v

    @model_validator(mode="after")
    def _rules(self) -> TaskStatus:
        if self.status == "hoan_thanh" and self.completed is None:
            raise ValueError("st-completed-missing")
        if self.status != "hoan_thanh" and self.completed is not None:
            raise ValueError("st-completed-not-done")
        if self.status in NEEDS_REASON and not self.reason:
            raise ValueError("st-reason-missing")
        return self

    @property
    def done(self) -> bool:
        return self.status == "hoan_thanh"

    @property
    def evidence_text(self) -> str:
        return self.evidence.describe() if self.evidence else ""


class StatusReport(StrictModel):
    """One unit's report on its tasks for one period; a later one for the same period (by
    `submitted`) supersedes it."""

    plan: Text
    unit: Code
    period: str
    submitted: dt.date
    prepared_by: Person | None = None
    progress: dict[str | int, TaskStatus]  # task key (appendix row number, task id) -> status

    @field_validator("period")
    @classmethod
    def _period(cls, v: str) -> str:
        if parse_period(v) is None:
            raise ValueError("st-period-format")
        return v.strip()

    @property
    def period_key(self) -> PeriodKey:
        found = parse_period(self.period)
        assert found is not None
        return found

    def statuses(self) -> dict[str, TaskStatus]:
        """By task key as text: the row 13 and "13" are the same."""
        return {str(k): v for k, v in self.progress.items()}


@dataclass(frozen=True, slots=True)
class Entry:
    """What the figures need of one checked status: a few fields, not a model (a national run
    holds hundreds of thousands)."""

    status: str
    completed: dt.date | None
    reason: str
    evidence_text: str
    occurrence: str | None

    @property
    def done(self) -> bool:
        return self.status == "hoan_thanh"


@dataclass(frozen=True, slots=True)
class Facts:
    """What the figures need of one checked report (`facts_of`)."""

    unit: str
    period: str
    period_key: PeriodKey
    submitted: dt.date
    entries: dict[str, Entry]

    def statuses(self) -> dict[str, Entry]:
        return self.entries


def facts_of(report: StatusReport | Facts) -> Facts:
    if isinstance(report, Facts):
        return report
    entries = {k: Entry(v.status, v.completed, v.reason or "", v.evidence_text, v.occurrence)
               for k, v in report.statuses().items()}
    return Facts(report.unit, report.period, report.period_key, report.submitted, entries)


@dataclass(frozen=True)
class FiledReport:
    """A status report with where it was read from."""

    report: StatusReport | Facts  # the model as read, or only its facts once checked
    file: str
    source: SourceMap


def check_report(plan: Plan, filed: FiledReport, assignees: Mapping[str, tuple[str, ...]],
                 lead_text: Mapping[str, str], recurring: frozenset[str], no_deadline: frozenset[str]) -> list[Finding]:
    """The report against the plan: its plan, unit, period and tasks. `assignees`: the plan's
    tasks by key, with who answers for each; `recurring`, `no_deadline`: keys of tasks with a
    recurring deadline and without one."""
    tracked = assignees
    r, src, file = filed.report, filed.source, filed.file
    assert isinstance(r, StatusReport)  # checked as read, before it is reduced to its facts
    out: list[Finding] = []

    def add(code: str, path: tuple, **params: Any) -> None:
        out.append(make(code, file=file, place=src.place(path, prefer_key=True), path=path, **params))

    if r.plan != plan.document.number:
        add("st-plan-other", ("plan",), named=r.plan, used=plan.document.number)
    if r.unit not in plan.units_by_code:
        guess = closest(r.unit, list(plan.units_by_code))
        add("st-unit-unknown", ("unit",), unit=r.unit, hint=f" Có phải ý là “{guess}”?" if guess else "")
    p = r.period_key
    declared = [tp.every for tp in plan.tracking.periods] if plan.tracking else ["year"]
    if p.every not in declared:
        add("st-period-not-declared", ("period",), every=word(f"tasks.every.{p.every}"),
            declared=", ".join(word(f"tasks.every.{e}") for e in declared))
    if not plan.period.start <= p.start.year <= plan.period.end:
        add("st-period-outside", ("period",), period=r.period, start=plan.period.start, end=plan.period.end)
    due = period_deadline(plan, p)
    if due is not None and r.submitted > due:
        add("st-late", ("submitted",), period=r.period, submitted=format_day(r.submitted), deadline=format_day(due))
    if r.submitted < p.start:
        add("st-submitted-before-period", ("submitted",), submitted=format_day(r.submitted), period=r.period, start=format_day(p.start))
    for key, st in r.progress.items():
        k = str(key)
        path = ("progress", key)
        if k not in tracked:
            guess = closest(k, list(tracked))
            add("st-task-unknown", path, task=k, hint=f" Có phải ý là “{guess}”?" if guess else "")
            continue
        if k in no_deadline:
            add("st-task-no-deadline", path, task=k)
        if r.unit in plan.units_by_code and r.unit not in assignees.get(k, ()):
            add("st-task-not-assigned", path, unit=r.unit, task=k, lead=lead_text.get(k, ""))
        if st.occurrence is not None and k not in recurring:
            add("st-occurrence-one-off", (*path, "occurrence"), task=k)
        if st.completed is not None and st.completed > r.submitted:
            add("st-completed-after-submitted", (*path, "completed"), completed=format_day(st.completed), submitted=format_day(r.submitted))
        if st.done and st.evidence is None:
            add("st-evidence-missing", path, task=k)
    return out


def period_deadline(plan: Plan, period: PeriodKey) -> dt.date | None:
    """When the report for `period` is due, by the plan's declaration of that kind of period (a
    year without a declaration: the plan's yearly reporting deadline); None if none is declared."""
    if plan.tracking is not None:
        for tp in plan.tracking.periods:
            if tp.every == period.every:
                n = period.end.year * 12 + period.end.month - 1 + tp.months_after
                y, m = n // 12, n % 12 + 1
                last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
                return dt.date(y, m, min(tp.day, last))
    return plan.deadline(period.end.year) if period.every == "year" else None


def check_duplicates(filed: list[FiledReport]) -> list[Finding]:
    """Two reports of one unit for one period sent the same day: neither supersedes the other."""
    seen: dict[tuple[str, str, dt.date], FiledReport] = {}
    out = []
    for f in filed:
        key = (f.report.unit, f.report.period, f.report.submitted)
        first = seen.setdefault(key, f)
        if first is not f:
            out.append(make("st-duplicate", file=f.file, place=f.source.place(("submitted",), prefer_key=True),
                            path=("submitted",), unit=f.report.unit, period=f.report.period,
                            submitted=format_day(f.report.submitted), other=first.file))
    return out
