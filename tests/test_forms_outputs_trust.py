"""Forms and outputs that cannot lie (issue 23, points 6 and 7): whatever a user does to a form or
to the disk, plan744 answers with a located Vietnamese finding or one Vietnamese line, never an
internal error (exit 3); a set of outputs is the old one or the new one, never a mix; the data
files say "not sent" for a report never sent, and write numbers one way on every machine.

Every workbook here is a real form made by the real command line, then edited the way a user (or a
hostile file) would: with openpyxl, or by rewriting the sheet's XML inside the zip."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from plan744.outputs import JOURNAL_NAME, OutputError, OutputSet

from conftest import MINI_PLAN, REPO, run_cli

BASIC = REPO / "tests" / "cases" / "valid" / "basic" / "reports"
MINI = ("--plan", str(MINI_PLAN))
TODAY = {"PLAN744_TODAY": "2023-06-30"}  # after every deadline of the mini plan's 2022


def text(proc: subprocess.CompletedProcess) -> str:
    return proc.stdout.decode("utf-8") + proc.stderr.decode("utf-8")


def no_internal_error(proc: subprocess.CompletedProcess) -> None:
    assert proc.returncode != 3 and "Lỗi nội bộ" not in text(proc) and "Traceback" not in text(proc), text(proc)


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The basic case's reports, S1's 2022 report as the filled Excel form (converted once)."""
    folder = tmp_path_factory.mktemp("converted") / "reports"
    shutil.copytree(BASIC, folder)
    proc = run_cli("convert", *MINI, str(folder / "2022" / "S1.yaml"), env=TODAY)
    assert proc.returncode == 0, text(proc)
    (folder / "2022" / "S1.yaml").unlink()
    return folder


@pytest.fixture
def data(converted: Path, tmp_path: Path) -> Path:
    """A copy of `converted` of the test's own, which it may change."""
    folder = tmp_path / "reports"
    shutil.copytree(converted, folder)
    return folder


def form(data: Path) -> Path:
    return data / "2022" / "S1.xlsx"


def validate(data: Path) -> subprocess.CompletedProcess:
    proc = run_cli("validate", *MINI, str(form(data)), env=TODAY)
    no_internal_error(proc)
    return proc


def edit(path: Path, change) -> None:
    """Open the form as a spreadsheet would, change it, save it."""
    wb = load_workbook(path)
    change(wb)
    wb.save(path)


def sheet(wb, kind: str):
    return next(ws for ws in wb.worksheets if ws["A1"].value == f"plan744:{kind}")


def row_of(ws, key: str) -> int:
    return next(c.row for c in ws["A"] if c.value == key)


def rewrite_member(path: Path, member: str, change) -> None:
    """Rewrite one XML part of the workbook's zip, the others copied as they are."""
    raw = path.read_bytes()
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            body = zin.read(info.filename)
            zout.writestr(info.filename, change(body) if info.filename == member else body)
    path.write_bytes(buf.getvalue())


def sheet_member(path: Path, title: str) -> str:
    from plan744.readers.xlsx_package import sheet_members

    return sheet_members(path.read_bytes())[title]


def with_merges(refs: list[str]):
    cells = "".join(f'<mergeCell ref="{r}"/>' for r in refs)
    return lambda xml: xml.replace(b"</sheetData>", f'</sheetData><mergeCells count="{len(refs)}">{cells}</mergeCells>'.encode())


# --- A. no internal error from a form ---------------------------------------------------------


def test_a_merged_range_over_the_whole_sheet_is_refused_at_its_cell(data: Path) -> None:
    rewrite_member(form(data), sheet_member(form(data), "Chỉ tiêu"), with_merges(["A1:XFD1048576"]))
    proc = validate(data)
    assert proc.returncode == 1
    assert "Chỉ tiêu!A1" in text(proc)
    assert ("Vùng ô gộp A1:XFD1048576 trên trang “Chỉ tiêu” phủ lên cột A hoặc dòng 1, nơi biểu mẫu giữ mã ẩn "
            "của từng dòng và cột: hãy bỏ gộp vùng này (Unmerge) hoặc điền lại vào biểu mẫu gốc.") in text(proc)


def test_thousands_of_huge_merged_ranges_are_refused_before_they_cost_memory(data: Path) -> None:
    # 3,000 ranges of 98,000 cells each: once expanded cell by cell, minutes and gigabytes
    refs = [f"B{i}:CV{i + 990}" for i in range(2, 3002)]
    rewrite_member(form(data), sheet_member(form(data), "Chỉ tiêu"), with_merges(refs))
    assert form(data).stat().st_size < 64 * 1024
    started = time.monotonic()
    proc = validate(data)
    assert time.monotonic() - started < 30
    assert proc.returncode == 1
    assert ("Tệp “S1.xlsx” có quá 1000 vùng ô gộp, trong khi biểu mẫu chỉ có vài vùng: công cụ không mở tệp này; "
            "hãy điền lại vào biểu mẫu gốc.") in text(proc)


def test_a_sheet_the_officer_added_may_merge_its_title(data: Path) -> None:
    def change(wb) -> None:
        ws = wb.create_sheet("Ghi chú riêng")
        ws["A1"] = "Ghi chú của đơn vị"
        ws.merge_cells("A1:D1")

    edit(form(data), change)
    proc = validate(data)
    assert proc.returncode == 0, text(proc)


def test_a_merged_input_cell_is_still_said_at_its_cell(data: Path) -> None:
    edit(form(data), lambda wb: sheet(wb, "chi_tieu").merge_cells("F3:G3"))
    proc = validate(data)
    assert proc.returncode == 1 and "Chỉ tiêu!G3" in text(proc) and "Ô này bị gộp với ô khác (F3:G3)" in text(proc)


@pytest.mark.parametrize(("key", "expected"), [
    ("rác", "Dòng 3 mang mã “rác” không có trong biểu mẫu"),
    (12345, "Dòng 3 mang mã “12345” không có trong biểu mẫu"),
    ("x" * 5000, "Dòng 3 mang mã “" + "x" * 60 + "” không có trong biểu mẫu"),
    ("ind:van_ban:tinh:pct", "Dòng 4 của trang “Chỉ tiêu” là bản sao của dòng 3 (cùng một mục)"),
    (None, "Dòng 3 của trang “Chỉ tiêu” không thuộc biểu mẫu (dòng chèn thêm) nên không được đọc"),
])
def test_an_edited_row_key_is_a_located_finding(data: Path, key: object, expected: str) -> None:
    def change(wb) -> None:
        ws = sheet(wb, "chi_tieu")
        assert ws["A3"].value == "ind:ho_so_truc_tuyen:tinh:pct" and ws["A4"].value == "ind:van_ban:tinh:pct"
        ws["A3"] = key

    edit(form(data), change)
    proc = validate(data)
    assert proc.returncode == 1 and expected in text(proc)


@pytest.mark.parametrize("key", ["general:year.x", "general:prepared_by", "general:submitted.x",
                                 "general:prepared_by.name.x", "general:"])
def test_a_general_key_edited_into_another_shape_is_a_finding_not_a_crash(data: Path, key: str) -> None:
    def change(wb) -> None:
        ws = sheet(wb, "thong_tin")
        ws[f"A{row_of(ws, 'general:prepared_by.name')}"] = key

    edit(form(data), change)
    proc = validate(data)  # these keys made the reader write into a number or a date: exit 3
    assert proc.returncode == 1 and f"mang mã “{key}” không có trong biểu mẫu" in text(proc)


def test_an_edited_field_row_is_said_with_its_sheet(data: Path) -> None:
    edit(form(data), lambda wb: sheet(wb, "chi_tieu").cell(row=1, column=6, value="tử số"))
    proc = validate(data)
    assert proc.returncode == 1 and "Chỉ tiêu!A1" in text(proc)
    assert ("Dòng mã ẩn (dòng 1) của trang “Chỉ tiêu” đã bị sửa (thiếu mã “first”; có mã lạ “tử số”), nên không biết "
            "cột nào chứa số liệu nào") in text(proc)


@pytest.mark.parametrize("rename", [False, True])
def test_two_sheets_with_one_role_are_an_error_naming_both(data: Path, rename: bool) -> None:
    def change(wb) -> None:
        copy = wb.copy_worksheet(sheet(wb, "chi_tieu"))  # "Chỉ tiêu Copy", its hidden key A1 with it
        copy.title = "Số liệu cũ" if rename else "Chỉ tiêu (2)"

    edit(form(data), change)
    proc = validate(data)
    second = "Số liệu cũ" if rename else "Chỉ tiêu (2)"
    assert proc.returncode == 1
    assert (f"Hai trang “Chỉ tiêu” và “{second}” cùng là trang “Chỉ tiêu” của biểu mẫu (một trang được chép thêm): "
            "hãy xóa trang thừa, chỉ giữ một trang “Chỉ tiêu”.") in text(proc)


# --- dates: day first, never guessed -------------------------------------------------------------


def _date_typed(data: Path, typed: str) -> subprocess.CompletedProcess:
    def change(wb) -> None:
        ws = sheet(wb, "thong_tin")
        cell = ws[f"C{row_of(ws, 'general:submitted')}"]
        cell.value = typed
        cell.data_type = "s"

    edit(form(data), change)
    return validate(data)


def test_a_date_typed_as_text_is_read_day_first(data: Path, tmp_path: Path) -> None:
    proc = _date_typed(data, "03/01/2023")  # 3 January, as Vietnamese write it; month first it would be 1 March
    assert proc.returncode == 0, text(proc)
    assert "Ngày được ghi dạng chữ “03/01/2023”, đã đọc là ngày 3 tháng 1 năm 2023" in text(proc)
    back = tmp_path / "S1.yaml"
    assert run_cli("convert", *MINI, str(form(data)), "--out", str(back), env=TODAY).returncode == 0
    assert "submitted: 2023-01-03" in back.read_text(encoding="utf-8")


def test_a_date_that_only_reads_month_first_is_refused(data: Path) -> None:
    proc = _date_typed(data, "01/13/2023")
    assert proc.returncode == 1
    assert "Thông tin chung!C" in text(proc)
    assert ("Ngày “01/13/2023” chỉ đúng nếu đọc tháng trước, ngày sau (kiểu Mỹ); biểu mẫu luôn đọc ngày/tháng/năm nên "
            "không đoán: hãy ghi lại là 13/01/2023 hoặc định dạng ô là ngày.") in text(proc)


# --- A. outputs: a full disk, a killed run, an --out in the data ------------------------------------


def _report(data: Path, out: Path, fmt: str, epoch: str, preexec=None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "COLUMNS": "200", **TODAY,
           "SOURCE_DATE_EPOCH": epoch}
    proc = subprocess.run([sys.executable, "-m", "plan744", "report", *MINI, "--year", "2022", "--data", str(data),
                           "--format", fmt, "--out", str(out)], env=env, cwd=REPO, capture_output=True, timeout=300,
                          preexec_fn=preexec)
    no_internal_error(proc)
    return proc


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _change_an_input(data: Path) -> None:
    h1 = data / "2022" / "H1.yaml"
    h1.write_text(h1.read_text(encoding="utf-8").replace("Huyện", "Huyện (sửa)", 1), encoding="utf-8")


def _file_size_limit(limit: int):
    def preexec() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return preexec


def test_a_write_that_fails_half_way_leaves_the_previous_set_whole(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    fmt = "html,json,csv"  # not xlsx: openpyxl streams each sheet through a temporary file, which the limit stops first
    first = _report(data, out, fmt, "1672876800")
    assert first.returncode == 0, text(first)
    before = _snapshot(out)
    assert len(before) > 5 and any(len(body) < 8 * 1024 for body in before.values())
    _change_an_input(data)
    # a second run, another generation stamp, whose small files can be written and larger ones cannot
    second = _report(data, out, fmt, "1700000000", preexec=_file_size_limit(8 * 1024))
    assert second.returncode == 1, text(second)
    lines = [line for line in text(second).splitlines() if line.startswith("Chưa ghi báo cáo")]
    assert len(lines) == 1
    assert re.fullmatch(r"Chưa ghi báo cáo: không ghi được “.*”: tệp vượt quá kích thước tối đa được phép ghi\. "
                        r"Các tệp cũ trong thư mục vẫn giữ nguyên\.", lines[0]), lines[0]
    assert _snapshot(out) == before  # every file of the first generation, nothing of the second, no leftovers


def test_a_workbook_whose_temporary_sheet_cannot_be_written_is_one_line(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = _report(data, out, "xlsx", "1700000000", preexec=_file_size_limit(8 * 1024))
    no_internal_error(proc)
    assert proc.returncode == 1
    assert ("không dựng được bản XLSX vì không ghi được tệp tạm: tệp vượt quá kích thước tối đa được phép ghi"
            in text(proc)), text(proc)
    assert not out.exists() or not any(out.iterdir())


def test_a_temporary_folder_that_cannot_be_written_is_one_line_not_an_internal_error(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _report(data, out, "all", "1672876800").returncode == 0
    before = _snapshot(out)
    # WeasyPrint writes the fonts to a temporary file before the PDF exists: a full /tmp
    proc = _report(data, out, "all", "1700000000", preexec=_file_size_limit(40 * 1024))
    assert proc.returncode == 1
    assert ("Chưa lập báo cáo: không dựng được bản PDF vì không ghi được tệp tạm: tệp vượt quá kích thước tối đa "
            "được phép ghi (không tệp nào được ghi).") in text(proc)
    assert _snapshot(out) == before


def test_a_full_disk_is_one_vietnamese_line_and_the_old_set_stays(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "small"
    out.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(out)],
                                          capture_output=True).returncode != 0:
        pytest.skip("needs to mount a small file system (root)")
    try:
        first = _report(data, out, "all", "1672876800")  # about 145 KB: the second set fits only in part
        assert first.returncode == 0, text(first)
        before = _snapshot(out)
        _change_an_input(data)
        proc = _report(data, out, "all", "1700000000")
        assert proc.returncode == 1, text(proc)
        lines = [line for line in text(proc).splitlines() if line.startswith("Chưa ghi báo cáo")]
        assert len(lines) == 1 and lines[0].endswith(": ổ đĩa đã đầy. Các tệp cũ trong thư mục vẫn giữ nguyên."), lines
        assert _snapshot(out) == before
    finally:
        subprocess.run(["umount", str(out)], check=False)


def test_a_commit_killed_half_way_is_finished_by_the_next_run(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _report(data, out, "json,csv", "1672876800").returncode == 0
    old = _snapshot(out)
    # what a run killed during its moves leaves: two files moved, the rest still in the journal
    new = tmp_path / "new"
    _change_an_input(data)
    assert _report(data, new, "json,csv", "1700000000").returncode == 0
    fresh = _snapshot(new)
    assert fresh != old
    journal = out / JOURNAL_NAME
    journal.mkdir()
    for i, (name, body) in enumerate(fresh.items()):
        (out / name if i < 2 else journal / name).write_bytes(body)
    proc = _report(data, out, "html", "1700000000")  # any next run on the folder
    assert proc.returncode == 0, text(proc)
    after = _snapshot(out)
    assert not journal.exists() and {k: v for k, v in after.items() if k in fresh} == fresh


def _visible(folder: Path) -> dict[str, bytes]:
    return {k: v for k, v in _snapshot(folder).items() if not k.startswith(".")}


def test_a_run_killed_at_any_moment_leaves_the_old_set_or_the_new_one(data: Path, tmp_path: Path) -> None:
    out, new = tmp_path / "out", tmp_path / "new"
    assert _report(data, out, "all", "1672876800").returncode == 0
    old = _visible(out)
    _change_an_input(data)
    assert _report(data, new, "all", "1700000000").returncode == 0
    fresh = _visible(new)
    assert old.keys() == fresh.keys() and all(old[k] != fresh[k] for k in old)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", **TODAY, "SOURCE_DATE_EPOCH": "1700000000"}
    seen = set()
    for delay in (0.3, 0.6, 0.9, 1.1, 1.3, 1.5, 1.7, 2.0, 2.5):
        run = subprocess.Popen([sys.executable, "-m", "plan744", "report", *MINI, "--year", "2022", "--data", str(data),
                                "--format", "all", "--out", str(out)], env=env, cwd=REPO,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        run.kill()
        run.wait()
        with OutputSet(out):  # what any next run does first: finish a commit cut short, drop the rest
            pass
        now = _visible(out)
        assert now in (old, fresh), (delay, [k for k in now if now[k] not in (old[k], fresh[k])])
        assert sorted(p.name for p in out.iterdir()) == sorted(old)  # no staging folder, no lock left
        seen.add("old" if now == old else "new")
        for name, body in old.items():  # back to the old set for the next try
            (out / name).write_bytes(body)
    assert "old" in seen


def test_a_move_that_fails_puts_the_previous_files_back(tmp_path: Path) -> None:
    for name in ("a.html", "b.json", "c.pdf"):
        (tmp_path / name).write_text("cũ", encoding="utf-8")
    with OutputSet(tmp_path) as out:
        for name in ("a.html", "b.json", "c.pdf"):
            out.add(name, "mới".encode())
        (tmp_path / "c.pdf").unlink()
        (tmp_path / "c.pdf").mkdir()  # something takes the last name between staging and the moves
        (tmp_path / "c.pdf" / "x").write_text("x", encoding="utf-8")
        with pytest.raises(OutputError, match="không ghi được vào .*: ở đó là một thư mục"):
            out.commit()
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == "cũ"
    assert (tmp_path / "b.json").read_text(encoding="utf-8") == "cũ"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.json", "c.pdf"]


def test_an_out_inside_the_data_folder_is_refused(data: Path) -> None:
    proc = _report(data, data / "bao-cao", "json", "1672876800")
    assert proc.returncode == 2
    assert (f"thư mục ghi báo cáo “{data / 'bao-cao'}” nằm trong thư mục số liệu “{data}”: lần lập báo cáo sau sẽ đọc "
            "các tệp đã ghi như báo cáo của đơn vị; hãy chọn --out ở ngoài thư mục số liệu.") in text(proc)
    assert not (data / "bao-cao").exists()


# --- B. the data files ---------------------------------------------------------------------------------


@pytest.fixture
def data_files(data: Path, tmp_path: Path) -> Path:
    out = tmp_path / "so-lieu"
    proc = _report(data, out, "json,csv,xlsx", "1672876800")
    assert proc.returncode == 0, text(proc)
    return out


def test_a_report_never_sent_is_not_zero_days_late(data_files: Path) -> None:
    doc = json.loads((data_files / "bao-cao-2022.json").read_text(encoding="utf-8"))
    rows = {r["unit"]: r for r in doc["tables"]["completeness"]}
    assert (rows["S2"]["timeliness"], rows["S2"]["submitted"], rows["S2"]["days_late"]) == ("missing", None, None)
    assert rows["S1"]["days_late"] == 0 and rows["S1"]["timeliness"] == "on_time"
    with open(data_files / "bao-cao-2022-completeness.csv", encoding="utf-8-sig", newline="") as fh:
        csv_rows = {r["unit"]: r for r in csv.DictReader(fh)}
    assert (csv_rows["S2"]["timeliness"], csv_rows["S2"]["days_late"]) == ("missing", "")
    wb = load_workbook(data_files / "bao-cao-2022.xlsx")
    ws = wb["Gửi báo cáo"]
    header = [c.value for c in ws[1]]
    s2 = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[header.index("Mã đơn vị")] == "S2")
    assert s2[header.index("Số ngày muộn")] is None


def test_csv_numbers_are_written_one_way_and_match_the_json(data_files: Path) -> None:
    from plan744.report.data import COLUMNS, _key_schemas

    doc = json.loads((data_files / "bao-cao-2022.json").read_text(encoding="utf-8"), parse_float=str)
    numeric = {k for k, s in _key_schemas().items() if s.get("type") in ("number", "integer")}
    checked = 0
    for table, cols in COLUMNS.items():
        path = data_files / f"bao-cao-2022-{table}.csv"
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert not rows or list(rows[0]) == [k for k, _ in cols]
        for row, record in zip(rows, doc["tables"][table], strict=True):
            for key in (k for k, _ in cols if k in numeric and row[k] != ""):
                assert re.fullmatch(r"-?\d+(\.\d+)?", row[key]), (table, key, row[key])  # no grouping, dot decimal
                assert row[key] == str(record[key]), (table, key)
                checked += 1
    assert checked > 20
    with open(data_files / "bao-cao-2022-appendix_reports.csv", encoding="utf-8-sig", newline="") as fh:
        disbursed = {r["tt"]: r["disbursed"] for r in csv.DictReader(fh) if r["unit"] == "S1"}
    assert disbursed["1"] == "35.5"  # thirty-five and a half, on any machine


def test_csv_text_that_a_spreadsheet_would_run_is_written_as_text(data: Path, tmp_path: Path) -> None:
    h1 = data / "2022" / "H1.yaml"
    body = h1.read_text(encoding="utf-8")
    assert "highlights:" in body
    h1.write_text(re.sub(r"highlights: .*", 'highlights: "=HYPERLINK(\\"http://x.invalid\\",\\"Bấm\\")"', body, count=1),
                  encoding="utf-8")
    out = tmp_path / "o"
    assert _report(data, out, "csv", "1672876800").returncode == 0
    with open(out / "bao-cao-2022-narratives.csv", encoding="utf-8-sig", newline="") as fh:
        texts = [r["text"] for r in csv.DictReader(fh) if r["unit"] == "H1" and r["section"] == "highlights"]
    assert texts == ["'=HYPERLINK(\"http://x.invalid\",\"Bấm\")"]
