"""Writing outputs: checked before any work, written whole, as a set, one run at a time.

- `check_target_dir` says, before a minute of rendering, whether the output folder can be
  written (it exists or can be created, is not a file, is writable, and no output name in it
  is a folder).
- `OutputSet` writes every file of a run into a hidden staging folder beside the targets
  (`.plan744-new-*`). A failure there (disk full, a size limit) leaves the previous set
  untouched and the staging folder removed; the message is one Vietnamese line.
- Commit renames the staging folder to `.plan744-commit` (one atomic rename: from then on the
  new set is the one that counts), then moves each file into place and removes the folder.
  Interrupts (Ctrl+C, SIGTERM) wait until the moves are done; a run killed outright in the
  middle leaves `.plan744-commit`, and the next run on the folder finishes the moves before
  anything else, so the folder ends with the old set or the new one, never a mix. A move that
  fails (a file locked by Word on Windows) puts the old files back from hard links kept in
  `.plan744-old-*`.
- A lock file in the folder refuses a second run writing the same folder at the same time; a
  lock left by a run that was killed is recognised (its process is gone) and replaced.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import tempfile
import threading
from pathlib import Path

LOCK_NAME = ".plan744.lock"
TEMP_PREFIX = ".plan744-"
STAGE_PREFIX = TEMP_PREFIX + "new-"
BACKUP_PREFIX = TEMP_PREFIX + "old-"
JOURNAL_NAME = TEMP_PREFIX + "commit"  # a set being moved into place; the next run finishes it
_DEFERRED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP) if hasattr(signal, "SIGHUP") else (signal.SIGINT, signal.SIGTERM)

_WHY = {
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EDQUOT: "đã hết dung lượng được cấp trên ổ đĩa",
    errno.EFBIG: "tệp vượt quá kích thước tối đa được phép ghi",
    errno.EROFS: "ổ đĩa chỉ cho phép đọc",
    errno.EACCES: "không có quyền ghi",
    errno.EPERM: "không có quyền ghi",
    errno.EIO: "lỗi đọc ghi của ổ đĩa",
    errno.EBUSY: "tệp đang được chương trình khác dùng",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.EISDIR: "ở đó là một thư mục",
    errno.ENOTEMPTY: "ở đó là một thư mục",
}


class OutputError(Exception):
    """An output that cannot be written; the message is Vietnamese and names the path."""


def why(exc: OSError) -> str:
    """The reason of a failed write in Vietnamese (the system's own text may be English)."""
    if exc.errno in _WHY:
        return _WHY[exc.errno]
    return f"lỗi hệ thống {errno.errorcode.get(exc.errno or 0, exc.errno)}"


def check_target_dir(folder: Path, names: tuple[str, ...] = ()) -> None:
    """Raise OutputError unless `folder` can receive `names`."""
    probe = folder
    while not probe.exists():
        if probe.is_symlink():
            raise OutputError(f"“{folder}” trỏ tới một liên kết hỏng; chọn thư mục khác cho --out.")
        if probe.parent == probe:
            break
        probe = probe.parent
    if probe.exists() and not probe.is_dir():
        if probe == folder:
            raise OutputError(f"“{folder}” là một tệp, không phải thư mục; chọn thư mục khác cho --out.")
        raise OutputError(f"không tạo được thư mục “{folder}”: “{probe}” là một tệp.")
    if not os.access(probe, os.W_OK | os.X_OK):
        raise OutputError(f"không có quyền ghi vào “{probe}”; chọn thư mục khác cho --out.")
    for name in names:
        target = folder / name
        if target.is_dir():
            raise OutputError(f"“{target}” là một thư mục, không ghi đè được bằng tệp báo cáo; hãy xóa hoặc đổi tên nó.")


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    except OSError:  # pragma: no cover - Windows without the process
        return False
    return True


class OutputSet:
    """`with OutputSet(folder) as out: out.add(name, data) ...; out.commit()`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._stage: Path | None = None
        self._names: list[str] = []
        self._lock: Path | None = None
        self.written: list[Path] = []

    def __enter__(self) -> OutputSet:
        check_target_dir(self.folder)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"không tạo được thư mục “{self.folder}”: {why(exc)}.") from None
        self._take_lock()
        try:
            self._recover()
        except OSError as exc:
            self._unlock()
            raise OutputError(f"không hoàn tất được lần ghi dở trước trong “{self.folder}”: {why(exc)}.") from None
        return self

    def _take_lock(self) -> None:
        lock = self.folder / LOCK_NAME
        for _ in range(2):
            try:
                fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                try:
                    pid = int(lock.read_text(encoding="ascii").strip() or "0")
                except (OSError, ValueError):
                    pid = 0
                if _pid_alive(pid) and pid != os.getpid():
                    raise OutputError(
                        f"một lần chạy khác của plan744 (tiến trình {pid}) đang ghi vào “{self.folder}”; "
                        "hãy chờ lần chạy đó xong, hoặc chọn thư mục khác cho --out.") from None
                try:  # left by a run that was killed
                    lock.unlink()
                except FileNotFoundError:
                    pass
                continue
            except OSError as exc:
                raise OutputError(f"không ghi được vào “{self.folder}”: {why(exc)}.") from None
            try:
                with os.fdopen(fd, "w", encoding="ascii") as fh:
                    fh.write(str(os.getpid()))
            except OSError as exc:
                lock.unlink(missing_ok=True)
                raise OutputError(f"không ghi được vào “{self.folder}”: {why(exc)}.") from None
            self._lock = lock
            return
        raise OutputError(f"không khóa được thư mục “{self.folder}” để ghi.")  # pragma: no cover

    def _recover(self) -> None:
        """Finish the moves of a run killed during its commit; drop what runs killed earlier left."""
        journal = self.folder / JOURNAL_NAME
        if journal.is_dir():
            for staged in sorted(journal.iterdir()):
                os.replace(staged, self.folder / staged.name)
            journal.rmdir()
        for leftover in self.folder.glob(TEMP_PREFIX + "*"):
            if leftover.name in (LOCK_NAME, JOURNAL_NAME):
                continue
            if leftover.is_dir() and not leftover.is_symlink():
                shutil.rmtree(leftover, ignore_errors=True)
            elif leftover.name.endswith(".tmp"):  # temporary files of earlier versions
                leftover.unlink(missing_ok=True)

    def add(self, name: str, data: bytes) -> None:
        """Write `data` into the staging folder; it becomes `name` at commit."""
        if "/" in name or "\\" in name or name in ("", ".", "..") or name.startswith(TEMP_PREFIX):
            raise ValueError(f"not a plain file name: {name!r}")
        target = self.folder / name
        if target.is_dir():
            raise OutputError(f"“{target}” là một thư mục, không ghi đè được bằng tệp báo cáo; hãy xóa hoặc đổi tên nó.")
        try:
            if self._stage is None:
                self._stage = Path(tempfile.mkdtemp(prefix=STAGE_PREFIX, dir=self.folder))
            staged = self._stage / name
            with open(staged, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(staged, 0o666 & ~umask)  # outputs get the usual permissions
        except OSError as exc:
            raise OutputError(f"không ghi được “{target}”: {why(exc)}.") from None
        self._names.append(name)

    def commit(self) -> list[Path]:
        """Move every staged file into place; the previous set stays whole until then."""
        if self._stage is None:
            return self.written
        journal = self.folder / JOURNAL_NAME
        backup = self.folder / (BACKUP_PREFIX + self._stage.name[len(STAGE_PREFIX):])
        try:
            backup.mkdir()
            for name in self._names:
                if (self.folder / name).is_file():
                    _keep(self.folder / name, backup / name)
            _fsync_dir(self._stage)
            os.rename(self._stage, journal)  # the point of no return: the new set now counts
        except OSError as exc:
            shutil.rmtree(backup, ignore_errors=True)
            raise OutputError(f"không ghi được vào “{self.folder}”: {why(exc)}.") from None
        self._stage = None
        moved: list[str] = []
        deferred = _defer_interrupts()
        try:
            for name in self._names:
                os.replace(journal / name, self.folder / name)
                moved.append(name)
            journal.rmdir()
            _fsync_dir(self.folder)
        except OSError as exc:
            self._roll_back(moved, backup, journal)
            raise OutputError(f"không ghi được vào “{self.folder}”: {why(exc)} "
                              "(tệp đang mở trong Word hoặc Excel?).") from None
        finally:
            _restore_interrupts(deferred)
            shutil.rmtree(backup, ignore_errors=True)
        self.written = [self.folder / name for name in self._names]
        self._names = []
        return self.written

    def _roll_back(self, moved: list[str], backup: Path, journal: Path) -> None:
        """Put the previous files back after a move failed half-way; drop the new set."""
        for name in moved:
            old = backup / name
            try:
                if old.exists():
                    os.replace(old, self.folder / name)
                else:
                    (self.folder / name).unlink()
            except OSError:
                pass
        shutil.rmtree(journal, ignore_errors=True)

    def _unlock(self) -> None:
        if self._lock is not None:
            try:
                self._lock.unlink()
            except OSError:
                pass
            self._lock = None

    def __exit__(self, *exc: object) -> None:
        if self._stage is not None:
            shutil.rmtree(self._stage, ignore_errors=True)
            self._stage = None
        self._names = []
        self._unlock()


def _keep(path: Path, copy: Path) -> None:
    """A copy of a previous output to put back if the commit fails: a hard link, or a real
    copy on a file system without them (a FAT memory stick)."""
    try:
        os.link(path, copy)
    except OSError:
        shutil.copy2(path, copy)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows opens no folders
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems refuse it; the data itself was synced
        pass
    finally:
        os.close(fd)


def _defer_interrupts() -> set[int | signal.Signals] | None:
    """Hold Ctrl+C and SIGTERM while the set is moved into place (they arrive right after)."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, _DEFERRED)


def _restore_interrupts(previous: set[int | signal.Signals] | None) -> None:
    if previous is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def write_atomic(path: Path, data: bytes) -> None:
    """One file, whole or not at all (a scaffold, a schema, a converted report)."""
    with OutputSet(path.parent) as out:
        out.add(path.name, data)
        out.commit()

