"""`Feed`: the decoded audio waiting for the sound card, one continuous stream across track boundaries.

The gapless engine appends each track's PCM here on the GUI thread, right behind the track before it;
the output (`_output.py`) takes it on the audio thread and writes it into the sink, so the sound card
sees one stream and a track boundary is just the next byte. Every chunk carries the token of the track
it belongs to, so the engine can tell, from how far the sink has got, which track is playing, and so a
ReplayGain factor applies from exactly the track's first sample to its last.

It is a plain Python object, not a `QIODevice`: the sink is fed in push mode (`_output.py` says why), so
nothing in Qt calls into it, and a `take` is one lock, a few list operations and at most one join per
push (a fifth of a second of audio), instead of a virtual call through Qt per kilobyte.

Thread safety: one lock guards the chunks and the counters; `take` on the audio thread and `append` on
the GUI thread both hold it for a few list operations only. Gain is applied (with numpy, a fifth of a
second at a time) only to chunks whose factor is not 1, so with ReplayGain off the audio thread moves
bytes and does nothing else. numpy is imported by the first chunk that needs it, not at start-up (it is a
tenth of a second of the window's).
"""

from __future__ import annotations

import threading
from collections import deque

from PySide6.QtMultimedia import QAudioFormat

__all__ = ["Feed", "sample_dtype"]

_DTYPES: dict[QAudioFormat.SampleFormat, str] = {
    QAudioFormat.SampleFormat.UInt8: "u1",
    QAudioFormat.SampleFormat.Int16: "<i2",
    QAudioFormat.SampleFormat.Int32: "<i4",
    QAudioFormat.SampleFormat.Float: "<f4",
}


def sample_dtype(fmt: QAudioFormat) -> str | None:
    """The numpy type of one sample (its name), or None for a format the feed cannot scale."""
    return _DTYPES.get(fmt.sampleFormat())


def _scaled(data: bytes, factor: float, name: str) -> bytes:
    """The samples times `factor`; integer samples are clipped rather than wrapped."""
    import numpy as np

    dtype = np.dtype(name)
    samples = np.frombuffer(data, dtype=dtype).astype(np.float32) * np.float32(factor)
    if dtype.kind == "f":
        return bytes(samples.astype(dtype).tobytes())
    if dtype.kind == "u":  # unsigned 8-bit: centred on 128
        samples = (np.frombuffer(data, dtype=dtype).astype(np.float32) - 128.0) * np.float32(factor) + 128.0
    info = np.iinfo(dtype)
    return bytes(np.clip(np.rint(samples), info.min, info.max).astype(dtype).tobytes())


class Feed:
    """The queued PCM: `append` on one thread, `take` on another."""

    def __init__(self, fmt: QAudioFormat) -> None:
        self._lock = threading.Lock()
        self._chunks: deque[tuple[int, bytes]] = deque()
        self._offset = 0  # bytes of the first chunk already taken
        self._queued = 0  # bytes appended and not yet taken
        self._appended = 0  # bytes appended since the feed was made
        self._pulled = 0  # bytes taken by the sink since the feed was made
        self._factors: dict[int, float] = {}  # track token -> gain factor (absent: 1.0)
        self._frame = max(1, fmt.bytesPerFrame())
        self._dtype = sample_dtype(fmt)

    # --- the engine's side (GUI thread) -----------------------------------------------------------

    def append(self, token: int, data: bytes) -> int:
        """Queue `data` (whole frames) of track `token`; returns the stream offset where it starts."""
        with self._lock:
            start = self._appended
            if data:
                self._chunks.append((token, data))
                self._queued += len(data)
                self._appended += len(data)
        return start

    def drop(self, token: int) -> int:
        """Remove the not-yet-taken chunks of `token` queued at the end; returns the bytes removed.
        Chunks the sink already started taking stay (they are as good as played)."""
        removed = 0
        with self._lock:
            while len(self._chunks) > (1 if self._offset else 0) and self._chunks[-1][0] == token:
                removed += len(self._chunks.pop()[1])
            self._queued -= removed
            self._appended -= removed
        return removed

    def set_factor(self, token: int, factor: float) -> None:
        with self._lock:
            if abs(factor - 1.0) < 1e-6 or self._dtype is None:
                self._factors.pop(token, None)
            else:
                self._factors[token] = factor

    @property
    def queued(self) -> int:
        return self._queued

    @property
    def appended(self) -> int:
        return self._appended

    @property
    def pulled(self) -> int:
        return self._pulled

    # --- the sink's side (audio thread) ------------------------------------------------------------

    def take(self, maxlen: int) -> bytes:
        """Up to `maxlen` bytes (whole frames) from the front, gain applied; b"" when none is queued."""
        want = maxlen - maxlen % self._frame
        if want <= 0:
            return b""
        pieces: list[bytes] = []
        with self._lock:
            got = 0
            while self._chunks and got < want:
                token, data = self._chunks[0]
                take = min(len(data) - self._offset, want - got)
                piece = data[self._offset : self._offset + take] if take < len(data) or self._offset else data
                factor = self._factors.get(token)
                if factor is not None and self._dtype is not None:
                    piece = _scaled(piece, factor, self._dtype)
                pieces.append(piece)
                got += take
                self._offset += take
                if self._offset >= len(data):
                    self._chunks.popleft()
                    self._offset = 0
            self._queued -= got
            self._pulled += got
        if not pieces:
            return b""
        return pieces[0] if len(pieces) == 1 else b"".join(pieces)
