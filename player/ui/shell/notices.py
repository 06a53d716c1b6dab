"""The window's one place for inline messages: a strip below the pages, above the player bar.

Messages used to appear above the pages, one on top of the other, and each one pushed the library's
rows down under the mouse: a double-click meant for one track landed on its neighbour. Here they appear
below the pages, so a message only shortens the table from the bottom and no row moves; and the strip
holds one panel at a time. The offline banner is a state, a message is an event: a message covers the
banner while it is shown, and the banner comes back when the message is dismissed.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import QVBoxLayout, QWidget

from player.terminal import ListStatus
from player.ui.kit.banners import MessageBar, OfflineBanner
from player.ui.session import ConnectionState
from player.ui.shell.status import grace


class NoticeStrip(QWidget):
    """`offline` and `message` share one slot; `set_connection`/`set_list` keep the banner's words true."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.offline = OfflineBanner(self)
        self.message = MessageBar(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.message)
        layout.addWidget(self.offline)
        self._offline_wanted = False
        self._trusted: ListStatus | None = None
        self.message.visibility_changed.connect(lambda _: self._arrange())
        self._arrange()

    def set_connection(self, state: str) -> None:
        self._offline_wanted = ConnectionState(state) is ConnectionState.OFFLINE
        self._reword()
        self._arrange()

    def set_list(self, trusted: ListStatus | None) -> None:
        """The list may arrive after the connection was lost (read from the cache at start): say what it
        grants then, not "no list cached yet" beside a status bar that shows one."""
        self._trusted = trusted or self._trusted
        self._reword()

    def refresh(self, now: datetime | None = None) -> None:
        """Time passes: "29 days" becomes "28 days", and a list that ran out says so."""
        self._reword(now)

    def _reword(self, now: datetime | None = None) -> None:
        words, good = grace(self._trusted, now or datetime.now(UTC))
        self.offline.set_grace(f" {words}" if good else f" (but {words}: connect to play them)")

    def _arrange(self) -> None:
        self.offline.setVisible(self._offline_wanted and self.message.isHidden())
