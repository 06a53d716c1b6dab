"""Which insurer the Insurance page shows, and the way to take a policy with another one.

A user with policies at several insurers sees one insurer's cover, limits, history and list at a time
(each is its own contract); the choice sits above them. With one insurer only the button shows.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from player.terminal import Terminal


class InsurersBar(QWidget):
    changed = Signal()  # another insurer is chosen: show its cover
    join_requested = Signal()  # the user wants a policy with another insurer

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self.tr("Insurer:"))
        self.choice = QComboBox()
        self.choice.setObjectName("insurerChoiceBox")
        self.choice.setAccessibleName(self.tr("The insurer whose cover is shown"))
        self.label.setBuddy(self.choice)
        self.join_button = QPushButton(self.tr("Another Insurer…"))
        self.join_button.setObjectName("joinInsurerButton")
        self.join_button.setToolTip(self.tr("Take a policy with another insurer, beside this one"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.choice)
        layout.addWidget(self.join_button)
        self.choice.currentIndexChanged.connect(lambda _: self.changed.emit())
        self.join_button.clicked.connect(self.join_requested.emit)
        self.fill(None)

    def fill(self, terminal: Terminal | None) -> None:
        """The home insurer, then each one joined, by name (from what is kept: no network)."""
        wanted = self.current()
        names: list[tuple[str, str]] = []
        if terminal is not None and terminal.account.owner:
            names.append((terminal.connection.insurer_name(), ""))
            names += [(j.name, j.id) for j in terminal.insurers.joined()]
        self.choice.blockSignals(True)
        self.choice.clear()
        for name, insurer_id in names:
            self.choice.addItem(name, insurer_id)
        index = self.choice.findData(wanted)
        self.choice.setCurrentIndex(max(0, index))
        self.choice.blockSignals(False)
        several = len(names) > 1
        self.label.setVisible(several)
        self.choice.setVisible(several)
        self.join_button.setVisible(bool(names))
        if index < 0 and wanted:
            self.changed.emit()  # the insurer shown is no more: the first is shown instead

    def current(self) -> str:
        """The insurer shown: "" for the library's own (the first), else the other's ID."""
        data = self.choice.currentData()
        return data if isinstance(data, str) else ""
