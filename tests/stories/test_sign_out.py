"""Story: the owner signs out on a shared computer. The session ends at the insurer too; nothing plays,
syncs or buys until they sign in again; the library stays theirs (another user still cannot sign in over
it); signing back in, everything plays as before."""

from __future__ import annotations

from collections.abc import Callable

from tests.conftest import StartBackend
from tests.stories.driver import PASSWORD, Cli
from tests.support.backend import Backend

MakeCli = Callable[[Backend | str, str], Cli]

TRACK = "aurora-0004"


def _sessions(backend: Backend, user_id: str) -> int:
    return int(backend.query("SELECT count(*) FROM sessions WHERE user_id = ?", user_id)[0][0])


def test_signing_out_locks_the_library_until_the_owner_signs_in_again(
    cli: Cli, make_cli: MakeCli, module_backend: Backend
) -> None:
    make_cli(module_backend, "elsewhere").sign_up("mallory")
    user_id = cli.sign_up("grace")
    cli.ok("insure")
    cli.buy(TRACK)
    cli.ok("play", TRACK, "--decode-only")
    assert _sessions(module_backend, user_id) == 1

    assert cli.ok("logout") == {"username": "grace", "insurer_told": True}
    assert _sessions(module_backend, user_id) == 0  # the token is dead at the insurer, not only here

    for command in (("play", TRACK, "--decode-only"), ("sync",), ("buy", "aurora-0005")):
        line = cli.fails(2, *command)
        assert "signed out" in line and "grace" in line, line
    assert "signed out" in cli.fails(2, "logout")  # once is enough

    other = cli.fails(1, "login", "mallory", password=PASSWORD)  # still grace's library
    assert "belongs to grace" in other

    cli.ok("login", "grace", password=PASSWORD)
    decoded = cli.ok("play", TRACK, "--decode-only")
    assert decoded["frames"] > 0
    assert {row["state"] for row in cli.ok("library")} == {"valid"}


def test_signing_out_offline_forgets_the_session_here(make_cli: MakeCli, start_backend: StartBackend) -> None:
    with start_backend() as backend:
        cli = make_cli(backend, "library")
        cli.sign_up("hopper")
        cli.ok("insure")
        cli.buy(TRACK)
    assert cli.ok("logout") == {"username": "hopper", "insurer_told": False}  # the insurer is gone
    assert "signed out" in cli.fails(2, "play", TRACK, "--decode-only")
