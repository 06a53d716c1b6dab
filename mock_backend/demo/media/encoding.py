"""Encoding float audio as FLAC, Ogg Vorbis or MP3, in memory and reproducibly.

The content servers hold each track in several encodings so a terminal gets one it can decode ([0050]).
Encoding goes through soundfile's bundled libsndfile, all in memory: the backend stores the bytes itself,
and nothing plaintext needs to touch a temporary file. The same audio must give the same bytes on every
run, because content hashes are derived from them; Ogg needs help with that (``_fix_ogg_serial``).
"""

from __future__ import annotations

import io
import struct
import zlib
from typing import Any

import numpy as np
import soundfile as sf
from numpy.typing import NDArray

__all__ = ["FORMATS", "MIME", "check_format", "encode"]

FORMATS = ("flac", "ogg", "mp3")
"""Formats ``encode``/``tag`` produce. MP3 writing works with the bundled libsndfile 1.2.2 (LAME)."""

MIME: dict[str, str] = {"flac": "audio/flac", "ogg": "audio/ogg", "mp3": "audio/mpeg"}
"""Content type per encoding, as served by the content servers and recorded in the content container."""

_SF_FORMAT = {"flac": ("FLAC", "PCM_16"), "ogg": ("OGG", "VORBIS"), "mp3": ("MP3", "MPEG_LAYER_III")}
_CHUNK_FRAMES = 8192  # libsndfile's Vorbis encoder is ~2x faster fed in chunks than in one huge write


def check_format(fmt: str, allowed: tuple[str, ...]) -> str:
    """``fmt`` normalized (``".FLAC"`` → ``"flac"``); ValueError unless it is one of ``allowed``."""
    f = fmt.lower().lstrip(".")
    if f not in allowed:
        raise ValueError(f"unsupported audio format {fmt!r}; expected one of {', '.join(allowed)}")
    return f


def encode(audio: NDArray[np.floating[Any]], sample_rate: int, fmt: str) -> bytes:
    """Encode float audio, shape (frames,) or (frames, channels), as FLAC (16-bit), Ogg Vorbis or MP3.

    Samples are clipped to [-1, 1] first, so an overshoot is a flat top in every format instead of
    depending on how each codec (and libsndfile's clipping setting) treats out-of-range floats.
    """
    f = check_format(fmt, FORMATS)
    data = np.clip(np.asarray(audio, dtype=np.float32), -1.0, 1.0)
    if data.ndim not in (1, 2) or data.shape[0] == 0:
        raise ValueError(f"audio must be a non-empty (frames,) or (frames, channels) array, got {data.shape}")
    channels = 1 if data.ndim == 1 else data.shape[1]
    container, subtype = _SF_FORMAT[f]
    out = io.BytesIO()
    with sf.SoundFile(out, "w", sample_rate, channels, subtype=subtype, format=container) as sink:
        for i in range(0, data.shape[0], _CHUNK_FRAMES):
            sink.write(data[i : i + _CHUNK_FRAMES])
    return _fix_ogg_serial(out.getvalue()) if f == "ogg" else out.getvalue()


_OGG_SERIAL = 0x0DE30001
_BITSWAP = bytes(int(f"{i:08b}"[::-1], 2) for i in range(256))


def _ogg_crc(page: bytes) -> bytes:
    """Ogg's page CRC (CRC-32, polynomial 0x04C11DB7, MSB first), via zlib's bit-reflected one."""
    crc = ~zlib.crc32(page.translate(_BITSWAP), 0xFFFFFFFF) & 0xFFFFFFFF
    return struct.pack(">I", crc).translate(_BITSWAP)


def _fix_ogg_serial(data: bytes) -> bytes:
    """Give every page the same fixed stream serial number (and a recomputed CRC).

    libsndfile picks a random serial for each Ogg stream, so the same audio would encode to different
    bytes on every run; a fixed one keeps demo files, and the content hashes derived from them, stable.
    A single logical stream per file is all the format needs the serial for.
    """
    out = bytearray()
    pos = 0
    while pos < len(data):
        if data[pos : pos + 4] != b"OggS" or pos + 27 > len(data):
            raise ValueError("libsndfile produced an unexpected Ogg page layout")
        n_segments = data[pos + 26]
        end = pos + 27 + n_segments + sum(data[pos + 27 : pos + 27 + n_segments])
        page = bytearray(data[pos:end])
        page[14:18] = struct.pack("<I", _OGG_SERIAL)
        page[22:26] = b"\0\0\0\0"
        page[22:26] = _ogg_crc(bytes(page))
        out += page
        pos = end
    return bytes(out)
