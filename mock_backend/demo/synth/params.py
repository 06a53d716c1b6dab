"""``SynthParams``: what a demo track is made of, checked when the catalog is loaded.

The catalog names a track's music by a handful of values (seed, tempo, key, mode, style and a few
overrides); everything else follows from the seed. Checking them here, against the same tables the
renderer reads, makes a bad catalog entry fail at load time instead of on first render.
"""

from __future__ import annotations

from dataclasses import dataclass

from mock_backend.demo.synth.instruments import INSTRUMENTS
from mock_backend.demo.synth.styles import STYLES
from mock_backend.demo.synth.theory import KEYS, SCALES

__all__ = ["SynthParams"]


@dataclass(frozen=True, slots=True)
class SynthParams:
    """What a demo track is made of; everything else follows from the seed.

    ``style`` picks the arrangement (instruments, drum pattern, accompaniment figure, reverb); ``lead``
    overrides the style's melody instrument; ``swing`` (0 = straight, 1 = full triplet feel) overrides
    the style's default; ``pentatonic`` limits the melody to five notes of the mode (folk, ambient, rock
    sound more idiomatic that way); ``meter`` is beats per bar (3 for waltzes and minuets).
    """

    seed: int
    tempo_bpm: float
    key: str
    scale: str
    style: str
    meter: int = 4
    lead: str | None = None
    swing: float | None = None
    pentatonic: bool = False

    def __post_init__(self) -> None:
        """Reject parameters the renderer cannot honour, so a bad catalog entry fails when loaded."""
        if self.key not in KEYS:
            raise ValueError(f"unknown key {self.key!r}; expected one of {', '.join(KEYS)}")
        if self.scale not in SCALES:
            raise ValueError(f"unknown scale {self.scale!r}; expected one of {', '.join(SCALES)}")
        if self.style not in STYLES:
            raise ValueError(f"unknown style {self.style!r}; expected one of {', '.join(STYLES)}")
        if self.meter not in (3, 4):
            raise ValueError(f"meter must be 3 or 4 beats per bar, not {self.meter}")
        if not 40 <= self.tempo_bpm <= 220:
            raise ValueError(f"tempo_bpm must be within 40..220, not {self.tempo_bpm}")
        if self.lead is not None and self.lead not in INSTRUMENTS:
            raise ValueError(
                f"unknown lead instrument {self.lead!r}; expected one of {', '.join(INSTRUMENTS)}"
            )
        if self.swing is not None and not 0.0 <= self.swing <= 1.0:
            raise ValueError(f"swing must be within 0..1, not {self.swing}")
