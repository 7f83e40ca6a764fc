"""A department's notes for one report: what the figures cannot say.

The request letter the report answers, the directives issued in the period (for "Công tác lãnh
đạo, chỉ đạo"), the documents the next period rests on, and the drafter's own text for the
judgement half (kết quả nổi bật, nguyên nhân khách quan và chủ quan, bài học, phương hướng, kiến
nghị). Kept in the data repository, one file per report (`2025.yaml`, `2021-2025.yaml`); what a
file gives is used, what it lacks stays a visible placeholder.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Letter(_Strict):
    """A document cited by number and date ("Công văn số 123/BKHCN-CĐS ngày 10/11/2026")."""

    number: str = Field(min_length=1, description="Số và ký hiệu, ví dụ 123/BKHCN-CĐS")
    # strict: a date written as text ("2025-13-01", "15/3/2025") is a finding, never a guess
    date: dt.date = Field(strict=True, description="Ngày ban hành, dạng năm-tháng-ngày")
    issuer: str = Field(min_length=1, description="Cơ quan ban hành")
    kind: str = Field(default="Công văn", min_length=1,
                      description="Loại văn bản: Công văn, Kế hoạch, Quyết định, Chỉ thị, Nghị quyết…")
    subject: str | None = Field(default=None, min_length=1, description="Trích yếu")


class NextPeriod(_Strict):
    """What the next period rests on: the documents it carries out, and the measure in force
    for targets whose wording the period's plan has outlived (DVCTT toàn trình, một phần)."""

    basis: tuple[Letter, ...] = Field(default=(), description="Văn bản làm căn cứ cho giai đoạn tới")
    measure: Letter | None = Field(default=None, description="Văn bản quy định cách đo hiện hành")


class ReportNotes(_Strict):
    """The notes for one report (a year, or a span such as 2021–2025)."""

    illustrative: bool = Field(default=False, strict=True, description="Nội dung minh họa, không phải văn bản thật")
    request: Letter | None = Field(default=None, description="Văn bản yêu cầu báo cáo mà báo cáo này trả lời")
    directives: tuple[Letter, ...] = Field(default=(), description="Văn bản chỉ đạo, điều hành ban hành trong kỳ")
    direction: str | None = Field(default=None, min_length=1,
                                  description="Công tác lãnh đạo, chỉ đạo, tổ chức triển khai (lời văn)")
    highlights: str | None = Field(default=None, min_length=1, description="Kết quả nổi bật")
    shortcomings: str | None = Field(default=None, min_length=1, description="Tồn tại, hạn chế (bổ sung)")
    causes_objective: str | None = Field(default=None, min_length=1, description="Nguyên nhân khách quan")
    causes_subjective: str | None = Field(default=None, min_length=1, description="Nguyên nhân chủ quan")
    lessons: str | None = Field(default=None, min_length=1, description="Bài học kinh nghiệm")
    next_period: NextPeriod | None = Field(default=None, description="Căn cứ của giai đoạn tới")
    directions: str | None = Field(default=None, min_length=1, description="Phương hướng, nhiệm vụ kỳ tới")
    proposals: str | None = Field(default=None, min_length=1, description="Đề xuất, kiến nghị")


def paragraphs(text: str | None) -> list[str]:
    """The drafter's text split at blank lines, each paragraph on one line."""
    if not text:
        return []
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]

