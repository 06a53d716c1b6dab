"""Report a loss through the dialog (FIG.12): the scan ticks what it found, the insurer answers per track,
and a refusal under the guarantee conditions is an answer on the result page, not a crash."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from player import words
from player.errors import ClaimRefusedError
from player.ui.claims.loss_pages import NO_PREFERENCE, T_NOTE, T_TITLE
from tests.conftest import StartBackend
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession, unique_name
from tests.ui.loss_helpers import (
    WAIT,
    decoded_frames,
    entries_of,
    open_loss_dialog,
    rows,
    wait_for_result,
    wait_idle,
)
from tests.ui.visible_text import assert_words_plain

LOST, KEPT = "aurora-0004", "harbor-0001"  # Circuit Bloom (Electronic), Saltwater Swing (Jazz)


def test_an_erased_track_is_pre_checked_reported_and_re_issued(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = make_session(module_backend.url, user=unique_name("lin"), insured=True)
    terminal = session.terminal
    lost = terminal.purchases.buy(LOST)
    terminal.purchases.buy(KEPT)
    path = terminal.library.file_path(LOST)
    assert path is not None
    path.unlink()  # erased by mistake

    dialog = open_loss_dialog(qtbot, session)
    listed = {r[T_TITLE]: r for r in rows(dialog.tracks)}
    assert set(listed) == {"Circuit Bloom", "Saltwater Swing"}  # every insured track is listed
    assert listed["Circuit Bloom"][T_NOTE] == "File missing"
    assert listed["Saltwater Swing"][T_NOTE] == ""
    assert dialog.checked_content_ids() == [LOST]  # pre-checked: only what the scan found
    assert "found 1 track" in dialog.scan_status.text()
    assert dialog.genre.currentText() == NO_PREFERENCE
    assert {"Electronic", "Jazz", "Rock"} <= {dialog.genre.itemText(i) for i in range(dialog.genre.count())}
    assert dialog.submit.isEnabled() and dialog.submit.text() == "Report loss"

    qtbot.mouseClick(dialog.submit, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 1  # the insurer is working: progress, not a frozen window
    result = wait_for_result(qtbot, dialog)

    assert result == [["Circuit Bloom", "Re-issued", "Ready to play."]]
    assert "1 track re-issued and ready to play" in dialog.summary.text()
    assert dialog.banner.isHidden() and dialog.choose_button.isHidden()
    assert_words_plain()  # the result page names the track, not its content or license ID
    new_path = terminal.library.file_path(LOST)
    assert new_path is not None and new_path.is_file()  # the file is back
    states = {e.row.license_id: e.state for e in entries_of(session, LOST)}
    assert states.pop(lost.license.license_id) == "invalid"  # the reported license no longer plays
    assert list(states.values()) == ["valid"]
    assert decoded_frames(terminal, LOST) > 0
    assert terminal.library.verify().missing == []

    dialog.close_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_a_track_at_its_per_track_limit_is_refused_with_the_reason_in_words(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = make_session(module_backend.url, user=unique_name("ana"), insured=True)
    terminal = session.terminal
    terminal.purchases.buy(KEPT)
    limit = terminal.account.policy().relicensing_limit_per_track
    for _ in range(limit):  # reported through the core until the per-track limit is reached
        _, (first,) = terminal.claims.report_loss([KEPT])
        assert first.outcome == "reissued"
    with pytest.raises(ClaimRefusedError):
        terminal.claims.report_loss([KEPT])

    dialog = open_loss_dialog(qtbot, session)
    assert dialog.checked_content_ids() == []  # the file is intact: nothing pre-checked
    assert not dialog.submit.isEnabled()
    dialog.set_checked(KEPT)  # a license can be lost while the file remains: the user ticks it
    assert dialog.submit.isEnabled()
    dialog.submit.click()
    ((track, outcome, details),) = wait_for_result(qtbot, dialog)

    assert (track, outcome) == ("Saltwater Swing", "Refused")
    assert f"limit of re-distributions per track ({limit} times)" in details  # in the words of ours
    banner = dialog.banner.text()
    assert "declined this claim" in banner
    assert f"limit of re-distributions per track ({limit} times)" in banner
    assert dialog.banner.isVisible() and "refused" in dialog.summary.text()
    assert "Traceback" not in banner + details
    shown = dialog.result_list  # the reason's column narrowed: it wraps, rather than being cut short
    shown.setColumnWidth(0, shown.viewport().width() - shown.columnWidth(1) - 160)
    qtbot.waitUntil(
        lambda: (
            shown.visualItemRect(shown.topLevelItem(0) or QTreeWidgetItem()).height()
            > 2 * shown.fontMetrics().height()
        )
    )
    assert dialog.choose_button.isHidden()
    assert_words_plain()  # the refusal too
    (entry,) = [e for e in entries_of(session, KEPT) if e.state == "valid"]  # nothing changed
    assert entry.row.path is not None and entry.row.path.is_file()


def test_whole_library_gone_runs_the_recovery(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = make_session(module_backend.url, user=unique_name("max"), insured=True)
    terminal = session.terminal
    bought = {cid: terminal.purchases.buy(cid).license.license_id for cid in (LOST, KEPT)}
    for path in (terminal.data_dir / "tracks").glob("*.ipc"):
        path.unlink()
    old_key = terminal._keys.policy_key(terminal.account.policy_id())
    assert old_key is not None

    dialog = open_loss_dialog(qtbot, session)
    assert sorted(dialog.checked_content_ids()) == sorted(bought)

    # Tab to the box and Space: only a question, whose default answer is Cancel.
    dialog.whole_library.setFocus()
    qtbot.keyClick(dialog.whole_library, Qt.Key.Key_Space)
    asked = dialog.recover_confirmation
    assert asked is not None and asked.isVisible() and not dialog.whole_library.isChecked()
    assert asked.defaultButton() is asked.button(QMessageBox.StandardButton.Cancel)
    assert "copies on your other computers stop playing" in asked.informativeText()
    assert_words_plain()
    qtbot.keyClick(asked, Qt.Key.Key_Return)  # Enter takes the default: Cancel
    qtbot.waitUntil(lambda: dialog.recover_confirmation is None, timeout=WAIT)
    assert not dialog.whole_library.isChecked() and dialog.submit.text() == "Report loss"

    dialog.whole_library.click()  # and this time, the user means it
    asked = dialog.recover_confirmation
    assert asked is not None
    [recover] = [b for b in asked.buttons() if asked.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
    recover.click()
    qtbot.waitUntil(dialog.whole_library.isChecked, timeout=WAIT)
    assert not dialog.tracks.isEnabled() and not dialog.genre.isEnabled()
    assert dialog.submit.text() == "Recover library"
    dialog.submit.click()
    result = wait_for_result(qtbot, dialog)

    assert sorted(result) == [
        ["Circuit Bloom", "Re-issued", "Ready to play."],
        ["Saltwater Swing", "Re-issued", "Ready to play."],
    ]
    new_key = terminal._keys.policy_key(terminal.account.policy_id())  # [0035]: the policy was re-keyed
    assert new_key is not None and new_key.private_bytes_raw() != old_key.private_bytes_raw()
    for cid, old_license in bought.items():
        states = {e.row.license_id: e.state for e in entries_of(session, cid)}
        assert states.pop(old_license) == "invalid" and list(states.values()) == ["valid"]
        assert decoded_frames(terminal, cid) > 0
    assert terminal.library.verify().missing == []


def test_a_claim_in_the_waiting_period_shows_when_re_distribution_starts(
    qtbot: QtBot, make_session: MakeSession, start_backend: StartBackend
) -> None:
    with start_backend("--waiting-days", "7") as backend:
        session = make_session(backend.url, user=unique_name("kai"), insured=True)
        session.terminal.purchases.buy(KEPT)
        starts = session.terminal.account.policy().relicensing_starts

        dialog = open_loss_dialog(qtbot, session)
        dialog.set_checked(KEPT)
        dialog.submit.click()
        ((track, outcome, details),) = wait_for_result(qtbot, dialog)
        session.close()  # before its backend stops

    assert (track, outcome) == ("Saltwater Swing", "Refused")
    when = words.long_day(starts)
    assert f"re-distribution starts on {when}" in details
    assert f"waiting period: re-distribution starts on {when}" in dialog.banner.text()
    assert_words_plain()


def test_an_unreachable_insurer_is_explained_and_the_user_can_go_back(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend, tmp_path: Path
) -> None:
    session = make_session(module_backend.url, user=unique_name("eve"), insured=True)
    session.terminal.purchases.buy(KEPT)
    session.terminal.close()
    # The same library, with the insurer gone: a closed port on loopback refuses at once.
    offline = make_session("http://127.0.0.1:9", timeout=2)
    dialog = open_loss_dialog(qtbot, offline)
    assert [r[T_TITLE] for r in rows(dialog.tracks)] == ["Saltwater Swing"]  # the cached library
    assert dialog.genre.count() >= 2  # the library's own genres, without the catalog
    dialog.set_checked(KEPT)
    dialog.submit.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=30_000)
    wait_idle(qtbot, offline)

    assert "cannot be reached" in dialog.summary.text()
    assert "The report was not sent" in dialog.banner.text()
    assert "Traceback" not in dialog.banner.text()
    assert rows(dialog.result_list) == []
    assert dialog.back_button.isVisible()
    dialog.back_button.click()
    assert dialog.pages.currentIndex() == 0 and dialog.checked_content_ids() == [KEPT]
