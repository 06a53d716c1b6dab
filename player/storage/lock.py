"""One writer at a time per data directory, across processes: the GUI and the CLI may share a library.

Writers hold an exclusive `fcntl.flock` on `<data_dir>/.lock` for the whole write section (blob file and
index row together), so the index never names a file another process is half-way through replacing.
Readers take no lock: blob files only ever change by atomic rename and SQLite (WAL) gives each reader a
consistent snapshot. The kernel drops a flock when its holder dies, so a crashed process never leaves
the library locked. Within one process the lock is reentrant, and threads queue on an `RLock` first,
because two flocks from one process on two descriptors would block each other.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
import time
from pathlib import Path
from types import TracebackType

from player.errors import StorageError
from player.language import translate
from player.storage.atomic import UNWRITABLE, storage_error

LOCK_NAME = ".lock"
DEFAULT_TIMEOUT = 10.0
_POLL = 0.02


class DataDirLock:
    """Exclusive, reentrant, inter-process lock on a data directory; use it as a context manager.

    `StorageError` when it cannot be had within `timeout` seconds, naming the holder's process ID when
    the holder wrote it down.
    """

    def __init__(self, data_dir: Path, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.path = Path(data_dir) / LOCK_NAME
        self.timeout = timeout
        self._threads = threading.RLock()
        self._depth = 0
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        """True while this process holds the lock (in any thread)."""
        return self._depth > 0

    def acquire(self) -> None:
        deadline = time.monotonic() + self.timeout
        if not self._threads.acquire(timeout=max(self.timeout, 0.0)):
            raise self._busy(in_this_process=True)
        try:
            if self._depth == 0:
                self._fd = self._lock_file(deadline)
            self._depth += 1
        except BaseException:
            self._threads.release()
            raise

    def release(self) -> None:
        if self._depth <= 0:
            raise RuntimeError(translate("Errors", "releasing a data directory lock that is not held"))
        self._depth -= 1
        try:
            if self._depth == 0 and self._fd is not None:
                fd, self._fd = self._fd, None
                # Closing the descriptor drops the flock; unlocking first makes that explicit.
                with contextlib.suppress(OSError):
                    fcntl.flock(fd, fcntl.LOCK_UN)
                os.close(fd)
        finally:
            self._threads.release()

    def __enter__(self) -> DataDirLock:
        self.acquire()
        return self

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()

    def _open(self) -> int:
        """The lock file, read-write; read-only where it cannot be written (a read-only medium), since a
        flock needs no write access and the library must still open to play."""
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        except OSError as e:
            if e.errno in UNWRITABLE:
                with contextlib.suppress(OSError):
                    return os.open(self.path, os.O_RDONLY | os.O_CLOEXEC)
                with contextlib.suppress(OSError):  # no lock file at all: lock the directory itself
                    return os.open(self.path.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
            raise storage_error(e, self.path, "open the lock file") from e

    def _lock_file(self, deadline: float) -> int:
        fd = self._open()
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise self._busy() from None
                    time.sleep(_POLL)
            # Who holds it, for the message another process shows while it waits: a courtesy, so a
            # full disk or a read-only descriptor does not stop the lock from being held.
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
                os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        except OSError as e:
            os.close(fd)
            raise storage_error(e, self.path, "lock") from e
        except BaseException:
            os.close(fd)
            raise
        return fd

    def _busy(self, in_this_process: bool = False) -> StorageError:
        pid: int | None = None
        if not in_this_process:
            with contextlib.suppress(OSError, ValueError):
                pid = int(self.path.read_text("ascii").strip())
        if in_this_process:
            said = translate(
                "Errors",
                "another task of this Insured Player is busy with this library ({where}); waited {timeout} s "
                "— try again when it has finished",
            )
        elif pid is None:
            said = translate(
                "Errors",
                "another Insured Player process is busy with this library ({where}); waited {timeout} s — "
                "try again when it has finished",
            )
        else:
            said = translate(
                "Errors",
                "another Insured Player process is busy with this library ({where}, held by pid {pid}); "
                "waited {timeout} s — try again when it has finished",
            )
        return StorageError(said.format(where=self.path.parent, pid=pid, timeout=format(self.timeout, "g")))
