"""First run: sign up or sign in, the terms shown before accepting, insured, then the store; and the way
back (Retry, Work offline) when the insurer cannot be reached."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from player import words
from player.errors import UsageError
from player.protocol.policy import PolicyState
from player.ui.session import UiSession
from player.ui.shell.first_run import FirstRunDialog, Outcome, Page
from tests.conftest import StartBackend
from tests.support.backend import Backend
from tests.ui.conftest import PASSWORD, MakeSession, unique_name

WAIT = 30_000


def open_first_run(qtbot: QtBot, session: UiSession) -> FirstRunDialog:
    dialog = FirstRunDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT)
    return dialog


def settle(qtbot: QtBot, dialog: FirstRunDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT)


def type_account(qtbot: QtBot, dialog: FirstRunDialog, user: str, password: str, confirm: str = "") -> None:
    for edit in (dialog.username, dialog.password, dialog.confirm):
        edit.clear()
    qtbot.keyClicks(dialog.username, user)
    qtbot.keyClicks(dialog.password, password)
    if dialog.signing_up:
        qtbot.keyClicks(dialog.confirm, confirm or password)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def test_sign_up_then_the_terms_before_accepting_then_insured_then_the_store(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = make_session(module_backend.url)  # a fresh install: no account on this computer
    dialog = open_first_run(qtbot, session)
    assert dialog.pages.currentIndex() == Page.ACCOUNT
    assert dialog.signing_up and dialog.confirm.isVisible()
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password  # the password is hidden

    name = unique_name("taro")
    type_account(qtbot, dialog, name, PASSWORD)
    with qtbot.waitSignal(dialog.signed_in, timeout=WAIT):
        qtbot.mouseClick(dialog.account_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)

    # The terms are on screen, and nothing is insured until they are accepted.
    assert dialog.pages.currentIndex() == Page.INSURE
    terms = dialog.terms
    assert terms is not None
    assert dialog.terms_summary.text() == words.amounts_as_ours(terms.summary)
    assert f"¥{terms.price_difference_limit} more" in dialog.terms_summary.text()  # as in the numbers
    assert f"{terms.relicensing_limit_per_track} times per track" == dialog.terms_fields["per_track"].text()
    assert f"{terms.relicensing_limit_total} times in total" == dialog.terms_fields["total"].text()
    assert f"¥{terms.price_difference_limit}" in dialog.terms_fields["price_difference"].text()
    # Each provider's premium as charged: Aurora 8%, Blue Harbor 10% (one figure would be wrong for one)
    premium = dialog.terms_fields["premium"].text()
    assert premium.startswith("8% of the price at Aurora Records, 10% at Blue Harbor Music"), premium
    assert (
        dialog.terms_fields["insurer"].text().replace(" ", "").replace("\n", "") == terms.insurer_fingerprint
    )
    assert f"¥{terms.every_play_premium_yen_per_track} instead of ¥{terms.premium_yen_per_track}" in (
        dialog.every_play_note.text()
    )
    assert "25% lower" in dialog.every_play.text()
    assert not dialog.every_play.isChecked()  # the standard policy unless the user picks the other
    assert not dialog.accept_terms.isChecked()
    assert not dialog.insure_button.isEnabled()
    with pytest.raises(UsageError):
        session.terminal.account.policy_id()

    dialog.accept_terms.click()
    assert dialog.insure_button.isEnabled()
    with qtbot.waitSignal(dialog.insured, timeout=WAIT) as insured:
        qtbot.mouseClick(dialog.insure_button, Qt.MouseButton.LeftButton)
    policy = insured.args[0]
    assert policy.state is PolicyState.PROVISIONAL and policy.insured == name
    assert not policy.check_every_play and policy.premium_yen_per_track == terms.premium_yen_per_track
    assert dialog.pages.currentIndex() == Page.DONE
    assert "is in force until" in dialog.done_text.text()
    assert policy.contract_id not in dialog.done_text.text()  # the contract number is under Advanced

    with qtbot.waitSignal(dialog.open_store, timeout=1000):
        qtbot.mouseClick(dialog.store_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome is Outcome.STORE
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    assert not dialog.isVisible()
    assert session.terminal.account.policy().contract_id == policy.contract_id


def test_the_cheaper_policy_that_checks_every_play_can_be_chosen(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = make_session(module_backend.url)
    dialog = open_first_run(qtbot, session)
    type_account(qtbot, dialog, unique_name("kei"), PASSWORD)
    with qtbot.waitSignal(dialog.signed_in, timeout=WAIT):
        qtbot.mouseClick(dialog.account_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    terms = dialog.terms
    assert terms is not None and terms.every_play_premium_yen_per_track < terms.premium_yen_per_track
    dialog.every_play.click()
    dialog.accept_terms.click()
    with qtbot.waitSignal(dialog.insured, timeout=WAIT) as insured:
        qtbot.mouseClick(dialog.insure_button, Qt.MouseButton.LeftButton)
    policy = insured.args[0]
    assert policy.check_every_play and policy.premium_yen_per_track == terms.every_play_premium_yen_per_track


def test_what_is_typed_is_checked_inline_before_and_after_the_insurer(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    taken = unique_name("taken")
    make_session(module_backend.url, "other", user=taken)
    session = make_session(module_backend.url)
    dialog = open_first_run(qtbot, session)

    for user, password, confirm, message in (
        ("", PASSWORD, PASSWORD, "Enter a user name."),
        ("a b", PASSWORD, PASSWORD, "A user name is 2 to 32 letters"),
        ("hanako", "short", "short", "at least 8 characters"),
        ("hanako", PASSWORD, PASSWORD + "!", "The two passwords differ."),
    ):
        type_account(qtbot, dialog, user, password, confirm)
        qtbot.mouseClick(dialog.account_button, Qt.MouseButton.LeftButton)
        assert not dialog.busy  # refused here, without asking the insurer
        assert dialog.account_error.isVisible()
        assert message in dialog.account_error.text()
    qtbot.keyClicks(dialog.username, "x")  # typing again clears the message
    assert not dialog.account_error.isVisible()

    # The insurer's own refusals land in the same place.
    type_account(qtbot, dialog, taken, PASSWORD)
    qtbot.mouseClick(dialog.account_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    assert dialog.pages.currentIndex() == Page.ACCOUNT
    assert "is taken" in dialog.account_error.text()

    dialog.mode.setCurrentIndex(1)  # sign in instead, with a wrong password
    assert not dialog.confirm.isVisible() and dialog.account_button.text() == "Sign in"
    type_account(qtbot, dialog, taken, "wrong password")
    qtbot.mouseClick(dialog.account_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    assert dialog.pages.currentIndex() == Page.ACCOUNT
    assert "password is wrong" in dialog.account_error.text()
    assert "Traceback" not in dialog.account_error.text()


def test_signed_in_but_not_insured_starts_at_the_insurance_step(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = make_session(module_backend.url, user=unique_name())
    dialog = open_first_run(qtbot, session)
    assert dialog.pages.currentIndex() == Page.INSURE
    assert dialog.terms is not None and dialog.accept_terms.isEnabled()
    assert not dialog.insure_button.isEnabled()


def test_signing_in_on_a_new_computer_to_an_insured_account(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    name = unique_name()
    make_session(module_backend.url, "first-computer", user=name, insured=True)
    session = make_session(module_backend.url, "second-computer")
    dialog = open_first_run(qtbot, session)
    dialog.mode.setCurrentIndex(1)
    type_account(qtbot, dialog, name, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # Enter submits
    settle(qtbot, dialog)
    # This computer holds no policy of its own yet: the insurance step, terms first.
    assert dialog.pages.currentIndex() == Page.INSURE
    assert session.signed_in


def test_unreachable_insurer_then_retry_goes_on_where_it_stopped(
    qtbot: QtBot, make_session: MakeSession, start_backend: StartBackend
) -> None:
    port = free_port()
    session = make_session(f"http://127.0.0.1:{port}", timeout=3)
    dialog = open_first_run(qtbot, session)
    assert dialog.pages.currentIndex() == Page.CONNECT
    assert dialog.connect_title.text() == "The insurer cannot be reached"
    assert "work offline" in dialog.connect_text.text()
    assert dialog.retry_button.isEnabled() and dialog.offline_button.isEnabled()

    qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)  # still away
    settle(qtbot, dialog)
    assert dialog.connect_title.text() == "The insurer cannot be reached"

    with start_backend("--port", str(port)):  # the insurer is back
        qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
        settle(qtbot, dialog)
        assert dialog.pages.currentIndex() == Page.ACCOUNT
        type_account(qtbot, dialog, unique_name(), PASSWORD)
        qtbot.mouseClick(dialog.account_button, Qt.MouseButton.LeftButton)
        settle(qtbot, dialog)
        assert dialog.pages.currentIndex() == Page.INSURE
    # It went away again while the terms were read: accepting says so and offers the way back.
    qtbot.waitUntil(lambda: not session.tasks.busy, timeout=WAIT)
    dialog.accept_terms.click()
    qtbot.mouseClick(dialog.insure_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    assert dialog.pages.currentIndex() == Page.CONNECT
    assert dialog.connect_title.text() == "The insurer cannot be reached"


def test_work_offline_closes_the_dialog_and_the_library_stays(
    qtbot: QtBot, make_session: MakeSession
) -> None:
    session = make_session(f"http://127.0.0.1:{free_port()}", timeout=3)
    dialog = open_first_run(qtbot, session)
    assert dialog.pages.currentIndex() == Page.CONNECT
    with qtbot.waitSignal(dialog.work_offline, timeout=1000):
        qtbot.mouseClick(dialog.offline_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome is Outcome.OFFLINE
    assert dialog.result() == FirstRunDialog.DialogCode.Rejected
    assert not dialog.isVisible()
    session.refresh_library()  # the library still answers from the cache
    qtbot.waitUntil(lambda: not session.tasks.busy, timeout=WAIT)
    assert session.library == []
