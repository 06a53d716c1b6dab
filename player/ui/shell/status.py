"""The status bar: online or offline, when the license list was last synced, and how long the cached list
keeps offline playback working (its `expires_at`, FIG.7), plus a busy indicator and Retry when offline.

Both times come from the one signed list: "Synced" is when the insurer signed the list this terminal
holds (every sync, and every purchase or claim that fetches the list, gets a freshly signed one) and
"until" is that list's `expires_at`. Two clocks (the window's own sync time against a list fetched by a
claim) once showed "Synced 06:59" beside a list signed at 07:02. The words are rendered again every
half minute, so "29 days" and "ran out" stay true while the window sits open.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QStatusBar, QStyle, QWidget

from player import words
from player.language import QT_TRANSLATE_NOOP, translate
from player.terminal import ListStatus
from player.ui.session import ConnectionState

TICK_MS = 30_000  # how often the times are put into words again

CONNECTION_WORDS = {
    ConnectionState.CONNECTING: QT_TRANSLATE_NOOP("StatusPanel", "Connecting to the insurer…"),
    ConnectionState.ONLINE: QT_TRANSLATE_NOOP("StatusPanel", "Online"),
    ConnectionState.OFFLINE: QT_TRANSLATE_NOOP("StatusPanel", "Offline"),
    ConnectionState.WORKING_OFFLINE: QT_TRANSLATE_NOOP("StatusPanel", "Working offline"),
}


def when(t: datetime, now: datetime | None = None) -> str:
    """A local time as people read it: "14:03" today, else "3 Dec 14:03" (with the year when not this
    one), as the language in force writes it."""
    return words.local_moment(t, now)


def grace(trusted: ListStatus | None, now: datetime | None = None) -> tuple[str, bool]:
    """(words, still_good): how long the cached list lets tracks play offline."""
    now = now or datetime.now(UTC)
    if trusted is None:
        return translate("StatusPanel", "no license list cached yet"), False
    expires = trusted.expires_at
    if expires <= now:
        return translate("StatusPanel", "the cached license list ran out {when}").format(
            when=when(expires, now)
        ), False
    return translate("StatusPanel", "until {when} ({left})").format(
        when=when(expires, now), left=words.time_left(expires, now)
    ), True


class StatusPanel(QWidget):
    """Lives in the window's status bar (permanent widgets on the right, messages on the left)."""

    retry_requested = Signal()
    rendered = Signal(str, bool)  # the cached list's grace in words, and whether it still holds

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        style = self.style()
        self._online_icon = style.standardIcon(QStyle.StandardPixmap.SP_DriveNetIcon).pixmap(16, 16)
        self._offline_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(16, 16)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumSize(80, 14)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Working"))
        self.busy.hide()
        self.icon = QLabel(self)
        self.connection = QLabel(translate("StatusPanel", CONNECTION_WORDS[ConnectionState.CONNECTING]), self)
        self.connection.setAccessibleName(self.tr("Connection"))
        self.retry = QPushButton(self.tr("Retry"), self)
        self.retry.setFlat(True)
        self.retry.setAccessibleName(self.tr("Retry connecting to the insurer"))
        self.retry.clicked.connect(self.retry_requested)
        self.retry.hide()
        self.synced = QLabel("", self)
        self.synced.setAccessibleName(self.tr("Last sync"))
        self.grace = QLabel("", self)
        self.grace.setAccessibleName(self.tr("Offline playback"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 6, 0)
        row.setSpacing(6)
        row.addWidget(self.busy)
        row.addWidget(self.icon)
        row.addWidget(self.connection)
        row.addWidget(self.retry)
        row.addWidget(_separator(self))
        row.addWidget(self.synced)
        row.addWidget(_separator(self))
        row.addWidget(self.grace)
        bar.addPermanentWidget(self)
        self._trusted: ListStatus | None = None
        self._last_sync: datetime | None = None
        self.set_connection(ConnectionState.CONNECTING)
        self.set_list(None, None)
        self._clock = QTimer(self)
        self._clock.setInterval(TICK_MS)
        self._clock.timeout.connect(self.tick)
        self._clock.start()

    def set_connection(self, name: str) -> None:
        state = ConnectionState(name)  # a queued signal carries the plain string
        self.connection.setText(translate("StatusPanel", CONNECTION_WORDS.get(state, state)))
        online = state is ConnectionState.ONLINE
        self.icon.setPixmap(
            self._online_icon if online or state is ConnectionState.CONNECTING else self._offline_icon
        )
        self.retry.setVisible(state in (ConnectionState.OFFLINE, ConnectionState.WORKING_OFFLINE))

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)

    def set_list(self, trusted: ListStatus | None, last_sync: datetime | None) -> None:
        """`last_sync` (the window's own memory of its last sync) is only shown while no list is held."""
        self._trusted = trusted or self._trusted
        self._last_sync = last_sync or self._last_sync
        self._render()

    def tick(self, now: datetime | None = None) -> None:
        """Time passes: "29 days" becomes "28 days", and a list that ran out says so."""
        self._render(now)

    def _render(self, now: datetime | None = None) -> None:
        now = now or datetime.now(UTC)
        synced = self._trusted.issued_at if self._trusted is not None else self._last_sync
        self.synced.setText(
            self.tr("Synced {when}").format(when=when(synced, now)) if synced else self.tr("Not synced yet")
        )
        said, good = grace(self._trusted, now)
        self.grace.setText(
            self.tr("Offline playback {until}").format(until=said) if good else said[:1].upper() + said[1:]
        )
        self.grace.setToolTip(
            self.tr(
                "How long the signed license list cached here lets valid tracks play without the insurer."
            )
        )
        self.rendered.emit(said, good)

    @property
    def trusted(self) -> ListStatus | None:
        return self._trusted


def _separator(parent: QWidget) -> QLabel:
    bar = QLabel("|", parent)
    bar.setEnabled(False)
    return bar
