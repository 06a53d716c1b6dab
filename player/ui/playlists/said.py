"""What the playlists say to the user after something was done (or could not be): the titles of
failures, what an import found, what was added, exported or found damaged. Whole sentences, in the
language spoken, with the counts chosen between singular and plural (`words.count`).

Tables are marked for translation and translated when used: at import no language is set.
"""

from __future__ import annotations

from player import words
from player.language import QT_TRANSLATE_NOOP, translate
from player.terminal import DamagedPlaylist, ImportedPlaylist

# A new playlist's name is the language's own, as in Rhythmbox ("新しいプレイリスト"); it stays what it
# was named when the language changes.
NEW_NAME = QT_TRANSLATE_NOOP("PlaylistWords", "New Playlist")
FAILED = {
    "read": QT_TRANSLATE_NOOP("PlaylistWords", "Playlists cannot be read"),
    "make": QT_TRANSLATE_NOOP("PlaylistWords", "The playlist cannot be made"),
    "rename": QT_TRANSLATE_NOOP("PlaylistWords", "The playlist cannot be renamed"),
    "delete": QT_TRANSLATE_NOOP("PlaylistWords", "The playlist cannot be deleted"),
    "add to": QT_TRANSLATE_NOOP("PlaylistWords", "The tracks cannot be added"),
    "reorder": QT_TRANSLATE_NOOP("PlaylistWords", "The playlist cannot be reordered"),
    "change": QT_TRANSLATE_NOOP("PlaylistWords", "The playlist cannot be changed"),
    "import": QT_TRANSLATE_NOOP("PlaylistWords", "The playlist cannot be imported"),
    "export": QT_TRANSLATE_NOOP("PlaylistWords", "The playlist cannot be exported"),
}


def new_name() -> str:
    return translate("PlaylistWords", NEW_NAME)


def failed(doing: str) -> str:
    """The title of a failure while `doing` (the book's word for it)."""
    title = FAILED.get(doing)
    return translate("PlaylistWords", title) if title else translate("PlaylistWords", "Playlists")


def file_kinds(*, any_file: bool) -> str:
    """The file dialog's filter: XSPF playlists, and (to open) any file."""
    xspf = translate("PlaylistWords", "XSPF playlists (*.xspf)")
    everything = translate("PlaylistWords", "All files (*)")
    return ";;".join((xspf, everything)) if any_file else xspf


def added(n: int, name: str) -> str:
    return words.count(
        n,
        translate("PlaylistWords", "Added {n} track to “{name}”."),
        translate("PlaylistWords", "Added {n} tracks to “{name}”."),
        name=name,
    )


def queued(n: int, *, at_head: bool) -> str:
    if at_head:
        return words.count(
            n,
            translate("PlaylistWords", "Added {n} track to play next."),
            translate("PlaylistWords", "Added {n} tracks to play next."),
        )
    return words.count(
        n,
        translate("PlaylistWords", "Added {n} track to the end of the queue."),
        translate("PlaylistWords", "Added {n} tracks to the end of the queue."),
    )


def exported(n: int, name: str, file: str) -> str:
    return words.count(
        n,
        translate("PlaylistWords", "Exported “{name}” ({n} track) to {file}."),
        translate("PlaylistWords", "Exported “{name}” ({n} tracks) to {file}."),
        name=name,
        file=file,
    )


def not_in_library(title: str) -> str:
    if title:
        return translate("PlaylistWords", "“{title}” does not play: it is not in your library.").format(
            title=title
        )
    return translate("PlaylistWords", "This track does not play: it is not in your library.")


def imported(result: ImportedPlaylist) -> tuple[str, str]:
    """The title and text of the message after an import: what was found, kept greyed, left out."""
    text = words.count(
        result.matched + result.unmatched,
        translate("PlaylistWords", "{matched} of {n} track found in your library."),
        translate("PlaylistWords", "{matched} of {n} tracks found in your library."),
        matched=result.matched,
    )
    more = []
    if result.unmatched:
        more.append(
            words.count(
                result.unmatched,
                translate(
                    "PlaylistWords", "{n} is not: kept greyed in the playlist, they play once you own them."
                ),
                translate(
                    "PlaylistWords", "{n} are not: kept greyed in the playlist, they play once you own them."
                ),
            )
        )
    if result.skipped:
        more.append(
            words.count(
                result.skipped,
                translate("PlaylistWords", "{n} track with no title left out."),
                translate("PlaylistWords", "{n} tracks with no title left out."),
            )
        )
    for sentence in more:
        text = translate("Words", "{sentence} {next}", "two sentences in a row").format(
            sentence=text, next=sentence
        )
    title = translate("PlaylistWords", "Imported “{name}”").format(name=result.playlist.name)
    return title, text


def damaged(found: list[DamagedPlaylist]) -> tuple[str, str]:
    """The title and text of the warning about playlist files that cannot be read."""
    n = len(found)
    title = words.count(
        n,
        translate("PlaylistWords", "A playlist cannot be read"),
        translate("PlaylistWords", "{n} playlists cannot be read"),
    )
    why = translate("Words", "; ", "between the files named").join(d.reason for d in found)
    text = words.count(
        n,
        translate(
            "PlaylistWords",
            "Its file is damaged ({why}), and left as it is in your library's folder. "
            "Your other playlists are fine.",
        ),
        translate(
            "PlaylistWords",
            "Their files are damaged ({why}), and left as they are in your library's folder. "
            "Your other playlists are fine.",
        ),
        why=why,
    )
    return title, text
