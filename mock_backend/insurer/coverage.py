"""Claim 32: the license and the contents of a track guaranteed apart, possibly by different insurers.

A policy covers the license, the contents or both (`Coverage`, signed in the policy):

- **License only.** Bought under it, a track comes as always (its audio is the provider's sale); a loss
  re-issues the license and sends no audio (`Delivered.download` is None): the user keeps the file, which
  opens with the new license since it is the same content version. An alternate is a new track and comes
  with its audio.
- **Contents only.** Nothing is bought under it: a license the user holds (insured at another insurer, or
  bought uninsured) is presented to be covered, checked with its licensor as any presented license, and
  left as it is: no license is issued, none invalidated. The insurer keeps the audio of that content
  version; a loss sends it again (`resent`) from the insurer's copy, which outlives the provider's
  distribution of the track, under the license the user already holds.

The history shared between insurers says which part each compensation paid (`SharedKind`), so the same
purchase can be compensated once for its license at one insurer and once for its audio at another, and
no part twice.
"""

from __future__ import annotations

import sqlite3

from mock_backend.errors import ApiError
from mock_backend.insurer import delivery, policies
from player.protocol import api
from player.protocol.policy import Coverage
from player.protocol.shared_history import SharedKind

_PARTS = {
    Coverage.FULL: frozenset({Coverage.LICENSE, Coverage.CONTENTS}),
    Coverage.LICENSE: frozenset({Coverage.LICENSE}),
    Coverage.CONTENTS: frozenset({Coverage.CONTENTS}),
}
_PAID = {
    SharedKind.REISSUED: Coverage.FULL,
    SharedKind.ALTERNATE: Coverage.FULL,
    SharedKind.LICENSE_ONLY: Coverage.LICENSE,
    SharedKind.CONTENTS_ONLY: Coverage.CONTENTS,
}


def clashing_kinds(covers: Coverage) -> tuple[str, ...]:
    """The kinds of shared record that paid a part this coverage pays too: the same part twice."""
    return tuple(sorted(k.value for k, paid in _PAID.items() if _PARTS[paid] & _PARTS[covers]))


def shared_kind(covers: Coverage, alternate: bool = False) -> SharedKind:
    """What a compensation under this coverage is recorded as in the shared history."""
    if covers is Coverage.LICENSE and not alternate:
        return SharedKind.LICENSE_ONLY
    if covers is Coverage.CONTENTS:
        return SharedKind.CONTENTS_ONLY
    return SharedKind.ALTERNATE if alternate else SharedKind.REISSUED


def require_license_cover(policy: sqlite3.Row) -> None:
    """Buying under a policy issues a license to it: a contents-only policy takes none."""
    if policies.coverage(policy) is Coverage.CONTENTS:
        raise ApiError(
            409,
            "contents_only_policy",
            f"policy {policy['id']} covers the audio only: buy under a policy that covers the license,"
            " then present that license here to insure its audio",
        )


def cover(
    conn: sqlite3.Connection,
    policy: sqlite3.Row,
    item_id: str,
    presented: tuple[str, str, int],
    premium: int,
) -> api.CoveredContents:
    """Keep the audio of the presented license's content version for this item: `presented` is its
    (licensor, license ID, content version). The license itself stays the user's, untouched."""
    provider_id, license_id, version = presented
    conn.execute("UPDATE items SET contents_version = ? WHERE id = ?", (version, item_id))
    policies.touch(conn, policy["id"], official=True)
    row = conn.execute("SELECT content_id FROM items WHERE id = ?", (item_id,)).fetchone()
    return api.CoveredContents(
        item_id=item_id,
        license_id=license_id,
        licensor=provider_id,
        content_id=row["content_id"],
        version=version,
        premium=premium,
    )


def follow_upgrade(
    conn: sqlite3.Connection, policy: sqlite3.Row, content_id: str, presented: tuple[str, int]
) -> api.CoveredContents | None:
    """A newer version's license of a track whose audio this contents-only policy covers ([0048]: the
    license insurer upgraded it): the cover moves to that version and license, free. None otherwise."""
    if policies.coverage(policy) is not Coverage.CONTENTS:
        return None
    license_id, version = presented
    item = conn.execute(
        "SELECT * FROM items WHERE policy_id = ? AND content_id = ? AND contents_version < ?",
        (policy["id"], content_id, version),
    ).fetchone()
    if item is None:
        return None
    conn.execute("UPDATE items SET license_id = ? WHERE id = ?", (license_id, item["id"]))
    purchase = str(item["purchase"]).split("/", 1)[0]
    return cover(conn, policy, item["id"], (purchase, license_id, version), 0)


def resent(
    conn: sqlite3.Connection, claim_id: str, claim_item_id: str, item: sqlite3.Row, codecs: list[str] | None
) -> api.Download | None:
    """Where the terminal fetches the audio a contents claim sends again: from this insurer's copy. None
    when the copy is in no encoding the terminal decodes ([0050]): that item is refused, not the claim."""
    encodings = delivery.playable(conn, item["content_id"], codecs, item["contents_version"])
    if not encodings:
        return None
    return api.Download(
        url=f"/api/v1/claims/{claim_id}/items/{claim_item_id}/contents",
        content_id=item["content_id"],
        version=item["contents_version"],
        encodings=encodings,
    )


def resent_encodings(
    conn: sqlite3.Connection, user_id: str, claim_id: str, claim_item_id: str
) -> list[sqlite3.Row]:
    """The encodings of the audio sent again for a claim item of this user's (the version it covers)."""
    rows = conn.execute(
        "SELECT e.* FROM claim_items ci JOIN claims c ON c.id = ci.claim_id JOIN items i ON i.id = ci.item_id"
        " JOIN encodings e ON e.content_id = i.content_id AND e.version = i.contents_version"
        " WHERE ci.id = ? AND ci.claim_id = ? AND c.user_id = ? AND ci.outcome = 'resent' ORDER BY e.mime",
        (claim_item_id, claim_id, user_id),
    ).fetchall()
    if not rows:
        raise ApiError(404, "unknown_claim", f"you have no audio sent again for {claim_item_id!r}")
    return list(rows)
