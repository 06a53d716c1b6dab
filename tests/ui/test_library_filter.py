"""Searching the library page key by key: the table narrows as the listener types, the row they chose
stays chosen while it still shows, a sort keeps it, and what plays next is what is shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from player.ui.library.model import LICENSE_IDS_MIME, Column, dropped_ids
from player.ui.library.view import LibraryPage
from tests.support.factories import library_entry

TITLES = ("Blue River", "Night Shift", "Blue Hour", "Morning Glass", "Night Blue")


def _page(qtbot: QtBot) -> LibraryPage:
    page = LibraryPage()
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.set_entries([library_entry(t, album="Quiet Harbour") for t in TITLES])
    return page


def _titles(page: LibraryPage) -> list[str]:
    return [str(page.proxy.index(r, Column.TITLE).data()) for r in range(page.proxy.rowCount())]


def _chosen(page: LibraryPage) -> str | None:
    entry = page.selected_entry()
    return None if entry is None else entry.row.title


def test_typing_narrows_the_table_and_the_chosen_row_stays_while_it_shows(qtbot: QtBot) -> None:
    page = _page(qtbot)
    assert _titles(page) == ["Blue Hour", "Blue River", "Morning Glass", "Night Blue", "Night Shift"]
    assert page.select("Night Blue")

    qtbot.keyClicks(page.search, "blu")
    assert _titles(page) == ["Blue Hour", "Blue River", "Night Blue"]
    assert _chosen(page) == "Night Blue"
    assert page.count.text() == "3 of 5 tracks"
    assert [e.row.title for e in page.visible_entries()] == _titles(page)  # what plays next

    qtbot.keyClicks(page.search, "e riv")
    assert _titles(page) == ["Blue River"]
    assert _chosen(page) is None  # it no longer shows
    for _ in range(4):
        qtbot.keyClick(page.search, Qt.Key.Key_Backspace)
    assert page.search.text() == "blue" and _titles(page) == ["Blue Hour", "Blue River", "Night Blue"]

    assert page.select("Blue Hour")
    page.table.sortByColumn(Column.TITLE, Qt.SortOrder.DescendingOrder)  # a click on the header
    assert _titles(page) == ["Night Blue", "Blue River", "Blue Hour"]
    assert _chosen(page) == "Blue Hour"
    page.search.clear()
    assert _titles(page) == ["Night Shift", "Night Blue", "Morning Glass", "Blue River", "Blue Hour"]
    assert _chosen(page) == "Blue Hour" and page.count.text() == "5 tracks"


def test_a_search_that_finds_nothing_keeps_the_columns_titled(qtbot: QtBot) -> None:
    page = _page(qtbot)
    qtbot.keyClicks(page.search, "nothing like this")
    assert page.proxy.rowCount() == 0 and page.count.text() == "0 of 5 tracks"
    header = page.table.model().headerData(Column.TITLE, Qt.Orientation.Horizontal)
    assert header == "Title"


def test_a_search_that_finds_nothing_says_so_and_escape_clears_it(qtbot: QtBot) -> None:
    page = _page(qtbot)
    message = page.feedback.nothing
    assert not message.isVisible()
    page.search.setFocus()
    qtbot.keyClicks(page.search, "nothing like this")
    assert message.isVisible()
    assert message.text() == "No tracks match “nothing like this”.\nPress Esc to clear the search."

    qtbot.keyClick(page.search, Qt.Key.Key_Escape)  # the whole library again, the search kept in focus
    assert page.search.text() == "" and page.proxy.rowCount() == len(TITLES)
    assert not message.isVisible() and page.focusWidget() is page.search
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)  # again: to the table, on its first row
    assert page.focusWidget() is page.table and _chosen(page) == "Blue Hour"


def test_a_search_that_finds_nothing_offers_to_clear_it(qtbot: QtBot) -> None:
    page = _page(qtbot)
    clear = page.feedback.clear_button
    qtbot.keyClicks(page.search, "nothing like this")
    assert clear.isVisible() and clear.text() == "Clear Search"
    page.table.setFocus()  # the listener went to the table, and finds it empty
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert page.search.text() == "" and page.proxy.rowCount() == len(TITLES)
    assert not page.feedback.nothing.isVisible() and not clear.isVisible()
    assert page.focusWidget() is page.search  # ready for another search


def test_the_down_key_in_the_search_goes_to_the_rows_it_found(qtbot: QtBot) -> None:
    page = _page(qtbot)
    page.search.setFocus()
    qtbot.keyClicks(page.search, "night")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.focusWidget() is page.table and _chosen(page) == "Night Blue"


def test_rows_dragged_from_a_narrowed_table_are_the_ones_shown(qtbot: QtBot) -> None:
    page = _page(qtbot)
    qtbot.keyClicks(page.search, "night")
    assert _titles(page) == ["Night Blue", "Night Shift"]
    data = page.proxy.mimeData([page.proxy.index(1, Column.TITLE), page.proxy.index(0, Column.ARTIST)])
    assert data.hasFormat(LICENSE_IDS_MIME)
    assert dropped_ids(data) == ["Night Blue", "Night Shift"]  # in the order shown
