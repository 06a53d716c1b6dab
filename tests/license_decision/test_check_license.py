"""FIG.10 (5): after the license is opened, it must be this user's, for this track, and in its period."""

from __future__ import annotations

from datetime import timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from player.errors import OutsideUsagePeriodError, WrongLicenseeError
from player.license_decision import check_license
from player.protocol.package import LicensePackage, open_license
from tests.support.factories import T0, USER, Keys, a_license, make_package


@pytest.fixture(scope="module")
def pkg(keys: Keys) -> LicensePackage:
    return make_package(keys, "lic-1").doc


def test_opened_license_in_its_period_passes(
    pkg: LicensePackage, policy_key: X25519PrivateKey, licensor: Ed25519PrivateKey
) -> None:
    lic = open_license(pkg, policy_key, {"provider-a": licensor.public_key()})
    check_license(lic, pkg, user_id=USER, now=T0)
    check_license(lic, pkg, user_id=USER, now=T0 + timedelta(days=365))  # both ends inclusive


def test_license_for_another_user_is_refused(pkg: LicensePackage) -> None:
    with pytest.raises(WrongLicenseeError, match="issued to user 'user-2', not to you") as e:
        check_license(a_license(licensee="user-2"), pkg, user_id=USER, now=T0)
    assert e.value.code == "wrong_licensee"


def test_license_for_other_content_is_refused(pkg: LicensePackage) -> None:
    """A license for a cheap track passed off as the license for this one."""
    with pytest.raises(WrongLicenseeError, match="is for 'track-9'"):
        check_license(a_license(content_id="track-9"), pkg, user_id=USER, now=T0)
    with pytest.raises(WrongLicenseeError):
        check_license(a_license("lic-2"), pkg, user_id=USER, now=T0)


def test_license_past_its_usage_period_is_refused(pkg: LicensePackage) -> None:
    late = T0 + timedelta(days=366)
    with pytest.raises(OutsideUsagePeriodError, match="could play until 2027-04-01 09:30 UTC") as e:
        check_license(a_license(), pkg, user_id=USER, now=late)
    assert e.value.code == "outside_usage_period"


def test_license_before_its_usage_period_is_refused(pkg: LicensePackage) -> None:
    lic = a_license(not_before=T0 + timedelta(days=1), not_after=None)
    with pytest.raises(OutsideUsagePeriodError, match="may play from 2026-04-02 09:30 UTC"):
        check_license(lic, pkg, user_id=USER, now=T0)
    check_license(lic, pkg, user_id=USER, now=T0 + timedelta(days=9000))  # open-ended
