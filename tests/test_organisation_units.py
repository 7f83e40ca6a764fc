"""A unit of the organisation file is a slotted dataclass (`core.organisation.Unit`), held as
strictly as the models around it, and said wrong in the same words, at its line, however large
the file is (`services.plans.SMALL_ORGANISATION`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import sys
from pathlib import Path

import pytest

from conftest import REPO

SKHDT = '  - code: SKHDT\n    name: Sở Kế hoạch và Đầu tư\n    kind: so_nganh\n    aliases: ["Sở Kế hoạch và Đầu tư"]\n'
END = "    end: 2025-02-28\n"

# (what is written instead of SKHDT's lines, the line the finding is at, counted from the
# unit's first line; its code; words of its message)
WRONG = {
    "aliases not a list": (SKHDT.replace('["Sở Kế hoạch và Đầu tư"]', '"Sở Kế hoạch và Đầu tư"'), 3, "type",
                           "Cần một danh sách (mỗi mục bắt đầu bằng “- ”), nhưng gặp “Sở Kế hoạch và Đầu tư”."),
    # Each of these two a lax model would take (as True, as a date).
    "a word for a yes": (SKHDT + '    confirmed: "yes"\n', 4, "type", "Cần true (có) hoặc false (không), nhưng gặp “yes”."),
    "a date in quotes": (SKHDT.replace("code: SKHDT", 'code: SKHDT\n    start: "2020-01-01"'), 1, "date-quoted",
                         "Gặp “2020-01-01” trong dấu ngoặc kép, tức là văn bản, không phải ngày. Hãy bỏ dấu ngoặc kép: "
                         "2020-01-01."),
    "a number for a date": (SKHDT.replace("code: SKHDT", "code: SKHDT\n    start: 20200101"), 1, "type",
                            "Cần một ngày viết dạng năm-tháng-ngày, ví dụ 2022-12-10, nhưng gặp số 20200101."),
    "a misspelt field": (SKHDT + "    nam: Sở KH&ĐT\n", 4, "extra_forbidden",
                         "Trường “nam” không có trong mẫu báo cáo (có phải ý là “name”?)."),
    "no name": (SKHDT.replace("    name: Sở Kế hoạch và Đầu tư\n", ""), 0, "missing", "Thiếu trường bắt buộc “name”."),
    "not a mapping": ("  - SKHDT_CU\n" + SKHDT, 0, "type",
                      "Cần một bảng các trường (mapping: mỗi dòng “tên: giá trị”), nhưng gặp “SKHDT_CU”."),
    "ends before it starts": (SKHDT + "    start: 2025-03-01\n", 0, "unit_dates_order",
                              "Ngày kết thúc hoạt động của đơn vị (end) phải không sớm hơn ngày bắt đầu (start)."),
}


@pytest.mark.parametrize("small", [True, False], ids=["read with positions", "read without positions"])
@pytest.mark.parametrize("case", list(WRONG))
def test_a_wrong_unit_is_one_located_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str,
                                           small: bool) -> None:
    from plan744.services import plans

    for name in ("plan.yaml", "organisation.yaml"):
        shutil.copy(REPO / "data" / name, tmp_path / name)
    org = tmp_path / "organisation.yaml"
    text = org.read_text(encoding="utf-8")
    assert text.count(SKHDT) == 1 and text.count(SKHDT + "    source:") == 1
    written, offset, code, message = WRONG[case]
    org.write_text(text.replace(SKHDT, written), encoding="utf-8")
    unit_line = text[:text.index(SKHDT)].count("\n") + 1

    monkeypatch.setenv("PLAN744_NO_CACHE", "1")
    if not small:  # as a file over the size that keeps every position is read
        monkeypatch.setattr(plans, "SMALL_ORGANISATION", 0)
    loaded = plans.load_plan(tmp_path / "plan.yaml")
    found = [f for f in loaded.findings if f.severity == "error"]
    assert loaded.plan is None
    assert [(f.code, Path(f.file).name, f.message) for f in found] == [(code, "organisation.yaml", message)]
    assert found[0].line == unit_line + offset


def test_a_unit_is_what_its_fields_say_and_no_more() -> None:
    """The same unit as a mapping and built by hand; it keeps no per-instance dictionary (the
    reason it is a dataclass: an organisation of tens of thousands of units holds one each)."""
    from pydantic import TypeAdapter

    from plan744.core.organisation import Unit

    read = TypeAdapter(Unit).validate_python({"code": "XA_A", "name": " Xã A ", "kind": "xa", "start": dt.date(2025, 7, 1)})
    built = Unit(code="XA_A", name="Xã A", kind="xa", start=dt.date(2025, 7, 1))
    assert read == built and read.name == "Xã A" and read.aliases == [] and read.aliases is not built.aliases
    assert read.alive_on(dt.date(2025, 7, 1)) and not read.alive_on(dt.date(2025, 6, 30))
    assert not hasattr(read, "__dict__") and sys.getsizeof(read) < 200
    with pytest.raises(dataclasses.FrozenInstanceError):
        read.name = "Xã B"  # type: ignore[misc]
