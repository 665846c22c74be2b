"""Read the Guest Rides OpenAPI document: load it, resolve its `$ref`s, walk its examples.

Shared by the document's tests and by the project's scripts. Everything here reads the
document; nothing restates it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from mock_server.spec import (
    DEFAULT_SPEC,
    HTTP_METHODS,
    REPO_ROOT,
    SPEC_ENV_VAR,
    RefCycle,
    RefError,
    deref,
    deref_schema,
    escape_token,
    join_pointer,
    load_document,
    load_spec,
    lookup,
    parse_yaml,
    resolve_pointer,
    spec_path,
    unescape_token,
)

# The loader and the `$ref` resolver are the sandbox's (`mock_server.spec`), so that the
# scripts, the tests and the sandbox read the document the same way.
__all__ = [
    "DEFAULT_SPEC",
    "DOCUMENT_URI",
    "HTTP_METHODS",
    "REPO_ROOT",
    "SPEC_ENV_VAR",
    "RefCycle",
    "RefError",
    "deref",
    "deref_schema",
    "escape_token",
    "join_pointer",
    "load_document",
    "load_spec",
    "lookup",
    "parse_yaml",
    "resolve_pointer",
    "spec_path",
    "unescape_token",
]

# Base URI under which the whole document is registered, so `#/components/...` refs resolve.
DOCUMENT_URI = "urn:guest-rides"

# Keywords whose value is one subschema, a list of them, or a map of them.
_SUBSCHEMA_ONE = (
    "items",
    "additionalProperties",
    "unevaluatedProperties",
    "unevaluatedItems",
    "contains",
    "propertyNames",
    "not",
    "if",
    "then",
    "else",
)
_SUBSCHEMA_LIST = ("allOf", "anyOf", "oneOf", "prefixItems")
_SUBSCHEMA_MAP = ("properties", "patternProperties", "$defs", "dependentSchemas")


def registry(spec: Mapping[str, Any]) -> Registry[Any]:
    """A `referencing` registry holding the whole document at `DOCUMENT_URI`."""
    resource: Resource[Any] = DRAFT202012.create_resource(spec)
    spec_registry: Registry[Any] = Registry().with_resource(DOCUMENT_URI, resource)
    return spec_registry


def schema_uri(pointer: str) -> str:
    """The URI of the schema at `pointer` inside the registered document."""
    return f"{DOCUMENT_URI}#{quote(pointer, safe='/~')}"


def validator_for(
    schema_pointer: str, spec_registry: Registry[Any], *, check_formats: bool = True
) -> Draft202012Validator:
    """A Draft 2020-12 validator for the schema at `schema_pointer` in the document."""
    return Draft202012Validator(
        {"$ref": schema_uri(schema_pointer)},
        registry=spec_registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER if check_formats else None,
    )


def resolve_schema(spec: Mapping[str, Any], pointer: str) -> tuple[dict[str, Any], str]:
    """The schema at `pointer`, following a top-level `$ref` chain (local refs only);
    keywords beside a `$ref` apply alongside it (see `mock_server.spec.deref_schema`)."""
    node, pointer = deref_schema(spec, resolve_pointer(spec, pointer), pointer)
    return node, pointer


@dataclass(frozen=True)
class Operation:
    """One operation of the document, with the path-level parameters merged in."""

    path: str
    method: str
    pointer: str
    operation: dict[str, Any]

    @property
    def operation_id(self) -> str:
        return str(self.operation.get("operationId") or f"{self.method.upper()} {self.path}")


def iter_operations(spec: Mapping[str, Any]) -> Iterator[Operation]:
    """Every operation under `paths`, in document order."""
    for path, item in (spec.get("paths") or {}).items():
        item, item_pointer = deref(spec, item, join_pointer("/paths", path))
        for method in HTTP_METHODS:
            if method in item:
                yield Operation(path, method, join_pointer(item_pointer, method), item[method])


def iter_parameters(spec: Mapping[str, Any], op: Operation) -> Iterator[tuple[dict[str, Any], str]]:
    """The operation's parameters, resolved, with path-level ones it does not override."""
    item_pointer = op.pointer.rsplit("/", 1)[0]
    item = resolve_pointer(spec, item_pointer)
    found: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
    for owner, owner_pointer in ((item, item_pointer), (op.operation, op.pointer)):
        for index, raw in enumerate(owner.get("parameters") or []):
            param, pointer = deref(spec, raw, join_pointer(owner_pointer, "parameters", index))
            found[(param.get("name", ""), param.get("in", ""))] = (param, pointer)
    yield from found.values()


@dataclass(frozen=True)
class Example:
    """One example value and the schema it illustrates."""

    id: str  # readable and unique, e.g. "createGuestTrip-409-surge"
    kind: str  # "parameter", "request", "response", "header" or "schema"
    value: Any
    schema_pointer: str  # JSON pointer of the schema in the document
    pointer: str  # JSON pointer of the example value itself


def iter_examples(spec: Mapping[str, Any]) -> Iterator[Example]:
    """Every example in the document, each paired with the schema it must satisfy.

    Covers parameter, request-body, response and response-header `example`/`examples`
    (following `$ref`s into components, `#/components/examples` included), and
    `example`/`examples` keywords inside schemas: in components/schemas and in inline
    schemas of operations. `externalValue` examples are skipped (no value to check).
    """
    ids: dict[str, int] = {}
    for example in _walk_document(spec):
        count = ids.get(example.id, 0)
        ids[example.id] = count + 1
        if count:
            example = Example(
                f"{example.id}#{count + 1}",
                example.kind,
                example.value,
                example.schema_pointer,
                example.pointer,
            )
        yield example


def example_errors(
    example: Example, spec_registry: Registry[Any], *, check_formats: bool = True
) -> list[str]:
    """Messages for every way `example.value` breaks its schema (empty when it is valid)."""
    validator = validator_for(example.schema_pointer, spec_registry, check_formats=check_formats)
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message}"
        for error in sorted(validator.iter_errors(example.value), key=lambda e: e.json_path)
    ]


def _walk_document(spec: Mapping[str, Any]) -> Iterator[Example]:
    for op in iter_operations(spec):
        name = op.operation_id
        for param, pointer in iter_parameters(spec, op):
            yield from _holder_examples(
                spec, param, pointer, f"{name}-param-{param.get('name')}", "parameter"
            )
        if "requestBody" in op.operation:
            body, pointer = deref(
                spec, op.operation["requestBody"], join_pointer(op.pointer, "requestBody")
            )
            yield from _holder_examples(spec, body, pointer, f"{name}-request", "request")
        for status, raw in (op.operation.get("responses") or {}).items():
            response, pointer = deref(spec, raw, join_pointer(op.pointer, "responses", status))
            yield from _holder_examples(spec, response, pointer, f"{name}-{status}", "response")
            for header_name, raw_header in (response.get("headers") or {}).items():
                header, header_pointer = deref(
                    spec, raw_header, join_pointer(pointer, "headers", header_name)
                )
                yield from _holder_examples(
                    spec, header, header_pointer, f"{name}-{status}-header-{header_name}", "header"
                )
    components = spec.get("components") or {}
    for schema_name, schema in (components.get("schemas") or {}).items():
        pointer = join_pointer("/components/schemas", schema_name)
        yield from _schema_examples(schema, pointer, f"schema-{schema_name}")


def _holder_examples(
    spec: Mapping[str, Any], holder: dict[str, Any], pointer: str, label: str, kind: str
) -> Iterator[Example]:
    """Examples of a Parameter, Header, Request Body or Response object."""
    if "schema" in holder:  # Parameter or Header with a schema
        yield from _media_examples(spec, holder, pointer, label, kind)
    content = holder.get("content") or {}
    for media_type, media in content.items():
        media, media_pointer = deref(spec, media, join_pointer(pointer, "content", media_type))
        media_label = label if len(content) == 1 else f"{label}-{media_type}"
        yield from _media_examples(spec, media, media_pointer, media_label, kind)


def _media_examples(
    spec: Mapping[str, Any], media: dict[str, Any], pointer: str, label: str, kind: str
) -> Iterator[Example]:
    """Examples of a Media Type object (or a Parameter/Header with `schema`)."""
    if "schema" not in media:
        return
    schema_pointer = join_pointer(pointer, "schema")
    if "example" in media:
        yield Example(
            label, kind, media["example"], schema_pointer, join_pointer(pointer, "example")
        )
    for key, raw in (media.get("examples") or {}).items():
        example, example_pointer = deref(spec, raw, join_pointer(pointer, "examples", key))
        if "value" in example:
            yield Example(
                f"{label}-{key}",
                kind,
                example["value"],
                schema_pointer,
                join_pointer(example_pointer, "value"),
            )
    if "$ref" not in media["schema"]:  # inline schema: its own examples count too
        yield from _schema_examples(media["schema"], schema_pointer, f"{label}-schema")


def _schema_examples(schema: Any, pointer: str, label: str) -> Iterator[Example]:
    """`example`/`examples` keywords in a schema and its subschemas (not across `$ref`)."""
    if not isinstance(schema, dict):
        return
    if "example" in schema:
        yield Example(
            f"{label}-example",
            "schema",
            schema["example"],
            pointer,
            join_pointer(pointer, "example"),
        )
    if isinstance(schema.get("examples"), list):
        for index, value in enumerate(schema["examples"]):
            yield Example(
                f"{label}-examples[{index}]",
                "schema",
                value,
                pointer,
                join_pointer(pointer, "examples", index),
            )
    for keyword in _SUBSCHEMA_ONE:
        if isinstance(schema.get(keyword), dict):
            sub_label = f"{label}[]" if keyword == "items" else f"{label}.{keyword}"
            yield from _schema_examples(schema[keyword], join_pointer(pointer, keyword), sub_label)
    for keyword in _SUBSCHEMA_LIST:
        for index, sub in enumerate(schema.get(keyword) or []):
            yield from _schema_examples(
                sub, join_pointer(pointer, keyword, index), f"{label}.{keyword}[{index}]"
            )
    for keyword in _SUBSCHEMA_MAP:
        for key, sub in (schema.get(keyword) or {}).items():
            sub_label = f"{label}.{key}" if keyword == "properties" else f"{label}.{keyword}.{key}"
            yield from _schema_examples(sub, join_pointer(pointer, keyword, key), sub_label)
