"""What the window remembers between runs, in an ini file under the data dir (so two data dirs, and two
test runs, never share settings): geometry and state, the library's column layout, the volume, the last
track and position, when the list was last synced, and the providers' names.

A damaged ini file just reads as defaults (QSettings ignores what it cannot parse)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from player.language import SYSTEM

FILE_NAME = "insured-player-ui.ini"
DEFAULT_VOLUME = 80


class UiSettings:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / FILE_NAME
        self._s = QSettings(str(self.path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self._s.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._s.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _int(self, key: str, default: int) -> int:
        raw: object = self._s.value(key, default)
        try:
            return int(str(raw))
        except ValueError:
            return default

    # --- window ----------------------------------------------------------------------------------

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._s.setValue("window/state", value)

    @property
    def header_state(self) -> QByteArray | None:
        return self._bytes("library/columns")  # "library/header" held the layout of eight columns

    @header_state.setter
    def header_state(self, value: QByteArray) -> None:
        self._s.setValue("library/columns", value)

    @property
    def columns_sized(self) -> bool:
        """The user has sized a library column: the widths are theirs, no longer fitted to the rows.
        Kept apart from the header's state, which is saved at every close (order, sort, hidden columns)
        and so says nothing of who chose the widths."""
        return self._s.value("library/columns_sized", False, type=bool) is True

    @columns_sized.setter
    def columns_sized(self, value: bool) -> None:
        self._s.setValue("library/columns_sized", value)

    @property
    def library_split(self) -> QByteArray | None:
        return self._bytes("window/library_split")

    @library_split.setter
    def library_split(self, value: QByteArray) -> None:
        self._s.setValue("window/library_split", value)

    @property
    def browser_wanted(self) -> bool:
        return self._int("window/browser", 1) == 1

    @browser_wanted.setter
    def browser_wanted(self, value: bool) -> None:
        self._s.setValue("window/browser", int(value))

    @property
    def page(self) -> int:
        return self._int("window/page", 0)

    @page.setter
    def page(self, value: int) -> None:
        self._s.setValue("window/page", value)

    @property
    def language(self) -> str:
        """The language chosen in Preferences ("en", "ja"), or "system" to follow the system locale."""
        return str(self._s.value("window/language", SYSTEM) or SYSTEM)

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("window/language", value)

    # --- playback --------------------------------------------------------------------------------

    @property
    def volume(self) -> int:
        return max(0, min(100, self._int("player/volume", DEFAULT_VOLUME)))

    @volume.setter
    def volume(self, value: int) -> None:
        self._s.setValue("player/volume", int(value))

    @property
    def notifications(self) -> bool:
        return self._int("desktop/notifications", 1) == 1

    @notifications.setter
    def notifications(self, value: bool) -> None:
        self._s.setValue("desktop/notifications", int(value))

    @property
    def tray_icon(self) -> bool:
        return self._int("desktop/tray_icon", 1) == 1

    @tray_icon.setter
    def tray_icon(self, value: bool) -> None:
        self._s.setValue("desktop/tray_icon", int(value))

    @property
    def close_to_tray(self) -> bool:
        return self._int("desktop/close_to_tray", 0) == 1

    @close_to_tray.setter
    def close_to_tray(self, value: bool) -> None:
        self._s.setValue("desktop/close_to_tray", int(value))

    @property
    def told_about_tray(self) -> bool:
        """The one-time word that the player keeps playing in the tray was said."""
        return self._int("desktop/told_about_tray", 0) == 1

    @told_about_tray.setter
    def told_about_tray(self, value: bool) -> None:
        self._s.setValue("desktop/told_about_tray", int(value))

    @property
    def muted(self) -> bool:
        return self._int("player/muted", 0) == 1

    @muted.setter
    def muted(self, value: bool) -> None:
        self._s.setValue("player/muted", int(value))

    @property
    def replaygain(self) -> str:
        """How tracks are levelled by their ReplayGain tags: "off", "track" or "album" (anything else
        reads as "off")."""
        value = str(self._s.value("playback/replaygain", "off") or "off")
        return value if value in ("off", "track", "album") else "off"

    @replaygain.setter
    def replaygain(self, value: str) -> None:
        self._s.setValue("playback/replaygain", str(value))

    @property
    def play_order(self) -> tuple[str, str]:
        """(repeat, shuffle) as their words ("off", "all", "track"; "off", "tracks", "albums")."""
        return str(self._s.value("player/repeat", "off")), str(self._s.value("player/shuffle", "off"))

    def set_play_order(self, repeat: str, shuffle: str) -> None:
        self._s.setValue("player/repeat", repeat)
        self._s.setValue("player/shuffle", shuffle)

    @property
    def queue(self) -> list[str]:
        """The play queue's license IDs, in order."""
        raw = self._s.value("player/queue", "")
        return [i for i in str(raw).split() if i] if raw else []

    @queue.setter
    def queue(self, ids: list[str]) -> None:
        self._s.setValue("player/queue", " ".join(ids))

    @property
    def last_track(self) -> tuple[str, int]:
        """(license ID, position in ms) of the track loaded at the last quit; ("", 0) if none."""
        return str(self._s.value("player/last_license", "") or ""), self._int("player/last_position", 0)

    def set_last_track(self, license_id: str, position_ms: int) -> None:
        self._s.setValue("player/last_license", license_id)
        self._s.setValue("player/last_position", int(position_ms))

    # --- what the session learnt -------------------------------------------------------------------

    @property
    def last_sync(self) -> datetime | None:
        text = str(self._s.value("sync/last", "") or "")
        try:
            return datetime.fromisoformat(text) if text else None
        except ValueError:
            return None

    @last_sync.setter
    def last_sync(self, value: datetime) -> None:
        self._s.setValue("sync/last", value.isoformat())

    @property
    def provider_names(self) -> dict[str, str]:
        try:
            names = json.loads(str(self._s.value("library/providers", "{}") or "{}"))
        except ValueError:
            return {}
        return {str(k): str(v) for k, v in names.items()} if isinstance(names, dict) else {}

    @provider_names.setter
    def provider_names(self, names: dict[str, str]) -> None:
        self._s.setValue("library/providers", json.dumps(names, sort_keys=True))
