"""The user's library on disk: tracks arrive encrypted (never as plain audio), licenses are filed with
their packages, a track erased by mistake shows as missing, and a download survives an interruption."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from player.errors import MalformedError, MismatchError, MissingFileError, StorageError, TruncatedError
from player.storage import Store
from player.storage.atomic import write_atomic
from tests.support.factories import Keys, make_container, make_package, make_policy, track_info

KEYS = Keys.fixed()


def _buy(store: Store, n: int, *, policy_id: str = "P-1") -> list[str]:
    """What the terminal does after a purchase (FIG.13): metadata, package, container."""
    license_ids = []
    for i in range(n):
        cid, lid = f"C-{i}", f"L-{i}"
        sealed, _, _ = make_container(content_id=cid, size=5000)
        store.put_package(
            lid,
            make_package(KEYS, lid, cid, policy_id=policy_id, item_id=f"I-{i}").data,
            cid,
            policy_id,
            f"I-{i}",
        )
        store.put_track_file(track_info(cid, title=f"Song {i}"), sealed)
        license_ids.append(lid)
    return license_ids


def test_a_bought_track_appears_in_the_library(store: Store) -> None:
    _buy(store, 3)
    rows = store.library()
    assert [r.license_id for r in rows] == ["L-0", "L-1", "L-2"]
    row = rows[1]
    assert (row.content_id, row.title, row.policy_id, row.item_id) == ("C-1", "Song 1", "P-1", "I-1")
    assert (row.artist, row.album, row.genre, row.provider, row.duration_ms) == (
        "Some Artist", "Some Album", "jazz", "alpha", 200_000,
    )  # fmt: skip
    assert row.path == store.data_dir / "tracks" / "C-1.v1.ipc" and row.path.is_file()
    assert (row.version, row.mime, row.package_present) == (1, "audio/flac", True)
    assert store.track_path("C-1") == row.path


def test_plain_audio_is_refused_before_it_reaches_the_disk(store: Store) -> None:
    flac = b"fLaC\x00\x00\x00\x22" + os.urandom(5000)
    with pytest.raises(MalformedError, match="bad magic"):
        store.put_track_file(track_info("C-1"), iter([flac[:100], flac[100:]]))
    assert os.listdir(store.data_dir / "tracks") == []
    assert store.track("C-1") is None


def test_another_tracks_container_is_refused(store: Store) -> None:
    sealed, _, _ = make_container(content_id="C-2")
    with pytest.raises(MismatchError, match="'C-2'"):
        store.put_track_file(track_info("C-1"), sealed)
    sealed_v2, _, _ = make_container(content_id="C-1", version=2)
    with pytest.raises(MismatchError, match="version 2"):
        store.put_track_file(track_info("C-1", version=1), sealed_v2)
    assert os.listdir(store.data_dir / "tracks") == []


def test_a_cut_short_or_overlong_container_is_not_kept(store: Store) -> None:
    sealed, _, _ = make_container(content_id="C-1")
    with pytest.raises(TruncatedError):
        store.put_track_file(track_info("C-1"), sealed[:-1])
    with pytest.raises(TruncatedError):
        store.put_track_file(track_info("C-1"), [sealed, b"x"])
    assert os.listdir(store.data_dir / "tracks") == []


def test_an_interrupted_download_resumes_and_is_filed_when_complete(store: Store) -> None:
    sealed, _, _ = make_container(content_id="C-1")
    info = track_info("C-1")
    with store.open_track_download("C-1", 1) as dl:
        dl.write(sealed[:70_000])
    with pytest.raises(TruncatedError):
        store.finish_track_download(info)  # still short: kept for the next attempt
    with store.open_track_download("C-1", 1) as dl:
        assert dl.size == 70_000  # Range: bytes=70000-
        dl.write(sealed[dl.size :])
    path = store.finish_track_download(info)
    assert path.read_bytes() == sealed
    assert not store.partial_track_path("C-1", 1).exists()
    assert store.track_path("C-1") == path


def test_a_download_of_the_wrong_bytes_is_discarded(store: Store) -> None:
    with store.open_track_download("C-1", 1) as dl, pytest.raises(MalformedError):
        dl.write(b"<html>503 Service Unavailable</html>")
    other, _, _ = make_container(content_id="C-9")
    with store.open_track_download("C-1", 1) as dl, pytest.raises(MismatchError):
        dl.write(other)  # another track's container: refused at its header, before a byte is kept
    assert store.partial_track_path("C-1", 1).stat().st_size == 0
    with pytest.raises(TruncatedError):
        store.finish_track_download(track_info("C-1"))
    assert not store.partial_track_path("C-1", 1).exists()


def test_a_partial_download_that_is_not_the_tracks_start_is_started_again(store: Store) -> None:
    other, _, _ = make_container(content_id="C-9")
    store.partial_track_path("C-1", 1).parent.mkdir(parents=True, exist_ok=True)
    store.partial_track_path("C-1", 1).write_bytes(other[:5000])  # left by an older, broken player
    with store.open_track_download("C-1", 1) as dl:
        assert dl.size == 0


def test_a_download_takes_no_byte_past_the_size_its_header_declares(store: Store) -> None:
    sealed, _, _ = make_container(content_id="C-1")
    with store.open_track_download("C-1", 1) as dl:
        dl.write(sealed[:-10])
        with pytest.raises(MalformedError, match="more than"):
            dl.write(sealed[-10:] + bytes(1 << 20))  # a genuine header, then zeros without end
        dl.write(sealed[-10:])
    assert store.finish_track_download(track_info("C-1")).read_bytes() == sealed


def test_a_track_erased_by_mistake_shows_as_missing(store: Store) -> None:
    _buy(store, 2)
    (store.data_dir / "tracks" / "C-0.v1.ipc").unlink()  # behind the player's back
    rows = {r.content_id: r for r in store.library()}
    assert rows["C-0"].path is None and rows["C-0"].title == "Song 0"
    assert rows["C-1"].path is not None
    assert store.track_path("C-0") is None
    with pytest.raises(MissingFileError):
        store.open_track("C-0")


def test_one_license_row_is_the_librarys_row_of_it_with_its_files_as_they_are_now(store: Store) -> None:
    _buy(store, 3)
    assert [store.library_row(r.license_id) for r in store.library()] == store.library()
    (store.data_dir / "tracks" / "C-1.v1.ipc").unlink()
    (store.data_dir / "packages" / "L-2.json").unlink()
    assert store.library_row("L-1") == store.library()[1] and store.library()[1].path is None
    assert store.library_row("L-2") == store.library()[2] and not store.library()[2].package_present
    assert store.library_row("L-never") is None


def test_a_lost_license_package_shows_as_missing(store: Store) -> None:
    _buy(store, 1)
    (store.data_dir / "packages" / "L-0.json").unlink()
    assert store.library()[0].package_present is False
    with pytest.raises(MissingFileError, match="L-0"):
        store.package_bytes("L-0")
    with pytest.raises(KeyError):
        store.package_bytes("L-never")


def test_removing_a_track_file_keeps_its_license_and_metadata(store: Store) -> None:
    _buy(store, 1)
    assert store.remove_track_file("C-0")
    assert not store.remove_track_file("C-0")
    row = store.library()[0]
    assert (row.path, row.title, row.license_id) == (None, "Song 0", "L-0")


def test_forgetting_a_license_keeps_nothing_of_it(store: Store) -> None:
    _buy(store, 2)
    assert store.forget_license("L-0")
    assert [p.license_id for p in store.packages()] == ["L-1"]
    assert not (store.data_dir / "packages" / "L-0.json").exists()
    assert [r.license_id for r in store.library()] == ["L-1"]
    assert not store.forget_license("L-0")


def test_a_package_filed_under_the_wrong_ids_is_refused(store: Store) -> None:
    raw = make_package(KEYS, "L-1", "C-1", policy_id="P-1", item_id="I-1").data
    with pytest.raises(MismatchError):
        store.put_package("L-2", raw, "C-1", "P-1", "I-1")
    with pytest.raises(MalformedError):
        store.put_package("L-1", make_policy(KEYS, "P-1").data, "C-1", "P-1", "I-1")
    assert store.packages() == []


def test_a_new_version_replaces_the_old_file(store: Store) -> None:
    """Version upgrade ([0048]): one file per track, the newest recorded version."""
    v1, _, _ = make_container(content_id="C-1", version=1)
    v2, _, _ = make_container(content_id="C-1", version=2)
    store.put_track_file(track_info("C-1", version=1), v1)
    store.put_track_file(track_info("C-1", version=2), v2)
    assert sorted(os.listdir(store.data_dir / "tracks")) == ["C-1.json", "C-1.v2.ipc"]
    track = store.track("C-1")
    assert track is not None and track.info.version == 2 and track.size == len(v2)


def test_metadata_can_come_before_the_file(store: Store) -> None:
    store.put_track_info(track_info("C-1", title="Soon"))
    track = store.track("C-1")
    assert track is not None and (track.path, track.mime, track.info.title) == (None, None, "Soon")


def test_ids_from_the_network_cannot_escape_the_data_directory(store: Store) -> None:
    lid = "../../etc/passwd"
    store.put_package(
        lid, make_package(KEYS, lid, "C/..", policy_id="P-1", item_id="I-1").data, "C/..", "P-1", "I-1"
    )
    (path,) = (p.path for p in store.packages())
    assert path.parent == store.data_dir / "packages" and path.name == "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd.json"
    assert store.package_bytes(lid).startswith(b"{")


def test_settings_hold_the_terminals_small_state(store: Store) -> None:
    store.set_setting("server_url", "http://127.0.0.1:8765")
    store.set_setting("username", "hanako")
    store.set_setting("username", None)
    assert store.settings() == {"server_url": "http://127.0.0.1:8765"}
    assert store.setting("server_url") == "http://127.0.0.1:8765"
    other = Store(store.data_dir)  # another process with the library open (the CLI beside the window)
    try:
        other.set_setting("username", "taro")
    finally:
        other.close()
    assert store.setting("username") == "taro", "what another process wrote is read, not an old copy"
    write_atomic(store.data_dir / "settings.json", b"{not json")
    assert store.settings() == {}, "a broken settings file is moved aside, not fatal"
    assert any(p.name.startswith("settings.json.broken") for p in store.data_dir.iterdir())


def test_a_data_directory_that_cannot_be_created_is_a_storage_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_bytes(b"")
    with pytest.raises(StorageError, match="cannot create"):
        Store(tmp_path / "file" / "library")


def test_a_tracks_folder_that_cannot_be_listed_is_a_storage_error_not_an_empty_library(store: Store) -> None:
    _buy(store, 1)
    tracks = store.data_dir / "tracks"
    tracks.rename(store.data_dir / "tracks-moved")
    tracks.write_bytes(b"")  # a file where the folder was: listing it fails, on the listing's own thread
    with pytest.raises(StorageError, match="tracks"):
        store.library()
