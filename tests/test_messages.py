"""The message catalogue: every message is NFC Vietnamese and can be filled."""

from __future__ import annotations

import string
import unicodedata
from pathlib import Path

from plan744.core.messages import CATALOGUE, make

RESERVED = {"file", "line", "column", "path", "value", "severity", "fixes", "cell"}  # make()'s own keywords


def test_templates_use_no_reserved_placeholder_and_are_nfc() -> None:
    for code, (_, template) in CATALOGUE.items():
        fields = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        assert not fields & RESERVED, (code, fields & RESERVED)
        assert unicodedata.is_normalized("NFC", template), code


def test_every_template_fills_with_its_own_fields() -> None:
    for code, (_, template) in CATALOGUE.items():
        fields = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        finding = make(code, file="a.yaml", line=3, column=7, **{f: f"<{f}>" for f in fields})
        assert "{" not in finding.message.replace("{ }", ""), code
        assert (finding.file, finding.line, finding.column) == ("a.yaml", 3, 7)


def test_every_rule_a_model_raises_has_its_sentence() -> None:
    """A rule broken in a plan or an organisation file is said in Vietnamese, never by its code."""
    import re as _re

    from plan744.core.messages import CATALOGUE

    src = Path(__file__).resolve().parents[1] / "src" / "plan744" / "core"
    codes = {m for p in src.glob("*.py") for m in _re.findall(r'raise ValueError\("([a-z_]+)"\)', p.read_text(encoding="utf-8"))}
    assert codes and not codes - set(CATALOGUE), sorted(codes - set(CATALOGUE))
