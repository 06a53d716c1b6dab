"""The demo catalog: its definition, synthesized music, encodings, tags and cover art.

The backend builds its catalog from these pieces on first start, and the player's tests buy, lose and
re-download those tracks, so the guarantees checked here are the ones the rest relies on: the catalog has
alternates in every genre across both providers, every track renders deterministically to real music
(not silence, not a test tone), and every encoding carries tags and a cover that read back intact.
"""

from __future__ import annotations

import io
import struct
import time
import zlib
from collections import defaultdict
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from numpy.typing import NDArray

from mock_backend.demo import preview
from mock_backend.demo.catalog import DemoCatalog, DemoTrack, load_catalog
from mock_backend.demo.cover import PNG_SIGNATURE, cover_png, encode_png
from mock_backend.demo.media import MIME, build_track_media, encode, tag
from mock_backend.demo.synth import SynthParams, render
from mock_backend.demo.tags import read_tags

SR = 44100


# ---- fixtures -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def catalog() -> DemoCatalog:
    return load_catalog()


@pytest.fixture(scope="module")
def one_per_genre(catalog: DemoCatalog) -> dict[str, tuple[DemoTrack, NDArray[np.float32]]]:
    """The first track of every genre, rendered once for the module."""
    firsts: dict[str, DemoTrack] = {}
    for t in catalog.tracks:
        firsts.setdefault(t.genre, t)
    return {g: (t, render(t.synth, t.duration_s)) for g, t in firsts.items()}


@pytest.fixture(scope="module")
def short_track(catalog: DemoCatalog) -> DemoTrack:
    return min(catalog.tracks, key=lambda t: t.duration_s)


@pytest.fixture(scope="module")
def built(short_track: DemoTrack) -> dict[str, bytes]:
    return build_track_media(short_track, ("flac", "ogg", "mp3"))


# ---- the catalog --------------------------------------------------------------------------------------


def test_catalog_has_enough_tracks_genres_and_both_providers(catalog: DemoCatalog) -> None:
    assert len(catalog.tracks) >= 24
    assert len(catalog.genres) >= 4
    assert {p.provider_id for p in catalog.providers} == {"aurora", "harbor"}
    assert catalog.provider("aurora").name == "Aurora Records"
    assert catalog.provider("harbor").name == "Blue Harbor Music"
    assert all(0 < p.premium_rate < 1 for p in catalog.providers)
    assert len({t.content_id for t in catalog.tracks}) == len(catalog.tracks)
    for t in catalog.tracks:
        assert t.content_id.startswith(t.provider_id + "-")
        assert 20 <= t.duration_s <= 60
        assert 100 <= t.price <= 500
        assert t.title and t.artist and t.album and t.track_number >= 1
    assert len({t.price for t in catalog.tracks}) >= 10, "prices must vary so price-difference limits matter"


def test_every_genre_has_alternates_from_the_other_provider(catalog: DemoCatalog) -> None:
    providers_by_genre: dict[str, set[str]] = defaultdict(set)
    for t in catalog.tracks:
        providers_by_genre[t.genre].add(t.provider_id)
    assert all(p == {"aurora", "harbor"} for p in providers_by_genre.values()), providers_by_genre
    for t in catalog.tracks:
        others = [o for o in catalog.tracks if o.genre == t.genre and o.provider_id != t.provider_id]
        assert others, f"{t.content_id} has no alternate from another provider"


def test_catalog_lookups(catalog: DemoCatalog) -> None:
    first = catalog.tracks[0]
    assert catalog.track(first.content_id) is first
    assert first in catalog.tracks_of(first.provider_id)
    with pytest.raises(KeyError):
        catalog.track("nobody-0001")
    with pytest.raises(KeyError):
        catalog.provider("nobody")


_MINIMAL = """
[[providers]]
provider_id = "aurora"
name = "Aurora Records"
premium_rate = 0.08

[[tracks]]
content_id = "aurora-0001"
provider_id = "aurora"
title = "T"
artist = "A"
album = "B"
genre = "Jazz"
price = 200
track_number = 1
duration_s = 30
synth = { seed = 1, tempo_bpm = 100, key = "C", scale = "major", style = "jazz" }
"""


def test_catalog_loads_from_an_explicit_path(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(_MINIMAL)
    cat = load_catalog(path)
    assert [t.content_id for t in cat.tracks] == ["aurora-0001"]
    assert cat.tracks[0].synth == SynthParams(seed=1, tempo_bpm=100, key="C", scale="major", style="jazz")
    assert load_catalog(str(path)) == cat


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("price = 200", "price = 0", "price must be a positive"),
        ("price = 200", "price = 19.5", "price must be an integer"),
        ("duration_s = 30", "duration_s = 61", "duration_s must be within 20..60"),
        ("duration_s = 30", "duration_s = 19", "duration_s must be within 20..60"),
        ('provider_id = "aurora"\ntitle', 'provider_id = "harbor"\ntitle', "unknown provider 'harbor'"),
        ("price = 200", "price = 200\nprce = 3", "unknown field"),
        ('key = "C"', 'key = "H"', "unknown key 'H'"),
        ('style = "jazz"', 'style = "polka"', "unknown style 'polka'"),
        ('content_id = "aurora-0001"', 'content_id = "Aurora 1"', "URL-safe"),
        ('content_id = "aurora-0001"', 'content_id = "other-0001"', "must start with its provider"),
        ("name = ", "# name = ", "missing field(s) name"),
        ("premium_rate = 0.08", "premium_rate = 1.5", "premium_rate"),
        ("[[tracks]]", "[[tracks]\n", "not valid TOML"),
    ],
)
def test_catalog_validation_errors_are_clear(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in _MINIMAL
    path = tmp_path / "c.toml"
    path.write_text(_MINIMAL.replace(old, new, 1))
    with pytest.raises(ValueError, match="demo catalog") as err:
        load_catalog(path)
    assert message in str(err.value)


def test_duplicate_ids_are_rejected(tmp_path: Path) -> None:
    track = _MINIMAL[_MINIMAL.index("[[tracks]]") :]
    path = tmp_path / "c.toml"
    path.write_text(_MINIMAL + track)
    with pytest.raises(ValueError, match="duplicate content_id 'aurora-0001'"):
        load_catalog(path)
    provider = _MINIMAL[: _MINIMAL.index("[[tracks]]")]
    path.write_text(provider + _MINIMAL)
    with pytest.raises(ValueError, match="duplicate provider_id 'aurora'"):
        load_catalog(path)


# ---- synthesis ----------------------------------------------------------------------------------------


def _onsets_per_second(mono: NDArray[np.float64]) -> float:
    """Rises of the 20 ms RMS envelope by 25 % or more (note and drum attacks), per second."""
    frame = SR // 50
    env = np.sqrt((mono[: mono.size // frame * frame].reshape(-1, frame) ** 2).mean(axis=1))
    body = env[50:-175]  # leave out the fade-in and the held ending
    rises = (body[1:] > 1.25 * body[:-1]) & (body[1:] > 0.1 * body.max())
    return float(rises.sum()) / (float(body.size) / 50)


def _spectral_variety(mono: NDArray[np.float64]) -> tuple[float, int]:
    """(median number of spectral peaks per 93 ms frame, distinct semitones among each frame's top 5)."""
    win, hop = 4096, SR // 20
    starts = np.arange(0, mono.size - win, hop)
    frames = mono[starts[:, None] + np.arange(win)[None, :]] * np.hanning(win)
    spec = np.abs(np.fft.rfft(frames, axis=1))
    freqs = np.fft.rfftfreq(win, 1 / SR)
    counts, pitches = [], set()
    for row in spec:
        peak = (row[1:-1] > row[:-2]) & (row[1:-1] >= row[2:]) & (row[1:-1] > row.max() * 10 ** (-30 / 20))
        idx = np.nonzero(peak)[0] + 1
        counts.append(idx.size)
        for k in idx[np.argsort(row[idx])[-5:]]:
            if freqs[k] > 30:
                pitches.add(round(69 + 12 * np.log2(freqs[k] / 440)))
    return float(np.median(counts)), len(pitches)


def test_render_is_deterministic_and_shaped() -> None:
    params = SynthParams(seed=5, tempo_bpm=120, key="A", scale="minor", style="electronic")
    a = render(params, 21.5)
    b = render(params, 21.5)
    assert a.dtype == np.float32
    assert a.shape == (round(21.5 * SR), 2)
    assert np.array_equal(a, b)
    c = render(SynthParams(seed=6, tempo_bpm=120, key="A", scale="minor", style="electronic"), 21.5)
    assert not np.array_equal(a, c)
    assert render(params, 20, sample_rate=22050).shape == (20 * 22050, 2)


def test_every_style_renders_music(
    one_per_genre: dict[str, tuple[DemoTrack, NDArray[np.float32]]],
) -> None:
    assert len(one_per_genre) >= 4
    for genre, (track, audio) in one_per_genre.items():
        assert audio.shape == (round(track.duration_s * SR), 2), genre
        peak = float(np.max(np.abs(audio)))
        assert 0.85 < peak <= 1.0, f"{genre}: normalized to about -1 dBFS, got peak {peak}"
        mono = audio.astype(np.float64).mean(axis=1)
        rms = float(np.sqrt(np.mean(mono**2)))
        assert rms > 0.05, f"{genre}: nearly silent (RMS {rms})"
        assert not np.array_equal(audio[:, 0], audio[:, 1]), f"{genre}: no stereo panning"
        assert np.max(np.abs(audio[:100])) < 0.05, f"{genre}: no fade-in"
        assert np.max(np.abs(audio[-100:])) < 0.01, f"{genre}: no fade-out"
        peaks_per_frame, distinct_pitches = _spectral_variety(mono)
        assert peaks_per_frame >= 6, f"{genre}: too few partials at once ({peaks_per_frame}) for harmony"
        assert distinct_pitches >= 20, f"{genre}: only {distinct_pitches} distinct pitches: a tone, not music"
        frame = SR // 50
        env = np.sqrt((mono[: mono.size // frame * frame].reshape(-1, frame) ** 2).mean(axis=1))[50:-175]
        assert env.std() / env.mean() > 0.1, f"{genre}: the loudness never changes"


def test_genres_sound_different(one_per_genre: dict[str, tuple[DemoTrack, NDArray[np.float32]]]) -> None:
    onsets = {g: _onsets_per_second(a.astype(np.float64).mean(axis=1)) for g, (_, a) in one_per_genre.items()}
    for drummed in ("Rock", "Electronic", "Jazz", "Folk"):
        assert onsets[drummed] >= 1.5, onsets
    assert onsets["Rock"] > 2 * onsets["Classical"], onsets
    assert onsets["Electronic"] > 2 * onsets["Classical"], onsets


def test_a_bare_tone_fails_the_music_checks() -> None:
    """The checks above would catch a synthesizer that degenerated into a test tone."""
    t = np.arange(30 * SR) / SR
    tone = 0.5 * np.sin(2 * np.pi * 440 * t)
    peaks, pitches = _spectral_variety(tone)
    assert pitches < 20
    assert _onsets_per_second(tone) < 0.5
    assert peaks < 6


def test_render_is_fast() -> None:
    params = SynthParams(seed=9, tempo_bpm=132, key="E", scale="minor", style="rock")
    started = time.process_time()
    render(params, 60)
    assert time.process_time() - started < 2.0  # ~0.15 s on the reference machine


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("key", "H", "unknown key"),
        ("scale", "bluesy", "unknown scale"),
        ("style", "polka", "unknown style"),
        ("meter", 5, "meter"),
        ("tempo_bpm", 10, "tempo_bpm"),
        ("lead", "kazoo", "unknown lead"),
        ("swing", 2.0, "swing"),
    ],
)
def test_synth_params_are_validated(field: str, value: object, message: str) -> None:
    base: dict[str, object] = {"seed": 1, "tempo_bpm": 100, "key": "C", "scale": "major", "style": "jazz"}
    with pytest.raises(ValueError, match=message):
        SynthParams(**{**base, field: value})  # type: ignore[arg-type]


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


# ---- cover art -----------------------------------------------------------------------------------------


def _png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:8] == PNG_SIGNATURE
    chunks, pos = [], 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert crc == zlib.crc32(kind + body) & 0xFFFFFFFF, kind
        chunks.append((kind, body))
        pos += 12 + length
    return chunks


def _decode_png(data: bytes) -> NDArray[np.uint8]:
    chunks = _png_chunks(data)
    assert chunks[0][0] == b"IHDR" and chunks[-1][0] == b"IEND"
    width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
    assert (depth, color, interlace) == (8, 2, 0)
    raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    rows = np.frombuffer(raw, dtype=np.uint8).reshape(height, 1 + width * 3)
    assert set(rows[:, 0].tolist()) == {2}  # the encoder uses the Up filter throughout
    return np.cumsum(rows[:, 1:], axis=0, dtype=np.uint8).reshape(height, width, 3)


@pytest.mark.parametrize("genre", ["Jazz", "Electronic", "Classical", "Rock", "Ambient", "Folk", "Polka"])
def test_cover_png_is_a_valid_deterministic_image(genre: str) -> None:
    data = cover_png("Title", "Artist", genre, 42)
    width, height = struct.unpack(">II", _png_chunks(data)[0][1][:8])
    assert (width, height) == (300, 300)
    pixels = _decode_png(data)
    assert pixels.shape == (300, 300, 3)
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) > 50, "a gradient with shapes, not a flat fill"
    assert cover_png("Title", "Artist", genre, 42) == data
    assert cover_png("Other", "Artist", genre, 42) != data
    assert cover_png("Title", "Artist", genre, 43) != data


def test_cover_sizes_and_genres_differ() -> None:
    small = _decode_png(cover_png("T", "A", "Jazz", 1, size=64))
    assert small.shape == (64, 64, 3)
    jazz = _decode_png(cover_png("T", "A", "Jazz", 1)).reshape(-1, 3).mean(axis=0)
    rock = _decode_png(cover_png("T", "A", "Rock", 1)).reshape(-1, 3).mean(axis=0)
    assert np.abs(jazz - rock).max() > 10  # genre palettes are visibly different
    with pytest.raises(ValueError):
        cover_png("T", "A", "Jazz", 1, size=4)


def test_encode_png_round_trips_and_validates() -> None:
    pixels = np.random.default_rng(3).integers(0, 256, (7, 5, 3), dtype=np.uint8)
    assert np.array_equal(_decode_png(encode_png(pixels)), pixels)
    with pytest.raises(ValueError):
        encode_png(pixels.astype(np.float32))


# ---- preview script ------------------------------------------------------------------------------------


def test_preview_writes_tagged_flacs(
    tmp_path: Path, catalog: DemoCatalog, capsys: pytest.CaptureFixture[str]
) -> None:
    assert preview.main([str(tmp_path), "1"]) == 0
    files = sorted(tmp_path.iterdir())
    assert len(files) == 1 and files[0].suffix == ".flac"
    assert read_tags(files[0]).title == catalog.tracks[0].title
    assert "Jazz" in capsys.readouterr().out
    assert preview.main([]) == 2
    assert preview.main([str(tmp_path), "many"]) == 2
