"""What the File menu does besides signing in: sync now, check the library, report a loss, choose
alternates and sign out. Each asks the core through the session and shows the answer in the window's
message bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox

from player import words
from player.errors import BackendError, PlayerError
from player.language import translate
from player.terminal import IntegrityReport, LibraryEntry
from player.ui.kit.banners import MessageBar
from player.ui.kit.messages import describe
from player.ui.session import UiSession

if TYPE_CHECKING:  # the dialogs are imported when first opened, not with the window
    from player.terminal import ClaimItem, Progress, Terminal
    from player.ui.claims.alternates_dialog import AlternatesDialog


class FileActions(QMainWindow):
    """The main window's File-menu work, kept apart from how the window is built (`main_window.py`)."""

    session: UiSession
    messages: MessageBar
    dialog: QDialog | None  # the open loss or first-run dialog
    alternates_dialog: AlternatesDialog | None
    sign_out_box: QMessageBox | None
    _closed: bool
    _first_run_allowed: bool

    def sync_now(self) -> None:
        """F5: fetch the license list's changes. Unreachable is shown by the offline banner, not twice."""

        def failed(error: PlayerError) -> None:
            if isinstance(error, BackendError):
                self.statusBar().showMessage(
                    self.tr("The insurer cannot be reached: playing from the cached list."), 8000
                )
            else:
                self.show_error(error)

        self.session.sync(on_error=failed)

    def check_library(self) -> None:
        """The integrity scan (every segment of every track) on the worker; the result inline."""
        self.statusBar().showMessage(self.tr("Checking every track…"))

        def done(report: IntegrityReport) -> None:
            self.statusBar().clearMessage()
            self.session.refresh_library()  # the rows show what the scan saw on disk
            untitled = self.tr("an untitled track")
            titles = {e.row.content_id: e.row.title or untitled for e in self.session.library}
            if not report.missing and not report.corrupt:
                self.messages.show_message(
                    "info",
                    self.tr("Library checked"),
                    words.count(
                        report.ok, self.tr("All {n} track is intact."), self.tr("All {n} tracks are intact.")
                    ),
                )
                return
            separator = translate("Words", ", ", "between the items of a list")
            missing = separator.join(titles.get(c, c) for c in report.missing)
            damaged = separator.join(titles.get(c, c) for c in report.corrupt)
            if missing and damaged:
                text = self.tr("Missing: {missing}; damaged: {damaged}. Your insurance can re-issue them.")
            elif missing:
                text = self.tr("Missing: {missing}. Your insurance can re-issue them.")
            else:
                text = self.tr("Damaged: {damaged}. Your insurance can re-issue them.")
            self.messages.show_message(
                "warning",
                self.tr("Some tracks are lost"),
                text.format(missing=missing, damaged=damaged),
                (self.tr("Report a Loss…"), self.report_loss),
            )

        def failed(e: PlayerError) -> None:
            self.statusBar().clearMessage()
            self.show_error(e)

        self.session.call(lambda _: self.session.terminal.library.verify(), done, failed)

    def bundled_backend_stopped(self, restarted: bool) -> None:
        """The built-in insurer (the bundled backend) died: say it was started again, or why not."""
        if restarted:
            self.messages.show_message(
                "info",
                self.tr("The built-in insurer stopped"),
                self.tr(
                    "It is being started again. Tracks with a valid cached license keep playing meanwhile."
                ),
            )
            return
        log = self.session.terminal.data_dir / "bundled-backend" / "backend.log"
        self.messages.show_message(
            "warning",
            self.tr("The built-in insurer keeps stopping"),
            self.tr(
                "The player stopped restarting it; what it said is in {log}. Tracks with a valid cached "
                "license keep playing."
            ).format(log=log),
            action=(self.tr("Retry"), self.session.retry),
        )

    def show_missing(self, title: str, text: str) -> None:
        """A track whose file is gone and cannot be fetched now: say so, with the loss report at hand."""
        self.messages.show_message(
            "warning", title, text, action=(self.tr("Report a Loss…"), self.report_loss)
        )

    def report_loss(self, content_ids: list[str] | None = None, insurer: str | None = None) -> None:
        """The loss dialog; `content_ids` ticked from the start (a track's "Report as Lost…"). It lists
        the tracks of every insurer the user holds a policy with, each loss going to its own; or, from an
        insurer's Insurance page (`insurer`), that insurer's tracks only."""
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return
        from player.ui.claims.loss_dialog import LossDialog

        ids, terminal = tuple(content_ids or ()), self.session.terminal
        if insurer is None:
            self.dialog = LossDialog(self.session, self, preselect=ids)
            self.dialog.open()
            return

        def desk(_: Progress) -> Terminal:
            return terminal.insurers.desk(insurer)

        def open_at(at: Terminal) -> None:
            if not self._closed:
                self.dialog = LossDialog(self.session, self, preselect=ids, desk=at)
                self.dialog.open()

        self.session.call(desk, open_at)

    def insure_tracks(self, entries: list[LibraryEntry]) -> None:
        """Insure tracks bought without insurance (from the library's Insure… button or menu)."""
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return
        from player.ui.insurance.insure_dialog import InsureDialog

        self.dialog = InsureDialog(self.session, entries, self)
        self.dialog.open()

    def choose_alternates(self, *, quiet: bool = False) -> None:
        """The lost tracks still waiting for an alternate (from any earlier loss report), in the
        alternates dialog; `quiet`: only offer it, in the message bar, when there are some."""

        def done(items: list[ClaimItem]) -> None:
            if self._closed:
                return
            if quiet:
                if items:
                    n = len(items)
                    self.messages.show_message(
                        "info",
                        words.count(
                            n,
                            self.tr("{n} lost track waiting for an alternate"),
                            self.tr("{n} lost tracks waiting for an alternate"),
                        ),
                        words.count(
                            n,
                            self.tr(
                                "The insurer could not re-issue it and offers alternates instead: choose "
                                "one when you like."
                            ),
                            self.tr(
                                "The insurer could not re-issue them and offers alternates instead: choose "
                                "one when you like."
                            ),
                        ),
                        (self.tr("Choose…"), self.choose_alternates),
                    )
                return
            if not items:
                self.messages.show_message(
                    "info",
                    self.tr("No alternates to choose"),
                    self.tr("No lost track is waiting for you to choose an alternate."),
                )
                return
            if self.alternates_dialog is not None and self.alternates_dialog.isVisible():
                self.alternates_dialog.raise_()
                return
            from player.ui.claims.alternates_dialog import AlternatesDialog

            self.alternates_dialog = AlternatesDialog(self.session, items, self)
            self.alternates_dialog.open()

        self.session.call(
            lambda _: self.session.terminal.claims.pending(), done, (lambda _: None) if quiet else None
        )

    def sign_out(self) -> None:
        """Ask, then sign the owner out: the music stops and the library waits for them to sign in."""
        owner = self.session.terminal.account.owner
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Sign Out"),
            self.tr("Sign out {owner}?").format(owner=owner) if owner else self.tr("Sign out?"),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("signOutQuestion")
        box.setInformativeText(
            self.tr(
                "Your library, licenses and insurance stay on this computer, but nothing plays until you "
                "sign in again."
            )
        )
        go = box.addButton(self.tr("Sign Out"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(go)
        self.sign_out_box = box
        box.buttonClicked.connect(lambda button: self._signing_out() if button is go else None)
        box.open()

    def _signing_out(self) -> None:
        self._first_run_allowed = False  # the library page says how to sign in; no dialog pops up
        self.session.sign_out()

    def show_error(self, error: PlayerError) -> None:
        title, text = describe(error)
        self.messages.show_message("error", title, text)
