"""The user terminal 40 as one object: the face (CLI or GUI) builds it once and reaches the core through it.

It is made of small parts, one per concern, each a public attribute the faces call:

- `connection`: the insurer (configured server or the bundled backend), its pinned key, online or not;
- `account`: sign-up and sign-in, the session token, the insurance policy and its key pair (FIG.13, 6B);
- `licenses`: the signed license list and the decisions made on it (FIG.7, FIG.10);
- `purchases`: the catalog, buying insured, receiving packages and track files;
- `library`: what the terminal holds, in what state, and the integrity scan;
- `claims`: re-distribution requesting (FIG.12, FIG.14, [0035], [0048]);
- `playlists`: the user's playlists, following their tracks to replacements, and XSPF;
- `own_music`: the user's own audio files, played where they are, never insured and never sent anywhere;

and `open_track()`, the one way to open a track for its play. Methods block (network, disk, crypto):
the GUI calls them from its worker thread. Every failure is a `PlayerError`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from player import words
from player.errors import MissingFileError, PlayerError, UsageError
from player.language import translate
from player.protocol.canonical import now_utc, parse_time
from player.redistribution import Requester
from player.redistribution.requester import UPGRADE
from player.storage import KeyStore, Store
from player.storage.journal import FINAL, Journal
from player.storage.memory_keyring import MemoryKeyring
from player.terminal.account import Account
from player.terminal.connection import Connection
from player.terminal.insure_later import DIRECT_PURCHASE, INSURE_EXISTING, InsureLater, InsureOutcome
from player.terminal.insurers import Insurers
from player.terminal.library import Library
from player.terminal.licenses import Licenses
from player.terminal.opening import Opener
from player.terminal.own_music import OwnMusic
from player.terminal.parts import ContentsCovers, Parts
from player.terminal.playlists import Playlists
from player.terminal.purchases import PURCHASE, Purchases
from player.terminal.receipts import Receipts
from player.terminal.results import IntegrityReport, LibraryEntry, ListStatus, OpenedTrack
from player.terminal.upgrades import Upgrades

if TYPE_CHECKING:
    from player.protocol.insurers_api import SharedAboutYou
from player.transfer import Progress

Clock = Callable[[], datetime]


def _namespace(data_dir: Path) -> str:
    """One keyring profile per data dir path: restoring the dir from a backup keeps its rollback mark."""
    return "dd-" + hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]


def fixed_clock(text: str, what: str) -> Clock:
    """A clock stopped at `text` (``2026-01-31T12:00:00Z``): the CLI's test hook for the freeze and
    clock-rollback stories."""
    try:
        fixed = parse_time(text, what)
    except PlayerError as e:
        raise UsageError(str(e)) from e
    return lambda: fixed


class Terminal:
    def __init__(
        self,
        data_dir: Path,
        server: str | None = None,
        *,
        keys: KeyStore | None = None,
        keys_in_memory: bool = False,
        clock: Clock = now_utc,
        timeout: float | None = None,
        codecs: tuple[str, ...] | None = None,
        backend_of: Connection | None = None,
        keyring_of: KeyStore | None = None,
    ) -> None:
        """`server` is the insurer's URL (None: the bundled backend); `keys` the keyring store (tests
        pass one on a private keyring); `keys_in_memory` keeps the keys in this process only, never in
        the OS keyring (the screenshot tool's throwaway account); `clock` the license decision's "now"
        (tests move it); `timeout` bounds every network wait in seconds (None: the defaults); `codecs` the
        formats to ask for, best first (None: every one this player decodes). `backend_of` and
        `keyring_of` make the desk of another insurer (`insurers.py`): on that connection's backend, in
        its own profile of that keyring."""
        self.data_dir = data_dir
        self.now = clock
        self.home = self  # the library the user chose first; a desk of another insurer is told its home
        store = Store(data_dir)
        backend = MemoryKeyring() if keys_in_memory else None
        if keyring_of is not None:
            keys = keyring_of.sibling(_namespace(data_dir), store.lock)
        keys = keys or KeyStore(_namespace(data_dir), backend=backend, lock=store.lock)
        self._store = store  # white-box tests look at what is stored and kept in the keyring
        self._keys = keys
        self.connection = Connection(data_dir, server, store, keys, timeout, codecs, backend_of=backend_of)
        self.account = Account(store, keys, self.connection)
        self.licenses = Licenses(store, keys, self.connection, self.account, clock)
        self._journal = Journal(store)
        self.purchases = Purchases(store, self.connection, self.account, self.licenses, self._journal)
        self.library = Library(store, self.connection, self.account, self.licenses)
        self.insure_later = InsureLater(
            store, keys, self.connection, self.account, self.licenses, self.purchases, self._journal
        )
        self.claims = Requester(
            store,
            keys,
            self.connection.client,
            self.account,
            self.library,
            self.purchases.receive,
            self.licenses.sync,
            self._journal,
        )
        self.receipts = Receipts(store, self.connection, self.account)
        self.covers = ContentsCovers(store)  # claim 32: the audio this desk's policy covers alone
        self.parts = Parts(self)
        self.claims.take_resent = lambda item, progress=None: self.home.parts.take_resent(
            self, item, progress
        )  # where the track's license is held
        self.upgrades = Upgrades(self)  # newer versions, from every insurer ([0048])
        self.own_music = OwnMusic(data_dir, store.lock)
        # playlists (player/terminal/playlists.py): of the tracks bought and the user's own files alike
        self.playlists = Playlists(store, lambda: self.library.entries() + self.own_music.entries())
        self._opener = Opener(store, self.connection, self.account, self.licenses, self.library, clock)

        def open_desk(desk_dir: Path) -> Terminal:
            desk = Terminal(
                desk_dir,
                clock=clock,
                timeout=timeout,
                codecs=codecs,
                backend_of=self.connection,
                keyring_of=keys,
            )
            desk.home = self
            return desk

        # the other insurers the user holds policies with (player/terminal/insurers.py); a desk joins none
        self.insurers = Insurers(self, store, open_desk if backend_of is None else None)

    def at_insurer(self, insurer_id: str) -> Terminal:
        """Where to act at `insurer_id`: this library when it is that insurer's, or when it has no owner
        yet (a fresh library takes the first insurer it is used with, as the first run's choice); else
        that insurer's desk, joined now if need be (online)."""
        if insurer_id in (self.connection.insurer_id(), *(j.id for j in self.insurers.joined())):
            return self.insurers.desk(insurer_id)
        if not self.account.owner:
            self.connection.choose_insurer(self.insurers.listing(insurer_id).path)
            return self
        return self.insurers.join(insurer_id)

    def shared_history(self) -> list[SharedAboutYou]:
        """What the insurers told each other about the user ([0040]), as every insurer the user holds a
        policy with shows it (online; one record once, oldest first)."""
        seen: dict[tuple[str, str], SharedAboutYou] = {}
        for desk in self.insurers.desks():
            desk.account.require_sign_in()
            for record in desk.connection.client().shared_about_me():
                seen.setdefault((record.insurer, record.record_id), record)
        return sorted(seen.values(), key=lambda r: r.at)

    def holds(self, content_or_license_id: str) -> bool:
        """Whether this insurer's library holds that license, or a license of that content."""
        return self._store.holds(content_or_license_id)

    def entries(self) -> list[LibraryEntry]:
        """Every track bought, at every insurer the user holds a policy with, each naming its insurer
        (the user's own files are `own_music.entries()`)."""
        out = self.library.entries()
        for desk in self.insurers.desks()[1:]:
            out += desk.library.entries()
        # content ID -> the insurer of its audio alone (claim 32)
        audio = {
            cid: desk.connection.insurer_name() for cid, (desk, _) in self.parts.audio_insurers().items()
        }
        if not audio:
            return out
        return [
            replace(e, audio_insurer=audio[e.row.content_id])
            if e.row.content_id in audio and audio[e.row.content_id] != e.insurer
            else e
            for e in out
        ]

    def verify(self) -> IntegrityReport:
        """The integrity scan of every insurer's tracks (content IDs missing or corrupt, and how many are
        whole)."""
        reports = [desk.library.verify() for desk in self.insurers.desks()]
        return IntegrityReport(
            [c for r in reports for c in r.missing],
            [c for r in reports for c in r.corrupt],
            sum(r.ok for r in reports),
        )

    def repair(
        self, content_ids: list[str], progress: Progress | None = None
    ) -> tuple[list[str], dict[str, str]]:
        """Fetch missing or corrupt files again, each from the insurer whose license it is (free)."""
        repaired: list[str] = []
        failed: dict[str, str] = {}
        covered = self.parts.audio_insurers()
        for desk in self.insurers.desks():
            held = [c for c in content_ids if desk.holds(c)]

            def audio_insurer(content_id: str, holder: Terminal = desk) -> str | None:
                covering = covered[content_id][0] if content_id in covered else holder
                return None if covering is holder else covering.connection.insurer_name()

            if held:
                done, why = desk.purchases.repair(held, progress, audio_insurer)
                repaired += done
                failed |= why
        return repaired, failed

    def open_track(self, content_or_license_id: str) -> OpenedTrack:
        """FIG.10 (1)-(6): decide, open the license with the policy key, open the track to decrypt in
        memory, read its cover. Raises the refusal (`DecisionRefusedError`) with its reason. A track whose
        file is missing is fetched again first when the insurer can be reached (free: the license is kept)."""
        if self.insurers.joined():
            desk = self.insurers.holder(content_or_license_id)
            if desk is not self:
                return desk.open_track(content_or_license_id)
        try:
            return self._opener.open(content_or_license_id)
        except MissingFileError:
            content_id = self.library.resolve(content_or_license_id).content_id
            try:
                repaired, _ = self.purchases.repair([content_id])
            except PlayerError:
                repaired = []
            if content_id not in repaired:
                raise
        return self._opener.open(content_or_license_id)

    def catch_up(self, progress: Progress | None = None) -> tuple[ListStatus, list[str]]:
        """What a sync means to the user, in one call for every face: finish what was left half done
        (`resume`), fetch the license list, keep any license it names that is not here, fetch again any
        file that is missing or partial, and keep the receipts not here yet. Returns the list's status
        and one line per thing done. The other insurers' desks catch up after this one; one that cannot
        be reached says so in a line (this insurer's list is the status: the faces show it)."""
        status, lines = self._catch_up(progress)
        for desk in self.insurers.desks()[1:]:
            name = desk.connection.insurer_name()
            try:
                lines += [f"{name}: {line}" for line in desk.catch_up(progress)[1]]
            except PlayerError as e:
                lines.append(f"{name}: {e}")
        return status, lines

    def _catch_up(self, progress: Progress | None) -> tuple[ListStatus, list[str]]:
        lines = self.resume()
        status = self.licenses.sync()
        lines += [
            translate("Terminal", "Received {track}").format(track=self._title(c))
            for c in self.purchases.fetch_issued(progress)
        ]
        repaired, _ = self.purchases.repair(progress=progress)
        lines += [
            translate("Terminal", "Fetched the missing file of {track} again").format(track=self._title(c))
            for c in repaired
        ]
        received = self.receipts.fetch()
        if received:
            lines.append(
                words.count(
                    len(received),
                    translate("Terminal", "Received {n} receipt"),
                    translate("Terminal", "Received {n} receipts"),
                )
            )
        if self.receipts.not_kept:  # said, never kept: the list and everything else synced all the same
            lines.append(
                words.count(
                    len(self.receipts.not_kept),
                    translate("Terminal", "{n} receipt from the insurer did not verify and was not kept"),
                    translate("Terminal", "{n} receipts from the insurer did not verify and were not kept"),
                )
            )
        return status, lines

    def resume(self) -> list[str]:
        """Finish what a lost answer or a crash left half done: every purchase, claim, choice and upgrade
        in the journal is asked again under its own key (the insurer answers with the original outcome;
        nothing is charged twice) and what it delivered is kept. Returns one line per request finished.
        Stops at the first that cannot reach the insurer, leaving it and the rest for next time."""
        done = []
        for entry in self._journal.entries():
            try:
                if entry.kind == PURCHASE:
                    result = self.purchases.replay(entry.body)
                    track = self._title(result.license.content_id)
                    done.append(translate("Terminal", "Finished buying {track}").format(track=track))
                elif entry.kind == DIRECT_PURCHASE:
                    sold = self.insure_later.replay(entry.body)
                    track = self._title(sold.content_id)
                    done.append(
                        translate("Terminal", "Finished buying {track} (without insurance)").format(
                            track=track
                        )
                    )
                elif entry.kind == INSURE_EXISTING:
                    outcomes = self.insure_later.replay_insure(entry.body)
                    insured = [o for o in outcomes if o.outcome == "insured"]
                    done.append(
                        words.count(
                            len(insured),
                            translate("Terminal", "Finished insuring {n} track"),
                            translate("Terminal", "Finished insuring {n} tracks"),
                        )
                    )
                else:
                    done.append(self.claims.replay(entry, self._title))
                    if entry.kind == UPGRADE:  # its audio insured apart follows, as when answered at once
                        done += self._follow_upgrade(entry.body["license_id"])
            except FINAL:
                continue  # refused for good: the journal has forgotten it
            except PlayerError:
                break  # no answer, or no room to keep what came: all of it stays for next time
        return done

    def _follow_upgrade(self, old_license_id: str) -> list[str]:
        """The audio's insurer shown the license an upgrade asked again brought; a line if it failed."""
        content_id = self.library.resolve(old_license_id).content_id
        try:
            refused = [o for o in self.home.parts.follow_upgrade(content_id) if o.outcome != "insured"]
        except PlayerError as e:
            refused = [InsureOutcome(old_license_id, content_id, "refused", reason=str(e))]
        said = translate("Terminal", "{track}: the insurer of its audio was not told ({why})")
        return [said.format(track=self._title(content_id), why=words.refusal("", o.reason)) for o in refused]

    def _title(self, content_id: str) -> str:
        info = self.library.track_info(content_id)
        return words.track_name(info.title, info.artist) if info is not None else content_id

    def recheck(self, track: OpenedTrack) -> None:
        """FIG.10 (5) again, without I/O, for a track opened a while ago (see `Opener.recheck`)."""
        self._opener.recheck(track)

    def close(self) -> None:
        """Close the client, stop the bundled backend, release the store's lock."""
        self.insurers.close()
        self.connection.close()
        self._store.close()
