"""Finding and reading the files a user points at, safely.

Everything a user names on the command line, or that sits in a folder they name, is either
read or reported; nothing is skipped in silence. But only regular files inside the data tree
are read, and never more than a bounded number of bytes:
- a FIFO, a device or a socket is reported, never opened for a blocking read (a FIFO named
  `X.yaml` would otherwise hang the run);
- a symbolic link is followed only when its target stays inside the folder the user named:
  a link to `/etc/passwd` or `/dev/zero` is reported, not read (in a public CI log the first
  line of any readable file would otherwise be printed);
- a folder that cannot be read, a link loop, a name that is not valid UTF-8: reported;
- hidden folders (`.git`) and the debris editors and operating systems leave (`.#X.yaml`,
  `._X.yaml`, `~$X.xlsx`, `X.yaml~`, `.X.yaml.swp`) are skipped with a one-line note, unless
  named explicitly.
"""

from __future__ import annotations

import errno
import glob
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from plan744.core.findings import Finding, Severity
from plan744.core.layout import is_year_folder
from plan744.core.messages import make
from plan744.intake.registry import REPORT_SUFFIXES, Refusal, intake_for

_DEBRIS = re.compile(r"^(?:\.#.*|\._.*|~\$.*|.*~|\..*\.sw[a-p]|#.*#|\.~lock\..*#)$")
_CWD = os.getcwd()


def display_path(path: Path | str) -> str:
    """Relative to the current folder when below it, with forward slashes (for CI annotations),
    and printable whatever bytes the name holds."""
    given = text = os.fspath(path)
    absolute = text if os.path.isabs(text) else os.path.join(_CWD, text)
    absolute = os.path.normpath(absolute)
    if absolute == _CWD:
        text = os.curdir
    elif absolute.startswith(_CWD + os.sep):  # both normalised: what relpath would give, sliced
        text = absolute[len(_CWD) + 1:] or os.curdir  # "//" below a working folder "/"
    shown = text.replace(os.sep, "/")
    try:
        shown.encode("utf-8")
    except UnicodeEncodeError:  # a name that is not UTF-8 (surrogate escapes): show its bytes
        shown = os.fsencode(text).decode("utf-8", "backslashreplace").replace(os.sep, "/")
    # The caller's own text when it is already what is shown: a record of each of 100,000 files
    # then shares its path's text instead of keeping an equal copy.
    return given if shown == given else shown


def as_shown(paths: list[str]) -> None:
    """Each path, in place, as messages show it (`display_path`) where that opens the same file
    from the current folder, else as given: a run keeping a record of each of 100,000 files
    then keeps one string per file, not the path given and the path shown (about 10 MB)."""
    if os.getcwd() != _CWD:
        return
    for i, path in enumerate(paths):
        shown = display_path(path)
        if shown is not path and os.path.isabs(path) and os.path.normpath(path) == path \
                and os.path.join(_CWD, shown) == path:
            paths[i] = shown


def name_is_utf8(path: Path | str) -> bool:
    try:
        os.fspath(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@dataclass
class Discovery:
    """The files to read, what could not be read (findings), and what was left aside on purpose.

    Files are path texts, not `Path` objects: a `Path` with its parts costs about 300 bytes more
    than its text, 30 MiB over the 100,000 files of a national validate."""

    files: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # display paths of debris and hidden folders


def _is_debris(name: str) -> bool:
    return bool(_DEBRIS.match(name))


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def discover(args: Iterable[str]) -> Discovery:
    """Files named, found in folders (recursively) or matched by globs (a glob may match
    folders too), of a type an intake reads (`intake.registry`); the others are reported with
    the reason. Duplicates (the same file reached twice) appear once."""
    out = Discovery()
    real_folders: dict[str, str] = {}  # a folder as spelt -> its real path
    names_in: dict[str, set[str]] = {}  # a real folder -> the names of the files found in it

    def add(path: str, root: str, explicit: bool) -> None:
        if not name_is_utf8(path):
            shown = display_path(path)
            out.findings.append(make("path-name-encoding", file=shown, name=shown))
            return
        folder, name = os.path.split(path)
        intake = intake_for(name)
        if isinstance(intake, Refusal):
            severity = Severity.WARNING if intake.warning_in_folder and not explicit else None
            out.findings.append(make(intake.code, file=display_path(path), name=name, severity=severity))
            return
        link = _check_file(path, root)
        if not isinstance(link, bool):
            shown = display_path(path)
            out.findings.append(make(link[0], file=shown, name=shown, **link[1]))
            return
        # The same file reached twice (a folder and a glob, a link) has one real path. A file's
        # (not a link's) is its folder's and its name: one realpath per folder, not one per file,
        # and its name kept under its folder (the text os.walk made), not a path made per file.
        if link:
            real_folder, real_name = os.path.split(os.path.realpath(path))
        else:
            if folder not in real_folders:
                real_folders[folder] = os.path.realpath(folder or os.curdir)
            real_folder, real_name = real_folders[folder], name
        names = names_in.setdefault(real_folder, set())
        if real_name not in names:
            names.add(real_name)
            out.files.append(path)

    def walk(folder: str) -> None:
        root = os.path.realpath(folder)

        def onerror(exc: OSError) -> None:
            where = display_path(exc.filename or folder)
            out.findings.append(make("path-unreadable", file=where, name=where, detail=_reason(exc)))

        for current, dirs, files in os.walk(folder, onerror=onerror, followlinks=False):
            keep = []
            for d in sorted(dirs):
                full = os.path.join(current, d)
                if d.startswith("."):
                    out.skipped.append(display_path(full) + "/")
                elif os.path.islink(full):
                    out.findings.append(make("path-link-folder", file=display_path(full), name=display_path(full)))
                else:
                    keep.append(d)
            dirs[:] = keep
            for name in sorted(files):
                full = os.path.join(current, name)
                if _is_debris(name) or name.startswith("."):
                    out.skipped.append(display_path(full))
                    continue
                add(full, root, explicit=False)

    for arg in args:
        p = str(Path(arg))  # the form Path gives ("a//b/./c" is "a/b/c"): year folders are found
        try:
            st = os.lstat(p)
        except OSError as exc:
            if exc.errno in (errno.ENOENT, errno.ENOTDIR) and any(ch in arg for ch in "*?["):
                matches = sorted(glob.glob(arg, recursive=True))
                if not matches:
                    out.findings.append(make("path-not-found", file=arg, name=arg))
                for match in matches:
                    m = str(Path(match))
                    name = os.path.basename(m)
                    if os.path.isdir(m) and not os.path.islink(m):
                        walk(m)
                    elif not (_is_debris(name) or name.startswith(".")):
                        add(m, os.path.realpath(os.path.dirname(m) or os.curdir), explicit=False)
            elif exc.errno in (errno.ENOENT, errno.ENOTDIR):
                out.findings.append(make("path-not-found", file=display_path(arg), name=display_path(arg)))
            else:
                out.findings.append(make("path-unreadable", file=display_path(arg), name=display_path(arg),
                                         detail=_reason(exc)))
            continue
        if stat.S_ISDIR(st.st_mode):
            walk(p)
        elif stat.S_ISLNK(st.st_mode) and os.path.isdir(p):
            walk(p)  # the user named this link: follow it, and only inside it from there on
        else:
            add(p, os.path.realpath(os.path.dirname(p) or os.curdir), explicit=True)
    return out


def _check_file(path: str, root: str) -> tuple[str, dict] | bool:
    """Why `path` must not be read (a finding's code and parameters), or else whether it is a
    link (to a regular file: links may point anywhere inside `root`)."""
    try:
        st = os.lstat(path)
    except OSError as exc:
        return "path-unreadable", {"detail": _reason(exc)}
    link = stat.S_ISLNK(st.st_mode)
    if link:
        try:
            target = os.path.realpath(path, strict=True)
        except OSError as exc:  # dangling link or a loop
            return ("path-link-loop", {}) if exc.errno == errno.ELOOP else ("path-link-broken", {})
        if not _inside(target, root):
            return "path-link-outside", {}
        try:
            st = os.stat(path)
        except OSError as exc:
            return "path-unreadable", {"detail": _reason(exc)}
    if not stat.S_ISREG(st.st_mode):
        return "path-not-regular", {"kind": _kind(st.st_mode)}
    return link


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "một đường ống (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "một thiết bị"
    if stat.S_ISSOCK(mode):
        return "một socket"
    if stat.S_ISDIR(mode):
        return "một thư mục"
    return "một tệp đặc biệt"


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "không có quyền đọc"
    if exc.errno == errno.ELOOP:
        return "liên kết vòng"
    if exc.errno == errno.ENOENT:
        return "không tồn tại"
    if exc.errno == errno.EISDIR:
        return "là một thư mục"
    return exc.strerror or exc.__class__.__name__


class ReadRefused(Exception):
    """A file that must not or could not be read; `finding` says why."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


def read_bounded(path: Path | str, limit: int, *, too_large_code: str = "file-too-large", shown: str = "") -> bytes:
    """The bytes of a regular file, at most `limit` of them. Opened without blocking and checked
    on the open descriptor, so a FIFO or device swapped in after discovery is still refused.
    `shown`: the file's display path, when the caller has it already."""
    shown = shown or display_path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise ReadRefused(make("path-unreadable", file=shown, name=shown, detail=_reason(exc))) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ReadRefused(make("path-not-regular", file=shown, name=shown, kind=_kind(st.st_mode)))
        if st.st_size > limit:
            raise ReadRefused(make(too_large_code, file=shown, line=1, column=1, size=st.st_size, limit=limit))
        chunks = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # grew while we read it
                raise ReadRefused(make(too_large_code, file=shown, line=1, column=1, size=total, limit=limit))
        return b"".join(chunks)
    except OSError as exc:
        raise ReadRefused(make("path-unreadable", file=shown, name=shown, detail=_reason(exc))) from None
    finally:
        os.close(fd)


def year_of_folder(path: Path | str) -> int | None:
    """The year a report's folder names (`data/reports/2022/X.yaml` -> 2022), if it names one.
    The one place that decides what a year folder is."""
    name = os.path.basename(os.path.dirname(os.fspath(path)))
    return int(name) if is_year_folder(name) else None


def sibling_reports(targets: Iterable[Path | str], years: Iterable[int] | None = None) -> list[str]:
    """The other reports beside the targets, for cross-file checks: for `data/reports/2022/X.yaml`,
    every report in `data/reports/<year>/` (only `years`, when given), as absolute paths. A file
    whose path does not name a year folder (`year_of_folder`) has no siblings: a user's whole
    folder tree is never scanned.

    Memory stays near the targets' own, with no absolute path made per target: a folder holding
    targets is listed under the spelling the targets use, so each entry compares with the
    targets' own texts; entries are read as they come, and only the siblings are kept."""
    spelling: dict[str, str] = {}  # a folder holding targets, absolute -> how the targets spell it
    absolute: dict[str, str] = {}  # each spelling met -> its absolute folder (one lookup each)
    years_at: set[str] = set()  # absolute year folders that a target's path names
    wanted: set[str] = set()  # the targets, each spelt from its folder's spelling
    for target in targets:
        text = os.fspath(target)
        folder, name = os.path.split(text)
        if folder not in absolute:
            absolute[folder] = os.path.abspath(folder or os.curdir)
            spelling.setdefault(absolute[folder], folder)
            if is_year_folder(os.path.basename(folder)):
                years_at.add(absolute[folder])
        joined = os.path.join(spelling[absolute[folder]], name)
        wanted.add(text if joined == text else joined)  # the target's own text when it is that
    roots = sorted({os.path.dirname(folder) for folder in years_at})
    keep = None if years is None else {str(y) for y in years}
    out: list[str] = []
    for root in roots:
        try:
            entries = sorted(os.scandir(root), key=lambda e: e.name)
        except OSError:
            continue
        for year_dir in entries:
            if not (is_year_folder(year_dir.name) and year_dir.is_dir(follow_symlinks=False)):
                continue
            if keep is not None and year_dir.name not in keep:
                continue
            spelt = spelling.get(year_dir.path)  # None: no target there, nothing to leave out
            found: list[str] = []
            try:
                with os.scandir(spelt or year_dir.path) as files:
                    for entry in files:
                        name = entry.name
                        # listed as "" (the working folder) an entry is "./X.yaml", spelt "X.yaml"
                        if (os.path.splitext(name)[1].lower() in REPORT_SUFFIXES and not _is_debris(name)
                                and not name.startswith(".") and entry.is_file(follow_symlinks=False)
                                and (spelt is None or (entry.path if spelt else name) not in wanted)):
                            found.append(os.path.join(year_dir.path, name) if spelt else entry.path)
            except OSError:
                continue
            out += sorted(found)
    return out
