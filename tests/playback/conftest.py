"""Audio, containers and players for the playback tests.

The audio is the demo catalog's own synthesizer (real music, not a sine), encoded once per session in
each format the content servers serve. Containers use small segments so a 10 s track spans dozens of
them and reads cross segment boundaries often.
"""

from __future__ import annotations

import faulthandler
import os

# Before anything creates the Qt application: no display here, and FFmpeg's stream dumps are noise.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false;qt.multimedia.ffmpeg*=false")

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np
import pytest
from numpy.typing import NDArray
from PySide6.QtCore import QCoreApplication

from mock_backend.demo.media import MIME, encode
from mock_backend.demo.synth import SynthParams, render
from player.playback import ContainerDevice, GaplessPlayer, MediaPlayerEngine, NullPlayer, PlayerBase
from player.protocol.container import ContainerReader, new_content_key
from tests.support.factories import make_container

SAMPLE_RATE = 44100
SECONDS = 10.0
FRAMES = int(SAMPLE_RATE * SECONDS)  # 441,000: FLAC decodes to exactly this (docs/platform.md)
SMALL_SEGMENT = 4096
RealPlayer = GaplessPlayer | MediaPlayerEngine


@dataclass(frozen=True)
class Track:
    """One encoded track and its container."""

    fmt: str
    mime: str
    plain: bytes
    sealed: bytes
    key: bytes

    def reader(self) -> ContainerReader:
        return ContainerReader(self.sealed, self.key)

    def device(self) -> ContainerDevice:
        return ContainerDevice(self.reader())


@pytest.fixture(scope="session")
def music() -> NDArray[np.float32]:
    return render(SynthParams(seed=11, tempo_bpm=126, key="E", scale="minor", style="electronic"), SECONDS)


@pytest.fixture(scope="session")
def tracks(music: NDArray[np.float32]) -> dict[str, Track]:
    key = new_content_key()
    out = {}
    for fmt in ("flac", "ogg", "mp3"):
        plain = encode(music, SAMPLE_RATE, fmt)
        sealed = make_container(
            plaintext=plain, key=key, content_id=f"t-{fmt}", mime=MIME[fmt], segment_size=SMALL_SEGMENT
        ).data
        out[fmt] = Track(fmt, MIME[fmt], plain, sealed, key)
    return out


@pytest.fixture
def flac(tracks: dict[str, Track]) -> Track:
    return tracks["flac"]


def tampered(track: Track, at: float) -> bytes:
    """The container with one bit flipped `at` (0..1) of the way through its segments."""
    sealed = bytearray(track.sealed)
    sealed[int(len(sealed) * at)] ^= 0x01
    return bytes(sealed)


@pytest.fixture
def make_player(qapp: QCoreApplication) -> Iterator[Callable[[type[PlayerBase]], PlayerBase]]:
    """Build players of a given engine; each is stopped (the deadlock-free way) after the test."""
    made: list[PlayerBase] = []

    def make(engine: type[PlayerBase]) -> PlayerBase:
        player = engine()
        made.append(player)
        return player

    yield make
    for player in made:
        player.stop()


@pytest.fixture(params=[GaplessPlayer, MediaPlayerEngine], ids=["gapless", "mediaplayer"])
def player(
    request: pytest.FixtureRequest, make_player: Callable[[type[PlayerBase]], PlayerBase]
) -> RealPlayer:
    """Each real engine in turn: the gapless one the faces use, and the QMediaPlayer one before it."""
    p = make_player(request.param)
    assert isinstance(p, GaplessPlayer | MediaPlayerEngine)
    return p


@pytest.fixture
def media_player(make_player: Callable[[type[PlayerBase]], PlayerBase]) -> MediaPlayerEngine:
    p = make_player(MediaPlayerEngine)
    assert isinstance(p, MediaPlayerEngine)
    return p


@pytest.fixture
def null_player(make_player: Callable[[type[PlayerBase]], PlayerBase]) -> NullPlayer:
    p = make_player(NullPlayer)
    assert isinstance(p, NullPlayer)
    return p


@pytest.fixture(autouse=True)
def deadlock_watchdog(request: pytest.FixtureRequest) -> Iterator[None]:
    """Turn a GIL deadlock into a failed run with every thread's stack, instead of a run that never ends.

    pytest-timeout cannot: its SIGALRM handler and its watchdog thread are Python code, and in the
    deadlock the teardown rule of docs/platform.md avoids, the main thread holds the GIL inside Qt while
    FFmpeg's thread waits for it. faulthandler's watchdog is C and needs no GIL; it fires 15 s after the
    test's own timeout.
    """
    marker = request.node.get_closest_marker("timeout")
    seconds = float(marker.args[0]) if marker and marker.args else float(request.config.getini("timeout"))
    faulthandler.dump_traceback_later(seconds + 15, exit=True, file=_real_stderr(request.config))
    yield
    faulthandler.cancel_dump_traceback_later()


def _real_stderr(config: pytest.Config) -> int:
    """The terminal's stderr, not pytest's capture file (which nobody reads after the process exits)."""
    capture = config.pluginmanager.getplugin("capturemanager")
    saved = getattr(getattr(getattr(capture, "_global_capturing", None), "err", None), "targetfd_save", None)
    return saved if isinstance(saved, int) else 2
