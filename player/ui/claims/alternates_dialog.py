"""Choose an alternate for a track that cannot be re-issued (FIG.14 (7)-(19)).

For each claim item waiting for a choice, one after another ("Track 1 of 2"): the original track's
details (what was paid, why it cannot be re-issued) above a sortable table of the alternates the insurer
found at every provider, with each price difference shown against the policy's limit. The table is
keyboard-driven: arrows move, Enter takes the highlighted track, Esc cancels; the genre combo asks the
insurer to search again in that genre. Taking a choice runs `requester.choose` on the worker (the new
license, then the download, with progress); the new track then appears in the library.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from player import words
from player.errors import ClaimRefusedError, PlayerError
from player.language import translate
from player.terminal import Policy, TrackInfo
from player.ui.claims.alternates_pages import (
    C_TITLE,
    ID_ROLE,
    MATCH_WORDS,
    SORT_ROLE,
    AlternatesPages,
)
from player.ui.kit.fit import fit_to_screen
from player.ui.kit.guard import while_alive
from player.ui.kit.messages import describe
from player.ui.kit.tasks import Progress
from player.ui.playing.preview import PreviewButton, Previewer
from player.ui.session import UiSession

if TYPE_CHECKING:
    from player.terminal import Alternate, Choice, Terminal


class PendingItem(Protocol):
    """A claim item waiting for a choice: `requester.Outcome` and `ClaimItem` both fit."""

    @property
    def item_id(self) -> str: ...
    @property
    def content_id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def reason(self) -> str: ...
    @property
    def alternates(self) -> list[Alternate]: ...


@dataclass(frozen=True)
class _Details:
    """What the terminal knows to show above the table (read on the worker)."""

    tracks: dict[str, TrackInfo]  # content ID -> as bought
    provider_names: dict[str, str]
    genres: list[str]
    policy: Policy | None  # None offline

    @property
    def limit(self) -> int | None:
        """The policy's limit on the price difference (yen)."""
        return None if self.policy is None else self.policy.price_difference_limit


def _text_item(text: str, sort: object, align_right: bool = False) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(sort, SORT_ROLE)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class AlternatesDialog(AlternatesPages):
    chosen = Signal(str, object)  # claim item ID, the Alternate taken (its track is in the library now)

    def __init__(
        self,
        session: UiSession,
        items: Sequence[PendingItem],
        parent: QWidget | None = None,
        *,
        genre: str | None = None,
        result_elsewhere: bool = False,
        desk: Terminal | None = None,
    ) -> None:
        """`result_elsewhere`: the caller (the loss report) shows the outcome on its own result page, so
        this dialog closes itself once every track is handled instead of showing a second summary."""
        super().__init__(parent)
        self._result_elsewhere = result_elsewhere
        self.session = session
        self.terminal = desk or session.terminal  # the insurer the items were claimed at
        self.items = list(items)
        self.index = 0
        self.taken: list[tuple[PendingItem, Alternate | None]] = []  # None: skipped for now
        self.details_loaded = False
        self._busy = False
        self.choice_confirmation: QMessageBox | None = None  # asked before a choice is taken
        self._details = _Details({}, {}, [], None)
        self._alternates: dict[str, Alternate] = {}
        self._genre = genre
        self.setWindowTitle(self.tr("Choose an alternate"))
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._choose_page())
        self.pages.addWidget(self._done_page())
        self.previewer = Previewer(session, self)
        self.preview = PreviewButton(self.preview_button, self.previewer, self._preview_key, self)
        self.previewer.failed.connect(self.status.setText)
        self._wire()
        QVBoxLayout(self).addWidget(self.pages)
        self._load_details()
        self._show_item()
        fit_to_screen(self, QSize(820, 620))

    def _wire(self) -> None:
        self.skip.clicked.connect(self._skip)
        self.ok.clicked.connect(self.take_choice)
        self.table.doubleClicked.connect(lambda _: self.take_choice())
        self.genre.activated.connect(lambda _: self.search_again(self.genre.currentData()))
        self.table.selectionModel().currentChanged.connect(lambda *_: self.preview.update())
        self.model.modelReset.connect(self.preview.update)

    def _preview_key(self) -> tuple[str, str, str] | None:
        alternate = self.selected()
        return (
            None if alternate is None else (alternate.alternate_id, alternate.provider, alternate.content_id)
        )

    def done(self, result: int) -> None:
        self.previewer.stop()  # closed, however: the clip stops and what it paused goes on
        super().done(result)

    # --- data ----------------------------------------------------------------------------------------

    def _load_details(self) -> None:
        terminal = self.terminal
        content_ids = [i.content_id for i in self.items]

        def work(_: Progress) -> _Details:
            tracks = {}
            for cid in content_ids:
                info = terminal.library.track_info(cid)
                if info is not None:
                    tracks[cid] = info
            names: dict[str, str] = {}
            genres: set[str] = set()
            try:
                for entry in terminal.purchases.catalog():
                    names[entry.provider] = entry.provider_name
                    genres.add(entry.genre)
            except PlayerError:  # offline: the alternates' own genres and names will do
                pass
            try:
                policy: Policy | None = terminal.account.policy()
            except PlayerError:
                policy = None
            return _Details(tracks, names, sorted(g for g in genres if g), policy)

        ready = while_alive(self, self._details_ready)
        self.session.call(work, ready, lambda _: ready(self._details))

    def _details_ready(self, details: _Details) -> None:
        self._details = details
        self.details_loaded = True
        genres = set(details.genres)
        for item in self.items:
            genres |= {a.genre for a in item.alternates}
        for g in sorted(genres):
            if self.genre.findData(g) < 0:
                self.genre.addItem(g, g)
        self._show_item()

    def current(self) -> PendingItem:
        return self.items[self.index]

    def _show_item(self) -> None:
        item = self.current()
        self.pager.setText(
            self.tr("<b>Track {n} of {total}</b>").format(n=self.index + 1, total=len(self.items))
        )
        self.pager.setVisible(len(self.items) > 1)
        self.skip.setVisible(self.index + 1 < len(self.items))
        info = self._details.tracks.get(item.content_id)
        names = dict(self._details.provider_names)
        for alt in item.alternates:
            names.setdefault(alt.provider, alt.provider_name)
        shown = {
            "title": info.title if info else item.title,
            "artist": info.artist if info else "",
            "album": info.album if info else "",
            "genre": info.genre if info else "",
            "provider": names.get(info.provider, info.provider) if info else "",
            "price": words.yen(info.price) if info else "",
            "why": words.unavailable(item.reason),
        }
        for key, value in shown.items():
            self.original[key].setText(value or "—")
        limit = self._details.limit
        if limit is None:
            hint = self.tr(
                "Choose a track to take its place. Arrow keys move, P plays a short preview, Enter "
                "takes the highlighted track, Esc cancels."
            )
        else:
            hint = self.tr(
                "Choose a track to take its place. Your policy covers a price difference of up to "
                "{limit}. Arrow keys move, P plays a short preview, Enter takes the highlighted track, "
                "Esc cancels."
            ).format(limit=words.yen(limit))
        self.hint.setText(hint)
        # the item's alternates as the claim found them: in the genre the report preferred, if any
        self.genre.setCurrentIndex(max(0, self.genre.findData(self._genre)) if self._genre else 0)
        self.set_alternates(item.alternates)

    def set_alternates(self, alternates: Sequence[Alternate]) -> None:
        limit = self._details.limit
        self.model.removeRows(0, self.model.rowCount())
        self._alternates = {a.alternate_id: a for a in alternates}
        for rank, a in enumerate(alternates):  # the insurer's order: the closest to the lost track first
            row = [
                _text_item(a.title, a.title.casefold()),
                _text_item(a.artist, a.artist.casefold()),
                _text_item(a.provider_name, a.provider_name.casefold()),
                _text_item(a.genre, a.genre.casefold()),
                _text_item(words.yen(a.price), a.price, align_right=True),
                _text_item(words.difference(a.price_difference, limit), a.price_difference, True),
                _text_item(translate("AlternatesPages", MATCH_WORDS.get(a.match, "")), rank),
            ]
            row[C_TITLE].setData(a.alternate_id, ID_ROLE)
            length = f"{a.duration_ms // 60000}:{a.duration_ms // 1000 % 60:02d}"
            row[C_TITLE].setToolTip(f"{a.title} — {a.album} ({length})")
            self.model.appendRow(row)
        header = self.table.horizontalHeader()
        self.table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.fit_columns()
        n = len(alternates)
        self.count.setText(words.count(n, self.tr("{n} alternate"), self.tr("{n} alternates")))
        if n:
            self.table.selectRow(0)
            self.table.setCurrentIndex(self.model.index(0, C_TITLE))
        self.table.setFocus()
        self._update_buttons()

    def selected(self) -> Alternate | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self._alternates.get(str(self.model.item(index.row(), C_TITLE).data(ID_ROLE)))

    def search_again(self, genre: str | None) -> None:
        """FIG.14 (7): the insurer searches every provider again, in `genre` when given."""
        if self._busy:
            return
        terminal = self.terminal
        item_id = self.current().item_id
        self._set_busy(True, self.tr("Searching again…"))

        def done(alternates: list[Alternate]) -> None:
            self._set_busy(False, "" if alternates else self.tr("No alternates in that genre."))
            self.set_alternates(alternates)

        self.session.call(
            lambda _: terminal.claims.alternates(item_id, genre),
            while_alive(self, done),
            while_alive(self, self._failed),
        )

    # --- taking the choice ---------------------------------------------------------------------------

    def take_choice(self) -> None:
        """Ask first, naming both tracks and what the choice means: it is final (the lost copy stops
        playing and the choice counts against the policy's limits)."""
        alternate = self.selected()
        if self._busy or alternate is None or self.choice_confirmation is not None:
            return
        box = QMessageBox(self)
        box.setObjectName("choiceConfirmation")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Take this track?"))
        box.setText(
            self.tr("Take “{title}” by {artist} in place of “{lost}”?").format(
                title=alternate.title, artist=alternate.artist, lost=self.current().title
            )
        )
        difference = words.difference_said(alternate.price_difference)
        box.setInformativeText(
            self.tr(
                "From {provider}: {price}, {difference}, at no charge to you. It counts as one replacement "
                "under your policy, and the lost copy stops playing. The choice is final."
            ).format(
                provider=alternate.provider_name, price=words.yen(alternate.price), difference=difference
            )
        )
        take = box.addButton(self.tr("Take this track"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(take)
        self.choice_confirmation = box

        def finished(_: int) -> None:
            self.choice_confirmation = None
            confirmed = box.clickedButton() is take
            box.deleteLater()
            if confirmed:
                self._take(alternate)

        box.finished.connect(finished)
        box.open()

    def _take(self, alternate: Alternate) -> None:
        if self._busy:
            return
        terminal = self.terminal
        item = self.current()
        self.previewer.stop()
        self._set_busy(
            True,
            self.tr("Getting “{title}” from {provider}…").format(
                title=alternate.title, provider=alternate.provider_name
            ),
        )
        self.progress.setRange(0, 0)
        self.progress.show()

        def done() -> None:
            self._set_busy(False, "")
            self.progress.hide()
            self.taken.append((item, alternate))
            self.chosen.emit(item.item_id, alternate)
            self._next()

        show = while_alive(self, done)

        def answered(_: Choice) -> None:
            # The new track, and the counts of the Insurance page, even when the dialog is gone by now.
            self.session.sync(on_error=lambda _e: self.session.refresh_library())
            show()

        self.session.call(
            lambda progress: terminal.claims.choose(item.item_id, alternate.alternate_id, progress),
            answered,
            while_alive(self, self._failed),
            while_alive(self, self._on_progress),
        )

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(min(1000, done * 1000 // total))

    def _failed(self, error: PlayerError) -> None:
        self.progress.hide()
        title, text = describe(error)
        if isinstance(error, ClaimRefusedError):  # said with the policy's own figures
            text = words.refusal(error.reason, str(error), self._details.policy, error.facts)
        self._set_busy(False, self.tr("<b>{title}.</b> {text}").format(title=title, text=text))

    def _skip(self) -> None:
        if not self._busy:
            self.taken.append((self.current(), None))
            self._next()

    def _next(self) -> None:
        if self.index + 1 < len(self.items):
            self.index += 1
            self.status.setText("")
            self._show_item()
            return
        if self._result_elsewhere:
            self.accept()
            return
        self.say_done([(item.title, alternate) for item, alternate in self.taken])
        self.pages.setCurrentIndex(1)
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    def _set_busy(self, busy: bool, status: str) -> None:
        self._busy = busy
        self.status.setText(status)
        self.table.setEnabled(not busy)
        self.genre.setEnabled(not busy)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.ok.setEnabled(not self._busy and self.model.rowCount() > 0)
        self.skip.setEnabled(not self._busy)

    def reject(self) -> None:
        """Esc cancels, but not while a choice is being taken: its license must land somewhere."""
        if not self._busy:
            super().reject()
