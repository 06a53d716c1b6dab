"""What the loss report works with, apart from its widgets: which tracks may be reported, the scan and
the insurer's answer as they come back from the worker, and one result row per reported track.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtWidgets import QStyle

from player import words
from player.errors import ClaimRefusedError, PlayerError
from player.language import QT_TRANSLATE_NOOP, translate
from player.terminal import IntegrityReport, LibraryEntry, LibraryState, Outcome, Policy, Terminal
from player.ui.claims import loss_words

# Translated where shown: translate("LossData", OUTCOME_WORDS[outcome]).
OUTCOME_WORDS = {
    "reissued": QT_TRANSLATE_NOOP("LossData", "Re-issued"),
    "resent": QT_TRANSLATE_NOOP("LossData", "Audio sent again"),
    "alternates_offered": QT_TRANSLATE_NOOP("LossData", "Choose an alternate"),
    "refused": QT_TRANSLATE_NOOP("LossData", "Refused"),
    "chosen": QT_TRANSLATE_NOOP("LossData", "Replaced"),
}
_Icon = QStyle.StandardPixmap
OUTCOME_ICONS = {
    "reissued": _Icon.SP_DialogApplyButton,
    "resent": _Icon.SP_DialogApplyButton,
    "alternates_offered": _Icon.SP_MessageBoxInformation,
    "refused": _Icon.SP_MessageBoxWarning,
    "chosen": _Icon.SP_DialogApplyButton,
}


@dataclass(frozen=True)
class Scan:
    entries: list[LibraryEntry]
    report: IntegrityReport | None
    error: PlayerError | None
    across: bool = False  # the tracks of every insurer the user holds a policy with, each to its own


@dataclass
class TrackResult:
    """One row of the result page: what became of a reported track."""

    content_id: str
    title: str
    outcome: str  # reissued | alternates_offered | refused | chosen
    text: str
    item: Outcome | None = None


@dataclass(frozen=True)
class Answer:
    outcomes: list[Outcome]
    messages: dict[str, str] = field(default_factory=dict)  # item ID -> the insurer's own words
    refusal: ClaimRefusedError | None = None
    policy: Policy | None = None
    desks: dict[str, Terminal] = field(
        default_factory=dict
    )  # content ID -> its insurer's, alternates offered


def desks_of(terminal: Terminal, outcomes: list[Outcome]) -> dict[str, Terminal]:
    """On the worker: the insurer (desk) of each track offered alternates, where they are chosen."""
    offered = {o.content_id for o in outcomes if o.outcome == "alternates_offered"}
    return {c: terminal.insurers.holder(c) for c in offered}


def own_words(message: str, title: str) -> str:
    """The insurer's sentence about one track in a whole-claim refusal ("Title: why; Title: why")."""
    for part in message.split("; "):
        if part.startswith(title + ": "):
            return part[len(title) + 2 :]
    return ""


def results_of(answer: Answer, reported: list[tuple[str, str]]) -> tuple[list[TrackResult], str | None]:
    """One result row per track the insurer answered for (or, the claim refused as a whole, per track
    `reported`: content ID and title), and why the claim was refused, for the banner (None if not)."""
    results = []
    for o in answer.outcomes:
        if o.outcome in ("reissued", "resent"):  # the license, or the audio from its own insurer
            text = translate("LossDialog", "Ready to play.")
        elif o.outcome == "alternates_offered":
            text = loss_words.offered(words.unavailable(o.reason), len(o.alternates))
        else:
            text = words.refusal(o.reason, answer.messages.get(o.item_id, ""), answer.policy, o.facts)
        results.append(TrackResult(o.content_id, o.title or o.content_id, o.outcome, text, o))
    refusal = answer.refusal
    if refusal is None:
        return results, None
    why = words.refusal(refusal.reason, str(refusal), answer.policy, refusal.facts)
    # One track reported: the claim's reason is that track's, said here in the user's language. With
    # several, each track's own sentence, when the insurer gave one (in its words: it names no reason
    # per track).
    its_own = len(reported) == 1 and refusal.reason in words.REFUSALS
    for content_id, title in reported:
        own = "" if its_own else own_words(str(refusal), title)
        results.append(TrackResult(content_id, title, "refused", words.refusal("", own) if own else why))
    return results, why


def insured_tracks(entries: list[LibraryEntry]) -> list[LibraryEntry]:
    """One entry per track whose license is valid or unknown (a valid one preferred), in library order."""
    best: dict[str, LibraryEntry] = {}
    for e in entries:
        if e.state in (LibraryState.VALID, LibraryState.UNKNOWN) and (
            e.row.content_id not in best or e.state is LibraryState.VALID
        ):
            best[e.row.content_id] = e
    return list(best.values())


def policy_or_none(terminal: Terminal) -> Policy | None:
    try:
        return terminal.account.policy()
    except PlayerError:
        return None
