"""One API contract: every JSON route of the backend answers with models from `player.protocol.api` (and
`admin_api`, `insurers_api` beside it), the modules the terminal parses answers with, so the contract is
written once and /openapi.json shows it.

The routes are read from the FastAPI application itself (no server needed). The few that answer with
bytes instead of JSON are listed below with the reason; they must still document what they send.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from typing import Any

import fastapi.routing
import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from pydantic import BaseModel

from mock_backend.app import create_app
from mock_backend.config import Settings
from player.protocol import admin_api, api, history_api, insurers_api

# The contract: the answers the terminal parses, and the admin controls' answers kept beside them.
CONTRACT = {api.__name__, admin_api.__name__, insurers_api.__name__, history_api.__name__}

EXEMPT = {
    ("GET", "/api/v1/license-list"): "the signed list goes out as the exact bytes the insurer signed: a "
    "response model would re-serialise them and break the signature",
    ("GET", "/api/v1/license-list/{license_id}"): "a signed validity statement, exact bytes as above",
    ("GET", "/api/v1/catalog/{content_id}/cover"): "an image",
    ("GET", "/providers/{provider_id}/content/{content_id}"): "an encrypted container, served in HTTP ranges",
    ("GET", "/providers/{provider_id}/preview/{content_id}"): "a short audio clip (Ogg Vorbis or FLAC)",
    ("GET", "/api/v1/claims/{claim_id}/items/{item_id}/contents"): "the encrypted container sent again",
    ("DELETE", "/api/v1/sessions/current"): "204: no body at all",
}
SCALARS = (str, int, float, bool)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    return create_app(Settings(data_dir=tmp_path_factory.mktemp("contract")))


def _api_routes(app: FastAPI) -> Iterator[tuple[str, str, APIRoute]]:
    """(method, path, route) for every FastAPI route, through included routers."""
    contexts = getattr(fastapi.routing, "iter_route_contexts", None)
    if contexts is None:  # FastAPI before routers were included lazily: the app holds the routes
        found = [(r.path, r) for r in app.routes if isinstance(r, APIRoute)]
    else:
        found = [(c.path_format, c.original_route) for c in contexts(app.routes)]
    for path, route in found:
        if isinstance(route, APIRoute) and route.include_in_schema:
            for method in sorted(route.methods or ()):
                yield method, path, route


def routes_of(app: FastAPI) -> list[tuple[str, str, APIRoute]]:
    return list(_api_routes(app))


def from_the_contract(answer: Any) -> bool:
    """A model of `player.protocol.api`, or lists and unions of them and of plain scalars; never a dict."""
    if isinstance(answer, type) and issubclass(answer, BaseModel):
        return answer.__module__ in CONTRACT
    if isinstance(answer, type):
        return answer in SCALARS
    origin = typing.get_origin(answer)
    if origin in (list, typing.Union, types.UnionType):
        return all(from_the_contract(a) for a in typing.get_args(answer))
    return False


def test_the_routes_are_found(app: FastAPI) -> None:
    found = {(m, p) for m, p, _ in routes_of(app)}
    assert len(found) > 30 and ("POST", "/api/v1/claims") in found
    assert set(EXEMPT) <= found, "an exempt route that does not exist"


def test_every_json_route_answers_with_a_model_from_the_contract(app: FastAPI) -> None:
    loose = [
        f"{method} {path}: {route.response_model!r}"
        for method, path, route in routes_of(app)
        if (method, path) not in EXEMPT
        and (route.response_model is None or not from_the_contract(route.response_model))
    ]
    assert not loose, "routes whose JSON is not described by player.protocol.api:\n" + "\n".join(loose)


def test_the_contract_check_refuses_loose_answers() -> None:
    assert (
        from_the_contract(api.Claim)
        and from_the_contract(list[api.Alternate])
        and from_the_contract(list[str])
    )
    assert from_the_contract(api.LicensorAnswer)
    assert not from_the_contract(dict[str, Any]) and not from_the_contract(list[dict[str, Any]])
    assert not from_the_contract(Any) and not from_the_contract(BaseModel)


def test_exempt_routes_document_what_they_send(app: FastAPI) -> None:
    spec = app.openapi()
    for (method, path), why in EXEMPT.items():
        answers = spec["paths"][path][method.lower()]["responses"]
        success = [status for status in answers if status.startswith("2")]
        assert success, f"{method} {path} documents no success ({why})"
        for status in success:
            content = answers[status].get("content", {})
            if status == "204":
                assert not content
            else:
                assert content and all(media != "*/*" for media in content), f"{method} {path} {status}"


def test_every_error_answer_is_documented_as_error_body(app: FastAPI) -> None:
    spec = app.openapi()
    error_body = {"$ref": "#/components/schemas/ErrorBody"}
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            errors = {s: a for s, a in operation["responses"].items() if s[0] in "45" and s != "416"}
            assert errors, f"{method} {path} documents no error"
            for status, answer in errors.items():
                schema = answer.get("content", {}).get("application/json", {}).get("schema")
                assert schema == error_body, f"{method.upper()} {path} {status}: {schema}"


def test_claim_outcomes_keep_their_wire_names() -> None:
    assert [o.value for o in api.ClaimOutcome] == [
        "reissued",
        "alternates_offered",
        "refused",
        "chosen",
        "resent",
    ]
    assert (
        api.ClaimItem.model_validate_json(
            b'{"item_id": "CI-1", "license_id": "L-1", "content_id": "a-1", "outcome": "refused"}'
        ).outcome
        is api.ClaimOutcome.REFUSED
    )
