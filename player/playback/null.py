"""`NullPlayer`: the playback interface with no sound at all (Quod Libet's `nullbe`).

For headless runs and for tests that are about what the faces do, not about sound: every control takes
effect at once and synchronously, no media framework is loaded, and the clock never moves by itself
(`end_media` stands in for a track reaching its end, `approach_end` for its end coming near, which asks
for the next track as the real engines do; a queued track then takes over at `end_media`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QIODevice, QObject

from player.language import translate
from player.playback._base import PlaybackState, PlayerBase, clamp_volume
from player.playback.replaygain import ReplayGain

__all__ = ["NullPlayer"]


class NullPlayer(PlayerBase):
    """Accepts every track, plays none of it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._device: QIODevice | None = None
        self._loaded = False
        self._next: tuple[QIODevice, int | None, ReplayGain | None] | None = None
        self._wanted = False
        self._near_end = False  # `approach_end` was said for the current track
        self.gain: ReplayGain | None = None  # the current track's tags, as handed over

    @property
    def wants_next(self) -> bool:
        return self._wanted

    @property
    def queued(self) -> QIODevice | None:
        """The device `queue_next` handed over and nothing has played yet (for tests)."""
        return self._next[0] if self._next is not None else None

    @property
    def level(self) -> float:
        return self._factor(self.gain) if self._loaded else 1.0

    def play_source(
        self,
        device: QIODevice,
        mime: str,
        duration_ms_hint: int | None = None,
        gain: ReplayGain | None = None,
    ) -> None:
        self._unload()
        if not device.isOpen() or not device.isReadable():
            self.failed.emit(translate("Errors", "cannot play the track: its data cannot be read"))
            return
        self._device = device
        self.gain = gain
        self._start(duration_ms_hint)

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
        self._next = (device, duration_ms_hint, gain)
        self._wanted = False

    def clear_next(self) -> bool:
        queued, self._next = self._next, None
        if queued is not None:
            queued[0].close()
            self._wanted = self._near_end  # still near the end: it wants another
        return True

    def approach_end(self) -> None:
        """Behave as if the track's end were near: ask for the one that follows (`next_wanted`)."""
        if self._loaded and self._state is not PlaybackState.STOPPED and self._next is None:
            self._wanted = self._near_end = True
            self.next_wanted.emit()

    def play_file(self, path: str | Path, gain: ReplayGain | None = None) -> None:
        del gain  # nothing is heard here
        self._unload()
        if not Path(path).is_file():
            self.failed.emit(
                translate("Errors", "cannot play the track: {path} does not exist").format(path=path)
            )
            return
        self._start(None)

    def pause(self) -> None:
        if self._loaded and self._state is PlaybackState.PLAYING:
            self._set_state(PlaybackState.PAUSED)

    def resume(self) -> None:
        if self._loaded:
            self._set_state(PlaybackState.PLAYING)

    def stop(self) -> None:
        self._unload()

    def seek(self, ms: int) -> None:
        if not self._loaded:
            return
        ms = max(0, int(ms))
        self._set_position(min(ms, self._duration) if self._duration > 0 else ms)

    def set_volume(self, volume: float) -> None:
        self._volume = clamp_volume(volume)

    def end_media(self) -> None:
        """Behave as if the track just played to its end (for tests of "next track" logic)."""
        if not self._loaded or self._state is PlaybackState.STOPPED:
            return
        self._wanted = self._near_end = False
        if self._next is not None:  # gapless: the queued track takes over
            device, hint, gain = self._next
            self._next = None
            if self._device is not None:
                self._device.close()
            self._device, self.gain = device, gain
            self._set_duration(max(0, hint or 0))
            self._set_position(0)
            self.advanced.emit()
            return
        self._set_position(self._duration)
        self._set_state(PlaybackState.STOPPED)
        self.media_ended.emit()

    def _start(self, duration_ms_hint: int | None) -> None:
        self._loaded = True
        self._set_duration(max(0, duration_ms_hint or 0))
        self._set_state(PlaybackState.PLAYING)

    def _unload(self) -> None:
        self.clear_next()
        self._wanted = self._near_end = False
        device, self._device = self._device, None
        if device is not None:
            device.close()
        self._loaded = False
        self._set_state(PlaybackState.STOPPED)
        self._set_position(0)
        self._set_duration(0)
