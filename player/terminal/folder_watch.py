"""Noticing changes in the user's music folders, with Linux inotify: one watch per folder, no polling.

Qt's `QFileSystemWatcher` watches a folder only for entries coming and going: a file rewritten in place
(a tag editor saving, a download finishing) goes unseen there (measured: a write into a watched folder
gave no `directoryChanged`, a `touch` did). inotify's `IN_CLOSE_WRITE` on the folder sees it, so this
watches folders with inotify directly, through libc. No Qt here: the face turns `fileno()` into a
socket notifier and calls `changes()` when it is readable, so the core stays free of widgets and event
loops, and the CLI never pays for it.

Events are folded into the set of folders whose contents changed (a file in them written, added,
removed or renamed; the folder itself removed, moved or unmounted). Hidden names (a tag editor's
temporary file) and files that are not audio (a cover being saved) change nothing; a queue overflow
means "look at everything".
"""

from __future__ import annotations

import ctypes
import errno
import os
import struct
from collections.abc import Iterable
from pathlib import Path

from player.errors import OwnMusicError
from player.language import translate
from player.terminal.own_tags import AUDIO_SUFFIXES

__all__ = ["FolderWatch"]

IN_ATTRIB = 0x0004
IN_CLOSE_WRITE = 0x0008
IN_MOVED_FROM = 0x0040
IN_MOVED_TO = 0x0080
IN_CREATE = 0x0100
IN_DELETE = 0x0200
IN_DELETE_SELF = 0x0400
IN_MOVE_SELF = 0x0800
IN_UNMOUNT = 0x2000
IN_Q_OVERFLOW = 0x4000
IN_IGNORED = 0x8000
IN_ONLYDIR = 0x01000000
IN_ISDIR = 0x40000000
IN_NONBLOCK = os.O_NONBLOCK
IN_CLOEXEC = os.O_CLOEXEC

_CONTENTS = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
_SELF = IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT
MASK = _CONTENTS | _SELF | IN_ONLYDIR
_EVENT = struct.Struct("iIII")  # wd, mask, cookie, len; then len bytes of name, NUL-padded
_READ_SIZE = 64 * 1024


def _libc() -> ctypes.CDLL:
    libc = ctypes.CDLL(None, use_errno=True)
    for name in ("inotify_init1", "inotify_add_watch", "inotify_rm_watch"):
        if not hasattr(libc, name):
            raise OwnMusicError(
                translate("Errors", "this system cannot watch folders for changes (no inotify)")
            )
    libc.inotify_add_watch.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32)
    libc.inotify_rm_watch.argtypes = (ctypes.c_int, ctypes.c_int)
    return libc


class FolderWatch:
    """Watches a set of folders (not what is below them: each folder is given). Not thread-safe: one
    thread (the GUI's) calls it."""

    def __init__(self) -> None:
        self._c = _libc()
        fd: int = self._c.inotify_init1(IN_NONBLOCK | IN_CLOEXEC)
        if fd < 0:
            raise OwnMusicError(
                translate("Errors", "folders cannot be watched for changes: {reason}").format(
                    reason=os.strerror(ctypes.get_errno())
                )
            )
        self._fd = fd
        self._by_wd: dict[int, Path] = {}
        self._by_path: dict[Path, int] = {}
        self.refused: list[Path] = []  # folders the system would not watch (its limit reached, no access)

    def fileno(self) -> int:
        return self._fd

    @property
    def folders(self) -> set[Path]:
        return set(self._by_path)

    def watch(self, folders: Iterable[Path]) -> None:
        """Watch exactly these folders from now on (watches are added and dropped as needed)."""
        wanted = set(folders)
        for path in set(self._by_path) - wanted:
            wd = self._by_path.pop(path)
            self._by_wd.pop(wd, None)
            self._c.inotify_rm_watch(self._fd, wd)
        self.refused = []
        for path in sorted(wanted - set(self._by_path)):
            wd = self._c.inotify_add_watch(self._fd, os.fsencode(path), MASK)
            if wd < 0:
                if ctypes.get_errno() != errno.ENOENT:  # gone meanwhile: the next scan says so
                    self.refused.append(path)
                continue
            self._by_wd[wd] = path
            self._by_path[path] = wd

    def changes(self) -> set[Path] | None:
        """The folders whose contents changed since the last call (empty when nothing did); None when
        events were lost (the kernel's queue overflowed): look at everything."""
        changed: set[Path] = set()
        overflow = False
        while True:
            try:
                data = os.read(self._fd, _READ_SIZE)
            except BlockingIOError:
                break
            except InterruptedError:
                continue
            overflow |= self._fold(data, changed)
        return None if overflow else changed

    def _fold(self, data: bytes, changed: set[Path]) -> bool:
        overflow = False
        pos = 0
        while pos + _EVENT.size <= len(data):
            wd, mask, _cookie, length = _EVENT.unpack_from(data, pos)
            name = data[pos + _EVENT.size : pos + _EVENT.size + length].split(b"\0", 1)[0]
            pos += _EVENT.size + length
            if mask & IN_Q_OVERFLOW:
                overflow = True
                continue
            folder = self._by_wd.get(wd)
            if folder is None:
                continue
            if mask & IN_IGNORED:  # the watch is gone with its folder: watched again if it comes back
                self._by_wd.pop(wd, None)
                self._by_path.pop(folder, None)
                changed.add(folder)
            elif mask & _SELF or (mask & _CONTENTS and _matters(os.fsdecode(name), mask)):
                changed.add(folder)
        return overflow

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
            self._by_wd.clear()
            self._by_path.clear()


def _matters(name: str, mask: int) -> bool:
    """A change to this entry can change the library: a folder, or an audio file, not hidden."""
    if name.startswith("."):
        return False
    return bool(mask & IN_ISDIR) or Path(name).suffix.lower() in AUDIO_SUFFIXES or name.endswith(".json")
