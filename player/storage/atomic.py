"""Crash-safe file writes: a file is either its old self or wholly its new self, never half of each.

`write_atomic` is Quod Libet's `util/atomic.py` recipe: write a temporary file in the same directory,
flush, fsync, rename it over the target (atomic on POSIX within one file system), then fsync the directory
so the rename itself survives a power cut. When the disk is full or the directory is not writable the
temporary file is removed, the old file is left untouched, and the caller gets one `StorageError` that
names the path and says what to do.

Resumable downloads cannot be atomic from the start: `open_partial` appends to `<final>.part` across
attempts and `finish_partial` makes it durable and renames it into place once it is complete.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from player.errors import MalformedError, StorageError
from player.language import QT_TRANSLATE_NOOP, translate

_FULL = (errno.ENOSPC, errno.EDQUOT)
_DENIED = (errno.EACCES, errno.EPERM)
UNWRITABLE = (*_FULL, *_DENIED, errno.EROFS)
_ALMOST_FULL = 1 << 20  # bytes; less free than this and SQLite cannot even start a write


# What was being done to a file when it failed, as callers name it; a language words it as the noun its
# "cannot ... {path}" sentences take (Japanese: 「{path} の読み込みができません」).
DOINGS = (
    QT_TRANSLATE_NOOP("StorageDoing", "read"),
    QT_TRANSLATE_NOOP("StorageDoing", "write"),
    QT_TRANSLATE_NOOP("StorageDoing", "list"),
    QT_TRANSLATE_NOOP("StorageDoing", "create"),
    QT_TRANSLATE_NOOP("StorageDoing", "remove"),
    QT_TRANSLATE_NOOP("StorageDoing", "open"),
    QT_TRANSLATE_NOOP("StorageDoing", "lock"),
    QT_TRANSLATE_NOOP("StorageDoing", "finish"),
    QT_TRANSLATE_NOOP("StorageDoing", "open the lock file"),
    QT_TRANSLATE_NOOP("StorageDoing", "move aside the damaged index"),
)


def storage_error(e: OSError, path: Path, doing: str) -> StorageError:
    """Turn an OSError into the one line the user reads: which file, what happened, what to do."""
    doing = translate("StorageDoing", doing)
    if e.errno in _FULL:
        return StorageError(
            translate(
                "Errors",
                "cannot {doing} {path}: the disk is full (or over quota); free some space and try again",
            ).format(doing=doing, path=path)
        )
    if e.errno == errno.EROFS:
        return StorageError(
            translate(
                "Errors",
                "cannot {doing} {path}: it is on a read-only file system; mount it read-write (or use "
                "another data directory) to change the library",
            ).format(doing=doing, path=path)
        )
    if e.errno in _DENIED:
        return StorageError(
            translate(
                "Errors",
                "cannot {doing} {path}: {value5}; check that the Insured Player data directory is writable "
                "by you",
            ).format(doing=doing, path=path, value5=e.strerror or "permission denied")
        )
    return StorageError(
        translate("Errors", "cannot {doing} {path}: {value5}").format(
            doing=doing, path=path, value5=e.strerror or e
        )
    )


def unwritable_reason(directory: Path) -> str | None:
    """Why nothing can be written in `directory`, in the user's words, or None when its file system
    would take writes (then a failure to write is something else, and reported as itself)."""
    try:
        fs = os.statvfs(directory)
    except OSError:
        return None
    if fs.f_flag & os.ST_RDONLY:
        said = translate(
            "Errors",
            "the library at {directory} is on a read-only file system, so it cannot be changed "
            "(tracks already in it still play); mount it read-write to buy, claim or sync",
        )
    elif fs.f_bavail * fs.f_frsize < _ALMOST_FULL:
        said = translate(
            "Errors",
            "the disk is full, so the library at {directory} cannot be changed "
            "(tracks already in it still play); free some space and try again",
        )
    elif not os.access(directory, os.W_OK | os.X_OK):
        said = translate(
            "Errors",
            "the library at {directory} cannot be written (tracks already in it still play); "
            "check that the Insured Player data directory is writable by you",
        )
    else:
        return None
    return said.format(directory=directory)


def fsync_dir(directory: Path) -> None:
    """Make a rename or unlink in `directory` durable. Some file systems refuse directory fsync (EINVAL):
    there nothing more can be done, so that is not an error."""
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    except OSError as e:
        if e.errno not in (errno.EINVAL, errno.ENOTSUP):
            raise
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Replace `path` with `data` (bytes, or chunks streamed without holding them all in memory).

    An exception raised by the chunk iterable itself (a failed check, a dropped download, even one that
    is an OSError like `requests.ConnectionError`) propagates unchanged after the temporary file is
    removed; only the file system's own OSErrors become `StorageError`.
    """
    path = Path(path)
    fd, tmp_name = _mkstemp(path)
    tmp = Path(tmp_name)
    chunks = (data,) if isinstance(data, bytes | bytearray | memoryview) else data
    try:
        f = os.fdopen(fd, "wb")
        try:
            for chunk in chunks:
                with _os_errors(path, "write"):
                    f.write(chunk)
            with _os_errors(path, "write"):
                f.flush()
                os.fsync(f.fileno())
        finally:
            with _os_errors(path, "write"):
                f.close()
        with _os_errors(path, "write"):
            tmp.replace(path)
            fsync_dir(path.parent)
    except BaseException:
        _discard(tmp)
        raise


@contextlib.contextmanager
def _os_errors(path: Path, doing: str) -> Iterator[None]:
    try:
        yield
    except OSError as e:
        raise storage_error(e, path, doing) from e


def _mkstemp(path: Path) -> tuple[int, str]:
    try:
        return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise storage_error(e, path, "write") from e


def _discard(tmp: Path) -> None:
    with contextlib.suppress(OSError):
        tmp.unlink()


def remove_durably(path: Path) -> bool:
    """Unlink `path` if it exists and fsync its directory; True when something was removed."""
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as e:
        raise storage_error(e, path, "remove") from e
    with contextlib.suppress(OSError):
        fsync_dir(path.parent)
    return True


# --- resumable downloads -----------------------------------------------------------------------------


class AppendFile:
    """An append-only handle on a partial download that knows how many bytes it holds.

    `magic`, when given, is what the file must start with: a chunk that would put anything else at the
    start is refused before it is written (the store uses this so plaintext audio never reaches the disk,
    only containers that start with the container magic).
    """

    def __init__(self, path: Path, f: BinaryIO, size: int, magic: bytes = b"") -> None:
        self.path = path
        self._f = f
        self._size = size
        self._magic = magic

    @property
    def size(self) -> int:
        """Bytes in the file so far: the offset to resume from (the `Range: bytes=<size>-` start)."""
        return self._size

    def write(self, chunk: bytes) -> None:
        if self._size < len(self._magic):
            overlap = bytes(chunk[: len(self._magic) - self._size])
            if overlap != self._magic[self._size : self._size + len(overlap)]:
                raise MalformedError(
                    translate("Errors", "refusing to write {name}: it does not start as it must").format(
                        name=self.path.name
                    )
                )
        try:
            self._f.write(chunk)
        except OSError as e:
            raise storage_error(e, self.path, "write") from e
        self._size += len(chunk)

    def close(self) -> None:
        """Flush and close; what was written stays for the next attempt to resume from."""
        try:
            self._f.close()
        except OSError as e:
            raise storage_error(e, self.path, "write") from e

    def __enter__(self) -> AppendFile:
        return self

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def open_partial(path: Path, *, magic: bytes = b"") -> tuple[AppendFile, int]:
    """Open (or create) a partial download for appending; returns the handle and the bytes already there.

    The handle holds an exclusive flock on the file until it is closed: two downloads of one track (the
    GUI's and the CLI's) must not interleave their appends, so the second gets a `StorageError`.
    """
    path = Path(path)
    try:
        f = path.open("ab")
    except OSError as e:
        raise storage_error(e, path, "open") from e
    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as e:
        f.close()
        if isinstance(e, BlockingIOError):
            raise StorageError(
                translate("Errors", "{name} is already being downloaded by another Insured Player").format(
                    name=path.name
                )
            ) from e
        raise storage_error(e, path, "lock") from e
    size = f.seek(0, os.SEEK_END)
    return AppendFile(path, f, size, magic), size


def finish_partial(partial: Path, final: Path) -> None:
    """fsync the completed partial and rename it to `final`, replacing any older file atomically."""
    try:
        fd = os.open(partial, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        Path(partial).replace(final)
        fsync_dir(Path(final).parent)
    except OSError as e:
        raise storage_error(e, Path(final), "finish") from e
