"""Synthesized music for the demo catalog.

The mock backend must ship a catalog that a person can actually listen to (buying, losing and getting
back a track is easier to judge when the tracks are distinguishable), without shipping audio files or
licensing any. So every demo track is rendered from a handful of parameters: a seeded generator writes a
short piece — chord progression, a melody built from motifs that repeat in an A A' B A' form, a bass
line, an accompaniment figure and a drum pattern chosen by genre — and plays it on small additive / FM
instruments.

Everything is vectorized numpy: each distinct note is rendered once (music repeats, so a cache keyed by
instrument, pitch and length does most of the work) and mixed in with slice additions; the reverb is an
FFT convolution at a quarter of the sample rate. A 60 s stereo track renders in 0.1-0.2 s on a modest
machine, so the backend can build the whole catalog on first start.

Determinism: all randomness comes from ``numpy.random.default_rng(seed)`` (never ``hash()``, which is
salted per process), so a track's audio — and therefore its encoded bytes and content hash — is the same
on every run (on one machine and numpy build: other SIMD paths may round the last bit differently).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "INSTRUMENTS",
    "KEYS",
    "SCALES",
    "STYLES",
    "SynthParams",
    "render",
]

Float = NDArray[np.float64]
F32 = NDArray[np.float32]

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


# --------------------------------------------------------------------------------------------------
# Instruments. Each takes (frequency, gate length in samples, sample rate) and returns a float32 mono
# note that includes its release tail. They are additive (harmonics through a Chebyshev recurrence,
# which costs a few multiplies per harmonic instead of a sin() call) or two-operator FM, never
# aliasing-prone naive waveforms. Everything is float32: numpy's float32 sin/exp are SIMD and ~20x
# faster than float64 here, and phases stay precise because whole cycles are dropped per block.
# --------------------------------------------------------------------------------------------------

_BLOCK = 1024
_TWO_PI = np.float32(2.0 * math.pi)


def _cycles(freq: float, n: int, sr: int) -> F32:
    """``freq * t`` in cycles, as float32 that stays precise for long notes.

    A plain float32 ``2π·f·t`` loses ~1e-3 cycles of precision after ten seconds (audible as phase
    noise); here the whole cycles are removed once per 1024-sample block in float64, so every value is
    below ``freq * 1024 / sr`` cycles.
    """
    nb = -(-n // _BLOCK)
    starts = np.arange(nb, dtype=np.float64) * (_BLOCK * freq / sr)
    base = (starts - np.floor(starts)).astype(np.float32)
    local = np.arange(_BLOCK, dtype=np.float32) * np.float32(freq / sr)
    return (base[:, None] + local[None, :]).ravel()[:n]


def _phase(freq: float, n: int, sr: int, vib: tuple[float, float, float] | None = None) -> F32:
    """Phase in radians of a tone; ``vib`` = (rate Hz, depth as a fraction of freq, delay s) adds vibrato."""
    cyc = _cycles(freq, n, sr)
    if vib is not None:
        rate, depth, delay = vib
        t = np.arange(n, dtype=np.float32) / np.float32(sr)
        ramp = np.clip((t - np.float32(delay)) / np.float32(0.3), 0.0, 1.0)
        lfo = np.sin(_TWO_PI * _cycles(rate, n, sr))
        cyc = cyc + np.float32(depth * freq / (rate * 2.0 * math.pi)) * ramp * lfo
    return _TWO_PI * cyc


def _f32(x: Any) -> F32:
    """The array as float32, without a copy: numpy's stubs lose the dtype through ufuncs, mypy wants it."""
    return np.asarray(x, dtype=np.float32)


def _time(n: int, sr: int) -> F32:
    return np.arange(n, dtype=np.float32) / np.float32(sr)


def _env(n_gate: int, sr: int, attack: float, decay_rate: float, sustain: float, release: float) -> F32:
    """Exponential ADSR over the gate plus a release tail that ends exactly at zero (no click)."""
    na = max(1, int(attack * sr))
    nr = max(1, int(release * sr))
    total = n_gate + nr
    t = np.arange(total, dtype=np.float32)
    env = np.minimum(t / np.float32(na), np.float32(1.0))
    if sustain < 1.0:
        after = np.maximum(t - np.float32(na), np.float32(0.0)) / np.float32(sr)
        env *= np.float32(sustain) + np.float32(1.0 - sustain) * np.exp(np.float32(-decay_rate) * after)
    level = env[n_gate - 1] if n_gate > 0 else np.float32(0.0)
    x = (t[n_gate:] - np.float32(n_gate)) / np.float32(nr)
    env[n_gate:] = level * np.exp(np.float32(-4.0) * x) * (np.float32(1.0) - x)
    return _f32(env)


def _additive(phase: F32, weights: Sequence[float], tilt: F32 | None = None) -> F32:
    """Sum of ``weights[k-1] * tilt**(k-1) * sin(k * phase)``.

    Uses sin(kx) = 2cos(x)·sin((k-1)x) - sin((k-2)x): one sin and one cos for any number of harmonics.
    ``tilt`` (an array in time) makes upper harmonics die faster — a cheap stand-in for a closing filter.
    """
    c2 = np.float32(2.0) * np.cos(phase)
    s_prev = np.zeros_like(phase)
    s = np.sin(phase)
    out = np.float32(weights[0]) * s
    gain = None if tilt is None else tilt.copy()
    for w in weights[1:]:
        s_prev, s = s, c2 * s - s_prev
        if w != 0.0:
            out += np.float32(w) * s if gain is None else np.float32(w) * gain * s
        if gain is not None and tilt is not None:
            gain *= tilt
    return out


def _n_harm(freq: float, sr: int, wanted: int) -> int:
    """How many harmonics fit below ~0.45·sr (no aliasing, with room for vibrato)."""
    return max(1, min(wanted, int(0.45 * sr / (freq * 1.01))))


def _saw_weights(k: int, power: float = 1.0, rolloff: float = 1.0) -> list[float]:
    return [rolloff**i / ((i + 1) ** power) for i in range(k)]


def _decay(t: F32, rate: float) -> F32:
    return _f32(np.exp(np.float32(-rate) * t))


def _i_piano(f: float, n: int, sr: int) -> F32:
    env = _env(n, sr, 0.004, 1.3, 0.0, 0.15)
    t = _time(env.size, sr)
    return _additive(_phase(f, env.size, sr), _saw_weights(_n_harm(f, sr, 10), 1.4), _decay(t, 1.1)) * env


def _i_ep(f: float, n: int, sr: int) -> F32:
    env = _env(n, sr, 0.003, 1.0, 0.05, 0.2)
    t = _time(env.size, sr)
    ph = _phase(f, env.size, sr)
    index = np.float32(1.6) * _decay(t, 3.0) + np.float32(0.25)
    tine = np.float32(0.12) * np.sin(np.float32(14.0) * ph) * _decay(t, 30.0) if f * 14 < 0.45 * sr else 0.0
    return _f32((np.sin(ph + index * np.sin(ph)) + tine) * env)


def _i_organ(f: float, n: int, sr: int) -> F32:
    env = _env(n, sr, 0.008, 0.0, 1.0, 0.06)
    t = _time(env.size, sr)
    ph = _phase(f, env.size, sr)
    w = [1.0, 0.6, 0.35, 0.3, 0.0, 0.15, 0.0, 0.1][: _n_harm(f, sr, 8)]
    tone = _additive(ph, w) + np.float32(0.45) * np.sin(np.float32(0.5) * ph)
    return _f32(tone * (np.float32(1.0) + np.float32(0.08) * np.sin(_TWO_PI * np.float32(5.7) * t)) * env)


def _i_strings(f: float, n: int, sr: int) -> F32:
    env = _env(n, sr, 0.18, 2.0, 0.8, 0.35)
    w = _saw_weights(_n_harm(f, sr, 8), 1.0, 0.8)
    a = _additive(_phase(f * 0.998, env.size, sr, (5.2, 0.003, 0.25)), w)
    b = _additive(_phase(f * 1.002, env.size, sr, (4.7, 0.003, 0.3)) + np.float32(1.7), w)
    return (a + b) * env


def _i_pad(f: float, n: int, sr: int) -> F32:
    env = _env(n, sr, 0.9, 1.0, 0.85, 1.2)
    w = [1.0, 0.25, 0.15, 0.08, 0.05, 0.03][: _n_harm(f, sr, 6)]
    out = _additive(_phase(f * 0.996, env.size, sr), w)
    out += _additive(_phase(f * 1.004, env.size, sr) + np.float32(2.1), w)
    return out * env


def _i_saw_lead(f: float, n: int, sr: int) -> F32:
    env = _env(n, sr, 0.01, 3.0, 0.7, 0.12)
    w = _saw_weights(_n_harm(f, sr, 12), 1.0, 0.85)
    return _additive(_phase(f, env.size, sr, (5.5, 0.0025, 0.2)), w) * env


def _i_lead_drive(f: float, n: int, sr: int) -> F32:
    return _f32(np.tanh(np.float32(2.5) * _i_saw_lead(f, n, sr)))


def _i_square_lead(f: float, n: int, sr: int) -> F32:
    env = _env(n, sr, 0.005, 4.0, 0.6, 0.08)
    k = _n_harm(f, sr, 11)
    w = [0.93**i / (i + 1) if i % 2 == 0 else 0.0 for i in range(k)]
    return _additive(_phase(f, env.size, sr, (5.0, 0.002, 0.3)), w) * env


def _i_pluck(f: float, n: int, sr: int) -> F32:
    env = _env(n, sr, 0.002, 1.4, 0.0, 0.08)
    t = _time(env.size, sr)
    w = [abs(math.sin(math.pi * i * 0.17)) / i**1.5 for i in range(1, _n_harm(f, sr, 14) + 1)]
    return _additive(_phase(f, env.size, sr), w, _decay(t, 0.6)) * env


def _i_arp(f: float, n: int, sr: int) -> F32:
    env = _env(n, sr, 0.002, 6.0, 0.05, 0.05)
    t = _time(env.size, sr)
    return _additive(_phase(f, env.size, sr), _saw_weights(_n_harm(f, sr, 10)), _decay(t, 9.0)) * env


def _i_bell(f: float, n: int, sr: int) -> F32:
    env = _env(n, sr, 0.002, 0.9, 0.0, 0.4)
    t = _time(env.size, sr)
    ph = _phase(f, env.size, sr)
    index = np.float32(2.5) * _decay(t, 2.5) + np.float32(0.3)
    return _f32((np.sin(ph + index * np.sin(np.float32(3.5) * ph)) + np.float32(0.3) * np.sin(ph)) * env)


def _i_vibes(f: float, n: int, sr: int) -> F32:
    env = _env(n, sr, 0.002, 1.5, 0.0, 0.3)
    t = _time(env.size, sr)
    ph = _phase(f, env.size, sr)
    tone = np.sin(ph) + np.float32(0.35) * np.sin(np.float32(4.0) * ph) * _decay(t, 4.0)
    return _f32(tone * (np.float32(1.0) + np.float32(0.25) * np.sin(_TWO_PI * np.float32(5.0) * t)) * env)


def _i_brass(f: float, n: int, sr: int) -> F32:
    env = _env(n, sr, 0.04, 2.5, 0.75, 0.1)
    ph = _phase(f, env.size, sr, (5.0, 0.003, 0.3))
    return np.sin(ph + np.float32(1.8) * env * np.sin(ph)) * env


def _i_flute(f: float, n: int, sr: int) -> F32:
    env = _env(n, sr, 0.07, 2.0, 0.8, 0.12)
    w = [1.0, 0.15, 0.05][: _n_harm(f, sr, 3)]
    return _additive(_phase(f, env.size, sr, (4.8, 0.0035, 0.25)), w) * env


def _i_fiddle(f: float, n: int, sr: int) -> F32:
    env = _env(n, sr, 0.05, 2.0, 0.8, 0.1)
    w = _saw_weights(_n_harm(f, sr, 12), 1.1, 0.88)
    return _additive(_phase(f, env.size, sr, (6.0, 0.005, 0.15)), w) * env


def _i_bass_upright(f: float, n: int, sr: int) -> F32:
    env = _env(n, sr, 0.006, 2.5, 0.15, 0.07)
    t = _time(env.size, sr)
    return _additive(_phase(f, env.size, sr), [1.0, 0.45, 0.15, 0.07], _decay(t, 2.0)) * env


def _i_bass_synth(f: float, n: int, sr: int) -> F32:
    env = _env(n, sr, 0.004, 3.0, 0.5, 0.06)
    t = _time(env.size, sr)
    ph = _phase(f, env.size, sr)
    tilt = np.float32(0.35) + np.float32(0.65) * _decay(t, 6.0)
    return _f32((_additive(ph, _saw_weights(_n_harm(f, sr, 10)), tilt) + np.float32(0.5) * np.sin(ph)) * env)


def _i_bass_rock(f: float, n: int, sr: int) -> F32:
    env = _env(n, sr, 0.004, 1.5, 0.6, 0.06)
    tone = _additive(_phase(f, env.size, sr), _saw_weights(_n_harm(f, sr, 8)))
    return _f32(np.tanh(np.float32(2.0) * tone) * env)


def _i_sub(f: float, n: int, sr: int) -> F32:
    env = _env(n, sr, 0.5, 1.0, 0.9, 1.0)
    return _additive(_phase(f, env.size, sr), [1.0, 0.1]) * env


def _i_guitar_dist(f: float, n: int, sr: int) -> F32:
    """A palm-muted power chord (root, fifth, octave) through a soft clipper, lightly smoothed."""
    env = _env(n, sr, 0.003, 6.0, 0.25, 0.05)
    w = _saw_weights(_n_harm(f * 2, sr, 8))
    ph = _phase(f, env.size, sr)
    fifth = _phase(f * 1.5, env.size, sr)
    chord = _additive(ph, w) + _additive(fifth, w) + np.float32(0.6) * _additive(np.float32(2.0) * ph, w)
    dist = np.tanh(np.float32(4.0) * chord)
    dist[1:-1] = (dist[:-2] + dist[1:-1] + dist[2:]) / np.float32(3.0)
    return dist * env


Instrument = Callable[[float, int, int], F32]

INSTRUMENTS: dict[str, Instrument] = {
    "piano": _i_piano,
    "ep": _i_ep,
    "organ": _i_organ,
    "strings": _i_strings,
    "pad": _i_pad,
    "saw_lead": _i_saw_lead,
    "lead_drive": _i_lead_drive,
    "square_lead": _i_square_lead,
    "pluck": _i_pluck,
    "arp": _i_arp,
    "bell": _i_bell,
    "vibes": _i_vibes,
    "brass": _i_brass,
    "flute": _i_flute,
    "fiddle": _i_fiddle,
    "bass_upright": _i_bass_upright,
    "bass_synth": _i_bass_synth,
    "bass_rock": _i_bass_rock,
    "sub": _i_sub,
    "guitar_dist": _i_guitar_dist,
}
"""Pitched instruments by name (``SynthParams.lead`` must be one of these)."""


# --------------------------------------------------------------------------------------------------
# Drums: filtered noise and pitched decays, rendered once per track (seeded) and reused for every hit.
# --------------------------------------------------------------------------------------------------


def _bandpass(x: Float, sr: int, lo: float, hi: float) -> Float:
    """Brick-wall-ish band-pass by FFT masking with soft edges; fine for short one-shot drum samples."""
    spec = np.fft.rfft(x)
    freqs = np.fft.rfftfreq(x.size, 1.0 / sr)
    mask = 1.0 / (1.0 + (lo / np.maximum(freqs, 1.0)) ** 4) / (1.0 + (freqs / hi) ** 4)
    return np.fft.irfft(spec * mask, x.size)


def _drum_kit(sr: int, rng: np.random.Generator) -> dict[str, F32]:
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


_DRUM_GAIN = {
    "kick": 0.95, "snare": 1.5, "clap": 1.5, "hat": 0.55, "openhat": 0.3, "hatfoot": 0.45,
    "ride": 0.2, "brush": 0.64, "shaker": 0.6, "crash": 0.28,
}  # fmt: skip
_DRUM_PAN = {
    "kick": 0.0, "snare": 0.05, "clap": -0.05, "hat": 0.3, "openhat": 0.3, "hatfoot": 0.2,
    "ride": -0.35, "brush": 0.1, "shaker": 0.4, "crash": -0.25,
}  # fmt: skip

# Patterns in sixteenth steps: X accent, x normal, o soft.
_VEL = {"X": 1.0, "x": 0.7, "o": 0.4}
_PATTERNS: dict[str, dict[int, dict[str, str]]] = {
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


# --------------------------------------------------------------------------------------------------
# Styles: what each genre plays.
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Style:
    progressions: tuple[tuple[int, ...], ...]  # 0-based scale degrees, one chord per bars_per_chord bars
    cells: dict[int, tuple[tuple[float, ...], ...]]  # melody rhythms per meter, in beats; negative = rest
    lead: str
    lead_range: tuple[int, int]
    articulation: float
    swing: float
    reverb_send: float
    reverb_decay: float
    drive: float
    bars_per_chord: int = 1
    level: dict[str, float] = field(default_factory=dict)  # per-voice / per-drum gain trims (the mix)


_CELLS3 = ((1.0, 1.0, 1.0), (2.0, 1.0), (1.5, 0.5, 1.0), (1.0, 0.5, 0.5, 1.0), (0.5, 0.5, 1.0, 1.0))

STYLES: dict[str, _Style] = {
    "jazz": _Style(
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
    "electronic": _Style(
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
    "classical": _Style(
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
    "rock": _Style(
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
    "ambient": _Style(
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
    "folk": _Style(
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


# --------------------------------------------------------------------------------------------------
# Arrangement.
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Event:
    start: float  # seconds
    gate: int  # samples (0 for drums)
    voice: str
    midi: int
    vel: float
    pan: float  # -1 (left) .. 1 (right)
    send: float  # reverb send


@dataclass(slots=True)
class _Song:
    """Accumulates events; converts beat positions to seconds through the swing warp."""

    spb: float
    swing: float
    sr: int
    rng: np.random.Generator
    humanize: float
    level: dict[str, float]
    events: list[_Event] = field(default_factory=list)

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
        start = self.when(beat)
        gate = max(64, round((self.when(beat + beats) - start) * self.sr / 64) * 64)
        if self.humanize:
            start += float(self.rng.uniform(-self.humanize, self.humanize))
        vel *= self.level.get(voice, 1.0)
        self.events.append(_Event(max(0.0, start), gate, voice, midi, vel, pan, send))

    def hit(self, drum: str, beat: float, vel: float, send: float = 0.08) -> None:
        start = self.when(beat)
        if self.humanize:
            start += float(self.rng.uniform(-self.humanize, self.humanize) * 0.5)
        vel *= _DRUM_GAIN[drum] * self.level.get(drum, 1.0)
        self.events.append(_Event(max(0.0, start), 0, drum, 0, vel, _DRUM_PAN[drum], send))


def _place(pc: int, lo: int) -> int:
    """The MIDI note of pitch class ``pc`` in the octave starting at ``lo``."""
    return lo + (pc - lo) % 12


def _voicing(pcs: Sequence[int], center: int) -> list[int]:
    """Each chord tone in the octave around ``center``: close voicing, smooth-ish voice leading."""
    return sorted(_place(pc, center - 6) for pc in pcs)


def render(params: SynthParams, duration_s: float, sample_rate: int = 44100) -> NDArray[np.float32]:
    """Render a piece of ``duration_s`` seconds as float32 stereo, shape (frames, 2), peak at -1 dBFS.

    Same parameters, same samples (bit-for-bit on the same numpy), so encoded demo files are stable.
    """
    if duration_s <= 0:
        raise ValueError(f"duration_s must be positive, not {duration_s}")
    sr = sample_rate
    style = STYLES[params.style]
    rng = np.random.default_rng(params.seed)
    meter = params.meter
    spb = 60.0 / params.tempo_bpm
    bar_s = spb * meter
    n_total = round(duration_s * sr)
    swing = style.swing if params.swing is None else params.swing
    humanize = 0.0 if params.style == "electronic" else 0.006
    song = _Song(spb, swing, sr, rng, humanize, style.level)

    key = KEYS[params.key]
    mode = SCALES[params.scale]
    prog = style.progressions[int(rng.integers(len(style.progressions)))]
    bpc = style.bars_per_chord

    def chord_pcs(degree: int, size: int = 3, start: int = 0) -> list[int]:
        return [(key + mode[(degree + 2 * (start + i)) % 7]) % 12 for i in range(size)]

    intro = 1 if bar_s >= 2.5 else 2
    end_bar = max(intro + 1, math.floor((duration_s - 2.5) / bar_s))

    def degree_at(bar: int) -> int:
        if bar < intro:
            return prog[-1] if bar == intro - 1 else prog[0]
        if bar >= end_bar:
            return 0
        return prog[((bar - intro) // bpc) % len(prog)]

    # ---- melody: motifs in an A A' B A' form -------------------------------------------------
    lead = params.lead or style.lead
    mel_degrees: tuple[int, ...]
    if params.pentatonic:
        third_major = mode[2] == 4
        mel_degrees = (0, 1, 2, 4, 5) if third_major else (0, 2, 3, 4, 6)
    else:
        mel_degrees = (0, 1, 2, 3, 4, 5, 6)
    mel_pcs = {(key + mode[d]) % 12 for d in mel_degrees}
    lo, hi = style.lead_range
    pool = [m for m in range(lo, hi + 1) if m % 12 in mel_pcs]
    tonic_idx = min((i for i, m in enumerate(pool) if m % 12 == key), key=lambda i: abs(i - len(pool) // 3))
    cells = style.cells[meter]

    center = tonic_idx + 3  # lines hover a fifth or so above the tonic

    def fold(idx: int) -> int:
        """Reflect an index back into the pool (clamping would flatten a phrase into one repeated note)."""
        top = len(pool) - 1
        while not 0 <= idx <= top:
            idx = -idx if idx < 0 else 2 * top - idx
        return idx

    def snap(idx: int, pcs: Sequence[int], prev: int) -> int:
        """Move a strong-beat note to the nearest chord tone, preferring not to repeat the last note."""
        idx = fold(idx)
        candidates = sorted(
            (j for j in range(idx - 3, idx + 4) if 0 <= j < len(pool) and pool[j] % 12 in pcs),
            key=lambda j: (abs(j - idx), j),
        )
        if not candidates:
            return idx
        if candidates[0] == prev and len(candidates) > 1 and rng.random() < 0.75:
            return candidates[1]
        return candidates[0]

    Motif = list[tuple[float, float, int]]  # (beat offset in bar, beats, pool index or -1 for a rest)

    def make_motif(start_idx: int) -> Motif:
        cell = cells[int(rng.integers(len(cells)))]
        out: Motif = []
        pos, idx = 0.0, start_idx
        for dur in cell:
            if dur < 0:
                out.append((pos, -dur, -1))
                pos -= dur
                continue
            step = int(rng.choice([-3, -2, -2, -1, -1, -1, 1, 1, 1, 2, 2, 3]))
            if abs(idx + step - center) > 4 and (idx + step - center) * step > 0:
                step = -step  # turn back towards the middle of the range
            idx = fold(idx + step)
            out.append((pos, dur, idx))
            pos += dur
        return out

    def cadence(target: int) -> Motif:
        """A stepwise close onto ``target`` (the fifth for a half cadence, the tonic for a full one)."""
        if bpc > 1:
            return [(0.0, float(meter), target)]
        if meter == 4:
            return [(0.0, 1.0, target + 2), (1.0, 1.0, target + 1), (2.0, 2.0, target)]
        return [(0.0, 1.0, target + 1), (1.0, 2.0, target)]

    m1 = make_motif(tonic_idx + 2)
    m2 = make_motif(m1[-1][2] if m1[-1][2] >= 0 else tonic_idx)
    m3 = make_motif(tonic_idx + 5)
    m4 = make_motif(tonic_idx + 4)
    seq_shift = int(rng.choice([-1, 1, 2]))
    fifth_idx = next((i for i in range(tonic_idx, len(pool)) if (pool[i] - key) % 12 == 7), tonic_idx + 3)

    def shifted(m: Motif, k: int) -> Motif:
        return [(o, d, -1 if i < 0 else i + k) for o, d, i in m]

    forms: dict[str, list[Motif]] = {
        "A": [m1, m2, shifted(m1, seq_shift), cadence(fifth_idx)],
        "A2": [m1, m2, shifted(m1, seq_shift), cadence(tonic_idx)],
        "B": [m3, m4, shifted(m3, -1), cadence(fifth_idx)],
    }
    form_order = ("A", "A2", "B", "A2")
    phrase_bars = 4 * bpc

    for bar in range(intro, end_bar):
        idx = bar - intro
        form = forms[form_order[(idx // phrase_bars) % len(form_order)]]
        motif = form[(idx % phrase_bars) * len(form) // phrase_bars]
        if bpc > 1 and (idx % phrase_bars) % bpc:
            continue  # slow styles: one motif spans two bars
        pcs = chord_pcs(degree_at(bar), 4 if params.style in ("jazz", "ambient") else 3)
        scale_beats = float(bpc) if bpc > 1 else 1.0
        prev = -1
        for off, dur, i in motif:
            if i < 0:
                continue
            strong = off == int(off) and (int(off) % 2 == 0 or dur >= 1.0)
            j = snap(i, pcs, prev) if strong else fold(i)
            prev = j
            vel = (0.95 if off == 0 else 0.8) + float(rng.uniform(-0.05, 0.05))
            song.note(lead, pool[j], bar * meter + off * scale_beats, dur * scale_beats * style.articulation,
                      0.5 * vel, 0.05, style.reverb_send)  # fmt: skip

    # ---- ending: tonic chord held to the end ----------------------------------------------------
    ring_beats = max(1.0, (duration_s - end_bar * bar_s) / spb - 0.5)
    end_beat = end_bar * meter
    song.note(lead, pool[tonic_idx], end_beat, ring_beats, 0.42, 0.05, style.reverb_send)

    # ---- accompaniment, bass and drums per bar -------------------------------------------------------
    _accompany(song, params, style, rng, intro, end_bar, degree_at, chord_pcs, key, ring_beats)

    # ---- mix --------------------------------------------------------------------------------------
    return _mix(song, params, style, n_total, sr)


_END_CHORD = {"jazz": "ep", "electronic": "pad", "classical": "strings", "ambient": "pad", "folk": "pluck"}
_END_BASS = {
    "jazz": "bass_upright", "electronic": "bass_synth", "classical": "strings", "rock": "bass_rock",
    "ambient": "sub", "folk": "pluck",
}  # fmt: skip


def _accompany(
    song: _Song,
    params: SynthParams,
    style: _Style,
    rng: np.random.Generator,
    intro: int,
    end_bar: int,
    degree_at: Callable[[int], int],
    chord_pcs: Callable[..., list[int]],
    key: int,
    ring_beats: float,
) -> None:
    """Chords, bass and drums: the genre's figure in every bar, and a held tonic chord at the end."""
    meter = params.meter
    s = params.style
    send = style.reverb_send
    pattern = _PATTERNS.get(s, {}).get(meter, {})
    steps = meter * 4
    for bar in range(end_bar):
        b0 = bar * meter
        deg = degree_at(bar)
        triad = chord_pcs(deg)
        root = triad[0]
        bass_root = _place(root, 38)
        fifth = _place(triad[2], 38)
        nxt_root = _place(chord_pcs(degree_at(bar + 1))[0], 38)
        phrase_end = bar >= intro and (bar - intro) % 4 == 3
        if s == "jazz":
            voicing = _voicing(chord_pcs(deg, 4, 1), 62)  # rootless 3-5-7-9
            combs = (
                ((0.0, 1.5), (1.5, 0.5)),
                ((0.0, 0.5), (1.5, 1.0)),
                ((1.0, 0.5), (2.5, 1.0)),
                ((2.5, 1.5),),
            )
            for off, dur in combs[int(rng.integers(len(combs)))]:
                if off < meter:
                    for i, m in enumerate(voicing):
                        song.note("ep", m, b0 + off, dur, 0.16, -0.3 + 0.2 * i, send)
            third = _place(triad[1], 38)
            approach = nxt_root + (1 if rng.random() < 0.5 else -1)  # chromatic step into the next root
            if rng.random() < 0.5:
                walk = [bass_root, third, fifth, approach]
            else:
                walk = [bass_root, fifth, bass_root + 12 if bass_root < 44 else third, approach]
            if meter == 3:
                walk = [walk[0], walk[1], approach]
            for i in range(meter):
                song.note("bass_upright", walk[i], b0 + i, 0.9, 0.55, -0.1, 0.1)
            for i in range(meter * 2):
                if rng.random() < 0.12:
                    song.hit("brush", b0 + i * 0.5, float(rng.uniform(0.3, 0.6)))
        elif s == "electronic":
            pad = _voicing(triad, 60)
            for i, m in enumerate(pad):
                song.note("pad", m, b0, meter, 0.12, (-0.6, 0.0, 0.6)[i % 3], send)
            arp = [*_voicing(triad, 72), _voicing(triad, 72)[0] + 12]
            order = (0, 1, 2, 3, 2, 1, 0, 2) if bar % 2 else (0, 1, 2, 1, 3, 2, 1, 2)
            if bar >= intro:
                for i in range(meter * 4):
                    song.note("arp", arp[order[i % 8]], b0 + i * 0.25, 0.2, 0.18, (-0.45, 0.45)[i % 2], send)
            for i in range(meter):  # off-beat bass, jumping an octave in every other bar
                octave = 12 if i % 2 and bar % 2 else 0
                song.note("bass_synth", bass_root + octave, b0 + i + 0.5, 0.4, 0.5, 0.0, 0.0)
        elif s == "classical":
            for i, m in enumerate(_voicing(triad, 57)):
                song.note("strings", m, b0, meter, 0.09, (-0.5, 0.1, 0.5)[i], send)
            low, mid, high = _voicing(triad, 60)
            figure = (low, high, mid, high) * 2
            for i in range(meter * 2):
                song.note("piano", figure[i], b0 + i * 0.5, 0.6, 0.22, -0.25, send)
            song.note("strings", bass_root, b0, meter * 0.95, 0.3, 0.15, send)
        elif s == "rock":
            for i in range(meter * 2):
                vel = 0.5 if i % 4 == 0 or i == 3 else 0.38
                # double-tracked: the right guitar 12 ms late, for width
                song.note("guitar_dist", _place(root, 40), b0 + i * 0.5, 0.4, vel, -0.6, 0.1)
                late = 0.012 / song.spb
                song.note("guitar_dist", _place(root, 40), b0 + i * 0.5 + late, 0.4, vel, 0.6, 0.1)
                song.note("bass_rock", bass_root, b0 + i * 0.5, 0.45, 0.42, 0.0, 0.0)
            if bar >= intro and (bar - intro) % 4 == 0:
                song.hit("crash", b0, 0.9)
        elif s == "ambient":
            if bar < intro or (bar - intro) % style.bars_per_chord == 0:
                length = float(meter * (1 if bar < intro else style.bars_per_chord))
                for i, m in enumerate(_voicing(chord_pcs(deg, 4), 58)):
                    song.note("pad", m, b0, length, 0.12, (-0.7, -0.25, 0.25, 0.7)[i], send)
                song.note("sub", _place(root, 36), b0, length, 0.4, 0.0, 0.1)
            bell_pool = [_place(pc, 74) for pc in chord_pcs(deg, 4)]
            for _ in range(int(rng.integers(1, 4))):
                pos = float(rng.integers(meter * 2)) * 0.5
                pan = float(rng.uniform(-0.8, 0.8))
                song.note("bell", int(rng.choice(bell_pool)), b0 + pos, 2.0, 0.1, pan, 0.9)
        elif s == "folk":
            low, mid, high = _voicing(triad, 62)
            thumb = (bass_root + 12 if bass_root < 45 else bass_root, fifth + 12 if fifth < 45 else fifth)
            fig = [thumb[0], mid, high, mid, thumb[1], mid, high, low] if meter == 4 else [
                thumb[0], mid, high, mid, high, mid]  # fmt: skip
            for i, m in enumerate(fig):
                vel = 0.3 if i % 4 == 0 else 0.22
                song.note("pluck", m, b0 + i * 0.5, 1.2, vel, -0.35 if i % 2 else -0.15, send)
        # drums
        if pattern:
            for drum, pat in pattern.items():
                if s == "electronic" and bar < intro and drum == "clap":
                    continue
                for i, ch in enumerate(pat[:steps]):
                    if ch in _VEL:
                        song.hit(drum, b0 + i * 0.25, _VEL[ch] * (0.9 if bar < intro else 1.0))
            if phrase_end and s in ("rock", "electronic"):
                drum = "snare" if s == "rock" else "clap"
                for i in range(steps - 4, steps):
                    song.hit(drum, b0 + i * 0.25, 0.5 + 0.12 * (i - steps + 4))
            if s == "electronic" and bar % 4 == 3:
                song.hit("openhat", b0 + meter - 0.5, 0.7)
    # ending
    b0 = end_bar * meter
    tonic = chord_pcs(0, 4 if s in ("jazz", "ambient") else 3)
    if s == "rock":
        song.note("guitar_dist", _place(key, 40), b0, ring_beats, 0.55, -0.6, 0.2)
        song.note("guitar_dist", _place(key, 40), b0 + 0.02, ring_beats, 0.55, 0.6, 0.2)
    else:
        for i, m in enumerate(_voicing(tonic, 60)):
            strum = 0.1 * i if s == "folk" else 0.0
            song.note(_END_CHORD[s], m, b0 + strum, ring_beats, 0.14, -0.5 + 0.33 * i, send)
    song.note(_END_BASS[s], _place(key, 38), b0, ring_beats, 0.45, 0.0, 0.1)
    if pattern:
        song.hit("kick", b0, 0.9)
        song.hit("crash" if s != "jazz" else "ride", b0, 0.9, 0.3)


def _fast_len(n: int) -> int:
    """Smallest 2^a·3^b·5^c >= n: pocketfft is fast on those, and it wastes far less than a power of 2."""
    best = 1 << max(0, (n - 1).bit_length())
    p5 = 1
    while p5 < best:
        p35 = p5
        while p35 < best:
            p = p35
            while p < n:
                p *= 2
            best = min(best, p)
            p35 *= 3
        p5 *= 5
    return best


def _reverb(send: F32, sr: int, decay_s: float, rng: np.random.Generator) -> tuple[F32, F32]:
    """Stereo reverb of a mono send: convolution with two decaying noise bursts, at a quarter of sr.

    Decimating by 4 (block mean) and interpolating back keeps the FFTs small and darkens the tail,
    which is what a hall does anyway; the two independent noise responses make the tail wide.
    """
    f = 4
    n = send.size
    padded = np.pad(send, (0, -n % f))
    low = padded[0::f] + padded[1::f] + padded[2::f] + padded[3::f]
    lsr = sr / f
    ir_len = int(decay_s * 1.1 * lsr)
    t = np.arange(ir_len) / lsr
    shape = np.exp(-6.9 * t / decay_s) * np.minimum(t / 0.02, 1.0)
    irs = rng.standard_normal((2, ir_len)) * shape
    irs = np.pad(irs, ((0, 0), (int(0.012 * lsr), 0)))
    irs /= np.sqrt(np.sum(irs**2, axis=1, keepdims=True)) * f
    size = _fast_len(low.size + irs.shape[1])
    spec = np.fft.rfft(low.astype(np.float64), size)  # numpy's float64 FFT is ~2x faster than float32
    out: list[F32] = []
    for ir in irs:
        wet = np.fft.irfft(np.fft.rfft(ir, size) * spec, size)[: low.size + 1].astype(np.float32)
        # linear interpolation back to the full rate, by broadcasting over the f sub-positions
        steps = np.arange(f, dtype=np.float32) / np.float32(f)
        up = wet[:-1, None] + (wet[1:] - wet[:-1])[:, None] * steps[None, :]
        out.append(up.ravel()[:n])
    return out[0], out[1]


def _mix(song: _Song, params: SynthParams, style: _Style, n_total: int, sr: int) -> NDArray[np.float32]:
    """Render every event into a stereo bus (+ mono reverb send), add reverb, fade and normalize."""
    rng = np.random.default_rng(params.seed + 0x5EED)
    kit = _drum_kit(sr, rng) if params.style in _PATTERNS else {}
    cache: dict[tuple[str, int, int], F32] = {}
    left = np.zeros(n_total, dtype=np.float32)
    right = np.zeros(n_total, dtype=np.float32)
    wet_in = np.zeros(n_total, dtype=np.float32)
    scratch = np.empty(n_total, dtype=np.float32)  # reused: fresh temporaries would page-fault every time
    for ev in song.events:
        i0 = int(ev.start * sr)
        if i0 >= n_total:
            continue
        if ev.gate == 0:
            sample = kit[ev.voice]
        else:
            ckey = (ev.voice, ev.midi, ev.gate)
            cached = cache.get(ckey)
            if cached is None:
                freq = 440.0 * 2.0 ** ((ev.midi - 69) / 12.0)
                cached = INSTRUMENTS[ev.voice](freq, ev.gate, sr)
                cached /= np.float32(max(float(np.max(np.abs(cached))), 1e-9))
                cache[ckey] = cached
            sample = cached
        seg = sample[: n_total - i0]
        end = i0 + seg.size
        angle = (ev.pan + 1.0) * math.pi / 4.0
        tmp = scratch[: seg.size]
        for bus, gain in ((left, math.cos(angle)), (right, math.sin(angle)), (wet_in, ev.send)):
            if gain > 0.0:
                np.multiply(seg, np.float32(ev.vel * gain), out=tmp)
                bus[i0:end] += tmp
    wet_l, wet_r = _reverb(wet_in, sr, style.reverb_decay, rng)
    channels = [left + np.float32(0.55) * wet_l, right + np.float32(0.55) * wet_r]
    fade_in = min(int(0.2 * sr), n_total // 4)
    fade_out = min(int(3.0 * sr), int(0.15 * n_total))
    ramp_in = (np.sin(np.linspace(0.0, math.pi / 2, fade_in)) ** 2).astype(np.float32)
    ramp_out = (np.cos(np.linspace(0.0, math.pi / 2, fade_out)) ** 2).astype(np.float32)
    peak = max(float(np.max(np.abs(c))) for c in channels)
    for c in channels:
        c -= np.float32(c.mean())
        if peak > 0.0 and style.drive > 1.0:
            np.tanh(c * np.float32(style.drive / peak), out=c)  # gentle glue for drum-heavy styles
        c[:fade_in] *= ramp_in
        c[n_total - fade_out :] *= ramp_out
    peak = max(float(np.max(np.abs(c))) for c in channels)
    norm = np.float32(10.0 ** (-1.0 / 20.0) / peak) if peak > 0.0 else np.float32(1.0)
    return _f32(np.stack(channels, axis=1) * norm)
