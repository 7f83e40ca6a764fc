"""Words of the appendices that stay: the reporting record, the per-task coverage, each unit's
figures.

Merged into `core.labels.WORDS`, so a plan file's `words:` section rewords any of them by its code.
"""

from __future__ import annotations

APPENDIX_WORDS: dict[str, str] = {}
