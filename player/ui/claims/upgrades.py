"""Newer versions of tracks held, offered in the window ([0048]-[0049]).

After each sync the insurers are asked which tracks have a newer version (`Terminal.upgrades`); the
first time one is offered the message bar says so, with an Upgrade button for all of them, and the
library's menu has "Upgrade to Version N" on the tracks selected. An upgrade is free: the new version's
license and file come from the insurer that holds the track, the old license stops playing, and an
insurer of the track's audio alone is shown the new license. Each is a row in History.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QWidget

from player import words
from player.errors import PlayerError
from player.terminal import Progress, Upgraded
from player.ui.kit.banners import MessageBar
from player.ui.kit.messages import describe, what_happened
from player.ui.library.view import LibraryPage
from player.ui.session import UiSession

if TYPE_CHECKING:
    from player.terminal import UpgradeOffer


class UpgradeOffers(QObject):
    def __init__(
        self, session: UiSession, library: LibraryPage, messages: MessageBar, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.library = library
        self.messages = messages
        self.offers: dict[str, UpgradeOffer] = {}  # by the license ID it replaces
        self._told: set[str] = set()  # offers the message bar has said (once each while the window is open)
        self.busy = False
        library.menu_extensions.append(self.extend)
        session.synced.connect(self.refresh)  # which follows signing in
        session.signed_in_changed.connect(self._signed_in)

    def _signed_in(self, signed_in: bool) -> None:
        if not signed_in:
            self.offers = {}  # the next owner's offers come with their first sync

    def refresh(self, *_: object) -> None:
        upgrades = self.session.terminal.upgrades
        self.session.call(lambda _: upgrades.offers(), self._found, on_error=lambda _: None)

    def _found(self, offers: list[UpgradeOffer]) -> None:
        self.offers = {o.license_id: o for o in offers}
        new = [o for o in offers if o.license_id not in self._told]
        self._told.update(o.license_id for o in new)
        if not new or self.busy:
            return
        if len(offers) == 1:
            (offer,) = offers
            text = self.tr(
                "A newer version of “{track}” is available, free. Upgrading replaces the version you have."
            ).format(track=offer.title)
        else:
            text = self.tr(
                "Newer versions of {n} tracks are available, free. Upgrading replaces the versions you have."
            ).format(n=len(offers))
        self.messages.show_message(
            "information", self.tr("Newer versions"), text, (self.tr("Upgrade"), self.upgrade_all)
        )

    def extend(self, menu: QMenu) -> None:
        chosen = [self.offers[i] for i in self.library.selected_ids() if i in self.offers]
        if not chosen:
            return
        versions = {o.to_version for o in chosen}
        if len(versions) == 1:
            text = self.tr("Upgrade to Version {version}").format(version=versions.pop())
        else:
            text = self.tr("Upgrade to the Newer Versions")
        action = menu.addAction(text)
        action.setObjectName("upgradeTracks")
        action.setEnabled(not self.busy)
        action.triggered.connect(lambda _=False, c=chosen: self.upgrade(c))

    def upgrade_all(self) -> None:
        self.upgrade(list(self.offers.values()))

    def upgrade(self, offers: list[UpgradeOffer]) -> None:
        if not offers or self.busy:
            return
        self.busy = True
        upgrades = self.session.terminal.upgrades
        ids = list(dict.fromkeys(o.content_id for o in offers))
        titles = {o.content_id: o.title for o in offers}

        def work(progress: Progress) -> tuple[list[Upgraded], list[tuple[str, PlayerError]]]:
            taken, failed = [], []
            for content_id in ids:
                try:
                    taken.append(upgrades.take(content_id, progress))
                except PlayerError as e:  # one refused is said beside the others taken
                    failed.append((content_id, e))
            return taken, failed

        self.session.call(work, lambda r: self._done(r[0], r[1], titles), self._failed)

    def _done(
        self, taken: list[Upgraded], failed: list[tuple[str, PlayerError]], titles: dict[str, str]
    ) -> None:
        self.busy = False
        lines = []
        if len(taken) == 1:
            (one,) = taken
            lines.append(
                self.tr("“{track}” is now version {version}.").format(
                    track=titles.get(one.result.license.content_id, ""), version=one.result.to_version
                )
            )
        elif taken:
            lines.append(self.tr("{n} tracks were upgraded to their newer versions.").format(n=len(taken)))
        for one in taken:
            for audio in one.audio:
                if audio.outcome != "insured":
                    track = titles.get(one.result.license.content_id, "")
                    lines.append(
                        self.tr("{track}: the insurer of its audio was not told ({why})").format(
                            track=track, why=words.refusal("", audio.reason)
                        )
                    )
        lines += [
            self.tr("{track}: {why}").format(track=titles.get(c, c), why=what_happened(e)) for c, e in failed
        ]
        kind = "information" if taken and not failed else "warning"
        self.messages.show_message(kind, self.tr("Upgrade"), "<br>".join(lines))
        self.session.refresh_library()
        self.refresh()

    def _failed(self, e: PlayerError) -> None:
        self.busy = False
        self.messages.show_message("warning", self.tr("The upgrade did not go through"), describe(e)[1])
        self.refresh()
