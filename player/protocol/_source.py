"""Positional reads over either an in-memory container or a seekable file.

The container reader only ever asks "give me bytes [offset, offset+n)": in-memory data is served as
zero-copy views, files by seek + read. A short read means the file
ended (or shrank under us), which the caller reports as truncation.
"""

from __future__ import annotations

import io
from typing import BinaryIO, Protocol

from player.errors import TruncatedError
from player.language import translate


class Source(Protocol):
    size: int

    def read(self, offset: int, n: int) -> bytes | memoryview:
        """Up to `n` bytes at `offset`; fewer only at the end of the data."""
        ...

    def read_exact(self, offset: int, n: int) -> bytes | memoryview:
        """Exactly `n` bytes at `offset`; `TruncatedError` if they are not there."""
        ...


class BytesSource:
    """Views into the caller's buffer: no copies, which is what makes `decrypt_all` fast."""

    def __init__(self, data: bytes | bytearray | memoryview) -> None:
        self._view = memoryview(data).cast("B")
        self.size = len(self._view)

    def read(self, offset: int, n: int) -> memoryview:
        return self._view[offset : offset + n]

    def read_exact(self, offset: int, n: int) -> memoryview:
        view = self._view[offset : offset + n]
        if len(view) != n:
            raise TruncatedError(translate("Errors", "the container ends inside a segment"))
        return view


class FileSource:
    """Seek-and-read; loops over short reads because raw (unbuffered) files may return less than asked."""

    def __init__(self, f: BinaryIO) -> None:
        self._f = f
        self.size = f.seek(0, io.SEEK_END)

    def read(self, offset: int, n: int) -> bytes:
        self._f.seek(offset)
        chunks: list[bytes] = []
        remaining = n
        while remaining > 0:
            chunk = self._f.read(remaining)
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)

    def read_exact(self, offset: int, n: int) -> bytes:
        data = self.read(offset, n)
        if len(data) != n:
            raise TruncatedError(translate("Errors", "the container file ends inside a segment"))
        return data


def open_source(source: BinaryIO | bytes | bytearray | memoryview) -> Source:
    if isinstance(source, bytes | bytearray | memoryview):
        return BytesSource(source)
    return FileSource(source)
