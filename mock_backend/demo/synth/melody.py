"""The melody: motifs that repeat in an A A' B A' form, so a track has a tune one can recognize.

Four motifs are drawn per piece, each a rhythm cell of the style with a random walk through the melody's
notes (the mode, or five of it with ``pentatonic``), turned back towards the middle of the range,
reflected at its edges. A phrase is four of them: the first two, the first again shifted in sequence,
and a stepwise cadence — onto the fifth in A and B (a half close), onto the tonic in A' (a full close).
Notes on strong beats snap to the bar's chord tones, so the tune fits the harmony; slow styles stretch
each motif over the bars of one chord. The lead then holds the tonic through the ending.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from mock_backend.demo.synth.harmony import Harmony
from mock_backend.demo.synth.params import SynthParams
from mock_backend.demo.synth.score import Song
from mock_backend.demo.synth.styles import Style

__all__ = ["lead_line"]

_Motif = list[tuple[float, float, int]]  # (beat offset in bar, beats, pool index or -1 for a rest)


def lead_line(
    song: Song, params: SynthParams, style: Style, harmony: Harmony, rng: np.random.Generator
) -> None:
    """Write the melody, and the held tonic of the ending, into ``song``, drawing from ``rng``."""
    key, mode, meter = harmony.key, harmony.mode, params.meter
    bpc = style.bars_per_chord
    intro, end_bar = harmony.intro, harmony.end_bar
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

    def make_motif(start_idx: int) -> _Motif:
        cell = cells[int(rng.integers(len(cells)))]
        out: _Motif = []
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

    def cadence(target: int) -> _Motif:
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

    def shifted(m: _Motif, k: int) -> _Motif:
        return [(o, d, -1 if i < 0 else i + k) for o, d, i in m]

    forms: dict[str, list[_Motif]] = {
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
        pcs = harmony.chord_pcs(harmony.degree_at(bar), 4 if params.style in ("jazz", "ambient") else 3)
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

    # ending: the tonic, held as long as the accompaniment's final chord
    song.note(lead, pool[tonic_idx], end_bar * meter, harmony.ring_beats, 0.42, 0.05, style.reverb_send)
