"""A collector's library of 100,000 insured tracks, written in seconds for the 100k figures.

The store is what the player keeps: a metadata file, an encrypted container and a license package per
license, the policies, the signed license list naming every license, the settings of the user it
belongs to, and the index over them. The index is written from the same values the files are (the
rows `rebuild` would read back from them; `tests/storage/test_big_library.py` checks that it does),
because reading 300,000 files back would cost more than the figures themselves.

What nothing timed here opens is filler of the real size: the packages' sealed licenses and their
signatures (a package is verified and opened only when its track plays) and the containers' audio (a few
hundred bytes of silence, really encrypted under one content key, laid out as `container.encrypt` lays
them out). Everything the figures do read is real: the metadata, the index, the directory listings, and
the license list, signed by the insurer's key.

Titles, artists and albums come from a small vocabulary, so searches find what they would in a real
library: many tracks for a common word, a few for a rare one. A few hundred tracks were lost and
re-issued: their first license is invalid in the list (a loss) and a second one replaced it.
"""

from __future__ import annotations

import os
import random
import shutil
import struct
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from player.protocol import container
from player.protocol.canonical import b64e, canonical_json, ed25519_public_bytes, now_utc
from player.protocol.license_list import InvalidationReason, LicenseState, ListEntry
from player.protocol.package import DOC_TYPE as PACKAGE_TYPE
from player.storage import KeyStore, blobs, layout
from player.storage.index import PUT_TRACK_SQL, Index
from player.storage.memory_keyring import MemoryKeyring
from player.storage.records import TrackInfo
from player.terminal.connection import SAVED_SERVER
from tests.support.factories import T0, Keys, make_list, make_policy

TRACKS = 100_000
REISSUED = 500  # tracks lost once and re-issued: an invalid license and the one that replaced it
PER_POLICY = 1_000  # licenses guaranteed by one policy
SERVER = "http://127.0.0.1:9"  # never reached: the figures run offline
USER = "collector"
LIST_VERSION = 7
GENRES = ("jazz", "classical", "rock", "ambient", "folk", "electronic", "soul", "blues", "pop", "latin")
_FIRST = (  # noqa: SIM905 - a vocabulary reads as words, not as a list of strings
    "Ada Alba Aiko Bram Cleo Dara Emil Esme Finn Gaia Hana Ilse Ivo Jun Kai Lena Lior Mara Milo Nils "
    "Noor Otto Pia Quin Rafa Rosa Sami Tova Udo Vera Wim Xena Yuki Zoe"
).split()
_LAST = (  # noqa: SIM905 - a vocabulary reads as words, not as a list of strings
    "Marlow Okafor Lindqvist Tanaka Moreau Kowalski Haddad Ferreira Novak Brennan Castillo Ivanova "
    "Sato Achebe Larsen Duarte Weiss Quispe Oyelaran Costa Nakamura Varga Holm Abara Reyes Falk "
    "Mendel Arden Sorensen Ito Vance Keller Bauer Silva Wolde Marek Petrov Lindgren Ortega Hale "
    "Kimura Dahl Amari"
).split()
_WORDS = (  # noqa: SIM905 - a vocabulary reads as words, not as a list of strings
    "night shift blue river glass morning quiet ember harbor paper lantern velvet thunder echo winter "
    "garden silver north salt orchard copper mirror hollow violet cinder meadow signal drift lullaby "
    "static horizon tide feather marble orbit ashes canyon willow neon dusk ribbon prism monsoon "
    "fable ivory sparrow delta polar saffron pulse cobalt hymn vapor juniper atlas gravel lotus "
    "mercury aurora ballad coda etude nocturne rondo sonata suite waltz fugue prelude anthem reverie "
    "interlude serenade"
).split()


@dataclass(frozen=True)
class BigLibrary:
    data_dir: Path
    keys: KeyStore  # in memory: the pinned insurer key and the list's mark
    server: str
    user_id: str
    tracks: int  # rows the library shows
    licenses: int  # licenses held: the shown ones and the replaced copies folded under them
    content_key: bytes  # every container's


def _names(rng: random.Random, n: int) -> list[str]:
    return [f"{rng.choice(_FIRST)} {rng.choice(_LAST)}" for _ in range(n)]


def _phrase(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)).title()


def _write(path: str, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


def _package_template(guarantee: object) -> str:
    """A policy's packages as the insurer files them (canonical JSON) but for the marks `_package`
    fills in: the IDs, and the sealed license and signature, which are filler of the real size."""
    fields: dict[str, object] = {k: f"\x00{k}" for k in _PACKAGE_MARKS}
    fields.update(
        {"format": 1, "guarantee": guarantee, "issued_at": "2026-04-01T09:30:00Z", "type": PACKAGE_TYPE}
    )
    fields["signer"] = "0" * 64
    return canonical_json(fields).decode()


_PACKAGE_MARKS = ("content_id", "item_id", "license_id", "policy_id", "sealed_license", "signature")


def _package(template: str, *ids: str) -> bytes:
    """`ids`: content, item, license and policy ID (plain ASCII, as the generator names them)."""
    values = (*ids, b64e(os.urandom(1100)), b64e(os.urandom(64)))
    for key, value in zip(_PACKAGE_MARKS, values, strict=True):
        template = template.replace(f"\\u0000{key}", value, 1)
    return template.encode()


_INFO_FIELDS = tuple(f.name for f in fields(TrackInfo))


def _fields(info: TrackInfo) -> tuple[object, ...]:
    """`astuple` without its deep copy (a third of the build's time)."""
    return tuple(getattr(info, name) for name in _INFO_FIELDS)


class _Sealer:
    """Containers of 256 bytes of silence, as `container.encrypt` writes them (the layout in its
    docstring) but for the one header part that differs from track to track, in a tenth of its time:
    `encrypt` parses each header back, which at 100,000 tracks is seconds. `tests/storage/
    test_big_library.py` opens them with `ContainerReader` and checks every segment."""

    PLAIN = bytes(256)

    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)
        self._commitment = b64e(container.key_commitment(key))

    def __call__(self, content_id: str) -> bytes:
        prefix = os.urandom(container.NONCE_PREFIX_SIZE)
        body = canonical_json(
            {
                "content_id": content_id,
                "content_version": 1,
                "key_commitment": self._commitment,
                "mime": "audio/flac",
                "nonce_prefix": b64e(prefix),
                "plaintext_length": len(self.PLAIN),
                "segment_size": container.SEGMENT_SIZE,
            }
        )
        header = _HEADER.pack(container.MAGIC, container.FORMAT, 0, len(body)) + body
        return header + self._aead.encrypt(prefix + _ONLY_SEGMENT, self.PLAIN, header)


_HEADER = struct.Struct(">4sBBH")  # magic, format, reserved, body length
_ONLY_SEGMENT = struct.pack(">IB", 0, 1)  # the nonce's tail: segment 0, the last one


def _is_reissued(i: int, n: int, reissued: int) -> bool:
    return reissued > 0 and i % max(1, n // reissued) == 0


def build(data_dir: Path, n: int = TRACKS, reissued: int = REISSUED, seed: int = 1) -> BigLibrary:
    """Write an n-track library into `data_dir` (created): n + `reissued` licenses, every file and the
    index, the signed list and the user's settings. About 7 s for 100,000 tracks on tmpfs."""
    rng = random.Random(seed)
    layout.make_dirs(data_dir)
    keys = Keys.generate()
    content_key = container.new_content_key()
    seal = _Sealer(content_key)
    artists = _names(rng, max(1, n // 50))
    albums = [(rng.choice(artists), _phrase(rng, rng.randint(1, 3))) for _ in range(max(1, n // 10))]
    base = str(data_dir)
    track_rows: list[tuple[object, ...]] = []
    license_rows: list[tuple[object, ...]] = []
    entries: list[ListEntry] = []
    now = int(time.time())
    policies: list[str] = []
    template = ""
    for i in range(n):
        cid, item_id, policy_id = f"C-{i:06d}", f"I-{i:06d}", f"P-{i // PER_POLICY:03d}"
        if i % PER_POLICY == 0:
            policies.append(policy_id)  # one policy per PER_POLICY tracks, guaranteeing their licenses
            last = min(n, i + PER_POLICY)
            ids = [lid for j in range(i, last) for lid in _copies(j, n, reissued)]
            policy = make_policy(
                Keys(keys.insurer, keys.licensor, X25519PrivateKey.generate()),
                policy_id,
                user_id=USER,
                guaranteed_license_ids=tuple(ids),
            )
            _write(f"{base}/{layout.policy_file(policy_id)}", policy.data)
            template = _package_template(policy.doc.guarantee().to_fields())
        artist, album = albums[i // 10]
        info = TrackInfo(
            content_id=cid,
            version=1,
            title=_phrase(rng, rng.randint(1, 4)),
            artist=artist if rng.random() > 0.1 else rng.choice(artists),  # a guest on someone's album
            album=album,
            genre=GENRES[(i // 10) % len(GENRES)],
            provider=("aurora", "harbor")[i % 2],
            duration_ms=rng.randint(90_000, 600_000),
            price=250,
            track_number=i % 10 + 1,
            disc_number=1,
            year=1960 + (i // 10) % 65,
            album_artist=artist,
            tagged=True,
        )
        sealed = seal(cid)
        rel = layout.track_file(cid, 1)
        _write(f"{base}/{layout.track_meta(cid)}", blobs.info_json(info))
        _write(f"{base}/{rel}", sealed)
        track_rows.append((*_fields(info), "audio/flac", rel, len(sealed)))
        for lid in _copies(i, n, reissued):
            package = layout.package_file(lid)
            _write(f"{base}/{package}", _package(template, cid, item_id, lid, policy_id))
            license_rows.append((lid, cid, policy_id, item_id, package, now))
            entries.append(
                ListEntry(lid, cid, LicenseState.INVALID, T0, InvalidationReason.LOSS)
                if lid.endswith("-a")
                else ListEntry(lid, cid, LicenseState.VALID, None, None)
            )
    index = Index(data_dir / layout.INDEX_NAME)
    with index.transaction() as c:
        c.executemany(PUT_TRACK_SQL, track_rows)
        c.executemany(
            "INSERT INTO licenses (license_id, content_id, policy_id, item_id, file, added_at) "
            "VALUES (?,?,?,?,?,?)",
            license_rows,
        )
        c.executemany(
            "INSERT INTO policies (policy_id, revision, file) VALUES (?,?,?)",
            [(pid, 1, layout.policy_file(pid)) for pid in policies],
        )
    index.close()
    issued = now_utc()  # current for its 30 days' grace: the verdicts are the list's, not "ran out"
    signed = make_list(keys.insurer, LIST_VERSION, *entries, user_id=USER, issued_at=issued).data
    _write(f"{base}/{layout.FULL_LIST}", signed)
    _write(f"{base}/{layout.SETTINGS_NAME}", canonical_json({SAVED_SERVER: SERVER, "user_id": USER}))
    store_keys = KeyStore("bench-100k", backend=MemoryKeyring())
    store_keys.pin_insurer_key(SERVER, b64e(ed25519_public_bytes(keys.insurer)))
    return BigLibrary(data_dir, store_keys, SERVER, USER, n, len(license_rows), content_key)


def _copies(i: int, n: int, reissued: int) -> list[str]:
    """Track i's licenses: one, or a lost first copy and the license that replaced it."""
    return [f"L-{i:06d}-a", f"L-{i:06d}"] if _is_reissued(i, n, reissued) else [f"L-{i:06d}"]


@contextmanager
def scratch(prefix: str) -> Iterator[Path]:
    """A temporary directory in memory (tmpfs) when the machine has one with room, else on disk: the
    library's 300,000 small files are written in a few seconds there instead of a quarter of a minute."""
    shm = Path("/dev/shm")
    room = shutil.disk_usage(shm).free if shm.is_dir() and os.access(shm, os.W_OK) else 0
    with tempfile.TemporaryDirectory(prefix=prefix, dir=shm if room > 3 << 30 else None) as tmp:
        yield Path(tmp)
