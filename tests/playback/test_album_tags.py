"""Album facts from tags as providers write them: "3/12", "2019-05-01", an album artist or a
compilation flag; anything odd is simply unknown, never an error."""

from __future__ import annotations

import io

import pytest
from mutagen.id3 import ID3, TCMP, TDRC, TPE2, TPOS, TRCK

from player.playback.album_tags import AlbumTags, album_tags, from_fields
from player.protocol.container import ContainerReader, encrypt, new_content_key
from tests.playback.conftest import SMALL_SEGMENT, Track


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"tracknumber": ["3/12"], "discnumber": ["2/2"], "date": ["2019-05-01"]}, AlbumTags(3, 2, 2019)),
        ({"tracknumber": "07", "year": "1987"}, AlbumTags(7, 0, 1987)),
        (
            {"albumartist": [" Various Artists "], "compilation": ["1"]},
            AlbumTags(0, 0, 0, "Various Artists", True),
        ),
        ({"album artist": "The Band"}, AlbumTags(album_artist="The Band")),
        ({"tracknumber": "A1", "date": "mid-nineties", "compilation": "maybe"}, AlbumTags()),
        ({"tracknumber": "0", "discnumber": "99999", "date": "0999"}, AlbumTags()),
        ({"tracknumber": [], "date": [""]}, AlbumTags()),
        ({"albumartist": "x" * 10_000}, AlbumTags(album_artist="x" * 256)),
    ],
)
def test_odd_tags_read_as_what_they_plainly_say_or_as_unknown(
    fields: dict[str, object], expected: AlbumTags
) -> None:
    assert from_fields(fields) == expected


def test_an_mp3s_id3_frames_give_the_same_facts(tracks: dict[str, Track]) -> None:
    track = tracks["mp3"]
    buffer = io.BytesIO(track.plain)
    tags = ID3()
    for frame in (
        TRCK(text="4/9"),
        TPOS(text="1/1"),
        TDRC(text="2021"),
        TPE2(text="Ensemble"),
        TCMP(text="1"),
    ):
        tags.add(frame)
    buffer.seek(0)
    tags.save(buffer)
    key = new_content_key()
    blob = encrypt(
        buffer.getvalue(), key, content_id="t", content_version=1, mime=track.mime, segment_size=SMALL_SEGMENT
    )
    assert album_tags(ContainerReader(blob, key)) == AlbumTags(4, 1, 2021, "Ensemble", True)


def test_audio_without_tags_or_not_audio_at_all_has_no_facts(tracks: dict[str, Track]) -> None:
    key = new_content_key()
    for plain, mime in ((tracks["ogg"].plain, "audio/ogg"), (b"not audio " * 500, "audio/flac")):
        blob = encrypt(plain, key, content_id="t", content_version=1, mime=mime, segment_size=SMALL_SEGMENT)
        assert album_tags(ContainerReader(blob, key)) == AlbumTags()
