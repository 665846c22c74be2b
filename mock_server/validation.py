"""The OpenAPI document, read once at start-up and compiled into per-operation validators.

Nothing here knows a field of the API: the parameters, bodies, response schemas and
security requirements all come from the document. Schemas are compiled with
``jsonschema_rs`` when it is installed, else with ``jsonschema``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import attrs

from .limits import RateLimit
from .spec import DEFAULT_SPEC, HTTP_METHODS, deref, deref_schema, load_document

try:  # pragma: no cover - which branch runs depends on the environment
    import jsonschema_rs

    HAVE_RS = True
except ImportError:  # pragma: no cover
    HAVE_RS = False


class ResponseContractError(AssertionError):
    """Strict mode: the server was about to answer something the document does not allow."""


@attrs.frozen
class Problem:
    """One reason a request is invalid: where (``body.guest.phone_number``) and what."""

    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}" if self.where else self.what


class SchemaValidator:
    """A compiled JSON Schema that answers the first problem of an instance, or None."""

    def __init__(self, schema: Any, components: dict[str, Any], location: str):
        root = {"components": components, "allOf": [schema]} if isinstance(schema, dict) else schema
        self.location = location
        self._rs: Any = None
        self._py: Any = None
        if HAVE_RS:
            self._rs = jsonschema_rs.Draft202012Validator(root, validate_formats=True)
        else:  # pragma: no cover
            import jsonschema  # the slower fallback, imported only when needed

            self._py = jsonschema.Draft202012Validator(
                root, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
            )

    def is_valid(self, instance: Any) -> bool:
        if self._rs is not None:
            return bool(self._rs.is_valid(instance))
        return bool(self._py.is_valid(instance))  # pragma: no cover

    def first_problem(self, instance: Any) -> Problem | None:
        if self._rs is not None:
            if self._rs.is_valid(instance):
                return None
            for error in self._rs.iter_errors(instance):
                return self._problem(
                    list(error.instance_path),
                    error.message,
                    getattr(error.kind, "property", None)
                    if type(error.kind).__name__ == "Required"
                    else None,
                )
            return None
        errors = sorted(
            self._py.iter_errors(instance), key=lambda e: list(e.absolute_path).__len__()
        )  # pragma: no cover
        if not errors:  # pragma: no cover
            return None
        error = errors[0]  # pragma: no cover
        missing = None  # pragma: no cover
        if error.validator == "required":  # pragma: no cover
            match = re.match(r"'(.*)' is a required property", error.message)
            missing = match.group(1) if match else None
        return self._problem(list(error.absolute_path), error.message, missing)  # pragma: no cover

    def _problem(self, path: list[Any], message: str, missing: str | None) -> Problem:
        parts = [self.location] if self.location else []
        parts += [str(p) for p in path]
        if missing is not None:
            parts.append(str(missing))
            return Problem(".".join(parts), "field is required")
        if len(message) > 200:
            message = message[:200] + "..."
        return Problem(".".join(parts), message)


TRUNCATE = "x-truncate-at"
RATE_LIMIT = "x-rate-limit"


@attrs.frozen
class Shape:
    """What the sandbox keeps of a valid request body, read from its schema: the
    properties the document declares (others are ignored, so they are never stored), and
    strings marked ``x-truncate-at`` cut to that many characters (the document's way of
    saying a longer value is accepted and truncated, not refused)."""

    properties: dict[str, Shape | None] | None = None  # None: not an object with properties
    items: Shape | None = None
    truncate_at: int | None = None

    def apply(self, value: Any) -> Any:
        if self.truncate_at is not None and isinstance(value, str):
            return value[: self.truncate_at]
        if self.properties is not None and isinstance(value, dict):
            kept = {}
            for name, item in value.items():
                if name in self.properties:
                    child = self.properties[name]
                    kept[name] = child.apply(item) if child is not None else item
            return kept
        if self.items is not None and isinstance(value, list):
            return [self.items.apply(item) for item in value]
        return value


@attrs.frozen
class Parameter:
    name: str
    location: str  # path, query, header
    required: bool
    kind: str | None  # the schema's primitive type, to coerce query strings
    validator: SchemaValidator | None
    default: Any = None  # the schema's `default`, for a parameter left out


@attrs.frozen
class ResponseSpec:
    status: str
    media: dict[str, SchemaValidator | None]
    properties: frozenset[str]  # top-level property names of the JSON schema, if any
    codes: frozenset[str] = frozenset()  # the error codes of the response's examples


@attrs.define
class Operation:
    operation_id: str
    method: str
    path: str
    parameters: list[Parameter]
    body_required: bool
    body_media: dict[str, SchemaValidator | None]
    responses: dict[str, ResponseSpec]
    security: list[dict[str, list[str]]]
    declares_headers: frozenset[str]
    body_shapes: dict[str, Shape | None] = attrs.Factory(dict)
    rate_limit: RateLimit | None = None  # only for operations that document a 429

    @property
    def has_body(self) -> bool:
        return bool(self.body_media)

    def response(self, status: int) -> ResponseSpec | None:
        return (
            self.responses.get(str(status))
            or self.responses.get(f"{str(status)[0]}XX")
            or self.responses.get("default")
        )

    def error_codes(self, status: int) -> frozenset[str]:
        """The ``code`` values the document's examples show for ``status``."""
        spec = self.responses.get(str(status))
        return spec.codes if spec is not None else frozenset()

    def validation_status(self) -> int:
        """The status this operation documents for an invalid request (400, else 422)."""
        for status in ("400", "422"):
            if status in self.responses:
                return int(status)
        return 400

    def check_response(self, status: int, media_type: str | None, body: Any) -> None:
        """Strict mode: raise if the document does not allow this answer."""
        spec = self.response(status)
        if spec is None:
            raise ResponseContractError(f"{self.operation_id}: status {status} is not documented")
        if media_type is None:
            if spec.media:
                raise ResponseContractError(
                    f"{self.operation_id} {status}: documented with a body, sent none"
                )
            return
        if media_type not in spec.media:
            raise ResponseContractError(
                f"{self.operation_id} {status}: {media_type} is not documented"
            )
        validator = spec.media[media_type]
        if validator is not None:
            problem = validator.first_problem(body)
            if problem is not None:
                raise ResponseContractError(
                    f"{self.operation_id} {status}: response breaks the document: {problem}\n"
                    f"{json.dumps(body)[:2000]}"
                )


class Document:
    """The OpenAPI document, with its operations compiled.

    Request validators are always compiled; response validators only with
    ``check_responses`` (strict mode), since nothing else uses them.
    """

    def __init__(self, raw: dict[str, Any], *, check_responses: bool = True):
        self.raw = raw
        self.checks_responses = check_responses
        self.components: dict[str, Any] = raw.get("components") or {}
        self.default_security: list[dict[str, list[str]]] = raw.get("security") or []
        self.default_rate_limit = self._rate_limit(raw.get(RATE_LIMIT))
        self.operations: dict[str, Operation] = {}
        self.paths: dict[str, dict[str, Operation]] = {}
        for path, item in (raw.get("paths") or {}).items():
            item = self.resolve(item)
            shared = item.get("parameters") or []
            for method in HTTP_METHODS:
                if method not in item:
                    continue
                op = self._operation(path, method, item[method], shared)
                self.operations[op.operation_id] = op
                self.paths.setdefault(path, {})[method.upper()] = op

    @classmethod
    def load(cls, path: str | Path | None = None, *, check_responses: bool = True) -> Document:
        return cls(load_document(path or DEFAULT_SPEC), check_responses=check_responses)

    def resolve(self, node: Any) -> Any:
        """The OpenAPI object ``node`` names (through local ``$ref`` s)."""
        return deref(self.raw, node)[0]

    def schema_properties(self, schema: Any, depth: int = 0) -> set[str]:
        """Top-level property names a schema declares (through $ref, allOf, anyOf, oneOf)."""
        schema = deref_schema(self.raw, schema)[0]
        if not isinstance(schema, dict) or depth > 8:
            return set()
        names = set((schema.get("properties") or {}).keys())
        for key in ("allOf", "anyOf", "oneOf"):
            for sub in schema.get(key) or []:
                names |= self.schema_properties(sub, depth + 1)
        return names

    def schema_type(self, schema: Any, depth: int = 0) -> str | None:
        """The primitive ``type`` a schema names (through $ref and allOf), if one."""
        schema = deref_schema(self.raw, schema)[0]
        if not isinstance(schema, dict) or depth > 8:
            return None
        kind = schema.get("type")
        if isinstance(kind, str):
            return kind
        for sub in schema.get("allOf") or []:
            found = self.schema_type(sub, depth + 1)
            if found is not None:
                return found
        return None

    def shape(self, schema: Any, depth: int = 0) -> Shape | None:
        """The ``Shape`` of a request schema (None: keep values as they are)."""
        schema = deref_schema(self.raw, schema)[0]
        if not isinstance(schema, dict) or depth > 16:
            return None
        properties: dict[str, Shape | None] = {}
        declares = False
        items = None
        truncate_at = schema.get(TRUNCATE)
        parts = [schema] + [
            deref_schema(self.raw, sub)[0]
            for key in ("allOf", "anyOf", "oneOf")
            for sub in schema.get(key) or []
        ]
        for part in parts:
            if not isinstance(part, dict):
                continue
            if part is not schema and TRUNCATE in part:
                truncate_at = part[TRUNCATE]
            if "properties" in part:
                declares = True
                for name, sub in part["properties"].items():
                    properties[name] = properties.get(name) or self.shape(sub, depth + 1)
            if part is not schema and any(k in part for k in ("allOf", "anyOf", "oneOf")):
                nested = self.shape(part, depth + 1)
                if nested is not None and nested.properties is not None:
                    declares = True
                    for name, child in nested.properties.items():
                        properties[name] = properties.get(name) or child
            if "items" in part and items is None:
                items = self.shape(part["items"], depth + 1)
        if not declares and items is None and truncate_at is None:
            return None
        return Shape(properties if declares else None, items, truncate_at)

    @staticmethod
    def _rate_limit(node: Any) -> RateLimit | None:
        if not isinstance(node, dict):
            return None
        return RateLimit(int(node["limit"]), int(node["window_seconds"]))

    def _validator(self, schema: Any, location: str) -> SchemaValidator | None:
        if schema is None:
            return None
        return SchemaValidator(schema, self.components, location)

    def _operation(
        self, path: str, method: str, raw: dict[str, Any], shared: Iterable[Any]
    ) -> Operation:
        params: dict[tuple[str, str], Parameter] = {}
        for param in list(shared) + list(raw.get("parameters") or []):
            param = self.resolve(param)
            where = param["in"]
            name = param["name"].lower() if where == "header" else param["name"]
            schema = param.get("schema")
            kind = self.schema_type(schema)
            label = {"path": "", "query": "", "header": ""}.get(where, "")
            params[(where, name)] = Parameter(
                name=name,
                location=where,
                required=bool(param.get("required")) or where == "path",
                kind=kind,
                validator=self._validator(schema, label + param["name"]),
                default=(self.resolve(schema) or {}).get("default"),
            )
        body = self.resolve(raw.get("requestBody")) or {}
        body_media = {
            media.lower(): self._validator(content.get("schema"), "")
            for media, content in (body.get("content") or {}).items()
        }
        body_shapes = {
            media.lower(): self.shape(content.get("schema"))
            for media, content in (body.get("content") or {}).items()
        }
        responses: dict[str, ResponseSpec] = {}
        for status, response in (raw.get("responses") or {}).items():
            response = self.resolve(response)
            media: dict[str, SchemaValidator | None] = {}
            properties: set[str] = set()
            codes: set[str] = set()
            for media_type, content in (response.get("content") or {}).items():
                for example in (content.get("examples") or {}).values():
                    value = self.resolve(example).get("value")
                    if isinstance(value, dict) and isinstance(value.get("code"), str):
                        codes.add(value["code"])
                media[media_type.lower()] = (
                    self._validator(content.get("schema"), "") if self.checks_responses else None
                )
                if "json" in media_type:
                    properties |= self.schema_properties(content.get("schema"))
            responses[str(status).upper()] = ResponseSpec(
                str(status).upper(), media, frozenset(properties), frozenset(codes)
            )
        security = raw.get("security")
        return Operation(
            operation_id=raw.get("operationId") or f"{method}_{path}",
            method=method.upper(),
            path=path,
            parameters=list(params.values()),
            body_required=bool(body.get("required")),
            body_media=body_media,
            responses=responses,
            security=self.default_security if security is None else security,
            declares_headers=frozenset(p.name for p in params.values() if p.location == "header"),
            body_shapes=body_shapes,
            rate_limit=(self._rate_limit(raw.get(RATE_LIMIT)) or self.default_rate_limit)
            if "429" in responses
            else None,
        )


def coerce(value: str, kind: str | None) -> Any:
    """Turn a query or header string into the type its schema names, when it can."""
    if kind == "boolean":
        lowered = value.lower()
        if lowered in ("true", "false"):
            return lowered == "true"
    elif kind == "integer":
        if re.fullmatch(r"-?\d{1,18}", value):
            return int(value)
    elif kind == "number":
        try:
            number = float(value)
        except ValueError:
            return value
        if number == number and number not in (float("inf"), float("-inf")):
            return number
    return value


def validate_parameters(
    operation: Operation,
    path_params: dict[str, str],
    query: Callable[[str], list[str]],
    headers: Callable[[str], str | None],
) -> tuple[dict[str, Any], Problem | None]:
    """Coerce and validate the operation's parameters; answer the values and the first problem."""
    values: dict[str, Any] = {}
    for param in operation.parameters:
        raw: str | None
        if param.location == "path":
            raw = path_params.get(param.name)
        elif param.location == "query":
            found = query(param.name)
            raw = found[0] if found else None
        elif param.location == "header":
            raw = headers(param.name)
        else:
            continue
        if raw is None:
            if param.required:
                return values, Problem(param.name, "field is required")
            if param.default is not None:
                values[param.name] = param.default
            continue
        value = coerce(raw, param.kind) if param.location != "path" else raw
        if param.validator is not None:
            problem = param.validator.first_problem(value)
            if problem is not None:
                return values, problem
        values[param.name] = value
    return values, None
