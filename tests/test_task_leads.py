"""Who leads a task, as the user reads it: a task of a task-tracking plan (QĐ 2629) is led by
the units and groups its `reporters` name, shown by their names in the plan's organisation; a
task naming none is every unit's. Appendix rows keep their own words and code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import REPO, run_cli

PLAN = REPO / "data" / "plans" / "qd-2629-2025.yaml"
TRACKING = REPO / "data" / "tracking" / "qd-2629" / "2026"


def _load(path: Path):  # type: ignore[no-untyped-def]
    from plan744.services.plans import load_plan

    plan = load_plan(path).plan
    assert plan is not None
    return plan


@pytest.fixture(scope="module")
def raw() -> dict:
    return yaml.safe_load(PLAN.read_text(encoding="utf-8"))


def test_a_task_is_led_by_the_names_of_its_reporters(raw: dict) -> None:
    from plan744.core.progress import lead_texts, tracked

    plan = _load(PLAN)
    org = raw["organisation"]
    names = {u["code"]: u["name"] for u in org["units"]} | {g["code"]: g["name"] for g in org["groups"]}
    items = {it.key: it for it in tracked(plan)}
    leads = lead_texts(plan)
    assert raw["tasks"]
    for task in raw["tasks"]:
        expected = ", ".join(names[code] for code in task["reporters"])
        assert items[task["id"]].lead_text == expected == leads[task["id"]], task["id"]
        assert items[task["id"]].lead == ""  # a task has no one lead code: its reporters answer for it
    assert items["IV.1.1"].lead_text == "Bộ Khoa học và Công nghệ"
    assert items["IV.2.1"].lead_text == "Các bộ, ngành, địa phương"


def test_appendix_rows_keep_their_own_lead(raw: dict) -> None:
    from plan744.core.progress import lead_texts, tracked

    plan = _load(PLAN)
    items = {it.key: it for it in tracked(plan)}
    leads = lead_texts(plan)
    assert raw["appendix"]
    for row in raw["appendix"]:
        key = str(row["tt"])
        assert (items[key].lead, items[key].lead_text, leads[key]) == (row["lead"], row["lead_text"], row["lead_text"])


def test_a_task_naming_no_reporter_is_every_units(raw: dict, tmp_path: Path) -> None:
    from plan744.core.progress import lead_texts, tracked

    changed = dict(raw)
    changed["tasks"] = [dict(t) for t in raw["tasks"]]
    del changed["tasks"][0]["reporters"]  # IV.1.1: every unit reports on it
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(changed, allow_unicode=True, sort_keys=False), encoding="utf-8")
    plan = _load(path)
    items = {it.key: it for it in tracked(plan)}
    assert items["IV.1.1"].lead_text == "Tất cả các đơn vị" == lead_texts(plan)["IV.1.1"]
    assert items["IV.1.2"].lead_text == "Bộ Khoa học và Công nghệ"


def test_a_status_of_a_task_the_unit_does_not_lead_names_who_does(tmp_path: Path) -> None:
    text = (TRACKING / "BCA-2026-Q1.yaml").read_text(encoding="utf-8")
    assert "\nprogress:\n" in text
    report = tmp_path / "BCA-2026-Q1.yaml"
    report.write_text(text.replace("\nprogress:\n", "\nprogress:\n  IV.1.1: {status: dang_trien_khai}\n", 1), encoding="utf-8")
    r = run_cli("validate", "--plan", str(PLAN), "--format", "json", str(report))
    found = [f for f in json.loads(r.stdout)["findings"] if f["code"] == "st-task-not-assigned"]
    assert [f["message"] for f in found] == [
        "Đơn vị BCA không chủ trì nhiệm vụ “IV.1.1” (chủ trì: Bộ Khoa học và Công nghệ): tình trạng đơn vị báo cáo "
        "không được tính cho nhiệm vụ này."]
