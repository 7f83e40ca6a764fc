"""How reports are filed: `<data>/<year>/<UNIT>.yaml` (or `.xlsx`). The one place that decides
what a year folder is; the readers and the checks both ask here."""

from __future__ import annotations


def is_year_folder(name: str) -> bool:
    """'2022' is a year folder; '2022-ban-sua', '0001' and 'reports' are not."""
    return len(name) == 4 and name.isdigit() and name[0] in "12"

