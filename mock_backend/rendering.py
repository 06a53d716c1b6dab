"""The demo catalog's first rendering, in the background of a backend that already answers.

Synthesising the demo catalog takes a quarter of a minute on two cores; a backend that rendered it before
answering kept the player's first-run dialog waiting that long. Here the backend listens at once (accounts,
policies and the terms need no catalog) while a thread renders the tracks in worker processes and puts
each on sale the moment it is ready (`catalog_builder.build_demo`). `/healthz` says how far it has come,
and the player's store shows that until the catalog is whole. Tracks go on sale one by one rather than
all at once: the first ones can be bought while the rest are still being made, and a restart keeps what
was finished and renders only the rest.

The admin control `POST /admin/catalog` pauses and resumes it (`--catalog-paused` starts it paused), so
a demo or a test can hold the catalog in its "being prepared" state as long as it needs.
"""

from __future__ import annotations

import logging
import os
import sys
import threading

from mock_backend import catalog_builder, db
from mock_backend.config import Settings
from player.protocol import api

log = logging.getLogger(__name__)
RENDER_NICENESS = 10


class DemoRendering:
    """One background build of the demo catalog; `progress()` is None once nothing is left to do."""

    def __init__(self, settings: Settings, ready: int, total: int) -> None:
        self.settings = settings
        self._ready = ready
        self._total = total
        self._lock = threading.Lock()
        self._go = threading.Event()  # set: rendering may go on
        self._stopping = False
        self._done = threading.Event()
        self._thread: threading.Thread | None = None
        if not settings.catalog_paused:
            self._go.set()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="demo-catalog", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        _yield_the_processor()
        conn = db.connect(self.settings.db_path)
        try:
            catalog_builder.build_demo(conn, self.settings, gate=self._may_go_on, published=self._one_more)
        except Exception:
            log.exception("rendering the demo catalog failed; the next start goes on from where it stopped")
        finally:
            conn.close()
            self._done.set()

    def _may_go_on(self) -> bool:
        """Waits while paused; False once the backend is shutting down."""
        while not self._go.wait(0.5):
            if self._stopping:
                return False
        return not self._stopping

    def _one_more(self) -> None:
        with self._lock:
            self._ready += 1

    def progress(self) -> api.CatalogProgress | None:
        with self._lock:
            if self._done.is_set() and self._ready >= self._total:
                return None
            return api.CatalogProgress(ready=self._ready, total=self._total, paused=not self._go.is_set())

    def pause(self, paused: bool) -> None:
        if paused:
            self._go.clear()
        else:
            self._go.set()

    def stop(self, timeout: float = 5.0) -> None:
        """On shutdown: no further track goes on sale; the one being published is finished first."""
        self._stopping = True
        self._go.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def wait(self, timeout: float | None = None) -> bool:
        """Whether the rendering has ended (for whoever must wait for the whole catalog)."""
        return self._done.wait(timeout)


def _yield_the_processor() -> None:
    """Lower this thread's priority (Linux schedules threads: `nice` is per thread there), and so that of
    the render workers it starts, from their first import on: the player's window and the backend's
    answers to it come first, the synthesis takes what is left."""
    if sys.platform.startswith("linux"):
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), RENDER_NICENESS)
        except OSError:
            log.info("could not lower the rendering's priority; it renders at the backend's")


def prepare(settings: Settings) -> DemoRendering | None:
    """The rendering a start with `--demo` still needs, or None when the catalog is built."""
    if not settings.demo:
        return None
    conn = db.connect(settings.db_path)
    try:
        if db.get_setting(conn, "demo_built") == "1":
            return None
        ready = catalog_builder.published_demo_tracks(conn, settings)
    finally:
        conn.close()
    return DemoRendering(settings, ready, len(catalog_builder.demo_tracks(settings)))
