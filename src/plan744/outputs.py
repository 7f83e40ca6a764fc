"""Writing outputs: checked before any work, written whole, as a set, one run at a time.

- `check_target_dir` says, before a minute of rendering, whether the output folder can be
  written (it exists or can be created, is not a file, is writable, and no output name in it
  is a folder).
- `OutputSet` writes every file of a run to a temporary file in the target folder first; only
  when all are written are they moved into place, one `os.replace` each (atomic per file, a few
  microseconds for the set). A failure before that point (disk full, a file locked by Word on
  Windows) leaves the previous set untouched and removes every temporary file.
- A lock file in the folder refuses a second run writing the same folder at the same time; a
  lock left by a run that was killed is recognised (its process is gone) and replaced.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

LOCK_NAME = ".plan744.lock"
TEMP_PREFIX = ".plan744-"


class OutputError(Exception):
    """An output that cannot be written; the message is Vietnamese and names the path."""


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
        self._staged: dict[str, str] = {}
        self._lock: Path | None = None
        self.written: list[Path] = []

    def __enter__(self) -> OutputSet:
        check_target_dir(self.folder)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"không tạo được thư mục “{self.folder}”: {exc.strerror}.") from None
        self._take_lock()
        self._remove_stale_temps()
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
                raise OutputError(f"không ghi được vào “{self.folder}”: {exc.strerror}.") from None
            with os.fdopen(fd, "w", encoding="ascii") as fh:
                fh.write(str(os.getpid()))
            self._lock = lock
            return
        raise OutputError(f"không khóa được thư mục “{self.folder}” để ghi.")  # pragma: no cover

    def _remove_stale_temps(self) -> None:
        for leftover in self.folder.glob(TEMP_PREFIX + "*.tmp"):
            try:
                leftover.unlink()
            except OSError:
                pass

    def add(self, name: str, data: bytes) -> None:
        """Write `data` to a temporary file that becomes `name` at commit."""
        if "/" in name or "\\" in name or name in ("", ".", ".."):
            raise ValueError(f"not a plain file name: {name!r}")
        target = self.folder / name
        if target.is_dir():
            raise OutputError(f"“{target}” là một thư mục, không ghi đè được bằng tệp báo cáo; hãy xóa hoặc đổi tên nó.")
        fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".tmp", dir=self.folder)
        self._staged[name] = tmp
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise OutputError(f"không ghi được “{target}”: {exc.strerror}.") from None
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600 files: give outputs the usual permissions

    def commit(self) -> list[Path]:
        """Move every staged file into place; the previous set stays whole until then."""
        try:
            for name, tmp in self._staged.items():
                os.replace(tmp, self.folder / name)
                self.written.append(self.folder / name)
        except OSError as exc:
            raise OutputError(f"không ghi được vào “{self.folder}”: {exc.strerror} "
                              "(tệp đang mở trong Word hoặc Excel?).") from None
        self._staged = {}
        return self.written

    def __exit__(self, *exc: object) -> None:
        for tmp in self._staged.values():
            try:
                os.unlink(tmp)
            except OSError:
                pass
        self._staged = {}
        if self._lock is not None:
            try:
                self._lock.unlink()
            except OSError:
                pass


def write_atomic(path: Path, data: bytes) -> None:
    """One file, whole or not at all (a scaffold, a schema, a converted report)."""
    with OutputSet(path.parent) as out:
        out.add(path.name, data)
        out.commit()

