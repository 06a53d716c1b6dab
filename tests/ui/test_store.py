"""The store: browse the catalog of both providers, narrow it, buy insured with a progress bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from player.ui.session import UiSession
from player.ui.store.model import OWNED, Column
from player.ui.store.view import ALL_GENRES, StoreView
from tests.conftest import StartBackend
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession, unique_name
from tests.ui.visible_text import assert_words_plain

WAIT = 30_000


def open_store(qtbot: QtBot, session: UiSession) -> StoreView:
    view = StoreView(session)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()  # the first show loads the catalog on the worker
    qtbot.waitUntil(lambda: view.loaded, timeout=WAIT)
    return view


def availability(view: StoreView, content_id: str) -> str:
    row = view.model.row_of(content_id)
    assert row is not None
    return str(view.model.index(row, Column.AVAILABILITY).data())


def confirm(qtbot: QtBot, view: StoreView) -> str:
    """Click "Buy insured" in the confirmation; returns what it said."""
    qtbot.waitUntil(lambda: view.confirmation is not None, timeout=WAIT)
    box = view.confirmation
    assert box is not None
    [accept] = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
    text = f"{box.text()}\n{box.informativeText()}"
    assert_words_plain()  # the confirmation names the track, its price and premium
    accept.click()
    return text


def test_the_store_lists_both_providers_with_price_and_premium(
    qtbot: QtBot, insured_session: UiSession
) -> None:
    view = open_store(qtbot, insured_session)
    entries = view.model.entries
    assert len(entries) == 28
    assert {e.provider_name for e in entries} == {"Aurora Records", "Blue Harbor Music"}
    row = view.model.row_of("aurora-0001")
    assert row is not None
    shown = [str(view.model.index(row, c).data()) for c in Column]
    assert shown[: Column.GENRE + 1] == [
        "Lantern Street",
        "The Marlow Quartet",
        "Night Shift Sessions",
        "Jazz",
    ]
    assert shown[Column.PROVIDER] == "Aurora Records"
    assert shown[Column.PRICE] == "¥250"
    assert shown[Column.PREMIUM].startswith("¥")
    assert shown[Column.AVAILABILITY] == "Available"
    assert_words_plain()  # every row and its tooltips: titles, artists, providers by name
    # Sorting by price uses yen, not text ("¥1,000" would otherwise sort before "¥250").
    view.table.sortByColumn(Column.PRICE, Qt.SortOrder.AscendingOrder)
    prices = [e.price for e in view.visible_entries()]
    assert prices == sorted(prices)
    assert view.notice.isHidden()


def test_genre_filter_and_search_narrow_the_catalog(qtbot: QtBot, insured_session: UiSession) -> None:
    view = open_store(qtbot, insured_session)
    genres = [view.genre.itemText(i) for i in range(view.genre.count())]
    assert genres == [ALL_GENRES, "Ambient", "Classical", "Electronic", "Folk", "Jazz", "Rock"]

    view.genre.setCurrentText("Jazz")
    jazz = view.visible_entries()
    assert len(jazz) == 5 and {e.genre for e in jazz} == {"Jazz"}
    assert view.count.text() == "5 of 28 tracks"

    qtbot.keyClicks(view.search, "marlow")  # filters as you type, within the genre
    narrowed = view.visible_entries()
    assert narrowed and all(e.artist == "The Marlow Quartet" for e in narrowed)
    assert len(narrowed) < len(jazz)

    view.search.clear()
    qtbot.keyClicks(view.search, "lantern street")
    assert [e.title for e in view.visible_entries()] == ["Lantern Street"]

    view.genre.setCurrentText("Rock")  # the same words in another genre: nothing
    assert view.visible_entries() == []
    assert view.count.text() == "0 of 28 tracks"

    view.genre.setCurrentText(ALL_GENRES)
    view.search.clear()
    assert len(view.visible_entries()) == 28


def test_buy_insured_shows_progress_to_100_and_the_row_turns_owned(
    qtbot: QtBot, insured_session: UiSession
) -> None:
    view = open_store(qtbot, insured_session)
    seen: list[int] = []
    view.progress.valueChanged.connect(seen.append)
    assert view.select("aurora-0001")
    assert view.buy_button.isEnabled()

    view.buy_button.click()
    asked = confirm(qtbot, view)
    entry = next(e for e in view.model.entries if e.content_id == "aurora-0001")
    assert "¥250" in asked and f"Insurance premium: ¥{entry.premium}" in asked
    assert view.progress.isVisible()

    with qtbot.waitSignal(view.bought, timeout=WAIT) as bought:
        pass
    assert bought.args == ["aurora-0001"]
    assert seen and max(seen) == 100
    assert seen == sorted(seen)  # the bar only moves forward
    assert view.progress.value() == 100
    assert availability(view, "aurora-0001") == OWNED
    assert not view.buy_button.isEnabled() and view.buy_button.text() == "Owned"
    # The session's sync after the purchase brings the track into the library.
    qtbot.waitUntil(
        lambda: any(e.row.content_id == "aurora-0001" for e in insured_session.library), timeout=WAIT
    )
    assert availability(view, "aurora-0001") == OWNED


def test_an_owned_track_cannot_be_bought_twice(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = make_session(module_backend.url, user=unique_name(), insured=True)
    session.terminal.purchases.buy("harbor-0001")  # bought before the store opened (setup, through the core)
    session.refresh_library()
    qtbot.waitUntil(lambda: bool(session.library), timeout=WAIT)

    view = open_store(qtbot, session)
    assert availability(view, "harbor-0001") == OWNED
    assert view.select("harbor-0001")
    assert not view.buy_button.isEnabled()
    assert view.buy_button.text() == "Owned"

    # A double-click on the owned row says so instead of asking to pay again.
    row = view.proxy.mapFromSource(view.model.index(view.model.row_of("harbor-0001") or 0, 0))
    view.table.doubleClicked.emit(row)
    assert view.confirmation is None
    assert view.notice.isVisible()
    assert "already in your library" in view.notice.title.text()
    assert view.buying is None


def test_buying_before_taking_out_insurance_points_to_the_insurance_step(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = make_session(module_backend.url, user=unique_name())  # signed up, not insured
    view = open_store(qtbot, session)
    assert view.select("aurora-0002")
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)  # Enter on a row asks to buy it, like a double-click
    confirm(qtbot, view)
    qtbot.waitUntil(lambda: view.buying is None and view.notice.isVisible(), timeout=WAIT)
    assert view.notice.title.text() == "Take out insurance first"
    assert "Traceback" not in view.notice.text.text()
    assert_words_plain()  # the refusal
    with qtbot.waitSignal(view.insurance_needed, timeout=1000):
        view.notice.action.click()
    assert availability(view, "aurora-0002") == "Available"
    assert view.progress.isHidden()


def test_the_store_offline_says_it_needs_a_connection_and_retries(
    qtbot: QtBot, make_session: MakeSession
) -> None:
    # A server that is not there: a closed port on loopback refuses at once.
    offline = make_session("http://127.0.0.1:9", "offline", timeout=2)
    view = StoreView(offline)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: not view.loading and view.notice.isVisible(), timeout=WAIT)
    assert view.notice.title.text() == "The store needs a connection"
    assert view.notice.action.isVisible() and view.notice.action.text() == "Retry"
    assert "Traceback" not in view.notice.text.text()
    assert view.model.rowCount() == 0 and not view.buy_button.isEnabled()

    view.notice.action.click()  # still unreachable: the same message comes back, nothing crashes
    assert view.loading
    qtbot.waitUntil(lambda: not view.loading, timeout=WAIT)
    assert view.notice.title.text() == "The store needs a connection"
    assert not offline.online


def test_working_offline_the_buy_buttons_are_disabled_and_say_why(
    qtbot: QtBot, insured_session: UiSession
) -> None:
    view = open_store(qtbot, insured_session)
    assert view.select("harbor-0012")
    assert view.buy_button.isEnabled() and view.buy_plain_button.isEnabled()
    insured_session.work_offline()
    assert not view.buy_button.isEnabled() and not view.buy_plain_button.isEnabled()
    assert "needs a connection" in view.buy_button.toolTip()
    insured_session.retry()  # back online: buying again
    qtbot.waitUntil(view.buy_button.isEnabled, timeout=WAIT)


def test_an_unreachable_insurer_is_said_without_its_address(qtbot: QtBot, make_session: MakeSession) -> None:
    offline = make_session("http://127.0.0.1:9", "offline", timeout=2)
    view = StoreView(offline)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: not view.loading and view.notice.isVisible(), timeout=WAIT)
    said = view.notice.text.text()
    assert "127.0.0.1" not in said and "http" not in said and "Error" not in said, said
    assert said.startswith("The insurer did not answer."), said
    assert_words_plain()


def test_a_track_withdrawn_meanwhile_stops_looking_available_at_the_next_sync(
    qtbot: QtBot, make_session: MakeSession, start_backend: StartBackend
) -> None:
    with start_backend() as backend:
        session = make_session(backend.url, user=unique_name(), insured=True)
        view = open_store(qtbot, session)
        assert view.select("harbor-0010")
        assert availability(view, "harbor-0010") == "Available"
        backend.admin("/content/harbor-0010/discontinue")
        with qtbot.waitSignal(view.model.modelReset, timeout=WAIT):
            session.sync()
        qtbot.waitUntil(lambda: availability(view, "harbor-0010") != "Available", timeout=WAIT)
        assert view.selected_entry() is not None and view.selected_entry().content_id == "harbor-0010"  # type: ignore[union-attr]
        assert not view.buy_button.isEnabled()
