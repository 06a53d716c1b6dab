"""mutagen, typed: the handles the tagging and tag-reading modules call it through.

mutagen's annotations are partial (untyped constructors, ``info``/``tags`` typed loosely), so strict mypy
cannot check calls into it anyway: the boundary is ``Any`` on purpose, in this one place, and the tests
check the behaviour.
"""

from __future__ import annotations

from typing import Any

import mutagen.flac
import mutagen.id3
import mutagen.mp3
import mutagen.oggvorbis
import mutagen.wave

__all__ = ["APIC", "FLAC", "FRONT_COVER", "ID3", "ID3_TEXT", "MP3", "TXXX", "WAVE", "OggVorbis", "Picture"]

FRONT_COVER = 3  # APIC / FLAC picture type "Cover (front)"

FLAC: Any = mutagen.flac.FLAC
Picture: Any = mutagen.flac.Picture
OggVorbis: Any = mutagen.oggvorbis.OggVorbis
MP3: Any = mutagen.mp3.MP3
WAVE: Any = mutagen.wave.WAVE
ID3: Any = mutagen.id3.ID3
ID3_TEXT: dict[str, Any] = {
    "title": mutagen.id3.TIT2,
    "artist": mutagen.id3.TPE1,
    "album": mutagen.id3.TALB,
    "genre": mutagen.id3.TCON,
    "track_number": mutagen.id3.TRCK,
    "date": mutagen.id3.TDRC,
    "discnumber": mutagen.id3.TPOS,
    "albumartist": mutagen.id3.TPE2,
    "compilation": mutagen.id3.TCMP,
}
"""The ID3 text frame for each tag field ``tag`` writes and ``read_tags`` reads."""
APIC: Any = mutagen.id3.APIC
TXXX: Any = mutagen.id3.TXXX
