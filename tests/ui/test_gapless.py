"""Story: an album that runs on plays on. Two bought tracks, one after the other in the library, are heard
through the null sink with no silence between them (at most 5 ms; the engine before left ~60 ms), and the
player bar follows to the second. And the listener picks ReplayGain in the Playback menu: every track
then plays at the level its tags say, and the choice is remembered.
"""

from __future__ import annotations

import io
import shutil
import wave

import pytest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from player.playback import PlaybackState, ReplayGainMode, gain_factor
from player.ui.shell.main_window import MainWindow
from tests.support.backend import Backend
from tests.support.sink import RATE, inserted_silence_ms, junction_silence_ms, real_sink, recording, tone
from tests.ui.conftest import MakeSession
from tests.ui.window_helpers import PLAY_WAIT, bought, double_click_row, open_window, row_of, wait_playing

GAP_LIMIT_MS = 5.0
SECONDS = 3.0


def wav(freq: float) -> bytes:
    """A 16-bit stereo WAV of a tone that runs to its last sample, as a label would upload it."""
    samples = (tone(freq, SECONDS) * 32767).astype("<i2")
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(samples.tobytes())
    return out.getvalue()


def publish(backend: Backend, title: str, freq: float) -> str:
    """The provider adds a track to its catalog (the backend's add-track import) and sells it."""
    fields = {"provider": "harbor", "price": "100", "genre": "Ambient", "title": title}
    r = backend.post("/admin/tracks", data=fields, files={"file": (f"{title}.wav", wav(freq), "audio/wav")})
    assert r.status_code == 201, r.text
    content_id: str = r.json()["content_id"]
    return content_id


@pytest.mark.sound
@pytest.mark.timeout(120)
def test_two_tracks_in_a_row_are_heard_without_a_gap(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    if not real_sink() or shutil.which("parec") is None:
        pytest.skip(
            "needs the PulseAudio null sink ci_sink and parec: run ./test (INSURED_PLAYER_REAL_SINK=1)"
        )
    first = publish(module_backend, "Segue One", 440)
    second = publish(module_backend, "Segue Two", 660)
    session = bought(make_session, module_backend.url, first, second)
    window = open_window(qtbot, session, rows=2)
    window.bar.set_volume(100)
    started: list[str] = []
    window.now.track_started.connect(lambda track: started.append(track.title))
    ids = {e.row.content_id: e.row.license_id for e in window.library.model.entries()}

    with recording() as rec:
        double_click_row(qtbot, window, row_of(window, ids[first]))
        wait_playing(qtbot, window, "Segue One")
        wait_playing(qtbot, window, "Segue Two")  # it follows by itself
        assert window.bar.title.text() == "Segue Two"
        qtbot.waitUntil(lambda: window.player.state is PlaybackState.STOPPED, timeout=PLAY_WAIT)
        qtbot.wait(300)  # the tail still in the sink's buffer

    gap = junction_silence_ms(rec.pcm, 440, 660)
    print(f"{gap} ms between the tracks; all heard: {inserted_silence_ms(rec.pcm)}")
    assert started == ["Segue One", "Segue Two"]
    assert gap is not None, "the recording does not hold the second track after the first"
    assert gap <= GAP_LIMIT_MS, f"{gap:.1f} ms of silence between the tracks"


def test_replaygain_is_chosen_in_the_playback_menu_applied_and_remembered(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = bought(make_session, module_backend.url, "aurora-0001")
    window = open_window(qtbot, session, rows=1)
    menu = window.replaygain_menu
    assert menu.actions_by_mode[ReplayGainMode.OFF].isChecked()
    assert str(window.player.replaygain) == "off"
    playback = [a.menu() for a in window.menuBar().actions() if a.text() == "&Playback"]
    assert isinstance(playback[0], QMenu) and menu.menuAction() in playback[0].actions()

    menu.actions_by_mode[ReplayGainMode.TRACK].trigger()
    double_click_row(qtbot, window, 0)
    wait_playing(qtbot, window)
    opened = session.terminal.open_track(window.now.current.license_id if window.now.current else "")
    try:
        tags = opened.replaygain
    finally:
        opened.close()
    assert tags is not None and tags.track_gain_db is not None  # the demo catalog is tagged
    expected = gain_factor(tags, ReplayGainMode.TRACK)
    assert expected != 1.0
    assert window.player.level == pytest.approx(expected)
    assert str(window.player.replaygain) == "track"

    menu.actions_by_mode[ReplayGainMode.OFF].trigger()  # at once, on what plays
    assert window.player.level == 1.0
    window.now.set_replaygain("album")  # the one setter, for any other control: the menu follows
    assert menu.actions_by_mode[ReplayGainMode.ALBUM].isChecked()
    assert window.player.level == pytest.approx(expected)  # no album gain: the track's stands in
    window.now.stop()
    window.close()

    again = MainWindow(session, mpris=False, first_run=False)  # the next start: remembered
    qtbot.addWidget(again)
    assert str(again.player.replaygain) == "album"
    assert again.replaygain_menu.actions_by_mode[ReplayGainMode.ALBUM].isChecked()
    assert window.settings.replaygain == "album"
