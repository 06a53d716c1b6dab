"""Several insurers: the policies a user holds with other insurers than the first, each in a desk of its own.

A backend may host several insurers (separate companies: their own keys, terms, accounts and license
lists). The library the user chose an insurer for at first run is the *home* desk; each other insurer the
user joins gets a desk of the same make in `<data_dir>/insurers/<insurer id>/`: its own store, its own
keyring profile (pin, anti-rollback mark, session, policy keys), its own cached list, reached on the
home's backend at the insurer's path. Nothing of one insurer's trust is shared with another's, so a
rolled-back or frozen list at one insurer refuses that insurer's tracks and no other's, by construction.

The faces see one library (`Terminal.entries`, each entry naming its insurer), play any track
(`Terminal.open_track` finds its desk), and reach an insurer's desk to buy, insure or claim there.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from player.errors import UsageError
from player.language import translate
from player.storage import Store
from player.storage.layout import safe_name

if TYPE_CHECKING:
    from player.protocol.insurers_api import InsurerListing
    from player.terminal.facade import Terminal

JOINED = "insurers"  # a home store setting: the other insurers joined, as JSON [{id, name, path}]
DESKS = "insurers"  # the folder of the other insurers' desks, in the home data dir


@dataclass(frozen=True)
class Joined:
    """Another insurer this library holds a desk for."""

    id: str
    name: str
    path: str  # where it answers on the backend ("/insurers/<id>")


class Insurers:
    """The home desk's list of the other insurers, and their desks (opened on first use, kept open).

    `open_desk(data_dir)` makes the desk of one more insurer (the facade knows how); None on a desk
    itself, which joins no one."""

    def __init__(self, home: Terminal, store: Store, open_desk: Callable[[Path], Terminal] | None) -> None:
        self._home = home
        self._store = store
        self._open_desk = open_desk
        self._desks: dict[str, Terminal] = {}

    def directory(self) -> list[InsurerListing]:
        """Every insurer the backend hosts, with its terms (online; the first is the backend's root)."""
        return self._home.connection.client().insurers()

    def listing(self, insurer_id: str) -> InsurerListing:
        """One insurer of the backend's directory (online); `UsageError` when the backend has none so."""
        listing = next((i for i in self.directory() if i.id == insurer_id), None)
        if listing is None:
            said = translate("Errors", "the backend has no insurer {insurer}")
            raise UsageError(said.format(insurer=repr(insurer_id)))
        return listing

    def joined(self) -> list[Joined]:
        """The other insurers, in the order they were joined (not the home one)."""
        try:
            raw = json.loads(self._store.setting(JOINED) or "[]")
        except ValueError:
            return []
        out = []
        for item in raw if isinstance(raw, list) else []:
            if isinstance(item, dict) and all(isinstance(item.get(k), str) for k in ("id", "name", "path")):
                out.append(Joined(item["id"], item["name"], item["path"]))
        return out

    def desks(self) -> list[Terminal]:
        """The home desk, then one per insurer joined."""
        return [self._home, *(self.desk(j.id) for j in self.joined())]

    def desk(self, insurer_id: str) -> Terminal:
        """The desk of `insurer_id`: the home one for its own ID, else one joined (`UsageError` if not)."""
        if insurer_id in ("", self._home.connection.insurer_id()):
            return self._home
        if insurer_id in self._desks:
            return self._desks[insurer_id]
        if self._open_desk is None or insurer_id not in {j.id for j in self.joined()}:
            raise UsageError(
                translate("Errors", "you hold no policy with the insurer {insurer}").format(
                    insurer=repr(insurer_id)
                )
            )
        desk = self._open_desk(self._desk_dir(insurer_id))
        self._desks[insurer_id] = desk
        return desk

    def join(self, insurer_id: str) -> Terminal:
        """Open a desk for another insurer of this backend (online: its listing says where it answers).
        Joining the home insurer, or one already joined, returns its desk."""
        if insurer_id in {j.id for j in self.joined()} or insurer_id == self._home.connection.insurer_id():
            return self.desk(insurer_id)
        if self._open_desk is None:
            raise UsageError(translate("Errors", "a library kept for another insurer joins no more insurers"))
        listing = self.listing(insurer_id)
        desk = self._open_desk(self._desk_dir(insurer_id))
        desk.connection.choose_insurer(listing.path)
        desk.connection.client()  # pins its key now: a join that cannot reach the insurer is not kept
        joined = [*self.joined(), Joined(listing.id, listing.name, listing.path)]
        self._store.set_setting(JOINED, json.dumps([j.__dict__ for j in joined], ensure_ascii=False))
        self._desks[insurer_id] = desk
        return desk

    def holder(self, content_or_license_id: str) -> Terminal:
        """The desk that holds a license (or a content ID's license): the home one first."""
        for desk in self.desks():
            if desk.holds(content_or_license_id):
                return desk
        return self._home  # whose `UsageError` says the track is in no library

    def close(self) -> None:
        for desk in self._desks.values():
            desk.close()
        self._desks.clear()

    def _desk_dir(self, insurer_id: str) -> Path:
        return self._home.data_dir / DESKS / safe_name(insurer_id)
