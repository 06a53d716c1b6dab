"""A desktop notification when a track starts (org.freedesktop.Notifications), with its cover.

Sent with `jeepney` (already on the machine for the keyring's Secret Service) rather than QtDBus:
the notification spec's `Notify` takes a uint32 and an `(iiibiiay)` image struct, which PySide's QtDBus
cannot marshal from Python (it sends every int as int32), and daemons refuse a call whose signature is
off. Sent from one background thread, so a slow or absent notification daemon never holds the window
up; each notification replaces the previous one instead of piling up. The cover goes inside the
message as pixels (`image-data`): nothing is written to disk for it.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QImage

from player.ui.playing.now_playing import NowPlaying, NowPlayingTrack

APP_NAME = "Insured Player"
DESKTOP_ENTRY = "insured-player"
COVER_SIDE = 128
SHOWN_MS = 6000
ADDRESS = ("/org/freedesktop/Notifications", "org.freedesktop.Notifications")


def image_data(cover: bytes | None) -> tuple[str, tuple[Any, ...]] | None:
    """The cover as the spec's `image-data` hint: (width, height, rowstride, alpha, 8, 4, RGBA bytes)."""
    if not cover:
        return None
    image = QImage()
    if not image.loadFromData(cover):
        return None
    image = image.scaled(
        COVER_SIDE, COVER_SIDE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    ).convertToFormat(QImage.Format.Format_RGBA8888)
    pixels = bytes(image.constBits())[: image.bytesPerLine() * image.height()]
    return "(iiibiiay)", (image.width(), image.height(), image.bytesPerLine(), True, 8, 4, pixels)


class TrackNotifier(QObject):
    def __init__(self, now: NowPlaying, enabled: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._enabled = enabled
        self._last_id = 0  # the notification to replace
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="notify")
        now.track_started.connect(self.announce)

    def announce(self, track: NowPlayingTrack) -> None:
        if not self._enabled():
            return
        if track.artist and track.album:
            body = self.tr("{artist} — {album}").format(artist=track.artist, album=track.album)
        else:
            body = track.artist or track.album
        hints: dict[str, tuple[str, Any]] = {"desktop-entry": ("s", DESKTOP_ENTRY)}
        image = image_data(track.cover.data if track.cover is not None else None)
        if image is not None:
            hints["image-data"] = image
        self._pool.submit(self._send, track.title, body, hints)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _send(self, summary: str, body: str, hints: dict[str, tuple[str, Any]]) -> None:
        # Imported here: only a listener with notifications on pays for it, and never at start-up.
        from jeepney import DBusAddress, DBusErrorResponse, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        address = DBusAddress(ADDRESS[0], bus_name=ADDRESS[1], interface=ADDRESS[1])
        body_args: tuple[Any, ...] = (
            APP_NAME,
            self._last_id,
            DESKTOP_ENTRY,
            summary,
            body,
            [],
            hints,
            SHOWN_MS,
        )
        message = new_method_call(address, "Notify", "susssasa{sv}i", body_args)
        try:
            with open_dbus_connection(bus="SESSION") as connection:
                reply = connection.send_and_get_reply(message, timeout=5)
        except (OSError, KeyError, ValueError, TimeoutError, DBusErrorResponse):
            return  # no bus, no daemon, a refusal: a notification is a courtesy, not worth a message
        if reply.body and isinstance(reply.body[0], int):
            self._last_id = reply.body[0]
