"""The demo catalog's definition: enough tracks, genres and both providers, alternates in every genre
across the providers, lookups, and clear errors for a broken definition.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from mock_backend.demo.catalog import DemoCatalog, load_catalog
from mock_backend.demo.synth import SynthParams


@pytest.fixture(scope="module")
def catalog() -> DemoCatalog:
    return load_catalog()


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
        ("price = 200", "price = 200\nyear = 99", "year must have four digits"),
        ("price = 200", "price = 200\ndisc_number = 0", "disc_number must be 1 or more"),
        ("price = 200", 'price = 200\ncompilation = "yes"', "compilation must be true or false"),
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
