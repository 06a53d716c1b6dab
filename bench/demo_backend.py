"""The demo catalog rendered once per bench run, for every figure that needs a real backend.

Rendering it takes ~11 s on two cores; the figures that start a backend (`every_play.py`, `ttfa.py`) each
get a fresh copy of the one template (`tests/support/backend.py`: the database copied, the media
hard-linked), so each starts from the same state and the run pays the rendering once.
"""

from __future__ import annotations

import atexit
import tempfile
from pathlib import Path

from tests.support.backend import build_template

__all__ = ["demo_template"]

_made: list[tempfile.TemporaryDirectory[str]] = []


def demo_template() -> Path:
    """The rendered template, made on first use and removed when the process ends."""
    if not _made:
        holder = tempfile.TemporaryDirectory(prefix="bench-demo-")
        _made.append(holder)
        atexit.register(holder.cleanup)
        build_template(Path(holder.name, "template"))
    return Path(_made[0].name, "template")
