"""Fixtures for talking to a real mock backend over HTTP on loopback.

`backend` is a fresh server for one test: use it when the test changes what every user sees (a
provider's outage, a discontinued track, an upgrade, an imported track, the clock, server options).
`shared_backend` is one server for the whole session, for tests that only touch the state of users they
sign up themselves (and refusals that change nothing); each server start costs most of a second.
Both copy `demo_template` (tests/conftest.py), the demo catalog rendered once per session.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.backend import Backend, clone_template, running
from tests.support.customer import Customer, insured


@pytest.fixture
def backend(demo_template: Path, tmp_path: Path) -> Iterator[Backend]:
    with running(clone_template(demo_template, tmp_path / "backend")) as b:
        yield b


@pytest.fixture(scope="session")
def shared_backend(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    with running(clone_template(demo_template, tmp_path_factory.mktemp("shared") / "backend")) as b:
        yield b


@pytest.fixture
def customer(shared_backend: Backend) -> Customer:
    """A new user with a provisional policy, on the shared backend."""
    return insured(shared_backend)
