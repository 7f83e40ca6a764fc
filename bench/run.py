#!/usr/bin/env python3
"""plan744's benchmarks, in one command: every figure beside a floor measured in the same run.

    python bench/run.py            # the whole set (about 25 minutes on 2 cores)
    python bench/run.py --quick    # smaller sizes, fewer runs (about 4 minutes)
    python bench/run.py --big      # also validate at 100,000 files (adds about 10 minutes)
    python bench/run.py --write    # also rewrite the results in bench/README.md and README.md
    python bench/run.py --only startup,validate,context   # the measures of issue 29 only

The goals of issue 29 (one-file `validate` against the peer; throughput against the floor at
1,000 and 10,000 files; peak memory at 20,000 against 1,000 files, and at 100,000; the cache,
warm against cold) are printed last, each as a ratio measured in the run, beside its target.
The machine's load average at the start and the end of the run is printed with the results.

Each measure is a median over several runs, with its range; each ratio divides by a floor measured
in the same run on the same machine, so the ratios travel between machines better than the times.
Timings never decide a test: the test suite checks behaviour only.

Floors and peer:
- start-up: `python -c "import yaml, pydantic"`;
- the peer: check-jsonschema (with ruamel.yaml.clib, in its own virtual environment under
  bench/_work/peer, installed with pip on first use) checking the same files against plan744's own
  schema, `schema/submission.schema.json`: what a user would run instead;
- validate: one Python process reading every file and loading it with PyYAML's C loader;
- report (HTML): the pure work of the same run (load the plan, read and check the files, compute);
- Word: python-docx writing the same tables cell by cell, naively (no styles, no measuring);
- PDF: WeasyPrint alone laying out and writing the same HTML;
- Excel form: openpyxl's read-only load of the same workbooks, every cell read.

Scratch files go to bench/_work/ (git-ignored). Runs from this checkout (PYTHONPATH=src) with the
interpreter that runs this script; byte-code caching is left on, as an installed package has it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / "_work"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import scale  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1", "PLAN744_TODAY": "2026-11-27"}
ENV.pop("PYTHONDONTWRITEBYTECODE", None)
ENV.pop("GITHUB_ACTIONS", None)
RESULTS: list[tuple[str, str, str, str]] = []  # (measure, value, floor, ratio)
GOALS: list[tuple[str, str, str, bool]] = []  # (goal of issue 29, measured, target, met)
LOAD: list[str] = []  # the machine's load average when the run started and ended


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def run(args: list[str], cwd: Path = ROOT, env: dict[str, str] | None = None) -> tuple[float, int, bytes]:
    """Wall seconds and peak RSS (KiB) of one fresh process, and its stdout."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, env={**ENV, **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = proc.stdout.read() if proc.stdout else b""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - t0, usage.ru_maxrss, out


def timed(args: list[str], n: int, cwd: Path = ROOT, env: dict[str, str] | None = None) -> tuple[float, float, float, int]:
    """(median, min, max) seconds over n runs after one warm-up, and the largest peak RSS."""
    run(args, cwd, env)
    times, peak = [], 0
    for _ in range(n):
        t, rss, _ = run(args, cwd, env)
        times.append(t)
        peak = max(peak, rss)
    return statistics.median(times), min(times), max(times), peak


Timing = tuple[float, float, float, int]


def paired(commands: list[list[str]], n: int, envs: list[dict[str, str] | None] | None = None) -> list[Timing]:
    """`timed` for several commands at once, taking turns (a, b, a, b, …) after a warm-up run
    of each: a machine that slows down or speeds up during the run touches a figure and its
    floor alike, so their ratio holds."""
    envs = envs or [None] * len(commands)
    for args, env in zip(commands, envs, strict=True):
        run(args, ROOT, env)
    times: list[list[float]] = [[] for _ in commands]
    peaks = [0] * len(commands)
    for _ in range(n):
        for i, (args, env) in enumerate(zip(commands, envs, strict=True)):
            t, rss, _ = run(args, ROOT, env)
            times[i].append(t)
            peaks[i] = max(peaks[i], rss)
    return [(statistics.median(ts), min(ts), max(ts), peak) for ts, peak in zip(times, peaks, strict=True)]


def fmt(median: float, low: float, high: float) -> str:
    return f"{median:.2f} s ({low:.2f}–{high:.2f})"


def _n(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def goal(name: str, measured: float, target: float, unit: str = "×", at_most: bool = True) -> None:
    """One goal of issue 29: the measured ratio (or size) beside its target."""
    met = measured <= target if at_most else measured >= target
    GOALS.append((name, f"{measured:.2f}{unit}", f"{'≤' if at_most else '≥'} {target:g}{unit}", met))
    log(f"  goal: {name}: {measured:.2f}{unit} (target {'≤' if at_most else '≥'} {target:g}{unit}): {'met' if met else 'NOT met'}")


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f}, {five:.2f}, {fifteen:.2f}"


# --- the peer: check-jsonschema ------------------------------------------------------------------

PEER_VENV = WORK / "peer"
SCHEMA = ROOT / "schema" / "submission.schema.json"


def peer(schema: Path = SCHEMA) -> list[str]:
    """The peer's command line, less the files: check-jsonschema with ruamel.yaml's C loader, in
    its own virtual environment (made and filled by pip on first use, from PyPI)."""
    exe = PEER_VENV / "bin" / "check-jsonschema"
    if not exe.exists():
        log("installing the peer (check-jsonschema, ruamel.yaml.clib) into bench/_work/peer")
        subprocess.run([PY, "-m", "venv", str(PEER_VENV)], check=True)
        subprocess.run([str(PEER_VENV / "bin" / "pip"), "install", "-q", "check-jsonschema", "ruamel.yaml.clib"], check=True)
    return [str(exe), "--schemafile", str(schema)]


def peer_versions() -> str:
    out = subprocess.run([str(PEER_VENV / "bin" / "python"), "-c",
                          "import importlib.metadata as m; "
                          "print(', '.join(f'{p} {m.version(p)}' for p in ('check-jsonschema', 'ruamel.yaml', 'ruamel.yaml.clib')))"],
                         capture_output=True, text=True, check=False)
    return out.stdout.strip()


def record(measure: str, value: str, floor: str = "", ratio: str = "") -> None:
    RESULTS.append((measure, value, floor, ratio))
    log(f"  {measure}: {value}" + (f" | floor {floor} | ratio {ratio}" if floor else ""))


PY = sys.executable
CLI = [PY, "-m", "plan744"]
FLOOR_VALIDATE = r"""
import os, sys, yaml
paths = []
for root, dirs, files in os.walk(sys.argv[1]):
    paths += [os.path.join(root, f) for f in sorted(files) if f.endswith(".yaml")]
for p in paths:
    with open(p, "rb") as fh:
        yaml.load(fh.read().decode("utf-8"), Loader=yaml.CSafeLoader)
print(len(paths))
"""


# --- start-up -----------------------------------------------------------------------------------

# typer (0.29) turns each parameter's annotation into a pydantic TypeAdapter on every run: this is
# what any typer command with validate's parameters costs before doing anything.
EMPTY_COMMAND = r"""
from pathlib import Path
import typer, yaml
app = typer.Typer(add_completion=False)
@app.command()
def validate(paths: list[str] = typer.Argument(...), plan: Path | None = typer.Option(None, "--plan"),
             fmt: str = typer.Option("auto", "--format"), strict: bool = typer.Option(False, "--strict"),
             context: bool = typer.Option(True, "--context/--no-context")) -> None:
    pass
app()
"""

EMPTY_REPORT = r"""
from pathlib import Path
import typer, yaml
app = typer.Typer(add_completion=False)
@app.command()
def report(year: str | None = typer.Option(None, "--year"), period: str | None = typer.Option(None, "--period"),
           fmt: str = typer.Option("all", "--format"), short: bool = typer.Option(False, "--short"),
           out: Path | None = typer.Option(None, "--out"), plan: Path | None = typer.Option(None, "--plan"),
           data: Path | None = typer.Option(None, "--data"), templates: Path | None = typer.Option(None, "--templates"),
           so: str | None = typer.Option(None, "--so"), ngay: str | None = typer.Option(None, "--ngay"),
           nguoi_ky: str | None = typer.Option(None, "--nguoi-ky")) -> None:
    pass
app()
"""


def startup(n: int) -> None:
    log("start-up")
    one = WORK / "one" / "2022"
    one.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "data" / "reports" / "2022" / "SNV.yaml", one / "SNV.yaml")
    target = str(one / "SNV.yaml")
    # One file among the bundled reports: the others are read for the cross-file checks, from
    # the user's cache once they have been parsed (PLAN744_NO_CACHE=1: every run parses them).
    among = ROOT / "data" / "reports" / "2025" / "SKHCN.yaml"
    others = sum(1 for p in (ROOT / "data" / "reports").glob("20*/*.yaml")) - 1
    cache = WORK / "cache-startup"  # a cache of this run's own, warmed by the first run of each
    shutil.rmtree(cache, ignore_errors=True)
    warm_env, cold_env = {"XDG_CACHE_HOME": str(cache)}, {"XDG_CACHE_HOME": str(cache), "PLAN744_NO_CACHE": "1"}
    the_peer = peer()
    floor, stack, command, version, helped, validate, validate_cold, rival, warm, cold = paired(
        [[PY, "-c", "import yaml, pydantic"], [PY, "-c", "import yaml, typer; from pydantic import BaseModel"],
         [PY, "-c", EMPTY_COMMAND, target],
         CLI + ["--version"], CLI + ["--help"], CLI + ["validate", target], CLI + ["validate", target],
         the_peer + [target], CLI + ["validate", str(among)], CLI + ["validate", str(among)]], n,
        [None, None, None, warm_env, warm_env, warm_env, cold_env, None, warm_env, cold_env])
    record("`import yaml, pydantic` (floor)", fmt(*floor[:3]))
    record("`import typer`, `pydantic.BaseModel` (the stack alone)", fmt(*stack[:3]), fmt(*floor[:3]), f"{stack[0] / floor[0]:.2f}×")
    record("a typer command with `validate`'s five parameters, doing nothing", fmt(*command[:3]), fmt(*floor[:3]),
           f"{command[0] / floor[0]:.2f}×")
    record("`plan744 --version`", fmt(*version[:3]), fmt(*floor[:3]), f"{version[0] / floor[0]:.2f}×")
    record("`plan744 --help`", fmt(*helped[:3]), fmt(*floor[:3]), f"{helped[0] / floor[0]:.2f}×")
    record("the peer: `check-jsonschema --schemafile schema/submission.schema.json` one file", fmt(*rival[:3]),
           fmt(*floor[:3]), f"{rival[0] / floor[0]:.2f}×")
    record("`plan744 validate` one file, cache warm (the plan read from the cache)", fmt(*validate[:3]),
           f"{fmt(*rival[:3])} (peer)", f"{validate[0] / rival[0]:.2f}× the peer")
    record("`plan744 validate` one file, cold (`PLAN744_NO_CACHE=1`)", fmt(*validate_cold[:3]),
           f"{fmt(*rival[:3])} (peer)", f"{validate_cold[0] / rival[0]:.2f}× the peer")
    goal("one-file `validate`, cold, against the peer", validate_cold[0] / rival[0], 0.8)
    goal("one-file `validate`, cache warm, against the peer", validate[0] / rival[0], 0.8)
    record(f"`plan744 validate` one file of 2025 among {_n(others)} others, cache warm", fmt(*warm[:3]), fmt(*floor[:3]),
           f"{warm[0] / floor[0]:.2f}×")
    record("the same, no cache (`PLAN744_NO_CACHE=1`: plan and others parsed)", fmt(*cold[:3]), fmt(*floor[:3]),
           f"{cold[0] / floor[0]:.2f}×")


# --- validate at scale --------------------------------------------------------------------------


_SCALED: dict[int, tuple[Path, int]] = {}


def scaled(size: int) -> tuple[Path, Path, int]:
    """The folder, plan and number of files of the data at `size` files over four years, made
    once a run and shared by the measures that use it."""
    years = [2021, 2022, 2023, 2024]
    folder = WORK / f"v{size}"
    if size not in _SCALED:
        _SCALED[size] = scale.make(folder, -(-size // len(years)), years)
    plan, files = _SCALED[size]
    return folder, plan, files


def _mb(kib: int) -> float:
    return kib * 1024 / 1e6


def validate_scale(sizes: list[int], n: int) -> None:
    """`validate` of a whole data folder, cold (`PLAN744_NO_CACHE=1`: nothing of an earlier run is
    used), against the PyYAML C floor; the peer beside them at 1,000 files; the peak memory at
    each size; at 10,000 files the same run with the user's cache warm."""
    log("validate at scale")
    peaks: dict[int, int] = {}
    cold_env = {"PLAN744_NO_CACHE": "1"}
    for size in sizes:
        folder, plan, files = scaled(size)
        reports = folder / "reports"
        command = CLI + ["validate", "--plan", str(plan), "--format", "json", str(reports)]
        commands, envs = [[PY, "-c", FLOOR_VALIDATE, str(reports)], command], [None, cold_env]
        if size <= 1000:
            # The schema plan744 writes for this plan (its units are the clones): the peer, like
            # plan744, then finds nothing, and prints nothing but its one line.
            schema = folder / "submission.schema.json"
            run(CLI + ["schema", "--plan", str(plan), "--out", str(schema)])
            commands.append(peer(schema) + sorted(str(p) for p in reports.rglob("*.yaml")))
            envs.append(None)
        # Five runs up to 10.000 files; above, one run (a minute or more each): memory is the point there.
        results = paired(commands, n + 2 if files <= 15_000 else 1, envs)
        floor, ours = results[0], results[1]
        found = ""
        if files <= 15_000:
            _, _, out = run(command, env=cold_env)
            found = f" ({len(json.loads(out)['findings'])} findings)"
        one = timed(CLI + ["validate", "--plan", str(plan), str(ROOT / "data" / "reports" / "2021" / "SNV.yaml")], 1,
                    env=cold_env)
        record(f"validate {_n(files)} files, cold{found}", fmt(*ours[:3]), f"{fmt(*floor[:3])} (PyYAML C floor)",
               f"{ours[0] / floor[0]:.2f}×")
        if size <= 1000:
            rival = results[2]
            record(f"the peer on the same {_n(files)} files", fmt(*rival[:3]), f"{fmt(*ours[:3])} (plan744)",
                   f"{rival[0] / ours[0]:.2f}× plan744's time")
            goal(f"`validate` {_n(files)} files, cold, against the floor", ours[0] / floor[0], 1.5)
            goal(f"the peer's time at {_n(files)} files, against plan744's", rival[0] / ours[0], 4, at_most=False)
        elif size <= 10000:
            goal(f"`validate` {_n(files)} files, cold, against the floor", ours[0] / floor[0], 1.3)
        per_file = (ours[3] - one[3]) / files
        peaks[size] = ours[3]
        # The plan grows with the files here (a unit per file and year): the ratio to one file
        # checked against the same plan is what the files themselves add.
        record(f"validate {_n(files)} files: peak RSS", f"{ours[3] / 1024:.0f} MiB ({_mb(ours[3]):.0f} MB)",
               f"{one[3] / 1024:.0f} MiB (one file, same plan)",
               f"{ours[3] / one[3]:.2f}× one file; {per_file:.2f} KiB per file")
        if size == 10000:
            cache = WORK / "cache-validate"
            shutil.rmtree(cache, ignore_errors=True)
            warm_env = {"XDG_CACHE_HOME": str(cache)}
            warm, cold = paired([command, command], n, [warm_env, {**warm_env, **cold_env}])
            record(f"validate {_n(files)} files, cache warm", fmt(*warm[:3]), f"{fmt(*cold[:3])} (cold)",
                   f"cold {cold[0] / warm[0]:.2f}× the warm run")
            goal(f"`validate` {_n(files)} files: cold over warm (the cache earns its place)", cold[0] / warm[0], 2,
                 at_most=False)
    small = min((s for s in peaks if s <= 1000), default=None)
    for size, peak in peaks.items():
        if small is not None and size >= 20000 and size < 100000:
            goal(f"peak RSS at {_n(size)} files over that at {_n(small)}", peak / peaks[small], 1.3)
        if size >= 100000:
            goal(f"peak RSS at {_n(size)} files", _mb(peak), 150, unit=" MB")


# Reading and hashing every file, the least a warm run does to know that none changed.
FLOOR_HASH = r"""
import hashlib, os, sys
n = 0
for root, dirs, files in os.walk(sys.argv[1]):
    for f in files:
        if f.endswith(".yaml"):
            with open(os.path.join(root, f), "rb") as fh:
                hashlib.sha256(fh.read()).digest()
            n += 1
print(n)
"""


def context_cache(sizes: list[int], n: int) -> None:
    """One file checked among many: the others are read for the cross-file checks, from the
    user's cache when their content is unchanged (each is read and hashed), or all parsed."""
    log("one file among many: the context cache, keyed by content")
    for size in sizes:
        folder, plan, files = scaled(size)  # the data of validate_scale
        target = sorted((folder / "reports" / "2024").glob("*.yaml"))[0]
        cache = WORK / f"cache-{size}"
        shutil.rmtree(cache, ignore_errors=True)
        command = CLI + ["validate", "--plan", str(plan), str(target)]
        warm_env = {"XDG_CACHE_HOME": str(cache)}
        hashing, alone, warm, cold = paired(
            [[PY, "-c", FLOOR_HASH, str(folder / "reports")], command + ["--no-context"], command, command], n,
            [None, warm_env, warm_env, {**warm_env, "PLAN744_NO_CACHE": "1"}])
        others = _n(files - 1)
        record(f"validate one file among {others} others, cache warm", fmt(*warm[:3]),
               f"{fmt(*alone[:3])} (`--no-context`: no other file read)",
               f"+{warm[0] - alone[0]:.2f} s for the others: each read, hashed, its record taken from the cache")
        record(f"reading and hashing the {_n(files)} files alone (SHA-256, one process)", fmt(*hashing[:3]))
        record(f"the same, no cache (`PLAN744_NO_CACHE=1`: the plan and {others} files parsed)", fmt(*cold[:3]),
               f"{fmt(*warm[:3])} (cache warm)", f"{cold[0] / warm[0]:.1f}× the warm run")
        if size == 10000:
            goal(f"one file among {others} others: cold over warm (the cache earns its place)", cold[0] / warm[0], 2,
                 at_most=False)


def copies(n: int) -> None:
    log("copies of one report")
    folder = WORK / "copies" / "2022"
    if folder.exists():
        shutil.rmtree(folder.parent)
    folder.mkdir(parents=True)
    text = (ROOT / "data" / "reports" / "2022" / "SNV.yaml").read_text(encoding="utf-8")
    for k in range(200):
        (folder / f"SNV-{k:03d}.yaml").write_text(text, encoding="utf-8")
    t = timed(CLI + ["validate", "--format", "json", str(folder)], n)
    _, _, out = run(CLI + ["validate", "--format", "json", str(folder)])
    findings = json.loads(out)["findings"]
    dupes = sum(1 for f in findings if f["code"] == "sub-duplicate")
    record("validate 200 copies of one report", fmt(*t[:3]), "", f"{dupes} duplicate findings, {len(findings)} in all")


# --- reports ------------------------------------------------------------------------------------


PURE = r"""
import datetime as dt, sys
from pathlib import Path
from plan744.readers.files import discover, year_of_folder
from plan744.services.plans import load_plan
from plan744.services.validate import validate_files
from plan744.core.figures.year import year_figures
plan = load_plan(Path(sys.argv[1])).plan
found = discover([sys.argv[2]])
year = int(sys.argv[3])
files = [f for f in found.files if (year_of_folder(f) or 0) <= year]
parsed, _ = validate_files(plan, files, today=dt.date(2026, 11, 27), with_context=False, keep=True)
year_figures(plan, year, [p.submission for p in parsed])
"""


def report_scale(units: list[int], n: int) -> None:
    log("reports")
    for count in units:
        if count <= 48:
            plan, data = ROOT / "data" / "plan.yaml", ROOT / "data" / "reports"
            label = "2022, bundled data (48 units)"
        else:
            folder = WORK / f"r{count}"
            plan, _ = scale.make(folder, count, [2021, 2022])
            data = folder / "reports"
            label = f"2022, {count} units"
        out = WORK / "out"
        args = ["--plan", str(plan), "--data", str(data), "--year", "2022", "--format", "html", "--out", str(out)]
        pure, html, empty = paired([[PY, "-c", PURE, str(plan), str(data), "2022"], CLI + ["report"] + args,
                                    [PY, "-c", EMPTY_REPORT] + args], n)
        record(f"report --format html, {label}", fmt(*html[:3]), f"{fmt(*pure[:3])} (pure work)", f"{html[0] / pure[0]:.2f}×")
        if count <= 48:
            record("a typer command with `report`'s eleven parameters, doing nothing", fmt(*empty[:3]),
                   f"{fmt(*pure[:3])} (pure work)", f"{empty[0] / pure[0]:.2f}× (+{empty[0]:.2f} s of typer)")
        render_floors(plan, data, label, n)


RENDER = r"""
import datetime as dt, io, json, statistics, sys, time
from pathlib import Path
from plan744.readers.files import discover, year_of_folder
from plan744.services.plans import load_plan
from plan744.services.validate import validate_files
from plan744.core.figures.year import year_figures
from plan744.report.compose_common import Issuance
from plan744.report.compose_year import compose_year
from plan744.report.document import Table
from plan744.report.docx import render_docx
from plan744.report.html import render_html
from plan744.report.pdf import font_css, render_document_pdf, restricted_fetcher
from plan744.report.fonts import FONTS_DIR

plan = load_plan(Path(sys.argv[1])).plan
found = discover([sys.argv[2]])
files = [f for f in found.files if (year_of_folder(f) or 0) <= 2022]
parsed, _ = validate_files(plan, files, today=dt.date(2026, 11, 27), with_context=False, keep=True)
fig = year_figures(plan, 2022, [p.submission for p in parsed])
when = dt.datetime(2026, 11, 27, tzinfo=dt.timezone.utc)
doc = compose_year(fig, Issuance(), when)
templates = Path(sys.argv[3])
n = int(sys.argv[4])
tables = [b for b in doc.blocks() if isinstance(b, Table)]

def floor_docx():
    from docx import Document
    d = Document()
    for t in tables:
        table = d.add_table(rows=len(t.rows) + 1, cols=len(t.columns))
        rows = table.rows
        for c, target in zip(t.columns, rows[0].cells):
            target.text = c.header
        for row, target_row in zip(t.rows, rows[1:]):
            for c, target in zip(row.cells, target_row.cells):
                target.text = " ".join(" ".join(r.text for r in line) for line in c.lines)
    d.save(io.BytesIO())

def floor_pdf(html):
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration
    fonts = FontConfiguration()
    fetcher = restricted_fetcher()
    css = CSS(string=font_css(), url_fetcher=fetcher, font_config=fonts)
    HTML(string=html, base_url=FONTS_DIR.as_uri() + "/", url_fetcher=fetcher).write_pdf(stylesheets=[css], font_config=fonts)

def med_pair(name, fn, floor):
    # Taking turns, as paired() does between processes: a slow spell slows both.
    fn(); floor()
    out, low = [], []
    for _ in range(n):
        t = time.perf_counter(); floor(); low.append(time.perf_counter() - t)
        t = time.perf_counter(); fn(); out.append(time.perf_counter() - t)
    stats = lambda xs: (statistics.median(xs), min(xs), max(xs))
    return {name: stats(out), name + "_floor": stats(low)}

html = render_html(doc, templates)
cells = sum(len(t.rows) * len(t.columns) for t in tables)
result = {"tables": len(tables), "cells": cells,
          **med_pair("docx", lambda: render_docx(doc, templates / "report.docx"), floor_docx)}
if sys.argv[5] == "pdf":
    result |= med_pair("pdf", lambda: render_document_pdf(doc, templates, when), lambda: floor_pdf(html))
print(json.dumps(result))
"""


def render_floors(plan: Path, data: Path, label: str, n: int) -> None:
    with_pdf = "bundled" in label
    _, _, out = run([PY, "-c", RENDER, str(plan), str(data), str(ROOT / "templates"), str(max(1, n)),
                     "pdf" if with_pdf else "-"])
    r = json.loads(out)
    record(f"Word draft, {label} ({r['tables']} tables, {_n(r['cells'])} cells)", fmt(*r["docx"]),
           f"{fmt(*r['docx_floor'])} (python-docx, naive)", f"{r['docx'][0] / r['docx_floor'][0]:.2f}×")
    if with_pdf:
        record(f"PDF, {label}", fmt(*r["pdf"]), f"{fmt(*r['pdf_floor'])} (WeasyPrint alone)", f"{r['pdf'][0] / r['pdf_floor'][0]:.2f}×")


def documents(n: int) -> None:
    log("the 2025 report and the close-out")
    for args, label in ((["--year", "2025"], "report 2025 (171 units), PDF"),
                        (["--period", "2021-2025"], "close-out 2021–2025, PDF")):
        out = WORK / "docs"
        t = timed(CLI + ["report", *args, "--format", "pdf", "--out", str(out)], n)
        pdf = next(out.glob("*.pdf")) if len(list(out.glob("*.pdf"))) == 1 else max(out.glob("*.pdf"), key=os.path.getmtime)
        from pypdf import PdfReader

        pages = PdfReader(pdf).pages
        body = next(i for i, p in enumerate(pages, start=1) if "Nơi nhận:" in (p.extract_text() or ""))
        record(label, fmt(*t[:3]), "", f"{len(pages)} pages, body {body}; peak {t[3] / 1024:.0f} MiB")
        for f in out.glob("*"):
            f.unlink()


def rollup(units: int) -> None:
    log(f"roll-up of {units} units")
    folder = WORK / f"r{units}"
    plan, files = scale.make(folder, units, [2021, 2022])
    out = WORK / "rollup"
    t, rss, _ = run(CLI + ["report", "--plan", str(plan), "--data", str(folder / "reports"), "--year", "2022",
                           "--format", "html,pdf", "--out", str(out)])
    from pypdf import PdfReader

    pages = len(PdfReader(out / "bao-cao-2022.pdf").pages)
    record(f"roll-up: {_n(units)} units, HTML + PDF", f"{t:.0f} s", "", f"{pages} pages, peak {rss / 1024:.0f} MiB")


# --- the Excel form -----------------------------------------------------------------------------

FLOOR_XLSX = r"""
import sys, warnings
from pathlib import Path
from openpyxl import load_workbook
warnings.simplefilter("ignore")
n = 0
for p in sorted(Path(sys.argv[1]).rglob("*.xlsx")):
    wb = load_workbook(p, read_only=True, data_only=True)
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            n += len(row)
    wb.close()
print(n)
"""


def xlsx(count: int, n: int) -> None:
    log("Excel forms")
    from plan744.forms.xlsx_form import workbook
    from plan744.services.plans import load_plan
    from plan744.services.validate import parse_submission

    folder = WORK / "xlsx" / "2022"
    if folder.parent.exists():
        shutil.rmtree(folder.parent)
    folder.mkdir(parents=True)
    plan = load_plan(ROOT / "data" / "plan.yaml").plan
    sources = sorted((ROOT / "data" / "reports" / "2022").glob("*.yaml"))
    forms = {}
    for src in sources:
        sf, _ = parse_submission(src, plan)
        forms[src.stem] = workbook(plan, sf.submission.unit, 2022, sf.submission.model_dump())
    for k in range(count):
        stem = sources[k % len(sources)].stem
        (folder / f"{stem}-{k:04d}.xlsx").write_bytes(forms[stem])
    floor, ours = paired([[PY, "-c", FLOOR_XLSX, str(folder.parent)],
                          CLI + ["validate", "--no-context", "--format", "json", str(folder)]], n)
    record(f"validate {_n(count)} filled Excel forms", fmt(*ours[:3]),
           f"{fmt(*floor[:3])} (openpyxl read-only)", f"{ours[0] / floor[0]:.2f}×")


# --- HarfBuzz -----------------------------------------------------------------------------------

HB = r"""
import datetime as dt, statistics, sys, time
import weasyprint.pdf.fonts as wf
from plan744.report.html import render_html
from plan744.report.pdf import render_pdf
from pathlib import Path
html = Path(sys.argv[1]).read_text(encoding="utf-8")
if sys.argv[2] == "off":
    wf.harfbuzz_subset = None  # WeasyPrint then subsets the fonts with fontTools
when = dt.datetime(2026, 11, 27, tzinfo=dt.timezone.utc)
render_pdf(html, when)
out = []
for _ in range(int(sys.argv[3])):
    t = time.perf_counter(); render_pdf(html, when); out.append(time.perf_counter() - t)
print(statistics.median(out))
"""


def harfbuzz(n: int) -> None:
    log("HarfBuzz subsetting")
    out = WORK / "hb"
    run(CLI + ["report", "--year", "2022", "--format", "html", "--out", str(out)])
    html = out / "bao-cao-2022.html"
    from weasyprint.text.ffi import harfbuzz_subset  # type: ignore[attr-defined]

    if harfbuzz_subset is None:
        record("PDF with HarfBuzz's subsetter", "libharfbuzz-subset not installed: not measured")
        return
    on = float(run([PY, "-c", HB, str(html), "on", str(n)])[2])
    off = float(run([PY, "-c", HB, str(html), "off", str(n)])[2])
    record("PDF 2022 with HarfBuzz's subsetter", f"{on:.2f} s", f"{off:.2f} s (fontTools)", f"{on / off:.2f}×")


# --- output -------------------------------------------------------------------------------------


def table() -> str:
    head = (f"Measured {dt.date.today():%d/%m/%Y} on {platform.machine()}, {os.cpu_count()} CPU, Python "
            f"{platform.python_version()}, with `python bench/run.py {' '.join(sys.argv[1:])}`. "
            "Median of the runs (range).")
    if LOAD:
        head += f" Load average (1, 5, 15 min) at the start: {LOAD[0]}; at the end: {LOAD[-1]}."
    if PEER_VENV.exists():
        head += f" Peer: {peer_versions()}."
    lines = [head, "", "| measure | value | floor | ratio / note |", "|---|---|---|---|"]
    lines += [f"| {m} | {v} | {f} | {r} |" for m, v, f, r in RESULTS]
    if GOALS:
        lines += ["", "| goal (issue 29) | measured | target | |", "|---|---|---|---|"]
        lines += [f"| {g} | {m} | {t} | {'met' if ok else '**not met**'} |" for g, m, t, ok in GOALS]
    return "\n".join(lines)


def write(text: str) -> None:
    for path in (ROOT / "bench" / "README.md", ROOT / "README.md"):
        content = path.read_text(encoding="utf-8")
        new, count = re.subn(r"(<!-- bench:results -->\n).*?(\n<!-- /bench:results -->)",
                             lambda m: m.group(1) + text + m.group(2), content, flags=re.S)
        if count:
            path.write_text(new, encoding="utf-8")
            log(f"wrote {path.relative_to(ROOT)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="smaller sizes, fewer runs")
    ap.add_argument("--big", action="store_true", help="also validate 100,000 files")
    ap.add_argument("--write", action="store_true", help="write the results into bench/README.md and README.md")
    ap.add_argument("--only", metavar="MEASURE[,MEASURE…]",
                    help="some measures: " + ", ".join(MEASURES) + " (never with --write)")
    args = ap.parse_args()
    only = set(args.only.split(",")) if args.only else set()
    if only and (not only <= set(MEASURES) or args.write):
        ap.error(f"--only takes some of {', '.join(MEASURES)}, without --write")
    n = 3 if args.quick else 5
    WORK.mkdir(parents=True, exist_ok=True)
    steps = {
        "startup": lambda: startup(10 if args.quick else 20),
        "validate": lambda: validate_scale([1000] if args.quick else [1000, 10000, 20000] + ([100000] if args.big else []),
                                           1 if args.quick else 3),
        "context": lambda: context_cache([1000] if args.quick else [1000, 10000], 3 if args.quick else 5),
        "copies": lambda: copies(n),
        "report": lambda: report_scale([48] if args.quick else [48, 548], 1 if args.quick else 5),
        "documents": lambda: documents(1),
        "rollup": lambda: rollup(548 if args.quick else 3000),
        "xlsx": lambda: xlsx(100 if args.quick else 1000, 1 if args.quick else 3),
        "harfbuzz": lambda: harfbuzz(3),
    }
    assert list(steps) == list(MEASURES)
    LOAD.append(load_average())
    for name, step in steps.items():
        if not only or name in only:
            step()
    LOAD.append(load_average())
    text = table()
    print(text)
    if args.write:
        write(text)


MEASURES = ("startup", "validate", "context", "copies", "report", "documents", "rollup", "xlsx", "harfbuzz")


if __name__ == "__main__":
    main()
