"""Story: the listener browses by artist and album beside the list. Choosing an artist or one of their
albums narrows the table (and so what plays next); the search narrows within it, and the tree counts
what it matches ("All matches"), the artists opened staying open; on a narrow window the tree steps
aside and the whole library shows again; Ctrl+B hides and shows it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from player.ui.library.model import Column
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession, unique_name
from tests.ui.window_helpers import bought, open_window, shown

TRACKS = ("aurora-0001", "aurora-0002", "aurora-0003", "harbor-0011")


def _tree(window: object) -> list[str]:
    """The headings the tree shows, each artist's albums indented under it (hidden ones left out)."""
    browser = window.library.browser  # type: ignore[attr-defined]
    out = []
    for i in range(browser.topLevelItemCount()):
        node = browser.topLevelItem(i)
        if node.isHidden():
            continue
        out.append(node.text(0))
        out += [
            f"  {node.child(j).text(0)}" for j in range(node.childCount()) if not node.child(j).isHidden()
        ]
    return out


def _opened(window: object) -> list[str]:
    """The artists open in the tree, their albums showing."""
    browser = window.library.browser  # type: ignore[attr-defined]
    nodes = [browser.topLevelItem(i) for i in range(browser.topLevelItemCount())]
    return [n.text(0) for n in nodes if n.isExpanded() and not n.isHidden()]


def test_browsing_by_artist_and_album_narrows_the_list_and_steps_aside_on_a_narrow_window(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = bought(make_session, module_backend.url, *TRACKS)
    window = open_window(qtbot, session, rows=len(TRACKS))
    window.resize(1280, 800)
    qtbot.waitUntil(window.library.browser.isVisible, timeout=5_000)
    entries = window.library.model.entries()
    artists = sorted({e.row.artist for e in entries}, key=str.casefold)
    tree = _tree(window)
    assert tree[0] == f"All music ({len(TRACKS)})"
    assert [t for t in tree if not t.startswith("  ")][1:] == [
        f"{a} ({sum(e.row.artist == a for e in entries)})" for a in artists
    ]

    marlow = next(a for a in artists if "Marlow" in a)
    assert window.library.browser.choose(marlow)
    assert set(shown(window, Column.ARTIST)) == {marlow}
    theirs = sum(e.row.artist == marlow for e in entries)
    assert window.library.count.text() == f"{theirs} of {len(TRACKS)} tracks"
    album = next(e.row.album for e in entries if e.row.artist == marlow)
    assert window.library.browser.choose(marlow, album)
    assert set(shown(window, Column.ALBUM)) == {album}
    qtbot.keyClicks(window.library.search, "waltz")  # the search narrows within the choice
    assert shown(window, Column.TITLE) == ["Blue Hour Waltz"]
    window.library.search.clear()
    assert [e.row.artist for e in window.library.visible_entries()] == [marlow] * len(
        window.library.visible_entries()
    )  # what plays next is what is shown

    window.resize(800, 560)  # narrow: the tree steps aside and the whole library shows
    qtbot.waitUntil(lambda: not window.library.browser.isVisible(), timeout=5_000)
    assert window.library.proxy.rowCount() == len(TRACKS)
    window.resize(1280, 800)
    qtbot.waitUntil(window.library.browser.isVisible, timeout=5_000)
    assert set(shown(window, Column.ALBUM)) == {album}  # the choice is back with the tree

    window.queue_dock.show()  # Up Next beside the library: the table keeps the room, not the tree
    qtbot.waitUntil(lambda: not window.library.browser.isVisible(), timeout=5_000)
    qtbot.waitUntil(lambda: window.library.table.horizontalScrollBar().maximum() == 0, timeout=5_000)
    window.queue_dock.hide()
    qtbot.waitUntil(window.library.browser.isVisible, timeout=5_000)

    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert not window.library.browser.isVisible() and window.library.proxy.rowCount() == len(TRACKS)
    assert not window.settings.browser_wanted  # remembered


def test_an_empty_library_shows_its_welcome_alone_and_the_tree_comes_with_the_first_track(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = make_session(module_backend.url, user=unique_name(), insured=True)
    window = open_window(qtbot, session, rows=0)
    window.resize(1280, 800)
    qtbot.wait(50)
    assert window.library.stack.currentWidget() is window.library.empty
    assert not window.library.browser.isVisible()
    session.terminal.purchases.buy(TRACKS[0])
    session.refresh_library()
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 1, timeout=30_000)
    assert window.library.browser.isVisible()


def test_the_browser_counts_what_the_search_matches_keeps_artists_open_and_lets_go_of_one_it_hides(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = bought(make_session, module_backend.url, *TRACKS)
    window = open_window(qtbot, session, rows=len(TRACKS))
    window.resize(1280, 800)
    qtbot.waitUntil(window.library.browser.isVisible, timeout=5_000)
    entries = window.library.model.entries()
    marlow = next(e.row.artist for e in entries if "Marlow" in e.row.artist)
    theirs = sum(e.row.artist == marlow for e in entries)
    other = next(e.row.artist for e in entries if e.row.artist != marlow)

    browser = window.library.browser
    nodes = [browser.topLevelItem(i) for i in range(browser.topLevelItemCount())]
    heading = next(n for n in nodes if n is not None and marlow in n.text(0))
    heading.setExpanded(True)  # the listener opens Marlow's albums

    qtbot.keyClicks(window.library.search, "marlow")
    qtbot.waitUntil(lambda: _tree(window)[0] == f"All matches ({theirs})", timeout=5_000)  # not all music
    assert [t for t in _tree(window) if not t.startswith("  ")] == [
        f"All matches ({theirs})",
        f"{marlow} ({theirs})",
    ]
    assert _opened(window) == [f"{marlow} ({theirs})"]  # following the search left it open
    window.library.search.clear()
    qtbot.waitUntil(lambda: _tree(window)[0] == f"All music ({len(TRACKS)})", timeout=5_000)
    assert _opened(window) == [f"{marlow} ({theirs})"]  # and so did clearing it
    assert len([t for t in _tree(window) if not t.startswith("  ")]) == 1 + len(
        {e.row.artist for e in entries}
    )

    assert window.library.browser.choose(other)
    qtbot.keyClicks(window.library.search, "waltz")  # only Marlow's: the other artist leaves the tree
    qtbot.waitUntil(lambda: window.library.browser.scope == (None, None), timeout=5_000)
    assert shown(window, Column.TITLE) == ["Blue Hour Waltz"]  # and the table shows what matches
