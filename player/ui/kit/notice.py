"""An inline notice: what happened, in words, with the action that helps (Retry) right next to it.

Views show failures here instead of a modal box, so a burst of errors never stacks dialogs and the user
keeps the context. The text comes from `messages.describe`: no traceback ever reaches it.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from player.errors import PlayerError
from player.ui.kit.messages import describe


class Tone(Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


# Tints mixed into the window colour, so the notice reads on light and dark palettes alike.
_TINT = {Tone.INFO: (40, 110, 200), Tone.WARNING: (210, 150, 20), Tone.ERROR: (200, 50, 40)}
_ICON = {
    Tone.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
    Tone.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Tone.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
}


class Notice(QFrame):
    """Hidden until `show_message` or `show_error`; `clear` hides it again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.icon = QLabel()
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title = QLabel()
        self.title.setObjectName("noticeTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel()
        self.text.setObjectName("noticeText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action = QPushButton()
        self.action.setObjectName("noticeAction")
        self.action.clicked.connect(self._act)
        self.close_button = QPushButton(self.tr("Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss the message"))
        self.close_button.clicked.connect(self.clear)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.title)
        words.addWidget(self.text)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 8, 10, 8)
        row.addWidget(self.icon)
        row.addLayout(words, 1)
        row.addWidget(self.action, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self._callback: Callable[[], None] | None = None
        self.tone = Tone.INFO
        self.hide()

    def show_message(
        self,
        title: str,
        text: str = "",
        *,
        tone: Tone = Tone.INFO,
        action: str = "",
        on_action: Callable[[], None] | None = None,
        dismissable: bool = True,
    ) -> None:
        self.tone = tone
        self.title.setText(title)
        self.title.setVisible(bool(title))
        self.text.setText(text)
        self.text.setVisible(bool(text))
        self._callback = on_action
        self.action.setText(action)
        self.action.setAccessibleName(action)
        self.action.setVisible(bool(action) and on_action is not None)
        self.close_button.setVisible(dismissable)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.icon.setPixmap(self.style().standardIcon(_ICON[tone]).pixmap(size, size))
        self._tint()
        self.setAccessibleName(self.tr("{title}. {text}").format(title=title, text=text).strip())
        self.show()

    def show_error(
        self, error: PlayerError, *, action: str = "", on_action: Callable[[], None] | None = None
    ) -> None:
        """The error as `messages.describe` words it, with an optional action (usually Retry)."""
        title, text = describe(error)
        self.show_message(title, text, tone=Tone.ERROR, action=action, on_action=on_action)

    def clear(self) -> None:
        self._callback = None
        self.hide()

    def _act(self) -> None:
        if self._callback is not None:
            self._callback()

    def _tint(self) -> None:
        # The application's palette, not ours: our own Window colour is the last tint once a style
        # sheet has been applied, and tints would pile up.
        base = QApplication.palette().color(QPalette.ColorRole.Window)
        r, g, b = _TINT[self.tone]
        mix = 0.18

        def blend(c: int, t: int) -> int:
            return round(c * (1 - mix) + t * mix)

        fill = f"rgb({blend(base.red(), r)}, {blend(base.green(), g)}, {blend(base.blue(), b)})"
        border = f"1px solid rgb({r}, {g}, {b})"
        self.setStyleSheet(f"QFrame#notice {{ background: {fill}; border: {border}; border-radius: 4px; }}")
