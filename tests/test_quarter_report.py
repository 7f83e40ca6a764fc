"""The quarterly progress report (issue 27, point 5) on the bundled illustrative 2026 status
reports of QĐ 2629: every format renders, and its completion line is the one `plan744 tasks
--as-of` prints for the quarter's last day."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import REPO, run_cli

PLAN = REPO / "data" / "plans" / "qd-2629-2025.yaml"
DATA = REPO / "data" / "tracking" / "qd-2629"
FORMATS = ("html", "pdf", "docx", "json", "csv", "xlsx")
GENERATED = dt.datetime(2026, 10, 2, 8, 0, tzinfo=dt.UTC)


def _build(period: str = "2026-Q3", as_of: dt.date | None = None, formats: tuple[str, ...] = FORMATS):  # type: ignore[no-untyped-def]
    from plan744.readers.project import template_dirs
    from plan744.services.quarter import QuarterRequest, build_quarter

    req = QuarterRequest(PLAN, DATA, period, formats, template_dirs(REPO / "templates"), as_of=as_of, generated=GENERATED)
    return build_quarter(req)


@pytest.fixture(scope="module")
def q3():  # type: ignore[no-untyped-def]
    outcome = _build()
    assert outcome.ok, [f.message for f in outcome.findings if f.is_error]
    return outcome


def _tasks_json(as_of: str) -> dict:
    done = run_cli("tasks", "--plan", str(PLAN), "--data", str(DATA), "--as-of", as_of, "--format", "json")
    assert done.returncode == 0, done.stderr.decode()
    return json.loads(done.stdout)


def _sentence(tally: dict) -> str:
    """The completion line, spelt out here from the counts the `tasks` command gives."""
    return (f"hoàn thành {tally['done']}/{tally['total']} nhiệm vụ ({tally['due_done']}/{tally['due']} đến hạn), "
            f"{tally['overdue']} nhiệm vụ quá hạn")


def test_every_format_is_written(q3) -> None:  # type: ignore[no-untyped-def]
    names = set(q3.outputs)
    stem = "tien-do-2026-q3"
    assert {f"{stem}.html", f"{stem}.pdf", f"{stem}.docx", f"{stem}.json", f"{stem}.xlsx"} <= names
    assert {f"{stem}-{t}.csv" for t in ("units", "areas", "tasks", "targets")} <= names
    assert q3.outputs[f"{stem}.pdf"].startswith(b"%PDF")
    assert all(len(v) > 100 for v in q3.outputs.values())


def test_the_completion_line_is_the_tasks_command_s(q3, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tasks = _tasks_json("2026-09-30")
    line = "Đến ngày 30/9/2026, " + _sentence(tasks["plan_tally"]) + "."
    assert tasks["line"] in line
    data = json.loads(q3.outputs["tien-do-2026-q3.json"])
    assert data["plan_tally"] == tasks["plan_tally"]
    assert data["as_of"] == "2026-09-30" and data["period"] == "2026-Q3"
    html = q3.outputs["tien-do-2026-q3.html"].decode()
    assert line in re.sub(r"\s+", " ", html)
    pdf = tmp_path / "q.pdf"
    pdf.write_bytes(q3.outputs["tien-do-2026-q3.pdf"])
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert line in " ".join(text.split())
    with zipfile.ZipFile(io.BytesIO(q3.outputs["tien-do-2026-q3.docx"])) as z:
        xml = z.read("word/document.xml").decode()
    assert line in re.sub(r"<[^>]+>", "", xml)
    # each unit's counts are the command's too
    units = {r["unit"]: r for r in csv.DictReader(io.StringIO(q3.outputs["tien-do-2026-q3-units.csv"].decode("utf-8-sig")))}
    for code, k in tasks["units"].items():
        assert {f: int(units[code][f]) for f in ("total", "due", "done", "overdue")} == \
            {f: k[f] for f in ("total", "due", "done", "overdue")}, code


def test_the_workbook_holds_the_tasks(q3) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(q3.outputs["tien-do-2026-q3.xlsx"]), read_only=True)
    data = json.loads(q3.outputs["tien-do-2026-q3.json"])
    sheets = wb.sheetnames
    assert sheets == ["Thông tin chung", "Theo đơn vị", "Theo lĩnh vực", "Nhiệm vụ", "Chỉ tiêu"]
    rows = list(wb["Nhiệm vụ"].iter_rows(values_only=True))
    assert len(rows) - 1 == len(data["tables"]["tasks"])
    states = {r[-1] for r in rows[1:]}
    assert {"overdue", "not_yet_due", "done_on_time", "done_late"} <= states


def test_sections_list_the_overdue_and_done_tasks(q3) -> None:  # type: ignore[no-untyped-def]
    html = re.sub(r"\s+", " ", q3.outputs["tien-do-2026-q3.html"].decode())
    for heading in ("I. Kết quả chung", "II. Nhiệm vụ quá hạn theo đơn vị chủ trì", "III. Nhiệm vụ hoàn thành trong kỳ",
                    "IV. Chỉ tiêu"):
        assert heading in html
    data = json.loads(q3.outputs["tien-do-2026-q3.json"])
    done = [r for r in data["tables"]["tasks"] if r["completed"] and "2026-07-01" <= r["completed"] <= "2026-09-30"]
    assert done  # the illustrative data completes tasks in the quarter
    assert f"hoàn thành {len(done)} lượt nhiệm vụ" in html
    late = [r for r in data["tables"]["tasks"] if r["state"] == "overdue"]
    assert f"có {len(late)} lượt nhiệm vụ quá hạn" in html
    # no annual figures for 2026: the targets met are not invented
    assert "chưa có số liệu" in html
    assert data["targets"]["met_known"] is False
    assert all(r["targets_met"] is None for r in data["tables"]["targets"])


def test_as_of_after_the_quarter_counts_the_late_reports() -> None:
    """A Q3 report sent on 12/10 counts when the report is made on 15/10, as `tasks` counts it."""
    outcome = _build(as_of=dt.date(2026, 10, 15), formats=("json",))
    assert outcome.ok
    data = json.loads(outcome.outputs["tien-do-2026-q3.json"])
    assert data["plan_tally"] == _tasks_json("2026-10-15")["plan_tally"]
    assert data["as_of"] == "2026-10-15"


def test_the_report_command_writes_the_quarter(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = run_cli("report", "--quarter", "2026-Q3", "--plan", str(PLAN), "--data", str(DATA), "--format", "html,json",
                   "--out", str(out))
    assert done.returncode == 0, done.stderr.decode()
    assert sorted(p.name for p in out.iterdir() if p.name.startswith("tien-do")) == ["tien-do-2026-q3.html",
                                                                                     "tien-do-2026-q3.json"]
    tasks = _tasks_json("2026-09-30")
    assert f"Đến ngày 30/9/2026: {tasks['line']}." in done.stdout.decode()
    later = run_cli("report", "--quarter", "2026-Q3", "--as-of", "2026-10-15", "--plan", str(PLAN), "--data", str(DATA),
                    "--format", "json", "--out", str(tmp_path / "later"))
    assert later.returncode == 0, later.stderr.decode()
    data = json.loads((tmp_path / "later" / "tien-do-2026-q3.json").read_text(encoding="utf-8"))
    assert data["plan_tally"] == _tasks_json("2026-10-15")["plan_tally"]


def _tracked_year():  # type: ignore[no-untyped-def]
    from plan744.services.plans import load_plan
    from plan744.services.quarter import year_tracking

    plan = load_plan(PLAN).plan
    assert plan is not None
    q = year_tracking(plan, DATA, 2026, dt.date(2026, 12, 14))
    assert q is not None
    return plan, q


def _text(doc) -> str:  # type: ignore[no-untyped-def]
    from plan744.report.document import Heading, Para

    parts = []
    for b in doc.blocks():
        if isinstance(b, Heading):
            parts.append(b.text)
        elif isinstance(b, Para):
            parts.append("".join(r.text for r in b.content))
    return "\n".join(parts)


def test_the_annual_report_of_a_tracked_plan_gains_the_sections() -> None:
    from plan744.core.figures.year import year_figures
    from plan744.report.compose_common import Issuance
    from plan744.report.compose_quarter import tracked
    from plan744.report.compose_year import compose_year

    plan, q = _tracked_year()
    f = year_figures(plan, 2026, [], (), dt.date(2026, 12, 20))
    with tracked(q):
        text = _text(compose_year(f, Issuance(), GENERATED))
    assert "TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ THEO THỜI HẠN" in text
    tally = _tasks_json("2026-12-14")["plan_tally"]
    assert f"Đến ngày 14/12/2026, {_sentence(tally)}." in text
    for heading in ("Kết quả chung", "Nhiệm vụ quá hạn theo đơn vị chủ trì", "Nhiệm vụ hoàn thành trong kỳ", "Chỉ tiêu"):
        assert re.search(rf"^\d\. {heading}$", text, re.M), heading
    without = _text(compose_year(f, Issuance(), GENERATED))  # no status reports known: no such section
    assert "TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ THEO THỜI HẠN" not in without


def test_the_close_out_of_a_plan_with_deadlines_reports_on_time_completion() -> None:
    from plan744.core.figures.history import History
    from plan744.core.figures.period import period_figures
    from plan744.report.compose_common import Issuance
    from plan744.report.compose_period import compose_period
    from plan744.report.compose_quarter import tracked

    plan, q = _tracked_year()
    p = period_figures(plan, 2025, 2026, History(plan, []), (), dt.date(2026, 12, 20))
    with tracked(q):
        text = _text(compose_period(p, Issuance(), GENERATED))
    k = _tasks_json("2026-12-14")["plan_tally"]
    assert "Hoàn thành nhiệm vụ đúng thời hạn" in text
    assert (f"Đến ngày 14/12/2026, trong {k['total'] - k['no_deadline']} nhiệm vụ có thời hạn, {k['done_on_time']} nhiệm "
            f"vụ hoàn thành đúng hạn, {k['done_late']} nhiệm vụ hoàn thành quá hạn, {k['overdue']} nhiệm vụ quá hạn chưa "
            f"hoàn thành, {k['not_yet_due']} nhiệm vụ chưa đến hạn.") in text


def test_targets_met_come_from_the_annual_figures_when_there_are() -> None:
    from plan744.readers.project import template_dirs
    from plan744.services.quarter import QuarterRequest, build_quarter

    req = QuarterRequest(PLAN, DATA, "2026-Q4", ("json", "html"), template_dirs(REPO / "templates"),
                         as_of=dt.date(2026, 12, 20), generated=GENERATED, annual_dir=REPO / "tests" / "fixtures" / "reports-2629")
    outcome = build_quarter(req)
    assert outcome.ok
    data = json.loads(outcome.outputs["tien-do-2026-q4.json"])
    assert data["targets"]["met_known"] is True
    html = re.sub(r"\s+", " ", outcome.outputs["tien-do-2026-q4.html"].decode())
    assert "Kết quả đạt chỉ tiêu (theo số liệu năm 2026): đạt" in html
    assert "chưa có số liệu" not in html
