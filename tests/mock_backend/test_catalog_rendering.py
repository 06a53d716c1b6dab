"""A backend's first start: it answers at once and prepares the demo catalog in the background, saying
how far it has come; the tracks go on sale one by one, and a restart goes on where the last run stopped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.support.backend import Backend, running, wait_until
from tests.support.small_catalog import TRACKS, write_small_catalog

RENDERED = 120.0  # seconds the few short tracks may take on a busy machine


def _preparing(backend: Backend) -> Any:
    r = backend.get("/healthz")
    assert r.status_code == 200, r.text
    return r.json()["catalog"]


def _catalog(backend: Backend) -> list[str]:
    return sorted(e["content_id"] for e in backend.get("/api/v1/catalog").json())


def test_accounts_and_policies_answer_while_the_catalog_is_prepared(tmp_path: Path) -> None:
    small = write_small_catalog(tmp_path / "catalog.toml")
    with running(tmp_path / "backend", "--demo-catalog", str(small), "--catalog-paused") as backend:
        assert _preparing(backend) == {"ready": 0, "total": len(TRACKS), "paused": True}
        assert _catalog(backend) == []

        assert (
            backend.post("/api/v1/accounts", json={"username": "hana", "password": "pw-8chars"}).status_code
            == 201
        )
        signed = backend.post("/api/v1/sessions", json={"username": "hana", "password": "pw-8chars"})
        assert signed.status_code == 201
        terms = backend.get("/api/v1/policies/terms")
        assert terms.status_code == 200

        resumed = backend.admin("/catalog", json={"paused": False})
        assert resumed["paused"] is False
        wait_until(lambda: _preparing(backend) is None, timeout=RENDERED)
        assert _catalog(backend) == sorted(TRACKS)
        refused = backend.request("POST", "/admin/catalog", json={"paused": True})
        assert refused.status_code == 409  # nothing left to prepare


def test_a_restart_during_the_rendering_keeps_what_was_finished_and_renders_the_rest(tmp_path: Path) -> None:
    small = write_small_catalog(tmp_path / "catalog.toml")
    data = tmp_path / "backend"
    with running(data, "--demo-catalog", str(small), "--catalog-paused") as backend:
        backend.admin("/catalog", json={"paused": False})
        wait_until(lambda: _preparing(backend)["ready"] >= 1, timeout=RENDERED)
        backend.admin("/catalog", json={"paused": True})
        finished = _catalog(backend)
    assert 1 <= len(finished) <= len(TRACKS)

    with running(data, "--demo-catalog", str(small)) as backend:
        first = _preparing(backend)
        assert first is None or first["ready"] >= len(finished)  # nothing finished is rendered again
        wait_until(lambda: _preparing(backend) is None, timeout=RENDERED)
        assert _catalog(backend) == sorted(TRACKS)
        for content_id in TRACKS:  # every track whole: its container downloads
            provider = content_id.split("-")[0]
            got = backend.get(f"/providers/{provider}/content/{content_id}")
            assert got.status_code == 200 and len(got.content) > 1000


def test_a_demo_catalog_that_does_not_load_is_one_clear_message(tmp_path: Path) -> None:
    broken = tmp_path / "catalog.toml"
    broken.write_text("schema_version = 1\n[[providers]]\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match=r"--demo-catalog: demo catalog .*missing field\(s\) tracks"):
        Backend(tmp_path / "backend", "--demo-catalog", str(broken))
