"""The message catalogue: every message is NFC Vietnamese and can be filled."""

from __future__ import annotations

import string
import unicodedata

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
