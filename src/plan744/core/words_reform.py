"""Words of the story of the organisation's changes: the reform paragraph, the moved tasks, the
counting rule, names of units as they were.

Merged into `core.labels.WORDS`, so a plan file's `words:` section rewords any of them by its code.
"""

from __future__ import annotations

REFORM_WORDS: dict[str, str] = {}
