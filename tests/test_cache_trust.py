"""A cache that cannot lie and cannot be planted (issue 23).

Every entry is keyed by the content of what it was made from, so a file rewritten with the same
size, time and inode, or an organisation file named in a way no regex expects, is seen. Entries
are JSON data: a pickle or garbage planted in the folder is never run and never fatal. A cache
folder that is a symlink, another user's, or writable by others is refused with one warning
line; a read-only or full one is simply no cache. Every run here is the real command line."""

from __future__ import annotations

import json
import os
import pickle
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, run_cli

POSIX = pytest.mark.skipif(os.name != "posix", reason="ownership, mode bits and rlimits are POSIX")
WARNING = "Cảnh báo: Thư mục bộ nhớ đệm"


def validate(target: Path, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return run_cli("validate", str(target), "--format", "json", "--plan", str(REPO / "data" / "plan.yaml"), cwd=cwd, env=env)


def codes(result: subprocess.CompletedProcess[bytes]) -> list[tuple[str, str]]:
    assert result.returncode in (0, 1), result.stderr.decode()
    return sorted((f["code"], Path(f["file"]).name) for f in json.loads(result.stdout)["findings"])


def cache_entries(env: dict[str, str]) -> list[Path]:
    return sorted((Path(env["XDG_CACHE_HOME"]) / "plan744").glob("*/*.json"))


# --- keyed by content -----------------------------------------------------------------------------


def test_a_sibling_rewritten_with_the_same_size_time_and_inode_is_seen(reports: Path, env, tmp_path: Path) -> None:
    target = reports / "2022" / "ANHSON.yaml"
    text = target.read_bytes()
    sibling = reports / "2022" / "BANSAO.yaml"
    sibling.write_bytes(text.replace(b"unit: ANHSON", b"unit: ANHSOX", 1))  # no such unit: no record
    first = validate(target, env, tmp_path)
    assert first.returncode == 0, first.stdout.decode() + first.stderr.decode()

    # Rewritten in place (same inode) into a copy of the target, same size, time put back.
    before = os.stat(sibling)
    with open(sibling, "r+b") as f:
        f.write(text)
    os.utime(sibling, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(sibling)
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (before.st_size, before.st_mtime_ns, before.st_ino)

    again = validate(target, env, tmp_path)
    assert again.returncode == 1
    dup = [f for f in json.loads(again.stdout)["findings"] if f["code"] == "sub-duplicate"]
    assert [Path(f["file"]).name for f in dup] == ["ANHSON.yaml"]
    assert dup[0]["message"].startswith("Đơn vị ANHSON đã có báo cáo năm 2022 ở tệp ")
    assert dup[0]["message"].endswith("BANSAO.yaml: mỗi đơn vị chỉ gửi một báo cáo mỗi năm.")


def _crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def _quoted_key(text: str) -> str:
    return text.replace("\norganisation: organisation.yaml", '\n"organisation" : organisation.yaml', 1)


def _explicit_key(text: str) -> str:
    return text.replace("\norganisation: organisation.yaml", "\n? organisation\n: 'organisation.yaml'", 1)


def _value_on_next_line(text: str) -> str:
    return text.replace("\norganisation: organisation.yaml", "\norganisation:  # tệp riêng\n  organisation.yaml", 1)


@pytest.mark.parametrize("spelling", [_crlf, _quoted_key, _explicit_key, _value_on_next_line])
def test_an_edit_of_the_organisation_file_is_seen_however_the_plan_names_it(spelling, tmp_path: Path, env) -> None:
    plan = tmp_path / "plan.yaml"
    org = tmp_path / "organisation.yaml"
    source = (REPO / "data" / "plan.yaml").read_text(encoding="utf-8")
    assert "\norganisation: organisation.yaml\n" in source
    plan.write_bytes(spelling(source).encode("utf-8"))
    assert plan.read_bytes() != source.encode("utf-8")
    shutil.copy(REPO / "data" / "organisation.yaml", org)

    def check() -> subprocess.CompletedProcess[bytes]:
        return run_cli("plan", "check", "--plan", str(plan), "--format", "json", cwd=tmp_path, env=env)

    first = check()
    assert first.returncode == 0, first.stdout.decode() + first.stderr.decode()
    [entry] = cache_entries(env)
    # The entry is really read: a finding's text changed in it is what the next run says.
    data = json.loads(entry.read_bytes())
    data["value"]["findings"][0][2] = "đọc từ bộ nhớ đệm"
    entry.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert "đọc từ bộ nhớ đệm" in check().stdout.decode()

    org.write_text(org.read_text(encoding="utf-8") + "\nkhong_co_truong_nay: 1\n", encoding="utf-8")
    broken = check()
    assert broken.returncode == 1
    found = [f for f in json.loads(broken.stdout)["findings"] if f["code"] == "extra_forbidden"]
    assert [(Path(f["file"]).name, f["message"]) for f in found] == [
        ("organisation.yaml", "Trường “khong_co_truong_nay” không có trong mẫu báo cáo; hãy xóa hoặc sửa tên trường.")]
    # Every other command refuses the plan too.
    refused = run_cli("validate", str(REPO / "data" / "reports" / "2022" / "ANHSON.yaml"), "--plan", str(plan),
                      cwd=tmp_path, env=env)
    assert refused.returncode == 1
    assert "tệp kế hoạch có lỗi (xem plan744 plan check), chưa thể làm tiếp." in refused.stdout.decode()


# --- a folder plan744 refuses -----------------------------------------------------------------------


def _refused(env: dict[str, str], reports: Path, tmp_path: Path, expected: str, folder: Path) -> None:
    """One warning line, saying why; the answer of a run without cache; nothing written in `folder`."""
    target = reports / "2022" / "ANHSON.yaml"
    clean = validate(target, {**env, "PLAN744_NO_CACHE": "1"}, tmp_path)
    for _ in range(2):
        result = validate(target, env, tmp_path)
        assert result.returncode == clean.returncode == 0
        assert codes(result) == codes(clean)
        lines = result.stderr.decode().splitlines()
        warnings = [line for line in lines if line.startswith("Cảnh báo:")]
        assert len(warnings) == 1 and warnings[0].startswith(WARNING), lines
        assert expected in warnings[0]
        assert warnings[0].count("lệnh vẫn chạy tiếp, không dùng bộ nhớ đệm") == 1
    assert not list(folder.rglob("*.json"))


@POSIX
@pytest.mark.parametrize("where", ["plan744", "plan744/context"])
def test_a_cache_folder_others_can_write_is_refused(where: str, reports: Path, env, tmp_path: Path) -> None:
    folder = Path(env["XDG_CACHE_HOME"]) / where
    folder.mkdir(parents=True, mode=0o700)
    folder.chmod(0o775)
    _refused(env, reports, tmp_path, f"“{folder}” cho nhóm hoặc người dùng khác quyền ghi (quyền 775)", folder)


@POSIX
def test_a_cache_folder_that_is_a_symlink_is_refused(reports: Path, env, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    Path(env["XDG_CACHE_HOME"]).mkdir()
    (Path(env["XDG_CACHE_HOME"]) / "plan744").symlink_to(elsewhere)
    _refused(env, reports, tmp_path, "là một liên kết tượng trưng (symlink)", elsewhere)
    assert not list(elsewhere.iterdir())


@POSIX
@pytest.mark.skipif(os.name == "posix" and os.geteuid() != 0, reason="giving a folder away needs root")
def test_a_cache_folder_of_another_user_is_refused(reports: Path, env, tmp_path: Path) -> None:
    folder = Path(env["XDG_CACHE_HOME"]) / "plan744"
    folder.mkdir(parents=True, mode=0o700)
    os.chown(folder, 12345, 12345)
    _refused(env, reports, tmp_path, "thuộc về người dùng khác (uid 12345, không phải uid 0 đang chạy)", folder)


# --- planted and damaged entries --------------------------------------------------------------------


class _Plant:
    """Unpickled, this makes a folder: proof that a pickle ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.mkdir, (str(self.marker),))


def _damage_each_way(entries: list[Path], marker: Path) -> list:
    """Ways an entry can be bad, each applied to every entry in turn."""
    plant = pickle.dumps(_Plant(marker))
    raw = {e: e.read_bytes() for e in entries}

    def foreign(e: Path) -> bytes:  # the right key and shape, values of the wrong types
        data = json.loads(raw[e])
        value = data["value"]
        if "plan" in value:
            value["plan"] = {"indicators": "không phải danh sách"}
        else:
            for hashed_row in value.values():
                hashed_row[1] = {"t": ["ANHSON", 2022]}
        return json.dumps(data).encode("utf-8")

    return [lambda e: plant, lambda e: raw[e][: len(raw[e]) // 2], lambda e: b"\x00\xff garbage",
            lambda e: b'{"format": 2, "key": "another", "value": {}}', foreign]


def test_a_planted_or_damaged_entry_is_never_run_and_never_fatal(reports: Path, env, tmp_path: Path) -> None:
    target = reports / "2022" / "ANHSON.yaml"
    clean = validate(target, env, tmp_path)
    entries = cache_entries(env)
    assert {e.parent.name for e in entries} == {"plans", "context"}
    marker = tmp_path / "pickle-ran"
    for damage in _damage_each_way(entries, marker):
        for e in entries:
            e.write_bytes(damage(e))
            e.with_suffix(".pickle").write_bytes(pickle.dumps(_Plant(marker)))  # the old format's name too
        result = validate(target, env, tmp_path)
        assert codes(result) == codes(clean), result.stderr.decode()
        assert result.returncode == clean.returncode and not result.stderr.decode().strip()
        assert not marker.exists()
        for e in entries:  # rebuilt
            assert json.loads(e.read_bytes())["key"] == e.stem


# --- a cache that cannot be written -----------------------------------------------------------------


def _run_limited(args: list[str], env: dict[str, str], cwd: Path, max_file_bytes: int) -> subprocess.CompletedProcess[bytes]:
    """The CLI with files limited to `max_file_bytes`: a write beyond fails as on a full disk
    (EFBIG; Python ignores SIGXFSZ)."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_file_bytes, max_file_bytes))

    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "COLUMNS": "200", **env}
    return subprocess.run([sys.executable, "-m", "plan744", *args], cwd=cwd, env=full_env, capture_output=True,
                          preexec_fn=limit, timeout=300)


@POSIX
def test_a_full_cache_disk_is_no_cache_not_an_internal_error(reports: Path, env, tmp_path: Path) -> None:
    target = reports / "2022" / "ANHSON.yaml"
    args = ["validate", str(target), "--format", "json", "--plan", str(REPO / "data" / "plan.yaml")]
    clean = validate(target, {**env, "PLAN744_NO_CACHE": "1"}, tmp_path)
    result = _run_limited(args, env, tmp_path, 2048)
    assert result.returncode == clean.returncode == 0, result.stderr.decode()
    assert "Lỗi nội bộ" not in result.stderr.decode()
    assert codes(result) == codes(clean)
    leftovers = [p.name for p in Path(env["XDG_CACHE_HOME"]).rglob("*") if p.is_file()]
    assert not leftovers  # no half-written entry, no temporary file left behind


@POSIX
def test_a_read_only_cache_folder_is_no_cache_not_an_internal_error(reports: Path, env, tmp_path: Path) -> None:
    """Root writes whatever the mode bits say: as root the folders are made immutable instead."""
    cache = Path(env["XDG_CACHE_HOME"]) / "plan744"
    folders = [cache / "plans", cache / "context", cache]
    for area in folders[:2]:
        area.mkdir(parents=True, mode=0o700)
    as_root = os.geteuid() == 0
    if as_root and any(subprocess.run(["chattr", "+i", str(f)], capture_output=True).returncode for f in folders):
        pytest.skip("chattr +i is not available here")
    try:
        if not as_root:
            for f in folders:
                f.chmod(0o500)
        target = reports / "2022" / "ANHSON.yaml"
        clean = validate(target, {**env, "PLAN744_NO_CACHE": "1"}, tmp_path)
        result = validate(target, env, tmp_path)
        assert result.returncode == clean.returncode == 0, result.stderr.decode()
        assert "Lỗi nội bộ" not in result.stderr.decode() and not result.stderr.decode().strip()
        assert codes(result) == codes(clean)
        assert not [p for p in cache.rglob("*") if p.is_file()]
    finally:
        for f in folders:
            if as_root:
                subprocess.run(["chattr", "-i", str(f)], capture_output=True)
            else:
                f.chmod(0o700)


@POSIX
def test_the_cache_folder_is_private(reports: Path, env, tmp_path: Path) -> None:
    """Made 0700 (an older plan744's 0755 folder is narrowed), its entries 0600, and no warning."""
    folder = Path(env["XDG_CACHE_HOME"]) / "plan744"
    folder.mkdir(parents=True)
    folder.chmod(0o755)
    result = validate(reports / "2022" / "ANHSON.yaml", env, tmp_path)
    assert result.returncode == 0 and not result.stderr.decode().strip()
    assert {oct(p.stat().st_mode & 0o777) for p in [folder, *folder.iterdir()]} == {"0o700"}
    entries = cache_entries(env)
    assert entries and {oct(p.stat().st_mode & 0o777) for p in entries} == {"0o600"}
