"""A collector's library of 10,000 insured tracks opens and lists correctly. How fast is a benchmark's
to say, not a test's: `library_open_10k_ms` (bench/library_open.py) and the 100,000-track figures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.library_open import GENRES, build_library
from player.storage import Store

N = 10_000


@pytest.fixture(scope="module")
def big_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    data_dir = tmp_path_factory.mktemp("big") / "library"
    build_library(data_dir, N)
    with Store(data_dir) as store:  # the first open indexes the files
        assert store.rebuilt is not None and store.rebuilt.licenses == N
    yield data_dir


def test_ten_thousand_tracks_are_listed_correctly(big_library: Path) -> None:
    with Store(big_library) as store:
        rows = store.library()
    assert len(rows) == N
    assert len({r.license_id for r in rows}) == N
    by_license = {r.license_id: r for r in rows}
    for i in (0, 1, 4999, 9999):
        r = by_license[f"L-{i:05d}"]
        assert (r.content_id, r.title, r.artist, r.album) == (
            f"C-{i:05d}", f"Track {i}", f"Artist {i % 400}", f"Album {i % 1200}",
        )  # fmt: skip
        assert (r.genre, r.provider, r.duration_ms) == (GENRES[i % 6], ("alpha", "beta")[i % 2], 180_000 + i)
        assert (r.policy_id, r.item_id) == (f"P-{i // 100:04d}", f"I-{i:05d}")
        assert r.path == big_library / "tracks" / f"C-{i:05d}.v1.ipc" and r.package_present
    keys = [(r.artist.lower(), r.album.lower(), r.title.lower(), r.license_id) for r in rows]
    assert keys == sorted(keys), "sorted by artist, album, title"
    with Store(big_library) as store:
        assert len(store.packages()) == N and len(store.policies()) == N // 100


def test_a_missing_file_among_ten_thousand_is_noticed(big_library: Path) -> None:
    victim = big_library / "tracks" / "C-05000.v1.ipc"
    kept = victim.read_bytes()
    victim.unlink()
    try:
        with Store(big_library) as store:
            missing = [r.content_id for r in store.library() if r.path is None]
        assert missing == ["C-05000"]
    finally:
        victim.write_bytes(kept)
