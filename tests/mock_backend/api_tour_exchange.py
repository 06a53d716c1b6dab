"""The tour's calls between insurers: the key a peer pins, records pushed and pulled under a peer's
signature (Minato Assurance's, read from the data dir, to Kaede Mutual at the root), refusals of an
unsigned one. (What a user reads of what was shared about them is in the claims family.)"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from pathlib import Path

import requests

from mock_backend.exchange.signing import signed_headers
from player.protocol.canonical import b64e, canonical_json, now_utc
from player.protocol.shared_history import SharedKind, SharedRecord, pseudonym, sign_record
from tests.mock_backend.exchange_helpers import insurer_key

RECORDS = "/api/v1/exchange/records"


def exchange_family(call: Callable[..., requests.Response], data_dir: Path) -> None:
    minato = insurer_key(data_dir, "minato")
    call("GET", "/api/v1/exchange/key", 200)
    record = SharedRecord(
        record_id="SR-tour",
        insurer="minato",
        pseudonym=pseudonym(secrets.token_bytes(32), "tour@example.jp"),
        purchase="aurora/L-tour",
        issued="aurora/L-tour-2",
        content_id="aurora-0001",
        kind=SharedKind.REISSUED,
        amount=300,
        at=now_utc(),
    )
    body = canonical_json({"records": [b64e(sign_record(record, minato.key))]})
    signed = signed_headers(minato, "kaede", "POST", RECORDS, body)
    call("POST", RECORDS, 200, data=body, headers=signed | {"Content-Type": "application/json"})
    call("POST", RECORDS, 409, data=body, headers=signed | {"Content-Type": "application/json"})  # replayed
    call("POST", RECORDS, 401, data=body, headers={"Content-Type": "application/json"})
    pull = signed_headers(minato, "kaede", "GET", f"{RECORDS}?since=0")
    call("GET", RECORDS, 200, params={"since": 0}, headers=pull)
    call("GET", RECORDS, 422, params={"since": -1}, headers=pull)
