"""The words the loss and alternates dialogs use for what the insurer answered (FIG.12, FIG.14).

The insurer answers with codes (`per_track_limit`, `content_discontinued`, ...) and a sentence of its
own; the dialogs show a sentence a user can act on, filled in from the policy's guarantee conditions
(FIG.6B: limits, the re-licensing starting date, the guarantee period) when the policy is at hand. No
decision is made here: an unknown code falls back to the insurer's own words.
"""

from __future__ import annotations

from datetime import datetime

from player.terminal import Policy

YEN = "¥"
MINUS = "−"  # U+2212, the typographic minus: "−¥30" reads better than "-¥30"


def yen(amount: int) -> str:
    return f"{MINUS if amount < 0 else ''}{YEN}{abs(amount):,}"


def day(when: datetime) -> str:
    """A date as people write it, e.g. "4 March 2026" (the policy's dates are UTC)."""
    return f"{when.day} {when:%B %Y}"


def difference(diff: int, limit: int | None) -> str:
    """An alternate's price difference against the policy's limit: "+¥50 of ¥100", "same price",
    "−¥30 (cheaper)". The insurer covers a difference up to the limit ([0030])."""
    if diff > 0:
        return f"+{yen(diff)} of {yen(limit)}" if limit is not None else f"+{yen(diff)}"
    if diff == 0:
        return "same price"
    return f"{yen(diff)} (cheaper)"


_UNAVAILABLE = {
    # FIG.14 (6): why the original licensor cannot re-issue the same track
    "content_discontinued": "Its supplier no longer distributes this track.",
    "provider_unavailable": "Its supplier's service is down at the moment.",
    "provider_ended": "Its supplier has ended its business.",
}


def unavailable(code: str) -> str:
    """Why a track cannot be re-issued as itself, in words."""
    return _UNAVAILABLE.get(code, f"Its supplier cannot issue it again ({code})." if code else "")


def refusal(code: str, message: str = "", policy: Policy | None = None) -> str:
    """Why the insurer refused a track or a whole claim, in words, with the policy's figures."""
    if code == "per_track_limit":
        limit = f" ({policy.relicensing_limit_per_track} times)" if policy else ""
        return f"This track reached your policy's limit of re-distributions per track{limit}."
    if code == "total_limit":
        limit = f" ({policy.relicensing_limit_total})" if policy else ""
        return f"Your policy's total number of re-distributions{limit} is used up."
    if code == "waiting_period":
        if policy:
            return (
                f"Your policy is still in its waiting period: re-distribution starts on "
                f"{day(policy.relicensing_starts)}."
            )
        return "Your policy is still in its waiting period: " + _sentence(message)
    if code == "outside_guarantee_period":
        if policy:
            return (
                f"This is outside your policy's guarantee period "
                f"({day(policy.guarantee_start)} to {day(policy.guarantee_end)})."
            )
        return "This is outside your policy's guarantee period: " + _sentence(message)
    if code == "no_alternates":
        return (
            "It cannot be re-issued, and no supplier offers an alternate within your policy's limit "
            "on the price difference."
        )
    return _sentence(message or code or "The insurer gave no reason.")


def _sentence(text: str) -> str:
    text = text.strip().rstrip(".")
    return text[:1].upper() + text[1:] + "." if text else ""
