"""Preview clips: a few seconds of each track, unencrypted, as music stores let people listen first.

The terminal plays one before a user takes an alternate for a lost track. A clip is cut from the
server's master (the unencrypted recording every version is made from), from about 30 % of the way in
so it is not the intro, with short fades so it neither clicks in nor stops dead. Only the clip's own
frames are decoded: an imported master may last an hour, and anyone may ask for a preview. It is made
on the first request for a version and kept on the server's disk (written atomically), so later
requests are a file read. A clip is short and public: it grants nothing the license does.

A clip is never larger than `MAX_PREVIEW_BYTES`, the bound the terminal holds it to: 15 s of FLAC from
a loud or high-rate master (an imported 48 kHz recording, noise-like music) would pass it, so such a
clip is cut shorter until it fits rather than refused by every terminal that asks for it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import soundfile
from numpy.typing import NDArray

from mock_backend import media_store
from mock_backend.atomic import write_atomic
from mock_backend.config import Settings
from mock_backend.demo import media

PREVIEW_SECONDS = 15.0
START_AT = 0.3  # of the track's length
FADE_IN_S, FADE_OUT_S = 0.5, 1.5
FORMATS = {"audio/ogg": "ogg", "audio/flac": "flac"}  # what a clip comes as, the first by default
MAX_PREVIEW_BYTES = 2 * 1024 * 1024  # the terminal's bound too; the demo's FLAC clips are 1.0-1.8 MiB
_SHRINK_MARGIN = 0.95  # a clip cut to the bound's share of its length still varies a little in size

Audio = NDArray[np.float32]


def clip_path(settings: Settings, content_id: str, version: int, mime: str) -> Path:
    return settings.data_dir / "previews" / content_id / f"v{version}.{FORMATS[mime]}"


def preview(settings: Settings, content_id: str, version: int, mime: str) -> Path:
    """The clip of `content_id` (its current `version`) as `mime`, made now if it was not yet."""
    path = clip_path(settings, content_id, version, mime)
    if not path.is_file():
        audio, rate = excerpt(media_store.master_path(settings, content_id, "flac"))
        write_atomic(path, encode_within(audio, rate, FORMATS[mime], MAX_PREVIEW_BYTES))
    return path


def excerpt(master: Path) -> tuple[Audio, int]:
    """`PREVIEW_SECONDS` of the master from about 30 % in (the whole track when shorter, and moved
    earlier when the clip would run past the end), decoded alone: the frames before it are skipped."""
    with soundfile.SoundFile(master) as source:
        frames, rate = source.frames, int(source.samplerate)
        length = min(frames, round(PREVIEW_SECONDS * rate))
        source.seek(min(round(frames * START_AT), frames - length))
        audio: Audio = source.read(length, dtype="float32", always_2d=True)
    return audio, rate


def encode_within(audio: Audio, rate: int, fmt: str, limit: int) -> bytes:
    """The clip faded and encoded as `fmt`; cut shorter (from its end, faded again) while it encodes
    larger than `limit` bytes. Each try shortens it in proportion to the excess, so one or two do."""
    length = len(audio)
    while True:
        data = media.encode(faded(audio[:length], rate), rate, fmt)
        if len(data) <= limit or length <= 1:
            return data
        length = max(1, min(length - 1, int(length * limit / len(data) * _SHRINK_MARGIN)))


def faded(clip: NDArray[Any], rate: int) -> Audio:
    """A copy of `clip` faded in over `FADE_IN_S` and out over `FADE_OUT_S` (at most a quarter of it each)."""
    out: Audio = np.array(clip, dtype=np.float32, copy=True)
    length = len(out)
    fade_in, fade_out = min(length // 4, round(FADE_IN_S * rate)), min(length // 4, round(FADE_OUT_S * rate))
    if fade_in:
        out[:fade_in] *= np.linspace(0.0, 1.0, fade_in, dtype=np.float32)[:, None]
    if fade_out:
        out[-fade_out:] *= np.linspace(1.0, 0.0, fade_out, dtype=np.float32)[:, None]
    return out
