"""No request gets a 5xx, and every answer's status is documented for its operation.

A property over the document's whole input space: for every operation of the document,
requests are generated from the operation's own parameters and request-body schemas (read
from the document, never restated here), and each part may instead be hostile: extreme,
boundary and just-out-of-range numbers, NaN and infinity tokens, huge and wide and deep
values, wrong types, odd encodings and content types, odd header bytes and path ids. The
sandbox runs in strict mode, so an answer that breaks the document, or a bug of its own,
raises instead of becoming a 500, and the test fails.

Each example gets a fresh sandbox on a fresh store (the module runs on each store kind), with
a run, trips of each kind and tokens of each application, so an example never depends on the
ones before it. Generation is derandomized: the same examples run every time.
"""

from __future__ import annotations

import asyncio
import json
import math
import urllib.parse
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mock_server.app import Sandbox, Settings
from mock_server.auth import DEV_APPLICATIONS, DEV_ORGANIZATION
from mock_server.clock import ManualClock
from mock_server.domain.service import Caller
from mock_server.spec import HTTP_METHODS, deref, deref_schema

from .conftest import HOURLY, START_MS, UBERX, ny_date, trip_body
from .http_support import NO_SCOPE_APP, Stores, document

Draw = Any  # hypothesis' draw function
EXAMPLES_PER_OPERATION = 15

# ------------------------------------------------------------------ hostile values

TINY = 5e-324
HOSTILE_NUMBERS: list[Any] = [
    0,
    -0.0,
    -1,
    TINY,
    -TINY,
    1e308,
    -1e308,
    float("inf"),
    float("-inf"),
    float("nan"),
    2**31,
    2**53 + 1,
    2**63,
    -(2**63) - 1,
    2**64,
    10**30,
    -(10**30),
    0.1 + 0.2,
]
HOSTILE_STRINGS: list[Any] = [
    "",
    " ",
    "NaN",
    "Infinity",
    "-0",
    "1e309",
    "null",
    "true",
    "\x00",
    "\ud800",  # a lone surrogate: not encodable as UTF-8
    "\u202e\u0645\u0631\u062d\u0628\u0627",
    "\U0001f697" * 40,
    "a" * 70_000,
    "../../etc/passwd",
    "' OR 1=1 --",
    "+1" + "9" * 40,
]


def deep(levels: int) -> Any:
    value: Any = 0
    for _ in range(levels):
        value = [value]
    return value


class Deep:
    """Arrays nested ``levels`` deep, written straight into the body's text (too deep for
    Python's own JSON encoder and repr)."""

    def __init__(self, levels: int):
        self.levels = levels

    def __repr__(self) -> str:
        return f"Deep({self.levels})"

    def marker(self) -> str:
        return f"@@deep{self.levels}@@"

    def text(self) -> str:
        return "[" * self.levels + "]" * self.levels


HOSTILE_SHAPES: list[Any] = [
    None,
    True,
    [],
    {},
    deep(31),
    deep(40),
    Deep(300),
    Deep(5000),
    {f"k{i}": i for i in range(2000)},
    list(range(5000)),
    [{"latitude": 91, "longitude": 181}] * 50,
]


HOSTILE_VALUES = HOSTILE_NUMBERS + HOSTILE_STRINGS + HOSTILE_SHAPES


def pick(values: list[Any]) -> st.SearchStrategy[Any]:
    """One of ``values``, drawn by index so that strategies (and their reprs) stay small."""
    return st.sampled_from(range(len(values))).map(values.__getitem__)


HOSTILE = st.one_of(
    pick(HOSTILE_NUMBERS), pick(HOSTILE_STRINGS), pick(HOSTILE_SHAPES), st.text(max_size=30)
)


def hostile() -> st.SearchStrategy[Any]:
    return HOSTILE


# ------------------------------------------------------------- values from schemas

# Ids of the world a request runs in: placeholders, replaced by the fresh world's own ids
# when the request is sent (anywhere in the URL, headers and body).
REAL_IDS = {"request_id": 3, "run_id": 1, "product_id": 2}
PLACEHOLDERS = [f"<{name}:{i}>" for name, count in REAL_IDS.items() for i in range(count)]


def merged(raw: dict[str, Any], schema: Any, depth: int = 0) -> Any:
    """A schema with its ``$ref`` s followed and its ``allOf`` parts merged into one."""
    schema = deref_schema(raw, schema)[0]
    if not isinstance(schema, dict) or "allOf" not in schema or depth > 8:
        return schema
    out: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
    for part in schema["allOf"]:
        part = merged(raw, part, depth + 1)
        if not isinstance(part, dict):
            continue
        for key, value in part.items():
            if key == "properties":
                out["properties"] = {**out.get("properties", {}), **value}
            elif key == "required":
                out["required"] = [*out.get("required", []), *value]
            else:
                out.setdefault(key, value)
    return out


def numbers(schema: dict[str, Any], integer: bool) -> st.SearchStrategy[Any]:
    low, high = schema.get("minimum"), schema.get("maximum")
    edges: list[Any] = [v for v in (low, high) if v is not None]
    if integer:
        edges += [v - 1 for v in edges if low is not None and v == low]
        edges += [v + 1 for v in edges if high is not None and v == high]
        inside = st.integers(min_value=low, max_value=high)
    else:
        edges += [math.nextafter(low, -math.inf)] if low is not None else []
        edges += [math.nextafter(high, math.inf)] if high is not None else []
        inside = st.floats(min_value=low, max_value=high, allow_nan=False, allow_infinity=False)
    return inside | st.sampled_from(edges) if edges else inside


def strings(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    fmt = schema.get("format")
    if fmt == "uuid":  # any UUID, or one the world knows (a trip, the run, a product)
        return st.uuids().map(str) | st.sampled_from(PLACEHOLDERS)
    if fmt == "date":
        return st.dates().map(lambda d: d.isoformat())
    if fmt == "email":
        return st.emails()
    if "pattern" in schema:
        return st.from_regex(schema["pattern"], fullmatch=True)
    low = schema.get("minLength", 0)
    high = schema.get("maxLength")
    text = st.text(min_size=low, max_size=max(low, min(high or 24, 24)))
    if high is not None:  # the boundary, and one character past it
        edges = ["x" * high, "x" * (high + 1), "\U0001f697" * high]
        text = text | st.integers(0, 2).map(edges.__getitem__)
    return text


def from_schema(
    raw: dict[str, Any], schema: Any, depth: int = 0, *, hostile_nodes: bool = True
) -> st.SearchStrategy[Any]:
    """Values of ``schema``: valid ones, or (``hostile_nodes``) mostly valid ones where any
    node is sometimes a hostile value instead."""
    schema = merged(raw, schema)
    if depth > 6 or not isinstance(schema, dict):
        return hostile() if hostile_nodes else st.none()
    h = hostile_nodes
    if "enum" in schema:
        valid: st.SearchStrategy[Any] = st.sampled_from(schema["enum"])
    elif "const" in schema:
        valid = st.just(schema["const"])
    elif "anyOf" in schema or "oneOf" in schema:
        valid = st.one_of(
            [
                from_schema(raw, s, depth + 1, hostile_nodes=h)
                for s in schema.get("anyOf") or schema["oneOf"]
            ]
        )
    else:
        kinds = schema.get("type") or ["object" if "properties" in schema else "string"]
        kinds = [kinds] if isinstance(kinds, str) else kinds
        valid = st.one_of([typed(raw, schema, kind, depth, h) for kind in kinds])
        if schema.get("examples"):
            valid = st.sampled_from(schema["examples"]) | valid
    return st.one_of(valid, valid, valid, hostile()) if h else valid


def typed(
    raw: dict[str, Any], schema: dict[str, Any], kind: str, depth: int, h: bool
) -> st.SearchStrategy[Any]:
    if kind == "string":
        return strings(schema)
    if kind in ("integer", "number"):
        return numbers(schema, kind == "integer")
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    if kind == "array":
        items = from_schema(raw, schema.get("items", {}), depth + 1, hostile_nodes=h)
        low = schema.get("minItems", 0)
        return st.lists(items, min_size=low, max_size=max(low, min(schema.get("maxItems", 3), 3)))
    properties = schema.get("properties") or {}
    required = [name for name in schema.get("required", []) if name in properties]
    return st.fixed_dictionaries(
        {name: from_schema(raw, properties[name], depth + 1, hostile_nodes=h) for name in required},
        optional={
            name: from_schema(raw, sub, depth + 1, hostile_nodes=h)
            for name, sub in properties.items()
            if name not in required
        }
        | ({"unexpected": hostile()} if h else {}),
    )


# --------------------------------------------------------------------- requests

RAW = document().raw
OPERATIONS: list[tuple[str, str, dict[str, Any], list[dict[str, Any]]]] = []
for _path, _item in RAW["paths"].items():
    _item = deref(RAW, _item)[0]
    for _method in HTTP_METHODS:
        if _method in _item:
            _op = _item[_method]
            _params = [
                deref(RAW, p)[0] for p in [*_item.get("parameters", []), *_op.get("parameters", [])]
            ]
            OPERATIONS.append((_path, _method.upper(), _op, _params))

ODD_MEDIA = [
    "",
    "text/plain",
    "application/JSON",
    "application/json; charset=utf-16",
    "application/json; charset=latin-1",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=zz",
    "multipart/form-data",
    "application/xml",
    "*/*",
    "application/json\x00",
    "\xff\xfe",
]


def to_json(value: Any) -> str:
    """JSON text of a drawn value; ``Deep`` values are written out as nested arrays."""
    deeps: list[Deep] = []

    def default(item: Any) -> Any:
        if isinstance(item, Deep):
            deeps.append(item)
            return item.marker()
        return repr(item)

    text = json.dumps(value, default=default)
    for item in deeps:
        text = text.replace(json.dumps(item.marker()), item.text(), 1)
    return text


def encode_body(value: Any, media: str, odd: bool, draw: Draw) -> bytes:
    """The body in the media type's encoding; with ``odd``, in an odd encoding or mangled."""
    if "form" in media and isinstance(value, dict):
        pairs = {str(k): v if isinstance(v, str) else to_json(v) for k, v in value.items()}
        if media.startswith("multipart") and draw(st.booleans()):
            parts = [
                f'--zz\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
                for k, v in pairs.items()
            ]
            return ("".join(parts) + "--zz--\r\n").encode("utf-8", "surrogatepass")
        return urllib.parse.urlencode(pairs, errors="surrogatepass").encode()
    data = to_json(value).encode("utf-8", "surrogatepass")
    if not odd:
        return data
    text = data.decode("utf-8", "surrogatepass")
    mangle = draw(
        st.sampled_from(["utf-16", "utf-8-sig", "latin-1", "truncate", "garbage", "empty", "none"])
    )
    if mangle in ("utf-16", "utf-8-sig"):
        return text.encode(mangle, "surrogatepass")
    if mangle == "latin-1":
        return text.encode("latin-1", "replace")
    if mangle == "truncate":
        return data[: len(data) // 2]
    if mangle == "garbage":
        return data + b"\xff\xfe\x00{"
    if mangle == "empty":
        return b""
    return data


HEADER_JUNK = st.sampled_from(
    ["", " ", "\t", "x" * 9000, "\xff\xfe", "é", "Bearer", "Bearer ", "Bearer \x00", "Basic Og=="]
)
SEGMENT = st.text(min_size=1, max_size=40).filter(lambda s: "/" not in s and s not in (".", ".."))


def documented_examples(node: dict[str, Any]) -> list[Any]:
    """The examples the document gives a parameter or a media type."""
    values = [deref(RAW, e)[0].get("value") for e in (node.get("examples") or {}).values()]
    if "example" in node:
        values.append(node["example"])
    return [v for v in values if v is not None]


def path_ids(name: str, mode: str) -> st.SearchStrategy[str]:
    real = [f"<{name}:{i}>" for i in range(REAL_IDS.get(name, 0))]
    known = st.sampled_from(real) if real else st.uuids().map(str)
    if mode != "hostile":
        return known
    return st.one_of(
        known,
        st.uuids().map(lambda u: str(u).upper()),
        SEGMENT,
        pick(HOSTILE_STRINGS).filter(lambda s: s and "/" not in s and s not in (".", "..")),
    )


def body_media(op: dict[str, Any]) -> dict[str, Any]:
    return (deref(RAW, op.get("requestBody") or {})[0]).get("content") or {}


def body_values(schema: Any, examples: list[Any], mode: str) -> st.SearchStrategy[Any]:
    """Bodies by mode: documented examples and valid values, or hostile ones (hostile
    nodes inside a valid shape, a hostile value as the whole body, or a hostile value under
    each documented field)."""
    valid = (
        st.sampled_from(examples) | from_schema(RAW, schema, hostile_nodes=False)
        if examples
        else from_schema(RAW, schema, hostile_nodes=False)
    )
    if mode != "hostile":
        return valid
    fields = sorted((merged(RAW, schema) or {}).get("properties", {})) or ["x"]
    shapes = pick(HOSTILE_SHAPES)
    return st.one_of(
        from_schema(RAW, schema),
        shapes,
        pick(HOSTILE_NUMBERS + HOSTILE_STRINGS),
        st.builds(lambda f, v: {f: v}, st.sampled_from(fields), shapes | hostile()),
        st.builds(
            lambda base, f, v: {**base, f: v} if isinstance(base, dict) else base,
            valid,
            st.sampled_from(fields),
            shapes | hostile(),
        ),
    )


MODES = ("documented", "hostile", "transport")


def requests(op_index: int, mode: str) -> st.SearchStrategy[dict[str, Any]]:
    """Requests for one operation, built once from its parameters and body schemas.

    ``documented``: the document's examples and values valid for its schemas; ``hostile``:
    hostile values in parameters and bodies; ``transport``: valid values sent with odd
    content types, encodings, truncated or empty bodies, and junk header values.
    """
    path, method, op, params = OPERATIONS[op_index]
    parts: dict[str, st.SearchStrategy[Any]] = {}
    for param in params:
        where, name = param["in"], param["name"]
        if where == "path":
            parts["path:" + name] = path_ids(name, mode)
            continue
        examples = documented_examples(param)
        schema = param.get("schema", {})
        candidates = from_schema(RAW, schema, hostile_nodes=mode == "hostile")
        if examples:
            candidates = st.sampled_from(examples) | candidates
        if mode == "transport":
            candidates = candidates | HEADER_JUNK
        value = candidates.map(lambda v: v if isinstance(v, str) else to_json(v))
        parts[f"{where}:{name}"] = value if param.get("required") else st.none() | value
    content = body_media(op)
    documented_media = list(content)
    if content:
        media = st.sampled_from(documented_media)
        if mode == "transport":
            media = media | st.sampled_from(ODD_MEDIA)
        parts["media"] = media
        parts["value"] = st.one_of(
            [
                body_values(c.get("schema") or {}, documented_examples(c), mode)
                for c in content.values()
            ]
        )
    elif mode == "transport":  # a body where none is documented
        parts["media"] = st.sampled_from(ODD_MEDIA + ["application/json"])
        parts["value"] = hostile()
    parts["send_media"] = st.booleans()

    @st.composite
    def build(draw: Draw) -> dict[str, Any]:
        drawn = draw(st.fixed_dictionaries(parts))
        url, headers, query = path, {}, []
        for key, value in drawn.items():
            where, _, name = key.partition(":")
            if value is None or not name:
                continue
            if where == "path":
                url = url.replace("{" + name + "}", value)
            elif where == "header":
                headers[name] = value
            elif where == "query":
                query.append((name, value))
        raw_body = None
        if "media" in drawn:
            media = drawn["media"]
            raw_body = encode_body(drawn["value"], media, mode == "transport", draw)
            if media or drawn["send_media"]:
                headers["content-type"] = media
        return {"method": method, "url": url, "headers": headers, "query": query, "body": raw_body}

    return build()


# ---------------------------------------------------------------------- the world


def fresh_world(rate_limits: bool) -> tuple[Sandbox, dict[str, str], dict[str, str]]:
    """A sandbox with a run, trips of each kind, and a token per development application."""
    sandbox = Sandbox(
        document(),
        settings=Settings(strict=True, rate_limits=rate_limits),
        clock=ManualClock(START_MS),
        applications=[*DEV_APPLICATIONS, NO_SCOPE_APP],
        store=Stores.new(),  # on each store: the tests run once per store kind
    )
    tokens = {
        app.client_id: sandbox.auth.issue(
            {
                "client_id": app.client_id,
                "client_secret": app.client_secret,
                "grant_type": "client_credentials",
            }
        ).value
        for app in sandbox.auth.applications.values()
    }
    me = Caller("sandbox-client-id")
    rides = sandbox.rides
    run = rides.create_run(
        me,
        {
            "driver_locations": [{}],
            "pickup_location": {"latitude": 40.752558, "longitude": -74.006469},
            "dropoff_location": {"latitude": 40.750568, "longitude": -73.993519},
        },
    )
    trips = [
        rides.create_trip(me, trip_body(), run.run_id),
        rides.create_trip(
            me, trip_body(deferred_ride_options={"pickup_day": ny_date(START_MS)}), run.run_id
        ),
        rides.create_trip(
            me,
            trip_body(
                product_id=HOURLY,
                hourly={"tier": {"time_in_mins": 120, "distance": 30, "distance_unit": "MILE"}},
                scheduling={"pickup_time": START_MS + 3_600_000},
            ),
            run.run_id,
        ),
    ]
    ids = {
        "request_id": [t.request_id for t in trips],
        "run_id": [run.run_id],
        "product_id": [UBERX, HOURLY],
    }
    return (
        sandbox,
        tokens,
        {f"<{name}:{i}>": value for name, values in ids.items() for i, value in enumerate(values)},
    )


def use_up_rate_limit(sandbox: Sandbox, operation_id: str) -> None:
    """Every application has already made as many requests as the operation allows."""
    operation = sandbox.document.operations[operation_id]
    if sandbox.limiter is None or operation.rate_limit is None:
        return
    for app_id in sandbox.auth.applications:
        now = sandbox.rides.now_ms(app_id)
        for _ in range(operation.rate_limit.limit):
            sandbox.limiter.hit(app_id, operation_id, operation.rate_limit, now)


def with_ids(request: dict[str, Any], ids: dict[str, str]) -> dict[str, Any]:
    """The request with the world's ids in place of the placeholders."""
    out = dict(request, headers=dict(request["headers"]))
    for placeholder, real in ids.items():
        out["url"] = out["url"].replace(placeholder, real)
        out["headers"] = {k: v.replace(placeholder, real) for k, v in out["headers"].items()}
        if out["body"]:
            out["body"] = out["body"].replace(placeholder.encode(), real.encode())
    return out


async def _call(sandbox: Sandbox, request: dict[str, Any]) -> int:
    raw_headers = [
        (k.encode("latin-1"), v.encode("latin-1", "replace")) for k, v in request["headers"].items()
    ]
    body: bytes = request["body"] or b""
    path = request["url"]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": request["method"],
        "scheme": "http",
        "path": path,
        "raw_path": urllib.parse.quote(path, safe="/", errors="replace").encode(),
        "root_path": "",
        "query_string": urllib.parse.urlencode(request["query"], errors="replace").encode(),
        "headers": raw_headers,
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }
    chunks = [body[i : i + 65536] for i in range(0, len(body), 65536)] or [b""]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        if chunks:
            chunk = chunks.pop(0)
            return {"type": "http.request", "body": chunk, "more_body": bool(chunks)}
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await sandbox(scope, receive, send)
    return int(sent[0]["status"])


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "op_index", range(len(OPERATIONS)), ids=[op["operationId"] for _, _, op, _ in OPERATIONS]
)
def test_no_request_gets_a_5xx_or_an_undocumented_status(op_index: int, mode: str) -> None:
    path, method, op, _ = OPERATIONS[op_index]
    documented = {str(code) for code in op["responses"]}
    strategy = requests(op_index, mode)

    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        request=strategy,
        who=st.sampled_from([*(a.client_id for a in DEV_APPLICATIONS), NO_SCOPE_APP.client_id])
        | st.none()
        | HEADER_JUNK,
        organization=st.sampled_from([None, DEV_ORGANIZATION, DEV_ORGANIZATION.upper()]),
        advance=st.sampled_from([0, 0, 2, 16, 3600, 86_400 * 2, 86_400 * 40]),
        rate_limits=st.sampled_from(["off", "on", "used up"]),
    )
    def run(
        request: dict[str, Any],
        who: str | None,
        organization: str | None,
        advance: int,
        rate_limits: str,
    ) -> None:
        sandbox, tokens, world_ids = fresh_world(rate_limits != "off")
        if rate_limits == "used up":
            use_up_rate_limit(sandbox, op["operationId"])
        request = with_ids(request, world_ids)
        sandbox.clock.advance(advance)
        headers = dict(request["headers"])
        if who in tokens:
            headers.setdefault("authorization", "Bearer " + tokens[who])
        elif who is not None:
            headers.setdefault("authorization", who)
        if organization is not None:
            headers.setdefault("x-uber-organizationuuid", organization)
        status = asyncio.run(_call(sandbox, {**request, "headers": headers}))
        assert status < 500, (status, request["url"])
        assert str(status) in documented, (
            f"{method} {path}: {status} is not documented for {op['operationId']}"
        )

    run()


@pytest.mark.parametrize(
    "op_index", range(len(OPERATIONS)), ids=[op["operationId"] for _, _, op, _ in OPERATIONS]
)
def test_every_hostile_value_as_the_body_or_a_field_of_it_gets_a_documented_answer(
    op_index: int,
) -> None:
    """Exhaustive where the property test samples: each hostile value as the whole body and
    under each field of each documented example, and as each parameter's value."""
    path, method, op, params = OPERATIONS[op_index]
    documented = {str(code) for code in op["responses"]}
    content = body_media(op)
    bodies: list[tuple[str, Any]] = []
    for media, c in content.items():
        for example in documented_examples(c) or [{}]:
            for value in HOSTILE_VALUES:
                bodies.append((media, value))
                for field in example if isinstance(example, dict) else ():
                    bodies.append((media, {**example, field: value}))
    if not content:
        bodies = [("", None)]
    url = path
    for param in params:
        if param["in"] == "path":
            url = url.replace("{" + param["name"] + "}", f"<{param['name']}:0>")
    sandbox, tokens, ids = fresh_world(False)
    for media, value in bodies:
        raw = encode_body(value, media, False, lambda _: False) if media else None
        headers = {"authorization": "Bearer " + tokens["sandbox-client-id"]}
        if media:
            headers["content-type"] = media
        request = {"method": method, "url": url, "headers": headers, "query": [], "body": raw}
        status = asyncio.run(_call(sandbox, with_ids(request, ids)))
        assert status < 500 and str(status) in documented, (status, to_json(value)[:200])
    for param in params:
        if param["in"] == "path":
            continue
        for value in HOSTILE_STRINGS:
            headers = {"authorization": "Bearer " + tokens["sandbox-client-id"]}
            query = []
            if param["in"] == "header":
                headers[param["name"]] = value
            else:
                query.append((param["name"], value))
            request = {"method": method, "url": url, "headers": headers, "query": query}
            request["body"] = None
            if content:
                media, c = next(iter(content.items()))
                example = (documented_examples(c) or [{}])[0]
                request["body"] = encode_body(example, media, False, lambda _: False)
                headers["content-type"] = media
            status = asyncio.run(_call(sandbox, with_ids(request, ids)))
            assert status < 500 and str(status) in documented, (status, param["name"], value[:50])
