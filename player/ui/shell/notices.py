"""The window's one place for inline messages: a strip below the pages, above the player bar.

Messages used to appear above the pages, one on top of the other, and each one pushed the library's
rows down under the mouse: a double-click meant for one track landed on its neighbour. Here they appear
below the pages, so a message only shortens the table from the bottom and no row moves; and the strip
holds one panel at a time. The offline banner is a state, a message is an event: a message covers the
banner while it is shown, and the banner comes back when the message is dismissed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from player.ui.kit.banners import MessageBar, OfflineBanner
from player.ui.session import ConnectionState
from player.ui.shell.status import grace


class NoticeStrip(QWidget):
    """`offline` and `message` share one slot. The banner's words about the cached list are the status
    bar's (`set_grace`, from `StatusPanel.rendered`): one place works them out, from the one list."""

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
        self.message.visibility_changed.connect(lambda _: self._arrange())
        self.set_grace(*grace(None))
        self._arrange()

    def set_connection(self, state: str) -> None:
        self._offline_wanted = ConnectionState(state) is ConnectionState.OFFLINE
        self._arrange()

    def set_grace(self, words: str, good: bool) -> None:
        """What the cached list grants, as the status bar last said it (again as time passes, and when
        the list arrives after the connection was lost: never "no list cached yet" beside one)."""
        self.offline.set_grace(words, good)

    def _arrange(self) -> None:
        self.offline.setVisible(self._offline_wanted and self.message.isHidden())
