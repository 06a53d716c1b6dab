"""What the loss report says in sentences: the scan's finding, each track's note and result, the summary
of the insurer's answer. Each is one whole translatable sentence (context "LossWords"), chosen here by
the numbers, so a translation never has to assemble one from pieces.
"""

from __future__ import annotations

from player import words
from player.language import translate


def scan_finding(found: int, error: str | None, any_insured: bool) -> str:
    """The line above the track list once the integrity check is over."""
    if error is not None:
        said = translate("LossWords", "The check could not finish: {why}").format(why=error)
    elif found:
        said = words.count(
            found,
            translate("LossWords", "The check found {n} track missing or damaged; it is ticked below."),
            translate("LossWords", "The check found {n} tracks missing or damaged; they are ticked below."),
        )
    else:
        said = translate("LossWords", "Every track file is intact. Tick any track whose license you lost.")
    if any_insured:
        return said
    return translate("LossWords", "{finding} You have no insured tracks yet.").format(finding=said)


def offered(why: str, n: int) -> str:
    """A track the insurer cannot re-issue: why, and how many alternates it found."""
    return words.count(
        n,
        translate("LossWords", "{why} {n} alternate offered."),
        translate("LossWords", "{why} {n} alternates offered."),
        why=why,
    )


def replaced(title: str, artist: str, provider: str) -> str:
    return translate(
        "LossWords", "Replaced by “{title}” by {artist} ({provider}); in your library, ready to play."
    ).format(title=title, artist=artist, provider=provider)


def downloading(done: int, total: int) -> str:
    """Bytes so far (of `total`, when known), in megabytes."""
    if total > 0:
        return translate("LossWords", "Downloading: {done} of {total} MB").format(
            done=f"{done / 1e6:.1f}", total=f"{total / 1e6:.1f}"
        )
    return translate("LossWords", "Downloading: {done} MB").format(done=f"{done / 1e6:.1f}")


def summary(counts: dict[str, int]) -> str:
    """The result page's headline: how many tracks came out which way."""
    parts = []
    if counts["reissued"]:
        parts.append(
            words.count(
                counts["reissued"],
                translate("LossWords", "{n} track re-issued and ready to play"),
                translate("LossWords", "{n} tracks re-issued and ready to play"),
            )
        )
    if counts.get("resent"):
        parts.append(
            words.count(
                counts["resent"],
                translate("LossWords", "{n} track's audio sent again by the insurer of its audio"),
                translate("LossWords", "{n} tracks' audio sent again by the insurer of their audio"),
            )
        )
    if counts["chosen"]:
        parts.append(
            words.count(
                counts["chosen"],
                translate("LossWords", "{n} track replaced by an alternate"),
                translate("LossWords", "{n} tracks replaced by an alternate"),
            )
        )
    if counts["alternates_offered"]:
        parts.append(
            words.count(
                counts["alternates_offered"],
                translate("LossWords", "{n} track waiting for you to choose an alternate"),
                translate("LossWords", "{n} tracks waiting for you to choose an alternate"),
            )
        )
    if counts["refused"]:
        parts.append(
            words.count(
                counts["refused"],
                translate("LossWords", "{n} track refused"),
                translate("LossWords", "{n} tracks refused"),
            )
        )
    if not parts:
        return translate("LossWords", "<b>Nothing was re-distributed.</b>")
    joined = translate("LossWords", "; ", "between the parts of the result's summary").join(parts)
    return translate("LossWords", "<b>{parts}.</b>").format(parts=joined)
