"""Preferences: the desktop (tray icon, closing to it, notifications, the language), playback
(ReplayGain), the music folders of one's own files, the insurer the player talks to, and the check with
the insurer on every play where the policy leaves it to the user.

Each change applies at once and is remembered (the window's settings, or the terminal's own store for
what the core decides with); the language and the insurer's address from the next start (the windows
are built in a language; the library's licenses come from the insurer it talks to now). An address that
is not one is said under its field and not kept.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from player.errors import PlayerError
from player.language import QT_TRANSLATE_NOOP, names, translate
from player.ui.kit import ADVANCED
from player.ui.kit.fit import fit_to_screen, scrolling
from player.ui.kit.guard import while_alive
from player.ui.kit.messages import describe
from player.ui.kit.settings import UiSettings
from player.ui.kit.tasks import Progress
from player.ui.session import UiSession
from player.ui.shell.tray import Tray

REPLAYGAIN_WORDS = {
    "off": QT_TRANSLATE_NOOP("PreferencesDialog", "Off"),
    "track": QT_TRANSLATE_NOOP("PreferencesDialog", "Track gain"),
    "album": QT_TRANSLATE_NOOP("PreferencesDialog", "Album gain"),
}


def _note(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setContentsMargins(24, 0, 0, 0)  # under a box's text, not its tick
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.92)
    label.setFont(font)
    return label


class PreferencesDialog(QDialog):
    desktop_changed = Signal()  # the tray icon or closing to it changed: the window applies it
    replaygain_chosen = Signal(str)  # a ReplayGainMode value
    add_folder_requested = Signal()
    remove_place_requested = Signal(object)  # Path: a folder or file added earlier

    def __init__(self, session: UiSession, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self._desktop())
        layout.addWidget(self._playback())
        layout.addWidget(self._folders())
        layout.addWidget(self._insurer())
        layout.addWidget(self._playing())
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        outer = QVBoxLayout(self)
        outer.addWidget(scrolling(body), 1)
        outer.addWidget(buttons)
        fit_to_screen(self, QSize(560, 800))  # all of it where the screen has room; else it scrolls
        session.library_changed.connect(self.refresh_places)  # own music added or removed meanwhile
        self.refresh_places()

    # --- the desktop -----------------------------------------------------------------------------

    def _desktop(self) -> QGroupBox:
        box = QGroupBox(self.tr("Desktop"))
        self.tray_icon = QCheckBox(self.tr("Show an icon in the tray"))
        self.tray_icon.setChecked(self.settings.tray_icon)
        self.close_to_tray = QCheckBox(self.tr("Keep playing in the tray when the window is closed"))
        self.close_to_tray.setChecked(self.settings.close_to_tray)
        self.close_to_tray.setEnabled(self.settings.tray_icon)
        self.tray_note = _note()
        if not Tray.desktop_has_one():
            self.tray_note.setText(self.tr("This desktop shows no tray: closing the window quits."))
        self.tray_note.setVisible(bool(self.tray_note.text()))
        self.notify = QCheckBox(self.tr("Announce each new track in a desktop notification"))
        self.notify.setChecked(self.settings.notifications)
        self.tray_icon.toggled.connect(self._tray_toggled)
        self.close_to_tray.toggled.connect(self._close_to_tray_toggled)
        self.notify.toggled.connect(self._notify_toggled)
        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        for value, name in names():
            self.language.addItem(name, value)
        self.language.setCurrentIndex(max(0, self.language.findData(self.settings.language)))
        self.language_note = _note()
        self.language_note.setObjectName("languageNote")
        self.language_note.hide()
        self.language.activated.connect(self._language_chosen)
        languages = QFormLayout()
        languages.addRow(self.tr("Language:"), self.language)
        layout = QVBoxLayout(box)
        for widget in (self.tray_icon, self.close_to_tray, self.tray_note, self.notify):
            layout.addWidget(widget)
        layout.addLayout(languages)
        layout.addWidget(self.language_note)
        return box

    def _language_chosen(self, index: int) -> None:
        """Remembered for the next start: every window is built in its language then (Strawberry and
        Quod Libet also ask for a restart)."""
        self.settings.language = str(self.language.itemData(index))
        self.language_note.setText(
            self.tr("The player speaks {language} from its next start.").format(
                language=self.language.itemText(index)
            )
        )
        self.language_note.show()

    def _tray_toggled(self, on: bool) -> None:
        self.settings.tray_icon = on
        self.close_to_tray.setEnabled(on)
        self.desktop_changed.emit()

    def _close_to_tray_toggled(self, on: bool) -> None:
        self.settings.close_to_tray = on
        self.desktop_changed.emit()

    def _notify_toggled(self, on: bool) -> None:
        self.settings.notifications = on
        self.desktop_changed.emit()

    # --- playback --------------------------------------------------------------------------------

    def _playback(self) -> QGroupBox:
        box = QGroupBox(self.tr("Playback"))
        self.replaygain = QComboBox()
        self.replaygain.setObjectName("replaygainChoice")
        self.replaygain.setAccessibleName(self.tr("ReplayGain"))
        for mode, words in REPLAYGAIN_WORDS.items():
            self.replaygain.addItem(translate("PreferencesDialog", words), mode)
        self.show_replaygain(self.settings.replaygain)
        self.replaygain.activated.connect(
            lambda index: self.replaygain_chosen.emit(str(self.replaygain.itemData(index)))
        )
        form = QFormLayout(box)
        form.addRow(self.tr("ReplayGain:"), self.replaygain)
        form.addRow(
            _note(self.tr("Evens out loudness from the tracks' own tags, never past a track's peak."))
        )
        return box

    def show_replaygain(self, mode: str) -> None:
        """The mode in force (chosen here, or from the Playback menu)."""
        index = self.replaygain.findData(mode)
        self.replaygain.setCurrentIndex(max(0, index))

    # --- music folders ---------------------------------------------------------------------------

    def _folders(self) -> QGroupBox:
        box = QGroupBox(self.tr("Your music folders"))
        self.places = QListWidget()
        self.places.setObjectName("musicPlaces")
        self.places.setAccessibleName(self.tr("Folders and files of your own music"))
        self.places.setMaximumHeight(self.fontMetrics().height() * 6)
        add = QPushButton(self.tr("Add Folder…"))
        add.clicked.connect(self.add_folder_requested)
        self.remove_place = QPushButton(self.tr("Remove…"))
        self.remove_place.setEnabled(False)
        self.remove_place.clicked.connect(self._remove_chosen)
        self.places.currentRowChanged.connect(lambda row: self.remove_place.setEnabled(row >= 0))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(self.remove_place)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.places)
        layout.addLayout(buttons)
        layout.addWidget(
            _note(self.tr("Played where they are, never copied or sent anywhere; watched for changes."))
        )
        return box

    def refresh_places(self, *_: object) -> None:
        music = self.session.terminal.own_music

        def shown(places: list[Path]) -> None:
            chosen = self.places.currentItem()
            keep = chosen.data(Qt.ItemDataRole.UserRole) if chosen is not None else None
            self.places.clear()
            for place in places:
                item = QListWidgetItem(str(place))
                item.setData(Qt.ItemDataRole.UserRole, place)
                item.setToolTip(str(place))
                self.places.addItem(item)
                if place == keep:
                    self.places.setCurrentItem(item)
            self.remove_place.setEnabled(self.places.currentRow() >= 0)

        def work(_: Progress) -> list[Path]:
            found = music.places()
            return [f.path for f in found.folders] + list(found.files)

        self.session.call(work, while_alive(self.places, shown), lambda _e: None)

    def _remove_chosen(self) -> None:
        item = self.places.currentItem()
        if item is not None:
            self.remove_place_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    # --- the insurer -----------------------------------------------------------------------------

    def _insurer(self) -> QGroupBox:
        box = QGroupBox(self.tr("Insurer"))
        box.setProperty(ADVANCED, True)  # an address is what is typed here: the one place one is shown
        connection = self.session.terminal.connection
        self.bundled = QRadioButton(self.tr("The insurer bundled with the player (the demo catalog)"))
        self.remote = QRadioButton(self.tr("An insurer at this address:"))
        self.address = QLineEdit()
        self.address.setObjectName("insurerAddress")
        self.address.setAccessibleName(self.tr("The insurer's address"))
        self.address.setPlaceholderText("https://insurer.example")
        group = QButtonGroup(self)
        group.addButton(self.bundled)
        group.addButton(self.remote)
        saved = connection.saved_server
        self.remote.setChecked(saved is not None)
        self.bundled.setChecked(saved is None)
        self.address.setText(saved or "")
        self.address.setEnabled(saved is not None)
        self.insurer_note = _note()
        self.insurer_note.setObjectName("insurerNote")
        self.insurer_error = _note()
        self.insurer_error.setObjectName("insurerError")
        self.insurer_error.hide()
        if connection.given_server:
            for widget in (self.bundled, self.remote, self.address):
                widget.setEnabled(False)
            self.insurer_note.setText(
                self.tr("The insurer was given when the player was started; it is used instead.")
            )
        else:
            self.insurer_note.setText(
                self.tr(
                    "Used from the next start. Your licenses come from the insurer you use now: "
                    "keep it while you want to play them."
                )
            )
        self.bundled.toggled.connect(self._insurer_changed)
        self.address.editingFinished.connect(self._insurer_changed)
        layout = QVBoxLayout(box)
        for widget in (self.bundled, self.remote):
            layout.addWidget(widget)
        form = QFormLayout()
        form.setContentsMargins(24, 0, 0, 0)
        form.addRow(self.address)
        layout.addLayout(form)
        layout.addWidget(self.insurer_error)
        layout.addWidget(self.insurer_note)
        return box

    def _insurer_changed(self) -> None:
        remote = self.remote.isChecked()
        self.address.setEnabled(remote)
        text = self.address.text().strip()
        if remote and not text:
            self.address.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        connection = self.session.terminal.connection

        def refused(e: PlayerError) -> None:
            self.insurer_error.setText(describe(e)[1])
            self.insurer_error.show()

        self.insurer_error.hide()
        self.session.call(
            lambda _: connection.save_server(text if remote else None), None, while_alive(self, refused)
        )

    # --- playing ---------------------------------------------------------------------------------

    def _playing(self) -> QGroupBox:
        box = QGroupBox(self.tr("Playing"))
        account = self.session.terminal.account
        self.every_play = QCheckBox(self.tr("Check with the insurer on every play (while online)"))
        self.every_play.setObjectName("everyPlayChoice")
        self.every_play_note = _note()
        required = False
        with contextlib.suppress(PlayerError):  # no policy readable here: the choice is kept for later
            required = account.insured and account.policy().check_every_play
        if required:
            self.every_play.setChecked(True)
            self.every_play.setEnabled(False)
            self.every_play_note.setText(self.tr("Your policy asks for this check (its premiums are lower)."))
        else:
            self.every_play.setChecked(account.every_play_chosen)
            self.every_play_note.setText(
                self.tr(
                    "Your policy does not ask for it: with it on, a track whose license the insurer has just "
                    "withdrawn stops at once instead of at the next sync."
                )
            )
        self.every_play.toggled.connect(lambda on: self.session.call(lambda _: account.choose_every_play(on)))
        layout = QVBoxLayout(box)
        layout.addWidget(self.every_play)
        layout.addWidget(self.every_play_note)
        return box
