"""Consistency of the plan file itself: references, ids, totals, timeframes.

Two kinds of finding come out of here. Errors are about our data (an indicator that
points at an unknown area, a lead unit missing from the registry): the file must be
fixed. Warnings are about the source document (its appendix does not add up to its
stated total, it cites an appendix that does not exist): the data keeps the text as
printed and the tool reports the discrepancy instead of "fixing" it.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any, Iterable

from plan744.core.findings import Finding
from plan744.core.messages import make
from plan744.core.plan import ALL_LEVELS, Plan
from plan744.core.findings import SourceMap

MILLION = 1_000_000


class _Checker:
    def __init__(self, plan: Plan, source: SourceMap) -> None:
        self.plan = plan
        self.source = source
        self.findings: list[Finding] = []

    def add(self, code: str, path: tuple, **params: Any) -> None:
        line, column = self.source.locate(path)
        self.findings.append(make(code, file=self.source.file, line=line, column=column, path=path, **params))

    def unique(self, what: str, items: Iterable[tuple[tuple, Any]]) -> None:
        first: dict[Any, tuple] = {}
        for path, key in items:
            if key in first:
                self.add("plan-duplicate-id", path, id=key, what=what, first_line=self.source.locate(first[key])[0])
            else:
                first[key] = path

    def known(self, what: str, path: tuple, ref: Any, valid: Iterable[Any]) -> bool:
        valid = list(valid)
        if ref in valid:
            return True
        shown = ", ".join(str(v) for v in valid[:12]) + (", …" if len(valid) > 12 else "")
        self.add("plan-unknown-ref", path, what=what, ref=ref, valid=shown or "(không có)")
        return False


def check_plan(plan: Plan, source: SourceMap) -> list[Finding]:
    c = _Checker(plan, source)
    _ids(c)
    _references(c)
    _targets(c)
    _registry_counts(c)
    _totals(c)
    _timeframes(c)
    _citations(c)
    _calendar(c)
    return c.findings


def _ids(c: _Checker) -> None:
    p = c.plan
    c.unique("danh sách cấp (levels)", ((("levels", i, "code"), x.code) for i, x in enumerate(p.levels)))
    c.unique("loại đơn vị (unit_kinds)", ((("unit_kinds", i, "code"), x.code) for i, x in enumerate(p.unit_kinds)))
    c.unique(
        "danh sách đơn vị và nhóm đơn vị",
        [(("registry", "units", i, "code"), u.code) for i, u in enumerate(p.registry.units)]
        + [(("registry", "groups", i, "code"), g.code) for i, g in enumerate(p.registry.groups)],
    )
    c.unique(
        "tên gọi đơn vị (aliases)",
        [(("registry", "units", i, "aliases", j), a) for i, u in enumerate(p.registry.units) for j, a in enumerate(u.aliases)]
        + [(("registry", "groups", i, "aliases", j), a) for i, g in enumerate(p.registry.groups) for j, a in enumerate(g.aliases)],
    )
    c.unique("lĩnh vực (areas)", ((("areas", i, "code"), x.code) for i, x in enumerate(p.areas)))
    c.unique("chỉ tiêu (indicators)", ((("indicators", i, "id"), x.id) for i, x in enumerate(p.indicators)))
    c.unique("nhiệm vụ (tasks)", ((("tasks", i, "id"), x.id) for i, x in enumerate(p.tasks)))
    c.unique("Phụ lục (TT)", ((("appendix", i, "tt"), x.tt) for i, x in enumerate(p.appendix)))
    c.unique("số liệu năm gốc (baselines)", ((("baselines", i, "id"), x.id) for i, x in enumerate(p.baselines)))
    c.unique("phụ lục (appendices)", ((("document", "appendices", i, "id"), x.id) for i, x in enumerate(p.document.appendices)))


def _references(c: _Checker) -> None:
    p = c.plan
    levels, kinds, units = p.levels_by_code, p.kinds_by_code, p.units_by_code
    for i, k in enumerate(p.unit_kinds):
        for j, lv in enumerate(k.reports_levels):
            c.known("Cấp", ("unit_kinds", i, "reports_levels", j), lv, levels)
    for i, u in enumerate(p.registry.units):
        c.known("Loại đơn vị", ("registry", "units", i, "kind"), u.kind, kinds)
        if u.parent is not None:
            c.known("Đơn vị cấp trên", ("registry", "units", i, "parent"), u.parent, units)
    for i, g in enumerate(p.registry.groups):
        for j, k in enumerate(g.member_kinds):
            c.known("Loại đơn vị", ("registry", "groups", i, "member_kinds", j), k, kinds)
    for i, ind in enumerate(p.indicators):
        base = ("indicators", i)
        c.known("Lĩnh vực", base + ("area",), ind.area, p.areas_by_code)
        for j, lv in enumerate(ind.levels):
            c.known("Cấp", base + ("levels", j), lv, levels)
        for j, code in enumerate(ind.reporters or []):
            c.known("Đơn vị báo cáo", base + ("reporters", j), code, units)
    for i, t in enumerate(p.tasks):
        c.known("Lĩnh vực", ("tasks", i, "area"), t.area, p.areas_by_code)
        for j, code in enumerate(t.reporters or []):
            c.known("Đơn vị báo cáo", ("tasks", i, "reporters", j), code, units)
    for i, a in enumerate(p.appendix):
        leads = list(units) + list(p.groups_by_code)
        if c.known("Đơn vị chủ trì", ("appendix", i, "lead"), a.lead, leads):
            holder = units.get(a.lead) or p.groups_by_code[a.lead]
            if a.lead_text not in (*holder.aliases, holder.name):
                c.add("plan-lead-text-mismatch", ("appendix", i, "lead_text"), text=a.lead_text, lead=a.lead)
    for i, b in enumerate(p.baselines):
        base = ("baselines", i)
        for j, s in enumerate(b.sums):
            c.known("Số liệu", base + ("sums", j, "total"), s.total, b.figures)
            for k, part in enumerate(s.parts):
                c.known("Số liệu", base + ("sums", j, "parts", k), part, b.figures)
        if b.link is not None:
            c.known("Chỉ tiêu", base + ("link", "indicator"), b.link.indicator, p.indicators_by_id)
            for side in ("numerator", "denominator"):
                for k, key in enumerate(getattr(b.link, side)):
                    c.known("Số liệu", base + ("link", side, k), key, b.figures)
    appendices = [a.id for a in p.document.appendices]
    for i, ref in enumerate(p.document.cross_references):
        if ref.target not in appendices:
            c.add(
                "plan-dangling-document-ref", ("document", "cross_references", i, "target"),
                where=ref.where, text=ref.text, valid=", ".join(a.title for a in p.document.appendices),
            )


def _targets(c: _Checker) -> None:
    for i, ind in enumerate(c.plan.indicators):
        scopes = {t.scope for t in ind.targets}
        for j, t in enumerate(ind.targets):
            if t.scope != ALL_LEVELS and t.scope not in ind.levels:
                c.add("plan-target-scope", ("indicators", i, "targets", j, "scope"), scope=t.scope,
                      valid=", ".join(ind.levels))
            for field in ("value", "stretch"):
                v = getattr(t, field)
                if ind.measure == "count" and v is not None and v > 100:
                    c.add("plan-percent-range", ("indicators", i, "targets", j, field), percent=v)
        if ALL_LEVELS not in scopes:
            for lv in ind.levels:
                if lv not in scopes:
                    c.add("plan-indicator-no-target", ("indicators", i, "targets"), id=ind.id, level=lv)


def _registry_counts(c: _Checker) -> None:
    reg = c.plan.registry
    counts: dict[str, int] = defaultdict(int)
    for u in reg.units:
        counts[u.kind] += 1
    for kind, expected in reg.expected_counts.items():
        if counts.get(kind, 0) != expected:
            name = c.plan.kinds_by_code[kind].name if kind in c.plan.kinds_by_code else kind
            c.add("plan-registry-count", ("registry", "expected_counts", kind), expected=expected, kind=name,
                  found=counts.get(kind, 0))


def _totals(c: _Checker) -> None:
    # Import here: the formatting module is only needed when a total is off.
    from plan744.core.vnformat import format_number

    p = c.plan
    computed = p.appendix_total
    stated = Decimal(p.budget.stated_total_vnd) / MILLION
    if computed != stated:
        c.add(
            "plan-total-mismatch", ("budget", "stated_total_vnd"), section=p.budget.section,
            stated=format_number(stated), rows=len(p.appendix), computed=format_number(computed),
            diff=format_number(stated - computed),
        )
    for i, b in enumerate(p.baselines):
        for j, s in enumerate(b.sums):
            if s.total not in b.figures or any(x not in b.figures for x in s.parts):
                continue  # reported by _references
            total = b.figures[s.total].value
            parts_sum = sum((b.figures[x].value for x in s.parts), Decimal(0))
            if total != parts_sum:
                c.add(
                    "plan-sum-mismatch", ("baselines", i, "sums", j), section=b.section,
                    total_label=b.figures[s.total].label, total=format_number(total),
                    parts=" + ".join(format_number(b.figures[x].value) for x in s.parts),
                    computed=format_number(parts_sum),
                )


def _timeframes(c: _Checker) -> None:
    period = c.plan.period
    for i, a in enumerate(c.plan.appendix):
        if a.timeframe.start < period.start or a.timeframe.end > period.end:
            c.add("plan-timeframe-outside-period", ("appendix", i, "timeframe_text"), tt=a.tt,
                  timeframe=a.timeframe_text, start=period.start, end=period.end)


def _citations(c: _Checker) -> None:
    doc = c.plan.document
    seen: dict[tuple[str, str], list[tuple[tuple, Any]]] = defaultdict(list)
    for field in ("implements", "bases", "citations"):
        for i, ref in enumerate(getattr(doc, field)):
            seen[(ref.kind, ref.ref)].append((("document", field, i, "date"), ref))
    for (kind, number), refs in seen.items():
        dates = {r.date for _, r in refs}
        if len(dates) > 1:
            shown = "; ".join(f"{r.date.strftime('%d/%m/%Y')} ({r.where})" for _, r in refs)
            c.add("plan-citation-date-mismatch", refs[-1][0], kind=kind, ref=number, dates=shown)


def _calendar(c: _Checker) -> None:
    cal = c.plan.reporting
    year = c.plan.period.start
    end, deadline = cal.period_end.in_year(year), cal.deadline_for(year)
    if deadline < end:
        c.add("plan-deadline-before-period-end", ("reporting", "deadline"),
              deadline=deadline.strftime("%d/%m"), end=end.strftime("%d/%m"))
