"""Playing through the sound card from the command line: `play` and `preview` wait here until the
track has played for as long as asked (counted from the first sound), or to its end."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from player.cli.output import Output
from player.cli.qt_app import application
from player.errors import IntegrityError, PlayerError
from player.language import translate

if TYPE_CHECKING:
    from player.playback import Player

START_GRACE_S = 10.0  # how long `play` waits for the sound to start before giving up


def play_sound(
    start: Callable[[Player], None], duration_ms: int, seconds: float | None, out: Output, title: str
) -> int:
    """`start(player)` hands the player its source (a decrypting device, a buffer, a plain file)."""
    from PySide6.QtCore import QEventLoop, QTimer

    from player.playback import PlaybackState, Player

    app = application()
    player = Player()
    loop = QEventLoop()
    errors: list[str] = []

    def on_failed(message: str) -> None:
        errors.append(message)
        loop.quit()

    def on_position(ms: int) -> None:
        # `--seconds N` means N seconds heard: count from the first sound, which a real sink may take a
        # second or two to ask for (docs/platform.md).
        if ms > 0 and not heard:
            heard.append(ms)
            if seconds is not None:
                QTimer.singleShot(int(seconds * 1000), loop.quit)

    heard: list[int] = []
    player.failed.connect(on_failed)
    player.media_ended.connect(loop.quit)
    player.position_changed.connect(on_position)
    limit = seconds if seconds is not None else duration_ms / 1000
    QTimer.singleShot(int((limit + START_GRACE_S) * 1000), loop.quit)  # never wait forever
    started = time.monotonic()
    start(player)
    loop.exec()
    position = player.position
    player.stop()
    deadline = time.monotonic() + 10
    while player.state is not PlaybackState.STOPPED and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    if errors:
        raise IntegrityError(translate("Cli", "playback failed: {errors}").format(errors=errors[0]))
    if not heard:
        raise PlayerError(
            translate(
                "Cli", "{title} did not start playing within {start_grace_s} s: no sound output?"
            ).format(title=title, start_grace_s=format(START_GRACE_S, ".0f"))
        )
    data = {"title": title, "played_ms": position, "seconds": round(time.monotonic() - started, 2)}
    out.emit(
        data,
        lambda: translate("Cli", "played {title} ({seconds} s)").format(
            title=title, seconds=format(position / 1000, ".1f")
        ),
    )
    return 0
