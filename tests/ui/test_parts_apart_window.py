"""Window story: a track's license insured at one insurer, its audio at another.

At first run the insurance page offers what a policy covers, each with its premium: the user takes the
license-only policy (she keeps her audio herself). With a policy for the audio alone at the second
insurer, the library's menu offers to insure a track's audio there; when the file is later erased (and
its provider no longer sends it), the loss dialog sends the audio's loss to that insurer only and the
track plays again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from player.ui.claims.loss_dialog import LossDialog
from player.ui.insurance.data import Snapshot, gather
from player.ui.library.model import Column
from player.ui.shell.first_run import Page
from tests.support.backend import Backend
from tests.ui.conftest import PASSWORD, MakeSession, unique_name
from tests.ui.loss_helpers import WAIT, decoded_frames, wait_for_result, wait_idle
from tests.ui.test_first_run import open_first_run, settle, type_account
from tests.ui.visible_text import assert_words_plain
from tests.ui.window_helpers import open_window, shown

TRACK = "aurora-0003"


def test_the_audio_is_insured_apart_from_the_menu_and_comes_back_from_its_own_insurer(
    qtbot: QtBot, make_session: MakeSession, two_insurers: Backend
) -> None:
    session = make_session(two_insurers.url)
    dialog = open_first_run(qtbot, session)
    assert dialog.pages.currentIndex() == Page.CHOOSE
    dialog.choice.choices[0].click()
    settle(qtbot, dialog)
    user = unique_name("mao")
    type_account(qtbot, dialog, user, PASSWORD)
    with qtbot.waitSignal(dialog.signed_in, timeout=WAIT):
        qtbot.mouseClick(dialog.account_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    assert dialog.pages.currentIndex() == Page.INSURE
    offered = [dialog.coverage.itemText(i) for i in range(dialog.coverage.count())]
    assert len(offered) == 3 and all("¥" in text for text in offered), offered
    assert offered[1].startswith("The license only")
    dialog.coverage.setCurrentIndex(dialog.coverage.findData("license"))
    dialog.accept_terms.setChecked(True)
    with qtbot.waitSignal(dialog.insured, timeout=WAIT):
        qtbot.mouseClick(dialog.insure_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    dialog.close()
    terminal = session.terminal
    assert terminal.account.policy().coverage.value == "license"
    terminal.purchases.buy(TRACK)

    audio = terminal.at_insurer("minato")  # the second insurer, beside it, for the audio alone
    audio.account.sign_up(user, PASSWORD)
    audio.account.insure(coverage="contents")

    window = open_window(qtbot, session, rows=1)
    session.sync()
    qtbot.waitUntil(lambda: bool(window.audio_cover.desks), timeout=WAIT)
    window.library.table.selectRow(0)
    menu = QMenu(window)
    window.audio_cover.extend(menu)
    (action,) = menu.actions()
    assert action.text() == "Insure the Audio with Minato Assurance…" and action.isEnabled()
    action.trigger()
    qtbot.waitUntil(lambda: TRACK in audio.covers.all(), timeout=WAIT)
    qtbot.waitUntil(lambda: window.messages.isVisible(), timeout=WAIT)
    assert "now insured with Minato Assurance" in window.messages.text
    wait_idle(qtbot, session)
    menu = QMenu(window)
    window.audio_cover.extend(menu)
    assert not menu.actions()[0].isEnabled(), "its audio is covered already"
    qtbot.waitUntil(lambda: shown(window, Column.INSURER) == ["Kaede Mutual; audio: Minato Assurance"])
    assert not window.library.table.horizontalHeader().isSectionHidden(Column.INSURER)
    gathered: list[Snapshot] = []  # the Insurance page at the audio's insurer names track and cover
    session.call(lambda _: gather(audio), gathered.append)
    qtbot.waitUntil(lambda: bool(gathered), timeout=WAIT)
    (cover,) = gathered
    (entry,) = [e for e in session.library if e.row.content_id == TRACK]
    assert cover.contents_by_license() == {entry.row.license_id: TRACK}
    assert cover.title(TRACK) == entry.row.title and "covers the audio only" in cover.premium_words()

    path = terminal.library.file_path(TRACK)
    assert path is not None
    two_insurers.admin(f"/content/{TRACK}/discontinue")  # its provider no longer sends it
    path.unlink()  # the audio erased; the license still plays
    loss = LossDialog(session, window)
    qtbot.addWidget(loss)
    loss.show()
    qtbot.waitUntil(lambda: loss.scan_done, timeout=WAIT)
    wait_idle(qtbot, session)
    assert loss.checked_content_ids() == [TRACK]
    loss.submit.click()
    result = wait_for_result(qtbot, loss)
    assert [r[1:] for r in result] == [["Audio sent again", "Ready to play."]], result
    assert "audio sent again by the insurer of its audio" in loss.summary.text()
    assert_words_plain()
    assert decoded_frames(terminal, TRACK) > 0
    history = terminal.account.history()
    assert history is not None and history.relicensing_count == 0, "the license was not claimed"
