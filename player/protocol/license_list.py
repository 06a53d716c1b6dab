"""The license list (FIG.7) and the one-license validity statement (FIG.10 (3)-(4)).

Both are insurer-signed JSON documents. The list names, for one user, every license the insurer knows
with `valid` or `invalid` and, when invalid, the date and reason; it carries a `version` that only goes
up, `issued_at` and `expires_at` (the offline grace). A *delta* (base_version = N) carries only entries
that changed after version N; `apply_delta` folds it onto a list of exactly version N.
The trust rules for accepting a list (rollback, freeze, clock) live in `player.license_decision`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from functools import cached_property
from types import MappingProxyType
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from player.bulk import paused_collection
from player.errors import MalformedError
from player.language import translate
from player.protocol import _fields as f
from player.protocol.canonical import format_time, sign_document, verify_document

LIST_DOC_TYPE = "license-list"
VALIDITY_DOC_TYPE = "validity"
_LIST_KEYS = frozenset({"user_id", "version", "base_version", "issued_at", "expires_at", "entries"})
_ENTRY_KEYS = frozenset({"license_id", "content_id", "state", "invalidated_at", "reason"})
_VALIDITY_KEYS = frozenset(
    {"user_id", "license_id", "state", "invalidated_at", "reason", "list_version", "issued_at"}
)


class LicenseState(StrEnum):
    VALID = "valid"
    INVALID = "invalid"
    UNKNOWN = "unknown"  # validity statements only: the insurer has never heard of this ID for this user


class InvalidationReason(StrEnum):
    # FIG.7: reason for invalidation
    LOSS = "redistributed_after_loss"
    CRASH = "redistributed_after_crash"
    ALTERNATE = "replaced_by_alternate"  # the supplier discontinued the content or the business
    UPGRADE = "version_upgrade"
    INSURED_AFTER_PURCHASE = "replaced_when_insured"  # FIG.15 (9)


@dataclass(frozen=True, slots=True)  # slots: a list names up to 100,000, in a quarter of the memory
class ListEntry:
    license_id: str
    content_id: str
    state: LicenseState  # VALID or INVALID
    invalidated_at: datetime | None
    reason: InvalidationReason | None


@dataclass(frozen=True)
class LicenseList:
    user_id: str
    version: int
    base_version: int | None  # None for a full list
    issued_at: datetime
    expires_at: datetime
    entries: tuple[ListEntry, ...]

    @cached_property
    def _by_id(self) -> dict[str, ListEntry]:
        # The decision looks up one license per play and a list can hold thousands of entries. A cached
        # property (not a field) stays out of ==, repr and dataclasses.asdict, and works on a frozen class.
        return {e.license_id: e for e in self.entries}

    def entry(self, license_id: str) -> ListEntry | None:
        return self._by_id.get(license_id)

    @property
    def by_id(self) -> Mapping[str, ListEntry]:
        """Every entry by its license ID, read-only: for looking up a whole library at once (`entry`
        is two calls per license; a library can hold 100,000)."""
        return MappingProxyType(self._by_id)


@dataclass(frozen=True)
class ValidityStatement:
    user_id: str
    license_id: str
    state: LicenseState
    invalidated_at: datetime | None
    reason: InvalidationReason | None
    list_version: int
    issued_at: datetime


def sign_license_list(lst: LicenseList, key: Ed25519PrivateKey) -> bytes:
    fields = _list_to_fields(lst)
    f.signable(_list_from_fields, fields, "license list")
    return sign_document(LIST_DOC_TYPE, fields, key)


def verify_license_list(data: bytes, insurer_key: Ed25519PublicKey) -> LicenseList:
    """Signature and shape only; entries must have unique license IDs; invalid entries need date+reason,
    valid ones neither; version >= 1; base_version < version; issued_at <= expires_at."""
    with paused_collection():  # 100,000 entries hold no cycle to look for
        return _list_from_fields(verify_document(data, LIST_DOC_TYPE, insurer_key, "license list"))


def apply_delta(base: LicenseList, delta: LicenseList) -> LicenseList:
    """Fold a delta onto the list it was made against (`MalformedError` if versions or users differ)."""
    if base.base_version is not None:
        raise MalformedError(
            translate("Errors", "a delta applies to a full license list, not to another delta")
        )
    if delta.base_version != base.version:
        raise MalformedError(
            translate("Errors", "the delta is against version {base_version}, we hold {version}").format(
                base_version=delta.base_version, version=base.version
            )
        )
    if delta.user_id != base.user_id:
        raise MalformedError(translate("Errors", "the delta is for another user"))
    if delta.version <= base.version:
        raise MalformedError(translate("Errors", "the delta does not move the list forward"))
    changed = {e.license_id: e for e in delta.entries}
    # Changed entries keep their place, new ones follow in the delta's order: the result equals the
    # full list of the new version as the insurer would write it, entry for entry.
    kept = tuple(changed.pop(e.license_id, e) for e in base.entries)
    return LicenseList(
        user_id=base.user_id,
        version=delta.version,
        base_version=None,
        issued_at=delta.issued_at,
        expires_at=delta.expires_at,
        entries=kept + tuple(changed.values()),
    )


def sign_validity(statement: ValidityStatement, key: Ed25519PrivateKey) -> bytes:
    fields = _validity_to_fields(statement)
    f.signable(_validity_from_fields, fields, "validity statement")
    return sign_document(VALIDITY_DOC_TYPE, fields, key)


def verify_validity(data: bytes, insurer_key: Ed25519PublicKey) -> ValidityStatement:
    return _validity_from_fields(verify_document(data, VALIDITY_DOC_TYPE, insurer_key, "validity statement"))


# --- fields ------------------------------------------------------------------------------------------


def _state_fields(
    state: LicenseState, invalidated_at: datetime | None, reason: InvalidationReason | None
) -> dict[str, Any]:
    return {
        "state": state.value,
        "invalidated_at": None if invalidated_at is None else format_time(invalidated_at),
        "reason": None if reason is None else reason.value,
    }


def _parse_state(
    obj: Mapping[str, Any], what: str, allowed: frozenset[LicenseState]
) -> tuple[LicenseState, datetime | None, InvalidationReason | None]:
    """FIG.7: an invalid license says when and why; a valid (or unknown) one says neither."""
    state = f.get_enum(obj, "state", LicenseState, what)
    if state not in allowed:
        raise MalformedError(
            translate("Errors", "{what} state {value} is not allowed here").format(
                what=what, value=repr(state.value)
            )
        )
    invalidated_at = f.get_optional_time(obj, "invalidated_at", what)
    reason = f.get_optional_enum(obj, "reason", InvalidationReason, what)
    has_details = (invalidated_at is not None, reason is not None)
    if has_details != ((True, True) if state is LicenseState.INVALID else (False, False)):
        raise MalformedError(
            translate(
                "Errors", "{what}: an invalid license needs a date and a reason, others neither"
            ).format(what=what)
        )
    return state, invalidated_at, reason


_LIST_STATES = frozenset({LicenseState.VALID, LicenseState.INVALID})
_ALL_STATES = frozenset(LicenseState)


def _list_to_fields(lst: LicenseList) -> dict[str, Any]:
    return {
        "user_id": lst.user_id,
        "version": lst.version,
        "base_version": lst.base_version,
        "issued_at": format_time(lst.issued_at),
        "expires_at": format_time(lst.expires_at),
        "entries": [
            {
                "license_id": e.license_id,
                "content_id": e.content_id,
                **_state_fields(e.state, e.invalidated_at, e.reason),
            }
            for e in lst.entries
        ],
    }


def _list_from_fields(fields: dict[str, Any]) -> LicenseList:
    what = "license list"
    obj = f.require_object(fields, _LIST_KEYS, what)
    version = f.get_int(obj, "version", what, minimum=1)
    base_version = None
    if obj["base_version"] is not None:
        base_version = f.get_int(obj, "base_version", what, minimum=0, maximum=version - 1)
    issued_at, expires_at = f.get_time(obj, "issued_at", what), f.get_time(obj, "expires_at", what)
    if expires_at < issued_at:
        raise MalformedError(translate("Errors", "{what} expires before it is issued").format(what=what))
    if not isinstance(obj["entries"], list):
        raise MalformedError(translate("Errors", "{what} entries is not a list").format(what=what))
    entries = _entries_from_fields(obj["entries"])
    if len({e.license_id for e in entries}) != len(entries):
        raise MalformedError(translate("Errors", "{what} names a license twice").format(what=what))
    return LicenseList(
        user_id=f.get_str(obj, "user_id", what),
        version=version,
        base_version=base_version,
        issued_at=issued_at,
        expires_at=expires_at,
        entries=entries,
    )


def _entries_from_fields(items: list[Any]) -> tuple[ListEntry, ...]:
    """Every entry, read as strictly as `_entry_from_fields` reads one, but a list names 100,000.

    A valid entry (nearly all of them) is checked in line: a JSON object of exactly the entry's keys, the
    state "valid" and no date or reason, two non-empty strings; their characters are then checked for
    all entries at once, one scan of the IDs joined by spaces. Anything else, and every entry again if
    that scan finds a control character, goes through `_entry_from_fields`, which says what is wrong."""
    out: list[ListEntry] = []
    append = out.append
    ids: list[str] = []
    keep = ids.append
    keys, valid = _ENTRY_KEYS, LicenseState.VALID
    for e in items:
        if (
            type(e) is dict
            and e.keys() == keys
            and e["state"] == "valid"
            and e["invalidated_at"] is None
            and e["reason"] is None
            and type(license_id := e["license_id"]) is str
            and type(content_id := e["content_id"]) is str
            and license_id
            and content_id
        ):
            append(ListEntry(license_id, content_id, valid, None, None))
            keep(license_id)
            keep(content_id)
        else:
            append(_entry_from_fields(e))
    if f.has_control(" ".join(ids)):
        return tuple(_entry_from_fields(e) for e in items)  # raises, naming the field
    return tuple(out)


def _entry_from_fields(fields: object) -> ListEntry:
    what = "license list entry"
    obj = f.require_object(fields, _ENTRY_KEYS, what)
    state, invalidated_at, reason = _parse_state(obj, what, _LIST_STATES)
    return ListEntry(
        license_id=f.get_str(obj, "license_id", what),
        content_id=f.get_str(obj, "content_id", what),
        state=state,
        invalidated_at=invalidated_at,
        reason=reason,
    )


def _validity_to_fields(s: ValidityStatement) -> dict[str, Any]:
    return {
        "user_id": s.user_id,
        "license_id": s.license_id,
        **_state_fields(s.state, s.invalidated_at, s.reason),
        "list_version": s.list_version,
        "issued_at": format_time(s.issued_at),
    }


def _validity_from_fields(fields: dict[str, Any]) -> ValidityStatement:
    what = "validity statement"
    obj = f.require_object(fields, _VALIDITY_KEYS, what)
    state, invalidated_at, reason = _parse_state(obj, what, _ALL_STATES)
    return ValidityStatement(
        user_id=f.get_str(obj, "user_id", what),
        license_id=f.get_str(obj, "license_id", what),
        state=state,
        invalidated_at=invalidated_at,
        reason=reason,
        list_version=f.get_int(obj, "list_version", what),
        issued_at=f.get_time(obj, "issued_at", what),
    )
