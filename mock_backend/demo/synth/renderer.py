"""``render``: a piece from its parameters, in the order it is made — plan, melody, accompaniment, mix.

The order matters beyond readability: the plan, the melody, the accompaniment and the humanizing jitter
of every note all draw from one generator seeded with ``SynthParams.seed``, so the sequence of those
draws is part of what a seed sounds like. Reordering them (or drawing once more anywhere) changes every
track's audio, and with it the encoded files and content hashes the catalog was built with.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from mock_backend.demo.synth.accompaniment import accompany
from mock_backend.demo.synth.harmony import Harmony
from mock_backend.demo.synth.melody import lead_line
from mock_backend.demo.synth.mixing import mix
from mock_backend.demo.synth.params import SynthParams
from mock_backend.demo.synth.score import Song
from mock_backend.demo.synth.styles import STYLES

__all__ = ["render"]


def render(params: SynthParams, duration_s: float, sample_rate: int = 44100) -> NDArray[np.float32]:
    """Render a piece of ``duration_s`` seconds as float32 stereo, shape (frames, 2), peak at -1 dBFS.

    Same parameters, same samples (bit-for-bit on the same numpy), so encoded demo files are stable.
    """
    if duration_s <= 0:
        raise ValueError(f"duration_s must be positive, not {duration_s}")
    sr = sample_rate
    style = STYLES[params.style]
    rng = np.random.default_rng(params.seed)
    spb = 60.0 / params.tempo_bpm
    n_total = round(duration_s * sr)
    swing = style.swing if params.swing is None else params.swing
    humanize = 0.0 if params.style == "electronic" else 0.006
    song = Song(spb, swing, sr, rng, humanize, style.level)

    harmony = Harmony.plan(params, style, rng, spb, duration_s)
    lead_line(song, params, style, harmony, rng)
    accompany(song, params, style, harmony, rng)
    return mix(song, params, style, n_total, sr)
