"""Benchmark: `plan744 validate` against bare PyYAML parsing (the floor) and check-jsonschema (the peer).

Run on demand from the repository root; it prints figures and asserts nothing:

    python bench/bench_validate.py                       # N = 100, 1000, 10000
    python bench/bench_validate.py --sizes 100 1000 --repeat 3
    python bench/bench_validate.py --profile             # also cProfile the largest N

For each N it generates N realistic submissions under bench/_work/N/ (git-ignored) with the
sample-data generator (scripts/make_sample_data.py), then times, each as a fresh process:
  floor     one Python process that reads every file and runs yaml.load(..., Loader=CSafeLoader)
  validate  `plan744 validate bench/_work/N --no-context --format json`, and with context
  peer      `check-jsonschema --schemafile <plan744 schema --generic> files...` in batches,
            from its own venv (bench/_work/venv-peer, with ruamel.yaml.clib for its C parser)
and records each child's peak RSS (ru_maxrss from wait4). It also measures the start-up of
`plan744 validate <one file>` (median of 10) and whether WeasyPrint gets imported by it.

More than 48 units x 5 years = 240 distinct (unit, year) pairs need more units than the plan
has: for N > 240 a copy of data/plan.yaml with cloned units is written to bench/_work/plans/
and passed with --plan, so every file stays valid and no (unit, year) repeats.

Targets (issue: validate speed): validate <= 2x floor at 10 000 files; >= 4x faster than the
peer (validate/peer <= 0.25); single-file start-up well under 0.5 s; memory flat in N.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.util
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / "_work"
PEER_VENV = WORK / "venv-peer"
PEER_PACKAGES = ["check-jsonschema", "ruamel.yaml.clib"]
BATCH_CHARS = 100_000  # keep each peer command line far below ARG_MAX
# The peer's fastest set-up: its C YAML parser (ruamel.yaml.clib), many files per process, and no
# "format" checks (plan744 does check dates, so this only flatters the peer).
PEER_FLAGS = ["--disable-formats", "*"]
TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None

FLOOR = r"""
import json, os, sys, time
t0 = time.perf_counter()
import yaml
paths = []
for root, dirs, files in os.walk(sys.argv[1]):
    dirs.sort()
    paths += [os.path.join(root, f) for f in sorted(files) if f.endswith(".yaml")]
t1 = time.perf_counter()
for p in paths:
    with open(p, "rb") as fh:
        yaml.load(fh.read().decode("utf-8"), Loader=yaml.CSafeLoader)
t2 = time.perf_counter()
print(json.dumps({"files": len(paths), "import_s": t1 - t0, "parse_s": t2 - t1}))
"""

PEER_PARSER = r"""
import check_jsonschema, importlib.metadata as md
from check_jsonschema.parsers import yaml as y
impl = getattr(y, "_data_path_yaml_impl", None) or y.construct_yaml_implementation()
print(f"check-jsonschema {md.version('check-jsonschema')}, ruamel.yaml {md.version('ruamel.yaml')}, "
      f"parser {impl.Parser.__module__}.{impl.Parser.__name__}")
"""


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def load_generator():
    spec = importlib.util.spec_from_file_location("make_sample_data", ROOT / "scripts" / "make_sample_data.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules["make_sample_data"] = mod
    spec.loader.exec_module(mod)
    return mod


def env_for_plan744() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("GITHUB_ACTIONS", None)
    return env


# --- generating the files ---------------------------------------------------------------------

def years_usable(plan) -> list[int]:
    """Plan years whose reporting deadline is past (a later date would be 'in the future')."""
    today = dt.date.today()
    return [y for y in plan.period.years if plan.reporting.deadline_for(y) < today]


def generate(gen_mod, n: int) -> tuple[Path, Path]:
    """bench/_work/<n>/<year>/<UNIT>.yaml (n files) and the plan they belong to."""
    plan_path = ROOT / "data" / "plan.yaml"
    plan = gen_mod.load_plan(plan_path)
    years = years_usable(plan)
    units_needed = math.ceil(n / len(years))
    copies = max(0, math.ceil(units_needed / len(plan.registry.units)) - 1)
    out = WORK / str(n)
    stamp = WORK / f"{n}.stamp"
    digest = hashlib.sha256((ROOT / "scripts" / "make_sample_data.py").read_bytes()
                            + plan_path.read_bytes() + repr((n, years, copies)).encode()).hexdigest()
    if copies:
        plan_path_n = WORK / "plans" / f"plan-{n}.yaml"
    else:
        plan_path_n = plan_path
    if stamp.is_file() and stamp.read_text() == digest and out.is_dir():
        return out, plan_path_n
    log(f"generating {n} files under {out.relative_to(ROOT)} ...")
    t0 = time.perf_counter()
    clones: dict[str, str] = {}
    if copies:
        text, clones = gen_mod.bench_plan_text(plan_path.read_text(encoding="utf-8"), plan, copies)
        plan_path_n.parent.mkdir(parents=True, exist_ok=True)
        plan_path_n.write_text(text, encoding="utf-8")
        plan = gen_mod.load_plan(plan_path_n)
    gen = gen_mod.SampleGenerator(plan, imperfections=False, clones=clones)
    if out.exists():
        shutil.rmtree(out)
    schema = ROOT / "schema" / "submission.schema.json"
    count = 0
    for unit in plan.expected_units():
        for year in years:
            if count == n:
                break
            folder = out / str(year)
            folder.mkdir(parents=True, exist_ok=True)
            ref = Path(os.path.relpath(schema, folder)).as_posix()
            (folder / f"{unit.code}.yaml").write_bytes(gen.submission_text(unit.code, year, ref).encode("utf-8"))
            count += 1
        if count == n:
            break
    stamp.write_text(digest)
    log(f"  {count} files in {time.perf_counter() - t0:.1f} s")
    return out, plan_path_n


def yaml_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.yaml"))


# --- running children -------------------------------------------------------------------------

def run(cmd: list[str], *, env: dict[str, str] | None = None, cwd: Path = ROOT) -> tuple[float, int, float, str, str]:
    """(wall seconds, exit code, peak RSS MB of this child, stdout, stderr).

    The peak RSS comes from /usr/bin/time -f %M when it exists: ru_maxrss of a child forked
    from this (large) process would count the pages it shared with us before exec. Without
    /usr/bin/time, wait4's ru_maxrss is used (an upper bound).
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r", suffix=".rss") as rss_file:
        full = [TIME, "-f", "%M", "-o", rss_file.name, *cmd] if TIME else cmd
        start = time.perf_counter()
        proc = subprocess.Popen(full, stdout=out, stderr=err, env=env, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        rss = usage.ru_maxrss / 1024
        if TIME:
            lines = [x for x in rss_file.read().split() if x.isdigit()]
            rss = int(lines[-1]) / 1024 if lines else float("nan")
        out.seek(0)
        err.seek(0)
        return (wall, proc.returncode, rss, out.read().decode("utf-8", "replace"),
                err.read().decode("utf-8", "replace"))


def best(runs: list[tuple]) -> tuple:
    return min(runs, key=lambda r: r[0])


def ensure_peer() -> Path | None:
    py = PEER_VENV / "bin" / "python"
    exe = PEER_VENV / "bin" / "check-jsonschema"
    if exe.is_file():
        return exe
    log(f"creating {PEER_VENV.relative_to(ROOT)} and installing {' '.join(PEER_PACKAGES)} ...")
    try:
        subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", *PEER_PACKAGES], check=True)
    except subprocess.CalledProcessError as exc:
        log(f"  could not set up the peer ({exc}); peer column left empty")
        return None
    return exe if exe.is_file() else None


def peer_parser() -> str:
    py = PEER_VENV / "bin" / "python"
    proc = subprocess.run([str(py), "-c", PEER_PARSER], capture_output=True, text=True)
    return proc.stdout.strip() or f"(could not tell: {proc.stderr.strip()[-200:]})"


def batches(paths: list[Path]) -> list[list[str]]:
    out, cur, size = [], [], 0
    for p in paths:
        s = str(p.relative_to(ROOT))
        if cur and size + len(s) + 1 > BATCH_CHARS:
            out.append(cur)
            cur, size = [], 0
        cur.append(s)
        size += len(s) + 1
    if cur:
        out.append(cur)
    return out


def run_peer(exe: Path, schema: Path, paths: list[Path]) -> tuple[float, int, float, int, str]:
    """Total wall time over batches, worst exit code, max RSS, number of batches, last output line."""
    wall, rc, rss, last = 0.0, 0, 0.0, ""
    groups = batches(paths)
    for group in groups:
        w, code, r, out, err = run([str(exe), *PEER_FLAGS, "--schemafile", str(schema.relative_to(ROOT)), *group])
        wall += w
        rc = max(rc, code)
        rss = max(rss, r)
        last = (out.strip().splitlines() or err.strip().splitlines() or [""])[-1]
    return wall, rc, rss, len(groups), last


def summary_of(json_text: str) -> str:
    try:
        data = json.loads(json_text)
    except json.JSONDecodeError:
        return "unparseable output"
    findings = data.get("findings", [])
    errors = sum(1 for f in findings if f.get("severity") == "error")
    return f"{data.get('files_checked', '?')} files, {errors} errors, {len(findings) - errors} warnings"


# --- measurements -----------------------------------------------------------------------------

def startup(single: Path, plan: Path, runs: int = 10) -> tuple[float, list[float]]:
    env = env_for_plan744()
    cmd = [sys.executable, "-m", "plan744", "validate", str(single), "--plan", str(plan)]
    times = [run(cmd, env=env)[0] for _ in range(runs)]
    return statistics.median(times), times


def import_report(single: Path, plan: Path) -> tuple[bool, list[tuple[int, str]], int]:
    """(weasyprint imported?, top cumulative imports [(us, name)], number of modules imported)."""
    env = env_for_plan744()
    _, _, _, _, err = run([sys.executable, "-X", "importtime", "-m", "plan744", "validate", str(single),
                           "--plan", str(plan)], env=env)
    rows = []
    for line in err.splitlines():
        if not line.startswith("import time:") or "|" not in line or "self [us]" in line:
            continue
        _, cumulative, name = (part.strip() for part in line.split(":", 1)[1].split("|"))
        rows.append((int(cumulative), name))
    weasy = any(name.split(".")[0] == "weasyprint" for _, name in rows)
    top = sorted(((us, name) for us, name in rows if not name.startswith(" ") and "." not in name),
                 reverse=True)[:8]
    return weasy, top, len(rows)


def profile(folder: Path, plan: Path, out: Path, context: bool) -> str:
    env = env_for_plan744()
    cmd = [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "plan744", "validate", str(folder),
           "--plan", str(plan), "--format", "json"] + ([] if context else ["--no-context"])
    run(cmd, env=env)
    import io
    import pstats

    buf = io.StringIO()
    stats = pstats.Stats(str(out), stream=buf)
    stats.sort_stats("cumulative").print_stats(25)
    stats.sort_stats("tottime").print_stats(20)
    return buf.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    ap.add_argument("--repeat", type=int, default=1, help="runs per measurement; the best is kept")
    ap.add_argument("--no-peer", action="store_true", help="skip check-jsonschema")
    ap.add_argument("--profile", action="store_true", help="cProfile validate on the largest N and print the top")
    args = ap.parse_args()

    WORK.mkdir(parents=True, exist_ok=True)
    gen_mod = load_generator()
    env = env_for_plan744()
    schema = WORK / "submission.generic.schema.json"
    subprocess.run([sys.executable, "-m", "plan744", "schema", "--generic", "--out", str(schema)],
                   check=True, env=env, cwd=ROOT, capture_output=True)
    peer = None if args.no_peer else ensure_peer()
    peer_note = peer_parser() if peer else "not run"

    rows = []
    for n in args.sizes:
        folder, plan = generate(gen_mod, n)
        paths = yaml_files(folder)
        log(f"N={n}: timing ...")
        floor = best([run([sys.executable, "-c", FLOOR, str(folder)]) for _ in range(args.repeat)])
        floor_info = json.loads(floor[3])
        base = [sys.executable, "-m", "plan744", "validate", str(folder.relative_to(ROOT)), "--plan", str(plan),
                "--format", "json"]
        nc = best([run(base + ["--no-context"], env=env) for _ in range(args.repeat)])
        wc = best([run(base, env=env) for _ in range(args.repeat)])
        pr = best([run_peer(peer, schema, paths) for _ in range(args.repeat)]) if peer else None
        rows.append({
            "n": n, "files": len(paths), "floor": floor[0], "floor_rss": floor[2], "floor_parse": floor_info["parse_s"],
            "nc": nc[0], "nc_rss": nc[2], "nc_rc": nc[1], "nc_sum": summary_of(nc[3]),
            "wc": wc[0], "wc_rss": wc[2], "wc_rc": wc[1], "wc_sum": summary_of(wc[3]),
            "peer": pr[0] if pr else None, "peer_rss": pr[2] if pr else None, "peer_rc": pr[1] if pr else None,
            "peer_batches": pr[3] if pr else 0, "peer_last": pr[4] if pr else "",
        })

    # Start-up: one file alone in its data folder (so no context files), as a unit would run it.
    single_dir = WORK / "single" / "2022"
    single_dir.mkdir(parents=True, exist_ok=True)
    single = single_dir / "STTTT.yaml"
    plan_main = ROOT / "data" / "plan.yaml"
    gen = gen_mod.SampleGenerator(gen_mod.load_plan(plan_main), imperfections=False)
    single.write_bytes(gen.submission_text("STTTT", 2022, "../../../../schema/submission.schema.json").encode("utf-8"))
    med, times = startup(single, plan_main)
    bare = statistics.median(run([sys.executable, "-c", "pass"])[0] for _ in range(5))
    in_reports = ROOT / "data" / "reports" / "2022" / "STTTT.yaml"
    med_ctx = statistics.median(startup(in_reports, plan_main, runs=5)[1]) if in_reports.is_file() else None
    weasy, top, modules = import_report(single, plan_main)

    print()
    print(f"Python {sys.version.split()[0]} ({sys.executable}); CPU count {os.cpu_count()}; "
          f"best of {args.repeat} run(s); wall-clock seconds of fresh processes")
    print(f"peer: {peer_note}; flags {' '.join(PEER_FLAGS)}; files passed in batches of <= {BATCH_CHARS // 1000} kB of arguments")
    print(f"peak RSS: {'/usr/bin/time -f %M' if TIME else 'wait4 ru_maxrss (upper bound)'}")
    print()
    header = (f"{'N':>6} | {'floor s':>8} | {'validate s (x floor)':>21} | {'+context s (x floor)':>21} | "
              f"{'peer s (validate/peer)':>23} | {'peak RSS MB val / +ctx / floor / peer':>38}")
    print(header)
    print("-" * len(header))
    for r in rows:
        peer_cell = f"{r['peer']:8.2f} ({r['nc'] / r['peer']:.2f})" if r["peer"] else f"{'-':>8}"
        peer_rss = f"{r['peer_rss']:.0f}" if r["peer_rss"] else "-"
        print(f"{r['n']:>6} | {r['floor']:8.2f} | {r['nc']:8.2f} ({r['nc'] / r['floor']:4.1f}x)        | "
              f"{r['wc']:8.2f} ({r['wc'] / r['floor']:4.1f}x)        | {peer_cell:>23} | "
              f"{r['nc_rss']:6.0f} / {r['wc_rss']:4.0f} / {r['floor_rss']:4.0f} / {peer_rss:>4}")
    print()
    for r in rows:
        print(f"N={r['n']}: floor parse-only {r['floor_parse']:.2f} s; validate --no-context exit {r['nc_rc']} "
              f"({r['nc_sum']}); with context exit {r['wc_rc']} ({r['wc_sum']})"
              + (f"; peer exit {r['peer_rc']} in {r['peer_batches']} batch(es): {r['peer_last'][:90]}" if r["peer"] else ""))
    print()
    print(f"single-file start-up (plan744 validate <one file>, alone in its folder): median {med:.3f} s of 10 "
          f"(min {min(times):.3f}, max {max(times):.3f}); bare `python -c pass` {bare:.3f} s")
    if med_ctx is not None:
        print(f"single file inside data/reports (reads the other reports as context): median {med_ctx:.3f} s of 5")
    print(f"weasyprint imported during validate: {'YES' if weasy else 'no'} ({modules} modules imported)")
    print("largest top-level imports (cumulative ms): " + ", ".join(f"{name} {us / 1000:.0f}" for us, name in top))

    if args.profile and rows:
        n = max(args.sizes)
        folder, plan = WORK / str(n), generate(gen_mod, n)[1]
        for context in (False, True):
            print(f"\n=== cProfile: plan744 validate bench/_work/{n} {'(context)' if context else '--no-context'} ===")
            print(profile(folder, plan, WORK / f"profile-{n}-{'ctx' if context else 'noctx'}.pstats", context))


if __name__ == "__main__":
    main()
