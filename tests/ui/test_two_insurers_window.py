"""Window story: a backend with two insurers. At first run the user sees their terms side by side and
chooses one; later, from the Insurance page, takes a policy with the other beside it. The library then
shows each track's insurer, and the Insurance page shows either insurer's cover."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from player.ui.claims.loss_dialog import LossDialog
from player.ui.claims.loss_pages import T_INSURER
from player.ui.library.model import Column
from player.ui.shell.first_run import FirstRunDialog, Page
from player.ui.shell.insurer_choice import JoinInsurerDialog
from tests.support.backend import Backend
from tests.ui.conftest import PASSWORD, MakeSession, unique_name
from tests.ui.loss_helpers import decoded_frames, rows, wait_for_result, wait_idle
from tests.ui.test_first_run import open_first_run, settle, type_account
from tests.ui.visible_text import assert_words_plain
from tests.ui.window_helpers import open_window, shown

WAIT = 30_000


def _sign_up_and_insure(qtbot: QtBot, dialog: FirstRunDialog, user: str, email: str) -> None:
    assert dialog.pages.currentIndex() == Page.ACCOUNT
    type_account(qtbot, dialog, user, PASSWORD)
    assert dialog.email.isVisible()  # at sign-up only: the insurers know one person by it
    dialog.email.clear()
    qtbot.keyClicks(dialog.email, email)
    with qtbot.waitSignal(dialog.signed_in, timeout=WAIT):
        qtbot.mouseClick(dialog.account_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    assert dialog.pages.currentIndex() == Page.INSURE
    dialog.accept_terms.setChecked(True)
    with qtbot.waitSignal(dialog.insured, timeout=WAIT):
        qtbot.mouseClick(dialog.insure_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    assert dialog.pages.currentIndex() == Page.DONE


def test_the_user_chooses_an_insurer_then_takes_a_policy_with_the_other_beside_it(
    qtbot: QtBot, make_session: MakeSession, two_insurers: Backend
) -> None:
    session = make_session(two_insurers.url)
    dialog = open_first_run(qtbot, session)
    assert dialog.pages.currentIndex() == Page.CHOOSE  # the terms side by side before any account
    table = dialog.choice.table
    names = [str(table.model().headerData(c, Qt.Orientation.Horizontal)) for c in range(table.columnCount())]
    assert len(names) == 2 and names[0] != names[1]
    terms = [[str(table.model().index(r, c).data()) for r in range(table.rowCount() - 1)] for c in range(2)]
    assert terms[0] != terms[1], "two insurers, two sets of terms"
    assert_words_plain()
    assert "<b>1. Your insurer</b>" in dialog.steps.text()  # the step shown is the one in bold
    first = dialog.choice.choices[0]
    qtbot.waitUntil(first.isVisible)
    first.click()  # chosen, then thought better of: Back, before any account is made
    settle(qtbot, dialog)
    assert dialog.pages.currentIndex() == Page.ACCOUNT and "<b>2. Your account</b>" in dialog.steps.text()
    assert dialog.back_to_insurers.isVisible()
    dialog.back_to_insurers.click()
    assert dialog.pages.currentIndex() == Page.CHOOSE
    second = dialog.choice.choices[1]
    qtbot.waitUntil(second.isVisible)
    second.click()
    settle(qtbot, dialog)
    user = unique_name("aoi")
    email = f"{user}@example.org"
    _sign_up_and_insure(qtbot, dialog, user, email)
    assert session.terminal.connection.insurer_name() == names[1]
    dialog.close()
    session.terminal.purchases.buy("aurora-0001")

    window = open_window(qtbot, session, rows=1)
    assert shown(window, Column.INSURER) == [names[1]]
    header = window.library.table.horizontalHeader()
    assert header.isSectionHidden(Column.INSURER), "one insurer so far: nothing to tell apart"

    join = JoinInsurerDialog(session, window)
    qtbot.addWidget(join)
    join.show()
    qtbot.waitUntil(lambda: len(join.choice.choices) == 1, timeout=WAIT)  # the one chosen is "yours"
    assert join.choice.choices[0].text() == f"Choose {names[0]}"
    assert_words_plain()
    with qtbot.waitSignal(join.accepted, timeout=WAIT):
        join.choice.choices[0].click()
    steps = next(w for w in window.findChildren(FirstRunDialog) if w.terminal is not session.terminal)
    settle(qtbot, steps)
    _sign_up_and_insure(qtbot, steps, user, email)  # the same name and address, at another company
    steps.close()
    steps.terminal.purchases.buy("harbor-0003")

    session.sync()
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 2, timeout=WAIT)
    assert sorted(shown(window, Column.INSURER)) == sorted(names)
    assert not header.isSectionHidden(Column.INSURER), "a second insurer's tracks: the column shows"

    bar = window.insurance.insurers
    bar.fill(session.terminal)
    assert [bar.choice.itemText(i) for i in range(bar.choice.count())] == [names[1], names[0]]
    assert bar.choice.isVisibleTo(window.insurance)
    assert_words_plain()

    # A loss at each insurer: the History tab shows what they told each other, by either insurer's page.
    lost_here = next(e for e in session.terminal.library.entries() if e.row.content_id == "aurora-0001")
    session.terminal.claims.report_loss([lost_here.row.content_id])
    steps.terminal.claims.report_loss(["harbor-0003"])
    window.insurance.refresh()
    qtbot.waitUntil(lambda: window.insurance.shared.rowCount() == 2, timeout=WAIT)
    insurers = {str(window.insurance.shared.model().index(r, 1).data()) for r in range(2)}
    assert insurers == set(names)
    assert_words_plain()


def test_one_loss_report_lists_both_insurers_tracks_and_sends_each_loss_to_its_own(
    qtbot: QtBot, make_session: MakeSession, two_insurers: Backend
) -> None:
    user = unique_name("rin")
    session = make_session(two_insurers.url, user=user, insured=True)
    terminal = session.terminal
    terminal.purchases.buy("aurora-0005")
    other = terminal.at_insurer("minato")
    other.account.sign_up(user, PASSWORD)
    other.account.insure()
    other.purchases.buy("harbor-0005")
    for content_id in ("aurora-0005", "harbor-0005"):
        path = terminal.insurers.holder(content_id).library.file_path(content_id)
        assert path is not None
        path.unlink()  # both erased by mistake

    dialog = LossDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.scan_done, timeout=WAIT)
    wait_idle(qtbot, session)
    assert not dialog.tracks.isColumnHidden(T_INSURER)
    assert sorted(r[T_INSURER] for r in rows(dialog.tracks)) == ["Kaede Mutual", "Minato Assurance"]
    assert sorted(dialog.checked_content_ids()) == ["aurora-0005", "harbor-0005"]
    dialog.submit.click()
    result = wait_for_result(qtbot, dialog)
    assert [r[1:] for r in result] == [["Re-issued", "Ready to play."]] * 2, result
    assert "2 tracks re-issued" in dialog.summary.text()
    for content_id in ("aurora-0005", "harbor-0005"):
        assert decoded_frames(terminal, content_id) > 0
