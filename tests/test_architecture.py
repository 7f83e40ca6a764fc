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
import re
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


# What a unit owes for a year is decided in `core/obligation.py` alone: the forms, the checks, the
# figures and the command line ask it. The plan and the organisation define the low-level
# answers it is made of; nothing else calls them.
OBLIGATION_CALLS = (".coverage(", ".obligations(", "indicators_for(", "indicator_levels_for(", "tasks_for(",
                    "lead_in(", ".leads(", "lead_on(")
OBLIGATION_HOME = ("core/obligation.py", "core/plan/model.py", "core/organisation.py")


def test_what_a_unit_owes_is_decided_in_one_place() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        name = path.relative_to(SRC).as_posix()
        if name in OBLIGATION_HOME:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            found += [f"{name}:{n}: {call}" for call in OBLIGATION_CALLS if call in line]
    assert not found, "\n".join(found)


# No import cycle among plan744's modules, lazy imports (inside a function) included: a lazy
# import only hides a cycle from the interpreter, not from a reader.
def module_graph(root: Path, package: str = "plan744") -> dict[str, set[str]]:
    """{module: the modules of `root` it imports}, resolving `from a.b import c` to the module
    a.b.c when there is one, else to a.b; relative imports too."""
    files = {}
    for path in root.rglob("*.py"):
        parts = [package, *path.relative_to(root).with_suffix("").parts]
        files[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        out: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = here.split(".")[: len(here.split(".")) - node.level + 1]
                    base = ".".join([*up, base] if base else up)
                targets = [f"{base}.{a.name}" for a in node.names]
            else:
                continue
            for target in targets:
                while target and target not in files:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    out.add(target)
        graph[name] = out
    return graph


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The cycles of `graph`: each strongly connected group of more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan; the graph has about a hundred modules
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return cycles


def test_no_import_cycle_among_the_modules() -> None:
    graph = module_graph(SRC)
    assert "plan744.core.messages" in graph["plan744.core.submission_checks"]
    assert not import_cycles(graph), import_cycles(graph)


def test_the_cycle_check_sees_a_lazy_import(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "sub" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "a.py").write_text("from plan744.sub.b import f\n", encoding="utf-8")
    (tmp_path / "sub" / "b.py").write_text("def f():\n    from .. import a\n    return a\n", encoding="utf-8")
    (tmp_path / "c.py").write_text("from plan744 import a\n", encoding="utf-8")
    assert import_cycles(module_graph(tmp_path)) == [["plan744.a", "plan744.sub.b"]]


# The Excel form's hidden keys ("plan744:chi_tieu", "ind:<id>:<level>:pct", "app?:<tt>", …) are
# built and split by `forms/xlsx_layout.py` alone (`encode`, `decode`, `sheet_key`, `sheet_kind`):
# the writer and the reader never spell them.
KEY_HOME = "forms/xlsx_layout.py"
KEY_SPELLING = re.compile(r"(plan744|general|ind|app\??|task\??|narr):(?!\s)|(app|task)\?$|:(money|pct|val)$")


def _key_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [f"{path.relative_to(SRC).as_posix()}:{node.lineno}: {node.value!r}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and KEY_SPELLING.match(node.value)]


def test_the_form_keys_are_spelt_in_one_module() -> None:
    assert _key_literals(SRC / KEY_HOME)  # the check sees the keys where they are
    found = [hit for path in sorted(SRC.rglob("*.py")) if path.relative_to(SRC).as_posix() != KEY_HOME
             for hit in _key_literals(path)]
    assert not found, "\n".join(found)


# No module of src/ is over 450 lines (issue 24): a file that long does more than one job.
# Split it along its jobs (the architecture review, §3, says where) rather than raise the bound.
MAX_LINES = 450


def test_no_module_is_over_the_line_bound() -> None:
    long = [f"{path.relative_to(SRC).as_posix()}: {n} lines" for path in sorted(SRC.rglob("*.py"))
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES]
    assert not long, f"{len(long)} module(s) over {MAX_LINES} lines; split each by job:\n" + "\n".join(long)


# The intakes and the services (issue 24; the architecture review, §7 move 1): `intake` says which
# file types are read, written or refused; `services` load the plan, validate and build a report,
# for the command line, the pre-commit hook and any future intake alike. `services` may use
# `core`, `readers`, `intake`, `forms` and `report`, never the command line; `core` uses none of
# them; `readers`, `forms`, `intake` and `report` never call a service; the command line reaches
# plans, validation and reports through the services only.
LAYERS = {
    "core": ("plan744.services", "plan744.intake"),
    "readers": ("plan744.services",),
    "forms": ("plan744.services", "plan744.intake"),
    "report": ("plan744.services", "plan744.intake"),
    "intake": ("plan744.services", "plan744.cli", "plan744.report", "typer", "click", "rich", "jinja2", "weasyprint",
               "docx", "openpyxl"),
    "services": ("plan744.cli", "typer", "click", "rich"),
}


@pytest.mark.parametrize("package", sorted(LAYERS))
def test_services_and_intakes_keep_to_their_layer(package: str) -> None:
    bad = [f"{path.relative_to(SRC)} imports {name}" for path in sorted((SRC / package).rglob("*.py"))
           for name in sorted(imports_of(path)) if any(name == b or name.startswith(b + ".") for b in LAYERS[package])]
    assert not bad, "\n".join(bad)


def test_the_command_line_reaches_the_services() -> None:
    cli = {name for path in sorted((SRC / "cli").rglob("*.py")) for name in imports_of(path)}
    assert {"plan744.services.plans", "plan744.services.validate", "plan744.services.report"} <= cli
    assert not (SRC / "readers" / "loading.py").exists() and not (SRC / "report" / "build.py").exists()


# What a file's suffix means (read by which reader, written by which form writer, or refused
# and why) is decided by `intake/registry.py` alone: nobody else spells a report's suffix. The
# renderers' registry names the files a report is written to (`report/formats.py`), another job.
SUFFIX_SPELLING = re.compile(r"^\.(ya?ml|xlsx|xlsm|xls|ods)$")
SUFFIX_HOMES = ("intake/registry.py", "report/formats.py")


def test_file_types_are_decided_by_the_intake_registry() -> None:
    found = [f"{path.relative_to(SRC).as_posix()}:{node.lineno}: {node.value!r}"
             for path in sorted(SRC.rglob("*.py")) if path.relative_to(SRC).as_posix() not in SUFFIX_HOMES
             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Constant) and isinstance(node.value, str) and SUFFIX_SPELLING.match(node.value)]
    assert not found, "\n".join(found)


# Every word a reader of a document, a form, a chart or the data workbook sees is in the words
# catalogue (core/labels.py, core/words_outputs.py, core/words_forms.py), where a plan's `words:`
# overrides it. What may stay inline: docstrings, the Word template's style names (identifiers
# of templates/report.docx, shared with a province's own), the CLI's help for --format, and the
# JSON schema's own title.
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)
WORDS_OUTSIDE = {"report/docx.py", "report/formats.py"}


def _inline_words(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [f"{path.relative_to(SRC).as_posix()}:{n.lineno}: {n.value[:50]!r}" for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs and VIETNAMESE.search(n.value)]


def test_the_words_of_documents_forms_and_data_are_in_the_catalogue() -> None:
    found = [hit for folder in ("report", "forms") for path in sorted((SRC / folder).rglob("*.py"))
             if path.relative_to(SRC).as_posix() not in WORDS_OUTSIDE for hit in _inline_words(path)]
    schema = [hit for hit in found if hit.startswith("report/data.py")]
    assert len(schema) <= 2, schema  # the JSON schema's title and description
    assert [hit for hit in found if hit not in schema] == []
