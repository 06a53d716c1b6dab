"""THE SOUND TEST: an encrypted track played through `Player` comes out of a real audio sink.

`./test` starts a private PulseAudio whose default sink is the null sink `ci_sink` and sets
`INSURED_PLAYER_REAL_SINK=1`; we record its monitor with `parec` while the player plays and judge the
recording by RMS (docs/platform.md: a 440 Hz tone records at 0.325). Without that sink the sound tests skip,
and in CI (`CI_FAIL_ON_SKIP=1`) a skip fails the run, so there they always really run.

How the recording is made and judged: `tests/support/sink.py`.
"""

from __future__ import annotations

import shutil
import time

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from mock_backend.demo.media import MIME, encode
from mock_backend.demo.synth import SynthParams, render
from player.playback import PlaybackState, Player, open_device
from player.protocol.container import ContainerReader, encrypt, new_content_key
from tests.playback.conftest import SAMPLE_RATE
from tests.support.sink import SINK, audible, real_sink, recording, rms


def require_real_sink() -> None:
    if not real_sink():
        pytest.skip(
            "no real audio sink: run through ./test, which starts a private PulseAudio with the null "
            f"sink {SINK} and sets INSURED_PLAYER_REAL_SINK=1"
        )
    assert shutil.which("parec"), "INSURED_PLAYER_REAL_SINK=1 but parec is missing (pulseaudio-utils)"


def test_the_check_rejects_a_silent_recording() -> None:
    """Sanity: the RMS check is not satisfied by silence, by nothing, or by a few clicks."""
    silence = np.zeros(2 * SAMPLE_RATE * 2, dtype="<i2").tobytes()
    clicks = np.zeros(2 * SAMPLE_RATE * 2, dtype="<i2")
    clicks[::44100] = 32767
    assert not audible(silence) and not audible(b"") and not audible(clicks.tobytes())
    tone = (0.3 * 32767 * np.sin(np.arange(SAMPLE_RATE) * 2 * np.pi * 440 / SAMPLE_RATE)).astype("<i2")
    assert audible(np.repeat(tone, 2).tobytes())


@pytest.mark.sound
@pytest.mark.timeout(60)
def test_the_sink_is_silent_while_nothing_plays() -> None:
    """Sanity on the real sink: what the check hears below is the player, not the sink's own noise."""
    require_real_sink()
    with recording() as rec:
        time.sleep(1.0)
    assert not audible(rec.pcm), f"the idle sink recorded at RMS {rms(rec.pcm):.4f}"


@pytest.mark.sound
@pytest.mark.timeout(60)
def test_an_encrypted_track_is_heard(qapp: object, qtbot: QtBot, record_property: object) -> None:
    require_real_sink()
    music = render(SynthParams(seed=21, tempo_bpm=118, key="G", scale="mixolydian", style="rock"), 8.0)
    key = new_content_key()
    sealed = encrypt(
        encode(music, SAMPLE_RATE, "flac"), key, content_id="heard", content_version=1, mime=MIME["flac"]
    )
    player = Player()
    try:
        with recording() as rec:
            reader = ContainerReader(sealed, key)
            player.play_source(open_device(reader), reader.header.mime, 8_000)
            qtbot.waitUntil(lambda: player.state is PlaybackState.PLAYING, timeout=5000)
            # With a real sink the position may start moving 1-2 s after PlayingState (docs/platform.md).
            qtbot.waitUntil(lambda: player.position > 0, timeout=10_000)
            qtbot.wait(2000)
            played_ms = player.position
            player.stop()
            qtbot.wait(300)  # the tail that was already in the sink's buffer
    finally:
        player.stop()
    level = rms(rec.pcm)
    seconds = len(rec.pcm) / (SAMPLE_RATE * 2 * 2)
    record_property("recorded_rms", level)  # type: ignore[operator]
    print(f"recorded {seconds:.2f} s at RMS {level:.4f}; the player reached {played_ms} ms")
    assert played_ms >= 1500
    assert seconds >= 1.0, f"parec delivered only {seconds:.2f} s"
    assert audible(rec.pcm), f"the null sink recorded only RMS {level:.4f} while the track played"
