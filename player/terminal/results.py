"""What the terminal hands its faces: frozen results, so no face can change the core by editing one.

These and the protocol types re-exported by `player.terminal` are the whole vocabulary a face needs;
a face never reaches into storage, the decision or the client to get at the same facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from player.protocol.license_list import ListEntry
from player.storage.records import LibraryRow

if TYPE_CHECKING:
    from player.license_decision import Allowed
    from player.playback.replaygain import ReplayGain
    from player.playback.tags import Cover
    from player.protocol.container import ContainerReader
    from player.protocol.license import License
    from player.protocol.package import LicensePackage


class LibraryState(StrEnum):
    """What the cached license list says of a license the terminal holds (the CLI prints the value)."""

    VALID = "valid"
    INVALID = "invalid"  # FIG.7: invalidated, with a reason and a date
    UNKNOWN = "unknown"  # the list cannot say: not named, no list yet, or a list that cannot be trusted


@dataclass(frozen=True)
class OwnFile:
    """The user's own audio file behind a library entry: read where it is, never copied, never insured,
    and nothing about it is sent to the insurer or a provider."""

    path: Path
    folder: Path | None  # the added folder it was found in; None for a file added on its own
    available: bool  # False: its folder (a drive, a share) cannot be reached now; kept, shown greyed
    mime: str = ""


@dataclass(frozen=True, slots=True)  # slots: a library lists 100,000, in half the memory
class LibraryEntry:
    """One license the terminal knows, with what the cached list says of it.

    `reason` is a code for machines: for an invalid license the FIG.7 reason as on the wire
    (`redistributed_after_loss`, `replaced_by_alternate`, `version_upgrade`, ...); for an unknown one why
    the list cannot say (`not_in_list`, `no_list`, or the refusal's code such as `list_rollback`); "" when
    valid. `detail` says the same in words.
    """

    row: LibraryRow
    state: LibraryState
    reason: str = ""
    invalidated_at: datetime | None = None
    detail: str = ""
    # An invalid license's successor held here (re-issued, alternate, upgrade, insured later): the copy
    # that replaced it. A face folds such an entry under its successor; "" when nothing here replaced it.
    replaced_by: str = ""
    # The user's own file (`OwnMusic`), not a license: `row` then holds its tags, its ID (the same in
    # `license_id` and `content_id`, never shown) and its path; None for a track bought from a provider.
    own: OwnFile | None = None
    # Who insures it (or, bought without insurance, whose library it came through): the insurer's name;
    # "" for the user's own file. A user with policies at several insurers sees each track's.
    insurer: str = ""
    # Claim 32: the insurer whose policy covers the track's audio alone, when another than `insurer`.
    audio_insurer: str = ""

    @property
    def insured(self) -> bool:
        """Covered by an insurance policy; False for a track bought without insurance (FIG.15) and for
        the user's own file."""
        return bool(self.row.policy_id)

    @property
    def bought_uninsured(self) -> bool:
        """Bought from a provider without insurance: what *Insure…* offers to insure."""
        return self.own is None and not self.row.policy_id

    @property
    def playable(self) -> bool:
        """Worth trying to play: not refused by the cached list, and, for the user's own file, where
        it can be read now (a play order passes over the rest)."""
        return self.state is not LibraryState.INVALID and (self.own is None or self.own.available)


@dataclass(frozen=True)
class ListStatus:
    """The signed license list the terminal relies on (FIG.7), as facts: it is verified already, and a
    face can show it but not feed it back into a decision."""

    version: int
    issued_at: datetime
    expires_at: datetime
    entries: tuple[ListEntry, ...]

    def entry(self, license_id: str) -> ListEntry | None:
        return next((e for e in self.entries if e.license_id == license_id), None)

    def is_expired(self, now: datetime) -> bool:
        return now >= self.expires_at


@dataclass(frozen=True)
class Preview:
    """A store clip of a track, in memory only (`data`, to play from a buffer). `mime` is the type the
    server named, checked against the bytes and against the encodings this terminal decodes."""

    content_id: str
    mime: str
    data: bytes


@dataclass(frozen=True)
class OwnTrack:
    """The user's own file, ready to play from where it is (`path`), with what to show."""

    own_id: str
    path: Path
    mime: str
    title: str
    artist: str
    album: str
    duration_ms: int
    cover: Cover | None
    replaygain: ReplayGain | None = None  # its own REPLAYGAIN_* tags


@dataclass(frozen=True)
class MusicScan:
    """What adding or rescanning the user's own music did: files added, changed and gone, files that
    are not playable audio (path and why, in words), and places that cannot be reached now."""

    added: int
    updated: int
    removed: int
    skipped: tuple[tuple[Path, str], ...] = ()
    unavailable: tuple[Path, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


@dataclass(frozen=True)
class IntegrityReport:
    missing: list[str]
    corrupt: list[str]
    ok: int


@dataclass(frozen=True)
class OpenedTrack:
    """A track cleared to play (FIG.10): the decision, its license, the decrypting reader over the open
    file (first segments already decrypted), the cover from the decrypted tags, and what to show.
    The holder closes it; the playback engine builds its source device from `reader` and `file`."""

    license_id: str
    content_id: str
    license: License
    package: LicensePackage | None  # None for a license bought without insurance
    decision: Allowed
    reader: ContainerReader
    file: BinaryIO
    mime: str
    title: str
    artist: str
    album: str
    duration_ms: int
    cover: Cover | None
    replaygain: ReplayGain | None = None  # the REPLAYGAIN_* tags, for the engine to level it

    @property
    def reusable_for_s(self) -> float | None:
        """How long a track opened ahead may wait for its play on this decision: the insurer's fresh
        answer (every-play policies, claim 26) is good for `STATEMENT_FRESH` only; None: no such bound."""
        from player.license_decision.decision import STATEMENT_FRESH, Source

        return STATEMENT_FRESH.total_seconds() if self.decision.source is Source.INSURER else None

    def close(self) -> None:
        self.file.close()
