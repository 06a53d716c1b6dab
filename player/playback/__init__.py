"""Playback, the terminal's function 44: decrypt a licensed track in memory and play it with QtMultimedia.

Plaintext audio never touches the disk: a track's container is decrypted in memory (`open_device`: the
on-demand `ContainerDevice` by default, or the whole track in a `QBuffer`) and handed to FFmpeg through Qt.

- `Player` is the engine the faces use: `GaplessPlayer`, which decodes tracks with `QAudioDecoder` into
  one continuous stream for one `QAudioSink`, so consecutive tracks play with no gap (`gapless.py`).
  `MediaPlayerEngine` is the earlier engine (`QMediaPlayer` + `QAudioOutput`, a new source per track),
  kept as the benchmark's baseline. Both keep the teardown rule of docs/platform.md (no deadlock), so
  their controls report back through signals. `NullPlayer` has the same interface and plays nothing,
  for headless runs and tests.
- `read_tags` reads the embedded cover and the ReplayGain tags from the decrypted tags, in memory;
  `replaygain.py` turns those tags into a level (track, album or off, never past the peak).
- `decode_check` decodes a whole track without playing it (`QAudioDecoder`) and counts its frames.

Only QtCore and QtMultimedia are used here: widgets belong to `player/ui/`.
"""

from typing import TYPE_CHECKING, Any

from player.playback._base import PlaybackState, PlayerBase
from player.playback.device import (
    DEFAULT_SOURCE_KIND,
    ContainerDevice,
    SourceKind,
    memory_buffer,
    open_device,
)
from player.playback.gapless import GaplessPlayer
from player.playback.null import NullPlayer
from player.playback.replaygain import ReplayGain, ReplayGainMode, gain_factor

if TYPE_CHECKING:
    from player.playback.decode import DecodeResult, decode_check
    from player.playback.engine import MediaPlayerEngine
    from player.playback.tags import Cover, TrackTags, cover_art, read_tags

Player = GaplessPlayer
"""The default engine."""

# Loaded when first asked for, not with the window: mutagen (the tags) is only needed once something
# is played, the decode check and the QMediaPlayer engine by the CLI and the benchmark.
_LAZY = {
    "DecodeResult": "decode",
    "decode_check": "decode",
    "MediaPlayerEngine": "engine",
    "Cover": "tags",
    "TrackTags": "tags",
    "cover_art": "tags",
    "read_tags": "tags",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{module}"), name)


__all__ = [
    "DEFAULT_SOURCE_KIND",
    "ContainerDevice",
    "Cover",
    "DecodeResult",
    "GaplessPlayer",
    "MediaPlayerEngine",
    "NullPlayer",
    "PlaybackState",
    "Player",
    "PlayerBase",
    "ReplayGain",
    "ReplayGainMode",
    "SourceKind",
    "TrackTags",
    "cover_art",
    "decode_check",
    "gain_factor",
    "memory_buffer",
    "open_device",
    "read_tags",
]
