"""One measured run each for `bench/gap.py` (run in its child process, against the private null sink)."""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QIODevice, QTimer

from mock_backend.demo.media import encode
from player.playback import GaplessPlayer, MediaPlayerEngine, PlayerBase, open_device
from player.protocol.container import ContainerReader
from tests.support.factories import make_container
from tests.support.sink import RATE, junction_silence_ms, recording, tone

MIME = "audio/flac"
TONE_S = 2.0
_ENGINES: dict[str, type[GaplessPlayer] | type[MediaPlayerEngine]] = {
    "gapless": GaplessPlayer,
    "mediaplayer": MediaPlayerEngine,
}


def _sealed(plain: bytes, name: str) -> QIODevice:
    """An encrypted track, opened ahead as the desktop player opens the next one (header checked, first
    segments decrypted)."""
    sealed, key, _ = make_container(plaintext=plain, content_id=name, mime=MIME)
    reader = ContainerReader(sealed, key)
    reader.warm()
    return open_device(reader)


def _run_until(player: PlayerBase, timeout_ms: int) -> None:
    loop = QEventLoop()
    player.media_ended.connect(loop.quit)
    player.failed.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def gap_once(engine: str) -> float:
    """Milliseconds of silence between two tones played in a row by `engine`, as recorded."""
    first, second = (encode(tone(hz, TONE_S), RATE, "flac") for hz in (440, 660))
    player = _ENGINES[engine]()
    queued: list[bool] = []

    def wanted() -> None:
        if not queued:
            queued.append(True)
            player.queue_next(_sealed(second, "second"), MIME, int(TONE_S * 1000))

    player.next_wanted.connect(wanted)
    try:
        with recording() as rec:
            player.play_source(_sealed(first, "first"), MIME, int(TONE_S * 1000))
            _run_until(player, int(4 * TONE_S * 1000) + 10_000)
            loop = QEventLoop()
            QTimer.singleShot(400, loop.quit)  # the tail still in the sink's buffer
            loop.exec()
    finally:
        player.stop()
    gap = junction_silence_ms(rec.pcm, 440, 660)
    if gap is None:
        raise RuntimeError(f"{engine}: the second track was not heard after the first")
    return gap
