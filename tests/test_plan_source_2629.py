"""data/plans/qd-2629-2025.yaml against the text of Quyết định 2629/QĐ-TTg (Chương trình phát
triển Chính phủ số), and the illustrative 2026 reports in tests/fixtures/reports-2629.

The decision's full text lives outside the repository, in
`shared/seeds/qd-2629-QD-TTg-2025-chinh-phu-so.txt` beside the checkout. In its two appendices
each table cell stands on its own line(s), row after row, and a cell may wrap over several lines.
Every check here parses that text and compares it with the data: nothing expected is copied from
the YAML into this file. The few facts this file states itself (the timeframe rule, the tool's
reading of "trước ngày 15 tháng 12") are the conventions documented in the YAML's header.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest

from plan744.core.findings import Severity
from plan744.core.plan import Plan
from plan744.services.plans import load_plan

REPO = Path(__file__).resolve().parents[1]
PLAN_FILE = REPO / "data" / "plans" / "qd-2629-2025.yaml"
FIXTURES = REPO / "tests" / "fixtures" / "reports-2629"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "qd-2629-QD-TTg-2025-chinh-phu-so.txt"

# The seed is a web page: the decision ends where the site's own matter begins.
END_OF_DOCUMENT = "Quyết định 2629/QĐ-TTg năm 2025 phê duyệt Chương trình phát triển Chính phủ số do"
ILLUSTRATIVE = "# SỐ LIỆU MINH HỌA cho Quyết định 2629/QĐ-TTg — không phải số liệu thực."


def norm(text: str) -> str:
    return " ".join(text.split())


def unbold(line: str) -> str:
    return line.strip().strip("*").strip()


@lru_cache(maxsize=1)
def _seed() -> str:
    text = unicodedata.normalize("NFC", SEED.read_text(encoding="utf-8"))
    lines = text.splitlines(keepends=True)
    while lines and lines[0].startswith("# "):  # the converter's notes about the seed, not the decision
        lines.pop(0)
    text = "".join(lines)
    return text[: text.index(END_OF_DOCUMENT)]


@pytest.fixture(scope="module")
def text() -> str:
    if not SEED.is_file():
        pytest.skip(f"decision text not found at {SEED} (check out shared/ beside the repository)")
    return _seed()


@pytest.fixture(scope="module")
def flat(text: str) -> str:
    return norm(text.replace("*", ""))


@pytest.fixture(scope="module")
def plan() -> Plan:
    loaded = load_plan(PLAN_FILE, checks=False)
    assert loaded.plan is not None, [f.message for f in loaded.findings]
    return loaded.plan


def body(text: str) -> str:
    """The decision before its appendices (Điều 1-3, Nơi nhận, signature)."""
    return text[: text.index("**PHỤ LỤC I**")]


def between(text: str, start: str, end: str) -> str:
    i = text.index(start)
    return text[i + len(start) : text.index(end, i + len(start))]


def heading(lines: list[str], i: int) -> tuple[str, str, int]:
    """A bold or italic heading of an appendix table ("**I**" + "**Title, maybe over lines**"):
    its id, its title and the index of the line after it."""
    hid = unbold(lines[i])
    j, title = i + 1, []
    while True:
        title.append(lines[j])
        j += 1
        if lines[j - 1].rstrip().endswith("*"):
            break
    return hid, norm(unbold(" ".join(title))), j


def is_heading(line: str) -> bool:
    return line.startswith("*")


# ---------------------------------------------------------------- Phụ lục I

RESULT = re.compile(r"([0-9]+(?:,[0-9]+)?)%")


@lru_cache(maxsize=1)
def _annex_one(text: str) -> list[dict]:
    lines = text[text.index("**PHỤ LỤC I**") : text.index("**PHỤ LỤC II**")].splitlines()
    i = next(k for k, line in enumerate(lines) if line.startswith("theo dõi, đánh giá**")) + 1
    rows: list[dict] = []
    stage = group = None
    while i < len(lines):
        line = lines[i]
        if is_heading(line):
            hid, title, i = heading(lines, i)
            if "." in hid:
                group = hid
            else:
                stage = title
            continue
        assert re.fullmatch(r"[0-9]+", line), f"unexpected line in Phụ lục I: {line!r}"
        j, cells = i + 1, []
        # the row's cells: the indicator (one or more lines), the unit, the result, the monitor
        while not (j + 1 < len(lines) and RESULT.fullmatch(lines[j + 1]) and len(lines[j]) <= 10):
            cells.append(lines[j])
            j += 1
        unit, result = lines[j], lines[j + 1]
        j += 2
        monitor = []
        while j < len(lines) and not is_heading(lines[j]) and not re.fullmatch(r"[0-9]+", lines[j]):
            monitor.append(lines[j])
            j += 1
        years = re.fullmatch(r"Giai đoạn ([0-9]{4})-([0-9]{4})", stage or "")
        assert years, stage
        rows.append({
            "stage": stage, "since": int(years.group(1)), "year": int(years.group(2)), "group": group,
            "tt": int(line), "text": norm(" ".join(cells)), "unit": unit,
            "value": Decimal(RESULT.fullmatch(result).group(1).replace(",", ".")), "monitor": norm(" ".join(monitor)),
        })
        i = j
    return rows


def annex_one(text: str) -> list[dict]:
    return _annex_one(text)


def stage_bullets(text: str) -> dict[str, str]:
    """Điều 1, II.2 (Mục tiêu cụ thể): the "+ ..." bullets of each "- Giai đoạn ..." block, by stage."""
    block = between(body(text), "2. Mục tiêu cụ thể", "3. Thay đổi đột phá")
    out: dict[str, list[str]] = {}
    stage = None
    for part in re.split(r"\n(?=[+-] |[a-z]\) )", block):
        part = norm(part)
        if part.startswith("- Giai đoạn"):
            stage = part[2:]
        elif part.startswith("+ ") and stage:
            out.setdefault(stage, []).append(part[2:])
        elif re.match(r"[a-z]\) ", part):
            stage = None
    return {k: " | ".join(v) for k, v in out.items()}


def test_annex_one_parses(text: str) -> None:
    rows = annex_one(text)
    groups = Counter(r["group"] for r in rows)
    assert set(groups) == {"I.1", "I.2", "II.1", "II.2"}
    for g in groups:  # numbered 1..n inside each group
        assert [r["tt"] for r in rows if r["group"] == g] == list(range(1, groups[g] + 1)), g
    assert {r["stage"] for r in rows} == {"Giai đoạn 2025-2027", "Giai đoạn 2028-2030"}


def test_every_annex_one_row_is_a_target(text: str, plan: Plan) -> None:
    for row in annex_one(text):
        where = f"Phụ lục I, {row['group']} TT {row['tt']}"
        matches = [i for i in plan.indicators if norm(i.text) == row["text"]]
        assert matches, f"{where}: no indicator with this text"
        hits = [(i, t) for i in matches for t in i.targets
                if (t.year, t.since, t.stage, t.value) == (row["year"], row["since"], row["stage"], row["value"])]
        assert hits, f"{where}: no target {row['stage']} = {row['value']}%"
        indicators = {i.id for i, _ in hits}
        assert len(indicators) == 1, f"{where}: several indicators {indicators}"
        ind = hits[0][0]
        assert row["unit"] == "%" and ind.value == "percent", where
        assert all(t.kind == "floor" for _, t in hits), f"{where}: a bare N% is a floor"
        assert ind.monitor_text == row["monitor"], where
        assert ind.monitor is not None and plan.units_by_code[ind.monitor].name == row["monitor"], where
        assert f"{row['group']} (TT {row['tt']})" in ind.section, where


def test_no_stage_target_without_its_row(text: str, plan: Plan) -> None:
    rows = {(r["text"], r["year"]) for r in annex_one(text)}
    staged = {(norm(i.text), t.year) for i in plan.indicators for t in i.targets if t.stage}
    assert staged == rows
    per_group = Counter(r["group"] for r in annex_one(text))
    assert sum(per_group.values()) == len(rows)


def test_target_wording_is_the_stage_bullet(text: str, plan: Plan) -> None:
    bullets = stage_bullets(text)
    assert set(bullets) == {"Giai đoạn 2025-2027", "Giai đoạn 2028-2030"}
    for ind in plan.indicators:
        for t in ind.targets:
            if not t.stage:
                continue
            assert norm(t.wording) in bullets[t.stage], f"{ind.id}: {t.wording}"
            printed = re.match(r"([0-9]+)%", t.wording)
            assert printed and Decimal(printed.group(1)) == t.value, f"{ind.id}: {t.wording}"


def test_two_stage_rows_share_one_indicator(text: str, plan: Plan) -> None:
    twice = [t for t, n in Counter(r["text"] for r in annex_one(text)).items() if n > 1]
    assert twice  # the satisfaction and certificate rows
    for row_text in twice:
        [ind] = [i for i in plan.indicators if norm(i.text) == row_text]
        assert sorted((t.since, t.year) for t in ind.targets) == [(2025, 2027), (2028, 2030)], ind.id


def test_central_indicators_are_reported_by_their_monitor(plan: Plan) -> None:
    for ind in plan.indicators:
        if ind.central:
            assert ind.monitor is not None
            assert all(plan.indicator_levels_for(ind, u.code) == [] for u in plan.units if u.code != ind.monitor)
            assert plan.indicator_levels_for(ind, ind.monitor) == ind.levels
            assert all(t.scope == "all" for t in ind.targets), ind.id


# ---------------------------------------------------------------- counts in the body

def test_count_targets_are_the_texts_numbers(flat: str, plan: Plan) -> None:
    counts = [i for i in plan.indicators if i.value == "count"]
    assert counts
    for ind in counts:
        assert norm(ind.text) in flat, ind.id
        assert ind.central and ind.monitor and ind.quantity, ind.id
        for t in ind.targets:
            assert norm(t.wording) in norm(ind.text), f"{ind.id}: {t.wording}"
            assert [Decimal(n) for n in re.findall(r"[0-9]+", t.wording) if len(n) < 4] == [t.value], t.wording
            assert (t.kind == "ceiling") == (ind.direction == "lower"), ind.id
            year = re.search(r"năm ([0-9]{4})", t.wording)
            if year:
                assert t.year == int(year.group(1)), t.wording


def test_every_minimum_or_rank_in_the_body_is_accounted_for(text: str, plan: Plan) -> None:
    """Điều 1, II and III: each "tối thiểu N"/"ít nhất N" is a count target, part of an indicator's
    definition, or a money share (N%, documented in the YAML header as not encoded); each "nhóm N
    nước" is a rank target."""
    part = norm(between(body(text), "**II.** **MỤC TIÊU ĐẾN NĂM 2030**", "**IV.** **TỔ CHỨC THỰC HIỆN**"))
    texts = " | ".join(norm(i.text) for i in plan.indicators)
    values = {t.value for i in plan.indicators if i.value in ("count", "rank") for t in i.targets}
    for m in re.finditer(r"(?:tối thiểu|ít nhất) ([0-9]+)(%?)[^.;]{0,40}", part):
        assert m.group(2) == "%" or m.group(0).split(" (")[0] in texts, m.group(0)
    ranks = [Decimal(n) for n in re.findall(r"nhóm ([0-9]+) nước", part)]
    assert ranks and set(ranks) <= values


# ---------------------------------------------------------------- Phụ lục II

TIMEFRAME = re.compile(r"(Tháng [0-9]{1,2}/[0-9]{4}|Năm [0-9]{4}(?:-[0-9]{4})?|Bắt đầu triển khai)")


@lru_cache(maxsize=1)
def _annex_two(text: str) -> list[dict]:
    lines = text[text.index("**PHỤ LỤC II**") :].splitlines()
    i = next(k for k, line in enumerate(lines) if line.startswith("**Thời gian thực")) + 2
    rows: list[dict] = []
    group = None
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if is_heading(line):
            hid, title, i = heading(lines, i)
            if re.fullmatch(r"[IVX]+", hid):
                group = (hid, title)
            continue
        assert re.fullmatch(r"[0-9]+", line), f"unexpected line in Phụ lục II: {line!r}"
        j, block = i + 1, []
        while not TIMEFRAME.fullmatch(lines[j]):
            block.append(lines[j])
            j += 1
        timeframe = [lines[j]]
        j += 1
        while j < len(lines) and lines[j].strip() and not is_heading(lines[j]) and not re.fullmatch(r"[0-9]+", lines[j]):
            timeframe.append(lines[j])  # "Bắt đầu triển khai" / "từ năm 2026"
            j += 1
        rows.append({"group": group, "n": int(line), "block": block, "timeframe": norm(" ".join(timeframe))})
        i = j
    return rows


def annex_two(text: str) -> list[dict]:
    return _annex_two(text)


def split_on_line_breaks(block: list[str], cells: list[str]) -> bool:
    """Whether the row's lines can be cut, at line breaks only, into exactly these cells."""
    if not cells:
        return not block
    for k in range(1, len(block) + 1):
        if norm(" ".join(block[:k])) == norm(cells[0]) and split_on_line_breaks(block[k:], cells[1:]):
            return True
    return False


def timeframe_of(printed: str, period_end: int, decision_year: int) -> tuple[int, int]:
    """The YAML header's rule: "Năm A-B" -> A-B; "Năm A" -> A-A; "Tháng M/A" (a deadline) ->
    decision year-A; "Bắt đầu triển khai từ năm A" -> A-end of the programme."""
    if m := re.fullmatch(r"Năm ([0-9]{4})(?:-([0-9]{4}))?", printed):
        return int(m.group(1)), int(m.group(2) or m.group(1))
    if m := re.fullmatch(r"Tháng [0-9]{1,2}/([0-9]{4})", printed):
        return decision_year, int(m.group(1))
    if m := re.fullmatch(r"Bắt đầu triển khai từ năm ([0-9]{4})", printed):
        return int(m.group(1)), period_end
    raise AssertionError(f"timeframe not understood: {printed!r}")


def test_annex_two_rows_match_text(text: str, plan: Plan) -> None:
    rows = annex_two(text)
    assert [f"{r['group'][0]}.{r['n']}" for r in rows] == [str(a.tt) for a in plan.appendix]
    for row, task in zip(rows, plan.appendix, strict=True):
        where = f"Phụ lục II, {task.tt}"
        cells = [task.name, task.lead_text, task.partners_text, task.result]
        assert all(cells), where
        assert split_on_line_breaks(row["block"], cells), f"{where}: cells do not match the printed row"
        assert task.timeframe_text == row["timeframe"], where
        assert task.group == f"{row['group'][0]}. {row['group'][1]}", where


def test_annex_two_numbering_and_group_counts(text: str, plan: Plan) -> None:
    rows = annex_two(text)
    printed = Counter(r["group"][0] for r in rows)
    for g, n in printed.items():  # numbering runs 1..n in each group, through sub-groups (III.1, III.2)
        assert [r["n"] for r in rows if r["group"][0] == g] == list(range(1, n + 1)), g
    assert Counter(str(a.tt).split(".")[0] for a in plan.appendix) == printed
    assert Counter(a.group.split(".")[0] for a in plan.appendix) == printed
    assert len(printed) == 9


def test_annex_two_timeframes_follow_the_rule(plan: Plan) -> None:
    for task in plan.appendix:
        expected = timeframe_of(task.timeframe_text, plan.period.end, plan.document.date.year)
        assert (task.timeframe.start, task.timeframe.end) == expected, task.tt
    assert not any(a.funded for a in plan.appendix) and plan.budget is None


def test_annex_two_lead_is_the_first_body_named(plan: Plan) -> None:
    holders = [(u.code, u.name, u.aliases) for u in plan.units] + [
        (g.code, g.name, g.aliases) for g in plan.organisation.groups]
    for task in plan.appendix:
        owners = [code for code, _, aliases in holders if task.lead_text in aliases]
        assert owners == [task.lead], f"{task.tt}: “{task.lead_text}” -> {owners}, expected {task.lead}"
        unit = plan.units_by_code.get(task.lead)
        if unit is not None:  # a unit: the cell begins with its name (several bodies: the first)
            assert task.lead_text.casefold().startswith(unit.name.casefold()), task.tt
        else:
            assert task.lead_text == plan.groups_by_code[task.lead].name, task.tt


def test_group_areas_are_the_headings(text: str, plan: Plan) -> None:
    headings = {r["group"][1] for r in annex_two(text)}
    names = {a.name for a in plan.areas}
    assert headings <= names
    bullets = stage_bullets(text)
    assert bullets  # the two target groups are Điều 1, II.2.a and b
    for letter in ("a", "b"):
        m = re.search(rf"\n{letter}\) (.+?)\nMột số chỉ tiêu", body(text), re.S)
        assert m and norm(m.group(1)) in names, letter


# ---------------------------------------------------------------- document, calendar, organisation

def test_document_metadata(text: str, flat: str, plan: Plan) -> None:
    doc = plan.document
    head = body(text)
    assert f"Số: {doc.number}" in head
    m = re.search(r"Hà Nội, ngày ([0-9]{2}) tháng ([0-9]{1,2}) năm ([0-9]{4})", norm(head))
    assert m and dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))) == doc.date
    assert doc.place == "Hà Nội"
    assert norm(unbold(" ".join(head.strip().splitlines()[:2]))) == " ".join(doc.header_issuer)
    assert norm(doc.title).casefold() in flat.casefold()
    signature = [unbold(x) for x in head.rstrip().splitlines()[-3:]]
    assert signature == [*doc.signer.capacity, doc.signer.title, doc.signer.name]
    assert doc.issuer in flat and doc.kind.upper() in head


def test_bases_are_the_can_cu(text: str, plan: Plan) -> None:
    printed = {}
    for m in re.finditer(r"\*Căn cứ (.+?);\*", body(text), re.S):
        sentence = norm(m.group(1))
        ref = re.match(r"(Luật [^0-9]+?) ngày", sentence) or re.search(r"số (\S+) ngày", sentence)
        d = re.search(r"ngày ([0-9]{1,2}) tháng ([0-9]{1,2}) năm ([0-9]{4})", sentence)
        assert ref and d, sentence
        printed[ref.group(1)] = (dt.date(int(d.group(3)), int(d.group(2)), int(d.group(1))), sentence)
    assert {b.ref: b.date for b in plan.document.bases} == {k: v[0] for k, v in printed.items()}
    for b in plan.document.bases:
        assert b.where == "Căn cứ"
        if b.title:
            assert norm(b.title) in printed[b.ref][1], b.ref


def printed_dates(flat: str, ref: str) -> set[dt.date]:
    out = set()
    for m in re.finditer(rf"{re.escape(ref)} ngày ([0-9]{{1,2}})(?: tháng |/)([0-9]{{1,2}})(?: năm |/)([0-9]{{4}})", flat):
        out.add(dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))))
    return out


def test_citations_as_printed(flat: str, plan: Plan) -> None:
    recorded: dict[str, set[dt.date]] = {}
    for ref in [*plan.document.bases, *plan.document.citations]:
        if ref.kind != "Luật":
            recorded.setdefault(ref.ref, set()).add(ref.date)
        if ref.title:
            assert norm(ref.title) in flat, ref.ref
    for number, dates in recorded.items():
        assert dates == printed_dates(flat, number), number
    numbered = set(re.findall(r"số (\S+) ngày", flat)) - {plan.document.number}
    assert numbered <= set(recorded), numbered - set(recorded)


def test_appendices_and_recipients(text: str, flat: str, plan: Plan) -> None:
    for appendix, marker in zip(plan.document.appendices, ("**PHỤ LỤC I**", "**PHỤ LỤC II**"), strict=True):
        after = text[text.index(marker) + len(marker) :].split("*(Kèm theo")[0]
        assert norm(after).casefold() == appendix.title.casefold(), appendix.id
    items: list[str] = []
    for line in between(body(text), "*Nơi nhận:*", "**KT.").strip().splitlines():
        if line.startswith("- "):
            items.append(line[2:])
        else:
            items[-1] += " " + line  # a line of the list continued on the next
    assert plan.document.recipients == [norm(x).rstrip(";.") for x in items]


def test_period_and_reporting_calendar(text: str, plan: Plan) -> None:
    part = norm(body(text))
    assert plan.period.start == plan.document.date.year
    assert plan.period.end == int(re.search(r"MỤC TIÊU ĐẾN NĂM ([0-9]{4})", part).group(1))
    duty = re.search(r"5\. Các bộ, ngành, địa phương định kỳ hằng năm gửi báo cáo (.+?) tình hình triển khai "
                     r"Chương trình trước ngày ([0-9]{1,2}) tháng ([0-9]{1,2})", part)
    assert duty
    deadline = plan.reporting.deadline
    # "trước ngày 15 tháng 12": the last day on time is the day before (YAML header)
    assert (deadline.day + 1, deadline.month, deadline.year_offset) == (int(duty.group(2)), int(duty.group(3)), 0)
    quote = re.search(r"“(.+?)”", plan.reporting.deadline_source)
    assert quote and norm(quote.group(1)) in part
    # the reports go to the drafting body, which the organisation names
    drafter = plan.drafter(plan.period.start + 1)
    assert drafter and plan.units_by_code[drafter].name == duty.group(1)
    assert f"Theo đề nghị của Bộ trưởng {duty.group(1)}" in part
    assert plan.report.issuer_short == duty.group(1)


def test_organisation_against_text(flat: str, plan: Plan) -> None:
    org = plan.organisation
    for u in org.units:
        if u.confirmed:
            assert u.name in flat, u.code  # every confirmed unit is named by the decision
            assert u.source, u.code
    provinces = [u for u in org.units if u.kind == "tinh"]
    assert len(provinces) == org.expected_counts["tinh"]
    assert all(not u.confirmed and "cần xác nhận" in u.note for u in provinces)
    assert len({u.code for u in org.units}) == len(org.units)


def test_tasks_are_the_section_iv_bullets(text: str, plan: Plan) -> None:
    block = between(body(text), "**IV.** **TỔ CHỨC THỰC HIỆN**", "**Điều 2. **")
    sections = re.split(r"\n(?=[0-9]\. )", block)
    wanted = {}
    for sec in sections[1:]:
        number = sec.split(".", 1)[0]
        for k, item in enumerate(re.split(r"\n- ", sec)[1:], 1):
            wanted[f"IV.{number}.{k}"] = norm(item)
    for task in plan.tasks:
        assert norm(task.text) == wanted[task.id], task.id
        assert task.section == "Điều 1, " + task.id.rsplit(".", 1)[0]
    by_section = Counter(t.id.rsplit(".", 1)[0] for t in plan.tasks)
    assert by_section == Counter(k.rsplit(".", 1)[0] for k in wanted if k.startswith(("IV.1.", "IV.2.")))


# ---------------------------------------------------------------- the project's loader and checks

def test_plan_loads_without_errors() -> None:
    loaded = load_plan(PLAN_FILE)
    assert loaded.plan is not None
    errors = [f"{f.line}:{f.column} {f.code} {f.message}" for f in loaded.findings if f.severity == Severity.ERROR]
    assert errors == []


# ---------------------------------------------------------------- illustrative reports

def engine_reads_task_list_reports() -> bool:
    """Whether the submission model takes what these reports need: a count (`value`) and a
    task-list row ("tt": "I.7", status and progress, no money). Commit 21dcc2f does not."""
    from pydantic import ValidationError

    from plan744.core import submission

    try:
        submission.Counts.model_validate({"value": 1})
        submission.AppendixReport.model_validate({"tt": "I.7", "status": "dang_trien_khai", "progress": "x"})
    except ValidationError:
        return False
    return True


def test_fixture_reports_are_illustrative() -> None:
    files = sorted((FIXTURES / "2026").glob("*.yaml"))
    assert len(files) == 6
    for f in files:
        assert f.read_text(encoding="utf-8").splitlines()[0] == ILLUSTRATIVE, f.name
    assert "SỐ LIỆU MINH HỌA" in (FIXTURES.parent / "README-reports-2629.md").read_text(encoding="utf-8")


def test_fixture_reports_validate(plan: Plan) -> None:
    from plan744.services.validate import validate_files

    assert engine_reads_task_list_reports()
    files = sorted((FIXTURES / "2026").glob("*.yaml"))
    _, findings = validate_files(plan, files, today=dt.date.today())
    assert [f"{Path(f.file).name}:{f.line} {f.code} {f.message}" for f in findings] == []
    # each monitoring body reported the central figures it monitors
    for f in files:
        text = f.read_text(encoding="utf-8")
        for ind in plan.indicators:
            if ind.central and ind.monitor == f.stem:
                assert f"\n  {ind.id}:\n    quoc_gia:" in text, (f.name, ind.id)
