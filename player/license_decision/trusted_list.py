"""The trusted license list (FIG.7, license list 43): which signed list the terminal may rely on.

Every "may this list replace that one?" decision is made here, over bytes and times the caller passes in;
nothing here reads a file, the network, the keyring or the clock. The rules:

1. A list carries the insurer's signature, by the pinned key, over a well-formed document. Otherwise the
   protocol's `IntegrityError` (bad signature, unknown signer, malformed) passes through unchanged.
2. A list is for this user. Another user's list is refused (`WrongLicenseeError`).
3. The version only goes up. The highest version ever accepted and the newest `issued_at` ever seen form
   the *mark*, which the caller keeps in the OS keyring, so deleting or restoring the data directory does
   not reset it. A list below the mark is a rollback (`ListRollbackError`). That includes the cached chain
   itself: a cache below the mark means the data directory was restored from an old backup.
4. An equal version does no harm. The current list is kept and nothing is reported (python-tuf's
   EqualVersionNumberError idea). One exception: the same version issued again later renews the offline
   grace (`expires_at`), so we take the later copy. The same version with different entries means the
   insurer contradicts itself (`MismatchError`).
5. A delta applies only to the version it was made against. Against any other version it raises
   `DeltaBaseMismatchError`, and the caller fetches the full list instead.
6. The clock may not read earlier than the newest `issued_at` already seen, less `CLOCK_TOLERANCE`.
   If it does, the clock was set back (`ClockRollbackError`), which is how one would stretch an offline
   grace or a usage period.
7. A list past `expires_at` is refused (`ListExpiredError`) only while offline. Online, the caller can
   refresh it, and until then a stale list still says which licenses were invalidated.

Signatures are checked once, when a list is loaded or updated. A `TrustedList` is immutable (an update
returns a new one), so deciding about one play is a dictionary lookup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from player.errors import (
    DeltaBaseMismatchError,
    ListExpiredError,
    ListRollbackError,
    MalformedError,
    MismatchError,
    WrongLicenseeError,
)
from player.language import translate
from player.license_decision.mark import CLOCK_TOLERANCE, ListMark, check_clock

__all__ = ["CLOCK_TOLERANCE", "ListMark", "TrustedList", "check_clock"]
from player.protocol.canonical import format_time
from player.protocol.license_list import LicenseList, ListEntry, apply_delta, verify_license_list
from player.words import count
from player.words import moment as when


class TrustedList:
    """The license list the terminal relies on, with the mark it has reached. Build it with `load`."""

    __slots__ = ("_chain", "_key", "_list", "_mark", "_seen")
    _chain: tuple[bytes, ...]
    _key: Ed25519PublicKey
    _list: LicenseList
    _mark: ListMark
    _seen: ListMark  # what the chain alone says: its version and newest issue time

    def __init__(self) -> None:
        raise TypeError(
            translate("Errors", "build a TrustedList with TrustedList.load(...): only verified lists go in")
        )

    @classmethod
    def _make(
        cls, lst: LicenseList, chain: tuple[bytes, ...], mark: ListMark, key: Ed25519PublicKey, seen: ListMark
    ) -> TrustedList:
        self = object.__new__(cls)
        self._list, self._chain, self._mark, self._key, self._seen = lst, chain, mark, key, seen
        return self

    @classmethod
    def load(
        cls,
        chain: Sequence[bytes],
        *,
        insurer_key: Ed25519PublicKey,
        user_id: str,
        mark: ListMark,
        now: datetime,
        known: TrustedList | None = None,
    ) -> TrustedList:
        """Verify the stored chain (a full list, then its deltas in order) against the keyring mark.

        The same call also accepts the first list fetched from the insurer (a chain of one). A cache below
        the mark raises `ListRollbackError`, and the caller answers by fetching the full list.

        `known` is a list this terminal loaded before. When `chain` is exactly its chain (the same bytes,
        for the same key and user), its signatures are not checked again: the bytes are the ones already
        verified. The mark and the clock are, since they may have moved since (rules 3 and 6).
        """
        if not chain:
            raise ValueError(
                translate("Errors", "no list to load: with nothing cached, the decision takes None")
            )
        if (
            known is not None
            and known._key == insurer_key
            and known.user_id == user_id
            and known._chain == tuple(chain)
        ):
            return known._against(mark, now)
        lst = _verify(chain[0], insurer_key, user_id)
        if lst.base_version is not None:
            raise MalformedError(
                translate("Errors", "the cached license list starts with a delta, not a full list")
            )
        seen = ListMark().advanced(lst)
        for data in chain[1:]:
            delta = _verify(data, insurer_key, user_id)
            if delta.base_version != lst.version:
                raise MismatchError(
                    translate(
                        "Errors",
                        "the cached license list is broken (a change against version {base_version} follows"
                        " version {version}): fetch the full list from the insurer",
                    ).format(base_version=delta.base_version, version=lst.version)
                )
            lst = apply_delta(lst, delta)
            seen = seen.advanced(delta)
        return cls._make(lst, tuple(chain), seen, insurer_key, seen)._against(mark, now)

    def _against(self, mark: ListMark, now: datetime) -> TrustedList:
        """This chain under the keyring's mark as it stands now: rules 3 and 6, and the mark it reaches."""
        lst = self._list
        if lst.version < mark.highest_version:
            raise ListRollbackError(
                translate(
                    "Errors",
                    "The cached license list is version {version}, but version {highest_version} was "
                    "already seen on this computer: the data folder looks restored from an old backup. "
                    "Connect to the insurer to fetch the current list.",
                ).format(version=lst.version, highest_version=mark.highest_version)
            )
        check_clock(mark, now)
        return self._make(lst, self._chain, mark.merged(self._seen), self._key, self._seen)

    def update(self, data: bytes, now: datetime) -> TrustedList:
        """Accept a newer full list, or a delta against exactly this version. Returns the new state (or
        `self`, when the offer is the version already held). Store its `chain` and `new_mark` after."""
        check_clock(self._mark, now)
        new = _verify(data, self._key, self.user_id)
        if new.version < self._mark.highest_version:
            raise ListRollbackError(
                translate(
                    "Errors",
                    "The license list offered is version {version}, but version {highest_version} was "
                    "already seen: an older list cannot replace a newer one.",
                ).format(version=new.version, highest_version=self._mark.highest_version)
            )
        if new.version == self.version:
            return self if new.base_version is not None else self._same_version(new, data)
        if new.base_version is None:
            return self._make(new, (data,), self._mark.advanced(new), self._key, ListMark().advanced(new))
        if new.base_version != self.version:
            raise DeltaBaseMismatchError(
                translate(
                    "Errors",
                    "The license list change is against version {base_version}, but this computer holds "
                    "version {version}: fetch the full list.",
                ).format(base_version=new.base_version, version=self.version)
            )
        return self._make(
            apply_delta(self._list, new),
            (*self._chain, data),
            self._mark.advanced(new),
            self._key,
            self._seen.advanced(new),
        )

    def _same_version(self, new: LicenseList, data: bytes) -> TrustedList:
        """Rule 4. Keep what we hold, unless the insurer re-issued the same list later (a renewed grace)."""
        if frozenset(new.entries) != frozenset(self._list.entries):
            raise MismatchError(
                translate(
                    "Errors",
                    "the insurer signed two different license lists as version {version}; the one held is "
                    "kept",
                ).format(version=new.version)
            )
        if new.issued_at <= self._list.issued_at:
            return self
        return self._make(new, (data,), self._mark.advanced(new), self._key, ListMark().advanced(new))

    def check_clock(self, now: datetime) -> None:
        """Rule 6 against everything this list and the mark have seen."""
        check_clock(self._mark, now)

    def is_expired(self, now: datetime) -> bool:
        return now > self._list.expires_at

    def require_current(self, now: datetime, *, online: bool) -> None:
        """Rule 7. Raise `ListExpiredError` if the list ran out and the terminal cannot refresh it."""
        if online or not self.is_expired(now):
            return
        days = (now - self._list.expires_at).days
        ago = (
            translate("Errors", "less than a day ago")
            if days == 0
            else count(days, translate("Errors", "{n} day ago"), translate("Errors", "{n} days ago"))
        )
        raise ListExpiredError(
            translate(
                "Errors",
                "The cached license list ran out on {value1} ({ago}) and the insurer cannot be reached: "
                "connect to the insurer once to renew it.",
            ).format(value1=when(self._list.expires_at), ago=ago)
        )

    def entry(self, license_id: str) -> ListEntry | None:
        """The list's word on one license, or None when the list does not name it (O(1))."""
        return self._list.entry(license_id)

    @property
    def by_id(self) -> Mapping[str, ListEntry]:
        """Every entry by its license ID (read-only), for a whole library's verdicts at once."""
        return self._list.by_id

    @property
    def entries(self) -> tuple[ListEntry, ...]:
        return self._list.entries

    @property
    def user_id(self) -> str:
        return self._list.user_id

    @property
    def version(self) -> int:
        return self._list.version

    @property
    def issued_at(self) -> datetime:
        return self._list.issued_at

    @property
    def expires_at(self) -> datetime:
        return self._list.expires_at

    @property
    def license_list(self) -> LicenseList:
        """The whole list as verified, with deltas applied."""
        return self._list

    @property
    def chain(self) -> tuple[bytes, ...]:
        """The signed bytes to store so that `load` rebuilds this state: a full list, then its deltas."""
        return self._chain

    @property
    def new_mark(self) -> ListMark:
        """The mark to keep in the keyring after this state was accepted. It never goes down."""
        return self._mark

    @property
    def insurer_key(self) -> Ed25519PublicKey:
        return self._key

    def __repr__(self) -> str:
        return (
            f"TrustedList(user_id={self.user_id!r}, version={self.version}, "
            f"entries={len(self._list.entries)}, expires_at={format_time(self.expires_at)})"
        )


def _verify(data: bytes, key: Ed25519PublicKey, user_id: str) -> LicenseList:
    """Rules 1 and 2: signature, shape and owner."""
    lst = verify_license_list(data, key)
    if lst.user_id != user_id:
        raise WrongLicenseeError(
            translate(
                "Errors", "This license list was issued to user {user_id}, not to you ({user_id2})."
            ).format(user_id=repr(lst.user_id), user_id2=repr(user_id))
        )
    return lst
