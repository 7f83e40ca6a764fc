"""Checks that need other files on record: duplicates, cumulative spending against the plan's
cost, year-on-year jumps of figures and of amounts. Pure: records in, findings out; they report
only on the targets."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal, localcontext

from plan744.core.findings import Finding
from plan744.core.labels import lower_first
from plan744.core.numbers import EXACT
from plan744.core.obligation import may_report_row
from plan744.core.plan import Plan
from plan744.core.submission_records import FileRecord
from plan744.core.vnformat import format_number

JUMP_RATIO = 5  # a figure five times (or a fifth of) last year's is worth a second look
JUMP_MIN = 50  # ... unless both are small, where such swings are ordinary
MONEY_SCALE = 100  # an amount a hundred times (or a hundredth of) the one it is compared with: a unit slip


def money_ratio(a: int | Decimal, b: int | Decimal) -> str:
    """How many times the larger is the smaller, as the messages write it ("1.000", "12,5")."""
    small, big = sorted((Decimal(a), Decimal(b)))
    if small == 0:
        return "∞"
    with localcontext(EXACT):
        ratio = (big / small).quantize(Decimal("0.1"))
    return format_number(ratio.quantize(Decimal(1)) if ratio == ratio.to_integral_value() else ratio)


MONEY_WORDS = {"allocated": "Vốn bố trí", "disbursed": "Vốn giải ngân"}


def check_across(plan: Plan, targets: Sequence[FileRecord], context: Sequence[FileRecord] = ()) -> list[Finding]:
    """Checks that need other files on record: duplicates, cumulative spending, jumps.
    Reports only on `targets`."""
    others = _others(targets, context)
    everything = [*targets, *others] if others else targets  # no copy of 100,000 records for nothing
    with localcontext(EXACT):  # sums and ratios of bounded figures, never rounded
        by_year = _by_year_and_unit(everything)  # last year's record of each unit, for both jump checks
        return (_duplicates(targets, everything) + _cumulative(plan, targets, everything)
                + _jumps(plan, targets, by_year) + _money_jumps(plan, targets, by_year))


def _others(targets: Sequence[FileRecord], context: Sequence[FileRecord]) -> list[FileRecord]:
    """The context's records of files that are not targets (the set of names is let go at once)."""
    if not context:
        return []
    target_files = {t.file for t in targets}
    return [c for c in context if c.file not in target_files]


def _by_year_and_unit(records: Iterable[FileRecord], *, first: bool = False) -> dict[int, dict[str, FileRecord]]:
    """year -> unit -> the record (for a unit and year given twice, the last one given, or the
    first with `first`). Two levels instead of (unit, year) keys: over 100,000 records, no tuple
    is made per record."""
    out: dict[int, dict[str, FileRecord]] = {}
    for rec in records:
        year = out.get(rec.year)
        if year is None:
            year = out[rec.year] = {}
        if not (first and rec.unit in year):
            year[rec.unit] = rec
    return out


def _duplicates(targets: Sequence[FileRecord], everything: Sequence[FileRecord]) -> list[Finding]:
    """One finding per extra copy of a unit's report for a year, naming the first copy (by file
    name): linear in the number of copies, never one per pair. Only units given twice get a
    group: the other records cost no object each."""
    first = _by_year_and_unit(everything, first=True)
    group_of: dict[int, list[FileRecord]] = {}  # id of a group's first record -> its group
    for rec in everything:
        seen = first[rec.year][rec.unit]
        if seen is not rec:
            group = group_of.get(id(seen))
            if group is None:
                group = group_of[id(seen)] = [seen]
            group.append(rec)
    if not group_of:
        return []
    in_groups = {id(rec) for group in group_of.values() for rec in group}
    wanted = {id(t) for t in targets if id(t) in in_groups}
    out = []
    for group in [group_of[id(rec)] for rec in everything if id(rec) in group_of]:  # in the files' order
        group = sorted(group, key=lambda r: r.file)
        head = group[0]
        flagged = [rec for rec in group[1:] if id(rec) in wanted]
        for rec in flagged:
            out.append(rec.finding("sub-duplicate", rec.unit_pos, ("unit",), unit=rec.unit, year=rec.year, other=head.file))
        if id(head) in wanted and not flagged:  # checked alone: still told that a copy exists
            out.append(head.finding("sub-duplicate", head.unit_pos, ("unit",), unit=head.unit, year=head.year,
                                    other=group[1].file))
    return out


def first_copies(records: Sequence[FileRecord]) -> list[FileRecord]:
    """One record per (unit, year), the first by file name: a duplicate is reported, never summed.
    Listed year by year."""
    chosen = _by_year_and_unit(sorted(records, key=lambda r: r.file), first=True)
    return [rec for units in chosen.values() for rec in units.values()]


def _cumulative(plan: Plan, targets: Sequence[FileRecord], everything: Sequence[FileRecord]) -> list[Finding]:
    if not any(rec.money for rec in targets):  # a finding is only ever about a target's amount
        return []
    # Disbursed per task and year, over every unit that reported it (shared leads add up).
    per_year: dict[str, dict[int, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for rec in first_copies(everything):
        for _, tt, side, amount, _ in rec.money:
            if side == "disbursed":
                per_year[tt][rec.year] += amount
    findings = []
    for rec in targets:
        for i, tt, side, _, pos in rec.money:
            task = plan.row(tt)
            if side != "disbursed" or task is None or task.cost is None or not may_report_row(plan, task, rec.unit, rec.year):
                continue
            upto = {y: v for y, v in sorted(per_year[tt].items()) if y <= rec.year}
            cumulative = sum(upto.values(), Decimal(0))
            if cumulative > task.cost:
                detail = " + ".join(f"{format_number(v)} ({y})" for y, v in upto.items())
                findings.append(rec.finding(
                    "sub-cumulative-exceeds-planned", pos, ("appendix", i, "disbursed"), tt=tt, year=rec.year, unit=plan.money.unit,
                    cumulative=format_number(cumulative), detail=detail, planned=format_number(task.cost)))
    return findings


def _jumps(plan: Plan, targets: Sequence[FileRecord], by_year: dict[int, dict[str, FileRecord]]) -> list[Finding]:
    findings = []
    for rec in targets:
        prev = by_year.get(rec.year - 1, {}).get(rec.unit)
        if prev is None:
            continue
        before = prev.figures
        for (ind_id, level, side), now in rec.figures.items():
            ind = plan.indicators_by_id.get(ind_id)
            then = before.get((ind_id, level, side))
            if ind is None or then is None or level not in plan.levels_by_code:
                continue
            small, big = sorted((now, then))
            if big >= JUMP_MIN and (small == 0 or big / small >= JUMP_RATIO):
                ratio = "∞" if small == 0 else format_number((Decimal(big) / Decimal(small)).quantize(Decimal("0.1")))
                label = {"denominator": ind.denominator, "numerator": ind.numerator}.get(side, ind.quantity)
                findings.append(rec.finding(
                    "sub-jump", (0, 0), ("indicators", ind_id, level, side), prev_year=prev.year, year=rec.year,
                    what=f"{lower_first(label)} ({ind_id}, {plan.levels_by_code[level].name})",
                    prev=format_number(then), current=format_number(now), ratio=ratio))
    return findings


def _money_jumps(plan: Plan, targets: Sequence[FileRecord], by_year: dict[int, dict[str, FileRecord]]) -> list[Finding]:
    """An appendix amount a hundred times (or a hundredth of) the same row's amount in the unit's
    report of the year before: "1.500" typed where 1500 was meant reads as 1.5. Zero on either side
    says nothing (no money that year) and is left alone."""
    findings = []
    for rec in targets:
        if not rec.money:
            continue
        prev = by_year.get(rec.year - 1, {}).get(rec.unit)
        if prev is None:
            continue
        before = {(tt, side): amount for _, tt, side, amount, _ in prev.money}
        for i, tt, side, now, pos in rec.money:
            then = before.get((tt, side))
            if not then or not now or not (now > then * MONEY_SCALE or now * MONEY_SCALE < then):
                continue
            findings.append(rec.finding(
                "sub-money-scale-previous", pos, ("appendix", i, side), tt=tt, what=MONEY_WORDS[side],
                prev_year=prev.year, year=rec.year, prev=format_number(then), current=format_number(now),
                unit=plan.money.unit, ratio=money_ratio(now, then)))
    return findings
