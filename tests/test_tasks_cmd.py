"""`plan744 tasks` on the bundled illustrative 2026 status reports of QĐ 2629 (issue 27)."""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import json
import re

import yaml

from conftest import REPO, run_cli

PLAN = "data/plans/qd-2629-2025.yaml"
DATA = REPO / "data" / "tracking" / "qd-2629" / "2026"
AS_OF = dt.date(2026, 10, 1)


def _tasks(*args: str):  # type: ignore[no-untyped-def]
    return run_cli("tasks", "--plan", PLAN, "--data", str(DATA), *args)


def _due(text: str) -> dt.date | None:
    """The deadline of a one-off text, read here independently of core.deadline."""
    m = re.fullmatch(r"Tháng (\d+)/(\d{4})", text)
    if m:
        y, mo = int(m.group(2)), int(m.group(1))
        return dt.date(y, mo, calendar.monthrange(y, mo)[1])
    m = re.fullmatch(r"Năm (?:\d{4}-)?(\d{4})", text)
    if m:
        return dt.date(int(m.group(1)), 12, 31)
    if text == "trước ngày 31 tháng 12 năm 2025":
        return dt.date(2025, 12, 30)
    return None  # recurring: left to tests/test_deadlines.py


def _recount() -> dict[str, dict[str, set[str]]]:
    """From the raw files: per unit, the reported tasks done and overdue on AS_OF."""
    plan = yaml.safe_load((REPO / PLAN).read_text(encoding="utf-8"))
    deadlines = {str(r["tt"]): r["deadline"]["text"] for r in plan["appendix"] + plan["tasks"] if "deadline" in r
                 for r in [{**r, "tt": r.get("tt", r.get("id"))}]}
    latest: dict[tuple[str, str], dict] = {}
    for path in sorted(DATA.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert "MINH HỌA" in path.read_text(encoding="utf-8")  # every file says it is illustrative
        if doc["submitted"] > AS_OF:
            continue
        key = (doc["unit"], doc["period"])
        if key not in latest or latest[key]["submitted"] < doc["submitted"]:
            latest[key] = doc
    status: dict[tuple[str, str], dict] = {}
    for (_, _), doc in sorted(latest.items(), key=lambda kv: kv[0][1]):  # quarters in order
        for task, entry in doc["progress"].items():
            status[(doc["unit"], str(task))] = entry
    out: dict[str, dict[str, set[str]]] = {}
    for (unit, task), entry in status.items():
        due = _due(deadlines.get(task, ""))
        if due is None:
            continue
        u = out.setdefault(unit, {"done": set(), "overdue": set(), "late": set()})
        done = entry["status"] == "hoan_thanh" and entry["completed"] <= AS_OF
        if done:
            u["done"].add(task)
            if entry["completed"] > due:
                u["late"].add(task)
        elif due < AS_OF:
            u["overdue"].add(task)
    return out


def test_counts_match_the_raw_files() -> None:
    r = _tasks("--as-of", AS_OF.isoformat(), "--format", "json")
    assert r.returncode == 0, r.stderr.decode()
    out = json.loads(r.stdout)
    expected = _recount()
    assert set(expected) == {"BKHCN", "BCA", "BTC", "VPCP", "NGHEAN", "BACNINH"}
    listed = {(t["unit"], t["task"]) for t in out["tasks"] if t["state"] == "overdue"}
    for unit, e in expected.items():
        assert {t for (u, t) in listed if u == unit and t in deadlines_one_off()} >= e["overdue"], unit
        reported_overdue = {t for (u, t) in listed if u == unit} & (e["done"] | e["overdue"])
        assert reported_overdue == e["overdue"], unit
    # Done tasks come only from reports: the unit's done count is the recount.
    for unit, e in expected.items():
        assert out["units"][unit]["done"] == len(e["done"]), unit
        assert out["units"][unit]["done_late"] >= len(e["late"]), unit
    # IV.1.3, published each quarter: the Q3 publication (due 30/9) is not done on 01/10.
    iv13 = next(t for t in out["tasks"] if (t["unit"], t["task"]) == ("BKHCN", "IV.1.3"))
    assert (iv13["occurrence"], iv13["due"], iv13["days_late"]) == ("2026-Q3", "2026-09-30", 1)
    states = {t["state"] for t in out["tasks"]}
    assert "overdue" in states
    tally = out["plan_tally"]
    assert tally["total"] == 86 and tally["due_done"] <= tally["due"] and tally["done"] >= tally["due_done"]
    assert out["line"] == (f"hoàn thành {tally['done']}/{tally['total']} nhiệm vụ ({tally['due_done']}/{tally['due']} "
                           f"đến hạn), {tally['overdue']} nhiệm vụ quá hạn")
    assert [(s["unit"], s["period"]) for s in out["superseded"]] == [("BCA", "2026-Q2")]


def deadlines_one_off() -> set[str]:
    plan = yaml.safe_load((REPO / PLAN).read_text(encoding="utf-8"))
    return {str(r.get("tt", r.get("id"))) for r in plan["appendix"] + plan["tasks"] if "deadline" in r}


def test_every_state_occurs_in_the_illustrative_year() -> None:
    out = json.loads(_tasks("--as-of", "2026-12-01", "--format", "json", "--within", "60").stdout)
    units = [v for k, v in out["units"].items() if k in ("BKHCN", "BCA", "BTC", "VPCP", "NGHEAN", "BACNINH")]
    assert sum(u["done_on_time"] for u in units) > 0 and sum(u["done_late"] for u in units) > 0
    assert sum(u["overdue"] for u in units) > 0 and sum(u["not_yet_due"] for u in units) > 0
    assert {t["state"] for t in out["tasks"]} == {"overdue", "due_soon"}
    assert any(t["status"] == "de_nghi_dieu_chinh" and t["reason"] for t in out["tasks"])


def test_fail_on_overdue_sets_the_exit_code() -> None:
    assert _tasks("--as-of", "2026-10-01").returncode == 0
    assert _tasks("--as-of", "2026-10-01", "--fail-on-overdue").returncode == 1
    # Before any deadline of the plan, nothing is overdue.
    assert _tasks("--as-of", "2025-12-02", "--fail-on-overdue").returncode == 0


def test_csv_and_notice_shapes() -> None:
    r = _tasks("--as-of", "2026-10-01", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout.decode("utf-8"))))
    assert rows and list(rows[0]) == ["unit", "unit_name", "task", "name", "deadline", "due", "occurrence", "state",
                                      "days_late", "days_left", "status", "reason", "evidence", "file"]
    first = next(x for x in rows if x["unit"] == "HANOI" and x["task"] == "IV.2.2")
    assert (first["due"], first["days_late"], first["state"]) == ("2025-12-30", "275", "overdue")
    notice = _tasks("--as-of", "2026-10-01", "--format", "notice").stdout.decode("utf-8")
    assert "Kính gửi: Thành phố Hà Nội." in notice
    assert "- Nhiệm vụ IV.2.2 “Ban hành Kế hoạch hành động" in notice and "đã quá hạn 275 ngày" in notice


def test_usage_mistakes_are_exit_2() -> None:
    assert _tasks("--as-of", "01/13/2026").returncode == 2
    assert _tasks("--format", "xml").returncode == 2


def test_validate_accepts_the_status_reports_and_locates_mistakes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    r = run_cli("validate", "--plan", PLAN, str(DATA))
    assert r.returncode == 0, r.stdout.decode()
    bad = tmp_path / "bad.yaml"
    bad.write_text('plan: "2629/QĐ-TTg"\nunit: BCA\nperiod: 2026-Q1\nsubmitted: 2026-04-03\nprogress:\n'
                   "  I.11: {status: hoan_thanh}\n  X.99: {status: dang_trien_khai}\n", encoding="utf-8")
    r = run_cli("validate", "--plan", PLAN, "--format", "json", str(bad))
    assert r.returncode == 1
    found = {(f["code"], f["line"]) for f in json.loads(r.stdout)["findings"]}
    assert ("st-completed-missing", 6) in found


def test_a_report_sent_after_its_period_deadline_is_a_warning() -> None:
    r = run_cli("validate", "--plan", PLAN, "--format", "json", str(DATA / "NGHEAN-2026-Q3.yaml"))
    assert r.returncode == 0
    late = [f for f in json.loads(r.stdout)["findings"] if f["code"] == "st-late"]
    assert [(f["line"], f["message"]) for f in late] == [
        (10, "Báo cáo tiến độ kỳ 2026-Q3 gửi ngày 12/10/2026, sau hạn gửi 05/10/2026 của kỳ này.")]


def test_the_illustrative_files_are_what_the_script_makes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    r = run_cli_script(tmp_path)
    assert r.returncode == 0, r.stderr.decode()
    made = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.glob("*.yaml")}
    committed = {p.name: p.read_text(encoding="utf-8") for p in DATA.glob("*.yaml")}
    assert made == committed


def run_cli_script(out):  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    return subprocess.run([sys.executable, str(REPO / "scripts" / "make_tracking_sample.py"), "--out", str(out)],
                          capture_output=True, cwd=REPO, timeout=120)


def test_json_shape() -> None:
    out = json.loads(_tasks("--as-of", "2026-12-01", "--format", "json").stdout)
    assert list(out) == ["plan", "as_of", "within_days", "plan_tally", "line", "targets", "units", "areas", "tasks", "superseded"]
    assert set(out["plan_tally"]) == {"total", "done", "done_on_time", "done_late", "due", "due_done", "overdue",
                                      "not_yet_due", "no_deadline"}
    assert set(out["tasks"][0]) == {"unit", "unit_name", "task", "name", "area", "deadline", "due", "occurrence", "state",
                                    "days_late", "days_left", "status", "reason", "evidence", "file"}
    assert "ha_tang" in out["areas"] and out["areas"]["to_chuc"]["total"] == 11


# --- targets met (issue 27, point 3): from the annual reports, counted as the annual report counts ---

ANNUAL = REPO / "tests" / "fixtures" / "reports-2629"


def _window_end(year: int) -> dt.date:
    """The last day of a year's data period under QĐ 2629 as plan744 sets it (14/12)."""
    return dt.date(year, 12, 14)


def _targets_recount(as_of: dt.date) -> tuple[int, int, int, int]:
    """(met, total, met among due, due) from the raw plan and the raw annual reports of 2026 alone:
    one target per indicator and scope with a figure; due once its first year's data period has
    ended; met when the 2026 pooled figure reaches the target governing 2026 (the nearest target
    whose stage has begun; a target reached before its year counts, as in the annual report)."""
    plan = yaml.safe_load((REPO / PLAN).read_text(encoding="utf-8"))
    subs = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ANNUAL / "2026").glob("*.yaml"))]
    assert {s["plan"] for s in subs} == {"2629/QĐ-TTg"} and {s["year"] for s in subs} == {2026}
    met = total = due_met = due = 0
    for ind in plan["indicators"]:
        for scope in dict.fromkeys(t["scope"] for t in ind["targets"]):
            targets = [t for t in ind["targets"] if t["scope"] == scope and t["kind"] != "qualitative"]
            if not targets:
                continue
            total += 1
            reached = _window_end(min(t.get("since", t["year"]) if t.get("each_year") else t["year"]
                                      for t in targets)) < as_of
            due += reached
            upcoming = sorted((t for t in targets if t["year"] >= 2026), key=lambda t: t["year"])
            gov = upcoming[0] if upcoming else None
            if gov is None or gov.get("since", 0) > 2026:
                continue  # no target set for 2026 yet
            levels = ind["levels"] if scope == "all" else [scope]
            cells = [s["indicators"][ind["id"]][lv] for s in subs for lv in levels
                     if lv in (s.get("indicators") or {}).get(ind["id"], {})]
            if "numerator" in ind:
                num = sum(c["numerator"] for c in cells if c.get("denominator"))
                den = sum(c["denominator"] for c in cells if c.get("denominator"))
                if not den:
                    continue
                ok = 100 * num >= gov["value"] * den if gov["kind"] == "floor" else 100 * num <= gov["value"] * den
            else:
                values = [c["value"] for c in cells if c.get("value") is not None]
                if not values:
                    continue
                ok = sum(values) >= gov["value"] if gov["kind"] == "floor" else sum(values) <= gov["value"]
            met += ok
            due_met += ok and reached
    return met, total, due_met, due


def _targets_json(as_of: dt.date, *args: str) -> dict:
    r = _tasks("--as-of", as_of.isoformat(), "--format", "json", *args)
    assert r.returncode == 0, r.stderr.decode()
    return json.loads(r.stdout)["targets"]


def test_targets_met_come_from_the_annual_reports() -> None:
    for as_of in (dt.date(2026, 12, 20), dt.date(2027, 12, 20)):  # before and after the first targets' year
        met, total, due_met, due = _targets_recount(as_of)
        assert met >= 1 and total == 25  # hai_long_dvctt: 95% reached in 2026, a year early
        got = _targets_json(as_of, "--reports", str(ANNUAL))
        assert (got["met_known"], got["met_year"]) == (True, 2026)
        assert (got["met"], got["total"], got["due_met"], got["due"]) == (met, total, due_met, due)
        assert got["line"] == f"hoàn thành {met}/{total} chỉ tiêu ({due_met}/{due} đến hạn)"
    assert due > 0 and due_met >= 1  # in 2027 the 2027 targets are due, and the one met counts


def test_targets_line_in_the_text_output_says_how_it_counts() -> None:
    met, total, due_met, due = _targets_recount(dt.date(2026, 12, 20))
    r = _tasks("--as-of", "2026-12-20", "--reports", str(ANNUAL))
    assert r.returncode == 0, r.stderr.decode()
    out = re.sub(r"\s+", " ", r.stdout.decode())
    assert (f"Chỉ tiêu định lượng (tính như báo cáo năm, theo số liệu năm 2026): hoàn thành {met}/{total} chỉ tiêu "
            f"({due_met}/{due} đến hạn).") in out


def test_no_annual_data_is_said_not_counted_as_missed() -> None:
    # the settings' annual reports are those of Kế hoạch 744, not of this plan: not used
    got = _targets_json(dt.date(2026, 12, 20))
    assert (got["met_known"], got["met"], got["due_met"]) == (False, None, None)
    # on 01/10/2026 no year of the fixture has ended: its 2026 figures are not final yet
    got = _targets_json(AS_OF, "--reports", str(ANNUAL))
    assert (got["met_known"], got["met"]) == (False, None)
    assert got["line"] == f"{got['due']}/{got['total']} chỉ tiêu định lượng đã đến hạn đánh giá"
    r = _tasks("--as-of", AS_OF.isoformat(), "--reports", str(ANNUAL))
    assert (f"Chỉ tiêu (tính như báo cáo năm): {got['line']}; kết quả đạt, chưa đạt: chưa có số liệu báo cáo năm."
            in re.sub(r"\s+", " ", r.stdout.decode()))


def test_reports_of_another_plan_give_no_targets_met() -> None:
    r = _tasks("--as-of", "2026-12-20", "--format", "json", "--reports", str(REPO / "data" / "reports"))
    assert r.returncode == 0
    assert json.loads(r.stdout)["targets"]["met_known"] is False
    assert "báo cáo của kế hoạch khác; chưa tính chỉ tiêu đạt" in r.stderr.decode()
    assert _tasks("--reports", str(REPO / "no-such-folder")).returncode == 2


def test_the_settings_annual_folder_is_the_default_when_it_is_the_plans(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "plan744.toml").write_text(f'[plan744]\nplan = "{REPO / PLAN}"\ndata = "{ANNUAL}"\n', encoding="utf-8")
    r = run_cli("tasks", "--data", str(DATA), "--as-of", "2026-12-20", "--format", "json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr.decode()
    met, total, due_met, due = _targets_recount(dt.date(2026, 12, 20))
    got = json.loads(r.stdout)["targets"]
    assert (got["met_known"], got["met"], got["total"]) == (True, met, total)


def test_the_quarterly_report_prints_the_same_targets_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    met, total, due_met, due = _targets_recount(dt.date(2026, 12, 20))
    r = run_cli("report", "--plan", PLAN, "--quarter", "2026-Q4", "--as-of", "2026-12-20", "--data", str(DATA.parent),
                "--reports", str(ANNUAL), "--format", "json", "--out", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr.decode()
    assert (f"Chỉ tiêu định lượng (tính như báo cáo năm, theo số liệu năm 2026): hoàn thành {met}/{total} chỉ tiêu "
            f"({due_met}/{due} đến hạn).") in r.stdout.decode()
    data = json.loads((tmp_path / "out" / "tien-do-2026-q4.json").read_text(encoding="utf-8"))
    assert (data["targets"]["total"], data["targets"]["done"], data["targets"]["due_done"]) == (total, met, due_met)
    assert run_cli("report", "--plan", PLAN, "--year", "2026", "--reports", str(ANNUAL)).returncode == 2


def test_a_superseded_report_is_told_with_its_units_name_and_days() -> None:
    as_of = "2026-12-31"
    superseded = json.loads(_tasks("--as-of", as_of, "--format", "json").stdout)["superseded"]
    assert [(s["unit"], s["period"], s["submitted"], s["by_submitted"]) for s in superseded] == [
        ("BCA", "2026-Q2", "2026-07-03", "2026-07-15")]
    r = _tasks("--as-of", as_of)
    assert r.returncode == 0, r.stderr.decode()
    s = superseded[0]
    assert (f"- Bộ Công an, kỳ 2026-Q2: báo cáo gửi ngày 03/7/2026 ({s['file']}) được thay bằng báo cáo gửi ngày "
            f"15/7/2026 ({s['by']}).") in re.sub(r"\s+", " ", r.stdout.decode())
