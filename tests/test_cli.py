"""The real command line in a subprocess: exit codes, output formats, located messages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import MINI_PLAN, REPO, run_cli

CASES = Path(__file__).parent / "cases"
MINI = ["--plan", str(MINI_PLAN)]


def out(proc) -> str:
    return proc.stdout.decode("utf-8") + proc.stderr.decode("utf-8")


def test_validate_valid_folder_exits_0() -> None:
    proc = run_cli("validate", *MINI, str(CASES / "valid" / "basic" / "reports"))
    assert proc.returncode == 0, out(proc)
    assert "Đã kiểm tra 3 tệp: không có lỗi." in out(proc)


def test_validate_text_is_located_and_vietnamese() -> None:
    proc = run_cli("validate", *MINI, str(CASES / "invalid" / "vn-notation" / "reports"))
    text = out(proc)
    assert proc.returncode == 1
    assert "tests/cases/invalid/vn-notation/reports/2022/S1.yaml" in text
    assert "12:20" in text and "Hãy viết liền, không dấu ngăn cách: 1000." in text
    assert "Đã kiểm tra 1 tệp: 3 lỗi, 0 cảnh báo trong 1 tệp." in text
    assert "Traceback" not in text


def test_validate_json_and_github_formats() -> None:
    target = str(CASES / "invalid" / "numerator-exceeds" / "reports")
    data = json.loads(run_cli("validate", *MINI, "--format", "json", target).stdout)
    assert (data["files_checked"], data["errors"], data["warnings"]) == (1, 1, 0)
    (f,) = data["findings"]
    assert (f["code"], f["line"], f["column"], f["path"]) == (
        "sub-numerator-exceeds", 15, 18, "indicators.van_ban.tinh.numerator")
    gh = run_cli("validate", *MINI, "--format", "github", target).stdout.decode()
    assert gh.startswith("Kế hoạch: ")
    assert gh.splitlines()[1].startswith(
        "::error file=tests/cases/invalid/numerator-exceeds/reports/2022/S1.yaml,line=15,col=18,"
        "title=sub-numerator-exceeds::Tử số (2.700) lớn hơn mẫu số (2.000)")
    auto = run_cli("validate", *MINI, target, env={"GITHUB_ACTIONS": "true"}).stdout.decode()
    assert auto == gh


def test_strict_turns_warnings_into_failure() -> None:
    target = str(CASES / "invalid" / "jump" / "reports")
    assert run_cli("validate", *MINI, target).returncode == 0
    assert run_cli("validate", *MINI, "--strict", target).returncode == 1


def test_usage_errors_exit_2_in_vietnamese() -> None:
    proc = run_cli("validate", *MINI, "--format", "xml", "x.yaml")
    assert proc.returncode == 2
    assert "--format: “xml” không hợp lệ; chọn một trong: auto, text, json, github." in out(proc)
    proc = run_cli("validate", "--frmat", "json", "x.yaml")
    assert proc.returncode == 2
    assert "Không có tùy chọn --frmat. Có phải ý là --format?" in out(proc)


def test_missing_path_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    proc = run_cli("validate", *MINI, str(tmp_path / "khong-co.yaml"), str(tmp_path / "*.yml"))
    assert proc.returncode == 1
    assert out(proc).count("Không tìm thấy") == 2


def test_plan_check_on_bundled_plan_warns_about_the_source_document() -> None:
    proc = run_cli("plan", "check", "--format", "json")
    assert proc.returncode == 0, out(proc)
    data = json.loads(proc.stdout)
    codes = sorted(f["code"] for f in data["findings"])
    assert data["errors"] == 0
    assert "plan-total-mismatch" in codes and "plan-dangling-document-ref" in codes
    assert run_cli("plan", "check", "--strict").returncode == 1
    assert "Kế hoạch: " in out(run_cli("plan", "check"))


def test_plan_check_on_broken_plans(tmp_path: Path) -> None:
    text = MINI_PLAN.read_text(encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text(text.replace("    area: cds\n    section: III.2", "    area: khong_co\n    section: III.2")
                      .replace("    lead: S1\n", "    lead: S7\n")
                      .replace("kind: floor, value: 60,", "kind: floor, value: 160,"), encoding="utf-8")
    proc = run_cli("plan", "check", "--plan", str(broken), "--format", "json")
    assert proc.returncode == 1
    found = {(f["code"], f["line"]) for f in json.loads(proc.stdout)["findings"]}
    lines = broken.read_text(encoding="utf-8").splitlines()
    assert ("plan-unknown-ref", lines.index("    area: khong_co") + 1) in found
    assert ("plan-unknown-ref", lines.index("    lead: S7") + 1) in found
    assert any(code == "plan-percent-range" for code, _ in found)
    syntax = tmp_path / "syntax.yaml"
    syntax.write_text(text.replace("period: {start: 2021, end: 2023}", "period: {start: 2021, end: 2023"), encoding="utf-8")
    proc = run_cli("plan", "check", "--plan", str(syntax))
    assert proc.returncode == 1 and "Traceback" not in out(proc)
    assert "syntax.yaml" in out(proc)


def test_plan_show_tables_and_json() -> None:
    proc = run_cli("plan", "show")
    text = out(proc)
    assert proc.returncode == 0
    assert "31.690" in text and "570.960" in text and "1.028.960" in text
    data = json.loads(run_cli("plan", "show", "--format", "json").stdout)
    assert len(data["appendix"]) == 28
    assert data["appendix"][1]["cost"] == "31690"  # exact: Decimal as a string, never a float


def test_new_report_scaffold_fails_at_each_blank(tmp_path: Path) -> None:
    target = tmp_path / "2022" / "STTTT.yaml"
    proc = run_cli("new-report", "--unit", "STTTT", "--year", "2022", "--out", str(target))
    assert proc.returncode == 0, out(proc)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    blanks = [i + 1 for i, line in enumerate(text.splitlines())
              if not line.lstrip().startswith("#") and (line.rstrip().endswith(":") or ': ""' in line
                                                        or line.split("#")[0].rstrip().endswith(":"))]
    proc = run_cli("validate", "--format", "json", str(target))
    assert proc.returncode == 1
    findings = json.loads(proc.stdout)["findings"]
    assert {f["code"] for f in findings} <= {"blank", "string_too_short"}
    flagged = {f["line"] for f in findings}
    optional = {i + 1 for i, line in enumerate(text.splitlines()) if "không bắt buộc" in line}
    containers = {i + 1 for i, line in enumerate(text.splitlines())
                  if line.split("#")[0].rstrip().endswith(":") and i + 1 < len(text.splitlines())
                  and text.splitlines()[i + 1].startswith(" " * (len(line) - len(line.lstrip()) + 2))}
    assert flagged == set(blanks) - optional - containers


def test_new_report_refuses_bad_unit_year_and_overwrite(tmp_path: Path) -> None:
    assert run_cli("new-report", "--unit", "SOTTTT", "--year", "2022", "--out", str(tmp_path / "a.yaml")).returncode == 2
    assert run_cli("new-report", "--unit", "STTTT", "--year", "2030", "--out", str(tmp_path / "a.yaml")).returncode == 2
    (tmp_path / "b.yaml").write_text("giữ nguyên\n", encoding="utf-8")
    proc = run_cli("new-report", "--unit", "STTTT", "--year", "2022", "--out", str(tmp_path / "b.yaml"))
    assert proc.returncode == 2
    assert (tmp_path / "b.yaml").read_text(encoding="utf-8") == "giữ nguyên\n"


def test_committed_schema_is_current() -> None:
    """If this fails, run `plan744 schema --out schema/submission.schema.json` and commit it."""
    proc = run_cli("schema")
    assert proc.returncode == 0
    committed = (REPO / "schema" / "submission.schema.json").read_text(encoding="utf-8")
    assert proc.stdout.decode("utf-8") == committed


ENGLISH = ("Usage", "Options", "Arguments", "Commands", "Error", "Missing", "Invalid", "No such", "Try ",
           "Show this message", "required]", "default:", "Input should", "Got unexpected", "Did you mean",
           "Aborted", "requires an argument", "does not take a value", "[OPTIONS]", "<bool>", "TEXT", "INTEGER", "PATH")
COMMANDS = ([], ["plan"], ["plan", "check"], ["plan", "show"], ["validate"], ["new-report"], ["schema"],
            ["report"], ["doctor"])


def test_every_command_has_vietnamese_help() -> None:
    for args in COMMANDS:
        proc = run_cli(*args, "--help")
        text = out(proc)
        assert proc.returncode == 0, args
        assert "Cách dùng: plan744" in text and "Tùy chọn" in text, args
        assert not [w for w in ENGLISH if w in text], (args, [w for w in ENGLISH if w in text])


USAGE_ERRORS = [
    ("report", "--year", "abc"), ("report", "--year", "20222"), ("report", "--year", "2022", "--format", "nope"),
    ("report",), ("report", "--year"), ("plan", "check", "--format", "nope"), ("plan", "nope"), ("valdate",),
    ("validate",), ("validate", "--frmat", "json", "x.yaml"), ("validate", "--strict=1", "x.yaml"),
    ("new-report", "--unit", "X"), ("new-report", "--unit", "STTTT", "--year", "twenty"), ("schema", "extra"),
    ("report", "--year", "2022", "--ngay", "32/13/2022"), ("--bogus",), ("plan", "show", "-f", "xml"),
    ("doctor", "--x"),
]


@pytest.mark.parametrize("args", USAGE_ERRORS, ids=[" ".join(a) for a in USAGE_ERRORS])
def test_usage_errors_are_vietnamese_and_exit_2(args: tuple[str, ...]) -> None:
    proc = run_cli(*args)
    text = out(proc)
    assert proc.returncode == 2, (args, text)
    assert text.startswith("Lỗi: ") and "Xem hướng dẫn: plan744" in text, text
    assert not [w for w in ENGLISH if w in text], (args, text)
    assert "Traceback" not in text


def test_version_alone_and_debug_anywhere() -> None:
    proc = run_cli("--version")
    assert proc.returncode == 0 and out(proc).startswith("plan744 ")
    assert run_cli("validate", "--debug", *MINI, str(CASES / "valid" / "basic" / "reports")).returncode == 0
    assert run_cli("--debug", "validate", *MINI, str(CASES / "valid" / "basic" / "reports")).returncode == 0


def test_no_private_typer_or_click_module_is_imported_by_our_code() -> None:
    import re

    for path in (REPO / "src" / "plan744").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(from|import)\s+(typer|click)\._", text), path
        assert not re.search(r"(typer|click)\._\w+", text), path


def test_runs_outside_a_checkout_with_the_plan_it_names(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copy(MINI_PLAN, plan)
    proc = run_cli("plan", "check", "--plan", "plan.yaml", cwd=tmp_path)
    assert proc.returncode == 0, out(proc)
    assert "Kế hoạch: plan.yaml (chỉ định bằng --plan)" in out(proc)


def test_readme_examples_are_valid(tmp_path: Path) -> None:
    """The README's complete example passes validation as written; its indicator fragment names
    real indicators and levels."""
    import re

    import yaml

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Mẫu một tệp báo cáo đầy đủ"):]
    complete, fragment = re.findall(r"```yaml\n(.*?)```", section, re.S)[:2]
    target = tmp_path / "2022" / "TTCNTT.yaml"
    target.parent.mkdir()
    target.write_text(complete, encoding="utf-8")
    proc = run_cli("validate", "--strict", str(target))
    assert proc.returncode == 0, out(proc)
    plan = yaml.safe_load((REPO / "data" / "plan.yaml").read_text(encoding="utf-8"))
    levels = {i["id"]: i["levels"] for i in plan["indicators"]}
    for ind_id, per_level in yaml.safe_load(fragment)["indicators"].items():
        assert set(per_level) <= set(levels[ind_id]), ind_id


def test_validate_imports_no_renderer() -> None:
    """Start-up of the command run on every commit: no WeasyPrint, Jinja, python-docx or openpyxl."""
    import subprocess
    import sys

    target = str(CASES / "valid" / "basic" / "reports" / "2022" / "S1.yaml")
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "plan744", "validate", *MINI, target],
                          capture_output=True, cwd=REPO)
    assert proc.returncode == 0
    imported = {line.split("|")[-1].strip() for line in proc.stderr.decode().splitlines() if "|" in line}
    assert "plan744.services.validate" in imported
    assert not {m for m in imported if m.split(".")[0] in ("weasyprint", "jinja2", "docx", "openpyxl", "rich")}


def test_plan_rows_13_and_quoted_13_are_one_row(tmp_path: Path) -> None:
    """`tt: 1` and `tt: "1"` name the same Phụ lục row (a report may write either), so a plan
    may not hold both: the second is a duplicate, located."""
    text = MINI_PLAN.read_text(encoding="utf-8")
    start = text.index("  - tt: 1\n")
    end = text.index("  - tt:", start + 1) if "  - tt:" in text[start + 1:] else len(text)
    row = text[start:end].replace("  - tt: 1\n", '  - tt: "1"\n', 1)
    twice = tmp_path / "twice.yaml"
    twice.write_text(text[:end] + row + text[end:], encoding="utf-8")
    proc = run_cli("plan", "check", "--plan", str(twice), "--format", "json")
    assert proc.returncode == 1
    lines = twice.read_text(encoding="utf-8").splitlines()
    found = {(f["code"], f["line"]) for f in json.loads(proc.stdout)["findings"]}
    assert ("plan-duplicate-id", lines.index('  - tt: "1"') + 1) in found
