"""Where a track sits in its album, read from its own tags: track and disc number, year, album artist, and
whether the album is a compilation. The catalog knows only a title, an artist and an album; these let the
library sort an album in its order and browse a various-artists album under one heading.

Read like the cover (`tags.py`): from the decrypted audio in memory, only the segments holding the tags.
Tags are untrusted input: a value that does not parse is left unknown (0 or ""), never an error.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import mutagen

from player.playback.tags import PlainFile
from player.protocol.container import ContainerReader

__all__ = ["AlbumTags", "album_tags", "from_fields"]

log = logging.getLogger(__name__)

_NUMBER = re.compile(r"\s*(\d{1,4})")  # "3", "03", "3/12"
_YEAR = re.compile(r"\s*(\d{4})")  # "2019", "2019-05-01", "2019-05-01T10:00"
_MAX_TEXT = 256  # a longer "album artist" is not one


@dataclass(frozen=True)
class AlbumTags:
    track_number: int = 0
    disc_number: int = 0
    year: int = 0
    album_artist: str = ""
    compilation: bool = False


def _first(fields: Mapping[str, Any], *names: str) -> str:
    for name in names:
        value = fields.get(name)
        if isinstance(value, list | tuple):
            value = value[0] if value else None
        if value is not None:
            text = str(value).strip()
            if text:
                return text
    return ""


def _number(text: str, pattern: re.Pattern[str], low: int, high: int) -> int:
    m = pattern.match(text)
    value = int(m.group(1)) if m else 0
    return value if low <= value <= high else 0


def from_fields(fields: Mapping[str, Any]) -> AlbumTags:
    """The album facts in a tag mapping, as mutagen's "easy" interface names them (lower-case Vorbis
    comment names; EasyID3 maps TRCK, TPOS, TDRC, TPE2 and TCMP onto the same names)."""
    album_artist = _first(fields, "albumartist", "album artist", "album_artist")[:_MAX_TEXT]
    compilation = _first(fields, "compilation", "itunescompilation").casefold() in {"1", "true", "yes"}
    return AlbumTags(
        track_number=_number(_first(fields, "tracknumber", "track"), _NUMBER, 1, 9999),
        disc_number=_number(_first(fields, "discnumber", "disc"), _NUMBER, 1, 999),
        year=_number(_first(fields, "date", "year", "originaldate"), _YEAR, 1000, 9999),
        album_artist=album_artist,
        compilation=compilation,
    )


def album_tags(reader: ContainerReader) -> AlbumTags:
    """The track's album facts; all unknown when its tags are missing or do not parse. Decryption
    failures (`IntegrityError`) propagate: the file is damaged, which the caller must hear of."""
    try:
        audio = mutagen.File(PlainFile(reader), easy=True)
    except (mutagen.MutagenError, ValueError, EOFError, IndexError, KeyError) as e:
        log.info("no album tags: the tags do not parse (%s)", e)
        return AlbumTags()
    if audio is None or audio.tags is None:
        return AlbumTags()
    try:
        return from_fields({str(k).casefold(): v for k, v in audio.tags.items()})
    except (ValueError, KeyError, TypeError) as e:  # an easy key mutagen cannot render
        log.info("no album tags: %s", e)
        return AlbumTags()
