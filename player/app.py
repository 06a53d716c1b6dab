"""`insured-player`: the GUI entry point.

Takes the CLI's `--data-dir` and `--server` (or INSURED_PLAYER_DATA_DIR / INSURED_PLAYER_SERVER) and
refuses to start where Qt would abort for want of a display; then `player.ui.launch` builds the terminal,
the session and the main window. Without `--server` the bundled backend with the demo catalog starts as
a child, off the GUI thread. Quitting (Ctrl+Q, closing the window, SIGINT/SIGTERM) stops playback, lets
queued work finish and closes the terminal, which stops that child.
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


def data_dir(option: Path | None) -> Path:
    import platformdirs

    env = os.environ.get("INSURED_PLAYER_DATA_DIR")
    return option or (Path(env) if env else Path(platformdirs.user_data_dir("insured-player")))


def _no_display() -> str:
    """Said in the system's language: a core application (which needs no display) holds its translator."""
    from PySide6.QtCore import QCoreApplication

    from player.language import install, translate

    install(QCoreApplication.instance() or QCoreApplication(["insured-player"]))
    return translate(
        "App",
        "no display (DISPLAY and WAYLAND_DISPLAY unset); start it in a desktop session or set "
        "QT_QPA_PLATFORM=offscreen",
    )


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    server = args.server or os.environ.get("INSURED_PLAYER_SERVER") or None
    if not _has_display():
        print(f"insured-player: {_no_display()}", file=sys.stderr)
        return 2
    from player.ui.launch import run  # Qt only after the check

    return run(data_dir(args.data_dir).expanduser(), server)


if __name__ == "__main__":
    sys.exit(main())
