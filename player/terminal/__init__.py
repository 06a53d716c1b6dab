"""The terminal: the one door the faces (GUI, CLI) use to reach the core.

A face imports from here (the `Terminal` and the result types it hands out), from `player.errors`, and
the playback engine (`player.playback`); nothing else of the core. The protocol types re-exported below
are the ones results carry. Those of the HTTP contract (pydantic models) are loaded on first use, not
when the window starts: a face names them in annotations, or imports them where it looks at one.
"""

from typing import TYPE_CHECKING, Any

from player.license_decision import Allowed
from player.protocol.canonical import now_utc
from player.protocol.license_list import InvalidationReason, LicenseState, ListEntry
from player.protocol.policy import Policy, PolicyState
from player.redistribution import Outcome
from player.storage.records import LibraryRow, TrackInfo
from player.terminal.environment import network_timeout, playable_codecs
from player.terminal.facade import Clock, Terminal, fixed_clock
from player.terminal.folder_watch import FolderWatch
from player.terminal.insure_later import InsureOutcome
from player.terminal.playlists import (  # playlists
    DamagedPlaylist,
    ImportedPlaylist,
    Playlist,
    PlaylistEntry,
    PlaylistItem,
    resolve_playlist,
)
from player.terminal.purchases import BuyAt
from player.terminal.receipts import KeptReceipt
from player.terminal.results import (
    IntegrityReport,
    LibraryEntry,
    LibraryState,
    ListStatus,
    MusicScan,
    OpenedTrack,
    OwnFile,
    OwnTrack,
    Preview,
)
from player.terminal.upgrades import Upgraded
from player.transfer import Progress

if TYPE_CHECKING:
    from player.protocol.api import (
        Alternate,
        CatalogEntry,
        CatalogProgress,
        Choice,
        Claim,
        ClaimItem,
        ClaimOutcome,
        DirectLicense,
        Purchase,
        Terms,
        Upgrade,
        UpgradeOffer,
    )
    from player.protocol.history_api import History
    from player.protocol.insurers_api import InsurerListing, SharedAboutYou

_CONTRACT = frozenset(
    {
        "Alternate",
        "CatalogEntry",
        "CatalogProgress",
        "Choice",
        "Claim",
        "ClaimItem",
        "ClaimOutcome",
        "DirectLicense",
        "Purchase",
        "Terms",
        "Upgrade",
        "UpgradeOffer",
    }
)


def __getattr__(name: str) -> Any:
    if name in _CONTRACT:
        from player.protocol import api

        return getattr(api, name)
    if name == "History":
        from player.protocol import history_api

        return history_api.History
    if name in ("InsurerListing", "SharedAboutYou"):
        from player.protocol import insurers_api

        return getattr(insurers_api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Allowed",
    "Alternate",
    "BuyAt",
    "CatalogEntry",
    "CatalogProgress",
    "Choice",
    "Claim",
    "ClaimItem",
    "ClaimOutcome",
    "Clock",
    "DamagedPlaylist",
    "DirectLicense",
    "FolderWatch",
    "History",
    "ImportedPlaylist",
    "InsureOutcome",
    "InsurerListing",
    "IntegrityReport",
    "InvalidationReason",
    "KeptReceipt",
    "LibraryEntry",
    "LibraryRow",
    "LibraryState",
    "LicenseState",
    "ListEntry",
    "ListStatus",
    "MusicScan",
    "OpenedTrack",
    "Outcome",
    "OwnFile",
    "OwnTrack",
    "Playlist",
    "PlaylistEntry",
    "PlaylistItem",
    "Policy",
    "PolicyState",
    "Preview",
    "Progress",
    "Purchase",
    "SharedAboutYou",
    "Terminal",
    "Terms",
    "TrackInfo",
    "Upgrade",
    "UpgradeOffer",
    "Upgraded",
    "fixed_clock",
    "network_timeout",
    "now_utc",
    "playable_codecs",
    "resolve_playlist",
]
