"""What the library table's cells say, and how each column sorts: pure functions of an entry, no widget.

Sort keys are strings (or numbers) Python compares in C, an album always in its own order (disc, track
number, title). `sort_keys` makes a whole column's keys in one pass over the rows: that is what sorting
by a column costs, once, however many rows there are.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

from player import words
from player.language import QT_TRANSLATE_NOOP, translate
from player.terminal import LibraryEntry, LibraryRow, LibraryState
from player.ui.kit.messages import plain
from player.ui.library import own_rows
from player.ui.library.browser import album_artist
from player.words import duration


class Column(enum.IntEnum):
    TITLE = 0
    ARTIST = 1
    ALBUM = 2
    DURATION = 3
    GENRE = 4
    PROVIDER = 5
    INSURED = 6
    LICENSE = 7
    # From the tracks' tags; added after the first eight so a saved column order keeps its meaning.
    TRACK = 8
    DISC = 9
    YEAR = 10
    ALBUM_ARTIST = 11
    INSURER = 12  # who insures the track: shown once the user holds policies with several insurers


# The header's menu shows them. Insurer is not among them: it hides itself while one insurer insures all
# (columns.show_insurers), so a first window on the tracks of two shows it.
HIDDEN_AT_FIRST = (Column.DISC, Column.ALBUM_ARTIST)
# Marked for translation, translated where shown (`header`, `header_tip`): at import no language is set.
HEADERS = {
    Column.TITLE: QT_TRANSLATE_NOOP("LibraryModel", "Title"),
    Column.ARTIST: QT_TRANSLATE_NOOP("LibraryModel", "Artist"),
    Column.ALBUM: QT_TRANSLATE_NOOP("LibraryModel", "Album"),
    Column.DURATION: QT_TRANSLATE_NOOP("LibraryModel", "Length"),
    Column.GENRE: QT_TRANSLATE_NOOP("LibraryModel", "Genre"),
    Column.PROVIDER: QT_TRANSLATE_NOOP("LibraryModel", "Provider"),
    Column.INSURED: QT_TRANSLATE_NOOP("LibraryModel", "Insurance"),
    Column.LICENSE: QT_TRANSLATE_NOOP("LibraryModel", "License"),
    Column.TRACK: "#",
    Column.DISC: QT_TRANSLATE_NOOP("LibraryModel", "Disc"),
    Column.YEAR: QT_TRANSLATE_NOOP("LibraryModel", "Year"),
    Column.ALBUM_ARTIST: QT_TRANSLATE_NOOP("LibraryModel", "Album artist"),
    Column.INSURER: QT_TRANSLATE_NOOP("LibraryModel", "Insurer"),
}
HEADER_TIPS = {
    Column.TRACK: QT_TRANSLATE_NOOP("LibraryModel", "Track number"),
    Column.DISC: QT_TRANSLATE_NOOP("LibraryModel", "Disc number"),
}
NUMBERS = (Column.DURATION, Column.TRACK, Column.DISC, Column.YEAR)  # right-aligned
STATE_WORDS = {
    LibraryState.VALID: QT_TRANSLATE_NOOP("LibraryModel", "Valid"),
    LibraryState.INVALID: QT_TRANSLATE_NOOP("LibraryModel", "Invalid"),
    LibraryState.UNKNOWN: QT_TRANSLATE_NOOP("LibraryModel", "Unknown"),
}
STATE_ORDER = {LibraryState.VALID: 0, LibraryState.UNKNOWN: 1, LibraryState.INVALID: 2}
Provider = Callable[[str], str]  # a provider's ID -> its name, as the insurer introduced it


def header(column: Column) -> str:
    """A column's title, in the language spoken."""
    return translate("LibraryModel", HEADERS[column])


def header_tip(column: Column) -> str | None:
    """A column's longer name (its tooltip, and its line in the header's menu), where it has one."""
    tip = HEADER_TIPS.get(column)
    return translate("LibraryModel", tip) if tip else None


def display(entry: LibraryEntry, column: Column, provider: Provider) -> str:
    """The cell's text."""
    r = entry.row
    match column:
        case Column.TITLE:
            return r.title or translate("LibraryModel", "Untitled track")
        case Column.ARTIST:
            return r.artist
        case Column.ALBUM:
            return r.album
        case Column.DURATION:
            return duration(r.duration_ms)
        case Column.GENRE:
            return r.genre
        case Column.PROVIDER:
            return provider(r.provider)
        case Column.INSURED if entry.own is not None:
            return own_rows.insurance_text(entry)
        case Column.INSURED:
            if entry.insured:
                return translate("LibraryModel", "Insured")
            return translate("LibraryModel", "Not insured")
        case Column.LICENSE if entry.own is not None:
            return own_rows.license_text(entry)
        case Column.TRACK:
            return str(r.track_number) if r.track_number else ""
        case Column.DISC:
            return str(r.disc_number) if r.disc_number else ""
        case Column.YEAR:
            return str(r.year) if r.year else ""
        case Column.ALBUM_ARTIST:
            return album_artist(entry)
        case Column.INSURER if entry.audio_insurer:  # the license and the audio insured apart
            return translate("LibraryModel", "{insurer}; audio: {audio}").format(
                insurer=entry.insurer, audio=entry.audio_insurer
            )
        case Column.INSURER:
            return entry.insurer
        case Column.LICENSE:
            known = STATE_WORDS.get(entry.state)
            label = translate("LibraryModel", known) if known else str(entry.state)
            # A valid license whose file is gone: the user should see it before pressing play.
            return (
                translate("LibraryModel", "{state} · file missing").format(state=label)
                if entry.state is not LibraryState.INVALID and r.file is None
                else label
            )


def _album_order(r: LibraryRow) -> str:
    """Sorts an album's tracks as on the record: disc, then track number, then title."""
    return f"{r.album.casefold()}\x00{r.disc_number:04d}{r.track_number:05d}\x00{r.title.casefold()}"


def sort_key(entry: LibraryEntry, column: Column, provider: Provider) -> Any:
    """One row's key for `column`."""
    r = entry.row
    match column:
        case Column.DURATION:
            return r.duration_ms
        case Column.LICENSE:
            return own_rows.sort_key(entry) if entry.own else STATE_ORDER.get(entry.state, 9)
        case Column.ALBUM | Column.TRACK | Column.DISC:
            return _album_order(r)
        case Column.ARTIST | Column.ALBUM_ARTIST:
            first = r.artist if column is Column.ARTIST else album_artist(entry)
            return f"{first.casefold()}\x00{r.year:04d}\x00{_album_order(r)}"
        case Column.YEAR:
            return f"{r.year:04d}\x00{album_artist(entry).casefold()}\x00{_album_order(r)}"
    return display(entry, column, provider).casefold()


def sort_keys(entries: list[LibraryEntry], column: Column, provider: Provider) -> list[Any]:
    """Every row's key for `column`, in one comprehension for the columns sorted by most (the first
    start sorts 100,000 rows by artist): the same keys `sort_key` gives."""
    if column is Column.ARTIST:
        rows = [e.row for e in entries]  # `_album_order` written out: a call per row is a third of it
        return [
            f"{r.artist.casefold()}\x00{r.year:04d}\x00{r.album.casefold()}\x00{r.disc_number:04d}"
            f"{r.track_number:05d}\x00{r.title.casefold()}"
            for r in rows
        ]
    if column in (Column.ALBUM, Column.TRACK, Column.DISC):
        return [_album_order(e.row) for e in entries]
    if column is Column.DURATION:
        return [e.row.duration_ms for e in entries]
    return [sort_key(e, column, provider) for e in entries]


def reason_text(entry: LibraryEntry) -> str:
    """Why the entry is not valid, in words, with the date of invalidation when there is one."""
    if entry.state is not LibraryState.INVALID and entry.row.file is None:
        return translate(
            "LibraryModel",
            "The track's file is missing: play it to fetch it again, or use File > Report a Loss.",
        )
    if entry.state is LibraryState.VALID:
        return translate(
            "LibraryModel", "The cached license list says this license is valid: it plays, online or offline."
        )
    if words.knows_reason(entry.reason):
        return words.sentence(words.reason(entry.reason, entry.invalidated_at))
    return words.sentence(plain(entry.detail) or entry.reason or translate("LibraryModel", "no reason given"))


def history_lines(replaced: list[LibraryEntry]) -> list[str]:
    """What happened to the earlier copies of a track, in words (for its tooltip and History)."""
    if not replaced:
        return []
    lines = [
        words.count(
            len(replaced),
            translate("LibraryModel", "Replaces an earlier copy:"),
            translate("LibraryModel", "Replaces {n} earlier copies:"),
        )
    ]
    for old in replaced:
        what = (
            words.reason(old.reason, old.invalidated_at)
            if words.knows_reason(old.reason)
            else plain(old.detail)
        )
        title = old.row.title or translate("LibraryModel", "this track")
        lines.append(translate("LibraryModel", "• {title}: {what}").format(title=title, what=what))
    return lines
