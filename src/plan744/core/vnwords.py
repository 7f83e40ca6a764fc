"""Spell an amount of đồng in Vietnamese words ("bằng chữ").

The number is read in groups of three digits with the scale words nghìn (or
ngàn), triệu and tỷ. Above 999 tỷ the number of tỷ is itself read as a number,
so the scales repeat: "nghìn tỷ", "triệu tỷ", "tỷ tỷ".

Rules (each is covered by tests/test_vnwords.py):

* a group after a nonzero higher part is read in full: a zero hundreds digit is
  "không trăm" and a zero tens digit before a nonzero unit is "linh" (or "lẻ"):
  1.005 -> "một nghìn không trăm linh năm"; all-zero groups are skipped;
* the leading group is read without leading zeros: 5 -> "năm", 15 -> "mười lăm";
* units after a tens word: 1 is "mốt" after "mươi" (21) but "một" after "mười"
  (11) or "linh" (101); 5 is "lăm" after "mươi"/"mười" (15, 25) but "năm" after
  "linh" (105); 4 is "tư" (option: "bốn") after "mươi" only, "bốn" elsewhere
  (14 "mười bốn", 104 "một trăm linh bốn");
* a negative number starts with "âm".

Output is lower-case NFC; ``amount_in_words`` capitalises it and adds " đồng".
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal

__all__ = ["amount_in_words", "amount_in_words_million", "number_to_words"]

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
BILLION = 10**9
MILLION = 10**6

_THOUSAND_WORDS = ("nghìn", "ngàn")
_ODD_WORDS = ("linh", "lẻ")
_FOUR_WORDS = ("tư", "bốn")


def _choice(name: str, value: object, allowed: tuple[str, ...]) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, got {type(value).__name__}")
    value = unicodedata.normalize("NFC", value)
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}; got {value!r}")
    return value


def _check_int(n: object, what: str) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"{what} must be an int (never float or bool), got {type(n).__name__}")
    return n


def _group(value: int, full: bool, odd: str, four: str) -> list[str]:
    """Words for 1..999; *full* reads leading zeros ("không trăm", "linh")."""
    hundreds, rest = divmod(value, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append(odd)
            words.append(DIGITS[units])
        return words
    if tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else DIGITS[units])
        return words
    words += [DIGITS[tens], "mươi"]
    if units == 1:
        words.append("mốt")
    elif units == 4:
        words.append(four)
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(DIGITS[units])
    return words


def _below_billion(n: int, full: bool, thousand: str, odd: str, four: str) -> list[str]:
    """Words for 0 < n < 10^9; *full* when a nonzero higher part precedes."""
    words: list[str] = []
    for scale, name in ((MILLION, "triệu"), (1000, thousand), (1, "")):
        group, n = divmod(n, scale)
        if group:
            words += _group(group, full, odd, four)
            if name:
                words.append(name)
            full = True
    return words


def _words(n: int, thousand: str, odd: str, four: str, comma_after_ty: bool) -> str:
    """Words for n > 0; the outermost "tỷ" gets a comma when comma_after_ty."""
    billions, rest = divmod(n, BILLION)
    if not billions:
        return " ".join(_below_billion(rest, False, thousand, odd, four))
    # The count of tỷ is a number in its own right ("một nghìn tỷ", "một tỷ tỷ");
    # commas are only placed after the last "tỷ", never inside that count.
    head = _words(billions, thousand, odd, four, False) + " tỷ"
    if not rest:
        return head
    tail = " ".join(_below_billion(rest, True, thousand, odd, four))
    return f"{head}{',' if comma_after_ty else ''} {tail}"


def _spell(n: int, thousand: str, odd: str, four: str, comma_after_ty: bool) -> str:
    thousand = _choice("thousand", thousand, _THOUSAND_WORDS)
    odd = _choice("odd", odd, _ODD_WORDS)
    four = _choice("four", four, _FOUR_WORDS)
    if n == 0:
        text = DIGITS[0]
    elif n < 0:
        text = "âm " + _words(-n, thousand, odd, four, comma_after_ty)
    else:
        text = _words(n, thousand, odd, four, comma_after_ty)
    return unicodedata.normalize("NFC", text)


def number_to_words(n: int, *, thousand: str = "nghìn", odd: str = "linh", four: str = "tư") -> str:
    """``1005`` -> ``"một nghìn không trăm linh năm"`` (lower case, no punctuation)."""
    return _spell(_check_int(n, "n"), thousand, odd, four, False)


def amount_in_words(
    vnd: int,
    *,
    thousand: str = "nghìn",
    group_comma_after_ty: bool = True,
    odd: str = "linh",
    four: str = "tư",
) -> str:
    """An amount of đồng in words, capitalised, ending in " đồng".

    ``1_028_960_000_000, thousand="ngàn"`` ->
    ``"Một ngàn không trăm hai mươi tám tỷ, chín trăm sáu mươi triệu đồng"``.
    """
    text = _spell(_check_int(vnd, "vnd"), thousand, odd, four, bool(group_comma_after_ty))
    return text[0].upper() + text[1:] + " đồng"


def _million_to_dong(million: int | Decimal) -> int:
    if isinstance(million, bool) or not isinstance(million, (int, Decimal)):
        raise TypeError(f"million must be int or Decimal (never float or bool), got {type(million).__name__}")
    if isinstance(million, int):
        return million * MILLION
    if not million.is_finite():
        raise ValueError(f"million must be a finite number, got {million!r}")
    # Exact, independent of the decimal context: coefficient × 10^(exponent + 6).
    sign, digits, exponent = million.as_tuple()
    assert isinstance(exponent, int)
    coefficient = int("".join(map(str, digits)) or "0")
    shift = exponent + 6
    if shift >= 0:
        dong = coefficient * 10**shift
    else:
        dong, remainder = divmod(coefficient, 10**-shift)
        if remainder:
            raise ValueError(f"{million} million đồng is not a whole number of đồng")
    return -dong if sign else dong


def amount_in_words_million(
    million: int | Decimal,
    *,
    thousand: str = "nghìn",
    group_comma_after_ty: bool = True,
    odd: str = "linh",
    four: str = "tư",
) -> str:
    """Like :func:`amount_in_words` for an amount given in million đồng.

    ``Decimal("1028960")`` -> 1.028.960.000.000 đồng; ``Decimal("0.0015")`` ->
    1.500 đồng; ``Decimal("0.0000005")`` is refused (half a đồng).
    """
    return amount_in_words(
        _million_to_dong(million),
        thousand=thousand,
        group_comma_after_ty=group_comma_after_ty,
        odd=odd,
        four=four,
    )
