"""The insurers one backend hosts: who they are, on what terms, and how a request reaches one of them.

Insurers are separate companies: each signs with its own key (kept in the data dir like the licensors'),
has its own terms, accounts and license lists. What they share is the content: one catalog, the same
licensors. Every route answers for each hosted insurer under `/insurers/<id>/...`, and for the first one
at the root as well (so a terminal from before several insurers, or one that never chose, talks to the
first). The rest of the backend is written for one insurer: it reads "the insurer" from the request's
`Context`, which `contexts` makes per insurer (its key, and the settings with its terms).

By default a backend hosts one insurer, the mock insurer of old. With `--demo` it hosts the two of the
demo (`DEMO`); `--insurers a,b` hosts some of them, in that order (the first at the root).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from mock_backend import keys
from mock_backend.config import Settings
from mock_backend.context import Context

SCOPE_INSURER = "mock_backend.insurer"  # the request's insurer ID, set by `InsurerPrefix`
PREFIX = "/insurers/"
FIRST_KEY = "insurer"  # the key file of the first insurer there ever was: old data dirs keep their key


@dataclass(frozen=True)
class InsurerSpec:
    id: str
    name: str
    key_name: str  # its signing key's file name in keys/
    terms: dict[str, Any] = field(default_factory=dict)  # what differs from `Settings`' terms

    @property
    def path(self) -> str:
        return PREFIX + self.id


DEFAULT = InsurerSpec("insurer", "Insured Player mock insurer", FIRST_KEY)
DEMO = (
    InsurerSpec("kaede", "Kaede Mutual", FIRST_KEY),
    # Cheaper, with a longer cover and a wider price difference for alternates, but fewer re-issues.
    InsurerSpec(
        "minato",
        "Minato Assurance",
        "insurer-minato",
        {
            "premium_rate": 0.06,
            "premium_factor": 0.75,
            "guarantee_days": 730,
            "relicensing_limit_per_track": 2,
            "relicensing_limit_total": 8,
            "price_difference_limit": 150,
        },
    ),
)


class UnknownInsurerError(ValueError):
    """`--insurers` names an insurer this backend does not know."""


def hosted(settings: Settings) -> tuple[InsurerSpec, ...]:
    """The insurers this process hosts, the root one first."""
    known = DEMO if settings.demo else (DEFAULT,)
    if not settings.insurers:
        return known
    by_id = {s.id: s for s in known}
    unknown = [i for i in settings.insurers if i not in by_id]
    if unknown:
        raise UnknownInsurerError(
            f"no insurer {', '.join(unknown)} here; known: {', '.join(by_id)}"
            + ("" if settings.demo else " (the demo's need --demo)")
        )
    return tuple(by_id[i] for i in dict.fromkeys(settings.insurers))


def contexts(base: Context, specs: Sequence[InsurerSpec]) -> dict[str, Context]:
    """One `Context` per insurer: the same database, writer and licensors; its own key and terms."""
    out: dict[str, Context] = {}
    names = {s.id: s.name for s in (*DEMO, DEFAULT)}
    for spec in specs:
        out[spec.id] = replace(
            base,
            settings=replace(base.settings, **spec.terms),
            insurer_key=keys.load_or_create(base.settings.keys_dir, spec.key_name),
            insurer_id=spec.id,
            insurer_name=spec.name,
            insurer_names=names,
        )
    return out


def first_key_owner(specs: Sequence[InsurerSpec]) -> str:
    """The insurer whose key is the first insurer's of old: the accounts from before belong to it."""
    return next((s.id for s in specs if s.key_name == FIRST_KEY), specs[0].id)


class InsurerPrefix:
    """`/insurers/<id>/rest` is `/rest` for insurer <id>; anything else is the first insurer's. A pure
    ASGI layer outside every other, so routes, guards and error handlers see the plain path."""

    def __init__(self, app: ASGIApp, known: Collection[str]) -> None:
        self.app = app
        self.known = frozenset(known)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] in ("http", "websocket") else ""
        if path.startswith(PREFIX):
            insurer, _, rest = path[len(PREFIX) :].partition("/")
            if insurer not in self.known:
                await _not_found(send, insurer)
                return
            scope = dict(scope)
            scope["path"] = "/" + rest
            scope["raw_path"] = scope["path"].encode("utf-8")
            scope[SCOPE_INSURER] = insurer
        await self.app(scope, receive, send)


async def _not_found(send: Send, insurer: str) -> None:
    body = json.dumps(
        {"error": {"code": "no_such_insurer", "message": f"this backend hosts no insurer {insurer!r}"}}
    ).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 404, "headers": headers})
    await send({"type": "http.response.body", "body": body})
