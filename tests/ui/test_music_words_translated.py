"""Story: whatever language the player speaks, every word of the library, the player bar, Up Next and
the playlists is that language's: none is fixed in English when a module is imported, none is made
from English pieces, and nothing the code looks for (an action's name) depends on the words.

A pseudo-translation stands in for a language here: it marks every text it is asked for ("⟦Play⟧"),
so a word shown unmarked is one that never went through translation (a table translated at import, a
literal handed to a widget). The music's own names (titles, artists) are data and stay unmarked.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from player.ui.library.model import Column
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession
from tests.ui.playlist_helpers import select_library
from tests.ui.visible_text import assert_words_plain
from tests.ui.window_helpers import WAIT, bought, open_window

TRACKS = ("aurora-0001", "aurora-0002")
LANTERN = "Lantern Street"
# The translation contexts of the library, the player bar, Up Next and the playlists.
CONTEXTS = {
    "AddMenus",
    "LibraryBrowser",
    "LibraryModel",
    "LibraryPage",
    "NowPlaying",
    "OwnRows",
    "PlayerBar",
    "PlaylistList",
    "PlaylistModel",
    "PlaylistPage",
    "PlaylistWords",
    "PlaylistsPart",
    "PreviewButton",
    "Previewer",
    "QueuePanel",
    "ReplayGainMenu",
    "TrackNotifier",
}


class Marking(QTranslator):
    """Every text of those contexts, marked; the rest left to English."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return f"⟦{source}⟧" if context in CONTEXTS else ""


def marked(text: str) -> bool:
    return text.startswith("⟦") and text.endswith("⟧")


@pytest.fixture
def marking() -> Iterator[None]:
    translator = Marking()
    QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)


def _popped_menu(owner: QWidget, before: list[QMenu]) -> QMenu:
    (menu,) = [m for m in owner.findChildren(QMenu) if m not in before and m.isVisible()]
    assert isinstance(menu, QMenu)
    return menu


def test_the_library_the_player_bar_up_next_and_playlists_say_every_word_translated(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend, marking: None
) -> None:
    session = bought(make_session, module_backend.url, *TRACKS)
    window = open_window(qtbot, session, rows=len(TRACKS))
    library, bar, queue = window.library, window.bar, window.queue_panel

    # The table's headers, the count above it, the search box; the tracks' own names as they are.
    headers = library.model
    titles = [
        headers.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in Column
        if c is not Column.TRACK
    ]
    assert all(marked(t) for t in titles), titles
    assert library.count.text() == "⟦2 tracks⟧"
    assert marked(library.search.placeholderText())
    shown = [library.proxy.index(r, Column.TITLE).data() for r in range(library.proxy.rowCount())]
    assert LANTERN in shown
    assert all(marked(library.proxy.index(r, Column.INSURED).data()) for r in range(2))

    # The player bar's buttons say what they do; repeat and shuffle say their mode.
    for button in (bar.previous, bar.play, bar.stop, bar.next, bar.repeat, bar.shuffle, bar.mute):
        assert marked(button.toolTip()), button.toolTip()
    assert marked(bar.title.text())
    bar.next_repeat()
    assert bar.repeat.toolTip() == "⟦Repeat: all tracks⟧"
    bar.set_volume(40)
    assert bar.volume.toolTip() == "⟦Volume {percent}%⟧".replace("{percent}", "40")

    # Up Next, empty, says how to fill it.
    assert marked(queue.empty.text()) and marked(queue.clear.text())

    # A track's menu: Play, Play Next, Add to Queue, Add to Playlist and the rest.
    select_library(window, LANTERN)
    before = library.findChildren(QMenu)
    library._context_menu(QPoint(5, 5))
    menu = _popped_menu(library, before)
    words = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert words and all(marked(w) for w in words), words
    menu.close()

    # Playback ▸ ReplayGain, and the playlists' actions, found by their names whatever they say.
    replaygain = window.findChild(QMenu, "replaygain_menu")
    assert replaygain is not None and marked(replaygain.title())
    new = window.findChild(QAction, "new_playlist")
    assert new is not None and new.text() == "⟦&New Playlist⟧"
    for name in ("add_to_playlist", "rename_playlist", "delete_playlist", "import_playlist"):
        action = window.findChild(QAction, name)
        assert action is not None and marked(action.text()), name

    # A new playlist is named in the language spoken, and its page says it is empty.
    new.trigger()
    book = window.playlists.book
    qtbot.waitUntil(lambda: len(book.playlists) == 1, timeout=WAIT)
    assert book.playlists[0].name == "⟦New Playlist⟧"
    page = window.playlists.page
    qtbot.waitUntil(lambda: page.summary.text() == "⟦0 tracks⟧", timeout=WAIT)
    assert marked(page.empty.text()) and marked(window.playlists.list.heading.text())
    page.name.clearFocus()
    QApplication.processEvents()
    assert_words_plain()
