"""Every window and dialog fits a small screen: 800×600, and 1920×1080 at 200 % scale (960×540 logical).

Each is shown at the room such a screen leaves once a panel and the title bar have taken theirs
(`ROOM`), and every control a user reaches must then lie inside it, whole: not cut off at an edge, not
squeezed below the size its text needs. Windows also open no larger than the screen they are on.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QHelpEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QToolButton,
    QToolTip,
    QWidget,
)
from pytestqt.qtbot import QtBot

from player.ui.claims.alternates_dialog import AlternatesDialog
from player.ui.insurance.insure_dialog import InsureDialog
from player.ui.kit.elided import ElidedLabel
from player.ui.kit.fit import ROOM
from player.ui.library.model import Column
from player.ui.library.widths import PADDING
from player.ui.shell.first_run import FirstRunDialog
from player.ui.shell.main_window import MainWindow
from player.ui.store.model import Column as StoreColumn
from tests.conftest import StartBackend
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession, unique_name
from tests.ui.loss_helpers import open_loss_dialog, wait_for_result, wait_idle
from tests.ui.window_helpers import bought, open_window

REACHABLE = (QAbstractButton, QComboBox, QLineEdit, QAbstractItemView, QScrollArea)


def _scrolled(w: QWidget, top: QWidget) -> bool:
    """Inside a scroll area or a line edit (its own clear button): reached by scrolling, or part of it."""
    parent = w.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QScrollArea | QLineEdit | QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def _cramped(top: QWidget) -> list[str]:
    """What a user could not reach or read in `top` as it is laid out now."""
    inside = QRect(QPoint(0, 0), top.size())
    found = []
    for w in top.findChildren(QWidget):
        if not isinstance(w, REACHABLE) or not w.isVisible() or w.window() is not top:
            continue
        if _scrolled(w, top) or (isinstance(w, QToolButton) and not w.text()):
            continue  # the scroll area is checked instead; an icon button is as wide as its icon
        where = QRect(w.mapTo(top, QPoint(0, 0)), w.size())
        name = f"{type(w).__name__} {getattr(w, 'text', lambda: '')() or w.accessibleName()!r}"
        if not inside.contains(where):
            found.append(f"{name} at {where.getRect()} is outside {inside.getRect()}")
        if isinstance(w, QAbstractButton | QComboBox) and w.width() < w.minimumSizeHint().width():
            found.append(f"{name} is {w.width()} px wide, its text needs {w.minimumSizeHint().width()}")
    for label in top.findChildren(QLabel):
        if not label.isVisible() or label.window() is not top or not label.text() or _in_scroll(label, top):
            continue
        if isinstance(label, ElidedLabel):
            continue  # it says so itself: "…" and the whole text on hover
        if label.wordWrap() and label.height() < label.heightForWidth(label.width()):
            found.append(
                f"label {label.text()[:40]!r} is cut off below: {label.height()} px of its "
                f"{label.heightForWidth(label.width())}"
            )
        elif not label.wordWrap() and label.width() < label.minimumSizeHint().width():
            found.append(f"label {label.text()[:40]!r} is cut off at the side")
    return found


def _in_scroll(w: QWidget, top: QWidget) -> bool:
    """Inside a scroll area: it may be as tall as it likes, the area scrolls."""
    parent = w.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _fits(qtbot: QtBot, top: QWidget, what: str, room: QSize = ROOM) -> list[str]:
    need = top.minimumSizeHint().expandedTo(top.minimumSize())
    problems = []
    if need.width() > room.width() or need.height() > room.height():
        problems.append(
            f"{what} needs {need.width()}×{need.height()}, more than {room.width()}×{room.height()}"
        )
    qtbot.wait(30)
    problems += [f"{what}, as it opens: {p}" for p in _cramped(top)]
    top.resize(room)
    qtbot.wait(30)
    problems += [f"{what}: {p}" for p in _cramped(top)]
    return problems


def test_the_main_window_and_its_sections_fit_a_small_screen(
    qtbot: QtBot, make_session: MakeSession, start_backend: StartBackend
) -> None:
    with start_backend() as backend:
        session = bought(make_session, backend.url, "aurora-0001", "harbor-0011")
        session.terminal.insure_later.buy("harbor-0007")  # held without insurance: the store's longest word
        window = open_window(qtbot, session, rows=3)
        screen = window.screen().availableGeometry()
        assert window.width() <= screen.width() and window.height() <= screen.height()
        problems = []
        for section, name in enumerate(("Library", "Store", "Insurance", "Receipts")):
            window.show_section(section)
            wait_idle(qtbot, session)
            problems += _fits(qtbot, window, f"the window's {name}")
        assert not problems, "\n".join(problems)
        assert window.sidebar.compact  # icons only: the room goes to the tracks
        player_bar = window.bar  # the seek bar keeps the lion's share: the volume slider folds away first
        assert player_bar.seek.width() >= 200 and player_bar.volume.isHidden() and player_bar.stop.isHidden()
        before = player_bar.volume.value()
        wheel = QWheelEvent(
            QPointF(5, 5),
            QPointF(player_bar.mute.mapToGlobal(QPoint(5, 5))),
            QPoint(0, 0),
            QPoint(0, -240),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(player_bar.mute, wheel)  # the speaker button's wheel carries the volume
        assert (
            player_bar.volume.value() == before - 10 and f"volume {before - 10}%" in player_bar.mute.toolTip()
        )
        for section, table in enumerate((window.library.table, window.store.table)):
            window.show_section(section)  # every column in view: nothing to scroll sideways for
            bar = table.horizontalScrollBar()
            qtbot.waitUntil(lambda b=bar: b.maximum() == 0, timeout=5_000)  # type: ignore[misc]
        store = window.store  # "Owned, not insured" is cut rather than taking the title's room
        assert store.select("harbor-0007")
        qtbot.waitUntil(lambda: store.table.horizontalScrollBar().maximum() == 0, timeout=5_000)
        assert store.table.columnWidth(StoreColumn.TITLE) >= 96  # the cover and the first words
        window.resize(1280, 800)
        qtbot.waitUntil(lambda: not window.sidebar.compact, timeout=5_000)
        assert player_bar.volume.isVisible() and player_bar.stop.isVisible()


def _small_dialogs(qtbot: QtBot, window: MainWindow, make_session: MakeSession, url: str) -> list[str]:
    problems = []
    first_run = FirstRunDialog(window.session, window)
    qtbot.addWidget(first_run)
    first_run.show()
    problems += _fits(qtbot, first_run, "the sign-in dialog")
    first_run.reject()
    newcomer = make_session(url, "newcomer", user=unique_name())  # signed up, not insured yet
    terms_page = FirstRunDialog(newcomer, window)
    qtbot.addWidget(terms_page)
    terms_page.show()
    qtbot.waitUntil(lambda: terms_page.terms is not None, timeout=30_000)
    problems += _fits(qtbot, terms_page, "the terms of the insurance")
    terms_page.reject()
    uninsured = list(window.session.library)
    insure = InsureDialog(window.session, uninsured, window)
    qtbot.addWidget(insure)
    insure.show()
    problems += _fits(qtbot, insure, "the insure dialog")
    insure.reject()
    window.show_preferences()
    assert window.preferences is not None
    problems += _fits(qtbot, window.preferences, "the preferences")
    window.preferences.close()
    return problems


def test_every_dialog_of_a_claim_fits_a_small_screen(
    qtbot: QtBot, make_session: MakeSession, start_backend: StartBackend
) -> None:
    with start_backend() as backend:
        session = make_session(backend.url, user=unique_name(), insured=True)
        session.terminal.purchases.buy("aurora-0009")
        backend.admin("/content/aurora-0009/discontinue")
        window = open_window(qtbot, session, rows=1)
        problems = _small_dialogs(qtbot, window, make_session, backend.url)

        dialog = open_loss_dialog(qtbot, session)
        screen = dialog.screen().availableGeometry()
        problems += _fits(qtbot, dialog, "the loss dialog")
        dialog.set_checked("aurora-0009")
        dialog.submit_claim()
        wait_for_result(qtbot, dialog)
        problems += _fits(qtbot, dialog, "the loss dialog's result")
        alternates = dialog.open_alternates()
        assert isinstance(alternates, AlternatesDialog)
        qtbot.waitUntil(lambda: alternates.details_loaded, timeout=30_000)
        assert alternates.width() <= screen.width() and alternates.height() <= screen.height()
        problems += _fits(qtbot, alternates, "the alternates dialog")
        alternates.reject()
        assert not problems, "\n".join(problems)


def _hover(table: QAbstractItemView, index: QModelIndex) -> str:
    """Rest the mouse on a cell as a user would; the tooltip it shows ("" for none)."""
    QToolTip.hideText()
    pos = table.visualRect(index).center()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, table.viewport().mapToGlobal(pos))
    QApplication.sendEvent(table.viewport(), event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_columns_share_the_spare_width_and_a_title_cut_short_shows_whole_on_hover(
    qtbot: QtBot, make_session: MakeSession, start_backend: StartBackend
) -> None:
    with start_backend() as backend:
        session = make_session(backend.url, user=unique_name(), insured=True)
        for content_id in ("aurora-0013", "harbor-0006"):  # The Miller's Daughter, Morning on the Quay
            session.terminal.purchases.buy(content_id)
        window = open_window(qtbot, session, rows=2)
        window.resize(1600, 800)  # room to spare beside the artist tree
        qtbot.wait(50)
        table, header = window.library.table, window.library.table.horizontalHeader()
        widths = {c: header.sectionSize(c) for c in Column}
        # no blank band at the right, and the license's word or two does not take the spare width
        assert abs(sum(widths.values()) - table.viewport().width()) <= len(Column)

        def needs(c: Column) -> int:
            return max(table.sizeHintForColumn(c), header.sectionSizeHint(c)) + PADDING

        assert widths[Column.LICENSE] <= needs(Column.LICENSE)
        assert widths[Column.TITLE] > needs(Column.TITLE)  # the spare width went to the titles

        window.resize(ROOM)
        qtbot.wait(50)
        proxy = window.library.proxy

        def cut_in(column: Column) -> list[QModelIndex]:
            return [
                proxy.index(r, column)
                for r in range(proxy.rowCount())
                if table.fontMetrics().horizontalAdvance(str(proxy.index(r, column).data()))
                > header.sectionSize(column) - 8
            ]

        assert cut_in(Column.TITLE) == []  # the title gives way last: the provider and the like first
        cut = cut_in(Column.PROVIDER)
        assert cut, "at this width the provider's name should be cut short"
        whole = proxy.index(0, Column.DURATION)  # "3:12" fits: no tooltip repeats it
        assert _hover(table, whole) == ""
        assert _hover(table, cut[0]) == cut[0].data()


def test_columns_keep_fitting_at_the_next_launch_until_the_user_sizes_one(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = make_session(module_backend.url, user=unique_name(), insured=True)
    for content_id in ("aurora-0013", "harbor-0006"):
        session.terminal.purchases.buy(content_id)
    first = open_window(qtbot, session, rows=2)
    first.close()  # the header's order and sort are saved; no width was chosen by the user

    again = open_window(qtbot, make_session(module_backend.url), rows=2)
    again.resize(1280, 800)
    table, header = again.library.table, again.library.table.horizontalHeader()
    qtbot.waitUntil(
        lambda: (
            abs(
                sum(header.sectionSize(c) for c in Column if not header.isSectionHidden(c))
                - table.viewport().width()
            )
            <= len(Column)
        ),
        timeout=5_000,
    )
    assert table.horizontalScrollBar().maximum() == 0  # fitted: nothing hides past the right edge
    again.queue_dock.show()  # Up Next beside the table: the columns fit the narrower room
    qtbot.waitUntil(
        lambda: not again.library.browser.isVisible() and table.horizontalScrollBar().maximum() == 0,
        timeout=5_000,
    )

    # the user's own width: theirs from now on, not fitted
    header.resizeSection(Column.ALBUM, header.sectionSize(Column.ALBUM) + 30)
    album_to_title = header.sectionSize(Column.ALBUM) / header.sectionSize(Column.TITLE)
    again.close()
    third = open_window(qtbot, make_session(module_backend.url), rows=2)
    third.resize(1000, 700)
    header = third.library.table.horizontalHeader()

    def theirs() -> bool:  # scaled to the room, in the proportions the user gave the columns
        return (
            abs(header.sectionSize(Column.ALBUM) / header.sectionSize(Column.TITLE) - album_to_title) < 0.03
        )

    qtbot.waitUntil(theirs, timeout=5_000)
    qtbot.wait(100)
    assert theirs() and third.library.table.horizontalScrollBar().maximum() == 0
