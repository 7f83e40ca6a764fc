"""Benchmark of `plan744 tasks` (issue 27), run on demand, never part of the test suite:

    .venv/bin/python bench/tasks.py                 # 200 units x 150 tasks x 4 quarters
    .venv/bin/python bench/tasks.py --units 50 --tasks 40 --runs 1

Writes, in a temporary folder, the bundled QĐ 2629 plan with its 34 provinces replaced by
`--units` generated ones and its appendix replaced by `--tasks` rows led by "Các địa phương"
(so every generated unit answers for every row), and four quarterly status reports per unit, each
reporting every row. Then times `plan744 tasks --format json` against the floor: one Python
process reading the same files with PyYAML's C loader (`yaml.CSafeLoader`) and nothing else.
Each is run in a fresh process (`--runs` times, the median kept); peak memory is the child's
maximum resident set. Prints both and their ratios.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
QUARTERS = (("2026-Q1", dt.date(2026, 4, 3)), ("2026-Q2", dt.date(2026, 7, 3)),
            ("2026-Q3", dt.date(2026, 10, 3)), ("2026-Q4", dt.date(2026, 12, 3)))
FLOOR = """
import sys, yaml
from pathlib import Path
n = 0
for p in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    with open(p, "rb") as f:
        yaml.load(f, Loader=yaml.CSafeLoader)
    n += 1
print(n)
"""
MEASURE = """
import resource, subprocess, sys, time
t = time.perf_counter()
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)
"""


def make(folder: Path, units: int, tasks: int) -> tuple[Path, Path]:
    plan = yaml.safe_load((ROOT / "data" / "plans" / "qd-2629-2025.yaml").read_text(encoding="utf-8"))
    org = plan["organisation"]
    org["units"] = [u for u in org["units"] if u["kind"] != "tinh"] + [
        {"code": f"T{i:03d}", "name": f"Tỉnh thử {i:03d}", "kind": "tinh"} for i in range(1, units + 1)]
    org["expected_counts"]["tinh"] = units
    plan["appendix"] = [{
        "tt": f"R.{i}", "group": "I. Hoàn thiện thể chế", "name": f"Nhiệm vụ thử {i}", "lead": "CAC_DIA_PHUONG",
        "lead_text": "Các địa phương", "timeframe": {"start": 2025, "end": 2026},
        "timeframe_text": f"Tháng {i % 12 + 1}/2026", "deadline": {"text": f"Tháng {i % 12 + 1}/2026"},
    } for i in range(1, tasks + 1)]
    plan_path = folder / "plan.yaml"
    plan_path.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    data = folder / "tracking"
    data.mkdir()
    for u in range(1, units + 1):
        for period, sent in QUARTERS:
            lines = [f'plan: "{plan["document"]["number"]}"', f"unit: T{u:03d}", f"period: {period}",
                     f"submitted: {sent.isoformat()}", "progress:"]
            for i in range(1, tasks + 1):
                due_month = i % 12 + 1
                if (u + i) % 3 == 0 and due_month * 30 < sent.timetuple().tm_yday:
                    done = dt.date(2026, due_month, 1 + (u + i) % 28)
                    lines.append(f"  R.{i}: {{status: hoan_thanh, completed: {done.isoformat()}, "
                                 f'evidence: {{number: "{i}/QĐ-UBND", date: {done.isoformat()}}}}}')
                else:
                    lines.append(f"  R.{i}: {{status: dang_trien_khai}}")
            (data / f"T{u:03d}-{period}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return plan_path, data


def measure(cmd: list[str], runs: int, env: dict[str, str]) -> tuple[float, float]:
    """Median seconds and peak resident memory (MiB) over `runs` fresh processes."""
    times, peaks = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True, env=env, check=True)
        seconds, rss, code = out.stdout.split()
        if code not in ("0", "1"):
            raise SystemExit(f"{' '.join(cmd)} failed with exit code {code}")
        times.append(float(seconds))
        peaks.append(int(rss) / 1024)
    return statistics.median(times), max(peaks)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--units", type=int, default=200)
    ap.add_argument("--tasks", type=int, default=150)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PLAN744_NO_CACHE": "1"}
    with tempfile.TemporaryDirectory(prefix="plan744-bench-tasks-") as tmp:
        t = time.perf_counter()
        plan, data = make(Path(tmp), args.units, args.tasks)
        files = len(list(data.glob("*.yaml")))
        print(f"{args.units} đơn vị x {args.tasks} nhiệm vụ x 4 quý: {files} tệp, tạo trong {time.perf_counter() - t:.1f} s")
        tasks_cmd = [sys.executable, "-m", "plan744", "tasks", "--plan", str(plan), "--data", str(data),
                     "--as-of", "2026-10-01", "--format", "json"]
        check = subprocess.run(tasks_cmd, capture_output=True, env=env)
        summary = json.loads(check.stdout)["line"] if check.stdout.startswith(b"{") else check.stderr.decode()[:300]
        print(f"plan744 tasks: {summary}")
        floor_cmd = [sys.executable, "-c", FLOOR, str(data)]
        measure(floor_cmd, 1, env)  # warm the file cache
        f_time, f_mem = measure(floor_cmd, args.runs, env)
        t_time, t_mem = measure(tasks_cmd, args.runs, env)
    print(f"{'':28} {'thời gian (s)':>14} {'bộ nhớ đỉnh (MiB)':>18}")
    print(f"{'chỉ đọc tệp (CSafeLoader)':28} {f_time:14.2f} {f_mem:18.0f}")
    print(f"{'plan744 tasks':28} {t_time:14.2f} {t_mem:18.0f}")
    print(f"{'tỷ lệ':28} {t_time / f_time:14.1f}x {t_mem / f_mem:17.1f}x")


if __name__ == "__main__":
    main()
