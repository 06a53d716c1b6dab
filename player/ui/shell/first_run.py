"""First run: sign up or sign in, take out insurance with the terms shown first, then
the store. When the insurer cannot be reached the dialog says so and offers Retry or "Work offline".

The dialog only asks the core (through the session's worker) and shows what it says: where to start is
decided from the terminal's own state (reachable? signed in? insured?), so a user who is signed in but not
insured starts at the insurance step. The main window reads `outcome` (or listens to `open_store` /
`work_offline`) to switch to the Store page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from player import words
from player.errors import BackendError, BackendRefusedError, PlayerError, UsageError
from player.language import translate
from player.terminal import Policy
from player.ui.kit.fit import fit_to_screen
from player.ui.kit.guard import while_alive
from player.ui.kit.messages import describe, what_happened
from player.ui.kit.tasks import Progress
from player.ui.session import UiSession
from player.ui.shell.first_run_pages import FirstRunPages, check_account
from player.ui.shell.first_run_pages import Page as Page  # where the tests and the window name the pages
from player.ui.shell.first_run_steps import INSURED_ALREADY, INSURED_NOW, SIGNED_IN, no_way_back
from player.ui.shell.insurer_choice import InsurerChoice

if TYPE_CHECKING:
    from player.terminal import InsurerListing, Terminal, Terms


T = TypeVar("T")


class Outcome(Enum):
    STORE = "store"  # finished: show the store
    OFFLINE = "offline"  # the insurer cannot be reached and the user chose to work offline
    CANCELLED = "cancelled"  # closed before the end


@dataclass(frozen=True)
class _Where:
    online: bool
    signed_in: bool
    insured: bool
    error: PlayerError | None = None
    insurers: tuple[InsurerListing, ...] = ()  # to choose from, for a library with no owner yet


class FirstRunDialog(FirstRunPages):
    open_store = Signal()
    work_offline = Signal()
    signed_in = Signal(str)  # user ID
    insured = Signal(object)  # the Policy

    def __init__(
        self, session: UiSession, parent: QWidget | None = None, desk: Terminal | None = None
    ) -> None:
        """`desk`: sign up and insure at another insurer, beside the first (its desk, joined already)."""
        super().__init__(parent)
        self.session = session
        self.terminal = desk or session.terminal
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("Welcome to Insured Player"))
        self.setMinimumSize(560, 420)
        fit_to_screen(self, QSize(660, 580))  # the terms read without scrolling where there is room
        self.outcome = Outcome.CANCELLED
        self.busy = False
        self.terms: Terms | None = None
        self.policy: Policy | None = None
        self.choosing = False  # the backend hosts several insurers: the user chooses one first
        self.pages = QStackedWidget()
        self.pages.addWidget(self._connect_page())
        self.pages.addWidget(self._account_page())
        self.pages.addWidget(self._insure_page())
        self.pages.addWidget(self._done_page())
        self.choice = InsurerChoice()
        self.pages.addWidget(self.choice)
        self.steps = QLabel()
        self.steps.setObjectName("firstRunSteps")
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.pages.currentChanged.connect(self._show_steps)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addWidget(line)
        layout.addWidget(self.pages, 1)
        self._wire()
        self._show_steps(Page.CONNECT)
        self.retry()

    def _wire(self) -> None:
        self.retry_button.clicked.connect(self.retry)
        self.offline_button.clicked.connect(self._work_offline)
        self.mode.currentChanged.connect(self._mode_changed)
        for edit in (self.username, self.password, self.confirm, self.email):
            edit.textEdited.connect(self._typed)
            edit.returnPressed.connect(self.submit_account)
        self.account_button.clicked.connect(self.submit_account)
        self.accept_terms.toggled.connect(self._update_insure_button)
        self.insure_button.clicked.connect(self.take_out_insurance)
        self.store_button.clicked.connect(self._finish)
        self.choice.chosen.connect(self._insurer_chosen)
        self.back_to_insurers.clicked.connect(lambda: self.pages.setCurrentIndex(Page.CHOOSE))
        no_way_back(self.back_from_insurance, SIGNED_IN)  # the account, made or signed in to, stands

    # --- where to start, and the way back when the insurer is away ---------------------------------

    def retry(self) -> None:
        """Find out where the user stands (reachable? signed in? insured?) and show that step."""
        if self.busy:
            return
        self._show_checking()
        terminal = self.terminal

        def work(_: Progress) -> _Where:
            if not terminal.connection.reachable():
                return _Where(False, False, False)
            try:
                terminal.account.require_sign_in()
            except UsageError:
                if terminal.account.owner or terminal is not self.session.terminal:  # a desk: chosen
                    return _Where(True, False, False)
                try:
                    listed = tuple(terminal.insurers.directory())
                except BackendRefusedError:  # a backend of one insurer, from before it listed them
                    listed = ()
                return _Where(True, False, False, insurers=listed)
            try:
                terminal.account.policy_id()
            except UsageError:
                return _Where(True, True, False)
            return _Where(True, True, True)

        self._run(work, self._arrived, self._unreachable)

    def _show_checking(self) -> None:
        self.pages.setCurrentIndex(Page.CONNECT)
        self.connect_title.setText(self.tr("Contacting the insurer…"))
        self.connect_text.setText(self.tr("The insurer keeps your account and your insurance."))
        # Said in words, never as an address: whoever gave one (--server, INSURED_PLAYER_SERVER) knows it.
        bundled = self.terminal.connection.server_id == "bundled"
        self.connect_server.setText(
            self.tr("Insurer: the backend bundled with the player")
            if bundled
            else self.tr("Insurer: the server the player was started with")
        )
        self.connect_busy.show()
        self.retry_button.setEnabled(False)
        self.offline_button.setEnabled(False)

    def _arrived(self, where: _Where) -> None:
        if not where.online:
            self._unreachable(None)
        elif not where.signed_in and len(where.insurers) > 1:
            self.choosing = True  # an account is one insurer's: the way back to the choice stays open
            self.choice.show_insurers(list(where.insurers))
            self.pages.setCurrentIndex(Page.CHOOSE)
        elif not where.signed_in:
            self._show_account()
        elif not where.insured:
            self._show_insure()
        else:
            self._show_done(None)

    def _insurer_chosen(self, insurer_id: str) -> None:
        """The library becomes that insurer's (its key is pinned at the first contact), then the account."""
        terminal = self.terminal

        self._run(
            lambda _: terminal.at_insurer(insurer_id), lambda _: self._show_account(), self._unreachable
        )

    def _show_account(self) -> None:
        self.back_to_insurers.setVisible(self.choosing)
        self.pages.setCurrentIndex(Page.ACCOUNT)
        owner = self.terminal.account.owner
        if owner:  # the library's owner, back after signing out: sign in, as them
            self.mode.setCurrentIndex(1)
            self.username.setText(owner)
            self.password.setFocus()
        else:
            self.username.setFocus()

    def _unreachable(self, error: PlayerError | None) -> None:
        """The way back: say what happened, then Retry, or work offline (the library plays from cache)."""
        self.pages.setCurrentIndex(Page.CONNECT)
        self.connect_busy.hide()
        self.retry_button.setEnabled(True)
        self.offline_button.setEnabled(True)
        if error is not None and not isinstance(error, BackendError):
            title, text = describe(error)
            self.connect_title.setText(title)
            self.connect_text.setText(text)
            return
        self.connect_title.setText(self.tr("The insurer cannot be reached"))
        text = self.tr(
            "Signing up, taking out insurance and buying need a connection. "
            "Check your connection and retry, or work offline: tracks you already have keep playing."
        )
        if error is not None:
            text = translate("Words", "{sentence} {next}", "two sentences in a row").format(
                sentence=words.sentence(what_happened(error)), next=text
            )
        self.connect_text.setText(text)
        self.retry_button.setFocus()

    def _work_offline(self) -> None:
        self.outcome = Outcome.OFFLINE
        self.work_offline.emit()
        self.reject()

    # --- account ---------------------------------------------------------------------------------

    @property
    def signing_up(self) -> bool:
        return self.mode.currentIndex() == 0

    def _mode_changed(self, _: int) -> None:
        for widget in (self.confirm, self.confirm_label, self.email, self.email_label):
            widget.setVisible(self.signing_up)
        self.account_button.setText(self.tr("Create account") if self.signing_up else self.tr("Sign in"))
        self.account_error.hide()

    def _typed(self, _: str) -> None:
        self.account_error.hide()

    def show_account_error(self, text: str) -> None:
        self.account_error.setText(text)
        self.account_error.show()

    def submit_account(self) -> None:
        if self.busy or self.pages.currentIndex() != Page.ACCOUNT:
            return
        username, password = self.username.text().strip(), self.password.text()
        problem = check_account(username, password, self.confirm.text() if self.signing_up else None)
        if problem:
            self.show_account_error(problem)
            return
        self.account_error.hide()
        terminal = self.terminal
        signing_up = self.signing_up
        email = self.email.text().strip() or None
        self.account_button.setText(
            self.tr("Creating the account…") if signing_up else self.tr("Signing in…")
        )

        def work(_: Progress) -> tuple[str, bool]:
            if signing_up:
                user_id = terminal.account.sign_up(username, password, email)
            else:
                user_id = terminal.account.sign_in(username, password)
            try:
                terminal.account.policy_id()
            except UsageError:
                return user_id, False
            return user_id, True

        self._run(work, self._account_done, self._account_failed)

    def _account_done(self, result: tuple[str, bool]) -> None:
        user_id, insured = result
        self.password.clear()
        self.confirm.clear()
        self._mode_changed(self.mode.currentIndex())
        self.signed_in.emit(user_id)
        self.session.signed_in_changed.emit(True)
        self.session.sync()  # the license list and the library of this account
        if insured:
            self._show_done(None)
        else:
            self._show_insure()

    def _account_failed(self, error: PlayerError) -> None:
        self._mode_changed(self.mode.currentIndex())
        if isinstance(error, BackendError):
            self._unreachable(error)
        else:
            self.show_account_error(describe(error)[1])

    # --- insurance -------------------------------------------------------------------------------

    def _show_insure(self) -> None:
        """The terms first (fetched from the insurer); accepting them is a separate, explicit step."""
        self.pages.setCurrentIndex(Page.INSURE)
        self.accept_terms.setChecked(False)
        self.accept_terms.setEnabled(False)
        self.insure_error.hide()
        terminal = self.terminal
        self._run(lambda _: terminal.account.terms(), self._show_terms, self._insure_failed)

    def _show_terms(self, terms: Terms) -> None:
        self.terms = terms
        self.fill_terms(terms)
        self.accept_terms.setEnabled(True)
        self._update_insure_button()

    def _update_insure_button(self, *_: object) -> None:
        self.insure_button.setEnabled(
            self.terms is not None and self.accept_terms.isChecked() and not self.busy
        )

    def take_out_insurance(self) -> None:
        if self.terms is None or not self.accept_terms.isChecked() or self.busy:
            return
        self.insure_button.setText(self.tr("Taking out insurance…"))
        terminal = self.terminal
        every_play, covers = self.every_play.isChecked(), str(self.coverage.currentData())
        self._run(
            lambda _: terminal.account.insure(check_every_play=every_play, coverage=covers),
            self._insured,
            self._insure_failed,
        )

    def _insured(self, policy: Policy) -> None:
        self.insure_button.setText(self.tr("Take out insurance"))
        self.insured.emit(policy)
        self.session.sync()  # the views that show the policy (Insurance) refresh on `synced`
        self._show_done(policy)

    def _insure_failed(self, error: PlayerError) -> None:
        self.insure_button.setText(self.tr("Take out insurance"))
        if isinstance(error, BackendError):
            self._unreachable(error)
            return
        title, text = describe(error)
        self.insure_error.setText(self.tr("{title}: {text}").format(title=title, text=text))
        self.insure_error.show()
        self._update_insure_button()

    # --- done ------------------------------------------------------------------------------------

    def _show_done(self, policy: Policy | None) -> None:
        self.policy = policy
        self.fill_done(policy)
        no_way_back(self.back_from_done, INSURED_ALREADY if policy is None else INSURED_NOW)
        self.pages.setCurrentIndex(Page.DONE)
        self.store_button.setFocus()
        self.catalog_preparing.check()  # ready by now, as a rule; if not, how far it has come

    def _finish(self) -> None:
        self.outcome = Outcome.STORE
        self.open_store.emit()
        self.accept()

    # --- plumbing --------------------------------------------------------------------------------

    def _run(
        self,
        fn: Callable[[Progress], T],
        on_done: Callable[[T], None],
        on_error: Callable[[PlayerError], None],
    ) -> None:
        """One job at a time from this dialog; buttons wait while it runs."""
        self._set_busy(True)

        def done(result: T) -> None:
            self._set_busy(False)
            on_done(result)

        def failed(error: PlayerError) -> None:
            self._set_busy(False)
            on_error(error)

        self.session.call(fn, while_alive(self, done), while_alive(self, failed))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.choice.set_enabled(not busy)
        self.account_button.setEnabled(not busy)
        self.back_to_insurers.setEnabled(not busy)  # not away from an account being made
        self.mode.setEnabled(not busy)
        self.accept_terms.setEnabled(not busy and self.terms is not None)
        self._update_insure_button()
