"""The time of a run.

- `now()`: the time printed in a report; SOURCE_DATE_EPOCH (reproducible-builds.org) fixes it,
  so a report rebuilt from the same data is the same file.
- `today()`: the day a run takes as today (a report dated after it is refused, one past its
  deadline counted late); PLAN744_TODAY=YYYY-MM-DD fixes it, to check data as of a past day
  or to test a plan whose years are still ahead.
"""

from __future__ import annotations

import datetime as dt
import os


class ClockError(ValueError):
    """PLAN744_TODAY is not a date (the message is Vietnamese, for the user)."""


def now(environ: dict[str, str] | None = None) -> dt.datetime:
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.now(tz=dt.UTC)


def today(environ: dict[str, str] | None = None) -> dt.date:
    env = os.environ if environ is None else environ
    fixed = env.get("PLAN744_TODAY", "").strip()
    if not fixed:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(fixed)
    except ValueError:
        raise ClockError(f"Biến môi trường PLAN744_TODAY phải là một ngày dạng năm-tháng-ngày (ví dụ 2026-01-15), "
                         f"không phải “{fixed[:40]}”.") from None
