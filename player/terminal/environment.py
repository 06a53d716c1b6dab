"""What the terminal takes from the environment, read the same way by every face."""

from __future__ import annotations

import os
from collections.abc import Mapping

from player.errors import UsageError

TIMEOUT_VARIABLE = "INSURED_PLAYER_TIMEOUT"


def network_timeout(env: Mapping[str, str] = os.environ) -> float | None:
    """`INSURED_PLAYER_TIMEOUT` in seconds (the deadline of an exchange, a download's stall limit), or
    None for the defaults; `UsageError` when it is not a number of seconds between 0 and an hour."""
    text = env.get(TIMEOUT_VARIABLE)
    if not text:
        return None
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < 3600:
        raise UsageError(f"{TIMEOUT_VARIABLE} must be a number of seconds, not {text!r}")
    return seconds
