"""How each kind of figure is shown: one rule per kind, used by every document and the terminal.

- a percentage of counts: 1 decimal ("92,5%"); a share of money (around 1%): 2 decimals;
- a figure shown beside a verdict is never rounded across the threshold of that verdict:
  79,96% against a floor of 80% is shown "79,96%", not "80,0%" beside "Chưa đạt" (more
  decimals are shown, up to 4, only where rounding would contradict the verdict);
- counts are whole, amounts of money show at most 3 decimals of the plan's unit.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_DOWN, ROUND_UP, Decimal

from plan744.core.labels import lower_first, word
from plan744.core.plan import ALL_LEVELS, Indicator, Money, Plan, Target
from plan744.core.vnformat import MISSING, format_money_million, format_number, format_percent, round_to

MAX_EXTRA = 4  # decimals at most, where rounding would cross a threshold


def percent_decimals(indicator: Indicator | None) -> int:
    return 2 if indicator is not None and indicator.measure == "money" else 1


def _crosses(value: Decimal, shown: Decimal, thresholds: Iterable[Decimal]) -> bool:
    return any((value < t) != (shown < t) or (value > t) != (shown > t) for t in thresholds)


def shown_value(value: Decimal, places: int, thresholds: Iterable[Decimal] = ()) -> tuple[Decimal, int]:
    """`value` rounded half-up to `places`, or to more places where that would put it on the
    other side of (or onto) a threshold it is not on."""
    limits = tuple(thresholds)
    for p in range(places, MAX_EXTRA + 1):
        rounded = round_to(value, p)
        if not _crosses(value, rounded, limits):
            return rounded, p
    # Still ambiguous at MAX_EXTRA places (79,99996% against 80%): cut towards the value's side.
    for rounding in (ROUND_DOWN, ROUND_UP):
        cut = round_to(value, MAX_EXTRA, rounding)
        if not _crosses(value, cut, limits):
            return cut, MAX_EXTRA
    return round_to(value, MAX_EXTRA), MAX_EXTRA  # pragma: no cover - a value exactly between two thresholds


def percent(value: Decimal | None, indicator: Indicator | None = None, thresholds: Iterable[Decimal] = ()) -> str:
    """A percentage as every document shows it ("—" when there is none)."""
    if value is None:
        return MISSING
    rounded, places = shown_value(value, percent_decimals(indicator), thresholds)
    return format_percent(rounded, places)


def count(value: int | Decimal | None) -> str:
    if value is None:
        return MISSING
    return format_number(value, 0) if isinstance(value, Decimal) and value == value.to_integral_value() else format_number(value)


def money(value: Decimal | int | None) -> str:
    """An amount in the plan's money unit: at most 3 decimals, trailing zeros dropped."""
    if value is None:
        return MISSING
    return format_money_million(value)


def value(figure: Decimal | None, indicator: Indicator, thresholds: Iterable[Decimal] = ()) -> str:
    """The figure of an indicator: a percentage, a count, or an amount."""
    if indicator.is_percent:
        return percent(figure, indicator, thresholds)
    if figure is None:
        return MISSING
    if indicator.value == "amount":
        return money(figure)
    if indicator.value == "rank":
        return word("figure.rank").format(rank=format_number(Decimal(figure), 0))
    rounded, _ = shown_value(Decimal(figure), 0, thresholds) if thresholds else (Decimal(figure), 0)
    return format_number(rounded)


def with_unit(figure: Decimal | None, indicator: Indicator, money_unit: Money, thresholds: Iterable[Decimal] = ()) -> str:
    """"92,5%", "21 bộ dữ liệu", "1.250 tỷ đồng"."""
    text = value(figure, indicator, thresholds)
    if figure is None or indicator.is_percent or indicator.value == "rank":
        return text
    unit = money_unit.unit if indicator.value == "amount" else indicator.count_unit
    return f"{text} {unit}".strip()


WORDING_MAX = 48  # longer wording (a whole sentence of the plan) is shown in its compact form


def target(tgt: Target, indicator: Indicator, money_unit: Money) -> str:
    """A target as a table shows it: the plan's words when they are short ("đạt từ 90% -
    95%"), else the level alone ("100%", "trên 60%", "20 bộ dữ liệu"); with its stage, its
    milestone year when the plan sets several, or "mỗi năm"."""
    if len(tgt.wording) <= WORDING_MAX or tgt.value is None:
        text = tgt.wording
    else:
        def level(v: Decimal) -> str:
            return format_percent(v, 2, trim=True) if indicator.is_percent else with_unit(v, indicator, money_unit)

        kind = "rank" if indicator.value == "rank" else tgt.kind
        text = word(f"target.{kind}").format(value=level(tgt.value) if kind != "rank" else format_number(tgt.value, 0),
                                                 stretch=level(tgt.stretch) if tgt.stretch is not None else "")
    if tgt.each_year:
        qualifier = word("target.each_year")
    elif tgt.stage or (tgt.year and len(indicator.targets) > 1):
        qualifier = lower_first(tgt.stage or str(tgt.year))
    else:
        return text
    # The plan's words may already say it ("05 bộ mỗi năm", "đến năm 2027").
    return text if qualifier.lower() in text.lower() else f"{text} ({qualifier})"


def scope_names(plan: Plan) -> dict[str, str]:
    """"Toàn tỉnh" (the plan's word for the whole area), "Cấp tỉnh", …"""
    names = {ALL_LEVELS: plan.report.area_name}
    for lv in plan.levels:
        names[lv.code] = lv.name[:1].upper() + lv.name[1:]
    return names
