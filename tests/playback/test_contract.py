"""One contract, every engine (Quod Libet's `TPlayerMixin`): what the faces may rely on from a player.

The real engine's controls are queued and report through signals, the null engine's take effect at
once; so every check waits for what it expects rather than reading the state straight after a call.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from player.playback import GaplessPlayer, MediaPlayerEngine, NullPlayer, PlaybackState, PlayerBase
from tests.playback.conftest import Track

PLAYING, PAUSED, STOPPED = PlaybackState.PLAYING, PlaybackState.PAUSED, PlaybackState.STOPPED


class PlayerContract:
    engine: type[PlayerBase]

    @pytest.fixture
    def p(self, make_player: Callable[[type[PlayerBase]], PlayerBase]) -> PlayerBase:
        return make_player(self.engine)

    @staticmethod
    def start(p: PlayerBase, qtbot: QtBot, track: Track, hint: int | None = 10_000) -> None:
        p.play_source(track.device(), track.mime, hint)
        qtbot.waitUntil(lambda: p.state is PLAYING, timeout=5000)

    def test_a_new_player_is_stopped_and_empty(self, p: PlayerBase) -> None:
        assert (p.state, p.position, p.duration, p.volume) == (STOPPED, 0, 0, 1.0)

    def test_play_source_plays_and_reports_the_duration(
        self, p: PlayerBase, qtbot: QtBot, flac: Track
    ) -> None:
        states: list[object] = []
        p.state_changed.connect(states.append)
        with qtbot.waitSignal(p.duration_changed, timeout=5000):
            self.start(p, qtbot, flac)
        assert states and all(isinstance(s, PlaybackState) for s in states) and states[-1] is PLAYING
        assert p.duration == 10_000

    def test_pause_resume_and_toggle(self, p: PlayerBase, qtbot: QtBot, flac: Track) -> None:
        self.start(p, qtbot, flac)
        p.pause()
        qtbot.waitUntil(lambda: p.state is PAUSED, timeout=5000)
        p.resume()
        qtbot.waitUntil(lambda: p.state is PLAYING, timeout=5000)
        p.toggle()
        qtbot.waitUntil(lambda: p.state is PAUSED, timeout=5000)
        p.toggle()
        qtbot.waitUntil(lambda: p.state is PLAYING, timeout=5000)

    def test_stop_unloads_and_closes_the_device(self, p: PlayerBase, qtbot: QtBot, flac: Track) -> None:
        device = flac.device()
        p.play_source(device, flac.mime, 10_000)
        qtbot.waitUntil(lambda: p.state is PLAYING, timeout=5000)
        p.stop()
        qtbot.waitUntil(lambda: p.state is STOPPED and p.position == 0 and p.duration == 0, timeout=5000)
        assert not device.isOpen()
        p.resume()  # nothing is loaded: nothing to resume
        qtbot.wait(200)
        assert p.state is STOPPED

    def test_a_new_track_replaces_the_old_one(
        self, p: PlayerBase, qtbot: QtBot, tracks: dict[str, Track]
    ) -> None:
        first = tracks["flac"].device()
        p.play_source(first, "audio/flac", 10_000)
        qtbot.waitUntil(lambda: p.state is PLAYING, timeout=5000)
        self.start(p, qtbot, tracks["ogg"], hint=9_000)
        assert not first.isOpen()
        qtbot.waitUntil(lambda: p.duration in (9_000, 10_000), timeout=5000)

    def test_seek_moves_the_position(self, p: PlayerBase, qtbot: QtBot, flac: Track) -> None:
        self.start(p, qtbot, flac)
        p.seek(6_000)
        qtbot.waitUntil(lambda: 6_000 <= p.position < 9_000, timeout=5000)

    def test_controls_without_a_track_do_nothing(self, p: PlayerBase, qtbot: QtBot) -> None:
        events: list[object] = []
        for signal in (p.state_changed, p.position_changed, p.media_ended, p.failed):
            signal.connect(events.append)
        p.pause()
        p.resume()
        p.toggle()
        p.seek(1000)
        p.stop()
        qtbot.wait(100)
        assert events == [] and p.state is STOPPED

    def test_volume_is_clamped(self, p: PlayerBase) -> None:
        p.set_volume(0.25)
        assert p.volume == 0.25
        p.set_volume(7)
        assert p.volume == 1.0
        p.set_volume(-1)
        assert p.volume == 0.0

    def test_a_missing_file_fails_with_a_readable_message(
        self, p: PlayerBase, qtbot: QtBot, tmp_path: Path
    ) -> None:
        with qtbot.waitSignal(p.failed, timeout=5000) as failed:
            p.play_file(tmp_path / "gone.flac")
        assert str(failed.args[0]).startswith("cannot play the")
        qtbot.waitUntil(lambda: p.state is STOPPED, timeout=5000)

    def test_an_unreadable_device_fails(self, p: PlayerBase, qtbot: QtBot, flac: Track) -> None:
        device = flac.device()
        device.close()
        with qtbot.waitSignal(p.failed, timeout=5000) as failed:
            p.play_source(device, flac.mime, None)
        assert "cannot be read" in str(failed.args[0])
        assert p.state is STOPPED

    def test_near_the_end_it_asks_for_the_next_and_asks_again_when_that_is_dropped(
        self, p: PlayerBase, qtbot: QtBot, tracks: dict[str, Track]
    ) -> None:
        self.start(p, qtbot, tracks["flac"])
        if isinstance(p, NullPlayer):
            p.approach_end()  # the real engines ask by themselves (10 s ahead: at once, for 10 s)
        qtbot.waitUntil(lambda: p.wants_next, timeout=5000)
        queued = tracks["ogg"].device()
        p.queue_next(queued, tracks["ogg"].mime, 10_000)
        asking = [p.wants_next]
        assert p.clear_next()
        asking.append(p.wants_next)
        assert asking == [False, True]  # dropped, and the end is still near: it asks for another
        qtbot.waitUntil(lambda: not queued.isOpen(), timeout=5000)  # let go once no decoder reads it
        p.stop()
        asking.append(p.wants_next)
        assert asking[-1] is False

    def test_a_next_track_handed_over_with_nothing_playing_is_let_go(
        self, p: PlayerBase, flac: Track
    ) -> None:
        device = flac.device()
        p.queue_next(device, flac.mime, 10_000)
        assert not device.isOpen() and not p.wants_next


class TestGaplessPlayer(PlayerContract):
    engine = GaplessPlayer


class TestMediaPlayerEngine(PlayerContract):
    engine = MediaPlayerEngine


class TestNullPlayer(PlayerContract):
    engine = NullPlayer

    def test_end_media_stands_in_for_the_end_of_a_track(
        self, p: PlayerBase, qtbot: QtBot, flac: Track
    ) -> None:
        assert isinstance(p, NullPlayer)
        self.start(p, qtbot, flac)
        with qtbot.waitSignal(p.media_ended, timeout=1000):
            p.end_media()
        assert (p.state, p.position) == (STOPPED, 10_000)
