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
from player.terminal import History, ListEntry, ListStatus, Policy, PolicyState, Terminal, Terms
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
    prices: dict[str, int] = field(default_factory=dict)  # content ID -> yen, as bought
    terms: Terms | None = None  # the insurer's terms now (each provider's premium as charged); online
    errors: dict[str, PlayerError] = field(default_factory=dict)  # "policy" | "history" | "list" | "key"

    @property
    def insured(self) -> bool:
        return self.policy is not None

    @property
    def offline(self) -> bool:
        return isinstance(self.errors.get("history"), BackendError)

    def title(self, content_id: str) -> str:
        """The track's title; never its ID (that is for the Advanced tab's tooltips)."""
        return self.titles.get(content_id) or "a track no longer here"

    def premium_words(self) -> str:
        """The policy's premium: each provider's share of the price as charged (online), else the
        premium on a typical track that the policy records."""
        p = self.policy
        if p is None:
            return ""
        terms = self.terms
        if terms is None or not terms.provider_premiums:
            return f"{words.yen(p.premium_yen_per_track)} per track"
        factor = 1.0
        if p.check_every_play:  # the cheaper policy: the same share of the standard premium
            factor = terms.every_play_premium_yen_per_track / max(1, terms.premium_yen_per_track)
        rates = [(pp.name, round(pp.rate * factor, 4)) for pp in terms.provider_premiums]
        return f"{words.premium_rates(rates)}, paid with each purchase"

    def price(self, content_id: str, otherwise: int) -> int:
        """What the track cost when it came to this library (an alternate: its own price, the same
        amount the history shows), else `otherwise`."""
        return self.prices.get(content_id, otherwise)


def gather(terminal: Terminal) -> Snapshot:
    """Run on the worker. Never raises a `PlayerError`: each missing part is in `errors`."""
    errors: dict[str, PlayerError] = {}
    policy = history = trusted = None
    fingerprint = ""
    titles: dict[str, str] = {}
    prices: dict[str, int] = {}
    try:
        for entry in terminal.library.entries():
            info = terminal.library.track_info(entry.row.content_id)
            titles[entry.row.content_id] = entry.row.title
            if info is not None:
                prices[entry.row.content_id] = info.price
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
    terms = None
    if history is not None:  # online: the premiums as charged now
        try:
            terms = terminal.account.terms()
        except PlayerError:
            terms = None
    if history is not None:  # tracks replaced since: their titles as the catalog gave them when bought
        for cid in {i.original_content_id for i in history.items} | {ev.content_id for ev in history.events}:
            info = terminal.library.track_info(cid)
            if cid not in titles and info is not None:
                titles[cid] = info.title
    return Snapshot(terminal.now(), policy, history, trusted, fingerprint, titles, prices, terms, errors)
