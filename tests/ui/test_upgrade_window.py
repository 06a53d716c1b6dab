"""Window story: the licensor publishes a newer version of a track the listener bought. After the next
sync the message bar says so, with an Upgrade button; taking it (free) brings the new version, which
plays, and the old license stops playing. A second track's newer version is taken from the library's
menu ("Upgrade to Version 2"); once taken, nothing is offered any more."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMenu, QPushButton
from pytestqt.qtbot import QtBot

from player.errors import DecisionRefusedError
from player.terminal import LibraryState
from player.ui.session import UiSession
from player.ui.shell.main_window import MainWindow
from tests.conftest import StartBackend
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession
from tests.ui.loss_helpers import decoded_frames, entries_of, wait_idle
from tests.ui.visible_text import assert_words_plain
from tests.ui.window_helpers import WAIT, bought, open_window, row_of

FIRST, SECOND = "aurora-0006", "harbor-0007"


def _upgrade_action(window: MainWindow, license_id: str) -> list[str]:
    """The upgrade entries of the library's menu on the row of `license_id`."""
    window.library.table.selectRow(row_of(window, license_id))
    menu = QMenu(window)
    window.upgrade_offers.extend(menu)
    return [a.text() for a in menu.actions() if a.objectName() == "upgradeTracks"]


def _valid(session: UiSession, content_id: str) -> list[int | None]:
    return [e.row.version for e in entries_of(session, content_id) if e.state is LibraryState.VALID]


def test_a_newer_version_is_offered_after_a_sync_and_taken_from_the_message_or_the_menu(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = bought(make_session, module_backend.url, FIRST, SECOND)
    terminal = session.terminal
    window = open_window(qtbot, session, rows=2)
    wait_idle(qtbot, session)
    assert window.upgrade_offers.offers == {} and not window.messages.isVisible()
    (first,) = entries_of(session, FIRST)
    assert _upgrade_action(window, first.row.license_id) == [], "nothing newer: nothing offered"

    module_backend.admin(f"/content/{FIRST}/upgrade")
    session.sync()
    qtbot.waitUntil(lambda: window.messages.isVisible(), timeout=WAIT)
    title = first.row.title
    assert window.messages.title == "Newer versions"
    assert window.messages.text == (
        f"A newer version of “{title}” is available, free. Upgrading replaces the version you have."
    )
    assert_words_plain()
    (button,) = [b for b in window.messages.findChildren(QPushButton) if b.text() == "Upgrade"]
    button.click()
    qtbot.waitUntil(lambda: window.messages.isVisible() and window.messages.title == "Upgrade", timeout=WAIT)
    assert window.messages.text == f"“{title}” is now version 2."
    wait_idle(qtbot, session)
    qtbot.waitUntil(lambda: _valid(session, FIRST) == [2], timeout=WAIT)
    assert decoded_frames(terminal, FIRST) > 0
    with pytest.raises(DecisionRefusedError, match="newer version"):  # the old license plays no more
        terminal.open_track(first.row.license_id)

    module_backend.admin(f"/content/{SECOND}/upgrade")
    session.sync()
    (second,) = entries_of(session, SECOND)
    qtbot.waitUntil(lambda: second.row.license_id in window.upgrade_offers.offers, timeout=WAIT)
    assert _upgrade_action(window, second.row.license_id) == ["Upgrade to Version 2"]
    window.library.table.selectRow(row_of(window, second.row.license_id))
    menu = QMenu(window)
    window.upgrade_offers.extend(menu)
    (action,) = [a for a in menu.actions() if a.objectName() == "upgradeTracks"]
    action.trigger()
    qtbot.waitUntil(lambda: window.messages.title == "Upgrade", timeout=WAIT)
    assert window.messages.text == f"“{second.row.title}” is now version 2."
    wait_idle(qtbot, session)
    qtbot.waitUntil(lambda: _valid(session, SECOND) == [2], timeout=WAIT)
    assert decoded_frames(terminal, SECOND) > 0
    qtbot.waitUntil(lambda: window.upgrade_offers.offers == {}, timeout=WAIT)


def test_an_upgrade_taken_while_the_insurer_is_down_says_why_and_keeps_the_version_held(
    qtbot: QtBot, make_session: MakeSession, start_backend: StartBackend
) -> None:
    with start_backend() as backend:
        session = bought(make_session, backend.url, FIRST)
        terminal = session.terminal
        window = open_window(qtbot, session, rows=1)
        wait_idle(qtbot, session)
        (first,) = entries_of(session, FIRST)
        backend.admin(f"/content/{FIRST}/upgrade")
        session.sync()
        qtbot.waitUntil(lambda: window.messages.title == "Newer versions", timeout=WAIT)

        backend.stop()  # the offer was made; the insurer is gone before it is taken
        (button,) = [b for b in window.messages.findChildren(QPushButton) if b.text() == "Upgrade"]
        button.click()
        qtbot.waitUntil(lambda: window.messages.title == "Upgrade", timeout=WAIT)
        wait_idle(qtbot, session)
        assert window.messages.kind == "warning"
        assert window.messages.text == f"{first.row.title}: The insurer did not answer"
        assert_words_plain()
        assert not window.upgrade_offers.busy
        # nothing lost: the version held still plays, and the upgrade is still offered for later
        assert _valid(session, FIRST) == [1]
        assert decoded_frames(terminal, FIRST) > 0
        assert _upgrade_action(window, first.row.license_id) == ["Upgrade to Version 2"]
