"""Inline messages instead of modal dialogs: a dismissable message bar and the offline banner.

Both use the style's standard icons and the palette's own colours (a framed panel), so they read well
in light and dark themes; their text is selectable and wraps.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

ICONS = {
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
}
ICON_SIZE = 24


class _Panel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._icon = QLabel(self)
        self._icon.setFixedSize(ICON_SIZE, ICON_SIZE)
        self._title = QLabel(self)
        bold = self._title.font()
        bold.setBold(True)
        self._title.setFont(bold)
        self._text = QLabel(self)
        self._text.setWordWrap(True)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self._title)
        words.addWidget(self._text)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(10, 6, 6, 6)
        self._row.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        self._row.addLayout(words, 1)

    def _set(self, kind: str, title: str, text: str) -> None:
        icon = self.style().standardIcon(ICONS.get(kind, ICONS["info"]))
        self._icon.setPixmap(icon.pixmap(ICON_SIZE, ICON_SIZE))
        self._title.setText(title)
        self._title.setVisible(bool(title))
        self._text.setText(text)
        self.setAccessibleDescription(
            self.tr("{title}. {text}").format(title=title, text=text) if title else text
        )

    @property
    def title(self) -> str:
        return self._title.text()

    @property
    def text(self) -> str:
        return self._text.text()


class MessageBar(_Panel):
    """One message at a time (a newer one replaces it), with an optional action button and a close box."""

    visibility_changed = Signal(bool)  # shown or hidden, however (close box, action, the window)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Message"))
        self._action = QPushButton(self)
        self._action.setAccessibleName(self.tr("Act on the message"))
        self._action.setVisible(False)
        self._action_fn: Callable[[], None] | None = None
        self._action.clicked.connect(self._run_action)
        close = QToolButton(self)
        close.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Dismiss"))
        close.setAccessibleName(self.tr("Dismiss message"))
        close.clicked.connect(self.hide)
        self._row.addWidget(self._action, 0, Qt.AlignmentFlag.AlignVCenter)
        self._row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(
        self,
        kind: str,
        title: str,
        text: str,
        action: tuple[str, Callable[[], None]] | None = None,
    ) -> None:
        self._set(kind, title, text)
        self.kind = kind
        if action is not None:
            self._action.setText(action[0])
            self._action.setAccessibleName(action[0])
            self._action_fn = action[1]
        else:
            self._action_fn = None
        self._action.setVisible(action is not None)
        self.show()

    def setVisible(self, visible: bool) -> None:
        super().setVisible(visible)
        self.visibility_changed.emit(visible)

    def _run_action(self) -> None:
        fn = self._action_fn
        self.hide()
        if fn is not None:
            fn()


class OfflineBanner(_Panel):
    """Shown while the insurer cannot be reached: what still works, until when, and Retry / Work offline."""

    retry_requested = Signal()
    work_offline_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Offline"))
        self.retry = QPushButton(self.tr("Retry"), self)
        self.retry.setAccessibleName(self.tr("Retry connecting to the insurer"))
        self.retry.clicked.connect(self.retry_requested)
        self.offline = QPushButton(self.tr("Work offline"), self)
        self.offline.setAccessibleName(self.tr("Work offline"))
        self.offline.setToolTip(self.tr("Stop trying the insurer until you press Retry"))
        self.offline.clicked.connect(self.work_offline_requested)
        self._row.addWidget(self.retry, 0, Qt.AlignmentFlag.AlignVCenter)
        self._row.addWidget(self.offline, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def set_grace(self, grace: str, good: bool) -> None:
        """How long cached tracks keep playing (`grace`, in words, and whether that still holds: when
        not, the tracks wait for a connection); whoever places the banner shows it."""
        if good:
            text = self.tr(
                "Tracks with a valid cached license keep playing {grace}. Buying, loss reports and the "
                "license list need the insurer; the player retries every minute."
            )
        else:
            text = self.tr(
                "Tracks with a valid cached license keep playing (but {grace}: connect to play them). "
                "Buying, loss reports and the license list need the insurer; the player retries every "
                "minute."
            )
        self._set("warning", self.tr("Offline: the insurer cannot be reached"), text.format(grace=grace))
        self.offline.setVisible(True)
