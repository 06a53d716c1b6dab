"""Claim 32: a track's license and its audio insured apart, at different insurers.

A policy covers the license, the audio (its "contents") or both (`Policy.coverage`). The license is
insured where it was bought, under a policy that covers licenses; the audio of a track held so may be
covered too by a contents-only policy at another insurer: the license is shown to it (its licensor's
signed XML, opened here from its package) and left as it is. Each desk keeps the covers of its
contents-only policy in its store (`ContentsCovers`).

A loss report goes to the license's insurer first (`Requester.report_loss`): a full policy re-issues the
license and the audio; a license-only one the license alone, and the file here is kept when it opens with
the new license. Then every reported track whose file is still missing or broken, and whose audio another
insurer covers, is claimed there: the audio comes back from that insurer's copy (which outlives the
provider's distribution of the track) and is kept under the license held now.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from player.errors import ClaimRefusedError, UsageError
from player.language import translate
from player.protocol.canonical import b64e
from player.protocol.license import parse_license
from player.protocol.policy import Coverage
from player.redistribution.requester import Outcome
from player.storage import Store
from player.terminal.insure_later import InsureOutcome
from player.transfer import Progress

if TYPE_CHECKING:
    from player.protocol import api
    from player.terminal.facade import Terminal

COVERS = "contents_covers"  # a desk's store setting: content ID -> the cover of its audio, as JSON


@dataclass(frozen=True)
class Cover:
    """The audio of one track, covered by a contents-only policy: the insurer's item, and the license
    shown to it (its ID names the track in a claim there)."""

    content_id: str
    item_id: str
    license_id: str
    version: int
    premium: int


class ContentsCovers:
    """The covers of one desk's contents-only policy."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def all(self) -> dict[str, Cover]:
        try:
            raw = json.loads(self._store.setting(COVERS) or "{}")
            return {cid: Cover(**fields) for cid, fields in raw.items()}
        except (TypeError, ValueError, AttributeError):
            return {}  # an unreadable setting covers nothing here; the insurer still has the items

    def add(self, covers: list[Cover]) -> None:
        kept = self.all() | {c.content_id: c for c in covers}
        self._store.set_setting(COVERS, json.dumps({k: asdict(v) for k, v in sorted(kept.items())}))


class Parts:
    """The two parts of the tracks in a home library and its desks."""

    def __init__(self, home: Terminal) -> None:
        self._home = home

    def audio_insurers(self) -> dict[str, tuple[Terminal, Cover]]:
        """Content ID -> the desk whose contents-only policy covers the track's audio, and the cover: read
        once for a whole report or library, not once per track."""
        return {cid: (d, c) for d in self._home.insurers.desks() for cid, c in d.covers.all().items()}

    def audio_insurer(self, content_id: str) -> Terminal | None:
        """The desk whose contents-only policy covers the track's audio, if one does."""
        found = self.audio_insurers().get(content_id)
        return found[0] if found else None

    def insure_contents(
        self, desk: Terminal, content_ids: list[str], progress: Progress | None = None
    ) -> list[InsureOutcome]:
        """Cover the audio of tracks whose licenses are held at other desks under `desk`'s contents-only
        policy. Each license is shown as its licensor signed it; the insurer has the licensor confirm it."""
        if desk.account.policy().coverage is not Coverage.CONTENTS:
            raise UsageError(
                translate(
                    "Errors",
                    "your policy with {insurer} is not one for the audio alone: cover audio with a"
                    " contents-only policy",
                ).format(insurer=desk.connection.insurer_name())
            )
        shown: list[tuple[str, str, bytes]] = []
        for content_id in dict.fromkeys(content_ids):
            holder = self._home.insurers.holder(content_id)
            if holder is desk or not holder.holds(content_id):
                raise UsageError(
                    translate("Errors", "{content_id} is held under no license at another insurer").format(
                        content_id=repr(content_id)
                    )
                )
            shown.append((content_id, *holder.purchases.presentable(content_id)))
        policy_id = desk.account.policy_id()
        # A fresh key each time: a refusal (a licensor that did not answer) is not the answer to every
        # later try. An answer lost on the way is found again below: the insurer then knows the license.
        result = desk.connection.client().insure_existing(policy_id, [b64e(xml) for _, _, xml in shown])
        policy = desk.account.accept_policy(result.policy)
        covers = [Cover(c.content_id, c.item_id, c.license_id, c.version, c.premium) for c in result.covered]
        refused = []
        versions = {lid: parse_license(xml)[0].content_version for _, lid, xml in shown}
        for r in result.refused:
            if r.code == "already_insured" and r.license_id in policy.guaranteed_license_ids and r.content_id:
                covers.append(Cover(r.content_id, "", r.license_id, versions.get(r.license_id, 0), 0))
            else:
                refused.append(InsureOutcome(r.license_id, r.content_id, "refused", reason=r.reason))
        desk.covers.add(covers)
        insured = [
            InsureOutcome(c.license_id, c.content_id, "insured", premium=c.premium or None) for c in covers
        ]
        return insured + refused

    def follow_upgrade(self, content_id: str, progress: Progress | None = None) -> list[InsureOutcome]:
        """[0048]: once a track's license is upgraded, the insurer of its audio alone is shown the new
        license, so the copy it keeps is of the version that license opens (free of premium)."""
        desk = self.audio_insurer(content_id)
        if desk is None or desk is self._home.insurers.holder(content_id):
            return []
        return self.insure_contents(desk, [content_id], progress)

    def report_loss(
        self,
        content_ids: list[str] | None,
        *,
        at: Terminal | None = None,
        genre: str | None = None,
        progress: Progress | None = None,
    ) -> tuple[api.Claim, list[Outcome]]:
        """Report lost tracks (None: every one at `at`, else at the home insurer) to the insurer of
        their licenses: `at`, else each track's own (one claim per insurer, the first returned). Then
        each one's audio, where still missing, goes to the insurer covering it alone. A track whose
        license still plays here and whose audio another insurer covers is only the audio's loss: its
        license is not claimed (nor counted against its limits). One insurer refusing a claim as a whole
        is one line per track beside what the others granted; every one refusing is the refusal."""
        from player.protocol import api  # the contract, loaded by the client that files the claims

        if content_ids is None or at is not None:
            return self._report_at(at or self._home, content_ids, genre, progress)
        groups: dict[str, tuple[Terminal, list[str]]] = {}
        for content_id in dict.fromkeys(content_ids):
            desk = self._home.insurers.holder(content_id)
            groups.setdefault(desk.connection.insurer_id(), (desk, []))[1].append(content_id)
        if len(groups) == 1:
            ((desk, named),) = groups.values()
            return self._report_at(desk, named, genre, progress)
        claims: list[api.Claim] = []
        outcomes: list[Outcome] = []
        refused: ClaimRefusedError | None = None
        for desk, named in groups.values():
            try:
                claim, found = self._report_at(desk, named, genre, progress)
            except ClaimRefusedError as e:
                refused = refused or e
                for content_id in named:
                    info = desk.library.track_info(content_id)
                    title = info.title if info is not None else ""
                    why = e.reason or str(e)
                    outcomes.append(
                        Outcome("", content_id, title, api.ClaimOutcome.REFUSED, why, [], e.facts)
                    )
                continue
            claims.append(claim)
            outcomes += found
        if not claims and refused is not None:
            raise refused
        return claims[0], outcomes

    def _report_at(
        self, holder: Terminal, content_ids: list[str] | None, genre: str | None, progress: Progress | None
    ) -> tuple[api.Claim, list[Outcome]]:
        """The license part at `holder`, then the audio part at the audio's insurers."""
        covered = self.audio_insurers()
        audio_only = [c for c in content_ids or () if self._audio_alone(holder, c, covered)]
        licenses = None if content_ids is None else [c for c in content_ids if c not in audio_only]
        claim: api.Claim | None = None
        outcomes: list[Outcome] = []
        if licenses is None or licenses:
            claim, outcomes = holder.claims.report_loss(licenses, genre=genre, progress=progress)
        lost = content_ids if content_ids is not None else [o.content_id for o in outcomes]
        audio_claims, audio = self._audio(holder, lost, covered, progress, alone=claim is None)
        claim = claim or (audio_claims[0] if audio_claims else None)
        if claim is None:  # only audio to claim, and it is whole again by now: nothing was lost
            raise UsageError(translate("Errors", "the tracks named play as they are: nothing to report"))
        return claim, outcomes + audio

    def take_resent(self, desk: Terminal, item: api.ClaimItem, progress: Progress | None = None) -> None:
        """The audio `desk` (covering it alone) sent again for a claim item, kept under the license held
        at the track's own insurer: for a claim answered now and for one its journal asked again."""
        assert item.download is not None
        holder = self._home.insurers.holder(item.content_id)
        holder.purchases.take_resent(item.content_id, item.download.url, desk.connection.client(), progress)

    def _audio_alone(
        self, holder: Terminal, content_id: str, covered: dict[str, tuple[Terminal, Cover]]
    ) -> bool:
        desk = covered[content_id][0] if content_id in covered else None
        return (
            desk is not None
            and desk is not holder
            and holder.purchases.license_plays(content_id)
            and not holder.purchases.file_intact(content_id)
        )

    def _audio(
        self,
        holder: Terminal,
        content_ids: list[str],
        covered: dict[str, tuple[Terminal, Cover]],
        progress: Progress | None,
        *,
        alone: bool,
    ) -> tuple[list[api.Claim], list[Outcome]]:
        """Claim the audio of the tracks still without a sound file, each at the insurer covering it.
        `alone`: nothing else was claimed, so a refusal is the report's (raised), not one line of it."""
        from player.protocol import api  # the contract, loaded by the client that files the claim

        by_desk: dict[str, tuple[Terminal, list[Cover]]] = {}
        for content_id in content_ids:
            if content_id not in covered:
                continue
            desk, cover = covered[content_id]
            if desk is holder or holder.purchases.file_intact(content_id):
                continue
            by_desk.setdefault(desk.connection.insurer_id(), (desk, []))[1].append(cover)
        claims: list[api.Claim] = []
        outcomes: list[Outcome] = []
        refused = api.ClaimOutcome.REFUSED
        for desk, covers in by_desk.values():
            try:
                claim, found = desk.claims.claim_covered([c.license_id for c in covers], progress)
            except ClaimRefusedError as e:  # the license part stands: say the audio's refusal beside it
                if alone:
                    raise
                said = e.reason or str(e)
                outcomes += [Outcome("", c.content_id, "", refused, said, [], e.facts) for c in covers]
                continue
            claims.append(claim)
            outcomes += found
        return claims, outcomes
