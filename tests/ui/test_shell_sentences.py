"""The window's messages are whole sentences (a translation can order their parts its own way), and
they still read as before in English: a library check that finds one track gone and another damaged
says both in one sentence; the Playback menu's Repeat and Shuffle say the mode they are in; the offline
banner says how long cached tracks play, or that they wait for a connection; an error reads as what
happened followed by what to do."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from player.errors import KeyringUnavailableError, NotSignedInError, PlayerError
from player.language import translate
from player.storage.keys import INSTALL_HINT
from player.ui.kit.messages import describe
from player.ui.playing.order import Repeat, Shuffle
from player.ui.shell.notices import NoticeStrip
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession
from tests.ui.visible_text import assert_words_plain
from tests.ui.window_helpers import WAIT, bought, entry_titled, open_window


def test_a_check_that_finds_a_track_gone_and_one_damaged_says_both_in_one_sentence(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = bought(make_session, module_backend.url, "aurora-0001", "aurora-0002")
    window = open_window(qtbot, session, rows=2)
    library = session.terminal.library
    gone, damaged = library.file_path("aurora-0002"), library.file_path("aurora-0001")
    assert gone is not None and damaged is not None
    gone.unlink()
    data = bytearray(damaged.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(b ^ 0xFF for b in data[middle : middle + 64])
    damaged.write_bytes(bytes(data))

    window.verify_action.trigger()

    qtbot.waitUntil(lambda: window.messages.title == "Some tracks are lost", timeout=WAIT)
    lost, broken = entry_titled(window, "Blue Hour Waltz"), entry_titled(window, "Lantern Street")
    assert window.messages.text == (
        f"Missing: {lost.row.title}; damaged: {broken.row.title}. Your insurance can re-issue them."
    )
    assert window.messages._action.text() == "Report a Loss…"
    assert_words_plain()


def test_the_playback_menu_says_which_repeat_and_shuffle_are_on(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    window = open_window(qtbot, bought(make_session, module_backend.url, "aurora-0001"), rows=1)
    assert window.repeat_action.text() == "&Repeat (off)"
    assert window.shuffle_action.text() == "S&huffle (off)"

    said = []
    for _ in range(3):
        window.repeat_action.trigger()
        said.append((window.now.order.repeat, window.repeat_action.text()))
    assert said == [
        (Repeat.ALL, "&Repeat (all tracks)"),
        (Repeat.TRACK, "&Repeat (this track)"),
        (Repeat.OFF, "&Repeat (off)"),
    ]
    window.shuffle_action.trigger()
    assert window.now.order.shuffle is Shuffle.TRACKS
    assert window.shuffle_action.text() == "S&huffle (tracks)"


def test_the_offline_banner_says_until_when_cached_tracks_play_or_that_they_wait(qtbot: QtBot) -> None:
    strip = NoticeStrip()
    qtbot.addWidget(strip)
    banner = strip.offline

    strip.set_grace("until 14:03 (29 days)", True)
    assert banner.title == "Offline: the insurer cannot be reached"
    assert banner.text.startswith("Tracks with a valid cached license keep playing until 14:03 (29 days). ")

    strip.set_grace("no license list cached yet", False)
    assert banner.text.startswith(
        "Tracks with a valid cached license keep playing (but no license list cached yet: connect to "
        "play them). Buying, loss reports and the license list need the insurer"
    )


def test_an_error_reads_as_what_happened_then_what_to_do() -> None:
    assert describe(NotSignedInError("your session has expired")) == (
        "Please sign in",
        "Your session has expired. Sign in again to continue.",
    )
    title, text = describe(
        KeyringUnavailableError("no usable OS keyring; " + translate("Errors", INSTALL_HINT))
    )
    assert title == "No keyring" and text.count("gnome-keyring") == 1, text  # the advice once, not twice
    assert text.endswith("Then restart Insured Player."), text
    assert describe(PlayerError("the disk said no")) == (
        "Something went wrong",
        "the disk said no (details are in the log).",
    )
