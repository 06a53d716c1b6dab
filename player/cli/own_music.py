"""The CLI's side of the user's own music: `add-music`, `remove-music`, own files in `library`, and
`play` of one of them (by its path or the ID `library` lists). Same contract as the other commands:
JSON field names are for scripts. The files are read where they are; nothing here reaches the network.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from player import words
from player.cli.output import Output, progress_printer, state_word, table
from player.cli.sound import play_sound
from player.errors import OwnMusicError
from player.language import translate

if TYPE_CHECKING:
    from player.terminal import LibraryEntry, MusicScan, Progress, Terminal

Password = Callable[[str], str]


def _scan_fields(t: Terminal, scan: MusicScan) -> dict[str, Any]:
    return {
        "added": scan.added,
        "updated": scan.updated,
        "removed": scan.removed,
        "skipped": [{"path": str(p), "reason": why} for p, why in scan.skipped],
        "unavailable": [str(p) for p in scan.unavailable],
        "tracks": len(t.own_music.entries()),
    }


def _summary(scan: MusicScan, total: int) -> str:
    said = words.music_scan(scan.added, scan.updated, scan.removed, scan.skipped, scan.unavailable)
    return f"{said}\n" + words.count(
        total,
        translate("Cli", "{n} track of your own in the library (not insured)."),
        translate("Cli", "{n} tracks of your own in the library (not insured)."),
    )


def add_music(t: Terminal, a: argparse.Namespace, out: Output, _p: Progress | None, _pw: Password) -> int:
    """Folders (with everything below them) and audio files, read where they are and watched by the
    window from then on."""
    progress = progress_printer(
        not out.json and sys.stderr.isatty(), translate("Cli", "reading tags {share}")
    )
    scan = t.own_music.add(a.paths, progress)
    data = _scan_fields(t, scan)
    out.emit(data, lambda: _summary(scan, data["tracks"]))
    return 0


def remove_music(t: Terminal, a: argparse.Namespace, out: Output, _p: Progress | None, _pw: Password) -> int:
    gone = t.own_music.remove(a.path)
    data = {"removed": gone, "tracks": len(t.own_music.entries())}
    out.emit(
        data,
        lambda: words.count(
            gone,
            translate("Cli", "{n} track left the library; the files themselves are untouched."),
            translate("Cli", "{n} tracks left the library; the files themselves are untouched."),
        ),
    )
    return 0


def rows(entries: list[LibraryEntry]) -> list[dict[str, Any]]:
    """Own files in `library --json`: `kind` "own_file", no license, `state` available or unavailable."""
    out = []
    for e in entries:
        assert e.own is not None
        r = e.row
        out.append(
            {
                "kind": "own_file",
                "content_id": r.content_id,
                "title": r.title,
                "artist": r.artist,
                "album": r.album,
                "duration_ms": r.duration_ms,
                "license_id": None,
                "state": "available" if e.own.available else "unavailable",
                "insured": False,
                "reason": e.reason,
                "detail": e.detail,
                "path": str(e.own.path),
                "replaced_by": None,
            }
        )
    return out


def text(own_rows: list[dict[str, Any]]) -> str:
    shown = [r | {"state": "" if r["state"] == "available" else state_word(r["state"])} for r in own_rows]
    heading = translate("Cli", "Your own files (not insured):")
    return heading + "\n" + table(shown, ("title", "artist", "album", "state", "path"))


def play_own(t: Terminal, a: argparse.Namespace, out: Output) -> int:
    """One of the user's own files, played (or only decoded) from where it is."""
    track = t.own_music.open(a.id)
    if a.decode_only:
        from PySide6.QtCore import QFile, QIODevice

        from player import playback

        device = QFile(str(track.path))
        if not device.open(QIODevice.OpenModeFlag.ReadOnly):
            raise OwnMusicError(
                translate("Cli", "{path} cannot be read: {reason}").format(
                    path=track.path, reason=device.errorString()
                )
            )
        try:
            r = playback.decode_check(device, track.mime)
        finally:
            device.close()
        data = {
            "frames": r.frames,
            "sample_rate": r.sample_rate,
            "channels": r.channels,
            "duration_ms": r.duration_ms,
        }
        out.emit(
            data,
            lambda: translate(
                "Cli", "decoded {title}: {frames} frames, {sample_rate} Hz, {duration_ms} ms"
            ).format(
                title=track.title, frames=r.frames, sample_rate=r.sample_rate, duration_ms=r.duration_ms
            ),
        )
        return 0
    return play_sound(lambda p: p.play_file(track.path), track.duration_ms, a.seconds, out, track.title)
