"""A track's menu in the library, on a right-click over its row: play it, queue it (next, or at the
end), add it to a playlist, insure it, report it lost, see the copies it replaced. An own file's row
adds buying the same recording insured, opening its folder, and taking it out of the library.

The words keep the page's context in the catalog ("LibraryPage"): the menu was the page's own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMenu

from player.language import translate
from player.terminal import LibraryEntry
from player.ui.library import own_rows

if TYPE_CHECKING:
    from player.ui.library.view import LibraryPage


def show_track_menu(page: LibraryPage, point: QPoint) -> None:
    """The menu of the selected tracks, at `point` in the table's viewport."""
    menu = QMenu(page)
    play = menu.addAction(translate("LibraryPage", "Play"))
    play.setEnabled(page.selected_entry() is not None)
    play.triggered.connect(lambda: page.play_current())
    for text, at_head in (
        (translate("LibraryPage", "Play Next"), True),
        (translate("LibraryPage", "Add to Queue"), False),
    ):
        queue = menu.addAction(text)
        queue.setEnabled(bool(page.selected_ids()))
        queue.triggered.connect(lambda _=False, h=at_head: page.queue_selected(at_head=h))
    for extend in page.menu_extensions:  # Add to Playlist (player/ui/playlists)
        extend(menu)
    menu.addSeparator()
    insure = menu.addAction(translate("LibraryPage", "Insure…"))
    insure.setEnabled(bool(page.uninsured_entries(selected_only=True)))
    insure.triggered.connect(page.insure_selected)
    selected = page.selected_entry()
    lost = menu.addAction(translate("LibraryPage", "Report as Lost…"))
    lost.setEnabled(selected is not None and selected.insured)
    lost.triggered.connect(page.report_selected_lost)
    history = menu.addAction(translate("LibraryPage", "History…"))
    history.setEnabled(selected is not None and bool(page.model.history(selected.row.license_id)))
    history.triggered.connect(page.show_history)
    if selected is not None and selected.own is not None:
        _own_actions(page, menu, selected)
    menu.popup(page.table.viewport().mapToGlobal(point))


def _own_actions(page: LibraryPage, menu: QMenu, entry: LibraryEntry) -> None:
    """An own file's row: buy the same recording insured (where sold), find it, or take it out."""
    menu.addSeparator()
    offer = page.model.offer(entry)
    buy = menu.addAction(own_rows.buy_text())
    buy.setEnabled(offer is not None)
    buy.setToolTip(
        own_rows.offer_words(offer) if offer else translate("LibraryPage", "No provider sells this recording")
    )
    buy.triggered.connect(lambda: page.offer_requested.emit(offer))
    place = own_rows.where(entry)
    folder = menu.addAction(translate("LibraryPage", "Open Containing Folder"))
    folder.setEnabled(entry.own is not None and entry.own.available)
    folder.triggered.connect(lambda: _open_folder(entry))
    if place is not None:
        said = translate("LibraryPage", "Remove “{name}” from the Library…").format(name=place.name)
        remove = menu.addAction(said)
        remove.triggered.connect(lambda: page.remove_music_requested.emit(place))


def _open_folder(entry: LibraryEntry) -> None:
    """The file manager, in the folder that holds an own file."""
    if entry.own is not None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(entry.own.path.parent)))
