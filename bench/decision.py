"""The offline license usage decision (FIG.10) against a 10,000-entry cached license list.

Every play asks for this decision, and a big library makes a big list. The target is
decision_offline_us_p50 <= 2000 µs. Signatures are checked once, when the list is loaded (that cost is
`list_load_ms`, which is paid at start-up and on every list update), so one decision is a clock
comparison and a dictionary lookup.
"""

from __future__ import annotations

import statistics
import time
from datetime import timedelta

from player.license_decision import ListMark, TrustedList, decide
from player.protocol.package import LicensePackage
from tests.support.factories import T0, Keys, invalid, make_list, make_package, valid

ENTRIES = 10_000
PACKAGES = 64
USER = "bench-user"


def _list(keys: Keys) -> bytes:
    """Version 42 of the list, every tenth license invalidated (a loss), signed by the insurer."""
    entries = (
        valid(f"lic-{i:05}", f"track-{i:05}")
        if i % 10
        else invalid(f"lic-{i:05}", content_id=f"track-{i:05}")
        for i in range(ENTRIES)
    )
    return make_list(keys.insurer, 42, *entries, user_id=USER).data


def _packages(keys: Keys) -> list[LicensePackage]:
    """Packages for valid licenses spread over the whole list."""
    out = []
    for n in range(PACKAGES):
        i = (n * (ENTRIES // PACKAGES)) | 1  # odd, so never one of the invalid tenths
        out.append(make_package(keys, f"lic-{i:05}", f"track-{i:05}", user_id=USER, item_id=f"item-{i}").doc)
    return out


def run(quick: bool) -> dict[str, float]:
    keys = Keys.generate()
    key = keys.insurer_pub
    signed = _list(keys)
    now = T0 + timedelta(days=1)

    loads = []
    for _ in range(2 if quick else 5):
        t = time.perf_counter()
        trusted = TrustedList.load([signed], insurer_key=key, user_id=USER, mark=ListMark(), now=now)
        loads.append(time.perf_counter() - t)

    packages = _packages(keys)
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
