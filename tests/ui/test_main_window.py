"""The main window's library: what was bought shows with its license state, and it searches, sorts and
plays the way a desktop player does. Purchases are set up through the core; the story goes through the
widgets."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from player.playback import PlaybackState
from player.ui.claims.loss_dialog import LossDialog
from player.ui.library.model import Column
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession
from tests.ui.visible_text import assert_words_plain
from tests.ui.window_helpers import (
    bought,
    double_click_row,
    entry_titled,
    open_window,
    row_of,
    shown,
    visible_dialogs,
    wait_playing,
)

JAZZ_1, JAZZ_2, AMBIENT = "aurora-0001", "aurora-0002", "harbor-0011"  # Lantern Street, Blue Hour Waltz


def test_the_library_shows_what_was_bought_insured_and_valid(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    window = open_window(qtbot, bought(make_session, module_backend.url, JAZZ_1, JAZZ_2, AMBIENT), rows=3)

    assert window.windowTitle() == "Insured Player"
    row = row_of(window, entry_titled(window, "Lantern Street").row.license_id)
    cells = [str(window.library.proxy.index(row, c).data()) for c in Column]
    assert cells == [
        "Lantern Street",
        "The Marlow Quartet",
        "Night Shift Sessions",
        "0:33",
        "Jazz",
        "Aurora Records",  # the provider's name, learnt from the insurer on sync
        "Insured",
        "Valid",
        "1",  # the track number, disc, year and album artist: read from the track's own tags
        "",
        "2016",
        "The Marlow Quartet",
        "Kaede Mutual",  # who insures it: a column of its own once there are two
    ]
    header = window.library.table.horizontalHeader()
    in_view = [
        header.model().headerData(header.logicalIndex(v), Qt.Orientation.Horizontal) for v in range(12)
    ]
    assert in_view[:6] == ["#", "Title", "Artist", "Album", "Year", "Length"]
    assert header.isSectionHidden(Column.DISC) and header.isSectionHidden(Column.ALBUM_ARTIST)
    assert header.isSectionHidden(Column.INSURER), "one insurer: nothing to tell apart"
    badge = window.library.proxy.index(row, Column.INSURED).data(Qt.ItemDataRole.DecorationRole)
    assert badge is not None and not badge.isNull()
    tip = str(window.library.proxy.index(row, Column.LICENSE).data(Qt.ItemDataRole.ToolTipRole))
    assert "valid" in tip and "offline" in tip
    assert set(shown(window, Column.LICENSE)) == {"Valid"}
    assert window.library.count.text() == "3 tracks"
    assert window.status.connection.text() == "Online"
    assert window.status.synced.text().startswith("Synced ")
    assert window.status.grace.text().startswith("Offline playback until "), window.status.grace.text()


def test_typing_in_the_search_box_filters_as_you_type(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    window = open_window(qtbot, bought(make_session, module_backend.url, JAZZ_1, JAZZ_2, AMBIENT), rows=3)
    window.library.table.setFocus()

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.library.search.hasFocus()
    qtbot.keyClicks(window.library.search, "jazz")
    assert sorted(shown(window, Column.TITLE)) == ["Blue Hour Waltz", "Lantern Street"]
    assert window.library.count.text() == "2 of 3 tracks"
    qtbot.keyClicks(window.library.search, " waltz")  # every word must match, case aside
    assert shown(window, Column.TITLE) == ["Blue Hour Waltz"]
    window.library.search.clear()
    qtbot.keyClicks(window.library.search, "BLUE HARBOR")  # the provider's name counts too
    assert shown(window, Column.PROVIDER) == ["Blue Harbor Music"]
    window.library.search.clear()
    qtbot.keyClicks(window.library.search, 'album:"night shift"')  # a field named first looks only there
    assert sorted(shown(window, Column.TITLE)) == ["Blue Hour Waltz", "Lantern Street"]
    window.library.search.clear()
    qtbot.keyClicks(window.library.search, 'title:"blue hour"')
    assert shown(window, Column.TITLE) == ["Blue Hour Waltz"]
    window.library.search.clear()
    qtbot.keyClicks(window.library.search, "album:jazz")  # "jazz" is a genre here, in no album's name
    assert window.library.proxy.rowCount() == 0
    window.library.search.clear()
    assert window.library.proxy.rowCount() == 3


def test_clicking_a_column_header_sorts_by_it(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    window = open_window(qtbot, bought(make_session, module_backend.url, JAZZ_1, JAZZ_2, AMBIENT), rows=3)
    header = window.library.table.horizontalHeader()

    def click_header(column: Column) -> None:
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))

    click_header(Column.DURATION)
    lengths = shown(window, Column.DURATION)
    assert header.sortIndicatorSection() == Column.DURATION
    first = header.sortIndicatorOrder()
    click_header(Column.DURATION)
    assert header.sortIndicatorOrder() != first
    assert shown(window, Column.DURATION) == list(reversed(lengths))
    # Durations sort as times, not as text.
    seconds = [int(m) * 60 + int(s) for m, s in (t.split(":") for t in shown(window, Column.DURATION))]
    assert seconds in (sorted(seconds), sorted(seconds, reverse=True))
    click_header(Column.TITLE)
    titles = shown(window, Column.TITLE)
    assert titles in (sorted(titles), sorted(titles, reverse=True))


def test_double_clicking_a_track_plays_it_with_its_cover(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    window = open_window(qtbot, bought(make_session, module_backend.url, JAZZ_1, JAZZ_2), rows=2)
    row = row_of(window, entry_titled(window, "Blue Hour Waltz").row.license_id)

    double_click_row(qtbot, window, row)
    wait_playing(qtbot, window, "Blue Hour Waltz")
    qtbot.waitUntil(lambda: window.player.position > 0, timeout=10_000)
    assert window.bar.title.text() == "Blue Hour Waltz"
    assert window.bar.total.text() == "0:31"
    current = window.now.current
    assert current is not None and current.cover is not None  # read from the decrypted tags, in memory
    assert current.cover.mime.startswith("image/") and len(current.cover.data) > 1000
    assert not window.sidebar.cover.pixmap().isNull()
    assert window.bar.play.accessibleName() == "Pause"
    marker = window.library.proxy.index(row, Column.TITLE).data(Qt.ItemDataRole.DecorationRole)
    assert marker is not None and not marker.isNull()

    # Enter on the other row plays that one instead.
    other = 1 - row
    window.library.table.setFocus()
    window.library.table.setCurrentIndex(window.library.proxy.index(other, 0))
    qtbot.keyClick(window.library.table, Qt.Key.Key_Return)
    wait_playing(qtbot, window, "Lantern Street")


def test_the_next_track_starts_when_one_ends(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    window = open_window(qtbot, bought(make_session, module_backend.url, JAZZ_1, JAZZ_2, AMBIENT), rows=3)
    window.library.table.sortByColumn(Column.TITLE, Qt.SortOrder.AscendingOrder)
    titles = shown(window, Column.TITLE)  # Blue Hour Waltz, Buoy Lights, Lantern Street

    double_click_row(qtbot, window, 0)
    wait_playing(qtbot, window, titles[0])
    qtbot.waitUntil(lambda: window.player.position > 0, timeout=10_000)
    window.now.seek(window.now.current_duration - 1500)
    wait_playing(qtbot, window, titles[1])  # the end of the first started the second, in view order

    # At the end of the list, playback stops instead of wrapping around.
    double_click_row(qtbot, window, 2)
    wait_playing(qtbot, window, titles[2])
    qtbot.waitUntil(lambda: window.player.position > 0, timeout=10_000)
    window.now.seek(window.now.current_duration - 1000)
    qtbot.waitUntil(lambda: window.player.state is PlaybackState.STOPPED, timeout=10_000)
    assert window.now.current is not None and window.now.current.title == titles[2]


def test_after_a_reissue_the_track_is_one_row_with_its_history_and_plays(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = bought(make_session, module_backend.url, JAZZ_1, JAZZ_2)
    # A loss report while the file is still here: the insurer re-issues the track and invalidates the
    # old license (FIG.7), so the report gains nothing.
    _, outcomes = session.terminal.claims.report_loss([JAZZ_1])
    assert [o.outcome for o in outcomes] == ["reissued"]
    window = open_window(qtbot, session, rows=2)  # one row per track owned, not per license

    library = window.library
    assert library.count.text() == "2 tracks"
    assert shown(window, Column.TITLE).count("Lantern Street") == 1
    old = next(e for e in session.library if e.row.title == "Lantern Street" and e.state == "invalid")
    current = entry_titled(window, "Lantern Street", "valid")
    assert old.replaced_by == current.row.license_id
    row = row_of(window, current.row.license_id)
    proxy = library.proxy
    assert proxy.index(row, Column.LICENSE).data() == "Valid"
    assert proxy.index(row, Column.INSURED).data() == "Insured"
    tip = str(proxy.index(row, Column.LICENSE).data(Qt.ItemDataRole.ToolTipRole))
    assert "Replaces an earlier copy" in tip and "re-distributed after a loss" in tip.lower(), tip
    assert not any(e.state == "invalid" for e in library.visible_entries())
    assert library.model.row_of(old.row.license_id) == library.model.row_of(current.row.license_id)

    library.table.selectRow(row)
    library.show_history()
    box = library.history_box
    assert box is not None and box.isVisible()
    assert "re-distributed after a loss" in box.informativeText().lower()
    assert "L-" not in box.text() + box.informativeText()  # named by title, never by license ID
    assert_words_plain()
    box.close()

    double_click_row(qtbot, window, row)
    wait_playing(qtbot, window, "Lantern Street")
    assert window.now.current is not None and window.now.current.entry.state == "valid"


def test_a_lost_copy_nothing_here_replaced_yet_is_greyed_and_refused_with_its_reason(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = bought(make_session, module_backend.url, JAZZ_1)
    session.terminal.claims.report_loss([JAZZ_1])
    window = open_window(qtbot, session, rows=1)
    # As a terminal sees a copy replaced elsewhere before the replacement reaches it: not folded.
    old = next(e for e in session.library if e.state == "invalid")
    window.library.set_entries([replace(old, replaced_by="")])
    proxy = window.library.proxy
    assert proxy.index(0, Column.LICENSE).data() == "Invalid"
    grey = window.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert proxy.index(0, Column.TITLE).data(Qt.ItemDataRole.ForegroundRole).color() == grey

    double_click_row(qtbot, window, 0)
    qtbot.waitUntil(window.messages.isVisible, timeout=10_000)
    assert "cannot play" in window.messages.title
    assert "re-distributed after a loss" in window.messages.text, window.messages.text
    assert "Traceback" not in window.messages.text
    assert window.player.state is PlaybackState.STOPPED
    assert visible_dialogs() == []  # said inline: no modal box
    assert_words_plain()  # the refusal names the track, not its license


def test_report_as_lost_from_a_tracks_menu_opens_the_loss_report_with_it_ticked(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = bought(make_session, module_backend.url, JAZZ_1, JAZZ_2)
    window = open_window(qtbot, session, rows=2)
    entry = entry_titled(window, "Blue Hour Waltz")
    window.library.table.selectRow(row_of(window, entry.row.license_id))
    window.library.report_selected_lost()
    qtbot.waitUntil(lambda: window.dialog is not None and window.dialog.isVisible(), timeout=10_000)
    dialog = window.dialog
    assert isinstance(dialog, LossDialog)
    qtbot.waitUntil(lambda: dialog.scan_done, timeout=30_000)
    assert dialog.checked_content_ids() == [JAZZ_2]  # only the track asked about; its file is intact
    assert_words_plain()
    dialog.close()
