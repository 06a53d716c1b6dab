"""The API describes itself: /openapi.json names every operation a terminal or a real insurer needs, and
what it says each one answers is what a real backend really answers."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from tests.conftest import TWO_INSURERS
from tests.mock_backend.api_tour import Exchange, walk
from tests.mock_backend.schema_check import UnknownKeyword, problems, resolve
from tests.support.backend import Backend, clone_template, running

OPERATIONS = [
    # the insurer
    ("get", "/api/v1/insurer"),
    ("get", "/api/v1/insurers"),
    ("get", "/api/v1/exchange/about-me"),
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
    ("get", "/api/v1/claims/{claim_id}/items/{item_id}/contents"),
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
    # between insurers
    ("get", "/api/v1/exchange/key"),
    ("post", "/api/v1/exchange/records"),
    ("get", "/api/v1/exchange/records"),
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


def test_every_reference_in_the_spec_resolves(spec: dict[str, Any]) -> None:
    refs = re.findall(r'"\$ref": "([^"]+)"', json.dumps(spec))
    assert refs
    for ref in set(refs):
        resolve(spec, ref)


def test_error_answers_are_documented_as_the_one_error_shape(spec: dict[str, Any]) -> None:
    """FastAPI's own validation-error shape is never sent (the backend answers 422 with ErrorBody)."""
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    assert "ValidationError" not in spec["components"]["schemas"]


# --- real answers against the published schema ------------------------------------------------------
# A fresh backend is walked through every operation (`api_tour`) and each answer it gave is checked
# against what /openapi.json documents for that operation and status: the status is documented, the
# media type is one documented for it, and a JSON body fits its schema with no undocumented field.

FAMILIES = [
    "identity",
    "accounts",
    "terms",
    "policies",
    "catalog",
    "purchases",
    "license control",
    "providers",
    "claims",
    "alternates",
    "choice",
    "contents cover",
    "upgrades",
    "crash",
    "admin",
    "exchange",
]


@pytest.fixture(scope="module")
def tour(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tour]:
    # the demo's two insurers: the tour's calls between insurers go from Minato to Kaede at the root
    tour_dir = clone_template(demo_template, tmp_path_factory.mktemp("tour") / "backend")
    with running(tour_dir, *TWO_INSURERS) as backend:
        r = backend.get("/openapi.json")
        assert r.status_code == 200
        yield Tour(r.json(), walk(backend))


class Tour(NamedTuple):
    spec: dict[str, Any]
    exchanges: list[Exchange]


def misfits(spec: dict[str, Any], e: Exchange) -> list[str]:
    operation = spec["paths"].get(e.template, {}).get(e.method)
    if operation is None:
        return ["the operation is not in /openapi.json"]
    documented = operation["responses"].get(str(e.status))
    if documented is None:
        return [f"status {e.status} is not documented (only {', '.join(sorted(operation['responses']))})"]
    content = documented.get("content")
    if not content:
        return [f"a body ({e.media_type}) where none is documented"] if e.body else []
    if e.media_type not in content:
        return [f"{e.media_type!r} is not documented (only {', '.join(sorted(content))})"]
    if e.media_type != "application/json":
        return []
    if "schema" not in content[e.media_type]:
        return ["no schema is documented for the JSON"]
    return problems(e.json(), content[e.media_type]["schema"], spec)


@pytest.mark.parametrize("family", FAMILIES)
def test_real_answers_fit_the_published_schema(tour: Tour, family: str) -> None:
    exchanges = [e for e in tour.exchanges if e.family == family]
    assert exchanges, f"the tour made no {family} calls"
    failures = [
        f"{e.method.upper()} {e.template} -> {e.status}: {problem}"
        for e in exchanges
        for problem in misfits(tour.spec, e)
    ]
    assert not failures, "\n".join(failures)


def test_the_tour_takes_every_published_operation(tour: Tour) -> None:
    published = {(method, path) for path, operations in tour.spec["paths"].items() for method in operations}
    taken = {(e.method, e.template) for e in tour.exchanges}
    assert published - taken == set(), "operations the tour never checks"
    assert taken - published == set(), "calls the tour made that /openapi.json does not publish"
    assert {e.family for e in tour.exchanges} == set(FAMILIES)


def test_the_tour_checks_error_bodies_too(tour: Tour) -> None:
    errors = [e for e in tour.exchanges if e.status >= 400]
    assert {e.status for e in errors} >= {400, 401, 404, 409, 422}
    assert all(e.json()["error"]["code"] for e in errors)
    assert any(e.json()["error"].get("items") for e in errors)  # a claim refused as a whole


def test_the_checker_finds_what_does_not_fit(spec: dict[str, Any]) -> None:
    """So that a checker gone lax cannot pass the tour by checking nothing."""
    claim = {"$ref": "#/components/schemas/Claim"}
    item = {"item_id": "CI-1", "license_id": "L-1", "content_id": "a-1", "outcome": "reissued"}
    good = {"claim_id": "C-1", "kind": "loss", "items": [item]}
    assert problems(good, claim, spec) == []
    assert problems(good | {"kind": "flood"}, claim, spec)
    assert problems({"kind": "loss", "items": []}, claim, spec)  # claim_id missing
    assert problems(good | {"surprise": 1}, claim, spec)  # not documented
    assert problems(good | {"items": [item | {"outcome": "lost"}]}, claim, spec)
    assert problems(good | {"items": [item | {"license": {"license_id": "L-2"}}]}, claim, spec)
    assert problems(good | {"genre": 7}, claim, spec)
    assert problems(True, {"type": "integer"}, spec) and problems(1, {"const": True}, spec)
    with pytest.raises(UnknownKeyword):
        problems(4, {"multipleOf": 2}, spec)
