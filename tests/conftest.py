from __future__ import annotations

import html
import os
import re
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


def html_text(page: str) -> str:
    """The HTML's readable text, one line per paragraph or table row, cells split by " | "."""
    page = re.sub(r"<svg.*?</svg>", "", page, flags=re.S)
    page = re.sub(r"<style.*?</style>", "", page, flags=re.S)

    def row(m: re.Match) -> str:
        cells = re.sub(r"<t[dh][^>]*>", " | ", m.group(0))
        return " ".join(re.sub(r"<[^>]+>", " ", cells).split()) + "\n"

    page = re.sub(r"<tr.*?</tr>", row, page, flags=re.S)
    page = re.sub(r"</(p|h\d|li|div|caption|figcaption)>", "\n", page)
    page = re.sub(r"<br\s*/?>", " ", page)
    page = html.unescape(re.sub(r"<[^>]+>", " ", page))
    return "\n".join(" ".join(line.split()) for line in page.splitlines() if line.strip())


def libreoffice_pdf(soffice: str, docx: Path, work: Path) -> Path:
    """`docx` laid out and printed to PDF by LibreOffice (its own profile under `work`, so tests can
    run side by side), with Times New Roman drawn by its metric twin as on an office PC."""
    from plan744.report.fonts import FONTS_DIR

    conf = work / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{FONTS_DIR}</dir><cachedir>{work / 'fc'}</cachedir>"
        '<alias binding="same"><family>Times New Roman</family><prefer><family>Liberation Serif</family></prefer></alias>'
        "</fontconfig>", encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    subprocess.run([soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(work), str(docx)], env=env, capture_output=True, timeout=240, check=True)
    return work / (docx.stem + ".pdf")
