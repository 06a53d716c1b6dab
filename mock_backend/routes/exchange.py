"""What the insurers of the exchange hold about the signed-in user ([0040]): shown to them as such."""

from __future__ import annotations

from fastapi import APIRouter

from mock_backend.deps import Conn, Ctx, CurrentUser
from mock_backend.errors import error_responses
from player.protocol.insurers_api import SharedAboutYou

router = APIRouter(prefix="/api/v1/exchange", tags=["insurers: shared history"])


@router.get("/about-me", responses=error_responses(401, 422))
def about_me(user: CurrentUser, ctx: Ctx, conn: Conn) -> list[SharedAboutYou]:
    """Every record about the user's pseudonym, this insurer's and the others', oldest first."""
    rows = conn.execute(
        "SELECT s.record_id, s.writer, s.content_id, coalesce(c.title, s.content_id) AS title, s.kind,"
        " s.amount, s.at FROM shared_records s JOIN users u ON u.pseudonym = s.pseudonym"
        " LEFT JOIN contents c ON c.id = s.content_id WHERE u.id = ? ORDER BY s.at, s.rowid",
        (user.id,),
    ).fetchall()
    return [
        SharedAboutYou(
            record_id=r["record_id"],
            insurer=r["writer"],
            insurer_name=ctx.insurer_names.get(r["writer"], r["writer"]),
            content_id=r["content_id"],
            title=r["title"],
            kind=r["kind"],
            amount=r["amount"],
            at=r["at"],
            written_here=r["writer"] == ctx.insurer_id,
        )
        for r in rows
    ]
