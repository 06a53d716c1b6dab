"""Story: the listener opens Preferences (Ctrl+,). The tray icon, closing to the tray and notifications
apply at once and are remembered; an insurer's address is checked and kept for the next start; the check
with the insurer on every play is theirs to choose only where the policy leaves it open."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from player.terminal import Terminal
from player.ui.kit.settings import UiSettings
from player.ui.shell.preferences import PreferencesDialog
from tests.support.backend import Backend
from tests.support.own_files import write_track
from tests.ui.conftest import MakeSession, unique_name
from tests.ui.visible_text import assert_words_plain
from tests.ui.window_helpers import WAIT, open_window

LEFT = Qt.MouseButton.LeftButton


def _open(qtbot: QtBot, window: object) -> PreferencesDialog:
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.preferences  # type: ignore[attr-defined]
    assert isinstance(dialog, PreferencesDialog) and dialog.isVisible()
    assert_words_plain()
    return dialog


def test_desktop_choices_apply_at_once_and_are_remembered(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = make_session(module_backend.url, user=unique_name(), insured=True)
    window = open_window(qtbot, session)
    assert window.tray.icon.isVisible()  # shown by default
    dialog = _open(qtbot, window)
    assert dialog.tray_note.isVisible()  # this test's desktop has no tray: closing quits, and it says so

    dialog.tray_icon.setChecked(False)
    assert not window.tray.icon.isVisible() and not dialog.close_to_tray.isEnabled()
    dialog.tray_icon.setChecked(True)
    dialog.close_to_tray.setChecked(True)
    assert window.tray.close_to_tray and window.tray.icon.isVisible()
    assert not window.tray.keeps_running  # no tray to hide in: closing will quit, not strand the window

    dialog.notify.setChecked(False)
    assert not window.notify_action.isChecked()  # the Playback menu says the same
    dialog.close()
    window.settings.sync()
    again = UiSettings(session.terminal.data_dir)
    assert (again.tray_icon, again.close_to_tray, again.notifications) == (True, True, False)

    window.close()  # close to the tray asked for, but no tray here: the player really quits
    assert window._closed


def test_an_insurers_address_is_checked_and_used_from_the_next_start(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend, tmp_path: Path
) -> None:
    session = make_session(module_backend.url, "prefs", user=unique_name(), insured=True)
    window = open_window(qtbot, session)
    dialog = _open(qtbot, window)
    assert not dialog.bundled.isEnabled()  # this session's insurer was given at launch: it wins
    session.terminal.connection.given_server = None  # as if started without one
    dialog.close()
    dialog = _open(qtbot, window)
    assert dialog.bundled.isChecked() and not dialog.address.isEnabled()

    dialog.remote.setChecked(True)
    dialog.address.setText("insurer dot example")
    dialog.address.editingFinished.emit()
    qtbot.waitUntil(dialog.insurer_error.isVisible, timeout=WAIT)
    assert "not an insurer's address" in dialog.insurer_error.text()
    assert session.terminal.connection.saved_server is None  # nothing kept

    dialog.address.setText(module_backend.url + "/")
    dialog.address.editingFinished.emit()
    qtbot.waitUntil(lambda: session.terminal.connection.saved_server == module_backend.url, timeout=WAIT)
    assert not dialog.insurer_error.isVisible()
    dialog.close()
    window.close()
    qtbot.waitUntil(lambda: not session.tasks.busy, timeout=WAIT)
    session.terminal.close()

    later = Terminal(tmp_path / "prefs", None)  # the next start, with no insurer given
    try:
        assert later.connection.server_id == module_backend.url
        assert later.connection.reachable()
    finally:
        later.close()


def test_the_every_play_check_is_a_choice_only_where_the_policy_leaves_it(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = make_session(module_backend.url, user=unique_name(), insured=True)
    account = session.terminal.account
    policy_id = account.policy_id()
    window = open_window(qtbot, session)
    dialog = _open(qtbot, window)
    assert dialog.every_play.isEnabled() and not dialog.every_play.isChecked()
    assert not account.checks_every_play(policy_id)
    dialog.every_play.setChecked(True)
    qtbot.waitUntil(lambda: account.checks_every_play(policy_id), timeout=WAIT)
    dialog.close()

    strict = make_session(module_backend.url, "strict", user=unique_name())
    strict.terminal.account.insure(check_every_play=True)
    other = open_window(qtbot, strict)
    dialog = _open(qtbot, other)
    assert dialog.every_play.isChecked() and not dialog.every_play.isEnabled()
    assert "Your policy asks for this check" in dialog.every_play_note.text()
    dialog.close()


def test_replaygain_and_the_music_folders_are_in_the_preferences_too(
    qtbot: QtBot,
    make_session: MakeSession,
    module_backend: Backend,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = make_session(module_backend.url, user=unique_name(), insured=True)
    window = open_window(qtbot, session)
    dialog = _open(qtbot, window)
    assert dialog.replaygain.currentData() == "off"
    dialog.replaygain.setCurrentIndex(dialog.replaygain.findData("album"))
    dialog.replaygain.activated.emit(dialog.replaygain.currentIndex())
    assert window.now.replaygain.value == "album" and window.settings.replaygain == "album"
    window.now.set_replaygain("track")  # from the Playback menu: the preferences say so too
    assert dialog.replaygain.currentData() == "track"

    folder = tmp_path / "Music"
    write_track(folder / "Quiet Harbour/01 Pier Lights.flac", seconds=2, tags={"title": "Pier Lights"})
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    qtbot.mouseClick(next(b for b in dialog.findChildren(QPushButton) if b.text() == "Add Folder…"), LEFT)
    qtbot.waitUntil(lambda: dialog.places.count() == 1, timeout=WAIT)
    assert dialog.places.item(0).text() == str(folder)
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 1, timeout=WAIT)
    assert_words_plain()

    dialog.places.setCurrentRow(0)
    qtbot.mouseClick(dialog.remove_place, LEFT)
    box = window.findChild(QMessageBox, "removeMusic")
    assert box is not None and box.isVisible()
    next(b for b in box.buttons() if b.text() == "Remove").click()
    qtbot.waitUntil(lambda: dialog.places.count() == 0, timeout=WAIT)
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 0, timeout=WAIT)
    assert (folder / "Quiet Harbour/01 Pier Lights.flac").is_file()  # the files themselves stay
    dialog.close()
