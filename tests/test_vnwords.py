"""Amounts in Vietnamese words (expected strings written by hand from the rules)."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from plan744.core.vnwords import amount_in_words, amount_in_words_million, number_to_words

D = Decimal


def nfc(s: str) -> str:
    assert unicodedata.is_normalized("NFC", s), s
    return s


# --- number_to_words: the cases from the brief and the edges --------------------


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "không"),
        (1, "một"),
        (4, "bốn"),
        (5, "năm"),
        (9, "chín"),
        (10, "mười"),
        (11, "mười một"),
        (14, "mười bốn"),
        (15, "mười lăm"),
        (19, "mười chín"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (25, "hai mươi lăm"),
        (27, "hai mươi bảy"),
        (31, "ba mươi mốt"),
        (55, "năm mươi lăm"),
        (99, "chín mươi chín"),
        (100, "một trăm"),
        (101, "một trăm linh một"),
        (104, "một trăm linh bốn"),
        (105, "một trăm linh năm"),
        (110, "một trăm mười"),
        (111, "một trăm mười một"),
        (115, "một trăm mười lăm"),
        (121, "một trăm hai mươi mốt"),
        (500, "năm trăm"),
        (555, "năm trăm năm mươi lăm"),
        (999, "chín trăm chín mươi chín"),
        (1_000, "một nghìn"),
        (1_001, "một nghìn không trăm linh một"),
        (1_005, "một nghìn không trăm linh năm"),
        (1_010, "một nghìn không trăm mười"),
        (1_015, "một nghìn không trăm mười lăm"),
        (1_050, "một nghìn không trăm năm mươi"),
        (1_100, "một nghìn một trăm"),
        (2_024, "hai nghìn không trăm hai mươi tư"),
        (10_000, "mười nghìn"),
        (15_000, "mười lăm nghìn"),
        (21_000, "hai mươi mốt nghìn"),
        (100_000, "một trăm nghìn"),
        (105_000, "một trăm linh năm nghìn"),
        (1_000_000, "một triệu"),
        (1_000_005, "một triệu không trăm linh năm"),
        (1_000_050, "một triệu không trăm năm mươi"),
        (1_001_000, "một triệu không trăm linh một nghìn"),
        (1_100_000, "một triệu một trăm nghìn"),
        (1_000_000_000, "một tỷ"),
        (1_000_000_001, "một tỷ không trăm linh một"),
        (2_000_001_000, "hai tỷ không trăm linh một nghìn"),
        (2_500_000_000, "hai tỷ năm trăm triệu"),
        (1_028_960_000_000, "một nghìn không trăm hai mươi tám tỷ chín trăm sáu mươi triệu"),
        (10**12, "một nghìn tỷ"),
        (10**12 + 5, "một nghìn tỷ không trăm linh năm"),
        (1_001_000_000_000, "một nghìn không trăm linh một tỷ"),
        (10**15, "một triệu tỷ"),
        (10**18, "một tỷ tỷ"),
        (10**18 + 5, "một tỷ tỷ không trăm linh năm"),
        (10**21, "một nghìn tỷ tỷ"),
        (
            123_456_789,
            "một trăm hai mươi ba triệu bốn trăm năm mươi sáu nghìn bảy trăm tám mươi chín",
        ),
        (
            999_999_999_999,
            "chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu "
            "chín trăm chín mươi chín nghìn chín trăm chín mươi chín",
        ),
        (-5, "âm năm"),
        (-1_005, "âm một nghìn không trăm linh năm"),
    ],
)
def test_number_to_words(n, expected):
    assert nfc(number_to_words(n)) == expected


def test_options_thousand_odd_four():
    assert number_to_words(1_028_960_000_000, thousand="ngàn") == (
        "một ngàn không trăm hai mươi tám tỷ chín trăm sáu mươi triệu"
    )
    assert number_to_words(105, odd="lẻ") == "một trăm lẻ năm"
    assert number_to_words(1_005, odd="lẻ", thousand="ngàn") == "một ngàn không trăm lẻ năm"
    assert number_to_words(24, four="bốn") == "hai mươi bốn"
    assert number_to_words(14, four="bốn") == "mười bốn"
    assert number_to_words(14, four="tư") == "mười bốn"  # 14 is always "mười bốn"
    assert number_to_words(104, four="tư") == "một trăm linh bốn"
    assert number_to_words(44_044, four="bốn") == "bốn mươi bốn nghìn không trăm bốn mươi bốn"
    assert number_to_words(44_044) == "bốn mươi tư nghìn không trăm bốn mươi tư"


def test_options_accept_nfd_and_reject_unknown_words():
    assert number_to_words(1000, thousand=unicodedata.normalize("NFD", "ngàn")) == "một ngàn"
    with pytest.raises(ValueError):
        number_to_words(1000, thousand="ngan")
    with pytest.raises(ValueError):
        number_to_words(105, odd="le")
    with pytest.raises(ValueError):
        number_to_words(24, four="4")


@pytest.mark.parametrize("bad", [1.0, 5.5, True, False, "5", None, D(5)])
def test_number_to_words_rejects_non_int(bad):
    with pytest.raises(TypeError):
        number_to_words(bad)


# --- amount_in_words ------------------------------------------------------------


def test_plan_sentence():
    assert amount_in_words(1_028_960_000_000, thousand="ngàn") == (
        "Một ngàn không trăm hai mươi tám tỷ, chín trăm sáu mươi triệu đồng"
    )


@pytest.mark.parametrize(
    ("vnd", "expected"),
    [
        (0, "Không đồng"),
        (5, "Năm đồng"),
        (15_000, "Mười lăm nghìn đồng"),
        (1_000_005, "Một triệu không trăm linh năm đồng"),
        (1_000_000_000, "Một tỷ đồng"),  # nothing after "tỷ": no comma
        (1_000_000_001, "Một tỷ, không trăm linh một đồng"),
        (2_000_001_000, "Hai tỷ, không trăm linh một nghìn đồng"),
        (2_500_000_000, "Hai tỷ, năm trăm triệu đồng"),
        (10**12, "Một nghìn tỷ đồng"),
        (10**15, "Một triệu tỷ đồng"),
        (10**18, "Một tỷ tỷ đồng"),
        # Only the last "tỷ" takes a comma; the count of tỷ is never split.
        (10**18 + 10**9 + 5, "Một tỷ không trăm linh một tỷ, không trăm linh năm đồng"),
        (-1_500_000_000, "Âm một tỷ, năm trăm triệu đồng"),
    ],
)
def test_amount_in_words(vnd, expected):
    assert nfc(amount_in_words(vnd)) == expected


def test_amount_in_words_without_comma_and_options():
    assert amount_in_words(1_028_960_000_000, thousand="ngàn", group_comma_after_ty=False) == (
        "Một ngàn không trăm hai mươi tám tỷ chín trăm sáu mươi triệu đồng"
    )
    assert amount_in_words(1_105_024, odd="lẻ", four="bốn") == (
        "Một triệu một trăm lẻ năm nghìn không trăm hai mươi bốn đồng"
    )


@pytest.mark.parametrize("bad", [1.0, True, D(1)])
def test_amount_in_words_rejects_non_int(bad):
    with pytest.raises(TypeError):
        amount_in_words(bad)


@pytest.mark.parametrize(
    ("million", "kwargs", "expected"),
    [
        (D("1028960"), {"thousand": "ngàn"}, "Một ngàn không trăm hai mươi tám tỷ, chín trăm sáu mươi triệu đồng"),
        (1_028_960, {"thousand": "ngàn"}, "Một ngàn không trăm hai mươi tám tỷ, chín trăm sáu mươi triệu đồng"),
        (1, {}, "Một triệu đồng"),
        (0, {}, "Không đồng"),
        (D("0.000001"), {}, "Một đồng"),
        (D("0.0015"), {}, "Một nghìn năm trăm đồng"),
        (D("1.5"), {}, "Một triệu năm trăm nghìn đồng"),
        (D("1.5000000"), {}, "Một triệu năm trăm nghìn đồng"),  # trailing zeros are fine
        (D("1E+3"), {}, "Một tỷ đồng"),
        (D("1500.25"), {}, "Một tỷ, năm trăm triệu hai trăm năm mươi nghìn đồng"),
        (D("-2.5"), {}, "Âm hai triệu năm trăm nghìn đồng"),
        # 10^30 million + 1 đồng: 37 significant digits, more than the decimal
        # context's 28, yet exact.
        (
            D("1" + "0" * 30 + ".000001"),
            {},
            "Một tỷ tỷ tỷ tỷ, không trăm linh một đồng",
        ),
    ],
)
def test_amount_in_words_million(million, kwargs, expected):
    assert nfc(amount_in_words_million(million, **kwargs)) == expected


@pytest.mark.parametrize("bad", [D("0.0000005"), D("1.0000001"), D("0.1234567")])
def test_amount_in_words_million_rejects_fractions_of_a_dong(bad):
    with pytest.raises(ValueError):
        amount_in_words_million(bad)


@pytest.mark.parametrize("bad", [D("NaN"), D("Infinity")])
def test_amount_in_words_million_rejects_non_finite(bad):
    with pytest.raises(ValueError):
        amount_in_words_million(bad)


@pytest.mark.parametrize("bad", [1.5, True, "1"])
def test_amount_in_words_million_rejects_inexact_types(bad):
    with pytest.raises(TypeError):
        amount_in_words_million(bad)


# --- property: the words read back to the number ----------------------------------
#
# An independent reader: a group is a sum of "X trăm", "X mươi", "mười" and a unit;
# "nghìn"/"ngàn" and "triệu" close a group; the last "tỷ" splits the number into a
# count of tỷ (read recursively) and a remainder below 10^9.

UNITS = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4,
    "năm": 5, "lăm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
}  # fmt: skip
SCALES = {"nghìn", "ngàn", "triệu", "tỷ"}


def read_group(tokens: list[str]) -> int:
    value, i = 0, 0
    while i < len(tokens):
        word = tokens[i]
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if word in UNITS and after == "trăm":
            value += UNITS[word] * 100
            i += 2
        elif word in UNITS and after == "mươi":
            value += UNITS[word] * 10
            i += 2
        elif word == "mười":
            value += 10
            i += 1
        elif word in ("linh", "lẻ"):
            i += 1
        elif word in UNITS:
            value += UNITS[word]
            i += 1
        else:
            raise AssertionError(f"unexpected word {word!r} in {tokens}")
    assert value < 1000, tokens
    return value


def read_below_billion(tokens: list[str]) -> int:
    total, group = 0, []
    for word in tokens:
        if word == "triệu":
            total += read_group(group) * 10**6
            group = []
        elif word in ("nghìn", "ngàn"):
            total += read_group(group) * 1000
            group = []
        else:
            group.append(word)
    return total + read_group(group)


def read_tokens(tokens: list[str]) -> int:
    if tokens and tokens[0] == "âm":
        return -read_tokens(tokens[1:])
    if "tỷ" in tokens:
        last = len(tokens) - 1 - tokens[::-1].index("tỷ")
        return read_tokens(tokens[:last]) * 10**9 + read_below_billion(tokens[last + 1 :])
    return read_below_billion(tokens)


def read_words(words: str) -> int:
    return read_tokens(words.replace(",", " ").split())


def assert_well_formed(words: str, n: int, four: str) -> None:
    """Checks the reader cannot see: unit forms and the full reading of groups."""
    tokens = words.split()
    assert words == " ".join(tokens)  # single spaces, no stray blanks
    pairs = set(zip(tokens, tokens[1:], strict=False))
    bad_pairs = {
        ("mươi", "một"), ("mươi", "năm"), ("mười", "năm"), ("mười", "mốt"),
        ("mười", "tư"), ("linh", "lăm"), ("linh", "mốt"), ("lẻ", "lăm"),
        ("lẻ", "mốt"), ("linh", "không"), ("lẻ", "không"), ("không", "mươi"),
        ("một", "mươi"), ("mươi", "không"), ("mười", "không"),
        ("mươi", "bốn" if four == "tư" else "tư"),
    }  # fmt: skip
    assert not pairs & bad_pairs, (words, pairs & bad_pairs)
    for i, word in enumerate(tokens):
        if word in ("linh", "lẻ"):
            assert tokens[i - 1] == "trăm" and tokens[i + 1] in UNITS and tokens[i + 1] != "không"
        if word == "không" and n != 0:
            assert tokens[i + 1] == "trăm", words
        # After a scale word, a following group is read in full: "X trăm ...".
        if word in SCALES and i + 1 < len(tokens) and tokens[i + 1] not in SCALES:
            assert tokens[i + 2] == "trăm", words
    if n != 0:
        assert tokens[0] != "không"


TRICKY_GROUPS = [0, 0, 0, 1, 4, 5, 10, 11, 14, 15, 20, 21, 24, 25, 100, 101, 104, 105, 110, 111, 115, 999]
group_values = st.one_of(st.sampled_from(TRICKY_GROUPS), st.integers(0, 999))
numbers_with_zero_groups = st.lists(group_values, min_size=5, max_size=5).map(
    lambda groups: sum(g * 1000**i for i, g in enumerate(groups))
)
below_10_15 = st.one_of(st.integers(0, 10**15 - 1), numbers_with_zero_groups)


@settings(max_examples=400, deadline=None)
@given(
    n=below_10_15,
    thousand=st.sampled_from(["nghìn", "ngàn"]),
    odd=st.sampled_from(["linh", "lẻ"]),
    four=st.sampled_from(["tư", "bốn"]),
)
@example(n=1_028_960_000_000, thousand="ngàn", odd="linh", four="tư")
@example(n=1_000_005, thousand="nghìn", odd="linh", four="tư")
@example(n=0, thousand="nghìn", odd="linh", four="tư")
def test_words_read_back_to_the_number(n, thousand, odd, four):
    words = number_to_words(n, thousand=thousand, odd=odd, four=four)
    assert unicodedata.is_normalized("NFC", words)
    assert words == words.lower()
    assert read_words(words) == n
    assert_well_formed(words, n, four)
    assert read_words(number_to_words(-n)) == -n

    amount = amount_in_words(n, thousand=thousand, odd=odd, four=four)
    assert amount.endswith(" đồng") and amount[0].isupper()
    assert amount.count(",") <= 1
    if "," in amount:
        assert amount.index(",") == amount.rindex("tỷ") + len("tỷ")
    assert (amount[0].lower() + amount[1:]).replace(",", "") == words + " đồng"


@settings(max_examples=100, deadline=None)
@given(n=st.integers(10**15, 10**30))
def test_huge_numbers_read_back(n):
    words = number_to_words(n)
    assert read_words(words) == n
    assert_well_formed(words, n, "tư")


@settings(max_examples=200, deadline=None)
@given(dong=st.integers(-(10**15), 10**15))
def test_million_amount_is_exact(dong):
    million = D(dong).scaleb(-6)
    assert amount_in_words_million(million) == amount_in_words(dong)
