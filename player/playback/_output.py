"""The sound card's side of the gapless engine: a `QAudioSink` fed from a `Feed` on its own thread.

Push, not pull. Qt 6.11's PulseAudio sink keeps a ring buffer (`setBufferSize`, here one second) that the
sound server's callbacks drain in 1 KiB (256-frame) pieces, about 170 times a second. In pull mode the
sink refills that ring buffer from its source device after every piece: with a Python `QIODevice` that
was a Python `readData` (and a GIL hand-over to the audio thread) every 5.8 ms, ~6 ms of CPU a second,
the whole difference between this engine and `QMediaPlayer` on a plain file (measured with
`bench/play_cost.py`). In push mode (`start()` hands back the ring buffer's writer) the sound server's
callbacks read the ring buffer in C++ only, and Python writes into it in large pieces: every `PUSH_MS`
whatever is free (a fifth of a second of audio, one `Feed.take` and one `write`), and every `SOON_MS`
while it is less than half full and audio is coming (the start, after a seek), so the first buffer
plays at once and the ring buffer is full within a few milliseconds. Paused, nothing is written and the
timer stops.

Why a thread of its own: on the GUI thread a stall longer than the ring buffer would be heard as a
drop-out; on its own thread a top-up needs only the GIL, which Python hands over every few milliseconds
even while the GUI thread is busy in Python (a 600 ms busy loop on the GUI thread played through without a
gap). The ring buffer is one second so that a GIL holder of most of a second is not heard either.

The teardown rule of docs/platform.md holds here too: nothing on the GUI thread ever calls into the sink
and waits. Every control is posted to the audio thread (`QTimer.singleShot` with the pusher as context)
and runs there, where the top-ups run, so a control and a top-up never meet; the GUI thread waits only
in an event loop (which releases the GIL). Each (sink, feed) pair is an `OutputSession`: a seek or a new
track makes a new one and retires the old, so an old sink can never play the new audio.

What the sink tells us: `processedUSecs()` counts the audio the sound server has taken from it (not what
we handed over, which runs up to a second ahead), so it is the engine's clock for positions and
boundaries. `setVolume` applies to audio already handed over as well (a change is heard at once,
measured), which suits the user's volume; gain that must start exactly at a track's first sample is the
feed's job.
"""

from __future__ import annotations

import atexit
import time

from PySide6.QtCore import QElapsedTimer, QIODevice, QObject, QThread, QTimer
from PySide6.QtMultimedia import QAudioFormat, QAudioSink, QMediaDevices, QtAudio

from player.playback._feed import Feed
from player.playback._lifetimes import keep_until_deleted

__all__ = ["BUFFER_MS", "OutputSession", "Session", "SilentSession", "audio_thread", "open_session"]

BUFFER_MS = 1000  # the sink's ring buffer: how long the audio thread may wait for the GIL without a drop-out
PUSH_MS = 200  # how often the ring buffer is topped up while it plays
SOON_MS = 5  # how soon again while it is less than half full (the start, after a seek)


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


class _Pusher(QObject):
    """Writes the feed into the sink's ring buffer on the audio thread: every `PUSH_MS`, and sooner
    while the ring buffer is less than half full and the feed has audio (the start, after a seek)."""

    def __init__(self, sink: QAudioSink, feed: Feed, fmt: QAudioFormat) -> None:
        super().__init__()
        self._sink = sink
        self._feed = feed
        self._io: QIODevice | None = None
        self._held = b""  # taken from the feed, not yet accepted by the ring buffer
        self._low = fmt.bytesForDuration(BUFFER_MS * 1000) // 2
        self._tick = QTimer(self)
        self._tick.setInterval(PUSH_MS)
        self._tick.timeout.connect(self.fill)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(SOON_MS)
        self._soon.timeout.connect(self.fill)

    def start(self, suspended: bool) -> None:
        self._io = self._sink.start()
        self.fill()
        if suspended:
            self.suspend()
        else:
            self._tick.start()

    def fill(self) -> None:
        io = self._io
        if io is None:
            return
        free = self._sink.bytesFree()
        data = self._held or self._feed.take(free)
        if data:
            written = max(0, io.write(data[:free]))
            self._held = data[written:]  # the ring buffer took less than it had room for: keep the rest
            if free - written > self._low:
                self._soon.start()  # hurry while the buffer fills up; then the tick keeps it full

    def suspend(self) -> None:
        self._sink.suspend()
        self._tick.stop()
        self._soon.stop()

    def resume(self) -> None:
        self._sink.resume()
        self.fill()
        self._tick.start()

    def stop(self) -> None:
        self._tick.stop()
        self._soon.stop()
        self._io = None
        self._sink.stop()
        self._sink.deleteLater()
        self.deleteLater()


class OutputSession(QObject):
    """One sink fed from one feed, in one format, on the audio thread. Made stopped; `start` plays."""

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
        self._pusher = _Pusher(self._sink, self.feed, fmt)
        self._sink.moveToThread(audio_thread())
        self._pusher.moveToThread(audio_thread())

    def _post(self, call: object) -> None:
        QTimer.singleShot(0, self._pusher, call)  # type: ignore[call-overload]

    def start(self, suspended: bool = False) -> None:
        if self._started or self._finished:
            return
        self._started = True
        pusher = self._pusher
        self._post(lambda: pusher.start(suspended))

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
            self._post(self._pusher.suspend)

    def resume(self) -> None:
        if self._started and not self._finished:
            self._post(self._pusher.resume)

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
        """Stop and delete the sink on the audio thread; the session is spent."""
        if self._finished:
            return
        self._finished = True
        # Deleted on the audio thread by the pusher's stop; until then no collector may free them here.
        keep_until_deleted(self._pusher, self._sink)
        self._post(self._pusher.stop)


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

    def _advance(self) -> None:
        if not self._started or self._finished:
            return
        elapsed_us = self._clock.nsecsElapsed() // 1000
        self._clock.restart()
        if not self._suspended:
            self._played = min(self._played + int(elapsed_us * self._bytes_per_us), self.feed.appended)
            behind = self._played - self.feed.pulled
            if behind > 0:
                self.feed.take(behind)


Session = OutputSession | SilentSession


def open_session(fmt: QAudioFormat, volume: float) -> Session:
    """A sink on the default audio output, or the silent clock when there is none."""
    if QMediaDevices.defaultAudioOutput().isNull():
        return SilentSession(fmt, volume)
    return OutputSession(fmt, volume)
