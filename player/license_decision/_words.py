"""How the decision speaks: times and invalidation reasons as a user reads them in a dialog or a CLI line.

Kept apart so every refusal phrases a date and a FIG.7 reason the same way, and so the trust rules in
`trusted_list` and the flow in `decision` read as rules rather than as string formatting.
"""

from __future__ import annotations

from datetime import UTC, datetime

from player.protocol.license_list import InvalidationReason

# FIG.7: one phrase per reason for invalidation; `{on}` is the date of invalidation.
_REASONS: dict[InvalidationReason, str] = {
    InvalidationReason.LOSS: "re-distributed after a loss on {on}: this copy was replaced",
    InvalidationReason.CRASH: "re-distributed after a crash on {on}: this copy was replaced",
    InvalidationReason.ALTERNATE: (
        "replaced on {on} by an alternate track, because the supplier discontinued the original"
    ),
    InvalidationReason.UPGRADE: "replaced on {on} by a newer version of the track ([0048])",
    InvalidationReason.INSURED_AFTER_PURCHASE: (
        "replaced on {on} when the purchase was insured: the insured copy plays instead"
    ),
}


def when(t: datetime) -> str:
    """A moment as people read it: ``2026-11-03 09:30 UTC``."""
    return t.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def day(t: datetime) -> str:
    """A date as people read it: ``2026-11-03`` (UTC)."""
    return t.astimezone(UTC).strftime("%Y-%m-%d")


def reason(why: InvalidationReason | None, on: datetime | None) -> str:
    """The FIG.7 reason in words, with its date; a list entry always has both, a guard keeps it total."""
    date = day(on) if on is not None else "an unknown date"
    if why is None:
        return f"invalidated on {date}"
    return _REASONS[why].format(on=date)
