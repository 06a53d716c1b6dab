"""Story: whatever language the player speaks, every word of the store, the Insurance page, the insure
dialog, the loss report, the alternates dialog and the Receipts page is that language's: none is fixed
in English when a module is imported, none is handed to a widget untranslated, and nothing the code
looks for (the genre filter's choice, a damaged file's note) depends on the words shown.

A pseudo-translation stands in for a language here: it marks every text it is asked for ("⟦Owned⟧"), so
a word shown unmarked is one that never went through translation. The music's own names (titles,
artists, genres, providers) are data and stay unmarked.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget
from pytestqt.qtbot import QtBot

from player.terminal import Terminal
from player.ui.claims.alternates_pages import C_MATCH, C_TITLE
from player.ui.claims.loss_pages import T_NOTE, T_TITLE
from player.ui.insurance.insure_dialog import InsureDialog
from player.ui.insurance.view import InsuranceView
from player.ui.receipts.view import ReceiptsView
from player.ui.session import UiSession
from player.ui.store.model import Column
from player.ui.store.view import StoreView
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession, unique_name
from tests.ui.loss_helpers import open_loss_dialog, rows, wait_for_result, wait_idle
from tests.ui.visible_text import assert_words_plain

WAIT = 60_000
LOST = "aurora-0004"  # Circuit Bloom: its file erased, re-issued
DISCONTINUED = "aurora-0009"  # Highway Postcards (Rock): erased and no longer sold, alternates offered
UNINSURED = "harbor-0001"  # Saltwater Swing, bought without insurance
# The translation contexts of the store, the insurance pages and dialogs, the claims and the receipts.
CONTEXTS = {
    "AlternatesDialog",
    "AlternatesPages",
    "BuyingView",
    "CatalogModel",
    "InsuranceData",
    "InsuranceTabs",
    "InsuranceView",
    "InsureDialog",
    "LossData",
    "LossDialog",
    "LossPages",
    "LossWords",
    "ReceiptsPage",
    "ReceiptsView",
    "RecoverConfirmation",
    "StoreBuying",
    "StoreView",
}


class Marking(QTranslator):
    """Every text of those contexts, marked; the rest left to English."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return f"⟦{source}⟧" if context in CONTEXTS else ""


def marked(text: object) -> bool:
    return isinstance(text, str) and text.startswith("⟦") and text.endswith("⟧")


@pytest.fixture
def marking() -> Iterator[None]:
    translator = Marking()
    QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)


def _headers(view: QAbstractItemView) -> list[object]:
    """A table's or a tree's column titles, as shown."""
    if isinstance(view, QTreeWidget):
        item = view.headerItem()
        return [item.text(c) for c in range(view.columnCount())]
    model = view.model()
    return [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in range(model.columnCount())
    ]


def _session(make_session: MakeSession, backend: Backend) -> UiSession:
    session = make_session(backend.url, user=unique_name("aoi"), insured=True)
    terminal: Terminal = session.terminal
    terminal.purchases.buy(LOST)
    terminal.purchases.buy(DISCONTINUED)
    terminal.insure_later.buy(UNINSURED)
    session.refresh_library()
    return session


def test_the_store_insurance_claims_and_receipts_say_every_word_translated(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend, marking: None
) -> None:
    session = _session(make_session, module_backend)
    terminal = session.terminal

    # The store: its columns, what each track's availability is, the count, the search and the buttons.
    store = StoreView(session)
    qtbot.addWidget(store)
    store.resize(1200, 700)
    store.show()
    qtbot.waitUntil(lambda: store.loaded, timeout=WAIT)
    assert all(marked(h) for h in _headers(store.table)), _headers(store.table)
    for content_id in (LOST, "aurora-0002"):
        row = store.model.row_of(content_id)
        assert row is not None
        assert marked(store.model.index(row, Column.AVAILABILITY).data())
        assert not marked(store.model.index(row, Column.TITLE).data())  # the track's own title
    assert store.count.text() == "⟦28 tracks⟧"
    assert marked(store.search.placeholderText()) and marked(store.buy_button.text())
    assert marked(store.genre.itemText(0))
    store.genre.setCurrentIndex(store.genre.findData("Jazz"))  # a genre is chosen by its data
    assert store.count.text().startswith("⟦") and "of 28 tracks" in store.count.text()
    assert all(e.genre == "Jazz" for e in store.visible_entries())
    store.genre.setCurrentIndex(0)
    assert store.count.text() == "⟦28 tracks⟧"
    assert_words_plain()

    # The Insurance page: the cover in one line, how to claim, the tabs, every condition and its value.
    page = InsuranceView(session)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitUntil(lambda: page.loaded and page.snapshot is not None, timeout=WAIT)
    assert marked(page.cover.text()) and marked(page.how_to_claim.text())
    assert all(marked(page.tabs.tabText(i)) for i in range(page.tabs.count()))
    for key in ("premium", "guarantee_period", "relicensing_starts", "limit_per_track", "limit_total"):
        assert marked(page.fields[key].text()), (key, page.fields[key].text())
    assert page.fields["guaranteed_license_ids"].text() == "⟦2 licenses⟧"
    assert marked(page.fields["state"].text()) and marked(page.report_button.text())
    assert all(marked(h) for h in _headers(page.per_track) + _headers(page.licenses))
    state = page.licenses.item(0, 2)
    assert state is not None and marked(state.text())  # Valid, or Invalid
    assert_words_plain()

    # Insure the track bought without insurance: the question counts the tracks in the words spoken.
    uninsured = [e for e in session.library if e.bought_uninsured]
    insure = InsureDialog(session, uninsured)
    qtbot.addWidget(insure)
    assert insure.heading.text() == "⟦Insure {n} track bought without insurance?⟧".replace("{n}", "1")
    assert marked(insure.windowTitle()) and marked(insure.insure_button.text())
    qtbot.waitUntil(lambda: insure.insure_button.isEnabled(), timeout=WAIT)
    assert marked(insure.total.text())
    insure.reject()

    # The loss report: a damaged file's note is found by what the scan said, not by its words.
    for content_id in (LOST, DISCONTINUED):
        path = terminal.library.file_path(content_id)
        assert path is not None
        path.unlink()
    module_backend.admin(f"/content/{DISCONTINUED}/discontinue")
    loss = open_loss_dialog(qtbot, session)
    assert sorted(loss.checked_content_ids()) == sorted([LOST, DISCONTINUED])
    notes = {r[T_TITLE]: r[T_NOTE] for r in rows(loss.tracks)}
    assert notes["Circuit Bloom"] == "⟦File missing⟧" and notes["Saltwater Swing"] == "⟦Not insured⟧"
    assert marked(loss.scan_status.text()) and marked(loss.windowTitle())
    assert all(marked(h) for h in _headers(loss.tracks))
    assert marked(loss.genre.itemText(0)) and marked(loss.whole_library.text())
    loss.submit.click()
    result = {track: (outcome, detail) for track, outcome, detail in wait_for_result(qtbot, loss)}
    assert result["Circuit Bloom"] == ("⟦Re-issued⟧", "⟦Ready to play.⟧")
    outcome, detail = result["Highway Postcards"]
    assert outcome == "⟦Choose an alternate⟧" and marked(detail) and " offered.⟧" in detail
    assert marked(loss.summary.text())
    assert "⟦{n} track re-issued and ready to play⟧".replace("{n}", "1") in loss.summary.text()

    # The alternates: the columns, how close each one is, the hint and the count.
    loss.choose_button.click()
    alternates = loss.alternates_dialog
    assert alternates is not None
    qtbot.waitUntil(lambda: alternates.details_loaded, timeout=WAIT)
    wait_idle(qtbot, session)
    assert all(marked(h) for h in _headers(alternates.table))
    model = alternates.model
    assert model.rowCount() > 0
    assert all(marked(model.index(r, C_MATCH).data()) for r in range(model.rowCount()))
    assert not any(marked(model.index(r, C_TITLE).data()) for r in range(model.rowCount()))
    assert marked(alternates.hint.text()) and marked(alternates.count.text())
    assert marked(alternates.ok.text()) and marked(alternates.original_box.title())
    assert_words_plain()
    alternates.reject()
    loss.accept()

    # The receipts: the columns, the summary and the notice of each kind the page can give.
    receipts = ReceiptsView(session)
    qtbot.addWidget(receipts)
    receipts.resize(1000, 700)
    receipts.show()
    qtbot.waitUntil(lambda: receipts.loaded, timeout=WAIT)
    assert all(marked(h) for h in _headers(receipts.table))
    assert marked(receipts.summary.text()) and receipts.table.rowCount() >= 2
    assert marked(receipts.pdf_button.text()) and marked(receipts.import_button.text())
    assert_words_plain()
