"""The plan-file reference (docs/plan-file.md) documents every field of the plan and organisation
models, and its tables are what scripts/plan_reference.py makes from the models today."""

from __future__ import annotations

import importlib.util
import re

import pytest

from conftest import REPO, run_cli

DOC = REPO / "docs" / "plan-file.md"


@pytest.fixture(scope="module")
def reference():
    spec = importlib.util.spec_from_file_location("plan_reference", REPO / "scripts" / "plan_reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _documented(text: str) -> dict[str, set[str]]:
    """Field names by model heading, from the doc's tables."""
    found: dict[str, set[str]] = {}
    current = ""
    for line in text.splitlines():
        if line.startswith("### "):
            current = line[4:].strip()
        elif current and line.startswith("| `"):
            found.setdefault(current, set()).add(re.match(r"\| `([^`]+)`", line).group(1))  # type: ignore[union-attr]
    return found


def test_every_model_field_is_documented_with_a_meaning(reference):
    documented = _documented(DOC.read_text(encoding="utf-8"))
    missing = []
    for cls in reference.models():
        for name in reference.fields_of(cls):
            if reference.yaml_name(cls, name) not in documented.get(cls.__name__, set()):
                missing.append(f"{cls.__name__}.{name}")
            if not reference.meaning(cls, name):
                missing.append(f"{cls.__name__}.{name} (no meaning)")
    assert not missing, f"not in docs/plan-file.md: {missing}; run python scripts/plan_reference.py"


def test_the_reference_covers_both_files_and_the_fields_authors_asked_about(reference):
    names = {cls.__name__ for cls in reference.models()}
    assert {"Plan", "Organisation", "Unit", "Indicator", "Target", "AppendixTask", "UnitGroup", "Event"} <= names
    text = DOC.read_text(encoding="utf-8")
    for field in ("`value`", "`measure`", "`central`", "`monitor`", "`reporters`", "`money_words`", "`partners`"):
        assert field in text
    assert "(assessment-rules.md)" in text


def test_the_generated_tables_are_up_to_date(reference):
    doc = DOC.read_text(encoding="utf-8")
    assert reference.spliced(doc, reference.render()) == doc, "run python scripts/plan_reference.py"


def test_examples_come_from_the_real_plans(reference):
    tables = DOC.read_text(encoding="utf-8").split(reference.BEGIN)[1]
    row = next(line for line in tables.splitlines() if line.startswith("| `money_words`"))
    assert "chi cho hoạt động ứng dụng" in row and "(plan.yaml)" in row
    row = next(line for line in tables.splitlines() if line.startswith("| `monitor`"))
    assert "(qd-2629-2025.yaml)" in row


def test_plan_check_points_to_the_reference():
    result = run_cli("plan", "check", "--plan", str(REPO / "data" / "plans" / "qd-2629-2025.yaml"))
    assert "docs/plan-file.md" in (result.stdout + result.stderr).decode()
    assert (REPO / "docs" / "plan-file.md").is_file()
