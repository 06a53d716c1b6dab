"""FIG.10: may this license play now? Each test is named after the trick it stops."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from player.errors import (
    BackendUnreachableError,
    BadSignatureError,
    ClockRollbackError,
    DecisionRefusedError,
    IntegrityError,
    LicenseInvalidatedError,
    LicenseUnknownError,
    ListExpiredError,
    ListRollbackError,
    MismatchError,
    UnknownSignerError,
    WrongLicenseeError,
)
from player.license_decision import Allowed, ListMark, Source, TrustedList, decide
from player.protocol.license_list import InvalidationReason, LicenseState, ListEntry
from player.protocol.package import LicensePackage
from player.words import reason as reason_in_words
from tests.support.factories import (
    GRACE,
    T0,
    USER,
    Keys,
    invalid,
    make_list,
    make_package,
    make_statement,
    valid,
)

HOUR = timedelta(hours=1)
LOST_ON = datetime(2026, 11, 3, 14, 0, tzinfo=T0.tzinfo)


@pytest.fixture(scope="module")
def pkg(keys: Keys) -> LicensePackage:
    return make_package(keys, "lic-1").doc


def trusted_with(insurer: Ed25519PrivateKey, *entries: ListEntry, version: int = 5) -> TrustedList:
    """The list the terminal holds: version 5, issued at T0, loaded at T0."""
    data = make_list(insurer, version, *entries).data
    return TrustedList.load([data], insurer_key=insurer.public_key(), user_id=USER, mark=ListMark(), now=T0)


class Insurer:
    """The license control function 55 at the other end of FIG.10 (3)-(4): signs what it is told to."""

    def __init__(self, answer: Callable[[str], bytes]) -> None:
        self.answer, self.asked = answer, list[str]()

    def __call__(self, license_id: str) -> bytes:
        self.asked.append(license_id)
        return self.answer(license_id)


def run(
    pkg: LicensePackage,
    trusted: TrustedList | None,
    key: Ed25519PublicKey,
    *,
    now: datetime = T0 + HOUR,
    online: bool = False,
    ask: Callable[[str], bytes] | None = None,
    mark: ListMark | None = None,
    user_id: str = USER,
) -> Allowed:
    return decide(
        pkg, trusted, user_id=user_id, now=now, online=online, insurer_key=key, ask_insurer=ask, mark=mark
    )


# --- from the cached list ----------------------------------------------------------------------------


def test_valid_license_plays_offline_from_the_list(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey, pkg: LicensePackage
) -> None:
    result = run(pkg, trusted_with(insurer, valid("lic-1")), insurer_pub, now=T0 + GRACE)
    assert result == Allowed("lic-1", "track-1", Source.LIST, refresh_advised=False)


@pytest.mark.parametrize("why", list(InvalidationReason))
def test_invalidated_license_refused_with_reason(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey, pkg: LicensePackage, why: InvalidationReason
) -> None:
    """[0064]: after a (false) loss report the old copy is marked invalid and no longer plays."""
    trusted = trusted_with(insurer, invalid("lic-1", why, on=LOST_ON))
    for online in (False, True):
        with pytest.raises(LicenseInvalidatedError) as e:
            run(pkg, trusted, insurer_pub, now=LOST_ON + HOUR, online=online)
        assert e.value.code == "invalidated"
        assert e.value.reason == why.value
        assert e.value.invalidated_at == LOST_ON
        assert "2026-11-03" in str(e.value)
        assert reason_in_words(why, LOST_ON) in str(e.value)


def test_loss_reason_reads_as_a_sentence(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey, pkg: LicensePackage
) -> None:
    with pytest.raises(LicenseInvalidatedError) as e:
        run(pkg, trusted_with(insurer, invalid("lic-1", on=LOST_ON)), insurer_pub, now=LOST_ON)
    assert str(e.value) == (
        "License 'lic-1' may not play: it was re-distributed after a loss report: "
        "a new copy replaces this one (on 2026-11-03)."
    )


def test_every_reason_has_its_own_words() -> None:
    phrases = {reason_in_words(r, LOST_ON) for r in InvalidationReason}
    assert len(phrases) == len(InvalidationReason)


def test_expired_list_refused_offline_but_fine_online(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey, pkg: LicensePackage
) -> None:
    """Freeze: an old list kept offline forever would keep a re-distributed license playing."""
    trusted = trusted_with(insurer, valid("lic-1"))
    late = T0 + GRACE + timedelta(days=3, hours=2)
    with pytest.raises(ListExpiredError) as e:
        run(pkg, trusted, insurer_pub, now=late)
    assert e.value.code == "list_expired"
    assert "ran out on 2026-05-01 09:30 UTC (3 days ago)" in str(e.value)
    assert "connect to the insurer once to renew it" in str(e.value)
    assert run(pkg, trusted, insurer_pub, now=late, online=True).refresh_advised


def test_list_at_its_last_second_still_plays(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey, pkg: LicensePackage
) -> None:
    trusted = trusted_with(insurer, valid("lic-1"))
    run(pkg, trusted, insurer_pub, now=T0 + GRACE)
    with pytest.raises(ListExpiredError, match="less than a day ago"):
        run(pkg, trusted, insurer_pub, now=T0 + GRACE + timedelta(seconds=1))


def test_invalidation_in_an_expired_list_still_says_why(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey, pkg: LicensePackage
) -> None:
    """An invalidation is final: connecting would not help, so the user hears the real reason."""
    with pytest.raises(LicenseInvalidatedError):
        run(pkg, trusted_with(insurer, invalid("lic-1")), insurer_pub, now=T0 + 2 * GRACE)


def test_clock_set_back_is_refused(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey, pkg: LicensePackage
) -> None:
    """Setting the clock back would stretch the offline grace; the newest issue time seen says no."""
    trusted = trusted_with(insurer, valid("lic-1"))
    with pytest.raises(ClockRollbackError, match="Your clock reads 2026-03-31 09:30 UTC") as e:
        run(pkg, trusted, insurer_pub, now=T0 - timedelta(days=1))
    assert isinstance(e.value, DecisionRefusedError) and e.value.exit_code == 3


def test_clock_set_back_is_refused_with_no_list_cached(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey, pkg: LicensePackage
) -> None:
    """The data folder deleted: the keyring's mark still knows what time it was."""
    with pytest.raises(ClockRollbackError):
        run(pkg, None, insurer_pub, now=T0 - timedelta(days=1), mark=ListMark(5, T0))


def test_package_for_another_user_is_refused(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey, keys: Keys
) -> None:
    """A package copied from someone else's library: its guarantee conditions name them."""
    theirs = make_package(keys, "lic-9", user_id="user-2").doc
    with pytest.raises(WrongLicenseeError, match="insures user 'user-2', not you") as e:
        run(theirs, trusted_with(insurer, valid("lic-9")), insurer_pub)
    assert e.value.code == "wrong_licensee"


def test_list_for_another_user_is_refused(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey, pkg: LicensePackage
) -> None:
    with pytest.raises(WrongLicenseeError):
        run(pkg, trusted_with(insurer, valid("lic-1")), insurer_pub, user_id="user-2")


def test_list_and_package_disagreeing_on_content_is_an_integrity_failure(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey, pkg: LicensePackage
) -> None:
    with pytest.raises(MismatchError):
        run(pkg, trusted_with(insurer, valid("lic-1", content_id="track-2")), insurer_pub)


# --- IDs the list does not know (FIG.10 (3)-(4)) -----------------------------------------------------


def test_unknown_id_offline_is_refused_with_advice(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey, pkg: LicensePackage
) -> None:
    with pytest.raises(LicenseUnknownError) as e:
        run(pkg, trusted_with(insurer, valid("lic-2")), insurer_pub)
    assert e.value.code == "unknown_license"
    assert "not in the cached license list; connect to the insurer once to check it" in str(e.value)
    with pytest.raises(LicenseUnknownError, match="none yet"):
        run(pkg, None, insurer_pub)


def test_insurer_is_not_asked_while_offline(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey, pkg: LicensePackage
) -> None:
    ask = Insurer(lambda i: make_statement(insurer, i, list_version=5).data)
    with pytest.raises(LicenseUnknownError):
        run(pkg, trusted_with(insurer, valid("lic-2")), insurer_pub, ask=ask)
    assert ask.asked == []


def test_unknown_id_asked_of_insurer(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey, pkg: LicensePackage
) -> None:
    """Bought since the list was fetched: the insurer vouches for it, and the list should be refreshed."""
    ask = Insurer(lambda i: make_statement(insurer, i, list_version=6, issued_at=T0 + HOUR).data)
    result = run(pkg, trusted_with(insurer, valid("lic-2")), insurer_pub, online=True, ask=ask)
    assert result == Allowed("lic-1", "track-1", Source.INSURER, refresh_advised=True)
    assert ask.asked == ["lic-1"]
    assert run(pkg, None, insurer_pub, online=True, ask=ask).source is Source.INSURER


def test_insurer_saying_invalid_or_unknown_is_refused(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey, pkg: LicensePackage
) -> None:
    trusted = trusted_with(insurer, valid("lic-2"))
    said_invalid = Insurer(
        lambda i: (
            make_statement(
                insurer, i, LicenseState.INVALID, list_version=6, reason=InvalidationReason.UPGRADE
            ).data
        )
    )
    with pytest.raises(LicenseInvalidatedError, match="newer version") as e:
        run(pkg, trusted, insurer_pub, online=True, ask=said_invalid)
    assert e.value.reason == "version_upgrade"
    never_heard = Insurer(lambda i: make_statement(insurer, i, LicenseState.UNKNOWN, list_version=6).data)
    with pytest.raises(LicenseUnknownError, match="insurer does not know license 'lic-1'"):
        run(pkg, trusted, insurer_pub, online=True, ask=never_heard)


def test_forged_validity_statement_rejected(
    insurer: Ed25519PrivateKey,
    attacker: Ed25519PrivateKey,
    insurer_pub: Ed25519PublicKey,
    pkg: LicensePackage,
) -> None:
    """A man in the middle answers "valid" for a license the insurer invalidated."""
    forged = Insurer(lambda i: make_statement(attacker, i, list_version=99).data)
    with pytest.raises(UnknownSignerError):
        run(pkg, None, insurer_pub, online=True, ask=forged)
    edited = make_statement(insurer, "lic-1", LicenseState.INVALID, list_version=6).data
    edited = edited.replace(b'"state":"invalid"', b'"state":"valid"').replace(
        b'"invalidated_at":"2026-04-01T09:30:00Z"', b'"invalidated_at":null'
    )
    with pytest.raises(IntegrityError):
        run(pkg, None, insurer_pub, online=True, ask=Insurer(lambda i: edited))
    with pytest.raises(IntegrityError):
        run(pkg, None, insurer_pub, online=True, ask=Insurer(lambda i: b"valid"))


def test_statement_for_another_user_rejected(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey, pkg: LicensePackage
) -> None:
    """A genuine "valid" answer about someone else's license lifted into this user's query."""
    theirs = Insurer(lambda i: make_statement(insurer, i, user_id="user-2", list_version=6).data)
    with pytest.raises(MismatchError, match="of user 'user-2'"):
        run(pkg, None, insurer_pub, online=True, ask=theirs)


def test_statement_for_another_license_rejected(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey, pkg: LicensePackage
) -> None:
    other = Insurer(lambda i: make_statement(insurer, "lic-7", list_version=6).data)
    with pytest.raises(MismatchError, match="about license 'lic-7'"):
        run(pkg, None, insurer_pub, online=True, ask=other)


def test_replayed_old_statement_rejected(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey, pkg: LicensePackage
) -> None:
    """A "valid" answer recorded before the license was invalidated, replayed after."""
    old = Insurer(lambda i: make_statement(insurer, i, list_version=3).data)
    with pytest.raises(ListRollbackError, match="old answer replayed"):
        run(pkg, trusted_with(insurer, valid("lic-2")), insurer_pub, online=True, ask=old)
    with pytest.raises(ListRollbackError):
        run(pkg, None, insurer_pub, online=True, ask=old, mark=ListMark(5, T0))


def test_statement_from_the_future_reveals_a_set_back_clock(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey, pkg: LicensePackage
) -> None:
    ahead = Insurer(
        lambda i: make_statement(insurer, i, list_version=6, issued_at=T0 + timedelta(days=40)).data
    )
    with pytest.raises(ClockRollbackError):
        run(pkg, None, insurer_pub, online=True, ask=ahead)


def test_insurer_unreachable_passes_through(insurer_pub: Ed25519PublicKey, pkg: LicensePackage) -> None:
    def down(license_id: str) -> bytes:
        raise BackendUnreachableError("no route to the insurer")

    with pytest.raises(BackendUnreachableError):
        run(pkg, None, insurer_pub, online=True, ask=down)


def test_bad_signature_is_an_integrity_failure_not_a_refusal(
    insurer: Ed25519PrivateKey, insurer_pub: Ed25519PublicKey, pkg: LicensePackage
) -> None:
    data = bytearray(make_statement(insurer, "lic-1", list_version=6).data)
    i = data.index(b'"signature":"') + len(b'"signature":"')
    data[i] = ord("A") if data[i] != ord("A") else ord("B")
    with pytest.raises(BadSignatureError) as e:
        run(pkg, None, insurer_pub, online=True, ask=Insurer(lambda _: bytes(data)))
    assert e.value.exit_code == 5
