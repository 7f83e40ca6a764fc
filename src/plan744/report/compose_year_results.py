"""The annual report, I.2 and I.3: tasks by area, the appendix rows and their money in one
paragraph; and the appendix that gives every row in full (landscape)."""

from __future__ import annotations

import datetime as dt
import importlib
import re
from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace

from plan744.core import display
from plan744.core.figures.appendix import RowReport, lead_then_and_now
from plan744.core.figures.tasks import (
    PLAN_STATUSES,
    AreaCoverage,
    TaskCoverage,
    coverage,
    highlights,
    is_target,
    plan_status,
    short_sentence,
)
from plan744.core.figures.year import AppendixYear, YearFigures
from plan744.core.labels import COLUMN, ROW_STATE, lower_first, task_status
from plan744.core.obligation import lead_of
from plan744.core.plan import AppendixTask, Plan
from plan744.core.status import ReportStatus
from plan744.core.vnformat import format_day
from plan744.report.compose_common import (
    ROMAN,
    Numbering,
    money_words,
    t,
)
from plan744.report.compose_reform import in_sentence, name_as_of, rows_text
from plan744.report.document import Block, Bullets, Cell, Column, Heading, Para, Row, Run, Table, cell, runs
from plan744.report.sections import applicable


def tasks(f: YearFigures, n: Numbering) -> list[Block]:
    out: list[Block] = [n.heading(2, t("year.h.tasks"))]
    on = f.window[1]  # the year's data cut-off (14/12), not the calendar's end
    return out + task_results(f.plan, coverage(f.plan, [f.areas], on), on)


def few(count: int) -> str:
    """A count in running text: "02" below ten, as administrative documents write it."""
    return f"{count:02d}" if 0 <= count < 10 else display.count(count)


def _coverage_text(task: TaskCoverage) -> str:
    parts = []
    if task.done:
        parts.append(t("rows.tasks.done_of", done=display.count(task.done), units=display.count(task.units)))
    parts += [t("rows.tasks.part", count=display.count(k), status=lower_first(task_status(s)))
              for s, k in task.counts if s != ReportStatus.DONE]
    return ", ".join(parts)


def _facts(task: TaskCoverage, k: int, key: str = "rows.tasks.fact", turn: int = 0, inside: bool = False) -> str:
    """A unit or two and what they did; `inside`: the unit is named inside a sentence ("Ví dụ, xã
    An Châu: …"), else it opens one ("Sở Y tế: …")."""
    return " ".join(t(key, unit=in_sentence(unit.name) if inside else unit.name, text=text)
                    for unit, text in highlights(task, k, turn=turn))


def task_results(plan: Plan, areas: list[AreaCoverage], on: dt.date) -> list[Block]:
    """Each task group: each task's coverage at `on` among the units still existing, and a
    sentence or two of what units did (their own words, shortened at a sentence or clause,
    the unit named). The plan's qualitative targets (Phần thứ hai, III) come first, each with
    its state and one line of evidence."""
    out: list[Block] = []
    found = {task.task.id: task for area in areas for task in area.tasks}
    targets = [target for target in plan.tasks if is_target(target)]
    if targets:
        out.append(Para(runs(Run(t("rows.targets.heading"), bold=True))))
        out.append(Para(runs(t("rows.targets.lead", date=format_day(on)))))
        items = []
        missing = False
        for i, target in enumerate(targets):
            cov = found.get(target.id)
            if cov is None:
                missing = True
                items.append(runs(t("rows.targets.none", title=target.title, section=target.section)))
                continue
            if len(cov.counts) == 1:  # every unit at one status: said once
                text = t("rows.targets.item_all", title=target.title, section=target.section,
                         status=lower_first(task_status(cov.counts[0][0])), units=display.count(cov.units))
            else:
                text = t("rows.targets.item", title=target.title, section=target.section,
                         status=lower_first(task_status(cov.status)), coverage=_coverage_text(cov))
            facts = _facts(cov, 1, "rows.targets.fact", turn=i * 37, inside=True)
            items.append(runs(text + (" " + facts if facts else "")))
        out.append(Bullets(tuple(items)))
        if missing:
            out.append(Para(runs(Run(t("rows.targets.placeholder"), role="placeholder")), "placeholder"))
    rest = [(area, [task for task in area.tasks if not is_target(task.task)]) for area in areas]
    rest = [(area, tasks) for area, tasks in rest if tasks]
    if not rest and not targets:
        return [Para(runs(t("year.tasks.none")))]
    if rest:
        lead = t("rows.tasks.lead_same") if targets else t("rows.tasks.lead", date=format_day(on))  # said once
        out.append(Para(runs(lead)))
    for area, area_tasks in rest:
        out.append(Para(runs(Run(area.name, bold=True))))
        items = []
        for task in area_tasks:
            if task.units == 1:
                account = task.accounts[0]
                text = t("rows.tasks.single", title=task.task.title, unit=in_sentence(account.unit.name),
                         status=lower_first(task_status(plan_status(account.status))))
                sentence = short_sentence(account.text)
                items.append(runs(text + (" " + sentence[0].upper() + sentence[1:] if sentence else "")))
            else:
                facts = _facts(task, 2)
                items.append(runs(t("rows.tasks.coverage", title=task.task.title, parts=_coverage_text(task))
                                  + (" " + facts if facts else "")))
        out.append(Bullets(tuple(items)))
    return out


def states_text(statuses: tuple[str, ...]) -> str:
    """Statuses in the plan's own words (a task finished late is "Hoàn thành"), each once."""
    return "; ".join(dict.fromkeys(task_status(plan_status(s)) for s in statuses))


def row_state(a: AppendixYear) -> str:
    if not a.reports:
        if a.in_timeframe:
            return ROW_STATE["no_report"]
        if a.earlier is not None:  # a row whose time is over: where it stood when last reported
            return t("appendix.row.earlier", state=states_text(a.earlier[1]), year=a.earlier[0])
        return ROW_STATE["outside"]
    state = states_text(a.statuses)
    return t("appendix.row.year_done", year=a.year) if a.year_done else state


def rows_named(rows: list[AppendixYear], limit: int = 6) -> str:
    """"TT 9, 10 và 14" when there are many; with the rows' names when there are few."""
    if len(rows) > limit:
        return "TT " + ", ".join(str(a.task.tt) for a in rows)
    return "; ".join(t("rows.named", name=a.task.name.rstrip(". "), tt=a.task.tt) for a in rows)


def appendix_summary(f: YearFigures, n: Numbering) -> list[Block]:
    plan = f.plan
    out: list[Block] = [n.heading(2, t("year.h.appendix", kind=plan.document.kind))]
    unit = plan.money.unit
    b = f.budget
    if b is not None:
        out.append(Para(runs(t("year.appendix.budget", rows=len(plan.appendix), planned=display.money(b.planned), kind=plan.document.kind,
                                unit=unit, year=f.year, allocated=display.money(b.allocated),
                                disbursed=display.money(b.disbursed), words=money_words(plan, b.disbursed),
                                rate=display.percent(b.disbursement_rate), start=plan.period.start,
                                cumulative=display.money(b.cumulative), share=display.percent(b.cumulative_share)))))
        if b.stated_total is not None and b.stated_total != b.planned and plan.budget is not None:
            out.append(Para(runs(t("year.appendix.stated", section=plan.budget.section,
                                    stated=display.money(b.stated_total), unit=unit,
                                    words=plan.budget.stated_total_words, planned=display.money(b.planned))), "note"))
    else:
        reported = sum(1 for a in f.appendix if a.reports)
        active = sum(1 for a in f.appendix if a.in_timeframe)
        out.append(Para(runs(t("year.appendix.tasks", rows=len(plan.appendix), active=active, reported=reported, kind=plan.document.kind,
                                year=f.year))))
    if f.year == plan.period.end:
        out += rows_end(plan, f.year, [_row_end(f, a) for a in f.appendix], sum(1 for a in f.appendix if a.done and a.reports))
    else:
        done_now = [a for a in f.appendix if a.done and a.reports]
        if done_now:
            out.append(Para(runs(t("year.appendix.done", count=few(len(done_now)), rows=rows_named(done_now)))))
        year_done = [a for a in f.appendix if a.year_done]
        if year_done:
            out.append(Para(runs(t("rows.year_done", count=few(len(year_done)), year=f.year,
                                    rows=", ".join(str(a.task.tt) for a in year_done)))))
        if f.rows_behind:
            out.append(Para(runs(t("rows.behind"))))
            out.append(Bullets(tuple(runs(t("rows.behind_row", tt=a.task.tt, name=_unquoted(a.task.name),
                                            lead=in_sentence(a.lead_name), state=lower_first(row_state(a))))
                                     for a in f.rows_behind)))
    out += mismatches(f)
    out.append(Para(runs(detail_pointer("plan744.report.compose_year", SimpleNamespace(f=f, short=False))), "note"))
    return out


def _unquoted(name: str) -> str:
    """A row's full name for quotation marks: its closing full stop dropped, never cut."""
    return " ".join(name.split()).rstrip(". ")


def annex_label(module: str, report: object, code: str) -> str | None:
    """"Phụ lục III": the appendix `code` named as the report numbers its appendices (those that
    apply before it, in the report's list; each is assumed non-empty), or None if it does not apply."""
    mod = importlib.import_module(module)
    for k, annex in enumerate(applicable(mod.APPENDICES, mod.CONDITIONS, report)):
        if annex.code == code:
            return t("doc.appendix", roman=ROMAN[k])
    return None


def detail_pointer(module: str, report: object) -> str:
    """"(Chi tiết tại Phụ lục III kèm theo.)": the rows' appendix, by its number in the report."""
    label = annex_label(module, report, "rows")
    return t("rows.detail", appendix=label) if label else t("rows.detail_plain")


@dataclass(frozen=True)
class RowEnd:
    """An appendix row at the end of the plan's period, for the sentences of I.3."""

    task: AppendixTask
    done: bool
    stopped: bool
    never: bool
    cumulative: Decimal
    share: Decimal | None
    lead: str  # who led its work, with today's name when the body has changed
    reason: str | None  # the lead's own words on why it stopped
    state: str  # the statuses at the end, in words


def lead_text(plan: Plan, task: AppendixTask, end: int, paren: bool = False) -> str:
    """Who led the row's work, named as it was then: "Sở Thông tin và Truyền thông, nay là Sở
    Khoa học và Công nghệ" in a sentence; in a table, the organisation's name-as-of form."""
    if paren:
        first = min(max(plan.period.start, task.timeframe.start), end)
        return name_as_of(plan, lead_of(plan, task, first), dt.date(end, 12, 31))
    then, now = lead_then_and_now(plan, task, plan.period.start, end)
    return t("rows.lead.now", then=in_sentence(then), now=in_sentence(now)) if now else in_sentence(then)


def _row_end(f: YearFigures, a: AppendixYear) -> RowEnd:
    statuses = a.statuses or (a.earlier[1] if a.earlier else ())
    reason = next((short_sentence(r.progress) for r in a.reports if r.status == ReportStatus.STOPPED and r.progress), None)
    return RowEnd(a.task, a.done, ReportStatus.STOPPED in statuses, not statuses and not a.cumulative,
                  a.cumulative, a.cumulative_share, lead_text(f.plan, a.task, f.year), reason,
                  "; ".join(lower_first(task_status(plan_status(s))) for s in statuses))


def rows_end(plan: Plan, year: int, rows: list[RowEnd], done_now: int | None = None) -> list[Block]:
    """"Đến hết năm 2025, 25/28 nhiệm vụ, dự án đã hoàn thành", then the rows to carry over by
    name with their cumulative spending, then each stopped row with its lead and reason."""
    out: list[Block] = []
    done = [r for r in rows if r.done]
    text = t("rows.end.done", year=year, done=display.count(len(done)), rows=display.count(len(rows)))
    if done_now:
        text += " " + t("rows.end.done_now", year=year, count=few(done_now))
    out.append(Para(runs(text)))
    carry = [r for r in rows if not r.done and not r.stopped and not r.never]
    if carry:
        items = [t("rows.end.carry_row", name=_unquoted(r.task.name), tt=r.task.tt, lead=r.lead,
                   share=display.percent(r.share)) if r.share is not None else
                 t("rows.end.carry_row_plain", name=_unquoted(r.task.name), tt=r.task.tt, lead=r.lead, state=r.state)
                 for r in carry]
        if year >= plan.period.end:
            nxt = f"{plan.period.end + 1} - {plan.period.end + len(plan.period.years)}"
            out.append(Para(runs(t("rows.end.carry", count=few(len(carry)), next=nxt, rows="; ".join(items)))))
        else:  # a mid-term review: the rows run on within the period, named by TT when many
            listed = "; ".join(items) if len(carry) <= 6 else "TT " + ", ".join(str(r.task.tt) for r in carry)
            out.append(Para(runs(t("rows.end.open", count=few(len(carry)), year=year, rows=listed))))
    unit = plan.money.unit
    for r in rows:
        if r.stopped and not r.done:
            money = t("rows.end.stopped_money", cumulative=display.money(r.cumulative), unit=unit,
                      share=display.percent(r.share)) if r.cumulative and r.share is not None else ""
            reason = t("rows.end.stopped_reason", reason=lower_first(r.reason.rstrip("."))) if r.reason else ""
            out.append(Para(runs(t("rows.end.stopped", name=_unquoted(r.task.name), tt=r.task.tt, lead=r.lead,
                                   reason=reason, money=money))))
        elif r.never and not r.done:
            out.append(Para(runs(t("rows.end.never", name=_unquoted(r.task.name), tt=r.task.tt, lead=r.lead))))
    return out


_TT = re.compile(r"\bTT\s*(\d+)")


def mismatches(f: YearFigures) -> list[Block]:
    """A unit's own words (its narrative or a row's progress) that name a row "TT n" together
    with a status other than the row's (review item B8), listed for the drafter."""
    words = {code: lower_first(task_status(code)) for code in PLAN_STATUSES}
    by_tt = {str(a.task.tt): a for a in f.appendix}
    found: list[str] = []
    texts = [(item.unit, item.text) for items in f.narratives.values() for item in items]
    texts += [(r.unit, r.progress) for a in f.appendix for r in a.reports]
    for unit, text in texts:
        for sentence in re.split(r"(?<=[.;])\s+", " ".join((text or "").split())):
            for m in _TT.finditer(sentence):
                a = by_tt.get(m.group(1))
                if a is None or not a.statuses:
                    continue
                own = {plan_status(s) for s in a.statuses}
                named = {code for code, w in words.items() if w in sentence.lower()}
                if named and not named & own:
                    found.append(t("rows.mismatch.item", tt=a.task.tt,
                                   state="; ".join(lower_first(task_status(s)) for s in PLAN_STATUSES if s in own),
                                   unit=in_sentence(unit.name), quote=sentence.rstrip(".;")))
    if not found:
        return []
    return [Para(runs(Run(t("rows.mismatch.lead"), role="placeholder")), "placeholder"),
            Bullets(tuple(runs(Run(x, role="placeholder")) for x in dict.fromkeys(found)))]


def rows_detail(f: YearFigures) -> list[Block]:
    plan = f.plan
    unit = plan.money.unit
    funded = f.budget is not None
    out: list[Block] = []
    cols: tuple[Column, ...]
    if funded:
        out.append(Para(runs(t("appendix.rows.unit", unit=unit)), "center"))
        cols = (Column(COLUMN["tt"], 0.04, "center"), Column(COLUMN["task"], 0.22), Column(COLUMN["lead"], 0.12),
                Column(COLUMN["timeframe"], 0.09, "center"), Column(COLUMN["planned"], 0.08, "right"),
                Column(COLUMN["allocated_in"].format(year=f.year), 0.08, "right"),
                Column(COLUMN["disbursed_in"].format(year=f.year), 0.08, "right"),
                Column(COLUMN["cumulative"], 0.08, "right"), Column(COLUMN["cumulative_share"], 0.07, "right"),
                Column(COLUMN["state"], 0.14))
        rows = []
        for a in f.appendix:
            rows.append(Row((cell(str(a.task.tt), align="center"), cell(a.task.name), cell(a.lead_name),
                             cell(a.task.timeframe_text), cell(display.money(a.task.cost)), cell(display.money(a.allocated)),
                             cell(display.money(a.disbursed)), cell(display.money(a.cumulative)),
                             cell(display.percent(a.cumulative_share)), cell(row_state(a), bold=a.behind))))
        b = f.budget
        assert b is not None
        rows.append(Row((cell(""), cell(t("total"), bold=True), cell(""), cell(""), cell(display.money(b.planned), bold=True),
                         cell(display.money(b.allocated), bold=True), cell(display.money(b.disbursed), bold=True),
                         cell(display.money(b.cumulative), bold=True), cell(display.percent(b.cumulative_share), bold=True),
                         cell("")), "total"))
        out.append(Table(cols, tuple(rows), caption=t("appendix.rows.title", year=f.year), size="small"))
    else:
        cols = (Column(COLUMN["tt"], 0.06, "center"), Column(COLUMN["task"], 0.40), Column(COLUMN["lead"], 0.18),
                Column(COLUMN["timeframe"], 0.12, "center"), Column(COLUMN["state"], 0.24))
        rows = []
        group = None
        for a in f.appendix:
            if a.task.group and a.task.group != group:
                group = a.task.group
                rows.append(Row((Cell((runs(Run(group, bold=True)),), span=5),), "group"))
            rows.append(Row((cell(str(a.task.tt), align="center"), cell(a.task.name), cell(a.lead_name),
                             cell(a.task.timeframe_text), cell(row_state(a), bold=a.behind))))
        out.append(Table(cols, tuple(rows), caption=t("appendix.rows.title", year=f.year), size="small"))
    reports = [(a, r) for a in f.appendix for r in a.reports]
    if reports:
        out.append(Heading(3, t("appendix.rows.reports")))
        same = same_text_rows(reports)
        kept = [(a, r) for a, r in reports if a.task.tt not in {tt for rows_of in same.values() for tt in rows_of}]
        cols = (Column(COLUMN["tt"], 0.05, "center"), Column(COLUMN["reporting_unit"], 0.18), Column(COLUMN["state"], 0.12)) + (
            (Column(COLUMN["allocated"], 0.08, "right"), Column(COLUMN["disbursed"], 0.08, "right")) if funded else ()) + (
            Column(COLUMN["progress"], 0.49 if funded else 0.65),)
        rows = []
        for a, r in kept:
            money_cells = (cell(display.money(r.allocated)), cell(display.money(r.disbursed))) if funded else ()
            rows.append(Row((cell(str(a.task.tt), align="center"), cell(r.unit.name), cell(task_status(plan_status(r.status))))
                            + money_cells + (cell(r.progress),)))
        if rows:
            out.append(Table(cols, tuple(rows), caption=t("appendix.rows.reports"), size="small"))
        for text, tts in same.items():
            out.append(Para(runs(t("appendix.rows.same_text", rows=rows_text(tts), text=text.rstrip(". "),
                                   seen=t("appendix.rows.same_money" if funded else "appendix.rows.same_state"))), "note"))
    return out


SAME_TEXT = 3
"""A lead's account written word for word by this many rows' leads or more is said once, under
the table, instead of on each row."""


def same_text_rows(reports: list[tuple[AppendixYear, RowReport]]) -> dict[str, list[int | str]]:
    """The accounts repeated word for word ("Hoàn thành các hạng mục của nhiệm vụ; …") by
    SAME_TEXT rows or more, each with the rows (TT) that give it. Only a row with a single lead
    report counts: its status and money are those of the row in the table above, so nothing is
    lost by leaving it out of the reports' table; a shared row keeps each lead's line."""
    single = [(a, r) for a, r in reports if len(a.reports) == 1 and (r.progress or "").strip()]
    by_text: dict[str, list[int | str]] = {}
    for a, r in single:
        by_text.setdefault(" ".join((r.progress or "").split()), []).append(a.task.tt)
    return {text: tts for text, tts in by_text.items() if len(tts) >= SAME_TEXT}
