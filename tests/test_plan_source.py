"""data/plan.yaml against the text of Kế hoạch 744/KH-UBND.

The plan's full text (an extraction of the signed document) lives outside the repository, in
`shared/seeds/000_db03925d78858a60.txt` beside the checkout; `PLAN744_SEED` points elsewhere.
Every check here parses that text and compares it with the data: nothing expected is copied
from plan.yaml into this file.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest

from plan744.core.plan import Plan
from plan744.services.plans import load_plan as plan744_load_plan

REPO = Path(__file__).resolve().parents[1]
PLAN_FILE = REPO / "data" / "plan.yaml"
DEFAULT_SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_db03925d78858a60.txt"


def load_plan() -> Plan:
    """plan.yaml through the project's own strict loader: the file must pass it cleanly."""
    loaded = plan744_load_plan(PLAN_FILE, checks=False)
    assert loaded.plan is not None, [f.message for f in loaded.findings]
    return loaded.plan


# Page-break artefacts of the text extraction, not words of the plan: (as in the seed, as in plan.yaml).
# Phần thứ hai IV.4: a page ends with "đăng ký doanh" and the next begins "ng nghiệp".
EXTRACTION_ARTIFACTS = [("doanh\n\nng nghiệp", "doanh\n\nnghiệp")]


def seed_path() -> Path:
    env = os.environ.get("PLAN744_SEED")
    return Path(env) if env else DEFAULT_SEED


@lru_cache(maxsize=1)
def _raw_seed() -> str:
    return unicodedata.normalize("NFC", seed_path().read_text(encoding="utf-8"))


def norm(text: str) -> str:
    """Whitespace-normalised: runs of spaces, tabs and newlines (page breaks) become one space."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def raw() -> str:
    path = seed_path()
    if not path.is_file():
        pytest.skip(f"plan text not found at {path} (check out shared/ beside the repository or set PLAN744_SEED)")
    return _raw_seed()


@pytest.fixture(scope="module")
def text(raw: str) -> str:
    """The seed with the known extraction artefacts undone."""
    for found, fixed in EXTRACTION_ARTIFACTS:
        raw = raw.replace(found, fixed)
    return raw


@pytest.fixture(scope="module")
def flat(text: str) -> str:
    return norm(text)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan()


# ---------------------------------------------------------------- parsing helpers

VN_INT = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})*")


def vn_int(s: str) -> int:
    """Vietnamese integer notation: "31.690" -> 31690, "200" -> 200."""
    s = s.strip()
    assert VN_INT.fullmatch(s), f"not a Vietnamese-grouped integer: {s!r}"
    return int(s.replace(".", ""))


def vn_grouped(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def between(text: str, start: str, end: str) -> str:
    i = text.index(start)
    j = text.index(end, i + len(start))
    return text[i + len(start) : j]


def part_two(text: str) -> str:
    return text[text.index("\nPhần thứ hai\n") :]


def appendix_rows(text: str) -> tuple[list[list[str]], str]:
    """Rows of the Phụ lục table (tab-separated, starting with their TT) and the printed TỔNG cell."""
    body = text[text.index("\nPHỤ LỤC\n") :]
    lines = body.splitlines()
    assert any(line.startswith("TT\tTên nhiệm vụ") for line in lines), "no appendix header line"
    rows, total, in_table = [], None, False
    for line in lines:
        if line.startswith("TT\tTên nhiệm vụ"):
            in_table = True
            continue
        if not in_table:
            continue
        if re.match(r"^[0-9]+\t", line):
            rows.append([cell.strip() for cell in line.split("\t")])
        elif line.startswith("TỔNG"):
            total = [c for c in line.split("\t") if c.strip()][-1].strip()
            break
    assert total is not None, "no TỔNG row"
    return rows, total


def bullets(block: str) -> list[str]:
    """The "- " items of a section; paragraphs continued across a page break are joined."""
    items: list[str] = []
    for para in re.split(r"\n\s*\n", block.strip()):
        para = para.strip()
        if para.startswith("- "):
            items.append(para[2:])
        elif items and para and not re.match(r"^[0-9]+\. ", para):
            items[-1] += " " + para  # page break inside a bullet
    return [norm(b) for b in items]


def numbered_sections(block: str, prefix: str) -> dict[str, str]:
    """Split "1. Title ... 2. Title ..." into {"IV.1": body, "IV.2": body, ...}."""
    parts = re.split(r"\n([0-9])\. [^\n]*\n", "\n" + block)
    return {f"{prefix}.{parts[k]}": parts[k + 1] for k in range(1, len(parts), 2)}


def qualitative_sections(text: str) -> dict[str, str]:
    p2 = part_two(text)
    targets = between(p2, "III. MỤC TIÊU CỤ THỂ", "IV. NHIỆM VỤ")
    secs = numbered_sections(targets, "III")
    secs.update(numbered_sections(between(p2, "IV. NHIỆM VỤ", "V. GIẢI PHÁP"), "IV"))
    secs.update(numbered_sections(between(p2, "V. GIẢI PHÁP", "VI. LỘ TRÌNH"), "V"))
    return secs


PERCENT = re.compile(r"([0-9]+(?:,[0-9]+)?)(?:\s*-\s*([0-9]+(?:,[0-9]+)?))?\s*%")


def percents(block: str) -> list[Decimal]:
    out = []
    for m in PERCENT.finditer(block):
        out += [Decimal(g.replace(",", ".")) for g in m.groups() if g is not None]
    return out


NUMBER_TOKEN = re.compile(r"(?<![0-9.,])[0-9]+(?:[.,][0-9]+)*")


def numbers_in(quote: str) -> set[Decimal]:
    """Every number written in the quote, read the Vietnamese way ("1.882" = 1882, "1,22" = 1.22).

    The plan mostly groups thousands with "." but not everywhere ("1480", "2918", "3000" in Phần I, V.3),
    so an ungrouped integer counts too.
    """
    found: set[Decimal] = set()
    for tok in NUMBER_TOKEN.findall(quote):
        tok = tok.rstrip(".,")
        if VN_INT.fullmatch(tok) or tok.isdigit():
            found.add(Decimal(tok.replace(".", "")))
        elif re.fullmatch(r"[0-9]+(?:\.[0-9]{3})*,[0-9]+", tok):
            found.add(Decimal(tok.replace(".", "").replace(",", ".")))
    return found


# ---------------------------------------------------------------- the seed itself


def test_extraction_artifacts_are_present(raw: str) -> None:
    for found, _ in EXTRACTION_ARTIFACTS:
        assert found in raw, f"artefact {found!r} no longer in the seed: drop it from EXTRACTION_ARTIFACTS"


# ---------------------------------------------------------------- appendix


def test_appendix_rows_match_text(text: str, plan: Plan) -> None:
    rows, _ = appendix_rows(text)
    assert len(rows) == 28
    assert all(len(r) == 8 for r in rows), [r[0] for r in rows if len(r) != 8]
    assert [int(r[0]) for r in rows] == list(range(1, len(rows) + 1))
    assert [a.tt for a in plan.appendix] == [int(r[0]) for r in rows]
    for row, task in zip(rows, plan.appendix, strict=True):
        tt, name, lead, status, goal, timeframe, cost, funding = row
        where = f"Phụ lục TT {tt}"
        assert norm(task.name) == norm(name), where
        assert norm(task.lead_text) == norm(lead), where
        assert norm(task.status_text) == norm(status), where
        assert norm(task.goal) == norm(goal), where
        assert norm(task.timeframe_text) == norm(timeframe), where
        assert task.cost == vn_int(cost), where
        assert norm(task.funding_text) == norm(funding), where


def test_appendix_timeframes_agree_with_text(plan: Plan) -> None:
    for task in plan.appendix:
        m = re.fullmatch(r"([0-9]{4})(?:\s*-\s*([0-9]{4}))?", task.timeframe_text)
        assert m, task.timeframe_text
        start, end = int(m.group(1)), int(m.group(2) or m.group(1))
        assert (task.timeframe.start, task.timeframe.end) == (start, end), f"TT {task.tt}"


def test_appendix_continuing_agrees_with_status(plan: Plan) -> None:
    for task in plan.appendix:
        assert task.continuing == ("chuyển tiếp" in task.status_text), f"TT {task.tt}"
        assert task.continuing or "mới" in task.status_text, f"TT {task.tt}"


def test_appendix_printed_total_is_sum_of_rows(text: str, plan: Plan) -> None:
    _, total = appendix_rows(text)
    assert plan.appendix_total == vn_int(total)


def test_appendix_lead_resolves_through_aliases(plan: Plan) -> None:
    holders = [(u.code, u.aliases) for u in plan.units] + [(g.code, g.aliases) for g in plan.organisation.groups]
    for task in plan.appendix:
        owners = [code for code, aliases in holders if task.lead_text in aliases]
        assert owners == [task.lead], f"TT {task.tt}: “{task.lead_text}” -> {owners}, expected {task.lead}"


# ---------------------------------------------------------------- indicators and targets


def test_target_numbers_are_the_plans_percentages(text: str, plan: Plan) -> None:
    p2 = part_two(text)
    block = between(p2, "III. MỤC TIÊU CỤ THỂ", "IV. NHIỆM VỤ")
    block += "\n" + between(p2, "4. Thu hút nguồn lực CNTT", "5. Giải pháp tổ chức, triển khai")
    in_text = Counter(percents(block))
    in_data = Counter(
        v for ind in plan.indicators for t in ind.targets for v in (t.value, t.stretch) if v is not None
    )
    assert in_data == in_text


def test_indicator_text_and_wording_are_verbatim(flat: str, plan: Plan) -> None:
    for ind in plan.indicators:
        assert norm(ind.text) in flat, ind.id
        for t in ind.targets:
            assert norm(t.wording) in norm(ind.text), f"{ind.id}: {t.wording}"


# ---------------------------------------------------------------- baselines


def test_baseline_quotes_and_figures(flat: str, plan: Plan) -> None:
    assert plan.baselines
    for b in plan.baselines:
        quote = norm(b.quote)
        assert quote in flat, b.id
        written = numbers_in(quote)
        for key, fig in b.figures.items():
            value = fig.value
            if value == value.to_integral_value():
                n = int(value)
                grouped = re.search(rf"(?<![0-9.,]){re.escape(vn_grouped(n))}(?![0-9]|[.,][0-9])", quote)
                assert grouped or value in written, f"{b.id}.{key}: {vn_grouped(n)} not in quote"
            else:
                assert value in written, f"{b.id}.{key}: {value} not in quote"


# ---------------------------------------------------------------- tasks


def test_task_texts_are_verbatim(flat: str, plan: Plan) -> None:
    for task in plan.tasks:
        assert norm(task.text) in flat, task.id


def test_tasks_cover_every_bullet(text: str, plan: Plan) -> None:
    secs = qualitative_sections(text)
    wanted = {k: bullets(v) for k, v in secs.items() if k == "III.3" or k.startswith(("IV.", "V."))}
    assert len([k for k in wanted if k.startswith("IV.")]) == 7
    assert len([k for k in wanted if k.startswith("V.")]) == 5
    # III.1: only its last bullet (no figure) is a task; the others are indicators.
    iii1 = bullets(secs["III.1"])
    wanted_tasks = {f"III.1.{len(iii1)}": iii1[-1]}
    for sec, items in wanted.items():
        for i, item in enumerate(items, 1):
            wanted_tasks[f"{sec}.{i}"] = item
    assert {t.id for t in plan.tasks} == set(wanted_tasks)
    for task in plan.tasks:
        assert norm(task.text) == wanted_tasks[task.id], task.id
        assert task.section == "Phần thứ hai, " + task.id.rsplit(".", 1)[0], task.id


# ---------------------------------------------------------------- budget and document


def test_stated_total_in_text(flat: str, plan: Plan) -> None:
    b = plan.budget
    assert b.stated_total_text in flat
    assert f"({b.stated_total_words})" in flat
    amount = re.match(r"[0-9.]+", b.stated_total_text)
    assert amount and vn_int(amount.group(0)) == b.stated_total_vnd
    assert f"Đơn vị tính: {b.appendix_unit}" in flat


def printed_dates(flat: str, ref: str) -> set[tuple[int, int, int]]:
    """Dates printed right after a document number anywhere in the text ("số 85/2016/NĐ-CP ngày 01/7/2016")."""
    pattern = rf"(?<![0-9]){re.escape(ref)}\s+(?:của [^.;]{{0,40}}?)?ngày ([0-9]{{1,2}})/([0-9]{{1,2}})/([0-9]{{4}})"
    return {(int(y), int(m), int(d)) for d, m, y in re.findall(pattern, flat)}


def test_cited_documents_in_text(flat: str, plan: Plan) -> None:
    doc = plan.document
    recorded: dict[str, set[tuple[int, int, int]]] = {}
    for ref in [*doc.implements, *doc.bases, *doc.citations]:
        recorded.setdefault(ref.ref, set()).add((ref.date.year, ref.date.month, ref.date.day))
        if ref.title:
            assert norm(ref.title) in flat, f"{ref.ref}: title"
    for number, dates in recorded.items():
        # every date the text prints for that number is recorded, and no other
        # (Nghị định 85/2016/NĐ-CP: two different dates in the text, both kept as printed)
        assert dates == printed_dates(flat, number), number


def test_cross_references_and_recipients_in_text(flat: str, plan: Plan) -> None:
    for xref in plan.document.cross_references:
        assert norm(xref.text) in flat, xref.where
    for who in plan.document.recipients:
        assert f"- {who}" in flat, who
    assert norm(plan.document.title) in flat
    assert plan.document.signer.name in flat
