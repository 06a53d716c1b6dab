"""How the store, the insurance view and the first-run dialog write money, times, dates and keys.

Presentation only: every number comes from the core as it is; this module decides nothing about it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from player.errors import PlayerError
from player.protocol.canonical import parse_time


def yen(amount: int) -> str:
    """``¥1,250``: the patent's currency, whole yen."""
    sign = "-" if amount < 0 else ""
    return f"{sign}¥{abs(amount):,}"


def duration(ms: int) -> str:
    """``3:07`` (or ``1:02:03`` past an hour)."""
    seconds = max(0, round(ms / 1000))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def day(t: datetime | None) -> str:
    """``2026-11-03`` (UTC), or a dash when there is no date."""
    return "—" if t is None else t.astimezone(UTC).strftime("%Y-%m-%d")


def moment(t: datetime | None) -> str:
    """``2026-11-03 09:30 UTC``, or a dash."""
    return "—" if t is None else t.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def wire_time(text: str | None) -> datetime | None:
    """A wire time (``2026-11-03T09:30:00Z``) as a datetime; None for none or an unreadable one."""
    if not text:
        return None
    try:
        return parse_time(text)
    except PlayerError:
        return None


def days_between(start: datetime, end: datetime) -> int:
    """Whole days from `start` to `end`, rounded up (a wait of 6 days and 1 hour is 7 days left)."""
    seconds = (end - start).total_seconds()
    return max(0, -int(-seconds // 86400))


def fingerprint(hex_digest: str, per_line: int = 0) -> str:
    """``ab12 cd34 ef56 ...``: groups of four as people compare keys; `per_line` groups, then a newline."""
    groups = [hex_digest[i : i + 4] for i in range(0, len(hex_digest), 4)]
    if per_line <= 0:
        return " ".join(groups)
    lines = [" ".join(groups[i : i + per_line]) for i in range(0, len(groups), per_line)]
    return "\n".join(lines)


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
