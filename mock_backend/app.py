"""Builds the one FastAPI application that plays insurer, two licensors and two content servers."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from mock_backend import catalog_builder, db, insurers, keys, limits, rendering
from mock_backend.atomic import write_atomic
from mock_backend.config import Settings
from mock_backend.context import Context
from mock_backend.deps import context_of
from mock_backend.errors import error_responses, install_handlers
from mock_backend.guard import BodyGuard
from mock_backend.routes import (
    accounts,
    admin,
    catalog,
    claims,
    directory,
    exchange,
    insurer,
    providers,
    receipts,
)
from mock_backend.writer import Writer
from player.protocol import api

API_VERSION = "1"


def create_app(settings: Settings) -> FastAPI:
    """Open (or create) the data dir, make keys and providers. With `demo`, the demo catalog is rendered
    while the application serves, started with it (`rendering.py`); `build_demo` renders it up front."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    specs = insurers.hosted(settings)
    db.initialise(settings.db_path, first_insurer=insurers.first_key_owner(specs))
    conn = db.connect(settings.db_path)
    try:
        with db.transaction(conn):
            provider_ids = catalog_builder.ensure_providers(conn, settings)
    finally:
        conn.close()
    base = Context(
        settings=settings,
        insurer_key=keys.load_or_create(settings.keys_dir, specs[0].key_name),
        licensor_keys={pid: keys.load_or_create(settings.keys_dir, pid) for pid in provider_ids},
        pool=db.Pool(settings.db_path),
        writer=Writer(settings.db_path),
        admin_token=_new_admin_token(settings),
        rendering=rendering.prepare(settings),
        exchange_secret=keys.load_or_create_secret(settings.secret_path),
    )
    contexts = insurers.contexts(base, specs)
    ctx = contexts[specs[0].id]  # the root's insurer: the first hosted

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if ctx.rendering is not None:
            ctx.rendering.start()
        yield
        if ctx.rendering is not None:
            ctx.rendering.stop()
        ctx.writer.close()
        ctx.pool.close()

    app = FastAPI(
        lifespan=lifespan,
        title="Insured Player mock backend",
        version=API_VERSION,
        description="Insurer (insurance service server 50), two licensors (10/11) and content servers "
        "(20/21) of EP 1 391 838 A1, for the Insured Player terminal. Admin routes answer on loopback only, "
        f"to the token the backend writes into its data dir ('{limits.ADMIN_TOKEN_FILE}'), sent as the "
        f"'{limits.ADMIN_TOKEN_HEADER}' header.",
        responses=error_responses(500),
    )
    app.state.ctx = ctx
    app.state.contexts = contexts
    install_handlers(app)
    app.add_middleware(BodyGuard, context=lambda scope: context_of(app.state, scope))
    app.add_middleware(insurers.InsurerPrefix, known=contexts)  # added last: the outermost layer
    for module in (accounts, insurer, catalog, claims, receipts, providers, admin, directory, exchange):
        app.include_router(module.router)

    @app.get("/healthz", tags=["health"])
    def healthz() -> api.Health:
        return api.Health(
            ok=True,
            insurer_fingerprint=ctx.insurer_fingerprint,
            demo=settings.demo,
            catalog=ctx.rendering.progress() if ctx.rendering is not None else None,
        )

    return app


def _new_admin_token(settings: Settings) -> str:
    """A fresh admin token for this run, written where only the data dir's owner can read it (0600,
    atomically, so the CLI never reads half a token). The previous run's token stops working."""
    token = secrets.token_urlsafe(32)
    write_atomic(settings.data_dir / limits.ADMIN_TOKEN_FILE, token.encode("ascii"), mode=0o600)
    return token
