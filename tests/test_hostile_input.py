"""Hostile files and folders: every one gets a located Vietnamese answer and exit 1 or 2, never a
hang, a crash (exit 3) or a leak of a file outside the data tree. Each case is built here, in a
temporary folder, because a FIFO, a link or an unreadable folder cannot be committed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINI_PLAN, REPO, run_cli

VALID = REPO / "tests" / "cases" / "valid" / "basic" / "reports" / "2022" / "S1.yaml"
MINI = ["--plan", str(MINI_PLAN)]


def findings(proc) -> list[tuple[str, str]]:
    data = json.loads(proc.stdout)
    return sorted((f["code"], Path(f["file"]).name) for f in data["findings"])


def year_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "reports" / "2022"
    folder.mkdir(parents=True)
    shutil.copy(VALID, folder / "S1.yaml")
    return folder


def test_fifo_is_reported_not_read(tmp_path: Path) -> None:
    folder = year_folder(tmp_path)
    os.mkfifo(folder / "S2.yaml")
    proc = run_cli("validate", *MINI, "--format", "json", str(tmp_path / "reports"))
    assert proc.returncode == 1
    assert ("path-not-regular", "S2.yaml") in findings(proc)
    named = run_cli("validate", *MINI, "--format", "json", str(folder / "S2.yaml"))
    assert named.returncode == 1 and ("path-not-regular", "S2.yaml") in findings(named)


def test_links_outside_the_tree_and_loops_are_not_followed(tmp_path: Path) -> None:
    folder = year_folder(tmp_path)
    (folder / "S2.yaml").symlink_to("/etc/passwd")
    (folder / "H1.yaml").symlink_to("/dev/zero")
    (folder / "H2.yaml").symlink_to(folder / "H2.yaml")
    proc = run_cli("validate", *MINI, "--format", "json", str(tmp_path / "reports"))
    assert proc.returncode == 1
    got = findings(proc)
    assert ("path-link-outside", "S2.yaml") in got and ("path-link-outside", "H1.yaml") in got
    assert ("path-link-loop", "H2.yaml") in got
    assert "root:" not in proc.stdout.decode() + proc.stderr.decode()
    # A link that stays inside the tree is an ordinary file.
    (folder / "S2.yaml").unlink()
    other = tmp_path / "reports" / "goc"
    other.mkdir()
    shutil.copy(VALID, other / "S2.yaml")
    (other / "S2.yaml").write_text(VALID.read_text(encoding="utf-8").replace("unit: S1", "unit: S2"), encoding="utf-8")
    (folder / "S2.yaml").symlink_to(other / "S2.yaml")
    proc = run_cli("validate", *MINI, "--format", "json", str(folder / "S2.yaml"))
    assert ("path-link-outside", "S2.yaml") in findings(proc)  # named alone, its tree is its folder


def test_unreadable_folder_is_named(tmp_path: Path) -> None:
    folder = year_folder(tmp_path)
    locked = folder.parent / "2021"
    locked.mkdir()
    shutil.copy(VALID, locked / "S1.yaml")
    locked.chmod(0)
    prefix: list[str] = []
    if os.geteuid() == 0:  # root reads any folder: drop the capabilities that let it
        assert shutil.which("setpriv"), "util-linux setpriv is needed to run this test as root"
        prefix = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    try:
        proc = subprocess.run([*prefix, sys.executable, "-m", "plan744", "validate", *MINI, "--format", "json",
                               str(tmp_path / "reports")], capture_output=True, env=env, cwd=REPO, timeout=120)
    finally:
        locked.chmod(0o755)
    assert proc.returncode == 1, proc.stderr.decode()
    assert ("path-unreadable", "2021") in findings(proc)


def test_name_that_is_not_utf8(tmp_path: Path) -> None:
    folder = year_folder(tmp_path)
    bad = os.fsencode(str(folder)) + b"/S\xff.yaml"
    with open(bad, "wb") as fh:
        fh.write(VALID.read_bytes())
    proc = run_cli("validate", *MINI, str(tmp_path / "reports"))
    text = proc.stdout.decode() + proc.stderr.decode()
    assert proc.returncode == 1, text
    assert "S\\xff.yaml" in text and "path-name-encoding" in text


def test_nothing_checked_is_not_a_pass(tmp_path: Path) -> None:
    (tmp_path / "trong").mkdir()
    proc = run_cli("validate", *MINI, str(tmp_path / "trong"))
    assert proc.returncode == 1
    assert "Không có tệp báo cáo nào để kiểm tra" in proc.stdout.decode()


def test_a_glob_of_folders_checks_what_is_inside(tmp_path: Path) -> None:
    year_folder(tmp_path)
    proc = run_cli("validate", *MINI, "--format", "json", str(tmp_path / "reports" / "*"))
    assert proc.returncode == 0, proc.stdout.decode()
    assert json.loads(proc.stdout)["files_checked"] == 1


@pytest.mark.parametrize("content", ["---\n", "~\n", "null\n", "NULL\n", "--- ~\n"])
def test_a_document_of_nothing_is_not_a_report(tmp_path: Path, content: str) -> None:
    folder = year_folder(tmp_path)
    (folder / "S1.yaml").write_text(content, encoding="utf-8")
    proc = run_cli("validate", *MINI, "--format", "json", str(folder / "S1.yaml"))
    assert proc.returncode == 1 and findings(proc) == [("yaml-empty", "S1.yaml")]


def test_hidden_folders_and_editor_debris_are_skipped_with_a_note(tmp_path: Path) -> None:
    folder = year_folder(tmp_path)
    git = tmp_path / "reports" / ".git"
    git.mkdir()
    (git / "HEAD.yaml").write_text("không phải báo cáo: [\n", encoding="utf-8")
    for debris in (".#S1.yaml", "._S1.yaml", "S1.yaml~", ".S1.yaml.swp", "~$S1.xlsx"):
        (folder / debris).write_bytes(b"\x00\x01 debris")
    proc = run_cli("validate", *MINI, str(tmp_path / "reports"))
    text = proc.stdout.decode()
    assert proc.returncode == 0, text
    assert "Bỏ qua 6 mục ẩn hoặc tệp tạm" in text and "Đã kiểm tra 1 tệp: không có lỗi." in text
    # Named explicitly, a hidden file is checked.
    proc = run_cli("validate", *MINI, str(folder / ".#S1.yaml"))
    assert proc.returncode == 1


def test_terminal_sees_no_escape_sequences_or_emoji(tmp_path: Path) -> None:
    folder = year_folder(tmp_path)
    text = VALID.read_text(encoding="utf-8")
    fake = '"\\e[2J\\e[H\\e[32mĐã kiểm tra 1 tệp: không có lỗi. :x:"'
    (folder / "S1.yaml").write_text(text.replace("unit: S1", f"unit: {fake}"), encoding="utf-8")
    for fmt in ("text", "github"):
        proc = run_cli("validate", *MINI, "--format", fmt, str(folder / "S1.yaml"))
        out = proc.stdout.decode() + proc.stderr.decode()
        assert proc.returncode == 1
        assert "\x1b" not in out, fmt
        assert "❌" not in out
        assert "[2J" in out  # the text is shown, its control characters taken out


def test_raw_line_separators_do_not_shift_lines(tmp_path: Path) -> None:
    folder = year_folder(tmp_path)
    lines = VALID.read_text(encoding="utf-8").splitlines()
    highlight = next(i for i, line in enumerate(lines) if "shortcomings:" in line)
    lines[highlight] = lines[highlight] + "\u2028thêm\u2029nữa\x85hết"
    lines.append("extra_field: 1")
    (folder / "S1.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run_cli("validate", *MINI, "--format", "json", str(folder / "S1.yaml"))
    data = json.loads(proc.stdout)
    where = {f["code"]: f["line"] for f in data["findings"]}
    assert where["extra_forbidden"] == len(lines)  # the last line, as any editor counts
    assert where["text-cleaned"] == highlight + 1


def test_control_characters_are_cleaned_with_a_warning(tmp_path: Path) -> None:
    folder = year_folder(tmp_path)
    text = VALID.read_text(encoding="utf-8")
    start = text.index("shortcomings:")
    end = text.index("\n", start)
    text = text[:start] + 'shortcomings: "Hạ tầng\\x01 \\u202Ecòn thiếu\\uFFFE"' + text[end:]
    (folder / "S1.yaml").write_text(text, encoding="utf-8")
    proc = run_cli("validate", *MINI, "--format", "json", str(folder / "S1.yaml"))
    data = json.loads(proc.stdout)
    assert proc.returncode == 0
    (f,) = data["findings"]
    assert f["code"] == "text-cleaned" and "U+0001" in f["message"] and "U+202E" in f["message"]


@pytest.mark.parametrize("digits", [30, 5000])
def test_numbers_too_long_for_any_real_figure(tmp_path: Path, digits: int) -> None:
    folder = year_folder(tmp_path)
    text = VALID.read_text(encoding="utf-8")
    huge = "9" * digits
    text = text.replace("numerator: 620", f"numerator: {huge}", 1)
    text = text.replace("name: ", f"name: {huge}  # ", 1)
    (folder / "S1.yaml").write_text(text, encoding="utf-8")
    proc = run_cli("validate", *MINI, "--format", "json", str(folder / "S1.yaml"))
    assert proc.returncode == 1, proc.stderr.decode()
    assert "number-too-long" in {c for c, _ in findings(proc)}


def test_copies_of_one_report_give_one_finding_each(tmp_path: Path) -> None:
    folder = year_folder(tmp_path)
    for i in range(60):
        shutil.copy(folder / "S1.yaml", folder / f"S1-ban-{i:02d}.yaml")
    proc = run_cli("validate", *MINI, "--format", "json", "--no-context", str(folder))
    codes = [c for c, _ in findings(proc)]
    assert codes.count("sub-duplicate") == 60
    assert codes.count("sub-path-unit") == 60


def test_a_million_items_is_refused_at_once(tmp_path: Path) -> None:
    folder = year_folder(tmp_path)
    text = VALID.read_text(encoding="utf-8") + "appendix2: [" + "1," * 200_000 + "1]\n"
    (folder / "S1.yaml").write_text(text, encoding="utf-8")
    proc = run_cli("validate", *MINI, "--format", "json", str(folder / "S1.yaml"))
    assert proc.returncode == 1 and findings(proc) == [("yaml-too-many-nodes", "S1.yaml")]


def test_a_file_reached_twice_is_read_once(tmp_path: Path) -> None:
    """Named, found in its folder, through a linked folder and through a link: one file, one read."""
    from plan744.readers.files import discover

    folder = year_folder(tmp_path)
    (folder / "S2.yaml").symlink_to(folder / "S1.yaml")
    (tmp_path / "lien-ket").symlink_to(folder)
    found = discover([str(folder), str(folder / "S1.yaml"), str(tmp_path / "lien-ket" / "S1.yaml"),
                      str(tmp_path / "reports" / "2022" / ".." / "2022" / "S1.yaml")])
    assert [os.path.basename(p) for p in found.files] == ["S1.yaml"]
    assert found.findings == []
    # A copy under another name is another file: both are read (and the duplicate unit is said).
    shutil.copy(folder / "S1.yaml", folder / "S3.yaml")
    assert sorted(os.path.basename(p) for p in discover([str(folder)]).files) == ["S1.yaml", "S3.yaml"]


def test_display_paths_from_the_root_folder_are_never_empty() -> None:
    # Run from "/": "//" and "/" are the working folder itself, shown as ".".
    code = "from plan744.readers.files import display_path as d; print([d('//'), d('/'), d('/a/b'), d('a')])"
    proc = subprocess.run([sys.executable, "-c", code], cwd="/", capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO / "src")})
    assert proc.stdout.strip() == "['.', '.', '/a/b', 'a']", proc.stderr


def test_a_path_is_kept_as_shown_only_where_it_opens_the_same_file(tmp_path: Path) -> None:
    """`validate` keeps each file's path as messages show it (one string per file, not two), but
    only where that path, read from the current folder, is the very file given."""
    from plan744.readers.files import as_shown

    inside = str(REPO / "data" / "reports" / "2022" / "SNV.yaml")
    relative = os.path.join("data", "reports", "2022", "SNV.yaml")
    through_parent = str(REPO / "data" / "reports" / ".." / "reports" / "2022" / "SNV.yaml")
    outside = str(tmp_path / "S1.yaml")
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        import plan744.readers.files as files

        if files._CWD != str(REPO):  # the module read its folder when first imported elsewhere
            pytest.skip("plan744.readers.files was imported from another folder")
        shown = [inside, relative, through_parent, outside]
        as_shown(shown)
    finally:
        os.chdir(cwd)
    assert shown[0] == relative and os.path.samefile(REPO / shown[0], inside)
    assert shown[1] is relative or shown[1] == relative
    assert shown[2] == through_parent  # ".." may cross a link: left as given
    assert shown[3] == outside
