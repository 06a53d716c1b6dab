"""Pitch material: key names, the heptatonic modes, and where chord tones sit.

Harmony is always diatonic to one of the modes, so a chord is its scale degree with thirds stacked on it
(``stacked_thirds``); voicings place those pitch classes in a register. MIDI note numbers throughout.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["KEYS", "SCALES", "place", "stacked_thirds", "voicing"]

KEYS: dict[str, int] = {
    "C": 0, "B#": 0, "C#": 1, "Db": 1, "D": 2, "D#": 3, "Eb": 3, "E": 4, "Fb": 4, "F": 5, "E#": 5,
    "F#": 6, "Gb": 6, "G": 7, "G#": 8, "Ab": 8, "A": 9, "A#": 10, "Bb": 10, "B": 11, "Cb": 11,
}  # fmt: skip
"""Key names accepted in ``SynthParams.key`` → pitch class."""

SCALES: dict[str, tuple[int, ...]] = {
    "major": (0, 2, 4, 5, 7, 9, 11),
    "minor": (0, 2, 3, 5, 7, 8, 10),
    "dorian": (0, 2, 3, 5, 7, 9, 10),
    "mixolydian": (0, 2, 4, 5, 7, 9, 10),
    "lydian": (0, 2, 4, 6, 7, 9, 11),
    "phrygian": (0, 1, 3, 5, 7, 8, 10),
    "harmonic_minor": (0, 2, 3, 5, 7, 8, 11),
}
"""Heptatonic modes. Harmony is always diatonic to one of these, so chords are built by stacking thirds."""


def stacked_thirds(key: int, mode: Sequence[int], degree: int, size: int = 3, start: int = 0) -> list[int]:
    """Pitch classes of the chord on scale ``degree``: ``size`` stacked thirds from the ``start``-th.

    ``start=1`` drops the root (a rootless voicing); ``size=4`` adds the seventh.
    """
    return [(key + mode[(degree + 2 * (start + i)) % 7]) % 12 for i in range(size)]


def place(pc: int, lo: int) -> int:
    """The MIDI note of pitch class ``pc`` in the octave starting at ``lo``."""
    return lo + (pc - lo) % 12


def voicing(pcs: Sequence[int], center: int) -> list[int]:
    """Each chord tone in the octave around ``center``: close voicing, smooth-ish voice leading."""
    return sorted(place(pc, center - 6) for pc in pcs)
