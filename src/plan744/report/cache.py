"""Jinja's compiled templates, cached in the user's cache folder between runs.

Jinja's bytecode cache is keyed by each template's name and a checksum of its source, so an
edited template is recompiled and an unchanged one is loaded; the folder is per user
(`$XDG_CACHE_HOME/plan744`, `~/.cache/plan744`, or `%LOCALAPPDATA%\\plan744`). A folder that
cannot be written simply means no cache.
"""

from __future__ import annotations

import os

from jinja2 import BytecodeCache, FileSystemBytecodeCache

from plan744.usercache import cache_dir


def bytecode_cache() -> BytecodeCache | None:
    folder = cache_dir() / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)  # compiled code: ours alone
        if not os.access(folder, os.W_OK):
            return None
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))
