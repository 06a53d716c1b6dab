"""The files the player reads at run time: the app icon, the line icons and the `.desktop` file.

They ship inside this package as package data, so a checkout, an editable install and an installed
wheel all find them the same way: through `importlib.resources`, never through a path relative to the
source tree. What is handed out is a `Traversable`; read it with `read_bytes()` / `read_text()` (it may
live inside a zip archive), or use `importlib.resources.as_file` where a real file is needed.

No Qt here: the command line and the backend may import this without pulling in a GUI.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

__all__ = ["APP_ID", "app_icon", "desktop_file", "icon", "icon_names"]

APP_ID = "insured-player"  # the .desktop file's name, the icon name it asks for, the WM class


def _root() -> Traversable:
    return files(__name__)


def app_icon() -> Traversable:
    """`insured-player.svg`: the application's icon (scalable)."""
    return _root() / f"{APP_ID}.svg"


def desktop_file() -> Traversable:
    """`insured-player.desktop`: the desktop entry, to install as `applications/insured-player.desktop`."""
    return _root() / f"{APP_ID}.desktop"


def icon(name: str) -> Traversable:
    """`icons/<name>.svg`, a line icon whose #000000 and #ffffff are placeholders for palette colours.
    It may not exist (`is_file()`): callers decide what a missing icon means."""
    return _root() / "icons" / f"{name}.svg"


def icon_names() -> list[str]:
    """The line icons that ship, sorted (without `.svg`)."""
    return sorted(
        entry.name.removesuffix(".svg")
        for entry in (_root() / "icons").iterdir()
        if entry.is_file() and entry.name.endswith(".svg")
    )
