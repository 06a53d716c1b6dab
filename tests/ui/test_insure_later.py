"""Buy without insurance in the store, see "Not insured" in the library, then Insure… it from there: the
premium is shown before confirming, and the row turns insured without the audio being fetched again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from player.ui.claims.loss_pages import T_NOTE
from player.ui.insurance.insure_dialog import InsureDialog
from player.ui.library.model import Column
from player.ui.session import UiSession
from tests.ui.loss_helpers import open_loss_dialog
from tests.ui.test_store import confirm, open_store
from tests.ui.window_helpers import WAIT, open_window

TRACK = "harbor-0007"


def test_bought_without_insurance_in_the_store_then_insured_from_the_library(
    qtbot: QtBot, insured_session: UiSession
) -> None:
    store = open_store(qtbot, insured_session)
    assert store.select(TRACK)
    assert store.buy_plain_button.isEnabled()
    store.buy_plain_button.click()
    asked = confirm(qtbot, store)
    assert "without insurance" in asked and "no premium" in asked, asked
    with qtbot.waitSignal(store.bought, timeout=WAIT):
        pass
    assert "not insured" in store.notice.title.text()

    loss = open_loss_dialog(qtbot, insured_session)  # shown, but no claim covers it
    (item,) = [loss.tracks.topLevelItem(i) for i in range(loss.tracks.topLevelItemCount())]
    assert item is not None and item.text(T_NOTE) == "Not insured"
    assert not item.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert "bought without insurance" in item.toolTip(T_NOTE)
    loss.close()

    window = open_window(qtbot, insured_session, rows=1)
    library = window.library
    assert library.model.index(0, Column.INSURED).data() == "Not insured"
    assert library.insure_button.isVisible()
    assert not window.insurance.insure_button.isHidden()  # the Insurance page offers it too
    (entry,) = insured_session.library
    audio = entry.row.path
    assert isinstance(audio, Path)
    before = (audio.stat().st_ino, audio.stat().st_mtime_ns)

    library.table.selectRow(0)
    library.insure_button.click()
    qtbot.waitUntil(lambda: window.dialog is not None and window.dialog.isVisible(), timeout=WAIT)
    dialog = window.dialog
    assert isinstance(dialog, InsureDialog)
    (premium,) = insured_session.terminal.insure_later.premiums([entry.row.license_id]).values()
    qtbot.waitUntil(lambda: dialog.insure_button.isEnabled(), timeout=WAIT)
    assert f"¥{premium}" in dialog.total.text()
    dialog.insure_button.click()
    qtbot.waitUntil(lambda: bool(dialog.outcomes), timeout=WAIT)
    assert [o.outcome for o in dialog.outcomes] == ["insured"]
    assert dialog.heading.text() == "Done"

    def insured_row_shown() -> bool:
        states = {
            (library.model.index(r, Column.INSURED).data(), library.model.index(r, Column.LICENSE).data())
            for r in range(library.model.rowCount())
        }
        return ("Insured", "Valid") in states

    qtbot.waitUntil(insured_row_shown, timeout=WAIT)
    assert (audio.stat().st_ino, audio.stat().st_mtime_ns) == before  # the audio was not fetched again
    qtbot.waitUntil(lambda: not library.insure_button.isVisible(), timeout=WAIT)
    assert window.insurance.insure_button.isHidden()
