"""The accompaniment: chords, bass and drums, in each genre's own figure, bar by bar.

This is where the styles differ most, so each genre's figure is written out rather than parameterized:
jazz comps rootless voicings on the electric piano over a walking bass with chromatic approaches and a
few brush taps; electronic music has a pad, a sixteenth-note arpeggio and an off-beat bass; classical
has sustained strings over an Alberti figure on the piano; rock double-tracks palm-muted power chords
(the right guitar a little late, for width) over the bass; ambient holds pads over a sub bass with a few
random bells; folk fingerpicks with an alternating thumb. Drums follow the style's pattern (rock and
electronic music fill at phrase ends), and every style ends on a held tonic chord.
"""

from __future__ import annotations

import numpy as np

from mock_backend.demo.synth.drums import PATTERNS, VELOCITY
from mock_backend.demo.synth.harmony import Harmony
from mock_backend.demo.synth.params import SynthParams
from mock_backend.demo.synth.score import Song
from mock_backend.demo.synth.styles import Style
from mock_backend.demo.synth.theory import place, voicing

__all__ = ["accompany"]

_END_CHORD = {"jazz": "ep", "electronic": "pad", "classical": "strings", "ambient": "pad", "folk": "pluck"}
_END_BASS = {
    "jazz": "bass_upright", "electronic": "bass_synth", "classical": "strings", "rock": "bass_rock",
    "ambient": "sub", "folk": "pluck",
}  # fmt: skip


def accompany(
    song: Song, params: SynthParams, style: Style, harmony: Harmony, rng: np.random.Generator
) -> None:
    """Chords, bass and drums: the genre's figure in every bar, and a held tonic chord at the end."""
    key, end_bar, intro, ring_beats = harmony.key, harmony.end_bar, harmony.intro, harmony.ring_beats
    meter = params.meter
    s = params.style
    send = style.reverb_send
    pattern = PATTERNS.get(s, {}).get(meter, {})
    steps = meter * 4
    for bar in range(end_bar):
        b0 = bar * meter
        deg = harmony.degree_at(bar)
        triad = harmony.chord_pcs(deg)
        root = triad[0]
        bass_root = place(root, 38)
        fifth = place(triad[2], 38)
        nxt_root = place(harmony.chord_pcs(harmony.degree_at(bar + 1))[0], 38)
        phrase_end = bar >= intro and (bar - intro) % 4 == 3
        if s == "jazz":
            rootless = voicing(harmony.chord_pcs(deg, 4, 1), 62)  # rootless 3-5-7-9
            combs = (
                ((0.0, 1.5), (1.5, 0.5)),
                ((0.0, 0.5), (1.5, 1.0)),
                ((1.0, 0.5), (2.5, 1.0)),
                ((2.5, 1.5),),
            )
            for off, dur in combs[int(rng.integers(len(combs)))]:
                if off < meter:
                    for i, m in enumerate(rootless):
                        song.note("ep", m, b0 + off, dur, 0.16, -0.3 + 0.2 * i, send)
            third = place(triad[1], 38)
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
            pad = voicing(triad, 60)
            for i, m in enumerate(pad):
                song.note("pad", m, b0, meter, 0.12, (-0.6, 0.0, 0.6)[i % 3], send)
            arp = [*voicing(triad, 72), voicing(triad, 72)[0] + 12]
            order = (0, 1, 2, 3, 2, 1, 0, 2) if bar % 2 else (0, 1, 2, 1, 3, 2, 1, 2)
            if bar >= intro:
                for i in range(meter * 4):
                    song.note("arp", arp[order[i % 8]], b0 + i * 0.25, 0.2, 0.18, (-0.45, 0.45)[i % 2], send)
            for i in range(meter):  # off-beat bass, jumping an octave in every other bar
                octave = 12 if i % 2 and bar % 2 else 0
                song.note("bass_synth", bass_root + octave, b0 + i + 0.5, 0.4, 0.5, 0.0, 0.0)
        elif s == "classical":
            for i, m in enumerate(voicing(triad, 57)):
                song.note("strings", m, b0, meter, 0.09, (-0.5, 0.1, 0.5)[i], send)
            low, mid, high = voicing(triad, 60)
            figure = (low, high, mid, high) * 2
            for i in range(meter * 2):
                song.note("piano", figure[i], b0 + i * 0.5, 0.6, 0.22, -0.25, send)
            song.note("strings", bass_root, b0, meter * 0.95, 0.3, 0.15, send)
        elif s == "rock":
            for i in range(meter * 2):
                vel = 0.5 if i % 4 == 0 or i == 3 else 0.38
                # double-tracked: the right guitar 12 ms late, for width
                song.note("guitar_dist", place(root, 40), b0 + i * 0.5, 0.4, vel, -0.6, 0.1)
                late = 0.012 / song.spb
                song.note("guitar_dist", place(root, 40), b0 + i * 0.5 + late, 0.4, vel, 0.6, 0.1)
                song.note("bass_rock", bass_root, b0 + i * 0.5, 0.45, 0.42, 0.0, 0.0)
            if bar >= intro and (bar - intro) % 4 == 0:
                song.hit("crash", b0, 0.9)
        elif s == "ambient":
            if bar < intro or (bar - intro) % style.bars_per_chord == 0:
                length = float(meter * (1 if bar < intro else style.bars_per_chord))
                for i, m in enumerate(voicing(harmony.chord_pcs(deg, 4), 58)):
                    song.note("pad", m, b0, length, 0.12, (-0.7, -0.25, 0.25, 0.7)[i], send)
                song.note("sub", place(root, 36), b0, length, 0.4, 0.0, 0.1)
            bell_pool = [place(pc, 74) for pc in harmony.chord_pcs(deg, 4)]
            for _ in range(int(rng.integers(1, 4))):
                pos = float(rng.integers(meter * 2)) * 0.5
                pan = float(rng.uniform(-0.8, 0.8))
                song.note("bell", int(rng.choice(bell_pool)), b0 + pos, 2.0, 0.1, pan, 0.9)
        elif s == "folk":
            low, mid, high = voicing(triad, 62)
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
                    if ch in VELOCITY:
                        song.hit(drum, b0 + i * 0.25, VELOCITY[ch] * (0.9 if bar < intro else 1.0))
            if phrase_end and s in ("rock", "electronic"):
                drum = "snare" if s == "rock" else "clap"
                for i in range(steps - 4, steps):
                    song.hit(drum, b0 + i * 0.25, 0.5 + 0.12 * (i - steps + 4))
            if s == "electronic" and bar % 4 == 3:
                song.hit("openhat", b0 + meter - 0.5, 0.7)
    # ending
    b0 = end_bar * meter
    tonic = harmony.chord_pcs(0, 4 if s in ("jazz", "ambient") else 3)
    if s == "rock":
        song.note("guitar_dist", place(key, 40), b0, ring_beats, 0.55, -0.6, 0.2)
        song.note("guitar_dist", place(key, 40), b0 + 0.02, ring_beats, 0.55, 0.6, 0.2)
    else:
        for i, m in enumerate(voicing(tonic, 60)):
            strum = 0.1 * i if s == "folk" else 0.0
            song.note(_END_CHORD[s], m, b0 + strum, ring_beats, 0.14, -0.5 + 0.33 * i, send)
    song.note(_END_BASS[s], place(key, 38), b0, ring_beats, 0.45, 0.0, 0.1)
    if pattern:
        song.hit("kick", b0, 0.9)
        song.hit("crash" if s != "jazz" else "ride", b0, 0.9, 0.3)
