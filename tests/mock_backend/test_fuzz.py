"""Every route, fuzzed from its own `/openapi.json`: no input makes the backend answer 5xx, and every
answer fits the status codes and schemas the route documents.

An attack round found four different 500s (a low-order key, an integer past SQLite's range, a clock
moved past year 9999, a licensor parameter of the wrong type); each was one unchecked assumption, and a
generator that knows the schema finds the next one without being told where to look. Schemathesis reads
the live backend's schema and generates valid and invalid requests for each operation. Each runs as a
signed-in user with a policy, a bought track and a filed claim, and with the admin token, so the
requests get past 401 to the code behind it; half of them use real ids in the path, so they get past 404.

Deterministic (derandomized Hypothesis, no example database), and sized to take well under a minute on
two cores: `EXAMPLES` per operation and generation mode.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import hypothesis
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.support.backend import ADMIN_TOKEN_HEADER, Backend, clone_template, running
from tests.support.customer import Customer, insured

EXAMPLES = {GenerationMode.POSITIVE: 12, GenerationMode.NEGATIVE: 6}
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
# Run last, in this order: they change what every later request sees (signing out or a clock far ahead
# ends the session; an ended provider sells nothing).
LAST = ("/admin/content/{content_id}/discontinue", "/admin/providers/{provider_id}/end-business",
        "/api/v1/sessions/current", "/admin/clock")  # fmt: skip


@dataclass
class Tally:
    examples: int = 0
    by_status: dict[int, int] = field(default_factory=dict)
    unsatisfiable: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def fuzz_backend(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    """A backend of its own: the fuzz ends businesses and moves the clock."""
    with running(clone_template(demo_template, tmp_path_factory.mktemp("fuzz") / "backend")) as b:
        yield b


def real_ids(customer: Customer) -> dict[str, str]:
    """Path parameters that name things the customer really has, so requests reach past the 404s."""
    bought = customer.buy("aurora-0001")["license"]
    customer.buy("harbor-0002")
    r = customer.claim(bought["license_id"])
    assert r.status_code == 201, r.text
    claim = r.json()
    assert customer.policy_id is not None
    return {
        "policy_id": customer.policy_id,
        "provider_id": "aurora",
        "content_id": "aurora-0002",
        "license_id": claim["items"][0]["license_id"],
        "claim_id": claim["claim_id"],
        "item_id": claim["items"][0]["item_id"],
    }


def order(path: str) -> int:
    return LAST.index(path) + 1 if path in LAST else 0


def test_no_route_answers_5xx_or_off_its_schema_under_fuzzing(fuzz_backend: Backend) -> None:
    customer = insured(fuzz_backend)
    ids = real_ids(customer)
    schema = schemathesis.openapi.from_url(fuzz_backend.url + "/openapi.json")
    operations = []
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), f"/openapi.json describes an operation badly: {result.err()}"
        operations.append(result.ok())
    operations.sort(key=lambda op: order(op.path))
    assert len(operations) >= 30, [op.path for op in operations]
    session = requests.Session()
    tally = Tally()
    started = time.monotonic()

    for operation in operations:
        known = {name: ids[name] for name in re.findall(r"\{(\w+)\}", operation.path) if name in ids}
        for mode, examples in EXAMPLES.items():
            strategies = [operation.as_strategy(generation_mode=mode)]
            if known:
                strategies.append(operation.as_strategy(generation_mode=mode, path_parameters=known))
            cases = st.one_of(*strategies)

            @hypothesis.settings(
                max_examples=examples,
                derandomize=True,
                database=None,
                deadline=None,
                suppress_health_check=list(HealthCheck),
                phases=[hypothesis.Phase.generate],
            )
            @given(case=cases)
            def run(case: Any) -> None:
                headers = {
                    "Authorization": f"Bearer {customer.token}",
                    ADMIN_TOKEN_HEADER: fuzz_backend.admin_token,
                    "Idempotency-Key": uuid.uuid4().hex,
                }
                response = case.call(base_url=fuzz_backend.url, session=session, headers=headers, timeout=30)
                tally.examples += 1
                tally.by_status[response.status_code] = tally.by_status.get(response.status_code, 0) + 1
                case.validate_response(response, checks=CHECKS)

            try:
                run()
            except hypothesis.errors.Unsatisfiable:
                # an operation without parameters or body has no invalid request to make
                assert mode is GenerationMode.NEGATIVE, f"{operation.method.upper()} {operation.path}"
                tally.unsatisfiable.append(f"{operation.method.upper()} {operation.path}")

    elapsed = time.monotonic() - started
    print(
        f"fuzzed {len(operations)} operations, {tally.examples} requests in {elapsed:.1f} s:"
        f" {tally.by_status}; nothing invalid to send to {tally.unsatisfiable}"
    )
    assert not any(status >= 500 for status in tally.by_status)
    # the fuzz got past authentication and into the routes
    assert sum(n for status, n in tally.by_status.items() if status < 300) >= len(operations)
