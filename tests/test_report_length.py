"""The annual report is short enough to sign: its body, from the heading to the signature, fits
in about 12 pages for the 2022 data; per-unit detail lives in the appendices, and the short
variant leaves them out."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import run_cli


def _pages(pdf: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(pdf).pages]


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("len")
    for args in (("--year", "2022"), ("--year", "2022", "--short")):
        target = out / ("short" if "--short" in args else "full")
        result = run_cli("report", *args, "--format", "pdf", "--out", str(target))
        assert result.returncode == 0, result.stderr.decode()
    return out


def _signature_page(pages: list[str]) -> int:
    return next(i for i, text in enumerate(pages, start=1) if "Nơi nhận:" in text)


def test_the_body_to_the_signature_fits_in_twelve_pages(reports: Path) -> None:
    pages = _pages(next((reports / "full").glob("*.pdf")))
    body = _signature_page(pages)
    print(f"2022 report: body {body} pages, {len(pages)} pages in all")
    assert body <= 12
    assert any("Phụ lục" in text for text in pages[body:]), "the per-unit detail follows in appendices"


def test_the_short_variant_is_the_body_alone(reports: Path) -> None:
    full = _pages(next((reports / "full").glob("*.pdf")))
    short = _pages(next((reports / "short").glob("*.pdf")))
    assert _signature_page(short) == _signature_page(full)
    assert len(short) < len(full)
