"""The store beyond one track: several tracks or a whole album bought in one confirmation, a clip heard
before buying, and a track held without insurance shown as such, with Insure… in place of Buy."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from player.playback import PlaybackState
from player.ui.insurance.insure_dialog import InsureDialog
from player.ui.session import UiSession
from player.ui.shell.main_window import MainWindow
from player.ui.shell.window_actions import LIBRARY, STORE
from player.ui.store.model import OWNED, OWNED_UNINSURED, SUPPLIER_DOWN, Column
from player.ui.store.view import StoreView
from tests.conftest import StartBackend
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession, unique_name
from tests.ui.test_store import WAIT, availability, confirm, open_store
from tests.ui.window_helpers import open_window

ALBUM = ("aurora-0001", "aurora-0002", "aurora-0003")  # Night Shift Sessions, Aurora Records


def held(session: UiSession) -> set[str]:
    return {e.row.content_id for e in session.library}


def proxy_row(view: StoreView, content_id: str) -> int:
    row = view.model.row_of(content_id)
    assert row is not None
    return view.proxy.mapFromSource(view.model.index(row, 0)).row()


def store_in_window(qtbot: QtBot, session: UiSession, content_id: str) -> tuple[MainWindow, StoreView]:
    """The window on its Store page, the catalog loaded, `content_id`'s row selected."""
    window = open_window(qtbot, session)
    window.show_section(STORE)
    view = window.store
    qtbot.waitUntil(lambda: view.loaded, timeout=WAIT)
    assert view.select(content_id)
    return window, view


def menu_action(view: StoreView, content_id: str, text: str) -> QAction:
    """Right-click `content_id`'s row; the action named `text` in the menu that opens."""
    assert view.select(content_id)
    rect = view.table.visualRect(view.proxy.index(proxy_row(view, content_id), Column.TITLE))
    view.row_actions._context_menu(rect.center())
    found = [a for a in view.row_actions.menu.actions() if a.text() == text]
    assert found, [a.text() for a in view.row_actions.menu.actions()]
    view.row_actions.menu.close()
    return found[0]


def test_a_whole_album_is_bought_in_one_confirmation_leaving_out_the_track_already_held(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = make_session(module_backend.url, user=unique_name("aki"), insured=True)
    session.terminal.purchases.buy(ALBUM[1])  # one track of the album bought before
    session.refresh_library()
    qtbot.waitUntil(lambda: held(session) == {ALBUM[1]}, timeout=WAIT)
    view = open_store(qtbot, session)
    view.search.setText("Lantern")  # the album's other tracks are filtered out of sight
    formats: list[str] = []
    view.progress.valueChanged.connect(lambda _: formats.append(view.progress.format()))

    whole = menu_action(view, ALBUM[0], "Buy the Whole Album Insured…")
    assert whole.isEnabled()
    whole.trigger()
    asked = confirm(qtbot, view)
    assert "Buy these 2 tracks, insured?" in asked, asked
    prices = {e.content_id: e for e in view.model.entries}
    together = sum(prices[c].price + prices[c].premium for c in (ALBUM[0], ALBUM[2]))
    assert f"Together: ¥{together:,}" in asked and prices[ALBUM[1]].title not in asked

    qtbot.waitUntil(lambda: view.buying is None and view.notice.isVisible(), timeout=WAIT)
    assert view.notice.title.text() == "2 tracks are yours, insured"
    assert any("(2 of 2)" in f for f in formats), formats  # the bar says how far along it is
    assert [availability(view, c) for c in ALBUM] == [OWNED] * 3
    qtbot.waitUntil(lambda: held(session) == set(ALBUM), timeout=WAIT)
    assert not menu_action(view, ALBUM[0], "Buy the Whole Album Insured…").isEnabled()


def test_several_selected_tracks_are_bought_with_one_click(qtbot: QtBot, insured_session: UiSession) -> None:
    view = open_store(qtbot, insured_session)
    chosen = ("harbor-0003", "harbor-0004")
    selection = view.table.selectionModel()
    view.select(chosen[0])
    selection.select(
        view.proxy.index(proxy_row(view, chosen[1]), 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert view.buy_button.text() == "Buy 2 insured…" and view.buy_button.isEnabled()
    view.buy_button.click()
    asked = confirm(qtbot, view)
    assert "Buy these 2 tracks, insured?" in asked
    qtbot.waitUntil(lambda: held(insured_session) == set(chosen), timeout=WAIT)
    assert view.buy_button.text() == "Owned" and not view.buy_button.isEnabled()


def test_a_clip_is_heard_before_buying_and_stops_when_the_store_is_left(
    qtbot: QtBot, insured_session: UiSession
) -> None:
    window, view = store_in_window(qtbot, insured_session, "harbor-0005")
    button = view.row_actions.preview_button
    assert button.text() == "Preview" and button.isEnabled()

    qtbot.keyClick(view.table, Qt.Key.Key_P)
    previewer = view.row_actions.previewer
    qtbot.waitUntil(lambda: previewer.state is PlaybackState.PLAYING, timeout=WAIT)
    player = previewer.player
    assert player is not None
    qtbot.waitUntil(lambda: player.position > 300, timeout=WAIT)
    assert 0 < player.duration <= 16_000  # a clip, not the track
    assert previewer.playing == "harbor-0005" and button.text() == "Stop Preview"
    assert held(insured_session) == set()  # heard, not bought

    window.show_section(LIBRARY)  # leaving the store stops the clip
    qtbot.waitUntil(lambda: previewer.state is PlaybackState.STOPPED, timeout=WAIT)
    assert previewer.playing == ""


def test_a_track_held_without_insurance_says_so_and_the_store_offers_to_insure_it(
    qtbot: QtBot, insured_session: UiSession
) -> None:
    window, view = store_in_window(qtbot, insured_session, "harbor-0007")
    view.buy_plain_button.click()
    confirm(qtbot, view)
    qtbot.waitUntil(lambda: held(insured_session) == {"harbor-0007"}, timeout=WAIT)

    row = view.model.row_of("harbor-0007")
    assert row is not None
    assert availability(view, "harbor-0007") == OWNED_UNINSURED
    assert str(view.model.index(row, Column.PREMIUM).data()).startswith("¥")  # what insuring costs
    assert "bought without insurance" in str(
        view.model.index(row, Column.TITLE).data(Qt.ItemDataRole.ToolTipRole)
    )
    assert view.select("harbor-0007")
    assert view.buy_button.text() == "Insure…" and view.buy_button.isEnabled()
    assert not view.buy_plain_button.isEnabled()

    view.buy_button.click()
    qtbot.waitUntil(
        lambda: isinstance(window.dialog, InsureDialog) and window.dialog.isVisible(), timeout=WAIT
    )
    dialog = window.dialog
    assert isinstance(dialog, InsureDialog)
    qtbot.waitUntil(lambda: dialog.insure_button.isEnabled(), timeout=WAIT)
    dialog.insure_button.click()
    qtbot.waitUntil(lambda: availability(view, "harbor-0007") == OWNED, timeout=WAIT)
    assert view.model.index(row, Column.PREMIUM).data() == ""  # insured: the premium is paid
    assert view.buy_button.text() == "Owned"
    assert menu_action(view, "harbor-0007", "Insure…").isEnabled() is False


def test_an_album_stopped_halfway_by_its_supplier_keeps_what_was_bought_and_retry_buys_the_rest(
    qtbot: QtBot, make_session: MakeSession, start_backend: StartBackend
) -> None:
    with start_backend() as backend:  # its own: the outage raises the supplier's premiums for a while
        session = make_session(backend.url, user=unique_name("nao"), insured=True)
        view = open_store(qtbot, session)
        down: list[str] = []

        def supplier_goes_down(content_id: str) -> None:
            if not down:  # after the album's first track: Aurora Records stops answering
                down.append(content_id)
                backend.admin("/providers/aurora/outage", json={"on": True})

        view.bought.connect(supplier_goes_down)
        menu_action(view, ALBUM[0], "Buy the Whole Album Insured…").trigger()
        assert "Buy these 3 tracks, insured?" in confirm(qtbot, view)
        qtbot.waitUntil(lambda: view.buying is None and view.notice.isVisible(), timeout=WAIT)
        assert down == [ALBUM[0]]
        assert view.notice.action.isVisible() and view.notice.action.text() == "Retry"
        assert view.notice.title.text() == "The supplier is not answering"  # not the insurer: it answered
        assert view.notice.text.text() == (
            "Its supplier's service is down at the moment. The insurer is online: try again later. Tracks "
            "you have keep playing meanwhile."
        )
        qtbot.waitUntil(lambda: held(session) == {ALBUM[0]}, timeout=WAIT)  # the first stays bought
        assert session.online  # the insurer answered: the player does not call itself offline
        # what the store shows of the rest says the supplier is down, not that the sale has ended
        qtbot.waitUntil(
            lambda: [availability(view, c) for c in ALBUM] == [OWNED] + [SUPPLIER_DOWN] * 2, timeout=WAIT
        )
        assert view.select(ALBUM[1])
        assert view.buy_button.text() == "Supplier not answering" and not view.buy_button.isEnabled()
        row = view.model.row_of(ALBUM[1])
        assert row is not None
        tip = view.model.index(row, Column.AVAILABILITY).data(Qt.ItemDataRole.ToolTipRole)
        assert "Its supplier's service is down at the moment." in tip

        backend.admin("/providers/aurora/outage", json={"on": False})
        view.notice.action.click()  # Retry: the two left, in one confirmation again
        assert "Buy these 2 tracks, insured?" in confirm(qtbot, view)
        qtbot.waitUntil(lambda: held(session) == set(ALBUM), timeout=WAIT)
        assert [availability(view, c) for c in ALBUM] == [OWNED] * 3
