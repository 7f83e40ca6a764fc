"""The user's cache folder, and a small store of pickled values in it.

The folder is per user (`$XDG_CACHE_HOME/plan744`, `~/.cache/plan744`, or
`%LOCALAPPDATA%\\plan744`). Entries are keyed by a hash of everything they were made from, so a
changed input is simply a miss. A cache that cannot be written, or an entry that cannot be
trusted or read, means no cache: the caller computes the value again.

Only entries this user wrote are read: on POSIX an entry must belong to the user and be
writable by nobody else (a pickle runs code when loaded).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

DISABLE = "PLAN744_NO_CACHE"  # set to any value to read and write no cache


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    root = Path(base) if base else Path.home() / ".cache"
    return root / "plan744"


def key(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big") + data)
    return h.hexdigest()


def _trusted(path: Path) -> bool:
    if os.name != "posix":
        return True
    st = path.stat()
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def load(area: str, name: str) -> Any | None:
    if os.environ.get(DISABLE):
        return None
    path = cache_dir() / area / f"{name}.pickle"
    try:
        if not _trusted(path):
            return None
        with path.open("rb") as f:
            return pickle.load(f)
    except Exception:
        return None


def store(area: str, name: str, value: Any) -> None:
    if os.environ.get(DISABLE):
        return
    folder = cache_dir() / area
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"{name}.pickle")
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        try:
            os.unlink(tmp)
        except (OSError, UnboundLocalError):
            pass
