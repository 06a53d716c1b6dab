"""Insure tracks bought without insurance (FIG.15 (5)-(9)): the tracks, each premium and the total before
confirming; then what the insurer said of each. The audio already here stays: only licenses change.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from player.errors import PlayerError
from player.terminal import InsureOutcome, LibraryEntry
from player.ui.kit.guard import while_alive
from player.ui.kit.messages import describe, plain
from player.ui.session import UiSession
from player.words import count, track_name, yen


class InsureDialog(QDialog):
    def __init__(
        self, session: UiSession, entries: list[LibraryEntry], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("insureDialog")
        self.setWindowTitle(self.tr("Insure tracks"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.session = session
        self.entries = entries
        self.premiums: dict[str, int] = {}
        self.outcomes: list[InsureOutcome] = []

        self.heading = QLabel(
            count(
                len(entries),
                self.tr("Insure {n} track bought without insurance?"),
                self.tr("Insure {n} tracks bought without insurance?"),
            )
        )
        self.heading.setObjectName("insureHeading")
        self.heading.setWordWrap(True)
        self.table = QTableWidget(len(entries), 2)
        self.table.setAccessibleName(self.tr("Tracks to insure and their premiums"))
        self.table.setHorizontalHeaderLabels([self.tr("Track"), self.tr("Premium")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, entry in enumerate(entries):
            self.table.setItem(row, 0, QTableWidgetItem(track_name(entry.row.title, entry.row.artist)))
            self.table.setItem(row, 1, QTableWidgetItem("…"))
        self.table.resizeColumnToContents(0)
        self.total = QLabel(self.tr("Asking the insurer for the premiums…"))
        self.total.setObjectName("insureTotal")
        self.total.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.hide()
        self.buttons = QDialogButtonBox()
        self.insure_button = self.buttons.addButton(self.tr("Insure"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.insure_button.setEnabled(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.insure_button.clicked.connect(self._insure)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.resize(520, 320)

        ids = [e.row.license_id for e in entries]
        terminal = session.terminal
        session.call(
            lambda _: terminal.insure_later.premiums(ids),
            while_alive(self, self._quoted),
            while_alive(self, self._failed),
        )

    def _quoted(self, premiums: dict[str, int]) -> None:
        self.premiums = premiums
        for row, entry in enumerate(self.entries):
            premium = premiums.get(entry.row.license_id)
            cell = self.table.item(row, 1)
            if cell is not None:
                cell.setText(yen(premium) if premium is not None else "—")
        total = sum(premiums.values())
        self.total.setText(
            self.tr(
                "Premium together: {total}. Once insured, a lost track or license is re-issued under your "
                "policy; the audio you have stays as it is."
            ).format(total=yen(total))
        )
        self.insure_button.setEnabled(True)
        self.insure_button.setDefault(True)

    def _insure(self) -> None:
        self.insure_button.setEnabled(False)
        self.busy.show()
        self.total.setText(self.tr("Insuring…"))
        ids = [e.row.license_id for e in self.entries]
        terminal = self.session.terminal
        self.session.call(
            lambda progress: terminal.insure_later.insure(ids, progress),
            while_alive(self, self._insured),
            while_alive(self, self._failed),
        )

    def _insured(self, outcomes: list[InsureOutcome]) -> None:
        self.outcomes = outcomes
        self.busy.hide()
        names = {e.row.license_id: track_name(e.row.title, e.row.artist) for e in self.entries}
        a_track = self.tr("a track")
        insured = [o for o in outcomes if o.outcome == "insured"]
        refused = [o for o in outcomes if o.outcome != "insured"]
        lines = []
        if insured:
            listed = self.tr(", ", "between the names of a list").join(
                names.get(o.license_id, a_track) for o in insured
            )
            lines.append(self.tr("Insured: {tracks}.").format(tracks=listed))
        lines += [
            self.tr("Not insured: {track}: {why}").format(
                track=names.get(o.license_id, a_track), why=plain(o.reason)
            )
            for o in refused
        ]
        self.heading.setText(self.tr("Done") if not refused else self.tr("Some tracks could not be insured"))
        self.total.setText("\n".join(lines))
        self.insure_button.hide()
        self.close_button.setText(self.tr("Close"))
        self.session.sync()  # the new licenses and list reach the library and the Insurance page

    def _failed(self, error: PlayerError) -> None:
        self.busy.hide()
        title, text = describe(error)
        self.total.setText(self.tr("{title}. {text}").format(title=title, text=text))
        self.insure_button.setEnabled(bool(self.premiums))
