"""The first start of the bundled backend: the player signs up and insures at once, while the insurer
still prepares its catalog; the store says how far it has come and fills in by itself."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from player.ui.shell.first_run import Page
from tests.support.backend import running
from tests.support.small_catalog import TRACKS, write_small_catalog
from tests.ui.conftest import PASSWORD, MakeSession, unique_name
from tests.ui.test_first_run import WAIT, open_first_run, settle, type_account
from tests.ui.test_store import open_store
from tests.ui.visible_text import assert_words_plain

RENDERED = 120_000  # ms: a few short tracks, on a busy machine


def test_sign_up_and_insure_while_the_catalog_is_prepared_then_the_store_fills_in(
    qtbot: QtBot, make_session: MakeSession, tmp_path: Path
) -> None:
    small = write_small_catalog(tmp_path / "catalog.toml")
    # A first start: nothing rendered yet, and the rendering held until we let it go on.
    with running(tmp_path / "backend", "--demo-catalog", str(small), "--catalog-paused") as backend:
        session = make_session(backend.url)
        dialog = open_first_run(qtbot, session)
        assert dialog.pages.currentIndex() == Page.ACCOUNT  # the insurer answered without its catalog

        type_account(qtbot, dialog, unique_name("mio"), PASSWORD)
        with qtbot.waitSignal(dialog.signed_in, timeout=WAIT):
            qtbot.mouseClick(dialog.account_button, Qt.MouseButton.LeftButton)
        settle(qtbot, dialog)
        dialog.accept_terms.click()
        with qtbot.waitSignal(dialog.insured, timeout=WAIT):
            qtbot.mouseClick(dialog.insure_button, Qt.MouseButton.LeftButton)

        # Insured; the last page says the catalog is not whole yet, and how far it has come.
        assert dialog.pages.currentIndex() == Page.DONE
        preparing = dialog.catalog_preparing
        qtbot.waitUntil(preparing.isVisible, timeout=WAIT)
        assert preparing.label.text().startswith("The catalog is being prepared… 0 of 3 tracks.")
        assert preparing.bar.value() == 0 and preparing.bar.maximum() == len(TRACKS)
        assert_words_plain()
        qtbot.mouseClick(dialog.store_button, Qt.MouseButton.LeftButton)

        # The store: no error, no rows yet, the same progress.
        store = open_store(qtbot, session)
        qtbot.waitUntil(lambda: store.loaded and store.preparing.isVisible(), timeout=WAIT)
        assert store.model.rowCount() == 0
        assert not store.notice.isVisible()  # nothing went wrong: it is being prepared
        assert "0 of 3 tracks" in store.preparing.label.text()
        assert_words_plain()

        # The insurer goes on: the store fills in by itself, and the progress goes away when whole.
        backend.admin("/catalog", json={"paused": False})
        qtbot.waitUntil(
            lambda: store.model.rowCount() == len(TRACKS) and not store.preparing.isVisible(),
            timeout=RENDERED,
        )
        assert sorted(e.content_id for e in store.visible_entries()) == sorted(TRACKS)
        assert store.count.text() == "3 tracks"
        assert_words_plain()
