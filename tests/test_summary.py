"""The summary `report` prints after writing its files: plain lines (one per indicator) when the
output goes to a pipe or a log, a drawn table at a terminal, the same words in both."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

from plan744.cli.summary import COLUMNS

from conftest import REPO, run_cli


def test_piped_summary_has_one_line_per_indicator(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("report", "--year", "2022", "--format", "json", "--out", str(out),
                     env={"PLAN744_TODAY": "2026-11-27"})
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode().splitlines()
    header = lines.index(" | ".join(COLUMNS))
    assert lines[header - 1] == "Kết quả các chỉ tiêu năm 2022"
    rows = [line.split(" | ") for line in lines[header + 1:] if " | " in line]
    indicators = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"))["tables"]["indicators"]
    assert [(r[0], r[1]) for r in rows] == [(i["name"], i["scope_name"]) for i in indicators]
    assert all(len(r) == len(COLUMNS) for r in rows)
    assert "Báo cáo của đơn vị năm 2022: 47/48 đã gửi" in result.stdout.decode()
    assert "\x1b" not in result.stdout.decode() and "━" not in result.stdout.decode()


def test_terminal_summary_is_a_table(tmp_path: Path) -> None:
    main, secondary = pty.openpty()
    env = {**os.environ, "PLAN744_TODAY": "2026-11-27", "NO_COLOR": "1", "COLUMNS": "200", "TERM": "xterm"}
    env.pop("GITHUB_ACTIONS", None)
    proc = subprocess.Popen([sys.executable, "-m", "plan744", "report", "--year", "2022", "--format", "json",
                             "--out", str(tmp_path / "out")], cwd=REPO, env=env, stdout=secondary,
                            stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal closed: the command has ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    assert proc.wait(timeout=300) == 0
    text = b"".join(chunks).decode()
    assert "Kết quả các chỉ tiêu năm 2022" in text
    assert " | ".join(COLUMNS) not in text  # not the piped lines: a drawn table
    assert "━" in text or "─" in text
    assert "Văn bản trao đổi" in text and "47/48 đã gửi" in text


def test_piped_summary_keeps_one_line_per_row_whatever_the_plan_says(tmp_path: Path) -> None:
    """An indicator named over two lines, or with " | " in its name, still gives one line of six cells."""
    plan = tmp_path / "plan.yaml"
    text = (REPO / "tests" / "fixtures" / "plans" / "mini.yaml").read_text(encoding="utf-8")
    assert "    name: Hồ sơ trực tuyến\n" in text
    plan.write_text(text.replace("    name: Hồ sơ trực tuyến\n", '    name: "Hồ sơ | trực\\ntuyến"\n'), encoding="utf-8")
    result = run_cli("report", "--plan", str(plan), "--data", str(REPO / "tests" / "cases" / "valid" / "basic" / "reports"),
                     "--year", "2022", "--format", "json", "--out", str(tmp_path / "out"), env={"PLAN744_TODAY": "2026-11-27"})
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode().splitlines()
    rows = lines[lines.index(" | ".join(COLUMNS)) + 1:]
    named = [line for line in rows if line.startswith("Hồ sơ")]
    assert named and all(line.startswith("Hồ sơ / trực tuyến | ") and len(line.split(" | ")) == len(COLUMNS)
                         for line in named)
    assert not any(line.startswith("tuyến") for line in rows)



def test_the_close_out_summary_says_the_reports_own_tally(tmp_path: Path) -> None:
    """The tally after the table is the report's sentence: the same base, no category of zero."""
    out = tmp_path / "out"
    result = run_cli("report", "--period", "2021-2025", "--format", "html", "--out", str(out),
                     env={"PLAN744_TODAY": "2026-11-27"})
    assert result.returncode == 0, result.stderr.decode()
    said = [line for line in result.stdout.decode().splitlines() if "chỉ tiêu đạt và vượt" in line]
    assert said == ["Đến hết năm 2025 (số liệu đến ngày 14/12/2025), có 12/15 chỉ tiêu đạt và vượt mục tiêu "
                    "(trong đó 11 chỉ tiêu vượt), 03 chỉ tiêu chưa đạt."]
    html = " ".join(re.sub(r"<[^>]+>", " ", next(out.glob("*.html")).read_text(encoding="utf-8")).split())
    assert said[0] in html
    assert "không đánh giá được" not in result.stdout.decode() and "chưa đến hạn" not in result.stdout.decode()
