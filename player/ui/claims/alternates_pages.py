"""The alternates dialog's two pages (choose an alternate, done), built as widgets only:
`alternates_dialog.py` wires them and fills them with what the insurer offers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from player.language import QT_TRANSLATE_NOOP, translate
from player.ui.kit.header_room import title_room
from player.ui.kit.tables import show_whole_text

if TYPE_CHECKING:
    from player.terminal import Alternate


# Marked, and translated where shown: translate("AlternatesPages", TEXT).
ANY_GENRE = QT_TRANSLATE_NOOP("AlternatesPages", "Any genre")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = (
    QT_TRANSLATE_NOOP("AlternatesPages", "Title"),
    QT_TRANSLATE_NOOP("AlternatesPages", "Artist"),
    QT_TRANSLATE_NOOP("AlternatesPages", "Provider"),
    QT_TRANSLATE_NOOP("AlternatesPages", "Genre"),
    QT_TRANSLATE_NOOP("AlternatesPages", "Price"),
    QT_TRANSLATE_NOOP("AlternatesPages", "Difference"),
    QT_TRANSLATE_NOOP("AlternatesPages", "Match"),
)
C_TITLE, C_ARTIST, C_PROVIDER, C_GENRE, C_PRICE, C_DIFF, C_MATCH = range(len(COLUMNS))
# Narrowed first, in this order, when the table is short of room: what a choice depends on least (the
# genre is the one searched in, the provider and the match are secondary, the difference's limit is
# said above the table too); the title and the price stay whole.
GIVE_WAY = (C_GENRE, C_PROVIDER, C_MATCH, C_ARTIST, C_DIFF)
PADDING = 16  # px between a column's widest text and the next column
# How an alternate is close to the lost track, as the insurer ranked it.
MATCH_WORDS = {
    "same_artist": QT_TRANSLATE_NOOP("AlternatesPages", "Same artist"),
    "same_album": QT_TRANSLATE_NOOP("AlternatesPages", "Same album"),
    "same_genre": QT_TRANSLATE_NOOP("AlternatesPages", "Same genre"),
}


class AlternatesTable(QTableView):
    """The alternates' table, saying when its width changes (the dialog resized, a scroll bar shown)."""

    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()


class AlternatesPages(QDialog):
    """Builds the pages' widgets as attributes of the dialog (the tests and the dialog reach them there)."""

    def _choose_page(self) -> QWidget:
        page = QWidget(self)
        self.pager = QLabel("", page)
        self.original_box = QGroupBox(self.tr("The track you lost"), page)
        form = QFormLayout(self.original_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.original: dict[str, QLabel] = {}
        for key, label in (
            ("title", self.tr("Title:")),
            ("artist", self.tr("Artist:")),
            ("album", self.tr("Album:")),
            ("genre", self.tr("Genre:")),
            ("provider", self.tr("Provider:")),
            ("price", self.tr("Price paid:")),
            ("why", self.tr("Why not re-issued:")),
        ):
            value = QLabel("", self.original_box)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.original[key] = value
            form.addRow(label, value)

        self.hint = QLabel("", page)
        self.hint.setWordWrap(True)
        self.genre = QComboBox(page)
        self.genre.setAccessibleName(self.tr("Search alternates in genre"))
        self.genre.addItem(translate("AlternatesPages", ANY_GENRE), None)
        genre_label = QLabel(self.tr("Genre:"), page)
        genre_label.setBuddy(self.genre)
        self.count = QLabel("", page)
        search_row = QHBoxLayout()
        search_row.addWidget(genre_label)
        search_row.addWidget(self.genre)
        search_row.addStretch(1)
        search_row.addWidget(self.count)

        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels([translate("AlternatesPages", c) for c in COLUMNS])
        self.model.setSortRole(SORT_ROLE)
        self.table = AlternatesTable(page)
        self.table.setModel(self.model)
        self.table.resized.connect(self.fit_columns)
        show_whole_text(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)  # one line a row: a cut title ends in "…" and shows whole on hover
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(C_MATCH, Qt.SortOrder.AscendingOrder)  # the closest to the lost track first
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Alternates offered"))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)  # the title takes what is left over (`fit_columns`)
        header.setHighlightSections(False)

        self.progress = QProgressBar(page)
        self.progress.setAccessibleName(self.tr("Download of the chosen track"))
        self.progress.hide()
        self.status = QLabel("", page)
        self.status.setWordWrap(True)

        buttons = QDialogButtonBox(page)
        self.ok = buttons.addButton(self.tr("Take this track"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)  # Enter, wherever the focus is in the dialog
        self.skip = buttons.addButton(self.tr("Skip for now"), QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button = QPushButton(self.tr("Preview"), page)  # left of the row: apart from the choice
        self.skip.setAutoDefault(False)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pager)
        layout.addWidget(self.original_box)
        layout.addWidget(self.hint)
        layout.addLayout(search_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        button_row = QHBoxLayout()
        button_row.addWidget(self.preview_button)
        button_row.addWidget(buttons, 1)
        layout.addLayout(button_row)
        return page

    def fit_columns(self) -> None:
        """Every column as wide as its cells and its title, the Title column taking what is left over.
        Short of room, the columns in `GIVE_WAY` are narrowed first, down to their titles (a cell cut
        short then shows whole on hover), so a track's title is read whole; only then the title."""
        header = self.table.horizontalHeader()
        columns = range(len(COLUMNS))
        least = [title_room(header, c) for c in columns]
        widths = [max(least[c], self.table.sizeHintForColumn(c) + PADDING) for c in columns]
        short = sum(widths) - self.table.viewport().width()
        for c in (*GIVE_WAY, C_TITLE):
            give = max(0, min(short, widths[c] - least[c]))
            widths[c] -= give
            short -= give
        widths[C_TITLE] -= min(0, short)  # room to spare: the title's
        for c in columns:
            self.table.setColumnWidth(c, widths[c])

    def _done_page(self) -> QWidget:
        page = QWidget(self)
        self.done_text = QLabel("", page)
        self.done_text.setWordWrap(True)
        self.done_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, page)
        buttons.rejected.connect(self.accept)
        self.close_button: QPushButton = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_text, 1)
        layout.addWidget(buttons)
        return page

    def say_done(self, taken: Sequence[tuple[str, Alternate | None]]) -> None:
        """The done page's words: what became of each lost track (its title), None when skipped."""
        lines = []
        for title, alternate in taken:
            if alternate is None:
                said = self.tr("“{title}”: no choice made yet; it is still waiting for one.")
                lines.append(said.format(title=title))
            else:
                said = self.tr(
                    "“{title}” is replaced by “{new}” by {artist} ({provider}). It is in your library, "
                    "ready to play."
                )
                lines.append(
                    said.format(
                        title=title,
                        new=alternate.title,
                        artist=alternate.artist,
                        provider=alternate.provider_name,
                    )
                )
        done = "<p><b>{}</b></p>".format(self.tr("Done."))
        self.done_text.setText(done + "".join(f"<p>{line}</p>" for line in lines))
