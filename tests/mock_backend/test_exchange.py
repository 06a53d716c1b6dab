"""Two insurers of one backend exchange re-distribution history ([0040], claim 18): a purchase insured at
both is compensated once, the second insurer refusing in words the user can read; losses spread over
both insurers are refused once they form the pattern; a user reads what was shared about them."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import TWO_INSURERS, StartBackend
from tests.mock_backend.claim_helpers import DAY, accepted, assert_claim_refused
from tests.mock_backend.exchange_helpers import about_me, at_insurer, customer_at, held_license, insure_held
from tests.support.backend import Backend
from tests.support.customer import Customer


def _identity() -> str:
    return f"hana.{uuid.uuid4().hex[:8]}@example.jp"


def _refused_item(r: Any) -> dict[str, Any]:
    """The one claimed track, refused: its reason and the words the user reads."""
    error = assert_claim_refused(r, "compensated_elsewhere")
    (item,) = error["items"]
    assert item["reason"] == "compensated_elsewhere"
    return dict(item)


def test_a_purchase_insured_at_both_insurers_is_compensated_once(two_insurers: Backend) -> None:
    kaede, minato = at_insurer(two_insurers, "kaede"), at_insurer(two_insurers, "minato")
    identity = _identity()
    at_kaede = customer_at(kaede, identity)
    bought = at_kaede.buy("aurora-0003")
    at_minato = customer_at(minato, identity)
    insured = insure_held(at_minato, held_license(at_kaede, bought["license"]))
    assert at_minato.open(insured).licensee == at_minato.user_id  # a license of its own, sealed by Minato

    granted = accepted(at_kaede.claim(bought["license"]["license_id"]))
    assert granted["items"][0]["outcome"] == "reissued"

    refused = _refused_item(at_minato.claim(insured["license_id"]))
    told = about_me(at_minato)
    assert [(e["insurer_name"], e["written_here"], e["title"]) for e in told] == [
        ("Kaede Mutual", False, refused_title(two_insurers, "aurora-0003"))
    ]
    assert refused["message"] == f"already compensated by Kaede Mutual on {told[0]['at'][:10]}"
    # what Kaede wrote, and whom it told
    (written,) = about_me(at_kaede)
    assert (
        written["written_here"] and written["kind"] == "reissued" and written["told"] == ["Minato Assurance"]
    )
    assert written["amount"] == refused_price(two_insurers, "aurora-0003") and written["pending"] == []


def test_a_purchase_reissued_at_one_insurer_and_insured_at_the_other_is_still_the_same(
    two_insurers: Backend,
) -> None:
    """Laundering a loss through its re-issue: the new license names the same purchase."""
    kaede, minato = at_insurer(two_insurers, "kaede"), at_insurer(two_insurers, "minato")
    identity = _identity()
    at_kaede = customer_at(kaede, identity)
    bought = at_kaede.buy("harbor-0002")
    reissued = accepted(at_kaede.claim(bought["license"]["license_id"]))["items"][0]["license"]
    at_minato = customer_at(minato, identity)
    insured = insure_held(at_minato, held_license(at_kaede, reissued))

    assert _refused_item(at_minato.claim(insured["license_id"]))["message"].startswith(
        "already compensated by Kaede Mutual on "
    )


def test_the_other_way_round_the_first_insurer_refuses_what_the_second_paid(two_insurers: Backend) -> None:
    kaede, minato = at_insurer(two_insurers, "kaede"), at_insurer(two_insurers, "minato")
    at_kaede = customer_at(kaede, None)  # no identity: the purchase is recognised all the same
    bought = at_kaede.buy("aurora-0004")
    at_minato = customer_at(minato, None)
    insured = insure_held(at_minato, held_license(at_kaede, bought["license"]))
    accepted(at_minato.claim(insured["license_id"]))

    item = _refused_item(at_kaede.claim(bought["license"]["license_id"]))
    assert item["message"].startswith("already compensated by Minato Assurance on ")
    # nobody else's losses are held against a user who is not recognised across insurers
    assert about_me(at_kaede) == []
    assert [e["written_here"] for e in about_me(at_minato)] == [True]


def test_another_track_of_the_same_person_is_still_compensated(two_insurers: Backend) -> None:
    kaede, minato = at_insurer(two_insurers, "kaede"), at_insurer(two_insurers, "minato")
    identity = _identity()
    at_kaede, at_minato = customer_at(kaede, identity), customer_at(minato, identity)
    accepted(at_kaede.claim(at_kaede.buy("aurora-0005")["license"]["license_id"]))
    granted = accepted(at_minato.claim(at_minato.buy("aurora-0006")["license"]["license_id"]))
    assert granted["items"][0]["outcome"] == "reissued"
    assert [(e["insurer_name"], e["written_here"]) for e in about_me(at_minato)] == [
        ("Kaede Mutual", False),
        ("Minato Assurance", True),
    ]


def test_a_user_is_told_what_was_shared_only_when_signed_in(two_insurers: Backend) -> None:
    r = at_insurer(two_insurers, "minato").get("/api/v1/exchange/about-me")
    assert r.status_code == 401 and r.json()["error"]["code"] == "not_signed_in"


# --- the pattern ---------------------------------------------------------------------------------------


@pytest.fixture
def apart(start_backend: StartBackend) -> Iterator[Backend]:
    """A backend of the two insurers whose clock this story moves."""
    with start_backend(*TWO_INSURERS) as backend:
        yield backend


def _lose(customer: Customer, content_id: str) -> Any:
    return customer.claim(customer.buy(content_id)["license"]["license_id"])


def test_losses_spread_over_both_insurers_are_refused_once_they_form_the_pattern(apart: Backend) -> None:
    kaede, minato = at_insurer(apart, "kaede"), at_insurer(apart, "minato")
    identity = _identity()
    at_kaede, at_minato = customer_at(kaede, identity), customer_at(minato, identity)
    accepted(_lose(at_kaede, "aurora-0001"))
    accepted(_lose(at_kaede, "aurora-0002"))
    accepted(_lose(at_minato, "harbor-0001"))  # three losses, but the last is the first at a second insurer

    for customer, content_id in ((at_kaede, "harbor-0003"), (at_minato, "harbor-0004")):
        error = assert_claim_refused(_lose(customer, content_id), "losses_across_insurers")
        assert error["message"].startswith(
            "3 losses were compensated to you by 2 insurers (Kaede Mutual, Minato Assurance)"
            " in the last 30 days; claims are accepted again from "
        )
    assert len(about_me(at_minato)) == 3  # the refusals wrote nothing

    apart.advance_clock(31 * DAY)
    at_kaede.sign_in()  # the sessions ran out with the month
    accepted(_lose(at_kaede, "harbor-0005"))


def test_losses_at_one_insurer_alone_are_its_own_limits_business(apart: Backend) -> None:
    at_kaede = customer_at(at_insurer(apart, "kaede"), _identity())
    for content_id in ("aurora-0007", "aurora-0008", "aurora-0009", "harbor-0006"):
        accepted(_lose(at_kaede, content_id))
    assert [e["written_here"] for e in about_me(at_kaede)] == [True] * 4


def refused_title(backend: Backend, content_id: str) -> str:
    title: str = backend.get(f"/api/v1/catalog/{content_id}").json()["title"]
    return title


def refused_price(backend: Backend, content_id: str) -> int:
    price: int = backend.get(f"/api/v1/catalog/{content_id}").json()["price"]
    return price
