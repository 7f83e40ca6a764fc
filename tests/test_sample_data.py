"""The bundled illustrative data: valid, reproducible, honest, and its deliberate
imperfections (late, missing, behind schedule, below target) visible in the report."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, run_cli
from plan744.core.kpi import Status, year_report
from plan744.readers.files import discover
from plan744.readers.loading import load_plan, validate_files

DATA = REPO / "data" / "reports"


@pytest.fixture(scope="module")
def bundled():
    plan = load_plan(REPO / "data" / "plan.yaml").plan
    files = discover([str(DATA)]).files
    parsed, findings = validate_files(plan, files, today=dt.date.today(), with_context=False, keep=True)
    return plan, [sf.submission for sf in parsed], findings


def test_every_sample_file_is_valid_and_says_it_is_illustrative(bundled) -> None:
    plan, subs, findings = bundled
    assert [f for f in findings if f.is_error] == []
    assert {s.year for s in subs} == {2021, 2022}
    for path in DATA.rglob("*.yaml"):
        head = path.read_text(encoding="utf-8")[:400]
        assert "SỐ LIỆU MINH HỌA" in head and "không phải số liệu thực" in head, path


def test_validate_cli_accepts_the_bundled_data() -> None:
    proc = run_cli("validate", "data/reports")
    assert proc.returncode == 0, proc.stdout.decode() + proc.stderr.decode()


def test_generator_is_reproducible(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(REPO / "scripts" / "make_sample_data.py"), "--out", str(tmp_path)],
                   check=True, capture_output=True, cwd=REPO)
    made = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.yaml"))
    committed = sorted(p.relative_to(DATA) for p in DATA.rglob("*.yaml"))
    assert made == committed
    def body(path: Path) -> list[str]:
        # The schema modeline is a path relative to where the file is written.
        return [ln for ln in path.read_text(encoding="utf-8").splitlines() if "yaml-language-server" not in ln]

    for rel in made:
        assert body(tmp_path / rel) == body(DATA / rel), rel


def test_imperfections_are_in_the_data_and_visible_in_the_report(bundled, tmp_path: Path) -> None:
    plan, subs, _ = bundled
    r = year_report(plan, 2022, subs)
    late = [u.code for u, _, _ in r.completeness.late]
    missing = [u.code for u in r.completeness.missing]
    behind = [a.task.tt for a in r.appendix if a.behind]
    below = [res for res in r.indicators if res.status is Status.NOT_REACHED]
    assert late and missing and behind and below
    proc = run_cli("report", "--year", "2022", "--format", "html", "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr.decode()
    html = (tmp_path / "bao-cao-2022.html").read_text(encoding="utf-8")
    for code in missing:
        assert f"<td>{plan.units_by_code[code].name}</td><td class=\"center\">—</td><td class=\"missing\">Chưa gửi</td>" in html
    for code, (_, _, days) in zip(late, r.completeness.late):
        assert f"<td class=\"late\">Muộn {days} ngày</td>" in html
    assert "Chậm tiến độ" in html and "Chưa đạt" in html
    for res in below:
        assert res.indicator.name.lower() in html


def test_deleting_a_file_makes_the_unit_missing(tmp_path: Path) -> None:
    import shutil

    data = tmp_path / "reports"
    shutil.copytree(DATA, data)
    (data / "2022" / "VINH.yaml").unlink()
    proc = run_cli("report", "--year", "2022", "--format", "html", "--data", str(data), "--out", str(tmp_path / "o"))
    assert proc.returncode == 0
    html = (tmp_path / "o" / "bao-cao-2022.html").read_text(encoding="utf-8")
    assert "<td>Thành phố Vinh</td><td class=\"center\">—</td><td class=\"missing\">Chưa gửi</td>" in html
    assert "VINH" in proc.stdout.decode()  # the terminal summary names the missing units
