"""The CI wiring other repositories rely on: the GitHub workflow and the pre-commit hook."""

from __future__ import annotations

import re
import shlex

import yaml

from conftest import REPO


def test_workflow_validates_data_with_github_annotations() -> None:
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "validate-data.yml").read_text(encoding="utf-8"))
    triggers = workflow[True] if True in workflow else workflow["on"]  # PyYAML reads `on:` as True
    assert any(p.startswith("data/") for p in triggers["pull_request"]["paths"])
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    runs = [shlex.split(s["run"]) for s in steps if "run" in s]
    assert ["pip", "install", "."] in runs
    validate = next(r for r in runs if r[:2] == ["plan744", "validate"])
    assert "data/reports" in validate
    assert validate[validate.index("--format") + 1] == "github"


def test_pre_commit_hook_runs_the_validator_on_report_files() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    hook = hooks["plan744-validate"]
    # which files are reports is decided by plan744.toml at run time (issue 26), not by the pattern
    assert hook["entry"] == "plan744 hook reports" and hook["language"] == "python"
    pattern = re.compile(hook["files"])
    assert pattern.search("data/reports/2022/STTTT.yaml") and pattern.search("bao-cao/2021/VINH.yml")
    assert pattern.search("bao-cao/2021/VINH.xlsx") and "data/" not in hook["files"]


def test_ci_runs_the_readme_test_command() -> None:
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "readme_block test" in script
    block = re.search(r"<!-- ci:test -->\s*```bash\n(.+?)\n```\s*<!-- /ci:test -->", readme, re.S)
    assert block and "pytest" in block.group(1)
