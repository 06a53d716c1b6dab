"""Story: a listener reports lost tracks in a dialog made as small as it goes, in English and in Japanese,
and reads everything without hovering: why a track was refused, in the player's language and wrapped
in its cell, and every alternate's title in the alternates dialog, whose less needed columns give way
first. The buttons are named in one style, and the confirmation says the price in one plain phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QMessageBox,
)
from pytestqt.qtbot import QtBot

from player.ui.claims.alternates_dialog import AlternatesDialog
from player.ui.claims.alternates_pages import C_TITLE, COLUMNS
from player.ui.claims.loss_pages import R_DETAIL
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession, unique_name
from tests.ui.loss_helpers import WAIT, open_loss_dialog, wait_for_result
from tests.ui.readable import shown_whole, speaking, title_clear
from tests.ui.visible_text import assert_words_plain

AT_LIMIT = "harbor-0013"  # Lighthouse Keeper's Song: reported until its per-track limit is reached
# Classical tracks, one a language (the module's backend stops distributing each for good): Prelude in D
# and Elegy in E Minor, whose alternates have the catalog's longest titles and artists.
DISCONTINUED = {"en": "aurora-0006", "ja": "aurora-0008"}
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@pytest.fixture(params=["en", "ja"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    with speaking(qapp, request.param):
        yield request.param


def sentence_case(buttons: list[QAbstractButton]) -> list[str]:
    """The buttons' names not in the house style of a dialog's buttons: a capital for the first word
    only ("Take this track", "Report loss"; the menus' entries are the ones in title case)."""
    names = [b.text().replace("&", "") for b in buttons if b.text()]
    return [n for n in names if n[1:] != n[1:].lower()]


def test_why_a_track_was_refused_is_read_whole_in_a_small_dialog(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend, language: str
) -> None:
    session = make_session(module_backend.url, user=unique_name("yui"), insured=True)
    terminal = session.terminal
    terminal.purchases.buy(AT_LIMIT)
    for _ in range(terminal.account.policy().relicensing_limit_per_track):
        terminal.claims.report_loss([AT_LIMIT])

    dialog = open_loss_dialog(qtbot, session)
    dialog.resize(dialog.minimumSize())  # as small as the dialog goes
    dialog.set_checked(AT_LIMIT)
    dialog.submit.click()
    ((_, _, details),) = wait_for_result(qtbot, dialog)

    # In the player's language: the claim's reason is this one track's, with the policy's figure.
    limit = terminal.account.policy().relicensing_limit_per_track
    assert str(limit) in details
    assert bool(JAPANESE.search(details)) == (language == "ja"), details
    assert details in dialog.banner.text()  # the banner's reason, said of the track
    results = dialog.result_list
    qtbot.waitUntil(lambda: results.isVisible())
    viewport = results.viewport().width()
    assert results.columnWidth(R_DETAIL) >= viewport // 3  # the reason has room of its own
    item = results.topLevelItem(0)
    assert item is not None and not item.toolTip(R_DETAIL)  # nothing to hover for: the cell says it all
    index = results.indexFromItem(item, R_DETAIL)
    qtbot.waitUntil(lambda: shown_whole(results, index))
    # Narrower still (the titles' column widened by hand): the reason wraps onto more lines.
    results.setColumnWidth(0, viewport - results.columnWidth(1) - 140)
    qtbot.waitUntil(lambda: shown_whole(results, index))
    assert sentence_case(dialog.findChildren(QAbstractButton)) == []
    assert_words_plain()


def test_every_alternates_title_is_read_whole_and_the_choice_said_plainly(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend, language: str
) -> None:
    session = make_session(module_backend.url, user=unique_name("ren"), insured=True)
    terminal = session.terminal
    lost = DISCONTINUED[language]
    terminal.purchases.buy(lost)
    module_backend.admin(f"/content/{lost}/discontinue")
    path = terminal.library.file_path(lost)
    assert path is not None
    path.unlink()

    loss = open_loss_dialog(qtbot, session)
    assert loss.checked_content_ids() == [lost]
    loss.submit.click()
    wait_for_result(qtbot, loss)
    loss.choose_button.click()
    dialog = loss.alternates_dialog
    assert isinstance(dialog, AlternatesDialog)
    qtbot.waitUntil(lambda: dialog.details_loaded, timeout=WAIT)
    assert dialog.model.rowCount() >= 4

    def titles_whole(dialog: AlternatesDialog) -> bool:
        table, header = dialog.table, dialog.table.horizontalHeader()
        if table.columnViewportPosition(C_TITLE) + table.columnWidth(C_TITLE) > table.viewport().width():
            return False  # the title is to be read without scrolling sideways
        cells = [dialog.model.index(r, C_TITLE) for r in range(dialog.model.rowCount())]
        if not all(shown_whole(table, i) for i in cells if table.visualRect(i).isValid()):
            return False
        return all(title_clear(header, c) for c in range(len(COLUMNS)))  # and every column's own title

    qtbot.waitUntil(lambda: titles_whole(dialog))  # as the dialog opens
    dialog.resize(640, dialog.height())  # narrower: the secondary columns give way, not the title
    qtbot.waitUntil(lambda: titles_whole(dialog))
    titles = {dialog.model.index(r, C_TITLE).data() for r in range(dialog.model.rowCount())}
    assert {"Nocturne for Lanterns", "Morning on the Quay"} <= titles  # long ones among them
    assert sentence_case(dialog.findChildren(QAbstractButton)) == []

    dialog.take_choice()
    qtbot.waitUntil(lambda: dialog.choice_confirmation is not None)
    box = dialog.choice_confirmation
    assert box is not None
    said = box.informativeText()
    assert "¥" in said and "yen" not in said
    assert not re.search(r"[(（][^)）]*[(（]", said), said  # no brackets within brackets
    assert sentence_case(box.buttons()) == []
    [take] = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
    assert take.text() == dialog.ok.text()
    assert_words_plain()
    box.reject()
    dialog.reject()
