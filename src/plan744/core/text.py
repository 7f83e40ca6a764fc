"""Free text as it arrives from a unit's file: cleaned once, on the way in.

A report's text goes to a terminal, an HTML page, a PDF, a Word document and a spreadsheet.
Characters that are invisible or that a renderer or terminal interprets are taken out here so
that none of them ever sees them: C0 and C1 control characters (an escape sequence can clear
a terminal and print a fake "no errors"), bidirectional overrides (they reorder what a reader
sees), Unicode non-characters (python-docx refuses them), and line or paragraph separators
other than the newline (Pillow's layout engine fails on them; YAML counts them as line breaks
that no editor shows). Tabs become spaces; newlines stay (narratives may have paragraphs).
"""

from __future__ import annotations

import re
import unicodedata

# Removed: C0 controls except \t \n, DEL, C1 controls except NEL, bidi embeddings/overrides/
# isolates and marks, BOM/zero-width no-break space, non-characters.
_REMOVE = (
    "\x00-\x08\x0b-\x1f\x7f\x80-\x84\x86-\x9f"
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff"
    "\ufdd0-\ufdef\ufffe\uffff"
)
_ASTRAL_NONCHARS = ("\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff"
                    "\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff")
_NONCHAR_ASTRAL = re.compile(f"[{_ASTRAL_NONCHARS}]")
_BAD = re.compile(f"[{_REMOVE}]")
_SPACES = re.compile("[\t\x85\u2028\u2029]")  # become a space: they separate words
_ANY = re.compile(f"[{_REMOVE}\t\x85\u2028\u2029{_ASTRAL_NONCHARS}]")


def clean(text: str) -> tuple[str, list[str]]:
    """`text` in NFC without the characters above, and the code points removed or replaced
    (as "U+001B"), for the warning that says so. Fast when there is nothing to do."""
    # Every character taken out is unprintable, so printable text (most values: names, notes on
    # one line) needs no search; tests/test_text.py holds that to be true of the whole set.
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if text.isprintable() or not _ANY.search(text):
        return text, []
    found = sorted({f"U+{ord(ch):04X}" for ch in _ANY.findall(text) if ch != "\t"})
    out = _SPACES.sub(" ", text)
    out = _NONCHAR_ASTRAL.sub("", _BAD.sub("", out))
    return out, found


def for_terminal(text: str) -> str:
    """`text` with every control character shown as an escape (\\x1b), never sent raw to a
    terminal: a file name or a value cannot move the cursor, clear the screen or fake a line."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
                   for ch in text)
