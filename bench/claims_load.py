"""The insurer under load: many terminals reporting a loss at the same moment, on the real backend.

Each of `TERMINALS` users signs up, takes out a policy and buys one track (the setup, not timed); then
all of them send their loss report at once (a barrier releases the threads together), each over its own
HTTP connection as separate terminals would. `claims_p95_ms` is the 95th percentile of the claim's round
trip (the insurer judges the guarantee conditions, re-issues the license, signs it and the new license
list); `claims_refused` counts answers that were not a grant (a limit hit, a 429, an error): the target
is none. `claims_baseline_ms` is one claim alone on the same backend, the figure the load is read against.
"""

from __future__ import annotations

import statistics
import tempfile
import threading
import time
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from bench import demo
from player.client import Client
from player.errors import PlayerError
from player.protocol.api import ClaimOutcome
from player.protocol.canonical import b64e, x25519_public_bytes
from tests.support.backend import Backend

TERMINALS = 50
TRACKS = ("aurora-0001", "aurora-0002", "harbor-0003", "harbor-0006", "aurora-0013")
PASSWORD = "bench password, not a secret"


def _insured_buyer(url: str, n: int) -> tuple[Client, str, str]:
    """A signed-in user with a policy and one license: (client, policy ID, license ID)."""
    client = Client(url)
    name = f"load-{n}-{time.monotonic_ns()}"
    client.sign_up(name, PASSWORD)
    client.sign_in(name, PASSWORD)
    public = b64e(x25519_public_bytes(X25519PrivateKey.generate()))
    policy = client.take_out_policy(public)
    bought = client.purchase(policy.policy_id, TRACKS[n % len(TRACKS)])
    return client, policy.policy_id, bought.license.license_id


def _claim_all_at_once(buyers: list[tuple[Client, str, str]]) -> tuple[list[float], int]:
    barrier = threading.Barrier(len(buyers))
    times: list[float] = []
    refused = 0
    lock = threading.Lock()

    def claim(client: Client, policy_id: str, license_id: str) -> None:
        nonlocal refused
        barrier.wait()
        started = time.perf_counter()
        try:
            answer = client.claim(policy_id, [license_id])
            ok = all(item.outcome != ClaimOutcome.REFUSED for item in answer.items)
        except PlayerError:
            ok = False
        elapsed = (time.perf_counter() - started) * 1000
        with lock:
            times.append(elapsed)
            refused += 0 if ok else 1

    threads = [threading.Thread(target=claim, args=buyer) for buyer in buyers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, refused


def run(quick: bool) -> dict[str, float]:
    del quick  # the load is the figure: fifty terminals either way
    with tempfile.TemporaryDirectory(prefix="bench-claims-") as tmp:
        backend = Backend(demo.backend_dir(Path(tmp, "backend")))
        try:
            alone_client, alone_policy, alone_license = _insured_buyer(backend.url, TERMINALS)
            started = time.perf_counter()
            alone_client.claim(alone_policy, [alone_license])
            alone_ms = (time.perf_counter() - started) * 1000
            buyers = [_insured_buyer(backend.url, n) for n in range(TERMINALS)]
            times, refused = _claim_all_at_once(buyers)
        finally:
            backend.stop()
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {
        "claims_p95_ms": round(p95, 1),
        "claims_p50_ms": round(statistics.median(times), 1),
        "claims_baseline_ms": round(alone_ms, 1),
        "claims_refused": refused,
    }


if __name__ == "__main__":
    print(run(quick=True))
