"""The license usage decision (function 42, FIG.10): may this license play now?

Two steps, both pure. The caller brings the bytes, the keyring's answers, the time and whether the insurer
can be reached.

`decide` runs before the license is opened (FIG.10 (2)-(5), [0027], [0063]). The rules, in order:

1. The clock has not been set back before a list issue time already seen (`ClockRollbackError`).
2. The package's guarantee conditions insure this user (`WrongLicenseeError`). The guarantee *period*
   is not checked: it bounds re-distribution, not playing.
3. A license the list marks invalid is refused, with the FIG.7 reason and date in words
   (`LicenseInvalidatedError`). An invalidation is final, so a stale list still proves it.
4. A list past `expires_at` while offline is refused (`ListExpiredError`). Online, the list is used, and
   the result advises a refresh.
5. A license the list marks valid may play. [0063]: only IDs the list names as valid are allowed.
6. An ID the list does not name is asked of the insurer when online (FIG.10 (3)-(4)). The signed answer
   is verified here, names this user and this license, and is no older than the list held. `valid`
   plays, `invalid` is refused as in 3, and `unknown` raises `LicenseUnknownError`. Offline, or with no
   way to ask, the answer is `LicenseUnknownError`.

`check_license` runs after the license is opened with the policy key (FIG.10 (5)). The license names this
user and the package's content (`WrongLicenseeError`), and its usage period covers now
(`OutsideUsagePeriodError`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from player.errors import (
    LicenseInvalidatedError,
    LicenseUnknownError,
    ListRollbackError,
    MismatchError,
    OutsideUsagePeriodError,
    WrongLicenseeError,
)
from player.language import translate
from player.license_decision.mark import ListMark, check_clock
from player.license_decision.trusted_list import TrustedList
from player.protocol.license import License
from player.protocol.license_list import InvalidationReason, LicenseState, verify_validity
from player.protocol.package import LicensePackage
from player.words import moment as when
from player.words import reason

AskInsurer = Callable[[str], bytes]
"""FIG.10 (3): license ID -> the insurer's signed validity statement, as received (e.g. `Client.validity`)."""


class Source(StrEnum):
    """Who said the license is valid."""

    LIST = "list"  # the cached license list 43
    INSURER = "insurer"  # the license control function 55, asked online
    LICENSOR = "licensor"  # a license bought without insurance: its licensor's signature (FIG.15)


# Claim 26: how old the insurer's answer may be when a policy checks every play. It covers a clock that
# differs from the insurer's by a little and a track opened ahead of its play (the desktop's prepared
# opening is used for at most this long under such a policy).
STATEMENT_FRESH = timedelta(seconds=30)


@dataclass(frozen=True)
class Allowed:
    """The decision's yes. `refresh_advised` is set when the list is stale or the insurer knows newer
    licenses than the list does, so the caller should fetch the list the next time it can."""

    license_id: str
    content_id: str
    source: Source
    refresh_advised: bool = False


def decide(
    package: LicensePackage,
    trusted: TrustedList | None,
    *,
    user_id: str,
    now: datetime,
    online: bool,
    insurer_key: Ed25519PublicKey,
    ask_insurer: AskInsurer | None = None,
    mark: ListMark | None = None,
    every_play: bool = False,
) -> Allowed:
    """FIG.10 (2)-(5) for a package the caller has already verified with `verify_package`.

    `every_play` (claim 26, a policy term): while online the insurer is asked even when the list calls
    the license valid, and its answer must be fresh (`STATEMENT_FRESH`), so a license replaced from
    another terminal stops at once; offline the cached list decides as always.

    `trusted` is None when no list is cached yet. Then pass the keyring's `mark`, which still catches a
    clock set back, and which the insurer's answer must not be older than. `ask_insurer` is only called
    when `online`. A `BackendError` it raises passes through, because the caller knows best whether to
    retry.
    """
    license_id = package.license_id
    floor = trusted.new_mark if trusted is not None else (mark or ListMark())
    check_clock(floor, now)
    if package.guarantee.insured_user_id != user_id:
        raise WrongLicenseeError(
            translate(
                "Errors",
                "The license package for {content_id} insures user {insured_user_id}, not you ({user_id}).",
            ).format(
                content_id=repr(package.content_id),
                insured_user_id=repr(package.guarantee.insured_user_id),
                user_id=repr(user_id),
            )
        )
    if trusted is not None:
        if trusted.user_id != user_id:
            raise WrongLicenseeError(
                translate("Errors", "The cached license list is for user {user_id}, not for you.").format(
                    user_id=repr(trusted.user_id)
                )
            )
        entry = trusted.entry(license_id)
        if entry is not None:
            if entry.content_id != package.content_id:
                raise MismatchError(
                    translate(
                        "Errors",
                        "the license list says license {license_id} is for {content_id}, the package says "
                        "{content_id2}",
                    ).format(
                        license_id=repr(license_id),
                        content_id=repr(entry.content_id),
                        content_id2=repr(package.content_id),
                    )
                )
            if entry.state is LicenseState.INVALID:
                raise _invalidated(license_id, entry.reason, entry.invalidated_at)
        trusted.require_current(now, online=online)
        stale = trusted.is_expired(now)
        if entry is not None and not (every_play and online and ask_insurer is not None):  # valid: [0063]
            return Allowed(license_id, package.content_id, Source.LIST, refresh_advised=stale)
    if not online or ask_insurer is None:
        said = (
            translate(
                "Errors",
                "License {license_id} is not in the cached license list; connect to the insurer once to "
                "check it.",
            )
            if trusted is not None
            else translate(
                "Errors",
                "License {license_id} is not in any cached license list (none yet); connect to the insurer "
                "once to check it.",
            )
        )
        raise LicenseUnknownError(said.format(license_id=repr(license_id)))
    fresh = STATEMENT_FRESH if every_play else None
    return _ask(package, ask_insurer, insurer_key, user_id=user_id, now=now, floor=floor, fresh=fresh)


def _ask(
    package: LicensePackage,
    ask_insurer: AskInsurer,
    insurer_key: Ed25519PublicKey,
    *,
    user_id: str,
    now: datetime,
    floor: ListMark,
    fresh: timedelta | None = None,
) -> Allowed:
    """FIG.10 (3)-(4): the insurer's signed word on one license ID, checked before it is believed; with
    `fresh`, an answer signed longer ago than that is an old one replayed, not the insurer's word now."""
    license_id = package.license_id
    statement = verify_validity(ask_insurer(license_id), insurer_key)
    if statement.user_id != user_id or statement.license_id != license_id:
        raise MismatchError(
            translate(
                "Errors",
                "the insurer's answer is about license {license_id} of user {user_id}, but {license_id2} of"
                " {user_id2} was asked",
            ).format(
                license_id=repr(statement.license_id),
                user_id=repr(statement.user_id),
                license_id2=repr(license_id),
                user_id2=repr(user_id),
            )
        )
    if statement.list_version < floor.highest_version:
        # A replayed answer: the insurer's list was already at a higher version when we last looked.
        raise ListRollbackError(
            translate(
                "Errors",
                "The insurer's answer about {license_id} dates from list version {list_version}, but "
                "version {highest_version} was already seen: it is an old answer replayed.",
            ).format(
                license_id=repr(license_id),
                list_version=statement.list_version,
                highest_version=floor.highest_version,
            )
        )
    check_clock(ListMark(newest_issued_at=statement.issued_at), now)
    if fresh is not None and now - statement.issued_at > fresh:
        raise ListRollbackError(
            translate(
                "Errors",
                "The insurer's answer about {license_id} was signed at {value3}, too long ago for a policy "
                "that checks every play: it is an old answer replayed.",
            ).format(license_id=repr(license_id), value3=when(statement.issued_at))
        )
    if statement.state is LicenseState.INVALID:
        raise _invalidated(license_id, statement.reason, statement.invalidated_at)
    if statement.state is LicenseState.UNKNOWN:
        raise LicenseUnknownError(
            translate(
                "Errors",
                "The insurer does not know license {license_id} for you: it may not play on this account.",
            ).format(license_id=repr(license_id))
        )
    return Allowed(license_id, package.content_id, Source.INSURER, refresh_advised=True)


def decide_uninsured(
    license_id: str,
    content_id: str,
    trusted: TrustedList | None,
    *,
    user_id: str,
    now: datetime,
    mark: ListMark | None = None,
) -> Allowed:
    """FIG.15: a license bought straight from its licensor, which no insurer vouches for. It plays on its
    licensor's signature (checked when it is opened) until the list names it invalid: once insured, the
    insured copy replaces it. A clock set back or a list for someone else refuses it as any license."""
    check_clock(trusted.new_mark if trusted is not None else (mark or ListMark()), now)
    if trusted is not None:
        if trusted.user_id != user_id:
            raise WrongLicenseeError(
                translate("Errors", "The cached license list is for user {user_id}, not for you.").format(
                    user_id=repr(trusted.user_id)
                )
            )
        entry = trusted.entry(license_id)
        if entry is not None and entry.state is LicenseState.INVALID:
            raise _invalidated(license_id, entry.reason, entry.invalidated_at)
    return Allowed(license_id, content_id, Source.LICENSOR)


def check_license(license: License, package: LicensePackage | None, *, user_id: str, now: datetime) -> None:
    """FIG.10 (5), after the license is opened. `open_license` has already matched the license to the
    package; checking again here keeps this rule true whichever way the license was obtained."""
    if license.licensee != user_id:
        raise WrongLicenseeError(
            translate(
                "Errors", "License {license_id} was issued to user {licensee}, not to you ({user_id})."
            ).format(
                license_id=repr(license.license_id), licensee=repr(license.licensee), user_id=repr(user_id)
            )
        )
    if package is not None and (
        license.content_id != package.content_id or license.license_id != package.license_id
    ):
        raise WrongLicenseeError(
            translate(
                "Errors",
                "License {license_id} is for {content_id}, but the package is for license {license_id2} of "
                "{content_id2}.",
            ).format(
                license_id=repr(license.license_id),
                content_id=repr(license.content_id),
                license_id2=repr(package.license_id),
                content_id2=repr(package.content_id),
            )
        )
    if not license.covers(now):
        if now < license.not_before:
            said = translate(
                "Errors",
                "License {license_id} may play from {start}; it is now {now}, outside its usage period.",
            )
        else:
            assert license.not_after is not None  # covers() is only False past the end when there is one
            said = translate(
                "Errors",
                "License {license_id} could play until {end}; it is now {now}, outside its usage period.",
            )
        raise OutsideUsagePeriodError(
            said.format(
                license_id=repr(license.license_id),
                start=when(license.not_before),
                end=when(license.not_after) if license.not_after else "",
                now=when(now),
            )
        )


def _invalidated(
    license_id: str, why: InvalidationReason | None, on: datetime | None
) -> LicenseInvalidatedError:
    return LicenseInvalidatedError(
        translate("Errors", "License {license_id} may not play: it was {why}.").format(
            license_id=repr(license_id), why=reason(why, on)
        ),
        reason="" if why is None else why.value,
        invalidated_at=on,
    )
