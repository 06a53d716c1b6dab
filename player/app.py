"""`insured-player`: the GUI entry point.

A placeholder until the real window exists (issue 4): it takes the options the player will take, refuses
to start where Qt would abort for want of a display, and opens an empty main window. It starts no
backend yet.
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


def main(argv: list[str] | None = None) -> int:
    _parse_args(argv)  # exits 2 on a usage error; the values are not used yet
    if not _has_display():
        print(
            "insured-player: no display (DISPLAY and WAYLAND_DISPLAY unset); "
            "start it in a desktop session or set QT_QPA_PLATFORM=offscreen",
            file=sys.stderr,
        )
        return 2
    from PySide6.QtCore import Qt  # only after the check
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    window = QMainWindow()
    window.setWindowTitle("Insured Player")
    label = QLabel("The player UI is coming soon.")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    window.setCentralWidget(label)
    window.resize(480, 200)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
