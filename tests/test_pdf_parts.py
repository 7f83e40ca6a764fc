"""A very large report is laid out one section at a time and the parts joined (memory stays
bounded): the joined PDF reads exactly as the PDF made in one piece, and is numbered as it is: the
body from page 2 on, each phụ lục from 1 again (Nghị định 30, Phụ lục I), the number shown from
its second page."""

from __future__ import annotations

import dataclasses
import datetime as dt

from pypdf import PdfReader

from plan744.core.figures.year import year_figures
from plan744.report.compose_common import Issuance
from plan744.report.compose_year import compose_year
from plan744.report.pdf import render_document_pdf
from plan744.services.plans import load_plan
from plan744.services.validate import parse_submission

from conftest import MINI_PLAN, REPO

WHEN = dt.datetime(2023, 1, 5, tzinfo=dt.UTC)


def _pages(data: bytes) -> list[str]:
    import io

    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages]


def _heads(data: bytes) -> list[list[str]]:
    """The text in each page's top 20 mm: the page number, or nothing."""
    import io

    heads = []
    for page in PdfReader(io.BytesIO(data)).pages:
        top, found = float(page.mediabox.top), []

        def visit(text, cm, tm, font, size, top=top, found=found):
            if text.strip() and tm[5] * cm[3] + cm[5] > top - 56.7:
                found.append(text.strip())

        page.extract_text(visitor_text=visit)
        heads.append(found)
    return heads


def test_parts_joined_read_as_one_piece() -> None:
    plan = load_plan(MINI_PLAN).plan
    subs = [parse_submission(p, plan)[0].submission
            for p in sorted((REPO / "tests" / "cases" / "valid" / "basic" / "reports").rglob("*.yaml"))]
    doc = compose_year(year_figures(plan, 2022, subs), Issuance(), WHEN)
    appendices = [s for s in doc.sections if s.appendix]
    assert len(appendices) >= 3 and any(s.landscape for s in appendices) and not all(s.landscape for s in appendices)
    # Each phụ lục made long enough to run over several pages, so its own numbering shows.
    doc = dataclasses.replace(doc, sections=tuple(dataclasses.replace(s, blocks=s.blocks * 6) if s.appendix else s
                                                  for s in doc.sections))
    one_piece = render_document_pdf(doc, REPO / "templates", WHEN)
    whole = _pages(one_piece)
    parts = render_document_pdf(doc, REPO / "templates", WHEN, part_rows=0)
    joined = _pages(parts)
    assert len(joined) == len(whole)
    for n, (a, b) in enumerate(zip(whole, joined, strict=True), start=1):
        assert " ".join(a.split()) == " ".join(b.split()), f"page {n}"
    # The numbers: the body 2, 3, … after its first page; each phụ lục none on its first page, then 2, 3, …
    starts = [n for n, text in enumerate(joined) if n == 0 or text.startswith("Phụ lục ")]
    assert [joined[n].split("\n")[0] for n in starts[1:]] == [s.appendix for s in appendices]
    expected = []
    for first, end in zip(starts, [*starts[1:], len(joined)], strict=True):
        assert end - first >= 2, f"part from page {first + 1} has one page"
        expected += [[]] + [[str(k)] for k in range(2, end - first + 1)]
    assert _heads(parts) == _heads(one_piece) == expected
    assert parts == render_document_pdf(doc, REPO / "templates", WHEN, part_rows=0)  # same inputs, same bytes
