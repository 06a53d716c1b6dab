"""Where each thing lives in the data directory, and how an ID becomes a file name.

    <data_dir>/.lock                          the writers' lock (lock.py)
    <data_dir>/library.sqlite3                the index: a cache of the files below, rebuilt if broken
    <data_dir>/settings.json                  the terminal's own small state (server URL, user)
    <data_dir>/tracks/<cid>.json              a track's catalog metadata (TrackInfo)
    <data_dir>/tracks/<cid>.v<N>.ipc          its encrypted content container, version N
    <data_dir>/tracks/<cid>.v<N>.ipc.part     a download in progress
    <data_dir>/packages/<license_id>.json     signed license packages, as received
    <data_dir>/policies/<policy_id>.json      signed policies, highest revision only
    <data_dir>/lists/full.json                the signed license list
    <data_dir>/lists/delta-<N>.json           signed deltas on top of it, by version
    <data_dir>/receipts/<receipt_id>.json     signed receipts, as received or imported

IDs come from the network, so they are escaped before they touch a path: only [A-Za-z0-9_-] stay as
they are and every other UTF-8 byte becomes %XX (so "../x" and "a.v2" cannot escape or collide); an ID
whose name would be too long for a file system is named by its SHA-256 instead. The files themselves say
which ID they hold, which is what lets the index be rebuilt from them.
"""

from __future__ import annotations

import hashlib
import string
from pathlib import Path

from player.language import translate

_SAFE = frozenset((string.ascii_letters + string.digits + "_-").encode("ascii"))
_MAX_NAME = 160  # leaves room for ".v<version>.ipc.part" and the temp-file affixes within 255 bytes

INDEX_NAME = "library.sqlite3"
SETTINGS_NAME = "settings.json"
TRACKS, PACKAGES, POLICIES, LISTS, RECEIPTS = "tracks", "packages", "policies", "lists", "receipts"
FULL_LIST = f"{LISTS}/full.json"
CONTAINER_SUFFIX = ".ipc"
PARTIAL_SUFFIX = ".part"


def safe_name(identifier: str) -> str:
    """A file-name stem for `identifier`: the same ID always gives the same name, two IDs never one."""
    if not identifier:
        raise ValueError(translate("Errors", "an empty ID has no file name"))
    escaped = "".join(chr(b) if b in _SAFE else f"%{b:02X}" for b in identifier.encode("utf-8"))
    if len(escaped) <= _MAX_NAME:
        return escaped
    # '#' never appears in an escaped name, so a hashed name cannot equal an escaped one.
    return "#" + hashlib.sha256(identifier.encode("utf-8")).hexdigest()


def track_meta(content_id: str) -> str:
    return f"{TRACKS}/{safe_name(content_id)}.json"


def track_file(content_id: str, version: int) -> str:
    return f"{TRACKS}/{safe_name(content_id)}.v{version}{CONTAINER_SUFFIX}"


def package_file(license_id: str) -> str:
    return f"{PACKAGES}/{safe_name(license_id)}.json"


def policy_file(policy_id: str) -> str:
    return f"{POLICIES}/{safe_name(policy_id)}.json"


def receipt_file(receipt_id: str) -> str:
    return f"{RECEIPTS}/{safe_name(receipt_id)}.json"


def delta_file(version: int) -> str:
    return f"{LISTS}/delta-{version}.json"


def delta_version(name: str) -> int | None:
    """The version in a `delta-<N>.json` file name, None for any other name."""
    stem = name.removeprefix("delta-").removesuffix(".json")
    if name.startswith("delta-") and name.endswith(".json") and stem.isdigit() and stem.isascii():
        return int(stem)
    return None


def make_dirs(data_dir: Path) -> None:
    """Create the data directory and its folders, private to the user (the library is nobody else's).
    `receipts/` came later and is made by its first write, so a library from before it still opens on a
    read-only disk."""
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    for sub in (TRACKS, PACKAGES, POLICIES, LISTS):
        (data_dir / sub).mkdir(mode=0o700, exist_ok=True)
