"""The real main window, opened as `insured-player` opens it, read as a user would read it.

Run as `python -m tests.support.window_probe DATA_DIR SERVER` in a process of its own (the language is
taken from that process's locale when Qt starts, so a story about a language needs its own process): the
window opens on the data dir (a user already signed in there), and once the library is filled and the
first contact with the insurer is over, every text a user can read in every window (the pages of the
sidebar too) is printed as JSON, with the locale the window speaks.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QLocale
from PySide6.QtWidgets import QApplication

from player.ui.launch import open_window
from tests.ui.visible_text import readable

WAIT_S = 60


def main(data_dir: Path, server: str) -> int:
    app = QApplication(["insured-player"])
    window = open_window(data_dir, server)
    if window is None:
        return 1
    session = window.session
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline and (
        session.connection == "connecting" or window.library.model.rowCount() == 0 or session.tasks.busy
    ):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    texts = [{"where": r.where, "part": r.part, "text": r.text} for r in readable() if r.text.strip()]
    print(json.dumps({"locale": QLocale().name(), "connection": session.connection, "texts": texts}))
    window.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2]))
