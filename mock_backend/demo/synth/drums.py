"""The drum kit and the per-genre drum patterns.

Drums are filtered noise and pitched decays, rendered once per track (from the track's seeded generator,
so each track's kit is its own but always the same) and reused for every hit. Patterns are strings of
sixteenth steps per drum, so a groove reads like a drum machine's grid.
"""

from __future__ import annotations

import math

import numpy as np

from mock_backend.demo.synth.oscillators import F32, Float

__all__ = ["DRUM_GAIN", "DRUM_PAN", "PATTERNS", "VELOCITY", "drum_kit"]


def _bandpass(x: Float, sr: int, lo: float, hi: float) -> Float:
    """Brick-wall-ish band-pass by FFT masking with soft edges; fine for short one-shot drum samples."""
    spec = np.fft.rfft(x)
    freqs = np.fft.rfftfreq(x.size, 1.0 / sr)
    mask = 1.0 / (1.0 + (lo / np.maximum(freqs, 1.0)) ** 4) / (1.0 + (freqs / hi) ** 4)
    return np.fft.irfft(spec * mask, x.size)


def drum_kit(sr: int, rng: np.random.Generator) -> dict[str, F32]:
    """Every drum as a float32 one-shot normalized to peak 1, drawing its noise from ``rng``."""

    def t_of(seconds: float) -> Float:
        return np.arange(int(seconds * sr)) / sr

    def noise(seconds: float) -> Float:
        return rng.standard_normal(int(seconds * sr))

    kit: dict[str, Float] = {}
    t = t_of(0.45)
    freq = 45.0 + 80.0 * np.exp(-t * 30.0)
    body = np.sin(2 * math.pi * np.cumsum(freq) / sr) * np.exp(-t * 7.0)
    click = _bandpass(noise(0.45), sr, 1500, 6000) * np.exp(-t * 250.0) * 0.25
    kit["kick"] = body + click

    t = t_of(0.3)
    tone = np.sin(2 * math.pi * 185.0 * t) * np.exp(-t * 25.0) * 0.6
    kit["snare"] = tone + _bandpass(noise(0.3), sr, 1200, 9000) * np.exp(-t * 16.0)

    t = t_of(0.1)
    kit["hat"] = _bandpass(noise(0.1), sr, 7000, 16000) * np.exp(-t * 60.0)
    t = t_of(0.45)
    kit["openhat"] = _bandpass(noise(0.45), sr, 6500, 16000) * np.exp(-t * 8.0)
    kit["hatfoot"] = _bandpass(noise(0.1), sr, 5000, 12000) * np.exp(-t_of(0.1) * 45.0)

    t = t_of(1.2)
    metal = sum(np.sign(np.sin(2 * math.pi * fq * t)) for fq in (340.0, 512.0, 795.0, 1051.0, 1333.0, 1709.0))
    ring = _bandpass(np.asarray(metal, dtype=np.float64), sr, 3000, 12000) * 0.15
    kit["ride"] = (ring + _bandpass(noise(1.2), sr, 5000, 14000) * 0.5) * np.exp(-t * 3.0)

    t = t_of(0.3)
    kit["brush"] = _bandpass(noise(0.3), sr, 2000, 10000) * np.minimum(t / 0.015, 1.0) * np.exp(-t * 12.0)
    t = t_of(0.12)
    kit["shaker"] = _bandpass(noise(0.12), sr, 4000, 14000) * np.minimum(t / 0.008, 1.0) * np.exp(-t * 40.0)

    t = t_of(0.35)
    bursts = sum(np.exp(-np.maximum(t - d, 0.0) * 120.0) * (t >= d) for d in (0.0, 0.009, 0.019))
    tail = np.exp(-t * 18.0) * 0.5
    kit["clap"] = _bandpass(noise(0.35), sr, 900, 5000) * (np.asarray(bursts, dtype=np.float64) + tail)

    t = t_of(2.2)
    kit["crash"] = _bandpass(noise(2.2), sr, 3500, 16000) * np.exp(-t * 2.2)

    return {name: (sample / float(np.max(np.abs(sample)))).astype(np.float32) for name, sample in kit.items()}


DRUM_GAIN = {
    "kick": 0.95, "snare": 1.5, "clap": 1.5, "hat": 0.55, "openhat": 0.3, "hatfoot": 0.45,
    "ride": 0.2, "brush": 0.64, "shaker": 0.6, "crash": 0.28,
}  # fmt: skip
"""Per-drum gain, before the style's level trims."""
DRUM_PAN = {
    "kick": 0.0, "snare": 0.05, "clap": -0.05, "hat": 0.3, "openhat": 0.3, "hatfoot": 0.2,
    "ride": -0.35, "brush": 0.1, "shaker": 0.4, "crash": -0.25,
}  # fmt: skip
"""Per-drum pan position, -1 (left) .. 1 (right): roughly where the pieces sit on a stage."""

VELOCITY = {"X": 1.0, "x": 0.7, "o": 0.4}
"""Pattern steps: X accent, x normal, o soft (anything else is a rest)."""

PATTERNS: dict[str, dict[int, dict[str, str]]] = {
    "electronic": {
        4: {"kick": "X---X---X---X---", "clap": "----X-------X---", "hat": "o-x-o-x-o-x-o-xo"},
        3: {"kick": "X---X---X---", "clap": "----X-------", "hat": "o-x-o-x-o-x-"},
    },
    "rock": {
        4: {"kick": "X-----x-X-x-----", "snare": "----X-------X---", "hat": "X-x-X-x-X-x-X-x-"},
        3: {"kick": "X-------x---", "snare": "----X---X---", "hat": "X-x-x-x-x-x-"},
    },
    "jazz": {
        4: {"ride": "X---X-x-X---X-x-", "hatfoot": "----x-------x---", "kick": "o-------o-------"},
        3: {"ride": "X---x-x-x---", "hatfoot": "----x---x---", "kick": "o-----------"},
    },
    "folk": {
        4: {"kick": "x-------x-------", "shaker": "x-o-x-o-x-o-x-o-", "brush": "----o-------o---"},
        3: {"kick": "x-----------", "shaker": "x-o-x-o-x-o-", "brush": "----o---o---"},
    },
}
"""Patterns in sixteenth steps, per style and meter (beats per bar); classical and ambient have no drums."""
