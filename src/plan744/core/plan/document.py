"""The plan's own document (number, issuer, signer, what it cites) and how the report on it is
issued (header, symbol, recipients, signature): the report's own, not the plan's."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from plan744.core.strict import Code, StrictModel, Text


class DocumentRef(StrictModel):
    """Another document the plan cites (implements, is based on, or assigns work under)."""

    kind: Text  # "Công văn", "Nghị định", "Quyết định", ...
    ref: Text  # number and symbol, e.g. "2606/BTTTT-THH-ATTT"
    date: dt.date
    issuer: Text
    title: str = ""
    where: Text  # the section of the plan that cites it


class Signer(StrictModel):
    capacity: list[Text]  # e.g. ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
    title: Text  # "PHÓ CHỦ TỊCH"
    name: Text


class Appendix(StrictModel):
    id: Code
    title: Text


class CrossReference(StrictModel):
    """A place where the plan points at another part of itself (e.g. "Phụ lục II")."""

    where: Text
    text: Text
    target: Code  # an Appendix id; a target that does not exist is a finding


class Document(StrictModel):
    kind: Text  # "Kế hoạch"
    number: Text  # "744/KH-UBND"
    date: dt.date
    issuer: Text  # "Ủy ban nhân dân tỉnh Nghệ An"
    issuer_short: Text  # "UBND tỉnh Nghệ An"
    header_parent: str = ""  # parent body line of the header; empty for UBND tỉnh
    header_issuer: list[Text]  # issuing body in capitals, one entry per line
    place: Text  # "Nghệ An" in "Nghệ An, ngày ..."
    title: Text
    signer: Signer
    implements: list[DocumentRef]
    bases: list[DocumentRef] = []
    citations: list[DocumentRef] = []
    appendices: list[Appendix]
    cross_references: list[CrossReference] = []
    recipients: list[Text] = []


class Recipient(StrictModel):
    """A line of "Nơi nhận", valid between two dates (a body merged in 2025 is no longer sent to)."""

    text: Text
    since: dt.date | None = None
    until: dt.date | None = None


class ReportSigner(StrictModel):
    capacity: list[Text]  # ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
    title: Text  # "PHÓ CHỦ TỊCH"
    name: str = ""  # left blank in a draft; --nguoi-ky fills it


class ReportSettings(StrictModel):
    """Who issues the report on the plan, under which symbol, to whom: the report's own header
    and signature (not the plan's)."""

    issuer_parent: str = ""  # parent body line of the header; empty for an UBND
    issuer: list[Text]  # issuing body in capitals, one entry per line
    issuer_short: Text  # "UBND tỉnh Nghệ An", in sentences
    symbol: Text  # "BC-UBND": the report is "Số: …/BC-UBND"
    place: Text  # "Nghệ An" in "Nghệ An, ngày …"
    area_name: Text  # "Toàn tỉnh", "Toàn quốc": the whole area's row in tables
    drafting_role: Code = "soan_thao"  # the organisation's role that drafts the report
    drafter_text: str = ""  # the drafting body when the organisation names no holder
    recipients: list[Recipient | Text] = []
    signer: ReportSigner
    # The indicators the report's charts draw, in this order (the plan's headline targets first, say).
    # None: every target with a number, but the units' money shares (the money section has them);
    # written out only when the plan sets it.
    chart: list[Code] | None = Field(None, exclude_if=lambda v: v is None)

    def recipients_on(self, day: dt.date) -> list[str]:
        out = []
        for r in self.recipients:
            if isinstance(r, str):
                out.append(r)
            elif (r.since is None or r.since <= day) and (r.until is None or day <= r.until):
                out.append(r.text)
        return out
