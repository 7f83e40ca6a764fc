#!/usr/bin/env python3
"""Tạo số liệu MINH HỌA cho plan744: một báo cáo YAML cho mỗi đơn vị và mỗi năm.

Số liệu minh họa, không phải số liệu thực của tỉnh. Các con số được sinh ngẫu nhiên có
kiểm soát (hạt giống cố định, kết quả lặp lại y hệt), lấy cỡ theo số liệu năm gốc 2020 của
Kế hoạch (plan.baselines) và theo quy mô từng đơn vị, chỉ để chạy thử `plan744 validate` và
`plan744 report`.

Illustrative sample data generator (NOT the province's figures). Stdlib + plan744 only; fixed
seed; the same command always writes byte-identical files. The units of each year are those
that owe a report that year in data/organisation.yaml (the 2024 merger of Cửa Lò into Vinh,
the 2025 department mergers, the end of the district level and the 130 new communes); a unit
whose report covers part of the year reports that part; the files are written by the tool's
own scaffold (plan744.forms.scaffold_yaml), so their layout and numbers are the tool's.

    python scripts/make_sample_data.py                      # data/reports/2021 … 2025
    python scripts/make_sample_data.py --out /tmp/r --years 2021 2022 2023
    python scripts/make_sample_data.py --summary             # also print the figures of each year

Những điểm chưa hoàn hảo CỐ Ý đưa vào (báo cáo năm của tỉnh phải thể hiện được) — deliberate
imperfections (LATE, MISSING, BEHIND below):

- 2022: Sở Ngoại vụ gửi muộn (05/01/2023); Huyện Tương Dương không gửi; TT 13 (SOC) chậm tiến độ;
  chỉ tiêu ho_so_giai_quyet_dvctt_34 (mục tiêu từ 50% trở lên) chỉ khoảng 20%, dưới cả lộ trình.
- 2023: Huyện Quế Phong gửi muộn (08/01/2024); TT 20 (kho dữ liệu dùng chung) chậm tiến độ.
- 2024: Ban Quản lý Khu kinh tế Đông Nam không gửi; Thành phố Vinh báo cáo cả năm, gồm phần của
  Thị xã Cửa Lò (nhập vào Vinh từ 01/12/2024).
- 2025: các sở hợp nhất từ 01/3/2025 (Sở KH&CN báo cáo cả năm, gồm phần của Sở TT&TT, và các nhiệm
  vụ Phụ lục do Sở TT&TT chủ trì); 21 đơn vị cấp huyện gửi báo cáo chốt số liệu đến 30/6/2025, Huyện
  Kỳ Sơn gửi muộn (10/7/2025); 130 xã, phường báo cáo từ 01/7/2025, Xã Mỹ Lý không gửi, Phường Hoàng Mai
  gửi muộn; TT 20 tạm dừng; ho_so_giai_quyet_dvctt_34 vẫn dưới 50% (chưa đạt mục tiêu của giai đoạn).

Các chỉ tiêu khác đạt hoặc gần đạt mục tiêu năm 2025 (xem --summary). Không có cảnh báo biến động bất
thường: số liệu năm sau không gấp 5 lần năm trước.

The generator is importable: `SampleGenerator(plan)`, `.submission_text(unit, year, schema_ref)`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if (ROOT / "src" / "plan744").is_dir() and str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing

SEED = 744
MARKER = "# SỐ LIỆU MINH HỌA"  # first line of every generated file; only such files are ever replaced

# ---------------------------------------------------------------------------------------------
# Unit profiles. Weight = workload relative to an average unit of the same kind (illustrative).
# ---------------------------------------------------------------------------------------------

DEPARTMENT_WEIGHT = {
    "VPUBND": 2.6, "SNV": 1.2, "STP": 1.3, "SKHDT": 2.0, "STC": 1.4, "SCT": 1.1, "SNNPTNT": 1.3,
    "SGTVT": 1.4, "SXD": 1.1, "STNMT": 2.2, "STTTT": 2.0, "SLDTBXH": 1.3, "SVHTT": 0.9, "SDL": 0.6,
    "SKHCN": 0.7, "SGDDT": 1.5, "SYT": 1.5, "TTR": 0.7, "SNGV": 0.4, "BDT": 0.5, "VPDDBQH": 0.6,
    "BQLKKT": 0.8, "DPTTH": 0.5, "BHXH": 1.2, "CTHUE": 1.3, "CAT": 1.6,
}
# Administrative procedures (TTHC) handled, relative weight, where it differs from the workload.
TTHC_WEIGHT = {
    "VPUBND": 0.3, "STTTT": 0.7, "SGTVT": 2.6, "STP": 2.0, "SKHDT": 2.3, "STNMT": 2.3, "SLDTBXH": 1.8,
    "SYT": 1.6, "SXD": 1.3, "SCT": 1.5, "VPDDBQH": 0.02, "DPTTH": 0.05, "BDT": 0.1, "TTR": 0.15,
    "SNGV": 0.15, "CAT": 0.9, "BHXH": 0.6, "CTHUE": 0.5,
}
# Recurring spending from the local budget, million VND (2021), where not weight-based.
RECURRING_OVERRIDE = {"SGDDT": 1_380_000, "SYT": 760_000, "CAT": 16_000, "BHXH": 12_000, "CTHUE": 14_000}

# District weight (population, workload) and number of communes (xã, phường, thị trấn).
# The 460 communes of the plan (Phần I, V.2: “460/460 UBND cấp xã”) split plausibly.
DISTRICTS = {
    "VINH": (3.0, 25), "CUALO": (0.5, 7), "THAIHOA": (0.6, 9), "HOANGMAI": (0.8, 10),
    "ANHSON": (0.9, 20), "CONCUONG": (0.55, 12), "DIENCHAU": (2.0, 38), "DOLUONG": (1.5, 32),
    "HUNGNGUYEN": (0.9, 18), "KYSON": (0.5, 21), "NAMDAN": (1.0, 19), "NGHILOC": (1.6, 29),
    "NGHIADAN": (1.0, 24), "QUEPHONG": (0.5, 14), "QUYCHAU": (0.45, 12), "QUYHOP": (0.9, 21),
    "QUYNHLUU": (1.8, 33), "TANKY": (0.9, 22), "THANHCHUONG": (1.6, 39), "TUONGDUONG": (0.5, 17),
    "YENTHANH": (1.8, 38),
}
MOUNTAIN = {"KYSON", "QUEPHONG", "TUONGDUONG", "QUYCHAU", "CONCUONG"}
# Quality bias (-1 … 1): how far above or below the average a unit's ratios sit.
QUALITY_BIAS = {
    "VPUBND": 0.8, "STTTT": 0.9, "SKHDT": 0.5, "STNMT": 0.2, "STP": 0.4, "CTHUE": 0.6, "BHXH": 0.5,
    "VINH": 0.8, "CUALO": 0.4, "DIENCHAU": 0.3, "YENTHANH": 0.3, "DOLUONG": 0.2,
}

# Shared-lead appendix tasks (group CAC_SO_NGANH): who takes part, yearly nominal (million VND), what.
SHARED = {
    15: {
        "SNV": (850, "Đầu tư bổ sung máy tính, thiết bị mạng; nâng cấp hệ thống mạng LAN của Sở."),
        "STC": (1100, "Thay thế máy chủ, thiết bị tường lửa; chuẩn hóa hệ thống mạng nội bộ theo yêu cầu kỹ thuật."),
        "SCT": (700, "Trang bị thiết bị mạng, máy tính cho bộ phận một cửa và các phòng chuyên môn."),
    },
    28: {
        "STNMT": (5200, "Số hóa hồ sơ địa chính, xây dựng cơ sở dữ liệu đất đai tại các huyện thực hiện trong năm."),
        "SKHDT": (1800, "Cập nhật cơ sở dữ liệu đăng ký doanh nghiệp và thông tin kinh tế - xã hội dùng chung."),
        "STP": (1500, "Số hóa sổ hộ tịch, cập nhật cơ sở dữ liệu hộ tịch điện tử dùng chung."),
        "SNNPTNT": (1200, "Xây dựng cơ sở dữ liệu nông nghiệp, nông thôn (vùng trồng, thủy lợi, phòng chống thiên tai)."),
    },
}

# Optional qualitative tasks reported by some units: unit -> {task id: (status 2021, status 2022, account)}.
OPTIONAL_TASKS: dict[str, dict[str, tuple[str, str, str]]] = {
    "STTTT": {
        "IV.1.2": ("dang_trien_khai", "dang_trien_khai", "Cập nhật Kiến trúc Chính quyền điện tử tỉnh phiên bản 2.0, phù hợp Khung Kiến trúc Chính phủ điện tử Việt Nam."),
        "IV.3.1": ("dang_trien_khai", "dang_trien_khai", "Vận hành nền tảng LGSP; kết nối với Nền tảng tích hợp, chia sẻ dữ liệu quốc gia và các hệ thống chuyên ngành."),
        "IV.6.6": ("hoan_thanh", "hoan_thanh", "Tổ chức diễn tập ứng cứu sự cố an toàn thông tin mạng cấp tỉnh với sự tham gia của các sở, ngành và doanh nghiệp viễn thông."),
        "V.5.1": ("dang_trien_khai", "dang_trien_khai", "Tham mưu kế hoạch hoạt động của Ban Chỉ đạo xây dựng Chính quyền điện tử tỉnh; tổ chức kiểm tra tại các đơn vị."),
    },
    "VPUBND": {
        "IV.5.3": ("dang_trien_khai", "hoan_thanh", "Đưa hệ thống thông tin phục vụ họp và xử lý công việc vào sử dụng; kết nối hệ thống báo cáo của tỉnh với Hệ thống thông tin báo cáo Chính phủ."),
        "IV.5.4": ("dang_trien_khai", "dang_trien_khai", "Rà soát, cấu hình lại quy trình điện tử các thủ tục hành chính trên Cổng dịch vụ công và một cửa điện tử tỉnh."),
        "IV.5.5": ("dang_trien_khai", "dang_trien_khai", "Duy trì kết nối, đồng bộ hồ sơ giữa Cổng dịch vụ công của tỉnh và Cổng dịch vụ công quốc gia."),
    },
    "SNV": {
        "IV.1.5": ("dang_trien_khai", "dang_trien_khai", "Tham mưu chế độ hỗ trợ đối với cán bộ chuyên trách CNTT trong các cơ quan nhà nước."),
        "IV.7.1": ("dang_trien_khai", "hoan_thanh", "Phối hợp tổ chức bồi dưỡng kiến thức về chính quyền số cho cán bộ lãnh đạo cấp sở và cấp huyện."),
    },
    "SKHDT": {"IV.4.3": ("dang_trien_khai", "dang_trien_khai", "Chuẩn hóa, công bố danh mục dữ liệu về đầu tư, doanh nghiệp để chia sẻ qua nền tảng tích hợp của tỉnh.")},
    "STNMT": {"IV.4.4": ("dang_trien_khai", "dang_trien_khai", "Xây dựng cơ sở dữ liệu đất đai, tài nguyên và môi trường; kết nối với cơ sở dữ liệu quốc gia về đất đai.")},
    "SGDDT": {"IV.4.1": ("dang_trien_khai", "dang_trien_khai", "Khai thác cơ sở dữ liệu ngành giáo dục; triển khai học bạ điện tử tại các trường trung học phổ thông.")},
    "SYT": {"IV.4.1": ("dang_trien_khai", "dang_trien_khai", "Khai thác phần mềm quản lý khám chữa bệnh và thanh toán bảo hiểm y tế tại các cơ sở y tế.")},
    "STC": {"V.4.1": ("dang_trien_khai", "dang_trien_khai", "Tham mưu bố trí kinh phí chi thường xuyên cho ứng dụng CNTT trong dự toán ngân sách hằng năm.")},
    "VINH": {
        "IV.2.5": ("dang_trien_khai", "dang_trien_khai", "Thí điểm camera giám sát giao thông, an ninh trật tự và hệ thống tiếp nhận phản ánh hiện trường trên địa bàn thành phố."),
        "V.1.1": ("dang_trien_khai", "dang_trien_khai", "Tổ đoàn viên thanh niên hỗ trợ người dân nộp hồ sơ trực tuyến tại bộ phận một cửa của các phường, xã."),
    },
    "DIENCHAU": {"IV.2.3": ("chua_trien_khai", "dang_trien_khai", "Lắp đặt điểm cầu hội nghị truyền hình trực tuyến tại UBND các xã theo lộ trình.")},
    "QUYNHLUU": {"V.1.4": ("dang_trien_khai", "dang_trien_khai", "Tuyên truyền trên hệ thống truyền thanh cơ sở về cài đặt, sử dụng ứng dụng dịch vụ công trên điện thoại thông minh.")},
    "YENTHANH": {"V.1.1": ("dang_trien_khai", "dang_trien_khai", "Hướng dẫn người dân sử dụng dịch vụ công trực tuyến tại bộ phận một cửa cấp huyện và cấp xã.")},
    "NGHILOC": {"IV.2.2": ("dang_trien_khai", "dang_trien_khai", "Mở rộng kết nối mạng truyền số liệu chuyên dùng đến UBND các xã còn lại.")},
}

# Appendix tasks led by one unit: {tt: {year: (allocated / yearly nominal, disbursed / allocated, status, account)}}.
# Yearly nominal = planned cost / number of years in the task's timeframe.
APPENDIX_PLAN: dict[int, dict[int, tuple[float, float, str, str]]] = {
    1: {2021: (0.8, 0.95, "dang_trien_khai", "Rà soát hiện trạng, xây dựng đề cương cập nhật Kiến trúc Chính quyền điện tử tỉnh Nghệ An phiên bản 2.0."),
        2022: (0.9, 0.93, "dang_trien_khai", "Hoàn thiện dự thảo Kiến trúc Chính quyền điện tử tỉnh phiên bản 2.0, lấy ý kiến các sở, ngành và UBND cấp huyện.")},
    2: {2021: (1.0, 0.98, "dang_trien_khai", "Duy trì dịch vụ phần mềm Quản lý văn bản và điều hành dùng chung cho các cơ quan hành chính nhà nước bốn cấp; cập nhật tài khoản người dùng."),
        2022: (1.0, 0.97, "dang_trien_khai", "Duy trì phần mềm Quản lý văn bản và điều hành; tích hợp ký số trên thiết bị di động cho lãnh đạo các cơ quan.")},
    3: {2021: (0.95, 0.97, "dang_trien_khai", "Duy trì Cổng dịch vụ công và Hệ thống thông tin một cửa điện tử tỉnh; đồng bộ trạng thái hồ sơ với Cổng dịch vụ công quốc gia."),
        2022: (1.0, 0.96, "dang_trien_khai", "Duy trì hệ thống; bổ sung chức năng thanh toán trực tuyến và số hóa kết quả giải quyết thủ tục hành chính.")},
    4: {2021: (1.0, 0.98, "dang_trien_khai", "Duy trì kết nối mạng truyền số liệu chuyên dùng cho các cơ quan nhà nước từ tỉnh đến xã."),
        2022: (1.0, 0.97, "dang_trien_khai", "Duy trì mạng truyền số liệu chuyên dùng; mở rộng kết nối đến một số đơn vị sự nghiệp trực thuộc.")},
    5: {2021: (0.5, 0.9, "dang_trien_khai", "Xây dựng đề cương, dự toán thuê dịch vụ nâng cấp Cổng thông tin điện tử tỉnh; lựa chọn đơn vị cung cấp dịch vụ."),
        2022: (0.9, 0.92, "dang_trien_khai", "Đưa giao diện mới của Cổng thông tin điện tử tỉnh vào vận hành; chuyển đổi dữ liệu các cổng thành phần.")},
    6: {2021: (0.0, 0.0, "chua_trien_khai", "Khảo sát hiện trạng hệ thống thư công vụ, xây dựng đề cương nâng cấp; chưa bố trí vốn trong năm."),
        2022: (0.8, 0.88, "dang_trien_khai", "Phê duyệt đề cương, dự toán; nâng cấp máy chủ và bản quyền phần mềm hệ thống thư công vụ của tỉnh.")},
    7: {2021: (0.9, 0.95, "dang_trien_khai", "Vận hành Hệ thống thông tin báo cáo của tỉnh, kết nối Hệ thống thông tin báo cáo Chính phủ; bổ sung chế độ báo cáo của các sở, ngành."),
        2022: (0.9, 0.95, "dang_trien_khai", "Bổ sung các chỉ tiêu kinh tế - xã hội; cập nhật báo cáo định kỳ lên Hệ thống thông tin báo cáo quốc gia.")},
    8: {2021: (0.85, 0.96, "dang_trien_khai", "Duy trì 26 điểm cầu hội nghị truyền hình trực tuyến, phục vụ các cuộc họp từ tỉnh đến huyện."),
        2022: (0.9, 0.95, "dang_trien_khai", "Thay thế thiết bị tại một số điểm cầu cấp huyện; phục vụ các hội nghị trực tuyến ba cấp.")},
    9: {2021: (0.7, 0.9, "dang_trien_khai", "Vận hành Cổng thông tin du lịch; cập nhật dữ liệu điểm đến, cơ sở lưu trú trên ứng dụng du lịch thông minh."),
        2022: (0.75, 0.93, "hoan_thanh", "Hoàn thành thuê dịch vụ giai đoạn 2020 - 2022; ứng dụng du lịch thông minh hoạt động trên điện thoại Android và iOS.")},
    10: {2021: (0.8, 0.85, "dang_trien_khai", "Khảo sát yêu cầu, xây dựng phần mềm quản lý các dự án đầu tư; thử nghiệm phân hệ theo dõi tiến độ giải ngân."),
         2022: (0.85, 0.92, "hoan_thanh", "Đưa phần mềm vào sử dụng; các chủ đầu tư cập nhật tình hình thực hiện dự án hằng tháng.")},
    11: {2021: (0.9, 0.93, "dang_trien_khai", "Vận hành nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP), kết nối với Nền tảng tích hợp, chia sẻ dữ liệu quốc gia."),
         2022: (0.95, 0.94, "dang_trien_khai", "Kết nối thêm các cơ sở dữ liệu chuyên ngành qua LGSP; triển khai hệ thống quản lý danh mục dùng chung.")},
    12: {2021: (0.6, 0.9, "dang_trien_khai", "Khảo sát, lập đề cương và dự toán hệ thống phòng chống mã độc tập trung."),
         2022: (1.0, 0.95, "dang_trien_khai", "Triển khai phần mềm phòng chống mã độc tập trung cho máy trạm của các cơ quan nhà nước cấp tỉnh.")},
    13: {2021: (0.5, 0.8, "dang_trien_khai", "Xây dựng đề cương, dự toán thuê dịch vụ giám sát, điều hành an toàn, an ninh mạng (SOC); khảo sát hiện trạng."),
         2022: (0.9, 0.14, "cham_tien_do", "Chưa lựa chọn được nhà cung cấp dịch vụ SOC do phải điều chỉnh dự toán theo hướng dẫn mới; mới giải ngân chi phí tư vấn, khảo sát.")},
    14: {2021: (0.62, 0.94, "hoan_thanh", "Đưa Trung tâm điều hành tập trung (IOC) giai đoạn 1 vào vận hành với các phân hệ phản ánh hiện trường và giám sát dịch vụ công.")},
    16: {2021: (0.7, 0.95, "hoan_thanh", "Đưa Hệ thống thông tin phục vụ họp và xử lý công việc của tỉnh vào sử dụng tại UBND tỉnh và các sở, ngành.")},
    17: {2021: (0.7, 0.92, "dang_trien_khai", "Thuê dịch vụ giám sát an toàn thông tin cho các hệ thống dùng chung; đánh giá an toàn thông tin Cổng dịch vụ công."),
         2022: (0.8, 0.94, "dang_trien_khai", "Triển khai bảo đảm an toàn thông tin theo mô hình 4 lớp cho các hệ thống dùng chung; kiểm tra, đánh giá 12 hệ thống thông tin.")},
    18: {2021: (0.9, 0.96, "dang_trien_khai", "Duy trì hoạt động của Đội ứng cứu sự cố mạng, máy tính tỉnh; hỗ trợ xử lý sự cố cho các đơn vị."),
         2022: (0.9, 0.97, "dang_trien_khai", "Tổ chức diễn tập ứng cứu sự cố an toàn thông tin mạng cấp tỉnh; cập nhật phương án ứng cứu.")},
    19: {2021: (1.0, 1.0, "dang_trien_khai", "Xây dựng kế hoạch năm 2021 triển khai Đề án thí điểm xây dựng Đô thị thông minh tỉnh Nghệ An."),
         2022: (1.0, 1.0, "dang_trien_khai", "Xây dựng kế hoạch năm 2022 triển khai Đề án; tổng kết các mô hình thí điểm tại thành phố Vinh.")},
    20: {2021: (0.3, 0.85, "dang_trien_khai", "Xây dựng kế hoạch triển khai Nghị định số 47/2020/NĐ-CP; rà soát danh mục cơ sở dữ liệu của các sở, ngành."),
         2022: (0.45, 0.88, "dang_trien_khai", "Xây dựng kho dữ liệu dùng chung của tỉnh; công bố danh mục dữ liệu mở đợt 1.")},
    21: {2021: (1.0, 0.97, "dang_trien_khai", "Tổ chức hội nghị Ban Chỉ đạo; kiểm tra tình hình xây dựng chính quyền điện tử tại 8 đơn vị."),
         2022: (1.0, 0.96, "dang_trien_khai", "Tổ chức hội nghị sơ kết; kiểm tra tình hình chuyển đổi số tại 10 sở, ngành và huyện.")},
    22: {2021: (1.0, 1.0, "hoan_thanh", "Đánh giá, xếp hạng mức độ ứng dụng CNTT năm 2021 của 26 sở, ngành và 21 huyện, thành phố, thị xã."),
         2022: (1.0, 1.0, "hoan_thanh", "Cập nhật bộ chỉ số; đánh giá, xếp hạng mức độ chuyển đổi số năm 2022 của các sở, ngành và cấp huyện.")},
    23: {2021: (1.0, 0.95, "dang_trien_khai", "Tổ chức 6 lớp tập huấn kỹ năng số, khai thác các hệ thống dùng chung cho cán bộ, công chức."),
         2022: (1.0, 0.96, "dang_trien_khai", "Tổ chức 8 lớp bồi dưỡng kỹ năng số, phân tích và xử lý dữ liệu cho cán bộ chuyên trách CNTT.")},
    24: {2021: (1.0, 0.97, "dang_trien_khai", "Duy trì chương trình IT Today trên sóng truyền hình tỉnh; tuyên truyền về dịch vụ công trực tuyến."),
         2022: (1.0, 0.97, "dang_trien_khai", "Duy trì chương trình IT Today; sản xuất phóng sự về chuyển đổi số cấp xã.")},
    25: {2021: (0.75, 0.9, "dang_trien_khai", "Số hóa hồ sơ học sinh, giáo viên; cập nhật cơ sở dữ liệu ngành giáo dục."),
         2022: (0.8, 0.91, "dang_trien_khai", "Kết nối cơ sở dữ liệu ngành giáo dục với cơ sở dữ liệu của Bộ Giáo dục và Đào tạo; triển khai học bạ điện tử.")},
    26: {2021: (0.7, 0.88, "dang_trien_khai", "Triển khai hồ sơ sức khỏe điện tử thí điểm; chuẩn hóa dữ liệu khám chữa bệnh của tuyến tỉnh."),
         2022: (0.75, 0.9, "dang_trien_khai", "Mở rộng hồ sơ sức khỏe điện tử; kết nối dữ liệu khám chữa bệnh với cơ sở dữ liệu ngành y tế.")},
    27: {2021: (0.35, 0.86, "dang_trien_khai", "Số hóa hồ sơ người có công, hộ nghèo; xây dựng cơ sở dữ liệu an sinh xã hội của tỉnh."),
         2022: (0.4, 0.87, "dang_trien_khai", "Cập nhật cơ sở dữ liệu an sinh xã hội; kết nối chi trả trợ cấp qua tài khoản.")},
}

# ---------------------------------------------------------------------------------------------
# Indicators: level -> (denominator base, what the base multiplies, ratio 2021, spread by quality,
# yearly step, cap, yearly growth of the denominator). Bases are sized so that province-wide
# totals sit near the plan's 2020 figures (e.g. 1.533.458 incoming documents in ten months).
# ---------------------------------------------------------------------------------------------

SPEC: dict[str, dict[str, tuple[float, str, float, float, float, float, float]]] = {
    "van_ban_dien_tu": {
        "tinh": (22000, "w", 0.90, 0.04, 0.045, 0.99, 0.04),
        "huyen": (20000, "w", 0.86, 0.05, 0.05, 0.985, 0.04),
        "xa": (1500, "xa", 0.81, 0.06, 0.055, 0.98, 0.05),
    },
    "ho_so_cong_viec_tren_mang": {
        "tinh": (4500, "w", 0.835, 0.05, 0.07, 0.98, 0.03),
        "huyen": (3800, "w", 0.70, 0.06, 0.08, 0.97, 0.03),
        "xa": (350, "xa", 0.47, 0.07, 0.105, 0.95, 0.04),
    },
    "bao_cao_dinh_ky_he_thong_qg": {
        "tinh": (90, "w", 0.70, 0.08, 0.11, 1.0, 0.02),
        "huyen": (140, "w", 0.69, 0.08, 0.12, 1.0, 0.02),
    },
    "ho_so_giai_quyet_dvctt_34": {
        "tinh": (4200, "tthc", 0.16, 0.05, 0.08, 0.9, 0.06),
        "huyen": (3600, "w", 0.10, 0.04, 0.075, 0.9, 0.06),
        "xa": (320, "xa", 0.085, 0.035, 0.07, 0.9, 0.06),
    },
    "tthc_trien_khai_dvctt_34": {
        "tinh": (55, "tthc", 0.70, 0.07, 0.11, 1.0, 0.01),
        "huyen": (205, "flat", 0.69, 0.07, 0.115, 1.0, 0.01),
    },
    "hai_long_giai_quyet_tthc": {  # base: share of the dossiers that were rated
        "tinh": (0.45, "ho_so", 0.905, 0.02, 0.03, 0.985, 0.0),
        "huyen": (0.40, "ho_so", 0.90, 0.025, 0.03, 0.985, 0.0),
        "xa": (0.35, "ho_so", 0.895, 0.03, 0.03, 0.985, 0.0),
    },
    "httt_ket_noi_nen_tang": {"tinh": (3, "small", 0.45, 0.12, 0.17, 1.0, 0.0)},
    "dao_tao_ky_nang_so": {
        "tinh": (2, "small", 0.58, 0.12, 0.24, 1.0, 0.0),
        "huyen": (3, "small", 0.56, 0.12, 0.24, 1.0, 0.0),
    },
}
# Operated by Văn phòng UBND tỉnh for the whole province: (denominator 2021, growth, ratio 2021, step, cap).
PROVINCE_WIDE = {
    "dvctt_pho_bien_tich_hop_cong_qg": (280, 0.09, 0.85, 0.13, 0.99),
    "giao_dich_dvctt_xac_thuc": (64000, 0.85, 0.93, 0.062, 0.998),
    "dinh_danh_dien_tu": (165000, 0.88, 0.12, 0.11, 0.6),
    "dvctt_34_tich_hop_cong_qg": (1086, 0.12, 0.41, 0.14, 0.95),
}


# ---------------------------------------------------------------------------------------------
# Deliberate imperfections, year by year (the annual reports must show them).
# ---------------------------------------------------------------------------------------------

LATE = {  # (unit, year) -> the day the report arrives, after its deadline
    ("SNGV", 2022): dt.date(2023, 1, 5),
    ("QUEPHONG", 2023): dt.date(2024, 1, 8),
    ("KYSON", 2025): dt.date(2025, 7, 10),  # the closing report of a district, due 30/6/2025
    ("PHUONG_HOANGMAI", 2025): dt.date(2025, 12, 29),
}
MISSING = {("TUONGDUONG", 2022), ("BQLKKT", 2024), ("XA_MYLY", 2025)}
BEHIND = {  # (row, year) -> (allocated / nominal, disbursed / allocated, status, what happened)
    (13, 2022): (0.9, 0.14, "cham_tien_do", "Chưa lựa chọn được nhà cung cấp dịch vụ SOC do phải điều chỉnh dự toán theo hướng dẫn mới; mới giải ngân chi phí tư vấn, khảo sát."),
    (20, 2023): (0.6, 0.35, "cham_tien_do", "Kho dữ liệu dùng chung của tỉnh chậm triển khai do chờ hướng dẫn kỹ thuật về kết nối với Trung tâm dữ liệu quốc gia."),
    (20, 2025): (0.3, 0.2, "tam_dung", "Tạm dừng xây dựng kho dữ liệu dùng chung để rà soát lại theo kiến trúc dữ liệu mới của tỉnh sau sắp xếp tổ chức bộ máy."),
}
BELOW_TARGET_INDICATOR = "ho_so_giai_quyet_dvctt_34"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def pct_vn(num: Decimal | int, den: Decimal | int) -> str:
    """92,5% for the units' own sentences, from the exact figures."""
    from plan744.core.display import percent

    return percent(Decimal(num) * 100 / Decimal(den)) if den else "—"


def clamp(x: float, lo: float, hi: float) -> float:
    return max(lo, min(hi, x))


@dataclass(frozen=True)
class Profile:
    code: str  # the unit the file is for
    base: str  # the real unit whose profile it borrows (itself, or the original of a bench clone)
    kind: str
    weight: float
    tthc_weight: float
    quality: float  # -1 … 1
    communes: int  # communes (2020) whose commune-level figures the unit reports
    deploy_year: int  # meeting and work-processing system at the unit's own level
    commune_deploy0: float  # share of communes with it in 2021
    recurring: float  # recurring spending 2021, million VND
    it_share0: float  # percent, 2021
    it_step: float  # percentage points a year


def _old_communes(text: str) -> int:
    """How many 2020 communes a 2025 commune was formed from ("thị trấn A, xã B và xã C" -> 3)."""
    return max(1, len([p for p in text.replace(" và ", ", ").split(",") if p.strip()]))


class SampleGenerator:
    """Illustrative submissions for a plan's units. Deterministic for a given seed."""

    def __init__(self, plan, seed: int = SEED, *, imperfections: bool = True,
                 clones: dict[str, str] | None = None) -> None:
        self.plan = plan
        self.org = plan.organisation
        self.seed = seed
        self.imperfections = imperfections
        self.clones = clones or {}  # bench: clone code -> real unit code
        self._profiles: dict[str, Profile] = {}

    # -- randomness: one stream per (unit, year, topic), independent of call order --
    def rng(self, *parts: object) -> random.Random:
        return random.Random("|".join(str(p) for p in (self.seed, *parts)))

    # -- who is who --
    def _sum_of_predecessors(self, code: str, table: dict[str, float], default: float) -> float:
        """A unit formed by merging others weighs what they weighed together."""
        before = [u.code for u in self.org.predecessors(code)]
        return sum(table.get(b, default) for b in before) if before else table.get(code, default)

    def profile(self, code: str) -> Profile:
        if code in self._profiles:
            return self._profiles[code]
        base = self.clones.get(code, code)
        unit = self.plan.units_by_code[code]
        r = self.rng(code, "profile")
        communes = 0
        if unit.kind == "huyen":
            weight, communes = DISTRICTS.get(base, (1.0, 22))
            tthc = weight
        elif unit.kind == "xa":  # a 2025 commune: its share of its district
            districts = unit.formed_from.units if unit.formed_from else []
            communes = _old_communes(unit.formed_from.text) if unit.formed_from else 1
            dweight, dcommunes = DISTRICTS.get(districts[0] if districts else "", (1.0, 22))
            weight = dweight * communes / dcommunes
            tthc = weight
        else:
            weight = self._sum_of_predecessors(base, DEPARTMENT_WEIGHT, 1.0)
            tthc = self._sum_of_predecessors(base, TTHC_WEIGHT, weight)
        if code != base:  # a bench clone: same kind and size class, its own numbers
            weight *= r.uniform(0.8, 1.25)
            tthc *= r.uniform(0.8, 1.25)
        origin = unit.formed_from.units[0] if unit.formed_from and unit.formed_from.units else base
        bias = QUALITY_BIAS.get(origin, -0.6 if origin in MOUNTAIN else 0.0)
        quality = clamp(bias + r.uniform(-0.45, 0.45), -1, 1)
        deploy = 2021 if base in ("VPUBND", "STTTT", "SKHCN") else r.choices([2021, 2022, 2023, 2024], [4, 4, 1.5, 0.5])[0]
        commune0 = clamp(0.1 + 0.08 * quality + r.uniform(-0.06, 0.06), 0.0, 0.3)
        if unit.kind in ("huyen", "xa"):
            recurring = 470_000 * weight * r.uniform(0.9, 1.1)
            share0 = clamp(0.78 + 0.12 * quality + r.uniform(-0.1, 0.1), 0.6, 1.2)
            step = r.uniform(0.18, 0.27)
        else:
            recurring = self._sum_of_predecessors(base, RECURRING_OVERRIDE, 42_000 * weight) * r.uniform(0.9, 1.1)
            share0 = clamp(0.95 + 0.2 * quality + r.uniform(-0.15, 0.15), 0.6, 1.45)
            step = r.uniform(0.08, 0.16)
        p = Profile(code, base, unit.kind, weight, tthc, quality, communes, deploy, commune0, recurring, share0, step)
        self._profiles[code] = p
        return p

    def absorbed(self, code: str, year: int) -> float:
        """The weight a unit takes on for the year from units merged into it during or before it
        (Thành phố Vinh from 2024 reports Cửa Lò too; Sở KH&CN from 2025 reports Sở TT&TT's part)."""
        end = self.plan.window(year)[1]
        extra = 0.0
        for e in self.org.events_beginning(code):
            if e.rule == "successor" and e.date <= end + dt.timedelta(days=1):
                for old in e.from_units:
                    if old != code and old in self.plan.units_by_code and self.plan.units_by_code[old].start is None:
                        extra += self.profile(old).weight
        base = self.profile(code).weight
        return (base + extra) / base if base else 1.0

    # -- who reports, when --
    def coverage(self, code: str, year: int):
        return self.org.coverage(code, self.plan.window(year), self.plan.deadline(year))

    def submits(self, code: str, year: int) -> bool:
        return not (self.imperfections and (code, year) in MISSING)

    def submitted_on(self, code: str, year: int) -> dt.date:
        if self.imperfections and (code, year) in LATE:
            return LATE[(code, year)]
        cov = self.coverage(code, year)
        due = cov.deadline if cov else self.plan.deadline(year)
        first = (cov.end if cov else self.plan.window(year)[1]) - dt.timedelta(days=13)
        r = self.rng(code, year, "date")
        days = [first + dt.timedelta(d) for d in range((due - first).days + 1)]
        workdays = [d for d in days if d.weekday() < 5] or days
        return r.choice(workdays)

    def fraction(self, code: str, year: int) -> float:
        """The share of the year the unit's report covers (a closing report, a new unit)."""
        cov = self.coverage(code, year)
        start, end = self.plan.window(year)
        if cov is None or cov.whole:
            return 1.0
        return ((cov.end - cov.start).days + 1) / ((end - start).days + 1)

    # -- figures --
    def _ratio(self, p: Profile, spec, year: int, r: random.Random) -> float:
        _, _, r0, spread, step, cap, _ = spec
        x = r0 + spread * p.quality + step * (year - 2021) + r.uniform(-0.012, 0.012)
        return clamp(x, 0.0, cap)

    def indicator_figures(self, code: str, year: int) -> dict[str, dict[str, tuple]]:
        """{indicator id: {level: (numerator, denominator)}} for every indicator the unit reports."""
        p = self.profile(code)
        scale = self.fraction(code, year) * self.absorbed(code, year)
        out: dict[str, dict[str, tuple]] = {}
        ho_so: dict[str, int] = {}
        for ind, levels in self.plan.indicators_for(code):
            fig: dict[str, tuple] = {}
            for lv in levels:
                r = self.rng(code, year, ind.id, lv)
                u = self.rng(code, ind.id, lv, "unit")  # stable per unit across years
                if ind.id in PROVINCE_WIDE:
                    den0, growth, r0, step, cap = PROVINCE_WIDE[ind.id]
                    n = year - 2021
                    den = round(den0 * (1 + growth) ** n * r.uniform(0.98, 1.02))
                    ratio = clamp(r0 + step * n + r.uniform(-0.005, 0.005), 0, cap)
                    fig[lv] = (round(den * ratio), den)
                elif ind.id == "he_thong_hop_xu_ly_cong_viec":  # a stock: not scaled by the part of the year
                    if lv == "xa" and p.kind == "huyen":
                        share = clamp(p.commune_deploy0 + 0.2 * (year - 2021), 0, 1)
                        fig[lv] = (round(p.communes * share), p.communes)
                    else:
                        fig[lv] = (1 if year >= p.deploy_year else 0, 1)
                elif ind.id == "kinh_phi_cntt":
                    den = p.recurring * scale * 1.04 ** (year - 2021) * r.uniform(0.97, 1.03)
                    share = clamp(p.it_share0 + p.it_step * (year - 2021) + r.uniform(-0.03, 0.03), 0.5, 1.6)
                    den_d = Decimal(round(den))
                    num_d = (den_d * Decimal(str(round(share, 4))) / 100).quantize(Decimal("0.1"), rounding=ROUND_DOWN)
                    if r.random() < 0.5:
                        num_d = num_d.to_integral_value(rounding=ROUND_DOWN)
                    fig[lv] = (num_d, den_d)
                else:
                    spec = SPEC[ind.id][lv]
                    base, per = spec[0], spec[1]
                    growth = (1 + spec[6]) ** (year - 2021)
                    if per == "w":
                        den = base * p.weight * scale * u.uniform(0.85, 1.15) * growth * r.uniform(0.96, 1.04)
                    elif per == "tthc":
                        den = base * p.tthc_weight * scale * u.uniform(0.85, 1.15) * growth * r.uniform(0.96, 1.04)
                    elif per == "xa":
                        den = base * p.communes * scale * u.uniform(0.85, 1.15) * growth * r.uniform(0.96, 1.04)
                    elif per == "flat":
                        den = base * u.uniform(0.9, 1.1) * growth
                    elif per == "ho_so":
                        den = ho_so[lv] * base * u.uniform(0.8, 1.2)
                    else:  # "small": a handful of people or systems
                        den = base + round(1.5 * p.weight) + u.randint(0, 3) + (year - 2021) // 2
                    den = max(3, round(den))
                    den += den == 100  # exactly 100 looks like a percentage typed as a count (a warning)
                    num = min(den, round(den * self._ratio(p, spec, year, r)))
                    fig[lv] = (num, den)
                    if ind.id == BELOW_TARGET_INDICATOR:
                        ho_so[lv] = den
            out[ind.id] = fig
        return out

    # -- appendix --
    def _shared_amount(self, tt: int, code: str, year: int) -> tuple[Decimal, str] | None:
        """A shared row (led by a group): the part this unit reports, its predecessors' included."""
        parts = SHARED.get(tt, {})
        total, texts = 0.0, []
        for old, (nominal, text) in parts.items():
            holder = old if self.coverage(old, year) is not None else next(
                (u.code for u in self.org.successors(old) if self.coverage(u.code, year) is not None), None)
            if holder == code:
                total += nominal
                texts.append(text)
        if not texts:
            return None
        r = self.rng(code, year, "shared", tt)
        return Decimal(round(total * r.uniform(0.85, 1.1))), " ".join(texts)

    def appendix_lines(self, code: str, year: int) -> list[tuple[int, str, Decimal, Decimal, str]]:
        """(tt, status, allocated, disbursed, progress) for the rows the unit reports this year."""
        lines = []
        for task in self.plan.appendix:
            tf = task.timeframe
            if not (tf.start <= year <= tf.end):
                continue
            r = self.rng(code, year, "tt", task.tt)
            lead = self.plan.lead_in(task, year)
            if lead == code:
                nominal = task.cost / (tf.end - max(tf.start, self.plan.period.start) + 1)
                plan = APPENDIX_PLAN.get(task.tt, {})
                if self.imperfections and (task.tt, year) in BEHIND:
                    frac, rate, status, text = BEHIND[(task.tt, year)]
                elif year in plan and (task.tt, year) not in BEHIND:
                    frac, rate, status, text = plan[year]
                else:  # later years: steady progress, done in the row's last year
                    frac, rate = r.uniform(0.8, 1.0), r.uniform(0.85, 0.97)
                    status = "hoan_thanh" if year == tf.end else "dang_trien_khai"
                    text = (f"Tiếp tục triển khai nhiệm vụ theo kế hoạch năm {year}; "
                            f"hoàn thành các hạng mục được giao trong năm." if status != "hoan_thanh" else
                            f"Hoàn thành các hạng mục của nhiệm vụ; nghiệm thu, đưa vào sử dụng trong năm {year}.")
                allocated = (nominal * Decimal(str(frac))).quantize(Decimal(1) if r.random() < 0.7 else Decimal("0.1"), rounding=ROUND_DOWN)
                disbursed = (allocated * Decimal(str(rate))).quantize(Decimal("0.1"), rounding=ROUND_DOWN)
                lines.append((task.tt, status, allocated, disbursed, text))
            elif self.plan.leads(task, code, year) and lead != code:
                shared = self._shared_amount(task.tt, code, year)
                if shared is not None:
                    allocated, text = shared
                    disbursed = (allocated * Decimal(str(round(r.uniform(0.82, 0.97), 3)))).quantize(Decimal("0.1"), rounding=ROUND_DOWN)
                    lines.append((task.tt, "dang_trien_khai", allocated, disbursed, text))
        return lines

    # -- qualitative tasks --
    def task_lines(self, code: str, year: int) -> list[tuple[str, str, str]]:
        """(id, status, account): required tasks, then optional ones the unit reports."""
        p = self.profile(code)
        r = self.rng(code, year, "tasks")
        district = p.kind in ("huyen", "xa")
        out = []
        for task in self.plan.tasks_for(code):
            if task.required:
                status, account = self._required_account(task.id, p, year, r, district)
                out.append((task.id, status, account))
        optional = OPTIONAL_TASKS.get(p.base, {}) if p.base == code else {}
        for task in self.plan.tasks_for(code):
            if not task.required and task.id in optional:
                s21, s22, account = optional[task.id]
                out.append((task.id, s21 if year <= 2021 else s22, account))
        return out

    def drafter_name(self, year: int) -> str:
        code = self.plan.drafter(year)
        return self.plan.units_by_code[code].name if code else "cơ quan chuyên môn"

    def _required_account(self, task_id: str, p: Profile, year: int, r: random.Random, district: bool) -> tuple[str, str]:
        base = p.base
        small = p.weight < 0.8
        # A commune (from 01/7/2025) speaks of its own offices, not of communes below it.
        who = {"huyen": "UBND các xã, phường, thị trấn", "xa": "các phòng chuyên môn và bộ phận một cửa"}.get(
            p.kind, "các phòng, đơn vị trực thuộc")
        if task_id == "III.3.1":
            n = max(8, round((45 if district else 30) * p.weight * r.uniform(0.8, 1.2)))
            return "dang_trien_khai", r.choice([
                f"Quán triệt Quy chế bảo đảm an toàn thông tin mạng (Quyết định số 87/2016/QĐ-UBND) đến cán bộ, công chức; kiểm tra việc cài đặt phần mềm phòng chống mã độc trên {n} máy tính.",
                f"Ban hành kế hoạch bảo đảm an toàn thông tin năm {year}; rà soát, cập nhật quy chế sử dụng hệ thống thông tin nội bộ và hướng dẫn {who} thực hiện.",
            ])
        if task_id == "III.3.2":
            systems = 1 + round(p.weight * r.uniform(1, 2.5))
            approved = min(systems, max(0, systems - (2 if year <= 2021 else 1) + (1 if p.quality > 0.3 else 0)))
            if year <= 2021 and small and p.quality < 0:
                return "cham_tien_do", f"Chưa hoàn thành hồ sơ đề xuất cấp độ cho {systems} hệ thống thông tin do chưa có cán bộ chuyên trách; đang phối hợp với {self.drafter_name(year)} để hoàn thiện."
            status = "hoan_thanh" if approved == systems else "dang_trien_khai"
            return status, f"Rà soát danh mục {systems} hệ thống thông tin của đơn vị; {approved} hệ thống đã được phê duyệt hồ sơ đề xuất cấp độ, đang triển khai phương án bảo đảm an toàn theo cấp độ."
        if task_id == "III.3.3":
            if base == "STTTT":
                return "dang_trien_khai", "Duy trì giám sát an toàn thông tin theo mô hình 4 lớp cho các hệ thống dùng chung của tỉnh; chia sẻ thông tin giám sát với Trung tâm NCSC."
            if base == "TTCNTT":
                return "dang_trien_khai", "Vận hành giám sát an toàn thông tin cho Trung tâm dữ liệu của tỉnh; tiếp nhận, xử lý cảnh báo từ hệ thống giám sát quốc gia."
            alerts = r.randint(2, 9)
            return "dang_trien_khai", f"Phối hợp với {self.drafter_name(year)} giám sát an toàn thông tin cho trang thông tin điện tử và máy trạm của đơn vị; xử lý {alerts} cảnh báo mã độc được thông báo trong năm."
        if task_id == "III.3.4":
            n = 1 + (1 if p.weight >= 1.3 else 0) + (1 if district and p.weight >= 1.5 else 0)
            status = "hoan_thanh" if (year >= 2022 or p.quality > 0.3) else "dang_trien_khai"
            return status, f"Phân công {n} cán bộ phụ trách an toàn thông tin; cử cán bộ tham gia các lớp tập huấn do {self.drafter_name(year)} tổ chức."
        if task_id == "III.3.5":
            if base == "STTTT":
                return "dang_trien_khai", f"Kiện toàn Đội ứng cứu sự cố mạng, máy tính tỉnh; hỗ trợ xử lý {r.randint(10, 18)} sự cố cho các cơ quan, đơn vị trong năm {year}."
            return "dang_trien_khai", f"Cử cán bộ tham gia Đội ứng cứu sự cố mạng, máy tính tỉnh; phối hợp xử lý {r.randint(0, 3)} sự cố mất kết nối, nhiễm mã độc tại {who}."
        if task_id == "III.3.6":
            if base == "DPTTH":
                return "dang_trien_khai", f"Phát sóng {r.randint(20, 30)} chương trình, phóng sự về an toàn thông tin mạng, cảnh báo lừa đảo trực tuyến."
            posts = r.randint(4, 15) if not district else r.randint(8, 25)
            channel = {"huyen": "hệ thống truyền thanh cơ sở và trang thông tin điện tử của huyện",
                       "xa": "hệ thống truyền thanh cơ sở và trang thông tin điện tử của địa phương"}.get(
                p.kind, "trang thông tin điện tử của đơn vị")
            return "dang_trien_khai", f"Đăng {posts} tin, bài về an toàn thông tin mạng trên {channel}; phổ biến cảnh báo lừa đảo trực tuyến đến cán bộ, công chức."
        return "dang_trien_khai", "Triển khai theo kế hoạch của đơn vị."

    # -- narrative --
    def narrative(self, code: str, year: int, figures, appendix) -> tuple[str, str, str]:
        p = self.profile(code)
        r = self.rng(code, year, "narrative")
        def ratio(ind: str, *levels: str) -> str:
            f = figures.get(ind, {})
            num = sum((Decimal(f[lv][0]) for lv in levels if lv in f), Decimal(0))
            den = sum((Decimal(f[lv][1]) for lv in levels if lv in f), Decimal(0))
            return pct_vn(num, den)

        if p.kind == "xa":
            highlights = (f"Tỷ lệ văn bản trao đổi hoàn toàn dưới dạng điện tử đạt {ratio('van_ban_dien_tu', 'xa')}; "
                          f"{ratio('ho_so_cong_viec_tren_mang', 'xa')} hồ sơ công việc được xử lý trên môi trường mạng; "
                          f"hồ sơ giải quyết theo dịch vụ công trực tuyến mức độ 3, 4 đạt {ratio('ho_so_giai_quyet_dvctt_34', 'xa')} "
                          "từ khi chính quyền cấp xã mới đi vào hoạt động (01/7/2025).")
            short = [
                "Bộ phận một cửa của xã mới sắp xếp, cán bộ còn phải làm quen với địa bàn và quy trình xử lý hồ sơ trên hệ thống.",
                "Trang thiết bị CNTT tiếp nhận từ các xã cũ không đồng bộ; đường truyền ở một số điểm giao dịch chưa ổn định.",
                "Người dân ở các thôn, bản xa trung tâm xã còn ít nộp hồ sơ trực tuyến.",
            ]
            props = [f"Đề nghị {self.drafter_name(year)} hỗ trợ cấu hình, kết nối hệ thống dùng chung cho trụ sở mới của xã.",
                     "Đề nghị UBND tỉnh bố trí kinh phí trang bị máy tính, thiết bị ký số cho bộ phận một cửa của xã."]
        elif p.kind == "huyen":
            xa = figures["he_thong_hop_xu_ly_cong_viec"]["xa"]
            highlights = (f"Tỷ lệ văn bản trao đổi hoàn toàn dưới dạng điện tử cấp huyện đạt {ratio('van_ban_dien_tu', 'huyen')}, "
                          f"cấp xã đạt {ratio('van_ban_dien_tu', 'xa')}; {xa[0]}/{xa[1]} xã, phường, thị trấn đã sử dụng hệ thống thông tin "
                          f"phục vụ họp và xử lý công việc; hồ sơ giải quyết theo dịch vụ công trực tuyến mức độ 3, 4 đạt "
                          f"{ratio('ho_so_giai_quyet_dvctt_34', 'huyen', 'xa')}.")
            short = [
                "Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến còn thấp, nhất là ở cấp xã; người dân chưa quen sử dụng dịch vụ công trực tuyến.",
                "Trang thiết bị CNTT ở một số xã đã cũ, đường truyền chưa ổn định, ảnh hưởng đến việc xử lý hồ sơ trên môi trường mạng.",
                "Cán bộ phụ trách CNTT ở cấp xã chủ yếu kiêm nhiệm, thường xuyên thay đổi nên việc cập nhật, khai thác các hệ thống còn chậm.",
                "Kinh phí dành cho ứng dụng CNTT của huyện còn hạn chế so với nhu cầu đầu tư, nâng cấp.",
            ]
            if p.base in MOUNTAIN:
                short.insert(0, "Địa bàn miền núi rộng, hạ tầng viễn thông ở một số bản chưa ổn định; người dân còn ít sử dụng điện thoại thông minh để nộp hồ sơ trực tuyến.")
            props = [
                "Đề nghị UBND tỉnh hỗ trợ kinh phí nâng cấp trang thiết bị CNTT và hội nghị truyền hình cho cấp xã.",
                f"Đề nghị {self.drafter_name(year)} tiếp tục tập huấn kỹ năng số, an toàn thông tin cho cán bộ cấp huyện và cấp xã.",
                "Đề nghị Văn phòng UBND tỉnh tiếp tục rút gọn thành phần hồ sơ điện tử của các thủ tục phát sinh nhiều ở cấp xã.",
            ]
        elif not figures:  # a centre that reports only its appendix tasks
            done = [f"TT {tt}" for tt, status, *_ in appendix if status == "hoan_thanh"]
            highlights = ("Vận hành ổn định Trung tâm dữ liệu và các hệ thống dùng chung của tỉnh"
                          + (f"; hoàn thành nhiệm vụ {', '.join(done)} của Phụ lục." if done else "; bảo đảm an toàn thông tin cho các hệ thống được giao quản lý."))
            short = ["Nhân lực kỹ thuật về an toàn thông tin còn mỏng; thủ tục thuê dịch vụ CNTT kéo dài làm chậm tiến độ một số nhiệm vụ."]
            props = ["Đề nghị sớm phê duyệt dự toán thuê dịch vụ giám sát an toàn thông tin tập trung của tỉnh."]
        else:
            highlights = (f"Tỷ lệ văn bản trao đổi hoàn toàn dưới dạng điện tử đạt {ratio('van_ban_dien_tu', 'tinh')}; "
                          f"{ratio('ho_so_cong_viec_tren_mang', 'tinh')} hồ sơ công việc được xử lý trên môi trường mạng; "
                          f"hồ sơ giải quyết theo dịch vụ công trực tuyến mức độ 3, 4 đạt {ratio('ho_so_giai_quyet_dvctt_34', 'tinh')}.")
            if p.base == "VPUBND":
                highlights += (" Cổng dịch vụ công của tỉnh đã tích hợp "
                               f"{ratio('dvctt_34_tich_hop_cong_qg', 'tinh')} dịch vụ công trực tuyến mức độ 3, 4 với Cổng dịch vụ công quốc gia.")
            if p.base in ("STTTT", "SKHCN") and any(str(tt) == "11" for tt, *_ in appendix):
                highlights += " Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP) vận hành ổn định, kết nối với nền tảng quốc gia."
            short = [
                "Một số phần mềm chuyên ngành do bộ, ngành triển khai chưa kết nối với nền tảng tích hợp, chia sẻ dữ liệu của tỉnh.",
                "Đơn vị chưa có cán bộ chuyên trách CNTT; cán bộ phụ trách kiêm nhiệm nhiều việc.",
                "Tỷ lệ hồ sơ nộp trực tuyến còn thấp do một số thủ tục có thành phần hồ sơ phức tạp, chưa số hóa được kết quả giải quyết.",
                "Trang thiết bị CNTT một số phòng chuyên môn đã cũ, chưa đáp ứng yêu cầu ký số, xử lý hồ sơ trên môi trường mạng.",
            ]
            props = [
                f"Đề nghị {self.drafter_name(year)} tiếp tục tổ chức tập huấn kỹ năng số, an toàn thông tin cho cán bộ phụ trách.",
                "Đề nghị các bộ, ngành sớm hoàn thiện kết nối các hệ thống chuyên ngành với nền tảng tích hợp, chia sẻ dữ liệu của tỉnh.",
                "Đề nghị Sở Tài chính hướng dẫn cơ chế bố trí kinh phí thuê dịch vụ CNTT trong dự toán chi thường xuyên.",
            ]
        if self.imperfections and (code, year) in LATE:
            short.insert(0, "Báo cáo năm gửi chậm so với thời hạn do cán bộ đầu mối thay đổi, việc tổng hợp số liệu bị gián đoạn.")
        cov = self.coverage(code, year)
        if cov is not None and not cov.whole and cov.end < self.plan.window(year)[1]:
            highlights += (f" Đây là báo cáo chốt số liệu đến ngày {cov.end:%d/%m/%Y} trước khi đơn vị kết thúc hoạt động; "
                           "hồ sơ, dữ liệu đã được bàn giao cho các đơn vị kế thừa.")
        behind = [tt for tt, status, *_ in appendix if status in ("cham_tien_do", "tam_dung")]
        if behind:
            short.insert(0, f"Nhiệm vụ TT {', '.join(map(str, behind))} của Phụ lục chậm tiến độ, giải ngân thấp so với vốn được bố trí.")
        shortcomings = short[0] + " " + r.choice(short[1:]) if len(short) > 1 else short[0]
        proposals = r.choice(props)
        return highlights, shortcomings, proposals

    # -- the file --
    def values(self, code: str, year: int) -> dict:
        """The report's content, shaped like the file (the scaffold writes it)."""
        plan = self.plan
        p = self.profile(code)
        figures = self.indicator_figures(code, year)
        appendix = self.appendix_lines(code, year)
        highlights, shortcomings, proposals = self.narrative(code, year, figures, appendix)
        position = ("Chuyên viên Phòng Văn hóa và Thông tin" if p.kind == "huyen"
                    else "Công chức Văn phòng HĐND và UBND" if p.kind == "xa"
                    else "Viên chức phụ trách kỹ thuật" if p.kind == "truc_thuoc" else "Chuyên viên phụ trách CNTT")
        inds = {}
        for ind, levels in plan.indicators_for(code):
            inds[ind.id] = {lv: {"numerator": figures[ind.id][lv][0], "denominator": figures[ind.id][lv][1]} for lv in levels}
        return {
            "submitted": self.submitted_on(code, year),
            "prepared_by": {"name": "Cán bộ đầu mối (minh họa)", "position": position},
            "indicators": inds,
            "appendix": [{"tt": tt, "status": s, "allocated": a, "disbursed": d, "progress": text}
                         for tt, s, a, d, text in appendix],
            "tasks": {tid: {"status": s, "account": acc} for tid, s, acc in self.task_lines(code, year)},
            "narrative": {"highlights": highlights, "shortcomings": shortcomings, "proposals": proposals},
        }

    def submission_text(self, code: str, year: int, schema_ref: str | None) -> str:
        from plan744.forms.scaffold_yaml import scaffold

        unit = self.plan.units_by_code[code]
        header = (
            f"{MARKER} - KHÔNG PHẢI SỐ LIỆU THỰC CỦA TỈNH.",
            "# Số liệu minh họa do scripts/make_sample_data.py tạo ra để chạy thử plan744, không phải số liệu thực",
            f"# của tỉnh Nghệ An hay của {unit.name}. Người lập báo cáo là tên giả định.",
            "# Illustrative sample data made by scripts/make_sample_data.py; not the province's figures.",
            "#",
        )
        return nfc(scaffold(self.plan, code, year, schema_ref, self.values(code, year), header))

    def sample_files(self, years, out_dir: Path) -> list[tuple[Path, str]]:
        """Every (path, text) to write for the given years under out_dir: one file per unit that
        owes a report that year (the organisation's dates decide), less the deliberately missing."""
        schema = ROOT / "schema" / "submission.schema.json"
        files = []
        for year in years:
            folder = out_dir / str(year)
            ref = Path(os.path.relpath(schema, folder.absolute())).as_posix() if schema.is_file() else None
            for cov in self.org.obligations(self.plan.window(year), self.plan.deadline(year)):
                if self.submits(cov.unit, year):
                    files.append((folder / f"{cov.unit}.yaml", self.submission_text(cov.unit, year, ref)))
        return files


def load_plan(path: Path):
    from plan744.services.plans import load_plan as _load

    loaded = _load(path, checks=False)
    if loaded.plan is None:
        for f in loaded.findings:
            print(f"{f.file}:{f.line}:{f.column}: {f.message}", file=sys.stderr)
        raise SystemExit(f"cannot load the plan {path}")
    return loaded.plan


def write_files(files: list[tuple[Path, str]], years, out_dir: Path) -> tuple[int, int]:
    """Write the files; remove earlier generated files (by their marker) that are no longer made."""
    wanted = {p.resolve() for p, _ in files}
    removed = 0
    for year in years:
        folder = out_dir / str(year)
        if folder.is_dir():
            for old in sorted(folder.glob("*.yaml")):
                if old.resolve() not in wanted and old.read_text(encoding="utf-8").startswith(MARKER):
                    old.unlink()
                    removed += 1
    for path, text in files:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return len(files), removed


def print_summary(plan, files: list[tuple[Path, str]], years) -> None:
    from plan744.core import display
    from plan744.core.figures.year import year_figures
    from plan744.services.validate import parse_submission

    subs = []
    for path, _ in files:
        sf, findings = parse_submission(path, plan)
        if sf is None:
            raise SystemExit(f"{path}: {[f.message for f in findings]}")
        subs.append(sf.submission)
    for year in years:
        rep = year_figures(plan, year, subs)
        c = rep.completeness
        print(f"\n== {year}: {c.submitted}/{c.expected} units reported, late: "
              f"{[d.unit.code for d in c.late]}, missing: {[d.unit.code for d in c.missing]}")
        for r in rep.indicators:
            print(f"  {r.indicator.id:34} {r.scope:6} {display.value(r.value, r.indicator):>8}  "
                  f"target {(r.target.wording if r.target else '—')[:28]:28} {r.attainment.value:12} {r.path.value}")
        for a in rep.appendix:
            if a.reports:
                print(f"  TT {a.task.tt!s:2} {','.join(a.statuses):28} allocated {a.allocated:>10} disbursed {a.disbursed:>10} "
                      f"cumulative {a.cumulative:>10} / {a.task.cost}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Write ILLUSTRATIVE sample submissions (not the province's figures).")
    ap.add_argument("--out", type=Path, default=ROOT / "data" / "reports", help="folder holding the year folders (default data/reports)")
    ap.add_argument("--years", type=int, nargs="+", default=[2021, 2022, 2023, 2024, 2025])
    ap.add_argument("--plan", type=Path, default=ROOT / "data" / "plan.yaml")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--summary", action="store_true", help="print the province-wide figures of what was written")
    args = ap.parse_args(argv)
    plan = load_plan(args.plan)
    bad = [y for y in args.years if y not in plan.period.years]
    if bad:
        ap.error(f"years outside the plan period {plan.period.start}-{plan.period.end}: {bad}")
    gen = SampleGenerator(plan, args.seed)
    files = gen.sample_files(sorted(args.years), args.out)
    written, removed = write_files(files, args.years, args.out)
    print(f"wrote {written} illustrative files under {args.out}" + (f", removed {removed} stale ones" if removed else ""))
    if args.summary:
        print_summary(plan, files, sorted(args.years))
    return 0


if __name__ == "__main__":
    sys.exit(main())
