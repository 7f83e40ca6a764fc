"""The user's cache (plans, the context records of `validate`) changes speed, never an answer:
a warm run says what a cold run says, a changed input is never answered from an old entry, and
an entry another user could have written is never read. See also test_cache_trust.py."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import REPO, run_cli


def codes(result) -> list[tuple[str, str]]:
    assert result.returncode in (0, 1), result.stderr.decode()
    return sorted((f["code"], Path(f["file"]).name) for f in json.loads(result.stdout)["findings"])


def validate(target: Path, env: dict[str, str], cwd: Path):
    return run_cli("validate", str(target), "--format", "json", "--plan", str(REPO / "data" / "plan.yaml"), cwd=cwd, env=env)


def entries(env: dict[str, str], area: str) -> list[Path]:
    return sorted((Path(env["XDG_CACHE_HOME"]) / "plan744" / area).glob("*.json"))


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
    data = json.loads(entry.read_bytes())
    for hashed_row in data["value"].values():
        row = hashed_row[1]
        if row is not None:
            row[1] = "ANHSON"  # [file, unit, year, …]: the unit
    entry.write_text(json.dumps(data), encoding="utf-8")


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
    """2025: the year of the reform, where which units count at the year's end depends on what
    the plan file wrote (a plan entry that filled in defaults once moved 2025's figures)."""
    outs = []
    for run in ("cold", "warm"):
        out = tmp_path / run
        result = run_cli("report", "--year", "2025", "--format", "html,json", "--out", str(out),
                         env={**env, "PLAN744_TODAY": "2026-06-30", "SOURCE_DATE_EPOCH": "1700000000"})
        assert result.returncode == 0, result.stderr.decode()
        assert sorted(p.name for p in out.iterdir()) == ["bao-cao-2025.html", "bao-cao-2025.json", "report-data.schema.json"]
        outs.append([p.read_bytes() for p in sorted(out.glob("*.*"))])
    assert entries(env, "plans")
    assert not (Path(env["XDG_CACHE_HOME"]) / "plan744" / "jinja").exists()  # no compiled code kept on disk
    assert outs[0] == outs[1]  # the report, its data, and the data's schema beside it


def _fields_written(model: object, path: str = "") -> list[tuple[str, frozenset]]:
    """Which fields each model of the plan was given by its file: pydantic's equality leaves
    this out, and the plan's meaning reads it (`Indicator.state_at_end`)."""
    from pydantic import BaseModel

    if isinstance(model, BaseModel):
        out = [(path, frozenset(model.model_fields_set))]
        for name in type(model).model_fields:
            out += _fields_written(getattr(model, name), f"{path}.{name}")
        return out
    if dataclasses.is_dataclass(model) and not isinstance(model, type):  # a unit: no such record, its models have
        return [x for f in dataclasses.fields(model) for x in _fields_written(getattr(model, f.name), f"{path}.{f.name}")]
    if isinstance(model, list | tuple):
        return [x for i, v in enumerate(model) for x in _fields_written(v, f"{path}[{i}]")]
    if isinstance(model, dict):
        return [x for k, v in model.items() for x in _fields_written(v, f"{path}[{k}]")]
    return []


@pytest.mark.parametrize("plan", ["data/plan.yaml", "data/plans/qd-2629-2025.yaml", "tests/fixtures/plans/mini.yaml",
                                  "tests/fixtures/plans/third.yaml"])
def test_a_plan_through_the_cache_is_the_same_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plan: str) -> None:
    """The plan read back from its JSON entry is equal to the plan parsed, down to which fields its
    file wrote, with the same findings."""
    from plan744.services.plans import load_plan

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("PLAN744_NO_CACHE", raising=False)
    parsed = load_plan(REPO / plan)
    assert parsed.plan is not None
    assert len(entries({"XDG_CACHE_HOME": str(tmp_path / "cache")}, "plans")) == 1
    cached = load_plan(REPO / plan)
    assert cached.plan == parsed.plan and cached.plan is not parsed.plan
    assert _fields_written(cached.plan) == _fields_written(parsed.plan)
    assert cached.findings == parsed.findings and cached.key == parsed.key
    assert cached.source == parsed.source


def test_a_folder_checked_again_reads_only_what_changed_and_answers_as_a_fresh_parse(
        reports: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`validate` of a whole folder, twice: the second run parses no file whose bytes are the same
    (its findings and record come from the cache) and says exactly what the first said; a file
    changed is parsed again, alone; a day earlier than a report's own date checks it again."""
    import datetime as dt

    from plan744.services import validate as service
    from plan744.services.plans import load_plan

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("PLAN744_NO_CACHE", raising=False)
    monkeypatch.chdir(tmp_path)
    loaded = load_plan(REPO / "data" / "plan.yaml")
    assert loaded.plan is not None and loaded.key
    folder = reports / "2022"
    broken = folder / "ANHSON.yaml"  # a mistake, so that the answer is not only silence
    broken.write_text(broken.read_text(encoding="utf-8").replace("numerator: ", "numerator: 9", 1), encoding="utf-8")
    files = sorted(os.path.relpath(p, tmp_path) for p in folder.glob("*.yaml"))
    parsed: list[str] = []
    real = service.parse_submission

    def spy(path, plan):
        parsed.append(os.path.basename(path))
        return real(path, plan)

    monkeypatch.setattr(service, "parse_submission", spy)

    def run(today: dt.date = dt.date(2023, 1, 31)) -> list:
        parsed.clear()
        return service.validate_files(loaded.plan, files, today=today, plan_key=loaded.key)[1]

    cold = run()
    assert len(parsed) >= len(files) and any(f.file.endswith("ANHSON.yaml") and f.is_error for f in cold)
    assert run() == cold and parsed == []  # every file and every sibling from the cache

    target = folder / "DIENCHAU.yaml"
    target.write_text(target.read_text(encoding="utf-8") + "\n# đã soát lại\n", encoding="utf-8")
    assert run() == cold and parsed == ["DIENCHAU.yaml"]  # the one changed file, parsed again

    early = run(dt.date(2022, 1, 1))  # a day before every report's own date
    assert sorted(parsed) == sorted(os.path.basename(f) for f in files)
    assert {f.file for f in early if f.code == "sub-date-future"} == set(files)
    monkeypatch.setenv("PLAN744_NO_CACHE", "1")
    assert run(dt.date(2022, 1, 1)) == early
