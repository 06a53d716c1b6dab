"""The first-run dialog's four pages (connect, account, insurance, done) and the account rules checked
before anything is sent: the widgets, and the terms and the policy put into their words; `first_run.py`
wires them and says what happens, `first_run_steps.py` names the steps and gives each its Back.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from player import words
from player.language import SOURCE_LANGUAGE, spoken, translate
from player.terminal import Policy, PolicyState
from player.ui.kit.fit import scrolling
from player.ui.kit.tables import page_heading
from player.ui.session import UiSession
from player.ui.shell.first_run_steps import Page as Page  # where the dialog names the pages
from player.ui.shell.first_run_steps import back_button, steps_text
from player.ui.store.preparing import CatalogPreparing

if TYPE_CHECKING:
    from player.terminal import Terms


# The insurer's rules for a user name and a password (mock_backend/routes/accounts.py), checked here
# first so a typo gets its message at once, inline, without a round trip.
USERNAME = re.compile(r"[A-Za-z0-9_.-]{2,32}")
MIN_PASSWORD = 8


def check_account(username: str, password: str, confirm: str | None) -> str:
    """The first thing wrong with what was typed, in words; "" when it may be sent."""
    if not username:
        return translate("FirstRunPages", "Enter a user name.")
    if not USERNAME.fullmatch(username):
        return translate(
            "FirstRunPages", "A user name is 2 to 32 letters, digits, dots, dashes or underscores."
        )
    if not password:
        return translate("FirstRunPages", "Enter your password.")
    if confirm is not None and len(password) < MIN_PASSWORD:
        return translate("FirstRunPages", "Choose a password of at least {n} characters.").format(
            n=MIN_PASSWORD
        )
    if confirm is not None and password != confirm:
        return translate("FirstRunPages", "The two passwords differ.")
    return ""


def _wrapped(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class FirstRunPages(QDialog):
    """Builds the pages' widgets as attributes of the dialog (the tests and the dialog reach them there)."""

    session: UiSession  # set by the dialog before the pages are built
    steps: QLabel  # the steps above the pages
    choosing: bool  # the backend hosts several insurers: choosing one is the first step

    def _show_steps(self, index: int) -> None:
        self.steps.setText(steps_text(index, self.choosing))

    def _connect_page(self) -> QWidget:
        page = QWidget()
        self.connect_title = page_heading(self.tr("Contacting the insurer…"))
        self.connect_text = _wrapped()
        self.connect_server = _wrapped()
        self.connect_server.setEnabled(False)  # a quieter line: where the player looks for the insurer
        self.connect_busy = QProgressBar()
        self.connect_busy.setRange(0, 0)
        self.connect_busy.setAccessibleName(self.tr("Contacting the insurer"))
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setAccessibleName(self.tr("Try to reach the insurer again"))
        self.offline_button = QPushButton(self.tr("Work offline"))
        self.offline_button.setAccessibleName(self.tr("Close this and use the library offline"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.offline_button)
        buttons.addWidget(self.retry_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.connect_title)
        layout.addWidget(self.connect_text)
        layout.addWidget(self.connect_server)
        layout.addWidget(self.connect_busy)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _account_page(self) -> QWidget:
        page = QWidget()
        self.mode = QTabBar()
        self.mode.setObjectName("accountMode")
        self.mode.addTab(self.tr("Create an account"))
        self.mode.addTab(self.tr("Sign in"))
        self.mode.setAccessibleName(self.tr("New account or sign in"))
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setAccessibleName(self.tr("User name"))
        self.username.setMaxLength(32)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setObjectName("confirmPassword")
        self.confirm.setAccessibleName(self.tr("Password again"))
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_label = QLabel(self.tr("Password again:"))
        self.email = QLineEdit()
        self.email.setObjectName("email")
        self.email.setAccessibleName(self.tr("E-mail address, optional"))
        self.email.setMaxLength(254)
        self.email.setPlaceholderText(self.tr("optional"))
        self.email.setToolTip(
            self.tr(
                "Insurers know one person by it across companies, and keep only a code made from it: a "
                "loss is compensated once, however many insurers insure the track."
            )
        )
        self.email_label = QLabel(self.tr("E-mail:"))
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.confirm_label, self.confirm)
        form.addRow(self.email_label, self.email)
        self.account_error = _wrapped()
        self.account_error.setObjectName("accountError")
        self.account_error.setStyleSheet(
            "color: white; background: #b3261e; padding: 6px; border-radius: 3px;"
        )
        self.account_error.hide()
        self.account_button = QPushButton(self.tr("Create account"))
        self.account_button.setObjectName("accountButton")
        self.account_button.setDefault(True)
        self.back_to_insurers = back_button("backToInsurers")  # to the insurer choice, when there was one
        self.back_to_insurers.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_to_insurers)
        buttons.addStretch(1)
        buttons.addWidget(self.account_button)
        layout = QVBoxLayout(page)
        layout.addWidget(page_heading(self.tr("Your account with the insurer")))
        layout.addWidget(
            _wrapped(
                self.tr(
                    "Your purchases and their insurance belong to your account. "
                    "The password goes to the insurer only; this computer keeps a session key in its "
                    "keyring."
                )
            )
        )
        layout.addWidget(self.mode)
        layout.addLayout(form)
        layout.addWidget(self.account_error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _insure_page(self) -> QWidget:
        page = QWidget()
        self.terms_summary = _wrapped(self.tr("Loading the terms…"))
        self.terms_summary.setObjectName("termsSummary")
        self.terms_sent = _wrapped()  # the insurer's own sentence, where the player speaks another language
        self.terms_sent.setObjectName("termsSent")
        self.terms_sent.hide()
        self.terms_fields: dict[str, QLabel] = {}
        box = QGroupBox(self.tr("The terms in numbers"))
        form = QFormLayout(box)
        for key, text in (
            ("premium", self.tr("Premium")),
            ("guarantee", self.tr("Guarantee period")),
            ("waiting", self.tr("Waiting period")),
            ("per_track", self.tr("Re-licensing limit per track")),
            ("total", self.tr("Re-licensing limit in total")),
            ("price_difference", self.tr("Price difference limit")),
            ("insurer", self.tr("Insurer key fingerprint")),
        ):
            label = _wrapped("—")
            label.setObjectName(f"terms_{key}")
            label.setAccessibleName(text)
            self.terms_fields[key] = label
            form.addRow(self.tr("{field}:").format(field=text), label)
        self.terms_fields["insurer"].setWordWrap(False)
        self.terms_fields["insurer"].setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.every_play = QCheckBox(self.tr("Check with the insurer on every play (a lower premium)"))
        self.every_play.setObjectName("everyPlay")
        self.every_play.setToolTip(
            self.tr(
                "While online, each play first asks the insurer whether the license is still valid, so a "
                "track replaced from another computer stops at once. Offline, tracks play as usual."
            )
        )
        # Claim 32: the license and its audio may be insured apart, at different insurers
        self._every_play_terms: tuple[float, dict[str, int], int] = (0.0, {}, 0)  # from the terms shown
        self.coverage = QComboBox()
        self.coverage.setObjectName("coverage")
        self.coverage.setAccessibleName(self.tr("What the policy covers"))
        self.coverage_texts = (
            ("full", self.tr("The license and the audio")),
            ("license", self.tr("The license only (you keep the audio yourself)")),
            ("contents", self.tr("The audio only (of tracks whose license another insurer covers)")),
        )
        for value, text in self.coverage_texts:
            self.coverage.addItem(text, value)
        self.coverage.currentIndexChanged.connect(self.note_every_play)
        self.every_play_note = _wrapped()
        self.every_play_note.setObjectName("everyPlayNote")
        self.every_play_note.setContentsMargins(24, 0, 0, 0)  # under the box's text, not its tick
        self.accept_terms = QCheckBox(self.tr("I have read these terms and accept them"))
        self.accept_terms.setObjectName("acceptTerms")
        self.accept_terms.setEnabled(False)
        self.insure_error = _wrapped()
        self.insure_error.hide()
        self.insure_button = QPushButton(self.tr("Take out insurance"))
        self.insure_button.setObjectName("insureButton")
        self.insure_button.setEnabled(False)
        self.back_from_insurance = back_button("backFromInsurance")  # greyed: the account stands
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_from_insurance)
        buttons.addWidget(self.accept_terms)
        buttons.addStretch(1)
        buttons.addWidget(self.insure_button)
        terms = QWidget()  # scrolls on a short screen; the heading and the buttons stay in view
        terms_layout = QVBoxLayout(terms)
        terms_layout.setContentsMargins(0, 0, 0, 0)
        terms_layout.addWidget(self.terms_summary)
        terms_layout.addWidget(self.terms_sent)
        terms_layout.addWidget(box)
        covers = QFormLayout()
        covers.addRow(self.tr("Covers:"), self.coverage)
        terms_layout.addLayout(covers)
        terms_layout.addWidget(self.every_play)
        terms_layout.addWidget(self.every_play_note)
        terms_layout.addWidget(self.insure_error)
        terms_layout.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(page_heading(self.tr("Take out insurance")))
        layout.addWidget(scrolling(terms), 1)
        layout.addLayout(buttons)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.done_text = _wrapped()
        self.done_text.setObjectName("doneText")
        self.store_button = QPushButton(self.tr("Go to the store"))
        self.store_button.setObjectName("storeButton")
        self.store_button.setDefault(True)
        self.back_from_done = back_button("backFromDone")  # greyed: the policy stands
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_from_done)
        buttons.addStretch(1)
        buttons.addWidget(self.store_button)
        # the store's catalog, if the insurer is still preparing it (the dialog asks when it shows this)
        self.catalog_preparing = CatalogPreparing(self.session)
        layout = QVBoxLayout(page)
        layout.addWidget(page_heading(self.tr("You are insured")))
        layout.addWidget(self.done_text)
        layout.addWidget(self.catalog_preparing)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    # --- what the pages say ----------------------------------------------------------------------

    def fill_terms(self, terms: Terms) -> None:
        """The terms in numbers, as the insurer sent them."""
        f = self.terms_fields
        sent = words.amounts_as_ours(terms.summary)  # the insurer's own sentence, ¥ as ours
        if spoken() == SOURCE_LANGUAGE:  # the insurer's language: its own words say it
            self.terms_summary.setText(sent)
            self.terms_sent.hide()
        else:
            self.terms_summary.setText(words.terms_said(terms))
            self.terms_sent.setText(self.tr("As the insurer wrote them: {terms}").format(terms=sent))
            self.terms_sent.show()
        charged = [(p.name, p.rate) for p in terms.provider_premiums]
        rate = words.premium_rates(charged) or self.tr("{rate} of the price").format(
            rate=words.percent(terms.premium_rate)
        )
        f["premium"].setText(self.tr("{rate}, paid with each purchase").format(rate=rate))
        for index, (value, text) in enumerate(self.coverage_texts):  # each premium for a standard track
            premium = terms.coverage_premiums.get(value)
            shown = text if premium is None else self.tr("{cover}: {premium} a track")
            self.coverage.setItemText(index, shown.format(cover=text, premium=words.yen(premium or 0)))
        f["guarantee"].setText(
            words.count(
                terms.guarantee_days,
                self.tr("{n} day from the contract"),
                self.tr("{n} days from the contract"),
            )
        )
        f["waiting"].setText(
            self.tr("None: claims are accepted from the day of the contract")
            if terms.waiting_days == 0
            else words.count(
                terms.waiting_days,
                self.tr("{n} day: claims are accepted after that"),
                self.tr("{n} days: claims are accepted after that"),
            )
        )
        f["per_track"].setText(
            words.count(
                terms.relicensing_limit_per_track,
                self.tr("{n} time per track"),
                self.tr("{n} times per track"),
            )
        )
        f["total"].setText(
            words.count(
                terms.relicensing_limit_total, self.tr("{n} time in total"), self.tr("{n} times in total")
            )
        )
        f["price_difference"].setText(
            self.tr("An alternate may cost up to {amount} more").format(
                amount=words.yen(terms.price_difference_limit)
            )
        )
        f["insurer"].setText(words.fingerprint(terms.insurer_fingerprint, 8))
        discount = 1 - terms.every_play_premium_yen_per_track / max(1, terms.premium_yen_per_track)
        self.every_play.setText(
            self.tr("Check with the insurer on every play: premiums {percent} lower").format(
                percent=words.percent(round(discount, 2))
            )
        )
        self._every_play_terms = (discount, terms.coverage_premiums, terms.premium_yen_per_track)
        self.note_every_play()

    def note_every_play(self, *_: object) -> None:
        """The every-play saving on a typical track, under the cover chosen (its own premium)."""
        discount, by_cover, standard = self._every_play_terms
        usual = by_cover.get(str(self.coverage.currentData()), standard)
        self.every_play_note.setText(
            self.tr(
                "{every_play} instead of {usual} on a typical track. While online, each play first asks the "
                "insurer whether the license is still valid; offline, tracks play as usual."
            ).format(every_play=words.yen(round(usual * (1 - discount))), usual=words.yen(usual))
        )

    def fill_done(self, policy: Policy | None) -> None:
        """The last page: the policy taken out now (None: the account was insured already)."""
        if policy is None:
            self.done_text.setText(
                self.tr("Your account is insured already. The store has both providers' catalogs.")
            )
        elif policy.state is PolicyState.PROVISIONAL:
            self.done_text.setText(
                self.tr(
                    "Your policy is in force until {day}. It becomes official with your first insured "
                    "purchase. Every track you buy in the store is insured under it: if it is lost, the "
                    "insurer re-distributes it. The Insurance page shows the conditions and what is left."
                ).format(day=words.long_day(policy.guarantee_end))
            )
        else:
            self.done_text.setText(
                self.tr(
                    "Your policy is in force until {day}. It is official. Every track you buy in the store "
                    "is insured under it: if it is lost, the insurer re-distributes it. The Insurance page "
                    "shows the conditions and what is left."
                ).format(day=words.long_day(policy.guarantee_end))
            )
