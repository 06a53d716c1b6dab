"""A machine's own keyring: its own D-Bus session and gnome-keyring (a second computer; a bench run).

A different keyring *namespace* in the same gnome-keyring would not prove much: the new terminal would
still run next to every secret of the old one. So the "new computer" gets a keyring daemon of its own,
with its own empty keyring file (its own HOME), on its own session bus. `keyring`'s Secret Service
backend opens a new bus connection for every call, reading DBUS_SESSION_BUS_ADDRESS each time, so a test
moves this process onto the new machine's keyring by setting that variable (and back by restoring it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from jeepney import new_method_call
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

SECRETS = "org.freedesktop.secrets"


def _has_owner(address: str, name: str) -> bool:
    with closing(open_dbus_connection(bus=address)) as conn:
        reply = conn.send_and_get_reply(new_method_call(message_bus, "NameHasOwner", "s", (name,)))
    return bool(reply.body[0])


@contextmanager
def fresh_keyring(root: Path, timeout: float = 20.0) -> Iterator[str]:
    """Start a session bus and an unlocked, empty gnome-keyring under `root`; yield the bus address.

    Both daemons are children of this process and are ended by their own PIDs afterwards.
    """
    for tool in ("dbus-daemon", "gnome-keyring-daemon"):
        if shutil.which(tool) is None:
            raise RuntimeError(f"{tool} is not installed")
    home = root / "home"
    home.mkdir(parents=True)
    # Sockets live here: a short path, since a socket's path may not pass 107 bytes.
    run = Path(tempfile.mkdtemp(prefix="kr-"))
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(run),
    }
    bus = subprocess.Popen(
        [
            "dbus-daemon",
            "--session",
            "--nofork",
            "--nopidfile",
            "--print-address=1",
            f"--address=unix:dir={run}",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    keyring_daemon: subprocess.Popen[str] | None = None
    try:
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()
        if not address:
            raise RuntimeError("the second machine's dbus-daemon did not start")
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        # The input must hold a newline, or the login keyring stays locked (docs/platform.md).
        keyring_daemon = subprocess.Popen(
            [
                "gnome-keyring-daemon",
                "--foreground",
                "--unlock",
                "--components=secrets",
                f"--control-directory={run / 'keyring'}",
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        assert keyring_daemon.stdin is not None
        keyring_daemon.stdin.write("\n")
        keyring_daemon.stdin.close()
        # Wait for *this* daemon to own the Secret Service name; asking earlier would let the bus
        # activate another, locked, one.
        deadline = time.monotonic() + timeout
        while not _has_owner(address, SECRETS):
            if keyring_daemon.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the second machine's gnome-keyring did not come up")
            time.sleep(0.05)
        yield address
    finally:
        for proc in (keyring_daemon, bus):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(timeout=10)
        if bus.stdout is not None:
            bus.stdout.close()
        shutil.rmtree(run, ignore_errors=True)
