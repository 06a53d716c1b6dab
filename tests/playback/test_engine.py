"""The real engines (gapless and QMediaPlayer): play from an encrypted container, seek, fail readably,
and never deadlock.

With no sound card QMediaPlayer still reaches PlayingState and its position advances (docs/platform.md), so
these run anywhere; whether sound really comes out is `test_sound.py`'s job.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QIODevice
from PySide6.QtMultimedia import QMediaPlayer
from pytestqt.qtbot import QtBot

from player.playback import (
    ContainerDevice,
    MediaPlayerEngine,
    PlaybackState,
    SourceKind,
    open_device,
)
from player.protocol.container import ContainerReader, encrypt
from tests.playback.conftest import RealPlayer, Track, tampered

PLAYING, STOPPED = PlaybackState.PLAYING, PlaybackState.STOPPED


@pytest.mark.timeout(60)
@pytest.mark.parametrize("kind", list(SourceKind))
@pytest.mark.parametrize("fmt", ["flac", "ogg", "mp3"])
def test_plays_from_a_container_and_the_position_advances(
    player: RealPlayer, qtbot: QtBot, tracks: dict[str, Track], fmt: str, kind: SourceKind
) -> None:
    track = tracks[fmt]
    player.play_source(open_device(track.reader(), kind), track.mime, 10_000)
    qtbot.waitUntil(lambda: player.state is PLAYING, timeout=5000)
    qtbot.waitUntil(lambda: player.position >= 300, timeout=5000)
    assert player.duration == 10_000


@pytest.mark.timeout(60)
def test_without_a_hint_the_duration_comes_from_the_media(
    player: RealPlayer, qtbot: QtBot, flac: Track
) -> None:
    player.play_source(flac.device(), flac.mime, None)
    qtbot.waitUntil(lambda: player.duration == 10_000, timeout=5000)


@pytest.mark.timeout(60)
def test_seek_forward_and_back(player: RealPlayer, qtbot: QtBot, flac: Track) -> None:
    player.play_source(flac.device(), flac.mime, 10_000)
    player.seek(7_000)  # while it is still loading: applied once loaded
    qtbot.waitUntil(lambda: 7_000 <= player.position < 9_500, timeout=5000)
    player.seek(1_000)
    qtbot.waitUntil(lambda: 1_000 <= player.position < 3_500, timeout=5000)


@pytest.mark.timeout(60)
def test_the_end_of_a_track_is_reported_once(player: RealPlayer, qtbot: QtBot, flac: Track) -> None:
    ended: list[bool] = []
    failures: list[str] = []
    player.media_ended.connect(lambda: ended.append(True))
    player.failed.connect(failures.append)
    player.play_source(flac.device(), flac.mime, 10_000)
    player.seek(9_500)
    qtbot.waitUntil(lambda: bool(ended), timeout=5000)
    qtbot.waitUntil(lambda: player.state is STOPPED, timeout=5000)
    qtbot.wait(200)
    assert ended == [True] and failures == []


@pytest.mark.timeout(60)
def test_a_plain_file_plays_for_the_benchmark_baseline(
    player: RealPlayer, qtbot: QtBot, flac: Track, tmp_path: Path
) -> None:
    path = tmp_path / "baseline.flac"  # test data: the player itself never writes plaintext
    path.write_bytes(flac.plain)
    player.play_file(path)
    qtbot.waitUntil(lambda: player.state is PLAYING and player.position > 0, timeout=5000)
    assert player.duration == 10_000


@pytest.mark.timeout(60)
def test_damage_mid_track_fails_readably_and_unloads(player: RealPlayer, qtbot: QtBot, flac: Track) -> None:
    device = ContainerDevice(ContainerReader(tampered(flac, 0.6), flac.key))
    ended: list[bool] = []
    player.media_ended.connect(lambda: ended.append(True))
    with qtbot.waitSignal(player.failed, timeout=10_000) as failed:
        player.play_source(device, flac.mime, 10_000)
    assert str(failed.args[0]).startswith("the track is damaged and cannot be played")
    qtbot.waitUntil(lambda: player.state is STOPPED and not device.isOpen(), timeout=5000)
    assert ended == []


@pytest.mark.timeout(60)
def test_audio_that_does_not_decode_fails_readably(player: RealPlayer, qtbot: QtBot, flac: Track) -> None:
    junk = random.Random(5).randbytes(300_000)
    sealed = encrypt(junk, flac.key, content_id="junk", content_version=1, mime="audio/flac")
    with qtbot.waitSignal(player.failed, timeout=10_000) as failed:
        player.play_source(ContainerDevice(ContainerReader(sealed, flac.key)), "audio/flac", None)
    assert str(failed.args[0]).startswith("cannot play the audio/flac track: the data is not audio")
    qtbot.waitUntil(lambda: player.state is STOPPED, timeout=5000)


@pytest.mark.timeout(60)
def test_the_device_is_let_go_only_after_the_media_player_has(
    media_player: MediaPlayerEngine, qtbot: QtBot, flac: Track
) -> None:
    """The teardown rule (docs/platform.md): the player does not own the device, so it must outlive the
    player's use of it."""
    statuses: list[QMediaPlayer.MediaStatus] = []
    found = media_player.findChild(QMediaPlayer)
    assert found is not None
    media: QMediaPlayer = found

    class Watched(ContainerDevice):
        def close(self) -> None:
            statuses.append(media.mediaStatus())
            super().close()

    media_player.play_source(Watched(flac.reader()), flac.mime, 10_000)
    qtbot.waitUntil(lambda: media_player.position > 0, timeout=5000)
    media_player.stop()
    assert statuses == [QMediaPlayer.MediaStatus.NoMedia]


class _Dawdling(ContainerDevice):
    """Reads slowly with the GIL released, so FFmpeg's thread is often inside `readData` at a switch —
    the moment a direct `stop()` / `setSource()` from Python would deadlock (docs/platform.md)."""

    inside = 0  # reads in progress, over all instances

    def readData(self, maxlen: int) -> bytes:
        _Dawdling.inside += 1
        try:
            deadline = time.perf_counter() + 0.002
            while time.perf_counter() < deadline:  # Python work: holds the GIL, as decrypting does
                pass
            time.sleep(0.01)  # then waits with the GIL released, as I/O does
            return super().readData(maxlen)
        finally:
            _Dawdling.inside -= 1


@pytest.mark.timeout(60)
def test_fifty_rapid_switches_stops_and_seeks_do_not_deadlock(
    player: RealPlayer, qtbot: QtBot, tracks: dict[str, Track]
) -> None:
    rng = random.Random(1234)
    devices: list[QIODevice] = []
    failures: list[str] = []
    player.failed.connect(failures.append)
    switched_mid_read = 0
    for i in range(50):
        switched_mid_read += _Dawdling.inside > 0
        track = tracks[rng.choice(["flac", "ogg", "mp3"])]
        source = rng.choice(["device", "buffer", "dawdling"])
        device: QIODevice = (
            _Dawdling(track.reader())
            if source == "dawdling"
            else open_device(track.reader(), SourceKind(source))
        )
        devices.append(device)
        player.play_source(device, track.mime, 10_000)
        if source == "dawdling":  # switch away while FFmpeg's thread is inside readData
            qtbot.waitUntil(lambda: _Dawdling.inside > 0, timeout=5000)
        for _ in range(rng.randrange(3)):
            action = rng.choice(["seek", "pause", "resume", "toggle", "wait"])
            if action == "seek":
                player.seek(rng.randrange(0, 10_000))
            elif action == "wait":
                qtbot.wait(rng.randrange(1, 40))  # land some switches mid-load, some mid-play
            else:
                getattr(player, action)()
        if i % 5 == 4:  # now and then let it really play (FFmpeg reading ahead) before the next switch
            qtbot.waitUntil(lambda: player.position > 0, timeout=5000)
        if i % 7 == 3:
            switched_mid_read += _Dawdling.inside > 0
            player.stop()
    # Still a working player afterwards, and every device but the current one let go.
    last = tracks["flac"].device()
    player.play_source(last, "audio/flac", 10_000)
    qtbot.waitUntil(lambda: player.state is PLAYING and player.position > 0, timeout=5000)
    assert not any(d.isOpen() for d in devices)
    assert last.isOpen()
    assert failures == []
    assert switched_mid_read >= 5, "the test did not reach the moment that deadlocks a direct stop()"
