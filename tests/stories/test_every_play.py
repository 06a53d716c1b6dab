"""Story: a policy that asks the insurer on every play (a policy term; cheaper).

The user reports a track lost from another of their terminals. This terminal has not synced, so its
cached list still calls the old license valid: under an every-play policy its next play asks the insurer
and is refused at once; under the standard policy the cached list lets it play until the next sync.
Offline, the every-play policy falls back to the cached list and its grace period.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.conftest import StartBackend
from tests.stories.driver import PASSWORD, Cli
from tests.support.backend import Backend

MakeCli = Callable[[Backend | str, str], Cli]
TRACK, KEPT = "harbor-0008", "aurora-0006"


def report_from_another_terminal(backend: Backend, user: str, policy_id: str, license_id: str) -> None:
    """What the user's other machine does: sign in and report the license lost (FIG.12)."""
    session = backend.post("/api/v1/sessions", json={"username": user, "password": PASSWORD})
    assert session.status_code == 201, session.text
    claim = backend.post(
        "/api/v1/claims",
        token=session.json()["token"],
        json={"policy_id": policy_id, "license_ids": [license_id]},
    )
    assert claim.status_code == 201, claim.text


def test_every_play_stops_a_license_replaced_elsewhere_at_once_and_is_cheaper(
    start_backend: StartBackend, make_cli: MakeCli
) -> None:
    with start_backend() as backend:
        checked, standard = make_cli(backend, "checked"), make_cli(backend, "standard")
        checked.sign_up("petra")
        policy = checked.ok("insure", "--check-every-play")
        standard.sign_up("quinn")
        plain = standard.ok("insure")
        assert policy["check_every_play"] is True and plain["check_every_play"] is False
        assert policy["premium_yen_per_track"] < plain["premium_yen_per_track"]

        premium = next(c["premium"] for c in checked.ok("catalog") if c["content_id"] == TRACK)
        bought, _ = checked.buy(TRACK, KEPT)
        assert bought["premium"] < premium  # the catalog quotes the standard policy's premium
        other = standard.ok("buy", TRACK)
        assert other["premium"] == premium

        report_from_another_terminal(backend, "petra", policy["contract_id"], bought["license_id"])
        report_from_another_terminal(backend, "quinn", plain["contract_id"], other["license_id"])

        err = checked.fails(3, "play", bought["license_id"], "--decode-only")
        assert "re-distributed after a loss" in err, err
        # The standard policy trusts its cached list until the next sync (the list is pushed then).
        assert standard.ok("play", other["license_id"], "--decode-only")["frames"] > 0
        standard.ok("sync")
        assert "re-distributed after a loss" in standard.fails(
            3, "play", other["license_id"], "--decode-only"
        )

        backend.stop()  # offline: the every-play policy plays what the cached list calls valid
        assert checked.ok("play", KEPT, "--decode-only")["frames"] > 0
