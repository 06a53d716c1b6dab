"""`python -m player.ui.screenshots OUTDIR`: regenerate the README's screenshots on the demo catalog.

It starts the bundled backend with the demo catalog in a temporary directory, and drives the terminal
core the way a user would have: sign up, take out insurance, buy a few tracks from both providers,
report one as lost (so the library holds a license the list calls invalid), then the supplier
discontinues one track (the backend's loopback admin control) and one track file is erased; two
playlists are made, one of them imported from an XSPF file holding a track this library does not have.
Then it renders the main window, the queue, a playlist, the store, the insurance view, the receipts,
the loss dialog (the erased track pre-checked), its result page, and the alternates dialog for the
discontinued track, each as a PNG in OUTDIR.

Works with `QT_QPA_PLATFORM=offscreen` (the default here when there is no display) and under
`xvfb-run -a -s "-screen 0 1280x800x24"` (the README's set). Every window takes its usual size or what
the screen leaves, whichever is smaller, so a run on `-screen 0 800x600x24`, or on 1920x1080 with
`QT_SCALE_FACTOR=2`, shows the layouts a small or a high-density screen gets. The keys of this
throwaway demo account live in memory for the run (its data directory is deleted afterwards), so no OS
keyring is needed or touched.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QApplication, QWidget

from player.language import LANGUAGES, SYSTEM, install
from player.playback import NullPlayer
from player.qt_logging import quiet_multimedia
from player.terminal import Terminal
from player.ui.claims.loss_dialog import LossDialog
from player.ui.insurance.insure_dialog import InsureDialog
from player.ui.kit.fit import fit_to_screen
from player.ui.library.model import Column
from player.ui.session import UiSession
from player.ui.shell.first_run import FirstRunDialog, Page
from player.ui.shell.main_window import MainWindow

MAX_BYTES = 200 * 1024  # the README's images stay small
PASSWORD = "demo password"  # noqa: S105 - the throwaway demo account of one run
BOUGHT = (
    "aurora-0001",  # Lantern Street (Jazz)
    "aurora-0004",  # Circuit Bloom (Electronic): its file is erased
    "aurora-0009",  # Highway Postcards (Rock): discontinued by its supplier
    "aurora-0013",  # The Miller's Daughter (Folk)
    "harbor-0003",  # Night Ferry (Electronic)
    "harbor-0006",  # Morning on the Quay (Classical): reported lost once, re-issued
    "harbor-0010",  # Harbour Fog (Ambient)
)
DISCONTINUED, REISSUED = "aurora-0009", "harbor-0006"
# The erased file is the discontinued track's: any other would come back free at the window's first sync
# (the license is kept), while this one cannot be sent again and needs a claim, which offers alternates.
ERASED = DISCONTINUED
UNINSURED = "harbor-0007"  # bought at its provider without insurance, to be insured later
SECOND_INSURER, AT_SECOND_INSURER = "minato", ("aurora-0002", "harbor-0011")  # a policy there too
IDENTITY = "demo@example.org"  # the same person at both insurers, as the insurers know them
PREFERRED_GENRE = "Rock"
# A playlist brought in from another player (XSPF): five tracks held here, found by their content IDs
# or their words, and one this library does not hold (it shows greyed, keeping its place).
PLAYLIST = "Sunday Morning"
PLAYLIST_TRACKS = ("harbor-0006", "aurora-0001", "harbor-0010", "aurora-0013", "harbor-0003")
NOT_HELD = ("Slow Tide", "Harbour Lights Trio", "Low Water", 214_000)  # sold by no provider here


def _parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m player.ui.screenshots", description=__doc__.splitlines()[0])
    p.add_argument("outdir", type=Path, help="where the PNGs go (docs/screenshots for the README)")
    p.add_argument(
        "--language",
        default=SYSTEM,
        choices=[SYSTEM, *LANGUAGES],
        help="the language the windows speak (default: the system's, as the player)",
    )
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    if not any(os.environ.get(v) for v in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    quiet_multimedia()  # before QtMultimedia is loaded (the main window's player)
    app = QApplication.instance() or QApplication([sys.argv[0]])  # the platform is read here
    install(app, args.language)
    args.outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="insured-player-shots-") as tmp:
        return _run(Path(tmp), args.outdir)


def _run(tmp: Path, outdir: Path) -> int:
    terminal = Terminal(tmp / "library", keys_in_memory=True)
    try:
        _say("starting the bundled backend (the first start renders the demo catalog)...")
        _stage(terminal, terminal.connection.url)
        session = UiSession(terminal)
        session.start()
        _settle(session)
        written = _shoot(session, outdir)
        _close(session)
    finally:
        terminal.close()  # stops the bundled backend too
    _say(f"wrote {len(written)} screenshots to {outdir}")
    return 0


def _stage(terminal: Terminal, url: str) -> None:
    """What the user did before the screenshots: all through the core, as the window would."""
    while (progress := terminal.purchases.catalog_progress()) is not None:  # rendered meanwhile
        _say(f"the demo catalog: {progress.ready} of {progress.total} tracks ready")
        time.sleep(2)
    _say("signing up, insuring, buying the demo tracks...")
    terminal.account.sign_up("demo", PASSWORD, IDENTITY)
    terminal.account.insure()
    for content_id in BOUGHT:
        terminal.purchases.buy(content_id)
    terminal.insure_later.buy(UNINSURED)
    terminal.claims.report_loss([REISSUED])  # FIG.7: the old license is now invalid in the list
    # The supplier stops distributing a track (the backend's admin control, loopback only).
    subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "mock_backend", "admin", "--server", url, "discontinue", DISCONTINUED],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    _playlists(terminal)
    # A policy with the backend's second insurer beside the first, and two tracks insured there.
    other = terminal.insurers.join(SECOND_INSURER)
    other.account.sign_up("demo", PASSWORD, IDENTITY)
    other.account.insure()
    for content_id in AT_SECOND_INSURER:
        other.purchases.buy(content_id)
    other.claims.report_loss([AT_SECOND_INSURER[0]])  # the insurers now share two losses of this person
    # The user erases a track file by mistake (as a file manager would: outside the player).
    path = terminal.library.file_path(ERASED)
    if path is not None:
        path.unlink()


def _playlists(terminal: Terminal) -> None:
    """Two playlists: one made here, one imported from an XSPF file another player wrote."""
    terminal.playlists.create("Road Trip", ["aurora-0009", "harbor-0003", "aurora-0004"])
    tracks = []
    for n, content_id in enumerate(PLAYLIST_TRACKS):
        row = terminal.library.resolve(content_id)
        words = (row.title, row.artist, row.album, row.duration_ms)
        tracks.append(_xspf_track(f"urn:insured-player:content:{content_id}" if n % 2 else "", *words))
    tracks.insert(2, _xspf_track("", *NOT_HELD))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sunday.xspf"
        path.write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n<playlist version="1" xmlns="http://xspf.org/ns/0/">'
            f"<title>{PLAYLIST}</title><trackList>{''.join(tracks)}</trackList></playlist>\n",
            encoding="utf-8",
        )
        terminal.playlists.import_xspf(path)


def _xspf_track(identifier: str, title: str, artist: str, album: str, ms: int) -> str:
    known = f"<identifier>{escape(identifier)}</identifier>" if identifier else ""
    return (
        f"<track>{known}<title>{escape(title)}</title><creator>{escape(artist)}</creator>"
        f"<album>{escape(album)}</album><duration>{ms}</duration></track>"
    )


ALBUM_SHOWN = ("The Halden String Players", "Coastal Suite")  # two tracks of one album, in its order


def _shoot(session: UiSession, outdir: Path) -> dict[str, bool]:
    written: dict[str, bool] = {}
    window = _main_window(session)
    fit_to_screen(window, QSize(1200, 720))
    window.show()
    window.start()
    _settle(session)
    written["main-window"] = _save(window, outdir / "main-window.png")
    browser = window.library.browser
    nodes = [browser.topLevelItem(i) for i in range(1, browser.topLevelItemCount())]
    for node in nodes:  # every artist open: their albums' covers are read
        if node is not None:
            node.setExpanded(True)
    _settle(session)
    browser.choose(ALBUM_SHOWN[0], ALBUM_SHOWN[1])
    window.library.table.sortByColumn(Column.TRACK, Qt.SortOrder.AscendingOrder)
    _settle(session)
    written["albums"] = _save(window, outdir / "albums.png")
    browser.choose(None)
    for node in nodes:
        if node is not None:
            node.setExpanded(False)
    window.library.table.sortByColumn(Column.ARTIST, Qt.SortOrder.AscendingOrder)
    playable = [e.row.license_id for e in window.library.visible_entries() if e.state == "valid"]
    window.queue_tracks(playable[-2:], False)  # two tracks queued, the Up Next panel beside the library
    window.queue_tracks(playable[1:2], True)
    _settle(session)
    written["queue"] = _save(window, outdir / "queue.png")
    window.now.queue.clear()
    window.queue_dock.hide()
    window.statusBar().clearMessage()
    sunday = next(p for p in window.playlists.book.playlists if p.name == PLAYLIST)
    window.playlists.open_playlist(sunday.playlist_id)
    window.playlists.page.table.selectRow(3)
    _settle(session)
    written["playlist"] = _save(window, outdir / "playlist.png")
    for name, section in (("store", 1), ("insurance", 2)):  # the window's own sections
        window.show_section(section)
        _settle(session)
        written[name] = _save(window, outdir / f"{name}.png")
    window.insurance.tabs.setCurrentIndex(1)  # History: what was replaced, and what the insurers shared
    _settle(session)
    written["shared-history"] = _save(window, outdir / "shared-history.png")
    window.insurance.tabs.setCurrentIndex(0)
    window.show_section(3)
    _settle(session)
    bought = [k for k in window.receipts.kept.values() if k.receipt.kind.value == "purchase"]
    if bought:
        window.receipts.select_receipt(bought[-1].receipt.receipt_id)
    written["receipts"] = _save(window, outdir / "receipts.png")
    window.show_section(0)
    window.show_preferences()
    preferences = window.preferences
    if preferences is not None:
        _settle(session)
        written["preferences"] = _save(preferences, outdir / "preferences.png")
        preferences.close()

    written["insurer-choice"] = _insurer_choice(session, outdir / "insurer-choice.png")

    uninsured = [e for e in session.library if not e.insured]
    insure = InsureDialog(session, uninsured, window)
    insure.show()
    _wait(lambda: insure.insure_button.isEnabled())
    _settle(session)
    written["insure-dialog"] = _save(insure, outdir / "insure-dialog.png")
    insure.reject()

    loss = LossDialog(session, window)
    fit_to_screen(loss, QSize(760, 500))
    loss.show()
    _wait(lambda: loss.scan_done)
    _settle(session)
    written["loss-dialog"] = _save(loss, outdir / "loss-dialog.png")

    loss.set_checked(DISCONTINUED)  # ticked by the scan already: its file is gone
    loss.genre.setCurrentIndex(max(0, loss.genre.findData(PREFERRED_GENRE)))
    loss.submit_claim()
    _wait(lambda: loss.pages.currentIndex() == 2)
    _settle(session)
    written["loss-result"] = _save(loss, outdir / "loss-result.png")

    alternates = loss.open_alternates()
    if alternates is not None:
        fit_to_screen(alternates, QSize(820, 620))
        _wait(lambda: alternates.details_loaded)
        _settle(session)
        written["alternates-dialog"] = _save(alternates, outdir / "alternates-dialog.png")
        alternates.reject()
    loss.accept()
    window.close()  # the window's own shutdown: closes the session too
    return written


def _insurer_choice(session: UiSession, path: Path) -> bool:
    """The first run on a new computer, where the backend hosts two insurers: their terms side by side."""
    fresh = Terminal(
        session.terminal.data_dir.with_name("fresh"), session.terminal.connection.url, keys_in_memory=True
    )
    first = UiSession(fresh)
    try:
        dialog = FirstRunDialog(first)
        fit_to_screen(dialog, QSize(660, 520))
        dialog.show()
        _wait(lambda: dialog.pages.currentIndex() == Page.CHOOSE)
        _settle(first)
        saved = _save(dialog, path)
        dialog.close()
        return saved
    finally:
        _close(first)
        fresh.close()


def _main_window(session: UiSession) -> MainWindow:
    """The main window, with no sound output, no D-Bus name and no first-run dialog."""
    return MainWindow(session, NullPlayer(), mpris=False, first_run=False)


def _save(widget: QWidget, path: Path) -> bool:
    widget.grab().save(str(path), "PNG", 0)  # 0: the smallest file
    size = path.stat().st_size
    _say(f"{path} ({size // 1024} KB)")
    if size > MAX_BYTES:
        _say(f"warning: {path.name} is over {MAX_BYTES // 1024} KB")
    return True


def _settle(session: UiSession, quiet_ms: int = 400, timeout_s: float = 120.0) -> None:
    """Let queued work finish and its answers reach the widgets: the worker idle for `quiet_ms`."""
    deadline = time.monotonic() + timeout_s
    quiet_since: float | None = None
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        if session.tasks.busy:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif (time.monotonic() - quiet_since) * 1000 >= quiet_ms:
            return
        time.sleep(0.02)
    _say("warning: the worker was still busy when the screenshot was taken")


def _wait(condition: Callable[[], bool], timeout_s: float = 120.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the view did not get ready in time")
        QCoreApplication.processEvents()
        time.sleep(0.02)


def _close(session: UiSession) -> None:
    session.tasks.wait()


def _say(line: str) -> None:
    print(f"screenshots: {line}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
