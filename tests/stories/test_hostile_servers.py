"""Story: a server that means harm (or is broken) in front of a real insurer. Whatever it sends, each
command ends by its deadline or at the size its answer can be, with one line and exit 4, and nothing
grows without bound: not the player's memory, not its data directory."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from player import transfer
from player.protocol import container
from tests.stories.driver import Cli
from tests.support import hostile
from tests.support.backend import Backend

MakeCli = Callable[[Backend | str, str], Cli]
TRACK = "harbor-0012"
LIST = "/api/v1/license-list"
CONTENT = "/providers/"
SLACK = 8 * transfer.MiB  # what socket buffers hold after the player stops reading


def _insured_with_a_track(make_cli: MakeCli, proxy: hostile.Hostile, user: str) -> Cli:
    proxy.armed = False
    cli = make_cli(proxy.url, "library")
    cli.sign_up_insured(user)
    cli.buy(TRACK)
    proxy.armed = True
    return cli


def test_an_endless_license_list_is_cut_off_at_its_limit(make_cli: MakeCli, module_backend: Backend) -> None:
    with hostile.hostile_proxy(module_backend.url, {LIST: hostile.endless}) as proxy:
        cli = _insured_with_a_track(make_cli, proxy, "hal")
        err = cli.fails(4, "sync")
        assert "larger than the 64 MiB it can be" in err and proxy.url in err
        assert len(proxy.hits) == 1  # not asked for again as a full list
        assert proxy.sent <= transfer.LICENSE_LIST + SLACK


def test_a_list_that_says_it_is_two_gigabytes_is_not_read(make_cli: MakeCli, module_backend: Backend) -> None:
    with hostile.hostile_proxy(module_backend.url, {LIST: hostile.claims_huge}) as proxy:
        cli = _insured_with_a_track(make_cli, proxy, "hank")
        assert "larger than the 64 MiB" in cli.fails(4, "sync")
        assert proxy.sent <= SLACK


def test_a_dripping_server_gets_one_deadline_for_the_whole_sync(
    make_cli: MakeCli, module_backend: Backend
) -> None:
    with hostile.hostile_proxy(module_backend.url, {LIST: hostile.drip}) as proxy:
        cli = _insured_with_a_track(make_cli, proxy, "hedda")
        started = time.monotonic()
        err = cli.fails(4, "sync", env={"INSURED_PLAYER_TIMEOUT": "2"})
        assert time.monotonic() - started < 5
        assert err.endswith(f"the insurer at {proxy.url} did not answer within 2 s"), err


def test_headers_sent_a_byte_at_a_time_get_the_same_deadline(
    make_cli: MakeCli, module_backend: Backend
) -> None:
    with hostile.hostile_proxy(module_backend.url, {"/api/v1/catalog": hostile.drip_headers}) as proxy:
        cli = make_cli(proxy.url, "library")
        started = time.monotonic()
        assert "did not answer within 2 s" in cli.fails(4, "catalog", env={"INSURED_PLAYER_TIMEOUT": "2"})
        assert time.monotonic() - started < 5


def test_a_server_silent_after_its_headers_fails_a_sync_once_not_four_times(
    make_cli: MakeCli, module_backend: Backend
) -> None:
    with hostile.hostile_proxy(module_backend.url, {LIST: hostile.silent_after_headers}) as proxy:
        cli = _insured_with_a_track(make_cli, proxy, "hugo")
        started = time.monotonic()
        assert "did not answer within 2 s" in cli.fails(4, "sync", env={"INSURED_PLAYER_TIMEOUT": "2"})
        assert time.monotonic() - started < 5  # delta, full list and their retries: one deadline


def test_a_redirect_is_refused_as_such_not_as_a_lost_session(
    make_cli: MakeCli, module_backend: Backend
) -> None:
    with hostile.hostile_proxy(module_backend.url, {LIST: hostile.redirect_elsewhere}) as proxy:
        cli = _insured_with_a_track(make_cli, proxy, "hilde")
        err = cli.fails(4, "sync")
        assert "does not follow redirects" in err and "login" not in err


@pytest.mark.parametrize("answer", [hostile.html_page, hostile.deeply_nested], ids=["html", "nested"])
def test_a_license_list_that_is_not_one_is_the_server_answering_nonsense(
    make_cli: MakeCli, module_backend: Backend, answer: hostile.Misbehaviour
) -> None:
    with hostile.hostile_proxy(module_backend.url, {LIST: answer}) as proxy:
        cli = _insured_with_a_track(make_cli, proxy, f"hanna-{answer.__name__}")
        err = cli.fails(4, "sync")  # not 5: nothing signed was tampered with, the server sent junk
        assert f"the insurer at {proxy.url} answered with something that is not a license list" in err
        assert cli.ok("play", TRACK, "--decode-only")["frames"] > 0  # the cached list still rules


def _bytes_under(directory: Path) -> int:
    return sum(p.stat().st_size for p in directory.rglob("*") if p.is_file())


def test_a_content_server_sending_past_the_tracks_size_fills_no_disk(
    make_cli: MakeCli, module_backend: Backend
) -> None:
    with hostile.hostile_proxy(module_backend.url, {CONTENT: hostile.genuine_then_zeros}) as proxy:
        proxy.armed = False
        cli = make_cli(proxy.url, "library")
        cli.sign_up_insured("hiro")
        before = _bytes_under(cli.data_dir)
        proxy.armed = True
        err = cli.fails(4, "buy", TRACK)
        assert "the content server sent more than the" in err, err
        (partial,) = cli.data_dir.rglob("*.part")
        grown = _bytes_under(cli.data_dir) - before
        assert grown < partial.stat().st_size + 1024 * 1024  # the container, and a little bookkeeping
        with partial.open("rb") as f:  # never past the track's own size, whatever followed it
            assert partial.stat().st_size <= container.read_header(f).container_length


def test_a_content_server_that_goes_silent_ends_the_download_after_the_stall_limit(
    make_cli: MakeCli, module_backend: Backend
) -> None:
    with hostile.hostile_proxy(module_backend.url, {CONTENT: hostile.silent_after_headers}) as proxy:
        proxy.armed = False
        cli = make_cli(proxy.url, "library")
        cli.sign_up_insured("hella")
        proxy.armed = True
        started = time.monotonic()
        err = cli.fails(4, "buy", TRACK, env={"INSURED_PLAYER_TIMEOUT": "2"})
        assert "stopped; it resumes where it stopped" in err, err
        assert time.monotonic() - started < 8
