"""The aggregated catalog of both providers, and the identities a terminal pins and trusts."""

from __future__ import annotations

import hashlib
import statistics
import time

from player.protocol.canonical import b64d
from tests.conftest import StartBackend
from tests.support.backend import Backend

ENTRY_FIELDS = {
    "content_id", "title", "artist", "album", "genre", "provider", "provider_name", "price", "premium",
    "duration_ms", "track_number", "version", "available", "unavailable", "encodings", "cover_url",
    "configurations",
}  # fmt: skip


def test_catalog_lists_every_track_of_both_providers_with_price_and_premium(shared_backend: Backend) -> None:
    tracks = shared_backend.get("/api/v1/catalog").json()
    assert len(tracks) == 28
    assert {t["provider"] for t in tracks} == {"aurora", "harbor"}
    for t in tracks:
        assert set(t) == ENTRY_FIELDS
        assert t["available"] is True and t["unavailable"] == "" and t["version"] == 1
        assert sorted(t["encodings"]) == ["audio/flac", "audio/ogg"]
        assert 150 <= t["price"] <= 400 and t["premium"] >= 1
        assert t["duration_ms"] > 0
    lantern = next(t for t in tracks if t["content_id"] == "aurora-0001")
    assert lantern["title"] == "Lantern Street" and lantern["genre"] == "Jazz" and lantern["price"] == 250
    assert lantern["premium"] == 20  # 250 yen x 0.08, no trouble on record


def test_catalog_filters_by_genre_provider_and_words(shared_backend: Backend) -> None:
    jazz = shared_backend.get("/api/v1/catalog", params={"genre": "jazz"}).json()
    assert {t["content_id"] for t in jazz} == {
        "aurora-0001", "aurora-0002", "aurora-0003", "harbor-0001", "harbor-0002",
    }  # fmt: skip
    harbor = shared_backend.get("/api/v1/catalog", params={"provider": "harbor"}).json()
    assert len(harbor) == 14 and {t["provider"] for t in harbor} == {"harbor"}
    found = shared_backend.get("/api/v1/catalog", params={"q": "lantern street"}).json()
    assert [t["content_id"] for t in found] == ["aurora-0001"]
    assert shared_backend.get("/api/v1/catalog", params={"q": "no such words"}).json() == []


def test_one_catalog_entry_and_its_cover(shared_backend: Backend) -> None:
    entry = shared_backend.get("/api/v1/catalog/harbor-0013").json()
    assert entry["content_id"] == "harbor-0013" and entry["provider_name"] == "Blue Harbor Music"
    cover = shared_backend.get(entry["cover_url"])
    assert cover.status_code == 200
    assert cover.headers["content-type"] == "image/png"
    assert cover.content.startswith(b"\x89PNG\r\n\x1a\n")


def test_an_unknown_track_is_404_in_the_json_error_shape(shared_backend: Backend) -> None:
    for path in ("/api/v1/catalog/nope-0001", "/api/v1/catalog/nope-0001/cover"):
        r = shared_backend.get(path)
        assert r.status_code == 404
        assert set(r.json()) == {"error"} and set(r.json()["error"]) == {"code", "message"}
    r = shared_backend.get("/api/v1/no/such/route")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_a_track_not_on_sale_says_why_an_outage_that_passes_apart_from_a_sale_that_ended(
    start_backend: StartBackend,
) -> None:
    def why(backend: Backend) -> dict[str, tuple[bool, str]]:
        tracks = backend.get("/api/v1/catalog").json()
        return {
            t["content_id"]: (t["available"], t["unavailable"]) for t in tracks if t["provider"] == "aurora"
        }

    with start_backend() as backend:
        backend.admin("/content/aurora-0002/discontinue")
        backend.admin("/providers/aurora/outage", json={"on": True})
        during = why(backend)
        assert during["aurora-0001"] == (False, "provider_unavailable")
        assert during["aurora-0002"] == (False, "provider_unavailable")  # the licensor's order: down first
        backend.admin("/providers/aurora/outage", json={"on": False})
        after = why(backend)
        assert after["aurora-0001"] == (True, "")
        assert after["aurora-0002"] == (False, "content_discontinued")
        backend.admin("/providers/aurora/end-business")
        assert set(why(backend).values()) == {(False, "provider_ended")}


def test_genres_are_listed_once_each(shared_backend: Backend) -> None:
    genres = shared_backend.get("/api/v1/genres").json()
    assert genres == ["Ambient", "Classical", "Electronic", "Folk", "Jazz", "Rock"]


def test_providers_start_with_a_clean_trouble_record(shared_backend: Backend) -> None:
    providers = shared_backend.get("/api/v1/providers").json()
    assert [(p["id"], p["status"], p["in_outage"], p["outages"], p["seconds_down"]) for p in providers] == [
        ("aurora", "active", False, 0, 0),
        ("harbor", "active", False, 0, 0),
    ]
    assert all(p["premium_loading"] == 1.0 for p in providers)


def test_insurer_identity_names_its_key_and_every_licensors_key(shared_backend: Backend) -> None:
    identity = shared_backend.identity
    raw = b64d(identity["public_key"])
    assert len(raw) == 32
    assert identity["fingerprint"] == hashlib.sha256(raw).hexdigest()
    health = shared_backend.get("/healthz").json()
    fingerprint = identity["fingerprint"]
    assert health == {"ok": True, "insurer_fingerprint": fingerprint, "demo": True, "catalog": None}

    licensors = {p["id"]: p for p in identity["licensors"]}
    assert set(licensors) == {"aurora", "harbor"}
    for provider_id, listed in licensors.items():
        info = shared_backend.get(f"/providers/{provider_id}").json()
        assert info["public_key"] == listed["public_key"] and info["fingerprint"] == listed["fingerprint"]
        assert info["status"] == "active"
    assert licensors["aurora"]["public_key"] != licensors["harbor"]["public_key"] != identity["public_key"]


def test_browsing_on_a_kept_alive_connection_is_not_held_up(shared_backend: Backend) -> None:
    """Every request after the first on a connection used to wait ~40 ms (Nagle against the client's
    delayed ACK: the listening socket was not marked TCP, so asyncio never set TCP_NODELAY)."""
    shared_backend.get("/api/v1/genres")  # opens the connection
    timings = []
    for _ in range(15):
        started = time.perf_counter()
        assert shared_backend.get("/api/v1/genres").status_code == 200
        timings.append(time.perf_counter() - started)
    assert statistics.median(timings) < 0.020, timings
