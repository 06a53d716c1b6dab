"""The license list's anti-rollback mark (rules 3 and 6 of `trusted_list`): the highest version and the
newest issue time ever accepted, kept in the OS keyring, and the clock held to it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from player.errors import ClockRollbackError, MalformedError
from player.language import translate
from player.protocol.canonical import canonical_json, format_time, parse_time
from player.protocol.license_list import LicenseList
from player.words import moment as when

# Clocks drift and the insurer's clock is not ours. Five minutes forgives drift and is far too little to
# stretch a 30-day offline grace in any way that matters.
CLOCK_TOLERANCE = timedelta(minutes=5)


@dataclass(frozen=True)
class ListMark:
    """The highest list version and newest `issued_at` ever accepted. It lives in the keyring, never in
    a file."""

    highest_version: int = 0
    newest_issued_at: datetime | None = None

    def __post_init__(self) -> None:
        if isinstance(self.highest_version, bool) or self.highest_version < 0:
            raise ValueError(translate("Errors", "a list mark's version is a count, 0 or more"))
        if self.newest_issued_at is not None and self.newest_issued_at.tzinfo is None:
            raise ValueError(translate("Errors", "a list mark's time must be timezone-aware"))

    def advanced(self, lst: LicenseList) -> ListMark:
        """The mark after accepting `lst`. It never goes down, in either field."""
        seen = self.newest_issued_at
        return ListMark(
            max(self.highest_version, lst.version),
            lst.issued_at if seen is None or lst.issued_at > seen else seen,
        )

    def merged(self, other: ListMark) -> ListMark:
        """Both marks at once: the higher version, the later issue time."""
        seen, theirs = self.newest_issued_at, other.newest_issued_at
        later = seen if theirs is None or (seen is not None and seen >= theirs) else theirs
        return ListMark(max(self.highest_version, other.highest_version), later)

    def encode(self) -> str:
        """A short JSON text for the keyring."""
        seen = None if self.newest_issued_at is None else format_time(self.newest_issued_at)
        return canonical_json({"highest_version": self.highest_version, "newest_issued_at": seen}).decode()

    @classmethod
    def decode(cls, text: str) -> ListMark:
        """The mark from its keyring text. Damaged text raises `MalformedError` and is never read as zero,
        because a reset mark would turn every rollback check off."""
        try:
            obj = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as e:
            raise MalformedError(
                translate("Errors", "the license-list mark in the keyring is damaged")
            ) from e
        if not isinstance(obj, dict) or obj.keys() != {"highest_version", "newest_issued_at"}:
            raise MalformedError(translate("Errors", "the license-list mark in the keyring is damaged"))
        version, seen = obj["highest_version"], obj["newest_issued_at"]
        if not isinstance(version, int) or isinstance(version, bool) or version < 0:
            raise MalformedError(
                translate("Errors", "the license-list mark in the keyring has no valid version")
            )
        return cls(version, None if seen is None else parse_time(seen, "license-list mark time"))


def check_clock(mark: ListMark, now: datetime) -> None:
    """Rule 6. Raise `ClockRollbackError` if `now` is earlier than a list issue time already seen."""
    if now.tzinfo is None:
        raise ValueError(translate("Errors", "now must be timezone-aware"))
    seen = mark.newest_issued_at
    if seen is not None and now < seen - CLOCK_TOLERANCE:
        raise ClockRollbackError(
            translate(
                "Errors",
                "Your clock reads {now}, but a license list issued at {seen} was already seen: set the "
                "clock right.",
            ).format(now=when(now), seen=when(seen))
        )
