"""`insured-player`: the GUI entry point.

A placeholder until the real window exists (issue 4): it takes the options the player will take, refuses
to start where Qt would abort for want of a display, starts the bundled backend with the demo catalog
(unless `--server` names one) off the GUI thread, and says where it runs. Ctrl+Q quits and stops it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="insured-player", description="Insured Player (desktop)")
    parser.add_argument("--data-dir", type=Path, help="where the library lives")
    parser.add_argument("--server", metavar="URL", help="the insurer backend (default: the bundled one)")
    return parser.parse_args(argv)


def _has_display() -> bool:
    """Without any of these, Qt aborts the process instead of raising."""
    return any(os.environ.get(name) for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"))


def _data_dir(option: Path | None) -> Path:
    import platformdirs

    env = os.environ.get("INSURED_PLAYER_DATA_DIR")
    return option or (Path(env) if env else Path(platformdirs.user_data_dir("insured-player")))


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    server = args.server or os.environ.get("INSURED_PLAYER_SERVER")
    if not _has_display():
        print(
            "insured-player: no display (DISPLAY and WAYLAND_DISPLAY unset); "
            "start it in a desktop session or set QT_QPA_PLATFORM=offscreen",
            file=sys.stderr,
        )
        return 2
    import signal
    import threading

    from PySide6.QtCore import QObject, Qt, QTimer, Signal  # only after the check
    from PySide6.QtGui import QKeySequence, QShortcut
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from player.backend_process import EmbeddedBackend
    from player.errors import PlayerError

    class Status(QObject):
        changed = Signal(str)

    app = QApplication.instance() or QApplication([sys.argv[0]])
    window = QMainWindow()
    window.setWindowTitle("Insured Player")
    label = QLabel("The player UI is coming soon.")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    window.setCentralWidget(label)
    window.resize(560, 220)
    QShortcut(QKeySequence.StandardKey.Quit, window, app.quit)
    # SIGINT/SIGTERM quit through the event loop so the bundled backend is stopped too.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: app.quit())
    ticker = QTimer(window)  # lets the interpreter run signal handlers while Qt waits
    ticker.timeout.connect(lambda: None)
    ticker.start(250)
    status = Status()
    status.changed.connect(label.setText)
    backend: EmbeddedBackend | None = None
    if server:
        label.setText(f"The player UI is coming soon.\nBackend: {server}")
    else:
        backend = EmbeddedBackend(_data_dir(args.data_dir) / "backend")
        label.setText("Starting the bundled backend (the first start builds the demo catalog)...")

        def start() -> None:
            try:
                url = backend.start()
            except PlayerError as e:
                status.changed.emit(str(e))
                return
            status.changed.emit(f"The player UI is coming soon.\nBundled backend, demo catalog: {url}")

        threading.Thread(target=start, daemon=True).start()
        app.aboutToQuit.connect(backend.stop)
    window.show()
    try:
        return app.exec()
    finally:
        if backend is not None:
            backend.stop()


if __name__ == "__main__":
    sys.exit(main())
