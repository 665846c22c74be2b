"""Find the changes between two versions of the document that break existing clients.

    python -m scripts.breaking                  # against the last released version (CI)
    python -m scripts.breaking --base REF       # against the document at a git ref
    python -m scripts.breaking --base-file OLD.yaml [--head-file NEW.yaml]

A change is judged by the side of the wire it is on. What clients *send* (parameters,
request bodies) may widen but not narrow; what they *receive* (responses) may narrow but
not widen. The rules (`RULES`) name each kind of breaking change.

A breaking change passes only when `info.version` raises the major version over the
version compared with (the minor version while the major is 0).

Releases. A tag `spec-vX.Y.Z` marks a release; when the repository has none, each commit
that sets a new `info.version` in the document releases that version. Without `--base`,
the document is checked against two releases:

- the latest release of another version: breaking changes need a major raise over it;
- the release of its own version, if that is already out: no breaking change at all
  (once released, a version does not change incompatibly).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scripts.spec_tools import (
    HTTP_METHODS,
    REPO_ROOT,
    deref,
    deref_schema,
    parse_yaml,
    spec_path,
)

RULES = {
    "operation-removed": "an operation (path and method) was removed",
    "response-status-removed": "an operation no longer documents a response status",
    "response-media-type-removed": "a response no longer offers a media type",
    "response-header-removed": "a response header was removed",
    "response-field-removed": "a field was removed from a response",
    "response-field-optional": "a response field is no longer required",
    "response-enum-widened": "a response enum gained a value (or lost its enum)",
    "response-type-changed": "a response value may now have a type it could not have (null too)",
    "request-param-required": "a required parameter was added, or a parameter became required",
    "request-body-required": "a request body was added as required, or became required",
    "request-media-type-removed": "a request body no longer accepts a media type",
    "request-field-required": "a required request field was added, or a field became required",
    "request-field-removed": "a request field was removed where extra fields are rejected",
    "request-enum-narrowed": "a request enum lost a value (or an enum was added)",
    "request-type-changed": "a request value can no longer have a type it could have (null too)",
    "request-constraint-narrowed": "a request value's bounds, length, pattern or format narrowed",
}
TAG_PREFIX = "spec-v"
_SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$")
_UPPER_BOUNDS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties")
_LOWER_BOUNDS = ("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties")


@dataclass(frozen=True, order=True)
class Change:
    """One breaking change: its rule, where it is, and what changed."""

    where: str
    rule: str
    detail: str

    def __str__(self) -> str:
        return f"{self.rule:28} {self.where}: {self.detail}"


# --- comparing two documents --------------------------------------------------------------


def breaking_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    """Every breaking change from document `old` to document `new`, sorted."""
    return sorted(set(_Differ(old, new).run()))


@dataclass
class _View:
    """The parts of a schema that decide what values it admits (allOf merged, refs followed)."""

    types: set[str] | None = None
    nullable: bool = False
    enum: list[Any] | None = None
    properties: dict[str, Any] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)
    closed: bool = False  # additionalProperties (or unevaluatedProperties) is false
    additional: Any = None  # additionalProperties as a schema
    items: Any = None
    variants: list[Any] = field(default_factory=list)  # anyOf/oneOf branches, null removed
    bounds: dict[str, Any] = field(default_factory=dict)
    read_only: bool = False
    write_only: bool = False


class _Differ:
    def __init__(self, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        self.old = old
        self.new = new
        self._seen: set[tuple[object, object, str]] = set()

    # --- operations, parameters, bodies, responses ------------------------------------------

    def run(self) -> Iterator[Change]:
        new_ops = dict(self._operations(self.new))
        for key, (label, old_op, old_item) in self._operations(self.old):
            if key not in new_ops:
                yield Change(label, "operation-removed", "the operation is gone")
                continue
            _, new_op, new_item = new_ops[key]
            yield from self._parameters(label, old_op, old_item, new_op, new_item)
            yield from self._request_body(label, old_op, new_op)
            yield from self._responses(label, old_op, new_op)

    def _operations(
        self, doc: Mapping[str, Any]
    ) -> Iterator[tuple[tuple[str, str], tuple[str, dict[str, Any], dict[str, Any]]]]:
        for path, item in (doc.get("paths") or {}).items():
            item = _deref(doc, item)
            for method in HTTP_METHODS:
                if method in item:
                    # Path parameters match by position, not by name: renaming one is not
                    # visible to clients.
                    key = (re.sub(r"\{[^}]*\}", "{}", path), method)
                    yield key, (f"{method.upper()} {path}", item[method], item)

    def _params_of(
        self, doc: Mapping[str, Any], op: dict[str, Any], item: dict[str, Any]
    ) -> dict[tuple[str, str], dict[str, Any]]:
        found: dict[tuple[str, str], dict[str, Any]] = {}
        for owner in (item, op):
            for raw in owner.get("parameters") or []:
                param = _deref(doc, raw)
                location = param.get("in", "")
                name = param.get("name", "")
                if location == "header":
                    name = name.lower()
                found[(location, "" if location == "path" else name)] = param
        # Path parameters are matched by position (see `_operations`).
        path_params = [p for (loc, _), p in found.items() if loc == "path"]
        found = {k: p for k, p in found.items() if k[0] != "path"}
        for index, param in enumerate(path_params):
            found[("path", str(index))] = param
        return found

    def _parameters(
        self,
        label: str,
        old_op: dict[str, Any],
        old_item: dict[str, Any],
        new_op: dict[str, Any],
        new_item: dict[str, Any],
    ) -> Iterator[Change]:
        old_params = self._params_of(self.old, old_op, old_item)
        for key, param in self._params_of(self.new, new_op, new_item).items():
            where = f"{label} {param.get('in')} parameter {param.get('name')}"
            old_param = old_params.get(key)
            required = bool(param.get("required"))
            if required and (old_param is None or not old_param.get("required")):
                detail = "added as required" if old_param is None else "became required"
                yield Change(where, "request-param-required", detail)
            if old_param is not None:
                yield from self._schema(
                    _param_schema(old_param), _param_schema(param), "request", where, ""
                )

    def _request_body(
        self, label: str, old_op: dict[str, Any], new_op: dict[str, Any]
    ) -> Iterator[Change]:
        old_body = _deref(self.old, old_op.get("requestBody") or {})
        new_body = _deref(self.new, new_op.get("requestBody") or {})
        where = f"{label} request body"
        if new_body.get("required") and not (old_body and old_body.get("required")):
            detail = "added as required" if not old_body else "became required"
            yield Change(where, "request-body-required", detail)
        new_content = new_body.get("content") or {}
        for media_type, old_media in (old_body.get("content") or {}).items():
            if media_type not in new_content:
                yield Change(where, "request-media-type-removed", f"{media_type} is gone")
                continue
            yield from self._schema(
                _deref(self.old, old_media).get("schema"),
                _deref(self.new, new_content[media_type]).get("schema"),
                "request",
                f"{where} {media_type}",
                "",
            )

    def _responses(
        self, label: str, old_op: dict[str, Any], new_op: dict[str, Any]
    ) -> Iterator[Change]:
        new_responses = new_op.get("responses") or {}
        for status, raw in (old_op.get("responses") or {}).items():
            where = f"{label} → {status}"
            if str(status) not in {str(s) for s in new_responses}:
                yield Change(where, "response-status-removed", f"status {status} is gone")
                continue
            new_raw = next(v for s, v in new_responses.items() if str(s) == str(status))
            old_response = _deref(self.old, raw)
            new_response = _deref(self.new, new_raw)
            new_headers = {k.lower(): v for k, v in (new_response.get("headers") or {}).items()}
            for name, old_header in (old_response.get("headers") or {}).items():
                header_where = f"{where} header {name}"
                if name.lower() not in new_headers:
                    yield Change(header_where, "response-header-removed", "the header is gone")
                    continue
                yield from self._schema(
                    _param_schema(_deref(self.old, old_header)),
                    _param_schema(_deref(self.new, new_headers[name.lower()])),
                    "response",
                    header_where,
                    "",
                )
            new_content = new_response.get("content") or {}
            for media_type, old_media in (old_response.get("content") or {}).items():
                if media_type not in new_content:
                    yield Change(where, "response-media-type-removed", f"{media_type} is gone")
                    continue
                yield from self._schema(
                    _deref(self.old, old_media).get("schema"),
                    _deref(self.new, new_content[media_type]).get("schema"),
                    "response",
                    f"{where} {media_type}",
                    "",
                )

    # --- schemas -------------------------------------------------------------------------------

    def _schema(
        self, old: Any, new: Any, direction: str, where: str, path: str
    ) -> Iterator[Change]:
        """Compare two schemas for one side of the wire (`request` or `response`)."""
        if old is None or new is None:
            return
        key = (_identity(old), _identity(new), direction)
        if key in self._seen:  # a schema pair is judged once (recursive schemas too)
            return
        self._seen.add(key)
        old_view = _view(self.old, old)
        new_view = _view(self.new, new)
        at = _at(where, path)
        yield from self._types(old_view, new_view, direction, at)
        yield from self._enums(old_view, new_view, direction, at)
        if direction == "request":
            yield from self._bounds(old_view, new_view, at)
        yield from self._properties(old_view, new_view, direction, where, path)
        if old_view.items is not None and new_view.items is not None:
            yield from self._schema(old_view.items, new_view.items, direction, where, path + "[]")
        if isinstance(old_view.additional, dict) and isinstance(new_view.additional, dict):
            yield from self._schema(
                old_view.additional, new_view.additional, direction, where, path + ".*"
            )
        yield from self._variants(old_view, new_view, direction, where, path)

    def _types(self, old: _View, new: _View, direction: str, at: str) -> Iterator[Change]:
        if direction == "request":
            if old.nullable and not new.nullable:
                yield Change(at, "request-type-changed", "null is no longer accepted")
            if old.types is not None:
                lost = {t for t in old.types if not _admits(new.types, t)}
                if lost:
                    yield Change(at, "request-type-changed", _type_detail(old.types, new.types))
        else:
            if new.nullable and not old.nullable:
                yield Change(at, "response-type-changed", "the value may now be null")
            if new.types is not None or old.types is not None:
                gained = (
                    {"(any)"}
                    if new.types is None
                    else {t for t in new.types if not _admits(old.types, t)}
                )
                if gained:
                    yield Change(at, "response-type-changed", _type_detail(old.types, new.types))

    def _enums(self, old: _View, new: _View, direction: str, at: str) -> Iterator[Change]:
        old_values = None if old.enum is None else [v for v in old.enum if v is not None]
        new_values = None if new.enum is None else [v for v in new.enum if v is not None]
        if direction == "request" and new_values is not None:
            if old_values is None:
                yield Change(at, "request-enum-narrowed", f"now limited to {new_values}")
            else:
                lost = [v for v in old_values if v not in new_values]
                if lost:
                    yield Change(at, "request-enum-narrowed", f"no longer accepts {lost}")
        if direction == "response" and old_values is not None:
            if new_values is None:
                yield Change(at, "response-enum-widened", "no longer limited to an enum")
            else:
                gained = [v for v in new_values if v not in old_values]
                if gained:
                    yield Change(at, "response-enum-widened", f"may now be {gained}")

    def _bounds(self, old: _View, new: _View, at: str) -> Iterator[Change]:
        for name, value in new.bounds.items():
            before = old.bounds.get(name)
            if name in ("pattern", "format"):
                narrowed = value != before
            elif name in _UPPER_BOUNDS:
                narrowed = before is None or value < before
            elif name in _LOWER_BOUNDS:
                narrowed = before is None or value > before
            else:
                narrowed = False
            if narrowed:
                shown = "unset" if before is None else repr(before)
                yield Change(at, "request-constraint-narrowed", f"{name}: {shown} -> {value!r}")

    def _properties(
        self, old: _View, new: _View, direction: str, where: str, path: str
    ) -> Iterator[Change]:
        for name in sorted(set(old.properties) | set(new.properties)):
            field_path = f"{path}.{name}"
            at = _at(where, field_path)
            in_old, in_new = name in old.properties, name in new.properties
            old_prop = _view(self.old, old.properties[name]) if in_old else None
            new_prop = _view(self.new, new.properties[name]) if in_new else None
            if direction == "response":
                if old_prop is not None and old_prop.write_only:
                    continue
                if in_old and not in_new:
                    yield Change(at, "response-field-removed", "the field is gone")
                elif in_old and name in old.required and name not in new.required:
                    yield Change(at, "response-field-optional", "no longer always present")
            else:
                if (new_prop is not None and new_prop.read_only) or (
                    old_prop is not None and old_prop.read_only and not in_new
                ):
                    continue
                if in_new and name in new.required and name not in old.required:
                    detail = "added as required" if not in_old else "became required"
                    yield Change(at, "request-field-required", detail)
                if in_old and not in_new and new.closed:
                    yield Change(at, "request-field-removed", "sending it is now rejected")
            if in_old and in_new:
                yield from self._schema(
                    old.properties[name], new.properties[name], direction, where, field_path
                )
        if direction == "request":
            # Required names without a property schema (e.g. `required` in a oneOf branch).
            for name in sorted(new.required - old.required - set(new.properties)):
                yield Change(
                    _at(where, f"{path}.{name}"), "request-field-required", "became required"
                )

    def _variants(
        self, old: _View, new: _View, direction: str, where: str, path: str
    ) -> Iterator[Change]:
        if not old.variants and not new.variants:
            return
        old_keys = [_variant_key(self.old, v, i) for i, v in enumerate(old.variants)]
        new_keys = [_variant_key(self.new, v, i) for i, v in enumerate(new.variants)]
        at = _at(where, path)
        if direction == "request":
            for key in old_keys:
                if key not in new_keys:
                    yield Change(at, "request-type-changed", f"alternative {key} is gone")
        else:
            for key in new_keys:
                if key not in old_keys:
                    yield Change(at, "response-type-changed", f"new alternative {key}")
        for key, old_variant in zip(old_keys, old.variants, strict=True):
            if key in new_keys:
                new_variant = new.variants[new_keys.index(key)]
                yield from self._schema(old_variant, new_variant, direction, where, path)


def _at(where: str, path: str) -> str:
    """`POST /trips request body application/json` + `.guest.name` -> a readable location."""
    return f"{where} {path.lstrip('.') or '(whole value)'}" if path else where


def _identity(schema: Any) -> object:
    """What makes two visits the same schema: its `$ref`, else the object itself."""
    if isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and len(schema) == 1:
        return schema["$ref"]
    return id(schema)


def _deref(doc: Mapping[str, Any], node: Any) -> Any:
    """The OpenAPI object (parameter, body, response...) `node` names through `$ref`s."""
    return deref(doc, node)[0]


def _deref_schema(doc: Mapping[str, Any], schema: Any) -> Any:
    """The schema `schema` names through `$ref`s (keywords beside a `$ref` apply too)."""
    return deref_schema(doc, schema)[0]


def _all_of(doc: Mapping[str, Any], schema: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """`schema` and, recursively, every part of its `allOf`, resolved."""
    schema = _deref_schema(doc, schema)
    if not isinstance(schema, dict) or depth > 16:
        return
    yield schema
    for part in schema.get("allOf") or []:
        yield from _all_of(doc, part, depth + 1)


def _param_schema(param: Mapping[str, Any]) -> Any:
    if "schema" in param:
        return param["schema"]
    for media in (param.get("content") or {}).values():
        return media.get("schema")
    return None


def _view(doc: Mapping[str, Any], schema: Any) -> _View:
    schema = _deref_schema(doc, schema)
    view = _View()
    if not isinstance(schema, dict):
        return view
    parts = list(_all_of(doc, schema))
    for part in parts:
        _merge(doc, view, part)
    branches = [
        b for part in parts for b in (*(part.get("anyOf") or []), *(part.get("oneOf") or []))
    ]
    non_null = [b for b in branches if not _is_null(_deref_schema(doc, b))]
    if len(non_null) < len(branches):
        view.nullable = True
    if len(non_null) == 1 and not view.properties and view.types is None:
        # `anyOf: [X, {type: null}]` is X that may be null.
        inner = _view(doc, non_null[0])
        inner.nullable = inner.nullable or view.nullable
        return inner
    view.variants = non_null
    return view


def _merge(doc: Mapping[str, Any], view: _View, schema: dict[str, Any]) -> None:
    raw_type = schema.get("type")
    if raw_type is not None:
        types = set(raw_type) if isinstance(raw_type, list) else {raw_type}
        if "null" in types:
            view.nullable = True
        types.discard("null")
        if types:
            view.types = types if view.types is None else view.types & types
    if schema.get("nullable") is True:
        view.nullable = True
    enum = [schema["const"]] if "const" in schema else schema.get("enum")
    if enum is not None:
        if None in enum:
            view.nullable = True
        view.enum = list(enum) if view.enum is None else [v for v in view.enum if v in enum]
    view.properties.update(schema.get("properties") or {})
    view.required |= set(schema.get("required") or [])
    if schema.get("additionalProperties") is False or schema.get("unevaluatedProperties") is False:
        view.closed = True
    if isinstance(schema.get("additionalProperties"), dict):
        view.additional = schema["additionalProperties"]
    if "items" in schema:
        view.items = schema["items"]
    for name in (*_UPPER_BOUNDS, *_LOWER_BOUNDS, "pattern", "format"):
        if name in schema and not isinstance(schema[name], bool):
            view.bounds[name] = schema[name]
    view.read_only = view.read_only or bool(schema.get("readOnly"))
    view.write_only = view.write_only or bool(schema.get("writeOnly"))


def _is_null(schema: Any) -> bool:
    return isinstance(schema, dict) and schema.get("type") in ("null", ["null"])


def _admits(types: set[str] | None, value_type: str) -> bool:
    """Whether a schema of `types` admits values of `value_type` (integers are numbers)."""
    if types is None:
        return True
    return value_type in types or (value_type == "integer" and "number" in types)


def _type_detail(old: set[str] | None, new: set[str] | None) -> str:
    def show(types: set[str] | None) -> str:
        return "any type" if types is None else "/".join(sorted(types))

    return f"{show(old)} -> {show(new)}"


def _variant_key(doc: Mapping[str, Any], variant: Any, index: int) -> str:
    if isinstance(variant, dict) and isinstance(variant.get("$ref"), str):
        return variant["$ref"].rsplit("/", 1)[-1]
    resolved = _deref_schema(doc, variant)
    if isinstance(resolved, dict) and isinstance(resolved.get("title"), str):
        return resolved["title"]
    return f"#{index}"


# --- versions and releases -------------------------------------------------------------------


def parse_version(text: str) -> tuple[int, int, int]:
    match = _SEMVER.match(str(text))
    if not match:
        raise ValueError(f"info.version {text!r} is not a semantic version (X.Y.Z)")
    major, minor, patch = (int(group) for group in match.groups())
    return major, minor, patch


def allows_breaking(old_version: str, new_version: str) -> bool:
    """Whether going from `old_version` to `new_version` may break clients (semver)."""
    old, new = parse_version(old_version), parse_version(new_version)
    if old[0] == 0 and new[0] == 0:
        return new[1] > old[1]
    return new[0] > old[0]


@dataclass(frozen=True)
class Release:
    version: str
    ref: str  # a tag name or a commit id
    label: str


def _git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)}: {result.stderr.strip()}")
    return result.stdout


def document_at(ref: str, path: Path, repo: Path = REPO_ROOT) -> dict[str, Any]:
    """The document at `path` (in the work tree of `repo`) as it was at a git ref."""
    relative = path.resolve().relative_to(repo.resolve()).as_posix()
    document = parse_yaml(_git(repo, "show", f"{ref}:{relative}"))
    if not isinstance(document, dict):
        raise ValueError(f"{ref}:{relative} is not a YAML mapping")
    return document


def _version_at(ref: str, path: Path, repo: Path) -> str | None:
    try:
        return str(document_at(ref, path, repo).get("info", {}).get("version"))
    except (RuntimeError, ValueError):
        return None


def releases(path: Path, repo: Path = REPO_ROOT) -> list[Release]:
    """Released versions of the document, newest first (tags if any, else version commits)."""
    tags = _git(
        repo, "tag", "--list", f"{TAG_PREFIX}*", "--merged", "HEAD", "--sort=-v:refname"
    ).split()
    if tags:
        return [Release(tag[len(TAG_PREFIX) :], tag, f"tag {tag}") for tag in tags]
    relative = path.resolve().relative_to(repo.resolve()).as_posix()
    commits = _git(repo, "log", "--first-parent", "--format=%H", "HEAD", "--", relative).split()
    found: list[Release] = []
    versions = [(commit, _version_at(commit, path, repo)) for commit in commits]
    for index, (commit, version) in enumerate(versions):
        older = versions[index + 1][1] if index + 1 < len(versions) else None
        if version is not None and version != older:
            found.append(Release(version, commit, f"commit {commit[:12]}"))
    return found


def _ensure_history(repo: Path) -> str | None:
    """Deepen a shallow clone when possible; return a notice when history may be missing."""
    if _git(repo, "rev-parse", "--is-shallow-repository").strip() != "true":
        return None
    fetched = subprocess.run(
        ["git", "fetch", "--quiet", "--unshallow", "--tags"],
        cwd=repo,
        capture_output=True,
        check=False,
        timeout=120,
    )
    if fetched.returncode == 0:
        return None
    return "this clone is shallow and could not be deepened: older releases may be missing"


# --- the gate ---------------------------------------------------------------------------------


@dataclass
class Verdict:
    ok: bool
    lines: list[str]


def judge(
    old: Mapping[str, Any], new: Mapping[str, Any], base_label: str, *, same_release: bool = False
) -> Verdict:
    """Compare `new` with `old`; breaking changes need a major raise (never, for a release of
    the same version)."""
    old_version = str(old.get("info", {}).get("version"))
    new_version = str(new.get("info", {}).get("version"))
    changes = breaking_changes(old, new)
    head = f"{base_label} ({old_version}) -> {new_version}"
    if not changes:
        return Verdict(True, [f"breaking: {head}: no breaking change"])
    lines = [f"breaking: {head}: {len(changes)} breaking change(s)"]
    lines += [f"  {change}" for change in changes]
    if not same_release and allows_breaking(old_version, new_version):
        lines.append(f"breaking: allowed, the major version was raised ({new_version})")
        return Verdict(True, lines)
    major = parse_version(new_version)[0]
    if same_release:
        lines.append(f"breaking: FAIL: {old_version} is already released; raise info.version")
    else:
        lines.append("breaking: FAIL: raise the major version in info.version")
    lines[-1] += f" (to {major + 1}.0.0 or later) and record it in openapi/CHANGELOG.md"
    return Verdict(False, lines)


def gate(head_path: Path, repo: Path = REPO_ROOT) -> Verdict:
    """Check the document at `head_path` against its releases (see the module docstring)."""
    new = parse_yaml(head_path.read_text(encoding="utf-8"))
    version = str(new.get("info", {}).get("version"))
    parse_version(version)
    notice = _ensure_history(repo)
    found = releases(head_path, repo)  # newest first
    lines = [f"breaking: note: {notice}"] if notice else []
    previous = next((r for r in found if r.version != version), None)
    # The release of this very version, if it came out after the previous one.
    newer = found[: found.index(previous)] if previous else found
    own = next((r for r in newer if r.version == version), None)
    ok = True
    for release, same in ((previous, False), (own, True)):
        if release is None:
            continue
        old = document_at(release.ref, head_path, repo)
        verdict = judge(old, new, release.label, same_release=same)
        ok = ok and verdict.ok
        lines += verdict.lines
    if previous is None and own is None:
        lines.append("breaking: no earlier release of the document: nothing to compare")
    return Verdict(ok, lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Fail on breaking changes to the OpenAPI document (see scripts/breaking.py)."
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--base", help="a git ref: compare with the document at that ref")
    source.add_argument("--base-file", type=Path, help="compare with this document")
    parser.add_argument("--head-file", type=Path, help="the new document (default: the source)")
    args = parser.parse_args(argv)
    head_path = (args.head_file or spec_path()).resolve()
    try:
        if args.base or args.base_file:
            new = parse_yaml(head_path.read_text(encoding="utf-8"))
            if args.base:
                old, label = document_at(args.base, spec_path()), args.base
            else:
                old = parse_yaml(args.base_file.read_text(encoding="utf-8"))
                label = str(args.base_file)
            verdict = judge(old, new, label)
        else:
            verdict = gate(head_path)
    except (RuntimeError, ValueError) as error:
        print(f"breaking: {error}", file=sys.stderr)
        return 2
    print("\n".join(verdict.lines))
    return 0 if verdict.ok else 1


if __name__ == "__main__":
    sys.exit(main())
