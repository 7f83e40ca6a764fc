"""What the dashboard's pages share: a figure's verdict in words and its tone, the trend of an
indicator over the years, the rule a verdict comes from. The verdict words, the shown figures and
the caveats are the reports' own (`report.compose_common`, `report.compose_year_indicators`)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from plan744.core import display
from plan744.core.figures.assessment import running_date
from plan744.core.figures.codes import Attainment
from plan744.core.figures.targets import anchor_before
from plan744.core.figures.year import IndicatorYear, YearFigures
from plan744.core.labels import lower_first
from plan744.core.organisation import Event
from plan744.core.plan import Indicator, Plan
from plan744.report.compose_common import shown, t, target_text, verdict
from plan744.report.compose_year_indicators import missing_text, verdict_with_caveat
from plan744.site.charts_svg import Point, Trend


def running(day: dt.date) -> str:
    return running_date(day)


def plan_title(plan: Plan) -> str:
    d = plan.document
    return t("site.plan_title", kind=d.kind, number=d.number, title=d.title)


def tone(r: IndicatorYear) -> str:
    if r.attainment is Attainment.NOT_ASSESSED:
        return "none"
    return "met" if r.met else "not_met"


def verdict_text(plan: Plan, r: IndicatorYear) -> str:
    """The verdict in words with what it rests on ("Đạt (số liệu đến ngày 30/6/2025)")."""
    return verdict_with_caveat(plan, r, verdict(r))


def figure_of(f: YearFigures, ind_id: str, scope: str) -> IndicatorYear | None:
    return next((r for r in f.indicators if r.indicator.id == ind_id and r.scope == scope), None)


def scopes(ind: Indicator) -> list[str]:
    return list(dict.fromkeys(tg.scope for tg in ind.targets))


def shown_or_dash(r: IndicatorYear | None) -> str:
    return shown(r) if r is not None else "—"


def rule_text(plan: Plan, r: IndicatorYear) -> str:
    """Which rule gave the verdict: the comparison with the target, and the year it is judged for."""
    tg = r.target
    if tg is None or tg.kind == "qualitative" or tg.value is None:
        return t("site.rule.qualitative")
    target = target_text(r, plan.money)
    text = t(f"site.rule.{tg.kind}", target=target)
    if r.governing.not_yet:
        return text + " " + t("site.rule.not_yet", year=r.governing.milestone)
    if tg.each_year:
        return text + " " + t("site.rule.each_year")
    if r.governing.due:
        return text + " " + t("site.rule.due", year=r.governing.milestone)
    return text + " " + t("site.rule.interim", year=r.governing.milestone)


def caveats(plan: Plan, r: IndicatorYear) -> list[str]:
    """What a reader must know about a year's figure: a partial year, a level that ended, units missing."""
    from plan744.report.compose_year_indicators import partial_cell, to_date

    out = [s for s in (to_date(r), partial_cell(plan, r), missing_text(r)) if s]
    if r.total is not None:
        out.append(t("figure.cumulative", since=r.total_since))
    return out


def trend(plan: Plan, figures: dict[int, YearFigures], ind: Indicator, scope: str, key: str, small: bool) -> Trend:
    """The chart of an indicator's scope over the years on file, with its target and path."""
    rows = [(y, figure_of(f, ind.id, scope)) for y, f in sorted(figures.items())]
    points = tuple(Point(y, r.judged if r is not None else None, tone(r) if r is not None else "none", shown_or_dash(r))
                   for y, r in rows)
    last = next((r for _, r in reversed(rows) if r is not None), None)
    tg = last.target if last is not None else None
    target = tg.value if tg is not None and tg.kind != "qualitative" and ind.value != "rank" else None
    path: tuple[tuple[int, Decimal], ...] = ()
    if last is not None and target is not None and last.governing.milestone is not None:
        anchor = anchor_before(ind, scope, last.governing.milestone, plan.period)
        if anchor is None and last.baseline is not None and ind.is_percent:
            anchor = (last.baseline.year, last.baseline.value)
        if anchor is not None:
            path = ((anchor[0], anchor[1]), (last.governing.milestone, target))
    name = display.scope_names(plan)[scope]
    parts = [t("site.chart.point", year=y, value=shown_or_dash(r), verdict=verdict(r) if r is not None else "—") for y, r in rows]
    if target is not None and last is not None:
        parts.append(t("site.chart.target", target=target_text(last, plan.money)))
    title = t("site.chart.title", name=ind.name, scope=name)
    return Trend(key, title, "; ".join(parts) + ".", points, target, target_text(last, plan.money) if last else "—",
                 path, ind.is_percent, small)


def change_text(plan: Plan, e: Event) -> str:
    """"Sở A, Sở B hợp nhất vào Sở C"; a level that ends names the kinds of its units."""
    names = ", ".join(plan.units_by_code[c].name for c in e.from_units if c in plan.units_by_code)
    if not names and e.kinds:
        names = ", ".join(lower_first(plan.kinds_by_code[k].name) if k in plan.kinds_by_code else k for k in e.kinds)
    into = ", ".join(plan.units_by_code[c].name for c in e.to_units if c in plan.units_by_code)
    return t(f"site.change.{e.kind}", names=names, into=into)
