"""The other reports read beside the checked ones, whatever form the checked paths take."""

from __future__ import annotations

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
    """Named from inside its year folder, with "./", or through "..": the checked file is left out."""
    monkeypatch.chdir(reports / "2022")
    assert sibling_reports(["A.yaml"], years=[2022]) == ["B.yaml", "C.yaml"]
    assert sibling_reports(["./A.yaml"], years=[2022]) == ["./B.yaml", "./C.yaml"]
    assert sibling_reports([Path("../2022/A.yaml"), "B.yaml"], years=[2022]) == ["../2022/C.yaml"]
    earlier = [str(reports.resolve() / "2021" / f"{unit}.yaml") for unit in "ABC"]
    assert sibling_reports(["A.yaml"]) == [*earlier, "B.yaml", "C.yaml"]


def test_a_file_outside_a_year_folder_has_no_siblings(reports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(reports)
    (reports / "X.yaml").write_text("x", encoding="utf-8")
    assert sibling_reports(["X.yaml"]) == []
