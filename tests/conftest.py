from __future__ import annotations

import os
import shutil
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


# The cache tests (test_user_cache, test_cache_trust): a cache folder of the test's own, and two
# years of the bundled reports to check one file among.
@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"XDG_CACHE_HOME": str(tmp_path / "cache"), "PLAN744_TODAY": "2023-01-31"}


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    dest = tmp_path / "data" / "reports"
    for year in ("2021", "2022"):
        shutil.copytree(REPO / "data" / "reports" / year, dest / year)
    return dest
