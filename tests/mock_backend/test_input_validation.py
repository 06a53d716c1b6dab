"""Bad input to add-track and claims that was accepted: broken audio, unsafe text, "yes" taken for true.

Every track the catalog sells must decode, last at least a second and be as long as its header says, or
terminals are sold silence and broken files; every text shown to users must be plain text, or a title
can reorder what a dialog says (U+202E) or split a line; and a boolean must be a JSON boolean, or a
string like "no" can file a claim on a whole library.
"""

from __future__ import annotations

import io
import math
import struct
import wave

import pytest
import requests

from player.protocol.canonical import b64e, x25519_public_bytes
from tests.support.backend import Backend
from tests.support.customer import Customer, sign_up

RATE = 8000


def pcm(seconds: float) -> bytes:
    """Mono 16-bit samples of a quiet sine."""
    frames = round(seconds * RATE)
    return b"".join(struct.pack("<h", int(3000 * math.sin(i / 8))) for i in range(frames))


def wav(seconds: float) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(pcm(seconds))
    return out.getvalue()


def wav_claiming(data_bytes: int, samples: bytes) -> bytes:
    """A WAV whose header says its data chunk is `data_bytes` long, followed by `samples`."""
    fmt = struct.pack("<HHIIHH", 1, 1, RATE, RATE * 2, 2, 16)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", data_bytes)
    riff_size = min(len(body) + data_bytes, 0xFFFFFFFF)
    return b"RIFF" + struct.pack("<I", riff_size) + body + samples


def add_track(backend: Backend, data: bytes, **form: str) -> requests.Response:
    fields = {"provider": "harbor", "price": "100", "genre": "Rock", "title": "Test tone"} | form
    return backend.post("/admin/tracks", data=fields, files={"file": ("tone.wav", data, "audio/wav")})


def refused(r: requests.Response, code: str) -> None:
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == code, r.text


def harbor_tracks(backend: Backend) -> int:
    return len(backend.get("/api/v1/catalog", params={"provider": "harbor"}).json())


# --- audio that is not what it says ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (wav_claiming(2**31 * 2 - 2, pcm(2.0)), "audio_length_mismatch"),
        (wav(0.001), "audio_too_short"),
        (wav(1.0)[: 44 + round(0.017 * RATE) * 2], "audio_length_mismatch"),
        (wav(5.0)[: 44 + 3 * RATE * 2], "audio_length_mismatch"),
    ],
    ids=["header-claims-2^31-samples", "one-millisecond", "truncated-to-17ms", "truncated-to-3-of-5s"],
)
def test_add_track_refuses_audio_whose_length_is_a_lie_or_too_short(
    shared_backend: Backend, data: bytes, code: str
) -> None:
    before = harbor_tracks(shared_backend)
    refused(add_track(shared_backend, data), code)
    assert harbor_tracks(shared_backend) == before


def test_add_track_takes_a_sane_two_second_wav(backend: Backend) -> None:
    r = add_track(backend, wav(2.0), title='Two seconds & a "quote" - fine')
    assert r.status_code == 201, r.text
    assert 1990 <= r.json()["duration_ms"] <= 2010


# --- text that is not plain text --------------------------------------------------------------------------

UNSAFE = {
    "newline": "Rock\nPop",
    "carriage-return": "Rock\r",
    "nul": "Ro\x00ck",
    "right-to-left-override": "Rock\u202e3pm.exe",
    "left-to-right-isolate": "\u2066Rock",
    "line-separator": "Rock\u2028Pop",
    "markup": "<b>Rock</b>",
}


@pytest.mark.parametrize("genre", UNSAFE.values(), ids=UNSAFE.keys())
def test_add_track_refuses_a_genre_with_control_bidi_or_markup_characters(
    shared_backend: Backend, genre: str
) -> None:
    refused(add_track(shared_backend, wav(1.5), genre=genre), "unsafe_text")


@pytest.mark.parametrize("title", UNSAFE.values(), ids=UNSAFE.keys())
def test_add_track_refuses_a_title_with_control_bidi_or_markup_characters(
    shared_backend: Backend, title: str
) -> None:
    refused(add_track(shared_backend, wav(1.5), title=title), "unsafe_text")


@pytest.mark.parametrize("genre", UNSAFE.values(), ids=UNSAFE.keys())
def test_claim_genre_with_control_bidi_or_markup_characters_is_refused(
    customer: Customer, genre: str
) -> None:
    bought = customer.buy("aurora-0001")["license"]["license_id"]
    r = customer.claim(bought, genre=genre)
    refused(r, "unsafe_text")


# --- booleans that are not booleans -----------------------------------------------------------------------


@pytest.mark.parametrize("value", ["yes", "no", "false", 1, 0, "1"])
def test_claim_all_must_be_a_json_boolean(customer: Customer, value: object) -> None:
    customer.buy("aurora-0001")
    r = customer.post("/api/v1/claims", json={"policy_id": customer.policy_id, "all": value})
    refused(r, "invalid_request")
    assert customer.history()["events"] == []


@pytest.mark.parametrize("value", ["yes", "true", 1, "1"])
def test_policy_accept_terms_must_be_a_json_boolean(shared_backend: Backend, value: object) -> None:
    bob = sign_up(shared_backend)
    key = b64e(x25519_public_bytes(bob.policy_key))
    r = bob.post("/api/v1/policies", json={"public_key": key, "accept_terms": value})
    refused(r, "invalid_request")
    assert bob.get("/api/v1/policies").json() == []


@pytest.mark.parametrize("value", ["yes", 1])
def test_admin_outage_on_must_be_a_json_boolean(shared_backend: Backend, value: object) -> None:
    r = shared_backend.request("POST", "/admin/providers/harbor/outage", json={"on": value})
    refused(r, "invalid_request")


@pytest.mark.parametrize("value", ["60", 60.0, True])
def test_admin_clock_seconds_must_be_a_json_integer(shared_backend: Backend, value: object) -> None:
    r = shared_backend.request("POST", "/admin/clock", json={"advance_seconds": value})
    refused(r, "invalid_request")
