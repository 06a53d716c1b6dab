"""The sound card's side of the gapless engine: a `QAudioSink` pulling a `Feed` on its own thread.

Why a thread of its own: in pull mode the sink reads its device from a timer on the thread it lives
on (measured with Qt 6.11 and PulseAudio: a 16 KiB read about every 90 ms, the first one 44,100 bytes).
On the GUI thread any stall longer than the sink's buffer (250 ms) would be heard as a drop-out; on its
own thread the reads need only the GIL, which Python hands over every few milliseconds even while the
GUI thread is busy in Python (a 600 ms busy loop on the GUI thread played through without a gap).

The teardown rule of docs/platform.md holds here too: nothing on the GUI thread ever calls into the sink
and waits. Every control is posted to the audio thread (`QTimer.singleShot` with the sink as context)
and runs there, where the sink's own reads run, so a control and a read never meet; the GUI thread
waits only in an event loop (which releases the GIL). Each (sink, feed) pair is an `OutputSession`: a
seek or a new track makes a new one and retires the old, so an old sink can never read the new audio.

What the sink tells us: `processedUSecs()` counts the audio the sound server has taken from it (not what
we handed over, which runs 250 ms ahead), so it is the engine's clock for positions and boundaries.
`setVolume` applies to audio already handed over as well (a change is heard at once, measured), which
suits the user's volume; gain that must start exactly at a track's first sample is the feed's job.
"""

from __future__ import annotations

import atexit
import time

from PySide6.QtCore import QElapsedTimer, QObject, QThread, QTimer
from PySide6.QtMultimedia import QAudioFormat, QAudioSink, QMediaDevices, QtAudio

from player.playback._feed import Feed

__all__ = ["BUFFER_MS", "OutputSession", "Session", "SilentSession", "audio_thread", "open_session"]

BUFFER_MS = 1000  # the sink's own buffer: how long the audio thread may wait for the GIL without a drop-out


_thread: list[QThread] = []


def audio_thread() -> QThread:
    """The one thread every sink of the process lives and reads on, started on first use and ended at
    exit (waiting with `time.sleep`, which releases the GIL, never in `QThread.wait`, which holds it
    while a read on that thread may wait for it)."""
    if not _thread:
        thread = QThread()
        thread.setObjectName("insured-player-audio")
        thread.start()
        _thread.append(thread)
        atexit.register(_end_thread)
    return _thread[0]


def _end_thread(timeout_s: float = 2.0) -> None:
    thread = _thread[0]
    thread.quit()
    deadline = time.monotonic() + timeout_s
    while not thread.isFinished() and time.monotonic() < deadline:
        time.sleep(0.01)


class OutputSession(QObject):
    """One sink pulling one feed, in one format, on the audio thread. Made stopped; `start` plays."""

    def __init__(self, fmt: QAudioFormat, volume: float) -> None:
        super().__init__()
        self.format = fmt
        self.feed = Feed(fmt)
        self._sink = QAudioSink(fmt)
        self._sink.setBufferSize(fmt.bytesForDuration(BUFFER_MS * 1000))
        self._sink.setVolume(volume)
        self._bytes_per_us = fmt.bytesPerFrame() * fmt.sampleRate() / 1_000_000
        self._started = False
        self._finished = False
        self.feed.moveToThread(audio_thread())
        self._sink.moveToThread(audio_thread())

    def _post(self, call: object) -> None:
        QTimer.singleShot(0, self._sink, call)  # type: ignore[call-overload]

    def start(self, suspended: bool = False) -> None:
        if self._started or self._finished:
            return
        self._started = True
        sink, feed = self._sink, self.feed

        def run() -> None:
            sink.start(feed)
            if suspended:
                sink.suspend()

        self._post(run)

    @property
    def started(self) -> bool:
        return self._started

    def bytes_for(self, ms: int) -> int:
        """The feed's length of `ms` milliseconds of audio, in whole frames."""
        frame = self.format.bytesPerFrame()
        return int(ms * self._bytes_per_us * 1000) // frame * frame

    def ms_for(self, nbytes: int) -> int:
        return int(nbytes / (self._bytes_per_us * 1000))

    def suspend(self) -> None:
        if self._started and not self._finished:
            self._post(self._sink.suspend)

    def resume(self) -> None:
        if self._started and not self._finished:
            self._post(self._sink.resume)

    def set_volume(self, volume: float) -> None:
        if not self._finished:
            sink = self._sink
            self._post(lambda: sink.setVolume(volume))

    def played_bytes(self) -> int:
        """How much of the feed the sound server has taken (the audible point, give or take a period)."""
        if not self._started or self._finished:
            return 0
        return int(self._sink.processedUSecs() * self._bytes_per_us)

    def idle(self) -> bool:
        """The sink ran out of audio (or never started)."""
        if self._finished:
            return True
        return self._sink.state() in (QtAudio.State.IdleState, QtAudio.State.StoppedState)

    def finish(self) -> None:
        """Stop and delete the sink (and the feed) on the audio thread; the session is spent."""
        if self._finished:
            return
        self._finished = True
        sink, feed = self._sink, self.feed

        def run() -> None:
            sink.stop()
            feed.close()
            sink.deleteLater()
            feed.deleteLater()

        self._post(run)


class SilentSession(QObject):
    """No audio output at all (a machine without a sound card or sound server): the same clock, kept by a
    timer, the audio read at real speed and dropped, as QMediaPlayer plays on without a device (docs/
    platform.md). Lives on the GUI thread."""

    def __init__(self, fmt: QAudioFormat, volume: float) -> None:
        super().__init__()
        self.format = fmt
        self.feed = Feed(fmt)
        self._bytes_per_us = fmt.bytesPerFrame() * fmt.sampleRate() / 1_000_000
        self._played = 0
        self._started = self._finished = self._suspended = False
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._advance)

    @property
    def started(self) -> bool:
        return self._started

    def bytes_for(self, ms: int) -> int:
        frame = self.format.bytesPerFrame()
        return int(ms * self._bytes_per_us * 1000) // frame * frame

    def ms_for(self, nbytes: int) -> int:
        return int(nbytes / (self._bytes_per_us * 1000))

    def start(self, suspended: bool = False) -> None:
        if not self._started and not self._finished:
            self._started, self._suspended = True, suspended
            self._clock.start()
            self._timer.start()

    def suspend(self) -> None:
        self._advance()
        self._suspended = True

    def resume(self) -> None:
        self._advance()
        self._suspended = False

    def set_volume(self, volume: float) -> None:
        """Nothing is heard: nothing to do."""

    def played_bytes(self) -> int:
        self._advance()
        return self._played

    def idle(self) -> bool:
        return self._finished or (self.feed.queued == 0 and self._played >= self.feed.appended)

    def finish(self) -> None:
        self._finished = True
        self._timer.stop()
        self.feed.close()

    def _advance(self) -> None:
        if not self._started or self._finished:
            return
        elapsed_us = self._clock.nsecsElapsed() // 1000
        self._clock.restart()
        if not self._suspended:
            self._played = min(self._played + int(elapsed_us * self._bytes_per_us), self.feed.appended)
            behind = self._played - self.feed.pulled
            if behind > 0:
                self.feed.read(behind - behind % self.format.bytesPerFrame())


Session = OutputSession | SilentSession


def open_session(fmt: QAudioFormat, volume: float) -> Session:
    """A sink on the default audio output, or the silent clock when there is none."""
    if QMediaDevices.defaultAudioOutput().isNull():
        return SilentSession(fmt, volume)
    return OutputSession(fmt, volume)
