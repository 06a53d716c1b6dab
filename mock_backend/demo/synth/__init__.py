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

The modules, in the order a track is made:

- ``params``: ``SynthParams``, what a track is made of, checked when the catalog loads.
- ``theory``: key names, modes and chord voicings (``KEYS``, ``SCALES``).
- ``styles``: what each genre plays (``STYLES``), a table.
- ``harmony``: the bars of a piece and the chord in each.
- ``score``: notes and hits as events in seconds, through swing and humanizing.
- ``melody``: the lead line.
- ``accompaniment``: chords, bass and drums in each genre's figure.
- ``oscillators``, ``instruments``: the additive / FM voices (``INSTRUMENTS``).
- ``drums``: the seeded drum kit and the per-genre patterns.
- ``mixing``: events into a stereo bus, reverb, fades, normalization.
- ``renderer``: ``render``, which runs the above in order.
"""

from mock_backend.demo.synth.instruments import INSTRUMENTS
from mock_backend.demo.synth.params import SynthParams
from mock_backend.demo.synth.renderer import render
from mock_backend.demo.synth.styles import STYLES
from mock_backend.demo.synth.theory import KEYS, SCALES

__all__ = [
    "INSTRUMENTS",
    "KEYS",
    "SCALES",
    "STYLES",
    "SynthParams",
    "render",
]
