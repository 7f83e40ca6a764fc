"""Words of the judgement half: direction and steering (Công tác lãnh đạo, chỉ đạo), drafting aids,
the department's notes, directions for the next period, proposals.

Merged into `core.labels.WORDS`, so a plan file's `words:` section rewords any of them by its code.
"""

from __future__ import annotations

REVIEW_WORDS: dict[str, str] = {}
