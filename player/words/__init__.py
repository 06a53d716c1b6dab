"""Every word the player shows about money, time and the insurer's reasons, in one place.

Amounts, dates, durations, the FIG.7 reasons for invalidation, the insurer's refusal codes and its
reasons for not re-issuing a track are written here once, so the CLI, the dialogs, the tables and the
decision's own refusals say the same thing the same way. Nothing here decides anything: every number
and code comes in as the core has it. A new guarantee condition adds one line to `REFUSALS`
(`claims.py`); amounts and dates are written in `formats.py`, as the locale in force writes them.

Every phrase goes through `translate` (player/language.py) and is looked up in the language installed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from player.language import QT_TRANSLATE_NOOP, translate
from player.protocol.license_list import InvalidationReason
from player.words.claims import (
    RECEIPT_KINDS,
    REFUSALS,
    REQUESTS_REFUSED,
    UNAVAILABLE,
    Refusal,
    difference,
    difference_said,
    receipt_kind,
    refusal,
    request_refused,
    unavailable,
)
from player.words.formats import (
    MINUS,
    YEN,
    amounts_as_ours,
    count,
    day,
    days_between,
    duration,
    local_moment,
    long_day,
    long_moment,
    moment,
    percent,
    sentence,
    stamp,
    time_left,
    wire_time,
    yen,
)
from player.words.terms import terms_said

__all__ = [
    "MINUS",
    "RECEIPT_KINDS",
    "REFUSALS",
    "REQUESTS_REFUSED",
    "UNAVAILABLE",
    "YEN",
    "Refusal",
    "amounts_as_ours",
    "count",
    "day",
    "days_between",
    "difference",
    "difference_said",
    "duration",
    "fingerprint",
    "knows_reason",
    "local_moment",
    "long_day",
    "long_moment",
    "moment",
    "music_scan",
    "percent",
    "premium_rates",
    "reason",
    "receipt_kind",
    "refusal",
    "request_refused",
    "sentence",
    "stamp",
    "terms_said",
    "time_left",
    "track_name",
    "unavailable",
    "wire_time",
    "yen",
]


def track_name(title: str, artist: str = "") -> str:
    """A track as people name it: “Title” by Artist."""
    if artist:
        return translate("Words", "“{title}” by {artist}").format(title=title, artist=artist)
    return translate("Words", "“{title}”").format(title=title)


def premium_rates(rates: list[tuple[str, float]]) -> str:
    """``8% of the price at Aurora Records, 10% at Blue Harbor Music``: each provider's premium as
    charged (providers' rates differ, so one figure for all would be wrong for some)."""
    if not rates:
        return ""
    (first, rate), rest = rates[0], rates[1:]
    said = translate("Words", "{rate} of the price at {provider}").format(rate=percent(rate), provider=first)
    for name, rate in rest:
        said = translate("Words", "{said}, {rate} at {provider}").format(
            said=said, rate=percent(rate), provider=name
        )
    return said


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
        done = [count(added, translate("Words", "added {n} track"), translate("Words", "added {n} tracks"))]
        done = done if added else []
        done += [translate("Words", "{n} changed").format(n=updated)] if updated else []
        done += [translate("Words", "{n} gone").format(n=removed)] if removed else []
        parts.append(sentence(translate("Words", ", ", "between the items of a list").join(done)))
        if added and of_added:
            parts.append(sentence(of_added))
    if skipped:
        if len(skipped) <= SKIPPED_NAMED:
            named = translate("Words", "; ", "between the files named").join(
                translate("Words", "{file}: {why}").format(file=path.name, why=why) for path, why in skipped
            )
            parts.append(
                sentence(
                    count(
                        len(skipped),
                        translate("Words", "{n} file was not added ({named})"),
                        translate("Words", "{n} files were not added ({named})"),
                        named=named,
                    )
                )
            )
        else:
            first = translate("Words", ", ", "between the items of a list").join(
                path.name for path, _ in skipped[:SKIPPED_NAMED]
            )
            said = translate(
                "Words", "{n} files were not added: they are not audio this player reads ({first}, …)"
            )
            parts.append(sentence(said.format(n=len(skipped), first=first)))
    if unavailable:
        where = translate("Words", ", ", "between the items of a list").join(str(p) for p in unavailable)
        said = count(
            len(unavailable),
            translate("Words", "{where} cannot be reached now (is its drive plugged in?)"),
            translate("Words", "{where} cannot be reached now (are their drives plugged in?)"),
            where=where,
        )
        parts.append(sentence(said))
    if not parts:
        return translate("Words", "Nothing new: that music is already in your library.")
    said = parts[0]
    for part in parts[1:]:
        said = translate("Words", "{sentence} {next}", "two sentences in a row").format(
            sentence=said, next=part
        )
    return said


# --- FIG.7: why a license was invalidated -----------------------------------------------------------

# One phrase per reason; the date of invalidation goes after it ("... on 2026-11-03").
REASONS: dict[InvalidationReason, str] = {
    InvalidationReason.LOSS: QT_TRANSLATE_NOOP(
        "Words", "re-distributed after a loss report: a new copy replaces this one"
    ),
    InvalidationReason.CRASH: QT_TRANSLATE_NOOP(
        "Words", "re-distributed after a crash: a new copy replaces this one"
    ),
    InvalidationReason.ALTERNATE: QT_TRANSLATE_NOOP(
        "Words", "replaced by an alternate track (the supplier discontinued the original)"
    ),
    InvalidationReason.UPGRADE: QT_TRANSLATE_NOOP("Words", "replaced by a newer version of the track"),
    InvalidationReason.INSURED_AFTER_PURCHASE: QT_TRANSLATE_NOOP(
        "Words", "replaced when the purchase was insured: the insured copy plays instead"
    ),
}

# Why the cached list cannot say whether a license is valid (the library's "unknown" state).
UNKNOWN_REASONS = {
    "not_in_list": QT_TRANSLATE_NOOP(
        "Words", "not in the cached license list yet: it is checked with the insurer when online"
    ),
    "no_list": QT_TRANSLATE_NOOP("Words", "no license list cached yet: connect to the insurer once"),
}


def knows_reason(code: str) -> bool:
    """Whether `code` is a FIG.7 reason or a known why-unknown, with words of its own here."""
    return code in UNKNOWN_REASONS or code in {r.value for r in InvalidationReason}


def reason(why: InvalidationReason | str | None, on: datetime | None = None) -> str:
    """The FIG.7 reason in words, with its date when given (a code from the wire is accepted too)."""
    phrase = ""
    if why is not None:
        try:
            phrase = translate("Words", REASONS[InvalidationReason(why)])
        except ValueError:
            known = UNKNOWN_REASONS.get(str(why))
            phrase = translate("Words", known) if known else str(why).replace("_", " ")
    phrase = phrase or translate("Words", "invalidated")
    return (
        phrase if on is None else translate("Words", "{reason} (on {day})").format(reason=phrase, day=day(on))
    )
