"""The content servers' preview clips: short, audible, in an encoding the terminal asked for, made once
and then served from the server's shelf, for anyone; never past the size the terminal takes; refused for
what is not distributed, and while the provider cannot serve."""

from __future__ import annotations

import io

import numpy as np
import pytest
import soundfile
from numpy.typing import NDArray

from mock_backend.previews import MAX_PREVIEW_BYTES, PREVIEW_SECONDS
from tests.support.backend import Backend

CLIP = "/providers/aurora/preview/aurora-0005"  # Electronic: sound from the first beat


def _heard(data: bytes) -> tuple[float, float]:
    """(seconds, RMS) of an audio file's bytes."""
    audio, rate = soundfile.read(io.BytesIO(data), dtype="float32", always_2d=True)
    return len(audio) / rate, float(np.sqrt(np.mean(audio**2)))


def _code(backend: Backend, path: str, **kw: object) -> tuple[int, str]:
    r = backend.get(path, **kw)
    return r.status_code, r.json()["error"]["code"]


def _wav(audio: NDArray[np.float32], rate: int) -> bytes:
    out = io.BytesIO()
    soundfile.write(out, audio, rate, format="WAV", subtype="PCM_16")
    return out.getvalue()


def _imported(backend: Backend, audio: NDArray[np.float32], rate: int) -> str:
    """Import `audio` as a harbor track; its content ID."""
    form = {"provider": "harbor", "price": "150", "genre": "Ambient", "title": "Home Take"}
    r = backend.post("/admin/tracks", data=form, files={"file": ("take.wav", _wav(audio, rate), "audio/wav")})
    assert r.status_code == 201, r.text
    content_id: str = r.json()["content_id"]
    return content_id


def test_a_preview_is_a_short_audible_clip_for_anyone_made_once_and_then_kept(backend: Backend) -> None:
    first = backend.get(CLIP)  # no session: a preview is public, as in a store
    assert first.status_code == 200, first.text
    assert first.headers["content-type"] == "audio/ogg" and first.content.startswith(b"OggS")
    assert first.headers["cache-control"] == "public, max-age=86400"
    seconds, rms = _heard(first.content)
    assert PREVIEW_SECONDS - 0.5 <= seconds <= PREVIEW_SECONDS + 0.5
    assert rms > 0.01  # not silence
    assert len(first.content) <= MAX_PREVIEW_BYTES
    shelf = backend.data_dir / "previews" / "aurora-0005"
    assert [p.name for p in shelf.iterdir()] == ["v1.ogg"]
    made = (shelf / "v1.ogg").stat()
    again = backend.get(CLIP)
    assert again.content == first.content  # the same clip, from the shelf:
    kept = (shelf / "v1.ogg").stat()  # not made again (an atomic rewrite would be a new inode)
    assert (kept.st_ino, kept.st_mtime_ns) == (made.st_ino, made.st_mtime_ns)

    flac = backend.get(CLIP, params={"codecs": "audio/x-unknown, audio/flac, audio/ogg"})
    assert flac.headers["content-type"] == "audio/flac" and flac.content.startswith(b"fLaC")
    assert abs(_heard(flac.content)[0] - seconds) < 0.1
    assert len(flac.content) <= MAX_PREVIEW_BYTES
    assert sorted(p.name for p in shelf.iterdir()) == ["v1.flac", "v1.ogg"]


def test_an_upgrade_gets_a_clip_of_its_own_version(backend: Backend) -> None:
    assert backend.get(CLIP).status_code == 200
    backend.admin("/content/aurora-0005/upgrade")
    assert backend.get(CLIP).status_code == 200
    shelf = backend.data_dir / "previews" / "aurora-0005"
    assert sorted(p.name for p in shelf.iterdir()) == ["v1.ogg", "v2.ogg"]


def test_an_imported_track_shorter_than_a_clip_is_previewed_whole(backend: Backend) -> None:
    rate = 44_100
    t = np.arange(5 * rate, dtype=np.float32) / rate
    tone = (0.4 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    content_id = _imported(backend, tone, rate)
    for codecs in ("audio/ogg", "audio/flac"):
        r = backend.get(f"/providers/harbor/preview/{content_id}", params={"codecs": codecs})
        assert r.status_code == 200, r.text
        seconds, rms = _heard(r.content)
        assert 4.9 <= seconds <= 5.1 and rms > 0.1


def test_a_clip_that_would_encode_past_the_bound_is_cut_shorter_to_fit(backend: Backend) -> None:
    """Loud noise at 48 kHz: 15 s of it as 16-bit FLAC is ~2.8 MB, which no terminal would take."""
    rate = 48_000
    noise = (0.3 * np.random.default_rng(7).standard_normal((25 * rate, 2))).astype(np.float32)
    content_id = _imported(backend, noise, rate)
    path = f"/providers/harbor/preview/{content_id}"
    flac = backend.get(path, params={"codecs": "audio/flac"})
    assert flac.status_code == 200, flac.text
    assert len(flac.content) <= MAX_PREVIEW_BYTES
    seconds, rms = _heard(flac.content)
    assert 8 <= seconds < PREVIEW_SECONDS and rms > 0.1  # shorter, still most of a clip
    ogg = backend.get(path)  # lossy: the whole 15 s fit
    assert len(ogg.content) <= MAX_PREVIEW_BYTES
    assert abs(_heard(ogg.content)[0] - PREVIEW_SECONDS) < 0.5


def test_a_preview_is_refused_for_what_is_not_on_sale_or_not_decodable(backend: Backend) -> None:
    assert _code(backend, "/providers/nowhere/preview/aurora-0005") == (404, "unknown_provider")
    assert _code(backend, "/providers/aurora/preview/aurora-9999") == (404, "unknown_content")
    assert _code(backend, "/providers/harbor/preview/aurora-0005") == (404, "unknown_content")
    assert _code(backend, CLIP, params={"codecs": "audio/mpeg"}) == (406, "no_acceptable_encoding")
    assert _code(backend, CLIP, params={"codecs": "x" * 201})[0] == 422
    backend.admin("/content/aurora-0005/discontinue")
    assert _code(backend, CLIP) == (410, "content_discontinued")


@pytest.mark.parametrize(
    ("trouble", "answer"),
    [("outage", (503, "provider_unavailable")), ("end-business", (410, "provider_ended"))],
)
def test_a_provider_that_cannot_serve_gives_no_preview(
    backend: Backend, trouble: str, answer: tuple[int, str]
) -> None:
    if trouble == "outage":
        backend.admin("/providers/aurora/outage", json={"on": True})
    else:
        backend.admin("/providers/aurora/end-business")
    assert _code(backend, CLIP) == answer
