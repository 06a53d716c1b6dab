"""Opening a 10,000-track library and listing it: what the player does at every start.

`library_open_10k_ms` is the median time of `Store(data_dir)` (connect, integrity quick-check) plus
`library()` (one joined query, two directory listings, 10,000 rows) on a store built beforehand; the
target is <= 1000 ms. The store is built from real blobs (insurer-signed license packages and policies,
encrypted containers) written straight to disk, then indexed by the store's own rebuild, which is timed
too (`library_rebuild_10k_ms`: what a damaged or deleted index costs, once). Only the packages' sealed
licenses are random filler of the real size: neither opening nor listing decrypts them, and HPKE sealing
10,000 of them would triple the build time.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from player.protocol import container
from player.storage import Store, blobs, layout
from tests.support.factories import Keys, filler_package, make_container, make_policy, track_info

TRACKS = 10_000
TRACKS_PER_POLICY = 100
GENRES = ("jazz", "classical", "rock", "ambient", "folk", "electronic")


def build_library(data_dir: Path, n: int = TRACKS) -> None:
    """Write the blob files of an n-track library (no index): one license per track, 100 per policy."""
    layout.make_dirs(data_dir)
    keys = Keys.generate()
    content_key = container.new_content_key()
    for p in range(0, n, TRACKS_PER_POLICY):
        policy_id = f"P-{p // TRACKS_PER_POLICY:04d}"
        license_ids = [f"L-{i:05d}" for i in range(p, min(n, p + TRACKS_PER_POLICY))]
        # Each policy has its own key pair, made on the terminal; one insurer signs them all.
        policy_keys = replace(keys, policy=X25519PrivateKey.generate())
        policy = make_policy(policy_keys, policy_id, guaranteed_license_ids=tuple(license_ids))
        (data_dir / layout.policy_file(policy_id)).write_bytes(policy.data)
        for i, license_id in enumerate(license_ids, start=p):
            info = track_info(
                f"C-{i:05d}",
                title=f"Track {i}",
                artist=f"Artist {i % 400}",
                album=f"Album {i % 1200}",
                genre=GENRES[i % len(GENRES)],
                provider=("alpha", "beta")[i % 2],
                duration_ms=180_000 + i,
            )
            sealed = make_container(plaintext=b"\0" * 2048, key=content_key, content_id=info.content_id)
            package = filler_package(
                keys, license_id, info.content_id, policy=policy.doc, item_id=f"I-{i:05d}"
            )
            (data_dir / layout.track_file(info.content_id, 1)).write_bytes(sealed.data)
            (data_dir / layout.track_meta(info.content_id)).write_bytes(blobs.info_json(info))
            (data_dir / layout.package_file(license_id)).write_bytes(package)


def _median_ms(runs: int, data_dir: Path, expect: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        with Store(data_dir) as store:
            rows = store.library()
        times.append(time.perf_counter() - t)
        assert len(rows) == expect
    return statistics.median(times) * 1000


def run(quick: bool) -> dict[str, float]:
    runs = 5 if quick else 15
    with tempfile.TemporaryDirectory(prefix="bench-library-") as tmp:
        data_dir = Path(tmp) / "library"
        build_library(data_dir, TRACKS)
        t = time.perf_counter()
        with Store(data_dir) as store:
            assert store.rebuilt is not None and store.rebuilt.licenses == TRACKS
        rebuild_ms = (time.perf_counter() - t) * 1000
        return {
            "library_open_10k_ms": round(_median_ms(runs, data_dir, TRACKS), 1),
            "library_rebuild_10k_ms": round(rebuild_ms, 1),
        }


if __name__ == "__main__":
    print(run(quick=True))
