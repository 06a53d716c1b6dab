"""Objects that live on the audio thread are deleted there, by Qt, never by Python's collector.

Python frees an object the moment its last reference goes, on whichever thread drops it, holding the
GIL, and the cyclic collector does so at any allocation at all. The sink and the pusher of an output
session live on the audio thread and are deleted there (`deleteLater` from the pusher's `stop`); were
their Python wrappers the last references and collected on the GUI thread first, PySide would delete
them from the wrong thread, under a running sink. So their wrappers are kept here until Qt has deleted
the objects, and dropped after.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from shiboken6 import Shiboken

__all__ = ["keep_until_deleted"]

_handed_over: list[QObject] = []  # wrappers of objects Qt is to delete; dropped once it has


def keep_until_deleted(*objects: QObject) -> None:
    """Keep `objects` from Python's collector until Qt has deleted them (their own thread is to call
    `deleteLater`)."""
    _handed_over[:] = [o for o in _handed_over if Shiboken.isValid(o)]
    _handed_over.extend(objects)
