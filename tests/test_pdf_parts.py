"""A very large report is laid out one section at a time and the parts joined (memory stays
bounded): the joined PDF reads exactly as the PDF made in one piece, pages numbered on."""

from __future__ import annotations

import datetime as dt
import re

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


def test_parts_joined_read_as_one_piece() -> None:
    plan = load_plan(MINI_PLAN).plan
    subs = [parse_submission(p, plan)[0].submission
            for p in sorted((REPO / "tests" / "cases" / "valid" / "basic" / "reports").rglob("*.yaml"))]
    doc = compose_year(year_figures(plan, 2022, subs), Issuance(), WHEN)
    assert len(doc.sections) >= 3
    whole = _pages(render_document_pdf(doc, REPO / "templates", WHEN))
    parts = render_document_pdf(doc, REPO / "templates", WHEN, part_rows=0)
    joined = _pages(parts)
    assert len(joined) == len(whole)
    for n, (a, b) in enumerate(zip(whole, joined, strict=True), start=1):
        assert " ".join(a.split()) == " ".join(b.split()), f"page {n}"
        if n > 1:  # the page number at the head of every page after the first, across the parts
            assert re.search(rf"(^|\n)\s*{n}\s*($|\n)", b), (n, b[:20])
    assert parts == render_document_pdf(doc, REPO / "templates", WHEN, part_rows=0)  # same inputs, same bytes
