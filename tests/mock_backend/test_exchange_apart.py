"""Kaede Mutual and Minato Assurance in two backends of their own, each with its own data dir, sharing only
the exchange secret and the licensors: a loss granted at Kaede while Minato is down reaches Minato when
it comes back (it pulls at start; Kaede's pushes keep trying), and Minato then refuses the same purchase."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

from tests.mock_backend.claim_helpers import accepted, assert_claim_refused
from tests.mock_backend.exchange_helpers import about_me, at_insurer, customer_at, held_license, insure_held
from tests.support.backend import Backend, clone_template, running, wait_until


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class Apart:
    """Two backends, one insurer each, each naming the other as its peer; either can be stopped and started
    again on its own data dir and port."""

    def __init__(self, template: Path, tmp: Path) -> None:
        self.ports = {"kaede": _free_port(), "minato": _free_port()}
        self.dirs = {i: clone_template(template, tmp / i) for i in self.ports}
        self.secret = tmp / "exchange-secret"
        self.running: dict[str, ExitStack] = {}
        self.backends: dict[str, Backend] = {}

    def start(self, insurer: str) -> Backend:
        peer = next(i for i in self.ports if i != insurer)
        args = (
            *("--insurers", insurer, "--port", str(self.ports[insurer])),
            *("--peer", f"{peer}=http://127.0.0.1:{self.ports[peer]}/insurers/{peer}"),
            *("--exchange-secret-file", str(self.secret)),
        )
        stack = ExitStack()
        self.backends[insurer] = stack.enter_context(running(self.dirs[insurer], *args))
        self.running[insurer] = stack
        return at_insurer(self.backends[insurer], insurer)

    def pinned(self, insurer: str, peer: str) -> bool:
        """Whether `insurer` has pinned `peer`'s exchange key (reached it at least once)."""
        return bool(self.backends[insurer].query("SELECT 1 FROM exchange_peers WHERE id = ?", peer))

    def stop(self, insurer: str) -> None:
        self.running.pop(insurer).close()

    def close(self) -> None:
        for stack in self.running.values():
            stack.close()


@pytest.fixture
def apart(demo_template: Path, tmp_path: Path) -> Iterator[Apart]:
    pair = Apart(demo_template, tmp_path)
    try:
        yield pair
    finally:
        pair.close()


def _received(customer: Any) -> list[dict[str, Any]]:
    return [e for e in about_me(customer) if not e["written_here"]]


def test_a_loss_granted_while_the_other_insurer_was_down_reaches_it_and_is_not_paid_twice(
    apart: Apart,
) -> None:
    kaede = apart.start("kaede")  # first: it makes the exchange secret both read
    minato = apart.start("minato")
    identity = "ren.apart@example.jp"
    at_kaede = customer_at(kaede, identity)
    bought = at_kaede.buy("aurora-0003")
    at_minato = customer_at(minato, identity)
    insured = insure_held(at_minato, held_license(at_kaede, bought["license"]))  # on the licensor's signature
    # Kaede knows Minato (its key, and so its name) once it reached it: its courier asks again every few
    # seconds until then. Stopped before that, Minato would be named only by its ID in the history.
    wait_until(lambda: apart.pinned("kaede", "minato"), timeout=60)

    apart.stop("minato")
    accepted(at_kaede.claim(bought["license"]["license_id"]))
    (written,) = about_me(at_kaede)
    assert written["pending"] == ["Minato Assurance"] and written["told"] == []

    minato = apart.start("minato")
    at_minato.backend = minato  # the same account, on the restarted backend
    wait_until(lambda: _received(at_minato) != [], timeout=60)
    (arrived,) = _received(at_minato)
    assert (arrived["insurer_name"], arrived["kind"], arrived["at"]) == (
        "Kaede Mutual",
        "reissued",
        written["at"],
    )

    error = assert_claim_refused(at_minato.claim(insured["license_id"]), "compensated_elsewhere")
    assert error["items"][0]["message"] == f"already compensated by Kaede Mutual on {written['at'][:10]}"
    wait_until(lambda: about_me(at_kaede)[0]["told"] == ["Minato Assurance"], timeout=60)


def test_a_record_written_while_both_run_reaches_the_other(apart: Apart) -> None:
    kaede = apart.start("kaede")
    minato = apart.start("minato")
    identity = "aoi.apart@example.jp"
    at_kaede, at_minato = customer_at(kaede, identity), customer_at(minato, identity)
    accepted(at_minato.claim(at_minato.buy("harbor-0004")["license"]["license_id"]))
    wait_until(lambda: len(_received(at_kaede)) == 1, timeout=60)
    assert _received(at_kaede)[0]["insurer_name"] == "Minato Assurance"
