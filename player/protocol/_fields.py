"""Strict readers for the fields of a parsed JSON document.

Every signed document is parsed the same unforgiving way: the key set is exact, a bool is never an
integer, strings carry no control characters (they end up in XML, in HPKE `info` joined by NUL, and in
dialogs), times are `canonical.format_time` strings, and enums take only their listed values. Anything
else is `MalformedError`, so a document that verifies is also one every part of the player can trust.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

from player.errors import MalformedError
from player.language import translate
from player.protocol.canonical import b64d, parse_time

E = TypeVar("E", bound=StrEnum)


def require_object(obj: object, keys: frozenset[str], what: str) -> Mapping[str, Any]:
    """`obj` must be a JSON object with exactly `keys`; missing and extra keys are both named."""
    if not isinstance(obj, dict):
        raise MalformedError(translate("Errors", "{what} is not a JSON object").format(what=what))
    missing = keys - obj.keys()
    extra = obj.keys() - keys
    if missing or extra:
        raise MalformedError(
            translate("Errors", "{what}: missing {missing}, unexpected {extra}").format(
                what=what, missing=sorted(missing), extra=sorted(extra)
            )
        )
    return obj


# What `check_text` refuses: Unicode's control characters (category Cc, which is exactly these two
# ranges), surrogates (Cs) and the two non-characters XML refuses. One regular expression scans a string
# (or 100,000 IDs joined by spaces) in C; tests/protocol/test_fields.py holds it to `unicodedata`.
_REFUSED = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def has_control(text: str) -> bool:
    """Whether `text` holds a character `check_text` refuses."""
    return _REFUSED.search(text) is not None


def check_text(value: object, what: str) -> str:
    """A non-empty string without control or surrogate characters (shared with the XML license)."""
    if not isinstance(value, str) or not value:
        raise MalformedError(translate("Errors", "{what} is not a non-empty string").format(what=what))
    if _REFUSED.search(value) is not None:
        raise MalformedError(translate("Errors", "{what} contains a control character").format(what=what))
    return value


def get_str(obj: Mapping[str, Any], key: str, what: str) -> str:
    return check_text(obj[key], f"{what} {key}")


def get_int(obj: Mapping[str, Any], key: str, what: str, minimum: int = 0, maximum: int = 2**63 - 1) -> int:
    value = obj[key]
    # bool is a subclass of int in Python; `true` is never a count or a version on the wire.
    if not isinstance(value, int) or isinstance(value, bool):
        raise MalformedError(translate("Errors", "{what} {key} is not an integer").format(what=what, key=key))
    if not minimum <= value <= maximum:
        raise MalformedError(
            translate("Errors", "{what} {key} is out of range [{minimum}, {maximum}]").format(
                what=what, key=key, minimum=minimum, maximum=maximum
            )
        )
    return value


def get_time(obj: Mapping[str, Any], key: str, what: str) -> datetime:
    return parse_time(obj[key], f"{what} {key}")


def get_optional_time(obj: Mapping[str, Any], key: str, what: str) -> datetime | None:
    return None if obj[key] is None else get_time(obj, key, what)


def get_enum(obj: Mapping[str, Any], key: str, enum: type[E], what: str) -> E:
    value = obj[key]
    if not isinstance(value, str):
        raise MalformedError(translate("Errors", "{what} {key} is not a string").format(what=what, key=key))
    try:
        return enum(value)
    except ValueError as e:
        raise MalformedError(
            translate("Errors", "{what} {key} {value} is not one of {allowed}").format(
                what=what, key=key, value=repr(value), allowed=[m.value for m in enum]
            )
        ) from e


def get_optional_enum(obj: Mapping[str, Any], key: str, enum: type[E], what: str) -> E | None:
    return None if obj[key] is None else get_enum(obj, key, enum, what)


def get_bytes(obj: Mapping[str, Any], key: str, what: str, length: int | None = None) -> bytes:
    raw = b64d(obj[key], f"{what} {key}")
    if length is not None and len(raw) != length:
        raise MalformedError(
            translate("Errors", "{what} {key} is not {length} bytes").format(
                what=what, key=key, length=length
            )
        )
    return raw


def get_str_list(obj: Mapping[str, Any], key: str, what: str) -> tuple[str, ...]:
    """A JSON array of distinct non-empty strings."""
    value = obj[key]
    if not isinstance(value, list):
        raise MalformedError(translate("Errors", "{what} {key} is not a list").format(what=what, key=key))
    items = tuple(check_text(v, f"{what} {key} item") for v in value)
    if len(set(items)) != len(items):
        raise MalformedError(translate("Errors", "{what} {key} repeats an item").format(what=what, key=key))
    return items


def signable(parse: Callable[[dict[str, Any]], object], fields: dict[str, Any], what: str) -> None:
    """Run the verifier's parser over `fields` before signing, so we never sign what we would reject.

    The signer's mistakes are programming errors, hence `ValueError` rather than `MalformedError`.
    """
    try:
        parse(fields)
    except MalformedError as e:
        raise ValueError(
            translate("Errors", "refusing to sign an invalid {what}: {e}").format(what=what, e=e)
        ) from e
