"""Contradictions in the organisation (a graph over time) and in the plan's targets.

Each case copies the real plan and organisation (data/) or the real QĐ 2629 plan into a temporary
folder, makes the smallest edit that creates one contradiction, and runs the real
`plan744 plan check`: it must fail (exit 1) with a finding located on the edited line and a
Vietnamese message that says what is wrong.
"""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path

import pytest

from plan744.core.organisation_checks import name_key

from conftest import REPO, run_cli

NO_CACHE = {"PLAN744_NO_CACHE": "1"}  # every run checks afresh


def copy_data(tmp_path: Path) -> Path:
    for name in ("plan.yaml", "organisation.yaml"):
        shutil.copy(REPO / "data" / name, tmp_path / name)
    return tmp_path


def edit(path: Path, old: str, new: str) -> int:
    """Replace the one occurrence of `old`; the line (1-based) where `new` starts."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")
    return text.count("\n", 0, at) + 1


def check(plan: Path) -> tuple[int, list[dict]]:
    result = run_cli("plan", "check", "--plan", str(plan), "--format", "json", env=NO_CACHE)
    return result.returncode, json.loads(result.stdout)["findings"]


def errors(findings: list[dict]) -> list[tuple[str, str, int]]:
    return [(f["code"], Path(f["file"]).name, f["line"]) for f in findings if f["severity"] == "error"]


def only_error(plan: Path) -> dict:
    code, findings = check(plan)
    assert code == 1
    found = [f for f in findings if f["severity"] == "error"]
    assert len(found) == 1, errors(findings)
    return found[0]


def the(findings: list[dict], code: str) -> dict:
    found = [f for f in findings if f["code"] == code]
    assert len(found) == 1, errors(findings)
    return found[0]


def test_bundled_data_has_no_contradiction() -> None:
    for plan in (REPO / "data" / "plan.yaml", REPO / "data" / "plans" / "qd-2629-2025.yaml",
                 *sorted((REPO / "tests" / "fixtures" / "plans").glob("*.yaml"))):
        code, findings = check(plan)
        assert code == 0 and not errors(findings), (plan, errors(findings))


# --- the organisation -------------------------------------------------------------------------

KHCN = "    from: [STTTT]\n    to: [SKHCN]\n"


def test_unit_merged_into_itself(tmp_path: Path) -> None:
    org = copy_data(tmp_path) / "organisation.yaml"
    line = edit(org, KHCN, "    from: [STTTT]\n    to: [STTTT]\n") + 1
    f = only_error(tmp_path / "plan.yaml")
    assert (f["code"], Path(f["file"]).name, f["line"]) == ("org-event-self", "organisation.yaml", line)
    assert f["message"] == ("Sự kiện “SO_2025_KHCN” ghi đơn vị STTTT ở cả danh sách trước (from) và danh sách sau "
                            "(to): một đơn vị không thể hợp nhất vào chính nó.")


def test_merge_into_a_unit_already_ended(tmp_path: Path) -> None:
    org = copy_data(tmp_path) / "organisation.yaml"
    line = edit(org, KHCN, "    from: [STTTT]\n    to: [SKHDT]\n") + 1  # merged into Sở Tài chính the same day
    f = only_error(tmp_path / "plan.yaml")
    assert (f["code"], f["line"]) == ("org-event-unit-not-alive", line)
    assert f["message"] == ("Sự kiện “SO_2025_KHCN” (từ ngày 01/3/2025) ghi đơn vị SKHDT, nhưng đơn vị này đã kết thúc "
                            "hoạt động ngày 28/02/2025: đơn vị sau (to) phải đang hoạt động ngày 01/3/2025.")


def test_merge_into_a_unit_not_yet_created(tmp_path: Path) -> None:
    org = copy_data(tmp_path) / "organisation.yaml"
    line = edit(org, "    from: [CUALO]\n    to: [VINH]\n", "    from: [CUALO]\n    to: [PHUONG_TRUONGVINH]\n") + 1
    f = only_error(tmp_path / "plan.yaml")
    assert (f["code"], f["line"]) == ("org-event-unit-not-alive", line)
    assert f["message"] == ("Sự kiện “CUALO_NHAP_VINH” (từ ngày 01/12/2024) ghi đơn vị PHUONG_TRUONGVINH, nhưng đơn vị "
                            "này bắt đầu hoạt động từ ngày 01/7/2025: đơn vị sau (to) phải đang hoạt động ngày "
                            "01/12/2024.")


def test_merge_into_an_unknown_unit(tmp_path: Path) -> None:
    org = copy_data(tmp_path) / "organisation.yaml"
    line = edit(org, "    from: [CUALO]\n    to: [VINH]\n", "    from: [CUALO]\n    to: [VINHH]\n") + 1
    f = only_error(tmp_path / "plan.yaml")
    assert (f["code"], f["line"]) == ("plan-unknown-ref", line)
    assert f["message"].startswith("Đơn vị “VINHH” không có trong kế hoạch; các giá trị hợp lệ: VPUBND, SNV,")


def test_unit_passing_on_after_it_ended(tmp_path: Path) -> None:
    org = copy_data(tmp_path) / "organisation.yaml"
    line = edit(org, "    from: [SGTVT]\n", "    from: [CUALO]\n")  # Cửa Lò ended on 30/11/2024
    code, findings = check(tmp_path / "plan.yaml")
    assert code == 1
    f = the(findings, "org-event-unit-not-alive")
    assert f["line"] == line
    assert f["message"] == ("Sự kiện “SO_2025_XD” (từ ngày 01/3/2025) ghi đơn vị CUALO, nhưng đơn vị này đã kết thúc "
                            "hoạt động ngày 30/11/2024: đơn vị trước (from) phải còn hoạt động ngày 28/02/2025.")


def test_unit_merged_into_two_successors(tmp_path: Path) -> None:
    org = copy_data(tmp_path) / "organisation.yaml"
    line = edit(org, KHCN, "    from: [STTTT]\n    to: [SKHCN, STC]\n") + 1
    f = only_error(tmp_path / "plan.yaml")
    assert (f["code"], f["line"]) == ("org-event-two-successors", line)
    assert f["message"] == ("Sự kiện “SO_2025_KHCN”: đơn vị STTTT có hai đơn vị kế thừa (SKHCN, STC), nhưng hợp nhất hay "
                            "đổi tên chỉ có một đơn vị kế thừa báo cáo cả năm. Nếu đơn vị được chia cho nhiều đơn vị, "
                            "hãy ghi kind: split hoặc reporting: split để mỗi đơn vị báo cáo phần năm của mình.")


def test_two_successors_when_the_event_says_how_the_year_is_split(tmp_path: Path) -> None:
    org = copy_data(tmp_path) / "organisation.yaml"
    edit(org, KHCN, "    from: [STTTT]\n    to: [SKHCN, STC]\n    reporting: split\n")
    code, findings = check(tmp_path / "plan.yaml")
    assert (code, errors(findings)) == (0, [])


def test_unit_merged_twice_on_one_day(tmp_path: Path) -> None:
    org = copy_data(tmp_path) / "organisation.yaml"
    line = edit(org, "    from: [SKHDT]\n", "    from: [STTTT]\n")  # STTTT also goes to SKHCN that day
    code, findings = check(tmp_path / "plan.yaml")
    assert code == 1
    f = the(findings, "org-event-two-successors")
    assert f["line"] == line
    assert f["message"].startswith("Sự kiện “SO_2025_TC”: đơn vị STTTT có hai đơn vị kế thừa "
                                   "(SKHCN (sự kiện “SO_2025_KHCN”), STC), nhưng")


def test_rename_loop(tmp_path: Path) -> None:
    org = copy_data(tmp_path) / "organisation.yaml"
    line = edit(org, "    from: [BHXHKV7]\n    to: [BHXHNA]\n", "    from: [BHXHKV7]\n    to: [BHXH]\n") + 1
    f = only_error(tmp_path / "plan.yaml")
    assert (f["code"], f["line"]) == ("org-event-cycle", line)
    assert f["message"] == (
        "Sự kiện “BHXH_2025_TINH” khép một vòng thay đổi: BHXHKV7 → BHXH (sự kiện “BHXH_2025_TINH”, 01/7/2025) → "
        "BHXHKV7 (sự kiện “BHXH_2025_KHU_VUC”, 01/3/2025). Đơn vị BHXHKV7 không thể vừa là đơn vị trước vừa là đơn "
        "vị kế thừa của chính nó; hãy sửa danh sách from/to hoặc bỏ sự kiện thừa.")


def test_cycle_of_merges(tmp_path: Path) -> None:
    """SKHDT → STC and SGTVT → SXD (01/3/2025), then STC → SGTVT and SXD → SKHDT: a loop of four."""
    org = copy_data(tmp_path) / "organisation.yaml"
    anchor = "  - id: CAP_HUYEN_KET_THUC\n"
    added = ("  - {id: VONG_1, date: 2025-07-01, kind: merge, from: [STC], to: [SGTVT], source: \"thử\"}\n"
             "  - {id: VONG_2, date: 2025-07-01, kind: merge, from: [SXD], to: [SKHDT], source: \"thử\"}\n")
    line = edit(org, anchor, added + anchor) + 1
    code, findings = check(tmp_path / "plan.yaml")
    assert code == 1
    f = the(findings, "org-event-cycle")
    assert (Path(f["file"]).name, f["line"]) == ("organisation.yaml", line)
    assert f["message"].startswith(
        "Sự kiện “VONG_2” khép một vòng thay đổi: SXD → SKHDT (sự kiện “VONG_2”, 01/7/2025) → STC (sự kiện "
        "“SO_2025_TC”, 01/3/2025) → SGTVT (sự kiện “VONG_1”, 01/7/2025) → SXD (sự kiện “SO_2025_XD”, 01/3/2025). "
        "Đơn vị SXD không thể")


COMMUNE = "  - code: XA_NHANHOA\n    name: Xã Nhân Hòa\n"


@pytest.mark.parametrize("spelling", [
    unicodedata.normalize("NFD", "Xã Nhân Hòa"),  # decomposed, as some editors save it
    "Xã Nhân Hoà",  # the new tone placement
    "xã  NHÂN HÒA",  # case and spacing
])
def test_one_commune_listed_twice(tmp_path: Path, spelling: str) -> None:
    org = copy_data(tmp_path) / "organisation.yaml"
    twice = f"  - code: XA_NHANHOA_2\n    name: {spelling}\n    kind: xa\n    start: 2025-07-01\n"
    first = edit(org, COMMUNE, twice + COMMUNE)
    f = only_error(tmp_path / "plan.yaml")
    assert (f["code"], f["line"]) == ("org-unit-same-name", first + 5)  # the later entry, on its name
    shown = unicodedata.normalize("NFC", spelling)  # the reader keeps text in NFC
    assert f["message"] == (
        f"Đơn vị XA_NHANHOA (“Xã Nhân Hòa”) trùng tên với đơn vị XA_NHANHOA_2 (“{shown}”, dòng {first + 1}): cùng "
        "loại “Xã, phường”, cùng hoạt động từ ngày 01/7/2025. Một đơn vị chỉ được ghi một lần (tên được so sau khi "
        "bỏ khác biệt về mã Unicode, chữ hoa, chữ thường, dấu cách và vị trí dấu thanh như “hoà”/“hòa”).")


def test_same_name_at_different_times_or_tones_is_allowed(tmp_path: Path) -> None:
    org = copy_data(tmp_path) / "organisation.yaml"
    earlier = "  - code: XA_NHANHOA_CU\n    name: Xã Nhân Hoà\n    kind: xa\n    end: 2025-06-30\n"
    other_tone = "  - code: XA_NHANHOA_KHAC\n    name: Xã Nhân Hóa\n    kind: xa\n    start: 2025-07-01\n"
    edit(org, COMMUNE, earlier + other_tone + COMMUNE)
    code, findings = check(tmp_path / "plan.yaml")
    assert (code, errors(findings)) == (0, [])


def test_name_key_sets_aside_spelling_variants_only() -> None:
    assert name_key("Thủy") == name_key("THUỶ") == name_key(unicodedata.normalize("NFD", "thuỷ"))
    assert name_key("Hòa  Bình") == name_key("hoà bình")
    assert name_key("Khỏe") == name_key("khoẻ")
    assert name_key("Hòa") != name_key("Hóa") and name_key("Hòa") != name_key("Hoa")
    assert name_key("Thủy") != name_key("Thụy")


# --- the plan's targets -----------------------------------------------------------------------

def test_two_targets_for_one_indicator_scope_and_year(tmp_path: Path) -> None:
    plan = copy_data(tmp_path) / "plan.yaml"
    target = '      - {scope: all, kind: floor, value: 80, wording: "80% báo cáo định kỳ"}\n'
    first = edit(plan, target, target + '      - {scope: all, kind: floor, value: 85, wording: "85%"}\n')
    f = only_error(plan)
    assert (f["code"], Path(f["file"]).name, f["line"]) == ("plan-target-duplicate", "plan.yaml", first + 1)
    assert f["message"].startswith("Chỉ tiêu “")
    assert f["message"].endswith(f"” có hai mục tiêu cho cùng phạm vi “Toàn tỉnh” và năm 2025 (mục tiêu đầu ở dòng "
                                 f"{first}): mỗi phạm vi, mỗi năm chỉ có một mục tiêu.")


def test_floor_target_on_a_lower_is_better_indicator(tmp_path: Path) -> None:
    plan = copy_data(tmp_path) / "plan.yaml"
    line = edit(plan, "    direction: higher\n    levels: [tinh, huyen, xa]\n    targets:\n      - {scope: all, kind: band",
                "    direction: lower\n    levels: [tinh, huyen, xa]\n    targets:\n      - {scope: all, kind: band") + 3
    f = only_error(plan)
    assert (f["code"], f["line"]) == ("plan-target-direction", line)
    assert f["message"] == ("Mục tiêu dạng khoảng (band) ngược chiều với chỉ tiêu “van_ban_dien_tu”: chỉ tiêu này càng "
                            "thấp càng tốt (direction: lower), nên mục tiêu phải là mức trần (ceiling, ceiling_strict).")
    text = plan.read_text(encoding="utf-8").replace("direction: lower\n    levels: [tinh, huyen, xa]\n    targets:\n"
                                                    "      - {scope: all, kind: band, value: 90, stretch: 95",
                                                    "direction: lower\n    levels: [tinh, huyen, xa]\n    targets:\n"
                                                    "      - {scope: all, kind: floor, value: 90")
    plan.write_text(text, encoding="utf-8")
    f = only_error(plan)
    assert (f["code"], f["line"]) == ("plan-target-direction", line)
    assert f["message"].startswith("Mục tiêu dạng mức sàn (floor) ngược chiều với chỉ tiêu “van_ban_dien_tu”")


def test_ceiling_target_on_a_higher_is_better_indicator(tmp_path: Path) -> None:
    plan = tmp_path / "qd-2629.yaml"
    shutil.copy(REPO / "data" / "plans" / "qd-2629-2025.yaml", plan)
    line = edit(plan, '      - {scope: all, kind: floor, value: 3, year: 2030,',
                '      - {scope: all, kind: ceiling, value: 3, year: 2030,')
    f = only_error(plan)
    assert (f["code"], f["line"]) == ("plan-target-direction", line)
    assert f["message"].endswith("chỉ tiêu này càng cao càng tốt (direction: higher), nên mục tiêu phải là mức sàn "
                                 "(floor, floor_strict) hoặc khoảng (band).")


def test_rank_target_zero(tmp_path: Path) -> None:
    plan = tmp_path / "qd-2629.yaml"
    shutil.copy(REPO / "data" / "plans" / "qd-2629-2025.yaml", plan)
    line = edit(plan, "      - {scope: all, kind: ceiling, value: 4, year: 2028,",
                "      - {scope: all, kind: ceiling, value: 0, year: 2028,")
    f = only_error(plan)
    assert (f["code"], f["line"]) == ("plan-target-rank", line)
    assert f["message"] == "Thứ hạng mục tiêu là 0, nhưng thứ hạng là số nguyên từ 1 trở lên (1 là hạng cao nhất)."


def test_count_target_with_a_fraction(tmp_path: Path) -> None:
    plan = tmp_path / "qd-2629.yaml"
    shutil.copy(REPO / "data" / "plans" / "qd-2629-2025.yaml", plan)
    line = edit(plan, "      - {scope: all, kind: floor, value: 3, year: 2030,",
                "      - {scope: all, kind: floor, value: 2.5, year: 2030,")
    f = only_error(plan)
    assert (f["code"], f["line"]) == ("plan-target-count-whole", line)
    assert f["message"].startswith("Mục tiêu 2,5 ")
    assert f["message"].endswith(" không phải số nguyên, nhưng chỉ tiêu này đếm số lượng.")


def test_percent_target_120(tmp_path: Path) -> None:
    plan = copy_data(tmp_path) / "plan.yaml"
    line = edit(plan, '      - {scope: all, kind: floor, value: 80, wording: "80% báo cáo định kỳ"}',
                '      - {scope: all, kind: floor, value: 120, wording: "80% báo cáo định kỳ"}')
    f = only_error(plan)
    assert (f["code"], f["line"]) == ("plan-percent-range", line)
    assert f["message"] == "Mục tiêu 120% nằm ngoài khoảng 0–100%."


def test_every_command_refuses_a_contradictory_organisation(tmp_path: Path) -> None:
    org = copy_data(tmp_path) / "organisation.yaml"
    edit(org, "    from: [BHXHKV7]\n    to: [BHXHNA]\n", "    from: [BHXHKV7]\n    to: [BHXH]\n")
    result = run_cli("plan", "show", "--plan", str(tmp_path / "plan.yaml"), env=NO_CACHE)
    out = result.stdout.decode("utf-8")
    assert result.returncode == 1
    assert "tệp kế hoạch có lỗi" in out and "[org-event-cycle]" in out


def test_strict_target_no_figure_can_meet(tmp_path: Path) -> None:
    plan = copy_data(tmp_path) / "plan.yaml"
    line = edit(plan, '      - {scope: all, kind: floor, value: 80, wording: "80% báo cáo định kỳ"}',
                '      - {scope: all, kind: floor_strict, value: 100, wording: "trên 100% báo cáo định kỳ"}')
    f = only_error(plan)
    assert (f["code"], f["line"]) == ("plan-target-unreachable", line)
    assert f["message"] == ("Mục tiêu “trên 100% báo cáo định kỳ” không bao giờ đạt được: không có tỷ lệ nào lớn "
                            "hơn 100%.")


def test_a_wrong_value_in_the_organisation_is_located(tmp_path: Path) -> None:
    """The organisation is read without positions (most of a large one's memory) and read again
    for the paths a finding names: a type error deep in it still points at its line."""
    org = copy_data(tmp_path) / "organisation.yaml"
    after = "\n    note: \"Hợp nhất vào Sở Khoa học"
    line = edit(org, "    end: 2025-02-28" + after, "    end: 28/02/2025" + after)
    f = only_error(tmp_path / "plan.yaml")
    assert (Path(f["file"]).name, f["line"], f["column"]) == ("organisation.yaml", line, 10)
    assert f["path"].endswith(".end") and "28/02/2025" in f["message"]


@pytest.mark.parametrize("edit_org", [False, True])
def test_a_large_organisation_read_without_positions_is_located_the_same(tmp_path: Path, monkeypatch, edit_org) -> None:
    """An organisation file over `SMALL_ORGANISATION` is read without positions and again for
    the paths its findings name: the findings (warnings of the real data, or an error deep in
    a unit) are the ones, at the places, a read keeping every position gives."""
    from plan744.services import plans

    copy_data(tmp_path)
    if edit_org:
        after = "\n    note: \"Hợp nhất vào Sở Khoa học"
        edit(tmp_path / "organisation.yaml", "    end: 2025-02-28" + after, "    end: 28/02/2025" + after)

    def seen() -> list[tuple]:
        loaded = plans.load_plan(tmp_path / "plan.yaml")
        return [(f.code, f.file, f.line, f.column, f.path, f.message) for f in loaded.findings]

    monkeypatch.setenv("PLAN744_NO_CACHE", "1")
    whole = seen()
    monkeypatch.setattr(plans, "SMALL_ORGANISATION", 0)
    assert seen() == whole
    assert any(f[1].endswith("organisation.yaml") and f[2] > 1 for f in whole)
