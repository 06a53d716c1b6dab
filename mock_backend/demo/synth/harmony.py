"""The harmonic plan of a piece: its bars (intro, body, held ending) and the chord in each.

A piece opens with one or two bars of accompaniment alone, then the melody enters and the style's
progression (picked by the seed) cycles until the ending, a tonic chord held to the end of the track. The
melody and the accompaniment both read their chords from here, so they cannot disagree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from mock_backend.demo.synth.params import SynthParams
from mock_backend.demo.synth.styles import Style
from mock_backend.demo.synth.theory import KEYS, SCALES, stacked_thirds

__all__ = ["Harmony"]


@dataclass(frozen=True, slots=True)
class Harmony:
    """Key, progression and bar layout of one piece; bars are counted from 0."""

    key: int  # pitch class of the tonic
    mode: tuple[int, ...]
    progression: tuple[int, ...]  # 0-based scale degrees
    bars_per_chord: int
    intro: int  # bars before the melody enters
    end_bar: int  # the bar the held ending starts in
    ring_beats: float  # how long the ending is held, in beats

    @classmethod
    def plan(
        cls, params: SynthParams, style: Style, rng: np.random.Generator, spb: float, duration_s: float
    ) -> Harmony:
        """Pick the progression (one draw from ``rng``) and lay out ``duration_s`` at ``spb`` s a beat."""
        progression = style.progressions[int(rng.integers(len(style.progressions)))]
        bar_s = spb * params.meter
        intro = 1 if bar_s >= 2.5 else 2
        end_bar = max(intro + 1, math.floor((duration_s - 2.5) / bar_s))
        ring_beats = max(1.0, (duration_s - end_bar * bar_s) / spb - 0.5)
        return cls(
            KEYS[params.key],
            SCALES[params.scale],
            progression,
            style.bars_per_chord,
            intro,
            end_bar,
            ring_beats,
        )

    def chord_pcs(self, degree: int, size: int = 3, start: int = 0) -> list[int]:
        """Pitch classes of the diatonic chord on ``degree`` (see ``theory.stacked_thirds``)."""
        return stacked_thirds(self.key, self.mode, degree, size, start)

    def degree_at(self, bar: int) -> int:
        """Scale degree of the chord in ``bar``; the intro's last bar has the progression's last chord."""
        if bar < self.intro:
            return self.progression[-1] if bar == self.intro - 1 else self.progression[0]
        if bar >= self.end_bar:
            return 0
        prog = self.progression
        return prog[((bar - self.intro) // self.bars_per_chord) % len(prog)]
