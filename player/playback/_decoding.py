"""`Decoding`: one track decoded to PCM by `QAudioDecoder` (FFmpeg, on its own threads), buffer by buffer.

Qt's FFmpeg decoder steps: it decodes the next buffer only once the last one was `read()` (seen in its
source, and here: 646 buffers for 60 s of FLAC, ~900 times faster than real time including our reads).
So whoever reads sets the pace, and the engine reads only while its feed holds less than its lookahead.

`QAudioDecoder` cannot seek. A seek decodes the track again from its start and drops what comes before
the target (`start_ms`); at that speed a seek four minutes into a FLAC costs a quarter of a second.

Stopping follows the teardown rule of docs/platform.md: `stop()` waits for FFmpeg's threads, one of which
may be inside our Python `readData` waiting for the GIL, so it is queued and waited for in the event
loop; a decoder that will not stop is kept forever rather than destroyed under a running thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QIODevice, QMetaObject, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QAudioBuffer, QAudioDecoder, QAudioFormat

from player.playback._loop import drain_queued, wait_until

__all__ = ["Decoding"]

_QUEUED = Qt.ConnectionType.QueuedConnection
_stuck: list[QAudioDecoder] = []  # decoders that would not stop: never destroyed while a worker may run


class Decoding(QObject):
    """Decodes one source from `start_ms` on; `take()` hands over one buffer at a time."""

    ready = Signal()
    """A buffer is waiting for `take()`."""
    finished = Signal()
    """The source is decoded to its end (or to where a damaged device stopped answering)."""
    failed = Signal(str)
    """The decoder's own words for why the source does not decode."""

    def __init__(
        self,
        source: QIODevice | QUrl,
        fmt: QAudioFormat | None = None,
        start_ms: int = 0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._decoder = QAudioDecoder()
        if fmt is not None:
            self._decoder.setAudioFormat(fmt)  # the next track of a gapless run: the sink's own format
        self._start_us = max(0, start_ms) * 1000
        self.format: QAudioFormat | None = None  # known with the first buffer
        self.frames = 0  # frames handed over
        self.done = False
        self.error: str | None = None
        self.error_kind = QAudioDecoder.Error.NoError
        self._stopped = False
        self._decoder.bufferReady.connect(self.ready)
        self._decoder.finished.connect(self._on_finished)
        self._decoder.error.connect(self._on_error)
        # Set directly: nothing decodes before `start`, so no FFmpeg thread can be inside readData.
        if isinstance(source, QUrl):
            self._decoder.setSource(source)
        else:
            self._decoder.setSourceDevice(source)
        QMetaObject.invokeMethod(self._decoder, "start", _QUEUED)

    @property
    def available(self) -> bool:
        """A buffer waits (also after `finished`: the last one may not have been taken yet)."""
        return not self._stopped and self._decoder.bufferAvailable()

    @property
    def exhausted(self) -> bool:
        """Decoded to the end (or failed) and every buffer taken."""
        return self.done and not self.available

    @property
    def duration_ms(self) -> int:
        """What FFmpeg says of the source's length; 0 while unknown (always, for in-memory sources)."""
        return max(0, self._decoder.duration())

    def take(self) -> bytes:
        """The waiting buffer's PCM (b"" when none, or when it lies wholly before `start_ms`); reading it
        lets the decoder go on to the next one."""
        buffer = self._decoder.read()
        if not buffer.isValid():
            return b""
        if self.format is None:
            self.format = buffer.format()
        return self._trim(buffer)

    def _trim(self, buffer: QAudioBuffer) -> bytes:
        data = bytes(buffer.constData())
        if self._start_us <= 0:
            self.frames += buffer.frameCount()
            return data
        fmt = buffer.format()
        rate, frame = fmt.sampleRate(), fmt.bytesPerFrame()
        skip = (self._start_us - buffer.startTime()) * rate // 1_000_000
        if skip <= 0:
            self._start_us = 0
        elif skip >= buffer.frameCount():
            return b""
        else:
            self._start_us = 0
            data = data[skip * frame :]
        self.frames += len(data) // max(1, frame)
        return data

    def stop(self, timeout_s: float = 10.0) -> bool:
        """Stop decoding and wait (in the event loop) until FFmpeg's threads have let go of the source.
        False when they did not in time: the decoder is then kept forever, and so must the source be."""
        self._post_stop()
        drain_queued()  # the queued stop has run (FFmpeg's threads joined) once this returns
        return self._stopped_in(timeout_s)

    def stop_later(self, then: Callable[[bool], None]) -> None:
        """Stop without waiting here: `then(released)` runs from the event loop once the queued stop has
        (the source may be closed then if `released`)."""
        self._post_stop()
        QTimer.singleShot(0, self, lambda: then(self._stopped_in(0.0)))  # posted after the stop: FIFO

    def _post_stop(self) -> None:
        if self._stopped:
            return
        self.done = self._stopped = True
        for signal, slot in (
            (self._decoder.bufferReady, self.ready),
            (self._decoder.finished, self._on_finished),
            (self._decoder.error, self._on_error),
        ):
            signal.disconnect(slot)
        QMetaObject.invokeMethod(self._decoder, "stop", _QUEUED)

    def _stopped_in(self, timeout_s: float) -> bool:
        decoder = self._decoder
        if wait_until(lambda: not decoder.isDecoding(), timeout_s, decoder.isDecodingChanged):
            return True
        _stuck.append(decoder)
        return False

    def _on_finished(self) -> None:
        if not self.done:
            self.done = True
            self.finished.emit()

    def _on_error(self, error: QAudioDecoder.Error) -> None:
        if self.done:
            return
        self.error = self._decoder.errorString() or error.name
        self.error_kind = error
        self.done = True
        self.failed.emit(self.error)
