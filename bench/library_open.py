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

import os
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from player.protocol import container
from player.protocol import package as package_format
from player.protocol.canonical import b64e, fingerprint, format_time, sign_document, x25519_public_bytes
from player.protocol.policy import Policy, PolicyState, sign_policy
from player.storage import Store, TrackInfo, blobs, layout

TRACKS = 10_000
TRACKS_PER_POLICY = 100
GENRES = ("jazz", "classical", "rock", "ambient", "folk", "electronic")


def _policy(contract_id: str, key: X25519PrivateKey, license_ids: list[str], now: datetime) -> Policy:
    public = x25519_public_bytes(key)
    return Policy(
        contract_id=contract_id,
        insured="Bench User",
        user_id="U-bench",
        state=PolicyState.OFFICIAL,
        revision=1,
        guaranteed_license_ids=tuple(license_ids),
        premium_yen_per_track=30,
        guarantee_start=now,
        guarantee_end=now + timedelta(days=365),
        relicensing_starts=now + timedelta(days=7),
        relicensing_limit_per_track=3,
        relicensing_limit_total=100,
        price_difference_limit=200,
        public_key=public,
        public_key_fingerprint=fingerprint(public),
        issued_at=now,
    )


def build_library(data_dir: Path, n: int = TRACKS) -> None:
    """Write the blob files of an n-track library (no index): one license per track, 100 per policy."""
    layout.make_dirs(data_dir)
    insurer = Ed25519PrivateKey.generate()
    now = datetime(2026, 1, 1, tzinfo=UTC)
    content_key = container.new_content_key()
    for p in range(0, n, TRACKS_PER_POLICY):
        policy_id = f"P-{p // TRACKS_PER_POLICY:04d}"
        policy_key = X25519PrivateKey.generate()
        license_ids = [f"L-{i:05d}" for i in range(p, min(n, p + TRACKS_PER_POLICY))]
        policy = _policy(policy_id, policy_key, license_ids, now)
        guarantee = policy.guarantee().to_fields()
        (data_dir / layout.policy_file(policy_id)).write_bytes(sign_policy(policy, insurer))
        for i, license_id in enumerate(license_ids, start=p):
            info = TrackInfo(
                content_id=f"C-{i:05d}",
                version=1,
                title=f"Track {i}",
                artist=f"Artist {i % 400}",
                album=f"Album {i % 1200}",
                genre=GENRES[i % len(GENRES)],
                provider=("alpha", "beta")[i % 2],
                duration_ms=180_000 + i,
                price=250,
            )
            sealed = container.encrypt(
                b"\0" * 2048, content_key, content_id=info.content_id, content_version=1, mime="audio/flac"
            )
            package = sign_document(
                package_format.DOC_TYPE,
                {
                    "policy_id": policy_id,
                    "item_id": f"I-{i:05d}",
                    "license_id": license_id,
                    "content_id": info.content_id,
                    "guarantee": guarantee,
                    "issued_at": format_time(now),
                    "sealed_license": b64e(os.urandom(1100)),  # filler of the real size: never opened here
                },
                insurer,
            )
            (data_dir / layout.track_file(info.content_id, 1)).write_bytes(sealed)
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
