"""A province sets up its own data repository (issue 26, points 1–3), end to end.

Everything runs in a temporary folder outside the source tree, through the real command line
(the venv's `plan744` in a subprocess), with real git and pre-commit: `plan744 init` makes the
repository, a second `init` refuses, the hooks pass on good reports and fail on a planted
error naming its file and line, `new-report` writes where plan744.toml says from any subfolder,
`report` runs, and the workflow is accepted by actionlint where it is installed. Then the
messages about a workbook speak of cells, never of YAML.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from conftest import REPO

BIN = Path(sys.executable).parent
PLAN744 = BIN / "plan744"
PRE_COMMIT = shutil.which("pre-commit", path=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
YAML_WORDS = ("YAML", "thụt lề", "dấu hai chấm", "ngoặc kép")
CREATED = [
    "plan744.toml", "ke-hoach/plan.yaml", "ke-hoach/organisation.yaml", ".pre-commit-config.yaml",
    ".github/workflows/plan744.yml", "README.md", ".gitignore", "reports/.gitkeep", "notes/.gitkeep", "templates/.gitkeep",
]

pytestmark = pytest.mark.skipif(not PLAN744.is_file(), reason="the venv's plan744 command is not installed")


def run(*args: str | Path, cwd: Path, check: bool = False) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "NO_COLOR": "1", "COLUMNS": "200",
           "PYTHONIOENCODING": "utf-8", "PLAN744_TODAY": "2023-01-31", "PLAN744_NO_CACHE": "1"}
    for name in ("PLAN744_PLAN", "GITHUB_ACTIONS", "GIT_DIR", "GIT_WORK_TREE"):
        env.pop(name, None)
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    if check:
        assert done.returncode == 0, done.stdout + done.stderr
    return done


def plan744(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run(PLAN744, *args, cwd=cwd)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("province")
    assert not base.is_relative_to(REPO)  # outside the source tree: nothing found by walking up into it
    done = plan744("init", "kho", cwd=base)
    assert done.returncode == 0, done.stderr
    return base / "kho"


def test_init_makes_every_file_and_says_so(repo: Path) -> None:
    for name in CREATED:
        assert (repo / name).is_file(), name
    said = run(PLAN744, "init", "kho2", cwd=repo.parent, check=True).stdout
    assert all(f"kho2/{name}" in said for name in CREATED), said
    settings = tomllib.loads((repo / "plan744.toml").read_text(encoding="utf-8"))
    assert settings == {"plan": "ke-hoach/plan.yaml", "data": "reports", "notes": "notes", "templates": "templates", "out": "out"}
    assert (repo / "ke-hoach" / "plan.yaml").read_bytes() == (REPO / "data" / "plan.yaml").read_bytes()
    assert (repo / "ke-hoach" / "organisation.yaml").read_bytes() == (REPO / "data" / "organisation.yaml").read_bytes()
    assert "# Thư mục báo cáo của các đơn vị" in (repo / "plan744.toml").read_text(encoding="utf-8")
    assert "plan744 new-report" in (repo / "README.md").read_text(encoding="utf-8")


def test_a_second_init_refuses_lists_the_files_and_writes_nothing(repo: Path, tmp_path: Path) -> None:
    before = {name: (repo / name).read_bytes() for name in CREATED}
    done = plan744("init", repo, cwd=tmp_path)
    assert done.returncode == 2
    assert all(str(repo / name) in done.stderr for name in CREATED), done.stderr
    assert {name: (repo / name).read_bytes() for name in CREATED} == before
    # one file in the way is enough: nothing else is written either
    partial = tmp_path / "partial"
    partial.mkdir()
    (partial / "README.md").write_text("của tỉnh\n", encoding="utf-8")
    done = plan744("init", partial, cwd=tmp_path)
    assert done.returncode == 2 and str(partial / "README.md") in done.stderr
    assert sorted(p.name for p in partial.iterdir()) == ["README.md"]


def test_init_copies_a_given_plan_and_its_organisation(tmp_path: Path) -> None:
    plan = REPO / "data" / "plans" / "qd-2629-2025.yaml"
    plan744("init", "bo", "--plan", plan, "--install", "git+https://example.org/plan744@v0.1.0", cwd=tmp_path)
    assert (tmp_path / "bo" / "ke-hoach" / "plan.yaml").read_bytes() == plan.read_bytes()
    assert not (tmp_path / "bo" / "ke-hoach" / "organisation.yaml").exists()  # this plan keeps its organisation inline
    workflow = yaml.safe_load((tmp_path / "bo" / ".github" / "workflows" / "plan744.yml").read_text(encoding="utf-8"))
    assert workflow["env"]["PLAN744"] == "git+https://example.org/plan744@v0.1.0"
    assert workflow["env"]["REPORT_YEAR"] == "2025"  # the plan's period is 2025-2030; the clock says January 2023
    shown = plan744("-v", "plan", "show", cwd=tmp_path / "bo" / "notes")
    assert f"Kế hoạch (plan): {tmp_path / 'bo' / 'ke-hoach' / 'plan.yaml'}" in shown.stderr
    assert f"Cài đặt: cài đặt {tmp_path / 'bo' / 'plan744.toml'}" in shown.stderr


@pytest.mark.skipif(PRE_COMMIT is None or shutil.which("git") is None, reason="git or pre-commit is not installed")
def test_hooks_follow_the_settings_and_name_the_file_and_line(repo: Path) -> None:
    assert PRE_COMMIT is not None
    for unit in ("STTTT", "VINH"):
        (repo / "reports" / "2022").mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "data" / "reports" / "2022" / f"{unit}.yaml", repo / "reports" / "2022")
    (repo / "tai-lieu").mkdir()  # a YAML file outside `data` is not a report: the hook leaves it alone
    (repo / "tai-lieu" / "bien-ban.yaml").write_text("không phải báo cáo: [\n", encoding="utf-8")
    run("git", "init", "-q", ".", cwd=repo, check=True)
    run("git", "add", "-A", cwd=repo, check=True)
    done = run(PRE_COMMIT, "run", "--all-files", cwd=repo)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "plan744 kiểm tra báo cáo của đơn vị" in done.stdout

    report = repo / "reports" / "2022" / "VINH.yaml"
    lines = report.read_text(encoding="utf-8").splitlines()
    n = next(i for i, line in enumerate(lines) if line.lstrip().startswith("numerator: ") and line.split(":")[1].strip()[:1].isdigit())
    lines[n] = lines[n].replace("numerator: ", "numerator: 1.500.000  # ", 1)
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run("git", "add", "-A", cwd=repo, check=True)
    done = run(PRE_COMMIT, "run", "--all-files", cwd=repo)
    assert done.returncode == 1
    assert "reports/2022/VINH.yaml" in done.stdout and f"{n + 1}:" in done.stdout, done.stdout
    assert "[number-vn-notation]" in done.stdout
    report.write_bytes((REPO / "data" / "reports" / "2022" / "VINH.yaml").read_bytes())


def test_new_report_writes_where_the_settings_say_from_any_subfolder(repo: Path) -> None:
    done = plan744("new-report", "--unit", "SKHDT", "--year", "2023", "--verbose", cwd=repo / "notes")
    assert done.returncode == 0, done.stderr
    assert (repo / "reports" / "2023" / "SKHDT.yaml").is_file()
    assert not (repo / "notes" / "data").exists()
    assert f"Báo cáo của đơn vị (data): {repo / 'reports'}" in done.stderr
    (repo / "reports" / "2023" / "SKHDT.yaml").unlink()


def test_report_runs_on_the_new_repository(repo: Path, tmp_path: Path) -> None:
    for unit in ("STTTT", "VINH"):
        (repo / "reports" / "2022").mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "data" / "reports" / "2022" / f"{unit}.yaml", repo / "reports" / "2022")
    done = plan744("report", "--year", "2022", "--format", "json", "--out", tmp_path / "out", cwd=repo)
    assert done.returncode == 0, done.stderr
    data = json.loads(next((tmp_path / "out").glob("*.json")).read_text(encoding="utf-8"))
    assert data


def test_the_workflow_installs_plan744_itself(repo: Path) -> None:
    path = repo / ".github" / "workflows" / "plan744.yml"
    text = path.read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    assert text.index("PLAN744:") < text.index("jobs:")  # the reference is a variable at the top
    assert workflow["env"]["PLAN744"].startswith("plan744==")
    runs = [s.get("run", "") for job in workflow["jobs"].values() for s in job["steps"]]
    assert "pip install ." not in "\n".join(runs)
    assert any("plan744 hook reports" in r for r in runs) and any("plan744 report --year" in r for r in runs)
    assert any(s.get("uses", "").startswith("actions/upload-artifact@") for job in workflow["jobs"].values() for s in job["steps"])


def test_actionlint_accepts_the_workflow(repo: Path) -> None:
    actionlint = shutil.which("actionlint")
    if actionlint is None:
        pytest.skip("actionlint is not installed: only this assertion is skipped (the workflow's shape is checked above)")
    done = run(actionlint, ".github/workflows/plan744.yml", cwd=repo)
    assert done.returncode == 0, done.stdout + done.stderr


# --- point 3: messages speak the format of the file ---------------------------------------------

MINI = REPO / "tests" / "fixtures" / "plans" / "mini.yaml"


def _findings(path: Path, cwd: Path) -> list[dict]:
    done = plan744("validate", path, "--plan", MINI, "--format", "json", "--no-context", cwd=cwd)
    return json.loads(done.stdout)["findings"]


def test_a_number_typed_as_text_in_a_workbook_gets_cell_advice(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    source = REPO / "tests" / "cases" / "invalid" / "xlsx-number-as-text" / "reports" / "2022" / "S1.xlsx"
    wb = load_workbook(source)
    ws = wb["Chỉ tiêu"]
    ws["F3"].value = "1500"  # typed into a Text cell: a real officer's mistake
    ws["F3"].data_type = "s"
    bad = tmp_path / "2022" / "S1.xlsx"
    bad.parent.mkdir()
    wb.save(bad)
    [finding] = _findings(bad, tmp_path)
    assert (finding["code"], finding["sheet"], finding["cell"]) == ("number-quoted", "Chỉ tiêu", "F3")
    assert finding["message"].startswith("Ô F3 trên trang tính “Chỉ tiêu” chứa “1500” ở dạng văn bản")
    assert "hãy định dạng ô là số (Number) rồi gõ lại 1500" in finding["message"]
    assert not any(word in finding["message"] for word in YAML_WORDS)
    # the same mistake in a YAML report keeps the YAML advice
    text = (REPO / "tests" / "cases" / "valid" / "basic" / "reports" / "2022" / "S1.yaml").read_text(encoding="utf-8")
    numerator = next(line for line in text.splitlines() if line.strip().startswith("numerator: "))
    value = numerator.split(":")[1].split("#")[0].strip()
    (tmp_path / "y" / "2022").mkdir(parents=True)
    (tmp_path / "y" / "2022" / "S1.yaml").write_text(text.replace(numerator, numerator.replace(value, f'"{value}"', 1), 1),
                                                      encoding="utf-8")
    quoted = [f for f in _findings(tmp_path / "y" / "2022" / "S1.yaml", tmp_path) if f["code"] == "number-quoted"]
    assert quoted and "ngoặc kép" in quoted[0]["message"] and "line" in quoted[0]


def test_no_workbook_case_gets_yaml_advice(tmp_path: Path) -> None:
    cases = sorted((REPO / "tests" / "cases").glob("*/xlsx-*/reports"))
    assert len(cases) > 20
    messages = [f["message"] for case in cases for f in _findings(case, tmp_path) if "cell" in f]
    assert len(messages) > 10
    assert [m for m in messages if any(word in m for word in YAML_WORDS)] == []


def test_readme_and_help_say_the_same_rule_for_the_settings(tmp_path: Path) -> None:
    from plan744.cli.options import SETTINGS_RULE

    def flat(text: str) -> str:
        return " ".join(text.split())

    readme = flat((REPO / "README.md").read_text(encoding="utf-8")).replace("`", "")
    assert SETTINGS_RULE in readme
    for args in (("--help",), ("validate", "--help"), ("new-report", "--help"), ("report", "--help")):
        done = plan744(*args, cwd=tmp_path)
        assert SETTINGS_RULE in flat(done.stdout), args
