"""An insurer's terms said in the player's language, from their numbers.

The insurer sends its own summary of the terms with the numbers it is made of; it writes in its own
language (the bundled one in English). A player speaking another language says the same conditions in
its own words from those numbers, and shows the insurer's sentence beside it as what was sent."""

from __future__ import annotations

from typing import TYPE_CHECKING

from player.language import translate
from player.words.formats import count, yen

if TYPE_CHECKING:  # the typed contract loads with the first contact, not with the window
    from player.protocol.api import Terms


def terms_said(terms: Terms) -> str:
    """What the policy promises and on which conditions, in one paragraph."""
    days = count(terms.guarantee_days, translate("Words", "{n} day"), translate("Words", "{n} days"))
    per_track = count(
        terms.relicensing_limit_per_track,
        translate("Words", "{n} time per track"),
        translate("Words", "{n} times per track"),
    )
    total = count(
        terms.relicensing_limit_total,
        translate("Words", "{n} time in total"),
        translate("Words", "{n} times in total"),
    )
    starting = (
        translate("Words", "from the day the contract is signed")
        if terms.waiting_days == 0
        else count(
            terms.waiting_days,
            translate("Words", "from {n} day after the contract is signed"),
            translate("Words", "from {n} days after the contract is signed"),
        )
    )
    return translate(
        "Words",
        "If insured tracks or their licenses are lost within {days}, the insurer re-distributes them "
        "free of charge: up to {per_track} and {total}, {starting}. When a track can no longer be "
        "issued, you choose an alternate from any provider costing at most {amount} more. Each "
        "re-distribution invalidates the license it replaces.",
    ).format(
        days=days,
        per_track=per_track,
        total=total,
        starting=starting,
        amount=yen(terms.price_difference_limit),
    )
