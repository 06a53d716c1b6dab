"""Generated cover art for demo tracks, as PNG, with no imaging library.

Every demo track carries a front cover so the player's library and "now playing" views, and the tag
round trip of the backend's ``add-track`` import, are exercised with real pictures. The covers are drawn
from the genre (a colour palette and a family of shapes) and the seed, so the same track always gets the
same bytes (content hashes stay stable across runs) and genres are recognizable at a glance.

The PNG encoder is a few lines of ``zlib`` + ``struct``: pulling in Pillow for one gradient per track is
not worth a dependency in the backend.
"""

from __future__ import annotations

import colorsys
import math
import struct
import zlib

import numpy as np
from numpy.typing import NDArray

__all__ = ["GENRE_PALETTES", "PNG_SIGNATURE", "cover_png", "encode_png"]

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

RGB = tuple[int, int, int]

GENRE_PALETTES: dict[str, tuple[RGB, RGB, RGB]] = {
    "jazz": ((16, 28, 70), (212, 146, 52), (240, 226, 196)),  # midnight blue, amber, cream
    "electronic": ((70, 16, 110), (18, 204, 216), (255, 70, 170)),  # violet, cyan, magenta
    "classical": ((92, 18, 34), (234, 212, 168), (190, 150, 60)),  # burgundy, parchment, gold
    "rock": ((18, 18, 22), (196, 36, 28), (236, 236, 236)),  # black, red, white
    "ambient": ((22, 90, 106), (186, 168, 228), (236, 244, 250)),  # teal, lavender, mist
    "folk": ((38, 78, 44), (214, 162, 70), (246, 230, 190)),  # forest, ochre, linen
}
"""(dark, light, accent) per lower-case genre; other genres get a palette derived from their name."""

Image = NDArray[np.float32]


def _palette(genre: str) -> tuple[RGB, RGB, RGB]:
    """The genre's palette, or a stable one hashed from the genre's name (crc32, never salted hash())."""
    known = GENRE_PALETTES.get(genre.strip().lower())
    if known is not None:
        return known
    hue = (zlib.crc32(genre.strip().lower().encode()) % 360) / 360.0

    def rgb(h: float, s: float, v: float) -> RGB:
        r, g, b = colorsys.hsv_to_rgb(h % 1.0, s, v)
        return round(r * 255), round(g * 255), round(b * 255)

    return rgb(hue, 0.7, 0.3), rgb(hue + 0.08, 0.45, 0.9), rgb(hue + 0.5, 0.5, 0.95)


def _col(c: RGB) -> NDArray[np.float32]:
    return np.asarray(c, dtype=np.float32) / np.float32(255.0)


def _paint(img: Image, coverage: NDArray[np.float32], color: NDArray[np.float32], alpha: float) -> None:
    """Composite ``color`` over ``img`` where ``coverage`` (0..1, anti-aliased) says, at ``alpha``."""
    a = (np.clip(coverage, 0.0, 1.0) * np.float32(alpha))[..., None]
    img *= 1.0 - a
    img += a * color


def cover_png(title: str, artist: str, genre: str, seed: int, size: int = 300) -> bytes:
    """A ``size``×``size`` PNG: a genre-coloured gradient with genre-typical geometric shapes.

    Deterministic in all four inputs (title and artist perturb the layout, so two tracks sharing a seed
    still differ). No text: the player shows title and artist next to the art anyway.
    """
    if size < 16:
        raise ValueError(f"cover size must be at least 16 pixels, not {size}")
    rng = np.random.default_rng([seed & 0xFFFFFFFF, zlib.crc32(f"{title}\0{artist}\0{genre}".encode())])
    dark, light, accent = (_col(c) for c in _palette(genre))
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32)
    s = float(size)

    # gradient along a random direction, plus a soft vignette
    theta = rng.uniform(0, 2 * math.pi)
    u = (xx - s / 2) * math.cos(theta) + (yy - s / 2) * math.sin(theta)
    u = (u - u.min()) / max(float(u.max() - u.min()), 1e-6)
    mix = (0.1 + 0.55 * u)[..., None]
    img: Image = dark[None, None, :] * (1.0 - mix) + light[None, None, :] * mix
    radial = np.hypot(xx - s / 2, yy - s / 2) / (s * 0.75)
    img *= (1.0 - 0.35 * radial**2)[..., None]

    def dist(cx: float, cy: float) -> NDArray[np.float32]:
        return np.asarray(np.hypot(xx - cx, yy - cy), dtype=np.float32)

    def line_dist(angle: float, offset: float) -> NDArray[np.float32]:
        """Signed distance from the line through the centre shifted by ``offset``, at ``angle``."""
        d = (xx - s / 2) * math.sin(angle) - (yy - s / 2) * math.cos(angle) - offset
        return np.asarray(d, dtype=np.float32)

    g = genre.strip().lower()
    if g == "jazz":  # a record: concentric grooves, a label, and a few slanted bars
        cx, cy = rng.uniform(0.3, 0.7, 2) * s
        d = dist(cx, cy)
        _paint(img, np.clip(s * 0.36 - d + 0.5, 0, 1), dark * 0.5, 0.9)
        for r in np.arange(s * 0.12, s * 0.36, s * 0.018):
            _paint(img, np.clip(0.7 - np.abs(d - r), 0, 1), light, 0.25)
        _paint(img, np.clip(s * 0.1 - d + 0.5, 0, 1), light, 0.95)
        angle = rng.uniform(0.5, 1.1)
        for _ in range(3):
            off = rng.uniform(-0.45, 0.45) * s
            _paint(img, np.clip(s * 0.012 - np.abs(line_dist(angle, off)) + 0.5, 0, 1), accent, 0.6)
    elif g == "electronic":  # a dot grid with a bright triangle and scan lines
        step = s / int(rng.integers(8, 14))
        gx = (xx % step) - step / 2
        gy = (yy % step) - step / 2
        _paint(img, np.clip(step * 0.12 - np.hypot(gx, gy) + 0.5, 0, 1), accent, 0.55)
        pts = rng.uniform(0.15, 0.85, (3, 2)) * s
        edges = []
        for i in range(3):
            (x0, y0), (x1, y1) = pts[i], pts[(i + 1) % 3]
            nx, ny = y1 - y0, x0 - x1
            norm = math.hypot(nx, ny) or 1.0
            sign = 1.0 if (pts[(i + 2) % 3][0] - x0) * nx + (pts[(i + 2) % 3][1] - y0) * ny > 0 else -1.0
            edges.append(sign * ((xx - x0) * nx + (yy - y0) * ny) / norm)
        inside = np.minimum(np.minimum(edges[0], edges[1]), edges[2])
        _paint(img, np.clip(inside + 0.5, 0, 1), light, 0.7)
        _paint(img, np.clip(1.5 - np.abs(inside), 0, 1), accent, 0.9)
        _paint(img, ((yy % 4) < 1).astype(np.float32), dark, 0.18)
    elif g == "classical":  # golden-section arcs and a framed field
        m = s * 0.08
        frame = np.minimum(np.minimum(xx - m, s - m - xx), np.minimum(yy - m, s - m - yy))
        _paint(img, np.clip(1.2 - np.abs(frame), 0, 1), accent, 0.9)
        r = s * 0.55
        cx, cy = s * rng.uniform(0.2, 0.4), s * rng.uniform(0.6, 0.8)
        for _ in range(6):
            _paint(img, np.clip(1.0 - np.abs(dist(cx, cy) - r), 0, 1) * (frame > 0), light, 0.7)
            r /= 1.618
            cx += r * 0.6
        _paint(img, np.clip(s * 0.06 - dist(cx, cy) + 0.5, 0, 1), accent, 0.85)
    elif g == "rock":  # bold diagonal stripes and a cut-out circle
        angle = rng.uniform(0.6, 1.0) * (1 if rng.random() < 0.5 else -1)
        period = s * rng.uniform(0.12, 0.2)
        phase = np.mod(line_dist(angle, 0.0), period)
        _paint(img, np.clip(period * 0.3 - np.abs(phase - period / 2) + 0.5, 0, 1), accent, 0.55)
        cx, cy = rng.uniform(0.3, 0.7, 2) * s
        _paint(img, np.clip(s * 0.22 - dist(cx, cy) + 0.5, 0, 1), light, 0.92)
        _paint(img, np.clip(s * 0.08 - dist(cx, cy) + 0.5, 0, 1), dark, 0.95)
    elif g == "ambient":  # soft overlapping glows and a horizon line
        for _ in range(int(rng.integers(4, 7))):
            cx, cy = rng.uniform(0.1, 0.9, 2) * s
            sigma = s * rng.uniform(0.08, 0.22)
            blob = np.exp(-(dist(cx, cy) ** 2) / (2 * sigma * sigma)).astype(np.float32)
            _paint(img, blob, accent if rng.random() < 0.5 else light, 0.45)
        horizon = s * rng.uniform(0.55, 0.75)
        _paint(img, np.clip(0.8 - np.abs(yy - horizon), 0, 1), accent, 0.8)
    elif g == "folk":  # a sun over rolling hills
        cx, cy = s * rng.uniform(0.25, 0.75), s * rng.uniform(0.2, 0.35)
        _paint(img, np.clip(s * 0.13 - dist(cx, cy) + 0.5, 0, 1), accent, 0.95)
        for i, hill in enumerate((0.5 * light + 0.5 * dark, 1.4 * dark, 0.7 * dark)):
            base = s * (0.58 + 0.12 * i)
            freq = rng.uniform(1.0, 2.5) * 2 * math.pi / s
            h = base + s * 0.05 * np.sin(xx * freq + rng.uniform(0, 2 * math.pi))
            _paint(img, np.clip(yy - h + 0.5, 0, 1), np.minimum(hill, 1.0), 0.95)
    else:  # anything else: circles and rectangles in the derived palette
        for _ in range(int(rng.integers(3, 6))):
            cx, cy = rng.uniform(0.1, 0.9, 2) * s
            if rng.random() < 0.5:
                cov = np.clip(s * rng.uniform(0.05, 0.2) - dist(cx, cy) + 0.5, 0, 1)
            else:
                hw, hh = rng.uniform(0.05, 0.2, 2) * s
                cov = np.clip(np.minimum(hw - np.abs(xx - cx), hh - np.abs(yy - cy)) + 0.5, 0, 1)
            _paint(img, cov, accent if rng.random() < 0.5 else light, float(rng.uniform(0.5, 0.9)))

    pixels = np.clip(img * 255.0 + 0.5, 0, 255).astype(np.uint8)
    return encode_png(pixels)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def encode_png(pixels: NDArray[np.uint8]) -> bytes:
    """Encode an (h, w, 3) RGB or (h, w, 4) RGBA uint8 array as an 8-bit PNG.

    Every row uses the "Up" filter (difference to the row above), which turns smooth gradients into
    long runs that zlib compresses well — several times smaller than unfiltered rows.
    """
    if pixels.dtype != np.uint8 or pixels.ndim != 3 or pixels.shape[2] not in (3, 4):
        raise ValueError("pixels must be a uint8 array of shape (height, width, 3 or 4)")
    h, w, c = pixels.shape
    flat = pixels.reshape(h, w * c)
    rows = np.empty((h, 1 + w * c), dtype=np.uint8)
    rows[:, 0] = 2  # filter type Up
    rows[0, 1:] = flat[0]
    rows[1:, 1:] = flat[1:] - flat[:-1]  # uint8 arithmetic wraps modulo 256, as PNG wants
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2 if c == 3 else 6, 0, 0, 0)
    idat = zlib.compress(rows.tobytes(), 6)  # level 9 is 6x slower for ~8% smaller covers
    return PNG_SIGNATURE + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")
