"""`MediaPlayerEngine`: QtMultimedia's `QMediaPlayer` + `QAudioOutput` behind the playback interface.

The engine the player used before `GaplessPlayer`: one `QMediaPlayer` source per track, so consecutive
tracks have a gap (~60 ms through the null sink, `bench/gap.py`). It stays as the baseline the
benchmark measures the gap against, and as a second, independent engine under the same contract. A
queued next track (`queue_next`) is played when the current one ends, gap and all. ReplayGain scales
the output's volume, which cannot go above 1: a positive gain is heard only below full volume.

The deadlock (docs/platform.md, "QtMultimedia: the teardown rule"): `QMediaPlayer.stop()`,
`setSource()` and `setSourceDevice()` wait for FFmpeg's worker threads, and those threads may be inside
our Python `readData` waiting for the GIL — which the main thread holds while it is in that call. So
this module never calls a QMediaPlayer control from Python. Every control is *queued*
(`QMetaObject.invokeMethod` with `Qt.QueuedConnection`) and runs later from the event loop, in C++,
without the GIL; switching and stopping then wait in a local event loop (which releases the GIL) until
`mediaStatus()` is `NoMedia`, and only then is the old device let go and a new one set. The media
player does not own the device, so we keep it alive until then. This recipe was measured over 445
switches with no hang. Seen again here: a direct `setSourceDevice()` while FFmpeg's thread sat in a
slow `readData` hung at once, every time; `tests/playback/test_engine.py` switches 50 times at exactly
that moment. (`setSourceDevice` is queued through a signal: `Q_ARG` cannot carry a `QIODevice*` from Python.)

All controls therefore take effect asynchronously; watch the signals. Drop a `Player` only after
`stop()`: destroying a playing `QMediaPlayer` from Python would wait on the workers the same way.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    Q_ARG,
    SIGNAL,
    SLOT,
    QIODevice,
    QMetaObject,
    QObject,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

from player.language import QT_TRANSLATE_NOOP, translate
from player.playback._base import PlaybackState, PlayerBase, clamp_volume
from player.playback._loop import drain_queued, wait_until
from player.playback._track import cannot_play
from player.playback.device import ContainerDevice
from player.playback.replaygain import ReplayGain

__all__ = ["NEXT_LEAD_MS", "MediaPlayerEngine"]

NEXT_LEAD_MS = 10_000  # `next_wanted` this long before the end

_QUEUED = Qt.ConnectionType.QueuedConnection
_STATES = {
    QMediaPlayer.PlaybackState.StoppedState: PlaybackState.STOPPED,
    QMediaPlayer.PlaybackState.PlayingState: PlaybackState.PLAYING,
    QMediaPlayer.PlaybackState.PausedState: PlaybackState.PAUSED,
}
_ERRORS = {  # translated where said
    QMediaPlayer.Error.FormatError: QT_TRANSLATE_NOOP(
        "Errors", "the data is not audio this player can decode"
    ),
    QMediaPlayer.Error.ResourceError: QT_TRANSLATE_NOOP("Errors", "the track could not be read"),
    QMediaPlayer.Error.AccessDeniedError: QT_TRANSLATE_NOOP("Errors", "access to the track was denied"),
}
_NO_MEDIA = QMediaPlayer.MediaStatus.NoMedia
_NOT_READY = (_NO_MEDIA, QMediaPlayer.MediaStatus.LoadingMedia)


class _Loader(QObject):
    """Queues `setSourceDevice`: `Q_ARG` cannot carry a `QIODevice*` from Python, a queued signal can."""

    load = Signal(QIODevice, QUrl)


class MediaPlayerEngine(PlayerBase):
    """Plays decrypted tracks through the system's default audio output, one QMediaPlayer source each."""

    def __init__(self, parent: QObject | None = None, *, teardown_timeout_s: float = 10.0) -> None:
        super().__init__(parent)
        self._media = QMediaPlayer(self)
        self._output = QAudioOutput(self)
        self._media.setAudioOutput(self._output)
        self._loader = _Loader(self)
        QObject.connect(
            self._loader,
            SIGNAL("load(QIODevice*,QUrl)"),
            self._media,
            SLOT("setSourceDevice(QIODevice*,QUrl)"),
            _QUEUED,
        )
        self._teardown_timeout_s = teardown_timeout_s
        self._device: QIODevice | None = None  # kept alive until the media player has let go of it
        self._stuck: list[QIODevice] = []  # devices a timed-out teardown could not prove released
        self._loaded = False  # a source is set on (or queued to) the media player
        self._generation = 0  # bumped by every load/unload: a newer request supersedes a waiting one
        self._tearing_down = 0
        self._failure_reported = False
        self._pending_seek: int | None = None
        self._hint: int | None = None  # the caller's duration (from tags or a decode) beats FFmpeg's guess
        self._mime = ""
        self._gain: ReplayGain | None = None
        self._next: tuple[QIODevice, str, int | None, ReplayGain | None] | None = None
        self._wanted = False
        self._near_end = False  # `next_wanted` was said for the current track
        self._media.playbackStateChanged.connect(self._on_state)
        self._media.positionChanged.connect(self._on_position)
        self._media.durationChanged.connect(self._on_duration)
        self._media.mediaStatusChanged.connect(self._on_status)
        self._media.errorOccurred.connect(self._on_error)

    # --- the controls ---------------------------------------------------------------------------

    @property
    def wants_next(self) -> bool:
        return self._wanted

    @property
    def level(self) -> float:
        return self._factor(self._gain) if self._loaded else 1.0

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
        self._gain = gain
        self._apply_volume()
        if not device.isOpen() or not device.isReadable():
            self.failed.emit(translate("Errors", "cannot play the track: its data cannot be read"))
            return
        self._device = device
        if isinstance(device, ContainerDevice):
            device.read_failed.connect(self._on_read_failed)
        self._hint = duration_ms_hint if duration_ms_hint and duration_ms_hint > 0 else None
        self._set_duration(self._hint or 0)
        self._mime = mime
        self._loaded = True
        # No file-name hint: with "track.flac" FFmpeg took random bytes for FLAC and sat in PlayingState
        # without a sound or an error (measured); sniffing the bytes alone fails cleanly instead.
        self._loader.load.emit(device, QUrl())
        self._queue("play")

    def play_file(self, path: str | Path, gain: ReplayGain | None = None) -> None:
        if not self._unload():
            return
        self._gain = gain
        self._mime = ""
        self._loaded = True
        self._queue("setSource", Q_ARG(QUrl, QUrl.fromLocalFile(str(Path(path).resolve()))))
        self._queue("play")

    def queue_next(
        self,
        device: QIODevice,
        mime: str,
        duration_ms_hint: int | None = None,
        gain: ReplayGain | None = None,
    ) -> None:
        self.clear_next()
        if not self._loaded or self._state is PlaybackState.STOPPED:
            device.close()
            return
        self._next = (device, mime, duration_ms_hint, gain)
        self._wanted = False

    def clear_next(self) -> bool:
        queued, self._next = self._next, None
        if queued is not None:
            queued[0].close()
            self._wanted = self._near_end  # still near the end: it wants another
        return True

    def pause(self) -> None:
        if self._loaded:
            self._queue("pause")

    def resume(self) -> None:
        if self._loaded:
            self._queue("play")

    def stop(self) -> None:
        self._unload()

    def seek(self, ms: int) -> None:
        if not self._loaded:
            return
        ms = max(0, int(ms))
        if self._media.mediaStatus() in _NOT_READY:
            self._pending_seek = ms  # QMediaPlayer ignores a seek while it loads: apply it once loaded
        else:
            self._queue("setPosition", Q_ARG("qlonglong", ms))

    def set_volume(self, volume: float) -> None:
        # A plain property of the output: it waits on no worker, so it is safe to call directly.
        self._volume = clamp_volume(volume)
        self._apply_volume()

    def _apply_volume(self) -> None:
        self._output.setVolume(min(1.0, self._volume * self._factor(self._gain)))

    def _gains_changed(self) -> None:
        self._apply_volume()

    # --- switching without the deadlock (the teardown rule, docs/platform.md) ------------------

    def _queue(self, slot: str, *args: object) -> None:
        """Run a QMediaPlayer slot later from the event loop, in C++, without the GIL."""
        QMetaObject.invokeMethod(self._media, slot, _QUEUED, *args)  # type: ignore[call-overload]

    def _unload(self) -> bool:
        """Queue stop + empty source, wait in the event loop for NoMedia, then let go of the device.

        False when the media player did not get there (reported through `failed`) or when another
        load/unload started while we waited (it now owns the player).
        """
        self._generation += 1
        generation = self._generation
        self.clear_next()
        self._wanted = self._near_end = False
        if self._loaded:
            self._tearing_down += 1
            try:
                self._queue("stop")
                self._queue("setSource", Q_ARG(QUrl, QUrl()))
                released = self._wait_for_no_media(generation)
            finally:
                self._tearing_down -= 1
            if generation != self._generation:
                return False
            if not released:
                if self._device is not None:
                    self._stuck.append(self._device)  # never free what FFmpeg may still read
                    self._device = None
                self.failed.emit(translate("Errors", "the media player did not stop in time; try again"))
                return False
            self._release_device()
            self._loaded = False
        self._failure_reported = False
        self._pending_seek = None
        self._hint = None
        self._set_state(PlaybackState.STOPPED)
        self._set_position(0)
        self._set_duration(0)
        return True

    def _wait_for_no_media(self, generation: int) -> bool:
        drain_queued()  # the queued stop and setSource have run once this returns
        wait_until(
            lambda: self._media.mediaStatus() == _NO_MEDIA or generation != self._generation,
            self._teardown_timeout_s,
            self._media.mediaStatusChanged,
        )
        return self._media.mediaStatus() == _NO_MEDIA or generation != self._generation

    def _release_device(self) -> None:
        device, self._device = self._device, None
        if device is None:
            return
        if isinstance(device, ContainerDevice):
            device.read_failed.disconnect(self._on_read_failed)
        device.close()

    def _fail(self, message: str) -> None:
        """Report once per track, then unload it (from the event loop, not inside Qt's signal)."""
        if self._failure_reported:
            return
        self._failure_reported = True
        self.failed.emit(message)
        generation = self._generation
        QTimer.singleShot(0, self, lambda: self._unload() if generation == self._generation else None)

    def _device_failure(self) -> str | None:
        device = self._device
        if isinstance(device, ContainerDevice) and device.failure is not None:
            return translate("Errors", "the track is damaged and cannot be played: {why}").format(
                why=device.failure
            )
        return None

    # --- what QMediaPlayer tells us -------------------------------------------------------------

    def _on_state(self, state: QMediaPlayer.PlaybackState) -> None:
        self._set_state(_STATES[state])

    def _on_position(self, ms: int) -> None:
        if not self._tearing_down:
            self._set_position(ms)
            near_end = self._duration > 0 and self._duration - ms <= NEXT_LEAD_MS
            if (
                near_end
                and self._next is None
                and not self._near_end
                and self._state is PlaybackState.PLAYING
            ):
                self._wanted = self._near_end = True
                self.next_wanted.emit()

    def _on_duration(self, ms: int) -> None:
        # In-memory sources report -1 (docs/platform.md) and MP3 an estimate (10,031 ms for 10 s):
        # a hint from the caller stands; without one, take what the media player knows.
        if ms > 0 and self._hint is None and not self._tearing_down:
            self._set_duration(ms)

    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if self._tearing_down:
            return
        if self._pending_seek is not None and status not in _NOT_READY:
            self._queue("setPosition", Q_ARG("qlonglong", self._pending_seek))
            self._pending_seek = None
        if status != QMediaPlayer.MediaStatus.EndOfMedia:
            return
        damaged = self._device_failure()
        if damaged:
            self._fail(damaged)  # the device reported EOF only because a segment failed
        elif self._next is not None:
            queued, self._next = self._next, None
            QTimer.singleShot(0, self, lambda: self._play_queued(*queued))
        else:
            self.media_ended.emit()

    def _play_queued(self, device: QIODevice, mime: str, hint: int | None, gain: ReplayGain | None) -> None:
        """The queued track, the way this engine can: a new source, after the old one is let go."""
        self.play_source(device, mime, hint, gain)
        if self._loaded:
            self.advanced.emit()

    def _on_error(self, error: QMediaPlayer.Error, message: str) -> None:
        if error == QMediaPlayer.Error.NoError or self._tearing_down:
            return
        detail = message or error.name
        reason = translate("Errors", _ERRORS[error]) if error in _ERRORS else detail
        self._fail(self._device_failure() or cannot_play(self._mime, reason, detail))

    def _on_read_failed(self, message: str) -> None:
        if self.sender() is self._device:
            self._fail(
                translate("Errors", "the track is damaged and cannot be played: {message}").format(
                    message=message
                )
            )
