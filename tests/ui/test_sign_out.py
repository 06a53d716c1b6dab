"""Story: the owner signs out from the File menu. They are asked first; the music stops; the library
gives way to a page that says whose it is and how to sign back in; Sign In opens on the sign-in tab with
their name filled in, and once signed in the library is back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from player.playback import PlaybackState
from player.ui.shell.first_run import FirstRunDialog, Page
from player.ui.shell.main_window import MainWindow
from tests.support.backend import Backend
from tests.ui.conftest import PASSWORD, MakeSession, unique_name
from tests.ui.visible_text import assert_words_plain
from tests.ui.window_helpers import WAIT, bought, open_window, visible_dialogs, wait_playing

TRACKS = ("aurora-0001", "aurora-0002")


def test_signing_out_stops_the_music_and_hides_the_library_until_the_owner_signs_in(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = bought(make_session, module_backend.url, *TRACKS)
    owner = session.terminal.account.owner
    window = open_window(qtbot, session, rows=2)
    assert window.sign_out_action.isVisible() and not window.account_action.isVisible()
    window.now.play(window.library.visible_entries()[0])
    wait_playing(qtbot, window)

    window.sign_out_action.trigger()
    box = window.sign_out_box
    assert box is not None and box.isVisible() and owner in box.text()
    assert_words_plain()
    box.button(QMessageBox.StandardButton.Cancel).click()  # changed their mind: nothing happens
    assert session.signed_in and window.library.model.rowCount() == 2

    window.sign_out_action.trigger()
    box = window.sign_out_box
    assert box is not None
    go = next(b for b in box.buttons() if b.text() == "Sign Out")
    go.click()
    qtbot.waitUntil(lambda: window.library.stack.currentWidget() is window.library.locked, timeout=WAIT)
    assert session.terminal.account.signed_out and not session.terminal.account.signed_in
    qtbot.waitUntil(lambda: window.player.state is PlaybackState.STOPPED, timeout=WAIT)
    assert window.library.model.rowCount() == 0 and not window.library.search.isEnabled()
    label = window.library.locked.findChild(type(window.library.count))
    assert label is not None and f"Sign in as {owner}" in label.text()
    assert window.account_action.isVisible() and not window.sign_out_action.isVisible()
    assert not any(
        isinstance(w, FirstRunDialog) and w.isVisible() for w in visible_dialogs()
    )  # the page says
    assert_words_plain()

    sign_in = next(b for b in window.library.locked.findChildren(type(go)) if b.text() == "Sign In…")
    qtbot.mouseClick(sign_in, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert isinstance(dialog, FirstRunDialog)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == Page.ACCOUNT, timeout=WAIT)
    assert dialog.mode.currentIndex() == 1 and dialog.username.text() == owner  # sign in, as them
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.signed_in, timeout=WAIT)
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 2, timeout=WAIT)
    assert window.library.stack.currentWidget() is window.library.table
    assert window.sign_out_action.isVisible() and window.library.search.isEnabled()
    dialog.close()


def test_a_signed_out_owner_is_asked_to_sign_in_when_the_player_starts(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = make_session(module_backend.url, user=unique_name(), insured=True)
    session.terminal.account.sign_out()
    window = MainWindow(session, first_run=True)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: isinstance(window.dialog, FirstRunDialog), timeout=WAIT)
    assert window.library.stack.currentWidget() is window.library.locked
    assert_words_plain()
    if window.dialog is not None:
        window.dialog.close()
