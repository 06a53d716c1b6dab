"""Report a loss (FIG.12, FIG.14 (1)-(2); crash recovery [0035]).

Three pages. *Choose*: the integrity scan runs on the worker; every insured track whose license is valid
(or not yet known) is listed with a checkbox, those found missing or damaged ticked with a note why. Any
other may be ticked (a license can be lost while its file remains), or "my whole library is gone" runs
the crash recovery; a genre may be preferred for alternates. With policies at several insurers every
insurer's tracks are listed, each loss going to its own. *Working*: the answers and the downloads, with
progress. *Result*: one row per track (re-issued, alternates offered, refused with the reason in words),
a claim refused as a whole too; alternates are chosen in the `AlternatesDialog`. Everything that touches
the terminal runs through `UiSession.call`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QMessageBox,
    QStackedWidget,
    QStyle,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from player import words
from player.errors import ClaimRefusedError, PlayerError
from player.language import translate
from player.terminal import LibraryState, Outcome, Policy
from player.ui.claims import loss_words
from player.ui.claims.alternates_dialog import AlternatesDialog
from player.ui.claims.loss_data import (
    OUTCOME_ICONS,
    OUTCOME_WORDS,
    Answer,
    Scan,
    TrackResult,
    desks_of,
    insured_tracks,
    policy_or_none,
    results_of,
)
from player.ui.claims.loss_pages import (
    R_RESULT,
    R_TRACK,
    T_ALBUM,
    T_ARTIST,
    T_GENRE,
    T_INSURER,
    T_NOTE,
    T_TITLE,
    LossPages,
)
from player.ui.claims.recover_confirmation import ask_to_recover
from player.ui.kit.guard import while_alive
from player.ui.kit.messages import describe, plain
from player.ui.kit.tasks import Progress
from player.ui.session import UiSession

if TYPE_CHECKING:
    from player.terminal import Alternate, Terminal


PADDING = 16  # px between a column's widest text and the next column


class LossDialog(LossPages):
    claim_done = Signal(list)  # list[TrackResult], once the insurer answered

    def __init__(
        self,
        session: UiSession,
        parent: QWidget | None = None,
        *,
        preselect: tuple[str, ...] = (),
        desk: Terminal | None = None,
    ) -> None:
        """`preselect`: content IDs ticked from the start (the library's "Report as Lost…"); `desk`: the
        insurer the loss is reported to (its tracks only). Without one, a user with policies at several
        insurers sees the tracks of all, and each track's loss goes to its own insurer."""
        super().__init__(parent)
        self.session = session
        self.terminal = desk or session.terminal
        self.across, self._one_desk = False, desk is not None  # across: as the scan found (worker)
        self._preselect = frozenset(preselect)
        self.results: list[TrackResult] = []
        self.alternates_dialog: AlternatesDialog | None = None
        self.scan_done = self._busy = False
        self.recover_confirmation: QMessageBox | None = None  # asked before a whole-library recovery
        self._policy: Policy | None = None
        self._desks: dict[str, Terminal] = {}  # across insurers: where each track's alternates are
        self._genre: str | None = None
        self.setWindowTitle(self.tr("Report a loss"))
        self.setMinimumSize(640, 460)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._choose_page())
        self.pages.addWidget(self._working_page())
        self.pages.addWidget(self._result_page())
        self._wire()
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._start_scan()

    def _wire(self) -> None:
        self.submit.clicked.connect(self.submit_claim)
        self.whole_library.toggled.connect(self._whole_library_toggled)
        self.whole_library.clicked.connect(self._whole_library_clicked)
        self.tracks.itemChanged.connect(lambda *_: self._update_submit())
        self.back_button.clicked.connect(self._back)
        self.choose_button.clicked.connect(self.open_alternates)

    # --- page 1: choose ----------------------------------------------------------------------------

    def _start_scan(self) -> None:
        terminal, one = self.terminal, self._one_desk

        def scan(_: Progress) -> Scan:
            across = not one and bool(terminal.insurers.joined())
            entries = terminal.entries() if across else terminal.library.entries()
            try:
                return Scan(entries, terminal.verify() if across else terminal.library.verify(), None, across)
            except PlayerError as e:  # the list still shows; the user can tick tracks by hand
                return Scan(entries, None, e, across)

        def genres(_: Progress) -> list[str]:
            try:
                return sorted({c.genre for c in terminal.purchases.catalog() if c.genre})
            except PlayerError:  # offline: the library's own genres will do
                return []

        self.session.call(scan, while_alive(self, self._show_scan), while_alive(self, self._scan_failed))
        self.session.call(genres, while_alive(self, self._add_genres), lambda _: None)

    def _show_scan(self, scan: Scan) -> None:
        missing = set(scan.report.missing) if scan.report else set()
        corrupt = set(scan.report.corrupt) if scan.report else set()
        self.across = scan.across
        self.tracks.setColumnHidden(T_INSURER, not scan.across)
        self.tracks.blockSignals(True)
        self.tracks.clear()
        for entry in insured_tracks(scan.entries):
            row = entry.row
            title = row.title or self.tr("Untitled track")
            item = QTreeWidgetItem([title, row.artist, row.album, row.genre, entry.insurer, ""])
            item.setData(T_TITLE, Qt.ItemDataRole.UserRole, row.content_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            note = ""
            damaged = row.content_id in missing or row.content_id in corrupt
            if row.content_id in missing:
                note = self.tr("File missing")
            elif row.content_id in corrupt:
                note = self.tr("File damaged")
            elif entry.state is LibraryState.UNKNOWN:
                note = self.tr("License not confirmed yet")
            if not entry.insured:  # bought without insurance: shown, but no claim covers it
                note, damaged = self.tr("Not insured"), False
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable & ~Qt.ItemFlag.ItemIsEnabled)
            item.setText(T_NOTE, note)
            if damaged:
                item.setIcon(T_NOTE, self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
            item.setToolTip(T_NOTE, plain(entry.detail) or note)
            if entry.insured:
                ticked = damaged or row.content_id in self._preselect
                item.setCheckState(T_TITLE, Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            else:
                item.setToolTip(T_NOTE, words.refusal("not_insured", words.track_name(row.title, row.artist)))
            self.tracks.addTopLevelItem(item)
        for col in (T_TITLE, T_ARTIST, T_ALBUM, T_GENRE, T_INSURER):
            self.tracks.resizeColumnToContents(col)
            self.tracks.setColumnWidth(col, self.tracks.columnWidth(col) + PADDING)
        self.tracks.blockSignals(False)
        self.scan_busy.hide()
        found = len(missing) + len(corrupt)
        error = None if scan.error is None else describe(scan.error)[1]
        self.scan_status.setText(loss_words.scan_finding(found, error, self.tracks.topLevelItemCount() > 0))
        self._add_genres(sorted({e.row.genre for e in scan.entries if e.row.genre}))
        self.scan_done = True
        self._update_submit()

    def _scan_failed(self, error: PlayerError) -> None:
        self.scan_busy.hide()
        title, text = describe(error)
        self.scan_status.setText(self.tr("{title} {text}").format(title=title, text=text))
        self.scan_done = True
        self._update_submit()

    def _add_genres(self, genres: list[str]) -> None:
        have = {self.genre.itemText(i) for i in range(self.genre.count())}
        for g in genres:
            if g not in have:
                self.genre.addItem(g, g)
                have.add(g)

    def checked_content_ids(self) -> list[str]:
        return [_content_id(i) for i in self._track_items() if i.checkState(T_TITLE) == Qt.CheckState.Checked]

    def _track_items(self) -> list[QTreeWidgetItem]:
        items = (self.tracks.topLevelItem(i) for i in range(self.tracks.topLevelItemCount()))
        return [i for i in items if i is not None]

    def set_checked(self, content_id: str, checked: bool = True) -> None:
        for item in self._track_items():
            if _content_id(item) == content_id:
                item.setCheckState(T_TITLE, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _whole_library_clicked(self, checked: bool) -> None:
        """Ticking "my whole library is gone" asks first, Cancel being the default: a stray Tab and
        Space must never line up a recovery, which re-keys the policy and stops the other computers."""
        if not checked:
            return
        self.whole_library.setChecked(False)
        self.recover_confirmation = ask_to_recover(self, self._recover_confirmed)

    def _recover_confirmed(self, confirmed: bool) -> None:
        self.recover_confirmation = None
        if confirmed:
            self.whole_library.setChecked(True)

    def _whole_library_toggled(self, on: bool) -> None:
        self.tracks.setEnabled(not on)
        self.genre.setEnabled(not on)  # a recovery re-distributes everything as it was
        self._update_submit()

    def _update_submit(self) -> None:
        ready = self.scan_done and not self._busy
        self.submit.setEnabled(ready and (self.whole_library.isChecked() or bool(self.checked_content_ids())))
        self.submit.setText(
            self.tr("Recover library") if self.whole_library.isChecked() else self.tr("Report loss")
        )

    # --- page 2: working ---------------------------------------------------------------------------

    def submit_claim(self) -> None:
        if self._busy or not self.submit.isEnabled():
            return
        terminal = self.terminal
        recover = self.whole_library.isChecked()
        content_ids = None if recover else self.checked_content_ids()
        self._genre = None if recover else self.genre.currentData()
        genre = self._genre
        self._reported = self._titles(content_ids)

        def work(progress: Progress) -> Answer:
            try:
                if content_ids is None:
                    claim, outcomes = terminal.claims.recover(progress)
                else:
                    loss, at = terminal.home.parts.report_loss, None if self.across else terminal
                    claim, outcomes = loss(content_ids, at=at, genre=genre, progress=progress)
            except ClaimRefusedError as e:  # refused as a whole: an answer, shown on the result page
                return Answer([], refusal=e, policy=policy_or_none(terminal))
            messages = {i.item_id: i.message for i in claim.items}
            desks = desks_of(terminal, outcomes) if self.across else {}
            return Answer(outcomes, messages, policy=policy_or_none(terminal), desks=desks)

        self._busy = True
        self.working_title.setText(
            self.tr("<b>Recovering your library…</b>")
            if recover
            else self.tr("<b>Sending your report to the insurer…</b>")
        )
        self.progress.setRange(0, 0)
        self.progress_text.setText(self.tr("Waiting for the insurer…"))
        self.pages.setCurrentIndex(1)
        show = while_alive(self, self._show_answer)

        def answered(answer: Answer) -> None:
            # The library, the status bar and the Insurance page's counts follow at once (a sync ends in
            # `synced`, which they all listen to), even when the dialog is gone by now.
            self.session.sync(on_error=lambda _e: self.session.refresh_library())
            show(answer)

        self.session.call(
            work, answered, while_alive(self, self._show_error), while_alive(self, self._on_progress)
        )

    def _titles(self, content_ids: list[str] | None) -> list[tuple[str, str]]:
        titles = {_content_id(item): item.text(T_TITLE) for item in self._track_items()}
        ids = list(titles) if content_ids is None else content_ids
        return [(cid, titles.get(cid, cid)) for cid in ids]

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(min(1000, done * 1000 // total))
            self.progress_text.setText(loss_words.downloading(done, total))
        else:
            self.progress.setRange(0, 0)
            self.progress_text.setText(loss_words.downloading(done, 0))

    # --- page 3: result ----------------------------------------------------------------------------

    def _show_answer(self, answer: Answer) -> None:
        self._busy = False
        self._policy, self._desks = answer.policy, answer.desks
        self.results, why = results_of(answer, self._reported)
        if why is not None:
            self._set_banner(
                self.tr(
                    "<b>The insurer declined this claim.</b> {why}<br>Nothing was re-distributed "
                    "and nothing was counted against your limits."
                ).format(why=why)
            )
        else:
            self._set_banner("")
        self._fill_results()
        self.back_button.hide()
        self.pages.setCurrentIndex(2)
        self.claim_done.emit(self.results)

    def _show_error(self, error: PlayerError) -> None:
        self._busy = False
        title, text = describe(error)
        self.results = []
        self._fill_results()
        self.summary.setText(f"<b>{title}</b>")
        self._set_banner(self.tr("The report was not sent. {why}").format(why=text))
        self.back_button.show()
        self.pages.setCurrentIndex(2)

    def _set_banner(self, html: str) -> None:
        self.banner.setText(html)
        self.banner.setVisible(bool(html))
        self.banner_icon.setVisible(bool(html))

    def _fill_results(self) -> None:
        self.result_list.clear()
        for r in self.results:
            item = QTreeWidgetItem([r.title, translate("LossData", OUTCOME_WORDS[r.outcome]), r.text])
            item.setIcon(R_RESULT, self.style().standardIcon(OUTCOME_ICONS[r.outcome]))
            item.setData(R_TRACK, Qt.ItemDataRole.UserRole, r.content_id)
            self.result_list.addTopLevelItem(item)
        for col in (R_TRACK, R_RESULT):
            self.result_list.resizeColumnToContents(col)
            self.result_list.setColumnWidth(col, self.result_list.columnWidth(col) + PADDING)
        counts = {k: sum(r.outcome == k for r in self.results) for k in OUTCOME_WORDS}
        self.summary.setText(loss_words.summary(counts))
        self.choose_button.setVisible(counts["alternates_offered"] > 0)
        ahead = self.choose_button if counts["alternates_offered"] else self.close_button
        ahead.setDefault(True)
        ahead.setFocus()

    def _back(self) -> None:
        self.pages.setCurrentIndex(0)
        self._update_submit()

    # --- alternates --------------------------------------------------------------------------------

    def pending_items(self) -> list[Outcome]:
        return [r.item for r in self.results if r.outcome == "alternates_offered" and r.item is not None]

    def open_alternates(self) -> AlternatesDialog | None:
        """The alternates offered at one insurer (across insurers: the first's; the button again: next)."""
        items, desk = self.pending_items(), self.terminal
        if items and self._desks:
            desk = self._desks.get(items[0].content_id, desk)
            items = [i for i in items if self._desks.get(i.content_id, self.terminal) is desk]
        if not items:
            return None
        dialog = AlternatesDialog(
            self.session, items, self, genre=self._genre, result_elsewhere=True, desk=desk
        )
        dialog.chosen.connect(self._alternate_chosen)
        self.alternates_dialog = dialog
        dialog.open()
        return dialog

    def _alternate_chosen(self, item_id: str, alternate: Alternate) -> None:
        for r in self.results:
            if r.item is not None and r.item.item_id == item_id:
                r.outcome = "chosen"
                r.text = loss_words.replaced(alternate.title, alternate.artist, alternate.provider_name)
        self._fill_results()

    # --- closing -----------------------------------------------------------------------------------

    def reject(self) -> None:
        """Not while the insurer is working: its answer (and the downloads) must land somewhere."""
        if not self._busy:
            super().reject()


def _content_id(item: QTreeWidgetItem) -> str:
    return str(item.data(T_TITLE, Qt.ItemDataRole.UserRole))
