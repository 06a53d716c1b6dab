"""Story: whether the player speaks Japanese or English, each kind of place writes a date one way — the
Insurance page's sentences and fields in the long form ("2027年12月5日", "5 December 2027"), its tables in
the short one ("2026/12/05", ISO under the C locale) — a playlist's column titles show whole in the
words of the language spoken, and an amount is "¥100" everywhere, the insurer's own sentences included.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from player.ui.insurance.view import InsuranceView
from player.ui.kit.tables import texts
from player.ui.shell.first_run import FirstRunDialog
from player.ui.shell.first_run_steps import Page
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession, unique_name
from tests.ui.playlist_helpers import open_in_sidebar
from tests.ui.readable import speaking, title_clear
from tests.ui.visible_text import assert_words_plain
from tests.ui.window_helpers import WAIT, bought, open_window

# The short and the long form of a date, as each language writes it here ("en" runs under the C locale
# the tests set, whose short form is ISO).
SHORT = {
    "en": re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)"),
    "ja": re.compile(r"(?<!\d)\d{4}/\d{2}/\d{2}(?!\d)"),
}
LONG = {
    "en": re.compile(r"(?<!\d)\d{1,2} [A-Z][a-z]+ \d{4}(?!\d)"),
    "ja": re.compile(r"\d{4}年\d{1,2}月\d{1,2}日"),
}
YEN_IN_WORDS = re.compile(r"\d\s*yen\b", re.IGNORECASE)


@pytest.fixture(params=["en", "ja"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    with speaking(qapp, request.param):
        yield request.param


def said_outside_tables(root: QWidget) -> list[str]:
    """Every label's and choice's text in `root`, on every tab (the Advanced one too)."""
    said = [label.text() for label in root.findChildren(QLabel)]
    return said + [box.itemText(i) for box in root.findChildren(QComboBox) for i in range(box.count())]


def said_in_tables(root: QWidget) -> list[str]:
    return [cell for table in root.findChildren(QTableWidget) for row in texts(table) for cell in row]


def test_the_insurance_page_writes_each_kind_of_date_one_way(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend, language: str
) -> None:
    session = bought(make_session, module_backend.url, "aurora-0001")
    session.terminal.claims.report_loss(["aurora-0001"])  # a history event, a license made invalid
    view = InsuranceView(session)
    qtbot.addWidget(view)
    view.resize(1180, 720)
    view.show()
    qtbot.waitUntil(lambda: view.loaded and not session.tasks.busy, timeout=WAIT)

    outside, inside = said_outside_tables(view), said_in_tables(view)
    short, long = SHORT[language], LONG[language]
    assert [t for t in outside if short.search(t)] == []  # sentences and fields: the long form only
    dated = [t for t in outside if long.search(t)]
    # the cover's sentence, the period, claims from, the first contract, the list's issue and expiry
    assert len(dated) >= 5, outside
    assert [t for t in inside if long.search(t)] == []  # tables: the short form only
    assert [t for t in inside if short.search(t)], inside  # the history's and the list's dates
    assert [t for t in outside + inside if YEN_IN_WORDS.search(t)] == []
    assert_words_plain()


def test_a_playlists_column_titles_show_whole_in_the_language_spoken(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend, language: str
) -> None:
    session = bought(make_session, module_backend.url, "aurora-0001", "harbor-0006")
    session.terminal.playlists.create("Sunday", ["aurora-0001", "harbor-0006"])
    window = open_window(qtbot, session, rows=2)
    open_in_sidebar(qtbot, window, "Sunday")
    table = window.playlists.page.table
    header = table.horizontalHeader()
    assert table.model().rowCount() == 2
    # "Length" in English, "長さ" in Japanese: a title of its own size, not the English word's
    qtbot.waitUntil(lambda: all(title_clear(header, c) for c in range(header.count())), timeout=WAIT)
    window.resize(800, 600)  # a small screen: the titles still show whole
    qtbot.waitUntil(lambda: all(title_clear(header, c) for c in range(header.count())), timeout=WAIT)
    assert_words_plain()


def test_the_terms_say_amounts_as_every_amount_is_said(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend, language: str
) -> None:
    session = make_session(module_backend.url, user=unique_name("kana"))  # signed up, not yet insured
    dialog = FirstRunDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.pages.currentIndex() == Page.INSURE, timeout=WAIT)
    qtbot.waitUntil(lambda: dialog.terms is not None and not session.tasks.busy, timeout=WAIT)
    terms = dialog.terms
    assert terms is not None
    limit = f"¥{terms.price_difference_limit}"
    assert limit in dialog.terms_summary.text()  # "at most ¥100 more", "¥100 以内"
    assert limit in dialog.terms_fields["price_difference"].text()  # as the numbers beside it say
    if language == "ja":  # the terms said in Japanese; the insurer's English sentence beside, as sent
        assert not re.search(r"[A-Za-z]{3,}", dialog.terms_summary.text()), dialog.terms_summary.text()
        assert dialog.terms_sent.isVisible() and limit in dialog.terms_sent.text()
        assert "re-distributes them free of charge" in dialog.terms_sent.text()
    else:  # the insurer speaks the player's language: its own sentence, once
        assert "re-distributes them free of charge" in dialog.terms_summary.text()
        assert not dialog.terms_sent.isVisible()
    assert [t for t in said_outside_tables(dialog) if YEN_IN_WORDS.search(t)] == []
    assert_words_plain()
