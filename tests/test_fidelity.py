"""Fidelity of the OpenAPI document to Uber's documentation pages.

`tests/fidelity/inventory.yaml` records, page by page, the parameters, fields, types, enums,
formats, error codes, examples, security and servers of every documented operation. It is
written from the pages alone. Each fact becomes one test case here, checked against
`openapi/guest-rides.yaml` (or the file named by the environment variable
`GUEST_RIDES_SPEC`).

Where the pages contradict themselves, a fact carries `expected_in_spec` (the reading the
document follows, listed in openapi/DISCREPANCIES.md); the check applies it.

The checking functions are plain functions returning a list of problems (empty: the fact
holds), so the self-tests at the end can call them on deliberately damaged copies of the
document and show that they fail.
"""

from __future__ import annotations

import copy
import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from mock_server.spec import HTTP_METHODS, deref, deref_schema, lookup, parse_yaml, spec_path

INVENTORY_PATH = Path(__file__).resolve().parent / "fidelity" / "inventory.yaml"

JSON_TYPES = {"string", "integer", "number", "boolean", "object", "array", "null"}
E164_ACCEPT = "+14155550000"
E164_REJECT = "4155550000"
SEED_FILES = {
    "000_c1dfe51189bfafc5.txt",
    "001_b9e8ba9363155e9e.txt",
    "002_1f21add5da6110ca.txt",
    "003_86f171497793f013.txt",
    "004_43e3207c03921fd0.txt",
}
MISSING: Any = object()

Schema = dict[str, Any]
Problems = list[str]


# --------------------------------------------------------------------------------------
# Loading


def load_yaml(path: Path) -> Any:
    """YAML read as the document is (JSON scalars), by the project's one loader."""
    return parse_yaml(path.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------------------
# Facts


@dataclass(frozen=True)
class Fact:
    """One checkable statement taken from a documentation page."""

    id: str
    kind: str
    op: str | None
    data: dict[str, Any] = field(default_factory=dict)
    inventory: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __str__(self) -> str:
        return self.id


def effective(entry: dict[str, Any]) -> dict[str, Any]:
    """The fact as the document is expected to carry it (documented fact + override)."""
    merged = dict(entry)
    merged.update(entry.get("expected_in_spec") or {})
    return merged


def build_facts(inventory: dict[str, Any]) -> list[Fact]:
    facts: list[Fact] = []

    def add(fact_id: str, kind: str, op: str | None, data: dict[str, Any]) -> None:
        taken = {f.id for f in facts}
        unique, n = fact_id, 2
        while unique in taken:
            unique, n = f"{fact_id}#{n}", n + 1
        facts.append(Fact(unique, kind, op, data, inventory))

    servers = inventory.get("servers") or {}
    for url in servers.get("urls", []):
        add(f"servers:{url}", "server", None, {"url": url})
    for scheme in inventory.get("security_schemes", []):
        add(f"securityScheme:{scheme['flow']}", "security_scheme", None, scheme)

    for op_key, op in inventory["operations"].items():
        add(f"{op_key}:operation", "operation", op_key, {})
        for method in op.get("absent_methods", []):
            add(f"{op_key}:absent-method:{method}", "absent_method", op_key, {"method": method})
        if "security" in op:
            add(f"{op_key}:security", "security", op_key, op["security"])
        if "server_hosts" in op:
            add(f"{op_key}:servers", "op_servers", op_key, op)
        for entry in op.get("parameters", []):
            param = effective(entry)
            add(f"{op_key}:param:{param['in']}:{param['name']}", "parameter", op_key, param)
        request = op.get("request")
        if request:
            add(f"{op_key}:request:content", "request_content", op_key, request)
            for entry in request.get("fields", []):
                eff = effective(entry)
                data = {**eff, "where": "request"}
                add(f"{op_key}:request:{eff['path']}", "field", op_key, data)
            add_examples(add, op_key, "request", request.get("examples"))
        for status, response in (op.get("responses") or {}).items():
            status = str(status)
            add(f"{op_key}:response:{status}", "response_status", op_key, {"status": status})
            for entry in (response or {}).get("fields", []):
                eff = effective(entry)
                data = {**eff, "where": "response", "status": status}
                add(f"{op_key}:response:{status}:{eff['path']}", "field", op_key, data)
            add_examples(add, op_key, f"response:{status}", (response or {}).get("examples"))
        for entry in op.get("errors", []):
            eff = effective(entry)
            eff["status"] = str(eff["status"])
            add(f"{op_key}:error:{eff['status']}:{eff['code']}", "error_code", op_key, eff)
    return facts


def add_examples(add: Any, op_key: str, where: str, examples: dict[str, Any] | None) -> None:
    if not examples:
        return
    add(
        f"{op_key}:examples:{where}:count",
        "examples_count",
        op_key,
        {"at": where, "count": examples["count"]},
    )
    for match in examples.get("match", []):
        label = ",".join(
            f"{k}={v if isinstance(v, str) else json.dumps(v)}" for k, v in match["where"].items()
        )
        data = {"at": where, "conditions": match["where"], "note": match.get("note", "")}
        add(f"{op_key}:example:{where}:{label}", "example_match", op_key, data)


def with_operation_overrides(inventory: dict[str, Any]) -> dict[str, Any]:
    """The inventory with each operation's `expected_in_spec` method or path applied.

    A page may name an operation's path differently from the document (a path parameter
    called `trip_id` where the same path elsewhere calls it `request_id`); the operation
    is then looked up where the document is expected to have it.
    """
    out = copy.deepcopy(inventory)
    for op in out["operations"].values():
        override = op.get("expected_in_spec") or {}
        op.update({k: v for k, v in override.items() if k in ("method", "path")})
    return out


INVENTORY: dict[str, Any] = with_operation_overrides(load_yaml(INVENTORY_PATH))
FACTS: list[Fact] = build_facts(INVENTORY)
FACTS_BY_ID: dict[str, Fact] = {fact.id: fact for fact in FACTS}


# --------------------------------------------------------------------------------------
# Reading the document: references, schema views, operations


# An inventory `path` naming a webhook (an event Uber sends) rather than a path it serves.
WEBHOOK_PREFIX = "webhook:"


class Document:
    """An OpenAPI document with local `$ref` resolution and composition-aware schema views."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw

    # -- references ------------------------------------------------------------------

    def lookup(self, ref: str) -> Any:
        return lookup(self.raw, ref)

    def deref(self, node: Any) -> Any:
        """Follow `$ref`s to an OpenAPI object; fields beside a `$ref` override the target's."""
        return deref(self.raw, node)[0]

    def deref_schema(self, schema: Any) -> Any:
        """Follow `$ref`s to a schema; keywords beside a `$ref` apply alongside it."""
        return deref_schema(self.raw, schema)[0]

    # -- schema views ----------------------------------------------------------------

    def views(self, schema: Any, depth: int = 0) -> list[Schema]:
        """Flatten a schema into the alternatives it may take.

        `allOf` parts are merged; an `anyOf`/`oneOf` whose only other branch is
        `{type: null}` becomes that branch, marked nullable; other `anyOf`/`oneOf`
        branches become separate views. Each view is a plain dict without composition.
        """
        if depth > 40:
            return []
        schema = self.deref_schema(schema)
        if schema is True:
            return [{}]
        if not isinstance(schema, dict):
            return []
        base = {k: v for k, v in schema.items() if k not in ("allOf", "anyOf", "oneOf")}
        results: list[Schema] = [base]
        for part in schema.get("allOf", []):
            part_views = self.views(part, depth + 1)
            results = [merge_views(r, p) for r in results for p in part_views]
        for key in ("anyOf", "oneOf"):
            if key not in schema:
                continue
            branches = [self.deref_schema(b) for b in schema[key]]
            non_null = [b for b in branches if not is_null_schema(b)]
            if len(non_null) < len(branches):
                results = [{**r, "x-nullable-branch": True} for r in results]
            branch_views = [v for b in non_null for v in self.views(b, depth + 1)]
            if branch_views:
                results = [merge_views(r, b) for r in results for b in branch_views]
        return results

    # -- operations ------------------------------------------------------------------

    def servers_for(self, path_item: dict[str, Any], op: dict[str, Any]) -> list[str]:
        servers = op.get("servers") or path_item.get("servers") or self.raw.get("servers") or []
        urls: list[str] = []
        for server in servers:
            urls.extend(expand_server_url(self.deref(server)))
        return urls

    def find_operation(
        self, method: str, path: str
    ) -> tuple[dict[str, Any], dict[str, Any]] | None:
        if path.startswith(WEBHOOK_PREFIX):  # an event Uber sends: under `webhooks`
            hook = self.deref((self.raw.get("webhooks") or {}).get(path[len(WEBHOOK_PREFIX) :]))
            op = hook.get(method) if isinstance(hook, dict) else None
            return (hook, op) if isinstance(op, dict) else None
        wanted = path.rstrip("/")
        for key, item in (self.raw.get("paths") or {}).items():
            item = self.deref(item)
            op = item.get(method) if isinstance(item, dict) else None
            if not isinstance(op, dict):
                continue
            prefixes = {""} | {urlsplit(u).path.rstrip("/") for u in self.servers_for(item, op)}
            if any((prefix + key).rstrip("/") == wanted for prefix in prefixes):
                return item, op
        return None

    def path_items_for(self, path: str) -> list[dict[str, Any]]:
        wanted = path.rstrip("/")
        found = []
        for key, item in (self.raw.get("paths") or {}).items():
            item = self.deref(item)
            prefixes = {""} | {
                urlsplit(u).path.rstrip("/")
                for u in itertools.chain.from_iterable(
                    expand_server_url(self.deref(s))
                    for s in (item.get("servers") or self.raw.get("servers") or [])
                )
            }
            if any((prefix + key).rstrip("/") == wanted for prefix in prefixes):
                found.append(item)
        return found

    def parameters(self, path_item: dict[str, Any], op: dict[str, Any]) -> list[dict[str, Any]]:
        merged: dict[tuple[str, str], dict[str, Any]] = {}
        for raw in list(path_item.get("parameters", [])) + list(op.get("parameters", [])):
            param = self.deref(raw)
            name = str(param.get("name", ""))
            location = str(param.get("in", ""))
            merged[(name.lower() if location == "header" else name, location)] = param
        return list(merged.values())

    def media_types(self, holder: dict[str, Any]) -> list[dict[str, Any]]:
        content = (self.deref(holder) or {}).get("content") or {}
        return [self.deref(m) or {} for t, m in content.items() if "json" in t.lower()]

    def response(self, op: dict[str, Any], status: str) -> dict[str, Any] | None:
        responses = op.get("responses") or {}
        for key in (status, int(status) if status.isdigit() else status):
            if key in responses:
                resolved = self.deref(responses[key])
                return resolved if isinstance(resolved, dict) else {}
        return None

    def root_schemas(self, op: dict[str, Any], where: str, status: str | None) -> list[Any]:
        if where == "request":
            body = op.get("requestBody")
            holder = self.deref(body) if body is not None else None
        else:
            holder = self.response(op, str(status))
        if holder is None:
            return []
        return [m["schema"] for m in self.media_types(holder) if "schema" in m]

    def examples(self, op: dict[str, Any], where: str) -> list[Any]:
        """Every example value attached to a request body or a response."""
        if where == "request":
            body = op.get("requestBody")
            holder = self.deref(body) if body is not None else None
        else:
            holder = self.response(op, where.split(":", 1)[1])
        if holder is None:
            return []
        values: list[Any] = []
        for media in self.media_types(holder):
            if "example" in media:
                values.append(media["example"])
            for example in (media.get("examples") or {}).values():
                example = self.deref(example)
                if isinstance(example, dict) and "value" in example:
                    values.append(example["value"])
            if "schema" in media:
                for view in self.views(media["schema"]):
                    if "example" in view:
                        values.append(view["example"])
                    values.extend(view.get("examples") or [])
        unique: list[Any] = []
        for value in values:
            if value not in unique:
                unique.append(value)
        return unique


def is_null_schema(schema: Any) -> bool:
    if not isinstance(schema, dict):
        return False
    if schema.get("type") == "null" or schema.get("type") == ["null"]:
        return True
    return "const" in schema and schema["const"] is None and "type" not in schema


def merge_views(a: Schema, b: Schema) -> Schema:
    """Merge two views as `allOf` would: properties combine, required and flags add up."""
    out = dict(a)
    for key, value in b.items():
        if key == "properties" and "properties" in out:
            props = dict(out["properties"])
            for name, sub in value.items():
                props[name] = {"allOf": [props[name], sub]} if name in props else sub
            out["properties"] = props
        elif key == "required" and "required" in out:
            out["required"] = list(dict.fromkeys(list(out["required"]) + list(value)))
        elif key == "type" and "type" in out:
            out["type"] = intersect_types(out["type"], value)
        elif key == "enum" and "enum" in out:
            out["enum"] = [v for v in out["enum"] if v in value]
        elif key in ("deprecated", "x-nullable-branch"):
            out[key] = bool(out.get(key)) or bool(value)
        else:
            out[key] = value
    return out


def intersect_types(a: Any, b: Any) -> list[str]:
    left = set(a if isinstance(a, list) else [a])
    right = set(b if isinstance(b, list) else [b])
    both = left & right
    if "integer" in left and "number" in right or "number" in left and "integer" in right:
        both.add("integer")
    return sorted(both)


def expand_server_url(server: dict[str, Any]) -> list[str]:
    url = str(server.get("url", ""))
    variables = server.get("variables") or {}
    names = re.findall(r"{([^}]+)}", url)
    choices = []
    for name in names:
        var = variables.get(name) or {}
        values = list(var.get("enum") or []) or [var.get("default", "")]
        if var.get("default") not in values and "default" in var:
            values.append(var["default"])
        choices.append([str(v) for v in values])
    urls = []
    for combo in itertools.product(*choices):
        expanded = url
        for name, value in zip(names, combo, strict=True):
            expanded = expanded.replace("{" + name + "}", value)
        urls.append(expanded)
    return urls


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


# --------------------------------------------------------------------------------------
# Field lookup


def parse_field_path(path: str) -> list[tuple[str, str]]:
    """`a.b[].c` -> [("prop", "a"), ("prop", "b"), ("items", ""), ("prop", "c")]."""
    tokens: list[tuple[str, str]] = []
    for part in path.split("."):
        name = part
        depth = 0
        while name.endswith("[]"):
            name, depth = name[:-2], depth + 1
        if name:
            tokens.append(("prop", name))
        tokens.extend([("items", "")] * depth)
    return tokens


def is_map_key(name: str) -> bool:
    """A segment written in upper case (a FIELD_ID such as PICKUP) names a map key."""
    return name.isupper()


@dataclass
class Candidate:
    """One place in the document where a dotted field path leads."""

    parent: Schema | None  # the view holding the property (for `required`)
    name: str | None  # the property name, None for array items / map values
    schema: Any
    via_map: bool = False
    # every step so far is mandatory (each property required by its parent, no array step)
    mandatory_chain: bool = True
    # an enclosing object on the path is itself marked `deprecated: true`
    inside_deprecated: bool = False


def walk(doc: Document, root: Any, tokens: list[tuple[str, str]]) -> tuple[list[Candidate], str]:
    """Candidates for the schema at `tokens`, and a description of where the walk stopped."""
    current = [Candidate(None, None, root)]
    walked = ""
    for kind, name in tokens:
        following: list[Candidate] = []
        seen_props: set[str] = set()
        for cand in current:
            for view in doc.views(cand.schema):
                deprecated = cand.inside_deprecated or (
                    cand.name is not None and view.get("deprecated") is True
                )
                if kind == "items":
                    items = view.get("items")
                    if isinstance(items, dict):
                        following.append(Candidate(view, None, items, False, False, deprecated))
                    continue
                props = view.get("properties") or {}
                seen_props.update(props)
                if name in props:
                    chain = cand.mandatory_chain and name in (view.get("required") or [])
                    following.append(Candidate(view, name, props[name], False, chain, deprecated))
                    continue
                if not is_map_key(name):
                    continue
                matched = False
                for pattern, sub in (view.get("patternProperties") or {}).items():
                    if re.search(pattern, name):
                        following.append(Candidate(view, None, sub, True, False, deprecated))
                        matched = True
                extra = view.get("additionalProperties")
                if not matched and isinstance(extra, dict):
                    following.append(Candidate(view, None, extra, True, False, deprecated))
        if not following:
            where = walked or "(root)"
            if kind == "items":
                return [], f"`{where}` has no `items` schema"
            known = ", ".join(sorted(seen_props)) or "none"
            return [], f"no property `{name}` under `{where}` (properties there: {known})"
        walked = walked + "[]" if kind == "items" else (f"{walked}.{name}" if walked else name)
        current = following
    return current, ""


def type_set(views: list[Schema]) -> set[str]:
    types: set[str] = set()
    for view in views:
        declared = view.get("type")
        if declared is not None:
            types.update(declared if isinstance(declared, list) else [declared])
        elif "const" in view:
            types.add(json_type(view["const"]))
        elif "enum" in view:
            types.update(json_type(v) for v in view["enum"])
        else:
            types.add("any")
        if view.get("x-nullable-branch"):
            types.add("null")
    return types


def enum_values(views: list[Schema]) -> set[Any] | None:
    """The closed set of non-null values the views allow, or None when it is open."""
    values: set[Any] = set()
    for view in views:
        if "const" in view:
            values.add(view["const"])
        elif "enum" in view:
            values.update(v for v in view["enum"] if not isinstance(v, dict | list))
        elif type_set([view]) <= {"null"}:
            continue
        else:
            return None
    values.discard(None)
    return values


def accepts_null(views: list[Schema]) -> bool:
    return "null" in type_set(views) or any(None in (v.get("enum") or []) for v in views)


def schema_problems(views: list[Schema], fact: dict[str, Any]) -> Problems:
    """Check the attributes a fact states about one schema (field or parameter)."""
    problems: Problems = []
    types = type_set(views)
    if "type" in fact:
        expected = fact["type"]
        assert expected in JSON_TYPES, f"inventory: unknown type {expected!r}"
        if types - {"null"} != {expected}:
            shown = sorted(types) or ["(none)"]
            problems.append(f"type: expected {expected}, document has {shown}")
    if fact.get("nullable") and not accepts_null(views):
        problems.append(f"nullable: the page shows or allows null; types are {sorted(types)}")
    if fact.get("deprecated") and not any(v.get("deprecated") is True for v in views):
        problems.append("deprecated: the page marks it deprecated; `deprecated: true` missing")
    if "enum" in fact:
        expected_set = set(fact["enum"])
        actual = enum_values(views)
        if actual is None:
            problems.append(f"enum: expected closed set {sorted(expected_set)}, document has none")
        elif actual != expected_set:
            missing = sorted(expected_set - actual)
            extra = sorted(actual - expected_set, key=str)
            problems.append(f"enum: missing {missing}, not documented {extra}")
    if "enum_includes" in fact:
        actual = enum_values(views)
        if actual is not None:
            missing = [v for v in fact["enum_includes"] if v not in actual]
            if missing:
                problems.append(f"enum: must allow {missing}; document allows {sorted(actual)}")
    for key, keyword in (("max_length", "maxLength"), ("max_items", "maxItems")):
        if key in fact:
            found = [v[keyword] for v in views if keyword in v]
            if fact[key] not in found:
                problems.append(f"{keyword}: expected {fact[key]}, document has {found or 'none'}")
    if "format" in fact:
        formats = [v.get("format") for v in views if "format" in v]
        if fact["format"] not in formats:
            problems.append(f"format: expected {fact['format']}, document has {formats or 'none'}")
    if fact.get("e164"):
        patterns = [str(v["pattern"]) for v in views if "pattern" in v]
        if not patterns:
            problems.append("e164: no `pattern` on the schema")
        else:
            try:
                accepts = all(re.search(p, E164_ACCEPT) for p in patterns)
                rejects = any(not re.search(p, E164_REJECT) for p in patterns)
            except re.error as exc:
                problems.append(f"e164: pattern does not compile: {exc}")
            else:
                if not accepts:
                    problems.append(f"e164: pattern {patterns} rejects {E164_ACCEPT!r}")
                if not rejects:
                    problems.append(f"e164: pattern {patterns} accepts {E164_REJECT!r}")
    if "default" in fact:
        defaults = [v["default"] for v in views if "default" in v]
        if not any(same_value(d, fact["default"]) for d in defaults):
            problems.append(f"default: expected {fact['default']!r}, document has {defaults}")
    return problems


def same_value(a: Any, b: Any) -> bool:
    if isinstance(a, bool) != isinstance(b, bool):
        return False
    return bool(a == b)


def check_field(doc: Document, fact: Fact) -> Problems:
    data = fact.data
    located = locate_operation(doc, fact)
    if isinstance(located, list):
        return located
    _, op = located
    roots = doc.root_schemas(op, data["where"], data.get("status"))
    if not roots:
        place = "request body" if data["where"] == "request" else f"{data['status']} response"
        return [f"no JSON schema for the {place}"]
    tokens = parse_field_path(data["path"])
    candidates: list[Candidate] = []
    stop = ""
    for root in roots:
        found, reason = walk(doc, root, tokens)
        candidates.extend(found)
        stop = stop or reason
    if not candidates:
        return [f"field `{data['path']}` not found: {stop}"]
    best: Problems | None = None
    for cand in candidates:
        attrs = dict(data)
        if cand.inside_deprecated:
            # a field inside a deprecated object is deprecated with it
            attrs.pop("deprecated", None)
        problems = schema_problems(doc.views(cand.schema), attrs)
        # the page's "(required)" on `a.b` means: b is required within a
        parent_required = (cand.parent or {}).get("required") or []
        if data.get("required") and cand.name is not None and cand.name not in parent_required:
            problems.append(f"required: `{cand.name}` is not in its parent's `required`")
        if data.get("required") is False and cand.mandatory_chain:
            # the page's "(optional)" on `a.b` means: a request may leave a.b out
            problems.append(f"required: the page says optional; `{data['path']}` is mandatory")
        if not problems:
            return []
        if best is None or len(problems) < len(best):
            best = problems
    return best or []


# --------------------------------------------------------------------------------------
# Checks by kind


def locate_operation(doc: Document, fact: Fact) -> tuple[dict[str, Any], dict[str, Any]] | Problems:
    op_fact = fact.inventory["operations"][fact.op]
    found = doc.find_operation(op_fact["method"], op_fact["path"])
    if found is None:
        return [f"operation {op_fact['method'].upper()} {op_fact['path']} not found"]
    return found


def check_operation(doc: Document, fact: Fact) -> Problems:
    located = locate_operation(doc, fact)
    return located if isinstance(located, list) else []


def check_absent_method(doc: Document, fact: Fact) -> Problems:
    op_fact = fact.inventory["operations"][fact.op]
    items = doc.path_items_for(op_fact["path"])
    if not items:
        return [f"path {op_fact['path']} not found"]
    method = fact.data["method"]
    if any(method in item for item in items):
        return [
            f"{method.upper()} {op_fact['path']} is defined; the document chose "
            f"{op_fact['method'].upper()} ({op_fact.get('reason', '')})"
        ]
    return []


def check_parameter(doc: Document, fact: Fact) -> Problems:
    located = locate_operation(doc, fact)
    if isinstance(located, list):
        return located
    item, op = located
    data = fact.data
    params = doc.parameters(item, op)
    matches = [
        p
        for p in params
        if p.get("in") == data["in"]
        and (
            str(p.get("name", "")).lower() == data["name"].lower()
            if data["in"] == "header"
            else p.get("name") == data["name"]
        )
    ]
    if not matches:
        names = sorted(f"{p.get('in')}:{p.get('name')}" for p in params)
        return [f"no {data['in']} parameter `{data['name']}` (parameters: {names})"]
    param = matches[0]
    problems: Problems = []
    if "required" in data and bool(param.get("required")) != bool(data["required"]):
        problems.append(
            f"required: expected {data['required']}, document has {param.get('required', False)}"
        )
    if data.get("deprecated") and param.get("deprecated") is not True:
        problems.append("deprecated: `deprecated: true` missing on the parameter")
    if "schema" not in param:
        return [*problems, "parameter has no `schema`"]
    attrs = {k: v for k, v in data.items() if k not in ("required", "deprecated")}
    problems.extend(schema_problems(doc.views(param["schema"]), attrs))
    return problems


def check_request_content(doc: Document, fact: Fact) -> Problems:
    located = locate_operation(doc, fact)
    if isinstance(located, list):
        return located
    _, op = located
    body = op.get("requestBody")
    if body is None:
        return ["no requestBody"]
    content = (doc.deref(body) or {}).get("content") or {}
    wanted = fact.data.get("content_type", "application/json")
    if wanted not in content:
        return [f"requestBody has no {wanted} content (has {sorted(content)})"]
    return []


def check_response_status(doc: Document, fact: Fact) -> Problems:
    located = locate_operation(doc, fact)
    if isinstance(located, list):
        return located
    _, op = located
    if doc.response(op, fact.data["status"]) is None:
        statuses = sorted(str(s) for s in (op.get("responses") or {}))
        return [f"no {fact.data['status']} response (responses: {statuses})"]
    return []


def check_error_code(doc: Document, fact: Fact) -> Problems:
    located = locate_operation(doc, fact)
    if isinstance(located, list):
        return located
    _, op = located
    status, code = fact.data["status"], fact.data["code"]
    if doc.response(op, status) is None:
        statuses = sorted(str(s) for s in (op.get("responses") or {}))
        return [f"no {status} response for code `{code}` (responses: {statuses})"]
    found: set[Any] = set()
    for root in doc.root_schemas(op, "response", status):
        for key in ("code", "errCode"):
            candidates, _ = walk(doc, root, [("prop", key)])
            for cand in candidates:
                found |= enum_values(doc.views(cand.schema)) or set()
    for example in doc.examples(op, f"response:{status}"):
        if isinstance(example, dict):
            found.update(example[k] for k in ("code", "errCode") if k in example)
    if code not in found:
        shown = sorted(str(c) for c in found) or "none"
        return [
            f"code `{code}` not under {status} as a code/errCode enum, const or example "
            f"value (found: {shown})"
        ]
    return []


def example_value(value: Any, path: str) -> Any:
    node = value
    for part in path.split("."):
        match = re.fullmatch(r"([^\[\]]*)((?:\[\d+\])*)", part)
        if match is None:
            return MISSING
        name, indexes = match.groups()
        if name:
            if not isinstance(node, dict) or name not in node:
                return MISSING
            node = node[name]
        for index in re.findall(r"\[(\d+)\]", indexes):
            if not isinstance(node, list) or int(index) >= len(node):
                return MISSING
            node = node[int(index)]
    return node


def check_examples_count(doc: Document, fact: Fact) -> Problems:
    located = locate_operation(doc, fact)
    if isinstance(located, list):
        return located
    _, op = located
    examples = doc.examples(op, fact.data["at"])
    if len(examples) < fact.data["count"]:
        return [
            f"the page shows {fact.data['count']} example(s) for {fact.data['at']}, "
            f"the document carries {len(examples)}"
        ]
    return []


def check_example_match(doc: Document, fact: Fact) -> Problems:
    located = locate_operation(doc, fact)
    if isinstance(located, list):
        return located
    _, op = located
    examples = doc.examples(op, fact.data["at"])
    conditions = fact.data["conditions"]
    for example in examples:
        if all(same_value(example_value(example, p), v) for p, v in conditions.items()):
            return []
    return [
        f"no example for {fact.data['at']} with {conditions} ({len(examples)} example(s) present)"
    ]


def scheme_flows(doc: Document, name: str) -> dict[str, Any]:
    schemes = (doc.raw.get("components") or {}).get("securitySchemes") or {}
    scheme = doc.deref(schemes.get(name)) or {}
    if scheme.get("type") != "oauth2":
        return {}
    return dict(scheme.get("flows") or {})


def check_security(doc: Document, fact: Fact) -> Problems:
    located = locate_operation(doc, fact)
    if isinstance(located, list):
        return located
    _, op = located
    flow = fact.data["flow"]
    requirements = op.get("security", doc.raw.get("security")) or []
    if not requirements:
        return ["no security requirement applies to the operation"]
    if any(not req for req in requirements):
        return ["an empty security requirement `{}` makes authentication optional"]
    problems: Problems = []
    for scope in fact.data["scopes"]:
        ok = any(
            scope in scopes
            and flow in scheme_flows(doc, name)
            and scope in (scheme_flows(doc, name)[flow].get("scopes") or {})
            for req in requirements
            for name, scopes in req.items()
        )
        if not ok:
            problems.append(f"no requirement grants scope `{scope}` through an OAuth2 {flow} flow")
    for req in requirements:
        if not any(flow in scheme_flows(doc, name) for name in req):
            problems.append(f"requirement {req} does not use an OAuth2 {flow} flow")
    return problems


def check_security_scheme(doc: Document, fact: Fact) -> Problems:
    schemes = (doc.raw.get("components") or {}).get("securitySchemes") or {}
    flow = fact.data["flow"]
    flows: list[dict[str, Any]] = []
    for name in schemes:
        found = scheme_flows(doc, name).get(flow)
        if isinstance(found, dict):
            flows.append(found)
    if not flows:
        return [f"no OAuth2 security scheme with a {flow} flow"]
    problems: Problems = []
    for scope in fact.data["scopes"]:
        if not any(scope in (f.get("scopes") or {}) for f in flows):
            problems.append(f"no {flow} flow declares scope `{scope}`")
    token_url = fact.data.get("token_url")
    if token_url and not any(f.get("tokenUrl") == token_url for f in flows):
        problems.append(
            f"tokenUrl: expected {token_url}, document has {[f.get('tokenUrl') for f in flows]}"
        )
    return problems


def check_server(doc: Document, fact: Fact) -> Problems:
    urls = [u for s in doc.raw.get("servers") or [] for u in expand_server_url(doc.deref(s))]
    if origin(fact.data["url"]) not in {origin(u) for u in urls}:
        return [f"server {fact.data['url']} missing (servers: {urls})"]
    return []


def check_op_servers(doc: Document, fact: Fact) -> Problems:
    located = locate_operation(doc, fact)
    if isinstance(located, list):
        return located
    item, op = located
    # Only Uber's hosts count; a local stand-in server listed beside them is not Uber's.
    hosts = {
        host
        for host in (urlsplit(u).netloc.lower() for u in doc.servers_for(item, op))
        if host == "uber.com" or host.endswith(".uber.com")
    }
    wanted = set(fact.data["server_hosts"])
    problems: Problems = []
    if not wanted <= hosts:
        problems.append(f"served on {sorted(hosts)}; the page names {sorted(wanted)}")
    if fact.data.get("server_hosts_only") and hosts - wanted:
        problems.append(f"served on {sorted(hosts - wanted)} too; only {sorted(wanted)} serves it")
    return problems


CHECKS = {
    "operation": check_operation,
    "absent_method": check_absent_method,
    "parameter": check_parameter,
    "request_content": check_request_content,
    "field": check_field,
    "response_status": check_response_status,
    "error_code": check_error_code,
    "examples_count": check_examples_count,
    "example_match": check_example_match,
    "security": check_security,
    "security_scheme": check_security_scheme,
    "server": check_server,
    "op_servers": check_op_servers,
}


def check(doc: Document | dict[str, Any], fact: Fact) -> Problems:
    """Problems with `fact` in the document; an empty list means the fact holds."""
    document = doc if isinstance(doc, Document) else Document(doc)
    return CHECKS[fact.kind](document, fact)


# --------------------------------------------------------------------------------------
# The fidelity tests


@pytest.fixture(scope="module")
def spec() -> Document:
    path = spec_path()
    if not path.is_file():
        pytest.fail(f"OpenAPI document not found: {path} (set GUEST_RIDES_SPEC to override)")
    raw = load_yaml(path)
    assert isinstance(raw, dict), "the OpenAPI document is not a mapping"
    return Document(raw)


@pytest.mark.parametrize("fact", FACTS, ids=[f.id for f in FACTS])
def test_document_states_documented_fact(spec: Document, fact: Fact) -> None:
    problems = check(spec, fact)
    assert not problems, f"{fact.id}: " + "; ".join(problems)


# --------------------------------------------------------------------------------------
# The inventory itself


def test_inventory_is_substantial() -> None:
    kinds: dict[str, int] = {}
    for fact in FACTS:
        kinds[fact.kind] = kinds.get(fact.kind, 0) + 1
    assert len(FACTS) >= 150, kinds
    assert kinds.get("field", 0) >= 150, kinds
    assert kinds.get("error_code", 0) >= 15, kinds
    assert kinds.get("example_match", 0) >= 15, kinds
    per_op: dict[str | None, int] = {}
    for fact in FACTS:
        per_op[fact.op] = per_op.get(fact.op, 0) + 1
    assert set(INVENTORY["operations"]) <= set(per_op)
    assert all(count >= 4 for op, count in per_op.items() if op), per_op


def test_inventory_entries_are_traceable() -> None:
    for key, op in INVENTORY["operations"].items():
        source = str(op.get("source", ""))
        assert source in SEED_FILES or source.startswith("public-facts §"), (key, source)
        assert op["method"] in HTTP_METHODS, key
        for entry in iter_entries(op):
            if "expected_in_spec" in entry or entry is op and "absent_methods" in op:
                assert "DISCREPANCIES.md" in str(entry.get("reason", "")), (key, entry)


def iter_entries(op: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield op
    yield from op.get("parameters", [])
    yield from (op.get("request") or {}).get("fields", [])
    for response in (op.get("responses") or {}).values():
        yield from (response or {}).get("fields", [])
    yield from op.get("errors", [])


def test_fact_ids_are_unique_and_readable() -> None:
    ids = [f.id for f in FACTS]
    assert len(ids) == len(set(ids))
    assert "createGuestTrip:request:guest.phone_number" in FACTS_BY_ID
    assert "getGuestTrip:response:200:vehicle.vehicle_color_name" in FACTS_BY_ID
    assert "createGuestTrip:error:409:fare_expired" in FACTS_BY_ID


# --------------------------------------------------------------------------------------
# Self-tests: the checker bites


EMPTY_DOCUMENT = {"openapi": "3.1.0", "info": {"title": "empty", "version": "0"}, "paths": {}}


@pytest.mark.parametrize("fact", FACTS, ids=[f.id for f in FACTS])
def test_no_fact_holds_in_an_empty_document(fact: Fact) -> None:
    assert check(EMPTY_DOCUMENT, fact), f"{fact.id} passes against an empty document"


def inline_refs(doc: dict[str, Any]) -> dict[str, Any]:
    """A copy of the document with every local `$ref` replaced by a copy of its target."""
    document = Document(doc)

    def visit(node: Any, stack: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [visit(v, stack) for v in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/") and ref not in stack:
            target = visit(document.lookup(ref), (*stack, ref))
            siblings = {k: visit(v, stack) for k, v in node.items() if k != "$ref"}
            return {"allOf": [target], **siblings} if siblings else target
        return {k: visit(v, stack) for k, v in node.items()}

    inlined = visit(copy.deepcopy(doc), ())
    assert isinstance(inlined, dict)
    return inlined


def expand_raw(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for key in ("allOf", "anyOf", "oneOf"):
            for branch in node.get(key, []):
                yield from expand_raw(branch)


def raw_slots(doc: Document, fact: Fact, upto: int | None = None) -> list[tuple[Any, Any]]:
    """(container, key) pairs holding the raw schema a field fact names, in an inlined doc."""
    located = doc.find_operation(
        fact.inventory["operations"][fact.op]["method"],
        fact.inventory["operations"][fact.op]["path"],
    )
    assert located is not None
    _, op = located
    data = fact.data
    holder = op["requestBody"] if data["where"] == "request" else doc.response(op, data["status"])
    assert holder is not None
    slots: list[tuple[Any, Any]] = [
        (media, "schema") for t, media in holder["content"].items() if "json" in t
    ]
    for kind, name in parse_field_path(data["path"])[:upto]:
        following: list[tuple[Any, Any]] = []
        for container, key in slots:
            for sub in expand_raw(container[key]):
                if kind == "items" and isinstance(sub.get("items"), dict):
                    following.append((sub, "items"))
                elif kind == "prop" and name in (sub.get("properties") or {}):
                    following.append((sub["properties"], name))
                elif kind == "prop" and is_map_key(name):
                    if isinstance(sub.get("additionalProperties"), dict):
                        following.append((sub, "additionalProperties"))
                    for pattern in sub.get("patternProperties") or {}:
                        if re.search(pattern, name):
                            following.append((sub["patternProperties"], pattern))
        slots = following
    return slots


def first_passing(doc: Document, preferred: str, accept: Any) -> Fact:
    """The preferred fact if it holds in the document, else the first holding one of its kind."""
    candidates = [FACTS_BY_ID[preferred]] + [f for f in FACTS if accept(f)]
    for fact in candidates:
        if accept(fact) and not check(doc, fact):
            return fact
    pytest.skip(f"no fact like {preferred} holds in the document; see the fidelity failures")


def test_checker_reports_a_deleted_field(spec: Document) -> None:
    doc = Document(inline_refs(spec.raw))
    fact = first_passing(
        doc,
        "createGuestTrip:request:guest.phone_number",
        lambda f: f.kind == "field" and "." in f.data["path"],
    )
    slots = raw_slots(doc, fact)
    assert slots
    for container, key in slots:
        del container[key]
    assert check(doc, fact), f"{fact.id} still passes after the field was deleted"


def test_checker_reports_a_changed_type(spec: Document) -> None:
    doc = Document(inline_refs(spec.raw))
    fact = first_passing(
        doc,
        "getGuestTrip:response:200:request_time",
        lambda f: f.kind == "field" and f.data.get("type") == "integer",
    )
    for container, key in raw_slots(doc, fact):
        container[key] = {"type": "number"}
    assert check(doc, fact), f"{fact.id} still passes after integer became number"


def test_checker_reports_a_dropped_enum_value(spec: Document) -> None:
    doc = Document(inline_refs(spec.raw))
    fact = first_passing(
        doc, "getGuestTrip:response:200:status", lambda f: f.kind == "field" and "enum" in f.data
    )
    dropped = fact.data["enum"][-1]

    def drop(node: Any) -> None:
        for sub in expand_raw(node):
            if isinstance(sub.get("enum"), list) and dropped in sub["enum"]:
                sub["enum"].remove(dropped)
            for key in ("anyOf", "oneOf"):
                if key in sub:
                    sub[key] = [b for b in sub[key] if b.get("const") != dropped]

    for container, key in raw_slots(doc, fact):
        drop(container[key])
    assert check(doc, fact), f"{fact.id} still passes without {dropped!r}"


def test_checker_reports_a_lost_required_flag(spec: Document) -> None:
    doc = Document(inline_refs(spec.raw))
    fact = first_passing(
        doc,
        "createGuestTrip:request:product_id",
        lambda f: f.kind == "field" and f.data.get("required") is True,
    )
    name = parse_field_path(fact.data["path"])[-1][1]
    depth = len(parse_field_path(fact.data["path"])) - 1
    if depth == 0:
        located = doc.find_operation(
            fact.inventory["operations"][fact.op]["method"],
            fact.inventory["operations"][fact.op]["path"],
        )
        assert located is not None
        parents = [m["schema"] for m in doc.media_types(located[1]["requestBody"])]
    else:
        parents = [container[key] for container, key in raw_slots(doc, fact, upto=depth)]
    for parent in parents:
        for sub in expand_raw(parent):
            if name in (sub.get("required") or []):
                sub["required"].remove(name)
    assert check(doc, fact), f"{fact.id} still passes after `{name}` left `required`"


def test_checker_reports_a_loose_phone_pattern(spec: Document) -> None:
    doc = Document(inline_refs(spec.raw))
    fact = first_passing(
        doc,
        "createGuestTrip:request:guest.phone_number",
        lambda f: f.kind == "field" and f.data.get("e164"),
    )
    for container, key in raw_slots(doc, fact):
        container[key] = {"type": "string", "pattern": r"^\+?[0-9]{6,15}$"}
    assert check(doc, fact), f"{fact.id} still passes with an optional plus sign"


def test_checker_reports_a_missing_error_response(spec: Document) -> None:
    doc = Document(copy.deepcopy(spec.raw))
    fact = first_passing(doc, "createGuestTrip:error:409:surge", lambda f: f.kind == "error_code")
    located = doc.find_operation(
        fact.inventory["operations"][fact.op]["method"],
        fact.inventory["operations"][fact.op]["path"],
    )
    assert located is not None
    responses = located[1]["responses"]
    for key in (fact.data["status"], int(fact.data["status"])):
        responses.pop(key, None)
    assert check(doc, fact)


def test_checker_reports_missing_examples(spec: Document) -> None:
    doc = Document(inline_refs(spec.raw))
    fact = first_passing(
        doc,
        "getGuestTrip:example:response:200:status=in_progress,begin_trip_time=1564758770223",
        lambda f: f.kind == "example_match",
    )
    located = doc.find_operation(
        fact.inventory["operations"][fact.op]["method"],
        fact.inventory["operations"][fact.op]["path"],
    )
    assert located is not None
    at = fact.data["at"]
    if at == "request":
        holder = located[1]["requestBody"]
    else:
        holder = doc.response(located[1], at.split(":", 1)[1])
    assert holder is not None
    for media in holder["content"].values():
        media.pop("example", None)
        media.pop("examples", None)
        for sub in expand_raw(media.get("schema")):
            sub.pop("example", None)
            sub.pop("examples", None)
    assert check(doc, fact)


def test_checker_reports_a_sandbox_operation_on_the_production_host(spec: Document) -> None:
    doc = Document(copy.deepcopy(spec.raw))
    fact = first_passing(
        doc,
        "createSandboxRun:servers",
        lambda f: f.kind == "op_servers" and f.data.get("server_hosts_only"),
    )
    located = doc.find_operation(
        fact.inventory["operations"][fact.op]["method"],
        fact.inventory["operations"][fact.op]["path"],
    )
    assert located is not None
    located[1]["servers"] = [
        {"url": "https://api.uber.com"},
        {"url": "https://sandbox-api.uber.com"},
    ]
    assert check(doc, fact)


def test_checker_reports_a_missing_scope(spec: Document) -> None:
    doc = Document(copy.deepcopy(spec.raw))
    fact = first_passing(doc, "getRideRequest:security", lambda f: f.kind == "security")
    located = doc.find_operation(
        fact.inventory["operations"][fact.op]["method"],
        fact.inventory["operations"][fact.op]["path"],
    )
    assert located is not None
    located[1]["security"] = [{"nonexistent": ["other"]}]
    assert check(doc, fact)
