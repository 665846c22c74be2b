"""Derive an OpenAPI 3.0.3 copy of the 3.1 document, for tools that read only 3.0.

The 3.1 document stays the source; this copy is rebuilt by `make dist`. What changes:

- `type: [X, "null"]` becomes `type: X` with `nullable: true`;
- `anyOf: [{$ref: X}, {type: "null"}]` becomes a `$ref` to X made nullable: X itself gains
  `nullable: true` when every reference to it is of that form, else a copy `NullableX` does
  (3.0.3 lets `nullable` admit null only beside `type`, so `allOf: [{$ref: X}]` with
  `nullable: true` would still reject null); an inline
  branch is merged into its parent with `nullable: true`; with several other branches the
  null branch is dropped and the parent gains `nullable: true`;
- `const: v` becomes `enum: [v]`; a schema's `examples: [a, ...]` becomes `example: a`;
- numeric `exclusiveMinimum`/`exclusiveMaximum` become `minimum`/`maximum` with the
  boolean form;
- keywords next to a schema `$ref` (ignored by 3.0) move beside an `allOf: [{$ref}]`;
  `summary`/`description` next to other `$ref`s are dropped;
- 3.1-only keys are dropped: `info.summary`, `license.identifier`, `webhooks`,
  `jsonSchemaDialect`, `components.pathItems` (inlined where used) and the annotation
  keywords `$schema`, `$id`, `$comment`, `contentEncoding` (`contentMediaType` of binary
  becomes `format: binary`).

A 3.1 construct that 3.0 cannot express (`prefixItems`, `if`, `unevaluatedProperties`, a
`mutualTLS` security scheme, ...) raises `UnsupportedConstruct` instead of being dropped:
a silently looser copy would mislead the tools that read it.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from scripts.spec_tools import HTTP_METHODS, deref, parse_yaml, resolve_pointer

TARGET_VERSION = "3.0.3"

# Schema keywords 3.0 has no equivalent for: converting would change what validates.
_UNSUPPORTED_KEYWORDS = (
    "prefixItems",
    "contains",
    "minContains",
    "maxContains",
    "unevaluatedProperties",
    "unevaluatedItems",
    "dependentRequired",
    "dependentSchemas",
    "if",
    "then",
    "else",
    "patternProperties",
    "propertyNames",
    "$defs",
    "$anchor",
    "$dynamicRef",
    "$dynamicAnchor",
)
# Annotation-only keywords of JSON Schema 2020-12 that 3.0 does not know.
_DROPPED_KEYWORDS = ("$schema", "$id", "$comment", "contentEncoding")
_SUBSCHEMA_ONE = ("items", "not")
# Keywords that only annotate: when a nullable branch is merged into its parent, the
# parent's value wins.
_ANNOTATIONS = {"title", "description", "example", "deprecated", "readOnly", "writeOnly"}
_SUBSCHEMA_LIST = ("allOf", "anyOf", "oneOf")


class UnsupportedConstruct(ValueError):
    """The 3.1 document uses something a 3.0 document cannot express."""


def downconvert(document: Mapping[str, Any]) -> dict[str, Any]:
    """Return a 3.0.3 copy of a 3.1 document (the input is not modified)."""
    doc = copy.deepcopy(dict(document))
    if not str(doc.get("openapi", "")).startswith("3.1"):
        raise UnsupportedConstruct(f"expected an OpenAPI 3.1 document, got {doc.get('openapi')!r}")
    converter = _Converter(doc)
    return converter.run()


class _Converter:
    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc
        # Components that some `anyOf: [{$ref}, null]` needs nullable: name -> nullable name.
        self.nullable_copies: dict[str, str] = {}
        # Components referenced only through `anyOf: [{$ref}, null]`: made nullable in place.
        self.only_nullable = _only_nullable_refs(doc)

    def run(self) -> dict[str, Any]:
        doc = self.doc
        out: dict[str, Any] = {}
        for key, value in doc.items():
            if key == "openapi":
                out[key] = TARGET_VERSION
            elif key in ("webhooks", "jsonSchemaDialect"):
                continue
            elif key == "info":
                out[key] = self._info(value)
            elif key == "paths":
                out[key] = {
                    path: self._path_item(item, f"/paths{path}") for path, item in value.items()
                }
            elif key == "components":
                out[key] = self._components(value)
            else:
                out[key] = value
        out.setdefault("paths", {})
        self._add_nullable_copies(out)
        return out

    def _add_nullable_copies(self, out: dict[str, Any]) -> None:
        schemas = out.get("components", {}).get("schemas", {})
        for name, copy_name in self.nullable_copies.items():
            if copy_name == name:
                schemas[name] = {**schemas[name], "nullable": True}
            elif copy_name in schemas:
                raise UnsupportedConstruct(f"/components/schemas/{copy_name} already exists")
            else:
                schemas[copy_name] = {**schemas[name], "nullable": True}

    # --- document structure ---------------------------------------------------------------

    def _info(self, info: dict[str, Any]) -> dict[str, Any]:
        info = {k: v for k, v in info.items() if k != "summary"}
        if isinstance(info.get("license"), dict):
            info["license"] = {k: v for k, v in info["license"].items() if k != "identifier"}
        return info

    def _components(self, components: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for kind, members in components.items():
            if kind == "pathItems":
                continue  # inlined where paths refer to them
            convert = {
                "schemas": lambda s, at: self._schema(s, at),
                "responses": self._response,
                "parameters": self._parameter,
                "examples": lambda e, at: _strip_ref_siblings(e),
                "requestBodies": self._request_body,
                "headers": self._parameter,
                "securitySchemes": self._security_scheme,
                "links": lambda e, at: _strip_ref_siblings(e),
                "callbacks": self._callback,
            }.get(kind)
            if convert is None or not isinstance(members, dict):
                out[kind] = members
                continue
            out[kind] = {
                name: convert(member, f"/components/{kind}/{name}")
                for name, member in members.items()
            }
        return out

    def _path_item(self, item: dict[str, Any], at: str) -> dict[str, Any]:
        ref = item.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/pathItems/"):
            item = deref(self.doc, item, at)[0]  # 3.0 has no components/pathItems
        out: dict[str, Any] = {}
        for key, value in item.items():
            if key in HTTP_METHODS:
                out[key] = self._operation(value, f"{at}/{key}")
            elif key == "parameters":
                out[key] = [self._parameter(p, f"{at}/parameters") for p in value]
            else:
                out[key] = value
        return out

    def _operation(self, op: dict[str, Any], at: str) -> dict[str, Any]:
        out = dict(op)
        if "parameters" in op:
            out["parameters"] = [self._parameter(p, f"{at}/parameters") for p in op["parameters"]]
        if "requestBody" in op:
            out["requestBody"] = self._request_body(op["requestBody"], f"{at}/requestBody")
        if "responses" not in op:
            raise UnsupportedConstruct(f"{at}: 3.0 requires `responses` on every operation")
        out["responses"] = {
            status: self._response(response, f"{at}/responses/{status}")
            for status, response in op["responses"].items()
        }
        if "callbacks" in op:
            out["callbacks"] = {
                name: self._callback(cb, f"{at}/callbacks/{name}")
                for name, cb in op["callbacks"].items()
            }
        return out

    def _callback(self, callback: dict[str, Any], at: str) -> dict[str, Any]:
        if "$ref" in callback:
            return _strip_ref_siblings(callback)
        return {expr: self._path_item(item, f"{at}/{expr}") for expr, item in callback.items()}

    def _parameter(self, param: dict[str, Any], at: str) -> dict[str, Any]:
        """A Parameter or Header object."""
        if "$ref" in param:
            return _strip_ref_siblings(param)
        out = dict(param)
        if "schema" in param:
            out["schema"] = self._schema(param["schema"], f"{at}/schema")
        if "content" in param:
            out["content"] = self._content(param["content"], f"{at}/content")
        if "examples" in param:
            out["examples"] = {k: _strip_ref_siblings(v) for k, v in param["examples"].items()}
        return out

    def _request_body(self, body: dict[str, Any], at: str) -> dict[str, Any]:
        if "$ref" in body:
            return _strip_ref_siblings(body)
        out = dict(body)
        if "content" in body:
            out["content"] = self._content(body["content"], f"{at}/content")
        return out

    def _response(self, response: dict[str, Any], at: str) -> dict[str, Any]:
        if "$ref" in response:
            return _strip_ref_siblings(response)
        out = dict(response)
        if "headers" in response:
            out["headers"] = {
                name: self._parameter(header, f"{at}/headers/{name}")
                for name, header in response["headers"].items()
            }
        if "content" in response:
            out["content"] = self._content(response["content"], f"{at}/content")
        if "links" in response:
            out["links"] = {k: _strip_ref_siblings(v) for k, v in response["links"].items()}
        return out

    def _content(self, content: dict[str, Any], at: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for media_type, media in content.items():
            media = dict(media)
            if "schema" in media:
                media["schema"] = self._schema(media["schema"], f"{at}/{media_type}/schema")
            if "examples" in media:
                media["examples"] = {
                    k: _strip_ref_siblings(v) for k, v in media["examples"].items()
                }
            for name, encoding in (media.get("encoding") or {}).items():
                if "headers" in encoding:
                    encoding["headers"] = {
                        h: self._parameter(header, f"{at}/{media_type}/encoding/{name}/{h}")
                        for h, header in encoding["headers"].items()
                    }
            out[media_type] = media
        return out

    def _security_scheme(self, scheme: dict[str, Any], at: str) -> dict[str, Any]:
        if "$ref" in scheme:
            return _strip_ref_siblings(scheme)
        if scheme.get("type") == "mutualTLS":
            raise UnsupportedConstruct(f"{at}: 3.0 has no `mutualTLS` security scheme")
        return dict(scheme)

    # --- schemas ---------------------------------------------------------------------------

    def _schema(self, schema: Any, at: str) -> Any:
        if schema is True:
            return {}
        if schema is False:
            return {"not": {}}
        if not isinstance(schema, dict):
            raise UnsupportedConstruct(f"{at}: a schema must be an object, got {schema!r}")
        if "$ref" in schema:
            siblings = {k: v for k, v in schema.items() if k != "$ref"}
            if not siblings:
                return {"$ref": schema["$ref"]}
            # 3.0 ignores everything beside a $ref: keep the siblings next to an allOf.
            wrapped = self._schema(siblings, at)
            wrapped["allOf"] = [{"$ref": schema["$ref"]}, *wrapped.get("allOf", [])]
            return wrapped
        for keyword in _UNSUPPORTED_KEYWORDS:
            if keyword in schema:
                raise UnsupportedConstruct(f"{at}: 3.0 cannot express `{keyword}`")

        out: dict[str, Any] = {}
        for key, value in schema.items():
            if key in _DROPPED_KEYWORDS:
                continue
            if key in _SUBSCHEMA_ONE:
                if isinstance(value, list):
                    raise UnsupportedConstruct(f"{at}/{key}: tuple `items` is not 3.0")
                out[key] = self._schema(value, f"{at}/{key}")
            elif key in _SUBSCHEMA_LIST:
                out[key] = [self._schema(sub, f"{at}/{key}/{i}") for i, sub in enumerate(value)]
            elif key == "properties":
                out[key] = {
                    name: self._schema(sub, f"{at}/properties/{name}")
                    for name, sub in value.items()
                }
            elif key == "additionalProperties" and isinstance(value, dict):
                out[key] = self._schema(value, f"{at}/{key}")
            else:
                out[key] = value

        _convert_type(out, at)
        for keyword in ("anyOf", "oneOf"):
            out = self._drop_null_branch(out, keyword, at)
        if "const" in out:
            const = out.pop("const")
            if "enum" in out and const not in out["enum"]:
                raise UnsupportedConstruct(f"{at}: `const` outside its `enum`")
            out["enum"] = [const]
        if "examples" in out:
            examples = out.pop("examples")
            if isinstance(examples, list) and examples and "example" not in out:
                out["example"] = examples[0]
        for bound, exclusive in (("maximum", "exclusiveMaximum"), ("minimum", "exclusiveMinimum")):
            _convert_exclusive_bound(out, bound, exclusive)
        if out.pop("contentMediaType", None) == "application/octet-stream":
            out.setdefault("format", "binary")
        if out.get("type") == "array" and "items" not in out:
            out["items"] = {}
        return out

    def _drop_null_branch(self, schema: dict[str, Any], keyword: str, at: str) -> dict[str, Any]:
        """Rewrite `anyOf: [A, {type: null}]` so that 3.0 admits null (see the docstring)."""
        branches = schema.get(keyword)
        if not isinstance(branches, list) or not any(_is_null_schema(b) for b in branches):
            return schema
        rest = [b for b in branches if not _is_null_schema(b)]
        if len(rest) != 1:
            return schema  # the null branch stays, as a null-only 3.0 schema
        schema = dict(schema)
        del schema[keyword]
        (only,) = rest
        ref = only.get("$ref") if isinstance(only, dict) else None
        if isinstance(ref, str):
            prefix = "#/components/schemas/"
            if not ref.startswith(prefix) or len(only) != 1:
                raise UnsupportedConstruct(f"{at}: a nullable `$ref` outside components/schemas")
            name = ref[len(prefix) :]
            target = resolve_pointer(self.doc, ref[1:])
            if not isinstance(target, dict) or "type" not in target:
                raise UnsupportedConstruct(f"{at}: {name} has no `type` to make nullable")
            in_place = name in self.only_nullable
            copy_name = self.nullable_copies.setdefault(
                name, name if in_place else f"Nullable{name}"
            )
            copy_ref = {"$ref": prefix + copy_name}
            if not schema:
                return copy_ref
            return {**schema, "allOf": [*schema.get("allOf", []), copy_ref]}
        if "type" not in only:
            raise UnsupportedConstruct(f"{at}: a nullable alternative without a `type`")
        clashes = {k for k in only if k in schema and only[k] != schema[k]} - _ANNOTATIONS
        if clashes:
            raise UnsupportedConstruct(f"{at}: cannot merge {sorted(clashes)} of a nullable branch")
        return {**only, **schema, "nullable": True}


def _only_nullable_refs(doc: dict[str, Any]) -> set[str]:
    """Component schemas whose every `$ref` is the lone non-null branch of an anyOf/oneOf."""
    prefix = "#/components/schemas/"
    total: dict[str, int] = {}
    nullable: dict[str, int] = {}

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
            return
        if not isinstance(node, dict):
            return
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(prefix):
            total[ref[len(prefix) :]] = total.get(ref[len(prefix) :], 0) + 1
        for keyword in ("anyOf", "oneOf"):
            branches = node.get(keyword)
            if isinstance(branches, list) and len(branches) == 2:
                refs = [b["$ref"] for b in branches if isinstance(b, dict) and "$ref" in b]
                if len(refs) == 1 and any(_is_null_schema(b) for b in branches):
                    name = str(refs[0])[len(prefix) :]
                    nullable[name] = nullable.get(name, 0) + 1
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                walk(list(value.values()))  # property names are not keywords
            elif key not in ("example", "examples", "default", "enum", "const"):
                walk(value)

    walk(doc)
    return {name for name, count in nullable.items() if total.get(name) == count}


def _convert_type(schema: dict[str, Any], at: str) -> None:
    """`type: [X, "null"]` -> `type: X, nullable: true`; several types -> `anyOf`."""
    types = schema.get("type")
    if types == "null":
        # Only null: 3.0 admits null through `nullable` beside a `type` (any type will do),
        # and the enum then leaves null alone.
        schema["type"] = "string"
        schema["nullable"] = True
        schema["enum"] = [None]
        return
    if not isinstance(types, list):
        return
    non_null = [t for t in types if t != "null"]
    if len(non_null) < len(types):
        schema["nullable"] = True
    if not non_null:
        schema["type"] = "string"
        schema["enum"] = [None]
    elif len(non_null) == 1:
        schema["type"] = non_null[0]
    else:
        if "anyOf" in schema:
            raise UnsupportedConstruct(f"{at}: several types beside an `anyOf`")
        schema.pop("type")
        schema["anyOf"] = [{"type": t} for t in non_null]


def _is_null_schema(schema: Any) -> bool:
    return isinstance(schema, dict) and (
        schema.get("type") == "null"
        or schema.get("type") == ["null"]
        or (schema.get("nullable") is True and schema.get("enum") == [None])
    )


def _convert_exclusive_bound(schema: dict[str, Any], bound: str, exclusive: str) -> None:
    value = schema.get(exclusive)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return
    del schema[exclusive]
    current = schema.get(bound)
    tighter = (
        current is None
        or (bound == "maximum" and value <= current)
        or (bound == "minimum" and value >= current)
    )
    if tighter:
        schema[bound] = value
        schema[exclusive] = True


def _strip_ref_siblings(node: Any) -> Any:
    """3.1 allows `summary`/`description` beside a Reference Object's `$ref`; 3.0 does not."""
    if isinstance(node, dict) and "$ref" in node:
        return {"$ref": node["$ref"]}
    return node


def dump_yaml(document: Any) -> str:
    """YAML text of a document: keys in document order, unicode kept, long lines unwrapped."""
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=1_000_000)


def dump_json(document: Any) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="the OpenAPI 3.1 document (YAML or JSON)")
    parser.add_argument("output", type=Path, help="where to write the 3.0.3 copy (.yaml or .json)")
    args = parser.parse_args(argv)
    try:
        converted = downconvert(parse_yaml(args.source.read_text(encoding="utf-8")))
    except UnsupportedConstruct as error:
        print(f"downconvert: {error}", file=sys.stderr)
        return 1
    text = dump_json(converted) if args.output.suffix == ".json" else dump_yaml(converted)
    args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
