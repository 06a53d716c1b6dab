"""Window stories on a small screen (800×600): the seek bar keeps a width a user can aim at however
narrow the bar gets (Up Next beside the library too), what folds away to make that room is still within
reach, and the sidebar's icons-only column still names every section and playlist."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QAccessible, QHelpEvent
from PySide6.QtWidgets import QApplication, QListWidget, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from player.ui.shell.main_window import MainWindow
from tests.conftest import StartBackend
from tests.ui.conftest import MakeSession
from tests.ui.loss_helpers import wait_idle
from tests.ui.window_helpers import bought, open_window

USABLE_SEEK = 200  # px: a seek bar a user can aim at


def _settled(qtbot: QtBot, window: MainWindow, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() <= width + 4, timeout=5_000)
    qtbot.wait(50)  # the layouts' posted requests


def test_at_800_by_600_with_up_next_beside_the_library_the_seek_bar_keeps_its_room(
    qtbot: QtBot, make_session: MakeSession, start_backend: StartBackend
) -> None:
    with start_backend() as backend:
        session = bought(make_session, backend.url, "aurora-0001", "harbor-0011")
        window = open_window(qtbot, session, rows=2)
        bar = window.bar
        _settled(qtbot, window, 800, 600)
        window.queue_dock.show()  # Ctrl+U: Up Next beside the library takes its share of the width
        qtbot.waitUntil(lambda: bar.width() < 700, timeout=5_000)
        qtbot.wait(50)
        assert bar.seek.width() >= USABLE_SEEK, f"the seek bar is {bar.seek.width()} px of {bar.width()}"
        # the parts that gave their room are reached another way: the Playback menu and its keys
        assert bar.volume.isHidden() and bar.stop.isHidden()
        assert bar.shuffle.isHidden() and bar.repeat.isHidden()
        for action in (window.stop_action, window.shuffle_action, window.repeat_action):
            assert action.isEnabled() and not action.shortcut().isEmpty()
        assert "volume" in bar.mute.toolTip()
        assert bar.play.isVisible() and bar.next.isVisible() and bar.previous.isVisible()
        assert bar.title.isVisible() and bar.elapsed.isVisible() and bar.total.isVisible()
        inside = bar.rect()
        for part in (bar.seek, bar.total, bar.mute):  # nothing pushed past the bar's edge
            assert inside.contains(part.geometry()), f"{part.accessibleName()} is cut off"

        window.queue_dock.hide()
        _settled(qtbot, window, 800, 600)
        assert bar.seek.width() >= USABLE_SEEK
        assert bar.shuffle.isVisible() and bar.repeat.isVisible()  # room enough again for these
        _settled(qtbot, window, 1280, 800)
        assert bar.volume.isVisible() and bar.stop.isVisible() and bar.cover.isVisible()
        assert bar.volume.width() < bar.seek.width() / 2  # the volume never takes the seek bar's share


def _tooltip(view: QListWidget, row: int) -> str:
    """Rest the mouse on a row as a user would; the tooltip it shows ("" for none)."""
    QToolTip.hideText()
    item = view.item(row)
    assert item is not None
    pos = view.visualItemRect(item).center()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def _spoken(view: QListWidget) -> list[str]:
    """What a screen reader says for each row of `view`."""
    list_ = QAccessible.queryAccessibleInterface(view)
    assert list_ is not None
    said = []
    for i in range(list_.childCount()):
        child = list_.child(i)
        if child is not None and child.role() == QAccessible.Role.ListItem:
            said.append(child.text(QAccessible.Text.Name))
    return said


def test_the_narrow_sidebar_names_each_section_and_playlist_on_hover_and_to_a_screen_reader(
    qtbot: QtBot, make_session: MakeSession, start_backend: StartBackend
) -> None:
    with start_backend() as backend:
        session = bought(make_session, backend.url, "aurora-0001")
        for name in ("Road Trip", "Sunday Morning"):
            session.terminal.playlists.create(name)
        window = open_window(qtbot, session, rows=1)
        names = window.playlists.list.names
        qtbot.waitUntil(lambda: names.count() == 2, timeout=5_000)
        _settled(qtbot, window, 800, 600)
        wait_idle(qtbot, session)
        assert window.sidebar.compact
        assert [names.item(i).text() for i in range(2)] == ["", ""]  # icons only: the room is the tracks'
        assert [_tooltip(names, i) for i in range(2)] == ["Road Trip", "Sunday Morning"]
        assert _spoken(names) == ["Road Trip", "Sunday Morning"]
        nav = window.sidebar.nav
        sections = ["Library", "Store", "Insurance", "Receipts"]
        assert [_tooltip(nav, i) for i in range(nav.count())] == sections
        assert _spoken(nav) == sections

        # A name shows on hover while another window is the active one, as a player's often is.
        other = QWidget()
        qtbot.addWidget(other)
        other.show()
        other.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is other, timeout=5_000)
        QToolTip.hideText()
        item = names.item(1)
        assert item is not None
        at = names.visualItemRect(item).center()
        qtbot.mouseMove(names.viewport(), at - QPoint(3, 3))
        qtbot.mouseMove(names.viewport(), at)
        qtbot.waitUntil(lambda: QToolTip.isVisible(), timeout=5_000)
        assert QToolTip.text() == "Sunday Morning"

        _settled(qtbot, window, 1280, 800)  # wide again: the names are back beside the icons
        qtbot.waitUntil(lambda: not window.sidebar.compact, timeout=5_000)
        assert [names.item(i).text() for i in range(2)] == ["Road Trip", "Sunday Morning"]
        assert _spoken(names) == ["Road Trip", "Sunday Morning"]
