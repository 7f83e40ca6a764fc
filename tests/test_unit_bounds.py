"""What a unit can hold (issue 23, points 4 and 5), through the real command line on copies of
the bundled sample reports with one figure changed:

- a denominator beyond what the unit can count is refused: a commune's own meeting system is
  1 of 1, never 850 of 1,000 (which would move the province's figure from 100% to 86.7%); a
  district counts at most the province's 460 communes; a "subordinates" bound counts the units
  whose parent the unit is;
- a rank of 0 is refused;
- an appendix amount a hundred times off last year's (1.500 typed, 1.5 read) is a warning that
  names both figures: exit 0, exit 1 with --strict.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from plan744.core.submission_checks import subordinates
from plan744.services.plans import load_plan

from conftest import REAL_PLAN, REPO, run_cli

PLAN_2629 = REPO / "data" / "plans" / "qd-2629-2025.yaml"
REPORTS = REPO / "data" / "reports"


def _copy(src: Path, dest_dir: Path) -> Path:
    """A real sample report copied under `dest_dir`/<its year folder>/, keeping its name."""
    folder = dest_dir / src.parent.name
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(src, folder / src.name))


def _replace(path: Path, old: str, new: str) -> int:
    """Replace one exact piece of the file; returns its (1-based) line number."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _validate(tmp_path: Path, *args: str, plan: Path = REAL_PLAN) -> tuple[int, list[dict]]:
    proc = run_cli("validate", "--plan", str(plan), "--format", "json", *args,
                   env={"XDG_CACHE_HOME": str(tmp_path / "cache"), "PLAN744_TODAY": "2026-12-31"})
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return proc.returncode, json.loads(proc.stdout)["findings"]


def _only(findings: list[dict], code: str) -> list[dict]:
    return [f for f in findings if f["code"] == code]


def test_commune_own_meeting_system_is_one_of_one(tmp_path: Path) -> None:
    report = _copy(REPORTS / "2025" / "XA_ANHSON.yaml", tmp_path)
    text = report.read_text(encoding="utf-8")
    block = text.index("he_thong_hop_xu_ly_cong_viec:")
    head, tail = text[:block], text[block:]
    tail = tail.replace("numerator: 1 ", "numerator: 850 ", 1).replace("denominator: 1 ", "denominator: 1000 ", 1)
    report.write_text(head + tail, encoding="utf-8")
    line = (head + tail)[: block + tail.index("denominator: 1000")].count("\n") + 1

    code, findings = _validate(tmp_path, str(report))

    assert code == 1
    [f] = _only(findings, "sub-denominator-self")
    assert (f["severity"], f["line"], f["column"]) == ("error", line, 20)
    assert f["message"] == (
        "Mẫu số của chỉ tiêu “Hệ thống thông tin phục vụ họp và xử lý công việc” (he_thong_hop_xu_ly_cong_viec, "
        "cấp xã) ở Xã Anh Sơn chỉ có thể là 1 (đơn vị tự tính cho chính mình: hệ thống phục vụ họp và xử lý "
        "công việc của chính xã, phường), nhưng gặp 1.000.")
    assert [x["code"] for x in findings] == ["sub-denominator-self"]


def test_department_counts_itself_and_district_at_most_460_communes(tmp_path: Path) -> None:
    dept = _copy(REPORTS / "2022" / "SYT.yaml", tmp_path)
    text = dept.read_text(encoding="utf-8")
    start = text.index("he_thong_hop_xu_ly_cong_viec:")
    dept.write_text(text[:start] + text[start:].replace("denominator: 1 ", "denominator: 2 ", 1), encoding="utf-8")
    district = _copy(REPORTS / "2022" / "THANHCHUONG.yaml", tmp_path)
    text = district.read_text(encoding="utf-8")
    xa = text.index("xa:", text.index("he_thong_hop_xu_ly_cong_viec:"))
    end = text.index("\n", text.index("denominator:", xa))
    old = text[text.index("denominator:", xa):end].split("#")[0].strip()
    district.write_text(text[:xa] + text[xa:].replace(old, "denominator: 461", 1), encoding="utf-8")

    code, findings = _validate(tmp_path, str(tmp_path / "2022"))

    assert code == 1
    [own] = _only(findings, "sub-denominator-self")
    assert own["file"].endswith("SYT.yaml")
    assert "ở Sở Y tế chỉ có thể là 1" in own["message"] and own["message"].endswith("nhưng gặp 2.")
    [most] = _only(findings, "sub-denominator-at-most")
    assert most["file"].endswith("THANHCHUONG.yaml")
    assert most["message"] == (
        "Mẫu số của chỉ tiêu “Hệ thống thông tin phục vụ họp và xử lý công việc” (he_thong_hop_xu_ly_cong_viec, "
        "cấp xã) ở Huyện Thanh Chương không thể lớn hơn 460 (số đơn vị cấp xã toàn tỉnh theo Kế hoạch: 460 xã, "
        "phường, thị trấn), nhưng gặp 461.")
    # Only the two changed figures are refused (the numerator stays within the changed denominator).
    assert sorted(f["code"] for f in findings if f["severity"] == "error") == [
        "sub-denominator-at-most", "sub-denominator-self"]


def _plan_with_subordinates(tmp_path: Path) -> Path:
    """The real plan with its provincial-level bound of the meeting system made "subordinates"."""
    folder = tmp_path / "plan"
    folder.mkdir()
    shutil.copy(REPO / "data" / "organisation.yaml", folder / "organisation.yaml")
    plan = Path(shutil.copy(REAL_PLAN, folder / "plan.yaml"))
    _replace(plan, "      - kind: self\n        levels: [tinh]\n",
             "      - kind: subordinates\n        levels: [tinh]\n")
    return plan


def test_subordinates_bound_counts_units_whose_parent_is_the_unit(tmp_path: Path) -> None:
    plan = _plan_with_subordinates(tmp_path)
    loaded = load_plan(plan, checks=False).plan
    assert loaded is not None
    assert subordinates(loaded, "STTTT", 2021) == ["TTCNTT"]
    assert subordinates(loaded, "SYT", 2021) == []
    report = _copy(REPORTS / "2021" / "STTTT.yaml", tmp_path / "reports")
    text = report.read_text(encoding="utf-8")
    start = text.index("he_thong_hop_xu_ly_cong_viec:")
    report.write_text(text[:start] + text[start:].replace("denominator: 1 ", "denominator: 2 ", 1), encoding="utf-8")

    code, findings = _validate(tmp_path, str(report), plan=plan)

    assert code == 1
    [f] = _only(findings, "sub-denominator-subordinates")
    assert f["message"] == (
        "Mẫu số của chỉ tiêu “Hệ thống thông tin phục vụ họp và xử lý công việc” (he_thong_hop_xu_ly_cong_viec, "
        "cấp tỉnh) ở Sở Thông tin và Truyền thông không thể lớn hơn 1, số đơn vị trực thuộc Sở Thông tin và "
        "Truyền thông hoạt động trong năm 2021 (hệ thống phục vụ họp và xử lý công việc của chính sở, ngành), "
        "nhưng gặp 2.")


def test_rank_zero_is_refused(tmp_path: Path) -> None:
    report = _copy(REPO / "tests" / "fixtures" / "reports-2629" / "2026" / "BKHCN.yaml", tmp_path)
    line = _replace(report, "      value: 5  #", "      value: 0  #")

    code, findings = _validate(tmp_path, str(report), plan=PLAN_2629)

    assert code == 1
    [f] = _only(findings, "sub-rank-zero")
    assert (f["line"], f["column"]) == (line, 14)
    assert f["message"] == (
        "Thứ hạng ở chỉ tiêu “Thứ hạng Chính phủ điện tử, Chính phủ số của Việt Nam trong ASEAN” (xep_hang_asean) "
        "phải từ 1 trở lên (hạng 1 là cao nhất), nhưng gặp 0; hãy ghi thứ hạng của kỳ đánh giá gần nhất.")


def _money_pair(tmp_path: Path) -> tuple[Path, int]:
    """TTCNTT's reports of 2021 and 2022; row 13 allocated 1500 in 2021 and 1.5 in 2022 (the
    "1.500" of a Vietnamese keyboard read as one and a half)."""
    before = _copy(REPORTS / "2021" / "TTCNTT.yaml", tmp_path)
    _replace(before, "    allocated: 2500  #", "    allocated: 1500  #")
    _replace(before, "    disbursed: 2000  #", "    disbursed: 1400  #")
    after = _copy(REPORTS / "2022" / "TTCNTT.yaml", tmp_path)
    line = _replace(after, "    allocated: 4500  #", "    allocated: 1.5  #")
    _replace(after, "    disbursed: 630  #", "    disbursed: 1.5  #")
    return after, line


def test_money_a_hundred_times_off_last_year_warns_naming_both(tmp_path: Path) -> None:
    after, line = _money_pair(tmp_path)

    code, findings = _validate(tmp_path, str(after))

    assert code == 0
    assert all(f["severity"] == "warning" for f in findings)
    previous = {(f["line"], f["message"]) for f in _only(findings, "sub-money-scale-previous")}
    assert previous == {
        (line, "Vốn bố trí nhiệm vụ TT 13 năm 2021 là 1.500 triệu đồng, năm 2022 là 1,5 triệu đồng: hai số chênh "
               "nhau 1.000 lần. Có thể ghi nhầm đơn vị tiền hoặc dấu ngăn cách (1.500 bị đọc thành 1,5); hãy kiểm tra lại."),
        (line + 1, "Vốn giải ngân nhiệm vụ TT 13 năm 2021 là 1.400 triệu đồng, năm 2022 là 1,5 triệu đồng: hai số chênh "
                   "nhau 933,3 lần. Có thể ghi nhầm đơn vị tiền hoặc dấu ngăn cách (1.500 bị đọc thành 1,5); hãy kiểm tra lại."),
    }
    planned = _only(findings, "sub-money-scale-planned")
    assert [f["line"] for f in planned] == [line, line + 1]
    assert planned[0]["message"].startswith(
        "Vốn bố trí nhiệm vụ TT 13 là 1,5 triệu đồng, trong khi tổng mức đầu tư dự kiến của nhiệm vụ là "
        "25.000 triệu đồng: hai số chênh nhau 16.666,7 lần.")

    strict = run_cli("validate", "--plan", str(REAL_PLAN), "--strict", str(after),
                     env={"XDG_CACHE_HOME": str(tmp_path / "cache"), "PLAN744_TODAY": "2026-12-31"})
    assert strict.returncode == 1


def test_money_within_a_hundred_times_says_nothing(tmp_path: Path) -> None:
    """Last year's 2500 against this year's 4500 (the sample as generated): no warning."""
    before = _copy(REPORTS / "2021" / "TTCNTT.yaml", tmp_path)
    after = _copy(REPORTS / "2022" / "TTCNTT.yaml", tmp_path)
    assert before.exists()
    code, findings = _validate(tmp_path, str(after))
    assert (code, findings) == (0, [])


@pytest.mark.parametrize(("plan", "folder", "expected"), [
    # the one deliberate warning of the bundled data: Kỳ Sơn's 2025 report sent after the district ended
    (REAL_PLAN, REPORTS, [("sub-date-after-end", "warning", "data/reports/2025/KYSON.yaml", "submitted")]),
    (PLAN_2629, REPO / "tests" / "fixtures" / "reports-2629" / "2026", []),
])
def test_bundled_reports_pass_the_bounds(tmp_path: Path, plan: Path, folder: Path, expected: list) -> None:
    code, findings = _validate(tmp_path, str(folder), plan=plan)
    assert code == 0
    assert [(f["code"], f["severity"], Path(f["file"]).resolve().relative_to(REPO).as_posix(), f["path"])
            for f in findings] == expected


@pytest.mark.parametrize(("old", "new", "code"), [
    # an "at most" without its figure
    ("        value: 460\n", "", "bound_value"),
    # a bound on a level the indicator is not reported at
    ("        levels: [tinh]\n        unit_kinds: [so_nganh]\n", "        levels: [bo]\n        unit_kinds: [so_nganh]\n",
     "indicator_bound_level"),
])
def test_plan_check_refuses_a_malformed_bound(tmp_path: Path, old: str, new: str, code: str) -> None:
    folder = tmp_path / "plan"
    folder.mkdir()
    shutil.copy(REPO / "data" / "organisation.yaml", folder / "organisation.yaml")
    plan = Path(shutil.copy(REAL_PLAN, folder / "plan.yaml"))
    _replace(plan, old, new)
    proc = run_cli("plan", "check", "--plan", str(plan), "--format", "json",
                   env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert proc.returncode == 1
    assert code in [f["code"] for f in json.loads(proc.stdout)["findings"]]
