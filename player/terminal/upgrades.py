"""Newer versions of tracks held, from every insurer, and taking one ([0048]-[0049]).

An insurer offers a newer version of a track whose license it holds (`GET /upgrades`); taking it issues
the new version's license and file, free, and the old license stops playing. Each insurer is asked for
its own tracks; one that cannot be reached offers nothing this time. Taking an upgrade moves both parts
of a track insured apart (claim 32): the license at the insurer that holds it, then the new license is
shown to the insurer of its audio alone, which keeps a copy of that version from then on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from player.errors import PlayerError
from player.terminal.insure_later import InsureOutcome
from player.transfer import Progress

if TYPE_CHECKING:
    from player.protocol import api
    from player.terminal.facade import Terminal


@dataclass(frozen=True)
class Upgraded:
    """An upgrade taken: the insurer's answer, and what the insurer of the audio alone made of it (empty
    when no other insurer covers the track's audio)."""

    result: api.Upgrade
    audio: list[InsureOutcome]


class Upgrades:
    def __init__(self, home: Terminal) -> None:
        self._home = home

    def offers(self) -> list[api.UpgradeOffer]:
        """Every insurer's offers, by title. An insurer that cannot be reached offers none this time;
        when none can, its error is raised (the faces say they could not look)."""
        found: list[api.UpgradeOffer] = []
        errors: list[PlayerError] = []
        asked = [d for d in self._home.insurers.desks() if d.account.insured]
        for desk in asked:
            try:
                found += desk.claims.upgrades()
            except PlayerError as e:
                errors.append(e)
        if asked and len(errors) == len(asked):
            raise errors[0]
        return sorted(found, key=lambda o: (o.title.casefold(), o.content_id))

    def take(self, content_id: str, progress: Progress | None = None) -> Upgraded:
        """The newer version of the track, at the insurer that holds its license; then its audio's
        insurer, if another, is shown the new license. That second step failing (the insurer down) does
        not undo the first: it is said in `audio`, and covering the audio there again (`insure-audio`,
        the library's "Insure the Audio with …") shows that insurer the new license."""
        result = self._home.insurers.holder(content_id).claims.upgrade(content_id, progress)
        try:
            audio = self._home.parts.follow_upgrade(content_id, progress)
        except PlayerError as e:
            audio = [InsureOutcome(result.license.license_id, content_id, "refused", reason=str(e))]
        return Upgraded(result, audio)
