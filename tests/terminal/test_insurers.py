"""The terminal and several insurers of one backend: a fresh library takes the insurer it is first used
with; another insurer gets a desk of its own (its own folder, keyring profile and pin), found again at
the next start; a desk follows its home's backend when that one is started again."""

from __future__ import annotations

from pathlib import Path

from player.storage import KeyStore
from player.storage.memory_keyring import MemoryKeyring
from player.terminal import Terminal
from tests.support.backend import Backend

PASSWORD = "correct horse battery staple"


def test_a_fresh_library_takes_the_insurer_it_is_first_used_with(
    two_insurers: Backend, tmp_path: Path
) -> None:
    keys = KeyStore("insurers", backend=MemoryKeyring())
    terminal = Terminal(tmp_path / "library", two_insurers.url, keys=keys)
    try:
        assert terminal.at_insurer("minato") is terminal  # no owner yet: this library becomes minato's
        terminal.account.sign_up("ren", PASSWORD)
        assert terminal.connection.insurer_id() == "minato"
        assert terminal.connection.insurer_name() == "Minato Assurance"
        minato_key = two_insurers.get("/insurers/minato/api/v1/insurer").json()["public_key"]
        assert keys.pinned_insurer_key(two_insurers.url + "/insurers/minato") == minato_key
    finally:
        terminal.close()
    again = Terminal(tmp_path / "library", two_insurers.url, keys=keys)
    try:
        assert again.connection.insurer_path == "/insurers/minato"  # remembered, not the backend's root
        assert again.connection.client().identity().id == "minato"
    finally:
        again.close()


def test_another_insurer_gets_a_desk_of_its_own_found_again_at_the_next_start(
    two_insurers: Backend, tmp_path: Path
) -> None:
    keys = KeyStore("insurers", backend=MemoryKeyring())
    home = Terminal(tmp_path / "library", two_insurers.url, keys=keys)
    try:
        home.account.sign_up("sora", PASSWORD)
        desk = home.at_insurer("minato")
        assert desk is not home and desk.data_dir == tmp_path / "library" / "insurers" / "minato"
        desk.account.sign_up("sora", PASSWORD)  # the same name at another company
        assert [j.id for j in home.insurers.joined()] == ["minato"]
        assert home.at_insurer("minato") is desk and home.at_insurer("kaede") is home
        assert desk.account.user_id != home.account.user_id  # two companies, two accounts
        assert desk._keys.service != home._keys.service  # two keyring profiles
        desk.connection.client()
        home.connection.restart_bundled()  # the home's backend started again (another port, if bundled)
        assert not desk.connection.connected, "the desk's client spoke to the old one"
    finally:
        home.close()
    again = Terminal(tmp_path / "library", two_insurers.url, keys=keys)
    try:
        (desk,) = again.insurers.desks()[1:]
        assert desk.account.owner == "sora" and desk.connection.insurer_name() == "Minato Assurance"
    finally:
        again.close()
