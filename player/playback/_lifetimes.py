"""Who deletes QtMultimedia's objects, and where: Qt, from an event loop, never Python's collector.

Python frees an object the moment its last reference goes, on whichever thread drops it, holding the
GIL, and the cyclic collector does so at any allocation at all. For a `QAudioDecoder`, a `QAudioSink`
or the objects that feed one that is the wrong moment twice over: deleting one joins or waits on
worker threads (FFmpeg's, the sound server's) that may be waiting for the GIL to call into a PySide-made
device, which is the teardown deadlock of docs/platform.md struck from an unrelated line; and an object
that lives on the audio thread must be deleted on that thread, not on the one that happened to collect
it. So these objects are handed to Qt (`delete_later`): Qt deletes each from its own thread's event loop,
where PySide has released the GIL, and this module keeps the Python wrapper until Qt has, so that no
collector frees the object first.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from shiboken6 import Shiboken

__all__ = ["delete_later", "keep_until_deleted"]

_handed_over: list[QObject] = []  # wrappers of objects Qt is to delete; dropped once it has


def keep_until_deleted(*objects: QObject) -> None:
    """Keep `objects` from Python's collector until Qt has deleted them (their own thread is to call
    `deleteLater`)."""
    _handed_over[:] = [o for o in _handed_over if Shiboken.isValid(o)]
    _handed_over.extend(objects)


def delete_later(*objects: QObject) -> None:
    """Have Qt delete `objects` (of this thread) from the event loop, and keep them from Python's
    collector until it has."""
    keep_until_deleted(*objects)
    for obj in objects:
        obj.deleteLater()
