"""The close-out, II. assessment (achieved, fell short, causes, lessons), III. directions for the
next period, IV. proposals."""

from __future__ import annotations

from plan744.core.figures.period import PeriodFigures
from plan744.core.labels import lower_first
from plan744.report.compose_common import (
    Numbering,
    indicator_label,
    shown,
    t,
)
from plan744.report.compose_period_indicators import reason, shortfall
from plan744.report.document import Block, Bullets, Para, Run, runs


def assessment(p: PeriodFigures, scopes: dict[str, str], n: Numbering) -> list[Block]:
    out: list[Block] = [n.heading(2, t("period.h.achieved"))]
    items = [runs(t("period.achieved.targets", met=len(p.met), counted=len(p.counted)))]
    if p.met:
        met = "; ".join(f"{indicator_label(i.final, scopes)}: {shown(i.final)}" for i in p.met)
        items.append(runs(t("period.achieved.list", items=met)))
    done = [r for r in p.rows if r.done]
    if p.rows:
        items.append(runs(t("period.achieved.rows", done=len(done), rows=len(p.rows))))
    out.append(Bullets(tuple(items)))
    out.append(Para(runs(Run(t("period.placeholder.achieved"), role="placeholder")), "placeholder"))
    out.append(n.heading(2, t("period.h.shortfalls")))
    short = []
    if p.not_met:
        short.append(runs(t("period.short.not_met", items="; ".join(shortfall(i, scopes, p.plan.money) for i in p.not_met))))
    if p.not_assessed:
        short.append(runs(t("period.short.not_assessed", items="; ".join(
            f"{indicator_label(i.final, scopes)} ({lower_first(reason(i))})" for i in p.not_assessed))))
    unfinished = [r for r in p.rows if not r.done]
    if unfinished:
        short.append(runs(t("period.short.rows", count=len(unfinished), rows=", ".join(str(r.task.tt) for r in unfinished))))
    out.append(Bullets(tuple(short)) if short else Para(runs(t("year.short.none"))))
    out.append(n.heading(2, t("period.h.causes")))
    causes = sum(1 for y in p.years for i in y.narratives["shortcomings"] if i.text.strip())
    out.append(Para(runs(t("period.causes.count", count=causes))))
    out.append(Para(runs(Run(t("period.placeholder.causes"), role="placeholder")), "placeholder"))
    out.append(n.heading(2, t("period.h.lessons")))
    out.append(Para(runs(Run(t("period.placeholder.lessons"), role="placeholder")), "placeholder"))
    return out


def next_items(p: PeriodFigures, scopes: dict[str, str]) -> list[Block]:
    items = []
    if p.not_met:
        items.append(runs(t("period.next.not_met", items="; ".join(indicator_label(i.final, scopes) for i in p.not_met))))
    unfinished = [r for r in p.rows if not r.done]
    if unfinished:
        items.append(runs(t("period.next.rows", count=len(unfinished), rows=", ".join(str(r.task.tt) for r in unfinished))))
    out: list[Block] = [Bullets(tuple(items))] if items else []
    out.append(Para(runs(Run(t("period.placeholder.next"), role="placeholder")), "placeholder"))
    return out


def proposals(p: PeriodFigures, span: str, n: Numbering) -> list[Block]:
    proposals = sum(1 for y in p.years for i in y.narratives["proposals"] if i.text.strip())
    return [n.heading(1, t("year.h.proposals")),
            Para(runs(t("period.proposals.count", count=proposals, span=span))),
            Para(runs(Run(t("period.placeholder.proposals"), role="placeholder")), "placeholder")]
