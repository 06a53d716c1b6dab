"""The pitched instruments of the demo synthesizer (``INSTRUMENTS``), by name.

Each takes (frequency, gate length in samples, sample rate) and returns a float32 mono note that includes
its release tail. They are built from the additive and two-operator FM blocks in ``oscillators``; the
mixer renders each distinct (instrument, pitch, length) once and normalizes it, so the level of a voice
in a piece comes from its style's trims, not from here.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from mock_backend.demo.synth.oscillators import (
    F32,
    TWO_PI,
    additive,
    as_f32,
    decay,
    envelope,
    n_harm,
    phase,
    saw_weights,
    time_axis,
)

__all__ = ["INSTRUMENTS", "Instrument"]


def _i_piano(f: float, n: int, sr: int) -> F32:
    env = envelope(n, sr, 0.004, 1.3, 0.0, 0.15)
    t = time_axis(env.size, sr)
    return additive(phase(f, env.size, sr), saw_weights(n_harm(f, sr, 10), 1.4), decay(t, 1.1)) * env


def _i_ep(f: float, n: int, sr: int) -> F32:
    env = envelope(n, sr, 0.003, 1.0, 0.05, 0.2)
    t = time_axis(env.size, sr)
    ph = phase(f, env.size, sr)
    index = np.float32(1.6) * decay(t, 3.0) + np.float32(0.25)
    tine = np.float32(0.12) * np.sin(np.float32(14.0) * ph) * decay(t, 30.0) if f * 14 < 0.45 * sr else 0.0
    return as_f32((np.sin(ph + index * np.sin(ph)) + tine) * env)


def _i_organ(f: float, n: int, sr: int) -> F32:
    env = envelope(n, sr, 0.008, 0.0, 1.0, 0.06)
    t = time_axis(env.size, sr)
    ph = phase(f, env.size, sr)
    w = [1.0, 0.6, 0.35, 0.3, 0.0, 0.15, 0.0, 0.1][: n_harm(f, sr, 8)]
    tone = additive(ph, w) + np.float32(0.45) * np.sin(np.float32(0.5) * ph)
    return as_f32(tone * (np.float32(1.0) + np.float32(0.08) * np.sin(TWO_PI * np.float32(5.7) * t)) * env)


def _i_strings(f: float, n: int, sr: int) -> F32:
    env = envelope(n, sr, 0.18, 2.0, 0.8, 0.35)
    w = saw_weights(n_harm(f, sr, 8), 1.0, 0.8)
    a = additive(phase(f * 0.998, env.size, sr, (5.2, 0.003, 0.25)), w)
    b = additive(phase(f * 1.002, env.size, sr, (4.7, 0.003, 0.3)) + np.float32(1.7), w)
    return (a + b) * env


def _i_pad(f: float, n: int, sr: int) -> F32:
    env = envelope(n, sr, 0.9, 1.0, 0.85, 1.2)
    w = [1.0, 0.25, 0.15, 0.08, 0.05, 0.03][: n_harm(f, sr, 6)]
    out = additive(phase(f * 0.996, env.size, sr), w)
    out += additive(phase(f * 1.004, env.size, sr) + np.float32(2.1), w)
    return out * env


def _i_saw_lead(f: float, n: int, sr: int) -> F32:
    env = envelope(n, sr, 0.01, 3.0, 0.7, 0.12)
    w = saw_weights(n_harm(f, sr, 12), 1.0, 0.85)
    return additive(phase(f, env.size, sr, (5.5, 0.0025, 0.2)), w) * env


def _i_lead_drive(f: float, n: int, sr: int) -> F32:
    return as_f32(np.tanh(np.float32(2.5) * _i_saw_lead(f, n, sr)))


def _i_square_lead(f: float, n: int, sr: int) -> F32:
    env = envelope(n, sr, 0.005, 4.0, 0.6, 0.08)
    k = n_harm(f, sr, 11)
    w = [0.93**i / (i + 1) if i % 2 == 0 else 0.0 for i in range(k)]
    return additive(phase(f, env.size, sr, (5.0, 0.002, 0.3)), w) * env


def _i_pluck(f: float, n: int, sr: int) -> F32:
    env = envelope(n, sr, 0.002, 1.4, 0.0, 0.08)
    t = time_axis(env.size, sr)
    w = [abs(math.sin(math.pi * i * 0.17)) / i**1.5 for i in range(1, n_harm(f, sr, 14) + 1)]
    return additive(phase(f, env.size, sr), w, decay(t, 0.6)) * env


def _i_arp(f: float, n: int, sr: int) -> F32:
    env = envelope(n, sr, 0.002, 6.0, 0.05, 0.05)
    t = time_axis(env.size, sr)
    return additive(phase(f, env.size, sr), saw_weights(n_harm(f, sr, 10)), decay(t, 9.0)) * env


def _i_bell(f: float, n: int, sr: int) -> F32:
    env = envelope(n, sr, 0.002, 0.9, 0.0, 0.4)
    t = time_axis(env.size, sr)
    ph = phase(f, env.size, sr)
    index = np.float32(2.5) * decay(t, 2.5) + np.float32(0.3)
    return as_f32((np.sin(ph + index * np.sin(np.float32(3.5) * ph)) + np.float32(0.3) * np.sin(ph)) * env)


def _i_vibes(f: float, n: int, sr: int) -> F32:
    env = envelope(n, sr, 0.002, 1.5, 0.0, 0.3)
    t = time_axis(env.size, sr)
    ph = phase(f, env.size, sr)
    tone = np.sin(ph) + np.float32(0.35) * np.sin(np.float32(4.0) * ph) * decay(t, 4.0)
    return as_f32(tone * (np.float32(1.0) + np.float32(0.25) * np.sin(TWO_PI * np.float32(5.0) * t)) * env)


def _i_brass(f: float, n: int, sr: int) -> F32:
    env = envelope(n, sr, 0.04, 2.5, 0.75, 0.1)
    ph = phase(f, env.size, sr, (5.0, 0.003, 0.3))
    return np.sin(ph + np.float32(1.8) * env * np.sin(ph)) * env


def _i_flute(f: float, n: int, sr: int) -> F32:
    env = envelope(n, sr, 0.07, 2.0, 0.8, 0.12)
    w = [1.0, 0.15, 0.05][: n_harm(f, sr, 3)]
    return additive(phase(f, env.size, sr, (4.8, 0.0035, 0.25)), w) * env


def _i_fiddle(f: float, n: int, sr: int) -> F32:
    env = envelope(n, sr, 0.05, 2.0, 0.8, 0.1)
    w = saw_weights(n_harm(f, sr, 12), 1.1, 0.88)
    return additive(phase(f, env.size, sr, (6.0, 0.005, 0.15)), w) * env


def _i_bass_upright(f: float, n: int, sr: int) -> F32:
    env = envelope(n, sr, 0.006, 2.5, 0.15, 0.07)
    t = time_axis(env.size, sr)
    return additive(phase(f, env.size, sr), [1.0, 0.45, 0.15, 0.07], decay(t, 2.0)) * env


def _i_bass_synth(f: float, n: int, sr: int) -> F32:
    env = envelope(n, sr, 0.004, 3.0, 0.5, 0.06)
    t = time_axis(env.size, sr)
    ph = phase(f, env.size, sr)
    tilt = np.float32(0.35) + np.float32(0.65) * decay(t, 6.0)
    return as_f32((additive(ph, saw_weights(n_harm(f, sr, 10)), tilt) + np.float32(0.5) * np.sin(ph)) * env)


def _i_bass_rock(f: float, n: int, sr: int) -> F32:
    env = envelope(n, sr, 0.004, 1.5, 0.6, 0.06)
    tone = additive(phase(f, env.size, sr), saw_weights(n_harm(f, sr, 8)))
    return as_f32(np.tanh(np.float32(2.0) * tone) * env)


def _i_sub(f: float, n: int, sr: int) -> F32:
    env = envelope(n, sr, 0.5, 1.0, 0.9, 1.0)
    return additive(phase(f, env.size, sr), [1.0, 0.1]) * env


def _i_guitar_dist(f: float, n: int, sr: int) -> F32:
    """A palm-muted power chord (root, fifth, octave) through a soft clipper, lightly smoothed."""
    env = envelope(n, sr, 0.003, 6.0, 0.25, 0.05)
    w = saw_weights(n_harm(f * 2, sr, 8))
    ph = phase(f, env.size, sr)
    fifth = phase(f * 1.5, env.size, sr)
    chord = additive(ph, w) + additive(fifth, w) + np.float32(0.6) * additive(np.float32(2.0) * ph, w)
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
