"""Words of the task results and the appendix rows: results by task group, the rows' end states,
funding and the plan's total.

Merged into `core.labels.WORDS`, so a plan file's `words:` section rewords any of them by its code.
"""

from __future__ import annotations

ROW_WORDS: dict[str, str] = {}
