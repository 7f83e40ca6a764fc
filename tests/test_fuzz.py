"""A seeded mutation run over the whole path a unit's file takes: read, model, checks, figures,
and the documents (HTML, Word draft, data; a few PDFs). Whatever a mutant holds, plan744 either
refuses it with findings or makes the documents: no exception escapes (no "Lỗi nội bộ"), nothing
hangs. The seed is fixed, so a failure here is reproducible with the mutant it prints.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
from pathlib import Path

import pytest

from plan744.report.compose_common import Issuance
from plan744.services.report import ReportRequest, build

from conftest import MINI_PLAN, REPO

SEED = 744
MUTANTS = 160
BASIC = REPO / "tests" / "cases" / "valid" / "basic" / "reports"
TEMPLATES = REPO / "templates"

HOSTILE = ["\x00", "\x01", "\x1b[2J", "\ufffe", "\uffff", "\u0085", "\u2028", "\u2029", "\u202e", "\x1c", "\t", "\r",
           ":", "- ", "{", "}", "[", "]", "&a", "*a", "!!str ", "---", "...", "%", "@", "`", "'", '"', "#", "|", ">",
           "9" * 40, "-1", "1e309", ".nan", "0x1F", "1_000", "1.500,5", "92,5%", "2023-02-30", "=cmd|' /C calc'!A0",
           "<script>alert(1)</script>", "ư" * 500, "https://x.invalid/" + "a" * 300, "~", "null", "true", "1.0e5"]


TEXT_KEYS = ("highlights", "shortcomings", "proposals", "progress", "account", "name", "position")


def _hostile_text(text: str, rnd: random.Random) -> str:
    """Hostile free text in a well-formed file: what reaches the renderers."""
    lines = text.split("\n")
    targets = [i for i, line in enumerate(lines) if line.strip().split(":", 1)[0] in TEXT_KEYS and ": " in line]
    for i in rnd.sample(targets, k=min(len(targets), rnd.randint(1, 3))):
        key = lines[i].split(":", 1)[0]
        value = "".join(rnd.choice(HOSTILE) for _ in range(rnd.randint(1, 6)))
        lines[i] = f"{key}: {json.dumps(value, ensure_ascii=rnd.random() < 0.5)}"
    return "\n".join(lines)


def _mutate(text: str, rnd: random.Random) -> str:
    lines = text.split("\n")
    for _ in range(rnd.randint(1, 3)):
        op = rnd.randrange(6)
        i = rnd.randrange(len(lines))
        if op == 0:  # insert something hostile inside a line
            j = rnd.randint(0, len(lines[i]))
            lines[i] = lines[i][:j] + rnd.choice(HOSTILE) + lines[i][j:]
        elif op == 1:  # replace a value
            if ":" in lines[i]:
                key = lines[i].split(":", 1)[0]
                lines[i] = f"{key}: {rnd.choice(HOSTILE)}"
        elif op == 2:
            del lines[i]
        elif op == 3:
            lines.insert(i, lines[rnd.randrange(len(lines))])
        elif op == 4:
            lines[i] = " " * rnd.randint(0, 6) + lines[i].lstrip()
        else:
            j = rnd.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


def test_mutants_are_refused_or_reported_never_a_crash(tmp_path: Path) -> None:
    rnd = random.Random(SEED)
    source = (BASIC / "2022" / "S1.yaml").read_text(encoding="utf-8")
    rendered = refused = 0
    for n in range(MUTANTS):
        data = tmp_path / f"m{n}"
        shutil.copytree(BASIC, data)
        mutant = _hostile_text(source, rnd) if n % 2 else _mutate(source, rnd)
        (data / "2022" / "S1.yaml").write_text(mutant, encoding="utf-8", errors="surrogatepass")
        formats = ("html", "docx", "json", "csv", "xlsx") + (("pdf",) if rendered < 3 else ())
        req = ReportRequest(plan_path=MINI_PLAN, data_dir=data, templates=TEMPLATES, formats=formats, year=2022,
                            issuance=Issuance(), today=dt.date(2024, 6, 30),
                            generated=dt.datetime(2024, 6, 30, tzinfo=dt.UTC))
        try:
            outcome = build(req)
        except Exception as exc:
            pytest.fail(f"mutant {n} raised {type(exc).__name__}: {exc}\n---\n{mutant}")
        if outcome.ok:
            rendered += 1
            assert {name.rsplit(".", 1)[-1] for name in outcome.outputs} >= {"html", "docx", "json", "xlsx"}
        else:
            refused += 1
            assert outcome.findings, f"mutant {n} refused without a finding"
            assert all(f.message and f.file for f in outcome.findings)
        shutil.rmtree(data)
    # the run means something only if it reached both ends
    print(f"{MUTANTS} mutants: {rendered} made the documents, {refused} refused with findings")
    assert rendered >= 10 and refused >= 10, (rendered, refused)
