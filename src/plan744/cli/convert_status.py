"""`plan744 convert` of a unit's task status report (issue 27): the Excel form made by
`plan744 new-report --period` to the YAML report `readers.status_yaml` reads, or back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from plan744.core.plan import Plan
from plan744.core.status_report import StatusReport


def _kept(value: Any) -> Any:
    """The report's values without the fields left empty (None, "", {}), as a unit writes it."""
    if isinstance(value, dict):
        out = {k: _kept(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v not in (None, "", {})}
    return value


def status_yaml(report: StatusReport, header: tuple[str, ...]) -> bytes:
    """The report as the YAML file a unit sends (the shape of data/tracking), the header's comment
    lines first."""
    import yaml

    data = _kept(report.model_dump(mode="python"))
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)
    return ("\n".join(header) + "\n" + text).encode("utf-8")


def status_xlsx(plan: Plan, report: StatusReport, target: Path, generated: dt.datetime) -> bytes:
    """The report filled into its Excel form (to send a corrected report back to the unit)."""
    from plan744.intake.registry import STATUS_WRITERS, StatusForm

    _, write = STATUS_WRITERS["xlsx"]
    return write(StatusForm(plan, report.unit, report.period, target, generated, report.model_dump(mode="python")))
