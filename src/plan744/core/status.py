"""The statuses a unit reports for an appendix row or a task, and what each one counts as.

The values are the strings of the data files (`core.submission.Status` accepts exactly these);
the words are in `core.labels`. A plan with other statuses changes this module only.
"""

from __future__ import annotations

from enum import StrEnum


class ReportStatus(StrEnum):
    NOT_STARTED = "chua_trien_khai"
    IN_PROGRESS = "dang_trien_khai"
    BEHIND = "cham_tien_do"
    DONE = "hoan_thanh"
    DONE_LATE = "hoan_thanh_qua_han"
    STOPPED = "tam_dung"

    @property
    def done(self) -> bool:
        """Finished, on time or late."""
        return self in (ReportStatus.DONE, ReportStatus.DONE_LATE)

    @property
    def lagging(self) -> bool:
        """Not started, behind or stopped: what a report names."""
        return self in (ReportStatus.NOT_STARTED, ReportStatus.BEHIND, ReportStatus.STOPPED)

    @property
    def behind(self) -> bool:
        """Started and behind, or stopped: an appendix row the report flags."""
        return self in (ReportStatus.BEHIND, ReportStatus.STOPPED)

    @property
    def outcome(self) -> str:
        """What became of a task, as a close-out counts it: "done", "not_done" (not started or
        stopped) or "in_progress" (under way, behind included)."""
        if self.done:
            return "done"
        if self.lagging and self is not ReportStatus.BEHIND:
            return "not_done"
        return "in_progress"


# The values in the order of the list (the order reports and forms show them in).
STATUSES: tuple[str, ...] = tuple(s.value for s in ReportStatus)
DONE: tuple[str, ...] = tuple(s.value for s in ReportStatus if s.done)
LAGGING: tuple[str, ...] = tuple(s.value for s in ReportStatus if s.lagging)
