"""Words of the close-out's and the annual report's judgements of the targets: the tally and its
base, level-end and partial-year caveats, the table notes, the chart's words.

Merged into `core.labels.WORDS`, so a plan file's `words:` section rewords any of them by its code.
"""

from __future__ import annotations

JUDGEMENT_WORDS: dict[str, str] = {}
