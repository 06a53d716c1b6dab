"""The user's own music in the core: a folder of their files is added with its tags read in place, the
garbage beside them is named and skipped, changes are found again, a folder that cannot be reached keeps
its tracks (unavailable), and the places are remembered across terminals, atomically. No backend: none
of this asks the network anything."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from player.errors import OwnMusicError
from player.terminal import CatalogEntry, LibraryEntry, LibraryState, Terminal
from tests.support.own_files import cover_png, fingerprint, garbage, retag, write_track

NOWHERE = "http://127.0.0.1:9"  # nothing listens: a request would fail the test loudly


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    made = Terminal(tmp_path / "library", NOWHERE, keys_in_memory=True)
    yield made
    made.close()


@pytest.fixture
def music(tmp_path: Path) -> Path:
    """Ada's music folder: an album as FLAC, a single as MP3, an untagged WAV, an Opus and an Ogg."""
    root = tmp_path / "Music"
    album = {"artist": "Ada Marlow", "album": "Night Shift", "date": "2016-05-01", "genre": "Jazz"}
    write_track(
        root / "Night Shift/01 Night Bus.flac",
        tags={**album, "title": "Night Bus", "tracknumber": "1/2"},
        cover=cover_png(3),
    )
    write_track(
        root / "Night Shift/02 Last Tram.flac",
        seconds=5,
        tags={**album, "title": "Last Tram", "tracknumber": "2/2", "discnumber": "1"},
    )
    write_track(
        root / "Singles/Harbour Lights.mp3",
        seconds=6,
        tags={"title": "Harbour Lights", "artist": "The Quays", "albumartist": "Various", "date": "1999"},
    )
    write_track(root / "field_recording_rain.wav", seconds=3)
    write_track(root / "Singles/Opal.opus", tags={"title": "Opal", "artist": "Ada Marlow"})
    write_track(root / "Singles/Ferry.ogg", tags={"title": "Ferry", "artist": "The Quays"})
    (root / "Night Shift/cover.jpg").write_bytes(b"\xff\xd8 not really a jpeg")
    (root / ".hidden/secret.flac").parent.mkdir()
    write_track(root / ".hidden/secret.flac")
    return root


def _by_title(terminal: Terminal) -> dict[str, LibraryEntry]:
    return {e.row.title: e for e in terminal.own_music.entries()}


def test_a_folder_of_the_users_own_music_is_added_with_its_tags_read_in_place(
    terminal: Terminal, music: Path
) -> None:
    before = fingerprint(music)
    scan = terminal.own_music.add([music])

    assert (scan.added, scan.updated, scan.removed, scan.skipped) == (6, 0, 0, ())
    rows = {e.row.title: e for e in terminal.own_music.entries()}
    assert set(rows) == {"Night Bus", "Last Tram", "Harbour Lights", "field recording rain", "Opal", "Ferry"}
    bus = rows["Night Bus"]
    assert (bus.row.artist, bus.row.album, bus.row.genre, bus.row.year, bus.row.track_number) == (
        "Ada Marlow",
        "Night Shift",
        "Jazz",
        2016,
        1,
    )
    assert bus.row.duration_ms == 4000 and bus.row.mime == "audio/flac"
    assert rows["Last Tram"].row.disc_number == 1 and rows["Last Tram"].row.duration_ms == 5000
    assert rows["Harbour Lights"].row.album_artist == "Various" and rows["Harbour Lights"].row.year == 1999
    assert rows["Opal"].row.mime == "audio/ogg; codecs=opus"
    rain = rows["field recording rain"]  # untagged: the file name stands in
    assert (rain.row.artist, rain.row.album, rain.row.mime) == ("", "", "audio/wav")
    for entry in rows.values():
        assert entry.own is not None and entry.own.available and entry.playable
        assert not entry.insured and not entry.bought_uninsured  # not insurable: not bought at all
        assert entry.state is LibraryState.VALID and entry.row.policy_id == "" and not entry.row.provider
        assert entry.row.path == entry.own.path and entry.own.path.is_relative_to(music)
        assert entry.own.folder == music
    assert bus.own is not None
    track = terminal.own_music.open(str(bus.own.path))  # by path, as the CLI's `play` takes it
    assert track.cover is not None and track.cover.mime == "image/png"
    assert terminal.own_music.open(bus.row.license_id).path == bus.own.path  # or by its ID
    assert fingerprint(music) == before  # read in place: not a byte, not a time changed
    assert not list((terminal.data_dir / "tracks").iterdir())  # and nothing copied into the library


def test_reading_a_folder_reports_its_progress_file_by_file(terminal: Terminal, music: Path) -> None:
    seen: list[tuple[int, int]] = []
    terminal.own_music.add([music], lambda done, total: seen.append((done, total)))
    assert seen == [(n, 6) for n in range(1, 7)]  # only the files read: the cover and hidden ones are not
    seen.clear()
    terminal.own_music.rescan(progress=lambda done, total: seen.append((done, total)))
    assert seen == []  # nothing changed: nothing read


def test_garbage_with_audio_names_is_skipped_with_its_reason_and_the_rest_added(
    terminal: Terminal, tmp_path: Path
) -> None:
    folder = tmp_path / "Downloads"
    write_track(folder / "the one good song.mp3", tags={"title": "Good", "artist": "Band"})
    junk = garbage(folder)
    (folder / "ringtone.m4a").write_bytes(b"\x00\x00\x00\x18ftypM4A ")
    (folder / "playlist.m3u").write_text("the one good song.mp3\n")

    scan = terminal.own_music.add([folder])

    assert scan.added == 1 and [e.row.title for e in terminal.own_music.entries()] == ["Good"]
    skipped = dict(scan.skipped)
    assert set(skipped) == {*junk, folder / "ringtone.m4a"}  # the playlist is no audio: not counted
    assert skipped[folder / "random bytes.mp3"] == "it is not audio in a format this player reads"
    assert skipped[folder / "half a header.flac"] == "it is a damaged FLAC file"
    assert skipped[folder / "ringtone.m4a"] == "M4A files are not a format this player plays"
    again = terminal.own_music.rescan()  # an unreadable file is remembered, not read at every scan
    assert (again.added, again.skipped) == (0, ())


def test_adding_only_what_is_not_there_is_one_clear_refusal(terminal: Terminal, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(OwnMusicError, match="there is no such file or folder"):
        terminal.own_music.add([tmp_path / "nope"])
    with pytest.raises(OwnMusicError, match="not an audio file"):
        terminal.own_music.add([tmp_path / "notes.txt"])
    assert terminal.own_music.places().folders == () and terminal.own_music.entries() == []


def test_changes_in_a_folder_are_found_again(terminal: Terminal, music: Path) -> None:
    terminal.own_music.add([music])
    singles = music / "Singles"
    write_track(singles / "New Song.flac", tags={"title": "New Song", "artist": "Ada Marlow"})
    (music / "Night Shift/02 Last Tram.flac").unlink()
    tram_gone = music / "Night Shift"
    retag(music / "Night Shift/01 Night Bus.flac", title="Night Bus (live)")  # a tag editor, in place

    scan = terminal.own_music.rescan([singles, tram_gone])  # what a watch saw change

    assert (scan.added, scan.updated, scan.removed) == (1, 1, 1)
    assert set(_by_title(terminal)) == {
        "Night Bus (live)",
        "Harbour Lights",
        "field recording rain",
        "Opal",
        "Ferry",
        "New Song",
    }


def test_a_folder_that_cannot_be_reached_keeps_its_tracks_unavailable_until_it_is_back(
    terminal: Terminal, music: Path, tmp_path: Path
) -> None:
    terminal.own_music.add([music])
    away = tmp_path / "unplugged"
    music.rename(away)  # the drive is unplugged: its folder is gone from where it was

    entries = terminal.own_music.entries()
    assert len(entries) == 6
    assert all(e.own is not None and not e.own.available and not e.playable for e in entries)
    assert all(e.reason == "unavailable" and str(music) in e.detail for e in entries)
    scan = terminal.own_music.rescan()
    assert scan.removed == 0 and scan.unavailable == (music,)
    assert len(terminal.own_music.entries()) == 6  # not forgotten
    with pytest.raises(OwnMusicError, match="cannot be reached now"):
        terminal.own_music.open(entries[0].row.license_id)

    away.rename(music)  # plugged in again
    assert all(e.own is not None and e.own.available for e in terminal.own_music.entries())
    assert terminal.own_music.rescan().unavailable == ()


def test_an_empty_mount_point_on_another_device_is_a_drive_not_plugged_in(
    terminal: Terminal, music: Path
) -> None:
    terminal.own_music.add([music])
    places = music.parent / "library" / "own-music" / "places.json"
    body = json.loads(places.read_text())
    body["folders"][0]["device"] += 1  # it was found on another file system than the one there now
    places.write_text(json.dumps(body))
    shutil.rmtree(music)
    music.mkdir()  # what an unmounted drive leaves: an empty folder

    assert terminal.own_music.rescan().unavailable == (music,)
    assert len(terminal.own_music.entries()) == 6


def test_a_folder_inside_one_already_added_adds_nothing_and_removing_leaves_the_files(
    terminal: Terminal, music: Path
) -> None:
    terminal.own_music.add([music / "Singles"])
    terminal.own_music.add([music])  # the whole folder takes the place of the one inside it
    assert [f.path for f in terminal.own_music.places().folders] == [music]
    assert terminal.own_music.add([music / "Night Shift"]).added == 0
    assert [f.path for f in terminal.own_music.places().folders] == [music]

    before = fingerprint(music)
    assert terminal.own_music.remove(music) == 6
    assert terminal.own_music.entries() == [] and fingerprint(music) == before
    with pytest.raises(OwnMusicError, match="not one of the folders"):
        terminal.own_music.remove(music)


def test_single_files_are_added_and_a_deleted_one_goes(terminal: Terminal, music: Path) -> None:
    opal, ferry = music / "Singles/Opal.opus", music / "Singles/Ferry.ogg"
    assert terminal.own_music.add([opal, ferry]).added == 2
    assert all(e.own is not None and e.own.folder is None for e in terminal.own_music.entries())
    ferry.unlink()
    assert terminal.own_music.rescan().removed == 1
    assert [e.row.title for e in terminal.own_music.entries()] == ["Opal"]


def test_the_places_are_remembered_and_another_process_adding_music_is_seen(
    tmp_path: Path, music: Path
) -> None:
    first = Terminal(tmp_path / "library", NOWHERE, keys_in_memory=True)
    try:
        first.own_music.add([music / "Singles"])
        assert len(first.own_music.entries()) == 3
        second = Terminal(tmp_path / "library", NOWHERE, keys_in_memory=True)  # the CLI, meanwhile
        try:
            second.own_music.add([music / "Night Shift"])
        finally:
            second.close()
        assert len(first.own_music.entries()) == 5  # the window sees what the CLI added
        assert {f.path.name for f in first.own_music.places().folders} == {"Singles", "Night Shift"}
    finally:
        first.close()
    kept = tmp_path / "library" / "own-music"
    assert sorted(p.name for p in kept.iterdir()) == ["places.json", "tracks.json"]  # no temp files left


def test_a_damaged_cache_is_read_again_and_damaged_places_are_kept_aside(tmp_path: Path, music: Path) -> None:
    made = Terminal(tmp_path / "library", NOWHERE, keys_in_memory=True)
    made.own_music.add([music])
    made.close()
    kept = tmp_path / "library" / "own-music"
    (kept / "tracks.json").write_text('{"format": 1, "tracks": [')  # cut short
    again = Terminal(tmp_path / "library", NOWHERE, keys_in_memory=True)
    try:
        assert again.own_music.entries() == []
        assert again.own_music.rescan().added == 6  # the files are read again
    finally:
        again.close()
    (kept / "places.json").write_text("garbage")
    third = Terminal(tmp_path / "library", NOWHERE, keys_in_memory=True)
    try:
        assert third.own_music.places().folders == ()
        assert (kept / "places.damaged").read_text() == "garbage"  # the user's choice is not lost
    finally:
        third.close()


def _sold(title: str, artist: str, duration_ms: int, **kw: object) -> CatalogEntry:
    fields: dict[str, object] = {
        "content_id": "aurora-0042",
        "title": title,
        "artist": artist,
        "album": "",
        "genre": "Jazz",
        "provider": "aurora",
        "provider_name": "Aurora Records",
        "price": 250,
        "premium": 20,
        "duration_ms": duration_ms,
    }
    return CatalogEntry.model_validate(fields | kw)


def test_the_same_recording_in_the_catalog_is_offered_by_title_artist_and_length(
    terminal: Terminal, music: Path
) -> None:
    terminal.own_music.add([music])
    bus = _by_title(terminal)["Night Bus"]
    catalog = [
        _sold("night  BUS", "ada marlow", 4000 + 2500),  # case and spaces aside, 2.5 s longer: the same
        _sold("Last Tram", "Ada Marlow", 5000 + 9000, content_id="aurora-0043"),  # too long: another take
        _sold("Opal", "Someone Else", 4000, content_id="aurora-0044"),  # another artist
        _sold("Ferry", "The Quays", 4000, content_id="aurora-0045", available=False),  # no longer sold
        _sold("field recording rain", "", 3000, content_id="aurora-0046"),  # no artist: nothing to match
    ]
    offers = terminal.own_music.offers(catalog)
    assert offers == {bus.row.license_id: catalog[0]}


def test_a_file_that_is_gone_when_played_says_so(terminal: Terminal, music: Path) -> None:
    terminal.own_music.add([music])
    ferry = _by_title(terminal)["Ferry"]
    assert ferry.own is not None
    os.unlink(ferry.own.path)
    with pytest.raises(OwnMusicError, match="is no longer there"):
        terminal.own_music.open(ferry.row.license_id)
    with pytest.raises(OwnMusicError, match="not in your music"):
        terminal.own_music.open(str(music / "never added.flac"))
