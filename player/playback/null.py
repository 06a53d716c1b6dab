"""`NullPlayer`: the playback interface with no sound at all (Quod Libet's `nullbe`).

For headless runs and for tests that are about what the faces do, not about sound: every control takes
effect at once and synchronously, no media framework is loaded, and the clock never moves by itself
(`end_media` stands in for a track reaching its end).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QIODevice, QObject

from player.playback._base import PlaybackState, PlayerBase, clamp_volume

__all__ = ["NullPlayer"]


class NullPlayer(PlayerBase):
    """Accepts every track, plays none of it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._device: QIODevice | None = None
        self._loaded = False

    def play_source(self, device: QIODevice, mime: str, duration_ms_hint: int | None = None) -> None:
        self._unload()
        if not device.isOpen() or not device.isReadable():
            self.failed.emit("cannot play the track: its data cannot be read")
            return
        self._device = device
        self._start(duration_ms_hint)

    def play_file(self, path: str | Path) -> None:
        self._unload()
        if not Path(path).is_file():
            self.failed.emit(f"cannot play the track: {path} does not exist")
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
        if self._loaded and self._state is not PlaybackState.STOPPED:
            self._set_position(self._duration)
            self._set_state(PlaybackState.STOPPED)
            self.media_ended.emit()

    def _start(self, duration_ms_hint: int | None) -> None:
        self._loaded = True
        self._set_duration(max(0, duration_ms_hint or 0))
        self._set_state(PlaybackState.PLAYING)

    def _unload(self) -> None:
        device, self._device = self._device, None
        if device is not None:
            device.close()
        self._loaded = False
        self._set_state(PlaybackState.STOPPED)
        self._set_position(0)
        self._set_duration(0)
