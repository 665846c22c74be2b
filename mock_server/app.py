"""The ASGI application: routes from the document's paths, one handler per operationId.

The edge is thin: authenticate, validate against the document, call the domain, render
the documented envelope, and (in strict mode) check the answer against the document.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import re
import threading
import urllib.parse
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping
from typing import Any, Generic, TypeVar

import attrs
import orjson
from starlette.types import Receive, Scope, Send

from .auth import (
    DEV_APPLICATIONS,
    ORGANIZATION_HEADER,
    Application,
    Auth,
    OAuthError,
    Token,
    organization_refusal,
    satisfies,
)
from .clock import Clock, SystemClock
from .domain import views
from .domain.errors import ClientError, FareConflict, InvariantViolation
from .domain.service import Caller, GuestRides
from .domain.state import StateStore, StoreUnavailable
from .domain.webhooks import TripEvent
from .limits import RateLimiter
from .store import open_store
from .validation import Document, Operation, ResponseContractError, validate_parameters
from .webhook_delivery import Delivery, WebhookDelivery

log = logging.getLogger("mock_server")

RUN_HEADER = "x-uber-sandbox-runuuid"
# An operation whose documented 400 answer has this code refuses an organization the
# application may not act for with it, instead of 403 (estimates, as its page shows).
INVALID_ORGANIZATION_CODE = "invalid_request_parameters"
INVALID_ORGANIZATION = "Invalid organization uuid"
JSON = "application/json"
# How long the process that delivers webhooks holds its lease without renewing it (it
# renews it every pump interval): another worker process takes over after that.
SENDER_LEASE_MS = 10_000


@attrs.frozen
class Settings:
    strict: bool = False
    auto_drive: bool = False
    max_body_bytes: int = 256 * 1024
    rate_limits: bool = False  # enforce the document's x-rate-limit (429 with Retry-After)
    # Like Uber's sandbox, a trip needs x-uber-sandbox-runuuid (a live run near its pickup).
    # Off: trips without a run are accepted and, unless auto-drive drives them, find no driver.
    run_required: bool = True

    @property
    def requires_run(self) -> bool:
        """Whether create needs a run: by default, unless trips drive themselves."""
        return self.run_required and not self.auto_drive

    # Where clients reach the sandbox: the base of webhook events' `resource_href`.
    base_url: str = "http://127.0.0.1:8000"
    # `--webhook-url` may point off this machine only with `--webhook-allow-remote` (the
    # document holds `PUT /__sandbox/webhook` to this machine whatever this says).
    webhook_allow_remote: bool = False
    # How often (real seconds) followed trips are settled and turned into events while the
    # server runs, so time passing produces events even when nobody calls.
    webhook_pump_seconds: float = 1.0


@attrs.frozen
class Reply:
    status: int
    body: Any = None  # None: no body at all
    headers: dict[str, str] = attrs.Factory(dict)


@attrs.frozen
class Context:
    operation: Operation
    params: dict[str, Any]
    body: Any
    token: Token | None
    caller: Caller | None


class BadRequest(ClientError):
    """A request the edge refuses before the domain sees it, with its status."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(code, message)
        self.status = status


class MissingHandlers(ValueError):
    """The document has operations the sandbox has no handler for (or the reverse)."""


def error_reply(
    operation: Operation | None,
    status: int,
    code: str,
    message: str,
    metadata: dict[str, Any] | None = None,
) -> Reply:
    """The error in the envelope the document gives this operation and status."""
    spec = operation.response(status) if operation else None
    properties = (
        spec.properties
        if spec is not None and spec.properties
        else frozenset({"code", "message", "metadata"})
    )
    body: dict[str, Any]
    if "errCode" in properties:
        code = "bad_request" if code == "validation_failed" else code
        body = {"message": message, "data": {"statusCode": str(status)}, "errCode": code}
    elif "error" in properties:
        oauth = {"internal_server_error": "server_error"}.get(code, code)
        if code in ("validation_failed", "unsupported_media_type", "payload_too_large"):
            oauth = "invalid_request"
        body = {"error": oauth, "error_description": message}
    else:
        body = {"code": code, "message": message}
        if "metadata" in properties:
            body["metadata"] = metadata if metadata is not None else {"statusCode": str(status)}
    return Reply(status, body)


def domain_reply(operation: Operation, error: ClientError) -> Reply:
    if isinstance(error, FareConflict):
        return error_reply(operation, 409, error.code, error.message, error.metadata)
    if error.kind == "not_found":
        return error_reply(operation, 404, error.code, error.message)
    if error.kind == "conflict":
        return error_reply(operation, 409, error.code, error.message)
    if error.kind == "forbidden":
        return error_reply(operation, 403, error.code, error.message)
    return error_reply(operation, operation.validation_status(), error.code, error.message)


# ---------------------------------------------------------------------------- handlers

Handler = Callable[["Sandbox", Context], Reply]


def create_access_token(sandbox: Sandbox, ctx: Context) -> Reply:
    form = ctx.body or {}
    try:
        app = sandbox.auth.client(form)
        with sandbox.store.locked():  # counted in the transaction that saves the token
            limited = sandbox.rate_limited(ctx.operation, app.client_id)
            if limited is not None:
                return limited
            token = sandbox.auth.issue(form)
    except OAuthError as error:
        return error_reply(ctx.operation, error.status, error.error, error.description)
    now = sandbox.rides.now_ms(token.app.client_id)
    lifetime = max(0, (token.expires_at_ms - now) // 1000)
    return Reply(
        200,
        {
            "access_token": token.value,
            "token_type": "Bearer",
            "expires_in": lifetime,
            "scope": " ".join(sorted(token.scopes)),
        },
        {"cache-control": "no-store"},
    )


def _caller(ctx: Context) -> Caller:
    if ctx.caller is None:
        raise InvariantViolation(f"{ctx.operation.operation_id}: called without a caller")
    return ctx.caller


def _token(ctx: Context) -> Token:
    if ctx.token is None:
        raise InvariantViolation(f"{ctx.operation.operation_id}: called without a token")
    return ctx.token


def create_guest_trip(sandbox: Sandbox, ctx: Context) -> Reply:
    trip = sandbox.rides.create_trip(_caller(ctx), ctx.body, ctx.params.get(RUN_HEADER))
    return Reply(200, views.created_trip(trip))


def get_guest_trip(sandbox: Sandbox, ctx: Context) -> Reply:
    trip = sandbox.rides.get_trip(_caller(ctx), ctx.params["request_id"])
    language = views.language_of(ctx.params.get("accept-language"))
    return Reply(
        200, views.guest_trip(trip, language, bool(ctx.params.get("include_editable_fields")))
    )


def get_trip_estimates(sandbox: Sandbox, ctx: Context) -> Reply:
    language = views.language_of(ctx.params.get("accept-language"))
    answer = sandbox.rides.estimate(_caller(ctx), ctx.body, ctx.params.get(RUN_HEADER), language)
    return Reply(200, answer)


def list_guest_trips(sandbox: Sandbox, ctx: Context) -> Reply:
    params = ctx.params
    trips, next_key = sandbox.rides.list_trips(
        _caller(ctx), params["trip_status"], params["limit"], params.get("start_key")
    )
    language = views.language_of(params.get("accept-language"))
    editable = bool(params.get("include_editable_fields"))
    body: dict[str, Any] = {"trips": [views.guest_trip(trip, language, editable) for trip in trips]}
    if next_key is not None:
        body["next_key"] = next_key
    return Reply(200, body)


def cancel_guest_trip(sandbox: Sandbox, ctx: Context) -> Reply:
    sandbox.rides.cancel_trip(_caller(ctx), ctx.params["request_id"])
    return Reply(204)


def update_guest_trip(sandbox: Sandbox, ctx: Context) -> Reply:
    trip = sandbox.rides.update_trip(_caller(ctx), ctx.params["request_id"], ctx.body)
    return Reply(200, views.guest_trip(trip))


def get_guest_trip_receipt(sandbox: Sandbox, ctx: Context) -> Reply:
    return Reply(200, sandbox.rides.receipt(_caller(ctx), ctx.params["request_id"]))


def send_message_to_driver(sandbox: Sandbox, ctx: Context) -> Reply:
    sandbox.rides.send_message(_caller(ctx), ctx.params["request_id"], ctx.body["message"])
    return Reply(200, {})


def call_trip_driver(sandbox: Sandbox, ctx: Context) -> Reply:
    sandbox.rides.call_driver(_caller(ctx), ctx.body["request_id"], ctx.body["phone_number"])
    return Reply(200, {})


def tip_guest_trip(sandbox: Sandbox, ctx: Context) -> Reply:
    sandbox.rides.tip(_caller(ctx), ctx.body["request_id"], ctx.body["tip_amount"])
    return Reply(200, {})


def get_pickup_zones(sandbox: Sandbox, ctx: Context) -> Reply:
    return Reply(200, sandbox.rides.pickup_zones(ctx.params["latitude"], ctx.params["longitude"]))


def dispatch_guest_trip(sandbox: Sandbox, ctx: Context) -> Reply:
    sandbox.rides.dispatch(_caller(ctx), ctx.params["request_id"])
    return Reply(200)


def create_trip_communication_session(sandbox: Sandbox, ctx: Context) -> Reply:
    session = sandbox.rides.open_session(
        _caller(ctx), ctx.params["request_id"], ctx.body["phone_number"]
    )
    return Reply(200, {"phone_number": session.proxy_number})


def get_ride_request(sandbox: Sandbox, ctx: Context) -> Reply:
    token = _token(ctx)
    trip = sandbox.rides.find_ride_request(
        token.app.client_id, ctx.params["request_id"], all_trips="all_trips" in token.scopes
    )
    return Reply(200, views.ride_request(trip))


def create_sandbox_run(sandbox: Sandbox, ctx: Context) -> Reply:
    run = sandbox.rides.create_run(_caller(ctx), ctx.body)
    return Reply(200, {"run_id": run.run_id})


def get_sandbox_run(sandbox: Sandbox, ctx: Context) -> Reply:
    run = sandbox.rides.get_run(_caller(ctx), ctx.params["run_id"])
    return Reply(200, {"run_id": run.run_id, "driver_ids": run.driver_ids()})


def set_sandbox_driver_state(sandbox: Sandbox, ctx: Context) -> Reply:
    body = ctx.body
    sandbox.rides.set_driver_state(
        _caller(ctx), body["run_id"], body["driver_id"], body["driver_state"]
    )
    return Reply(200, {})


def get_sandbox_clock(sandbox: Sandbox, ctx: Context) -> Reply:
    return Reply(200, {"now_ms": sandbox.rides.now_ms(_caller(ctx).app_id)})


def set_sandbox_clock(sandbox: Sandbox, ctx: Context) -> Reply:
    """Move the calling application's clock (only its world changes), or reset it."""
    body = ctx.body
    app_id = _caller(ctx).app_id
    clocks = sandbox.rides.clocks
    field = next(iter(body))
    try:
        if field == "reset":
            clocks.reset(app_id)
        elif field == "advance_seconds":
            clocks.advance(app_id, body["advance_seconds"])
        else:
            clocks.set(app_id, body["now_ms"])
    except ValueError as error:
        return error_reply(ctx.operation, 400, "validation_failed", f"{field}: {error}")
    # What the time that passed produced, for every application; and the caller's waiting
    # webhook retries come that much sooner.
    sandbox.publish_all()
    return Reply(200, {"now_ms": clocks.now_ms(app_id)})


def webhook_url_problem(url: str, allow_remote: bool = False) -> str | None:
    """Why ``url`` cannot be a webhook URL (None: it can). Without ``allow_remote`` only
    this machine: ``localhost``, 127.0.0.0/8 or ::1, named literally (no name lookups)."""
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as error:
        return f"not a valid URL ({error})"
    if parts.scheme.lower() not in ("http", "https") or not host:
        return "must be an http or https URL with a host"
    if allow_remote or host.lower() == "localhost":
        return None
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        return (
            "must point at this machine (localhost, 127.0.0.0/8 or [::1]); start the sandbox"
            " with --webhook-allow-remote to send elsewhere"
        )
    return None


def get_sandbox_webhook(sandbox: Sandbox, ctx: Context) -> Reply:
    return Reply(200, {"url": sandbox.store.load_webhook_url(_caller(ctx).app_id)})


def set_sandbox_webhook(sandbox: Sandbox, ctx: Context) -> Reply:
    url = ctx.body["url"]
    problem = webhook_url_problem(url)  # the document's pattern already asks for loopback
    if problem is not None:
        return error_reply(ctx.operation, 400, "validation_failed", f"url: {problem}")
    sandbox.set_webhook_url(_caller(ctx).app_id, url)
    return Reply(200, {"url": url})


def delete_sandbox_webhook(sandbox: Sandbox, ctx: Context) -> Reply:
    sandbox.set_webhook_url(_caller(ctx).app_id, None)
    return Reply(204)


def _parameter_default(operation: Operation, name: str) -> Any:
    return next(p.default for p in operation.parameters if p.name == name)


def list_sandbox_webhook_deliveries(sandbox: Sandbox, ctx: Context) -> Reply:
    request_id = ctx.params.get("request_id")
    limit = ctx.params.get("limit") or _parameter_default(ctx.operation, "limit")
    app_id, trip = _caller(ctx).app_id, request_id.lower() if request_id else None
    # In the store when it keeps them (every worker process lists them), else in memory.
    records = sandbox.store.load_deliveries(app_id, trip, limit)
    if records is None:
        records = [delivery.view() for delivery in sandbox.webhooks.deliveries(app_id, trip, limit)]
    return Reply(200, {"deliveries": records})


def create_sandbox_webhook_event(sandbox: Sandbox, ctx: Context) -> Reply:
    caller = _caller(ctx)
    if sandbox.webhooks.url_for(caller.app_id) is None:
        if sandbox.store.load_webhook_url(caller.app_id) is not None:
            return error_reply(  # --workers N: only the delivering one queues events
                ctx.operation,
                409,
                "conflict",
                "Another worker process of this sandbox delivers the application's webhooks;"
                " ask again (it answers some of the requests).",
            )
        return error_reply(
            ctx.operation,
            409,
            "conflict",
            "The application has no webhook URL; set one with PUT /__sandbox/webhook.",
        )
    with sandbox.rides.store.locked():  # queued in order with the trip's other events
        earlier, event = sandbox.rides.trip_event_now(
            caller, ctx.body["request_id"], ctx.body["event_type"], sandbox.settings.base_url
        )
        sandbox.send_events(caller.app_id, earlier)
        delivery = sandbox.send_event(caller.app_id, event)
    if delivery is None:  # the URL was removed meanwhile
        return error_reply(ctx.operation, 409, "conflict", "The application has no webhook URL.")
    return Reply(202, delivery.view())


def set_sandbox_product_surge(sandbox: Sandbox, ctx: Context) -> Reply:
    caller = _caller(ctx)
    product = sandbox.rides.set_surge(
        caller, ctx.params["product_id"], ctx.body["multiplier"], ctx.body.get("fare_ttl_seconds")
    )
    multiplier, fare_ttl_seconds = sandbox.rides.surge(caller, product.product_id)
    return Reply(
        200,
        {
            "product_id": product.product_id,
            "multiplier": multiplier,
            "fare_ttl_seconds": fare_ttl_seconds,
        },
    )


def get_sandbox_health(sandbox: Sandbox, ctx: Context) -> Reply:
    try:
        sandbox.store.check()
        now = sandbox.clock.now_ms()
    except StoreUnavailable as error:
        message = f"The store cannot be read: {error}"
        return error_reply(ctx.operation, 503, "store_unavailable", message)
    return Reply(200, {"status": "ok", "store": sandbox.store.kind, "now_ms": now})


HANDLERS: dict[str, Handler] = {
    "createAccessToken": create_access_token,
    "createGuestTrip": create_guest_trip,
    "getGuestTrip": get_guest_trip,
    "dispatchGuestTrip": dispatch_guest_trip,
    "createTripCommunicationSession": create_trip_communication_session,
    "getRideRequest": get_ride_request,
    "createSandboxRun": create_sandbox_run,
    "getSandboxRun": get_sandbox_run,
    "setSandboxDriverState": set_sandbox_driver_state,
    "getSandboxClock": get_sandbox_clock,
    "setSandboxClock": set_sandbox_clock,
    "setSandboxProductSurge": set_sandbox_product_surge,
    "getSandboxWebhook": get_sandbox_webhook,
    "setSandboxWebhook": set_sandbox_webhook,
    "deleteSandboxWebhook": delete_sandbox_webhook,
    "listSandboxWebhookDeliveries": list_sandbox_webhook_deliveries,
    "createSandboxWebhookEvent": create_sandbox_webhook_event,
    "getSandboxHealth": get_sandbox_health,
    "getTripEstimates": get_trip_estimates,
    "listGuestTrips": list_guest_trips,
    "cancelGuestTrip": cancel_guest_trip,
    "updateGuestTrip": update_guest_trip,
    "getGuestTripReceipt": get_guest_trip_receipt,
    "sendMessageToDriver": send_message_to_driver,
    "callTripDriver": call_trip_driver,
    "tipGuestTrip": tip_guest_trip,
    "getPickupZones": get_pickup_zones,
}


# ------------------------------------------------------------------------- bodies


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


# orjson reads integers beyond 64 bits as floats; bodies with such long digit runs, and every
# body orjson refuses, go through the standard library, which also names the problem.
LONG_DIGITS = re.compile(rb"\d{19}")


# The deepest nesting a body may have. The document's deepest request is a handful of levels;
# the schema validator itself gives up a little beyond 200 (mock_server/README.md, Limits).
MAX_JSON_DEPTH = 32


def _too_deep(value: Any, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether arrays and objects nest more than `limit` levels (iteratively: no recursion)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item
        if isinstance(item, dict | list):
            if depth > limit:
                return True
            stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def parse_json(raw: bytes) -> Any:
    value = _parse_json(raw)
    if _too_deep(value):
        raise BadRequest(
            400, "validation_failed", f"body: nested more than {MAX_JSON_DEPTH} levels deep"
        )
    return value


def _parse_json(raw: bytes) -> Any:
    if not LONG_DIGITS.search(raw):
        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError:
            pass
    try:
        text = raw.decode("utf-8")
        value = json.loads(text, parse_constant=_reject_constant)
        if "\\u" in text:
            json.dumps(value, ensure_ascii=False).encode("utf-8")  # lone surrogates fail here
        return value
    except UnicodeError:
        raise BadRequest(400, "validation_failed", "body: not valid UTF-8") from None
    except RecursionError:
        raise BadRequest(400, "validation_failed", "body: nested too deeply") from None
    except ValueError as error:
        raise BadRequest(
            400, "validation_failed", f"body: not valid JSON ({str(error)[:120]})"
        ) from None


def parse_form(raw: bytes, content_type: str) -> dict[str, str]:
    try:
        if content_type.split(";", 1)[0].strip().lower() == "multipart/form-data":
            from email import policy  # only multipart bodies need it: not paid at start-up
            from email.parser import BytesParser

            message = BytesParser(policy=policy.HTTP).parsebytes(
                b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + raw
            )
            if not message.is_multipart():
                raise ValueError("no multipart boundary")
            form: dict[str, str] = {}
            for part in message.iter_parts():
                name = part.get_param("name", header="content-disposition")
                payload = part.get_payload(decode=True)
                if name and name not in form and isinstance(payload, bytes):
                    form[str(name)] = payload.decode("utf-8")
            return form
        pairs = urllib.parse.parse_qsl(
            raw.decode("utf-8"), keep_blank_values=True, strict_parsing=False, errors="strict"
        )
        out: dict[str, str] = {}
        for key, value in pairs:
            out.setdefault(key, value)
        return out
    except (UnicodeError, ValueError, LookupError, TypeError, AttributeError):
        raise BadRequest(400, "validation_failed", "body: not a valid form") from None


# ------------------------------------------------------------------------ the app

JSON_HEADERS = [(b"content-type", JSON.encode())]


def encode_json(body: Any) -> bytes:
    """Compact JSON; orjson, or the standard library for what orjson refuses (huge ints)."""
    try:
        return orjson.dumps(body)
    except TypeError:
        return json.dumps(body, separators=(",", ":")).encode()


class ClientGone(Exception):
    """The client disconnected before sending its whole body."""


class Incoming:
    """What the edge reads of a request, straight from the ASGI scope."""

    __slots__ = ("method", "path_params", "headers", "_query_string", "_query", "_receive")

    def __init__(self, scope: Scope, receive: Receive, path_params: dict[str, str]):
        self.method: str = scope["method"]
        self.path_params = path_params
        headers: dict[str, str] = {}
        for key, value in reversed(scope["headers"]):  # the first of a repeated header wins
            headers[key.decode("latin-1").lower()] = value.decode("latin-1")
        self.headers = headers
        self._query_string: bytes = scope.get("query_string", b"")
        self._query: list[tuple[str, str]] | None = None
        self._receive = receive

    def query(self, name: str) -> list[str]:
        if not self._query_string:
            return []
        if self._query is None:
            text = self._query_string.decode("latin-1")
            self._query = urllib.parse.parse_qsl(text, keep_blank_values=True)
        return [value for key, value in self._query if key == name]

    async def chunks(self) -> AsyncIterator[bytes]:
        while True:
            message = await self._receive()
            if message["type"] == "http.request":
                chunk = message.get("body", b"")
                if chunk:
                    yield chunk
                if not message.get("more_body", False):
                    return
            elif message["type"] == "http.disconnect":
                raise ClientGone()


@attrs.frozen
class Outgoing:
    """A rendered answer: status, headers and body bytes, sent as two ASGI messages."""

    status: int
    headers: list[tuple[bytes, bytes]]
    content: bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": self.status, "headers": self.headers})
        await send({"type": "http.response.body", "body": self.content})


PATH_PARAMETER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def path_pattern(template: str) -> re.Pattern[str] | None:
    """The regex of a templated path (``{name}`` matches one segment); None for a literal one."""
    parts = []
    end = 0
    for match in PATH_PARAMETER.finditer(template):
        parts.append(re.escape(template[end : match.start()]))
        parts.append(f"(?P<{match.group(1)}>[^/]+)")
        end = match.end()
    if not parts:
        return None
    parts.append(re.escape(template[end:]))
    return re.compile("^" + "".join(parts) + "$")


T = TypeVar("T")


class Router(Generic[T]):
    """Paths to endpoints: a dictionary lookup for paths without parameters, then the
    templated paths in the order they were added (``{name}`` matches one segment).

    Each path also answers with a trailing slash. The first endpoint added for a path wins.
    """

    def __init__(self) -> None:
        self._static: dict[str, T] = {}
        self._templated: list[tuple[re.Pattern[str], T]] = []

    def add(self, template: str, endpoint: T) -> None:
        for variant in dict.fromkeys((template, template.rstrip("/") + "/")):
            regex = path_pattern(variant)
            if regex is not None:
                self._templated.append((regex, endpoint))
            else:
                self._static.setdefault(variant, endpoint)

    def match(self, path: str) -> tuple[T, dict[str, str]] | None:
        """The endpoint of ``path`` and its path parameters, or None."""
        endpoint = self._static.get(path)
        if endpoint is not None:
            return endpoint, {}
        for regex, candidate in self._templated:
            found = regex.match(path)
            if found is not None:
                return candidate, found.groupdict()
        return None


def check_handlers(operation_ids: Iterable[str], handlers: Mapping[str, Handler]) -> None:
    """Refuse to start unless every operation of the document has a handler, and every
    handler an operation (a handler without one is a renamed or removed operation)."""
    documented = set(operation_ids)
    missing = sorted(documented - set(handlers))
    unknown = sorted(set(handlers) - documented)
    problems = []
    if missing:
        problems.append(f"operations without a handler: {', '.join(missing)}")
    if unknown:
        problems.append(f"handlers without an operation: {', '.join(unknown)}")
    if problems:
        raise MissingHandlers("; ".join(problems))


class Sandbox:
    """The local sandbox: the document, the domain, the applications, and the ASGI app.

    Each path of the document (and its trailing-slash twin) has one endpoint in the router.
    """

    def __init__(
        self,
        document: Document,
        *,
        settings: Settings = Settings(),
        clock: Clock | None = None,
        applications: tuple[Application, ...] | list[Application] = DEV_APPLICATIONS,
        store: StateStore | None = None,
        webhooks: WebhookDelivery | None = None,
    ):
        if settings.strict and not document.checks_responses:
            raise ValueError("strict mode needs a Document loaded with check_responses=True")
        self.document = document
        self.settings = settings
        self.store = store if store is not None else open_store("memory")
        # The base clock; each application's offset from it lives in the store (a durable
        # store shares the offsets between worker processes and keeps them on a restart).
        self.clock = clock or SystemClock()
        self.rides = GuestRides(
            self.store,
            self.clock,
            auto_drive=settings.auto_drive,
            require_run=settings.requires_run,
        )
        self.auth = Auth(self.rides.clocks, applications, self.store)
        self.limiter = RateLimiter(self.store) if settings.rate_limits else None
        check_handlers(document.operations, HANDLERS)
        self.router: Router[PathEndpoint] = Router()
        for path, operations in document.paths.items():
            self.router.add(path, PathEndpoint(self, operations))
        self._scopes_ok: dict[tuple[str, frozenset[str]], bool] = {}
        self.webhooks = webhooks if webhooks is not None else WebhookDelivery()
        self.webhooks.recorder = self._record_delivery
        # Who this process is when it claims the lease of the process that delivers.
        self._sender_id = uuid.uuid4().hex
        # Each application's clock offset when its waiting retries last looked at it.
        self._seen_offsets: dict[str, int] = {}
        self._pump_stop = threading.Event()
        self._pump: threading.Thread | None = None

    # ------------------------------------------------------------------ webhooks

    def set_webhook_url(self, app_id: str, url: str | None) -> None:
        """Send the application's trip events to ``url`` from now on (None: stop). The URL
        is kept in the store, so every worker process sees it; the one that delivers
        picks it up at once if it is this one, else within a pump interval."""
        self.store.save_webhook_url(app_id, url)
        self.sync_webhooks()

    def sync_webhooks(self) -> bool:
        """Take (or renew) the lease of the process that delivers webhooks, and make this
        process's deliveries match the URLs in the store; whether this process delivers.

        One process delivers (with ``--workers N``, the holder of a lease in the store): a
        trip's events are produced and sent by one process only, so each event is sent
        once, in order per trip. The others do not follow trips at all."""
        delivering = self.store.claim_webhook_sender(
            self._sender_id, self.webhooks.wall_ms(), SENDER_LEASE_MS
        )
        urls = self.store.webhook_urls() if delivering else {}
        for app_id in self.webhooks.subscribers():
            if app_id not in urls:
                self.webhooks.set_url(app_id, None)
                self.rides.unfollow_trips(app_id)
        for app_id, url in urls.items():
            if app_id not in self.auth.applications:
                continue  # an application this sandbox was not started with
            if self.webhooks.url_for(app_id) is None:
                self.rides.follow_trips(app_id)
            if self.webhooks.url_for(app_id) != url:
                self.webhooks.set_url(app_id, url)
        self.bring_retries_forward()
        return delivering

    def bring_retries_forward(self) -> None:
        """An application whose clock moved forward (here or in another worker process)
        gets its waiting retries that much sooner."""
        for app_id in self.webhooks.subscribers():
            offset = self.store.load_clock_offset_ms(app_id)
            seen = self._seen_offsets.get(app_id)
            self._seen_offsets[app_id] = offset
            if seen is not None and offset > seen:
                self.webhooks.advance(app_id, (offset - seen) / 1000)

    def _record_delivery(self, delivery: Delivery, version: int, view: dict[str, Any]) -> None:
        try:
            self.store.record_delivery(
                delivery.app_id, delivery.event_id, delivery.request_id, version, view
            )
        except Exception:  # the log is for people; never lose the delivery over it
            log.exception("keeping the record of webhook %s failed", delivery.event_id)

    def release_webhooks(self) -> None:
        """Stop delivering; another worker process takes over at once."""
        self.store.release_webhook_sender(self._sender_id)

    def publish(self, app_id: str) -> None:
        """Queue what the application's trips produced since the last time (no-op without
        a webhook URL). Collecting and queueing happen under the store's lock, so a request
        and the pump never queue a trip's events out of order."""
        if self.webhooks.url_for(app_id) is not None:
            with self.rides.store.locked():
                self.send_events(app_id, self.rides.trip_events(app_id, self.settings.base_url))

    def publish_all(self) -> None:
        self.sync_webhooks()
        for app_id in self.webhooks.subscribers():
            self.publish(app_id)

    def send_events(self, app_id: str, events: list[TripEvent]) -> None:
        for event in events:
            self.send_event(app_id, event)

    def send_event(self, app_id: str, event: TripEvent) -> Delivery | None:
        app = self.auth.applications.get(app_id)
        if app is None:
            return None
        return self.webhooks.enqueue(
            app_id,
            app.client_secret,
            event.request_id,
            event.event_id,
            event.event_type,
            event.body,
            encode_json(event.body),
        )

    def start_background(self) -> None:
        """Start delivering webhooks, and settling followed trips once a pump interval."""
        self.webhooks.start()
        if self._pump is None and self.settings.webhook_pump_seconds > 0:
            self._pump_stop.clear()
            self._pump = threading.Thread(target=self._pump_loop, name="webhook-pump", daemon=True)
            self._pump.start()

    def stop_background(self) -> None:
        self._pump_stop.set()
        if self._pump is not None:
            self._pump.join(5)
            self._pump = None
        self.webhooks.stop()
        self.release_webhooks()

    def _pump_loop(self) -> None:
        while not self._pump_stop.wait(self.settings.webhook_pump_seconds):
            try:
                self.publish_all()
            except Exception:  # a bug: keep it loud in the log, keep the server up
                log.exception("producing webhook events failed")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind == "http":
            path: str = scope["path"]
            root = scope.get("root_path", "")
            if root and path.startswith(root) and path[len(root) : len(root) + 1] in ("", "/"):
                path = path[len(root) :]
            found = self.router.match(path)
            if found is not None:
                endpoint, path_params = found
                await endpoint(scope, receive, send, path_params)
                return
            reply = error_reply(None, 404, "not_found", "No such path in the API.")
            await self.render(None, reply)(scope, receive, send)
        elif kind == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    self.start_background()
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    self.stop_background()
                    self.store.close()  # a durable store checkpoints its file
                    await send({"type": "lifespan.shutdown.complete"})
                    return

    def render(self, operation: Operation | None, reply: Reply) -> Outgoing:
        headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in reply.headers.items()]
        if reply.body is None:
            if self.settings.strict and operation is not None:
                operation.check_response(reply.status, None, None)
            return Outgoing(reply.status, [*headers, (b"content-length", b"0")], b"")
        if self.settings.strict and operation is not None:
            operation.check_response(reply.status, JSON, reply.body)
        content = encode_json(reply.body)
        length = (b"content-length", str(len(content)).encode())
        return Outgoing(reply.status, [*headers, length, *JSON_HEADERS], content)

    async def handle(self, operation: Operation, request: Incoming) -> Outgoing:
        try:
            reply = await self._handle(operation, request)
        except BadRequest as error:
            reply = error_reply(operation, error.status, error.code, error.message)
        except (ResponseContractError, ClientGone):
            raise
        except Exception:  # an InvariantViolation, or any other bug
            if self.settings.strict:
                raise  # loud in tests
            log.exception("%s failed", operation.operation_id)
            reply = error_reply(
                operation, 500, "internal_server_error", "We have experienced a problem."
            )
        return self.render(operation, reply)

    def rate_limited(self, operation: Operation, app_id: str) -> Reply | None:
        """The 429 answer when ``app_id`` has used up the operation's rate limit, else None
        (and the request is counted). Only with ``--rate-limits``."""
        rule = operation.rate_limit
        if self.limiter is None or rule is None:
            return None
        # Read the clock inside the store's transaction (the caller holds it, or this
        # joins it): the workers' counts stay in the order of their clocks.
        with self.store.locked():
            now = self.rides.now_ms(app_id)
            wait = self.limiter.hit(app_id, operation.operation_id, rule, now)
        if wait is None:
            return None
        message = f"Rate limit exceeded: {rule.limit} requests per {rule.window_seconds} s."
        reply = error_reply(operation, 429, "too_many_requests", message)
        return attrs.evolve(reply, headers={"retry-after": str(wait)})

    def _allowed(self, operation: Operation, scopes: frozenset[str]) -> bool:
        key = (operation.operation_id, scopes)
        allowed = self._scopes_ok.get(key)
        if allowed is None:
            allowed = self._scopes_ok[key] = satisfies(scopes, operation.security)
        return allowed

    async def _handle(self, operation: Operation, request: Incoming) -> Reply:
        headers = request.headers
        token = None
        if operation.security and {} not in operation.security:
            authorization = headers.get("authorization")
            token = self.auth.authenticate(authorization)
            if token is None:
                message = (
                    "No authentication provided."
                    if not authorization
                    else "Invalid OAuth 2.0 credentials provided."
                )
                return error_reply(operation, 401, "unauthorized", message)
            if not self._allowed(operation, token.scopes):
                return error_reply(
                    operation,
                    403,
                    "forbidden",
                    "The access token lacks the scope this operation needs.",
                )
        if token is None or self.limiter is None or operation.rate_limit is None:
            return self._serve(operation, request, token, await self._body(operation, request))
        # With --rate-limits the request is counted in the same store transaction as its
        # use case (one transaction per request with SQLite, not two). The body is read
        # first (reading awaits; a transaction cannot span it), and a problem with it is
        # answered only after the count and the parameters, in the order of a request
        # without rate limits.
        body = await self._body(operation, request)
        with self.store.locked():
            limited = self.rate_limited(operation, token.app.client_id)
            if limited is not None:
                return limited
            return self._serve(operation, request, token, body)

    async def _body(self, operation: Operation, request: Incoming) -> Any:
        """The request's body, or the ``BadRequest`` that reading it raised."""
        if not operation.has_body:
            return None
        try:
            return await self._read_body(operation, request)
        except BadRequest as problem:
            return problem

    def _serve(
        self, operation: Operation, request: Incoming, token: Token | None, body: Any
    ) -> Reply:
        params, problem = validate_parameters(
            operation, request.path_params, request.query, request.headers.get
        )
        if problem is not None:
            return error_reply(
                operation, operation.validation_status(), "validation_failed", str(problem)
            )
        organization = params.get(ORGANIZATION_HEADER)
        if token is not None and ORGANIZATION_HEADER in operation.declares_headers:
            refusal = organization_refusal(token.app, organization)
            if refusal is not None:
                if organization and INVALID_ORGANIZATION_CODE in operation.error_codes(400):
                    return error_reply(
                        operation, 400, INVALID_ORGANIZATION_CODE, INVALID_ORGANIZATION
                    )
                return error_reply(operation, 403, "forbidden", refusal)
        if isinstance(body, BadRequest):
            raise body
        caller = None
        if token is not None:
            caller = Caller(
                token.app.client_id,
                organization.lower() if organization else None,
                token.app.name,
                token.app.requester_uuid,
            )
        handler = HANDLERS[operation.operation_id]
        context = Context(operation, params, body, token, caller)
        try:
            return handler(self, context)
        except ClientError as error:
            return domain_reply(operation, error)
        finally:
            if caller is not None:
                self.publish(caller.app_id)  # what this call changed, for its webhook

    async def _read_body(self, operation: Operation, request: Incoming) -> Any:
        limit = self.settings.max_body_bytes
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > limit:
            raise BadRequest(
                413, "payload_too_large", f"The request body is larger than {limit} bytes."
            )
        chunks = []
        size = 0
        async for chunk in request.chunks():
            size += len(chunk)
            if size > limit:
                raise BadRequest(
                    413, "payload_too_large", f"The request body is larger than {limit} bytes."
                )
            chunks.append(chunk)
        raw = b"".join(chunks)
        if not raw:
            if operation.body_required:
                raise BadRequest(400, "validation_failed", "body: field is required")
            return None
        content_type = request.headers.get("content-type", "")
        media = content_type.split(";", 1)[0].strip().lower()
        if media not in operation.body_media:
            allowed = ", ".join(operation.body_media)
            raise BadRequest(415, "unsupported_media_type", f"The request body must be {allowed}.")
        body: Any = parse_json(raw) if media.endswith("json") else parse_form(raw, content_type)
        validator = operation.body_media[media]
        if validator is not None:
            problem = validator.first_problem(body)
            if problem is not None:
                where = f"body.{problem.where}" if problem.where else "body"
                if media.endswith("json") and problem.where:
                    where = problem.where
                raise BadRequest(
                    operation.validation_status(), "validation_failed", f"{where}: {problem.what}"
                )
        shape = operation.body_shapes.get(media)
        return shape.apply(body) if shape is not None else body


class PathEndpoint:
    """All operations of one path: dispatch on the method, 405 with ``Allow`` otherwise."""

    def __init__(self, sandbox: Sandbox, operations: dict[str, Operation]):
        self.sandbox = sandbox
        self.operations = operations
        self.allow = ", ".join(sorted(operations))

    async def __call__(
        self, scope: Scope, receive: Receive, send: Send, path_params: dict[str, str]
    ) -> None:
        method = scope["method"]
        operation = self.operations.get(method)
        if operation is None:
            reply = error_reply(None, 405, "method_not_allowed", f"{method} is not allowed here.")
            reply = Reply(405, reply.body, {"allow": self.allow})
            response = self.sandbox.render(None, reply)
        else:
            incoming = Incoming(scope, receive, path_params)
            try:
                response = await self.sandbox.handle(operation, incoming)
            except ClientGone:
                return  # nobody to answer
        await response(scope, receive, send)


def create_app(
    spec: str | None = None,
    *,
    strict: bool = False,
    auto_drive: bool = False,
    clock: Clock | None = None,
    applications: tuple[Application, ...] | list[Application] = DEV_APPLICATIONS,
    static_token: str | None = None,
    max_body_bytes: int = 256 * 1024,
    rate_limits: bool = False,
    run_required: bool = True,
    base_url: str = "http://127.0.0.1:8000",
    webhook_urls: Mapping[str, str] | None = None,
    webhook_allow_remote: bool = False,
    webhooks: WebhookDelivery | None = None,
    store: str | StateStore = "memory",
) -> Sandbox:
    """Build the local sandbox from the OpenAPI document at ``spec`` (default: the project's),
    on ``store``: ``"memory"``, ``"sqlite:PATH"`` or a store object.

    ``webhook_urls`` maps client ids to the webhook URL each application starts with."""
    sandbox = Sandbox(
        Document.load(spec, check_responses=strict),
        settings=Settings(
            strict=strict,
            auto_drive=auto_drive,
            max_body_bytes=max_body_bytes,
            rate_limits=rate_limits,
            run_required=run_required,
            base_url=base_url,
            webhook_allow_remote=webhook_allow_remote,
        ),
        clock=clock,
        applications=applications,
        webhooks=webhooks,
        store=open_store(store) if isinstance(store, str) else store,
    )
    if static_token:
        sandbox.auth.add_static_token(static_token)
    for client_id, url in (webhook_urls or {}).items():
        if client_id not in sandbox.auth.applications:
            raise ValueError(f"--webhook-url: no application {client_id!r}")
        problem = webhook_url_problem(url, webhook_allow_remote)
        if problem is not None:
            raise ValueError(f"--webhook-url {url}: {problem}")
        sandbox.set_webhook_url(client_id, url)
    return sandbox


AsyncApp = Callable[[Scope, Receive, Send], Awaitable[None]]
