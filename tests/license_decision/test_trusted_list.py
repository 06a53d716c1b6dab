"""The cached license list: which signed list the terminal may rely on, and what it refuses."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from hypothesis import given, settings
from hypothesis import strategies as st

from player.errors import (
    BadSignatureError,
    ClockRollbackError,
    DeltaBaseMismatchError,
    IntegrityError,
    ListRollbackError,
    MalformedError,
    MismatchError,
    UnknownSignerError,
    WrongLicenseeError,
)
from player.license_decision import CLOCK_TOLERANCE, ListMark, TrustedList
from player.protocol.license_list import InvalidationReason, LicenseState
from tests.support.factories import GRACE, T0, USER, invalid, make_list, valid

HOUR = timedelta(hours=1)


def load(
    key: Ed25519PublicKey, *chain: bytes, mark: ListMark | None = None, now: datetime | None = None
) -> TrustedList:
    """The terminal starting up: the stored chain, the keyring's mark, the clock."""
    return TrustedList.load(
        chain, insurer_key=key, user_id=USER, mark=mark or ListMark(), now=now or T0 + HOUR
    )


def test_first_list_is_accepted_and_sets_the_mark(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey
) -> None:
    trusted = load(insurer_pub, make_list(insurer, 3, valid("lic-1"), invalid("lic-2")).data)
    assert trusted.version == 3
    assert trusted.expires_at == T0 + GRACE
    assert trusted.new_mark == ListMark(3, T0)
    assert trusted.entry("lic-1") == valid("lic-1")
    lic2 = trusted.entry("lic-2")
    assert lic2 is not None and lic2.state is LicenseState.INVALID
    assert trusted.entry("lic-3") is None
    assert len(trusted.entries) == 2


def test_list_rollback_below_mark_is_refused(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey
) -> None:
    trusted = load(insurer_pub, make_list(insurer, 7, valid("lic-1")).data)
    old = make_list(insurer, 6, valid("lic-1"), valid("lic-2"), issued_at=T0 - HOUR).data
    with pytest.raises(ListRollbackError, match="version 6, but version 7 was already seen") as e:
        trusted.update(old, T0 + HOUR)
    assert e.value.code == "list_rollback"


def test_data_dir_restored_from_backup_is_refused(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey
) -> None:
    """The whole data folder restored from a backup: the keyring's mark remembers the newer list."""
    backup = make_list(insurer, 4, valid("lic-1")).data  # lic-1 was later invalidated by a loss report
    with pytest.raises(ListRollbackError, match="restored from an old backup"):
        load(insurer_pub, backup, mark=ListMark(9, T0 + HOUR))


def test_deleted_data_dir_does_not_reset_the_mark(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey
) -> None:
    """With the cache gone, the first list fetched again is held to the keyring's mark all the same."""
    mark = ListMark(9, T0)
    with pytest.raises(ListRollbackError):
        load(insurer_pub, make_list(insurer, 8).data, mark=mark)
    assert load(insurer_pub, make_list(insurer, 9).data, mark=mark).new_mark == mark


def test_clock_set_back_is_refused_when_loading_and_updating(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey
) -> None:
    seen = T0 + timedelta(days=20)
    cached = make_list(insurer, 2, issued_at=seen).data
    with pytest.raises(ClockRollbackError, match="Your clock reads 2026-04-01 09:30 UTC") as e:
        load(insurer_pub, cached, mark=ListMark(2, seen), now=T0)
    assert "2026-04-21 09:30 UTC was already seen: set the clock right" in str(e.value)
    assert e.value.code == "clock_rollback"
    trusted = load(insurer_pub, cached, mark=ListMark(2, seen), now=seen)
    with pytest.raises(ClockRollbackError):
        trusted.update(make_list(insurer, 3, issued_at=seen).data, seen - timedelta(days=1))


def test_a_newer_list_teaches_the_mark_the_time_even_if_the_clock_is_behind(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey
) -> None:
    """A genuine list is never turned away for the clock: it moves the mark, and the set-back clock is
    then caught at the next check (the decision runs it before every play)."""
    trusted = load(insurer_pub, make_list(insurer, 2).data, now=T0)
    real_now = T0 + timedelta(days=10)
    updated = trusted.update(make_list(insurer, 3, issued_at=real_now).data, T0 + timedelta(days=1))
    assert updated.new_mark == ListMark(3, real_now)
    with pytest.raises(ClockRollbackError):
        updated.check_clock(T0 + timedelta(days=1))


def test_small_clock_drift_is_forgiven(insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey) -> None:
    load(insurer_pub, make_list(insurer, 2).data, mark=ListMark(2, T0), now=T0 - CLOCK_TOLERANCE)
    with pytest.raises(ClockRollbackError):
        load(
            insurer_pub,
            make_list(insurer, 2).data,
            mark=ListMark(2, T0),
            now=T0 - CLOCK_TOLERANCE - timedelta(seconds=1),
        )


def test_equal_version_is_harmless(insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey) -> None:
    data = make_list(insurer, 5, valid("lic-1")).data
    trusted = load(insurer_pub, data)
    assert trusted.update(data, T0 + HOUR) is trusted
    replayed_older_copy = make_list(insurer, 5, valid("lic-1"), issued_at=T0 - HOUR).data
    assert trusted.update(replayed_older_copy, T0 + HOUR) is trusted


def test_same_version_issued_later_renews_the_offline_grace(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey
) -> None:
    """The insurer re-signs an unchanged list with a later `issued_at`: the grace starts again."""
    trusted = load(insurer_pub, make_list(insurer, 5, valid("lic-1")).data)
    later = T0 + timedelta(days=29)
    renewed = trusted.update(make_list(insurer, 5, valid("lic-1"), issued_at=later).data, later)
    assert renewed.expires_at == later + GRACE
    assert renewed.new_mark == ListMark(5, later)


def test_same_version_with_other_entries_is_refused(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey
) -> None:
    trusted = load(insurer_pub, make_list(insurer, 5, valid("lic-1")).data)
    other = make_list(insurer, 5, valid("lic-1"), valid("lic-2"), issued_at=T0 + HOUR).data
    with pytest.raises(MismatchError, match="two different license lists as version 5"):
        trusted.update(other, T0 + HOUR)


def test_delta_for_wrong_base_rejected(insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey) -> None:
    trusted = load(insurer_pub, make_list(insurer, 5, valid("lic-1")).data)
    delta = make_list(insurer, 8, invalid("lic-1"), base=6, issued_at=T0 + HOUR).data
    with pytest.raises(DeltaBaseMismatchError, match=r"against version 6.*holds version 5.*full list"):
        trusted.update(delta, T0 + HOUR)


def test_delta_is_applied_and_the_chain_reloads(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey
) -> None:
    trusted = load(insurer_pub, make_list(insurer, 5, valid("lic-1"), valid("lic-2")).data)
    later = T0 + HOUR
    delta = make_list(insurer, 6, invalid("lic-1", on=later), valid("lic-3"), base=5, issued_at=later).data
    updated = trusted.update(delta, later)
    assert updated.version == 6
    assert updated.entry("lic-1") == invalid("lic-1", on=later)
    assert updated.entry("lic-3") == valid("lic-3")
    assert updated.new_mark == ListMark(6, later)
    assert len(updated.chain) == 2
    reloaded = load(insurer_pub, *updated.chain, mark=updated.new_mark, now=later)
    assert reloaded.license_list == updated.license_list
    assert updated.update(delta, later) is updated  # the same delta again: already held


def test_newer_full_list_replaces_the_chain(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey
) -> None:
    trusted = load(insurer_pub, make_list(insurer, 5, valid("lic-1")).data)
    trusted = trusted.update(
        make_list(insurer, 6, invalid("lic-1"), base=5, issued_at=T0 + HOUR).data, T0 + HOUR
    )
    full = make_list(insurer, 9, invalid("lic-1"), valid("lic-4"), issued_at=T0 + 2 * HOUR).data
    assert trusted.update(full, T0 + 2 * HOUR).chain == (full,)


def test_cached_chain_with_a_gap_is_refused(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey
) -> None:
    full = make_list(insurer, 5, valid("lic-1")).data
    skipping = make_list(insurer, 8, invalid("lic-1"), base=6).data
    with pytest.raises(MismatchError, match="broken"):
        load(insurer_pub, full, skipping)
    with pytest.raises(MalformedError, match="starts with a delta"):
        load(insurer_pub, skipping)


def test_forged_list_is_rejected(
    insurer: Ed25519PrivateKey, attacker: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey
) -> None:
    trusted = load(insurer_pub, make_list(insurer, 5, invalid("lic-1")).data)
    with pytest.raises(UnknownSignerError):
        trusted.update(make_list(attacker, 6, valid("lic-1")).data, T0 + HOUR)
    with pytest.raises(UnknownSignerError):
        load(insurer_pub, make_list(attacker, 6, valid("lic-1")).data)
    edited = make_list(insurer, 6, invalid("lic-1")).data.replace(b'"invalid"', b'"valid"  ')
    with pytest.raises(IntegrityError):
        trusted.update(edited, T0 + HOUR)
    with pytest.raises(MalformedError):
        trusted.update(b"not a list", T0 + HOUR)


def test_bit_flipped_signature_is_rejected(insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey) -> None:
    data = make_list(insurer, 6, valid("lic-1")).data
    i = data.index(b'"signature":"') + len(b'"signature":"') + 3
    flipped = data[:i] + (b"A" if data[i : i + 1] != b"A" else b"B") + data[i + 1 :]
    with pytest.raises(BadSignatureError):
        load(insurer_pub, flipped)


def test_another_users_list_is_refused(insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey) -> None:
    theirs = make_list(insurer, 50, valid("their-lic"), user_id="user-2").data
    with pytest.raises(WrongLicenseeError, match="issued to user 'user-2', not to you") as e:
        load(insurer_pub, theirs)
    assert e.value.code == "wrong_licensee"
    trusted = load(insurer_pub, make_list(insurer, 5).data)
    with pytest.raises(WrongLicenseeError):
        trusted.update(theirs, T0 + HOUR)


def test_trusted_list_cannot_be_built_around_the_checks() -> None:
    with pytest.raises(TypeError, match="load"):
        TrustedList()


@pytest.mark.parametrize(
    "mark", [ListMark(), ListMark(7, T0), ListMark(2**40, T0 + timedelta(days=3000))], ids=repr
)
def test_mark_survives_the_keyring_round_trip(mark: ListMark) -> None:
    assert ListMark.decode(mark.encode()) == mark


@pytest.mark.parametrize(
    "text",
    ["", "{}", "[]", '{"highest_version":-1,"newest_issued_at":null}',
     '{"highest_version":true,"newest_issued_at":null}',
     '{"highest_version":3,"newest_issued_at":"yesterday"}',
     '{"highest_version":3,"newest_issued_at":null,"x":1}'],
)  # fmt: skip
def test_damaged_mark_is_never_read_as_zero(text: str) -> None:
    with pytest.raises(MalformedError):
        ListMark.decode(text)


# --- properties --------------------------------------------------------------------------------------

offers = st.lists(st.integers(min_value=1, max_value=12), min_size=1, max_size=10)


@settings(max_examples=60, deadline=None)
@given(versions=offers)
def test_mark_never_goes_down_and_anything_below_it_is_refused(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey, versions: list[int]
) -> None:
    """Whatever order lists are offered in, the state only moves forward."""

    def offer(version: int, issued_at: datetime) -> bytes:  # one version, one content
        return make_list(insurer, version, valid(f"lic-{version}"), issued_at=issued_at).data

    trusted = load(insurer_pub, offer(1, T0))
    for step, version in enumerate(versions, start=1):
        now = T0 + step * HOUR
        before = trusted.new_mark
        if version < before.highest_version:
            with pytest.raises(ListRollbackError):
                trusted.update(offer(version, now), now)
            continue
        trusted = trusted.update(offer(version, now), now)
        assert trusted.new_mark.highest_version == max(before.highest_version, version)
        assert trusted.version == trusted.new_mark.highest_version
        assert before.newest_issued_at is not None and trusted.new_mark.newest_issued_at is not None
        assert trusted.new_mark.newest_issued_at >= before.newest_issued_at
    # and any cache older than the final mark is a restored backup
    for version in range(1, trusted.version):
        with pytest.raises(ListRollbackError):
            load(insurer_pub, make_list(insurer, version).data, mark=trusted.new_mark, now=T0 + 20 * HOUR)


@settings(max_examples=40, deadline=None)
@given(
    reasons=st.lists(st.sampled_from(InvalidationReason), min_size=1, max_size=5),
    base=st.integers(min_value=1, max_value=20),
)
def test_deltas_fold_to_the_full_list_the_insurer_would_send(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey, reasons: list[InvalidationReason], base: int
) -> None:
    ids = [f"lic-{i}" for i in range(len(reasons))]
    trusted = load(insurer_pub, make_list(insurer, base, *(valid(i) for i in ids)).data)
    for step, (license_id, why) in enumerate(zip(ids, reasons, strict=True), start=1):
        delta = make_list(insurer, base + step, invalid(license_id, why), base=base + step - 1).data
        trusted = trusted.update(delta, T0 + HOUR)
    final = {e.license_id: e for e in trusted.entries}
    assert final == {i: invalid(i, r) for i, r in zip(ids, reasons, strict=True)}
    assert load(insurer_pub, *trusted.chain, mark=trusted.new_mark).license_list == trusted.license_list
