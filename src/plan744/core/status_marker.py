"""What makes a YAML file a task status report rather than a unit's yearly report: one key,
asked of every file `validate` reads, so it lives apart from the status report's models."""

from __future__ import annotations

MARKER = "progress"
"""The key that makes a YAML file a status report."""


def is_status_report(data: object) -> bool:
    return isinstance(data, dict) and MARKER in data
