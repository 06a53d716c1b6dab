"""Windows that fit the screen they open on, down to a small one.

`ROOM` is what every window and dialog must be usable in: the smaller of an 800×600 screen and a
1920×1080 screen at 200 % scale (960×540 logical pixels), less a desktop panel and a title bar. A
layout's minimum size stays inside it, and a window's first size (before the user sizes it) is its
preferred size bounded by the screen it is on, so nothing opens off-screen.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

ROOM = QSize(780, 470)
FRAME = QMargins(8, 40, 8, 8)  # a title bar and borders, as window managers draw them


def fit_to_screen(widget: QWidget, preferred: QSize) -> None:
    """Resize `widget` to `preferred`, or to what its screen leaves if that is smaller."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size().shrunkBy(FRAME)
    widget.resize(preferred.boundedTo(room).expandedTo(widget.minimumSizeHint()))


def scrolling(page: QWidget) -> QScrollArea:
    """`page` in a frameless scroll area: on a short screen it scrolls instead of making the window
    taller than the screen."""
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(page)
    return area
