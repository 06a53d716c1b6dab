"""Opening a track to play it, when the policy key changes behind a running player's back.

The player keeps the policy key it read from the keyring for as long as it runs (a keyring read is a
Secret Service round trip, once per play before). The window and the command line share one library and
one keyring: should the command line re-key the policy ([0035]) while the window runs, the window must
still open what is sealed to the new key, and, as before, not what the old key alone would open.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from player.errors import WrongKeyError
from player.storage import KeyStore
from player.storage.memory_keyring import MemoryKeyring
from player.terminal import Terminal
from tests.support.backend import clone_template, running

PASSWORD = "a long enough password"


def test_a_track_bought_after_a_rekey_elsewhere_opens_in_the_running_window(
    demo_template: Path, tmp_path: Path
) -> None:
    keys = KeyStore("opening", backend=MemoryKeyring())  # the one keyring both processes use
    with running(clone_template(demo_template, tmp_path / "backend")) as backend:
        window = Terminal(tmp_path / "library", backend.url, keys=keys)
        try:
            window.account.sign_up("rekeyed", PASSWORD)
            policy = window.account.insure()
            before = window.purchases.buy("aurora-0001").license.license_id
            window.open_track(before).close()  # the window has played: it holds the policy key

            cli = Terminal(tmp_path / "library", backend.url, keys=keys)
            try:
                cli.account.rekey(policy.contract_id)
                after = cli.purchases.buy("harbor-0003").license.license_id
            finally:
                cli.close()

            track = window.open_track(after)  # sealed to the new key: read again from the keyring
            try:
                assert track.reader.read(0, 4) == b"fLaC"
            finally:
                track.close()
            with pytest.raises(WrongKeyError):
                window.open_track(before)  # sealed to the key the keyring no longer holds, as before
        finally:
            window.close()
