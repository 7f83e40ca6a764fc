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

from plan744.core.status import STATUSES as STATUSES  # the forms list them from here
from plan744.core.strict import Code, LongText, NonNegDecimal, OptionalText, ShortText, StrictModel, _int_to_decimal

Status = Literal["chua_trien_khai", "dang_trien_khai", "cham_tien_do", "hoan_thanh", "hoan_thanh_qua_han", "tam_dung"]
"""A task's status as a unit reports it: the values of `core.status.ReportStatus`, which says
what each counts as (the words: `core.labels`)."""

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
    """Raw figures for one indicator at one level; a percentage is never typed by hand.

    A percentage indicator takes a numerator and a denominator; a count or an amount takes a
    value. Which one applies depends on the plan, so the checks (`submission_checks`) say
    what is missing, at its place."""

    numerator: Amount | None = Field(None, description="Tử số: số đếm được (không phải tỷ lệ %)")
    denominator: Amount | None = Field(None, description="Mẫu số: tổng số")
    value: Amount | None = Field(None, description="Số lượng (chỉ tiêu đếm số lượng) hoặc số tiền")
    note: Annotated[str, Field(max_length=2000)] = Field("", description="Ghi chú (không bắt buộc)")


class AppendixReport(StrictModel):
    tt: Annotated[int, Field(ge=1)] | Code = Field(description="Số thứ tự (TT) của nhiệm vụ, dự án ở Phụ lục")
    status: Status = Field(description="Tình trạng thực hiện")
    allocated: NonNegDecimal | None = Field(None, description="Vốn được bố trí trong năm (đơn vị tiền của kế hoạch)")
    disbursed: NonNegDecimal | None = Field(None, description="Vốn đã giải ngân trong năm (đơn vị tiền của kế hoạch)")
    progress: LongText = Field(description="Kết quả thực hiện trong năm")


class TaskReport(StrictModel):
    status: Status = Field(description="Tình trạng thực hiện")
    account: LongText = Field(description="Kết quả thực hiện, ngắn gọn")


class Narrative(StrictModel):
    highlights: LongText = Field(description="Kết quả nổi bật")
    shortcomings: LongText = Field(description="Tồn tại, hạn chế và nguyên nhân")
    proposals: LongText = Field(description="Đề xuất, kiến nghị")


class Submission(StrictModel):
    plan: ShortText | None = Field(None, description="Số, ký hiệu văn bản của kế hoạch mà báo cáo này thực hiện (không bắt buộc)")
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

