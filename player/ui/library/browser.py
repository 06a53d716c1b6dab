"""Browsing by artist and album, beside the flat list: "All music", each artist, each of their albums.

An album is filed under its album artist (tagged, or "Various artists" for a compilation), so a
compilation is one album under one heading rather than a one-track album under each of its artists.
Albums show their cover, read on the worker when an artist is opened, kept in memory only.

Choosing a node narrows the library's table to it (and so the play order, which is the table as
shown); the search box narrows further within it. Rebuilt from the library's entries whenever they
change, keeping the node the listener had chosen when it still exists. A search narrows the tree in
place (`narrow`): each heading counts what matches, those with nothing matching hide, and the artists
opened stay open. Replaced copies (folded under their successor in the table) are not counted.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from player.language import QT_TRANSLATE_NOOP, translate
from player.terminal import LibraryEntry
from player.ui.kit.tables import RoomyRows

SCOPE_ROLE = Qt.ItemDataRole.UserRole + 1
# Marked, and translated when asked for: the browser's headings and the filter's scope both come from
# these functions, so they always agree in the language spoken.
UNKNOWN_ARTIST = QT_TRANSLATE_NOOP("LibraryBrowser", "Unknown artist")
UNKNOWN_ALBUM = QT_TRANSLATE_NOOP("LibraryBrowser", "Unknown album")
VARIOUS_ARTISTS = QT_TRANSLATE_NOOP("LibraryBrowser", "Various artists")


def unknown_artist() -> str:
    return translate("LibraryBrowser", UNKNOWN_ARTIST)


def unknown_album() -> str:
    return translate("LibraryBrowser", UNKNOWN_ALBUM)


def album_artist(entry: LibraryEntry) -> str:
    """Whose album it is: its album artist tag, "Various artists" for a compilation without one, else
    the track's artist (the usual case: the album is the artist's own)."""
    r = entry.row
    return r.album_artist or (translate("LibraryBrowser", VARIOUS_ARTISTS) if r.compilation else r.artist)


def album_artists(entries: list[LibraryEntry]) -> list[str]:
    """`album_artist` of each entry, in one pass (no call per row: a library has 100,000)."""
    various = translate("LibraryBrowser", VARIOUS_ARTISTS)
    rows = [e.row for e in entries]
    return [r.album_artist or (various if r.compilation else r.artist) for r in rows]


ALL_MUSIC = QT_TRANSLATE_NOOP("LibraryBrowser", "All music ({n})")
ALL_MATCHES = QT_TRANSLATE_NOOP("LibraryBrowser", "All matches ({n})")  # while a search narrows the tree
_SAID = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)  # a name cut short: whole on hover
COVER_SIZE = 32  # logical pixels: an album's picture in the tree
Album = tuple[str, str]  # (album artist, album) as the tree files it


class _Node(QTreeWidgetItem):
    """A heading that says its name and how many tracks under it the search matches, worked out when
    painted: following a search sets numbers, not the texts of thousands of items."""

    def __init__(self, name: str, scope: tuple[str | None, str | None]) -> None:
        super().__init__()
        self.name, self.count, self.searching = name, 0, False
        self.setData(0, SCOPE_ROLE, list(scope))

    def data(self, column: int, role: int) -> Any:
        if role in _SAID and column == 0:
            if self.name:
                return translate("LibraryBrowser", "{name} ({n})").format(name=self.name, n=self.count)
            said = ALL_MATCHES if self.searching else ALL_MUSIC
            return translate("LibraryBrowser", said).format(n=self.count)
        return super().data(column, role)


class LibraryBrowser(QTreeWidget):
    scope_changed = Signal(object, object)  # artist or None (all), album or None (all of the artist's)
    covers_wanted = Signal(object)  # dict[Album, str]: a content ID of each album whose cover is wanted

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryBrowser")
        self.setAccessibleName(self.tr("Browse by artist and album"))
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self.setItemDelegate(RoomyRows(self))
        self.setIconSize(QSize(COVER_SIZE, COVER_SIZE))
        self.scope: tuple[str | None, str | None] = (None, None)
        self._covers: dict[Album, QIcon | None] = {}  # read (None: it has none), in memory only
        self._asked: set[Album] = set()
        self._sample: dict[Album, str] = {}  # a content ID of each album, to read its cover from
        self._key_of: dict[int, Album] = {}  # id() of each entry filed -> its album
        self._everything = _Node("", (None, None))
        self._artists: list[tuple[_Node, list[_Node]]] = []  # each artist's node and its albums'
        self.currentItemChanged.connect(self._chosen)
        self.itemExpanded.connect(self._expanded)

    def set_entries(self, entries: list[LibraryEntry]) -> None:
        """File the library anew (its tracks changed): every artist and album, all counted."""
        shown = [e for e in entries if not e.replaced_by]
        nobody, nothing = unknown_artist(), unknown_album()
        keys = [
            (a or nobody, e.row.album or nothing) for a, e in zip(album_artists(shown), shown, strict=True)
        ]
        self._key_of = {id(e): k for e, k in zip(shown, keys, strict=True)}
        albums: dict[str, list[str]] = defaultdict(list)
        for artist, album in set(keys):
            albums[artist].append(album)
        # The first track of each album whose file is here (the dict keeps the last: they go in reversed).
        held = [(k, e.row.content_id) for k, e in zip(keys, shown, strict=True) if e.row.file is not None]
        self._sample = dict(reversed(held))
        self.blockSignals(True)
        self.clear()
        self._everything = _Node("", (None, None))
        self._artists = []
        for artist in sorted(albums, key=str.casefold):
            node = _Node(artist, (artist, None))
            leaves = [_Node(album, (artist, album)) for album in sorted(albums[artist], key=str.casefold)]
            for leaf in leaves:
                if cover := self._covers.get((artist, leaf.name)):
                    leaf.setIcon(0, cover)
            node.addChildren(leaves)
            self._artists.append((node, leaves))
        # Built whole first: one insertion, not one per artist and album.
        self.addTopLevelItems([self._everything, *(node for node, _ in self._artists)])
        self.blockSignals(False)
        self.narrow(None)

    def narrow(self, entries: list[LibraryEntry] | None) -> None:
        """Count and show only what `entries` (the tracks a search matches; None: no search) holds, in
        place: the artists opened stay open, the covers stay, and a choice the search leaves empty lets
        go (everything shows again, as Rhythmbox's browser does)."""
        key_of = self._key_of
        counts = Counter(key_of.values() if entries is None else map(key_of.get, map(id, entries)))
        searching = entries is not None
        self.setUpdatesEnabled(False)
        self.blockSignals(True)
        keep, chosen, opened = self.scope, self._everything, None
        for node, leaves in self._artists:
            total = 0
            for leaf in leaves:
                leaf.count = n = counts.get((node.name, leaf.name), 0)
                total += n
                if leaf.isHidden() != (n == 0):
                    leaf.setHidden(n == 0)
                if n and keep == (node.name, leaf.name):
                    chosen, opened = leaf, node
            node.count = total
            if node.isHidden() != (total == 0):
                node.setHidden(total == 0)
            if total and keep == (node.name, None):
                chosen = node
        self._everything.count = sum(counts.values()) - counts.get(None, 0)
        self._everything.searching = searching
        if opened is not None:
            opened.setExpanded(True)
        self.setCurrentItem(chosen)
        self.blockSignals(False)
        self.setUpdatesEnabled(True)
        self.viewport().update()
        if tuple(chosen.data(0, SCOPE_ROLE)) != self.scope:  # what was chosen is gone: show everything
            self._chosen(chosen, None)

    def _expanded(self, node: QTreeWidgetItem) -> None:
        """An artist opened: read the covers of their albums not read yet."""
        wanted = {}
        for i in range(node.childCount()):
            leaf = node.child(i)
            artist, album = leaf.data(0, SCOPE_ROLE) if leaf is not None else (None, None)
            key = (str(artist), str(album))
            if album is not None and key not in self._asked and key in self._sample:
                wanted[key] = self._sample[key]
        if wanted:
            self._asked.update(wanted)
            self.covers_wanted.emit(wanted)

    def set_covers(self, covers: dict[Album, bytes | None]) -> None:
        """Covers read on the worker (image bytes; None: the album has none), shown on their albums."""
        for key, data in covers.items():
            pixmap = QPixmap()
            if data and pixmap.loadFromData(data):
                scaled = pixmap.scaled(
                    COVER_SIZE * 2,  # sharp on a screen scaled to 200 %
                    COVER_SIZE * 2,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
                self._covers[key] = QIcon(scaled)
            else:
                self._covers[key] = None
        for i in range(self.topLevelItemCount()):
            node = self.topLevelItem(i)
            for j in range(node.childCount() if node is not None else 0):
                leaf = node.child(j) if node is not None else None
                if leaf is not None and (icon := self._covers.get(tuple(leaf.data(0, SCOPE_ROLE)))):
                    leaf.setIcon(0, icon)

    def choose(self, artist: str | None, album: str | None = None) -> bool:
        """Select the node for (artist, album); False when there is none, or the search hides it."""
        if artist is None:
            self.setCurrentItem(self._everything)
            return True
        for node, leaves in self._artists:
            if node.name != artist or node.isHidden():
                continue
            if album is None:
                self.setCurrentItem(node)
                return True
            for leaf in leaves:
                if leaf.name == album and not leaf.isHidden():
                    self.setCurrentItem(leaf)
                    return True
        return False

    def _chosen(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        artist, album = item.data(0, SCOPE_ROLE) if item is not None else (None, None)
        self.scope = (artist, album)
        self.scope_changed.emit(artist, album)
