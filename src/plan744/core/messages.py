"""The one catalogue of user-facing messages, keyed by stable finding codes.

Every message says what was expected and what was found, in Vietnamese. Codes are
ours (``yaml-*``, ``plan-*``, ``sub-*``) or Pydantic's error ``type`` (mapped in
``pydantic_findings``); no message is chosen by matching English text, except the
YAML parser's, which has no codes (see ``yaml_source._SYNTAX_PROBLEMS``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from plan744.core.findings import Finding, Place, Severity, sorted_findings
from plan744.core.messages_formats import EMPTY_CELL, EMPTY_VALUE, IN_WORKBOOK, at_cell
from plan744.core.messages_tasks import TASK_MESSAGES

E, W = Severity.ERROR, Severity.WARNING

CATALOGUE: dict[str, tuple[Severity, str]] = {
    # --- reading the file -------------------------------------------------------
    # --- the user's cache (usercache) ---
    "cache-symlink": (W, "Thư mục bộ nhớ đệm “{folder}” là một liên kết tượng trưng (symlink) nên không được dùng; lệnh vẫn chạy tiếp, không dùng bộ nhớ đệm. Hãy xóa liên kết này, plan744 sẽ tự tạo lại thư mục riêng."),
    "cache-not-owner": (W, "Thư mục bộ nhớ đệm “{folder}” thuộc về người dùng khác (uid {owner}, không phải uid {uid} đang chạy) nên không được dùng; lệnh vẫn chạy tiếp, không dùng bộ nhớ đệm. Hãy xóa thư mục này hoặc đặt XDG_CACHE_HOME sang một thư mục của mình."),
    "cache-open": (W, "Thư mục bộ nhớ đệm “{folder}” cho nhóm hoặc người dùng khác quyền ghi (quyền {mode}) nên không được dùng; lệnh vẫn chạy tiếp, không dùng bộ nhớ đệm. Hãy xóa thư mục này, plan744 sẽ tự tạo lại thư mục riêng (quyền 700)."),
    "file-not-report": (E, "Tệp “{name}” không phải tệp .yaml, .yml hay .xlsx nên không được kiểm tra; báo cáo của đơn vị là tệp .yaml hoặc biểu mẫu Excel .xlsx."),
    "file-xls": (E, "Tệp “{name}” là bảng tính Excel kiểu cũ (.xls), công cụ không đọc: hãy mở bằng Excel hoặc LibreOffice Calc và lưu lại dạng .xlsx (Excel Workbook)."),
    "file-xlsm": (E, "Tệp “{name}” là bảng tính có macro (.xlsm), công cụ không mở vì lý do an toàn: hãy lưu lại dạng .xlsx (không có macro)."),
    "file-ods": (E, "Tệp “{name}” là bảng tính OpenDocument (.ods): hãy lưu lại dạng .xlsx (Excel 2007-365)."),
    # --- Excel forms (readers.xlsx_source) ----------------------------------------
    # --- forms and outputs that cannot lie ---
    "xlsx-too-many-merges": (E, "Tệp “{name}” có quá {limit} vùng ô gộp, trong khi biểu mẫu chỉ có vài vùng: công cụ không mở tệp này; hãy điền lại vào biểu mẫu gốc."),
    "xlsx-merged-keys": (E, "Vùng ô gộp {range} trên trang “{sheet}” phủ lên cột A hoặc dòng 1, nơi biểu mẫu giữ mã ẩn của từng dòng và cột: hãy bỏ gộp vùng này (Unmerge) hoặc điền lại vào biểu mẫu gốc."),
    "xlsx-sheet-twice": (E, "Hai trang “{first}” và “{second}” cùng là trang “{role}” của biểu mẫu (một trang được chép thêm): hãy xóa trang thừa, chỉ giữ một trang “{role}”."),
    "xlsx-header-edited": (E, "Dòng mã ẩn (dòng 1) của trang “{sheet}” đã bị sửa ({what}), nên không biết cột nào chứa số liệu nào: hãy điền lại vào biểu mẫu gốc, không sửa dòng và cột ẩn."),
    "xlsx-date-month-first": (E, "Ngày “{typed}” chỉ đúng nếu đọc tháng trước, ngày sau (kiểu Mỹ); biểu mẫu luôn đọc ngày/tháng/năm nên không đoán: hãy ghi lại là {example} hoặc định dạng ô là ngày."),
    "xlsx-too-large": (E, "Tệp “{name}” quá lớn ({size} MB; biểu mẫu của một đơn vị chỉ vài chục KB, giới hạn {limit} MB): hãy kiểm tra lại tệp."),
    "xlsx-corrupt": (E, "Tệp “{name}” không mở được như một bảng tính .xlsx ({why}): hãy mở bằng Excel hoặc LibreOffice Calc và lưu lại dạng .xlsx."),
    "xlsx-bomb": (E, "Tệp “{name}” khi giải nén lớn bất thường (quá {limit} MB): công cụ không mở tệp này."),
    "xlsx-macro": (E, "Tệp “{name}” chứa macro (VBA), công cụ không mở vì lý do an toàn: hãy lưu lại dạng .xlsx không có macro."),
    "xlsx-external-links": (E, "Tệp “{name}” liên kết tới bảng tính khác, công cụ không đọc số liệu từ tệp khác: hãy chép giá trị (Dán đặc biệt → Giá trị) rồi lưu lại."),
    "xlsx-unsafe-xml": (E, "Tệp “{name}” chứa khai báo XML không có trong bảng tính thông thường, công cụ không mở: hãy mở bằng Excel hoặc LibreOffice Calc và lưu lại."),
    "xlsx-not-form": (E, "Bảng tính “{name}” không phải biểu mẫu do plan744 tạo: hãy tạo biểu mẫu bằng lệnh “plan744 new-report --unit <mã đơn vị> --year <năm> --format xlsx” rồi điền vào đó."),
    "xlsx-form-newer": (E, "Biểu mẫu “{name}” do phiên bản plan744 mới hơn tạo (mẫu số {version}): hãy cập nhật plan744."),
    "xlsx-sheet-missing": (E, "Biểu mẫu “{name}” thiếu trang {sheets} (có thể đã bị xóa): hãy điền lại vào biểu mẫu gốc."),
    "xlsx-too-many-rows": (E, "Trang “{sheet}” có quá {limit} dòng, phần sau không được đọc: biểu mẫu chỉ có vài trăm dòng, hãy xóa các dòng thừa."),
    "xlsx-row-ignored": (W, "Dòng {row} của trang “{sheet}” không thuộc biểu mẫu (dòng chèn thêm) nên không được đọc: hãy ghi số liệu vào đúng dòng của biểu mẫu."),
    "xlsx-duplicate-row": (E, "Dòng {row} của trang “{sheet}” là bản sao của dòng {first} (cùng một mục): mỗi mục chỉ ghi một lần, hãy xóa dòng thừa."),
    "xlsx-unknown-key": (E, "Dòng {row} mang mã “{key}” không có trong biểu mẫu: hãy điền vào biểu mẫu tạo cho đúng đơn vị và năm."),
    "xlsx-merged": (E, "Ô này bị gộp với ô khác ({range}): hãy bỏ gộp ô (Unmerge) để mỗi số liệu nằm trong một ô."),
    "xlsx-percent-cell": (E, "Ô đang ở dạng tỷ lệ % ({shown}), nhưng ở đây cần số đếm hoặc số tiền: hãy đổi định dạng ô về số và ghi số đếm."),
    "xlsx-date-in-number": (E, "Ô chứa một ngày ({shown}), nhưng ở đây cần một số: hãy đổi định dạng ô về số và ghi lại."),
    "xlsx-formula-no-value": (E, "Ô có công thức “{formula}” nhưng chưa có giá trị đã tính: hãy mở tệp bằng Excel hoặc LibreOffice Calc để bảng tính tính lại rồi lưu, hoặc ghi thẳng giá trị."),
    "xlsx-formula-external": (E, "Ô có công thức lấy số liệu từ ngoài tệp (“{formula}”), công cụ không dùng: hãy ghi thẳng giá trị."),
    "xlsx-date-serial": (W, "Ô ngày chứa số {typed}, đã đọc là ngày {date}: nên định dạng ô là ngày."),
    "xlsx-date-text": (W, "Ngày được ghi dạng chữ “{typed}”, đã đọc là ngày {date}: nên định dạng ô là ngày."),
    "xlsx-status-unknown": (E, "Tình trạng “{typed}” không có trong danh sách; hãy chọn một trong: {labels}.{hint}"),
    "file-too-large": (E, "Tệp quá lớn ({size} byte, tối đa {limit} byte): báo cáo của một đơn vị không cần lớn như vậy; hãy kiểm tra lại tệp."),
    "path-not-found": (E, "Không tìm thấy “{name}”: không có tệp hay thư mục nào khớp."),
    "path-unreadable": (E, "Không đọc được “{name}”: {detail}."),
    "path-not-regular": (E, "“{name}” là {kind}, không phải tệp thường: không đọc."),
    "path-link-outside": (E, "“{name}” là liên kết (symlink) trỏ ra ngoài thư mục số liệu: không đọc. Hãy chép chính tệp báo cáo vào thư mục."),
    "path-link-loop": (E, "“{name}” là liên kết (symlink) vòng, không trỏ tới tệp nào: không đọc."),
    "path-link-broken": (E, "“{name}” là liên kết (symlink) trỏ tới tệp không tồn tại: không đọc."),
    "path-link-folder": (W, "“{name}” là liên kết tới một thư mục khác: không duyệt vào (hãy chỉ rõ thư mục đó nếu cần kiểm tra)."),
    "path-name-encoding": (E, "Tên tệp “{name}” không viết bằng bảng mã UTF-8: hãy đổi tên tệp (ví dụ theo mã đơn vị)."),
    "plan-too-large": (E, "Tệp quá lớn ({size} byte, tối đa {limit} byte) cho một tệp kế hoạch hay tổ chức bộ máy."),
    "not-a-report": (E, "Tệp không phải báo cáo của đơn vị: nội dung không phải một bảng các trường (unit, year, …). Hãy tạo tệp mẫu bằng lệnh “plan744 new-report”."),
    "report-year-outside-period": (E, "Năm {year} nằm ngoài giai đoạn {start}–{end} của kế hoạch: không lập báo cáo."),
    "report-no-submissions": (E, "Không có báo cáo nào của các đơn vị cho năm {year} trong {where} (tìm trong thư mục {where}/{year} và các tệp có “year: {year}”): không lập báo cáo từ số liệu trống."),
    "site-no-submissions": (E, "Không có báo cáo nào của các đơn vị cho các năm {years} của kế hoạch (tính đến ngày {as_of}) trong {where}: không lập trang tổng quan từ số liệu trống."),
    "no-files": (E, "Không có tệp báo cáo nào để kiểm tra trong {where}."),
    "yaml-too-large": (E, "Tệp quá lớn ({size} byte, tối đa {limit} byte): báo cáo của một đơn vị không cần lớn như vậy; hãy kiểm tra lại tệp."),
    "yaml-encoding": (E, "Tệp không được lưu bằng bảng mã UTF-8 (gặp byte {byte} không hợp lệ). Có thể tệp đang dùng bảng mã TCVN3 (ABC) hoặc Windows-1258: hãy mở tệp và lưu lại với bảng mã UTF-8 (Unicode)."),
    "yaml-encoding-utf16": (E, "Tệp được lưu bằng bảng mã UTF-16; cần lưu lại bằng UTF-8 (Unicode)."),
    "yaml-empty": (E, "Tệp trống: cần nội dung báo cáo (có thể tạo tệp mẫu bằng lệnh “plan744 new-report”)."),
    "yaml-syntax": (E, "Lỗi cú pháp YAML ở vị trí này; hãy so với tệp mẫu của plan744 new-report (thông báo gốc của bộ đọc YAML: {detail})."),
    "yaml-syntax-flow": (E, "Lỗi cú pháp YAML: danh sách [ ] hoặc bảng {{ }} viết trên một dòng chưa đúng: thiếu dấu phẩy giữa các mục hoặc thiếu dấu đóng ] hay }}."),
    "yaml-tab": (E, "Dòng này thụt lề bằng phím Tab; YAML chỉ cho phép thụt lề bằng dấu cách. Hãy thay ký tự Tab bằng dấu cách (thường là 2 dấu cách mỗi cấp)."),
    "yaml-syntax-char": (E, "Lỗi cú pháp YAML: có ký tự không được phép đứng đầu một giá trị (ví dụ @ hoặc `). Nếu đây là văn bản, hãy đặt cả giá trị trong dấu ngoặc kép \"...\"."),
    "yaml-syntax-colon": (E, "Lỗi cú pháp YAML: dấu hai chấm “:” ở vị trí không hợp lệ. Nếu giá trị là văn bản có chứa “: ”, hãy đặt cả giá trị trong dấu ngoặc kép \"...\"; nếu không, kiểm tra lại thụt lề."),
    "yaml-syntax-missing-colon": (E, "Lỗi cú pháp YAML: thiếu dấu hai chấm “:” sau tên trường, hoặc một chuỗi trong ngoặc kép chưa được đóng."),
    "yaml-syntax-indent": (E, "Lỗi cú pháp YAML: thụt lề không khớp với các dòng trên (các trường cùng cấp phải thẳng cột, mỗi cấp lùi vào 2 dấu cách)."),
    "yaml-syntax-unclosed": (E, "Lỗi cú pháp YAML: tệp kết thúc khi một chuỗi trong ngoặc kép hoặc một danh sách [ ] hay {{ }} chưa được đóng."),
    "yaml-syntax-escape": (E, "Lỗi cú pháp YAML: trong chuỗi đặt trong ngoặc kép \"...\", dấu “\\” phải viết thành “\\\\” (hoặc dùng ngoặc đơn '...')."),
    "yaml-syntax-control": (E, "Tệp chứa ký tự điều khiển không in được (thường do sao chép từ phần mềm khác); hãy xóa ký tự đó."),
    "yaml-syntax-node": (E, "Lỗi cú pháp YAML: thiếu giá trị hoặc có ký tự thừa ở vị trí này ({detail})."),
    "yaml-syntax-document": (E, "Lỗi cú pháp YAML: có nội dung thừa sau phần báo cáo ({detail})."),
    "yaml-duplicate-key": (E, "Trường “{key}” xuất hiện hai lần (lần đầu ở dòng {first_line}); mỗi trường chỉ được khai một lần."),
    "yaml-alias": (E, "Không dùng tham chiếu YAML (*{name}) trong báo cáo: hãy ghi trực tiếp giá trị."),
    "yaml-anchor": (E, "Không dùng neo YAML (&{name}) trong báo cáo: hãy ghi trực tiếp giá trị."),
    "yaml-tag": (E, "Không dùng thẻ kiểu YAML ({tag}) trong báo cáo: hãy ghi giá trị bình thường."),
    "yaml-multi-doc": (E, "Tệp chứa nhiều hơn một tài liệu YAML (dòng “---” thứ hai): mỗi tệp chỉ chứa báo cáo của một đơn vị cho một năm."),
    "yaml-complex-key": (E, "Tên trường phải là một từ đơn giản, không phải danh sách hay bảng."),
    "yaml-too-deep": (E, "Cấu trúc lồng nhau quá sâu (quá {limit} cấp); báo cáo không cần nhiều cấp như vậy."),
    "yaml-too-many-nodes": (E, "Tệp có quá nhiều mục (quá {limit} giá trị), trong khi báo cáo của một đơn vị chỉ có vài trăm mục: hãy kiểm tra lại tệp."),
    # --- values, from the models (Pydantic error types) ---------------------------
    "blank": (E, "Chưa điền: cần {expected}."),
    "missing": (E, "Thiếu trường bắt buộc “{field}”."),
    "extra_forbidden": (E, "Trường “{field}” không có trong mẫu báo cáo{hint}."),
    "type": (E, "Cần {expected}, nhưng gặp {found}."),
    "number-vn-notation": (E, "Gặp {found}: ở đây dấu chấm là dấu thập phân, nên số viết theo kiểu Việt Nam có dấu chấm ngăn cách hàng nghìn sẽ bị hiểu sai. Hãy viết liền, không dấu ngăn cách: {suggest}."),
    "number-en-grouped": (E, "Gặp {found}: không dùng dấu phẩy ngăn cách hàng nghìn. Hãy viết liền: {suggest}."),
    "number-ambiguous": (E, "Gặp {found}: không rõ là {first} hay {second}. Nếu là {first}, hãy viết {write_first}; nếu là {second}, hãy viết {write_second}."),
    "number-decimal-comma": (E, "Gặp {found}: ở đây phần thập phân ngăn cách bằng dấu chấm, không dùng dấu phẩy. Hãy viết {suggest}."),
    "number-percent-text": (E, "Gặp {found}: ở đây cần số đếm được (tử số hoặc mẫu số), không ghi tỷ lệ %; tỷ lệ do công cụ tự tính."),
    "number-too-long": (E, "Gặp {found}: số có quá nhiều chữ số, không có số liệu thực nào lớn như vậy; hãy kiểm tra lại."),
    "number-spaces": (E, "Gặp {found}: có dấu cách thừa quanh số. Hãy viết {suggest}."),
    "number-not-finite": (E, "Gặp {found}: cần một số cụ thể, không phải giá trị vô hạn hay “không phải số”."),
    "number-leading-zero": (E, "Gặp {found}: số không được viết với chữ số 0 ở đầu. Hãy viết {suggest}."),
    "number-quoted": (E, "Gặp {found} trong dấu ngoặc kép, tức là văn bản, không phải số. Hãy bỏ dấu ngoặc kép: {suggest}."),
    "number-not-integer": (E, "Cần một số nguyên, nhưng gặp {found}: số lượng không có phần thập phân."),
    "date-vn-format": (E, "Gặp {found}: ngày phải viết theo dạng năm-tháng-ngày. Hãy viết {suggest}."),
    "date-invalid": (E, "Gặp {found}: ngày này không có trên lịch."),
    "date-quoted": (E, "Gặp {found} trong dấu ngoặc kép, tức là văn bản, không phải ngày. Hãy bỏ dấu ngoặc kép: {suggest}."),
    "text-cleaned": (W, "Đã bỏ ký tự điều khiển hoặc không in được ({chars}) khỏi văn bản ở đây (thường do sao chép từ phần mềm khác); hãy xem lại nội dung."),
    "more-of-kind": (E, "… và {count} {noun} khác cùng loại ({kind}) trong tệp này."),
    "literal_error": (E, "Giá trị không hợp lệ: cần một trong các giá trị {expected}, nhưng gặp {found}.{hint}"),
    "too_small": (E, "Cần {expected}, nhưng gặp {found}."),
    "too_large": (E, "Cần {expected}, nhưng gặp {found}."),
    "too_short": (E, "Cần ít nhất {min} mục, nhưng gặp {found}."),
    "string_too_short": (E, "Chưa điền nội dung: cần một đoạn văn bản."),
    "string_too_long": (E, "Văn bản quá dài: {length} ký tự, tối đa {max} ký tự. Hãy viết ngắn gọn; chi tiết gửi kèm thành tài liệu riêng."),
    "string_pattern_mismatch": (E, "Mã không hợp lệ: chỉ dùng chữ không dấu, chữ số, “_”, “-” và “.”, nhưng gặp {found}."),
    "value-invalid": (E, "Giá trị không hợp lệ: {detail}."),
    "indicator_percent_parts": (E, "Chỉ tiêu tỷ lệ cần mô tả tử số (numerator) và mẫu số (denominator)."),
    "indicator_quantity": (E, "Chỉ tiêu đếm số lượng, số tiền hay thứ hạng cần mô tả đại lượng được đo (quantity)."),
    "indicator_amount_money": (E, "Chỉ tiêu số tiền (value: amount) phải có measure: money."),
    "indicator_central_monitor": (E, "Chỉ tiêu đo tập trung (central: true) cần cơ quan theo dõi (monitor)."),
    "indicator_rank": (E, "Chỉ tiêu thứ hạng (value: rank) phải là chỉ tiêu đo tập trung (central: true), thứ hạng càng nhỏ càng tốt (direction: lower)."),
    "money_unit_size": (E, "Đơn vị tiền và số đồng của nó không khớp (ví dụ “triệu đồng” phải là dong: 1000000)."),
    "target_since_after_year": (E, "Năm bắt đầu áp dụng mục tiêu (since) phải không muộn hơn năm của mục tiêu (year)."),
    "unit_dates_order": (E, "Ngày kết thúc hoạt động của đơn vị (end) phải không sớm hơn ngày bắt đầu (start)."),
    "plan_two_organisations": (E, "Kế hoạch khai báo đơn vị hai lần (registry kiểu cũ và organisation): chỉ giữ một."),
    "period_order": (E, "Năm kết thúc phải không sớm hơn năm bắt đầu."),
    "target_qualitative_value": (E, "Chỉ tiêu định tính không có giá trị số (value, stretch)."),
    "target_value_missing": (E, "Chỉ tiêu định lượng cần giá trị (value)."),
    "target_band": (E, "Chỉ tiêu dạng khoảng (band) cần giá trị cận trên (stretch) không nhỏ hơn giá trị cận dưới (value)."),
    "target_stretch": (E, "Chỉ có chỉ tiêu dạng khoảng (band) mới có giá trị cận trên (stretch)."),
    # --- the plan's own consistency -----------------------------------------------
    # --- the organisation as a graph over time; the plan's contradictions ---
    "org-event-unit-not-alive": (E, "Sự kiện “{event}” (từ ngày {date}) ghi đơn vị {unit}, nhưng {state}: {need}."),
    "org-event-self": (E, "Sự kiện “{event}” ghi đơn vị {unit} ở cả danh sách trước (from) và danh sách sau (to): một đơn vị không thể {what}."),
    "org-event-cycle": (E, "Sự kiện “{event}” khép một vòng thay đổi: {chain}. Đơn vị {unit} không thể vừa là đơn vị trước vừa là đơn vị kế thừa của chính nó; hãy sửa danh sách from/to hoặc bỏ sự kiện thừa."),
    "org-event-two-successors": (E, "Sự kiện “{event}”: đơn vị {unit} có hai đơn vị kế thừa ({successors}), nhưng hợp nhất hay đổi tên chỉ có một đơn vị kế thừa báo cáo cả năm. Nếu đơn vị được chia cho nhiều đơn vị, hãy ghi kind: split hoặc reporting: split để mỗi đơn vị báo cáo phần năm của mình."),
    "org-unit-same-name": (E, "Đơn vị {unit} (“{name}”) trùng tên với đơn vị {other} (“{other_name}”, dòng {first_line}): cùng loại “{kind}”{parent}, cùng hoạt động {when}. Một đơn vị chỉ được ghi một lần (tên được so sau khi bỏ khác biệt về mã Unicode, chữ hoa, chữ thường, dấu cách và vị trí dấu thanh như “hoà”/“hòa”)."),
    "plan-target-duplicate": (E, "Chỉ tiêu “{id}” có hai mục tiêu cho cùng phạm vi “{scope}” và năm {year} (mục tiêu đầu ở dòng {first_line}): mỗi phạm vi, mỗi năm chỉ có một mục tiêu."),
    "plan-target-direction": (E, "Mục tiêu dạng {kind} ngược chiều với chỉ tiêu “{id}”: chỉ tiêu này {direction}, nên mục tiêu phải là {expected}."),
    "plan-target-rank": (E, "Thứ hạng mục tiêu là {target}, nhưng thứ hạng là số nguyên từ 1 trở lên (1 là hạng cao nhất)."),
    "plan-target-count-whole": (E, "Mục tiêu {target} {unit} không phải số nguyên, nhưng chỉ tiêu này đếm số lượng."),
    "plan-target-unreachable": (E, "Mục tiêu “{wording}” không bao giờ đạt được: {why}."),
    "plan-duplicate-id": (E, "Mã “{id}” bị trùng trong {what} (đã dùng ở dòng {first_line})."),
    "plan-unknown-ref": (E, "{what} “{ref}” không có trong kế hoạch; các giá trị hợp lệ: {valid}."),
    "plan-lead-text-mismatch": (E, "Đơn vị chủ trì ghi trong văn bản là “{text}”, nhưng mã “{lead}” không có cách viết này trong danh sách tên gọi (aliases) của nó."),
    "plan-registry-count": (W, "Văn bản nêu {expected} đơn vị loại “{kind}”, nhưng danh sách đơn vị có {found}."),
    "plan-total-mismatch": (W, "Văn bản gốc: tổng kinh phí nêu tại {section} là {stated} {unit}, nhưng tổng {rows} dòng của Phụ lục là {computed} {unit} (chênh lệch {diff} {unit}). Số liệu được giữ đúng như văn bản; cần cơ quan soạn thảo xác minh."),
    "plan-sum-mismatch": (W, "Văn bản gốc ({section}): {total_label} là {total}, nhưng tổng các thành phần ({parts}) là {computed}."),
    "plan-timeframe-outside-period": (W, "Văn bản gốc: nhiệm vụ TT {tt} có thời gian triển khai {timeframe}, vượt ra ngoài giai đoạn {start}–{end} của kế hoạch."),
    "plan-citation-date-mismatch": (W, "Văn bản gốc dẫn {kind} {ref} với ngày khác nhau: {dates}."),
    "plan-dangling-document-ref": (W, "Văn bản gốc ({where}) dẫn chiếu “{text}”, nhưng kế hoạch không có phụ lục này (các phụ lục có: {valid})."),
    "plan-indicator-no-target": (E, "Chỉ tiêu “{id}” không có mục tiêu cho cấp {level} mà nó được báo cáo, cũng không có mục tiêu chung (scope: all)."),
    "plan-target-scope": (E, "Phạm vi mục tiêu “{scope}” không phải một cấp của chỉ tiêu này ({valid}) hay “all” (chung cho toàn bộ)."),
    "plan-target-year": (E, "Năm {year} của mục tiêu nằm ngoài giai đoạn {start}–{end} của kế hoạch."),
    "plan-percent-range": (E, "Mục tiêu {percent}% nằm ngoài khoảng 0–100%."),
    "org-event-dates": (E, "Đơn vị {unit} trong sự kiện “{event}” cần {expected} cho khớp với ngày của sự kiện."),
    "org-level-end-units": (E, "Sự kiện “{event}” kết thúc một cấp, nhưng {count} đơn vị của cấp đó chưa có ngày kết thúc trước ngày này: {units}."),
    "org-event-unsourced": (W, "Thay đổi tổ chức “{event}” (từ ngày {date}) chưa ghi văn bản làm căn cứ (source): cần Sở xác nhận."),
    "org-event-unconfirmed": (W, "Thay đổi tổ chức “{event}” (từ ngày {date}) ghi căn cứ chưa được đối chiếu với văn bản (confirmed: false): cần Sở xác nhận."),
    "org-units-unconfirmed": (W, "{count} đơn vị có thông tin chưa được đối chiếu với văn bản (confirmed: false): {units}; cần xác nhận."),
    "org-formed-from-inferred": (W, "{count} đơn vị có danh sách đơn vị trước đó được suy ra (không do văn bản nêu rõ): cần Sở xác nhận."),
    "org-no-drafter": (W, "Tổ chức bộ máy không nêu đơn vị giữ vai trò “{role}” (soạn thảo báo cáo), báo cáo sẽ không nêu tên cơ quan soạn thảo."),
    "plan-deadline-before-period-end": (W, "Hạn nộp báo cáo ({deadline}) sớm hơn ngày kết thúc kỳ số liệu ({end})."),
    # --- a unit's submission ----------------------------------------------------------
    # --- what a unit can hold; money against its history ---
    "bound_value": (E, "Giới hạn mẫu số kiểu at_most cần giá trị (value); kiểu self và subordinates không ghi giá trị."),
    "indicator_bound_not_percent": (E, "Chỉ tiêu không phải tỷ lệ (value khác percent) không có mẫu số để đặt giới hạn (denominator_bounds)."),
    "indicator_bound_level": (E, "Giới hạn mẫu số (denominator_bounds) nêu một cấp không thuộc các cấp (levels) của chỉ tiêu."),
    "sub-denominator-self": (E, "Mẫu số của chỉ tiêu “{name}” ({id}, {level}) ở {unit_name} chỉ có thể là 1 (đơn vị tự tính cho chính mình: {why}), nhưng gặp {found}."),
    "sub-denominator-subordinates": (E, "Mẫu số của chỉ tiêu “{name}” ({id}, {level}) ở {unit_name} không thể lớn hơn {bound}, số đơn vị trực thuộc {unit_name} hoạt động trong năm {year} ({why}), nhưng gặp {found}."),
    "sub-denominator-at-most": (E, "Mẫu số của chỉ tiêu “{name}” ({id}, {level}) ở {unit_name} không thể lớn hơn {bound} ({why}), nhưng gặp {found}."),
    "sub-rank-zero": (E, "Thứ hạng ở chỉ tiêu “{name}” ({id}) phải từ 1 trở lên (hạng 1 là cao nhất), nhưng gặp {found}; hãy ghi thứ hạng của kỳ đánh giá gần nhất."),
    "sub-money-scale-planned": (W, "{what} nhiệm vụ TT {tt} là {amount} {unit}, trong khi tổng mức đầu tư dự kiến của nhiệm vụ là {planned} {unit}: hai số chênh nhau {ratio} lần. Có thể ghi nhầm đơn vị tiền hoặc dấu ngăn cách (1.500 bị đọc thành 1,5); hãy kiểm tra lại."),
    "sub-money-scale-previous": (W, "{what} nhiệm vụ TT {tt} năm {prev_year} là {prev} {unit}, năm {year} là {current} {unit}: hai số chênh nhau {ratio} lần. Có thể ghi nhầm đơn vị tiền hoặc dấu ngăn cách (1.500 bị đọc thành 1,5); hãy kiểm tra lại."),
    "sub-unit-unknown": (E, "Mã đơn vị “{unit}” không có trong danh sách đơn vị của kế hoạch.{hint}"),
    "sub-year-outside-period": (E, "Năm báo cáo {year} nằm ngoài giai đoạn {start}–{end} của kế hoạch."),
    "sub-indicator-unknown": (E, "Chỉ tiêu “{id}” không có trong kế hoạch.{hint}"),
    "sub-indicator-not-applicable": (E, "Chỉ tiêu “{id}” không thuộc phạm vi báo cáo của {unit_name}; hãy xóa mục này."),
    "sub-level-not-applicable": (E, "{unit_name} không báo cáo chỉ tiêu “{id}” ở cấp “{level}”; các cấp cần báo cáo: {valid}."),
    "sub-indicator-missing": (E, "Thiếu số liệu chỉ tiêu “{id}” ({name}), {level}: đơn vị cần báo cáo số liệu này."),
    "sub-count-not-integer": (E, "Chỉ tiêu “{id}” đếm theo {count_unit}: cần số nguyên, nhưng gặp {found}."),
    "sub-numerator-exceeds": (E, "Tử số ({numerator}) lớn hơn mẫu số ({denominator}) ở chỉ tiêu “{id}” ({level}): “{num_label}” không thể nhiều hơn “{den_label}”."),
    "sub-value-too-large": (E, "Giá trị {amount} vượt mức tối đa hợp lý ({ceiling}) mà kế hoạch đặt cho số liệu loại này: có thể thừa chữ số; hãy kiểm tra lại."),
    "sub-figure-not-used": (E, "Chỉ tiêu “{id}” không dùng trường “{field}”: ghi {use}."),
    "sub-looks-like-percent": (W, "Mẫu số của chỉ tiêu “{id}” đúng bằng 100 (tử số {numerator}): có phải đã ghi tỷ lệ % thay cho số đếm? Cần ghi {den_label} thực tế; nếu đúng là 100, ghi rõ trong phần ghi chú (note)."),
    "sub-plan-other": (E, "Báo cáo ghi kế hoạch “{named}”, nhưng công cụ đang dùng {title}: hãy chỉ định đúng kế hoạch (--plan, hoặc plan744.toml của thư mục dữ liệu), hoặc sửa trường plan."),
    "sub-unit-not-yet": (E, "{unit_name} bắt đầu hoạt động từ ngày {start}, nên không có báo cáo năm {year}; số liệu năm {year} của địa bàn này do {others} báo cáo."),
    "sub-unit-merged": (E, "{unit_name} kết thúc hoạt động ngày {end}; báo cáo năm {year}, gồm cả phần của đơn vị này, do {others} gửi."),
    "sub-unit-ended": (E, "{unit_name} chỉ hoạt động đến hết ngày {end}, nên không có báo cáo năm {year}; đơn vị kế thừa: {others}."),
    "sub-date-after-end": (W, "Ngày gửi {date} sau ngày {unit_name} kết thúc hoạt động ({end}): đơn vị không còn vào ngày gửi. Nếu báo cáo do {others} gửi thay, hãy ghi rõ trong phần ghi chú (note); báo cáo sẽ ghi tên đơn vị là “{unit_name} (cũ)”."),
    "sub-unit-not-reporting": (E, "{unit_name} không thuộc loại đơn vị phải báo cáo năm {year}."),
    "sub-zero-denominator": (W, "Mẫu số bằng 0 ở chỉ tiêu “{id}” ({level}): chỉ tiêu này sẽ không được tính cho đơn vị; nếu đơn vị thực sự không phát sinh, hãy ghi rõ trong phần ghi chú (note)."),
    "sub-task-unknown": (E, "Phụ lục không có nhiệm vụ TT {tt}; số thứ tự các nhiệm vụ: {valid}."),
    "sub-money-unfunded": (E, "Nhiệm vụ TT {tt} không có kinh phí trong kế hoạch: không ghi vốn bố trí, giải ngân; hãy xóa dòng này."),
    "sub-task-not-lead": (E, "{unit_name} không chủ trì nhiệm vụ TT {tt} (“{name}”, đơn vị chủ trì: {lead}); chỉ đơn vị chủ trì báo cáo nhiệm vụ này."),
    "sub-task-duplicate": (E, "Nhiệm vụ TT {tt} được báo cáo hai lần trong cùng tệp (lần đầu ở dòng {first_line})."),
    "sub-task-missing": (W, "Chưa báo cáo nhiệm vụ TT {tt} (“{name}”) mà đơn vị chủ trì."),
    "sub-task-outside-timeframe": (W, "Nhiệm vụ TT {tt} có thời gian triển khai {timeframe}, nhưng được báo cáo có vốn hoặc hoạt động trong năm {year}."),
    "sub-disbursed-exceeds-allocated": (E, "Vốn giải ngân ({disbursed} {unit}) lớn hơn vốn được bố trí trong năm ({allocated} {unit}) ở nhiệm vụ TT {tt}."),
    "sub-cumulative-exceeds-planned": (E, "Lũy kế giải ngân nhiệm vụ TT {tt} đến năm {year} là {cumulative} {unit} ({detail}), vượt tổng mức đầu tư dự kiến {planned} {unit}."),
    "sub-qual-task-unknown": (E, "Nhiệm vụ “{id}” không có trong kế hoạch.{hint}"),
    "sub-qual-task-not-applicable": (E, "Nhiệm vụ “{id}” không giao cho {unit_name}."),
    "sub-qual-task-missing": (E, "Thiếu báo cáo nhiệm vụ bắt buộc “{id}” ({title})."),
    "sub-path-year": (E, "Tệp nằm trong thư mục năm {folder}, nhưng báo cáo ghi năm {year}."),
    "sub-path-unit": (E, "Tên tệp là “{stem}”, nhưng báo cáo ghi mã đơn vị “{unit}”; tên tệp nên là “{unit}.yaml”."),
    "sub-date-future": (E, "Ngày gửi {date} ở sau ngày hôm nay ({today})."),
    "sub-date-implausible": (E, "Ngày gửi {date} không hợp lý cho báo cáo năm {year}: kỳ số liệu từ {start} đến {end}, nên báo cáo gửi trong khoảng {start} đến {latest}."),
    "sub-duplicate": (E, "Đơn vị {unit} đã có báo cáo năm {year} ở tệp {other}: mỗi đơn vị chỉ gửi một báo cáo mỗi năm."),
    "sub-jump": (W, "Số liệu thay đổi bất thường so với năm {prev_year}: {what} năm {prev_year} là {prev}, năm {year} là {current} (gấp {ratio} lần). Hãy kiểm tra lại (có thể thừa hoặc thiếu một chữ số 0)."),
    **TASK_MESSAGES,
}


def describe(value: Any) -> str:
    """A value as the user typed it, for 'but found ...'."""
    if value is None:
        return EMPTY_VALUE  # a workbook's finding says EMPTY_CELL (make)
    if value is True or value is False:
        return f"“{str(value).lower()}” (giá trị đúng/sai)"
    if isinstance(value, (int, Decimal)):
        return f"số {value}"
    if isinstance(value, dt.date):
        return f"ngày {value.isoformat()}"
    if isinstance(value, str):
        short = value if len(value) <= 60 else value[:57] + "…"
        return f"“{short}”"
    if isinstance(value, dict):
        return "một bảng các trường (mapping)"
    if isinstance(value, list):
        return "một danh sách"
    return f"“{value}”"


def make(
    code: str,
    *,
    file: str = "",
    place: Place | None = None,
    line: int = 0,
    column: int = 0,
    path: tuple = (),
    value: Any = None,
    severity: Severity | None = None,
    fixes: tuple[str, ...] = (),
    cell: str = "",
    **params: Any,
) -> Finding:
    """Build a finding from the catalogue; `params` fill the message template.

    Its place is `place` (from `SourceMap.place`); `line` and `column` (a text file's) or `cell`
    ("Chỉ tiêu!D12", a workbook's, kept as text by the cross-file records) say the same for
    callers that hold the parts."""
    default_severity, template = CATALOGUE[code]
    if place is None:
        place = Place.of_reference(cell) if cell else Place(line, column)
    if place.in_workbook and params.get("found") == EMPTY_VALUE:
        params = {**params, "found": EMPTY_CELL}
    if place.in_workbook and code in IN_WORKBOOK:  # a cell of a workbook: the advice speaks of cells, never of YAML
        template = IN_WORKBOOK[code]
        params = {**params, "at": at_cell(place.sheet, place.cell)}
    message = template.format(**params)
    return Finding(
        code=code,
        severity=severity or default_severity,
        message=message,
        file=file,
        place=place,
        path=tuple(path),
        value=None if value is None else str(value),
        fixes=tuple(fixes),
    )


PER_CODE_LIMIT = 200
"""Findings of one code in one file shown in full; the rest are counted in one line."""


def capped(findings: Iterable[Finding], limit: int = PER_CODE_LIMIT) -> list[Finding]:
    """The first `limit` findings of each (file, code), sorted, then one finding per (file, code)
    saying how many more there are: a file with a million wrong items gives a readable answer."""
    seen: dict[tuple[str, str], int] = {}
    out: list[Finding] = []
    last: dict[tuple[str, str], Finding] = {}
    for f in sorted_findings(findings):
        key = (f.file, f.code)
        n = seen.get(key, 0) + 1
        seen[key] = n
        if n <= limit:
            out.append(f)
            last[key] = f
    for key, n in seen.items():
        if n > limit:
            f = last[key]
            noun = "lỗi" if f.is_error else "cảnh báo"
            out.append(make("more-of-kind", file=f.file, place=f.place, severity=f.severity,
                            count=n - limit, noun=noun, kind=f.code))
    return sorted(out, key=Finding.sort_key)
