"""What the Insurance page shows, gathered from the core in one worker job, and the words it uses.

The policy (FIG.6B) and the license list (FIG.7) come from the terminal's verified cache, so they show
offline; the history (FIG.6A) and with it the counts used and left are the insurer's and need a
connection. Each part that cannot be had is reported with its error instead of failing the whole page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from player import words
from player.errors import BackendError, PlayerError
from player.language import QT_TRANSLATE_NOOP, translate
from player.terminal import ListEntry, ListStatus, Policy, PolicyState, Terminal
from player.words import days_between

if TYPE_CHECKING:
    from player.terminal import History, SharedAboutYou, Terms


# FIG.6A events, as the insurer records their kind; translated where shown (`event_words`).
EVENT_KINDS = {
    "reissue": QT_TRANSLATE_NOOP("InsuranceData", "Re-issued (the same track)"),
    "alternate": QT_TRANSLATE_NOOP("InsuranceData", "Alternate chosen"),
    "upgrade": QT_TRANSLATE_NOOP("InsuranceData", "Version upgrade"),
}


def reason_words(entry: ListEntry) -> str:
    if entry.reason is None:
        return "" if entry.invalidated_at is None else translate("InsuranceData", "Invalidated")
    said = words.reason(entry.reason).strip().rstrip(".。")  # a table cell: no full stop
    return said[:1].upper() + said[1:]


def event_words(kind: str) -> str:
    if kind in EVENT_KINDS:
        return translate("InsuranceData", EVENT_KINDS[kind])
    return kind.replace("_", " ").capitalize()  # a kind newer than this player: the insurer's own word


def state_words(state: PolicyState) -> str:
    if state is PolicyState.OFFICIAL:
        return translate("InsuranceData", "Official")
    return translate("InsuranceData", "Provisional (becomes official with the first insured purchase)")


def waiting_words(policy: Policy, now: datetime) -> str:
    """FIG.6B re-licensing starting date, as the user needs it: may I claim yet? Dates in the long form,
    as everywhere on the Insurance page outside its tables (one form of a date per kind of place)."""
    starts = policy.relicensing_starts
    if now >= policy.guarantee_end:
        return translate("InsuranceData", "The guarantee period ended on {day}").format(
            day=words.long_day(policy.guarantee_end)
        )
    if now >= starts:
        return translate("InsuranceData", "Claims accepted from {day}").format(day=words.long_day(starts))
    return words.count(
        days_between(now, starts),
        translate("InsuranceData", "Waiting period: {n} day left (claims accepted from {day})"),
        translate("InsuranceData", "Waiting period: {n} days left (claims accepted from {day})"),
        day=words.long_day(starts),
    )


def cover_words(snap: Snapshot, p: Policy) -> tuple[str, str]:
    """What the user has, in one line (until when, claims left, per track), and how a claim works."""
    ended = snap.now >= p.guarantee_end
    h = snap.history
    if h is not None and ended:
        cover = translate(
            "InsuranceData",
            "Your cover ended on {day} · claims left: {left} of {total} · up to {per_track} per track",
        )
    elif h is not None:
        cover = translate(
            "InsuranceData",
            "You’re covered until {day} · claims left: {left} of {total} · up to {per_track} per track",
        )
    elif ended:
        cover = translate(
            "InsuranceData",
            "Your cover ended on {day} · up to {total} claims in all (the count shows when online) · "
            "up to {per_track} per track",
        )
    else:
        cover = translate(
            "InsuranceData",
            "You’re covered until {day} · up to {total} claims in all (the count shows when online) · "
            "up to {per_track} per track",
        )
    how = translate(
        "InsuranceData",
        "A claim costs nothing: a lost track is re-issued free. When it cannot be re-issued you choose an "
        "alternate costing up to {limit} more, at no charge. {waiting}. To claim, choose Report a Loss.",
    )
    return (
        cover.format(
            day=words.long_day(p.guarantee_end),
            left=max(0, p.relicensing_limit_total - (h.relicensing_count if h else 0)),
            total=p.relicensing_limit_total,
            per_track=p.relicensing_limit_per_track,
        ),
        how.format(limit=words.yen(p.price_difference_limit), waiting=waiting_words(p, snap.now)),
    )


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
    shared: list[SharedAboutYou] | None = None  # what the insurers hold about the user; online
    covered: dict[str, str] = field(default_factory=dict)  # claim 32: license ID -> content ID, audio only
    errors: dict[str, PlayerError] = field(default_factory=dict)  # "policy" | "history" | "list" | "key"

    @property
    def insured(self) -> bool:
        return self.policy is not None

    @property
    def offline(self) -> bool:
        return isinstance(self.errors.get("history"), BackendError)

    def contents_by_license(self) -> dict[str, str]:
        """The track of each license the policy names: from the list, or (audio covered here, its
        license held at another insurer) from the covers."""
        listed = {e.license_id: e.content_id for e in self.trusted.entries} if self.trusted else {}
        return self.covered | listed

    def title(self, content_id: str) -> str:
        """The track's title; never its ID (that is for the Advanced tab's tooltips)."""
        return self.titles.get(content_id) or translate("InsuranceData", "a track no longer here")

    def premium_words(self) -> str:
        """The policy's premium: each provider's share of the price as charged (online), else the
        premium on a typical track that the policy records."""
        p = self.policy
        if p is None:
            return ""
        terms = self.terms
        covers = {  # claim 32: a policy for one part says which
            "license": translate("InsuranceData", "{premium}; covers the license only (you keep the audio)"),
            "contents": translate("InsuranceData", "{premium}; covers the audio only, not the license"),
        }.get(p.coverage.value, "{premium}")
        if terms is None or not terms.provider_premiums:
            premium = translate("InsuranceData", "{price} per track").format(
                price=words.yen(p.premium_yen_per_track)
            )
            return covers.format(premium=premium)
        factor = 1.0
        if p.check_every_play:  # the cheaper policy: the same share of the standard premium
            factor = terms.every_play_premium_yen_per_track / max(1, terms.premium_yen_per_track)
        standard = max(1, terms.premium_yen_per_track)
        factor *= terms.coverage_premiums.get(p.coverage.value, standard) / standard
        rates = [(pp.name, round(pp.rate * factor, 4)) for pp in terms.provider_premiums]
        premium = translate("InsuranceData", "{rates}, paid with each purchase").format(
            rates=words.premium_rates(rates)
        )
        return covers.format(premium=premium)

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
    covered: dict[str, str] = {}
    try:
        for entry in terminal.library.entries():
            info = terminal.library.track_info(entry.row.content_id)
            titles[entry.row.content_id] = entry.row.title
            if info is not None:
                prices[entry.row.content_id] = info.price
        covered = {c.license_id: c.content_id for c in terminal.covers.all().values()}
        for content_id in covered.values():  # its license, title and price are at another insurer
            info = terminal.home.insurers.holder(content_id).library.track_info(content_id)
            if info is not None:
                titles.setdefault(content_id, info.title)
                prices.setdefault(content_id, info.price)
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
    shared = None
    if history is not None:
        try:
            shared = terminal.shared_history()
        except PlayerError:
            shared = None  # a backend from before insurers shared: nothing to show
    return Snapshot(
        terminal.now(),
        policy,
        history,
        trusted,
        fingerprint,
        titles,
        prices,
        terms,
        errors=errors,
        shared=shared,
        covered=covered,
    )
