"""Playback, the terminal's function 44: decrypt a licensed track in memory and play it with QtMultimedia.

Plaintext audio never touches the disk: a track's container is decrypted in memory (`open_device`: the
on-demand `ContainerDevice` by default, or the whole track in a `QBuffer`) and handed to FFmpeg through Qt.

- `Player` plays through the system's audio output (`QMediaPlayer` + `QAudioOutput`); it switches
  tracks by the teardown rule of docs/platform.md (no deadlock), so its controls are queued and report
  back through signals. `NullPlayer` has the same interface and plays nothing, for headless runs and tests.
- `cover_art` reads the embedded cover from the decrypted tags, in memory.
- `decode_check` decodes a whole track without playing it (`QAudioDecoder`) and counts its frames.

Only QtCore and QtMultimedia are used here: widgets belong to `player/ui/`.
"""

from player.playback._base import PlaybackState, PlayerBase
from player.playback.decode import DecodeResult, decode_check
from player.playback.device import (
    DEFAULT_SOURCE_KIND,
    ContainerDevice,
    SourceKind,
    memory_buffer,
    open_device,
)
from player.playback.engine import Player
from player.playback.null import NullPlayer
from player.playback.tags import Cover, cover_art

__all__ = [
    "DEFAULT_SOURCE_KIND",
    "ContainerDevice",
    "Cover",
    "DecodeResult",
    "NullPlayer",
    "PlaybackState",
    "Player",
    "PlayerBase",
    "SourceKind",
    "cover_art",
    "decode_check",
    "memory_buffer",
    "open_device",
]
