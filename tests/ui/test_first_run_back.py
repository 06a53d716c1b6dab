"""First run, step by step: the line above the pages bolds the step shown and no other, and every step
after the first has a Back button: live while going back undoes nothing (an insurer chosen, before any
account), greyed with its reason once the step behind it cannot be undone (an account made, a policy
taken out)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from player.ui.shell.first_run import FirstRunDialog, Page
from tests.support.backend import Backend
from tests.ui.conftest import PASSWORD, MakeSession, unique_name
from tests.ui.test_first_run import open_first_run, settle, type_account
from tests.ui.visible_text import assert_words_plain

WAIT = 30_000


def bold(dialog: FirstRunDialog) -> list[str]:
    """The steps the line above the pages shows in bold."""
    return re.findall(r"<b>(.*?)</b>", dialog.steps.text())


def back_shown(dialog: FirstRunDialog) -> QPushButton | None:
    """The Back button of the page shown, if it has one the user can see."""
    page = dialog.pages.currentWidget()
    assert page is not None
    found = [b for b in page.findChildren(QPushButton) if b.text() == "Back" and b.isVisible()]
    assert len(found) <= 1
    return found[0] if found else None


def sign_up(qtbot: QtBot, dialog: FirstRunDialog) -> None:
    type_account(qtbot, dialog, unique_name("mio"), PASSWORD)
    with qtbot.waitSignal(dialog.signed_in, timeout=WAIT):
        qtbot.mouseClick(dialog.account_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)


def insure(qtbot: QtBot, dialog: FirstRunDialog) -> None:
    dialog.accept_terms.setChecked(True)
    with qtbot.waitSignal(dialog.insured, timeout=WAIT):
        qtbot.mouseClick(dialog.insure_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)


def assert_no_way_back(dialog: FirstRunDialog, because: str) -> None:
    """Back in its place, greyed, saying why (to the eye on hover, and to a screen reader)."""
    back = back_shown(dialog)
    assert back is not None, "the step has no Back button"
    assert not back.isEnabled()
    assert because in back.toolTip() and back.toolTip() == back.accessibleDescription()
    shown = dialog.pages.currentIndex()
    back.click()  # greyed: nothing happens
    assert dialog.pages.currentIndex() == shown


def test_with_several_insurers_back_returns_to_the_choice_until_the_account_is_made(
    qtbot: QtBot, make_session: MakeSession, two_insurers: Backend
) -> None:
    dialog = open_first_run(qtbot, make_session(two_insurers.url))
    assert dialog.pages.currentIndex() == Page.CHOOSE
    assert bold(dialog) == ["1. Your insurer"]  # not the account: the user is choosing the insurer
    assert back_shown(dialog) is None  # the first step

    first = dialog.choice.choices[0]
    qtbot.waitUntil(first.isVisible)
    first.click()
    settle(qtbot, dialog)
    assert dialog.pages.currentIndex() == Page.ACCOUNT and bold(dialog) == ["2. Your account"]
    back = back_shown(dialog)
    assert back is not None and back.isEnabled()
    back.click()
    assert dialog.pages.currentIndex() == Page.CHOOSE and bold(dialog) == ["1. Your insurer"]

    second = dialog.choice.choices[1]
    qtbot.waitUntil(second.isVisible)
    second.click()
    settle(qtbot, dialog)
    assert bold(dialog) == ["2. Your account"]
    sign_up(qtbot, dialog)
    assert dialog.pages.currentIndex() == Page.INSURE and bold(dialog) == ["3. Insurance"]
    assert_no_way_back(dialog, "account")
    assert_words_plain()

    insure(qtbot, dialog)
    assert dialog.pages.currentIndex() == Page.DONE and bold(dialog) == ["4. The store"]
    assert_no_way_back(dialog, "insurance")


def test_with_one_insurer_the_account_is_the_first_step_and_has_no_back(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    dialog = open_first_run(qtbot, make_session(module_backend.url))
    assert dialog.pages.currentIndex() == Page.ACCOUNT
    assert bold(dialog) == ["1. Your account"]
    assert back_shown(dialog) is None  # nothing before it
    sign_up(qtbot, dialog)
    assert dialog.pages.currentIndex() == Page.INSURE and bold(dialog) == ["2. Insurance"]
    assert_no_way_back(dialog, "account")
    insure(qtbot, dialog)
    assert bold(dialog) == ["3. The store"]
    assert_no_way_back(dialog, "insurance")


def test_an_account_insured_already_opens_at_the_end_with_no_step_to_go_back_to(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = make_session(module_backend.url, user=unique_name(), insured=True)
    dialog = open_first_run(qtbot, session)  # e.g. Take Out Insurance, from a window already insured
    assert dialog.pages.currentIndex() == Page.DONE and bold(dialog) == ["3. The store"]
    assert_no_way_back(dialog, "insured already")
