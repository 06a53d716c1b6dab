"""Under a policy that checks every play, a track the user reported lost from another computer is refused
in this window at its next play, with the reason, although its cached list still called it valid."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from player.playback import PlaybackState
from player.ui.library.model import Column
from tests.stories.test_every_play import report_from_another_terminal
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession, unique_name
from tests.ui.window_helpers import double_click_row, entry_titled, open_window, row_of, visible_dialogs


def test_a_track_replaced_from_another_computer_is_refused_at_its_next_play(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    user = unique_name("rin")
    session = make_session(module_backend.url, user=user)
    policy = session.terminal.account.insure(check_every_play=True)
    bought = session.terminal.purchases.buy("aurora-0001")
    window = open_window(qtbot, session, rows=1)
    entry = entry_titled(window, "Lantern Street")
    row = row_of(window, entry.row.license_id)
    assert window.library.proxy.index(row, Column.LICENSE).data() == "Valid"

    report_from_another_terminal(module_backend, user, policy.contract_id, bought.license.license_id)
    window.now.preparer.clear()  # nothing opened ahead before the report: the play opens it now
    double_click_row(qtbot, window, row)
    qtbot.waitUntil(window.messages.isVisible, timeout=10_000)
    assert "re-distributed after a loss" in window.messages.text, window.messages.text
    assert window.player.state is not PlaybackState.PLAYING
    assert visible_dialogs() == []
