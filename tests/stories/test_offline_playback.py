"""Story: the insurer cannot be reached, and the signed, cached license list decides (FIG.10, FIG.7).

Valid licenses play; an invalidated one is refused with its reason; a list past `expires_at`, a clock set
back, and a data dir restored from an old backup are refused (exit 3). Online, a license the cached list
does not name is asked of the insurer. The terminal's clock is moved with the CLI's test hook
INSURED_PLAYER_FAKE_NOW; the backend keeps its real clock.
"""

from __future__ import annotations

import shutil
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import datetime, timedelta

import pytest

from player.client import Client
from player.protocol.canonical import format_time, parse_time
from tests.conftest import StartBackend
from tests.stories.driver import Cli
from tests.support.backend import Backend

MakeCli = Callable[[Backend | str, str], Cli]
KEPT, LOST = "aurora-0011", "harbor-0011"  # two Ambient tracks


def fake_now(t: datetime) -> dict[str, str]:
    return {"INSURED_PLAYER_FAKE_NOW": format_time(t)}


@contextmanager
def gone_silent(url: str) -> Iterator[None]:
    """The insurer's address now accepts connections and never answers (a hung server, a black hole)."""
    port = int(url.rsplit(":", 1)[1])
    with closing(socket.socket()) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", port))
        s.listen(16)
        yield


def test_offline_the_cached_list_plays_valid_licenses_and_refuses_invalidated_ones(
    start_backend: StartBackend, make_cli: MakeCli
) -> None:
    with start_backend() as backend:
        cli = make_cli(backend, "library")
        cli.sign_up_insured("olga")
        kept, lost = cli.buy(KEPT, LOST)
        (item,) = cli.ok("report-loss", LOST)["items"]  # a false report: the file is still there
        assert item["outcome"] == "reissued"
        backend.stop()

        assert cli.ok("play", KEPT, "--decode-only")["frames"] > 0
        assert cli.ok("play", LOST, "--decode-only")["frames"] > 0  # the re-issued license
        err = cli.fails(3, "play", lost["license_id"], "--decode-only")  # the false report gains nothing
        assert "re-distributed after a loss" in err, err

        states = {r["license_id"]: (r["state"], r["reason"]) for r in cli.ok("library")}
        assert states[kept["license_id"]] == ("valid", "")
        assert states[lost["license_id"]] == ("invalid", "redistributed_after_loss")
        assert cli.ok("verify") == {"missing": [], "corrupt": [], "ok": 2}
        assert "cannot be reached" in cli.fails(4, "catalog")

        # Offline, a license the cached list does not name is not played on trust.
        for cached in (cli.data_dir / "lists").glob("*.json"):
            cached.unlink()
        err = cli.fails(3, "play", KEPT, "--decode-only")
        assert "not in any cached license list" in err, err


def test_a_list_past_its_expiry_is_refused_while_offline(
    start_backend: StartBackend, make_cli: MakeCli
) -> None:
    with start_backend("--list-ttl", "60") as backend:
        cli = make_cli(backend, "library")
        cli.sign_up_insured("piet")
        cli.buy(KEPT)
        synced = cli.ok("sync")
        expires = parse_time(synced["expires_at"])
        assert expires - parse_time(synced["issued_at"]) == timedelta(seconds=60)
        later = fake_now(expires + timedelta(minutes=2))

        # Online, a list that ran out is no reason to refuse: the insurer renews it.
        assert cli.ok("play", KEPT, "--decode-only", env=later)["frames"] > 0
        renewed = cli.ok("sync")
        assert renewed["version"] >= synced["version"] and renewed["issued_at"] >= synced["issued_at"]
        expires = parse_time(renewed["expires_at"])
        backend.stop()

        assert cli.ok("play", KEPT, "--decode-only", env=fake_now(expires - timedelta(seconds=5)))["frames"]
        err = cli.fails(3, "play", KEPT, "--decode-only", env=fake_now(expires + timedelta(minutes=2)))
        assert "ran out" in err and "cannot be reached" in err, err
        # The library says what play would decide: not "valid" on a list that ran out.
        (row,) = cli.ok("library", env=fake_now(expires + timedelta(minutes=2)))
        assert (row["state"], row["reason"]) == ("unknown", "list_expired"), row
        years_ahead = fake_now(expires + timedelta(days=3650))
        assert {r["state"] for r in cli.ok("library", env=years_ahead)} == {"unknown"}
        assert "ran out" in cli.fails(3, "play", KEPT, "--decode-only", env=years_ahead)


def test_a_clock_set_back_is_refused(start_backend: StartBackend, make_cli: MakeCli) -> None:
    with start_backend() as backend:
        cli = make_cli(backend, "library")
        cli.sign_up_insured("quin")
        cli.buy(KEPT)
        issued = parse_time(cli.ok("sync")["issued_at"])
        back = fake_now(issued - timedelta(hours=1))

        err = cli.fails(3, "play", KEPT, "--decode-only", env=back)  # online: the insurer cannot help it
        assert "clock" in err, err
        backend.stop()
        err = cli.fails(3, "play", KEPT, "--decode-only", env=back)
        assert "clock" in err, err
        assert cli.ok("play", KEPT, "--decode-only")["frames"] > 0  # the clock set right again


def test_a_data_dir_restored_from_an_old_backup_is_refused(
    start_backend: StartBackend, make_cli: MakeCli
) -> None:
    with start_backend() as backend:
        cli = make_cli(backend, "library")
        cli.sign_up_insured("rosa")
        (lost,) = cli.buy(LOST)
        backup = cli.data_dir.with_name("backup")
        shutil.copytree(cli.data_dir, backup)
        # A loss report invalidates the license the backup holds, and a newer list is seen.
        assert cli.ok("report-loss", LOST)["items"][0]["outcome"] == "reissued"
        backend.stop()

        shutil.rmtree(cli.data_dir)
        shutil.copytree(backup, cli.data_dir)  # the old list in it still calls the old license valid
        err = cli.fails(3, "play", LOST, "--decode-only")
        assert "restored from an old backup" in err, err
        err = cli.fails(3, "play", lost["license_id"], "--decode-only")
        assert "restored from an old backup" in err, err
        assert {r["state"] for r in cli.ok("library")} == {"unknown"}


def test_online_a_license_the_cached_list_does_not_name_is_asked_of_the_insurer(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli.sign_up_insured("sven")
    (bought,) = cli.buy(KEPT)
    for cached in (cli.data_dir / "lists").glob("*.json"):
        cached.unlink()  # the list cache is gone; the license package is still here
    assert {r["state"] for r in cli.ok("library")} == {"unknown"}

    asked: list[str] = []
    validity = Client.validity

    def spy(self: Client, license_id: str) -> bytes:
        asked.append(license_id)
        return validity(self, license_id)

    monkeypatch.setattr(Client, "validity", spy)
    assert cli.ok("play", KEPT, "--decode-only")["frames"] > 0
    assert asked == [bought["license_id"]]  # FIG.10 (3)-(4)
    # ... and since the list lagged behind the insurer, it is fetched again.
    assert (cli.data_dir / "lists" / "full.json").is_file()
    assert [r["state"] for r in cli.ok("library")] == ["valid"]
    assert cli.ok("play", KEPT, "--decode-only")["frames"] > 0
    assert asked == [bought["license_id"]]  # now the list knows it: no need to ask


def test_a_current_cached_list_plays_without_waiting_for_a_hung_insurer(
    start_backend: StartBackend, make_cli: MakeCli
) -> None:
    with start_backend() as backend:
        cli = make_cli(backend, "library")
        cli.sign_up_insured("tara")
        (bought,) = cli.buy(KEPT)
        backend.stop()
        with gone_silent(backend.url):
            started = time.monotonic()
            assert cli.ok("play", KEPT, "--decode-only")["frames"] > 0  # default timeouts: 5 s, 30 s
            assert time.monotonic() - started < 5, "the play waited for the network"
            # A license the list does not name needs the insurer, which does not answer: refused.
            for cached in (cli.data_dir / "lists").glob("*.json"):
                cached.unlink()
            err = cli.fails(
                3, "play", bought["license_id"], "--decode-only", env={"INSURED_PLAYER_TIMEOUT": "1"}
            )
            assert "not in any cached license list" in err, err
