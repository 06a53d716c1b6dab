"""Choosing an insurer: the backend's insurers side by side, their terms row by row, one button each.

Shown at first run when the backend hosts several insurers (before the account: an account belongs to
one insurer), and when the user takes a policy with another insurer beside the first. The terms are the
insurers' own, in numbers; the comparison is the user's to make.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from player import words
from player.errors import PlayerError
from player.ui.kit.fit import fit_to_screen
from player.ui.kit.guard import while_alive
from player.ui.kit.messages import describe
from player.ui.kit.tasks import Progress
from player.ui.session import UiSession

if TYPE_CHECKING:
    from player.terminal import InsurerListing, Terminal


class InsurerChoice(QWidget):
    chosen = Signal(str)  # the insurer's ID

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("insurerChoice")
        self.title = QLabel(self.tr("<h3>Choose your insurer</h3>"))
        self.text = QLabel(
            self.tr(
                "Each insurer has its own terms: the premium, how long the cover lasts, how soon after the "
                "contract a loss is covered and how often a track is re-issued. You can take a policy with "
                "another insurer later, beside this one."
            )
        )
        self.text.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setObjectName("insurerTerms")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addWidget(self.table)
        layout.addLayout(self.buttons)
        layout.addStretch(1)  # the table as tall as its rows; room to spare stays below
        self.choices: list[QPushButton] = []  # the insurers the user may choose, one button each

    def show_insurers(self, insurers: list[InsurerListing], taken: Collection[str] = ()) -> None:
        """One column per insurer; `taken` are the ones the user holds a policy with already (shown, not
        offered)."""
        rows = [
            self.tr("Premium"),
            self.tr("Cover lasts"),
            self.tr("Losses covered after"),
            self.tr("Re-issues per track"),
            self.tr("Re-issues in all"),
            self.tr("An alternate may cost more by"),
            self.tr("Insurer's key"),
        ]
        self.table.clear()
        self.table.setRowCount(len(rows))
        self.table.setColumnCount(len(insurers))
        self.table.setVerticalHeaderLabels(rows)
        self.table.setHorizontalHeaderLabels([i.name for i in insurers])
        for column, insurer in enumerate(insurers):
            for row, text in enumerate(self._cells(insurer)):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        while self.buttons.count():
            taken_out = self.buttons.takeAt(0)
            widget = taken_out.widget() if taken_out is not None else None
            if widget is not None:
                widget.deleteLater()
        self.choices = []
        for insurer in insurers:
            button = QPushButton(
                self.tr("{insurer}: yours already").format(insurer=insurer.name)
                if insurer.id in taken
                else self.tr("Choose {insurer}").format(insurer=insurer.name)
            )
            button.setObjectName(f"choose-{insurer.id}")
            button.setEnabled(insurer.id not in taken)
            button.clicked.connect(lambda _=False, chosen=insurer.id: self.chosen.emit(chosen))
            self.buttons.addWidget(button)
            if insurer.id not in taken:
                self.choices.append(button)

    def _cells(self, insurer: InsurerListing) -> list[str]:
        t = insurer.terms
        return [
            words.premium_rates([(p.name, p.rate) for p in t.provider_premiums])
            or self.tr("{rate} of the price").format(rate=words.percent(t.premium_rate)),
            words.count(t.guarantee_days, self.tr("{n} day"), self.tr("{n} days")),
            self.tr("at once")
            if t.waiting_days == 0
            else words.count(t.waiting_days, self.tr("{n} day"), self.tr("{n} days")),
            words.count(t.relicensing_limit_per_track, self.tr("{n} time"), self.tr("{n} times")),
            words.count(t.relicensing_limit_total, self.tr("{n} time"), self.tr("{n} times")),
            words.yen(t.price_difference_limit),
            words.fingerprint(insurer.fingerprint[:16]),  # its first 64 bits: enough to tell two apart
        ]

    def set_enabled(self, enabled: bool) -> None:
        for button in self.choices:
            button.setEnabled(enabled)


class JoinInsurerDialog(QDialog):
    """Take a policy with another insurer of the backend: choose it here, then sign up and insure there
    (the first-run steps, at that insurer's desk). The library then shows the tracks of both."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("joinInsurerDialog")
        self.setWindowTitle(self.tr("Another Insurer"))
        self.choice = InsurerChoice()
        self.choice.title.setText(self.tr("<h3>Take a policy with another insurer</h3>"))
        self.status = QLabel(self.tr("Asking the backend for its insurers…"))
        self.status.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.choice, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)
        fit_to_screen(self, QSize(660, 460))
        self.choice.chosen.connect(self._join)
        terminal = session.terminal

        def listed(_: Progress) -> tuple[list[InsurerListing], set[str]]:
            taken = {terminal.connection.insurer_id(), *(j.id for j in terminal.insurers.joined())}
            return terminal.insurers.directory(), taken

        session.call(listed, while_alive(self, self._listed), while_alive(self, self._failed))

    def _listed(self, result: tuple[list[InsurerListing], set[str]]) -> None:
        insurers, taken = result
        self.choice.show_insurers(insurers, taken)
        others = [i for i in insurers if i.id not in taken]
        self.status.setText(
            "" if others else self.tr("You hold a policy with every insurer this backend works with.")
        )

    def _join(self, insurer_id: str) -> None:
        self.choice.set_enabled(False)
        self.status.setText(self.tr("Contacting the insurer…"))
        join = self.session.terminal.insurers.join
        self.session.call(
            lambda _: join(insurer_id), while_alive(self, self._joined), while_alive(self, self._failed)
        )

    def _joined(self, desk: Terminal) -> None:
        from player.ui.shell.first_run import FirstRunDialog  # the same steps, at the other insurer

        self.accept()
        steps = FirstRunDialog(self.session, self.parentWidget(), desk=desk)
        steps.open()

    def _failed(self, error: PlayerError) -> None:
        self.choice.set_enabled(True)
        title, text = describe(error)
        self.status.setText(self.tr("{title}: {text}").format(title=title, text=text))
