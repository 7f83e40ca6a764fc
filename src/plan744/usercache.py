"""The user's cache folder, and a small store of JSON entries in it.

The folder is per user (`$XDG_CACHE_HOME/plan744`, `~/.cache/plan744`, or
`%LOCALAPPDATA%\\plan744`), one subfolder per area ("plans", "context"). Entries are keyed by a
hash of the content of everything they were made from (`key`, `digest`), never by a file's size
or time, so a changed input is simply a miss.

An entry is data: JSON read back by the caller's own decoder, never pickle or compiled code, so
a file planted in the folder can at worst be a wrong answer the caller refuses, never run. The
folder is still kept private (created 0700): plan744 refuses, with one warning line, a folder
that is a symlink, that another user owns, or that others can write. Anything that goes wrong
(a full or read-only disk, a damaged or foreign entry) means no cache: the caller computes the
value again.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

DISABLE = "PLAN744_NO_CACHE"  # set to any value to read and write no cache
FORMAT = 2  # the shape of an entry file; 1 was the pickles of plan744 0.1.0

_folders: dict[Path, bool] = {}  # an area's folder -> usable: checked once a run
_warned = False


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


def digest(data: bytes) -> str:
    """The hash of a file's content (SHA-256: most processors compute it in hardware, about
    twice as fast as blake2b there)."""
    return hashlib.sha256(data).hexdigest()


def file_digest(path: str | os.PathLike[str]) -> str:
    """`digest` of the file's bytes, or "" when it is not a regular file that can be read."""
    try:  # O_NONBLOCK: a FIFO named like a report must not hang the run
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return ""
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return ""
        h = hashlib.sha256()
        while chunk := os.read(fd, 1 << 20):
            h.update(chunk)
        return h.hexdigest()
    except OSError:
        return ""
    finally:
        os.close(fd)


def _warn(code: str, **params: Any) -> None:
    global _warned
    if _warned:
        return
    _warned = True
    from plan744.core.messages import make
    from plan744.core.text import for_terminal

    sys.stderr.write("Cảnh báo: " + for_terminal(make(code, **params).message) + "\n")
    sys.stderr.flush()


def _private(folder: Path) -> bool:
    """Make `folder` (0700) if it is missing; True if it is a real folder of ours that nobody else
    can write. A refused folder is said once; one that cannot be made is quietly no cache."""
    try:
        os.mkdir(folder, 0o700)
    except FileExistsError:
        pass
    st = os.lstat(folder)  # lstat: a symlink is refused, never followed
    if stat.S_ISLNK(st.st_mode):
        _warn("cache-symlink", folder=str(folder))
        return False
    if not stat.S_ISDIR(st.st_mode):
        return False
    if os.name != "posix":
        return True  # %LOCALAPPDATA% is the user's own; no mode bits to check
    if st.st_uid != os.geteuid():
        _warn("cache-not-owner", folder=str(folder), owner=st.st_uid, uid=os.geteuid())
        return False
    if st.st_mode & 0o022:
        _warn("cache-open", folder=str(folder), mode=f"{stat.S_IMODE(st.st_mode):o}")
        return False
    if st.st_mode & 0o077:
        os.chmod(folder, 0o700)  # ours and read-only to others (an older plan744 made it 0755)
    return True


def _folder(area: str) -> Path | None:
    """The area's folder, checked once a run, or None: no cache."""
    if os.environ.get(DISABLE):
        return None
    root = cache_dir()
    folder = root / area
    if folder not in _folders:
        try:
            root.parent.mkdir(parents=True, exist_ok=True)
            _folders[folder] = _private(root) and _private(folder)
        except OSError:
            _folders[folder] = False
    return folder if _folders[folder] else None


def available(area: str) -> bool:
    """Whether entries of `area` are read and written this run (a caller skips work only the
    cache needs, such as hashing)."""
    return _folder(area) is not None


def load(area: str, name: str) -> Any | None:
    """The value stored under `name`, or None: missing, damaged, written for another key, or
    not a plain file of ours."""
    folder = _folder(area)
    if folder is None:
        return None
    try:
        fd = os.open(folder / f"{name}.json", os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as f:
            st = os.fstat(f.fileno())
            if not stat.S_ISREG(st.st_mode) or (os.name == "posix" and (st.st_uid != os.geteuid() or st.st_mode & 0o022)):
                return None
            entry = json.loads(f.read())
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(entry, dict) or entry.get("format") != FORMAT or entry.get("key") != name:
        return None  # foreign or renamed: its key says what it was made from
    return entry.get("value")


def store(area: str, name: str, value: Any) -> None:
    """Write the value (plain JSON data) whole or not at all; a failure only means no cache."""
    folder = _folder(area)
    if folder is None:
        return
    tmp = ""
    try:
        data = json.dumps({"format": FORMAT, "key": name, "value": value}, ensure_ascii=False,
                          separators=(",", ":")).encode("utf-8")
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, folder / f"{name}.json")
    except (OSError, ValueError, TypeError, RecursionError):
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass
