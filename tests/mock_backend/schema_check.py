"""A strict checker for the JSON Schema that FastAPI writes into /openapi.json, for testing real answers.

It knows the keywords FastAPI and pydantic emit and refuses a schema using any other (`UnknownKeyword`),
so a schema feature it cannot check fails the test instead of passing unchecked. It is stricter than
JSON Schema in one way, on purpose: an object's keys must all be documented, because a field the backend
sends but `/openapi.json` leaves out is the contract written twice again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

_ANNOTATIONS = frozenset(
    {"title", "description", "default", "examples", "format", "deprecated", "readOnly", "writeOnly"}
    | {"contentMediaType", "contentEncoding", "discriminator"}
)
_CHECKED = frozenset(
    {"$ref", "type", "enum", "const", "anyOf", "oneOf", "allOf", "properties", "required"}
    | {"additionalProperties", "items", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}
    | {"minLength", "maxLength", "pattern", "minItems", "maxItems"}
)
_TYPES: dict[str, Any] = {
    "null": lambda v: v is None,
    "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "string": lambda v: isinstance(v, str),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


class UnknownKeyword(Exception):
    """The schema uses something this checker cannot check."""


def problems(value: Any, schema: dict[str, Any], spec: dict[str, Any], where: str = "$") -> list[str]:
    """Every way `value` breaks `schema`; `spec` is the document `$ref`s point into."""
    return list(_problems(value, schema, spec, where))


def resolve(spec: dict[str, Any], ref: str) -> dict[str, Any]:
    if not ref.startswith("#/"):
        raise UnknownKeyword(f"only local references are checked, not {ref!r}")
    node: Any = spec
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    if not isinstance(node, dict):
        raise UnknownKeyword(f"{ref!r} is not a schema")
    return node


def _same(a: Any, b: Any) -> bool:
    """JSON equality: true is not 1."""
    return type(a) is type(b) and a == b if isinstance(a, bool) or isinstance(b, bool) else a == b


def _problems(value: Any, schema: dict[str, Any], spec: dict[str, Any], where: str) -> Iterator[str]:
    unknown = set(schema) - _ANNOTATIONS - _CHECKED
    if unknown:
        raise UnknownKeyword(f"{where}: cannot check {sorted(unknown)}")
    if "$ref" in schema:
        yield from _problems(value, resolve(spec, schema["$ref"]), spec, where)
    if "type" in schema:
        wanted = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_TYPES[t](value) for t in wanted):
            yield f"{where}: {value!r} is not of type {'/'.join(wanted)}"
            return
    if "enum" in schema and not any(_same(value, v) for v in schema["enum"]):
        yield f"{where}: {value!r} is not one of {schema['enum']}"
    if "const" in schema and not _same(value, schema["const"]):
        yield f"{where}: {value!r} is not {schema['const']!r}"
    yield from _combinations(value, schema, spec, where)
    if isinstance(value, dict):
        yield from _object(value, schema, spec, where)
    if isinstance(value, list):
        if "items" in schema:
            for i, v in enumerate(value):
                yield from _problems(v, schema["items"], spec, f"{where}[{i}]")
        if len(value) < schema.get("minItems", 0) or len(value) > schema.get("maxItems", len(value)):
            yield f"{where}: {len(value)} items is outside the bounds"
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0) or len(value) > schema.get("maxLength", len(value)):
            yield f"{where}: {value!r} has a length outside the bounds"
        if "pattern" in schema and not re.search(schema["pattern"], value):
            yield f"{where}: {value!r} does not match {schema['pattern']!r}"
    if _TYPES["number"](value):
        yield from _number(value, schema, where)


def _combinations(value: Any, schema: dict[str, Any], spec: dict[str, Any], where: str) -> Iterator[str]:
    if "allOf" in schema:
        for sub in schema["allOf"]:
            yield from _problems(value, sub, spec, where)
    for keyword in ("anyOf", "oneOf"):
        if keyword in schema:
            fits = sum(not list(_problems(value, sub, spec, where)) for sub in schema[keyword])
            if fits == 0 or (keyword == "oneOf" and fits > 1):
                yield f"{where}: {value!r} fits {fits} of the {keyword} alternatives"


def _object(value: dict[str, Any], schema: dict[str, Any], spec: dict[str, Any], where: str) -> Iterator[str]:
    properties = schema.get("properties", {})
    for name in schema.get("required", []):
        if name not in value:
            yield f"{where}: {name!r} is missing"
    extra = schema.get("additionalProperties")
    for name, v in value.items():
        if name in properties:
            yield from _problems(v, properties[name], spec, f"{where}.{name}")
        elif isinstance(extra, dict):
            yield from _problems(v, extra, spec, f"{where}.{name}")
        elif extra is not True and ("properties" in schema or extra is False):
            yield f"{where}: {name!r} is not documented"


def _number(value: float, schema: dict[str, Any], where: str) -> Iterator[str]:
    if "minimum" in schema and value < schema["minimum"]:
        yield f"{where}: {value} < {schema['minimum']}"
    if "maximum" in schema and value > schema["maximum"]:
        yield f"{where}: {value} > {schema['maximum']}"
    if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
        yield f"{where}: {value} <= {schema['exclusiveMinimum']}"
    if "exclusiveMaximum" in schema and value >= schema["exclusiveMaximum"]:
        yield f"{where}: {value} >= {schema['exclusiveMaximum']}"
