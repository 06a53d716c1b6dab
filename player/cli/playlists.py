"""The CLI's playlists: `playlist list|show|new|add|delete|export|import`.

A playlist is named by its name (any case). What is shown follows each entry to the copy it plays as
now (an alternate chosen for a lost track, a track found by its words), as the window does; exports are
XSPF with the content ID in each track's `<identifier>`, never a file path (docs/protocol.md).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from player import words
from player.cli.output import Output, table
from player.errors import IntegrityError
from player.language import translate

if TYPE_CHECKING:
    from player.terminal import DamagedPlaylist, LibraryEntry, Playlist, Progress, Terminal

Password = Callable[[str], str]


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    """`playlist ACTION ...` among the main parser's subcommands (`sub`), each with the common options."""
    playlist = sub.add_parser(
        "playlist",
        help=translate("Cli", "playlists: list, show, new, add, delete, export and import (XSPF)"),
        parents=[common],
    )
    actions = playlist.add_subparsers(dest="action", required=True, metavar="ACTION")

    def action(name: str, help_text: str) -> argparse.ArgumentParser:
        made: argparse.ArgumentParser = actions.add_parser(name, help=help_text, parents=[common])
        return made

    action("list", translate("Cli", "every playlist, with how many of its tracks play"))
    action("show", translate("Cli", "a playlist's tracks, in order")).add_argument("name")
    new = action("new", translate("Cli", "a new playlist, empty or with tracks"))
    new.add_argument("name")
    new.add_argument("ids", nargs="*", metavar="CONTENT_OR_LICENSE_ID")
    add = action("add", translate("Cli", "add tracks at the end of a playlist"))
    add.add_argument("name")
    add.add_argument("ids", nargs="+", metavar="CONTENT_OR_LICENSE_ID")
    action("delete", translate("Cli", "delete a playlist (its tracks stay in the library)")).add_argument(
        "name"
    )
    export = action("export", translate("Cli", "write a playlist as XSPF"))
    export.add_argument("name")
    export.add_argument("file", type=Path)
    imported = action("import", translate("Cli", "a new playlist from an XSPF file"))
    imported.add_argument("file", type=Path)
    imported.add_argument("--name", help=translate("Cli", "its name (default: the file's title)"))


def run(t: Terminal, a: argparse.Namespace, out: Output, _p: Progress | None, _pw: Password) -> int:
    entries = t.playlists.library()  # the tracks bought and the user's own files
    t.playlists.follow(entries)  # what is shown points at what plays now
    if a.action == "list":
        return _list(t, entries, out)
    if a.action == "import":
        imported = t.playlists.import_xspf(a.file, a.name, entries)
        p = imported.playlist
        data = {
            "name": p.name,
            "tracks": len(p.entries),
            "matched": imported.matched,
            "unmatched": imported.unmatched,
            "skipped": imported.skipped,
        }
        out.emit(data, lambda: _import_text(data))
        return 0
    if a.action == "new":
        p = t.playlists.create(a.name, a.ids)
        out.emit(
            {"name": p.name, "tracks": len(p.entries)},
            lambda: translate("Cli", "made {name}: {p}").format(name=repr(p.name), p=_tracks(p)),
        )
        return 0
    playlist = t.playlists.find(a.name)
    if a.action == "show":
        return _show(t, playlist, entries, out)
    if a.action == "add":
        p = t.playlists.add(playlist.playlist_id, a.ids)
        out.emit(
            {"name": p.name, "tracks": len(p.entries)},
            lambda: translate("Cli", "{name} now holds {p}").format(name=repr(p.name), p=_tracks(p)),
        )
    elif a.action == "delete":
        t.playlists.delete(playlist.playlist_id)
        gone = playlist.name
        out.emit(
            {"name": gone},
            lambda: translate("Cli", "deleted {gone} (its tracks stay in the library)").format(
                gone=repr(gone)
            ),
        )
    else:  # export
        n = t.playlists.export_xspf(playlist.playlist_id, a.file, entries)
        data = {"name": playlist.name, "file": str(a.file), "tracks": n}
        out.emit(
            data,
            lambda: words.count(
                n,
                translate("Cli", "wrote {name} ({n} track) to {file}"),
                translate("Cli", "wrote {name} ({n} tracks) to {file}"),
                name=repr(playlist.name),
                file=a.file,
            ),
        )
    return 0


def _tracks(p: Playlist) -> str:
    return words.count(len(p.entries), translate("Cli", "{n} track"), translate("Cli", "{n} tracks"))


def _list(t: Terminal, entries: list[LibraryEntry], out: Output) -> int:
    found, damaged = t.playlists.listed()
    rows = []
    for p in found:
        items = t.playlists.items(p.playlist_id, entries)
        rows.append(
            {
                "name": p.name,
                "tracks": len(items),
                "playable": sum(i.playable for i in items),
                "duration_ms": sum(i.entry.duration_ms for i in items),
            }
        )
    out.emit(rows, lambda: table(rows, ("name", "tracks", "playable")))
    if damaged:
        out.error(_damaged_line(t, damaged))
        return IntegrityError.exit_code
    return 0


def _damaged_line(t: Terminal, damaged: list[DamagedPlaylist]) -> str:
    folder = t.data_dir / "playlists"
    what = "; ".join(f"{folder / d.file}: {d.reason}" for d in damaged)
    return words.count(
        len(damaged),
        translate("Cli", "{n} playlist file cannot be read and is left as it is: {what}"),
        translate("Cli", "{n} playlist files cannot be read and are left as it is: {what}"),
        what=what,
    )


def _show(t: Terminal, playlist: Playlist, entries: list[LibraryEntry], out: Output) -> int:
    rows = []
    for n, item in enumerate(t.playlists.items(playlist.playlist_id, entries), start=1):
        e = item.entry
        rows.append(
            {
                "position": n,
                "content_id": e.content_id,
                "title": e.title,
                "artist": e.artist,
                "album": e.album,
                "duration_ms": e.duration_ms,
                "playable": item.playable,
                "license_id": item.track.row.license_id if item.track is not None else None,
            }
        )

    def text() -> str:
        yes, no = translate("Cli", "yes"), translate("Cli", "no")
        shown = [r | {"plays": yes if r["playable"] else no} for r in rows]
        return f"{playlist.name}\n" + table(shown, ("position", "title", "artist", "album", "plays"))

    out.emit({"name": playlist.name, "entries": rows}, text)
    return 0


def _import_text(data: dict[str, Any]) -> str:
    """One whole sentence for each case: what was found, what was kept to be found later, what was left
    out (a language orders and joins them in its own way)."""
    unmatched, skipped = data["unmatched"], data["skipped"]
    if unmatched and skipped:
        one = translate(
            "Cli",
            "imported {name}: {matched} of {tracks} found in your library, {unmatched} not (kept, found once "
            "you own them); {n} track with no title left out",
        )
        many = translate(
            "Cli",
            "imported {name}: {matched} of {tracks} found in your library, {unmatched} not (kept, found once "
            "you own them); {n} tracks with no title left out",
        )
    elif unmatched:
        one = many = translate(
            "Cli",
            "imported {name}: {matched} of {tracks} found in your library, {unmatched} not (kept, found once "
            "you own them)",
        )
    elif skipped:
        one = translate(
            "Cli",
            "imported {name}: {matched} of {tracks} found in your library; {n} track with no title left out",
        )
        many = translate(
            "Cli",
            "imported {name}: {matched} of {tracks} found in your library; {n} tracks with no title left out",
        )
    else:
        one = many = translate("Cli", "imported {name}: {matched} of {tracks} found in your library")
    return words.count(
        skipped,
        one,
        many,
        name=repr(data["name"]),
        matched=data["matched"],
        tracks=data["tracks"],
        unmatched=unmatched,
    )
