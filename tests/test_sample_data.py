"""The bundled illustrative data, 2021–2025: valid, reproducible, honest, following the
organisation's changes, and its deliberate imperfections visible in each year's report."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

from plan744.core.figures.codes import Attainment, Timeliness
from plan744.core.figures.year import year_figures
from plan744.core.findings import Severity
from plan744.readers.files import discover
from plan744.services.plans import load_plan
from plan744.services.validate import validate_files

from conftest import REPO, run_cli

DATA = REPO / "data" / "reports"
YEARS = (2021, 2022, 2023, 2024, 2025)


@pytest.fixture(scope="module")
def bundled():
    plan = load_plan(REPO / "data" / "plan.yaml").plan
    files = discover([str(DATA)]).files
    parsed, findings = validate_files(plan, files, today=dt.date.today(), with_context=False, keep=True)
    return plan, [sf.submission for sf in parsed], findings


# The one deliberate imperfection the checks report: Kỳ Sơn's 2025 report is dated after the
# district ended (30/6/2025); a warning, not an error.
KYSON_WARNING = ("sub-date-after-end", Severity.WARNING, "2025/KYSON.yaml", 19, ("submitted",))


def test_every_sample_file_is_valid_and_says_it_is_illustrative(bundled) -> None:
    plan, subs, findings = bundled
    assert [(f.code, f.severity, Path(f.file).resolve().relative_to(DATA).as_posix(), f.line, f.path)
            for f in findings] == [KYSON_WARNING]
    assert {s.year for s in subs} == set(YEARS)
    for path in DATA.rglob("*.yaml"):
        head = path.read_text(encoding="utf-8")[:400]
        assert "SỐ LIỆU MINH HỌA" in head and "không phải số liệu thực" in head, path


def test_each_year_holds_the_units_that_owed_a_report(bundled) -> None:
    """The files of a year are exactly the units the organisation obliges that year, less the
    deliberately missing: no district after 30/6/2025, no commune before 01/7/2025."""
    plan, subs, _ = bundled
    missing = {(2022, "TUONGDUONG"), (2024, "BQLKKT"), (2025, "XA_MYLY")}
    for year in YEARS:
        owed = {c.unit for c in plan.organisation.obligations(plan.window(year), plan.deadline(year))}
        filed = {s.unit for s in subs if s.year == year}
        assert filed == owed - {u for y, u in missing if y == year}, year
    in_2025 = {s.unit for s in subs if s.year == 2025}
    assert sum(1 for u in in_2025 if u.startswith(("XA_", "PHUONG_"))) == 129  # 130, one missing
    assert "STTTT" not in in_2025 and "SKHCN" in in_2025  # merged 01/3/2025: Sở KH&CN reports the year
    assert "CUALO" not in {s.unit for s in subs if s.year == 2024}  # merged into Vinh on 01/12/2024


def test_validate_cli_accepts_the_bundled_data() -> None:
    proc = run_cli("validate", "data/reports")
    assert proc.returncode == 0, proc.stdout.decode() + proc.stderr.decode()
    out = proc.stdout.decode()
    assert "Đã kiểm tra 359 tệp: 0 lỗi, 1 cảnh báo trong 1 tệp." in out
    # the deliberate warning, at its line, and nothing else reported
    assert "data/reports/2025/KYSON.yaml\n    19:12  cảnh báo Ngày gửi 10/7/2025 sau ngày Huyện Kỳ Sơn kết thúc" in out
    assert re.findall(r"^ +\d+:\d+ +(lỗi|cảnh báo) .*\[([a-z-]+)\]$", out, re.M) == [("cảnh báo", "sub-date-after-end")]
    assert run_cli("validate", "--strict", "data/reports").returncode == 1  # a warning still counts with --strict


def test_generator_is_reproducible(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(REPO / "scripts" / "make_sample_data.py"), "--out", str(tmp_path)],
                   check=True, capture_output=True, cwd=REPO)
    made = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.yaml"))
    committed = sorted(p.relative_to(DATA) for p in DATA.rglob("*.yaml"))
    assert made == committed

    def body(path: Path) -> list[str]:
        # The schema modeline is a path relative to where the file is written.
        return [ln for ln in path.read_text(encoding="utf-8").splitlines() if "yaml-language-server" not in ln]

    for rel in made:
        assert body(tmp_path / rel) == body(DATA / rel), rel


def test_imperfections_are_in_the_figures(bundled) -> None:
    plan, subs, _ = bundled
    expected = {
        2022: ({"SNGV"}, {"TUONGDUONG"}, {13}),
        2023: ({"QUEPHONG"}, set(), {20}),
        2024: (set(), {"BQLKKT"}, set()),
        2025: ({"KYSON", "PHUONG_HOANGMAI"}, {"XA_MYLY"}, {20}),
    }
    for year, (late, missing, behind) in expected.items():
        f = year_figures(plan, year, subs)
        assert {d.unit.code for d in f.completeness.late} == late, year
        assert {d.unit.code for d in f.completeness.missing} == missing, year
        assert behind <= {a.task.tt for a in f.rows_behind}, year
    f = year_figures(plan, 2025, subs)
    below = {r.indicator.id for r in f.indicators if r.attainment is Attainment.NOT_REACHED}
    assert "ho_so_giai_quyet_dvctt_34" in below
    # the district level ended on 30/6/2025: judged on its figures to that day (the 80% target
    # of work dossiers handled online, met at 97,0%), not "không đánh giá được"
    ended = [r for r in f.indicators if r.level_end is not None]
    assert ended and all(r.scope == "huyen" for r in ended) and all(r.level_end == dt.date(2025, 6, 30) for r in ended)
    assert not f.level_ended and f.level_partial == ended
    dossiers = next(r for r in ended if r.indicator.id == "ho_so_cong_viec_tren_mang")
    assert dossiers.attainment is Attainment.EXCEEDED and dossiers.value is not None and dossiers.value > 80
    kyson = next(d for d in f.completeness.rows if d.unit.code == "KYSON")
    assert (kyson.coverage.end, kyson.coverage.deadline, kyson.timeliness) == (
        dt.date(2025, 6, 30), dt.date(2025, 6, 30), Timeliness.LATE)


@pytest.mark.parametrize("year", YEARS)
def test_every_year_has_its_report(tmp_path: Path, year: int) -> None:
    proc = run_cli("report", "--year", str(year), "--format", "html", "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr.decode()
    html = (tmp_path / f"bao-cao-{year}.html").read_text(encoding="utf-8")
    assert f"Kết quả thực hiện năm {year} Kế hoạch số 744/KH-UBND ngày 15/12/2020 của UBND tỉnh Nghệ An" in html


def test_the_2025_report_names_the_reform(tmp_path: Path, bundled) -> None:
    plan, subs, _ = bundled
    proc = run_cli("report", "--year", "2025", "--format", "html", "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr.decode()
    html = (tmp_path / "bao-cao-2025.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", html)
    # The drafting department of 2025, and the way the district level was counted.
    assert "Sở Khoa học và Công nghệ" in text
    # The reform is one paragraph: the merger of 01/3/2025, the end of the district level on
    # 01/7/2025, and the tasks Sở KH&CN took over, with cumulative disbursement running on.
    [reform] = [p for p in re.findall(r'<p class="body">(.*?)</p>', html)
                if p.startswith("Trong năm 2025, tỉnh thực hiện sắp xếp tổ chức bộ máy: từ ngày 01/3/2025,")]
    assert "Sở Khoa học và Công nghệ (hợp nhất với Sở Thông tin và Truyền thông)" in reform
    # One sentence per date: the second opens with the date of the end of the district level.
    assert (". Từ ngày 01/7/2025, chính quyền cấp huyện kết thúc hoạt động, tỉnh có 130 đơn vị hành chính cấp xã "
            "(119 xã, 11 phường)") in reform
    assert reform.endswith(
        "Từ ngày 01/3/2025, Sở Khoa học và Công nghệ tiếp nhận từ Sở Thông tin và Truyền thông nhiệm vụ tham mưu, "
        "tổng hợp việc thực hiện Kế hoạch; các nhiệm vụ TT 1, 2, 4, 8, 11, 12, 17 - 24 do Sở Thông tin và Truyền "
        "thông chủ trì được chuyển giao cho Sở Khoa học và Công nghệ; nhiệm vụ TT 27 do Sở Lao động - Thương binh "
        "và Xã hội chủ trì được chuyển giao cho Sở Nội vụ; số liệu giải ngân lũy kế của các nhiệm vụ tính từ năm 2021.")
    # 20 district-level units in 2025: Cửa Lò had merged into Vinh on 01/12/2024.
    assert ("Số liệu cấp huyện năm 2025 do 20 đơn vị cấp huyện báo cáo, tính đến ngày 30/6/2025; số liệu cấp xã năm "
            "2025 gồm số liệu do các đơn vị cấp huyện tổng hợp đến ngày 30/6/2025 và số liệu của 130 đơn vị cấp xã "
            "từ ngày 01/7/2025.") in " ".join(text.split())
    # Every commune of the reform has its row in the per-unit appendix; the completeness appendix
    # counts them in one line, naming the late and the missing.
    communes = [u for u in plan.units if u.kind == "xa"]
    assert len(communes) == 130
    for unit in communes:
        assert f'<td class="left">{unit.name}</td>' in html, unit.code
    assert "<li>Xã, phường: 128/130 đơn vị gửi đúng hạn; phường Hoàng Mai gửi muộn 9 ngày; xã Mỹ Lý chưa gửi.</li>" in html


def test_deleting_a_file_makes_the_unit_missing(tmp_path: Path) -> None:
    import shutil

    data = tmp_path / "reports"
    shutil.copytree(DATA, data)
    (data / "2022" / "VINH.yaml").unlink()
    proc = run_cli("report", "--year", "2022", "--format", "html", "--data", str(data), "--out", str(tmp_path / "o"))
    assert proc.returncode == 0
    html = (tmp_path / "o" / "bao-cao-2022.html").read_text(encoding="utf-8")
    # the completeness appendix: one line per kind of unit, naming the late and the missing
    assert "Hạn gửi báo cáo: ngày 20/12/2022; 46/48 đơn vị đã gửi, trong đó 45 đơn vị gửi đúng hạn." in html
    assert ("<li>Huyện, thành phố, thị xã: 19/21 đơn vị gửi đúng hạn; thành phố Vinh chưa gửi; "
            "huyện Tương Dương chưa gửi.</li>") in html
    assert "Thành phố Vinh, huyện Tương Dương chưa gửi báo cáo; số liệu tổng hợp chưa bao gồm" in html
    assert "VINH" in proc.stdout.decode()  # the terminal summary names the missing units
