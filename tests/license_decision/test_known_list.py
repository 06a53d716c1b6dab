"""The chain read again before every decision: the same bytes are not verified twice, but the mark and
the clock are held to it every time, and any other bytes are verified as if nothing were known."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from player.errors import BadSignatureError, ClockRollbackError, ListRollbackError, WrongLicenseeError
from player.license_decision import ListMark, TrustedList
from tests.support.factories import T0, USER, invalid, make_list, valid

HOUR = timedelta(hours=1)


def load(
    key: Ed25519PublicKey,
    chain: tuple[bytes, ...],
    known: TrustedList | None,
    *,
    mark: ListMark | None = None,
    now: datetime | None = None,
    user_id: str = USER,
) -> TrustedList:
    return TrustedList.load(
        chain, insurer_key=key, user_id=user_id, mark=mark or ListMark(), now=now or T0 + HOUR, known=known
    )


@pytest.fixture
def held(insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey) -> TrustedList:
    """A full list and a delta on it, as a sync leaves them."""
    first = load(insurer_pub, (make_list(insurer, 5, valid("lic-1"), valid("lic-2")).data,), None)
    delta = make_list(insurer, 6, invalid("lic-1", on=T0 + HOUR), base=5, issued_at=T0 + HOUR).data
    return first.update(delta, T0 + HOUR)


def test_the_same_chain_loads_to_the_same_list_and_mark(
    held: TrustedList, insurer_pub: Ed25519PublicKey
) -> None:
    again = load(insurer_pub, held.chain, held, mark=held.new_mark)
    fresh = load(insurer_pub, held.chain, None, mark=held.new_mark)
    assert again.license_list is held.license_list  # reused, not parsed again
    assert again.license_list == fresh.license_list
    assert (
        (again.new_mark, again.chain) == (fresh.new_mark, fresh.chain) == (ListMark(6, T0 + HOUR), held.chain)
    )


def test_a_mark_that_moved_past_the_known_list_still_refuses_it(
    held: TrustedList, insurer_pub: Ed25519PublicKey
) -> None:
    """Another process accepted version 8 meanwhile: the chain held here is now a rollback."""
    with pytest.raises(ListRollbackError):
        load(insurer_pub, held.chain, held, mark=ListMark(8, T0 + 2 * HOUR), now=T0 + 2 * HOUR)


def test_a_clock_set_back_is_caught_with_a_known_list(
    held: TrustedList, insurer_pub: Ed25519PublicKey
) -> None:
    with pytest.raises(ClockRollbackError):
        load(insurer_pub, held.chain, held, mark=held.new_mark, now=T0 - 2 * HOUR)


def test_a_higher_mark_is_kept_when_the_known_list_loads(
    held: TrustedList, insurer_pub: Ed25519PublicKey
) -> None:
    """The mark a load reaches is the keyring's as it is now, never lowered to what the list once set."""
    mark = ListMark(6, T0 + 3 * HOUR)
    assert load(insurer_pub, held.chain, held, mark=mark, now=T0 + 3 * HOUR).new_mark == mark


def test_other_bytes_are_verified_as_if_nothing_were_known(
    held: TrustedList, insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey
) -> None:
    full, delta = held.chain
    tampered = delta.replace(b'"lic-1"', b'"lic-2"')  # the loss moved to another license
    assert tampered != delta
    with pytest.raises(BadSignatureError):
        load(insurer_pub, (full, tampered), held, mark=held.new_mark)
    newer = make_list(insurer, 7, valid("lic-9"), base=6, issued_at=T0 + 2 * HOUR).data
    grown = load(insurer_pub, (full, delta, newer), held, mark=held.new_mark, now=T0 + 2 * HOUR)
    assert grown.version == 7 and grown.entry("lic-9") == valid("lic-9")


def test_a_known_list_is_not_someone_elses(held: TrustedList, insurer_pub: Ed25519PublicKey) -> None:
    with pytest.raises(WrongLicenseeError):
        load(insurer_pub, held.chain, held, mark=held.new_mark, user_id="user-2")


def test_a_known_list_under_another_key_is_checked_against_that_key(
    held: TrustedList, attacker: Ed25519PrivateKey
) -> None:
    from player.errors import UnknownSignerError

    with pytest.raises(UnknownSignerError):
        load(attacker.public_key(), held.chain, held, mark=held.new_mark)
