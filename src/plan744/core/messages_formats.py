"""The messages that speak the format of the file (issue 26).

The catalogue's advice for a value typed wrong is written for a YAML file (quotes, writing the
number differently). In a workbook the same mistake is a cell holding text where a number or a
date belongs, and the advice is about the cell: its format (Number, Date) and what to type in
it. `messages.make` takes the wording here when the finding's place is a cell, with `{at}` the
cell and its sheet ("Ô F3 trên trang tính “Chỉ tiêu”"); a code not listed speaks the same in both
formats. YAML words (thụt lề, dấu hai chấm, ngoặc kép) never appear here.
"""

from __future__ import annotations

IN_WORKBOOK: dict[str, str] = {
    "number-quoted": "{at} chứa {found} ở dạng văn bản (ô định dạng Text, hoặc gõ dấu nháy ' ở đầu), không phải số: hãy định dạng ô là số (Number) rồi gõ lại {suggest}.",
    "number-spaces": "{at} chứa {found} ở dạng văn bản, có dấu cách thừa quanh số: hãy định dạng ô là số (Number) rồi gõ lại {suggest}.",
    "number-leading-zero": "{at} chứa {found} ở dạng văn bản, có chữ số 0 ở đầu: hãy định dạng ô là số (Number) rồi gõ lại {suggest}.",
    "number-vn-notation": "{at} chứa {found} ở dạng văn bản, có dấu ngăn cách hàng nghìn gõ tay: hãy định dạng ô là số (Number) rồi gõ lại số liền, không dấu ngăn cách ({suggest}); Excel tự hiển thị dấu ngăn cách.",
    "number-en-grouped": "{at} chứa {found} ở dạng văn bản, có dấu phẩy ngăn cách hàng nghìn gõ tay: hãy định dạng ô là số (Number) rồi gõ lại số liền, không dấu ngăn cách ({suggest}).",
    "number-ambiguous": "{at} chứa {found} ở dạng văn bản nên không rõ là {first} hay {second}: hãy định dạng ô là số (Number) rồi gõ lại số; không gõ dấu ngăn cách hàng nghìn, Excel tự hiển thị.",
    "number-decimal-comma": "{at} chứa {found} ở dạng văn bản, không phải số: hãy định dạng ô là số (Number) rồi gõ lại số, phần thập phân theo dấu thập phân của máy.",
    "number-not-integer": "{at} cần một số nguyên, nhưng chứa {found}: số lượng không có phần thập phân.",
    "date-quoted": "{at} chứa ngày {found} ở dạng văn bản: hãy định dạng ô là ngày (Date) rồi gõ lại ngày.",
    "date-vn-format": "{at} chứa ngày {found} ở dạng văn bản: hãy định dạng ô là ngày (Date) rồi gõ lại ngày.",
    "missing": "{at} chưa điền: đây là ô bắt buộc ({field}) của biểu mẫu.",
    "sub-plan-other": "Báo cáo ghi kế hoạch “{named}”, nhưng công cụ đang dùng {title}: hãy chỉ định đúng kế hoạch (--plan, hoặc plan744.toml của thư mục dữ liệu), hoặc sửa ô này của biểu mẫu.",
}


def at_cell(sheet: str, cell: str) -> str:
    """The cell as a sentence names it."""
    if not cell:
        return f"Ô này trên trang tính “{sheet}”" if sheet else "Ô này"
    return f"Ô {cell} trên trang tính “{sheet}”" if sheet else f"Ô {cell}"


# A value left empty, as `messages.describe` says it ("Cần một số, nhưng gặp …"): a workbook's is a cell.
EMPTY_VALUE, EMPTY_CELL = "giá trị để trống", "ô để trống"
