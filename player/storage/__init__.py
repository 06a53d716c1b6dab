"""The storage medium 45 (encrypted tracks, license packages, policies, the license list) and the keyring.

A core package: no Qt, no network. `Store` owns the data directory, `KeyStore` the OS keyring entries;
the terminal builds one of each at the edge and hands them down.
"""

from player.storage.keys import KeyStore
from player.storage.records import (
    FileState,
    LibraryRow,
    PackageRow,
    PolicyRow,
    TrackFileStatus,
    TrackInfo,
    TrackRow,
)
from player.storage.store import Store

__all__ = [
    "FileState",
    "KeyStore",
    "LibraryRow",
    "PackageRow",
    "PolicyRow",
    "Store",
    "TrackFileStatus",
    "TrackInfo",
    "TrackRow",
]
