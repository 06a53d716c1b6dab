"""A private X server (Xvfb) for the few stories that need a real desktop platform: the tray icon is
offered to a StatusNotifier host only by Qt's X11 platform, not by the offscreen one the rest use."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


@contextmanager
def xvfb() -> Iterator[str]:
    """Start Xvfb on a free display; yields its name (":N"). Skips where Xvfb is not installed (`./test`
    installs it; in CI a skip is a failure)."""
    if shutil.which("Xvfb") is None:
        pytest.skip("needs Xvfb: run ./test")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-nolisten", "tcp", "-screen", "0", "1280x800x24"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()  # written once the server accepts clients
        assert number.isdigit(), "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def mapped(display: str, title: str) -> bool | None:
    """Whether the application window named `title` is on screen (None: there is none). Toolkits name
    helper windows after the application too (Qt's 1x1 leader window): only windows with a class count."""
    tree = subprocess.run(
        ["xwininfo", "-display", display, "-root", "-tree"], capture_output=True, text=True, check=False
    ).stdout
    ids = [
        line.split()[0]
        for line in tree.splitlines()
        if f'"{title}": ("' in line  # a WM_CLASS: ("instance" "class"); a helper window shows ()
    ]
    if not ids:
        return None
    states = []
    for window in ids:
        info = subprocess.run(
            ["xwininfo", "-display", display, "-id", window], capture_output=True, text=True, check=False
        ).stdout
        states.append("IsViewable" in info)
    return any(states)
