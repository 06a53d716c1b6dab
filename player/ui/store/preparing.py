"""The catalog while the insurer is still preparing it: how far it has come, and a bar to show it.

On its first start the bundled backend answers at once and renders its demo catalog meanwhile, putting
each track on sale as it is ready. The store (and the first-run dialog's last page) show this strip until
the catalog is whole; it asks the insurer again every few seconds, one small question on the worker, and
says when more tracks went on sale so the store can show them without being asked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QVBoxLayout, QWidget

from player.errors import PlayerError
from player.ui.kit.guard import while_alive
from player.ui.session import UiSession
from player.words import count

if TYPE_CHECKING:
    from player.terminal import CatalogProgress

POLL_MS = 2000


class CatalogPreparing(QFrame):
    """Hidden while the catalog is whole. `check()` asks now; `grew` says more tracks went on sale since
    the last answer, `whole` that the last one did."""

    grew = Signal()
    whole = Signal()

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("catalogPreparing")
        self.label = QLabel()
        self.label.setObjectName("catalogPreparingText")
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setObjectName("catalogPreparingBar")
        self.bar.setAccessibleName(self.tr("Catalog preparation"))
        self.bar.setTextVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.check)
        self._asking = False
        self.ready: int | None = None  # tracks on sale at the last answer; None: the catalog is whole
        self.hide()

    @property
    def preparing(self) -> bool:
        return self.ready is not None

    def check(self) -> None:
        if self._asking:
            return
        self._asking = True
        terminal = self.session.terminal
        self.session.call(
            lambda _: terminal.purchases.catalog_progress(),
            while_alive(self, self._arrived),
            while_alive(self, self._failed),
        )

    def _arrived(self, progress: CatalogProgress | None) -> None:
        self._asking = False
        before = self.ready
        if progress is None:
            self.ready = None
            self._timer.stop()
            self.hide()
            if before is not None:
                self.whole.emit()
            return
        self.ready = progress.ready
        said = count(
            progress.total,
            self.tr("The catalog is being prepared… {ready} of {n} track"),
            self.tr("The catalog is being prepared… {ready} of {n} tracks"),
            ready=progress.ready,
        )
        self.label.setText(
            self.tr("{progress}. Tracks appear in the store as they are ready.").format(progress=said)
        )
        self.bar.setRange(0, max(1, progress.total))
        self.bar.setValue(progress.ready)
        self.show()
        self._timer.start()
        if before is not None and progress.ready > before:
            self.grew.emit()

    def _failed(self, _error: PlayerError) -> None:
        """Offline: the store says so itself; asking again waits for the next `check()`."""
        self._asking = False
