"""Flow 1: accounts and sessions."""

from __future__ import annotations

import uuid

import pytest

from tests.support.backend import Backend
from tests.support.customer import PASSWORD, all_at_once, sign_up


def new_name() -> str:
    return "user" + uuid.uuid4().hex[:8]


def test_sign_up_then_sign_in_gives_a_token_that_says_who_you_are(shared_backend: Backend) -> None:
    name = new_name()
    r = shared_backend.post("/api/v1/accounts", json={"username": name, "password": PASSWORD})
    assert r.status_code == 201
    user_id = r.json()["user_id"]
    assert r.json() == {"user_id": user_id, "username": name}

    r = shared_backend.post("/api/v1/sessions", json={"username": name, "password": PASSWORD})
    assert r.status_code == 201
    session = r.json()
    assert session["user_id"] == user_id and session["username"] == name and session["expires_at"]

    me = shared_backend.get("/api/v1/me", token=session["token"])
    assert me.status_code == 200
    assert me.json() == {"user_id": user_id, "username": name}


def test_a_taken_user_name_is_refused(shared_backend: Backend) -> None:
    alice = sign_up(shared_backend)
    r = shared_backend.post("/api/v1/accounts", json={"username": alice.username, "password": "other pw 123"})
    assert r.status_code == 409
    assert r.json()["error"]["code"] == "username_taken"


def test_one_user_name_signed_up_from_several_places_at_once_makes_one_account(
    shared_backend: Backend,
) -> None:
    name = new_name()
    answers = all_at_once(
        [
            lambda: shared_backend.post(
                "/api/v1/accounts", json={"username": name, "password": PASSWORD}, own_connection=True
            )
            for _ in range(4)
        ]
    )
    assert sorted(r.status_code for r in answers) == [201, 409, 409, 409]


def test_wrong_password_and_unknown_user_are_refused_alike(shared_backend: Backend) -> None:
    alice = sign_up(shared_backend)
    wrong = shared_backend.post(
        "/api/v1/sessions", json={"username": alice.username, "password": "not the password"}
    )
    unknown = shared_backend.post("/api/v1/sessions", json={"username": new_name(), "password": PASSWORD})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()
    assert wrong.json()["error"]["code"] == "bad_credentials"


@pytest.mark.parametrize(
    "body",
    [
        {"username": "x", "password": PASSWORD},  # name too short
        {"username": "no spaces allowed", "password": PASSWORD},
        {"username": "shortpw", "password": "1234567"},
        {"username": "nopw"},
        {},
    ],
    ids=["short-name", "bad-characters", "short-password", "no-password", "empty"],
)
def test_malformed_credentials_are_422_in_the_json_error_shape(
    shared_backend: Backend, body: dict[str, str]
) -> None:
    r = shared_backend.post("/api/v1/accounts", json=body)
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/json"
    error = r.json()["error"]
    assert error["code"] == "invalid_request" and error["message"].startswith("invalid request")


def test_calls_without_a_session_are_refused(shared_backend: Backend) -> None:
    r = shared_backend.get("/api/v1/me")
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "not_signed_in"

    r = shared_backend.get("/api/v1/me", token="made-up-token")
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "session_expired"


def test_signing_out_ends_that_session_only(shared_backend: Backend) -> None:
    laptop = sign_up(shared_backend)
    r = shared_backend.post("/api/v1/sessions", json={"username": laptop.username, "password": PASSWORD})
    phone_token = r.json()["token"]

    r = shared_backend.request("DELETE", "/api/v1/sessions/current", token=laptop.token)
    assert r.status_code == 204

    assert shared_backend.get("/api/v1/me", token=laptop.token).status_code == 401
    assert shared_backend.get("/api/v1/me", token=phone_token).status_code == 200


def test_a_session_expires_after_thirty_days(backend: Backend) -> None:
    alice = sign_up(backend)
    backend.advance_clock(29 * 86_400)
    assert alice.get("/api/v1/me").status_code == 200
    backend.advance_clock(86_400 + 1)
    r = alice.get("/api/v1/me")
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "session_expired"
