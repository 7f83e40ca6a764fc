"""Consistency of the plan and its organisation: references, ids, targets, totals, dates.

Two kinds of finding come out of here. Errors are about our data (an indicator that
points at an unknown area, a lead unit missing from the organisation): the file must be
fixed. Warnings are about the source documents (the plan's appendix does not add up to its
stated total, it cites an appendix that does not exist) or about facts still to be
confirmed (a change of the organisation without a legal source): the data keeps the text
as printed and the tool reports the discrepancy instead of "fixing" it.

The organisation may live in its own file; `OrgPlace` says where its parts are, so every
finding points at the line of the file that holds it. The organisation's events and units are
checked as a graph over time in `organisation_checks`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from plan744.core.display import scope_names
from plan744.core.findings import Finding, SourceMap
from plan744.core.messages import make
from plan744.core.organisation_checks import OrgPlace, check_organisation
from plan744.core.plan import ALL_LEVELS, Plan
from plan744.core.span import Span
from plan744.core.vnformat import format_day, format_day_month, format_number

__all__ = ["OrgPlace", "check_plan"]


@dataclass
class _Checker:
    plan: Plan
    source: SourceMap
    org: OrgPlace
    findings: list[Finding] = field(default_factory=list)

    def add(self, code: str, path: tuple, source: SourceMap | None = None, **params: Any) -> None:
        src = source or self.source
        line, column = src.locate(path)
        self.findings.append(make(code, file=src.file, line=line, column=column, path=path, **params))

    def unique(self, what: str, items: Iterable[tuple[tuple, Any]], source: SourceMap | None = None) -> None:
        src = source or self.source
        first: dict[Any, tuple] = {}
        for path, key in items:
            if key in first:
                self.add("plan-duplicate-id", path, src, id=key, what=what, first_line=src.locate(first[key])[0])
            else:
                first[key] = path

    def known(self, what: str, path: tuple, ref: Any, valid: Iterable[Any], source: SourceMap | None = None) -> bool:
        valid = list(valid)
        if ref in valid:
            return True
        shown = ", ".join(str(v) for v in valid[:12]) + (", …" if len(valid) > 12 else "")
        self.add("plan-unknown-ref", path, source, what=what, ref=ref, valid=shown or "(không có)")
        return False


def check_plan(plan: Plan, source: SourceMap, org: OrgPlace | None = None) -> list[Finding]:
    if org is None:
        org = OrgPlace.in_v1_plan(source) if plan.schema_version == 1 else OrgPlace.inline(source)
    c = _Checker(plan, source, org)
    _ids(c)
    _references(c)
    _targets(c)
    _registry_counts(c)
    _totals(c)
    _timeframes(c)
    _citations(c)
    _calendar(c)
    _organisation(c)
    return c.findings


def _ids(c: _Checker) -> None:
    p, o = c.plan, c.org
    os_ = o.source
    c.unique("danh sách cấp (levels)", ((("levels", i, "code"), x.code) for i, x in enumerate(p.levels)))
    c.unique("loại đơn vị (kinds)", (((*o.kinds, i, "code"), x.code) for i, x in enumerate(p.organisation.kinds)), os_)
    c.unique("danh sách đơn vị và nhóm đơn vị",
             [((*o.units, i, "code"), u.code) for i, u in enumerate(p.units)]
             + [((*o.groups, i, "code"), g.code) for i, g in enumerate(p.organisation.groups)], os_)
    c.unique("tên gọi đơn vị (aliases)",
             [((*o.units, i, "aliases", j), a) for i, u in enumerate(p.units) for j, a in enumerate(u.aliases)]
             + [((*o.groups, i, "aliases", j), a) for i, g in enumerate(p.organisation.groups) for j, a in enumerate(g.aliases)],
             os_)
    c.unique("sự kiện (events)", (((*o.events, i, "id"), e.id) for i, e in enumerate(p.organisation.events)), os_)
    c.unique("lĩnh vực (areas)", ((("areas", i, "code"), x.code) for i, x in enumerate(p.areas)))
    c.unique("chỉ tiêu (indicators)", ((("indicators", i, "id"), x.id) for i, x in enumerate(p.indicators)))
    c.unique("nhiệm vụ (tasks)", ((("tasks", i, "id"), x.id) for i, x in enumerate(p.tasks)))
    # 13 and "13" name the same row (Plan.row), so they may not be two rows.
    c.unique("Phụ lục (TT)", ((("appendix", i, "tt"), str(x.tt)) for i, x in enumerate(p.appendix)))
    c.unique("số liệu năm gốc (baselines)", ((("baselines", i, "id"), x.id) for i, x in enumerate(p.baselines)))
    c.unique("phụ lục (appendices)", ((("document", "appendices", i, "id"), x.id) for i, x in enumerate(p.document.appendices)))


def _references(c: _Checker) -> None:
    p, o = c.plan, c.org
    levels, kinds, units = p.levels_by_code, p.kinds_by_code, p.units_by_code
    for i, k in enumerate(p.organisation.kinds):
        for j, lv in enumerate(k.reports_levels):
            c.known("Cấp", (*o.kinds, i, "reports_levels", j), lv, levels, o.source)
    for i, u in enumerate(p.units):
        c.known("Loại đơn vị", (*o.units, i, "kind"), u.kind, kinds, o.source)
        if u.parent is not None:
            c.known("Đơn vị cấp trên", (*o.units, i, "parent"), u.parent, units, o.source)
        if u.formed_from is not None:
            for j, code in enumerate(u.formed_from.units):
                c.known("Đơn vị trước", (*o.units, i, "formed_from", "units", j), code, units, o.source)
    for i, g in enumerate(p.organisation.groups):
        for j, kind_code in enumerate(g.member_kinds):
            c.known("Loại đơn vị", (*o.groups, i, "member_kinds", j), kind_code, kinds, o.source)
    for i, ind in enumerate(p.indicators):
        base = ("indicators", i)
        c.known("Lĩnh vực", base + ("area",), ind.area, p.areas_by_code)
        for j, lv in enumerate(ind.levels):
            c.known("Cấp", base + ("levels", j), lv, levels)
        for j, code in enumerate(ind.reporters or []):
            c.known("Đơn vị báo cáo", base + ("reporters", j), code, units)
        if ind.monitor is not None:
            c.known("Cơ quan theo dõi", base + ("monitor",), ind.monitor, units)
    for i, t in enumerate(p.tasks):
        c.known("Lĩnh vực", ("tasks", i, "area"), t.area, p.areas_by_code)
    leads = list(units) + list(p.groups_by_code)
    for i, t in enumerate(p.tasks):
        for j, code in enumerate(t.reporters or []):  # a unit, or a group of units by kind
            c.known("Đơn vị báo cáo", ("tasks", i, "reporters", j), code, leads)
    for i, a in enumerate(p.appendix):
        if c.known("Đơn vị chủ trì", ("appendix", i, "lead"), a.lead, leads):
            holder = units.get(a.lead) or p.groups_by_code[a.lead]
            if a.lead_text not in (*holder.aliases, holder.name):
                c.add("plan-lead-text-mismatch", ("appendix", i, "lead_text"), text=a.lead_text, lead=a.lead)
        for j, code in enumerate(a.partners):
            c.known("Đơn vị phối hợp", ("appendix", i, "partners", j), code, leads)
    for i, b in enumerate(p.baselines):
        base = ("baselines", i)
        for j, s in enumerate(b.sums):
            c.known("Số liệu", base + ("sums", j, "total"), s.total, b.figures)
            for n, part in enumerate(s.parts):
                c.known("Số liệu", base + ("sums", j, "parts", n), part, b.figures)
        if b.link is not None:
            c.known("Chỉ tiêu", base + ("link", "indicator"), b.link.indicator, p.indicators_by_id)
            for side in ("numerator", "denominator"):
                for n, key in enumerate(getattr(b.link, side)):
                    c.known("Số liệu", base + ("link", side, n), key, b.figures)
    for j, ind_id in enumerate(p.report.chart or ()):
        c.known("Chỉ tiêu", ("report", "chart", j), ind_id, p.indicators_by_id)
    appendices = [a.id for a in p.document.appendices]
    for i, ref in enumerate(p.document.cross_references):
        if ref.target not in appendices:
            c.add("plan-dangling-document-ref", ("document", "cross_references", i, "target"),
                  where=ref.where, text=ref.text, valid=", ".join(a.title for a in p.document.appendices))


# Target kinds that make sense for each direction: "at least" for higher-is-better, "at most"
# for lower-is-better (a band is reached at its lower end and exceeded at its upper end).
_KINDS_FOR = {"higher": ("band", "floor", "floor_strict", "qualitative"),
              "lower": ("ceiling", "ceiling_strict", "qualitative")}
_DIRECTION_WORDS = {"higher": "càng cao càng tốt (direction: higher)", "lower": "càng thấp càng tốt (direction: lower)"}
_EXPECTED_KINDS = {"higher": "mức sàn (floor, floor_strict) hoặc khoảng (band)", "lower": "mức trần (ceiling, ceiling_strict)"}
_KIND_WORDS = {"band": "khoảng (band)", "floor": "mức sàn (floor)", "floor_strict": "mức sàn (floor_strict)",
               "ceiling": "mức trần (ceiling)", "ceiling_strict": "mức trần (ceiling_strict)"}


def _targets(c: _Checker) -> None:
    period = c.plan.period
    for i, ind in enumerate(c.plan.indicators):
        scopes = {t.scope for t in ind.targets}
        for j, t in enumerate(ind.targets):
            path = ("indicators", i, "targets", j)
            if t.scope != ALL_LEVELS and t.scope not in ind.levels:
                c.add("plan-target-scope", path + ("scope",), scope=t.scope, valid=", ".join(ind.levels))
            if t.kind not in _KINDS_FOR[ind.direction]:
                c.add("plan-target-direction", path + ("kind",), id=ind.id, kind=_KIND_WORDS[t.kind],
                      direction=_DIRECTION_WORDS[ind.direction], expected=_EXPECTED_KINDS[ind.direction])
            for name in ("value", "stretch"):
                v = getattr(t, name)
                if v is None:
                    continue
                if ind.is_percent and v > 100:
                    c.add("plan-percent-range", path + (name,), percent=v)
                elif ind.value == "rank" and (v < 1 or v != v.to_integral_value()):
                    c.add("plan-target-rank", path + (name,), target=format_number(v), value=v)
                elif ind.value == "count" and ind.whole_numbers and v != v.to_integral_value():
                    c.add("plan-target-count-whole", path + (name,), target=format_number(v), value=v,
                          unit=ind.count_unit or "đơn vị đếm")
            why = _unreachable(ind.value, t.kind, t.value)
            if why:
                c.add("plan-target-unreachable", path + ("value",), wording=t.wording, why=why, value=t.value)
            for name in ("year", "since"):
                y = getattr(t, name)
                if y is not None and not Span.of(period).covers(y) and not (name == "since" and y == period.start - 1):
                    c.add("plan-target-year", path + (name,), year=y, start=period.start, end=period.end)
        if ALL_LEVELS not in scopes:
            for lv in ind.levels:
                if lv not in scopes:
                    c.add("plan-indicator-no-target", ("indicators", i, "targets"), id=ind.id, level=lv)
        _one_target_per_year(c, i)


def _unreachable(value_kind: str, kind: str, v: Decimal | None) -> str:
    """Why a strict target no figure can meet ("trên 100%", "dưới 0", "dưới hạng 1") is one."""
    if v is None:
        return ""
    if kind == "floor_strict" and value_kind == "percent" and v >= 100:
        return "không có tỷ lệ nào lớn hơn 100%"
    if kind == "ceiling_strict" and value_kind == "rank" and v <= 1:
        return "không có thứ hạng nào cao hơn hạng 1"
    if kind == "ceiling_strict" and v <= 0:
        return "số liệu không thể nhỏ hơn 0"
    return ""


def _one_target_per_year(c: _Checker, i: int) -> None:
    """Two targets of an indicator for one scope may not govern the same year: the report would
    judge the year against whichever it met first."""
    period, ind = c.plan.period, c.plan.indicators[i]
    first: dict[tuple[str, int], int] = {}
    for j, t in enumerate(ind.targets):
        end = t.milestone(period.end)
        years = Span(t.since or period.start, end) if t.each_year else Span(end, end)
        clash = next((y for y in years if (t.scope, y) in first), None)
        if clash is not None:
            k = first[(t.scope, clash)]
            c.add("plan-target-duplicate", ("indicators", i, "targets", j), id=ind.id, year=clash,
                  scope=scope_names(c.plan).get(t.scope, t.scope),
                  first_line=c.source.locate(("indicators", i, "targets", k))[0])
            continue
        for y in years:
            first[(t.scope, y)] = j


def _registry_counts(c: _Checker) -> None:
    org = c.plan.organisation
    counts: dict[str, int] = defaultdict(int)
    for u in org.units:
        if u.start is None:  # the count a document states is of the units it knew
            counts[u.kind] += 1
    for kind, expected in org.expected_counts.items():
        if counts.get(kind, 0) != expected:
            name = org.kinds_by_code[kind].name if kind in org.kinds_by_code else kind
            c.add("plan-registry-count", (*c.org.counts, kind), c.org.source, expected=expected, kind=name,
                  found=counts.get(kind, 0))


def _totals(c: _Checker) -> None:
    p = c.plan
    if p.budget is not None and p.funded:
        computed = p.appendix_total
        stated = Decimal(p.budget.stated_total_vnd) / p.money.dong
        if computed != stated:
            c.add("plan-total-mismatch", ("budget", "stated_total_vnd"), section=p.budget.section,
                  stated=format_number(stated), rows=len(p.appendix), computed=format_number(computed),
                  diff=format_number(stated - computed), unit=p.money.unit)
    for i, b in enumerate(p.baselines):
        for j, s in enumerate(b.sums):
            if s.total not in b.figures or any(x not in b.figures for x in s.parts):
                continue  # reported by _references
            total = b.figures[s.total].value
            parts_sum = sum((b.figures[x].value for x in s.parts), Decimal(0))
            if total != parts_sum:
                c.add("plan-sum-mismatch", ("baselines", i, "sums", j), section=b.section,
                      total_label=b.figures[s.total].label, total=format_number(total),
                      parts=" + ".join(format_number(b.figures[x].value) for x in s.parts),
                      computed=format_number(parts_sum))


def _timeframes(c: _Checker) -> None:
    period = c.plan.period
    for i, a in enumerate(c.plan.appendix):
        if a.timeframe.start < period.start or a.timeframe.end > period.end:
            c.add("plan-timeframe-outside-period", ("appendix", i, "timeframe_text"), tt=a.tt,
                  timeframe=a.timeframe_text, start=period.start, end=period.end)


def _citations(c: _Checker) -> None:
    doc = c.plan.document
    seen: dict[tuple[str, str], list[tuple[tuple, Any]]] = defaultdict(list)
    for name in ("implements", "bases", "citations"):
        for i, ref in enumerate(getattr(doc, name)):
            seen[(ref.kind, ref.ref)].append((("document", name, i, "date"), ref))
    for (kind, number), refs in seen.items():
        dates = {r.date for _, r in refs}
        if len(dates) > 1:
            shown = "; ".join(f"{format_day(r.date)} ({r.where})" for _, r in refs)
            c.add("plan-citation-date-mismatch", refs[-1][0], kind=kind, ref=number, dates=shown)


def _calendar(c: _Checker) -> None:
    cal = c.plan.reporting
    year = c.plan.period.start
    end, deadline = cal.period_end.in_year(year), cal.deadline_for(year)
    if deadline < end:
        c.add("plan-deadline-before-period-end", ("reporting", "deadline"),
              deadline=format_day_month(deadline), end=format_day_month(end))


def _organisation(c: _Checker) -> None:
    """The organisation as a graph over time (`organisation_checks`); events carry a source;
    roles name known units."""
    org, o = c.plan.organisation, c.org
    units = org.units_by_code
    c.findings += check_organisation(org, o)
    for i, e in enumerate(org.events):
        base = (*o.events, i)
        for j, k in enumerate(e.kinds):
            c.known("Loại đơn vị", base + ("kinds", j), k, org.kinds_by_code, o.source)
        if not e.source.strip():
            c.add("org-event-unsourced", base, o.source, event=e.id, date=format_day(e.date))
        elif not e.confirmed:
            c.add("org-event-unconfirmed", base, o.source, event=e.id, date=format_day(e.date))
    unconfirmed = [u for u in org.units if not u.confirmed]
    if unconfirmed:
        first = next(i for i, u in enumerate(org.units) if not u.confirmed)
        c.add("org-units-unconfirmed", (*o.units, first, "confirmed"), o.source, count=len(unconfirmed),
              units=", ".join(u.code for u in unconfirmed[:8]) + (", …" if len(unconfirmed) > 8 else ""))
    inferred = [u.code for u in org.units if u.formed_from is not None and not u.formed_from.units_confirmed]
    if inferred:
        first = next(i for i, u in enumerate(org.units) if u.code == inferred[0])
        c.add("org-formed-from-inferred", (*o.units, first, "formed_from"), o.source, count=len(inferred))
    for role, holders in org.roles.items():
        for j, h in enumerate(holders):
            c.known("Đơn vị", (*o.roles, role, j, "unit"), h.unit, units, o.source)
    if c.plan.report.drafting_role not in org.roles and not c.plan.report.drafter_text:
        c.add("org-no-drafter", ("report", "drafting_role"), role=c.plan.report.drafting_role)
