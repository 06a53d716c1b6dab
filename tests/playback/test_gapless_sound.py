"""Heard through the null sink: consecutive tracks play with no gap, and ReplayGain levels what it says.

Two tones that run to their last sample hold no silence, so every silent frame where one gives way to the
other in the recording is the player's (`tests/support/sink.py`, `junction_silence_ms`). The engine that
plays a new source per track (`MediaPlayerEngine`) leaves ~60 ms there; the gapless one must leave at
most 5 ms.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from mock_backend.demo.media import MIME, encode
from mock_backend.demo.media.mutagen_boundary import FLAC
from player.playback import (
    ContainerDevice,
    GaplessPlayer,
    PlaybackState,
    PlayerBase,
    ReplayGainMode,
    read_tags,
)
from player.protocol.container import ContainerReader, encrypt, new_content_key
from tests.playback.test_sound import require_real_sink
from tests.support.sink import RATE, inserted_silence_ms, junction_silence_ms, recording, rms, samples, tone

pytestmark = pytest.mark.sound
GAP_LIMIT_MS = 5.0


def sealed_device(plain: bytes, fmt: str, name: str) -> ContainerDevice:
    key = new_content_key()
    sealed = encrypt(plain, key, content_id=name, content_version=1, mime=MIME[fmt])
    reader = ContainerReader(sealed, key)
    reader.warm()
    return ContainerDevice(reader)


def play_in_a_row(
    qtbot: QtBot, player: PlayerBase, devices: list[tuple[ContainerDevice, str, int]]
) -> list[str]:
    """Play the first, queue each next one when asked, until the last ends; what happened, in order."""
    events: list[str] = []
    waiting = list(devices[1:])

    def wanted() -> None:
        events.append("wanted")
        if waiting:
            device, mime, ms = waiting.pop(0)
            player.queue_next(device, mime, ms)

    player.next_wanted.connect(wanted)
    player.advanced.connect(lambda: events.append("advanced"))
    player.media_ended.connect(lambda: events.append("ended"))
    player.failed.connect(lambda m: events.append(f"failed: {m}"))
    device, mime, ms = devices[0]
    player.play_source(device, mime, ms)
    total = sum(d[2] for d in devices)
    qtbot.waitUntil(
        lambda: "ended" in events or any(e.startswith("failed") for e in events), timeout=total + 15_000
    )
    return events


def pcm(*parts: np.ndarray) -> bytes:
    return (np.concatenate(parts) * 32767).astype("<i2").tobytes()


def test_the_check_finds_a_gap_of_a_few_milliseconds_and_only_between_the_tracks() -> None:
    """Sanity: tones back to back have no silence inside; 3 ms of digital silence between them is found;
    a drop-out inside the first is not taken for the gap; no second tone is no junction at all."""
    a, b, lead = tone(440, 0.5), tone(660, 0.5), np.zeros((2000, 2), np.float32)

    def silence(ms: float) -> np.ndarray:
        return np.zeros((round(RATE * ms / 1000), 2), np.float32)

    assert inserted_silence_ms(pcm(a, b)).longest_silence_ms < 0.1
    assert 2.9 < inserted_silence_ms(pcm(a, silence(3), b)).longest_silence_ms < 3.1
    assert (junction_silence_ms(pcm(lead, a, b, lead), 440, 660) or 0.0) < 0.1
    assert 2.9 < (junction_silence_ms(pcm(lead, a, silence(3), b, lead), 440, 660) or 0.0) < 3.1
    assert 59 < (junction_silence_ms(pcm(lead, a, silence(60), b, lead), 440, 660) or 0.0) < 61
    dropout = pcm(lead, a[:9000], silence(12), a[9000:], b, lead)
    assert (junction_silence_ms(dropout, 440, 660) or 0.0) < 0.1
    assert junction_silence_ms(pcm(lead, a, a, lead), 440, 660) is None


@pytest.mark.timeout(90)
@pytest.mark.parametrize(("first", "second"), [("flac", "flac"), ("ogg", "ogg"), ("flac", "ogg")])
def test_two_tracks_in_a_row_play_without_a_gap(
    qapp: object, qtbot: QtBot, record_property: Callable[[str, object], None], first: str, second: str
) -> None:
    require_real_sink()
    one = sealed_device(encode(tone(440, 2.0), RATE, first), first, "one")
    two = sealed_device(encode(tone(660, 2.0), RATE, second), second, "two")
    player = GaplessPlayer()
    try:
        with recording() as rec:
            events = play_in_a_row(qtbot, player, [(one, MIME[first], 2000), (two, MIME[second], 2000)])
            qtbot.wait(300)  # the tail still in the sink's buffer
    finally:
        player.stop()
    gap = junction_silence_ms(rec.pcm, 440, 660)
    record_property("gap_ms", gap)
    print(f"{first} then {second}: {gap} ms between; all heard: {inserted_silence_ms(rec.pcm)}; {events}")
    assert events == ["wanted", "advanced", "wanted", "ended"]
    assert gap is not None, "the recording does not hold the second track after the first"
    assert gap <= GAP_LIMIT_MS, f"{gap:.1f} ms of silence between the tracks"


def tagged_flac(seconds: float, **tags: str) -> bytes:
    """A quarter-scale tone as FLAC, with Vorbis comments `tags` (written by mutagen, in memory)."""
    out = io.BytesIO(encode(tone(440, seconds, amplitude=0.25), RATE, "flac"))
    audio = FLAC(out)
    for name, value in tags.items():
        audio[name] = value
    out.seek(0)
    audio.save(out)
    return out.getvalue()


def level_heard(qtbot: QtBot, player: GaplessPlayer, plain: bytes) -> float:
    """RMS of the steady middle of what the sink recorded while `plain` (FLAC) played."""
    key = new_content_key()
    reader = ContainerReader(encrypt(plain, key, content_id="rg", content_version=1, mime=MIME["flac"]), key)
    gain = read_tags(reader).replaygain
    with recording() as rec:
        player.play_source(ContainerDevice(reader), MIME["flac"], 1500, gain)
        qtbot.waitUntil(lambda: player.state is PlaybackState.STOPPED and player.position > 0, timeout=15_000)
        qtbot.wait(300)
    s = samples(rec.pcm)
    loud = np.flatnonzero(np.abs(s).max(axis=1) > 0.01)
    middle = s[loud[0] + RATE // 5 : loud[-1] - RATE // 5]
    return rms((middle * 32768).astype("<i2").tobytes())


@pytest.mark.timeout(120)
def test_replaygain_plays_a_track_as_much_quieter_or_louder_as_its_tags_say(
    qapp: object, qtbot: QtBot
) -> None:
    require_real_sink()
    quieter = tagged_flac(1.5, replaygain_track_gain="-6.02 dB", replaygain_track_peak="0.25")
    louder = tagged_flac(1.5, replaygain_track_gain="+6.02 dB", replaygain_track_peak="0.25")
    too_loud = tagged_flac(1.5, replaygain_track_gain="+18 dB", replaygain_track_peak="0.25")
    player = GaplessPlayer()
    try:
        off = level_heard(qtbot, player, quieter)
        player.set_replaygain(ReplayGainMode.TRACK)
        down, up, capped = (level_heard(qtbot, player, plain) for plain in (quieter, louder, too_loud))
    finally:
        player.stop()
    print(f"RMS off {off:.4f}, -6 dB {down:.4f}, +6 dB {up:.4f}, +18 dB peak 0.25 {capped:.4f}")
    assert off == pytest.approx(0.25 / np.sqrt(2), rel=0.05)  # the tone as encoded
    assert down / off == pytest.approx(0.5, rel=0.05)
    assert up / off == pytest.approx(2.0, rel=0.05)
    assert capped / off == pytest.approx(4.0, rel=0.05)  # +18 dB would be 7.9: the peak allows 4
