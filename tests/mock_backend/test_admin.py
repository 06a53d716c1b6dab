"""Admin controls (loopback only) and the `mock-backend` admin CLI: provider trouble ([0041]), imported
tracks, the clock."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from mock_backend.demo import cover, media, synth
from mock_backend.demo.media import read_tags
from tests.support.backend import Backend
from tests.support.customer import insured

HOUR = 3600


@pytest.fixture(scope="module")
def tagged_flac(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A user's own FLAC file: four seconds of synthesized folk, with tags and a cover."""
    audio = synth.render(
        synth.SynthParams(seed=4242, tempo_bpm=104, key="D", scale="dorian", style="folk"), 4.0, 44_100
    )
    art = cover.cover_png("Kitchen Tapes", "The Testers", "Folk", 4242)
    data = media.tag(
        media.encode(audio, 44_100, "flac"),
        "flac",
        title="Kitchen Tapes",
        artist="The Testers",
        album="Home Recordings",
        genre="Folk",
        track_number=3,
        cover_png=art,
    )
    path = tmp_path_factory.mktemp("audio") / "kitchen-tapes.flac"
    path.write_bytes(data)
    return path


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mock_backend", *args], capture_output=True, text=True, timeout=60, check=False
    )


def premium(backend: Backend, content_id: str) -> int:
    return int(backend.get(f"/api/v1/catalog/{content_id}").json()["premium"])


def trouble(backend: Backend, provider_id: str) -> dict[str, object]:
    states = backend.get("/admin/providers").json()
    found: dict[str, object] = next(p for p in states if p["id"] == provider_id)
    return found


# --- provider trouble ([0041]) ----------------------------------------------------------------------


def test_outages_and_their_length_raise_the_premium_of_that_providers_tracks(backend: Backend) -> None:
    assert (premium(backend, "aurora-0001"), premium(backend, "harbor-0001")) == (20, 24)

    for _ in range(2):  # switching it on twice is still one outage
        answer = backend.admin("/providers/aurora/outage", json={"on": True})
        assert answer["in_outage"] is True and answer["outages"] == 1
    assert backend.get("/api/v1/catalog/aurora-0001").json()["available"] is False
    backend.advance_clock(HOUR)
    answer = backend.admin("/providers/aurora/outage", json={"on": False})
    answer = backend.admin("/providers/aurora/outage", json={"on": False})
    assert answer["in_outage"] is False and answer["premium_loading"] == pytest.approx(1.12, abs=1e-4)
    record = trouble(backend, "aurora")
    assert record["outages"] == 1 and HOUR <= int(str(record["seconds_down"])) < HOUR + 60
    assert premium(backend, "aurora-0001") == 22  # 250 x 0.08 x (1 + 0.10 + 0.02 x 1 h)

    backend.admin("/providers/aurora/outage", json={"on": True})
    backend.advance_clock(5 * HOUR)
    backend.admin("/providers/aurora/outage", json={"on": False})
    assert premium(backend, "aurora-0001") == 26  # 250 x 0.08 x (1 + 0.20 + 0.02 x 6 h)
    assert premium(backend, "harbor-0001") == 24  # the other provider's record is clean

    alice = insured(backend)
    assert alice.buy("aurora-0001")["premium"] == 26


def test_a_provider_that_ends_its_business_sells_nothing_more(backend: Backend) -> None:
    assert backend.admin("/providers/harbor/end-business") == {"provider": "harbor", "status": "ended"}
    assert {p["id"]: p["status"] for p in backend.get("/api/v1/providers").json()} == {
        "aurora": "active",
        "harbor": "ended",
    }
    available = {t["provider"]: t["available"] for t in backend.get("/api/v1/catalog").json()}
    assert available == {"aurora": True, "harbor": False}
    r = backend.get("/providers/harbor/content/harbor-0001")
    assert r.status_code == 410 and r.json()["error"]["code"] == "provider_ended"


def test_admin_controls_name_unknown_providers_and_tracks(shared_backend: Backend) -> None:
    for path, body in [
        ("/admin/providers/nobody/outage", {"on": True}),
        ("/admin/providers/nobody/end-business", None),
        ("/admin/content/nope-0001/discontinue", None),
        ("/admin/content/nope-0001/upgrade", None),
    ]:
        r = shared_backend.request("POST", path, json=body)
        assert r.status_code == 404, path
        assert r.json()["error"]["code"] in ("unknown_provider", "unknown_content")


# --- the clock ---------------------------------------------------------------------------------------


def test_the_clock_moves_forward_but_never_back_past_wall_time(backend: Backend) -> None:
    start = backend.get("/admin/clock").json()["now"]
    later = backend.advance_clock(2 * HOUR)
    assert later > start
    assert backend.advance_clock(-HOUR) < later  # back, but still ahead of wall time

    r = backend.request("POST", "/admin/clock", json={"advance_seconds": -2 * HOUR})
    assert r.status_code == 422
    assert r.json()["error"]["code"] == "clock_before_wall_time"
    r = backend.request("POST", "/admin/clock", json={"advance_seconds": "soon"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"


# --- importing a user's own audio ---------------------------------------------------------------------


def test_an_imported_flac_joins_the_catalog_with_its_tags_and_can_be_bought(
    backend: Backend, tagged_flac: Path
) -> None:
    r = backend.post(
        "/admin/tracks",
        data={"provider": "aurora", "price": "200", "genre": "Folk"},
        files={"file": (tagged_flac.name, tagged_flac.read_bytes(), "audio/flac")},
    )
    assert r.status_code == 201, r.text
    added = r.json()
    assert added["content_id"] == "aurora-0015"
    assert (added["title"], added["artist"], added["genre"]) == ("Kitchen Tapes", "The Testers", "Folk")
    assert 3900 <= added["duration_ms"] <= 4100

    entry = backend.get("/api/v1/catalog/aurora-0015").json()
    assert (entry["title"], entry["artist"], entry["album"]) == (
        "Kitchen Tapes",
        "The Testers",
        "Home Recordings",
    )
    assert (entry["genre"], entry["price"], entry["provider"]) == ("Folk", 200, "aurora")
    assert sorted(entry["encodings"]) == ["audio/flac", "audio/ogg"] and entry["available"]
    assert backend.get(entry["cover_url"]).content.startswith(b"\x89PNG")

    alice = insured(backend)
    mime, audio = alice.play(alice.buy("aurora-0015")["license"])
    assert mime == "audio/flac"
    tags = read_tags(audio)
    assert (tags.title, tags.artist, tags.album) == ("Kitchen Tapes", "The Testers", "Home Recordings")
    assert 3900 <= tags.duration_ms <= 4100


@pytest.mark.parametrize(
    "payload",
    [b"this is not audio at all", b"fLaC" + bytes(100), b"OggS" + bytes(100), b""],
    ids=["text", "truncated-flac", "truncated-ogg", "empty"],
)
def test_adding_a_file_that_is_not_audio_is_422(shared_backend: Backend, payload: bytes) -> None:
    r = shared_backend.post(
        "/admin/tracks",
        data={"provider": "harbor", "price": "100", "genre": "Rock"},
        files={"file": ("song.flac", payload)},
    )
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == "not_audio" and r.json()["error"]["message"]
    assert len(shared_backend.get("/api/v1/catalog", params={"provider": "harbor"}).json()) == 14


def test_adding_a_track_needs_provider_price_and_genre(shared_backend: Backend, tagged_flac: Path) -> None:
    r = shared_backend.post(
        "/admin/tracks", data={"provider": "harbor"}, files={"file": ("a.flac", tagged_flac.read_bytes())}
    )
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"


# --- the admin CLI -----------------------------------------------------------------------------------


def test_the_cli_switches_an_outage_on_and_adds_a_track(backend: Backend, tagged_flac: Path) -> None:
    done = cli(
        "admin", "--server", backend.url, "--data-dir", str(backend.data_dir), "outage", "aurora", "on"
    )
    assert done.returncode == 0, done.stderr
    assert "in_outage=True" in done.stdout
    assert trouble(backend, "aurora")["in_outage"] is True

    done = cli(
        "add-track", str(tagged_flac), "--provider", "harbor", "--price", "180", "--genre", "Folk",
        "--title", "Kitchen Tapes (live)", "--server", backend.url, "--data-dir", str(backend.data_dir),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "content_id=harbor-0015" in done.stdout
    entry = backend.get("/api/v1/catalog/harbor-0015").json()
    assert (entry["title"], entry["artist"], entry["price"]) == ("Kitchen Tapes (live)", "The Testers", 180)


def test_the_cli_reports_a_refusal_in_one_line(shared_backend: Backend) -> None:
    done = cli(
        "admin",
        "--server",
        shared_backend.url,
        "--data-dir",
        str(shared_backend.data_dir),
        "outage",
        "nobody",
        "on",
    )
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "nobody" in done.stderr


def test_the_cli_against_a_dead_port_exits_4_with_one_line(unused_port: int) -> None:
    done = cli("admin", "--server", f"http://127.0.0.1:{unused_port}", "providers")
    assert done.returncode == 4
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("mock-backend: cannot reach the backend")
    assert "Traceback" not in done.stderr


@pytest.fixture
def unused_port() -> int:
    """A loopback port nothing listens on (bound, then closed)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


def test_serve_refuses_a_list_ttl_under_a_minute(tmp_path: Path) -> None:
    done = cli("serve", "--port", "0", "--data-dir", str(tmp_path / "data"), "--list-ttl", "59")
    assert done.returncode == 2
    assert done.stderr == "mock-backend: --list-ttl must be at least 60 seconds\n"
