"""The insurer's answers to a claim in words: why a track cannot be re-issued, an alternate's price
difference, what a receipt was for, and one line per guarantee condition the insurer may refuse on."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from player.language import QT_TRANSLATE_NOOP, translate
from player.protocol.policy import Policy
from player.words.formats import amounts_as_ours, count, long_day, sentence, yen

# FIG.14 (6): why the original licensor cannot re-issue the same track.
UNAVAILABLE = {
    "content_discontinued": QT_TRANSLATE_NOOP("Words", "Its supplier no longer distributes this track."),
    "provider_unavailable": QT_TRANSLATE_NOOP("Words", "Its supplier's service is down at the moment."),
    "provider_ended": QT_TRANSLATE_NOOP("Words", "Its supplier has ended its business."),
    "no_playable_encoding": QT_TRANSLATE_NOOP(
        "Words", "It is not published in a format this computer plays."
    ),
}


def unavailable(code: str) -> str:
    """Why a track cannot be re-issued as itself, in words."""
    if code in UNAVAILABLE:
        return translate("Words", UNAVAILABLE[code])
    return (
        translate("Words", "Its supplier cannot issue it again ({code}).").format(code=code) if code else ""
    )


def difference(diff: int, limit: int | None) -> str:
    """An alternate's price difference against the policy's limit: "+¥50 of ¥100", "same price",
    "−¥30 (cheaper)". The insurer covers a difference up to the limit ([0030])."""
    if diff > 0:
        if limit is None:
            return f"+{yen(diff)}"
        return translate("Words", "+{difference} of {limit}").format(difference=yen(diff), limit=yen(limit))
    if diff == 0:
        return translate("Words", "same price")
    return translate("Words", "{difference} (cheaper)").format(difference=yen(diff))


def difference_said(diff: int) -> str:
    """An alternate's price against the lost track's, inside a sentence: "¥50 more", "the same price",
    "¥70 cheaper" (the table's "+¥50 of ¥100" is for a column)."""
    if diff > 0:
        return translate("Words", "{difference} more than the lost track").format(difference=yen(diff))
    if diff == 0:
        return translate("Words", "the same price as the lost track")
    return translate("Words", "{difference} cheaper than the lost track").format(difference=yen(-diff))


# What a receipt was for (its `kind`), as the receipt says it.
RECEIPT_KINDS = {
    "purchase": QT_TRANSLATE_NOOP("Words", "Purchase with insurance"),
    "insurance": QT_TRANSLATE_NOOP("Words", "Insurance policy"),
    "reissue": QT_TRANSLATE_NOOP("Words", "Replacement of a lost track"),
    "alternate": QT_TRANSLATE_NOOP("Words", "Alternate for a lost track"),
    "upgrade": QT_TRANSLATE_NOOP("Words", "Newer version of a track"),
    "insured_later": QT_TRANSLATE_NOOP("Words", "Insurance of tracks you had bought"),
    "direct_purchase": QT_TRANSLATE_NOOP("Words", "Purchase without insurance"),
}


def receipt_kind(kind: str, otherwise: str | None = None) -> str:
    """What a receipt of this `kind` was for; `otherwise` (else the code itself) for a kind unknown here."""
    if kind in RECEIPT_KINDS:
        return translate("Words", RECEIPT_KINDS[kind])
    return kind if otherwise is None else otherwise


Refusal = Callable[[Policy | None, str], str]


def _per_track(p: Policy | None, _m: str) -> str:
    if p is None:
        return translate("Words", "This track reached your policy's limit of re-distributions per track.")
    return translate(
        "Words", "This track reached your policy's limit of re-distributions per track ({n} times)."
    ).format(n=p.relicensing_limit_per_track)


def _total(p: Policy | None, _m: str) -> str:
    if p is None:
        return translate("Words", "Your policy's total number of re-distributions is used up.")
    return translate("Words", "Your policy's total number of re-distributions ({n}) is used up.").format(
        n=p.relicensing_limit_total
    )


def _waiting(p: Policy | None, m: str) -> str:
    if p is None:
        return translate("Words", "Your policy is still in its waiting period: {why}").format(why=sentence(m))
    return translate(
        "Words", "Your policy is still in its waiting period: re-distribution starts on {day}."
    ).format(day=long_day(p.relicensing_starts))


def _outside(p: Policy | None, m: str) -> str:
    if p is None:
        return translate("Words", "This is outside your policy's guarantee period: {why}").format(
            why=sentence(m)
        )
    return translate("Words", "This is outside your policy's guarantee period ({start} to {end}).").format(
        start=long_day(p.guarantee_start), end=long_day(p.guarantee_end)
    )


def _price(p: Policy | None, m: str) -> str:
    if p is None:
        return translate("Words", "This alternate costs more than your policy covers: {why}").format(
            why=sentence(m)
        )
    return translate(
        "Words",
        "This alternate costs more than your policy covers: at most {limit} more than the lost track.",
    ).format(limit=yen(p.price_difference_limit))


def _not_insured(_p: Policy | None, m: str) -> str:
    return translate(
        "Words",
        "{track} was bought without insurance, so no claim covers it: "
        "insure it first (Insure… in the library).",
    ).format(track=m or translate("Words", "This track"))


def _no_alternates(_p: Policy | None, _m: str) -> str:
    return translate(
        "Words",
        "It cannot be re-issued, and no supplier offers an alternate within your policy's limit "
        "on the price difference.",
    )


def _elsewhere(_p: Policy | None, _m: str) -> str:
    return translate(
        "Words",
        "This purchase was already compensated by another insurer: a loss is compensated once, "
        "whoever insures it.",
    )


def _across_insurers(_p: Policy | None, _m: str) -> str:
    return translate(
        "Words",
        "Several losses were compensated to you by more than one insurer in the last month; the insurers "
        "look at such a pattern together before compensating another. Contact your insurer.",
    )


# One line per guarantee condition the insurer may refuse on (FIG.6B; the insurer's table of them is
# mock_backend/insurer/conditions.py), filled in from the policy when it is at hand, else from the
# insurer's own message.
REFUSALS: dict[str, Refusal] = {
    "per_track_limit": _per_track,
    "total_limit": _total,
    "waiting_period": _waiting,
    "outside_guarantee_period": _outside,
    "price_difference_limit": _price,
    "not_insured": _not_insured,
    "no_alternates": _no_alternates,
    "compensated_elsewhere": _elsewhere,  # the history insurers share ([0040])
    "losses_across_insurers": _across_insurers,
}


# Requests the insurer understood and said no to, where the user has to ask for something else.
REQUESTS_REFUSED = {
    "already_owned": QT_TRANSLATE_NOOP(
        "Words", "You own this track already, so it cannot take the lost one's place: choose another."
    ),
    "license_already_replaced": QT_TRANSLATE_NOOP(
        "Words", "The lost copy was replaced in the meantime, from this computer or another one."
    ),
    "not_awaiting_choice": QT_TRANSLATE_NOOP(
        "Words", "An alternate was chosen for this track already, from this computer or another one."
    ),
}


def request_refused(code: str, message: str) -> str:
    """Why the insurer said no to a request, in words: the insurer's own sentence for a code not here."""
    if code in REQUESTS_REFUSED:
        return translate("Words", REQUESTS_REFUSED[code])
    if code in UNAVAILABLE:
        return translate("Words", UNAVAILABLE[code])
    return amounts_as_ours(message)


def _from_facts(code: str, facts: Mapping[str, str]) -> str | None:
    """The refusals the shared history makes ([0040]), said anew from the facts the insurer gave (who
    compensated, when, how many): None when the facts are not all there."""
    try:
        if code == "compensated_elsewhere":
            return translate(
                "Words",
                "This purchase was already compensated by {insurer} on {day}: a loss is compensated once, "
                "whoever insures it.",
            ).format(insurer=facts["insurer"], day=long_day(_wire_day(facts["on"])))
        if code == "losses_across_insurers":
            names = facts["insurers"].split("\n")
            joined = translate("Words", ", ", "between the names of a list").join(names)
            return count(
                int(facts["losses"]),
                translate(
                    "Words",
                    "{n} loss was compensated to you by {count} insurers ({insurers}) in the last {days} "
                    "days; claims are accepted again from {day}.",
                ),
                translate(
                    "Words",
                    "{n} losses were compensated to you by {count} insurers ({insurers}) in the last {days} "
                    "days; claims are accepted again from {day}.",
                ),
                count=len(names),
                insurers=joined,
                days=int(facts["days"]),
                day=long_day(_wire_day(facts["from"])),
            )
    except (KeyError, ValueError):
        return None
    return None


def _wire_day(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=UTC)


def refusal(
    code: str, message: str = "", policy: Policy | None = None, facts: Mapping[str, str] | None = None
) -> str:
    """Why the insurer refused a track or a whole claim, in words, with the policy's figures (or, for
    a refusal made of `facts`, those)."""
    said = _from_facts(code, facts) if facts else None
    if said is not None:
        return said
    words = REFUSALS.get(code)
    if code != "not_insured":  # the others' message is the insurer's own sentence, its amounts as ours
        message = amounts_as_ours(message)
    if words is not None:
        return words(policy, message)
    return sentence(message or code or translate("Words", "The insurer gave no reason."))
