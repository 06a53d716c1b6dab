"""Driving the playlists from a story: the sidebar's rows, a playlist's page, drops as the user makes them."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.exceptions import TimeoutError as WaitTimedOut
from pytestqt.qtbot import QtBot

from player.terminal import Playlist
from player.ui.playlists.model import Column
from player.ui.shell.main_window import MainWindow
from tests.ui.window_helpers import WAIT, entry_titled, row_of


def sidebar(window: MainWindow) -> list[str]:
    return window.playlists.list.shown_names()


def playlist(window: MainWindow, name: str) -> Playlist:
    (found,) = [p for p in window.playlists.book.playlists if p.name == name]
    return found


def page_titles(window: MainWindow) -> list[str]:
    model = window.playlists.page.model
    return [str(model.index(r, Column.TITLE).data()) for r in range(model.rowCount())]


def select_library(window: MainWindow, *titles: str) -> None:
    table, proxy = window.library.table, window.library.proxy
    table.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for title in titles:
        row = row_of(window, entry_titled(window, title).row.license_id)
        table.selectionModel().select(proxy.index(row, 0), flags)
        table.selectionModel().setCurrentIndex(
            proxy.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
        )
    table.setFocus()


def library_drag(window: MainWindow) -> QMimeData:
    """What dragging the selected library rows carries."""
    return window.library.proxy.mimeData(window.library.table.selectionModel().selectedRows())


def drop(target_viewport_owner: object, data: QMimeData, at: QPoint) -> None:
    """A drop at `at` (viewport coordinates) on a list or table, as the end of a drag delivers it."""
    event = QDropEvent(
        QPointF(at), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    target_viewport_owner.dropEvent(event)  # type: ignore[attr-defined]


def sidebar_row(window: MainWindow, name: str) -> QPoint:
    names = window.playlists.list.names
    items = [names.item(i) for i in range(names.count())]
    (item,) = [i for i in items if name in (i.text(), i.toolTip())]  # the tooltip in the narrow column
    return names.visualItemRect(item).center()


def open_in_sidebar(qtbot: QtBot, window: MainWindow, name: str) -> None:
    names = window.playlists.list.names
    qtbot.mouseClick(names.viewport(), Qt.MouseButton.LeftButton, pos=sidebar_row(window, name))
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.playlists.page, timeout=WAIT)


def add_menu(qtbot: QtBot, window: MainWindow, widget: QWidget) -> QMenu:
    """Ctrl+Shift+A where the focus is: the Add to Playlist menu it pops up."""
    menus = window.playlists.menus
    before = menus.shown
    qtbot.keyClick(
        widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    menu = menus.shown
    assert menu is not None and menu is not before, "Ctrl+Shift+A showed no menu"
    return menu


def choose(qtbot: QtBot, window: MainWindow, menu: QMenu, text: str) -> None:
    """Take `text` in a menu; the window is active again afterwards, as a window manager makes it."""
    (action,) = [a for a in menu.actions() if a.text() == text]
    action.trigger()
    menu.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def wait_entries(qtbot: QtBot, window: MainWindow, name: str, n: int) -> None:
    try:
        qtbot.waitUntil(lambda: len(playlist(window, name).entries) == n, timeout=WAIT)
    except WaitTimedOut as e:  # say what there was instead
        held = [entry.title for entry in playlist(window, name).entries]
        raise AssertionError(
            f"{name!r} holds {held}, not {n} entries; the window says {window.messages.text!r}"
        ) from e


def focus(qtbot: QtBot, widget: QWidget) -> None:
    """The keyboard's focus on `widget`, in the active window (where a shortcut is looked for)."""
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus)
