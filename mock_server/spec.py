"""The OpenAPI document: the one place that reads it and follows its ``$ref`` s.

The sandbox, the scripts and the tests all load the document here and resolve references
with the same rules, so they never disagree about what the document says:

- YAML is read with JSON's scalars (the YAML 1.2 core schema): ``2024-01-01`` and ``on``
  stay strings, as in any JSON reading of the document.
- ``deref`` follows a chain of local references to an OpenAPI object (a Parameter,
  Response, Request Body, Example, Path Item...). Fields beside a ``$ref`` override the
  target's (OpenAPI 3.1 lets ``summary`` and ``description`` do so).
- ``deref_schema`` does the same for a Schema Object, where keywords beside a ``$ref``
  apply *alongside* it (JSON Schema 2020-12, as OpenAPI 3.1 uses it): the result is the
  target and the siblings under one ``allOf``.
- A chain of references that comes back to itself names no object: ``RefCycle``. (A
  schema that refers to itself from a property is fine: that is recursion, not a chain.)

Only references into the same document (``#/...``) are supported.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SPEC_ENV_VAR = "GUEST_RIDES_SPEC"
REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = REPO_ROOT / "openapi" / "guest-rides.yaml"

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _JsonLoader(_BaseLoader):  # type: ignore[misc]
    """Safe YAML loader that reads scalars as JSON would (the YAML 1.2 core schema).

    PyYAML follows YAML 1.1, where `2024-01-01` becomes a date and `on`/`yes` become
    booleans; in an OpenAPI document those are strings. The C parser is used when PyYAML
    has it (start-up time); scalars are resolved the same way either way.
    """


_JsonLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_JsonLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


class RefError(ValueError):
    """A ``$ref`` that cannot be followed: not local, or naming nothing."""


class RefCycle(RefError):
    """A chain of ``$ref`` s that comes back to a reference it already followed."""


def spec_path() -> Path:
    """Path of the document: ``$GUEST_RIDES_SPEC`` if set (relative to the repository
    root), else ``openapi/guest-rides.yaml``."""
    value = os.environ.get(SPEC_ENV_VAR)
    if not value:
        return DEFAULT_SPEC
    path = Path(value)
    return path if path.is_absolute() else REPO_ROOT / path


def parse_yaml(text: str) -> Any:
    """Parse YAML text with JSON scalar semantics (see ``_JsonLoader``)."""
    return yaml.load(text, Loader=_JsonLoader)


def load_document(path: str | Path | None = None) -> dict[str, Any]:
    """Read the document at ``path`` (default: ``spec_path()``) afresh."""
    source = Path(path) if path else spec_path()
    document = parse_yaml(source.read_text(encoding="utf-8"))
    if not isinstance(document, dict):
        raise ValueError(f"{source}: not a YAML mapping")
    return document


@functools.cache
def load_spec(path: Path | None = None) -> dict[str, Any]:
    """Load and cache the document. The result is shared: copy it before mutating it."""
    return load_document(path)


# ----------------------------------------------------------------------- pointers


def escape_token(token: str) -> str:
    """Escape one JSON pointer token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


def unescape_token(token: str) -> str:
    """Undo ``escape_token``."""
    return token.replace("~1", "/").replace("~0", "~")


def join_pointer(pointer: str, *tokens: str | int) -> str:
    """Append tokens to a JSON pointer: ``join_pointer("/paths", "/trips")`` is
    ``/paths/~1trips``."""
    return pointer + "".join("/" + escape_token(str(token)) for token in tokens)


def resolve_pointer(spec: Mapping[str, Any], pointer: str) -> Any:
    """The node at a JSON pointer (``""`` or ``/a/b``; a leading ``#`` is allowed)."""
    node: Any = spec
    for token in pointer.lstrip("#").split("/")[1:]:
        token = unescape_token(token)
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def ref_pointer(ref: Any, where: str = "") -> str:
    """The JSON pointer a local ``$ref`` names (its fragment, percent-decoded)."""
    if not isinstance(ref, str) or not ref.startswith("#"):
        raise RefError(f"{where or '$ref'}: only local $refs are supported, got {ref!r}")
    return unquote(ref[1:])


def lookup(spec: Mapping[str, Any], ref: str, where: str = "") -> Any:
    """The node a local ``$ref`` names."""
    pointer = ref_pointer(ref, where)
    try:
        return resolve_pointer(spec, pointer)
    except (KeyError, IndexError, ValueError, TypeError):
        raise RefError(f"{where or '$ref'}: {ref!r} names nothing in the document") from None


# --------------------------------------------------------------------- references


def _follow(
    spec: Mapping[str, Any], node: Any, pointer: str, *, schema: bool, seen: set[str]
) -> tuple[Any, str]:
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        target_pointer = ref_pointer(ref, pointer)
        if target_pointer in seen:
            raise RefCycle(f"{pointer or '#'}: $ref cycle through {ref}")
        seen.add(target_pointer)
        target = lookup(spec, ref, pointer)
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        if not siblings:
            node, pointer = target, target_pointer
            continue
        resolved, target_pointer = _follow(spec, target, target_pointer, schema=schema, seen=seen)
        if schema:
            # Keywords beside a schema $ref apply alongside it; the result lives where the
            # referring schema is, so the pointer stays.
            return {"allOf": [resolved, siblings]}, pointer
        if isinstance(resolved, dict):
            return {**resolved, **siblings}, target_pointer
        return resolved, target_pointer
    return node, pointer


def deref(spec: Mapping[str, Any], node: Any, pointer: str = "") -> tuple[Any, str]:
    """Follow local ``$ref`` s from the OpenAPI object ``node`` (found at ``pointer``).

    Returns the object and its own pointer. Fields beside a ``$ref`` override the
    target's. For Schema Objects use ``deref_schema``.
    """
    return _follow(spec, node, pointer, schema=False, seen=set())


def deref_schema(spec: Mapping[str, Any], node: Any, pointer: str = "") -> tuple[Any, str]:
    """Follow local ``$ref`` s from the Schema Object ``node`` (found at ``pointer``).

    A ``$ref`` with sibling keywords becomes ``{"allOf": [target, siblings]}``: both apply.
    The pointer is the target's when the chain had no siblings, else ``pointer``.
    """
    return _follow(spec, node, pointer, schema=True, seen=set())
