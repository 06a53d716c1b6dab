"""Qt's logging rules for every face: QtMultimedia's FFmpeg backend prints each stream's metadata dump
and its symbol resolution on stderr at every play. That is for developers; a user running the player or
the CLI should see only what we say. Set before the QApplication exists (Qt reads the rules once);
a user's own QT_LOGGING_RULES wins, so a developer can bring the dumps back.
"""

from __future__ import annotations

import os

QUIET_MULTIMEDIA = "qt.multimedia.symbolsresolver=false;qt.multimedia.ffmpeg*=false"


def quiet_multimedia() -> None:
    os.environ.setdefault("QT_LOGGING_RULES", QUIET_MULTIMEDIA)
