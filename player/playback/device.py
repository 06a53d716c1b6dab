"""Plaintext views of an encrypted track that QtMultimedia can read, without the plaintext touching disk.

Two ways to hand a `ContainerReader` to `QMediaPlayer` / `QAudioDecoder`:

- `ContainerDevice` decrypts on demand: each read decrypts only the 64 KiB segments it touches (the
  reader keeps the last one), so memory stays at one segment and a seek costs one segment.
- `memory_buffer` decrypts the whole track up front into a `QBuffer`.

`open_device` picks the default, the on-demand device. Measured with `bench/ttfa.py` (2-core VM, no
sound card, one `Player`, medians of interleaved runs, "play" to PlayingState including opening the
container file): for a 60 s FLAC, device 1.8 ms, buffer 5.2 ms, the plain file 1.3 ms; for a 10 s FLAC
device ~1.6-1.9 ms, buffer ~1.7-2.1 ms. With the container opened ahead and its first two segments
decrypted (`ContainerReader.warm`, as the desktop player does for the selected row), the device is
at parity with the plain file (ratio 0.96-1.03). The buffer's own load is as quick as a file's, but it first
decrypts and copies the whole track into fresh memory, which grows with the track. While playing, both
cost the same CPU (~15 ms/s, FFmpeg's decoding dominates); a full decode-only pass costs ~10% more CPU
through the device (a Python call per 32 KiB read). The device holds one segment, not the whole track.

FFmpeg reads the device from its own threads (docs/platform.md), so the reader (which seeks a shared file
and caches a segment) is guarded by a lock. A read that fails authentication must never raise into
FFmpeg: an exception there (or a bare short read) makes its demuxer retry forever at full CPU
(measured). Instead the device records the failure, reports end-of-data from then on, which FFmpeg takes
as EOF and stops, and emits `read_failed`; whoever drives the decoder then reports `failure`.
"""

from __future__ import annotations

import enum
import threading
from typing import BinaryIO

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Signal

from player.errors import IntegrityError, TruncatedError
from player.language import translate
from player.protocol.container import ContainerReader

__all__ = ["ContainerDevice", "SourceKind", "memory_buffer", "open_device"]

_READ_ONLY = QIODevice.OpenModeFlag.ReadOnly


class ContainerDevice(QIODevice):
    """A read-only, random-access `QIODevice` over a container's plaintext.

    Opened unbuffered (as `QBuffer` does), so `pos()` inside `readData` is the real read position and
    Qt keeps no second copy of the plaintext in its own read buffer.
    """

    read_failed = Signal(str)
    """Emitted once, from whichever thread was reading, when the container fails a check mid-read."""

    def __init__(
        self, reader: ContainerReader, parent: QObject | None = None, *, source_file: BinaryIO | None = None
    ) -> None:
        """`source_file`, when given, is the file the reader reads; the device closes it on `close()`."""
        super().__init__()
        if parent is not None:
            self.setParent(parent)
        self._reader: ContainerReader | None = reader
        self._source_file = source_file
        self._size = reader.size
        self._lock = threading.Lock()
        self._failure: IntegrityError | OSError | None = None
        self.open(_READ_ONLY | QIODevice.OpenModeFlag.Unbuffered)

    @property
    def mime(self) -> str:
        """The MIME type the (authenticated) container header declares."""
        return self._reader.header.mime if self._reader is not None else ""

    @property
    def failure(self) -> IntegrityError | OSError | None:
        """The first error a read met (tampered segment, vanished file), or None."""
        return self._failure

    # --- QIODevice ------------------------------------------------------------------------------

    def close(self) -> None:
        """Close and drop the reader, and with it the cached plaintext segment (and the file, if ours)."""
        with self._lock:
            self._reader = None
            if self._source_file is not None:
                self._source_file.close()
                self._source_file = None
        super().close()

    def size(self) -> int:
        return self._size

    def seek(self, pos: int) -> bool:
        if pos < 0 or pos > self._size:
            return False
        return super().seek(pos)

    def atEnd(self) -> bool:
        # After a failed read we claim the end: FFmpeg then stops instead of retrying forever.
        return self._failure is not None or self.pos() >= self._size

    def bytesAvailable(self) -> int:
        if self._failure is not None:
            return 0
        return max(0, self._size - self.pos())

    def readData(self, maxlen: int) -> bytes:
        if self._failure is not None or maxlen <= 0:
            return b""
        with self._lock:
            if self._reader is None:
                return b""
            try:
                return self._reader.read(self.pos(), maxlen)
            except (IntegrityError, OSError) as e:
                self._fail(e)
            except Exception as e:  # anything else escaping into FFmpeg's thread would spin it too
                self._fail(TruncatedError(translate("Errors", "reading the track failed: {e}").format(e=e)))
        return b""

    def writeData(self, data: bytes | bytearray | memoryview, length: int, /) -> int:
        return -1

    def _fail(self, error: IntegrityError | OSError) -> None:
        if self._failure is None:
            self._failure = error
            self.read_failed.emit(str(error))


def memory_buffer(reader: ContainerReader, parent: QObject | None = None) -> QBuffer:
    """The whole plaintext decrypted into an open, read-only `QBuffer` (memory only, never disk).

    Raises `TamperedError` here, before playback starts, when any segment fails authentication.
    """
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(reader.decrypt_all()))
    buffer.open(_READ_ONLY)
    return buffer


class SourceKind(enum.Enum):
    """How `open_device` exposes the plaintext: decrypted all at once, or segment by segment."""

    BUFFER = "buffer"
    DEVICE = "device"


DEFAULT_SOURCE_KIND = SourceKind.DEVICE


def open_device(
    reader: ContainerReader,
    kind: SourceKind = DEFAULT_SOURCE_KIND,
    parent: QObject | None = None,
    *,
    source_file: BinaryIO | None = None,
) -> QIODevice:
    """An open, read-only `QIODevice` over the reader's plaintext, in the measured-faster form by default.

    `source_file` (the file the reader reads) is closed once it is no longer needed: by the device's
    `close()`, or right after decrypting for a buffer.
    """
    if kind is SourceKind.DEVICE:
        return ContainerDevice(reader, parent, source_file=source_file)
    try:
        return memory_buffer(reader, parent)
    finally:
        if source_file is not None:
            source_file.close()
