"""What a playlist's entry plays as, without I/O: the held copy of its content ID; after a re-issue the new
copy; after an alternate the copy that replaced it (along a chain, never around a loop); else a held
track with its words; else nothing, the entry keeping its place and its words."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from player.terminal import LibraryEntry, LibraryState, PlaylistEntry, Terminal, resolve_playlist
from tests.support.factories import library_entry
from tests.support.own_files import write_track


def _track(
    license_id: str,
    content_id: str,
    *,
    state: LibraryState = LibraryState.VALID,
    by: str = "",
    title: str = "",
    artist: str = "Artist",
    album: str = "Album",
) -> LibraryEntry:
    """A library row: `by` is the license that replaced it, if one did."""
    entry = library_entry(license_id, album, state, by)
    row = entry.row._replace(content_id=content_id, title=title or license_id, artist=artist)
    return replace(entry, row=row)


def _plays(entries: list[PlaylistEntry], library: list[LibraryEntry]) -> list[str | None]:
    return [
        i.track.row.license_id if i.playable and i.track else None for i in resolve_playlist(entries, library)
    ]


def test_each_entry_plays_as_the_copy_that_stands_for_its_track_now() -> None:
    library = [
        _track("L-kept", "kept"),
        _track("L-old", "reissued", state=LibraryState.INVALID, by="L-new"),  # re-issued: same content
        _track("L-new", "reissued"),
        _track("L-lost", "lost", state=LibraryState.INVALID, by="L-alt"),  # an alternate was chosen
        _track("L-alt", "alternate", title="Other Song", artist="Other Artist"),
        _track("L-waiting", "waiting", state=LibraryState.INVALID),  # lost, no choice made yet
        _track("L-unknown", "unknown", state=LibraryState.UNKNOWN),  # the list cannot say yet: it plays
        _track("L-a", "chain-a", state=LibraryState.INVALID, by="L-b"),
        _track("L-b", "chain-b", state=LibraryState.INVALID, by="L-c"),
        _track("L-c", "chain-c"),
        _track("L-x", "loop-x", state=LibraryState.INVALID, by="L-y"),
        _track("L-y", "loop-y", state=LibraryState.INVALID, by="L-x"),
    ]
    entries = [
        PlaylistEntry(cid, f"words of {cid}", "someone")
        for cid in ("kept", "reissued", "lost", "waiting", "unknown", "chain-a", "loop-x", "kept", "never")
    ]
    assert _plays(entries, library) == [
        "L-kept",
        "L-new",
        "L-alt",
        None,  # greyed, with the reason of its own invalid copy
        "L-unknown",
        "L-c",
        None,
        "L-kept",  # a track twice in a playlist is twice in it
        None,
    ]
    items = resolve_playlist(entries, library)
    waiting, never = items[3], items[8]
    assert waiting.track is not None and waiting.track.row.license_id == "L-waiting"
    assert never.track is None and never.entry.title == "words of never"  # its words stay


def test_an_entry_without_a_copy_of_its_own_is_found_by_title_and_artist_the_album_first() -> None:
    library = [
        _track("L-1", "c-1", title="Night Ferry", artist="Pulse Meridian", album="Live"),
        _track("L-2", "c-2", title="Night Ferry", artist="Pulse Meridian", album="Afterglow Protocol"),
        _track("L-3", "c-3", title="Night Ferry", artist="Someone Else", album="Afterglow Protocol"),
        _track("L-4", "c-4", title="Gone", artist="A", state=LibraryState.INVALID),
    ]
    entries = [
        PlaylistEntry("", "NIGHT FERRY", "pulse meridian", "afterglow protocol"),
        PlaylistEntry("", "Night Ferry", "Pulse Meridian", "Unknown Album"),
        PlaylistEntry("not-held", "Night Ferry", "Someone Else"),  # its ID is not here: its words are
        PlaylistEntry("", "Gone", "A"),  # only an invalid copy has these words
        PlaylistEntry("", "Night Ferry", "Nobody"),
    ]
    assert _plays(entries, library) == ["L-2", "L-2", "L-3", None, None]


def test_the_users_own_files_go_in_a_playlist_and_out_by_their_words_alone(tmp_path: Path) -> None:
    music = tmp_path / "Music"
    write_track(music / "01 Night Bus.flac", tags={"title": "Night Bus", "artist": "Ada Marlow"})
    write_track(music / "02 Last Tram.flac", tags={"title": "Last Tram", "artist": "Ada Marlow"})
    terminal = Terminal(tmp_path / "library", "http://127.0.0.1:9", keys_in_memory=True)  # no network
    try:
        terminal.own_music.add([music])
        by_title = {e.row.title: e.row.license_id for e in terminal.own_music.entries()}
        ids = [by_title["Night Bus"], by_title["Last Tram"]]
        made = terminal.playlists.create("Mine", ids)
        assert [e.title for e in made.entries] == ["Night Bus", "Last Tram"]
        assert all(i.playable for i in terminal.playlists.items(made.playlist_id))

        exported = tmp_path / "mine.xspf"
        terminal.playlists.export_xspf(made.playlist_id, exported)
        text = exported.read_text()
        assert "<identifier>" not in text and str(music) not in text and "Night Bus" in text
        back = terminal.playlists.import_xspf(exported, "Mine again")
        assert (back.matched, back.unmatched) == (2, 0)  # found again by title and artist
        assert [e.content_id for e in back.playlist.entries] == [e.content_id for e in made.entries]
    finally:
        terminal.close()
