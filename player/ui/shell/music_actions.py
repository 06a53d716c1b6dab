"""What the window does with the user's own music: File > Add Music… and Add Music Folder…, files and
folders dropped on the window, taking a folder out again, what a scan found said in the message strip,
and a file's offer to buy the same recording insured opening the store on that track.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from player import words
from player.language import translate
from player.terminal import MusicScan
from player.ui.kit.banners import MessageBar
from player.ui.library.own_music import OwnMusicKeeper
from player.ui.library.view import LibraryPage
from player.ui.store.view import StoreView

if TYPE_CHECKING:
    from player.terminal import CatalogEntry


AUDIO_PATTERNS = "*.flac *.fla *.ogg *.oga *.opus *.mp3 *.wav *.wave"
STORE_SECTION = 1


class MusicActions(QMainWindow):
    """Mixed into the main window (`WindowActions`), which builds the widgets named below."""

    own_music: OwnMusicKeeper
    library: LibraryPage
    store: StoreView
    messages: MessageBar
    show_section: Callable[[int], None]

    def _connect_music(self) -> None:
        keeper = self.own_music
        keeper.scanned.connect(self.music_scanned)
        keeper.progressed.connect(self._music_progress)
        keeper.offers_changed.connect(self.library.model.set_offers)
        keeper.went_away.connect(self._music_went_away)
        keeper.not_watched.connect(self._music_not_watched)
        self.library.add_music_requested.connect(self.add_music_folder)
        self.library.offer_requested.connect(self.buy_insured_instead)
        self.library.remove_music_requested.connect(self.remove_music)
        self.setAcceptDrops(True)

    # --- adding ----------------------------------------------------------------------------------

    def add_music(self) -> None:
        """Ctrl+O: audio files, read where they are."""
        audio = self.tr("Audio files ({patterns});;All files (*)").format(patterns=AUDIO_PATTERNS)
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add Music"), _music_folder(), audio)
        if paths:
            self.own_music.add([Path(p) for p in paths])

    def add_music_folder(self) -> None:
        """Ctrl+Shift+O: a folder, with everything below it, watched from then on."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add Music Folder"), _music_folder())
        if folder:
            self.own_music.add([Path(folder)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_paths(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if _dropped_paths(event):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        """Files and folders dropped from a file manager are added as if chosen in Add Music."""
        paths = _dropped_paths(event)
        if not paths:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.own_music.add(paths)

    def _music_progress(self, done: int, total: int) -> None:
        said = words.count(
            total,
            self.tr("Reading your music: {done} of {n} file…"),
            self.tr("Reading your music: {done} of {n} files…"),
            done=f"{done:,}",
        )
        self.statusBar().showMessage(said, 3000)

    def music_scanned(self, scan: MusicScan, asked: bool) -> None:
        """What adding music did, said once in the message strip (a watched folder's changes quietly)."""
        self.statusBar().clearMessage()
        if not asked:
            return
        where = (
            self.tr("it plays from where it is and is not insured")
            if scan.added == 1
            else self.tr("they play from where they are and are not insured")
        )
        found = (scan.added, scan.updated, scan.removed, scan.skipped, scan.unavailable)
        text = words.music_scan(*found, of_added=where)
        trouble = bool(scan.skipped or scan.unavailable)
        if scan.changed:
            title = self.tr("Music added")
        else:
            title = self.tr("No music added") if trouble else self.tr("Nothing new")
        self.messages.show_message("warning" if trouble and not scan.added else "info", title, text)

    def _music_went_away(self, places: list[Path]) -> None:
        where = translate("Words", ", ", "between the items of a list").join(str(p) for p in places)
        self.messages.show_message(
            "info",
            self.tr("Some of your music cannot be reached"),
            self.tr(
                "{where} cannot be reached now. Its tracks stay in the library, greyed, and play again "
                "once it is back (is its drive plugged in?)."
            ).format(where=where),
        )

    def _music_not_watched(self, folders: int) -> None:
        self.messages.show_message(
            "info",
            self.tr("Some music folders are not watched"),
            words.count(
                folders,
                self.tr(
                    "The system would not watch {n} more folder for changes (its limit of watched folders "
                    "is reached). Changes there show when the player starts next."
                ),
                self.tr(
                    "The system would not watch {n} more folders for changes (its limit of watched "
                    "folders is reached). Changes there show when the player starts next."
                ),
            ),
        )

    def remove_music(self, place: Path) -> None:
        """Take a folder (or file) added earlier out of the library, asking first; the files stay."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove from the library"),
            self.tr("Stop showing the music in {place}?").format(place=place),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("removeMusic")
        box.setInformativeText(
            self.tr("Its tracks leave the library. The files themselves stay where they are.")
        )
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(_result: int) -> None:
            if box.clickedButton() is remove:
                self.own_music.remove(place)

        box.finished.connect(answered)
        box.open()

    # --- the offer -------------------------------------------------------------------------------

    def buy_insured_instead(self, offer: CatalogEntry) -> None:
        """The store, on the track a provider sells of the same recording as an own file."""
        self.store.search.clear()
        self.store.genre.setCurrentIndex(0)
        self.show_section(STORE_SECTION)
        if self.store.loaded:
            self.store.select(offer.content_id)
            return

        def loaded(_n: int) -> None:
            self.store.catalog_loaded.disconnect(loaded)
            self.store.select(offer.content_id)

        self.store.catalog_loaded.connect(loaded)


def _music_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.MusicLocation)


def _dropped_paths(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> list[Path]:
    """Local files and folders in a drop from a file manager ([] for anything else, such as rows)."""
    data = event.mimeData()
    if data is None or not data.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]
