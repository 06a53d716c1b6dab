"""Two more ways a license is decided: a policy that asks the insurer on every play (claim 26), and a
license bought without insurance (FIG.15), which plays on its licensor's word until the list replaces it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from player.errors import ClockRollbackError, LicenseInvalidatedError, ListRollbackError
from player.license_decision import Allowed, ListMark, Source, decide, decide_uninsured
from player.protocol.license_list import InvalidationReason, LicenseState
from player.protocol.package import LicensePackage
from tests.license_decision.test_decision import HOUR, Insurer, pkg, trusted_with
from tests.support.factories import T0, USER, invalid, make_statement, valid

NOW = T0 + HOUR
__all__ = ["pkg"]  # the package fixture, shared with the list-based decisions


def every_play(
    pkg: LicensePackage, insurer: Ed25519PrivateKey, ask: Insurer, *, online: bool = True
) -> Allowed:
    return decide(
        pkg,
        trusted_with(insurer, valid("lic-1")),
        user_id=USER,
        now=NOW,
        online=online,
        insurer_key=insurer.public_key(),
        ask_insurer=ask,
        every_play=True,
    )


def test_every_play_asks_even_when_the_list_says_valid_and_hears_it_was_replaced(
    insurer: Ed25519PrivateKey, pkg: LicensePackage
) -> None:
    said_invalid = Insurer(
        lambda i: (
            make_statement(
                insurer,
                i,
                LicenseState.INVALID,
                list_version=6,
                reason=InvalidationReason.LOSS,
                issued_at=NOW,
            ).data
        )
    )
    with pytest.raises(LicenseInvalidatedError, match="re-distributed after a loss"):
        every_play(pkg, insurer, said_invalid)
    assert said_invalid.asked == ["lic-1"]


def test_every_play_believes_a_fresh_yes(insurer: Ed25519PrivateKey, pkg: LicensePackage) -> None:
    fresh = Insurer(
        lambda i: make_statement(insurer, i, list_version=5, issued_at=NOW - timedelta(seconds=5)).data
    )
    assert every_play(pkg, insurer, fresh).source is Source.INSURER


def test_every_play_refuses_an_old_yes_replayed(insurer: Ed25519PrivateKey, pkg: LicensePackage) -> None:
    old = Insurer(
        lambda i: make_statement(insurer, i, list_version=5, issued_at=NOW - timedelta(minutes=5)).data
    )
    with pytest.raises(ListRollbackError, match="old answer replayed"):
        every_play(pkg, insurer, old)


def test_every_play_offline_falls_back_to_the_cached_list(
    insurer: Ed25519PrivateKey, pkg: LicensePackage
) -> None:
    never = Insurer(lambda i: b"")
    assert every_play(pkg, insurer, never, online=False).source is Source.LIST
    assert never.asked == []


def test_an_uninsured_license_plays_until_the_list_says_it_was_insured(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey
) -> None:
    unnamed = trusted_with(insurer, valid("lic-2"))
    allowed = decide_uninsured("lic-1", "track-1", unnamed, user_id=USER, now=NOW)
    assert allowed == Allowed("lic-1", "track-1", Source.LICENSOR)
    assert decide_uninsured("lic-1", "track-1", None, user_id=USER, now=NOW).source is Source.LICENSOR
    replaced = trusted_with(insurer, invalid("lic-1", InvalidationReason.INSURED_AFTER_PURCHASE))
    with pytest.raises(LicenseInvalidatedError, match="insured copy plays instead"):
        decide_uninsured("lic-1", "track-1", replaced, user_id=USER, now=NOW)


def test_an_uninsured_license_is_refused_with_the_clock_set_back(insurer: Ed25519PrivateKey) -> None:
    with pytest.raises(ClockRollbackError):
        decide_uninsured("lic-1", "track-1", None, user_id=USER, now=T0, mark=ListMark(newest_issued_at=NOW))
