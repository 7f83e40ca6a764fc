"""Words of the judgement half: direction and steering (Công tác lãnh đạo, chỉ đạo), drafting aids,
the department's notes, directions for the next period, proposals.

Merged into `core.labels.WORDS`, so a plan file's `words:` section rewords any of them by its code.
The themes (`review.theme.*`) are the causes units give, each found by its keywords (comma-separated,
matched in lower case): a plan may reword a theme or add keywords.
"""

from __future__ import annotations

REVIEW_WORDS: dict[str, str] = {
    # I. Công tác lãnh đạo, chỉ đạo, tổ chức triển khai
    "review.h.direction": "CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TỔ CHỨC TRIỂN KHAI",
    "review.direction.lead": "Để tổ chức thực hiện {plan}, {issuer} đã ban hành:",
    "review.directive": "{kind} số {number} ngày {date} của {issuer}{subject}",
    "review.directive_subject": " về {subject}",
    "review.direction.placeholder": "[Cơ quan soạn thảo bổ sung: văn bản chỉ đạo, kế hoạch hằng năm, hoạt động của "
                                    "Ban Chỉ đạo, công tác kiểm tra, đôn đốc trong kỳ.]",
    "review.reporting.period": "Việc báo cáo định kỳ được duy trì hằng năm: {years}.",
    "review.reporting.one": "Năm {year}, {submitted}/{expected} đơn vị gửi báo cáo ({on_time} đúng hạn).",
    "review.reporting.year": "năm {year}, {submitted}/{expected} đơn vị gửi báo cáo ({on_time} đúng hạn)",
    # notes and aids
    "review.illustrative": "Ghi chú: tệp ghi chú của cơ quan soạn thảo dùng cho báo cáo này là nội dung minh họa "
                           "(văn bản chỉ đạo, lời văn đánh giá); cần thay bằng nội dung thật trước khi ban hành.",
    "review.aid": "[Gợi ý từ số liệu, cơ quan soạn thảo rà soát:]",
    # kết quả nổi bật (the gains of the targets reached)
    "review.gains": "Sau {years} năm thực hiện, nhiều chỉ tiêu tăng rõ rệt so với năm {start}: {items}.",
    "review.gain": "{label} tăng từ {first} lên {last}",
    # tồn tại, hạn chế
    "review.short.not_met": "Còn {count}/{counted} chỉ tiêu chưa đạt: {items}",
    "review.short.figure": "{label} đạt {value} (mục tiêu {target}; năm {start} là {first})",
    "review.short.rows": "{count} nhiệm vụ, dự án chưa hoàn thành: {rows}",
    "review.short.row": "TT {tt} (lũy kế giải ngân {share} kinh phí dự kiến)",
    "review.short.stopped": "{count} nhiệm vụ tạm dừng: {rows}",
    "review.short.stopped_row": "TT {tt} (lũy kế giải ngân {amount} {unit}, bằng {share} kinh phí dự kiến)",
    "review.placeholder.shortcomings": "[Cơ quan soạn thảo bổ sung: hạn chế về hạ tầng, nhân lực, an toàn thông tin ở "
                                       "cấp xã sau sắp xếp …]",
    # nguyên nhân (the units' own words, grouped)
    "review.causes.themes": "Tổng hợp báo cáo của các đơn vị, các nguyên nhân được nêu nhiều nhất là: {items}.",
    "review.causes.theme": "{label} ({count} đơn vị)",
    "review.causes.none": "Các đơn vị không nêu nguyên nhân của tồn tại, hạn chế.",
    "review.h.causes_objective": "Nguyên nhân khách quan: ",
    "review.h.causes_subjective": "Nguyên nhân chủ quan: ",
    "review.theme.funding": "kinh phí, nguồn vốn bố trí còn hạn chế",
    "review.theme.funding.keys": "kinh phí,ngân sách,nguồn vốn,vốn đầu tư,bố trí vốn",
    "review.theme.staff": "nhân lực công nghệ thông tin còn thiếu, kiêm nhiệm",
    "review.theme.staff.keys": "nhân lực,cán bộ chuyên trách,kiêm nhiệm,trình độ,kỹ năng số",
    "review.theme.infrastructure": "hạ tầng, trang thiết bị chưa đồng bộ, xuống cấp",
    "review.theme.infrastructure.keys": "hạ tầng,trang thiết bị,máy tính,đường truyền,thiết bị",
    "review.theme.systems": "phần mềm, hệ thống thông tin chưa kết nối, liên thông",
    "review.theme.systems.keys": "phần mềm,kết nối,liên thông,tích hợp,chia sẻ dữ liệu",
    "review.theme.users": "thói quen, nhận thức của người dân, doanh nghiệp về dịch vụ công trực tuyến",
    "review.theme.users.keys": "người dân,thói quen,nhận thức,tỷ lệ hồ sơ nộp trực tuyến,doanh nghiệp",
    "review.theme.security": "bảo đảm an toàn thông tin mạng",
    "review.theme.security.keys": "an toàn thông tin,an ninh mạng,tấn công,mã độc",
    "review.theme.reform": "sắp xếp tổ chức bộ máy, thay đổi đầu mối",
    "review.theme.reform.keys": "sắp xếp,sáp nhập,hợp nhất,bàn giao,tổ chức lại",
    # phương hướng (the next period)
    "review.next.basis": "Triển khai {basis}; xây dựng kế hoạch giai đoạn {start} - {end} của tỉnh, trong đó kế thừa các "
                         "chỉ tiêu chưa đạt của giai đoạn {prev} theo cách đo hiện hành{measure}.",
    "review.next.basis_plain": "Xây dựng kế hoạch giai đoạn {start} - {end} của tỉnh, trong đó kế thừa các chỉ tiêu chưa "
                               "đạt của giai đoạn {prev} theo cách đo hiện hành{measure}.",
    "review.next.measure": " (dịch vụ công trực tuyến toàn trình, một phần theo {measure})",
    "review.next.not_met": "Tiếp tục thực hiện để đạt mục tiêu các chỉ tiêu: {items}",
    "review.next.not_met_one": "Tiếp tục thực hiện để đạt mục tiêu của chỉ tiêu: {items}",
    "review.next.continue": "Tiếp tục triển khai {count} nhiệm vụ, dự án ở Phụ lục chưa hoàn thành, bảo đảm hoàn thành trong năm {end}",
    "review.next.carry": "Chuyển tiếp {rows} sang giai đoạn {start} - {end}",
    "review.next.decide": "rà soát, quyết định việc tiếp tục hoặc dừng {rows}",
    "review.next.rows_one": "nhiệm vụ {rows}",
    "review.next.rows_many": "các nhiệm vụ {rows}",
    "review.next.priority": ", trong đó ưu tiên đẩy nhanh tiến độ {rows}",
    "review.placeholder.next": "[Cơ quan soạn thảo bổ sung: mục tiêu, nhiệm vụ trọng tâm giai đoạn {start} - {end}.]",
    "review.placeholder.proposals": "[Cơ quan soạn thảo bổ sung: đề xuất, kiến nghị với Chính phủ, Bộ Khoa học và Công "
                                    "nghệ, các bộ, ngành và trong tỉnh.]",
    "review.and": " và ",
    "review.doc": "{kind} số {number} ngày {date} của {issuer}",
}
