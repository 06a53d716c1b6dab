"""Re-distribution requesting function 41 (FIG.12, FIG.14, [0035], [0048]).

Report a loss for chosen tracks or the whole library, keep what the insurer re-issues, remember the items
that wait for an alternate to be chosen, take the choice, recover a crashed terminal, take an upgrade.
The terminal does not second-guess the user: a loss may be reported for any insured track, since a license
can be lost while its file remains. Every result ends with a list sync, so an invalidated license stops
playing at once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from player.client import Progress
from player.errors import BackendRefusedError, UsageError
from player.protocol import api
from player.protocol.canonical import b64e, x25519_public_bytes
from player.terminal import Terminal

PENDING = "pending_alternates"  # store setting: claim item id -> claim id, for `alternates` / `choose`


@dataclass(frozen=True)
class Outcome:
    item_id: str
    content_id: str
    title: str
    outcome: str  # reissued | alternates_offered | refused
    reason: str
    alternates: list[api.Alternate]


def _pending(terminal: Terminal) -> dict[str, str]:
    loaded: dict[str, str] = json.loads(terminal.store.setting(PENDING) or "{}")
    return loaded


def _set_pending(terminal: Terminal, pending: dict[str, str]) -> None:
    terminal.store.set_setting(PENDING, json.dumps(pending, sort_keys=True))


def _license_ids(terminal: Terminal, content_ids: list[str]) -> list[str]:
    """The license to report for each track: the one the list calls valid, else the newest held."""
    return [terminal.resolve(cid).license_id for cid in content_ids]


def report_loss(
    terminal: Terminal,
    content_ids: list[str] | None,
    *,
    genre: str | None = None,
    kind: str = "loss",
    progress: Progress | None = None,
) -> tuple[api.Claim, list[Outcome]]:
    """FIG.12 (1)-(2): tell the insurer what was lost (None: everything). Re-issued tracks are stored and
    downloaded again; items offered alternates are remembered for `choose`."""
    policy_id = terminal.policy_id()
    license_ids = None if content_ids is None else _license_ids(terminal, content_ids)
    claim = terminal.client().claim(policy_id, license_ids, kind=kind, genre=genre)
    return claim, _take(terminal, claim, progress)


def _take(terminal: Terminal, claim: api.Claim, progress: Progress | None) -> list[Outcome]:
    if claim.policy:
        terminal.accept_policy(claim.policy)
    pending = _pending(terminal)
    outcomes = []
    for item in claim.items:
        if item.outcome == "reissued" and item.license is not None:
            terminal.receive(item.license, progress)
        elif item.outcome == "alternates_offered":
            pending[item.item_id] = claim.claim_id
        outcomes.append(
            Outcome(
                item.item_id,
                item.content_id,
                item.title,
                item.outcome,
                item.reason or item.message,
                list(item.alternates),
            )
        )
    _set_pending(terminal, pending)
    terminal.sync()
    return outcomes


def alternates(terminal: Terminal, item_id: str, genre: str | None = None) -> list[api.Alternate]:
    """FIG.14 (7)-(8): the alternates offered for one item (searched again in `genre` when given)."""
    claim_id = _pending(terminal).get(item_id)
    if claim_id is None:
        raise UsageError(f"no item {item_id!r} is waiting for an alternate; report a loss first")
    return terminal.client().alternates(claim_id, item_id, genre)


def pending(terminal: Terminal) -> list[api.ClaimItem]:
    """The items still waiting for an alternate to be chosen, as the insurer has them now, each with the
    lost track's title from the library. An item no longer waiting (chosen from another machine) is
    forgotten here. Without this, closing the loss dialog before choosing would leave no way back."""
    held = _pending(terminal)
    if not held:
        return []
    client = terminal.client()
    items: list[api.ClaimItem] = []
    still: dict[str, str] = {}
    for claim_id in sorted(set(held.values())):
        try:
            claim = client.claim_status(claim_id)
        except BackendRefusedError:
            continue  # the insurer no longer knows the claim: nothing to choose there
        for item in claim.items:
            if held.get(item.item_id) != claim_id or item.outcome != "alternates_offered":
                continue
            still[item.item_id] = claim_id
            track = terminal.store.track(item.content_id)
            title = item.title or (track.info.title if track is not None else "") or item.content_id
            items.append(item.model_copy(update={"title": title}))
    if still != held:
        _set_pending(terminal, still)
    return items


def choose(
    terminal: Terminal, item_id: str, alternate_id: str, progress: Progress | None = None
) -> api.Choice:
    """FIG.14 (9)-(19): the choice goes to the insurer; the alternate's license and track come back."""
    pending = _pending(terminal)
    claim_id = pending.get(item_id)
    if claim_id is None:
        raise UsageError(f"no item {item_id!r} is waiting for an alternate; report a loss first")
    choice = terminal.client().choose(claim_id, item_id, alternate_id)
    terminal.accept_policy(choice.policy)
    terminal.receive(choice.license, progress)
    del pending[item_id]
    _set_pending(terminal, pending)
    terminal.sync()
    return choice


def recover(terminal: Terminal, progress: Progress | None = None) -> tuple[api.Claim, list[Outcome]]:
    """[0035]: on a fresh install after a crash: new policy keys (the old ones died with the disk),
    re-keyed at the insurer, then every insured track re-distributed and downloaded."""
    terminal.keys.check()
    terminal.require_sign_in()
    client = terminal.client()
    docs = client.policies()
    if not docs:
        raise UsageError("this account has no insurance policy to recover")
    for doc in docs:
        key = X25519PrivateKey.generate()
        rekeyed = client.rekey(doc.policy_id, b64e(x25519_public_bytes(key)))
        policy = terminal.accept_policy(rekeyed.policy)
        terminal.keys.set_policy_key(policy.contract_id, key)
    terminal.store.set_setting("policy_id", docs[0].policy_id)
    claim = client.claim(docs[0].policy_id, None, kind="crash")
    return claim, _take(terminal, claim, progress)


def upgrades(terminal: Terminal) -> list[api.UpgradeOffer]:
    """[0048]: newer versions the insurer offers for licenses we hold."""
    return terminal.client().upgrades()


def upgrade(terminal: Terminal, content_id: str, progress: Progress | None = None) -> api.Upgrade:
    """[0048]-[0049]: the new version's license and file; the old license becomes invalid."""
    license_id = terminal.resolve(content_id).license_id
    if not any(o.license_id == license_id for o in upgrades(terminal)):
        raise BackendRefusedError(f"there is no newer version of {content_id!r}", "no_upgrade")
    result = terminal.client().upgrade(license_id)
    terminal.accept_policy(result.policy)
    terminal.receive(result.license, progress)
    terminal.sync()
    return result
