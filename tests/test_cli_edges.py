"""Where the command line meets the user's machine: which plan is used, where outputs go, what
happens when they cannot be written, reports that must not be made, and non-UTF-8 consoles."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from plan744.outputs import LOCK_NAME, OutputError, OutputSet

from conftest import MINI_PLAN, REPO, run_cli

BASIC = REPO / "tests" / "cases" / "valid" / "basic" / "reports"
MINI = ["--plan", str(MINI_PLAN)]


def text(proc) -> str:
    return proc.stdout.decode("utf-8") + proc.stderr.decode("utf-8")


# --- reports that must not be made ---------------------------------------------------


@pytest.mark.parametrize("year", ["2019", "2023"])
def test_no_report_outside_the_period_or_without_data(tmp_path: Path, year: str) -> None:
    proc = run_cli("report", *MINI, "--year", year, "--data", str(BASIC), "--format", "html", "--out", str(tmp_path / "o"))
    assert proc.returncode == 1, text(proc)
    assert not (tmp_path / "o").exists() or not list((tmp_path / "o").iterdir())
    if year == "2019":
        assert "nằm ngoài giai đoạn 2021–2023" in text(proc)
    else:
        assert "Không có báo cáo nào của các đơn vị cho năm 2023" in text(proc)


def test_no_report_from_an_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "trong").mkdir()
    proc = run_cli("report", *MINI, "--year", "2022", "--data", str(tmp_path / "trong"), "--format", "html",
                   "--out", str(tmp_path / "o"))
    assert proc.returncode == 1 and "không lập báo cáo từ số liệu trống" in text(proc)


# --- outputs ------------------------------------------------------------------------------


def _report(tmp_path: Path, out: Path, *extra: str):
    return run_cli("report", *MINI, "--year", "2022", "--data", str(BASIC), "--format", "html", "--out", str(out), *extra)


def test_out_that_cannot_be_written_is_refused_before_rendering(tmp_path: Path) -> None:
    a_file = tmp_path / "tep"
    a_file.write_text("x", encoding="utf-8")
    for out in (a_file, a_file / "con"):
        proc = _report(tmp_path, out)
        assert proc.returncode == 2, text(proc)
        assert "là một tệp" in text(proc) and "Đọc và kiểm tra" not in text(proc)
    blocked = tmp_path / "o"
    (blocked / "bao-cao-2022.html").mkdir(parents=True)
    proc = _report(tmp_path, blocked)
    assert proc.returncode == 2 and "là một thư mục" in text(proc)


def test_a_second_run_on_the_same_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "o"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (out / LOCK_NAME).write_text(str(holder.pid), encoding="ascii")
        proc = _report(tmp_path, out)
        assert proc.returncode == 1 and f"tiến trình {holder.pid}" in text(proc)
        assert not (out / "bao-cao-2022.html").exists()
    finally:
        holder.kill()
        holder.wait()
    proc = _report(tmp_path, out)  # the lock of a run that is gone is taken over
    assert proc.returncode == 0, text(proc)
    assert (out / "bao-cao-2022.html").is_file() and not (out / LOCK_NAME).exists()


def test_a_failed_set_leaves_the_previous_one_whole(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("cũ", encoding="utf-8")
    (tmp_path / "a.pdf").write_text("cũ", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with OutputSet(tmp_path) as out:
            out.add("a.html", "mới".encode())
            out.add("a.pdf", b"new")
            raise RuntimeError("the Word file could not be made")
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == "cũ"
    assert (tmp_path / "a.pdf").read_text(encoding="utf-8") == "cũ"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "a.pdf"]  # no temporary file, no lock
    with OutputSet(tmp_path) as out:
        out.add("a.html", "mới".encode())
        out.add("a.pdf", b"new")
        out.commit()
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == "mới"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "a.pdf"]


def test_read_only_folder(tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        prefix = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"] if os.geteuid() == 0 else []
        env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
        proc = subprocess.run([*prefix, sys.executable, "-m", "plan744", "report", *MINI, "--year", "2022", "--data",
                               str(BASIC), "--format", "html", "--out", str(ro)], capture_output=True, env=env, cwd=REPO)
        assert proc.returncode == 2, text(proc)
        assert "không có quyền ghi" in text(proc)
    finally:
        ro.chmod(0o755)
    (tmp_path / "tep").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError):
        with OutputSet(tmp_path / "tep" / "x"):
            pass


# --- which plan ------------------------------------------------------------------------------


def _data_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "so-lieu"
    (repo / "data" / "reports").mkdir(parents=True)
    shutil.copy(MINI_PLAN, repo / "data" / "plan.yaml")
    shutil.copytree(BASIC / "2022", repo / "data" / "reports" / "2022")
    (repo / "sub" / "folder").mkdir(parents=True)
    return repo


def test_a_data_repository_is_found_from_a_subfolder(tmp_path: Path) -> None:
    repo = _data_repo(tmp_path)
    proc = run_cli("validate", str(repo / "data" / "reports"), cwd=repo / "sub" / "folder")
    assert proc.returncode == 0, text(proc)
    assert f"Kế hoạch: {repo / 'data' / 'plan.yaml'} (thư mục dữ liệu {repo})" in text(proc)
    # A broken plan in that repository is used, and refused: never the bundled one.
    (repo / "data" / "plan.yaml").write_text("schema_version: 1\n", encoding="utf-8")
    proc = run_cli("plan", "check", cwd=repo / "sub")
    assert proc.returncode == 1 and "so-lieu/data/plan.yaml" in text(proc)


def test_settings_file_and_environment(tmp_path: Path) -> None:
    repo = _data_repo(tmp_path)
    (repo / "data" / "plan.yaml").rename(repo / "ke-hoach.yaml")
    (repo / "plan744.toml").write_text('plan = "ke-hoach.yaml"\ndata = "data/reports"\n', encoding="utf-8")
    proc = run_cli("validate", str(repo / "data" / "reports"), cwd=repo / "sub")
    assert proc.returncode == 0 and "ke-hoach.yaml (cài đặt" in text(proc), text(proc)
    proc = run_cli("plan", "check", cwd=repo, env={"PLAN744_PLAN": str(MINI_PLAN)})
    assert "biến môi trường PLAN744_PLAN" in text(proc)
    (repo / "plan744.toml").write_text('plan = ["sai"]\n', encoding="utf-8")
    proc = run_cli("plan", "check", cwd=repo)
    assert proc.returncode == 2 and "tệp cài đặt" in text(proc)


def test_scaffold_points_only_at_a_schema_that_exists(tmp_path: Path) -> None:
    repo = _data_repo(tmp_path)
    proc = run_cli("new-report", "--unit", "S1", "--year", "2022", "--out", "data/reports/2023/S1.yaml", cwd=repo)
    assert proc.returncode == 0, text(proc)
    assert "$schema=" not in (repo / "data" / "reports" / "2023" / "S1.yaml").read_text(encoding="utf-8")
    (repo / "schema").mkdir()
    assert run_cli("schema", "--out", "schema/submission.schema.json", cwd=repo).returncode == 0
    proc = run_cli("new-report", "--unit", "S2", "--year", "2022", "--out", "data/reports/2023/S2.yaml", cwd=repo)
    first = (repo / "data" / "reports" / "2023" / "S2.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../../schema/submission.schema.json"


# --- consoles -----------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["cp1252", "cp1258", "ascii"])
def test_a_console_that_is_not_utf8(encoding: str) -> None:
    proc = run_cli("validate", *MINI, str(REPO / "tests" / "cases" / "invalid" / "vn-notation" / "reports"),
                   env={"PYTHONIOENCODING": encoding})
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr.decode("utf-8", "replace")
    assert "Hãy viết liền" in proc.stdout.decode("utf-8")  # redirected output is written in UTF-8
