"""The command's one Qt application, made at its start and used by everything after it.

It holds the translators (the system's language, player/language.py), runs `play`'s event loop, and
for a receipt laid out as PDF it is a GUI application on the offscreen platform (Qt's text engine needs
one, a display does not). One already running (a test's, a window's) is used as it is.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

_MADE: list[QCoreApplication] = []  # the application made here, kept for as long as the command runs


def application(gui: bool = False) -> QCoreApplication:
    """The running application, or a new one (a GUI one when `gui`, for laying out a PDF)."""
    from PySide6.QtCore import QCoreApplication

    running = QCoreApplication.instance()
    if running is not None:
        return running
    made: QCoreApplication
    if gui:
        from PySide6.QtGui import QGuiApplication

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        made = QGuiApplication(["insured-player-cli"])
    else:
        made = QCoreApplication(["insured-player-cli"])
    _MADE.append(made)
    return made
