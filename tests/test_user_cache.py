"""The user's cache (plans, the context records of `validate`, compiled templates) changes
speed, never an answer: a warm run says what a cold run says, a changed input is never
answered from an old entry, and an entry another user could have written is never read."""

from __future__ import annotations

import json
import os
import pickle
import shutil
from pathlib import Path

import pytest

from conftest import REPO, run_cli


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"XDG_CACHE_HOME": str(tmp_path / "cache"), "PLAN744_TODAY": "2023-01-31"}


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    dest = tmp_path / "data" / "reports"
    for year in ("2021", "2022"):
        shutil.copytree(REPO / "data" / "reports" / year, dest / year)
    return dest


def codes(result) -> list[tuple[str, str]]:
    assert result.returncode in (0, 1), result.stderr.decode()
    return sorted((f["code"], Path(f["file"]).name) for f in json.loads(result.stdout)["findings"])


def validate(target: Path, env: dict[str, str], cwd: Path):
    return run_cli("validate", str(target), "--format", "json", "--plan", str(REPO / "data" / "plan.yaml"), cwd=cwd, env=env)


def entries(env: dict[str, str], area: str) -> list[Path]:
    return sorted((Path(env["XDG_CACHE_HOME"]) / "plan744" / area).glob("*.pickle"))


def test_context_cache_answers_as_a_fresh_parse_and_follows_every_change(reports: Path, env, tmp_path: Path) -> None:
    target = reports / "2022" / "ANHSON.yaml"
    cold = codes(validate(target, env, tmp_path))
    assert len(entries(env, "context")) == 2  # one per year folder read for context
    assert codes(validate(target, env, tmp_path)) == cold

    # A sibling added after the cache was written: a copy of the target under another name.
    shutil.copy(target, reports / "2022" / "BANSAO.yaml")
    dup = codes(validate(target, env, tmp_path))
    assert ("sub-duplicate", "ANHSON.yaml") in dup and ("sub-duplicate", "ANHSON.yaml") not in cold

    # Last year's figure changed in place, the file keeping its size: a jump appears.
    last = reports / "2021" / "ANHSON.yaml"
    text = last.read_text(encoding="utf-8")
    assert "numerator: 14450 " in text
    last.write_text(text.replace("numerator: 14450 ", "numerator:    14 ", 1), encoding="utf-8")
    jumped = codes(validate(target, env, tmp_path))
    assert ("sub-jump", "ANHSON.yaml") in jumped
    assert jumped == codes(validate(target, {**env, "PLAN744_NO_CACHE": "1"}, tmp_path))

    # A sibling removed: its duplicate is gone again.
    (reports / "2022" / "BANSAO.yaml").unlink()
    assert ("sub-duplicate", "ANHSON.yaml") not in codes(validate(target, env, tmp_path))
    assert len(entries(env, "context")) == 2  # rewritten in place, not one more per change


def test_no_cache_writes_nothing(reports: Path, env, tmp_path: Path) -> None:
    validate(reports / "2022" / "ANHSON.yaml", {**env, "PLAN744_NO_CACHE": "1"}, tmp_path)
    assert not (Path(env["XDG_CACHE_HOME"]) / "plan744").exists()


def test_an_unwritable_cache_folder_changes_nothing(reports: Path, env, tmp_path: Path) -> None:
    blocker = Path(env["XDG_CACHE_HOME"])
    blocker.write_text("not a folder", encoding="utf-8")  # the cache folder cannot be made
    result = validate(reports / "2022" / "ANHSON.yaml", env, tmp_path)
    assert codes(result) == codes(validate(reports / "2022" / "ANHSON.yaml", {**env, "PLAN744_NO_CACHE": "1"}, tmp_path))


def _poison(entry: Path) -> None:
    """Rewrite a context entry so that every record it holds claims to be a duplicate of ANHSON."""
    table = pickle.loads(entry.read_bytes())
    for name, (stamp, row) in table.items():
        if row is not None:
            table[name] = (stamp, (row[0], "ANHSON", row[2], *row[3:]))
    entry.write_bytes(pickle.dumps(table))


@pytest.mark.skipif(os.name != "posix", reason="ownership and mode bits are POSIX")
def test_an_entry_others_could_write_is_never_read(reports: Path, env, tmp_path: Path) -> None:
    target = reports / "2022" / "ANHSON.yaml"
    clean = codes(validate(target, env, tmp_path))
    for entry in entries(env, "context"):
        _poison(entry)
        entry.chmod(0o600)
    # Our own entry is read as it is: the poisoned records are believed (the cache is really used).
    assert ("sub-duplicate", "ANHSON.yaml") in codes(validate(target, env, tmp_path))
    for entry in entries(env, "context"):
        _poison(entry)
        entry.chmod(0o666)  # writable by anyone: not trusted, parsed again
    assert codes(validate(target, env, tmp_path)) == clean


def test_plan_cache_follows_the_plan_file(tmp_path: Path, env) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copy(REPO / "tests" / "fixtures" / "plans" / "mini.yaml", plan)
    first = run_cli("plan", "check", "--plan", str(plan), cwd=tmp_path, env=env)
    assert first.returncode == 0, first.stdout.decode() + first.stderr.decode()
    assert len(entries(env, "plans")) == 1
    again = run_cli("plan", "check", "--plan", str(plan), cwd=tmp_path, env=env)
    assert again.stdout == first.stdout
    # A mistake written into the cached plan is seen at once: the edited bytes are a new key.
    plan.write_text(plan.read_text(encoding="utf-8") + "\nkhong_co_truong_nay: 1\n", encoding="utf-8")
    broken = run_cli("plan", "check", "--plan", str(plan), cwd=tmp_path, env=env)
    assert broken.returncode == 1
    assert "khong_co_truong_nay" in broken.stdout.decode()


def test_report_with_warm_caches_is_the_same_document(tmp_path: Path, env) -> None:
    outs = []
    for run in ("cold", "warm"):
        out = tmp_path / run
        result = run_cli("report", "--year", "2022", "--format", "html", "--out", str(out), env={**env, "SOURCE_DATE_EPOCH": "1700000000"})
        assert result.returncode == 0, result.stderr.decode()
        outs.append(sorted(out.glob("*.html"))[0].read_bytes())
    assert entries(env, "plans") and list((Path(env["XDG_CACHE_HOME"]) / "plan744" / "jinja").iterdir())
    assert outs[0] == outs[1]


def test_a_plan_through_the_cache_is_the_same_plan_and_its_copies_stay_apart() -> None:
    """The units of a cached plan share the sets of the fields they were given (one per shape,
    not one per unit); the plan read back is equal to the plan parsed, and a copy of a unit with
    a changed field does not change what the other units were given."""
    from plan744.readers.loading import load_plan

    plan = load_plan(REPO / "data" / "plan.yaml", checks=False).plan
    assert plan is not None
    back = pickle.loads(pickle.dumps(plan, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == plan
    units = back.organisation.units
    shapes = {frozenset(u.model_fields_set) for u in units}
    assert len({id(u.model_fields_set) for u in units}) == len(shapes) < len(units)
    first, second = next((u, v) for u in units for v in units
                         if u is not v and u.model_fields_set is v.model_fields_set and "note" not in u.model_fields_set)
    before = set(second.model_fields_set)
    changed = first.model_copy(update={"note": "ghi chú mới"})
    assert "note" in changed.model_fields_set and second.model_fields_set == before
