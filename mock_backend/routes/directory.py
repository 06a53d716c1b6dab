"""`GET /api/v1/insurers`: the insurers this backend hosts, with their terms, for a user choosing one."""

from __future__ import annotations

from fastapi import APIRouter, Request

from mock_backend.deps import Conn
from mock_backend.insurer import policies
from mock_backend.insurers import PREFIX
from player.protocol.insurers_api import InsurerDirectory, InsurerListing

router = APIRouter(prefix="/api/v1", tags=["insurers"])


@router.get("/insurers")
def list_insurers(request: Request, conn: Conn) -> InsurerDirectory:
    """The same answer under every insurer's path: the root's insurer first."""
    return InsurerDirectory(
        insurers=[
            InsurerListing(
                id=ctx.insurer_id,
                name=ctx.insurer_name,
                path=PREFIX + ctx.insurer_id,
                fingerprint=ctx.insurer_fingerprint,
                terms=policies.terms(ctx, conn),
            )
            for ctx in request.app.state.contexts.values()
        ]
    )
