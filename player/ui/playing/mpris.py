"""MPRIS2 on the session bus (QtDBus), so desktop media keys, applets and `playerctl` control the player.

Exports `/org/mpris/MediaPlayer2` with `org.mpris.MediaPlayer2` and `org.mpris.MediaPlayer2.Player`
under the name `org.mpris.MediaPlayer2.insured_player` (a second instance adds `.instance<pid>`, as the
spec says). Without a session bus (no desktop, or a test without one) it does nothing.

Cover art goes out as a `data:` URI (nothing is written to disk for it), and is left out past
`MAX_ART_BYTES`, since some clients choke on huge property values. Known gap: PySide6 turns a Python int
into a D-Bus int32 inside a variant map when it fits, so `mpris:length` is sent as `i` (not the spec's
`x`) for tracks under 35 minutes; the clients we know read either.
"""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import ClassInfo, Property, QMetaType, QObject, QUrl, Signal, Slot
from PySide6.QtDBus import (
    QDBusAbstractAdaptor,
    QDBusArgument,
    QDBusConnection,
    QDBusMessage,
    QDBusObjectPath,
)

from player.playback import PlaybackState
from player.ui.playing.now_playing import NowPlaying, NowPlayingTrack
from player.ui.playing.order import Repeat
from player.ui.playing.order import Shuffle as Shuffling  # `Shuffle` is the MPRIS property's name

SERVICE = "org.mpris.MediaPlayer2.insured_player"
OBJECT_PATH = "/org/mpris/MediaPlayer2"
ROOT_INTERFACE = "org.mpris.MediaPlayer2"
PLAYER_INTERFACE = "org.mpris.MediaPlayer2.Player"
NO_TRACK = "/org/mpris/MediaPlayer2/TrackList/NoTrack"
MAX_ART_BYTES = 256 * 1024
STATUS = {
    PlaybackState.PLAYING: "Playing",
    PlaybackState.PAUSED: "Paused",
    PlaybackState.STOPPED: "Stopped",
}
LOOP_STATUS = {Repeat.OFF: "None", Repeat.TRACK: "Track", Repeat.ALL: "Playlist"}


# PySide6's stubs type these narrower than the runtime: ClassInfo takes a dict and decorates a class;
# Property and Signal take Qt type names ("QStringList" marshals as D-Bus `as`, Python's list as `av`).
_class_info: Any = ClassInfo
_qt_property: Any = Property
_qt_signal: Any = Signal


def track_path(license_id: str) -> str:
    """A D-Bus object path naming the track (object paths allow only [A-Za-z0-9_] per element)."""
    return "/org/insured_player/track/" + (re.sub(r"[^A-Za-z0-9_]", "_", license_id) or "_")


def metadata(track: NowPlayingTrack | None, duration_ms: int) -> dict[str, Any]:
    if track is None:
        return {"mpris:trackid": QDBusObjectPath(NO_TRACK)}
    meta: dict[str, Any] = {
        "mpris:trackid": QDBusObjectPath(track_path(track.license_id)),
        "xesam:title": track.title,
        "xesam:artist": [track.artist] if track.artist else [],
        "xesam:album": track.album,
        "xesam:genre": [track.entry.row.genre] if track.entry.row.genre else [],
        "mpris:length": max(0, duration_ms) * 1000,
    }
    if track.entry.own is not None:  # the user's own file: where it is (an insured track has no such file)
        meta["xesam:url"] = bytes(QUrl.fromLocalFile(str(track.entry.own.path)).toEncoded().data()).decode()
    cover = track.cover
    if cover is not None and len(cover.data) <= MAX_ART_BYTES:
        meta["mpris:artUrl"] = f"data:{cover.mime};base64,{base64.b64encode(cover.data).decode('ascii')}"
    return meta


@_class_info({"D-Bus Interface": ROOT_INTERFACE})
class _Root(QDBusAbstractAdaptor):
    def __init__(self, service: MprisService) -> None:
        super().__init__(service)
        self._service = service

    @Slot()
    def Raise(self) -> None:
        self._service.raise_window()

    @Slot()
    def Quit(self) -> None:
        self._service.quit()

    def _true(self) -> bool:
        return True

    def _false(self) -> bool:
        return False

    def _identity(self) -> str:
        return "Insured Player"

    def _desktop_entry(self) -> str:
        return "insured-player"

    def _empty(self) -> list[str]:
        return []

    CanQuit = Property(bool, _true)
    CanRaise = Property(bool, _true)
    HasTrackList = Property(bool, _false)
    Identity = Property(str, _identity)
    DesktopEntry = Property(str, _desktop_entry)
    SupportedUriSchemes = _qt_property("QStringList", _empty)
    SupportedMimeTypes = _qt_property("QStringList", _empty)


@_class_info({"D-Bus Interface": PLAYER_INTERFACE})
class _Player(QDBusAbstractAdaptor):
    Seeked = _qt_signal("qlonglong")

    def __init__(self, service: MprisService) -> None:
        super().__init__(service)
        self._service = service
        self._now = service.now

    # --- methods ---------------------------------------------------------------------------------

    @Slot()
    def Next(self) -> None:
        self._now.next()

    @Slot()
    def Previous(self) -> None:
        self._now.previous()

    @Slot()
    def Pause(self) -> None:
        self._now.pause()

    @Slot()
    def PlayPause(self) -> None:
        self._now.toggle()

    @Slot()
    def Stop(self) -> None:
        self._now.stop()

    @Slot()
    def Play(self) -> None:
        self._now.resume()

    @Slot("qlonglong")
    def Seek(self, offset_us: int) -> None:
        self._now.seek_by(offset_us // 1000)

    @Slot(QDBusObjectPath, "qlonglong")
    def SetPosition(self, track: QDBusObjectPath, position_us: int) -> None:
        current = self._now.current
        if current is None or track.path() != track_path(current.license_id):
            return  # the spec: a stale track ID is ignored
        if 0 <= position_us <= self._now.current_duration * 1000:
            self._now.seek(position_us // 1000)

    @Slot(str)
    def OpenUri(self, uri: str) -> None:
        """Not supported: every track comes from the insured library."""

    # --- properties ------------------------------------------------------------------------------

    def _status(self) -> str:
        return STATUS[self._now.player.state]

    def _metadata(self) -> dict[str, Any]:
        return metadata(self._now.current, self._now.current_duration)

    def _position(self) -> int:
        return self._now.position * 1000

    def _volume(self) -> float:
        return self._now.player.volume

    def _set_volume(self, volume: float) -> None:
        self._service.set_volume(volume)

    def _rate(self) -> float:
        return 1.0

    def _set_rate(self, rate: float) -> None:
        """Only 1.0 is supported (MinimumRate = MaximumRate)."""

    def _loop(self) -> str:
        return LOOP_STATUS[self._now.order.repeat]

    def _set_loop(self, status: str) -> None:
        """ "None", "Track" or "Playlist" (the spec's words); anything else is ignored."""
        for repeat, name in LOOP_STATUS.items():
            if name == status:
                self._now.set_repeat(repeat)

    def _shuffle(self) -> bool:
        return self._now.order.shuffle is not Shuffling.OFF

    def _set_shuffle(self, on: bool) -> None:
        """On keeps albums shuffled as albums if that is how the listener shuffles; else by track."""
        if not on:
            self._now.set_shuffle(Shuffling.OFF)
        elif self._now.order.shuffle is Shuffling.OFF:
            self._now.set_shuffle(Shuffling.TRACKS)

    def _true(self) -> bool:
        return True

    def _has_track(self) -> bool:
        return self._now.current is not None

    PlaybackStatus = Property(str, _status)
    LoopStatus = Property(str, _loop, _set_loop)
    Shuffle = Property(bool, _shuffle, _set_shuffle)
    Metadata = _qt_property("QVariantMap", _metadata)
    Position = _qt_property("qlonglong", _position)
    Volume = Property(float, _volume, _set_volume)
    Rate = Property(float, _rate, _set_rate)
    MinimumRate = Property(float, _rate)
    MaximumRate = Property(float, _rate)
    CanGoNext = Property(bool, _true)
    CanGoPrevious = Property(bool, _true)
    CanPlay = Property(bool, _true)
    CanPause = Property(bool, _true)
    CanSeek = Property(bool, _has_track)
    CanControl = Property(bool, _true)


class MprisService(QObject):
    """The exported object; `start()` registers it (False when there is no session bus or the name is
    taken twice over), `stop()` takes it off the bus."""

    def __init__(
        self,
        now: NowPlaying,
        *,
        raise_window: Callable[[], None],
        quit: Callable[[], object],
        set_volume: Callable[[float], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.now = now
        self.raise_window = raise_window
        self.quit = quit
        self.set_volume = set_volume
        self.service_name = ""
        self._bus: QDBusConnection | None = None
        _Root(self)
        self._player = _Player(self)
        player = now.player
        player.state_changed.connect(lambda _: self._changed(PlaybackStatus=self._player._status()))
        player.duration_changed.connect(lambda _: self._changed(Metadata=self._player._metadata()))
        now.track_changed.connect(lambda _: self._changed(Metadata=self._player._metadata()))
        now.order_changed.connect(
            lambda: self._changed(LoopStatus=self._player._loop(), Shuffle=self._player._shuffle())
        )
        player.position_changed.connect(self._maybe_seeked)
        self._last_position = 0

    def start(self) -> bool:
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return False
        if not bus.registerObject(OBJECT_PATH, self, QDBusConnection.RegisterOption.ExportAdaptors):
            return False
        for name in (SERVICE, f"{SERVICE}.instance{os.getpid()}"):
            if bus.registerService(name):
                self._bus, self.service_name = bus, name
                return True
        bus.unregisterObject(OBJECT_PATH)
        return False

    def stop(self) -> None:
        if self._bus is not None:
            self._bus.unregisterService(self.service_name)
            self._bus.unregisterObject(OBJECT_PATH)
            self._bus, self.service_name = None, ""

    @property
    def registered(self) -> bool:
        return self._bus is not None

    def _changed(self, **properties: Any) -> None:
        """org.freedesktop.DBus.Properties.PropertiesChanged (signature sa{sv}as)."""
        if self._bus is None:
            return
        message = QDBusMessage.createSignal(
            OBJECT_PATH, "org.freedesktop.DBus.Properties", "PropertiesChanged"
        )
        invalidated = QDBusArgument()
        invalidated.beginArray(QMetaType(QMetaType.Type.QString))
        invalidated.endArray()
        message.setArguments([PLAYER_INTERFACE, properties, invalidated])
        self._bus.send(message)

    def _maybe_seeked(self, ms: int) -> None:
        """Positions advance by themselves; a jump of more than a second is a seek (the Seeked signal)."""
        last, self._last_position = self._last_position, ms
        if self._bus is not None and ms > 0 and abs(ms - last) > 1500:  # 0: a new track, not a seek
            self._player.Seeked.emit(ms * 1000)
