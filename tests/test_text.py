"""core.text.clean: what leaves a unit's free text, and its fast path for printable text."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from plan744.core import text


def _every_code_point() -> str:
    return "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def test_every_character_taken_out_is_unprintable() -> None:
    # clean() skips the search for printable text; that is exact only while this holds.
    taken = set(text._ANY.findall(_every_code_point()))
    assert len(taken) > 100  # the class matched: C0, C1, bidi, non-characters…
    assert sorted(hex(ord(ch)) for ch in taken if ch.isprintable()) == []


@pytest.mark.parametrize("raw, expected, removed", [
    ("Sở TT&TT", "Sở TT&TT", []),
    ("a\x1b[2Jb", "a[2Jb", ["U+001B"]),
    ("x\u202ey", "xy", ["U+202E"]),
    ("một\u2028hai", "một hai", ["U+2028"]),
    ("cột\tmột", "cột một", []),
    ("dòng 1\ndòng 2", "dòng 1\ndòng 2", []),
    ("\ufeffđầu", "đầu", ["U+FEFF"]),
    ("a\U0010ffffb", "ab", ["U+10FFFF"]),
    ("a\ufdd0b", "ab", ["U+FDD0"]),
    ("không\u00a0ngắt", "không\u00a0ngắt", []),  # unprintable to Python, kept: a real space
])
def test_clean(raw: str, expected: str, removed: list[str]) -> None:
    assert text.clean(raw) == (expected, removed)


def test_clean_composes_to_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Nghệ An")
    assert decomposed != "Nghệ An"
    assert text.clean(decomposed) == ("Nghệ An", [])


def test_clean_leaves_nothing_it_removes() -> None:
    everything = _every_code_point()
    out, removed = text.clean(everything)
    assert not text._ANY.search(out)
    assert len(removed) == len(set(text._ANY.findall(everything)) - {"\t"})
