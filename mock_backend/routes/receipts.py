"""The user's electronic receipts (claim 30): every charge, signed by the party that charged."""

from __future__ import annotations

from fastapi import APIRouter

from mock_backend.deps import Conn, CurrentUser
from mock_backend.errors import error_responses
from mock_backend.insurer import receipts
from player.protocol import api

router = APIRouter(prefix="/api/v1/receipts", tags=["insurer: receipts"])


@router.get("", responses=error_responses(401, 422))
def list_receipts(user: CurrentUser, conn: Conn) -> list[api.ReceiptDoc]:
    """Every receipt of the signed-in user, oldest first."""
    return receipts.listed(conn, user.id)


@router.get("/{receipt_id}", responses=error_responses(401, 404, 422))
def one_receipt(receipt_id: str, user: CurrentUser, conn: Conn) -> api.ReceiptDoc:
    return receipts.one(conn, user.id, receipt_id)
