"""The demo catalog's encodings and tags: every format carries tags and a cover that read back intact,
byte-stable, and anything that is not audio is refused.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from mock_backend.demo.catalog import DemoCatalog, DemoTrack, load_catalog
from mock_backend.demo.cover import PNG_SIGNATURE, cover_png
from mock_backend.demo.media import MIME, build_track_media, encode, read_tags, tag
from mock_backend.demo.synth import SynthParams, render

SR = 44100


@pytest.fixture(scope="module")
def catalog() -> DemoCatalog:
    return load_catalog()


@pytest.fixture(scope="module")
def short_track(catalog: DemoCatalog) -> DemoTrack:
    return min(catalog.tracks, key=lambda t: t.duration_s)


@pytest.fixture(scope="module")
def built(short_track: DemoTrack) -> dict[str, bytes]:
    return build_track_media(short_track, ("flac", "ogg", "mp3"))


# ---- encoding and tags ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["flac", "ogg", "mp3"])
def test_encode_tag_read_round_trip(fmt: str, short_track: DemoTrack, built: dict[str, bytes]) -> None:
    data = built[fmt]
    tags = read_tags(data)
    assert tags.fmt == fmt
    assert tags.mime == MIME[fmt]
    assert (tags.title, tags.artist, tags.album, tags.genre) == (
        short_track.title,
        short_track.artist,
        short_track.album,
        short_track.genre,
    )
    assert tags.track_number == short_track.track_number
    assert tags.album_facts == {"date": str(short_track.year)}  # and the year, for the player's columns
    seed = short_track.synth.seed
    assert tags.cover == cover_png(short_track.title, short_track.artist, short_track.genre, seed)
    assert abs(tags.duration_ms - short_track.duration_s * 1000) <= 100
    decoded, rate = sf.read(io.BytesIO(data), dtype="float32")
    assert rate == SR
    assert decoded.shape[1] == 2
    expected = round(short_track.duration_s * SR)
    tolerance = 0 if fmt == "flac" else 2304  # lossy codecs may pad to whole frames
    assert abs(decoded.shape[0] - expected) <= tolerance
    if fmt == "flac":  # lossless up to 16-bit quantization
        original = render(short_track.synth, short_track.duration_s)
        assert np.max(np.abs(decoded - original)) < 1.0 / 32768 * 1.01


@pytest.mark.parametrize("fmt", ["flac", "ogg", "mp3"])
def test_encodings_are_byte_stable(fmt: str) -> None:
    """Same audio, same bytes (libsndfile's random Ogg serial is pinned), so content hashes are stable."""
    audio = render(SynthParams(seed=4, tempo_bpm=90, key="D", scale="dorian", style="jazz"), 3)
    first = encode(audio, SR, fmt)
    assert encode(audio, SR, fmt) == first
    decoded, _ = sf.read(io.BytesIO(first), dtype="float32")
    assert abs(decoded.shape[0] - audio.shape[0]) <= (0 if fmt == "flac" else 2304)


def test_mime_table() -> None:
    assert MIME == {"flac": "audio/flac", "ogg": "audio/ogg", "mp3": "audio/mpeg"}


@pytest.mark.parametrize("fmt", ["flac", "ogg", "mp3"])
def test_untagged_encodings_are_recognized(fmt: str) -> None:
    audio = render(SynthParams(seed=2, tempo_bpm=100, key="G", scale="major", style="folk"), 5)
    tags = read_tags(encode(audio, SR, fmt))
    assert tags.fmt == fmt
    assert (tags.title, tags.artist, tags.cover) == (None, None, None)
    assert abs(tags.duration_ms - 5_000) <= 100


def test_tagging_twice_replaces_tags_and_cover(built: dict[str, bytes]) -> None:
    other_cover = cover_png("x", "y", "Rock", 1, size=32)
    for fmt, data in built.items():
        again = tag(
            data,
            fmt,
            title="New",
            artist="Someone",
            album="Else",
            genre="Rock",
            track_number=7,
            cover_png=other_cover,
        )
        tags = read_tags(again)
        assert (tags.title, tags.genre, tags.track_number, tags.cover) == ("New", "Rock", 7, other_cover), fmt


def test_read_tags_accepts_paths(tmp_path: Path, built: dict[str, bytes]) -> None:
    path = tmp_path / "track.bin"  # the name says nothing: the format is sniffed from the content
    path.write_bytes(built["ogg"])
    assert read_tags(path).fmt == "ogg"
    assert read_tags(str(path)).mime == "audio/ogg"
    assert read_tags(path, fmt_hint="ogg").fmt == "ogg"


def test_format_hint_is_only_a_fallback(built: dict[str, bytes]) -> None:
    """Callers pass the file name's extension: the content decides, the hint only rescues odd MP3s."""
    assert read_tags(built["flac"], fmt_hint="txt").fmt == "flac"
    assert read_tags(built["flac"], fmt_hint="mp3").fmt == "flac"
    assert read_tags(built["ogg"], fmt_hint=".oga").fmt == "ogg"
    junk_first = b"\0" * 300 + built["mp3"]
    with pytest.raises(ValueError, match="not a supported audio file"):
        read_tags(junk_first)
    rescued = read_tags(junk_first, fmt_hint="mp3")  # the leading ID3 tag is lost behind the junk
    assert (rescued.fmt, rescued.duration_ms) == ("mp3", read_tags(built["mp3"]).duration_ms)


def test_other_cover_image_types_are_carried(built: dict[str, bytes]) -> None:
    """An imported file's cover may be JPEG or GIF; re-tagging keeps it, anything else is refused."""
    for image in (b"\xff\xd8\xff\xe0" + b"\0" * 64, b"GIF89a" + b"\0" * 64):
        for fmt, data in built.items():
            tagged = tag(
                data, fmt, title="t", artist="a", album="b", genre="g", track_number=1, cover_png=image
            )
            assert read_tags(tagged).cover == image, fmt
    with pytest.raises(ValueError, match="cover art"):
        tag(
            built["flac"],
            "flac",
            title="t",
            artist="a",
            album="b",
            genre="g",
            track_number=1,
            cover_png=b"??",
        )


def test_read_tags_wav_with_and_without_info(tmp_path: Path) -> None:
    audio = np.zeros((SR * 3, 2), dtype=np.float32)
    path = tmp_path / "home.wav"
    with sf.SoundFile(path, "w", SR, 2, format="WAV", subtype="PCM_16") as f:
        f.title, f.artist, f.album, f.genre = "Home Demo", "Me", "Tapes", "Folk"
        f.write(audio)
    tags = read_tags(path)
    assert (tags.fmt, tags.mime, tags.duration_ms) == ("wav", "audio/wav", 3000)
    assert (tags.title, tags.artist, tags.album, tags.genre) == ("Home Demo", "Me", "Tapes", "Folk")
    bare = io.BytesIO()
    sf.write(bare, audio[:, 0], 22050, format="WAV")
    tags = read_tags(bare.getvalue())
    assert (tags.title, tags.cover, tags.duration_ms) == (None, None, 6000)


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"this is not audio at all",
        np.random.default_rng(1).integers(0, 256, 5000, dtype=np.uint8).tobytes(),
        PNG_SIGNATURE + b"\0" * 100,
        b"OggS" + b"\0" * 200,
        b"fLaC" + b"\0" * 50,
        b"RIFF\0\0\0\0WAVEjunk",
        b"ID3\x04\0\0\0\0\0\x10" + b"x" * 100,
        b"\xff\xfb\x90\x00" + b"\0" * 500,
    ],
)
def test_read_tags_rejects_non_audio(garbage: bytes) -> None:
    for hint in (None, "mp3", "wav", "flac", "ogg"):
        with pytest.raises(ValueError, match=r"audio|readable|codec"):
            read_tags(garbage, fmt_hint=hint)


def test_unsupported_formats_are_refused() -> None:
    audio = np.zeros((SR, 2), dtype=np.float32)
    with pytest.raises(ValueError, match="unsupported audio format"):
        encode(audio, SR, "aac")
    with pytest.raises(ValueError, match="non-empty"):
        encode(np.zeros((0, 2), dtype=np.float32), SR, "flac")


def test_encode_clips_instead_of_wrapping() -> None:
    loud = np.full((SR, 2), 1.5, dtype=np.float32)
    decoded, _ = sf.read(io.BytesIO(encode(loud, SR, "flac")), dtype="float32")
    assert decoded.min() > 0.99
