"""Browsing by artist and album, beside the flat list: "All music", each artist, each of their albums.

Choosing a node narrows the library's table to it (and so the play order, which is the table as
shown); the search box narrows further within it. Rebuilt from the library's entries whenever they
change, keeping the node the listener had chosen when it still exists. Replaced copies (folded under
their successor in the table) are not counted.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from player.terminal import LibraryEntry
from player.ui.kit.tables import RoomyRows

SCOPE_ROLE = Qt.ItemDataRole.UserRole + 1
UNKNOWN_ARTIST, UNKNOWN_ALBUM = "Unknown artist", "Unknown album"


class LibraryBrowser(QTreeWidget):
    scope_changed = Signal(object, object)  # artist or None (all), album or None (all of the artist's)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryBrowser")
        self.setAccessibleName("Browse by artist and album")
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self.setItemDelegate(RoomyRows(self))
        self.scope: tuple[str | None, str | None] = (None, None)
        self.currentItemChanged.connect(self._chosen)

    def set_entries(self, entries: list[LibraryEntry]) -> None:
        shown = [e for e in entries if not e.replaced_by]
        albums: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for e in shown:
            albums[e.row.artist or UNKNOWN_ARTIST][e.row.album or UNKNOWN_ALBUM] += 1
        keep = self.scope
        self.blockSignals(True)
        self.clear()
        everything = self._node(None, f"All music ({len(shown)})", (None, None))
        self.addTopLevelItem(everything)
        chosen = everything
        for artist in sorted(albums, key=str.casefold):
            tracks = sum(albums[artist].values())
            node = self._node(None, f"{artist} ({tracks})", (artist, None))
            self.addTopLevelItem(node)
            if keep == (artist, None):
                chosen = node
            for album in sorted(albums[artist], key=str.casefold):
                leaf = self._node(node, f"{album} ({albums[artist][album]})", (artist, album))
                if keep == (artist, album):
                    chosen = leaf
                    node.setExpanded(True)
        self.setCurrentItem(chosen)
        self.blockSignals(False)
        scope = chosen.data(0, SCOPE_ROLE)
        if tuple(scope) != self.scope:  # what was chosen is gone: show everything again
            self._chosen(chosen, None)

    def choose(self, artist: str | None, album: str | None = None) -> bool:
        """Select the node for (artist, album); False when there is none."""
        for i in range(self.topLevelItemCount()):
            node = self.topLevelItem(i)
            if node is None:
                continue
            if tuple(node.data(0, SCOPE_ROLE)) == (artist, album):
                self.setCurrentItem(node)
                return True
            for j in range(node.childCount()):
                leaf = node.child(j)
                if leaf is not None and tuple(leaf.data(0, SCOPE_ROLE)) == (artist, album):
                    self.setCurrentItem(leaf)
                    return True
        return False

    def _node(
        self, parent: QTreeWidgetItem | None, text: str, scope: tuple[str | None, str | None]
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text]) if parent is not None else QTreeWidgetItem([text])
        item.setData(0, SCOPE_ROLE, list(scope))
        item.setToolTip(0, text)
        return item

    def _chosen(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        artist, album = item.data(0, SCOPE_ROLE) if item is not None else (None, None)
        self.scope = (artist, album)
        self.scope_changed.emit(artist, album)
