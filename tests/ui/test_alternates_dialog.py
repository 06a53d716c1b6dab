"""A discontinued track cannot be re-issued: the alternates dialog (FIG.14 (7)-(19)) shows the original
and what every provider offers within the policy's price-difference limit; the keyboard takes a choice,
which is downloaded and plays."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from player.ui.claims.alternates_dialog import AlternatesDialog
from player.ui.claims.alternates_pages import (
    ANY_GENRE,
    C_ARTIST,
    C_DIFF,
    C_GENRE,
    C_MATCH,
    C_PRICE,
    C_PROVIDER,
    C_TITLE,
)
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession, unique_name
from tests.ui.loss_helpers import (
    WAIT,
    confirm_choice,
    decoded_frames,
    entries_of,
    open_loss_dialog,
    rows,
    wait_for_result,
    wait_idle,
)
from tests.ui.visible_text import assert_words_plain

DISCONTINUED = "aurora-0009"  # Highway Postcards, Copper Lanes, Rock, 350 yen, Aurora Records


def table(dialog: AlternatesDialog) -> list[list[str]]:
    model = dialog.model
    return [
        [str(model.index(r, c).data()) for c in range(model.columnCount())] for r in range(model.rowCount())
    ]


def test_a_discontinued_track_is_replaced_by_an_alternate_chosen_with_the_keyboard(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = make_session(module_backend.url, user=unique_name("mei"), insured=True)
    terminal = session.terminal
    bought = terminal.purchases.buy(DISCONTINUED)
    limit = terminal.account.policy().price_difference_limit
    module_backend.admin(f"/content/{DISCONTINUED}/discontinue")
    path = terminal.library.file_path(DISCONTINUED)
    assert path is not None
    path.unlink()

    loss = open_loss_dialog(qtbot, session)
    assert loss.checked_content_ids() == [DISCONTINUED]
    loss.genre.setCurrentText("Rock")
    loss.submit.click()
    ((track, outcome, details),) = wait_for_result(qtbot, loss)
    assert (track, outcome) == ("Highway Postcards", "Choose an alternate")
    assert "no longer distributes" in details and "3 alternates offered" in details
    assert loss.choose_button.isVisible()

    loss.choose_button.click()
    dialog = loss.alternates_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.details_loaded, timeout=WAIT)

    # The original above the table: what it was, what was paid, why it cannot come back.
    shown = {k: label.text() for k, label in dialog.original.items()}
    assert shown == {
        "title": "Highway Postcards",
        "artist": "Copper Lanes",
        "album": "Static Summer",
        "genre": "Rock",
        "provider": "Aurora Records",
        "price": "¥350",
        "why": "Its supplier no longer distributes this track.",
    }
    assert dialog.pager.isHidden()  # one track: no pager
    assert_words_plain()  # the original and every alternate by title and artist, over the loss report
    assert dialog.genre.currentText() == "Rock"  # the preference given in the report

    # Alternates from both providers, in the genre asked for, each difference against the limit.
    offered = table(dialog)
    assert {r[C_PROVIDER] for r in offered} == {"Aurora Records", "Blue Harbor Music"}
    assert {r[C_GENRE] for r in offered} == {"Rock"}
    assert "Highway Postcards" not in {r[C_TITLE] for r in offered}
    for r in offered:
        price = int(r[C_PRICE].removeprefix("¥"))
        assert r[C_DIFF] == f"+¥{price - 350} of ¥{limit}"
    # Closest first: the same artist's other track, then the rest of the genre nearest in price.
    assert (offered[0][C_TITLE], offered[0][C_ARTIST], offered[0][C_MATCH]) == (
        "Ember Run",
        "Copper Lanes",
        "Same artist",
    )
    assert {r[C_MATCH] for r in offered[1:]} == {"Same genre"}
    diffs = [int(r[C_DIFF].split()[0].removeprefix("+¥")) for r in offered[1:]]
    assert diffs == sorted(diffs)

    # Sortable: by price, descending, then back.
    dialog.table.sortByColumn(C_PRICE, Qt.SortOrder.DescendingOrder)
    prices = [int(r[C_PRICE].removeprefix("¥")) for r in table(dialog)]
    assert prices == sorted(prices, reverse=True)

    # Keyboard: the table has the focus; the highlight stayed on its track through the sort; Ctrl+Home
    # goes to the first row, Down to the second, Enter takes it.
    assert dialog.focusWidget() is dialog.table
    highlighted = dialog.selected()
    assert highlighted is not None and highlighted.title == offered[0][C_TITLE]
    qtbot.keyClick(dialog.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    wanted = dialog.selected()
    assert wanted is not None and wanted.title == table(dialog)[1][C_TITLE]
    with qtbot.waitSignal(dialog.chosen, timeout=WAIT) as chosen:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
        said = confirm_choice(qtbot, dialog)  # asked first: what is taken, for what, and that it is final
    assert "in place of “Highway Postcards”" in said and "The choice is final" in said
    assert chosen.args[1].content_id == wanted.content_id
    wait_idle(qtbot, session)

    # One result page: the alternates dialog closes itself and the loss report's own page says it all.
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    assert loss.isVisible() and loss.pages.currentIndex() == 2
    assert loss.close_button.isDefault() and loss.choose_button.isHidden()
    [(_, outcome, details)] = rows(loss.result_list)
    assert outcome == "Replaced" and f"Replaced by “{wanted.title}” by {wanted.artist}" in details
    assert "1 track replaced by an alternate" in loss.summary.text()
    assert_words_plain()
    (new,) = entries_of(session, wanted.content_id)  # the new track is in the library, and plays
    assert new.state == "valid" and new.row.path is not None and new.row.path.is_file()
    assert decoded_frames(terminal, wanted.content_id) > 0
    (old,) = entries_of(session, DISCONTINUED)
    assert (old.state, old.reason) == ("invalid", "replaced_by_alternate")
    assert old.row.license_id == bought.license.license_id

    qtbot.keyClick(loss, Qt.Key.Key_Return)  # Close: the one page left
    assert not loss.isVisible()


def test_two_waiting_tracks_are_handled_one_after_another_and_the_genre_searched_again(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    first, second = "aurora-0004", "harbor-0002"  # Circuit Bloom (Electronic), Velvet Ledger (Jazz)
    session = make_session(module_backend.url, user=unique_name("ren"), insured=True)
    terminal = session.terminal
    for cid in (first, second):
        terminal.purchases.buy(cid)
        module_backend.admin(f"/content/{cid}/discontinue")
    claim, _ = terminal.claims.report_loss([first, second])  # through the core: claim items as given
    waiting = [i for i in claim.items if i.outcome == "alternates_offered"]
    assert [i.content_id for i in waiting] == [first, second]

    dialog = AlternatesDialog(session, waiting)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.details_loaded, timeout=WAIT)
    assert dialog.pager.text() == "<b>Track 1 of 2</b>"
    assert dialog.original["title"].text() == "Circuit Bloom"
    assert dialog.genre.currentText() == ANY_GENRE
    assert len({r[C_GENRE] for r in table(dialog)}) > 1  # no preference given: every genre
    assert dialog.skip.isVisible()

    dialog.genre.setCurrentText("Jazz")
    dialog.genre.activated.emit(dialog.genre.currentIndex())  # as when the user picks it
    qtbot.waitUntil(lambda: not dialog._busy, timeout=WAIT)
    jazz = table(dialog)
    assert jazz and {r[C_GENRE] for r in jazz} == {"Jazz"}
    wanted = dialog.selected()
    assert wanted is not None
    with qtbot.waitSignal(dialog.chosen, timeout=WAIT):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Enter)  # the keypad's Enter too
        confirm_choice(qtbot, dialog)

    qtbot.waitUntil(lambda: dialog.pager.text() == "<b>Track 2 of 2</b>", timeout=WAIT)
    assert dialog.original["title"].text() == "Velvet Ledger"
    assert dialog.original["price"].text() == "¥300"
    assert not dialog.skip.isVisible()  # the last one
    assert dialog.genre.currentText() == ANY_GENRE  # its own alternates, as the claim found them
    assert_words_plain()  # the second track, with the first one's replacement behind it

    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)  # Esc cancels the rest
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Rejected
    wait_idle(qtbot, session)
    assert [e.state for e in entries_of(session, wanted.content_id)] == ["valid"]
    assert decoded_frames(terminal, wanted.content_id) > 0
    # The second still waits for a choice: the insurer offers its alternates again.
    assert terminal.claims.alternates(waiting[1].item_id)


def test_an_alternate_bought_meanwhile_is_refused_in_plain_words_and_another_can_be_taken(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    lost = "harbor-0008"
    session = make_session(module_backend.url, user=unique_name("sora"), insured=True)
    terminal = session.terminal
    terminal.purchases.buy(lost)
    module_backend.admin(f"/content/{lost}/discontinue")
    claim, _ = terminal.claims.report_loss([lost])
    dialog = AlternatesDialog(session, [i for i in claim.items if i.outcome == "alternates_offered"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.details_loaded, timeout=WAIT)
    first = dialog.selected()
    assert first is not None
    terminal.purchases.buy(first.content_id)  # from the store, in another window, before choosing it

    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    confirm_choice(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog._busy and bool(dialog.status.text()), timeout=WAIT)
    assert dialog.status.text() == (
        "<b>Not possible.</b> You own this track already, so it cannot take the lost one's place: "
        "choose another."
    )
    assert dialog.isVisible() and dialog.ok.isEnabled()  # the choice is still open

    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    other = dialog.selected()
    assert other is not None and other.content_id != first.content_id
    with qtbot.waitSignal(dialog.chosen, timeout=WAIT) as chosen:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
        confirm_choice(qtbot, dialog)
    assert chosen.args[1].content_id == other.content_id
    wait_idle(qtbot, session)
