"""The worker runs what the window asks in the order it was asked, a higher priority first.

Edits the user makes one after the other (a playlist's reorder, then a drop into it) are sent to the
worker at the same priority and must be applied in that order, also when the first finds the worker
idle; a play the user asks for goes before background work already waiting."""

from __future__ import annotations

import threading
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from player.ui.kit.tasks import TaskRunner

WAIT = 10_000


def test_work_of_one_priority_runs_in_the_order_it_was_asked_even_from_idle(qtbot: QtBot) -> None:
    runner = TaskRunner()
    ran: list[int] = []

    def note(n: int) -> Callable[[object], None]:
        return lambda _p: ran.append(n)

    for n in range(300):  # each pair starts from an idle worker
        qtbot.waitUntil(lambda: not runner.busy, timeout=WAIT)
        runner.run(note(2 * n), priority=5)
        runner.run(note(2 * n + 1), priority=5)
    qtbot.waitUntil(lambda: not runner.busy, timeout=WAIT)
    assert ran == list(range(600))


def test_a_higher_priority_goes_before_work_waiting_but_not_before_work_running(qtbot: QtBot) -> None:
    runner = TaskRunner()
    gate, started = threading.Event(), threading.Event()
    ran: list[str] = []

    def running(_p: object) -> None:
        started.set()
        gate.wait(WAIT / 1000)
        ran.append("running")

    runner.run(running)
    assert started.wait(WAIT / 1000)
    runner.run(lambda _p: ran.append("sync"))
    runner.run(lambda _p: ran.append("fetch"))
    runner.run(lambda _p: ran.append("edit"), priority=5)
    runner.run(lambda _p: ran.append("play"), priority=10)
    runner.run(lambda _p: ran.append("second edit"), priority=5)
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=WAIT)
    assert ran == ["running", "play", "edit", "second edit", "sync", "fetch"]
