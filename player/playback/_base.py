"""The one playback interface every engine implements (Quod Libet's `player/_base.py`, Picard's `Player`).

Faces (`player/ui/`, `player/cli.py`) talk to this and nothing below it, so a test that is not about
sound can swap in `NullPlayer` and the real engine can change without touching them. Signals are
snake_case and past tense; all of them are emitted on the thread the player lives on (the GUI thread).
"""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtCore import QIODevice, QObject, Signal

from player.playback.replaygain import ReplayGain, ReplayGainMode, gain_factor

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
    - gapless: once `next_wanted` is emitted, `queue_next` hands over the track that follows; it starts
      the moment the current one ends (`advanced` instead of `media_ended`), or is dropped by `clear_next`,
      `play_source` or `stop`. With nothing queued the track ends with `media_ended`.
    - ReplayGain: `set_replaygain` picks track, album or off; each track's `gain` (its tags) is applied
      as a level, never louder than its peak allows.
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
    next_wanted = Signal()
    """The current track ends soon and nothing is queued after it: `queue_next` the one that follows."""
    advanced = Signal()
    """The queued track took over without a gap; position and duration are now its own."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = PlaybackState.STOPPED
        self._position = 0
        self._duration = 0
        self._volume = 1.0
        self._replaygain = ReplayGainMode.OFF

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

    @property
    def replaygain(self) -> ReplayGainMode:
        return self._replaygain

    @property
    def level(self) -> float:
        """The ReplayGain factor the current track plays at (1.0: as mastered, or nothing loaded)."""
        return 1.0

    @property
    def wants_next(self) -> bool:
        """`next_wanted` was emitted for the current track and nothing has been queued since."""
        return False

    # --- the controls ---------------------------------------------------------------------------

    def play_source(
        self,
        device: QIODevice,
        mime: str,
        duration_ms_hint: int | None = None,
        gain: ReplayGain | None = None,
    ) -> None:
        """Play decrypted audio from an open device (see `open_device`), replacing any current track."""
        raise NotImplementedError

    def queue_next(
        self,
        device: QIODevice,
        mime: str,
        duration_ms_hint: int | None = None,
        gain: ReplayGain | None = None,
    ) -> None:
        """Play this right after the current track, with no gap; replaces what was queued. Ignored (the
        device closed) when no track is playing on, since the caller then starts it with `play_source`."""
        raise NotImplementedError

    def clear_next(self) -> bool:
        """Drop what `queue_next` queued; False when it already began to play (it then advances)."""
        raise NotImplementedError

    def play_file(self, path: str | Path, gain: ReplayGain | None = None) -> None:
        """Play a plain audio file: the user's own music (levelled by `gain`, its ReplayGain tags), and
        the benchmark's baseline."""
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

    def set_replaygain(self, mode: ReplayGainMode) -> None:
        """Level tracks by their own ReplayGain tags (track or album gain), or not at all; applies at once."""
        self._replaygain = ReplayGainMode(mode)
        self._gains_changed()

    def toggle(self) -> None:
        """Pause when playing, otherwise resume: the one button of a play/pause control."""
        if self._state is PlaybackState.PLAYING:
            self.pause()
        else:
            self.resume()

    # --- for subclasses -------------------------------------------------------------------------

    def _gains_changed(self) -> None:
        """The ReplayGain mode changed: apply it to what is loaded."""

    def _factor(self, gain: ReplayGain | None) -> float:
        return gain_factor(gain, self._replaygain)

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
