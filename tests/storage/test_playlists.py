"""Playlists on disk: one file each, written whole or not at all, read back the same; a damaged file is
said with its reason, left exactly as it is, and costs no other playlist."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from player.errors import MalformedError, StorageError, UnsupportedVersionError, UsageError
from player.storage import Store, playlists
from player.storage.playlists import (
    MAX_NAME,
    Playlist,
    PlaylistEntry,
    PlaylistFiles,
    check_name,
    decode,
    encode,
)
from tests.support.disks import fill

SONG = PlaylistEntry("aurora-0001", "Lantern Street", "The Marlow Trio", "Night Shift", 31_000)
LOST = PlaylistEntry("", "Imported Song", "Somebody", "", 0)


@pytest.fixture
def files(store: Store) -> PlaylistFiles:
    return PlaylistFiles(store.data_dir, store.lock)


def test_a_playlist_reads_back_as_written_and_the_list_is_by_name(files: PlaylistFiles) -> None:
    road = Playlist(files.new_id(), "road trip", (SONG, LOST, SONG))
    evening = Playlist(files.new_id(), "Evening", ())
    files.write(road)
    files.write(evening)
    assert files.read(road.playlist_id) == road
    found, damaged = files.listed()
    assert [p.name for p in found] == ["Evening", "road trip"]  # by name, whatever the case
    assert damaged == []
    assert oct(files.directory.stat().st_mode & 0o777) == "0o700"  # the library is nobody else's


def test_a_damaged_file_is_said_and_left_as_it_is_and_the_others_still_load(files: PlaylistFiles) -> None:
    kept = Playlist(files.new_id(), "Kept", (SONG,))
    files.write(kept)
    broken = files.directory / "0123456789abcdef.json"
    broken.write_bytes(b'{"type": "playlist", "format": 1, "name": "Half')
    future = files.directory / "fedcba9876543210.json"
    future.write_text(json.dumps({"type": "playlist", "format": 9, "name": "Later", "entries": []}))
    before = broken.read_bytes(), future.read_bytes()

    found, damaged = files.listed()
    assert found == [kept]
    reasons = {d.file: d.reason for d in damaged}
    assert reasons == {
        "0123456789abcdef.json": "it is not JSON text (cut short, or overwritten)",
        "fedcba9876543210.json": "it is in format 9, which this player does not read",
    }
    with pytest.raises(MalformedError, match=r"cannot be read: it is not JSON text.*left as it is"):
        files.read("0123456789abcdef")
    assert (broken.read_bytes(), future.read_bytes()) == before  # nothing lost, nothing rewritten


@pytest.mark.parametrize(
    ("doc", "said"),
    [
        ([], "not a playlist"),
        ({"type": "receipt"}, "not a playlist"),
        ({"type": "playlist", "format": 1, "name": "x"}, "its fields are"),
        ({"type": "playlist", "format": 1, "name": " ", "entries": []}, "no name"),
        ({"type": "playlist", "format": 1, "name": "x", "entries": {}}, "not a list"),
        (
            {"type": "playlist", "format": 1, "name": "x", "entries": [{"title": "t"}]},
            "entry 1 does not have",
        ),
        (
            {"type": "playlist", "format": 1, "name": "x", "entries": [{**SONG.__dict__, "duration_ms": -1}]},
            "entry 1 has no length",
        ),
        (
            {
                "type": "playlist",
                "format": 1,
                "name": "x",
                "entries": [{**SONG.__dict__, "duration_ms": True}],
            },
            "entry 1 has no length",
        ),
        (
            {"type": "playlist", "format": 1, "name": "x", "entries": [{**SONG.__dict__, "title": 5}]},
            "not text",
        ),
        (
            {
                "type": "playlist",
                "format": 1,
                "name": "x",
                "entries": [{**SONG.__dict__, "content_id": "", "title": ""}],
            },
            "neither a content ID nor a title",
        ),
    ],
)
def test_each_way_a_file_can_be_wrong_has_its_own_sentence(doc: object, said: str) -> None:
    with pytest.raises(MalformedError, match=said):
        decode(json.dumps(doc).encode(), "abc")


def test_a_newer_format_is_its_own_error() -> None:
    doc = {"type": "playlist", "format": 2, "name": "x", "entries": []}
    with pytest.raises(UnsupportedVersionError):
        decode(json.dumps(doc).encode(), "abc")


def test_words_are_kept_plain_and_names_are_checked() -> None:
    odd = Playlist("abc", "Mix", (PlaylistEntry("a-1", "Line\nbreak\x00 here", "  Art  ", "", 5),))
    (entry,) = decode(encode(odd), "abc").entries
    assert entry.title == "Line break here" and entry.artist == "Art"
    assert check_name("  Sunday\tmorning ") == "Sunday morning"
    with pytest.raises(UsageError, match="needs a name"):
        check_name(" \n ")
    with pytest.raises(UsageError, match=f"at most {MAX_NAME}"):
        check_name("x" * (MAX_NAME + 1))


def test_a_name_that_is_no_playlist_id_never_reaches_the_disk(files: PlaylistFiles) -> None:
    for bad in ("../settings", "a.b", "", "x" * 65):
        with pytest.raises(UsageError):
            files.path(bad)


def test_a_write_on_a_full_disk_leaves_the_old_file_whole(tiny_disk: Path) -> None:
    with Store(tiny_disk / "library", lock_timeout=5.0) as store:
        files = PlaylistFiles(store.data_dir, store.lock)
        playlist = Playlist(files.new_id(), "Old", (SONG,))
        files.write(playlist)
        fill(tiny_disk)
        with pytest.raises(StorageError, match="disk is full"):
            files.write(Playlist(playlist.playlist_id, "New", (SONG,) * 500))
        assert files.read(playlist.playlist_id) == playlist
        assert [p.name for p in files.directory.iterdir()] == [f"{playlist.playlist_id}.json"]  # no temp


def test_a_playlist_too_large_to_be_read_back_is_never_written(
    files: PlaylistFiles, monkeypatch: pytest.MonkeyPatch
) -> None:
    playlist = Playlist(files.new_id(), "Small", (SONG,))
    files.write(playlist)
    monkeypatch.setattr(playlists, "MAX_FILE", len(encode(playlist)) + 10)  # the limit, made small
    with pytest.raises(UsageError, match="and this one would be more"):
        files.write(Playlist(playlist.playlist_id, "Small", (SONG, SONG)))
    assert files.read(playlist.playlist_id) == playlist
