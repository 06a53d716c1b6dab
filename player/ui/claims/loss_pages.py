"""The loss report's three pages (choose the lost tracks, working, the result), built as widgets only:
`loss_dialog.py` wires them and fills them with what the core says.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QStyle,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from player.language import QT_TRANSLATE_NOOP, translate
from player.ui.kit.tables import RoomyRows, WrappedRows

# Translated where shown: translate("LossPages", NO_PREFERENCE).
NO_PREFERENCE = QT_TRANSLATE_NOOP("LossPages", "No preference")
# columns of the track list and of the result list
T_TITLE, T_ARTIST, T_ALBUM, T_GENRE, T_INSURER, T_NOTE = range(6)
R_TRACK, R_RESULT, R_DETAIL = range(3)


class LossPages(QDialog):
    """Builds the pages' widgets as attributes of the dialog (the tests and the dialog reach them there)."""

    def _choose_page(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr(
                "Tick the tracks you lost: a deleted or damaged file, or a license gone missing. "
                "Each is re-issued by the insurer that covers it, or, when its supplier no longer "
                "distributes it, that insurer offers alternates."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.scan_busy = QProgressBar(page)
        self.scan_busy.setRange(0, 0)
        self.scan_busy.setMaximumWidth(120)
        self.scan_busy.setTextVisible(False)
        self.scan_busy.setAccessibleName(self.tr("Checking the library"))
        self.scan_status = QLabel(self.tr("Checking every track file in your library…"), page)
        self.scan_status.setWordWrap(True)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan_busy)
        scan_row.addWidget(self.scan_status, 1)

        self.tracks = QTreeWidget(page)
        self.tracks.setHeaderLabels(
            [
                self.tr("Title"),
                self.tr("Artist"),
                self.tr("Album"),
                self.tr("Genre"),
                self.tr("Insurer"),  # shown when the tracks of several insurers are listed
                self.tr("Check result"),
            ]
        )
        self.tracks.setColumnHidden(T_INSURER, True)
        self.tracks.setRootIsDecorated(False)
        self.tracks.setUniformRowHeights(True)
        self.tracks.setItemDelegate(RoomyRows(self.tracks))
        self.tracks.setAlternatingRowColors(True)
        self.tracks.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tracks.setAccessibleName(self.tr("Insured tracks to report as lost"))
        self.tracks.header().setSectionResizeMode(T_NOTE, QHeaderView.ResizeMode.Stretch)

        self.whole_library = QCheckBox(self.tr("My whole library is gone (recover)"), page)
        self.whole_library.setToolTip(
            self.tr(
                "After a disk crash or on a new computer: new keys are made for your policy and every "
                "insured track is re-distributed."
            )
        )
        self.genre = QComboBox(page)
        self.genre.addItem(translate("LossPages", NO_PREFERENCE), None)
        self.genre.setAccessibleName(self.tr("Preferred genre for alternates"))
        genre_label = QLabel(self.tr("Preferred genre for alternates:"), page)
        genre_label.setBuddy(self.genre)
        genre_row = QHBoxLayout()
        genre_row.addWidget(genre_label)
        genre_row.addWidget(self.genre)
        genre_row.addStretch(1)

        buttons = QDialogButtonBox(page)
        self.submit = buttons.addButton(self.tr("Report loss"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.submit.setEnabled(False)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(scan_row)
        layout.addWidget(self.tracks, 1)
        layout.addWidget(self.whole_library)
        layout.addLayout(genre_row)
        layout.addWidget(buttons)
        return page

    def _working_page(self) -> QWidget:
        page = QWidget(self)
        self.working_title = QLabel(self.tr("<b>Sending your report to the insurer…</b>"), page)
        note = QLabel(
            self.tr(
                "The insurer checks your policy's limits and asks each track's supplier to issue it again; "
                "re-issued tracks are downloaded now."
            ),
            page,
        )
        note.setWordWrap(True)
        self.progress = QProgressBar(page)
        self.progress.setAccessibleName(self.tr("Progress of the report"))
        self.progress_text = QLabel("", page)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.working_title)
        layout.addWidget(note)
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_text)
        layout.addStretch(2)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget(self)
        self.summary = QLabel("", page)
        self.summary.setWordWrap(True)
        self.banner_icon = QLabel(page)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.banner_icon.setPixmap(icon.pixmap(32, 32))
        self.banner = QLabel("", page)
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner_icon, 0, Qt.AlignmentFlag.AlignTop)
        banner_row.addWidget(self.banner, 1)
        self.result_list = QTreeWidget(page)
        self.result_list.setHeaderLabels([self.tr("Track"), self.tr("Result"), self.tr("Details")])
        self.result_list.setRootIsDecorated(False)
        self.result_list.setItemDelegate(WrappedRows(self.result_list, R_DETAIL))  # reasons read whole
        self.result_list.setAlternatingRowColors(True)
        self.result_list.setAccessibleName(self.tr("What became of each reported track"))
        self.result_list.header().setStretchLastSection(True)

        buttons = QDialogButtonBox(page)
        self.choose_button = buttons.addButton(
            self.tr("Choose an alternate…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.back_button = buttons.addButton(self.tr("Back"), QDialogButtonBox.ButtonRole.ResetRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.accept)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(banner_row)
        layout.addWidget(self.result_list, 1)
        layout.addWidget(buttons)
        return page
