"""Codes of the figures' verdicts and states. Words for them: `core.labels`."""

from __future__ import annotations

from enum import Enum


class Attainment(str, Enum):
    """Whether a figure reaches its target (not a task's status: see `core.submission.Status`)."""

    EXCEEDED = "exceeded"  # beyond the target (at or above the upper end of a band)
    REACHED = "reached"
    NOT_REACHED = "not_reached"
    NOT_ASSESSED = "not_assessed"  # see `Unassessed` for why

    @property
    def met(self) -> bool:
        return self in (Attainment.EXCEEDED, Attainment.REACHED)


class Unassessed(str, Enum):
    """Why a figure has no verdict."""

    QUALITATIVE = "qualitative"  # the target has no figure
    NO_DATA = "no_data"  # no unit gave figures (or every denominator was zero)
    LEVEL_ENDED = "level_ended"  # the level's units ended during the year: a part-year figure
    NO_TARGET_YET = "no_target_yet"  # the target governs a later stage
    NOT_YET_DUE = "not_yet_due"  # the target is for a later year and not reached yet: "chưa đến hạn", never "chưa đạt"
    PARTIAL_YEARS = "partial_years"  # (period) the final year has no assessable figure


class PathStatus(str, Enum):
    AHEAD = "ahead"  # beyond the path
    ON_TRACK = "on_track"  # on it
    BEHIND = "behind"
    NO_PATH = "no_path"  # no baseline or earlier milestone to draw it from
    MILESTONE = "milestone"  # the year of the target itself: no path, the verdict says it


class Timeliness(str, Enum):
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    PENDING = "pending"  # not sent yet, and its deadline has not passed on the day of the report
    NOT_DUE = "not_due"  # (period) the unit did not exist or owed nothing that year
