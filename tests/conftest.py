from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
MINI_PLAN = REPO / "tests" / "fixtures" / "plans" / "mini.yaml"
REAL_PLAN = REPO / "data" / "plan.yaml"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite golden files (expected findings, rendered HTML) from the current output; review the diff.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, input: bytes | None = None):
    """The real command line, in a subprocess, as a user runs it."""
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "COLUMNS": "200"}
    full_env.pop("GITHUB_ACTIONS", None)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "plan744", *args],
        cwd=cwd or REPO,
        env=full_env,
        capture_output=True,
        input=input,
        timeout=300,
    )


@pytest.fixture
def cli():
    return run_cli
