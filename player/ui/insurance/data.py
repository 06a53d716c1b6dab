"""What the Insurance page shows, gathered from the core in one worker job, and the words it uses.

The policy (FIG.6B) and the license list (FIG.7) come from the terminal's verified cache, so they show
offline; the history (FIG.6A) and with it the counts used and left are the insurer's and need a
connection. Each part that cannot be had is reported with its error instead of failing the whole page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from player import words
from player.errors import BackendError, PlayerError
from player.terminal import History, ListEntry, ListStatus, Policy, PolicyState, Terminal
from player.words import day, days_between

# FIG.6A events, as the insurer records their kind.
EVENT_KINDS = {
    "reissue": "Re-issued (the same track)",
    "alternate": "Alternate chosen",
    "upgrade": "Version upgrade",
}


def reason_words(entry: ListEntry) -> str:
    if entry.reason is None:
        return "" if entry.invalidated_at is None else "Invalidated"
    return words.sentence(words.reason(entry.reason)).rstrip(".")


def event_words(kind: str) -> str:
    return EVENT_KINDS.get(kind, kind.replace("_", " ").capitalize())


def state_words(state: PolicyState) -> str:
    if state is PolicyState.OFFICIAL:
        return "Official"
    return "Provisional (becomes official with the first insured purchase)"


def waiting_words(policy: Policy, now: datetime) -> str:
    """FIG.6B re-licensing starting date, as the user needs it: may I claim yet?"""
    starts = policy.relicensing_starts
    if now >= policy.guarantee_end:
        return f"The guarantee period ended on {day(policy.guarantee_end)}"
    if now >= starts:
        return f"Claims accepted from {day(starts)}"
    left = days_between(now, starts)
    return f"Waiting period: {left} day{'s' if left != 1 else ''} left (claims accepted from {day(starts)})"


@dataclass(frozen=True)
class Snapshot:
    """Everything the page shows, as the core said it at `now`."""

    now: datetime
    policy: Policy | None = None
    history: History | None = None
    trusted: ListStatus | None = None
    insurer_fingerprint: str = ""
    titles: dict[str, str] = field(default_factory=dict)  # content ID -> title, from the library
    errors: dict[str, PlayerError] = field(default_factory=dict)  # "policy" | "history" | "list" | "key"

    @property
    def insured(self) -> bool:
        return self.policy is not None

    @property
    def offline(self) -> bool:
        return isinstance(self.errors.get("history"), BackendError)

    def title(self, content_id: str) -> str:
        return self.titles.get(content_id, content_id)


def gather(terminal: Terminal) -> Snapshot:
    """Run on the worker. Never raises a `PlayerError`: each missing part is in `errors`."""
    errors: dict[str, PlayerError] = {}
    policy = history = trusted = None
    fingerprint = ""
    titles: dict[str, str] = {}
    try:
        titles = {e.row.content_id: e.row.title for e in terminal.library.entries()}
    except PlayerError as e:
        errors["library"] = e
    try:
        fingerprint = terminal.connection.insurer_fingerprint()
    except PlayerError as e:
        errors["key"] = e
    try:
        policy = terminal.account.policy()
    except PlayerError as e:
        errors["policy"] = e
    if policy is not None:
        try:
            history = terminal.account.history()
            if history is None:
                errors["history"] = BackendError("the insurer cannot be reached")
        except PlayerError as e:
            errors["history"] = e
        try:
            trusted = terminal.licenses.status()
        except PlayerError as e:
            errors["list"] = e
    return Snapshot(terminal.now(), policy, history, trusted, fingerprint, titles, errors)
