"""Run the desktop player: the Qt application, the terminal, the session and the main window.

`player/app.py` parses the options and checks for a display first; this builds the rest. Quitting (Ctrl+Q,
closing the window, SIGINT/SIGTERM) stops playback, lets queued work finish and closes the terminal,
which stops the bundled backend when one was started.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from player.errors import PlayerError
from player.language import install, translate
from player.qt_logging import quiet_multimedia
from player.terminal import Terminal, network_timeout, playable_codecs
from player.ui.kit import icons
from player.ui.kit.messages import describe
from player.ui.kit.settings import UiSettings
from player.ui.session import UiSession

if TYPE_CHECKING:
    from player.ui.shell.main_window import MainWindow


def open_window(data_dir: Path, server: str | None) -> MainWindow | None:
    """The application named and speaking its language, the terminal and the main window, shown and
    started; None (the reason said on stderr and in a dialog) when the terminal cannot open."""
    quiet_multimedia()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("insured-player")
    app.setApplicationDisplayName("Insured Player")
    app.setOrganizationName("insured-player")
    app.setDesktopFileName("insured-player")
    app.setWindowIcon(icons.app_icon())
    # Before the first word is made: the system's language, or the one chosen in Preferences.
    spoken = install(app, UiSettings(data_dir).language)
    for name in spoken.missing:
        print(f"insured-player: no {name}.qm translation catalog found; speaking English", file=sys.stderr)
    try:
        terminal = Terminal(data_dir, server, timeout=network_timeout(), codecs=playable_codecs())
    except (
        PlayerError
    ) as e:  # a bad INSURED_PLAYER_TIMEOUT; the data dir is held by another player or cannot be written
        title, text = describe(e)
        print(f"insured-player: {text}", file=sys.stderr)
        QMessageBox.critical(None, translate("Launch", "Insured Player: {title}").format(title=title), text)
        return None
    session = UiSession(terminal)
    session.preload()  # the worker reads the library while the window is imported and built
    from player.ui.shell.main_window import MainWindow

    window = MainWindow(session)
    app.aboutToQuit.connect(window.shutdown)
    window.quit_requested.connect(app.quit)
    window.show()
    window.start()
    return window


def run(data_dir: Path, server: str | None) -> int:
    window = open_window(data_dir, server)
    if window is None:
        return 1
    # SIGINT/SIGTERM close the window through the event loop, so the bundled backend is stopped too.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: window.close())
    ticker = QTimer(window)  # lets the interpreter run signal handlers while Qt waits
    ticker.timeout.connect(lambda: None)
    ticker.start(250)
    try:
        return QApplication.exec()
    finally:
        window.shutdown()
