"""The demo catalog definition: providers and tracks, loaded from ``demo_catalog.toml`` in this package.

The catalog is data, not code, so a demo can be re-staged (another price spread, a third genre for one
provider) without touching the backend. It is validated strictly when loaded — unknown fields, duplicate
IDs, a track of an unknown provider, a non-positive price, a duration the synthesizer is not meant for —
because a mistake there would otherwise surface much later as a confusing purchase or alternates result.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from mock_backend.demo.synth import SynthParams

__all__ = [
    "DEFAULT_CATALOG_PATH",
    "MAX_DURATION_S",
    "MIN_DURATION_S",
    "DemoCatalog",
    "DemoProvider",
    "DemoTrack",
    "load_catalog",
]

# Package data (in the wheel too): found through importlib.resources, wherever the package is installed.
DEFAULT_CATALOG_PATH: Traversable = files("mock_backend.demo") / "demo_catalog.toml"
MIN_DURATION_S = 20.0
MAX_DURATION_S = 60.0

_ID_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")


@dataclass(frozen=True, slots=True)
class DemoProvider:
    """A distribution service (licensor + content server); ``premium_rate`` is the insurer's base rate."""

    provider_id: str
    name: str
    premium_rate: float
    # where it sells insured tracks: "front_end" (through the insurer), "back_end" (its own checkout)
    configurations: tuple[str, ...] = ("front_end",)


@dataclass(frozen=True, slots=True)
class DemoTrack:
    """One track for sale: its shop data (price in yen) and how to synthesize its audio."""

    content_id: str
    provider_id: str
    title: str
    artist: str
    album: str
    genre: str
    price: int
    track_number: int
    duration_s: float
    synth: SynthParams
    year: int = 0  # these four are optional in the file
    disc_number: int = 0
    album_artist: str = ""
    compilation: bool = False

    def album_facts(self) -> dict[str, str]:
        """The optional album facts as tags (Vorbis comment names), the unset ones left out."""
        facts = {
            "date": str(self.year) if self.year else "",
            "discnumber": str(self.disc_number) if self.disc_number else "",
            "albumartist": self.album_artist,
            "compilation": "1" if self.compilation else "",
        }
        return {k: v for k, v in facts.items() if v}


@dataclass(frozen=True, slots=True)
class DemoCatalog:
    """Providers and tracks in file order, with the look-ups the backend needs."""

    providers: tuple[DemoProvider, ...]
    tracks: tuple[DemoTrack, ...]

    def provider(self, provider_id: str) -> DemoProvider:
        """The provider with this ID; KeyError if none."""
        for p in self.providers:
            if p.provider_id == provider_id:
                return p
        raise KeyError(provider_id)

    def track(self, content_id: str) -> DemoTrack:
        """The track with this content ID; KeyError if none."""
        for t in self.tracks:
            if t.content_id == content_id:
                return t
        raise KeyError(content_id)

    def tracks_of(self, provider_id: str) -> tuple[DemoTrack, ...]:
        """The tracks one provider sells."""
        return tuple(t for t in self.tracks if t.provider_id == provider_id)

    @property
    def genres(self) -> tuple[str, ...]:
        """Distinct genres, in order of first appearance."""
        return tuple(dict.fromkeys(t.genre for t in self.tracks))


class _Ctx:
    """Where in the file we are, so every error names the file and the entry."""

    def __init__(self, path: Traversable | str, where: str) -> None:
        self.path = path
        self.where = where

    def error(self, message: str) -> ValueError:
        return ValueError(f"demo catalog {self.path}: {self.where}: {message}")

    def check_keys(self, table: object, allowed: set[str], required: set[str]) -> None:
        if not isinstance(table, dict):
            raise self.error(f"expected a table, got {type(table).__name__}")
        unknown = sorted(set(table) - allowed)
        if unknown:
            raise self.error(f"unknown field(s) {', '.join(unknown)}; expected {', '.join(sorted(allowed))}")
        missing = sorted(required - set(table))
        if missing:
            raise self.error(f"missing field(s) {', '.join(missing)}")

    def text(self, table: Mapping[str, Any], key: str) -> str:
        value = table[key]
        if not isinstance(value, str) or not value.strip():
            raise self.error(f"{key} must be a non-empty string, got {value!r}")
        return value

    def identifier(self, table: Mapping[str, Any], key: str) -> str:
        value = self.text(table, key)
        if not _ID_RE.fullmatch(value):
            raise self.error(f"{key} {value!r} must be lower-case letters, digits and dashes (URL-safe)")
        return value

    def integer(self, table: Mapping[str, Any], key: str) -> int:
        value = table[key]
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(f"{key} must be an integer, got {value!r}")
        return value

    def number(self, table: Mapping[str, Any], key: str) -> float:
        value = table[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.error(f"{key} must be a number, got {value!r}")
        return float(value)


_PROVIDER_KEYS = {"provider_id", "name", "premium_rate", "configurations"}
_CONFIGURATIONS = ("front_end", "back_end")
_TRACK_KEYS = {f.name for f in fields(DemoTrack)}
_TRACK_OPTIONAL = {"year", "disc_number", "album_artist", "compilation"}
_SYNTH_KEYS = {f.name for f in fields(SynthParams)}
_SYNTH_REQUIRED = {"seed", "tempo_bpm", "key", "scale", "style"}


def _provider(table: Mapping[str, Any], ctx: _Ctx) -> DemoProvider:
    ctx.check_keys(table, _PROVIDER_KEYS, {"provider_id", "name"})
    rate = ctx.number(table, "premium_rate") if "premium_rate" in table else 0.08
    if not 0.0 <= rate < 1.0:
        raise ctx.error(f"premium_rate must be within [0, 1), got {rate}")
    configurations = table.get("configurations", ["front_end"])
    if (
        not isinstance(configurations, list)
        or not configurations
        or any(c not in _CONFIGURATIONS for c in configurations)
        or len(set(configurations)) != len(configurations)
    ):
        raise ctx.error(f"configurations must be a non-empty list of {', '.join(_CONFIGURATIONS)}")
    return DemoProvider(
        ctx.identifier(table, "provider_id"), ctx.text(table, "name"), rate, tuple(configurations)
    )


def _synth(table: Any, ctx: _Ctx) -> SynthParams:
    ctx.where += " synth"
    ctx.check_keys(table, _SYNTH_KEYS, _SYNTH_REQUIRED)
    kwargs: dict[str, Any] = {
        "seed": ctx.integer(table, "seed"),
        "tempo_bpm": ctx.number(table, "tempo_bpm"),
        "key": ctx.text(table, "key"),
        "scale": ctx.text(table, "scale"),
        "style": ctx.text(table, "style"),
    }
    if "meter" in table:
        kwargs["meter"] = ctx.integer(table, "meter")
    if "lead" in table:
        kwargs["lead"] = ctx.text(table, "lead")
    if "swing" in table:
        kwargs["swing"] = ctx.number(table, "swing")
    if "pentatonic" in table:
        if not isinstance(table["pentatonic"], bool):
            raise ctx.error(f"pentatonic must be true or false, got {table['pentatonic']!r}")
        kwargs["pentatonic"] = table["pentatonic"]
    try:
        return SynthParams(**kwargs)
    except ValueError as exc:
        raise ctx.error(str(exc)) from exc


def _track(table: Mapping[str, Any], ctx: _Ctx, providers: Mapping[str, DemoProvider]) -> DemoTrack:
    ctx.check_keys(table, _TRACK_KEYS, _TRACK_KEYS - _TRACK_OPTIONAL)
    content_id = ctx.identifier(table, "content_id")
    ctx.where = f"track {content_id}"
    provider_id = ctx.text(table, "provider_id")
    if provider_id not in providers:
        raise ctx.error(f"unknown provider {provider_id!r}; known: {', '.join(providers)}")
    if not content_id.startswith(provider_id + "-"):
        raise ctx.error(f"content_id must start with its provider's ID ({provider_id}-…)")
    price = ctx.integer(table, "price")
    if price <= 0:
        raise ctx.error(f"price must be a positive number of yen, got {price}")
    track_number = ctx.integer(table, "track_number")
    if track_number < 1:
        raise ctx.error(f"track_number must be 1 or more, got {track_number}")
    duration = ctx.number(table, "duration_s")
    if not MIN_DURATION_S <= duration <= MAX_DURATION_S:
        raise ctx.error(
            f"duration_s must be within {MIN_DURATION_S:g}..{MAX_DURATION_S:g} s, got {duration:g}"
        )
    return DemoTrack(
        content_id=content_id,
        provider_id=provider_id,
        title=ctx.text(table, "title"),
        artist=ctx.text(table, "artist"),
        album=ctx.text(table, "album"),
        genre=ctx.text(table, "genre"),
        price=price,
        track_number=track_number,
        duration_s=duration,
        synth=_synth(table["synth"], ctx),
        **_album_facts(table, ctx),
    )


def _album_facts(table: Mapping[str, Any], ctx: _Ctx) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    if "year" in table:
        facts["year"] = ctx.integer(table, "year")
        if not 1000 <= facts["year"] <= 9999:
            raise ctx.error(f"year must have four digits, got {facts['year']}")
    if "disc_number" in table:
        facts["disc_number"] = ctx.integer(table, "disc_number")
        if facts["disc_number"] < 1:
            raise ctx.error(f"disc_number must be 1 or more, got {facts['disc_number']}")
    if "album_artist" in table:
        facts["album_artist"] = ctx.text(table, "album_artist")
    if "compilation" in table:
        if not isinstance(table["compilation"], bool):
            raise ctx.error("compilation must be true or false")
        facts["compilation"] = table["compilation"]
    return facts


def load_catalog(path: Traversable | Path | str | None = None) -> DemoCatalog:
    """Load and validate the catalog (default: ``DEFAULT_CATALOG_PATH``, the one this package ships).

    Raises ValueError with the file and the offending entry named, for any syntax or content error, and
    FileNotFoundError if the file does not exist.
    """
    source: Traversable = (
        DEFAULT_CATALOG_PATH if path is None else Path(path) if isinstance(path, str) else path
    )
    with source.open("rb") as fh:
        try:
            doc = tomllib.load(fh)
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"demo catalog {source}: not valid TOML: {exc}") from exc
    top = _Ctx(source, "top level")
    top.check_keys(doc, {"schema_version", "providers", "tracks"}, {"providers", "tracks"})
    if doc.get("schema_version", 1) != 1:
        raise top.error(f"unsupported schema_version {doc['schema_version']!r} (this code reads 1)")
    raw_providers, raw_tracks = doc["providers"], doc["tracks"]
    if not isinstance(raw_providers, list) or not raw_providers:
        raise top.error("providers must be a non-empty array of tables ([[providers]])")
    if not isinstance(raw_tracks, list) or not raw_tracks:
        raise top.error("tracks must be a non-empty array of tables ([[tracks]])")

    providers: dict[str, DemoProvider] = {}
    for i, table in enumerate(raw_providers):
        provider = _provider(table, _Ctx(source, f"provider #{i + 1}"))
        if provider.provider_id in providers:
            raise top.error(f"duplicate provider_id {provider.provider_id!r}")
        providers[provider.provider_id] = provider

    tracks: dict[str, DemoTrack] = {}
    for i, table in enumerate(raw_tracks):
        track = _track(table, _Ctx(source, f"track #{i + 1}"), providers)
        if track.content_id in tracks:
            raise top.error(f"duplicate content_id {track.content_id!r}")
        tracks[track.content_id] = track
    return DemoCatalog(tuple(providers.values()), tuple(tracks.values()))
