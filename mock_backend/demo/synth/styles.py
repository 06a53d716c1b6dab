"""What each genre plays: the per-style table (``STYLES``) that ``SynthParams.style`` names.

A style is data, not code: its progressions, melody rhythm cells, lead instrument and range, feel (swing,
articulation), reverb and mix trims. The figures only a genre plays (a walking bass, an arpeggio, a
power-chord chug) are in ``accompaniment``, and its drum pattern is in ``drums``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["STYLES", "Style"]


@dataclass(frozen=True, slots=True)
class Style:
    """One genre's arrangement; see ``STYLES``."""

    progressions: tuple[tuple[int, ...], ...]  # 0-based scale degrees, one chord per bars_per_chord bars
    cells: dict[int, tuple[tuple[float, ...], ...]]  # melody rhythms per meter, in beats; negative = rest
    lead: str  # melody instrument unless SynthParams.lead overrides it
    lead_range: tuple[int, int]  # lowest and highest MIDI note of the melody
    articulation: float  # fraction of each written melody note that sounds
    swing: float  # default feel, 0 straight .. 1 full triplet, unless SynthParams.swing overrides it
    reverb_send: float
    reverb_decay: float  # seconds
    drive: float  # > 1: the mix goes through a tanh of this much gain (glue for drum-heavy styles)
    bars_per_chord: int = 1
    level: dict[str, float] = field(default_factory=dict)  # per-voice / per-drum gain trims (the mix)


_CELLS3 = ((1.0, 1.0, 1.0), (2.0, 1.0), (1.5, 0.5, 1.0), (1.0, 0.5, 0.5, 1.0), (0.5, 0.5, 1.0, 1.0))

STYLES: dict[str, Style] = {
    "jazz": Style(
        progressions=((1, 4, 0, 5), (0, 5, 1, 4), (2, 5, 1, 4)),
        cells={
            4: (
                (1.5, 0.5, 1.0, 1.0),
                (0.5, 0.5, 0.5, 0.5, 1.0, -1.0),
                (-0.5, 0.5, 0.5, 0.5, 1.5, 0.5),
                (1.0, 0.5, 0.5, 2.0),
                (0.5, 1.0, 0.5, 1.0, 1.0),
            ),
            3: _CELLS3,
        },
        lead="brass",
        lead_range=(58, 79),
        articulation=0.85,
        swing=0.9,
        reverb_send=0.25,
        reverb_decay=1.4,
        drive=1.0,
        level={"bass_upright": 0.7, "ep": 1.4, "kick": 0.5},
    ),
    "electronic": Style(
        progressions=((0, 5, 2, 6), (0, 3, 5, 4), (5, 3, 0, 4)),
        cells={
            4: (
                (0.75, 0.75, 0.5, 1.0, 1.0),
                (1.0, -0.5, 0.5, 1.0, 1.0),
                (0.5, 0.5, 0.75, 0.75, 0.5, 1.0),
                (2.0, 1.0, 1.0),
                (1.5, 1.5, 1.0),
            ),
            3: _CELLS3,
        },
        lead="square_lead",
        lead_range=(64, 84),
        articulation=0.8,
        swing=0.0,
        reverb_send=0.3,
        reverb_decay=1.8,
        drive=1.6,
        level={"square_lead": 0.8, "arp": 1.8},
    ),
    "classical": Style(
        progressions=((0, 3, 4, 0), (0, 5, 1, 4), (0, 3, 1, 4)),
        cells={
            4: (
                (1.0, 1.0, 1.0, 1.0),
                (2.0, 1.0, 1.0),
                (1.5, 0.5, 1.0, 1.0),
                (1.0, 1.0, 2.0),
                (0.5, 0.5, 1.0, 1.0, 1.0),
                (3.0, 1.0),
            ),
            3: ((2.0, 1.0), (1.0, 1.0, 1.0), (1.5, 0.5, 1.0), (3.0,), (0.5, 0.5, 1.0, 1.0)),
        },
        lead="strings",
        lead_range=(62, 86),
        articulation=0.95,
        swing=0.0,
        reverb_send=0.45,
        reverb_decay=2.4,
        drive=1.0,
        level={"piano": 1.2},
    ),
    "rock": Style(
        progressions=((0, 4, 5, 3), (0, 6, 5, 6), (0, 3, 0, 4)),
        cells={
            4: (
                (1.0, 1.0, 0.5, 0.5, 1.0),
                (0.5, 0.5, 1.0, 1.0, 1.0),
                (1.5, 0.5, 2.0),
                (1.0, 0.5, 0.5, 0.5, 0.5, 1.0),
                (2.0, -1.0, 1.0),
            ),
            3: _CELLS3,
        },
        lead="lead_drive",
        lead_range=(62, 81),
        articulation=0.85,
        swing=0.0,
        reverb_send=0.2,
        reverb_decay=1.2,
        drive=1.8,
        level={"guitar_dist": 0.6, "bass_rock": 0.6, "lead_drive": 0.75},
    ),
    "ambient": Style(
        progressions=((0, 3), (0, 5), (3, 0), (0, 1)),
        cells={
            4: ((4.0,), (2.0, 2.0), (3.0, 1.0), (-2.0, 2.0), (1.0, 3.0)),
            3: ((3.0,), (2.0, 1.0), (-1.0, 2.0), (1.0, 2.0)),
        },
        lead="flute",
        lead_range=(62, 84),
        articulation=1.0,
        swing=0.0,
        reverb_send=0.8,
        reverb_decay=4.5,
        drive=1.0,
        bars_per_chord=2,
        level={"sub": 0.4, "pad": 1.6, "flute": 0.6, "bell": 1.6},
    ),
    "folk": Style(
        progressions=((0, 3, 0, 4), (5, 3, 0, 4), (0, 4, 5, 3)),
        cells={
            4: (
                (1.0, 0.5, 0.5, 1.0, 1.0),
                (1.5, 0.5, 1.0, 1.0),
                (0.5, 0.5, 1.0, 0.5, 0.5, 1.0),
                (2.0, 1.0, 1.0),
                (1.0, 1.0, 2.0),
            ),
            3: ((1.0, 1.0, 1.0), (2.0, 1.0), (1.5, 0.5, 1.0), (1.0, 0.5, 0.5, 1.0)),
        },
        lead="fiddle",
        lead_range=(62, 84),
        articulation=0.9,
        swing=0.0,
        reverb_send=0.3,
        reverb_decay=1.6,
        drive=1.0,
        level={"kick": 0.45, "pluck": 1.25, "fiddle": 0.85},
    ),
}
"""Arrangement styles by name (``SynthParams.style``); genres map onto these in the catalog."""
