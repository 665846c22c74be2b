"""Turn the generated Postman collection into one that runs, in order, against a server.

openapi-to-postmanv2 writes one request per operation, filled with the document's
examples, in folders by tag. `make_runnable` rewrites that collection, deterministically:

- one list of requests in the order of `FLOW`, so that ids flow from one request to the
  next: a token first, then a sandbox run, estimates whose upfront fare books a trip in
  that run, and the requests that read or act on that trip;
- every URL on `{{baseUrl}}` (the token request on `{{authUrl}}`), both collection
  variables, by default the document's local sandbox;
- the token request sends the collection variables `client_id` and `client_secret`
  and saves the token in `access_token`, which every other request sends as its bearer
  token (the collection's auth; requests the document leaves unauthenticated send none);
- a value a request saved is used by every later request with a path parameter or a
  top-level JSON body field of the same name, and by the headers `FLOW` binds; optional
  headers and form fields that nothing binds stay in the request, disabled, so a run sends
  only what the operation requires;
- a body field `FLOW` takes from another operation's request gets that request's value
  (estimates and the update describe the ride create books);
- a request `FLOW` repeats runs once per value it lists (the driver through the trip's
  states), then the run goes on;
- each request gets a test script: the status is the one the document gives for success
  (or, where the flow cannot reach success, the documented error `FLOW` names); the body
  is JSON valid against the documented schema, or empty where the document gives none;
  the values `FLOW` saves are present.

An operation of the document that `FLOW` does not list, or a `FLOW` entry that names no
operation, fails the build: whoever adds an operation decides where it runs and what it
needs, here.
"""

from __future__ import annotations

import copy
import json
import re
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from mock_server.spec import HTTP_METHODS

JsonPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Step:
    """What one operation needs from the requests before it, and leaves for those after."""

    # Values to save from the JSON body of the answer: variable -> path in the body.
    saves: Mapping[str, JsonPath] = field(default_factory=dict)
    # Header parameters to fill from saved variables: header -> variable.
    headers: Mapping[str, str] = field(default_factory=dict)
    # Top-level fields to set in the JSON body, over the document's example.
    body: Mapping[str, Any] = field(default_factory=dict)
    # A documented error status to expect instead of success, and why success is out of
    # reach for the flow.
    expect_error: tuple[int, str] | None = None
    # Run the request once per value, in order, with the body field set to each (the
    # request repeats itself before the run goes on): field -> values.
    repeat: tuple[str, tuple[str, ...]] | None = None
    # Top-level fields to set in the JSON body to the value another operation's request
    # sends (the same ride on both): field -> that operation's id.
    same_as: Mapping[str, str] = field(default_factory=dict)


# The run, in order. Each operation of the document appears exactly once.
FLOW: dict[str, Step] = {
    # The local sandbox answers its health check without a token: the run starts there.
    "getSandboxHealth": Step(),
    "createAccessToken": Step(saves={"access_token": ("access_token",)}),
    # The application's webhook events go to the discard port on this machine from here
    # on (nothing answers there; the sandbox records each attempt), until the run removes
    # the URL at its end.
    "setSandboxWebhook": Step(body={"url": "http://127.0.0.1:9/"}),
    "getSandboxWebhook": Step(),
    "createSandboxRun": Step(saves={"run_id": ("run_id",)}),
    "getSandboxRun": Step(saves={"driver_id": ("driver_ids", 0)}),
    # Estimates for the ride the run's trip will take; the first product's upfront fare
    # books it.
    "getTripEstimates": Step(
        saves={
            "product_id": ("product_estimates", 0, "product", "product_id"),
            "fare_id": ("product_estimates", 0, "estimate_info", "fare_id"),
        },
        headers={"x-uber-sandbox-runuuid": "run_id"},
        same_as={"pickup": "createGuestTrip", "dropoff": "createGuestTrip"},
    ),
    "createGuestTrip": Step(
        saves={"request_id": ("request_id",)},
        headers={"x-uber-sandbox-runuuid": "run_id"},
        body={"fare_id": "{{fare_id}}"},
    ),
    "getGuestTrip": Step(),
    "listGuestTrips": Step(),
    "getRideRequest": Step(),
    # While no driver has accepted, the pickup may move up to 200 m: the update keeps the
    # trip's pickup and destination and changes its expense memo.
    "updateGuestTrip": Step(same_as={"pickup": "createGuestTrip", "dropoff": "createGuestTrip"}),
    "createTripCommunicationSession": Step(),
    "sendMessageToDriver": Step(
        expect_error=(
            400,
            "no driver has accepted the run's trip yet (retry_request): the run's driver"
            " accepts and ends the trip in one sequence below, and a message after the trip"
            " ended is refused too",
        )
    ),
    "createSandboxWebhookEvent": Step(),
    "listSandboxWebhookDeliveries": Step(),
    # The run's driver takes the trip to its end, so that a second run finds no live trip
    # (and no live communication session) left by the first.
    "setSandboxDriverState": Step(
        repeat=("driver_state", ("ACCEPT", "ARRIVED", "BEGIN_TRIP", "DROPOFF")),
    ),
    # A call to the driver is bridged after the trip has completed too.
    "callTripDriver": Step(),
    "tipGuestTrip": Step(
        expect_error=(403, "tips are production only: the sandbox refuses every tip")
    ),
    "cancelGuestTrip": Step(
        expect_error=(
            404,
            "the run's trip has completed, and an ended trip cannot be cancelled (it was"
            " cancellable only before the driver began the trip, which the receipt needs)",
        )
    ),
    "dispatchGuestTrip": Step(
        expect_error=(
            404,
            "the run's trip is an on-demand ride, and only flexible rides are dispatched",
        )
    ),
    # The document's example moves the caller's clock an hour on: the receipt of the
    # completed trip is ready (a minute after completion in the local sandbox).
    "setSandboxClock": Step(),
    "getGuestTripReceipt": Step(),
    "getSandboxClock": Step(),
    # A multiplier of 1 ends a surge: the run leaves the product's fares as it found them,
    # so that the collection can run again against the same server.
    "setSandboxProductSurge": Step(body={"multiplier": 1}),
    "getPickupZones": Step(),
    "deleteSandboxWebhook": Step(),
}

# Put before the document's description in the collection's.
RUN_NOTE = """\
**Running this collection.** The requests run top to bottom, each one using the ids the
ones before it saved: a token, a sandbox run, estimates whose first upfront fare books a
trip in that run, then the requests on that trip, which the run's driver takes to its end
before the caller's clock moves an hour on (the receipt is ready after completion). Set the variables `client_id` and `client_secret` (the local sandbox prints
its development credentials when it starts). `baseUrl` is
the local sandbox (`make mock`); for Uber's sandbox set `baseUrl` to
`https://sandbox-api.uber.com` and `authUrl` to `https://auth.uber.com`, where the
requests tagged *Local sandbox* do not exist. A third-party application enables the
`x-uber-organizationuuid` headers and sets its organization. Run the requests together
(the sandbox's driver must accept the trip within 15 seconds of its creation). Every
request's tests check the status and body the document gives. From a shell:
`newman run guest-rides.postman_collection.json --env-var client_id=... --env-var
client_secret=...`."""
# Credentials are never published: the collection declares the variables, a run fills them.
CREDENTIAL_VARIABLES = ("client_id", "client_secret")
TOKEN_VARIABLE = "access_token"
_LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}
_JSON_MEDIA = re.compile(r"^application/(?:[\w.+-]+\+)?json\b")
# Options of the JSON Schema validator (Ajv) the Postman sandbox checks bodies with: keywords
# it does not know are skipped (the document is OpenAPI 3.1, Ajv's default dialect is
# draft-07), and OpenAPI's numeric formats, which JSON Schema does not define, accept any
# number of their type.
_AJV_OPTIONS = {
    "strict": False,
    "formats": {name: True for name in ("int32", "int64", "float", "double")},
}
_ID_NAMESPACE = uuid.UUID("6f2a4c1e-8d3b-5e7f-9a0c-1b2d3e4f5a6b")


class SequencingError(ValueError):
    """The collection cannot be made runnable as `FLOW` says."""


@dataclass(frozen=True)
class _Operation:
    operation_id: str
    method: str
    path: str
    operation: dict[str, Any]


def _operations(document: Mapping[str, Any]) -> list[_Operation]:
    return [
        _Operation(str(operation["operationId"]), method, path, operation)
        for path, item in (document.get("paths") or {}).items()
        for method, operation in item.items()
        if method in HTTP_METHODS
    ]


def _requests(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for item in items:
        if "request" in item:
            yield item
        yield from _requests(item.get("item", []))


def _request_path(request: Mapping[str, Any]) -> str:
    segments = request["url"]["path"]
    return "/" + "/".join(re.sub(r"^:(.+)$", r"{\1}", segment) for segment in segments)


def success_statuses(operation: Mapping[str, Any]) -> list[int]:
    """The statuses the document gives for success (2xx), in order."""
    return sorted(int(s) for s in operation.get("responses", {}) if re.fullmatch(r"2\d\d", s))


def check_flow(document: Mapping[str, Any]) -> None:
    """Fail unless `FLOW` lists every operation of the document and only those."""
    operations = {op.operation_id: op for op in _operations(document)}
    unknown = [
        f"{op.method.upper()} {op.path} ({name})"
        for name, op in operations.items()
        if name not in FLOW
    ]
    stale = [name for name in FLOW if name not in operations]
    problems = []
    if unknown:
        problems.append(
            "the Postman collection cannot sequence "
            + ", ".join(unknown)
            + ": add each operation to FLOW in scripts/dist_postman.py, at the point of the"
            " run where what it needs exists, with the values it saves for later requests"
        )
    if stale:
        problems.append(
            f"FLOW in scripts/dist_postman.py names no operation of the document: {stale}"
        )
    for name, step in FLOW.items():
        if name in operations and step.expect_error:
            status, _ = step.expect_error
            if str(status) not in operations[name].operation.get("responses", {}):
                problems.append(
                    f"FLOW expects {status} from {name}, which the document does not list"
                )
        if name in operations and step.repeat:
            field_name, values = step.repeat
            schema = _body_properties(operations[name]).get(field_name)
            if schema is None:
                problems.append(f"FLOW repeats {name} over {field_name!r}, not in its body")
            elif "enum" in schema and set(values) - set(schema["enum"]):
                problems.append(
                    f"FLOW repeats {name} with {sorted(set(values) - set(schema['enum']))},"
                    f" outside the document's enum of {field_name!r}"
                )
        if (
            name in operations
            and not step.expect_error
            and not success_statuses(operations[name].operation)
        ):
            problems.append(f"{name} documents no 2xx answer to expect")
    if problems:
        raise SequencingError("\n".join(problems))


def default_base_url(document: Mapping[str, Any]) -> str:
    """The document's loopback server (the local sandbox), its variables at their defaults."""
    for server in document.get("servers") or []:
        url = str(server["url"])
        for name, variable in (server.get("variables") or {}).items():
            url = url.replace("{" + name + "}", str(variable["default"]))
        if urlsplit(url).hostname in _LOOPBACK:
            return url.rstrip("/")
    raise SequencingError("the document lists no local (loopback) server to run the collection on")


def _script(listen: str, lines: list[str]) -> dict[str, Any]:
    return {"listen": listen, "script": {"type": "text/javascript", "exec": lines}}


def _documented_response(op: _Operation, status: int) -> dict[str, Any]:
    response: dict[str, Any] = op.operation.get("responses", {}).get(str(status), {})
    return response


def _json_schema(op: _Operation, status: int) -> dict[str, Any] | None:
    """The schema of the documented JSON body for `status`, or None when it has none."""
    content = _documented_response(op, status).get("content") or {}
    for media, entry in content.items():
        if _JSON_MEDIA.match(media):
            schema: dict[str, Any] = entry.get("schema") or {}
            return schema
    return None


def _media_types(op: _Operation, status: int) -> list[str]:
    return sorted((_documented_response(op, status).get("content") or {}).keys())


def _step_counter(op: _Operation) -> str:
    return f"{op.operation_id}_step"


def _prerequest_script(op: _Operation, step: Step) -> list[str]:
    if not step.repeat:
        return []
    field_name, values = step.repeat
    return [
        f"// Runs {len(values)} times: {field_name} takes each value in turn.",
        f"const values = {json.dumps(list(values))};",
        f"const step = Number(pm.variables.get({json.dumps(_step_counter(op))}) || 0);",
        f"pm.collectionVariables.set({json.dumps(field_name)}, values[step]);",
    ]


def _test_script(op: _Operation, step: Step) -> list[str]:
    if step.expect_error:
        statuses = [step.expect_error[0]]
        status_test = f"status is {statuses[0]}, the documented error: {step.expect_error[1]}"
    else:
        statuses = success_statuses(op.operation)
        status_test = f"status is {' or '.join(map(str, statuses))}, the document's success"
    lines = [
        f"// {op.method.upper()} {op.path} ({op.operation_id}), generated from the document.",
        f"pm.test({json.dumps(status_test)}, function () {{",
        f"    pm.expect(pm.response.code).to.be.oneOf({json.dumps(statuses)});",
        "});",
        "let body = {};",
    ]
    for status in statuses:
        schema = _json_schema(op, status)
        media_types = _media_types(op, status)
        lines.append(f"if (pm.response.code === {status}) {{")
        if schema is None and media_types:
            lines += [
                f'    pm.test("body is {" or ".join(media_types)}, as documented", function () {{',
                '        const type = (pm.response.headers.get("Content-Type") || "").split(";")[0];',
                f"        pm.expect(type.trim()).to.be.oneOf({json.dumps(media_types)});",
                "    });",
            ]
        elif schema is None:
            lines += [
                '    pm.test("no body, as documented", function () {',
                "        pm.expect(pm.response.text()).to.be.empty;",
                "    });",
            ]
        else:
            lines += [
                '    pm.test("body is JSON matching the documented schema", function () {',
                '        pm.expect(pm.response.headers.get("Content-Type"))'
                ".to.match(/^application\\/(?:[\\w.+-]+\\+)?json/);",
                "        body = pm.response.json();",
                f"        pm.response.to.have.jsonSchema({json.dumps(schema, sort_keys=True)},"
                f" {json.dumps(_AJV_OPTIONS)});",
                "    });",
            ]
        lines.append("}")
    for variable, path in step.saves.items():
        access = "body" + "".join(f"?.[{json.dumps(key)}]" for key in path)
        lines += [
            f"pm.test({json.dumps(f'saves {variable} for later requests')}, function () {{",
            f"    const value = {access};",
            f"    pm.expect(value, {json.dumps('.'.join(map(str, path)))})"
            '.to.be.a("string").and.not.empty;',
            f"    pm.collectionVariables.set({json.dumps(variable)}, value);",
            "});",
        ]
    if step.repeat:
        counter = json.dumps(_step_counter(op))
        lines += [
            "// The counter is a local variable: it lives for this run only.",
            f"const next = Number(pm.variables.get({counter}) || 0) + 1;",
            f"if (next < {len(step.repeat[1])}) {{",
            f"    pm.variables.set({counter}, next);",
            "    pm.execution.setNextRequest(pm.info.requestName);",
            "} else {",
            f"    pm.variables.unset({counter});",
            "}",
        ]
    return lines


def _bind_request(
    op: _Operation,
    step: Step,
    request: dict[str, Any],
    saved: set[str],
    copied: Mapping[str, Any],
) -> None:
    url = request["url"]
    host = "{{authUrl}}" if _is_token_operation(op) else "{{baseUrl}}"
    request["url"] = {
        "raw": host + "/" + "/".join(url["path"]),
        "host": [host],
        "path": url["path"],
        "query": url.get("query", []),
        "variable": url.get("variable", []),
    }
    for variable in request["url"]["variable"]:
        if variable["key"] in saved:
            variable["value"] = "{{" + variable["key"] + "}}"
    # Send what the operation requires and what the flow binds; keep the rest, disabled,
    # for the reader to enable (an optional parameter, form field or header).
    for query in request["url"]["query"]:
        if query["key"] in saved:
            query["value"] = "{{" + query["key"] + "}}"
            query["disabled"] = False
        elif query["key"] not in _required_parameters(op, "query"):
            query["disabled"] = True
    bound = {name.lower(): variable for name, variable in step.headers.items()}
    required_headers = _required_parameters(op, "header")
    for header in request.get("header", []):
        name = str(header["key"]).lower()
        if name in bound:
            header["value"] = "{{" + bound[name] + "}}"
            header["disabled"] = False
        elif "description" in header and name not in required_headers:
            header["disabled"] = True
    missing = {h.lower() for h in step.headers} - {
        str(h["key"]).lower() for h in request.get("header", [])
    }
    if missing:
        raise SequencingError(
            f"{op.operation_id}: FLOW binds headers it does not have: {sorted(missing)}"
        )
    body = request.get("body") or {}
    if body.get("mode") == "raw" and body.get("raw"):
        data = json.loads(body["raw"])
        if isinstance(data, dict):
            for key in data:
                if key in saved:
                    data[key] = "{{" + key + "}}"
            unknown = (set(step.body) | set(copied)) - set(_body_properties(op))
            if unknown:
                raise SequencingError(
                    f"{op.operation_id}: FLOW sets body fields the document lacks: {sorted(unknown)}"
                )
            data.update(step.body)
            data.update(copied)
            if step.repeat:
                data[step.repeat[0]] = "{{" + step.repeat[0] + "}}"
            body["raw"] = json.dumps(data, indent=2, ensure_ascii=False)
    elif body.get("mode") == "urlencoded":
        schema = _form_schema(op)
        required = set(schema.get("required", []))
        for form_field in body["urlencoded"]:
            key = form_field["key"]
            if key in CREDENTIAL_VARIABLES or key in saved:
                form_field["value"] = "{{" + key + "}}"
                form_field["disabled"] = False
            elif key not in required:
                form_field["disabled"] = True
    if _is_token_operation(op):
        request["auth"] = {"type": "noauth"}
    else:
        request.pop("auth", None)  # the collection's bearer token


def _json_body(request: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON object a generated request sends (the document's example), or {}."""
    body = request.get("body") or {}
    if body.get("mode") != "raw" or not body.get("raw"):
        return {}
    data = json.loads(body["raw"])
    return copy.deepcopy(data) if isinstance(data, dict) else {}


def _is_token_operation(op: _Operation) -> bool:
    return op.operation.get("security") == []


def _body_properties(op: _Operation) -> dict[str, Any]:
    content = (op.operation.get("requestBody") or {}).get("content") or {}
    for media, entry in content.items():
        if _JSON_MEDIA.match(media):
            return dict((entry.get("schema") or {}).get("properties") or {})
    return {}


def _form_schema(op: _Operation) -> dict[str, Any]:
    content = (op.operation.get("requestBody") or {}).get("content") or {}
    entry = content.get("application/x-www-form-urlencoded") or {}
    return dict(entry.get("schema") or {})


def _required_parameters(op: _Operation, location: str) -> set[str]:
    """Names of the operation's required parameters in `location` (headers lower-cased)."""
    return {
        str(p["name"]).lower() if location == "header" else str(p["name"])
        for p in op.operation.get("parameters", [])
        if p.get("in") == location and p.get("required")
    }


def _has_documented_example(op: _Operation, status: int) -> bool:
    content = _documented_response(op, status).get("content") or {}
    return any("example" in entry or entry.get("examples") for entry in content.values())


def _stabilize_ids(item: dict[str, Any], op: _Operation) -> None:
    """Ids derived from the operation, instead of the generator's random ones; saved
    answers only where the document has an example (the generator fakes the others with
    random values)."""
    item["id"] = str(uuid.uuid5(_ID_NAMESPACE, op.operation_id))
    item["response"] = [
        response
        for response in item.get("response", [])
        if not response.get("body") or _has_documented_example(op, int(response["code"]))
    ]
    for index, response in enumerate(item.get("response", [])):
        response["id"] = str(uuid.uuid5(_ID_NAMESPACE, f"{op.operation_id} {index}"))


def make_runnable(collection: dict[str, Any], document: Mapping[str, Any]) -> dict[str, Any]:
    """The collection, rewritten to run in `FLOW`'s order (`document` dereferenced)."""
    check_flow(document)
    operations = {(op.method, op.path): op for op in _operations(document)}
    by_id: dict[str, tuple[_Operation, dict[str, Any]]] = {}
    for item in _requests(collection["item"]):
        key = (str(item["request"]["method"]).lower(), _request_path(item["request"]))
        if key not in operations:
            raise SequencingError(f"the collection has a request for no operation: {key}")
        op = operations[key]
        by_id[op.operation_id] = (op, item)
    absent = [name for name in FLOW if name not in by_id]
    if absent:
        raise SequencingError(f"the generated collection has no request for {absent}")
    examples = {name: _json_body(item["request"]) for name, (_, item) in by_id.items()}
    saved: set[str] = set()
    repeated: set[str] = set()
    items = []
    for name, step in FLOW.items():
        op, item = by_id[name]
        request = item["request"]
        copied: dict[str, Any] = {}
        for body_field, source in step.same_as.items():
            value = examples.get(source, {}).get(body_field)
            if value is None:
                raise SequencingError(
                    f"{name}: FLOW takes {body_field!r} from {source}, whose request has none"
                )
            copied[body_field] = value
        _bind_request(op, step, request, saved, copied)
        item["event"] = [_script("test", _test_script(op, step))]
        prerequest = _prerequest_script(op, step)
        if prerequest:
            item["event"].insert(0, _script("prerequest", prerequest))
        _stabilize_ids(item, op)
        items.append(item)
        saved |= set(step.saves)
        if step.repeat:
            repeated.add(step.repeat[0])
    variables = [
        {"key": "baseUrl", "value": default_base_url(document)},
        {"key": "authUrl", "value": "{{baseUrl}}"},
        *({"key": name, "value": ""} for name in CREDENTIAL_VARIABLES),
        *({"key": name, "value": ""} for name in sorted(saved | repeated)),
    ]
    info = dict(collection["info"])
    description = dict(info.get("description") or {"type": "text/markdown", "content": ""})
    description["content"] = RUN_NOTE + "\n\n" + str(description.get("content", ""))
    info["description"] = description
    return {
        "info": info,
        "item": items,
        "auth": {
            "type": "bearer",
            "bearer": [{"key": "token", "value": "{{" + TOKEN_VARIABLE + "}}", "type": "string"}],
        },
        "variable": variables,
    }
