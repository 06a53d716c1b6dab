"""The guarantee-condition table on its own: each row refuses with its wire code and words, and a row
whose fact a step does not supply stays out of that step's way."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mock_backend.insurer.conditions import CONDITIONS, Circumstances, StandIn, judge, price_ceiling
from player.protocol.policy import GuaranteeConditions

START = datetime(2026, 1, 1, tzinfo=UTC)
TERMS = GuaranteeConditions(
    contract_id="P-1",
    insured_user_id="u-1",
    guarantee_start=START,
    guarantee_end=START + timedelta(days=365),
    relicensing_starts=START + timedelta(days=7),
    relicensing_limit_per_track=3,
    relicensing_limit_total=10,
    price_difference_limit=100,
)
IN_FORCE = START + timedelta(days=30)


def test_the_table_holds_the_codes_the_terminal_knows() -> None:
    assert [c.code for c in CONDITIONS] == [
        "outside_guarantee_period",
        "waiting_period",
        "per_track_limit",
        "total_limit",
        "price_difference_limit",
    ]


def test_nothing_known_nothing_refused() -> None:
    assert judge(Circumstances(TERMS)) is None


@pytest.mark.parametrize(
    ("circumstances", "code", "message"),
    [
        (
            Circumstances(TERMS, now=START + timedelta(days=366)),
            "outside_guarantee_period",
            "the guarantee period ran from 2026-01-01T00:00:00Z to 2027-01-01T00:00:00Z",
        ),
        (
            Circumstances(TERMS, now=START + timedelta(days=1)),
            "waiting_period",
            "re-distribution starts on 2026-01-08T00:00:00Z (waiting period)",
        ),
        (
            Circumstances(TERMS, now=IN_FORCE, track_relicensings=3, total_if_granted=11),
            "per_track_limit",  # the per-track limit is judged before the total
            "this track was already re-distributed 3 times (limit 3)",
        ),
        (
            Circumstances(TERMS, now=IN_FORCE, track_relicensings=2, total_if_granted=11),
            "total_limit",
            "all 10 re-distributions of this policy are used",
        ),
        (
            Circumstances(TERMS, alternate=StandIn("Gravel Hearts", 101)),
            "price_difference_limit",
            "'Gravel Hearts' costs 101 yen more than the lost track; the policy allows 100 yen",
        ),
    ],
)
def test_each_condition_refuses_with_its_code_and_words(
    circumstances: Circumstances, code: str, message: str
) -> None:
    refusal = judge(circumstances)
    assert refusal is not None and (refusal.code, refusal.message) == (code, message)
    error = refusal.error()
    assert (error.status, error.detail.claim_refused) == (409, True)


def test_the_limits_are_inclusive() -> None:
    assert (
        judge(Circumstances(TERMS, now=TERMS.guarantee_end, track_relicensings=2, total_if_granted=10))
        is None
    )
    assert judge(Circumstances(TERMS, now=TERMS.relicensing_starts)) is None
    assert judge(Circumstances(TERMS, alternate=StandIn("Buoy Lights", 100))) is None
    assert price_ceiling(TERMS, 150) == 250
