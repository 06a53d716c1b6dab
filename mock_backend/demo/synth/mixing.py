"""The mix: every event of the score into a stereo bus, then reverb, fades and normalization.

Music repeats, so each distinct note — instrument, pitch and gate length — is rendered once per track,
normalized, cached and mixed in with slice additions at the event's velocity and equal-power pan. Drums
come from the track's kit, which with the reverb's noise draws from a generator of its own (the track's
seed + 0x5EED), apart from the one the composition draws from. A mono send feeds the reverb, an FFT
convolution at a quarter of the sample rate. Styles with ``drive`` go through a gentle tanh, and the
result peaks at -1 dBFS.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from mock_backend.demo.synth.drums import PATTERNS, drum_kit
from mock_backend.demo.synth.instruments import INSTRUMENTS
from mock_backend.demo.synth.oscillators import F32, as_f32
from mock_backend.demo.synth.params import SynthParams
from mock_backend.demo.synth.score import Song
from mock_backend.demo.synth.styles import Style

__all__ = ["mix"]


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


def mix(song: Song, params: SynthParams, style: Style, n_total: int, sr: int) -> NDArray[np.float32]:
    """Render every event into a stereo bus (+ mono reverb send), add reverb, fade and normalize."""
    rng = np.random.default_rng(params.seed + 0x5EED)
    kit = drum_kit(sr, rng) if params.style in PATTERNS else {}
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
    return as_f32(np.stack(channels, axis=1) * norm)
