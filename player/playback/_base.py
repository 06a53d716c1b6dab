"""The one playback interface every engine implements (Quod Libet's `player/_base.py`, Picard's `Player`).

Faces (`player/ui/`, `player/cli.py`) talk to this and nothing below it, so a test that is not about
sound can swap in `NullPlayer` and the real engine can change without touching them. Signals are
snake_case and past tense; all of them are emitted on the thread the player lives on (the GUI thread).
"""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtCore import QIODevice, QObject, Signal

__all__ = ["PlaybackState", "PlayerBase"]


class PlaybackState(enum.Enum):
    """What the engine is doing, in the engine's own words (QMediaPlayer's enum stays inside)."""

    STOPPED = "stopped"
    PLAYING = "playing"
    PAUSED = "paused"


class PlayerBase(QObject):
    """Signals and bookkeeping shared by every engine; subclasses implement the controls.

    Contract (checked against every engine by `tests/playback/test_contract.py`):
    - `play_source` takes ownership of the device and closes it once the engine no longer reads it.
    - `stop` unloads the track: afterwards `state` is STOPPED, `position` 0, and `resume` does nothing.
    - `seek` and `position` are milliseconds; `duration` is 0 while unknown.
    - problems are reported by `failed(message)` with a sentence a user can read, never raised.
    """

    state_changed = Signal(PlaybackState)
    position_changed = Signal(int)
    """Milliseconds from the start of the track."""
    duration_changed = Signal(int)
    """Milliseconds; 0 while unknown."""
    media_ended = Signal()
    """The track played to its end (not emitted for `stop`, a switch, or a failure)."""
    failed = Signal(str)
    """A readable reason playback could not start or go on; the track has been unloaded."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = PlaybackState.STOPPED
        self._position = 0
        self._duration = 0
        self._volume = 1.0

    # --- what the faces read --------------------------------------------------------------------

    @property
    def state(self) -> PlaybackState:
        return self._state

    @property
    def position(self) -> int:
        return self._position

    @property
    def duration(self) -> int:
        return self._duration

    @property
    def volume(self) -> float:
        return self._volume

    # --- the controls ---------------------------------------------------------------------------

    def play_source(self, device: QIODevice, mime: str, duration_ms_hint: int | None = None) -> None:
        """Play decrypted audio from an open device (see `open_device`), replacing any current track."""
        raise NotImplementedError

    def play_file(self, path: str | Path) -> None:
        """Play a plain audio file (the benchmark's baseline; user tracks are always encrypted)."""
        raise NotImplementedError

    def pause(self) -> None:
        raise NotImplementedError

    def resume(self) -> None:
        """Continue a paused (or ended) track; does nothing when no track is loaded."""
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def seek(self, ms: int) -> None:
        raise NotImplementedError

    def set_volume(self, volume: float) -> None:
        """Linear volume; values outside 0..1 are clamped."""
        raise NotImplementedError

    def toggle(self) -> None:
        """Pause when playing, otherwise resume: the one button of a play/pause control."""
        if self._state is PlaybackState.PLAYING:
            self.pause()
        else:
            self.resume()

    # --- for subclasses -------------------------------------------------------------------------

    def _set_state(self, state: PlaybackState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)

    def _set_position(self, ms: int) -> None:
        if ms != self._position:
            self._position = ms
            self.position_changed.emit(ms)

    def _set_duration(self, ms: int) -> None:
        if ms != self._duration:
            self._duration = ms
            self.duration_changed.emit(ms)


def clamp_volume(volume: float) -> float:
    return min(1.0, max(0.0, float(volume)))
