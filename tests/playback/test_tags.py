"""Cover art comes from the decrypted tags in memory: FLAC pictures, Ogg's METADATA_BLOCK_PICTURE and
MP3's APIC frame; a track without one (or with tags that do not parse) simply has no cover."""

from __future__ import annotations

import base64
import io

import pytest
from mutagen.flac import FLAC, Picture
from mutagen.id3 import APIC, ID3
from mutagen.oggvorbis import OggVorbis

from player.playback import cover_art
from player.protocol.container import ContainerReader, encrypt, new_content_key
from tests.playback.conftest import SMALL_SEGMENT, Track

FRONT = b"\x89PNG\r\n\x1a\n" + b"front cover" * 50
BACK = b"\x89PNG\r\n\x1a\n" + b"back cover" * 50


def _picture(data: bytes, kind: int) -> Picture:
    pic = Picture()
    pic.type, pic.mime, pic.data = kind, "image/png", data
    return pic


def tagged(track: Track) -> bytes:
    """The track's audio with a back cover, then a front cover, written in memory."""
    buffer = io.BytesIO(track.plain)
    if track.fmt == "flac":
        flac = FLAC(buffer)
        flac.add_picture(_picture(BACK, 4))
        flac.add_picture(_picture(FRONT, 3))
        buffer.seek(0)
        flac.save(buffer)
    elif track.fmt == "ogg":
        audio = OggVorbis(buffer)
        audio["metadata_block_picture"] = [
            base64.b64encode(_picture(p, k).write()).decode("ascii") for p, k in ((BACK, 4), (FRONT, 3))
        ]
        buffer.seek(0)
        audio.save(buffer)
    else:
        tags = ID3()
        tags.add(APIC(encoding=3, mime="image/png", type=4, desc="back", data=BACK))
        tags.add(APIC(encoding=3, mime="image/png", type=3, desc="front", data=FRONT))
        buffer.seek(0)
        tags.save(buffer)
    return buffer.getvalue()


def sealed(plain: bytes, mime: str) -> ContainerReader:
    key = new_content_key()
    blob = encrypt(plain, key, content_id="t", content_version=1, mime=mime, segment_size=SMALL_SEGMENT)
    return ContainerReader(blob, key)


@pytest.mark.parametrize("fmt", ["flac", "ogg", "mp3"])
def test_the_front_cover_is_read_from_the_encrypted_track(tracks: dict[str, Track], fmt: str) -> None:
    track = tracks[fmt]
    cover = cover_art(sealed(tagged(track), track.mime))
    assert cover is not None
    assert (cover.data, cover.mime) == (FRONT, "image/png")


@pytest.mark.parametrize("fmt", ["flac", "ogg", "mp3"])
def test_a_track_without_a_picture_has_no_cover(tracks: dict[str, Track], fmt: str) -> None:
    assert cover_art(sealed(tracks[fmt].plain, tracks[fmt].mime)) is None


def test_bytes_that_are_not_audio_have_no_cover() -> None:
    assert cover_art(sealed(b"not audio at all " * 500, "audio/flac")) is None
    assert cover_art(sealed(b"fLaC" + b"\xff" * 300, "audio/flac")) is None
