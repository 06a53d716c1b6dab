"""Story: what is queued to follow without a gap is always what the listener would hear next. Near the end
of a track the next row is opened and queued in the engine; Play Next, repeat one or a sync put something
else there, and the engine is handed that instead; when the engine starts it, it is the current track
(and leaves the play queue). The engine here is `NullPlayer`, which stands in for the end of a track
(`approach_end`, `end_media`); the sound of it is `test_gapless.py`'s.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from player.playback import NullPlayer
from player.ui.playing.order import Repeat
from player.ui.shell.main_window import MainWindow
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession
from tests.ui.window_helpers import WAIT, bought, entry_titled

TRACKS = ("aurora-0001", "aurora-0002", "aurora-0003")  # by The Marlow Quartet, one album, in order


def queued_title(window: MainWindow) -> str:
    queued = window.now.follower.queued
    return queued.title if queued is not None else ""


def test_the_following_track_is_queued_near_the_end_and_requeued_when_what_follows_changes(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = bought(make_session, module_backend.url, *TRACKS)
    player = NullPlayer()
    window = MainWindow(session, player, mpris=False, first_run=False)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 3, timeout=WAIT)
    qtbot.waitUntil(lambda: not session.tasks.busy, timeout=WAIT)
    titles = [window.library.proxy.entry_at(r).row.title for r in range(3)]
    first, second, third = (entry_titled(window, t) for t in titles)

    window.now.play(first)
    qtbot.waitUntil(
        lambda: window.now.current is not None and window.now.current.title == titles[0], timeout=WAIT
    )
    assert player.queued is None  # nothing is opened for the engine before it asks

    player.approach_end()  # about ten seconds before the end
    qtbot.waitUntil(lambda: player.queued is not None, timeout=WAIT)
    assert queued_title(window) == titles[1]
    assert window.now.current is not None and window.now.current.title == titles[0]

    window.now.queue.play_next([third.row.license_id])  # the listener changes what follows
    qtbot.waitUntil(lambda: queued_title(window) == titles[2] and player.queued is not None, timeout=WAIT)

    player.end_media()  # the engine starts it on the next sample
    assert window.now.current is not None and window.now.current.title == titles[2]
    assert window.now.queue.ids == []  # played from the queue: it leaves it
    assert window.bar.title.text() == titles[2]

    window.now.set_repeat(Repeat.TRACK)
    player.approach_end()
    qtbot.waitUntil(lambda: queued_title(window) == titles[2] and player.queued is not None, timeout=WAIT)
    window.now.set_repeat(Repeat.OFF)  # what follows is the row after it again: none, the album ended
    qtbot.waitUntil(lambda: player.queued is None and window.now.follower.queued is None, timeout=WAIT)
    assert second.row.title == titles[1]

    player.end_media()  # nothing queued: the track ends, and the end of the queue is said as before
    assert player.state.value == "stopped"
    window.now.stop()
