"""Vietnamese number and date formatting (expected strings written by hand)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plan744.core.vnformat import (
    format_date,
    format_day,
    format_day_month,
    format_money_million,
    format_number,
    format_percent,
    format_place_date,
)

D = Decimal


def nfc(s: str) -> str:
    assert unicodedata.is_normalized("NFC", s), s
    return s


# --- format_number ------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (0, None, "0"),
        (7, None, "7"),
        (999, None, "999"),
        (1000, None, "1.000"),
        (1028960, None, "1.028.960"),
        (1_028_960_000_000, None, "1.028.960.000.000"),
        (10**18, None, "1.000.000.000.000.000.000"),
        (-1234567, None, "-1.234.567"),
        (-5, None, "-5"),
        (D("92.5"), 1, "92,5"),
        (D("92.5"), None, "92,5"),
        (D("92.50"), None, "92,50"),  # a Decimal keeps its own digits
        (D("1500.000"), None, "1.500,000"),
        (D("0.000001"), None, "0,000001"),
        (D("1E+3"), None, "1.000"),
        (D("-1500.25"), None, "-1.500,25"),
        (1028960, 2, "1.028.960,00"),
        (D("92.5"), 0, "93"),  # half-up, not half-even (which gives 92)
        (D("2.45"), 1, "2,5"),  # half-even would give 2,4
        (D("2.25"), 1, "2,3"),
        (D("2.35"), 1, "2,4"),
        (D("2.449"), 1, "2,4"),
        (D("-2.45"), 1, "-2,5"),  # half-up rounds away from zero
        (D("1234.5678"), 2, "1.234,57"),
        (D("999999.995"), 2, "1.000.000,00"),
        (D("0.5"), 0, "1"),
        (D("-0.04"), 1, "0,0"),  # rounds to zero: no minus sign
        (D("-0"), None, "0"),
        (D("-0.00"), None, "0,00"),
    ],
)
def test_format_number(value, decimals, expected):
    assert nfc(format_number(value, decimals)) == expected


def test_format_number_beyond_default_decimal_precision():
    # 31 significant digits: more than the default decimal context (28) holds.
    value = D("1234567890123456789012345678901.25")
    assert format_number(value) == "1.234.567.890.123.456.789.012.345.678.901,25"
    assert format_number(value, 1) == "1.234.567.890.123.456.789.012.345.678.901,3"
    assert format_number(10**40) == "10" + ".000" * 13


def test_format_number_uses_plain_ascii_separators():
    text = format_number(D("-1234567.5"))
    assert text == "-1.234.567,5"
    assert set(text) <= set("-0123456789.,")


@pytest.mark.parametrize("bad", [1.5, 1.0, True, False, "1000", None, [1]])
def test_format_number_rejects_inexact_types(bad):
    with pytest.raises(TypeError):
        format_number(bad)


@pytest.mark.parametrize("bad", [D("NaN"), D("Infinity"), D("-Infinity")])
def test_format_number_rejects_non_finite(bad):
    with pytest.raises(ValueError):
        format_number(bad)


def test_format_number_checks_decimals():
    with pytest.raises(ValueError):
        format_number(1, -1)
    with pytest.raises(TypeError):
        format_number(1, True)
    with pytest.raises(TypeError):
        format_number(1, 1.0)


# --- format_percent -----------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        (D("92.5"), {}, "92,5%"),
        (D(90), {}, "90,0%"),
        (90, {}, "90,0%"),
        (D(90), {"trim": True}, "90%"),
        (D("90.0"), {"trim": True}, "90%"),
        (D("92.5"), {"trim": True}, "92,5%"),
        (D("89.96"), {"trim": True}, "90%"),
        (D("89.96"), {}, "90,0%"),
        (D("92.5"), {"decimals": 0}, "93%"),
        (D("92.5"), {"decimals": 2}, "92,50%"),
        (D("92.5"), {"decimals": 2, "trim": True}, "92,50%"),
        (D("90"), {"decimals": 2, "trim": True}, "90%"),
        (D("100"), {}, "100,0%"),
        (D("1234.5"), {}, "1.234,5%"),
        (D("0"), {}, "0,0%"),
        (D("0.04"), {}, "0,0%"),
        (D("0.05"), {}, "0,1%"),
        (D("-3.25"), {}, "-3,3%"),
        (D("33.333333"), {}, "33,3%"),
    ],
)
def test_format_percent(value, kwargs, expected):
    assert nfc(format_percent(value, **kwargs)) == expected


def test_format_percent_none_is_dash():
    assert format_percent(None) == "—"
    assert format_percent(None, 2, trim=True) == "\u2014"


@pytest.mark.parametrize("bad", [92.5, True])
def test_format_percent_rejects_float_and_bool(bad):
    with pytest.raises(TypeError):
        format_percent(bad)


# --- dates --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (dt.date(2023, 1, 5), "ngày 05 tháng 01 năm 2023"),
        (dt.date(2023, 3, 5), "ngày 05 tháng 3 năm 2023"),
        (dt.date(2020, 12, 15), "ngày 15 tháng 12 năm 2020"),
        (dt.date(2024, 2, 1), "ngày 01 tháng 02 năm 2024"),
        (dt.date(2024, 2, 29), "ngày 29 tháng 02 năm 2024"),
        (dt.date(2021, 10, 10), "ngày 10 tháng 10 năm 2021"),
        (dt.date(2025, 9, 9), "ngày 09 tháng 9 năm 2025"),
        (dt.date(2021, 11, 30), "ngày 30 tháng 11 năm 2021"),
        (dt.date(2025, 12, 31), "ngày 31 tháng 12 năm 2025"),
        (dt.date(2022, 1, 10), "ngày 10 tháng 01 năm 2022"),
    ],
)
def test_format_date(d, expected):
    assert nfc(format_date(d)) == expected


def test_format_date_leading_zero_rule_over_a_whole_year():
    pattern = re.compile(r"^ngày (\d\d) tháng (\d{1,2}) năm 2024$")
    d = dt.date(2024, 1, 1)
    while d.year == 2024:
        m = pattern.match(format_date(d))
        assert m, format_date(d)
        assert int(m.group(1)) == d.day
        assert m.group(2) == (f"0{d.month}" if d.month <= 2 else str(d.month))
        d += dt.timedelta(days=1)


def test_format_date_accepts_datetime_date_part():
    assert format_date(dt.datetime(2023, 1, 5, 23, 59)) == "ngày 05 tháng 01 năm 2023"


@pytest.mark.parametrize("bad", ["2023-01-05", None, 20230105])
def test_dates_reject_non_dates(bad):
    with pytest.raises(TypeError):
        format_date(bad)
    with pytest.raises(TypeError):
        format_day(bad)


@pytest.mark.parametrize(
    ("d", "day", "day_month"),
    [
        (dt.date(2025, 7, 1), "01/7/2025", "01/7"),
        (dt.date(2025, 6, 30), "30/6/2025", "30/6"),
        (dt.date(2020, 12, 15), "15/12/2020", "15/12"),
        (dt.datetime(2023, 1, 5, 14, 30), "05/01/2023", "05/01"),  # a workbook's date cell is a datetime
        (dt.date(2021, 1, 20), "20/01/2021", "20/01"),  # months 1 and 2 keep their zero (Nghị định 30)
        (dt.date(2024, 2, 29), "29/02/2024", "29/02"),
        (dt.date(2025, 3, 1), "01/3/2025", "01/3"),
        (dt.date(2025, 10, 9), "09/10/2025", "09/10"),
    ],
)
def test_format_day_and_day_month(d, day, day_month):
    assert format_day(d) == day
    assert format_day_month(d) == day_month


def test_format_day_month_refuses_a_non_date():
    with pytest.raises(TypeError):
        format_day_month("30/6")  # type: ignore[arg-type]


def test_format_place_date():
    assert nfc(format_place_date("Nghệ An", dt.date(2023, 1, 5))) == "Nghệ An, ngày 05 tháng 01 năm 2023"
    assert format_place_date("Nghệ An", dt.date(2023, 3, 5)) == "Nghệ An, ngày 05 tháng 3 năm 2023"
    assert nfc(format_place_date("Nghệ An", None)) == "Nghệ An, ngày …… tháng …… năm ……"
    assert format_place_date("Nghệ An", None) == "Nghệ An, ngày \u2026\u2026 tháng \u2026\u2026 năm \u2026\u2026"


def test_format_place_date_normalises_place_to_nfc():
    decomposed = unicodedata.normalize("NFD", "Nghệ An")
    assert decomposed != "Nghệ An"
    out = format_place_date("  " + decomposed + " ", dt.date(2023, 1, 5))
    assert out == "Nghệ An, ngày 05 tháng 01 năm 2023"
    assert unicodedata.is_normalized("NFC", out)


def test_format_place_date_rejects_bad_place():
    with pytest.raises(ValueError):
        format_place_date("   ", None)
    with pytest.raises(TypeError):
        format_place_date(None, None)  # type: ignore[arg-type]


# --- format_money_million -----------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D("1500.000"), "1.500"),
        (D("1500.25"), "1.500,25"),
        (D("1500.2500"), "1.500,25"),
        (D("1500.5"), "1.500,5"),
        (D("1500.125"), "1.500,125"),
        (D("1500.0005"), "1.500,001"),  # rounded half-up to 1.000 đồng
        (D("1500.0004"), "1.500"),
        (D("1500.9996"), "1.501"),
        (1500, "1.500"),
        (0, "0"),
        (D("0.5"), "0,5"),
        (D("0.0004"), "0"),
        (D("-0.0004"), "0"),
        (D("-12.340"), "-12,34"),
        (D("1028960"), "1.028.960"),
        (D("1E+3"), "1.000"),
        (D("1.5E+3"), "1.500"),
        (D("12345678901234567890123456789.010"), "12.345.678.901.234.567.890.123.456.789,01"),
    ],
)
def test_format_money_million(value, expected):
    assert nfc(format_money_million(value)) == expected


@pytest.mark.parametrize("bad", [1500.0, True, "1500"])
def test_format_money_million_rejects_inexact_types(bad):
    with pytest.raises(TypeError):
        format_money_million(bad)


def test_the_symbols_and_grouping_are_babels_for_the_vietnamese_locale() -> None:
    """vnformat writes CLDR's symbols for "vi" instead of loading Babel's locale data on every
    run; a newer Babel (CLDR) that changed them fails here, not in a signed report."""
    from babel import Locale
    from babel.numbers import get_decimal_symbol, get_group_symbol, get_minus_sign_symbol

    from plan744.core import vnformat

    pattern = Locale.parse(vnformat.LOCALE).decimal_formats[None]
    assert (vnformat.GROUP_SYMBOL, vnformat.DECIMAL_SYMBOL, vnformat.MINUS_SIGN) == (
        get_group_symbol(vnformat.LOCALE), get_decimal_symbol(vnformat.LOCALE), get_minus_sign_symbol(vnformat.LOCALE))
    assert (vnformat.PRIMARY_GROUP, vnformat.SECONDARY_GROUP) == tuple(pattern.grouping)


@settings(max_examples=500, deadline=None)
@given(st.decimals(min_value=-10**15, max_value=10**15, places=4, allow_nan=False, allow_infinity=False))
def test_grouping_is_babels_for_the_vietnamese_locale(value: Decimal) -> None:
    """Whatever the digits, the result is what Babel's own format_decimal gives for them."""
    from babel.numbers import format_decimal

    places = max(0, -value.as_tuple().exponent)
    pattern = "#,##0" + ("." + "0" * places if places else "")
    expected = format_decimal(value, format=pattern, locale="vi")
    if value.copy_abs() == 0:
        expected = expected.lstrip("-")
    assert format_number(value) == expected
