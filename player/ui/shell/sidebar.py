"""The left column: navigation (Library / Store / Insurance), the playlists below it (`add_part`), and at
the bottom the current track's cover."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPaintEvent, QPalette, QPixmap, QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem, QSizePolicy, QVBoxLayout, QWidget

from player.ui.playing.now_playing import NowPlayingTrack
from player.ui.playing.player_bar import cover_pixmap

WIDTH = 200
COMPACT_WIDTH = 56
COMPACT_BELOW = 1000  # window width under which the column shows icons only
COVER = 176
SMALLEST_COVER = 64  # below this the art is left out rather than shown as a postage stamp


class Cover(QWidget):
    """The current track's art, as large as the column allows up to `COVER`: on a short screen it gives
    its height up first, so the window still fits (the player bar shows the art too)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap = QPixmap()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setMaximumHeight(COVER)

    def sizeHint(self) -> QSize:
        return QSize(COVER, COVER)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)

    def setPixmap(self, pixmap: QPixmap) -> None:
        self._pixmap = pixmap
        self.update()

    def pixmap(self) -> QPixmap:
        return self._pixmap

    def paintEvent(self, _event: QPaintEvent) -> None:
        natural = self._pixmap.deviceIndependentSize()
        side = min(self.width(), self.height(), round(max(natural.width(), natural.height())))
        if self._pixmap.isNull() or side < SMALLEST_COVER:
            return
        scaled = self._pixmap.scaled(
            side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        box = QRect(0, 0, scaled.width(), scaled.height())
        box.moveCenter(self.rect().center())
        QPainter(self).drawPixmap(box, scaled)


class Sidebar(QWidget):
    def __init__(self, pages: list[str], app_icon: QIcon, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(WIDTH)
        self._app_icon = app_icon
        self._names = list(pages)
        self.compact = False
        self._compact_parts: list[Callable[[bool], None]] = []
        self.nav = QListWidget(self)
        self.nav.setAccessibleName(self.tr("Sections"))
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        self.nav.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setSpacing(2)
        blend = self.nav.palette()  # the list sits on the window, not on a white sheet
        blend.setColor(QPalette.ColorRole.Base, blend.color(QPalette.ColorRole.Window))
        self.nav.setPalette(blend)
        font = self.nav.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.nav.setFont(font)
        for name in pages:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, name)  # named to a screen reader, icons only too
            item.setSizeHint(QSize(WIDTH - 8, self.fontMetrics().height() + 18))
            self.nav.addItem(item)
        rows = sum(self.nav.sizeHintForRow(i) + 2 * self.nav.spacing() for i in range(self.nav.count()))
        self.nav.setFixedHeight(rows + 2 * self.nav.frameWidth() + 4)

        self.cover = Cover(self)
        self.cover.setAccessibleName(self.tr("Cover of the current track"))
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.artist = QLabel(self)
        self.artist.setWordWrap(True)
        self.artist.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.artist.setForegroundRole(self.artist.foregroundRole())
        self.artist.setEnabled(False)  # the palette's secondary text

        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 6, 10)
        layout.addWidget(self.nav)
        layout.addStretch(1)
        layout.addWidget(self.cover)
        layout.addWidget(self.title)
        layout.addWidget(self.artist)
        self.show_track(None)

    def showEvent(self, event: QShowEvent) -> None:
        """The narrow column names its icons on hover only: let those names show while another window is
        the active one too (Qt shows tooltips over the active window alone), as a player's often is."""
        self.window().setAttribute(Qt.WidgetAttribute.WA_AlwaysShowToolTips)
        super().showEvent(event)

    def add_part(self, part: QWidget, set_compact: Callable[[bool], None]) -> None:
        """A part below the sections (the playlists), told when the column goes narrow."""
        self._layout.insertWidget(1, part, 3)
        self._compact_parts.append(set_compact)
        set_compact(self.compact)

    def set_compact(self, compact: bool) -> None:
        """Icons only (names as tooltips, no cover) on a narrow window: the library keeps the width."""
        if compact == self.compact:
            return
        self.compact = compact
        width = COMPACT_WIDTH if compact else WIDTH
        self.setFixedWidth(width)
        for i, name in enumerate(self._names):
            item = self.nav.item(i)
            if item is not None:
                item.setText("" if compact else name)
                item.setToolTip(name if compact else "")
                item.setSizeHint(QSize(width - 12, item.sizeHint().height()))
        for part in (self.cover, self.title, self.artist):
            part.setVisible(not compact)
        for tell in self._compact_parts:
            tell(compact)

    def set_icons(self, page_icons: list[QIcon]) -> None:
        for i, icon in enumerate(page_icons):
            item = self.nav.item(i)
            if item is not None:
                item.setIcon(icon)

    def show_track(self, track: NowPlayingTrack | None) -> None:
        pixmap = None
        if track is not None and track.cover is not None:
            pixmap = cover_pixmap(track.cover.data, COVER)
        if pixmap is None:
            pixmap = self._app_icon.pixmap(COVER - 56, COVER - 56)
        self.cover.setPixmap(pixmap)
        self.cover.setToolTip("" if track is None else f"{track.title} — {track.artist}")
        self.title.setText(track.title if track is not None else "")
        self.artist.setText(track.artist if track is not None else "")
