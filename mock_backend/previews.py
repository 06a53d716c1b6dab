"""Preview clips: a few seconds of each track, unencrypted, as music stores let people listen first.

The terminal plays one before a user takes an alternate for a lost track. A clip is cut from the
server's master (the unencrypted recording it re-encodes new versions from), from about a third of
the way in so it is not the intro, with short fades so it neither clicks in nor stops dead. It is made
on the first request for a version and kept on the server's disk (written atomically), so later
requests are a file read. A clip is short and public: it grants nothing the license does.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import soundfile

from mock_backend import media_store
from mock_backend.atomic import write_atomic
from mock_backend.config import Settings
from mock_backend.demo import media

PREVIEW_SECONDS = 15.0
START_AT = 0.3  # of the track's length
FADE_IN_S, FADE_OUT_S = 0.5, 1.5
FORMATS = {"audio/ogg": "ogg", "audio/flac": "flac"}  # what a clip comes as, the first by default
MAX_PREVIEW_BYTES = 2 * 1024 * 1024  # the terminal refuses a longer answer; a 15 s FLAC is ~1.3 MiB


def clip_path(settings: Settings, content_id: str, version: int, mime: str) -> Path:
    return settings.data_dir / "previews" / content_id / f"v{version}.{FORMATS[mime]}"


def preview(settings: Settings, content_id: str, version: int, mime: str) -> Path:
    """The clip of `content_id` (its current `version`) as `mime`, made now if it was not yet."""
    path = clip_path(settings, content_id, version, mime)
    if not path.is_file():
        master = media_store.master_path(settings, content_id, "flac").read_bytes()
        audio, rate = soundfile.read(io.BytesIO(master), dtype="float32", always_2d=True)
        write_atomic(path, media.encode(cut(audio, rate), rate, FORMATS[mime]))
    return path


def cut(audio: np.ndarray, rate: int) -> np.ndarray:
    """`PREVIEW_SECONDS` from about a third in (the whole track when shorter), faded in and out."""
    length = min(len(audio), round(PREVIEW_SECONDS * rate))
    start = min(round(len(audio) * START_AT), len(audio) - length)
    clip = audio[start : start + length].copy()
    fade_in, fade_out = min(length // 4, round(FADE_IN_S * rate)), min(length // 4, round(FADE_OUT_S * rate))
    if fade_in:
        clip[:fade_in] *= np.linspace(0.0, 1.0, fade_in, dtype=np.float32)[:, None]
    if fade_out:
        clip[-fade_out:] *= np.linspace(1.0, 0.0, fade_out, dtype=np.float32)[:, None]
    return clip
