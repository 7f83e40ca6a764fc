"""What the annual report, the close-out and the quarterly report share: the opening (heading,
title, draft notice) and the closing, the numbering of sections and appendices, the names of
scopes, units and money, and how a sentence is taken from the catalogue."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from plan744.core import display
from plan744.core.figures.codes import Attainment, Unassessed
from plan744.core.figures.year import IndicatorYear
from plan744.core.labels import UNASSESSED, lower_first, word
from plan744.core.organisation import Unit
from plan744.core.plan import Money, Plan
from plan744.core.vnformat import format_day, format_place_date
from plan744.core.vnwords import amount_in_words
from plan744.report.document import Block, Closing, Document, Header, Heading, Para, Run, Section, Title, Toc, kept_leads, runs

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


@dataclass(frozen=True)
class Issuance:
    """What the office fills in on the day of issue; blank in a draft."""

    number: str | None = None  # "15" in "Số: 15/BC-UBND"
    date: dt.date | None = None
    signer_name: str | None = None

    @property
    def draft(self) -> bool:
        return not self.number


def t(code: str, **params: object) -> str:
    """A sentence of the catalogue, filled: in the plan's own words while its report is composed
    (`core.labels.speaking`, set by `compose_year` and `compose_period`)."""
    return word(code).format(**params)


def header(plan: Plan, issuance: Issuance) -> Header:
    r = plan.report
    blank = "      "
    return Header(r.issuer_parent, tuple(r.issuer), t("doc.number", number=issuance.number or blank, symbol=r.symbol),
                  format_place_date(r.place, issuance.date))


def appendix_subtitle(plan: Plan, issuance: Issuance) -> str:
    """"(Kèm theo Báo cáo số 15/BC-UBND ngày 05 tháng 01 năm 2023 của UBND tỉnh …)", blanks in a draft."""
    from plan744.core.vnformat import format_date

    date = format_date(issuance.date) if issuance.date else t("doc.date_blank")
    return t("appendix.sub", number=issuance.number or "      ", symbol=plan.report.symbol, date=date,
             issuer=plan.report.issuer_short)


_NUMBERED = re.compile(r"^(?:[IVXLC]+|\d+)\.\s+")


class Numbering:
    """Headings numbered as the report reads them, with anchors for the table of contents."""

    def __init__(self) -> None:
        self.entries: list[tuple[int, str, str]] = []
        self.counts = [0, 0]
        self.numbers: list[str] = []  # each entry's full number: "II", "II.1"
        self.parts: dict[str, str] = {}  # a body part's code -> the number of its first heading

    def heading(self, level: int, text: str) -> Heading:
        """A section (I, II, …) or a subsection (1, 2, … within it), numbered in the order it is
        written, so a section left out (a plan without money indicators) leaves no gap."""
        text = _NUMBERED.sub("", text)
        number = ""
        if level == 1:
            self.counts = [self.counts[0] + 1, 0]
            number = ROMAN[self.counts[0] - 1]
            text = f"{number}. {text}"
        elif level == 2:
            self.counts[1] += 1
            number = f"{ROMAN[self.counts[0] - 1]}.{self.counts[1]}" if self.counts[0] else str(self.counts[1])
            text = f"{self.counts[1]}. {text}"
        anchor = f"muc-{len(self.entries) + 1}"
        self.entries.append((level, text, anchor))
        self.numbers.append(number)
        return Heading(level, text, anchor)

    def claim(self, code: str, first: int) -> None:
        """Record that body part `code` wrote the headings from entry `first` on: a cross-reference
        to it ("mục II.1") is then its first heading's number, however the sections were numbered."""
        if len(self.numbers) > first and self.numbers[first]:
            self.parts[code] = self.numbers[first]

    def ref(self, code: str) -> str | None:
        """"II.1": the number of the section body part `code` wrote, or None if it wrote none."""
        return self.parts.get(code)


class Appendices:
    """The appendices of a report, "Phụ lục I", "Phụ lục II", … in the order they are added,
    each with the report's subtitle and an anchor for the table of contents."""

    def __init__(self, subtitle: str) -> None:
        self.subtitle = subtitle
        self.sections: list[Section] = []

    def add(self, title_text: str, blocks: list[Block], landscape: bool) -> None:
        k = len(self.sections)
        self.sections.append(Section(kept_leads(tuple(blocks)), landscape, t("doc.appendix", roman=ROMAN[k]), title_text, self.subtitle,
                                     f"phu-luc-{k + 1}"))


def title(summary: str) -> Title:
    return Title(word("doc.title"), summary)


def plan_ref(plan: Plan) -> str:
    """"Kế hoạch số 744/KH-UBND ngày 15/12/2020 của UBND tỉnh Nghệ An"."""
    d = plan.document
    return t("plan.ref", kind=d.kind, number=d.number, date=format_day(d.date), issuer=d.issuer_short)


def closing(plan: Plan, issuance: Issuance, on: dt.date, drafter: Unit | None) -> Closing:
    """Nơi nhận as the plan's report settings give it on the day (a body that ceased is no longer
    sent to), the drafting department among the recipients, ending with the archive line: the
    issuer's own ("Lưu: VT, KGVX" as the plan writes it; its office's code left for the drafter
    when the plan gives only "Lưu: VT")."""
    r = plan.report
    default = t("doc.archive")
    prefix = default.split(":", 1)[0]  # "Lưu": the plan's own archive line, if it writes one
    lines = [line for line in r.recipients_on(on) if not line.lstrip("- ").startswith(prefix)]
    archive = next((line for line in r.recipients_on(on) if line.lstrip("- ").startswith(prefix)), default)
    if drafter is not None and not any(drafter.name in line for line in lines):
        lines.append(drafter.name)
    if "," not in archive:  # only the văn thư: the office's own code is the drafter's to fill in
        archive = archive.rstrip(".") + ", " + t("reform.archive_blank")
    recipients = tuple("- " + line.lstrip("- ").rstrip(";.") + ";" for line in lines) + ("- " + archive.lstrip("- ").rstrip(".") + ".",)
    return Closing(recipients, tuple(r.signer.capacity) + (r.signer.title,), issuance.signer_name or r.signer.name)


def opening(plan: Plan, issuance: Issuance, summary: str, made: dt.date, cutoff: dt.date) -> list[Block]:
    """The start of a report's body: the heading, the place of the table of contents (`document`
    fills it), the title with its trích yếu, and in a draft the notice of the day it was made and
    the data's cut-off."""
    body: list[Block] = [header(plan, issuance), Toc(()), title(summary)]
    if issuance.draft:
        body.append(Para(runs(t("draft.note", made=format_day(made), cutoff=format_day(cutoff))), "draft"))
    return body


def document(doc_title: str, generated: dt.datetime, body: list[Block], n: Numbering, parts: Appendices,
             meta: dict[str, str]) -> Document:
    """The report: the body begun by `opening`, its table of contents (the numbered headings, then
    the appendices), and the appendices."""
    body[1] = Toc(tuple(n.entries) + tuple((1, f"{s.appendix}. {s.title}", s.anchor) for s in parts.sections))
    return Document(doc_title, generated, (Section(kept_leads(tuple(body))), *parts.sections), meta=meta)


def money_words(plan: Plan, amount: Decimal) -> str:
    """An amount of the plan's money unit in words ("Bốn mươi lăm triệu năm trăm nghìn đồng")."""
    dong = amount * plan.money.dong
    return amount_in_words(int(dong.to_integral_value()), thousand=t("doc.thousand"))


def target_text(figure: IndicatorYear, money: Money) -> str:
    """The target of a figure as a table shows it (see `display.target`)."""
    if figure.target is None:
        return "—"
    return display.target(figure.target, figure.indicator, money)


def verdict(figure: IndicatorYear) -> str:
    """The words of a figure's verdict (a band's upper end: "Đạt mức phấn đấu")."""
    if figure.unassessed is Unassessed.NOT_YET_DUE:
        return t("shape.verdict.not_yet_due", year=figure.governing.milestone)  # the target is for a later year
    if figure.attainment is Attainment.NOT_ASSESSED:
        return UNASSESSED[figure.unassessed or Unassessed.NO_DATA]
    if figure.attainment is Attainment.EXCEEDED and figure.target is not None and figure.target.kind == "band":
        return word("verdict.band_exceeded")
    if figure.attainment is Attainment.NOT_REACHED and not figure.governing.due and figure.governing.milestone:
        return t("verdict.not_yet_due", year=figure.governing.milestone)  # the target is for a later year
    return verdict_word(figure.attainment)


def verdict_word(attainment: Attainment) -> str:
    """"Vượt", "Đạt", "Chưa đạt", … in the plan's words."""
    return word(f"verdict.{attainment.value}")


def shown(figure: IndicatorYear, value: Decimal | None = None) -> str:
    """The figure (or `value`, for the same indicator) as every table shows it, never rounded
    across the threshold of its verdict; a flow judged on its running total says so."""
    from plan744.core.figures.targets import thresholds

    text = display.value(figure.judged if value is None else value, figure.indicator, thresholds(figure.target))
    if value is None and figure.total is not None:
        text += f" ({t('figure.cumulative', since=figure.total_since)})"
    return text


def names(items: Iterable[str], limit: int = 8, more: str = "") -> str:
    """"A, B, C" or "A, B, … và 12 đơn vị khác"."""
    items = list(items)
    if len(items) <= limit:
        return ", ".join(items)
    return t("phrase.more", items=", ".join(items[:limit]), count=len(items) - limit, more=more or t("phrase.units"))


def indicator_label(figure: IndicatorYear, scopes: dict[str, str], in_sentence: bool = True) -> str:
    name = lower_first(figure.indicator.name) if in_sentence else figure.indicator.name
    scope = scopes[figure.scope]
    return f"{name} ({lower_first(scope)})"


def unit_runs(unit: Unit, text: str) -> tuple[Run, ...]:
    return (Run(unit.name, italic=True, role="unit"), Run(": " + text))


def first_sentence(text: str, limit: int = 220) -> str:
    """The first sentence of a unit's text, cut at a word if long (for a selection in the body)."""
    one = " ".join(text.split())
    for stop in (". ", "; "):
        if stop in one[: limit + 1]:
            one = one[: one.index(stop, 0, limit + 1) + 1]
            break
    if len(one) > limit:
        one = one[:limit].rsplit(" ", 1)[0] + "…"
    return one


def spread(items: Sequence, n: int, key=lambda x: x.unit.kind) -> list:
    """Up to `n` items taken in turn from each kind of unit, in the organisation's order: a short,
    fair selection for the body of a report."""
    groups: dict[str, list] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    out: list = []
    while len(out) < n and any(groups.values()):
        for kind in list(groups):
            if groups[kind] and len(out) < n:
                out.append(groups[kind].pop(0))
    return out
