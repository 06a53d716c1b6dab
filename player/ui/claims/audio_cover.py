"""Insuring a track's audio apart from its license, from the library's menu.

A user with a policy for the audio alone at one insurer (chosen on the first-run insurance page) covers
there the audio of tracks whose license another insurer covers: "Insure the Audio with …" on the
selected rows shows the licenses to that insurer (`Parts.insure_contents`) and says what came of each.
A later loss report sends each part to its insurer by itself (`Parts.report_loss`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QWidget

from player import words
from player.errors import PlayerError
from player.terminal import InsureOutcome, LibraryEntry, Progress, Terminal
from player.ui.kit.banners import MessageBar
from player.ui.library.view import LibraryPage
from player.ui.session import UiSession


@dataclass(frozen=True)
class AudioDesk:
    """An insurer whose policy with the user covers audio alone, and the tracks it covers already."""

    insurer_id: str
    name: str
    covered: frozenset[str]


def audio_desks(home: Terminal) -> list[AudioDesk]:
    """The desks of contents-only policies (read from the policies kept here: no network)."""
    found = []
    for desk in home.insurers.desks():
        try:
            audio_only = desk.account.insured and desk.account.policy().coverage.value == "contents"
        except PlayerError:
            continue  # a policy that cannot be read here offers nothing to cover with
        if audio_only:
            name, covered = desk.connection.insurer_name(), frozenset(desk.covers.all())
            found.append(AudioDesk(desk.connection.insurer_id(), name, covered))
    return found


class AudioCover(QObject):
    def __init__(
        self, session: UiSession, library: LibraryPage, messages: MessageBar, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.library = library
        self.messages = messages
        self.desks: list[AudioDesk] = []
        library.menu_extensions.append(self.extend)
        session.synced.connect(self.refresh)
        session.signed_in_changed.connect(self.refresh)

    def refresh(self, *_: object) -> None:
        terminal = self.session.terminal
        self.session.call(lambda _: audio_desks(terminal), self._found, on_error=lambda _: None)

    def _found(self, desks: list[AudioDesk]) -> None:
        self.desks = desks

    def coverable(self, desk: AudioDesk) -> list[LibraryEntry]:
        """The selected tracks whose license another insurer holds and whose audio `desk` does not cover."""
        chosen = set(self.library.selected_ids())
        return [
            e
            for e in self.session.library
            if e.row.license_id in chosen
            and e.own is None
            and e.insurer != desk.name
            and e.row.content_id not in desk.covered
        ]

    def extend(self, menu: QMenu) -> None:
        for desk in self.desks:
            entries = self.coverable(desk)
            action = menu.addAction(self.tr("Insure the Audio with {insurer}…").format(insurer=desk.name))
            action.setObjectName(f"insureAudio_{desk.insurer_id}")
            action.setEnabled(bool(entries))
            action.triggered.connect(lambda _=False, d=desk, e=entries: self.insure(d, e))

    def insure(self, desk: AudioDesk, entries: list[LibraryEntry]) -> None:
        terminal = self.session.terminal
        ids = list(dict.fromkeys(e.row.content_id for e in entries))
        titles = {e.row.content_id: e.row.title or e.row.content_id for e in entries}

        def work(progress: Progress) -> list[InsureOutcome]:
            return terminal.parts.insure_contents(terminal.insurers.desk(desk.insurer_id), ids, progress)

        def done(outcomes: list[InsureOutcome]) -> None:
            insured = [o for o in outcomes if o.outcome == "insured"]
            refused = [o for o in outcomes if o.outcome != "insured"]
            lines = (
                [
                    words.count(
                        len(insured),
                        self.tr("The audio of {n} track is now insured with {insurer}."),
                        self.tr("The audio of {n} tracks is now insured with {insurer}."),
                        insurer=desk.name,
                    )
                ]
                if insured
                else []
            )
            lines += [
                self.tr("{track}: {why}").format(
                    track=titles.get(o.content_id or "", o.license_id), why=words.refusal("", o.reason)
                )
                for o in refused
            ]
            kind = "information" if insured and not refused else "warning"
            self.messages.show_message(kind, self.tr("Insure the Audio"), "<br>".join(lines))
            self.refresh()
            self.session.refresh_library()  # each track says who insures its audio now

        self.session.call(work, done)
