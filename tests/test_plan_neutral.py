"""No plan, province or ministry is written into the engine: everything a report says about a
plan comes from the plan's file. Comments, docstrings and tests may name Kế hoạch 744 (it is
the first plan the tool served); code, templates, messages and labels may not."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

from conftest import REPO

FORBIDDEN = re.compile(r"nghệ an|kế hoạch 744|744/kh|thông tin và truyền thông|bc-ubnd|toàn tỉnh", re.IGNORECASE)
SRC = REPO / "src" / "plan744"
TEMPLATES = REPO / "templates"


def _docstring_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                and isinstance(body[0].value.value, str):
            lines.update(range(body[0].lineno, (body[0].end_lineno or body[0].lineno) + 1))
    return lines


def code_strings(path: Path) -> list[tuple[int, str]]:
    """Every string literal of a Python file that is not a docstring (comments are not tokens of this kind)."""
    text = path.read_text(encoding="utf-8")
    skip = _docstring_lines(ast.parse(text))
    out = []
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type in (tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", -1)) and tok.start[0] not in skip:
            out.append((tok.start[0], tok.string))
    return out


def test_engine_code_names_no_plan_or_province():
    found = [f"{p.relative_to(REPO)}:{line}: {s[:80]}" for p in sorted(SRC.rglob("*.py"))
             for line, s in code_strings(p) if FORBIDDEN.search(s)]
    assert not found, "\n".join(found)


def test_templates_name_no_plan_or_province():
    found, read = [], 0
    for p in sorted(TEMPLATES.rglob("*")):
        if p.suffix in (".html", ".css", ".j2", ".txt"):
            read += 1
            text = re.sub(r"\{#.*?#\}|/\*.*?\*/|<!--.*?-->", "", p.read_text(encoding="utf-8"), flags=re.S)
            found += [f"{p.relative_to(REPO)}: {m.group(0)}" for m in FORBIDDEN.finditer(text)]
    assert read >= 3 and not found, (read, found)


def test_the_check_itself_finds_a_name_in_code(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""Kế hoạch 744 in a docstring is fine."""\n# Nghệ An in a comment is fine\nAREA = "Toàn tỉnh"\n',
                      encoding="utf-8")
    assert [line for line, s in code_strings(sample) if FORBIDDEN.search(s)] == [3]


def test_the_word_template_names_no_plan_or_province():
    import zipfile

    with zipfile.ZipFile(TEMPLATES / "report.docx") as z:
        text = " ".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))
    assert "<w:styles" in text and not FORBIDDEN.search(text)
