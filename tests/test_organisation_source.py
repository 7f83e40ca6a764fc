"""data/organisation.yaml against the text of Nghị quyết 1678/NQ-UBTVQH15 (16/6/2025).

The resolution that arranged Nghệ An's commune-level units in 2025 lives outside the repository,
in `shared/seeds/nq-1678-NQ-UBTVQH15-2025-nghe-an-cap-xa.txt` beside the checkout;
`PLAN744_NQ1678` points elsewhere. Every expected value here (names, kinds, the wording of what
each commune was formed from, the totals, the first day of the new communes, the districts the
resolution names) is parsed from that text: nothing is copied from organisation.yaml.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest

from plan744.core.model_findings import validate_model
from plan744.core.organisation import Organisation, Unit
from plan744.intake.read import read_yaml_file
from plan744.services.plans import PLAN_MAX_BYTES

REPO = Path(__file__).resolve().parents[1]
ORG_FILE = REPO / "data" / "organisation.yaml"
DEFAULT_SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "nq-1678-NQ-UBTVQH15-2025-nghe-an-cap-xa.txt"

COMMUNE_KIND = "xa"  # the organisation's kind for xã and phường
DISTRICT_KIND = "huyen"

# "1. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của <old units> thành xã mới có tên gọi là **xã <name>**."
ITEM = re.compile(
    r"^(\d+)\. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của (.+?) "
    r"thành (xã|phường) mới có tên gọi là \*\*(xã|phường) (.+?)\*\*\.\s*$",
    re.M,
)
TOTALS = re.compile(
    r"^(\d+)\. Sau khi sắp xếp, tỉnh Nghệ An có (\d+) đơn vị hành chính cấp xã, gồm (\d+) xã và (\d+) phường; "
    r"trong đó có (\d+) xã, (\d+) phường hình thành sau sắp xếp quy định tại Điều này "
    r"và (\d+) xã không thực hiện sắp xếp là các xã (.+?)\.\s*$",
    re.M,
)
START = re.compile(r"chính thức hoạt động từ ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
NAMED_DISTRICT = re.compile(r"\(huyện ([^)]+)\)")


def seed_path() -> Path:
    env = os.environ.get("PLAN744_NQ1678")
    return Path(env) if env else DEFAULT_SEED


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def code_for(kind: str, name: str) -> str:
    """The file's code scheme: XA_/PHUONG_ + the name in capitals, without diacritics or spaces, đ → D."""
    base = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    base = "".join(ch for ch in base if not unicodedata.combining(ch)).replace(" ", "").upper()
    return ("XA_" if kind == "xã" else "PHUONG_") + base


def display_name(kind: str, name: str) -> str:
    return ("Xã " if kind == "xã" else "Phường ") + name


@dataclass(frozen=True)
class Item:
    number: int
    formed_from: str  # whitespace-normalised, as the resolution writes it
    kind: str  # "xã" | "phường"
    name: str
    districts: tuple[str, ...]  # district names the item itself gives: "(huyện Anh Sơn)" -> "Anh Sơn"


@dataclass(frozen=True)
class Resolution:
    items: tuple[Item, ...]
    totals_item: int  # the number of the item that states the totals
    total: int
    total_xa: int
    total_phuong: int
    formed_xa: int
    formed_phuong: int
    unchanged_count: int
    unchanged: tuple[str, ...]
    start: dt.date  # first day of the new communes' local government


@lru_cache(maxsize=1)
def parse_resolution(path: Path) -> Resolution:
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    items = []
    for m in ITEM.finditer(text):
        formed = norm(m[2])
        assert m[3] == m[4], f"khoản {m[1]}: “{m[3]} mới” but the new name is a {m[4]}"
        items.append(Item(int(m[1]), formed, m[4], norm(m[5]), tuple(norm(d) for d in NAMED_DISTRICT.findall(formed))))
    totals = TOTALS.search(text)
    assert totals is not None, "the sentence stating the totals (“Sau khi sắp xếp, tỉnh Nghệ An có …”) was not found"
    names = re.split(r",\s*|\s+và\s+", totals[8])
    starts = {dt.date(int(y), int(mo), int(d)) for d, mo, y in START.findall(text)}
    assert len(starts) == 1, f"expected one start date for the new communes, found {sorted(starts)}"
    n = [int(totals[i]) for i in range(1, 8)]
    return Resolution(tuple(items), n[0], n[1], n[2], n[3], n[4], n[5], n[6],
                      tuple(norm(x) for x in names if x.strip()), starts.pop())


@pytest.fixture(scope="module")
def res() -> Resolution:
    path = seed_path()
    if not path.is_file():
        pytest.skip(f"resolution text not found at {path} (check out shared/ beside the repository or set PLAN744_NQ1678)")
    return parse_resolution(path)


@pytest.fixture(scope="module")
def org() -> Organisation:
    """organisation.yaml through the project's own strict reader and model: it must pass cleanly."""
    doc = read_yaml_file(ORG_FILE, PLAN_MAX_BYTES, "plan-too-large")
    errors = [f"{f.line}:{f.column} {f.message}" for f in doc.findings if f.is_error]
    assert doc.data is not None and not errors, errors
    model, findings = validate_model(Organisation, doc.data, doc.source)
    errors = [f"{f.line}:{f.column} {f.message}" for f in findings if f.is_error]
    assert isinstance(model, Organisation) and not errors, errors
    return model


def communes(org: Organisation) -> list[Unit]:
    return [u for u in org.units if u.kind == COMMUNE_KIND]


def districts(org: Organisation) -> list[Unit]:
    return [u for u in org.units if u.kind == DISTRICT_KIND]


def by_name(org: Organisation) -> dict[str, Unit]:
    out: dict[str, Unit] = {}
    for u in communes(org):
        assert u.name not in out, f"two communes named “{u.name}”"
        out[u.name] = u
    return out


# --- the resolution itself ----------------------------------------------------------------------


def test_resolution_items_are_numbered_without_gaps(res: Resolution) -> None:
    numbers = [i.number for i in res.items]
    assert numbers == list(range(1, len(numbers) + 1))
    assert res.totals_item == len(numbers) + 1  # the totals follow the last item


def test_resolution_totals_add_up(res: Resolution) -> None:
    """The resolution's own arithmetic, and its counts against its own list."""
    kinds = [i.kind for i in res.items]
    assert res.formed_xa == kinds.count("xã")
    assert res.formed_phuong == kinds.count("phường")
    assert res.unchanged_count == len(res.unchanged)
    assert res.total_xa == res.formed_xa + res.unchanged_count
    assert res.total_phuong == res.formed_phuong
    assert res.total == res.total_xa + res.total_phuong == len(res.items) + len(res.unchanged)
    new_names = {(i.kind, i.name) for i in res.items}
    assert len(new_names) == len(res.items), "a new name given twice"
    assert not new_names & {("xã", n) for n in res.unchanged}, "an unchanged commune also formed anew"


# --- the communes of organisation.yaml ----------------------------------------------------------


def test_organisation_loads_with_the_strict_reader(org: Organisation) -> None:
    assert org.units


def test_communes_are_the_resolutions(org: Organisation, res: Resolution) -> None:
    expected = {display_name(i.kind, i.name) for i in res.items} | {display_name("xã", n) for n in res.unchanged}
    found = [u.name for u in communes(org)]
    assert len(found) == len(set(found)), "a commune listed twice"
    assert set(found) - expected == set(), "communes not in the resolution"
    assert expected - set(found) == set(), "communes of the resolution missing"
    assert len(found) == res.total
    assert sum(n.startswith("Xã ") for n in found) == res.total_xa
    assert sum(n.startswith("Phường ") for n in found) == res.total_phuong


def test_commune_codes_follow_the_scheme(org: Organisation, res: Resolution) -> None:
    units = by_name(org)
    pairs = [(i.kind, i.name) for i in res.items] + [("xã", n) for n in res.unchanged]
    for kind, name in pairs:
        assert units[display_name(kind, name)].code == code_for(kind, name)


def test_formed_from_is_the_resolutions_wording(org: Organisation, res: Resolution) -> None:
    units = by_name(org)
    for item in res.items:
        unit = units[display_name(item.kind, item.name)]
        assert unit.formed_from is not None, unit.code
        assert norm(unit.formed_from.text) == item.formed_from, f"khoản {item.number} ({unit.code})"
        assert unit.source == f"Nghị quyết 1678/NQ-UBTVQH15, Điều 1, khoản {item.number}", unit.code


def test_unchanged_communes_are_present(org: Organisation, res: Resolution) -> None:
    units = by_name(org)
    assert len(res.unchanged) == res.unchanged_count
    for name in res.unchanged:
        unit = units.get(display_name("xã", name))
        assert unit is not None, f"xã {name} (không thực hiện sắp xếp) missing"
        assert unit.code == code_for("xã", name)
        assert unit.formed_from is not None
        assert norm(unit.formed_from.text) == f"không thực hiện sắp xếp (giữ nguyên xã {name})"
        assert unit.source == f"Nghị quyết 1678/NQ-UBTVQH15, Điều 1, khoản {res.totals_item}"


def test_every_commune_starts_when_the_resolution_says(org: Organisation, res: Resolution) -> None:
    assert res.start == dt.date(2025, 7, 1)  # Điều 2 khoản 2, as parsed
    late = [(u.code, u.start, u.end) for u in communes(org) if u.start != res.start or u.end is not None]
    assert late == []


# --- districts: they end, and each is a predecessor of some commune ------------------------------


def test_every_district_ends_before_the_communes_start(org: Organisation, res: Resolution) -> None:
    last_day = res.start - dt.timedelta(days=1)
    assert districts(org)
    open_ = [(u.code, u.end) for u in districts(org) if u.end is None or u.end > last_day]
    assert open_ == []
    ends = [e for e in org.events if e.kind == "level_end" and DISTRICT_KIND in e.kinds]
    assert [e.date for e in ends] == [res.start]


def test_every_district_is_a_predecessor_of_a_commune(org: Organisation) -> None:
    codes = {u.code for u in districts(org)}
    named = set()
    for u in communes(org):
        assert u.formed_from is not None and u.formed_from.units, f"{u.code}: no predecessor district"
        assert set(u.formed_from.units) <= codes, f"{u.code}: predecessors that are not districts"
        named |= set(u.formed_from.units)
    assert codes - named == set(), "districts with no commune after 01/7/2025"


def test_districts_the_resolution_names_are_recorded_as_confirmed(org: Organisation, res: Resolution) -> None:
    """Where an item itself says “(huyện X)”, that district is a predecessor and the fact is
    confirmed; everywhere else the district is inferred and must say so."""
    units = by_name(org)
    district_by_name = {u.name: u.code for u in districts(org)}
    for item in res.items:
        unit = units[display_name(item.kind, item.name)]
        ff = unit.formed_from
        assert ff is not None and ff.units_source.strip(), unit.code
        if item.districts:
            for d in item.districts:
                code = district_by_name.get(f"Huyện {d}")
                assert code is not None, f"khoản {item.number}: huyện {d} is not a district of the file"
                assert code in ff.units, f"khoản {item.number}: huyện {d} not among {ff.units}"
            assert ff.units_confirmed, f"khoản {item.number} names its district: units_confirmed should be true"
        else:
            assert not ff.units_confirmed, f"khoản {item.number} names no district: units_confirmed should be false"
    for name in res.unchanged:
        ff = units[display_name("xã", name)].formed_from
        assert ff is not None and not ff.units_confirmed, f"xã {name}: the resolution names no district"


# --- events ---------------------------------------------------------------------------------------


def test_every_event_has_a_source_or_is_unconfirmed(org: Organisation) -> None:
    bad = [e.id for e in org.events if not e.source.strip() and e.confirmed]
    assert bad == []


def test_merged_units_end_the_day_before(org: Organisation) -> None:
    units = org.units_by_code
    for e in org.events:
        for code in e.from_units:
            assert code in units, f"{e.id}: unknown unit {code}"
            if e.kind in ("merge", "rename", "reorganise"):
                assert units[code].end == e.date - dt.timedelta(days=1), f"{e.id}: {code}"
        for code in e.to_units:
            assert code in units, f"{e.id}: unknown unit {code}"
