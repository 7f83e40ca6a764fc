"""A department's notes for one report: what the figures cannot say.

The request letter the report answers, the directives issued in the period (for "Công tác lãnh
đạo, chỉ đạo"), and the drafter's own text for the judgement half (kết quả nổi bật, nguyên nhân
khách quan và chủ quan, bài học, phương hướng, kiến nghị). Kept in the data repository, one file
per report; what a file gives is used, what it lacks stays a visible placeholder.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Letter(_Strict):
    """A document cited by number and date ("Công văn số 123/BKHCN-CĐS ngày 10/11/2026")."""

    number: str = Field(min_length=1, description="Số và ký hiệu, ví dụ 123/BKHCN-CĐS")
    date: dt.date = Field(description="Ngày ban hành")
    issuer: str = Field(min_length=1, description="Cơ quan ban hành")
    kind: str = Field(default="Công văn", min_length=1, description="Loại văn bản: Công văn, Kế hoạch, Quyết định, Chỉ thị…")
    subject: str | None = Field(default=None, description="Trích yếu")


class ReportNotes(_Strict):
    """The notes for one report (a year, or a span such as 2021–2025)."""

    illustrative: bool = Field(default=False, description="Nội dung minh họa, không phải văn bản thật")
    request: Letter | None = Field(default=None, description="Văn bản yêu cầu báo cáo mà báo cáo này trả lời")
    directives: tuple[Letter, ...] = Field(default=(), description="Văn bản chỉ đạo, điều hành ban hành trong kỳ")
    direction: str | None = Field(default=None, description="Công tác lãnh đạo, chỉ đạo, tổ chức triển khai (lời văn)")
    highlights: str | None = Field(default=None, description="Kết quả nổi bật")
    causes_objective: str | None = Field(default=None, description="Nguyên nhân khách quan")
    causes_subjective: str | None = Field(default=None, description="Nguyên nhân chủ quan")
    lessons: str | None = Field(default=None, description="Bài học kinh nghiệm")
    directions: str | None = Field(default=None, description="Phương hướng, nhiệm vụ kỳ tới")
    proposals: str | None = Field(default=None, description="Đề xuất, kiến nghị")
