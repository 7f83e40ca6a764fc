"""A regular (non-editable) install works in any folder: the plan, the templates and the
fonts travel inside the wheel."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import MINI_PLAN, REPO

BASIC = Path(__file__).parent / "cases" / "valid" / "basic" / "reports"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from this checkout and unpacked: what `pip install .` puts in site-packages."""
    wheels = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(wheels), str(REPO)], check=True, capture_output=True)
    (wheel,) = wheels.glob("plan744-*.whl")
    site = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(site)
    return site


def run(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "plan744", *args], cwd=cwd, env=env, capture_output=True)


def test_wheel_carries_plan_templates_and_fonts(installed: Path) -> None:
    bundled = installed / "plan744" / "bundled"
    assert (bundled / "plan.yaml").read_bytes() == (REPO / "data" / "plan.yaml").read_bytes()
    assert sorted(p.name for p in (bundled / "templates").iterdir()) == sorted(
        p.name for p in (REPO / "templates").iterdir())
    assert len(list((installed / "plan744" / "fonts").glob("*.ttf"))) == 4


def test_installed_package_uses_its_bundled_plan_outside_a_checkout(installed: Path, tmp_path: Path) -> None:
    proc = run(installed, tmp_path, "plan", "check")
    text = proc.stdout.decode() + proc.stderr.decode()
    assert proc.returncode == 0, text
    assert "bản đi kèm gói plan744" in text
    proc = run(installed, tmp_path, "new-report", "--unit", "VINH", "--year", "2023")
    assert proc.returncode == 0, proc.stderr.decode()
    assert (tmp_path / "data" / "reports" / "2023" / "VINH.yaml").is_file()


def test_installed_package_renders_with_bundled_templates(installed: Path, tmp_path: Path) -> None:
    proc = run(installed, tmp_path, "report", "--year", "2022", "--format", "html", "--plan", str(MINI_PLAN),
               "--data", str(BASIC), "--out", "out")
    assert proc.returncode == 0, proc.stderr.decode()
    assert "BÁO CÁO" in (tmp_path / "out" / "bao-cao-2022.html").read_text(encoding="utf-8")
