"""The score of a piece: every note and drum hit as an event in seconds, ready for the mixer.

Composing happens in beats; ``Song`` converts a beat to seconds through the swing warp, jitters it a
little (``humanize``, so repeated figures do not sound machine-stamped, except in electronic music where
they should), and applies the style's level trims, so the mixer only has to place samples.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from mock_backend.demo.synth.drums import DRUM_GAIN, DRUM_PAN

__all__ = ["Event", "Song"]


@dataclass(frozen=True, slots=True)
class Event:
    """One note or drum hit, placed and leveled; the mixer renders it."""

    start: float  # seconds
    gate: int  # samples (0 for drums)
    voice: str
    midi: int
    vel: float
    pan: float  # -1 (left) .. 1 (right)
    send: float  # reverb send


@dataclass(slots=True)
class Song:
    """Accumulates events; converts beat positions to seconds through the swing warp."""

    spb: float
    swing: float
    sr: int
    rng: np.random.Generator
    humanize: float
    level: dict[str, float]
    events: list[Event] = field(default_factory=list)

    def when(self, beat: float) -> float:
        """Seconds at ``beat``, with off-beat eighths pushed late by the swing amount."""
        whole = math.floor(beat)
        frac = beat - whole
        off = 0.5 + self.swing / 6.0
        warped = frac * off / 0.5 if frac < 0.5 else off + (frac - 0.5) * (1.0 - off) / 0.5
        return (whole + warped) * self.spb

    def note(
        self, voice: str, midi: int, beat: float, beats: float, vel: float, pan: float, send: float
    ) -> None:
        """A ``beats``-long note; its gate is rounded to 64 samples so repeats share one rendering."""
        start = self.when(beat)
        gate = max(64, round((self.when(beat + beats) - start) * self.sr / 64) * 64)
        if self.humanize:
            start += float(self.rng.uniform(-self.humanize, self.humanize))
        vel *= self.level.get(voice, 1.0)
        self.events.append(Event(max(0.0, start), gate, voice, midi, vel, pan, send))

    def hit(self, drum: str, beat: float, vel: float, send: float = 0.08) -> None:
        """A drum hit at the drum's own gain and pan (drums are one-shots: no gate)."""
        start = self.when(beat)
        if self.humanize:
            start += float(self.rng.uniform(-self.humanize, self.humanize) * 0.5)
        vel *= DRUM_GAIN[drum] * self.level.get(drum, 1.0)
        self.events.append(Event(max(0.0, start), 0, drum, 0, vel, DRUM_PAN[drum], send))
