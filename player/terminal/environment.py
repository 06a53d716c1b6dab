"""What the terminal takes from the environment, read the same way by every face."""

from __future__ import annotations

import os
from collections.abc import Mapping

from player.errors import UsageError
from player.language import translate

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
        raise UsageError(
            translate("Errors", "{timeout_variable} must be a number of seconds, not {text}").format(
                timeout_variable=TIMEOUT_VARIABLE, text=repr(text)
            )
        )
    return seconds


CODECS_VARIABLE = "INSURED_PLAYER_CODECS"
KNOWN_CODECS = ("audio/flac", "audio/ogg", "audio/mpeg")  # what QtMultimedia's FFmpeg decodes here


def playable_codecs(env: Mapping[str, str] = os.environ) -> tuple[str, ...] | None:
    """`INSURED_PLAYER_CODECS` (comma-separated MIME types, best first): the formats this terminal asks
    for ([0050]), to restrict them (a device that plays only some); None for all it decodes. `UsageError`
    for a type it cannot play."""
    text = env.get(CODECS_VARIABLE)
    if not text:
        return None
    codecs = tuple(c.strip() for c in text.split(",") if c.strip())
    unknown = [c for c in codecs if c not in KNOWN_CODECS]
    if unknown or not codecs:
        raise UsageError(
            translate("Errors", "{codecs_variable} takes some of {known}, not {text}").format(
                codecs_variable=CODECS_VARIABLE, known=", ".join(KNOWN_CODECS), text=repr(text)
            )
        )
    return codecs
