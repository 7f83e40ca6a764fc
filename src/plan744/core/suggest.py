"""“Có phải ý là …?”: the one way plan744 guesses what a user meant.

A guess must be a value that passes the next run, so it is always one of the allowed values.
In order: the same word in another case ("doluong" -> "DOLUONG"), the same word without
diacritics and with "_" for spaces ("Đang triển khai" -> "dang_trien_khai"), then the closest
spelling (difflib, at least 60 % alike).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable


def slug(text: str) -> str:
    """"Đang triển khai" -> "dang_trien_khai": lower case, no diacritics, "_" between words."""
    text = text.strip().lower().replace("đ", "d")
    text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return re.sub(r"[\s\-]+", "_", text)


def closest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    options = [c for c in choices if isinstance(c, str)]
    if not options or not isinstance(word, str):
        return None
    folded = {c.casefold(): c for c in options}
    if word.strip().casefold() in folded:
        return folded[word.strip().casefold()]
    slugs = {slug(c): c for c in options}
    if slug(word) in slugs:
        return slugs[slug(word)]
    found = difflib.get_close_matches(word, options, n=1, cutoff=cutoff)
    return found[0] if found else None


def hint(word: str, choices: Iterable[str]) -> str:
    """" Có phải ý là “X”?" or ""."""
    guess = closest(word, choices)
    return f" Có phải ý là “{guess}”?" if guess is not None and guess != word else ""
