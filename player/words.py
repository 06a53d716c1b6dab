"""Every word the player shows about money, time and the insurer's reasons, in one place.

Amounts, dates, durations, the FIG.7 reasons for invalidation, the insurer's refusal codes and its
reasons for not re-issuing a track are written here once, so the CLI, the dialogs, the tables and the
decision's own refusals say the same thing the same way. Nothing here decides anything: every number
and code comes in as the core has it. A new guarantee condition adds one line to `REFUSALS`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from player.errors import PlayerError
from player.protocol.canonical import format_time, parse_time
from player.protocol.license_list import InvalidationReason
from player.protocol.policy import Policy

YEN = "¥"
MINUS = "−"  # U+2212, the typographic minus: "−¥30" reads better than "-¥30"

# --- amounts, times, durations -------------------------------------------------------------------


def yen(amount: int) -> str:
    """``¥1,250``, ``−¥30``: the patent's currency, whole yen."""
    return f"{MINUS if amount < 0 else ''}{YEN}{abs(amount):,}"


def duration(ms: int) -> str:
    """``3:07`` (or ``1:02:03`` past an hour)."""
    seconds = max(0, round(ms / 1000))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def day(t: datetime | None) -> str:
    """``2026-11-03`` (UTC), or a dash when there is no date."""
    return "—" if t is None else t.astimezone(UTC).strftime("%Y-%m-%d")


def long_day(t: datetime) -> str:
    """``4 March 2026``, for a sentence (the policy's dates are UTC)."""
    t = t.astimezone(UTC)
    return f"{t.day} {t:%B %Y}"


def moment(t: datetime | None) -> str:
    """``2026-11-03 09:30 UTC``, or a dash."""
    return "—" if t is None else t.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def local_moment(t: datetime, now: datetime | None = None) -> str:
    """A local time as people read it: "14:03" today, else "3 Dec 14:03" (with the year when not this one)."""
    now = (now or datetime.now(UTC)).astimezone()
    local = t.astimezone()
    if local.date() == now.date():
        return local.strftime("%H:%M")
    if local.year == now.year:
        return f"{local.day} {local.strftime('%b %H:%M')}"
    return f"{local.day} {local.strftime('%b %Y %H:%M')}"


def stamp(t: datetime) -> str:
    """``2026-11-03T09:30:00Z``: the form machines read (the CLI's JSON), the same as on the wire."""
    return format_time(t)


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


def time_left(until: datetime, now: datetime) -> str:
    """``29 days``, ``less than 2 days``, ``less than a day``: whole days left, never rounded up, so
    every place that says how long the offline grace lasts says the same."""
    days = (until - now).days
    return f"{days} days" if days >= 2 else "less than 2 days" if days == 1 else "less than a day"


def track_name(title: str, artist: str = "") -> str:
    """A track as people name it: “Title” by Artist."""
    return f"“{title}” by {artist}" if artist else f"“{title}”"


def percent(rate: float) -> str:
    """``8%``, ``10.5%``: a share as people write it."""
    return f"{rate * 100:.1f}".rstrip("0").rstrip(".") + "%"


def premium_rates(rates: list[tuple[str, float]]) -> str:
    """``8% of the price at Aurora Records, 10% at Blue Harbor Music``: each provider's premium as
    charged (providers' rates differ, so one figure for all would be wrong for some)."""
    parts = [f"{percent(rate)} at {name}" for name, rate in rates]
    if not parts:
        return ""
    return f"{parts[0].replace(' at ', ' of the price at ', 1)}" + "".join(f", {p}" for p in parts[1:])


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def count(n: int, one: str, many: str) -> str:
    """`one` or `many` (translated texts with ``{n}``), as `n` asks: ``count(3, tr("{n} track"),
    tr("{n} tracks"))`` is "3 tracks", and "3 曲" in Japanese, whose two forms are the same."""
    return (one if n == 1 else many).format(n=n)


def fingerprint(hex_digest: str, per_line: int = 0) -> str:
    """``ab12 cd34 ef56 ...``: groups of four as people compare keys; `per_line` groups, then a newline."""
    groups = [hex_digest[i : i + 4] for i in range(0, len(hex_digest), 4)]
    if per_line <= 0:
        return " ".join(groups)
    lines = [" ".join(groups[i : i + per_line]) for i in range(0, len(groups), per_line)]
    return "\n".join(lines)


SKIPPED_NAMED = 3  # a few skipped files are named; past that, a count and the first few


def music_scan(
    added: int,
    updated: int,
    removed: int,
    skipped: Sequence[tuple[Path, str]] = (),
    unavailable: Sequence[Path] = (),
    of_added: str = "",
) -> str:
    """What adding (or looking again at) the user's own music did, in one or two sentences: how many
    tracks came, changed and went (`of_added`, a sentence about those added, follows), the files that
    are not playable audio (named, with why, when few), and the places that cannot be reached now."""
    parts = []
    if added or updated or removed:
        done = [f"added {plural(added, 'track')}"] if added else []
        done += [f"{updated} changed"] if updated else []
        done += [f"{removed} gone"] if removed else []
        parts.append(sentence(", ".join(done)))
        if added and of_added:
            parts.append(sentence(of_added))
    if skipped:
        files = "file was" if len(skipped) == 1 else "files were"
        if len(skipped) <= SKIPPED_NAMED:
            named = "; ".join(f"{path.name}: {why}" for path, why in skipped)
            parts.append(sentence(f"{len(skipped)} {files} not added ({named})"))
        else:
            first = ", ".join(path.name for path, _ in skipped[:SKIPPED_NAMED])
            parts.append(
                sentence(
                    f"{len(skipped)} {files} not added: they are not audio this player reads ({first}, …)"
                )
            )
    if unavailable:
        where = ", ".join(str(p) for p in unavailable)
        drive = "its drive" if len(unavailable) == 1 else "their drives"
        parts.append(sentence(f"{where} cannot be reached now (is {drive} plugged in?)"))
    return " ".join(parts) or "Nothing new: that music is already in your library."


def sentence(text: str) -> str:
    """Capitalised, with one full stop."""
    text = text.strip().rstrip(".")
    return text[:1].upper() + text[1:] + "." if text else ""


# --- FIG.7: why a license was invalidated -----------------------------------------------------------

# One phrase per reason; the date of invalidation goes after it ("... on 2026-11-03").
REASONS: dict[InvalidationReason, str] = {
    InvalidationReason.LOSS: "re-distributed after a loss report: a new copy replaces this one",
    InvalidationReason.CRASH: "re-distributed after a crash: a new copy replaces this one",
    InvalidationReason.ALTERNATE: "replaced by an alternate track (the supplier discontinued the original)",
    InvalidationReason.UPGRADE: "replaced by a newer version of the track",
    InvalidationReason.INSURED_AFTER_PURCHASE: (
        "replaced when the purchase was insured: the insured copy plays instead"
    ),
}

# Why the cached list cannot say whether a license is valid (the library's "unknown" state).
UNKNOWN_REASONS = {
    "not_in_list": "not in the cached license list yet: it is checked with the insurer when online",
    "no_list": "no license list cached yet: connect to the insurer once",
}


def knows_reason(code: str) -> bool:
    """Whether `code` is a FIG.7 reason or a known why-unknown, with words of its own here."""
    return code in UNKNOWN_REASONS or code in {r.value for r in InvalidationReason}


def reason(why: InvalidationReason | str | None, on: datetime | None = None) -> str:
    """The FIG.7 reason in words, with its date when given (a code from the wire is accepted too)."""
    phrase = ""
    if why is not None:
        try:
            phrase = REASONS[InvalidationReason(why)]
        except ValueError:
            phrase = UNKNOWN_REASONS.get(str(why), str(why).replace("_", " "))
    phrase = phrase or "invalidated"
    return phrase if on is None else f"{phrase} (on {day(on)})"


# --- the insurer's answers to a claim (FIG.12, FIG.14) ------------------------------------------------

# FIG.14 (6): why the original licensor cannot re-issue the same track.
UNAVAILABLE = {
    "content_discontinued": "Its supplier no longer distributes this track.",
    "provider_unavailable": "Its supplier's service is down at the moment.",
    "provider_ended": "Its supplier has ended its business.",
    "no_playable_encoding": "It is not published in a format this computer plays.",
}


def unavailable(code: str) -> str:
    """Why a track cannot be re-issued as itself, in words."""
    return UNAVAILABLE.get(code, f"Its supplier cannot issue it again ({code})." if code else "")


def difference(diff: int, limit: int | None) -> str:
    """An alternate's price difference against the policy's limit: "+¥50 of ¥100", "same price",
    "−¥30 (cheaper)". The insurer covers a difference up to the limit ([0030])."""
    if diff > 0:
        return f"+{yen(diff)} of {yen(limit)}" if limit is not None else f"+{yen(diff)}"
    if diff == 0:
        return "same price"
    return f"{yen(diff)} (cheaper)"


Refusal = Callable[[Policy | None, str], str]

# One line per guarantee condition the insurer may refuse on (FIG.6B; the insurer's table of them is
# mock_backend/insurer/conditions.py), filled in from the policy when it is at hand, else from the
# insurer's own message.
# What a receipt was for (its `kind`), as the receipt says it.
RECEIPT_KINDS = {
    "purchase": "Purchase with insurance",
    "insurance": "Insurance policy",
    "reissue": "Replacement of a lost track",
    "alternate": "Alternate for a lost track",
    "upgrade": "Newer version of a track",
    "insured_later": "Insurance of tracks you had bought",
    "direct_purchase": "Purchase without insurance",
}

REFUSALS: dict[str, Refusal] = {
    "per_track_limit": lambda p, _m: (
        "This track reached your policy's limit of re-distributions per track"
        + (f" ({p.relicensing_limit_per_track} times)." if p else ".")
    ),
    "total_limit": lambda p, _m: (
        "Your policy's total number of re-distributions"
        + (f" ({p.relicensing_limit_total})" if p else "")
        + " is used up."
    ),
    "waiting_period": lambda p, m: (
        "Your policy is still in its waiting period: re-distribution starts on "
        f"{long_day(p.relicensing_starts)}."
        if p
        else "Your policy is still in its waiting period: " + sentence(m)
    ),
    "outside_guarantee_period": lambda p, m: (
        f"This is outside your policy's guarantee period ({long_day(p.guarantee_start)} to "
        f"{long_day(p.guarantee_end)})."
        if p
        else "This is outside your policy's guarantee period: " + sentence(m)
    ),
    "price_difference_limit": lambda p, m: (
        f"This alternate costs more than your policy covers: at most {yen(p.price_difference_limit)} more "
        "than the lost track."
        if p
        else "This alternate costs more than your policy covers: " + sentence(m)
    ),
    "not_insured": lambda _p, m: (
        f"{m or 'This track'} was bought without insurance, so no claim covers it: insure it first "
        "(Insure… in the library)."
    ),
    "no_alternates": lambda _p, _m: (
        "It cannot be re-issued, and no supplier offers an alternate within your policy's limit "
        "on the price difference."
    ),
}


def refusal(code: str, message: str = "", policy: Policy | None = None) -> str:
    """Why the insurer refused a track or a whole claim, in words, with the policy's figures."""
    words = REFUSALS.get(code)
    if words is not None:
        return words(policy, message)
    return sentence(message or code or "The insurer gave no reason.")
