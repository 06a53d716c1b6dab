"""Container decryption throughput against AES-256-GCM over the same bytes in one call.

The ratio is the price of segmenting (64 KiB segments, a nonce and tag each) and of our own bookkeeping;
the target is >= 0.70 of the single-call cipher speed.
"""

from __future__ import annotations

import os
import statistics
import time

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from player.protocol import container

MIB = 1024 * 1024


def _best_of(runs: int, fn: object) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t)
    return min(times) if runs < 5 else statistics.median(times)


def run(quick: bool) -> dict[str, float]:
    size = (16 if quick else 64) * MIB
    runs = 5 if quick else 9
    plaintext = os.urandom(size)
    key = container.new_content_key()
    sealed = container.encrypt(plaintext, key, content_id="bench", content_version=1, mime="audio/flac")
    reader = container.ContainerReader(sealed, key)
    assert reader.decrypt_all() == plaintext

    aead = AESGCM(key)
    nonce = os.urandom(12)
    one_call = aead.encrypt(nonce, plaintext, None)

    t_container = _best_of(runs, reader.decrypt_all)
    t_cipher = _best_of(runs, lambda: aead.decrypt(nonce, one_call, None))
    decrypt = size / MIB / t_container
    cipher = size / MIB / t_cipher
    return {
        "decrypt_mib_s": round(decrypt, 1),
        "cipher_mib_s": round(cipher, 1),
        "decrypt_ratio": round(decrypt / cipher, 3),
    }
