"""The layout of the Excel form, shared by the writer (`forms.xlsx_form`) and the reader
(`readers.xlsx_source`), so neither guesses what the other did.

Every sheet of the form carries its own machine keys, hidden from the officer:
- cell A1 names the sheet's kind ("plan744:chi_tieu"), so a renamed or reordered sheet is still
  found;
- row 1 (hidden) names the field each column holds ("numerator", "status", …), so an inserted
  column moves its key with it;
- column A (hidden) names the record of each row ("ind:ho_so_truc_tuyen:tinh"), so an inserted
  or moved row keeps its meaning; a row of ours that holds no record says "-".
The hidden sheet `_plan744` says which plan, unit, year and form version made the workbook.
"""

from __future__ import annotations

FORM_VERSION = 1
META_SHEET = "_plan744"
KIND_PREFIX = "plan744:"
NO_RECORD = "-"

# sheet kind -> default title (the officer may rename a sheet; the kind stays in A1)
SHEETS = {
    "huong_dan": "Hướng dẫn",
    "thong_tin": "Thông tin chung",
    "chi_tieu": "Chỉ tiêu",
    "phu_luc": "Phụ lục",
    "nhiem_vu": "Nhiệm vụ",
    "nhan_xet": "Nhận xét",
}

# sheet kind -> {field key: column letter}, in the form as made (the reader uses row 1 instead)
FIELDS = {
    "thong_tin": {"value": "C"},
    "chi_tieu": {"first": "F", "denominator": "G", "note": "I"},  # first: numerator, or the value of a count
    "phu_luc": {"status": "F", "allocated": "G", "disbursed": "H", "progress": "I"},
    "nhiem_vu": {"status": "E", "account": "F"},
    "nhan_xet": {"value": "C"},
}

# row keys of the general sheet, in order: (key, label, required)
GENERAL = (
    ("plan", "Kế hoạch (số, ký hiệu)", True),
    ("unit", "Mã đơn vị (không sửa)", True),
    ("year", "Năm báo cáo", True),
    ("submitted", "Ngày gửi báo cáo", True),
    ("prepared_by.name", "Người lập báo cáo: họ và tên", True),
    ("prepared_by.position", "Người lập báo cáo: chức vụ", True),
    ("prepared_by.phone", "Người lập báo cáo: điện thoại (không bắt buộc)", False),
    ("prepared_by.email", "Người lập báo cáo: thư điện tử (không bắt buộc)", False),
    ("approved_by.name", "Lãnh đạo duyệt: họ và tên (không bắt buộc)", False),
    ("approved_by.position", "Lãnh đạo duyệt: chức vụ (không bắt buộc)", False),
    ("approved_by.phone", "Lãnh đạo duyệt: điện thoại (không bắt buộc)", False),
    ("approved_by.email", "Lãnh đạo duyệt: thư điện tử (không bắt buộc)", False),
)
LOCKED_GENERAL = ("plan", "unit", "year")  # filled by plan744, not by the officer

NARRATIVE = (
    ("highlights", "Kết quả nổi bật"),
    ("shortcomings", "Tồn tại, hạn chế và nguyên nhân"),
    ("proposals", "Đề xuất, kiến nghị"),
)

MAX_ROWS = 5000  # rows read per sheet: a form has a few hundred; more is not a form any more
