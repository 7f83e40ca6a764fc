"""What the dashboard's pages are made from: the site's figures (`SiteData`), a page (`Page`), and
the file name of each indicator's and unit's page (flat names: one folder)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from plan744.core.figures.delivery import Delivery
from plan744.core.figures.year import IndicatorYear, UnitValue, YearFigures
from plan744.core.plan import Plan
from plan744.core.progress import Assessment, Progress
from plan744.report import data as report_data

_UNSAFE = re.compile(r"[^a-z0-9_-]+")


def slug(code: str) -> str:
    """A code as part of a file name (a code of the plan is already close: letters, digits, _ -)."""
    return _UNSAFE.sub("-", code.lower()).strip("-") or "x"


def indicator_file(ind_id: str) -> str:
    return f"chi-tieu-{slug(ind_id)}.html"


def unit_file(code: str) -> str:
    return f"don-vi-{slug(code)}.html"


@dataclass
class SiteData:
    plan: Plan
    as_of: dt.date
    figures: dict[int, YearFigures]
    progress: Progress | None
    records: dict[int, dict[str, list[dict[str, Any]]]] = field(default_factory=dict)  # year -> report.data tables

    def __post_init__(self) -> None:
        self.records = {y: report_data.tables(f) for y, f in self.figures.items()}

    @cached_property
    def deliveries(self) -> dict[int, dict[str, Delivery]]:
        """year -> unit code -> who sent what, when (asked once per unit page: indexed once)."""
        return {y: {d.unit.code: d for d in f.completeness.rows} for y, f in self.figures.items()}

    @cached_property
    def unit_figures(self) -> dict[int, dict[str, list[tuple[IndicatorYear, UnitValue]]]]:
        """year -> unit code -> (the area's figure, the unit's) for every figure the unit gave."""
        out: dict[int, dict[str, list[tuple[IndicatorYear, UnitValue]]]] = {}
        for y, f in self.figures.items():
            by_unit = out[y] = {}
            for r in f.indicators:
                for u in r.units:
                    by_unit.setdefault(u.unit.code, []).append((r, u))
        return out

    @cached_property
    def accounts(self) -> dict[str, list[tuple[str, str]]]:
        """unit code -> (task title, status code) of what it reported in the latest year."""
        out: dict[str, list[tuple[str, str]]] = {}
        for area in self.latest.areas if self.latest is not None else []:
            for task in area.tasks:
                for acc in task.accounts:
                    out.setdefault(acc.unit.code, []).append((task.task.title, acc.status))
        return out

    @cached_property
    def assessments(self) -> dict[str, list[Assessment]]:
        """unit code -> its tracked tasks' states on the date."""
        out: dict[str, list[Assessment]] = {}
        for a in self.progress.assessments if self.progress is not None else []:
            out.setdefault(a.unit, []).append(a)
        return out

    @property
    def years(self) -> list[int]:
        return sorted(self.figures)

    @property
    def latest(self) -> YearFigures | None:
        return self.figures[self.years[-1]] if self.figures else None


@dataclass
class Page:
    name: str  # the file
    template: str  # under templates/site/
    title: str
    nav: str  # which entry of the navigation is current ("" for none)
    context: dict[str, Any]


