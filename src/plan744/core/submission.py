"""A unit's annual report (one YAML file per unit and year), as strict models.

Only shape and single-field rules live here; everything that needs the plan or other
files (does the indicator apply to this unit, cumulative spending, duplicates) is in
`submission_checks`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from plan744.core.strict import Code, LongText, NonNegDecimal, NonNegInt, OptionalText, ShortText, StrictModel, _int_to_decimal

Status = Literal["chua_trien_khai", "dang_trien_khai", "cham_tien_do", "hoan_thanh", "tam_dung"]

STATUS_LABELS: dict[str, str] = {
    "chua_trien_khai": "Chưa triển khai",
    "dang_trien_khai": "Đang triển khai",
    "cham_tien_do": "Chậm tiến độ",
    "hoan_thanh": "Hoàn thành",
    "tam_dung": "Tạm dừng",
}

# A count is an int; a money figure may carry decimals. Both exact, never float.
Amount = Annotated[
    int | Annotated[Decimal, BeforeValidator(_int_to_decimal)],
    Field(ge=0, allow_inf_nan=False),
]


class Person(StrictModel):
    name: ShortText = Field(description="Họ và tên")
    position: ShortText = Field(description="Chức vụ")
    phone: OptionalText = Field("", description="Số điện thoại (không bắt buộc)")
    email: OptionalText = Field("", description="Thư điện tử (không bắt buộc)")


class Counts(StrictModel):
    """Raw figures for one indicator at one level; the percentage is never typed by hand."""

    numerator: Amount = Field(description="Tử số: số đếm được (không phải tỷ lệ %)")
    denominator: Amount = Field(description="Mẫu số: tổng số")
    note: Annotated[str, Field(max_length=2000)] = Field("", description="Ghi chú (không bắt buộc)")


class AppendixReport(StrictModel):
    tt: int = Field(ge=1, description="Số thứ tự (TT) của nhiệm vụ, dự án ở Phụ lục")
    status: Status = Field(description="Tình trạng thực hiện")
    allocated: NonNegDecimal = Field(description="Vốn được bố trí trong năm (triệu đồng)")
    disbursed: NonNegDecimal = Field(description="Vốn đã giải ngân trong năm (triệu đồng)")
    progress: LongText = Field(description="Kết quả thực hiện trong năm")


class TaskReport(StrictModel):
    status: Status = Field(description="Tình trạng thực hiện")
    account: LongText = Field(description="Kết quả thực hiện, ngắn gọn")


class Narrative(StrictModel):
    highlights: LongText = Field(description="Kết quả nổi bật")
    shortcomings: LongText = Field(description="Tồn tại, hạn chế và nguyên nhân")
    proposals: LongText = Field(description="Đề xuất, kiến nghị")


class Submission(StrictModel):
    unit: Code = Field(description="Mã đơn vị (xem plan744 plan show)")
    year: int = Field(ge=2000, le=2100, description="Năm báo cáo")
    submitted: dt.date = Field(description="Ngày gửi báo cáo (năm-tháng-ngày)")
    prepared_by: Person = Field(description="Người lập báo cáo")
    approved_by: Person | None = Field(None, description="Lãnh đạo đơn vị duyệt (không bắt buộc)")
    indicators: dict[str, dict[str, Counts]] = Field(
        default_factory=dict, description="Số liệu chỉ tiêu: mã chỉ tiêu → cấp → tử số, mẫu số")
    appendix: list[AppendixReport] = Field(default_factory=list, description="Nhiệm vụ, dự án ở Phụ lục do đơn vị chủ trì")
    tasks: dict[str, TaskReport] = Field(default_factory=dict, description="Nhiệm vụ định tính: mã → tình trạng, kết quả")
    narrative: Narrative = Field(description="Nhận xét, đánh giá của đơn vị")


NARRATIVE_LABELS: dict[str, str] = {
    "highlights": "Kết quả nổi bật",
    "shortcomings": "Tồn tại, hạn chế và nguyên nhân",
    "proposals": "Đề xuất, kiến nghị",
}
