"""The content servers' preview clips: short, audible, in an encoding the terminal asked for, made once
and then served from the server's shelf, for anyone; refused for what is not distributed."""

from __future__ import annotations

import io

import numpy as np
import soundfile

from mock_backend.previews import MAX_PREVIEW_BYTES, PREVIEW_SECONDS
from tests.support.backend import Backend

CLIP = "/providers/aurora/preview/aurora-0005"  # Electronic: sound from the first beat


def _heard(data: bytes) -> tuple[float, float]:
    """(seconds, RMS) of an audio file's bytes."""
    audio, rate = soundfile.read(io.BytesIO(data), dtype="float32", always_2d=True)
    return len(audio) / rate, float(np.sqrt(np.mean(audio**2)))


def test_a_preview_is_a_short_audible_clip_for_anyone_made_once_and_then_kept(backend: Backend) -> None:
    first = backend.get(CLIP)  # no session: a preview is public, as in a store
    assert first.status_code == 200, first.text
    assert first.headers["content-type"] == "audio/ogg" and first.content.startswith(b"OggS")
    assert first.headers["cache-control"] == "public, max-age=86400"
    seconds, rms = _heard(first.content)
    assert PREVIEW_SECONDS - 0.5 <= seconds <= PREVIEW_SECONDS + 0.5
    assert rms > 0.01  # not silence
    assert len(first.content) <= MAX_PREVIEW_BYTES
    kept = list((backend.data_dir / "previews" / "aurora-0005").iterdir())
    assert [p.name for p in kept] == ["v1.ogg"]
    again = backend.get(CLIP)
    assert again.content == first.content  # the same clip, from the shelf

    flac = backend.get(CLIP, params={"codecs": "audio/x-unknown, audio/flac, audio/ogg"})
    assert flac.headers["content-type"] == "audio/flac" and flac.content.startswith(b"fLaC")
    assert abs(_heard(flac.content)[0] - seconds) < 0.1
    assert len(flac.content) <= MAX_PREVIEW_BYTES


def test_a_preview_is_refused_for_what_is_not_on_sale_or_not_decodable(backend: Backend) -> None:
    def code(path: str, **kw: object) -> tuple[int, str]:
        r = backend.get(path, **kw)
        return r.status_code, r.json()["error"]["code"]

    assert code("/providers/nowhere/preview/aurora-0005") == (404, "unknown_provider")
    assert code("/providers/aurora/preview/aurora-9999") == (404, "unknown_content")
    assert code("/providers/harbor/preview/aurora-0005") == (404, "unknown_content")
    assert code(CLIP, params={"codecs": "audio/mpeg"}) == (406, "no_acceptable_encoding")
    backend.admin("/content/aurora-0005/discontinue")
    assert code(CLIP) == (410, "content_discontinued")
