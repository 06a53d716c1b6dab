"""The store offers a provider's own checkout where it has one: ticked, the track is bought there and
insured all the same, the receipt comes from the provider, and a loss is re-issued from the loss dialog
as for any track; Blue Harbor (through the insurer only) offers no such choice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QMessageBox
from pytestqt.qtbot import QtBot

from player.ui.session import UiSession
from tests.ui.loss_helpers import decoded_frames, open_loss_dialog, wait_for_result
from tests.ui.test_store import WAIT, open_store

AT_CHECKOUT, INSURER_ONLY = "aurora-0005", "harbor-0005"


def test_ticking_the_providers_checkout_buys_there_insured(qtbot: QtBot, insured_session: UiSession) -> None:
    store = open_store(qtbot, insured_session)
    assert store.select(INSURER_ONLY)
    store.buy_button.click()
    qtbot.waitUntil(lambda: store.confirmation is not None, timeout=WAIT)
    box = store.confirmation
    assert box is not None and box.checkBox() is None  # nothing to choose: through the insurer
    box.reject()
    qtbot.waitUntil(lambda: store.confirmation is None, timeout=WAIT)

    assert store.select(AT_CHECKOUT)
    store.buy_button.click()
    qtbot.waitUntil(lambda: store.confirmation is not None, timeout=WAIT)
    box = store.confirmation
    assert box is not None
    choice = box.checkBox()
    assert isinstance(choice, QCheckBox) and not choice.isChecked()
    assert choice.text() == "Pay at the checkout of Aurora Records"
    choice.setChecked(True)
    [accept] = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
    with qtbot.waitSignal(store.bought, timeout=WAIT):
        accept.click()
    assert "at the checkout of Aurora Records" in store.notice.text.text()

    terminal = insured_session.terminal
    (entry,) = [e for e in terminal.library.entries() if e.row.content_id == AT_CHECKOUT]
    assert entry.insured
    receipts = terminal.receipts
    receipts.fetch()
    assert [k.signer for k in receipts.listed() if k.receipt.kind.value == "purchase"] == ["aurora"]

    # Lost, and re-issued from the loss dialog like any track bought through the insurer. (The sync that
    # follows a purchase fetches missing files again: let it finish before the file goes.)
    qtbot.waitUntil(lambda: not insured_session.tasks.busy, timeout=WAIT)
    path = terminal.library.file_path(AT_CHECKOUT)
    assert path is not None
    path.unlink()
    dialog = open_loss_dialog(qtbot, insured_session)
    assert dialog.checked_content_ids() == [AT_CHECKOUT]
    qtbot.mouseClick(dialog.submit, Qt.MouseButton.LeftButton)
    (row,) = wait_for_result(qtbot, dialog)
    assert row[1] == "Re-issued", row
    assert decoded_frames(terminal, AT_CHECKOUT) > 0
