"""The packages keep to the layering the README's "Kiến trúc" section draws:

    core      pure: plan, organisation, submission, checks, figures, words; no I/O
    readers   files -> core models (YAML, Excel), with located findings
    forms     core -> a unit's blank or filled form (YAML text, Excel workbook)
    report    core figures -> documents and data (HTML, PDF, Word, JSON, CSV, Excel)
    cli       the command line: arguments, terminal output, exit codes

An import anywhere in a module counts (also one inside a function): a lazy import is still
a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import REPO

SRC = REPO / "src" / "plan744"

# package -> imports it must never make (prefixes of module names)
FORBIDDEN = {
    "core": ("plan744.cli", "plan744.readers", "plan744.report", "plan744.forms", "plan744.outputs", "plan744.doctor",
             "typer", "click", "rich", "jinja2", "markupsafe", "weasyprint", "yaml", "docx", "openpyxl", "PIL",
             "pathlib", "os", "io", "shutil", "subprocess", "tempfile", "glob"),
    "readers": ("plan744.cli", "plan744.report", "typer", "click", "rich", "jinja2", "weasyprint", "docx"),
    "forms": ("plan744.cli", "plan744.report", "typer", "click", "rich", "jinja2", "weasyprint", "docx"),
    "report": ("plan744.cli", "typer", "click", "rich"),
}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return found


def _violations(package: str) -> list[str]:
    out = []
    for path in sorted((SRC / package).rglob("*.py")):
        for name in sorted(imports_of(path)):
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[package]):
                out.append(f"{path.relative_to(SRC)} imports {name}")
    return out


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_keeps_to_its_layer(package: str) -> None:
    assert (SRC / package).is_dir()
    assert not _violations(package), "\n".join(_violations(package))


def test_the_walk_sees_lazy_imports(tmp_path: Path) -> None:
    sample = tmp_path / "m.py"
    sample.write_text("def f():\n    from rich.console import Console\n    import yaml\n", encoding="utf-8")
    assert {"rich.console", "yaml"} <= imports_of(sample)


def test_no_private_module_of_typer_or_click_is_imported() -> None:
    private = [f"{p.relative_to(SRC)}: {n}" for p in sorted(SRC.rglob("*.py")) for n in imports_of(p)
               if n.split(".")[0] in ("typer", "click") and any(part.startswith("_") for part in n.split(".")[1:])]
    assert not private, private
