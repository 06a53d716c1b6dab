"""The offline license usage decision (FIG.10) against a 10,000-entry cached license list.

Every play asks for this decision, and a big library makes a big list. The target is
decision_offline_us_p50 <= 2000 µs. Signatures are checked once, when the list is loaded (that cost is
`list_load_ms`, which is paid at start-up and on every list update), so one decision is a clock
comparison and a dictionary lookup.
"""

from __future__ import annotations

import statistics
import time
from datetime import UTC, datetime, timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from player.license_decision import ListMark, TrustedList, decide
from player.protocol.license import License, sign_license
from player.protocol.license_list import (
    InvalidationReason,
    LicenseList,
    LicenseState,
    ListEntry,
    sign_license_list,
)
from player.protocol.package import LicensePackage, seal_package, verify_package
from player.protocol.policy import GuaranteeConditions

ENTRIES = 10_000
PACKAGES = 64
USER = "bench-user"
T0 = datetime(2026, 4, 1, 9, 30, tzinfo=UTC)


def _list(insurer: Ed25519PrivateKey) -> bytes:
    entries = tuple(
        ListEntry(f"lic-{i:05}", f"track-{i:05}", LicenseState.VALID, None, None)
        if i % 10
        else ListEntry(f"lic-{i:05}", f"track-{i:05}", LicenseState.INVALID, T0, InvalidationReason.LOSS)
        for i in range(ENTRIES)
    )
    return sign_license_list(LicenseList(USER, 42, None, T0, T0 + timedelta(days=30), entries), insurer)


def _packages(insurer: Ed25519PrivateKey) -> list[LicensePackage]:
    """Packages for valid licenses spread over the whole list."""
    licensor, policy_key = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    guarantee = GuaranteeConditions("pol-1", USER, T0, T0 + timedelta(days=365), T0, 3, 50, 200)
    out = []
    for n in range(PACKAGES):
        i = (n * (ENTRIES // PACKAGES)) | 1  # odd, so never one of the invalid tenths
        lic = License(
            f"lic-{i:05}", "p", USER, "play", f"track-{i:05}", 1, T0, None, bytes(32), T0
        )  # fmt: skip
        data = seal_package(
            sign_license(lic, licensor),
            policy_id="pol-1",
            item_id=f"item-{i}",
            license_id=lic.license_id,
            content_id=lic.content_id,
            recipient=policy_key.public_key(),
            guarantee=guarantee,
            insurer_key=insurer,
            issued_at=T0,
        )
        out.append(verify_package(data, insurer.public_key()))
    return out


def run(quick: bool) -> dict[str, float]:
    insurer = Ed25519PrivateKey.generate()
    key = insurer.public_key()
    signed = _list(insurer)
    now = T0 + timedelta(days=1)

    loads = []
    for _ in range(2 if quick else 5):
        t = time.perf_counter()
        trusted = TrustedList.load([signed], insurer_key=key, user_id=USER, mark=ListMark(), now=now)
        loads.append(time.perf_counter() - t)

    packages = _packages(insurer)
    rounds = 2_000 if quick else 20_000
    samples = []
    for n in range(rounds):
        pkg = packages[n % PACKAGES]
        t = time.perf_counter_ns()
        decide(pkg, trusted, user_id=USER, now=now, online=False, insurer_key=key)
        samples.append(time.perf_counter_ns() - t)
    samples.sort()
    return {
        "decision_offline_us_p50": round(statistics.median(samples) / 1000, 2),
        "decision_offline_us_p99": round(samples[int(len(samples) * 0.99)] / 1000, 2),
        "list_load_ms": round(min(loads) * 1000, 1),
    }


if __name__ == "__main__":
    print(run(quick=False))
