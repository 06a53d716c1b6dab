"""A signed-in user without a policy who clicks "take out insurance" on the Store or the Insurance page
gets the first-run dialog at its insurance step, from inside the main window."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from player.ui.shell.first_run import FirstRunDialog, Page
from player.ui.shell.main_window import MainWindow
from player.ui.shell.window_actions import INSURANCE, STORE
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession, unique_name
from tests.ui.test_store import confirm
from tests.ui.window_helpers import WAIT, open_window


def _first_run_opens_at_insurance(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(
        lambda: isinstance(window.dialog, FirstRunDialog) and window.dialog.isVisible(), timeout=WAIT
    )
    dialog = window.dialog
    assert isinstance(dialog, FirstRunDialog)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == Page.INSURE, timeout=WAIT)


def test_the_insurance_pages_take_out_insurance_opens_the_first_run_dialog(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    window = open_window(qtbot, make_session(module_backend.url, user=unique_name()))  # not insured
    window.show_section(INSURANCE)
    page = window.insurance
    qtbot.waitUntil(lambda: page.loaded and page.notice.title.text() == "No insurance yet", timeout=WAIT)
    assert window.dialog is None
    page.notice.action.click()
    _first_run_opens_at_insurance(qtbot, window)


def test_the_stores_get_insured_opens_the_first_run_dialog(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    window = open_window(qtbot, make_session(module_backend.url, user=unique_name()))  # not insured
    window.show_section(STORE)
    store = window.store
    qtbot.waitUntil(lambda: store.loaded, timeout=WAIT)
    assert store.select("aurora-0002")
    store.buy_selected()
    confirm(qtbot, store)
    qtbot.waitUntil(lambda: store.buying is None and store.notice.isVisible(), timeout=WAIT)
    assert store.notice.title.text() == "Take out insurance first"
    assert window.dialog is None
    store.notice.action.click()
    _first_run_opens_at_insurance(qtbot, window)
