"""The generated client against the document, imported the way a user imports it.

Every request example builds the operation's body model and is sent as the same JSON (or
form); every response example, errors included, parses into the model its status documents
and serializes back to the same JSON. Every schema has a model whose fields are typed as the
document says (required, optional, nullable, enum values), with the document's descriptions.
"""

from __future__ import annotations

import asyncio
import builtins
import importlib
import inspect
import json
import keyword
import pkgutil
import re
import types
import typing
import urllib.parse
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Any

import httpx
import pytest
from uber_guest_rides_client import AuthenticatedClient, Client, api, models
from uber_guest_rides_client.api.authentication import create_access_token
from uber_guest_rides_client.api.trips import create_guest_trip, get_guest_trip
from uber_guest_rides_client.types import Unset

from scripts.regen import generator_input
from scripts.spec_tools import (
    DEFAULT_SPEC,
    deref,
    iter_operations,
    iter_parameters,
    join_pointer,
    load_spec,
    resolve_pointer,
)

# The client is generated from the project's document, whatever GUEST_RIDES_SPEC says.
SPEC = load_spec(DEFAULT_SPEC)
# The document as the generator read it (see scripts/regen.py): what the client can send.
CLIENT_SPEC, _ = generator_input(SPEC)
BASE_URL = "http://127.0.0.1:8000"


def canonical(value: Any) -> str:
    """JSON text that compares equal only for the same JSON (1 and 1.0 differ)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def snake_case(name: str) -> str:
    """The generator's Python name for an operation id or a JSON key, for the names this
    document uses: `errCode` is `err_code`, `PICKUP` is `pickup`, and a builtin or keyword
    gets a trailing underscore (`type` is `type_`, `id` stays `id`)."""
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()
    reserved = (hasattr(builtins, snake) and snake != "id") or keyword.iskeyword(snake)
    return snake + "_" if reserved else snake


def _endpoint_modules() -> dict[str, types.ModuleType]:
    found = {}
    package = api
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        module = importlib.import_module(info.name)
        if hasattr(module, "_get_kwargs"):
            found[info.name.rpartition(".")[2]] = module
    return found


MODULES = _endpoint_modules()


def endpoint(operation_id: str) -> types.ModuleType:
    module = MODULES.get(snake_case(operation_id))
    assert module is not None, f"no module generated for {operation_id}"
    return module


def schema_name(schema: dict[str, Any]) -> str:
    """The component name of a `$ref` schema (the generated model's class name)."""
    ref = schema.get("$ref", "")
    assert ref.startswith("#/components/schemas/"), f"inline schema, no model name: {schema}"
    return str(ref.rpartition("/")[2])


@dataclass(frozen=True)
class BodyCase:
    operation_id: str
    method: str
    media_type: str
    schema: dict[str, Any]
    path_args: dict[str, str]
    value: Any


@dataclass(frozen=True)
class ResponseCase:
    operation_id: str
    status: int
    schema: dict[str, Any] | None  # None: the status has no body
    value: Any


def _path_args(op_pointer: str) -> dict[str, str]:
    """Example values of the operation's path parameters, by Python argument name."""
    args = {}
    item = resolve_pointer(SPEC, op_pointer.rsplit("/", 1)[0])
    operation = resolve_pointer(SPEC, op_pointer)
    for raw in [*item.get("parameters", []), *operation.get("parameters", [])]:
        param, _ = deref(SPEC, raw, op_pointer)
        if param["in"] == "path":
            args[snake_case(param["name"])] = param["example"]
    return args


def _examples(media: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    if "example" in media:
        yield "example", media["example"]
    for name, raw in (media.get("examples") or {}).items():
        example, _ = deref(SPEC, raw, "")
        if "value" in example:
            yield name, example["value"]


def body_cases() -> Iterator[Any]:
    for op in iter_operations(CLIENT_SPEC):
        if "requestBody" not in op.operation:
            continue
        body, _ = deref(CLIENT_SPEC, op.operation["requestBody"], op.pointer)
        for media_type, media in body["content"].items():
            for name, value in _examples(media):
                case = BodyCase(
                    op.operation_id,
                    op.method,
                    media_type,
                    media["schema"],
                    _path_args(op.pointer),
                    value,
                )
                yield pytest.param(case, id=f"{op.operation_id}-request-{name}")


def response_cases(*, examples: bool) -> Iterator[Any]:
    """Response examples (`examples=True`), or one case per status with a schema or no
    body, whose value is made from the schema (`examples=False`)."""
    for op in iter_operations(SPEC):
        for status, raw in op.operation["responses"].items():
            response, _ = deref(SPEC, raw, join_pointer(op.pointer, "responses", status))
            content = response.get("content") or {}
            if not content and not examples:
                case = ResponseCase(op.operation_id, int(status), None, None)
                yield pytest.param(case, id=f"{op.operation_id}-{status}-no-body")
            for media in content.values():
                if examples:
                    for name, value in _examples(media):
                        case = ResponseCase(op.operation_id, int(status), media["schema"], value)
                        yield pytest.param(case, id=f"{op.operation_id}-{status}-{name}")
                else:
                    value = minimal_instance(media["schema"])
                    case = ResponseCase(op.operation_id, int(status), media["schema"], value)
                    yield pytest.param(case, id=f"{op.operation_id}-{status}-minimal")


def minimal_instance(schema: dict[str, Any]) -> Any:
    """The smallest value of a schema: required properties only, first enum value, ..."""
    schema, _ = deref(SPEC, schema, "")
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    if "anyOf" in schema:
        return minimal_instance(schema["anyOf"][0])
    kind = schema.get("type")
    kind = kind[0] if isinstance(kind, list) else kind
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties", {})
        return {key: minimal_instance(properties[key]) for key in schema.get("required", [])}
    if kind == "string":
        if "examples" in schema:
            return schema["examples"][0]
        formats = {"uuid": str(uuid.UUID(int=1)), "date": "2026-01-01", "uri": "https://x.test"}
        return formats.get(schema.get("format", ""), "x" * max(1, schema.get("minLength", 1)))
    if kind in ("integer", "number"):
        return schema.get("minimum", 0)
    if kind == "boolean":
        return False
    if kind == "array":
        return []
    raise AssertionError(f"no minimal instance for {schema}")


def parse(case: ResponseCase) -> Any:
    """What a user gets as `response.parsed` for this status and body."""
    body = {} if case.value is None else {"json": case.value}
    response = httpx.Response(case.status, **body)
    client = Client(base_url=BASE_URL, raise_on_unexpected_status=True)
    built = endpoint(case.operation_id)._build_response(client=client, response=response)
    assert built.status_code == case.status
    return built.parsed


# --- requests ---------------------------------------------------------------------------


def body_model(operation_id: str) -> type[Any]:
    """The model the operation's `body` argument takes, read from the generated signature."""
    annotation = inspect.signature(endpoint(operation_id)._get_kwargs).parameters["body"].annotation
    classes = [arg for arg in typing.get_args(annotation) or [annotation] if arg is not Unset]
    assert len(classes) == 1, f"{operation_id}: body takes {annotation}"
    return typing.cast(type[Any], classes[0])


@pytest.mark.parametrize("case", list(body_cases()))
def test_request_example_builds_its_model_and_is_sent_unchanged(case: BodyCase) -> None:
    model_class = body_model(case.operation_id)
    assert model_class is getattr(models, schema_name(case.schema))
    model = model_class.from_dict(case.value)
    assert canonical(model.to_dict()) == canonical(case.value)

    kwargs = endpoint(case.operation_id)._get_kwargs(**case.path_args, body=model)
    assert kwargs["method"] == case.method
    assert kwargs["headers"]["Content-Type"] == case.media_type
    sent_as = {"application/json": "json", "application/x-www-form-urlencoded": "data"}
    assert canonical(kwargs[sent_as[case.media_type]]) == canonical(case.value)


# --- responses --------------------------------------------------------------------------


@pytest.mark.parametrize("case", list(response_cases(examples=True)))
def test_response_example_parses_into_its_model_and_round_trips(case: ResponseCase) -> None:
    assert case.schema is not None
    parsed = parse(case)
    assert type(parsed) is getattr(models, schema_name(case.schema))
    assert canonical(parsed.to_dict()) == canonical(case.value)


@pytest.mark.parametrize("case", list(response_cases(examples=False)))
def test_every_documented_status_parses_into_its_model(case: ResponseCase) -> None:
    parsed = parse(case)
    if case.schema is None:
        assert parsed is None
        return
    assert type(parsed) is getattr(models, schema_name(case.schema))
    assert canonical(parsed.to_dict()) == canonical(case.value)


def test_every_operation_has_a_module_with_sync_and_async_calls() -> None:
    for op in iter_operations(SPEC):
        module = endpoint(op.operation_id)
        for name in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
            assert callable(getattr(module, name, None)), f"{op.operation_id}.{name}"
    assert len(MODULES) == len(list(iter_operations(SPEC)))


@pytest.mark.parametrize("operation_id", [op.operation_id for op in iter_operations(SPEC)])
def test_call_docstrings_carry_the_documented_texts(operation_id: str) -> None:
    op = next(op for op in iter_operations(SPEC) if op.operation_id == operation_id)
    docstring = words(endpoint(operation_id).sync_detailed.__doc__ or "")
    texts = [op.operation["summary"], op.operation["description"]]
    texts += [param["description"] for param, _ in iter_parameters(SPEC, op)]
    for text in texts:
        assert words(text) in docstring


# --- models -----------------------------------------------------------------------------

COMPONENTS: dict[str, dict[str, Any]] = SPEC["components"]["schemas"]
OBJECT_SCHEMAS = sorted(name for name, s in COMPONENTS.items() if s.get("type") == "object")
ENUM_SCHEMAS = sorted(name for name, s in COMPONENTS.items() if "enum" in s)


def test_every_object_and_enum_schema_has_a_model_of_its_name() -> None:
    missing = [name for name in OBJECT_SCHEMAS + ENUM_SCHEMAS if not hasattr(models, name)]
    assert not missing
    # The rest are scalars (phone numbers, coordinates, times), typed as plain Python values.
    scalars = set(COMPONENTS) - set(OBJECT_SCHEMAS) - set(ENUM_SCHEMAS)
    assert all(COMPONENTS[name]["type"] in ("string", "integer", "number") for name in scalars)


@pytest.mark.parametrize("name", ENUM_SCHEMAS)
def test_enum_model_has_the_documented_values(name: str) -> None:
    enum_class = getattr(models, name)
    assert issubclass(enum_class, Enum)
    assert sorted(member.value for member in enum_class) == sorted(COMPONENTS[name]["enum"])


def is_nullable(schema: dict[str, Any]) -> bool:
    kinds = schema.get("type")
    if isinstance(kinds, list) and "null" in kinds:
        return True
    return any(sub.get("type") == "null" for sub in schema.get("anyOf", []))


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", OBJECT_SCHEMAS)
def test_model_fields_are_typed_as_documented(name: str) -> None:
    schema = COMPONENTS[name]
    model_class = getattr(models, name)
    hints = typing.get_type_hints(model_class, localns=vars(models))
    docstring = words(model_class.__doc__ or "")
    assert words(schema["description"]) in docstring
    required = set(schema.get("required", []))
    for key, prop in schema.get("properties", {}).items():
        attribute = snake_case(key)
        assert attribute in hints, f"{name}.{key}: no attribute {attribute}"
        members = set(typing.get_args(hints[attribute])) or {hints[attribute]}
        assert (Unset in members) == (key not in required), f"{name}.{key}: {hints[attribute]}"
        assert (type(None) in members) == is_nullable(prop), f"{name}.{key}: {hints[attribute]}"
        if "description" in prop and "$ref" not in prop:
            assert words(prop["description"]) in docstring, f"{name}.{key}: description"


# --- behaviour on the wire --------------------------------------------------------------

TRIP_ID = "da790cea-31b4-4131-8cd9-7adb1c06db99"
ORGANIZATION = "7d3f1c2a-9b8e-4f6d-a5c4-2e1b0d9f8a7c"


def client_answering(
    handler: Callable[[httpx.Request], httpx.Response],
) -> AuthenticatedClient:
    transport = httpx.MockTransport(handler)  # serves sync and async clients alike
    return AuthenticatedClient(
        base_url=BASE_URL, token="test-token", httpx_args={"transport": transport}
    )


def not_found(request: httpx.Request) -> httpx.Response:
    body = {"code": "not_found", "message": "Not found", "metadata": {"statusCode": "404"}}
    return httpx.Response(404, json=body)


def test_uuid_headers_are_sent_as_strings() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return not_found(request)

    client = client_answering(handler)
    response = get_guest_trip.sync_detailed(
        uuid.UUID(TRIP_ID), client=client, x_uber_organizationuuid=uuid.UUID(ORGANIZATION)
    )
    assert isinstance(response.parsed, models.Error)
    assert response.parsed.code == "not_found"
    assert seen[0].headers["x-uber-organizationuuid"] == ORGANIZATION
    assert seen[0].headers["Authorization"] == "Bearer test-token"
    assert seen[0].url.path == f"/v1/guests/trips/{TRIP_ID}"


def test_token_request_is_sent_form_encoded() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        token = {"access_token": "t", "token_type": "Bearer", "expires_in": 60, "scope": "s"}
        return httpx.Response(200, json=token)

    body = models.TokenRequest(
        client_id="id",
        client_secret="secret",
        grant_type=models.TokenRequestGrantType.CLIENT_CREDENTIALS,
        scope="guests.trips",
    )
    token = create_access_token.sync(client=client_answering(handler), body=body)
    assert isinstance(token, models.TokenResponse)
    assert seen[0].headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert urllib.parse.parse_qs(seen[0].content.decode()) == {
        "client_id": ["id"],
        "client_secret": ["secret"],
        "grant_type": ["client_credentials"],
        "scope": ["guests.trips"],
    }


def test_async_calls_parse_the_same_models() -> None:
    client = client_answering(not_found)

    async def call() -> Any:
        async with client:
            return await get_guest_trip.asyncio(uuid.UUID(TRIP_ID), client=client)

    parsed = asyncio.run(call())
    assert isinstance(parsed, models.Error)
    assert isinstance(parsed.metadata, models.ErrorMetadata)
    assert parsed.metadata.status_code == "404"


def test_fare_error_carries_the_fare_to_accept() -> None:
    surge = {
        "code": "surge",
        "message": "Fare is higher than normal, request again to confirm",
        "metadata": {"fare_id": str(uuid.UUID(int=1)), "multiplier": 1.4, "expires_at": None},
    }

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(409, json=surge)

    body = models.CreateGuestTripRequest.from_dict(
        {
            "guest": {"first_name": "Jane", "last_name": "Doe", "phone_number": "+14155550000"},
            "pickup": {"latitude": 40.75, "longitude": -74.0},
            "dropoff": {"latitude": 40.75, "longitude": -73.99},
            "product_id": "b8e5c464-5de2-4539-a35a-986d6e58f186",
        }
    )
    error = create_guest_trip.sync(client=client_answering(handler), body=body)
    assert isinstance(error, models.FareError)
    assert error.code is models.FareErrorCode.SURGE
    assert error.metadata.fare_id == uuid.UUID(int=1)
    assert error.metadata.expires_at is None
