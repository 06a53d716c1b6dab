"""A choice left for later: the loss dialog was closed before an alternate was chosen. The next session
reminds the user, and File ▸ Choose Alternates… brings the waiting tracks back, as the insurer has them."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from player.redistribution import PENDING
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession, unique_name
from tests.ui.loss_helpers import WAIT, confirm_choice, entries_of, wait_idle
from tests.ui.window_helpers import open_window

DISCONTINUED = "aurora-0009"  # Highway Postcards, Rock


def test_a_lost_track_still_waiting_for_an_alternate_is_offered_again_and_chosen_from_the_window(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = make_session(module_backend.url, user=unique_name("kai"), insured=True)
    terminal = session.terminal
    terminal.purchases.buy(DISCONTINUED)
    module_backend.admin(f"/content/{DISCONTINUED}/discontinue")
    claim, _ = terminal.claims.report_loss([DISCONTINUED])  # and the dialog closed without a choice
    (item,) = claim.items
    assert item.outcome == "alternates_offered"

    window = open_window(qtbot, session, rows=1)
    qtbot.waitUntil(lambda: "waiting for an alternate" in window.messages.title, timeout=WAIT)
    assert window.messages.title == "1 lost track waiting for an alternate"
    assert window.alternates_action.text() == "Choose &Alternates…"

    (choose,) = [b for b in window.messages.findChildren(QPushButton) if b.text() == "Choose…"]
    choose.click()
    qtbot.waitUntil(lambda: window.alternates_dialog is not None, timeout=WAIT)
    dialog = window.alternates_dialog
    assert dialog is not None and dialog.isVisible()
    assert [i.item_id for i in dialog.items] == [item.item_id]
    assert dialog.current().title == "Highway Postcards"  # from the library: the insurer sends no title
    qtbot.waitUntil(lambda: dialog.details_loaded and dialog.model.rowCount() > 0, timeout=WAIT)

    wanted = dialog.selected()
    assert wanted is not None
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # asked first; Cancel takes nothing
    qtbot.waitUntil(lambda: dialog.choice_confirmation is not None, timeout=WAIT)
    box = dialog.choice_confirmation
    assert box is not None
    box.reject()
    qtbot.waitUntil(lambda: dialog.choice_confirmation is None, timeout=WAIT)
    assert [i.item_id for i in terminal.claims.pending()] == [item.item_id]
    with qtbot.waitSignal(dialog.chosen, timeout=WAIT):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
        said = confirm_choice(qtbot, dialog)
    assert f"Take “{wanted.title}”" in said and "in place of “Highway Postcards”" in said
    wait_idle(qtbot, session)
    (new,) = entries_of(session, wanted.content_id)
    assert new.state == "valid" and new.row.path is not None and new.row.path.is_file()
    dialog.close()

    # Nothing waits any more: the action says so instead of opening an empty dialog.
    assert terminal.claims.pending() == []
    window.alternates_dialog = None
    window.alternates_action.trigger()
    qtbot.waitUntil(lambda: window.messages.title == "No alternates to choose", timeout=WAIT)
    assert window.alternates_dialog is None


def test_an_item_chosen_elsewhere_is_forgotten(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = make_session(module_backend.url, user=unique_name("noa"), insured=True)
    terminal = session.terminal
    terminal.purchases.buy("harbor-0002")
    module_backend.admin("/content/harbor-0002/discontinue")
    claim, _ = terminal.claims.report_loss(["harbor-0002"])
    (item,) = claim.items
    (waiting,) = terminal.claims.pending()
    assert waiting.item_id == item.item_id and waiting.alternates

    # The same choice made from another machine of the same user (the insurer's record is what counts).
    terminal.connection.client().choose(claim.claim_id, item.item_id, waiting.alternates[0].alternate_id)
    assert terminal.claims.pending() == []
    assert json.loads(terminal._store.setting(PENDING) or "") == {}  # forgotten in the store too
