"""The API describes itself: /openapi.json names every operation a terminal or a real insurer needs."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.backend import Backend

OPERATIONS = [
    # the insurer
    ("get", "/api/v1/insurer"),
    ("post", "/api/v1/accounts"),
    ("post", "/api/v1/sessions"),
    ("get", "/api/v1/policies/terms"),
    ("post", "/api/v1/policies"),
    ("get", "/api/v1/policies/{policy_id}"),
    ("get", "/api/v1/policies/{policy_id}/history"),
    ("post", "/api/v1/policies/{policy_id}/rekey"),
    ("post", "/api/v1/policies/{policy_id}/insure-existing"),
    ("post", "/api/v1/purchases"),
    ("get", "/api/v1/upgrades"),
    ("post", "/api/v1/upgrades"),
    # the license list
    ("get", "/api/v1/license-list"),
    ("get", "/api/v1/license-list/{license_id}"),
    # claims and alternates
    ("post", "/api/v1/claims"),
    ("get", "/api/v1/claims/{claim_id}"),
    ("get", "/api/v1/claims/{claim_id}/items/{item_id}/alternates"),
    ("post", "/api/v1/claims/{claim_id}/items/{item_id}/choice"),
    # the catalog
    ("get", "/api/v1/catalog"),
    ("get", "/api/v1/catalog/{content_id}"),
    ("get", "/api/v1/genres"),
    ("get", "/api/v1/providers"),
    # the providers
    ("post", "/providers/{provider_id}/licensor"),
    ("post", "/providers/{provider_id}/direct-purchases"),
    ("get", "/providers/{provider_id}/content/{content_id}"),
    # admin
    ("get", "/admin/providers"),
    ("post", "/admin/providers/{provider_id}/outage"),
    ("post", "/admin/providers/{provider_id}/end-business"),
    ("post", "/admin/content/{content_id}/discontinue"),
    ("post", "/admin/content/{content_id}/upgrade"),
    ("post", "/admin/tracks"),
    ("post", "/admin/clock"),
]


@pytest.fixture(scope="module")
def spec(shared_backend: Backend) -> dict[str, Any]:
    r = shared_backend.get("/openapi.json")
    assert r.status_code == 200
    body: dict[str, Any] = r.json()
    return body


def test_the_spec_names_the_service_and_its_version(spec: dict[str, Any]) -> None:
    assert spec["openapi"].startswith("3.")
    assert spec["info"]["title"] == "Insured Player mock backend" and spec["info"]["version"] == "1"


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_the_spec_lists_the_operation(spec: dict[str, Any], method: str, path: str) -> None:
    operation = spec["paths"][path][method]
    assert operation["tags"] and len(operation["tags"]) == len(set(operation["tags"]))


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/policies",
        "/api/v1/purchases",
        "/api/v1/claims",
        "/api/v1/upgrades",
        "/api/v1/claims/{claim_id}/items/{item_id}/choice",
    ],
)
def test_money_and_redistribution_calls_document_the_idempotency_key(spec: dict[str, Any], path: str) -> None:
    headers = [p["name"] for p in spec["paths"][path]["post"].get("parameters", []) if p["in"] == "header"]
    assert "Idempotency-Key" in headers
