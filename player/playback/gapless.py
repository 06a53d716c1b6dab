"""`GaplessPlayer`: tracks decoded by FFmpeg into one continuous stream for one audio sink, so an album
that runs on plays on, with no silence between its tracks.

Why not `QMediaPlayer`: every track is a new source there, and a new source is a new decoder and a new
audio stream; between two tracks the sound server hears nothing for ~60 ms (measured through the null
sink, `bench/gap.py`). Qt offers no way to queue the next source. So this engine does what GStreamer's
playbin does with `about-to-finish` (Strawberry's gapless path): it decodes each track with
`QAudioDecoder` (FFmpeg, on FFmpeg's threads, reading our decrypting `ContainerDevice`), appends the PCM
to a `Feed`, which is written into one `QAudioSink` on its own thread (`_output.py`). When a track is
decoded to its end, about `LOOKAHEAD_MS` before it is heard ending, the engine says `next_wanted`; the
caller `queue_next`s the following track, decoded in the sink's own format and appended right behind:
the sink never sees a boundary. Its measured gap is 0 ms (`bench/gap.py`).

The clock is the sink's `processedUSecs` (what the sound server has taken): a track has started when that
passes its first byte in the feed (`advanced`), and ended when it passes its last (`media_ended`). Python
does one call per decoded buffer (about 11 a second for FLAC, 50 for Ogg Vorbis, in bursts), one per
top-up of the sink (five a second: push mode, `_output.py` says why) and one per tick (`TICK_MS`, ten a
second); FFmpeg decodes and the sink plays, in C++, and ReplayGain touches the samples only when a level
is not 1. So it costs about what `QMediaPlayer` does on plain audio (`bench/play_cost.py`).

Controls act at once on the engine's state; waits (stopping a decoder: the teardown rule of
docs/platform.md) are spent in a local event loop, so FFmpeg's threads can finish a read that needs the
GIL. Drop one only after `stop()`.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QIODevice, QObject, QTimer, QUrl
from PySide6.QtMultimedia import QAudioFormat

from player.playback._base import PlaybackState, PlayerBase, clamp_volume
from player.playback._decoding import Decoding
from player.playback._output import Session, open_session
from player.playback._track import QueuedTrack, no_audio, unreadable
from player.playback.replaygain import ReplayGain

__all__ = ["LOOKAHEAD_MS", "GaplessPlayer"]

LOOKAHEAD_MS = 10_000  # decoded audio kept ahead of the sound: the time the caller has to queue the next
PREBUFFER_MS = 0  # the sink starts with the first buffer: decoding runs ~900 times faster than it plays
TICK_MS = 100  # how often the position, boundaries and the end are looked at (a Python call each)


class GaplessPlayer(PlayerBase):
    """Plays decrypted tracks through the system's default audio output, one after another without a gap."""

    def __init__(self, parent: QObject | None = None, *, teardown_timeout_s: float = 10.0) -> None:
        super().__init__(parent)
        self._timeout = teardown_timeout_s
        self._session: Session | None = None
        self._current: QueuedTrack | None = None
        self._next: QueuedTrack | None = None
        self._tokens = itertools.count(1)
        self._generation = 0  # bumped by every load/unload: a newer request supersedes a waiting one
        self._paused = False
        self._ended = False
        self._wanted = False  # next_wanted said for the current track, nothing queued since
        self._failure_reported = False
        self._stuck: list[QIODevice] = []  # devices a decoder that would not stop may still read
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick)

    @property
    def wants_next(self) -> bool:
        return self._wanted

    @property
    def level(self) -> float:
        return self._factor(self._current.gain) if self._current is not None else 1.0

    # --- the controls ---------------------------------------------------------------------------

    def play_source(
        self,
        device: QIODevice,
        mime: str,
        duration_ms_hint: int | None = None,
        gain: ReplayGain | None = None,
    ) -> None:
        if not self._unload():
            device.close()
            return
        if not device.isOpen() or not device.isReadable():
            self.failed.emit(unreadable())
            return
        self._load(QueuedTrack(next(self._tokens), device, None, mime, duration_ms_hint, gain))

    def play_file(self, path: str | Path, gain: ReplayGain | None = None) -> None:
        if not self._unload():
            return
        url = QUrl.fromLocalFile(str(Path(path).resolve()))
        self._load(QueuedTrack(next(self._tokens), None, url, "", None, gain))

    def queue_next(
        self,
        device: QIODevice,
        mime: str,
        duration_ms_hint: int | None = None,
        gain: ReplayGain | None = None,
    ) -> None:
        current = self._current
        if current is None or self._ended or current.failure is not None or not self.clear_next():
            device.close()
            return
        if not device.isOpen() or not device.isReadable():
            device.close()
            return
        self._next = QueuedTrack(next(self._tokens), device, None, mime, duration_ms_hint, gain)
        self._wanted = False
        if current.decoding is not None and current.decoding.exhausted:
            self._decode(self._next, 0)

    def clear_next(self) -> bool:
        track = self._next
        if track is None:
            return True
        session = self._session
        if track.start is not None and session is not None and not self._droppable(track, session):
            return False  # the sink already has its first samples: it plays on
        self._next = None
        self._retire(track)
        current = self._current
        self._wanted = bool(current and current.end is not None and not current.failure and not self._ended)
        return True

    @staticmethod
    def _droppable(track: QueuedTrack, session: Session) -> bool:
        """Take the queued track's audio back out of the feed, unless the sink has begun reading it."""
        if track.start is None or session.feed.pulled > track.start:
            return False
        return session.feed.drop(track.token) > 0

    def pause(self) -> None:
        if self._current is None or self._ended:
            return
        self._paused = True
        if self._session is not None:
            self._session.suspend()
        self._set_state(PlaybackState.PAUSED)

    def resume(self) -> None:
        if self._current is None:
            return
        if self._ended:  # as a media player does: play again from the start
            self._paused = False
            self._restart(0)
            return
        self._paused = False
        if self._session is not None:
            self._session.resume()
        if self._session is not None and self._session.started:
            self._set_state(PlaybackState.PLAYING)

    def stop(self) -> None:
        self._unload()

    def seek(self, ms: int) -> None:
        if self._current is not None:
            self._restart(max(0, int(ms)))

    def set_volume(self, volume: float) -> None:
        self._volume = clamp_volume(volume)
        if self._session is not None:
            self._session.set_volume(self._volume)

    def _gains_changed(self) -> None:
        if self._session is not None:
            for track in (self._current, self._next):
                if track is not None:
                    self._session.feed.set_factor(track.token, self._factor(track.gain))

    # --- loading, decoding, feeding ---------------------------------------------------------------

    def _load(self, track: QueuedTrack) -> None:
        self._current = track
        self._set_duration(track.hint or 0)
        self._decode(track, 0)
        self._tick.start()

    def _decode(self, track: QueuedTrack, start_ms: int) -> None:
        """Start decoding `track` from `start_ms`; the next track of a run in the sink's own format."""
        fmt: QAudioFormat | None = None
        if track is self._next and self._session is not None:
            fmt = self._session.format
        if track.device is not None:
            track.device.seek(0)
        decoding = Decoding(track.device or track.url or QUrl(), fmt, start_ms, self)
        track.begin(decoding, start_ms)
        decoding.ready.connect(self._pump)
        decoding.finished.connect(self._pump)
        decoding.failed.connect(lambda message: self._decode_failed(track, message))

    def _pump(self) -> None:
        """Move decoded buffers into the feed while it holds less than the lookahead."""
        for track in (self._current, self._next):
            decoding = track.decoding if track is not None else None
            if track is None or decoding is None or track.end is not None:
                continue
            while decoding.available and not self._feed_full():
                self._append(track, decoding.take())
            if decoding.exhausted:
                self._decoded(track)
            return  # one track decodes at a time, in order

    def _feed_full(self) -> bool:
        session = self._session
        return session is not None and session.feed.queued >= session.bytes_for(LOOKAHEAD_MS)

    def _append(self, track: QueuedTrack, data: bytes) -> None:
        if not data:
            return
        decoding = track.decoding
        if self._session is None:
            assert decoding is not None and decoding.format is not None
            self._session = open_session(decoding.format, self._volume)
        session = self._session
        start = session.feed.append(track.token, data)
        if track.start is None:
            track.start = start
            session.feed.set_factor(track.token, self._factor(track.gain))
        prebuffered = session.feed.queued >= session.bytes_for(PREBUFFER_MS)
        if not session.started and track is self._current and prebuffered:
            self._start_output()

    def _start_output(self) -> None:
        session = self._session
        if session is None or session.started:
            return
        session.start(suspended=self._paused)
        self._set_state(PlaybackState.PAUSED if self._paused else PlaybackState.PLAYING)

    def _decoded(self, track: QueuedTrack) -> None:
        """`track` is decoded to its end: mark where it ends, and line up what follows."""
        session = self._session
        track.finish(session.feed.appended if session is not None else None)
        if track.hint is None and track.base_ms == 0 and track.decoding is not None:
            self._set_duration_of(track)
        if track is self._next:
            if track.start is None:  # nothing came out of it: drop it, the current track just ends
                self._next = None
                self._retire(track)
            return
        if track.start is None:
            self._fail(track.failure or track.undecodable(no_audio()))
            return
        self._start_output()  # a track shorter than the prebuffer
        if track.failure is not None:
            return  # it stops where the damage is: nothing may follow it
        if self._next is not None:
            self._decode(self._next, 0)
        else:
            self._wanted = True
            self.next_wanted.emit()

    def _set_duration_of(self, track: QueuedTrack) -> None:
        decoding = track.decoding
        if track is self._current and decoding is not None and decoding.format is not None:
            self._set_duration(decoding.frames * 1000 // max(1, decoding.format.sampleRate()))

    def _decode_failed(self, track: QueuedTrack, message: str) -> None:
        track.failure = track.damage() or track.undecodable(message)
        self._pump()

    # --- the clock: positions, boundaries, the end ------------------------------------------------

    def _on_tick(self) -> None:
        self._pump()
        current, session = self._current, self._session
        if current is not None and current.hint is None and not self._duration and current.decoding:
            self._set_duration(current.decoding.duration_ms)  # FFmpeg's word, until the decoded length
        if current is None or session is None or not session.started or current.start is None:
            return
        played = session.played_bytes()
        following = self._next
        if following is not None and following.start is not None and played >= following.start:
            self._advance()
            return
        if not self._ended:
            ms = current.base_ms + session.ms_for(played - current.start)
            self._set_position(max(current.base_ms, min(ms, self._duration or ms)))
        if current.end is not None and following is None and not self._ended:
            near = played >= current.end - session.bytes_for(TICK_MS)
            if near and (session.idle() or played >= current.end):
                self._track_ended(current)

    def _advance(self) -> None:
        old, track = self._current, self._next
        assert track is not None
        self._current, self._next = track, None
        if old is not None:
            self._retire(old)
        self._wanted = False
        self._set_duration(track.hint or 0)
        self._set_position(0)
        self.advanced.emit()
        if track.end is not None:
            if track.hint is None:
                self._set_duration_of(track)
            if track.failure is None:
                self._wanted = True
                self.next_wanted.emit()

    def _track_ended(self, track: QueuedTrack) -> None:
        if track.failure is not None:
            self._fail(track.failure)
            return
        self._ended = True
        self._wanted = False
        self._set_position(self._duration or self._position)
        self._set_state(PlaybackState.STOPPED)
        self.media_ended.emit()

    def _fail(self, message: str) -> None:
        """Report once per track, then unload it (from the event loop, not inside a signal)."""
        if self._failure_reported:
            return
        self._failure_reported = True
        self.failed.emit(message)
        generation = self._generation
        QTimer.singleShot(0, self, lambda: self._unload() if generation == self._generation else None)

    # --- restarting and unloading ------------------------------------------------------------------

    def _restart(self, start_ms: int) -> None:
        """Decode the current track again from `start_ms` into a new sink (a seek, or a replay)."""
        current = self._current
        if current is None:
            return
        self._generation += 1
        generation = self._generation
        self._close_session()
        for track in (current, self._next):
            if track is not None and track.decoding is not None and not self._stop_decoding(track):
                return
        if generation != self._generation or self._current is not current:
            return  # a newer load or unload took over while we waited
        if self._next is not None:
            self._next.reset()
        self._ended = self._wanted = False
        self._failure_reported = False
        current.failure = None
        self._set_position(start_ms)
        self._decode(current, start_ms)
        if self._state is PlaybackState.STOPPED:
            self._set_state(PlaybackState.PAUSED if self._paused else PlaybackState.PLAYING)
        self._tick.start()

    def _unload(self) -> bool:
        """Stop the sink, stop every decoder (waiting for FFmpeg's threads), close the devices.
        False when another load/unload started while we waited (it owns the player now)."""
        self._generation += 1
        generation = self._generation
        self._tick.stop()
        self._close_session()
        tracks = [t for t in (self._current, self._next) if t is not None]
        self._current = self._next = None
        for track in tracks:
            if self._stop_decoding(track) and track.device is not None:
                track.device.close()
        if generation != self._generation:
            return False
        self._paused = self._ended = self._wanted = False
        self._failure_reported = False
        self._set_state(PlaybackState.STOPPED)
        self._set_position(0)
        self._set_duration(0)
        return True

    def _close_session(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            session.finish()

    def _stop_decoding(self, track: QueuedTrack) -> bool:
        decoding, track.decoding = track.decoding, None
        if decoding is None or decoding.stop(self._timeout):
            return True
        if track.device is not None:
            self._stuck.append(track.device)  # never close what FFmpeg may still read
            track.device = None
        return False

    def _retire(self, track: QueuedTrack) -> None:
        """Let go of a track that is done with (played, or dropped), without waiting here."""
        decoding, device = track.decoding, track.device
        track.decoding = track.device = None
        if decoding is None:
            if device is not None:
                device.close()
            return

        def released(ok: bool) -> None:
            if device is not None:
                device.close() if ok else self._stuck.append(device)

        decoding.stop_later(released)
