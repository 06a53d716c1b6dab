"""Requests that charge or count, written down before they are sent.

A purchase, a claim, a choice or an upgrade takes effect at the insurer the moment it commits. When its
answer is lost (the backend dies, the connection drops, the player is killed) the terminal must not ask
again as if the request were new: that would charge twice, or file a second claim for a license the
first one already replaced. So each such request is recorded here with its Idempotency-Key before it is
sent, and stays recorded until everything it delivered is kept (packages, policy, track files). Asking
the same thing again reuses the key, and the insurer answers a key it has seen with the original outcome
(docs/protocol.md, "HTTP API"); `entries()` is what the terminal replays on its next chance.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from player.errors import BackendRefusedError, ClaimRefusedError, UsageError
from player.storage.documents import DocumentStore

JOURNAL = "pending_requests"  # store setting: a JSON list of `Pending`

# A "no" that replaying would only repeat: the request is over, nothing is pending.
FINAL = (BackendRefusedError, ClaimRefusedError, UsageError)


@dataclass(frozen=True)
class Pending:
    key: str  # the Idempotency-Key it was (and will again be) sent with
    kind: str  # "purchase", "claim", "choice", "upgrade"
    body: dict[str, Any]  # what identifies the request: same kind and body, same request
    since: str  # when it was first sent (UTC, ISO 8601), for the user's "pending since"


class Journal:
    def __init__(self, store: DocumentStore) -> None:
        self._store = store

    def entries(self) -> list[Pending]:
        try:
            raw = json.loads(self._store.setting(JOURNAL) or "[]")
            return [Pending(**e) for e in raw if isinstance(e, dict)]
        except (ValueError, TypeError):
            return []  # a damaged journal: the insurer's list and history still tell what happened

    def _write(self, entries: list[Pending]) -> None:
        value = json.dumps([asdict(e) for e in entries], sort_keys=True) if entries else None
        self._store.set_setting(JOURNAL, value)

    @contextmanager
    def request(self, kind: str, body: dict[str, Any]) -> Iterator[str]:
        """The key to send `kind` `body` with: the recorded one when the same request is pending, else a
        new one, recorded (durably) before the caller sends anything. The entry goes when the block ends
        well or with a final refusal; any other failure (no answer, a full disk, a killed process)
        leaves it for the replay."""
        with self._store.lock:
            entries = self.entries()
            found = next((e for e in entries if e.kind == kind and e.body == body), None)
            if found is None:
                found = Pending(uuid.uuid4().hex, kind, body, datetime.now(UTC).isoformat(timespec="seconds"))
                self._write([*entries, found])
        try:
            yield found.key
        except FINAL:
            self.forget(found.key)
            raise
        self.forget(found.key)

    def forget(self, key: str) -> None:
        with self._store.lock:
            entries = self.entries()
            kept = [e for e in entries if e.key != key]
            if len(kept) != len(entries):
                self._write(kept)
