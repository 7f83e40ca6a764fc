"""The other reports read beside the checked ones, whatever form the checked paths take."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from plan744.readers.files import sibling_reports


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    for year in ("2021", "2022"):
        (tmp_path / "r" / year).mkdir(parents=True)
        for unit in ("A", "B", "C"):
            (tmp_path / "r" / year / f"{unit}.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "r" / "2022" / "ghi-chu.txt").write_text("x", encoding="utf-8")
    (tmp_path / "r" / "2022" / ".#A.yaml").write_text("x", encoding="utf-8")
    return tmp_path / "r"


def _names(paths: list[str]) -> list[str]:
    return ["/".join(Path(p).parts[-2:]) for p in paths]


def test_siblings_are_the_other_reports_of_every_year(reports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(reports.parent)
    assert _names(sibling_reports(["r/2022/A.yaml", "r/2021/B.yaml"])) == [
        "2021/A.yaml", "2021/C.yaml", "2022/B.yaml", "2022/C.yaml"]
    assert _names(sibling_reports([reports / "2022" / "A.yaml"], years=[2022])) == ["2022/B.yaml", "2022/C.yaml"]
    assert sibling_reports(["r/2022/A.yaml", "r/2022/B.yaml", "r/2022/C.yaml"], years=[2022]) == []


def test_a_target_is_never_its_own_sibling_whatever_its_form(reports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Through "..", beside a bare name for the same folder, or from another folder: the checked
    files are left out, and the siblings are absolute whatever the targets' spelling (so what a
    finding shows, and the context cache, do not depend on how the targets were typed)."""
    monkeypatch.chdir(reports / "2022")
    here = reports.resolve() / "2022"
    assert sibling_reports([Path("../2022/A.yaml"), "B.yaml"], years=[2022]) == [str(here / "C.yaml")]
    assert sibling_reports(["B.yaml", "../2022/A.yaml"], years=[2022]) == [str(here / "C.yaml")]
    monkeypatch.chdir(reports.parent)
    spelt = [sibling_reports(["r/2022/A.yaml"]), sibling_reports([str(reports / "2022" / "A.yaml")])]
    assert spelt[0] == spelt[1] and all(os.path.isabs(p) for p in spelt[0])


def test_a_target_whose_path_names_no_year_folder_has_no_siblings(reports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its year is not known from its path (`year_of_folder`), so no folder is read for it, even
    from inside a year folder."""
    monkeypatch.chdir(reports / "2022")
    assert sibling_reports(["A.yaml"]) == []
    assert sibling_reports(["./A.yaml"]) == []


def test_a_file_outside_a_year_folder_has_no_siblings(reports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(reports)
    (reports / "X.yaml").write_text("x", encoding="utf-8")
    assert sibling_reports(["X.yaml"]) == []
