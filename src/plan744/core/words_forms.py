"""The words of the forms an officer fills in: the Excel form's sheet titles, column headers and
instructions (`forms.xlsx_form`, `forms.xlsx_layout`) and the comments of the YAML scaffold
(`forms.scaffold_yaml`).

Merged into `core.labels.WORDS`, so a plan file's `words:` section rewords any of them by its code.
The forms' hidden keys (`forms.xlsx_layout`) are codes, not words: the reader finds every value by
them, so a reworded form reads back the same.
"""

from __future__ import annotations

_SHEETS = {
    "huong_dan": "Hướng dẫn",
    "thong_tin": "Thông tin chung",
    "chi_tieu": "Chỉ tiêu",
    "phu_luc": "Phụ lục",
    "nhiem_vu": "Nhiệm vụ",
    "nhan_xet": "Nhận xét",
}

_GENERAL = {
    "plan": "Kế hoạch (số, ký hiệu)",
    "unit": "Mã đơn vị (không sửa)",
    "year": "Năm báo cáo",
    "submitted": "Ngày gửi báo cáo",
    "prepared_by.name": "Người lập báo cáo: họ và tên",
    "prepared_by.position": "Người lập báo cáo: chức vụ",
    "prepared_by.phone": "Người lập báo cáo: điện thoại (không bắt buộc)",
    "prepared_by.email": "Người lập báo cáo: thư điện tử (không bắt buộc)",
    "approved_by.name": "Lãnh đạo duyệt: họ và tên (không bắt buộc)",
    "approved_by.position": "Lãnh đạo duyệt: chức vụ (không bắt buộc)",
    "approved_by.phone": "Lãnh đạo duyệt: điện thoại (không bắt buộc)",
    "approved_by.email": "Lãnh đạo duyệt: thư điện tử (không bắt buộc)",
}

_NARRATIVE = {
    "highlights": "Kết quả nổi bật",
    "shortcomings": "Tồn tại, hạn chế và nguyên nhân",
    "proposals": "Đề xuất, kiến nghị",
}

_XLSX = {
    "form.doc_title": "Báo cáo năm {year}: {unit}",
    "form.footer": "Trang &P/&N",
    "form.rule.count": "Ghi một số nguyên không âm (số đếm), không ghi tỷ lệ %, không dùng dấu chấm ngăn cách hàng nghìn.",
    "form.rule.money": "Ghi số tiền không âm (có thể có phần thập phân).",
    "form.rule.date": "Ghi một ngày (ngày/tháng/năm).",
    "form.rule.status": "Chọn tình trạng trong danh sách.",
    "form.rule.title": "Giá trị không hợp lệ",
    # the instructions sheet
    "form.title": "BÁO CÁO KẾT QUẢ THỰC HIỆN {kind} {number} NĂM {year}",
    "form.unit": "Đơn vị: {unit}",
    "form.period": "Kỳ số liệu: từ {start} đến {end}. Hạn gửi: {due}.",
    "form.howto.lead": "Cách điền:",
    "form.howto.inputs": "1. Chỉ ghi vào các ô nền vàng; các ô khác đã khóa để không sửa nhầm.",
    "form.howto.general": "2. Trang “Thông tin chung”: ngày gửi báo cáo và người lập báo cáo.",
    "form.howto.indicators": "3. Trang “Chỉ tiêu”: ghi số đếm (tử số và mẫu số), không ghi tỷ lệ %: cột “Tỷ lệ” tự tính để đối chiếu. "
                             "Chỉ tiêu đếm số lượng hoặc số tiền: ghi vào cột “Tử số / số lượng”.",
    "form.howto.appendix": "4. Trang “Phụ lục”: tình trạng (chọn trong danh sách), vốn bố trí và giải ngân trong năm ({money}), "
                           "kết quả thực hiện. Nhiệm vụ cùng chủ trì: chỉ điền nếu đơn vị có tham gia.",
    "form.howto.tasks": "5. Trang “Nhiệm vụ”: tình trạng và kết quả của các nhiệm vụ định tính; nhiệm vụ không bắt buộc chỉ điền nếu có.",
    "form.howto.narrative": "6. Trang “Nhận xét”: kết quả nổi bật, tồn tại hạn chế, đề xuất kiến nghị.",
    "form.howto.numbers": "Ghi số liền, không gõ dấu chấm hay dấu phẩy ngăn cách hàng nghìn (ví dụ: 1500); số tiền có phần lẻ "
                          "ghi dấu thập phân như máy tính đang dùng. Không gõ chữ hay dấu % vào ô số.",
    "form.howto.keep": "Không xóa, không đổi thứ tự các trang và các dòng; có thể đổi độ rộng cột để dễ đọc.",
    "form.howto.return": "Điền xong, gửi lại chính tệp này (không đổi sang định dạng khác) cho cơ quan tổng hợp.",
    # the general sheet and the narrative sheet
    "form.col.item": "Mục",
    "form.col.content": "Nội dung",
    "form.col.note": "Ghi chú",
    "form.general.due": "Hạn gửi: {due}",
    "form.required": "* bắt buộc",
    # the indicators sheet
    "form.ind.col.tt": "TT",
    "form.ind.col.indicator": "Chỉ tiêu và cách tính",
    "form.ind.col.level": "Cấp",
    "form.ind.col.target": "Mục tiêu",
    "form.ind.col.first": "Tử số / số lượng",
    "form.ind.col.denominator": "Mẫu số",
    "form.ind.col.ratio": "Tỷ lệ (tự tính)",
    "form.ind.col.note": "Ghi chú",
    "form.ind.none": "Đơn vị không có chỉ tiêu phải báo cáo trong năm này.",
    "form.ind.level_total": "(tổng số liệu trên địa bàn)",
    "form.ind.how": "{name}\nTử số: {numerator}\nMẫu số: {denominator}",
    # the appendix sheet
    "form.app.col.tt": "TT",
    "form.app.col.task": "Nhiệm vụ, dự án",
    "form.app.col.lead": "Chủ trì; thời gian",
    "form.app.col.cost": "Kinh phí dự kiến ({money})",
    "form.app.col.status": "Tình trạng",
    "form.app.col.allocated": "Bố trí trong năm ({money})",
    "form.app.col.disbursed": "Giải ngân trong năm ({money})",
    "form.app.col.progress": "Kết quả thực hiện trong năm",
    "form.app.none": "Đơn vị không chủ trì nhiệm vụ, dự án nào ở Phụ lục trong năm này.",
    "form.app.shared": "(Cùng chủ trì: chỉ điền nếu đơn vị có tham gia.)",
    # the tasks sheet
    "form.task.col.id": "Mã",
    "form.task.col.task": "Nhiệm vụ",
    "form.task.col.required": "Bắt buộc",
    "form.task.col.status": "Tình trạng",
    "form.task.col.account": "Kết quả thực hiện, ngắn gọn",
    "form.task.required": "Có",
    "form.task.optional": "Không (điền nếu có)",
    "form.task.none": "Đơn vị không có nhiệm vụ định tính phải báo cáo.",
}

_SCAFFOLD = {
    "scaffold.schema_hint": "(Để trình soạn thảo gợi ý khi gõ: plan744 schema --out submission.schema.json)",
    "scaffold.title": "Báo cáo kết quả thực hiện {kind} {number} năm {year}: {unit}",
    "scaffold.period": "Kỳ số liệu: từ {start} đến {end}; hạn gửi: {due}.",
    "scaffold.howto": "Cách điền: ghi giá trị sau dấu hai chấm, giữ nguyên thụt lề (dấu cách, không dùng Tab).",
    "scaffold.howto.numbers": "Số viết liền, không có dấu chấm ngăn cách hàng nghìn: 1500 (không viết 1.500).",
    "scaffold.howto.decimals": "Số thập phân dùng dấu chấm: 12.5 (không viết 12,5). Tiền tính bằng {money}.",
    "scaffold.howto.dates": "Ngày viết dạng năm-tháng-ngày: 2022-12-10.",
    "scaffold.howto.counts": "Chỉ ghi số đếm (tử số, mẫu số); tỷ lệ % do phần mềm tự tính.",
    "scaffold.check": "Kiểm tra trước khi gửi: plan744 validate <tên tệp này>",
    "scaffold.plan": "kế hoạch của báo cáo này",
    "scaffold.submitted": "ngày gửi báo cáo, ví dụ {example}",
    "scaffold.prepared_by": "người lập báo cáo",
    "scaffold.approved_by": "lãnh đạo đơn vị duyệt",
    "scaffold.name": "họ và tên",
    "scaffold.position": "chức vụ",
    "scaffold.optional": "không bắt buộc",
    "scaffold.indicators": "số liệu các chỉ tiêu của kế hoạch",
    "scaffold.indicator": "{name}. Mục tiêu: {targets}",
    "scaffold.level_total": "(tổng số liệu {level} trên địa bàn)",
    "scaffold.numerator": "tử số: {text}",
    "scaffold.denominator": "mẫu số: {text}",
    "scaffold.note": "ghi chú",
    "scaffold.appendix": "các nhiệm vụ, dự án ở Phụ lục do đơn vị chủ trì",
    "scaffold.appendix.money": "; tiền tính bằng {money}",
    "scaffold.appendix.none": "đơn vị không chủ trì nhiệm vụ, dự án nào ở Phụ lục trong năm",
    "scaffold.appendix.shared": "Nhiệm vụ TT {tt} do “{lead}” cùng chủ trì: nếu đơn vị có tham gia, bỏ dấu # ở các dòng sau",
    "scaffold.appendix.unlist": "và xóa “[]” ở dòng appendix",
    "scaffold.appendix.cost": "; dự kiến {cost} {money}",
    "scaffold.appendix.allocated": "vốn được bố trí trong năm",
    "scaffold.appendix.disbursed": "vốn đã giải ngân trong năm",
    "scaffold.appendix.progress": "kết quả thực hiện trong năm",
    "scaffold.tasks": "các nhiệm vụ định tính: tình hình thực hiện",
    "scaffold.tasks.account": "kết quả thực hiện, ngắn gọn",
    "scaffold.tasks.optional": "Không bắt buộc: có thể báo cáo thêm các nhiệm vụ sau (ghi theo mẫu trên):",
    "scaffold.tasks.none": "không có nhiệm vụ định tính giao cho đơn vị",
    "scaffold.narrative": "phần nhận xét, đánh giá của đơn vị",
    "scaffold.narrative.highlights": "kết quả nổi bật",
    "scaffold.narrative.shortcomings": "tồn tại, hạn chế và nguyên nhân",
    "scaffold.narrative.proposals": "đề xuất, kiến nghị",
}

FORM_WORDS: dict[str, str] = {
    **{f"form.sheet.{kind}": title for kind, title in _SHEETS.items()},
    **{f"form.general.{key}": label for key, label in _GENERAL.items()},
    **{f"form.narrative.{key}": label for key, label in _NARRATIVE.items()},
    **_XLSX,
    **_SCAFFOLD,
}
"""Every word of the forms by its code: "form.sheet.<kind>" (a sheet's title), "form.general.<key>"
(a row of the general sheet), "form.narrative.<key>", the other "form.*" words of the Excel form,
and "scaffold.*" (the comments of the YAML form)."""
