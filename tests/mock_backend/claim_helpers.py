"""Reading the insurer's answers to claims: accepted, refused under a guarantee condition, the license a
track holds now, and the catalog by content ID."""

from __future__ import annotations

from typing import Any

import requests

from tests.support.backend import Backend
from tests.support.customer import Customer

DAY = 86_400


def accepted(r: requests.Response) -> dict[str, Any]:
    assert r.status_code in (200, 201), r.text
    body: dict[str, Any] = r.json()
    return body


def accepted_rows(r: requests.Response) -> list[dict[str, Any]]:
    assert r.status_code == 200, r.text
    rows: list[dict[str, Any]] = r.json()
    return rows


def assert_claim_refused(r: requests.Response, code: str) -> dict[str, Any]:
    """A refusal under the guarantee conditions: 409, `claim_refused`, the JSON error shape."""
    assert r.status_code == 409, r.text
    error: dict[str, Any] = r.json()["error"]
    assert error["code"] == code and error["claim_refused"] is True and error["message"]
    return error


def current_license(customer: Customer, content_id: str) -> str:
    item = next(i for i in customer.history()["items"] if i["original_content_id"] == content_id)
    return str(item["license_id"])


def catalog(backend: Backend) -> dict[str, dict[str, Any]]:
    return {t["content_id"]: t for t in backend.get("/api/v1/catalog").json()}
