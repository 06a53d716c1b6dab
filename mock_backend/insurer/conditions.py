"""The guarantee conditions of the policy (FIG.6B, [0039]) as one table, the only place the insurer
judges them.

Claims, alternates and choices each describe what they know as `Circumstances` and ask `judge`; the
first row that does not hold refuses, with the code that goes on the wire and the words the user reads.
A fact a step does not know is None, and a row whose fact is None does not apply to that step: a claim
as a whole is judged on the clock, each claimed track on its counts, an alternate on its price. So a new
condition is a new row here, reading a new field of the policy's `GuaranteeConditions`; a step changes
only if the row needs a fact that step has not supplied before.

Refusals under these conditions are 409s flagged `claim_refused`: the terminal tells them apart from
other refusals (exit code 6) because no retry can succeed until the conditions change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from mock_backend.errors import ApiError
from player.protocol.api import RefusedItem
from player.protocol.canonical import format_time
from player.protocol.policy import GuaranteeConditions


@dataclass(frozen=True)
class StandIn:
    """A track offered or chosen in place of a lost one."""

    title: str
    price_difference: int  # yen more than the lost track paid (negative when cheaper)


@dataclass(frozen=True)
class Circumstances:
    terms: GuaranteeConditions
    now: datetime | None = None
    track_relicensings: int | None = None  # times this track was re-distributed already
    total_if_granted: int | None = None  # the user's count against the total limit, this one included
    alternate: StandIn | None = None


@dataclass(frozen=True)
class Condition:
    code: str  # the refusal code on the wire
    holds: Callable[[Circumstances], bool]
    refusal: Callable[[Circumstances], str]


@dataclass(frozen=True)
class Refusal:
    code: str
    message: str
    facts: dict[str, str] | None = None  # what the message is made of, for the terminal's own words

    def error(self, items: list[RefusedItem] | None = None) -> ApiError:
        return ApiError(409, self.code, self.message, claim_refused=True, items=items, facts=self.facts)


def within_guarantee_period(terms: GuaranteeConditions, now: datetime) -> bool:
    """Also what decides whether a policy still takes new tracks, so buying and claiming agree."""
    return terms.guarantee_start <= now <= terms.guarantee_end


def price_ceiling(terms: GuaranteeConditions, lost_price: int) -> int:
    """The dearest alternate the price-difference row lets through: the bound licensors search under."""
    return lost_price + terms.price_difference_limit


def _dearer_than_allowed(c: Circumstances) -> str:
    title, difference = (c.alternate.title, c.alternate.price_difference) if c.alternate else ("", 0)
    return (
        f"{title!r} costs {difference} yen more than the lost track; the policy allows "
        f"{c.terms.price_difference_limit} yen"
    )


CONDITIONS: tuple[Condition, ...] = (
    Condition(
        "outside_guarantee_period",
        lambda c: c.now is None or within_guarantee_period(c.terms, c.now),
        lambda c: (
            f"the guarantee period ran from {format_time(c.terms.guarantee_start)}"
            f" to {format_time(c.terms.guarantee_end)}"
        ),
    ),
    Condition(
        "waiting_period",  # FIG.6B re-licensing starting date
        lambda c: c.now is None or c.now >= c.terms.relicensing_starts,
        lambda c: f"re-distribution starts on {format_time(c.terms.relicensing_starts)} (waiting period)",
    ),
    Condition(
        "per_track_limit",
        lambda c: c.track_relicensings is None or c.track_relicensings < c.terms.relicensing_limit_per_track,
        lambda c: (
            f"this track was already re-distributed {c.track_relicensings} times"
            f" (limit {c.terms.relicensing_limit_per_track})"
        ),
    ),
    Condition(
        "total_limit",
        lambda c: c.total_if_granted is None or c.total_if_granted <= c.terms.relicensing_limit_total,
        lambda c: f"all {c.terms.relicensing_limit_total} re-distributions of this policy are used",
    ),
    Condition(
        "price_difference_limit",
        lambda c: c.alternate is None or c.alternate.price_difference <= c.terms.price_difference_limit,
        _dearer_than_allowed,
    ),
)


def judge(circumstances: Circumstances) -> Refusal | None:
    """The first condition, in table order, that these circumstances break; None when all hold."""
    for condition in CONDITIONS:
        if not condition.holds(circumstances):
            return Refusal(condition.code, condition.refusal(circumstances))
    return None
