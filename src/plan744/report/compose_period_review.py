"""The judgement half of the close-out: I. direction and steering (Công tác lãnh đạo, chỉ đạo),
the assessment (achieved, fell short, causes, lessons), the directions for the next period and
the proposals.

Each part takes what the department's notes file gives (`core.notes.ReportNotes`) and keeps a
visible placeholder for what it lacks; where the figures allow, a drafting aid (marked as such)
says it in the official's register: the gains of the targets reached since the first year, the
targets missed with their figure, target and starting point, the rows not finished, the causes
units give grouped by theme and counted as units, the rows to carry over.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from plan744.core import display
from plan744.core.figures.period import IndicatorPeriod, PeriodFigures
from plan744.core.figures.tasks import NarrativeItem
from plan744.core.figures.year import YearFigures
from plan744.core.labels import word
from plan744.core.notes import Letter, ReportNotes, paragraphs
from plan744.core.vnformat import format_day
from plan744.report.compose_common import Numbering, indicator_label, shown, t, target_text
from plan744.report.document import Block, Bullets, Para, Run, runs

GAINS = 4  # targets reached quoted with their gain since the first year
THEMES = ("funding", "staff", "infrastructure", "systems", "users", "security", "reform")
TOP_THEMES = 4  # themes of the causes quoted, most frequent first
ROWS_DETAILED = 5  # unfinished rows listed with their disbursement; more are listed by number


# --- shared pieces -------------------------------------------------------------------------------


def placeholder(code: str, **params: object) -> Para:
    return Para(runs(Run(t(code, **params), role="placeholder")), "placeholder")


ILLUSTRATIVE: ContextVar[bool] = ContextVar("plan744_illustrative_notes", default=False)
"""Set while a report is composed from a notes file marked `illustrative: true`: its text is sample
content, so it is drawn as the drafter's placeholders are (yellow, one Word style), never as fact."""


@contextmanager
def notes_as_sample(notes: ReportNotes | None) -> Iterator[None]:
    """Within the block, `ILLUSTRATIVE` says whether the report's notes are sample content."""
    token = ILLUSTRATIVE.set(bool(notes and notes.illustrative))
    try:
        yield
    finally:
        ILLUSTRATIVE.reset(token)


def _notes_role() -> str:
    return "placeholder" if ILLUSTRATIVE.get() else ""


def drafted(text: str | None, code: str, **params: object) -> list[Block]:
    """The drafter's paragraphs from the notes, or the visible placeholder `code`."""
    found = paragraphs(text)
    if not found:
        return [placeholder(code, **params)]
    role = _notes_role()
    return [Para(runs(Run(p, role=role)) if role else runs(p)) for p in found]


def aid(*parts: str | Run) -> Para:
    """A sentence pre-filled from the figures, tagged for the drafter to review."""
    return Para(runs(Run(t("review.aid"), role="placeholder"), *((" ",) + parts if parts else ())))


def n2(count: int) -> str:
    """A count as an official writes it in running text: "03", "12"."""
    return f"{count:02d}"


def bulleted(items: Sequence[str]) -> Bullets:
    """"- a;" … "- z." as Nghị định 30 lists end."""
    last = len(items) - 1
    return Bullets(tuple(runs(s.rstrip(";.") + ("." if k == last else ";")) for k, s in enumerate(items)))


def notes_bulleted(items: Sequence[str]) -> Bullets:
    """`bulleted`, for items taken from the notes file (drawn as placeholders when illustrative)."""
    role = _notes_role()
    if not role:
        return bulleted(items)
    last = len(items) - 1
    return Bullets(tuple(runs(Run(s.rstrip(";.") + ("." if k == last else ";"), role=role)) for k, s in enumerate(items)))


def letter_text(letter: Letter) -> str:
    subject = t("review.directive_subject", subject=letter.subject) if letter.subject else ""  # as the drafter wrote it
    return t("review.directive", kind=letter.kind, number=letter.number, date=format_day(letter.date),
             issuer=letter.issuer, subject=subject)


def doc_text(letter: Letter) -> str:
    return t("review.doc", kind=letter.kind, number=letter.number, date=format_day(letter.date), issuer=letter.issuer)


def illustrative(notes: ReportNotes | None) -> list[Block]:
    """The notice that the notes used are sample content."""
    return [Para(runs(t("review.illustrative")), "note")] if notes is not None and notes.illustrative else []


def rows_phrase(rows: Sequence[int | str]) -> str:
    """"nhiệm vụ TT 20" or "các nhiệm vụ TT 15, TT 28" ("các" only with more than one)."""
    listed = ", ".join(f"TT {r}" for r in rows)
    return t("review.next.rows_one" if len(rows) == 1 else "review.next.rows_many", rows=listed)


def direction(plan_text: str, issuer: str, notes: ReportNotes | None, n: Numbering,
              extra: Iterable[str] = ()) -> list[Block]:
    """I. Công tác lãnh đạo, chỉ đạo, tổ chức triển khai: the directives from the notes, the
    drafter's text, and what the data says (who reported)."""
    out: list[Block] = [n.heading(1, t("review.h.direction"))] + illustrative(notes)
    if notes is not None and notes.directives:
        out.append(Para(runs(t("review.direction.lead", plan=plan_text, issuer=issuer))))
        out.append(notes_bulleted([letter_text(d) for d in sorted(notes.directives, key=lambda d: d.date)]))
    out += drafted(notes.direction if notes else None, "review.direction.placeholder")
    out += [Para(runs(s)) for s in extra]
    return out


def themes(items: Iterable[NarrativeItem]) -> list[tuple[str, int]]:
    """The causes units give, by theme: (theme's words, units naming it), most named first. A unit
    counts once per theme whatever the years it named it in."""
    units: dict[str, set[str]] = {k: set() for k in THEMES}
    for item in items:
        text = item.text.casefold()
        for k in THEMES:
            if any(key.strip() and key.strip().casefold() in text for key in word(f"review.theme.{k}.keys").split(",")):
                units[k].add(item.unit.code)
    ranked = sorted(((t(f"review.theme.{k}"), len(u)) for k, u in units.items() if u), key=lambda x: -x[1])
    return ranked[:TOP_THEMES]


def causes_aid(items: Sequence[NarrativeItem]) -> list[Block]:
    found = themes(items)
    if not found:
        return [Para(runs(t("review.causes.none")))]
    return [aid(t("review.causes.themes", items="; ".join(t("review.causes.theme", label=label, count=count)
                                                         for label, count in found)))]


def next_basis(notes: ReportNotes | None, start: int, end: int, prev: str) -> str:
    """"Triển khai Nghị quyết số 57-NQ/TW …; xây dựng kế hoạch giai đoạn 2026 - 2030 …" from the
    notes' `next_period` (the documents are data, never spelt here)."""
    nxt = notes.next_period if notes is not None else None
    measure = t("review.next.measure", measure=doc_text(nxt.measure)) if nxt is not None and nxt.measure else ""
    if nxt is not None and nxt.basis:
        basis = t("review.and").join(letter_text(b) for b in nxt.basis)
        return t("review.next.basis", basis=basis, start=start, end=end, prev=prev, measure=measure)
    return t("review.next.basis_plain", start=start, end=end, prev=prev, measure=measure)


def carry_over(going: Sequence[int | str], stopped: Sequence[int | str], start: int, end: int) -> list[str]:
    """Rows not finished: carry over those under way, decide on those stopped."""
    out = []
    if going:
        out.append(t("review.next.carry", rows=rows_phrase(going), start=start, end=end))
    if stopped:
        text = t("review.next.decide", rows=rows_phrase(stopped))
        out.append(text[:1].upper() + text[1:])
    return out


# --- the close-out's parts -----------------------------------------------------------------------


def reporting_sentence(p: PeriodFigures) -> str:
    """Who reported each year, in one sentence (the close-out folds "Tình hình gửi báo cáo" into I)."""
    return t("review.reporting.period", years="; ".join(
        t("review.reporting.year", year=y.year, submitted=y.completeness.submitted, expected=y.completeness.expected,
          on_time=len(y.completeness.on_time)) for y in p.years))


def _first(i: IndicatorPeriod) -> tuple[int, str] | None:
    for year, f in i.by_year:
        if f.judged is not None:
            return year, shown(f)
    return None


def _gain(i: IndicatorPeriod) -> float:
    first = next((f.judged for _, f in i.by_year if f.judged is not None), None)
    last = i.last_figure
    return float(last[1] - first) if first is not None and last is not None else 0.0


def gains(p: PeriodFigures, scopes: dict[str, str]) -> str | None:
    """The targets reached with the largest gain since the first year, in one sentence."""
    chosen = sorted((i for i in p.met if _first(i) and i.indicator.value == "percent"), key=_gain, reverse=True)[:GAINS]
    if not chosen:
        return None
    items = []
    for i in chosen:
        first = _first(i)
        assert first is not None
        items.append(t("review.gain", label=indicator_label(i.final, scopes),
                       first=f"{first[1]} ({first[0]})", last=f"{shown(i.final)} ({i.by_year[-1][0]})"))
    return t("review.gains", years=n2(len(p.years)), start=p.start, items="; ".join(items))


def shortfalls(p: PeriodFigures, scopes: dict[str, str]) -> list[str]:
    items = []
    if p.not_met:
        figures = []
        for i in p.not_met:
            first = _first(i)
            figures.append(t("review.short.figure", label=indicator_label(i.final, scopes), value=shown(i.final),
                             target=target_text(i.final, p.plan.money), start=first[0] if first else p.start,
                             first=first[1] if first else "—"))
        items.append(t("review.short.not_met", count=n2(len(p.not_met)), counted=n2(len(p.counted)),
                       items="; ".join(figures)))
    going = [r for r in p.rows if not r.done and not r.stopped]
    stopped = [r for r in p.rows if r.stopped]
    rows = []
    if going:  # each with its disbursement when they are few (a close-out), their numbers only when many
        listed = (", ".join(t("review.short.row", tt=r.task.tt, share=display.percent(r.cumulative_share)) for r in going)
                  if len(going) <= ROWS_DETAILED and p.plan.funded else ", ".join(f"TT {r.task.tt}" for r in going))
        rows.append(t("review.short.rows", count=n2(len(going)), rows=listed))
    if stopped:
        rows.append(t("review.short.stopped", count=n2(len(stopped)), rows=", ".join(
            t("review.short.stopped_row", tt=r.task.tt, amount=display.money(r.cumulative), unit=p.plan.money.unit,
              share=display.percent(r.cumulative_share)) for r in stopped)))
    if rows:
        items.append("; ".join(rows))
    return items


def assessment(p: PeriodFigures, scopes: dict[str, str], n: Numbering, notes: ReportNotes | None = None) -> list[Block]:
    # The tally and the rows done are in I; here the gains since the first year, then the drafter's text.
    out: list[Block] = [n.heading(2, t("period.h.achieved"))]
    text = gains(p, scopes)
    out += [aid(text)] if text else []
    out += drafted(notes.highlights if notes else None, "period.placeholder.achieved")
    out.append(n.heading(2, t("period.h.shortfalls")))
    short = shortfalls(p, scopes)
    out.append(bulleted(short) if short else Para(runs(t("year.short.none"))))
    out += drafted(notes.shortcomings if notes else None, "review.placeholder.shortcomings")
    out.append(n.heading(2, t("period.h.causes")))
    out += causes_aid([i for y in p.years for i in y.narratives["shortcomings"] if i.text.strip()])
    out += causes(notes, "period.placeholder.causes")
    out.append(n.heading(2, t("period.h.lessons")))
    out += drafted(notes.lessons if notes else None, "period.placeholder.lessons")
    return out


def causes(notes: ReportNotes | None, code: str) -> list[Block]:
    """The drafter's causes, objective and subjective, or the placeholder."""
    if notes is None or not (notes.causes_objective or notes.causes_subjective):
        return [placeholder(code)]
    out: list[Block] = []
    role = _notes_role()  # an illustrative notes file's words are drawn as placeholders; the heading is ours
    for head, text in (("review.h.causes_objective", notes.causes_objective),
                       ("review.h.causes_subjective", notes.causes_subjective)):
        for k, para in enumerate(paragraphs(text)):
            said = Run(para, role=role) if role else para
            out.append(Para(runs(Run(t(head), italic=True), said) if k == 0 else runs(said)))
    return out


def next_items(p: PeriodFigures, scopes: dict[str, str], notes: ReportNotes | None = None) -> list[Block]:
    plan = p.plan
    final = p.end == plan.period.end
    # the next period after a close-out; the rest of the plan's period after a mid-term review
    start, end = p.end + 1, (p.end + len(plan.period.years) if final else plan.period.end)
    prev = f"{p.start} - {p.end}"
    items = [next_basis(notes, start, end, prev)] if final else []
    if p.not_met and not final:  # at the end, the basis sentence carries them over in today's measure
        code = "review.next.not_met" if len(p.not_met) > 1 else "review.next.not_met_one"  # "các" only for several
        items.append(t(code, items="; ".join(indicator_label(i.final, scopes) for i in p.not_met)))
    going = [r.task.tt for r in p.rows if not r.done and not r.stopped]
    stopped = [r.task.tt for r in p.rows if r.stopped]
    if final:
        items += carry_over(going, stopped, start, end)
    elif going or stopped:  # mid-term: the rows simply go on to the plan's end
        items.append(t("review.next.continue", count=n2(len(going) + len(stopped)), end=end))
    out: list[Block] = [aid(), bulleted(items)] if items else []
    out += drafted(notes.directions if notes else None, "review.placeholder.next", start=start, end=end)
    return out


def proposals(p: PeriodFigures, span: str, n: Numbering, notes: ReportNotes | None = None) -> list[Block]:
    return [n.heading(1, t("year.h.proposals"))] + drafted(notes.proposals if notes else None,
                                                            "review.placeholder.proposals")


def year_reporting_sentence(y: YearFigures) -> str:
    """Who reported in the year, in one sentence."""
    c = y.completeness
    return t("review.reporting.one", submitted=c.submitted, expected=c.expected, on_time=len(c.on_time), year=y.year)

