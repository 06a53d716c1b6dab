"""Re-distribution requesting function 41 (FIG.12, FIG.14, [0035], [0048]).

Report a loss for chosen tracks or the whole library, keep what the insurer re-issues, remember the items
that wait for an alternate to be chosen, take the choice, recover a crashed terminal, take an upgrade.
The terminal does not second-guess the user: a loss may be reported for any insured track, since a license
can be lost while its file remains. Every result ends with a list sync, so an invalidated license stops
playing at once.

The terminal makes one `Requester` and hands it its parts; what this needs of them is written down
here as protocols, so the dependency runs one way: terminal -> redistribution.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from player import words
from player.errors import BackendRefusedError, ClaimRefusedError, IntegrityError, UsageError
from player.language import translate
from player.protocol.policy import Policy
from player.storage import KeyStore, Store
from player.storage.journal import Journal, Pending
from player.storage.records import LibraryRow, TrackInfo
from player.transfer import Progress

if TYPE_CHECKING:
    from player.client import Client
    from player.protocol import api

PENDING = "pending_alternates"  # store setting: claim item id -> claim id, for `alternates` / `choose`
CLAIM, CHOICE, UPGRADE = "claim", "choice", "upgrade"  # journal kinds


@dataclass(frozen=True)
class Outcome:
    item_id: str
    content_id: str
    title: str
    outcome: api.ClaimOutcome
    reason: str
    alternates: list[api.Alternate]
    facts: dict[str, str] = field(default_factory=dict)  # what a refusal's words are made of


class AccountPart(Protocol):
    def require_sign_in(self) -> str: ...
    def policy_id(self) -> str: ...
    def accept_policy(self, policy_b64: str) -> Policy: ...
    def rekey(self, policy_id: str) -> Policy: ...
    def use_policy(self, policy_id: str) -> None: ...


class LibraryPart(Protocol):
    def resolve(self, content_or_license_id: str) -> LibraryRow: ...
    def track_info(self, content_id: str) -> TrackInfo | None: ...


class Receive(Protocol):
    def __call__(self, delivered: api.Delivered, progress: Progress | None = None) -> None: ...


class TakeResent(Protocol):
    def __call__(self, item: api.ClaimItem, progress: Progress | None = None) -> None: ...


class Requester:
    # Claim 32: keeps the audio an item came back `resent` with (set by the terminal, which knows where
    # the track's license is held). The same for a claim answered now and one asked again from the
    # journal, so a lost answer's audio is fetched by the replay and not claimed (and counted) again.
    take_resent: TakeResent | None = None

    def __init__(
        self,
        store: Store,
        keys: KeyStore,
        client: Callable[[], Client],
        account: AccountPart,
        library: LibraryPart,
        receive: Receive,
        sync: Callable[[], object],
        journal: Journal,
    ) -> None:
        """`receive` keeps a delivered license and its track; `sync` fetches the license list; `journal`
        records each claim, choice and upgrade before it is sent, so a lost answer is asked for again
        under the same key instead of being filed anew."""
        self._store = store
        self._journal = journal
        self._keys = keys
        self._client = client
        self._account = account
        self._library = library
        self._receive = receive
        self._sync = sync

    def _pending(self) -> dict[str, str]:
        loaded: dict[str, str] = json.loads(self._store.setting(PENDING) or "{}")
        return loaded

    def _set_pending(self, pending: dict[str, str]) -> None:
        self._store.set_setting(PENDING, json.dumps(pending, sort_keys=True))

    def report_loss(
        self,
        content_ids: list[str] | None,
        *,
        genre: str | None = None,
        kind: str = "loss",
        progress: Progress | None = None,
    ) -> tuple[api.Claim, list[Outcome]]:
        """FIG.12 (1)-(2): tell the insurer what was lost (None: everything). Re-issued tracks are stored
        and downloaded again; items offered alternates are remembered for `choose`. The license reported
        for a track is the one the list calls valid, else the newest held."""
        policy_id = self._account.policy_id()
        rows = None if content_ids is None else [self._library.resolve(c) for c in content_ids]
        for row in rows or []:
            if not row.policy_id:  # FIG.15: bought at the provider and never insured
                name = words.track_name(row.title, row.artist)
                raise ClaimRefusedError(words.refusal("not_insured", name), reason="not_insured")
        license_ids = None if rows is None else [r.license_id for r in rows]
        body = {"policy_id": policy_id, "license_ids": license_ids, "kind": kind, "genre": genre}
        return self._claim(body, progress)

    def claim_covered(
        self, license_ids: list[str], progress: Progress | None = None
    ) -> tuple[api.Claim, list[Outcome]]:
        """Claim 32: audio lost that this policy covers alone, named by the licenses shown when it was
        covered (held at another insurer, so in no library here). The audio comes back `resent` and is
        kept through `take_resent`."""
        body = {
            "policy_id": self._account.policy_id(),
            "license_ids": license_ids,
            "kind": "loss",
            "genre": None,
        }
        return self._claim(body, progress)

    def _claim(self, body: dict[str, Any], progress: Progress | None) -> tuple[api.Claim, list[Outcome]]:
        with self._journal.request(CLAIM, body) as key:
            claim = self._client().claim(
                body["policy_id"], body["license_ids"], kind=body["kind"], genre=body["genre"], key=key
            )
            return claim, self._take(claim, progress)

    def replay(self, entry: Pending, title: Callable[[str], str]) -> str:
        """Ask again, under its key, what `entry` asked; the line that says it is done."""
        if entry.kind == CLAIM:
            _, outcomes = self._claim(entry.body, None)
            n = len(outcomes)
            if entry.body["kind"] == "crash":
                one, many = (
                    translate("Requester", "Finished the recovery of {n} track"),
                    translate("Requester", "Finished the recovery of {n} tracks"),
                )
            else:
                one, many = (
                    translate("Requester", "Finished the loss report of {n} track"),
                    translate("Requester", "Finished the loss report of {n} tracks"),
                )
            return words.count(n, one, many)
        if entry.kind == CHOICE:
            choice = self._choose(entry.body, None)
            return translate("Requester", "Finished choosing {track}").format(
                track=title(choice.license.content_id)
            )
        if entry.kind == UPGRADE:
            result = self._upgrade(entry.body, None)
            track = title(result.license.content_id)
            return translate("Requester", "Finished the upgrade of {track}").format(track=track)
        self._journal.forget(entry.key)  # written by a newer player: nothing here knows how to finish it
        return translate(
            "Requester", "Dropped an unfinished request this version does not know ({kind})"
        ).format(kind=entry.kind)

    def _take(self, claim: api.Claim, progress: Progress | None) -> list[Outcome]:
        from player.protocol import api  # the contract, loaded by the client that brought the claim

        if claim.policy:
            self._account.accept_policy(claim.policy)
        pending = self._pending()
        outcomes = []
        for item in claim.items:
            outcome, reason = item.outcome, item.reason or item.message
            if outcome is api.ClaimOutcome.REISSUED and item.license is not None:
                self._receive(item.license, progress)
            elif outcome is api.ClaimOutcome.ALTERNATES_OFFERED:
                pending[item.item_id] = claim.claim_id
            elif outcome is api.ClaimOutcome.RESENT and item.download is not None and self.take_resent:
                try:
                    self.take_resent(item, progress)
                except IntegrityError as e:  # not this license's audio: said beside the license part
                    outcome, reason = api.ClaimOutcome.REFUSED, str(e)
            outcomes.append(
                Outcome(
                    item.item_id,
                    item.content_id,
                    item.title,
                    outcome,
                    reason,
                    self._unheld(item.alternates),
                    item.facts or {},
                )
            )
        self._set_pending(pending)
        self._sync()
        return outcomes

    def alternates(self, item_id: str, genre: str | None = None) -> list[api.Alternate]:
        """FIG.14 (7)-(8): the alternates offered for one item (searched again in `genre` when given)."""
        claim_id = self._pending().get(item_id)
        if claim_id is None:
            raise UsageError(
                translate(
                    "Errors", "no item {item_id} is waiting for an alternate; report a loss first"
                ).format(item_id=repr(item_id))
            )
        return self._unheld(self._client().alternates(claim_id, item_id, genre))

    def _unheld(self, offered: list[api.Alternate]) -> list[api.Alternate]:
        """Leaves out what the library holds already: bought since the offer was made, or bought where
        this insurer cannot see (another insurer, a provider's own checkout). Choosing it would take a
        second copy of a track in place of the one lost."""
        return [a for a in offered if self._library.track_info(a.content_id) is None]

    def pending(self) -> list[api.ClaimItem]:
        """The items still waiting for an alternate to be chosen, as the insurer has them now, each with
        the lost track's title from the library. An item no longer waiting (chosen from another machine)
        is forgotten here. Without this, closing the loss dialog before choosing would leave no way back."""
        from player.protocol import api

        held = self._pending()
        if not held:
            return []
        client = self._client()
        items: list[api.ClaimItem] = []
        still: dict[str, str] = {}
        for claim_id in sorted(set(held.values())):
            try:
                claim = client.claim_status(claim_id)
            except BackendRefusedError:
                continue  # the insurer no longer knows the claim: nothing to choose there
            for item in claim.items:
                if (
                    held.get(item.item_id) != claim_id
                    or item.outcome is not api.ClaimOutcome.ALTERNATES_OFFERED
                ):
                    continue
                still[item.item_id] = claim_id
                info = self._library.track_info(item.content_id)
                title = item.title or (info.title if info is not None else "") or item.content_id
                items.append(
                    item.model_copy(update={"title": title, "alternates": self._unheld(item.alternates)})
                )
        if still != held:
            self._set_pending(still)
        return items

    def choose(self, item_id: str, alternate_id: str, progress: Progress | None = None) -> api.Choice:
        """FIG.14 (9)-(19): the choice goes to the insurer; the alternate's license and track come back."""
        pending = self._pending()
        claim_id = pending.get(item_id)
        if claim_id is None:
            raise UsageError(
                translate(
                    "Errors", "no item {item_id} is waiting for an alternate; report a loss first"
                ).format(item_id=repr(item_id))
            )
        return self._choose(
            {"claim_id": claim_id, "item_id": item_id, "alternate_id": alternate_id}, progress
        )

    def _choose(self, body: dict[str, str], progress: Progress | None) -> api.Choice:
        with self._journal.request(CHOICE, body) as key:
            choice = self._client().choose(body["claim_id"], body["item_id"], body["alternate_id"], key=key)
            self._account.accept_policy(choice.policy)
            self._receive(choice.license, progress)
            pending = self._pending()
            pending.pop(body["item_id"], None)
            self._set_pending(pending)
        self._sync()
        return choice

    def recover(self, progress: Progress | None = None) -> tuple[api.Claim, list[Outcome]]:
        """[0035]: on a fresh install after a crash: new policy keys (the old ones died with the disk),
        re-keyed at the insurer, then every insured track re-distributed and downloaded."""
        self._keys.check()
        self._account.require_sign_in()
        unfinished = next(
            (e for e in self._journal.entries() if e.kind == CLAIM and e.body["kind"] == "crash"), None
        )
        if unfinished is not None:  # keys made and claim filed by a recovery that was cut short: finish it
            return self._claim(unfinished.body, progress)
        client = self._client()
        docs = client.policies()
        if not docs:
            raise UsageError(translate("Errors", "this account has no insurance policy to recover"))
        for doc in docs:
            self._account.rekey(doc.policy_id)
        self._account.use_policy(docs[0].policy_id)
        body = {"policy_id": docs[0].policy_id, "license_ids": None, "kind": "crash", "genre": None}
        return self._claim(body, progress)

    def upgrades(self) -> list[api.UpgradeOffer]:
        """[0048]: newer versions the insurer offers for licenses we hold."""
        return self._client().upgrades()

    def upgrade(self, content_id: str, progress: Progress | None = None) -> api.Upgrade:
        """[0048]-[0049]: the new version's license and file; the old license becomes invalid."""
        license_id = self._library.resolve(content_id).license_id
        if not any(o.license_id == license_id for o in self.upgrades()):
            raise BackendRefusedError(
                translate("Errors", "there is no newer version of {content_id}").format(
                    content_id=repr(content_id)
                ),
                "no_upgrade",
            )
        return self._upgrade({"license_id": license_id}, progress)

    def _upgrade(self, body: dict[str, str], progress: Progress | None) -> api.Upgrade:
        with self._journal.request(UPGRADE, body) as key:
            result = self._client().upgrade(body["license_id"], key=key)
            self._account.accept_policy(result.policy)
            self._receive(result.license, progress)
        self._sync()
        return result
