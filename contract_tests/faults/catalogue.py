"""The faults: each breaks one promise of the document, and names the checks that must notice.

`caught_by` lists the suite's checks expected to report the fault (any one of them is
enough); `tests` what exercises the behaviour concerned (an operationId: the per-operation
test of that operation; a path: that test file or test), so a fault run can be a focused
subset of the suite instead of all of it; `phases` the per-operation phases it needs.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from contract_tests.faults.proxy import Exchange

Forward = Callable[["Exchange"], Awaitable[None]]
# Posts a webhook delivery to a URL: (url, headers, body) -> the status it got.
Send = Callable[[str, dict[str, str], bytes], Awaitable[int]]

TRIPS = re.compile(r"^/v1/guests/trips$")
TRIP = re.compile(r"^/v1/guests/trips/([^/?]+)$")
DISPATCH = re.compile(r"^/v1/guests/trips/[^/]+/dispatch$")
COMMUNICATION = re.compile(r"^/v1/guests/trips/([^/?]+)/communication$")
DRIVER_STATE = re.compile(r"^/v1/guests/sandbox/driver-state$")
RUNS = re.compile(r"^/v1/guests/sandbox/run$")
RUN = re.compile(r"^/v1/guests/sandbox/run/([^/?]+)$")
RIDE_REQUEST = re.compile(r"^/v1\.2/requests/([^/?]+)$")
TOKEN = re.compile(r"^/oauth/v2/token$")
GUEST_PATHS = re.compile(r"^/v1/guests/")

# What a fault run exercises: test_operations.py on one operation, or another test.
OPS = "contract_tests/test_operations.py"
CREATE = "createGuestTrip"
GET = "getGuestTrip"
DISPATCH_OP = "dispatchGuestTrip"
DRIVER_STATE_OP = "setSandboxDriverState"
CREATE_RUN = "createSandboxRun"
COMMUNICATION_OP = "createTripCommunicationSession"
TOKEN_OP = "createAccessToken"
STATEFUL = "contract_tests/test_stateful.py"
FLOWS = "contract_tests/test_flows.py"
LIFE_CYCLE_FLOW = FLOWS + "::test_on_demand_trip_driven_to_completed"
FARE_FLOW = FLOWS + "::test_fare_flow_surge_to_booking"
WEBHOOKS_RECEIVED = "contract_tests/test_webhooks.py"
EXAMPLES_FLOW = FLOWS + "::test_every_documented_request_example_is_accepted"
CANCEL_FLOW = FLOWS + "::test_canceled_trip_stays_readable"


def _json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except ValueError:
        return None


def _set_json(exchange: Exchange, value: Any) -> None:
    exchange.response_body = json.dumps(value).encode()
    exchange.response_headers["content-type"] = "application/json"


def _trip_bodies(exchange: Exchange) -> dict | None:
    """The JSON trip of a successful create or get, else None."""
    if exchange.status != 200 or not (TRIPS.match(exchange.path) or TRIP.match(exchange.path)):
        return None
    body = _json(exchange.response_body)
    return body if isinstance(body, dict) and "request_id" in body else None


@dataclass(frozen=True)
class Delivery:
    """A webhook delivery from the server, on its way (through the proxy's relay) to the URL
    the application registered; `other_urls` are the URLs other applications registered."""

    url: str
    headers: dict[str, str]
    body: bytes
    other_urls: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fault:
    name: str
    breaks: str
    caught_by: tuple[str, ...]
    tests: tuple[str, ...]
    request: Callable[[Exchange, dict], bool] | None = None
    response: Callable[[Exchange, dict], None] | None = None
    replay: Callable[[Exchange, dict, Forward], Awaitable[None]] | None = None
    # What happens to a webhook delivery instead of sending it as it is: the status the
    # server is answered with.
    delivery: Callable[[Delivery, dict, Send], Awaitable[int]] | None = None
    # Schemathesis phases of the per-operation tests a fault run needs: the coverage phase
    # sends the unexpected methods, and costs hundreds of cases per operation.
    phases: str = "examples,fuzzing"

    def on_request(self, exchange: Exchange, state: dict) -> bool:
        return bool(self.request and self.request(exchange, state))

    async def on_response(self, exchange: Exchange, state: dict, forward: Forward) -> None:
        if self.replay is not None:
            await self.replay(exchange, state, forward)
        if self.response is not None:
            self.response(exchange, state)

    async def on_delivery(self, delivery: Delivery, state: dict, send: Send) -> int:
        if self.delivery is not None:
            return await self.delivery(delivery, state, send)
        return await send(delivery.url, delivery.headers, delivery.body)


# --- the faults ----------------------------------------------------------------------------------


def _drop_required_field(exchange: Exchange, state: dict) -> None:
    trip = _trip_bodies(exchange)
    if trip is not None:
        trip.pop("status", None)
        _set_json(exchange, trip)


def _wrong_type(exchange: Exchange, state: dict) -> None:
    trip = _trip_bodies(exchange)
    if trip is not None and "surge_multiplier" in trip:
        trip["surge_multiplier"] = str(trip["surge_multiplier"])
        _set_json(exchange, trip)


def _enum_outside_list(exchange: Exchange, state: dict) -> None:
    trip = _trip_bodies(exchange)
    if trip is not None:
        trip["status"] = "teleported"
        _set_json(exchange, trip)


def _undocumented_status(exchange: Exchange, state: dict) -> None:
    if TRIP.match(exchange.path) and exchange.status == 404:
        exchange.status = 410


def _wrong_content_type(exchange: Exchange, state: dict) -> None:
    if exchange.response_body:
        exchange.response_headers["content-type"] = "text/plain"


def _server_error_on_valid_input(exchange: Exchange, state: dict) -> None:
    if TRIPS.match(exchange.path) and exchange.method == "POST" and exchange.status == 200:
        exchange.status = 500
        _set_json(
            exchange,
            {
                "code": "internal_server_error",
                "message": "We have experienced a problem.",
                "metadata": {"statusCode": "500"},
            },
        )


def _accepts_invalid_body(exchange: Exchange, state: dict) -> None:
    body = _json(exchange.response_body)
    if (
        DRIVER_STATE.match(exchange.path)
        and exchange.status == 400
        and isinstance(body, dict)
        and "driver_state" not in str(body.get("message", ""))
    ):
        exchange.status = 200
        _set_json(exchange, {})


async def _ignores_auth(exchange: Exchange, state: dict, forward: Forward) -> None:
    """Remember a token that worked; when a request's token is refused, use that one."""
    if exchange.status != 401 and exchange.headers.get("authorization"):
        state["authorization"] = exchange.headers["authorization"]
    elif exchange.status == 401 and "authorization" in state and GUEST_PATHS.match(exchange.path):
        exchange.headers["authorization"] = state["authorization"]
        await forward(exchange)


def _created_trip_not_readable(exchange: Exchange, state: dict) -> bool:
    if TRIP.match(exchange.path) and exchange.method == "GET":
        exchange.status = 404
        exchange.response_headers = {"content-type": "application/json"}
        exchange.response_body = json.dumps(
            {
                "code": "not_found",
                "message": "The requested resource could not be found.",
                "metadata": {"statusCode": "404"},
            }
        ).encode()
        return True
    return False


def _wrong_error_envelope(exchange: Exchange, state: dict) -> None:
    body = _json(exchange.response_body)
    if (
        exchange.status >= 400
        and isinstance(body, dict)
        and "code" in body
        and GUEST_PATHS.match(exchange.path)
    ):
        _set_json(exchange, {"error": body["code"], "error_description": body.get("message", "")})


def _missing_allow_header(exchange: Exchange, state: dict) -> None:
    if exchange.status == 405:
        exchange.response_headers.pop("allow", None)


def _forbidden_transition(exchange: Exchange, state: dict) -> None:
    """Dispatch succeeds where the document refuses it (not flexible, already dispatched...)."""
    if DISPATCH.match(exchange.path) and exchange.status == 404:
        exchange.status = 200
        exchange.response_body = b""
        exchange.response_headers.pop("content-type", None)


def _status_code_mismatch(exchange: Exchange, state: dict) -> None:
    body = _json(exchange.response_body)
    if exchange.status >= 400 and isinstance(body, dict) and isinstance(body.get("metadata"), dict):
        body["metadata"]["statusCode"] = "200"
        _set_json(exchange, body)


def _fare_missing_on_completed(exchange: Exchange, state: dict) -> None:
    trip = _trip_bodies(exchange)
    if trip is not None and trip.get("status") == "completed":
        for name in (
            "client_fare",
            "client_fare_numeric",
            "client_fare_without_tip",
            "currency_code",
        ):
            trip.pop(name, None)
        _set_json(exchange, trip)


def _driver_before_match(exchange: Exchange, state: dict) -> None:
    trip = _trip_bodies(exchange)
    if trip is not None and trip.get("status") == "processing":
        trip["driver"] = {"name": "Early", "rating": 4.9}
        _set_json(exchange, trip)


def _unsupported_method_accepted(exchange: Exchange, state: dict) -> None:
    if exchange.status == 405:
        exchange.status = 200
        exchange.response_headers.pop("allow", None)
        _set_json(exchange, {})


def _malformed_json(exchange: Exchange, state: dict) -> None:
    if _trip_bodies(exchange) is not None:
        exchange.response_body = exchange.response_body[: len(exchange.response_body) // 2]


# --- tenants: a server that finds another application's trips and runs ---------------------


def _remember_owner(exchange: Exchange, state: dict) -> None:
    """Who created each trip and run (their Authorization header)."""
    if exchange.status != 200 or exchange.method != "POST":
        return
    body = _json(exchange.response_body)
    if not isinstance(body, dict):
        return
    owners = state.setdefault("owners", {})
    if not (TRIPS.match(exchange.path) or RUNS.match(exchange.path)):
        return
    for key in ("request_id", "run_id"):
        if isinstance(body.get(key), str):
            owners[body[key].lower()] = exchange.headers.get("authorization")


def _resource_id(exchange: Exchange) -> str | None:
    for pattern in (TRIP, COMMUNICATION, RUN, RIDE_REQUEST):
        match = pattern.match(exchange.path.split("?")[0])
        if match:
            return match.group(1).lower()
    if DRIVER_STATE.match(exchange.path):
        body = _json(exchange.body)
        if isinstance(body, dict) and isinstance(body.get("run_id"), str):
            return body["run_id"].lower()
    return None


def _tenant_leak(pattern: re.Pattern[str], method: str) -> Forward:
    """Requests for another application's trip or run are served as if the owner sent them."""

    async def replay(exchange: Exchange, state: dict, forward: Forward) -> None:
        _remember_owner(exchange, state)
        if exchange.method != method or not pattern.match(exchange.path.split("?")[0]):
            return
        owner = state.get("owners", {}).get(_resource_id(exchange) or "")
        if exchange.status == 404 and owner and owner != exchange.headers.get("authorization"):
            exchange.headers["authorization"] = owner
            exchange.headers.pop("x-uber-organizationuuid", None)
            await forward(exchange)

    return replay  # type: ignore[return-value]


async def _third_party_without_organization(
    exchange: Exchange, state: dict, forward: Forward
) -> None:
    """A 403 for a missing organization header is answered with what a first party gets."""
    if (
        exchange.status == 200
        and "x-uber-organizationuuid" not in exchange.headers
        and exchange.headers.get("authorization")
    ):
        state["first_party"] = exchange.headers["authorization"]
    body = _json(exchange.response_body)
    if (
        exchange.status == 403
        and "x-uber-organizationuuid" not in exchange.headers
        and GUEST_PATHS.match(exchange.path)
        and state.get("first_party")
        and isinstance(body, dict)
    ):
        exchange.headers["authorization"] = state["first_party"]
        await forward(exchange)


def _token_for_anyone(exchange: Exchange, state: dict) -> None:
    if TOKEN.match(exchange.path) and exchange.status == 401:
        exchange.status = 200
        _set_json(
            exchange,
            {
                "access_token": "issued-to-anyone",
                "token_type": "Bearer",
                "expires_in": 2592000,
                "scope": "guests.trips",
            },
        )


# --- history: statuses and views of a trip over time -----------------------------------------


def _reads(state: dict, request_id: str) -> int:
    reads = state.setdefault("reads", {})
    reads[request_id] = reads.get(request_id, 0) + 1
    return int(reads[request_id])


def _terminal_status_revived(exchange: Exchange, state: dict) -> None:
    """From its second read on, a completed trip is back `in_progress` (with the body of one)."""
    trip = _trip_bodies(exchange)
    if trip is None or exchange.method != "GET" or trip.get("status") != "completed":
        return
    if _reads(state, trip["request_id"]) >= 2:
        trip["status"] = "in_progress"
        for name in (
            "client_fare", "client_fare_numeric", "client_fare_without_tip", "currency_code",
            "can_tip", "waypoints", "dropoff_time", "trip_end_location",
            "trip_distance_miles", "trip_duration_seconds",
        ):  # fmt: skip
            trip.pop(name, None)
        _set_json(exchange, trip)


def _status_goes_back(exchange: Exchange, state: dict) -> None:
    """A trip read as `in_progress` reads as `arriving` again on the next read."""
    trip = _trip_bodies(exchange)
    if trip is None or exchange.method != "GET" or trip.get("status") != "in_progress":
        return
    if _reads(state, trip["request_id"] + "/in_progress") >= 2:
        trip["status"] = "arriving"
        trip.pop("begin_trip_time", None)
        _set_json(exchange, trip)


def _ended_trip_keeps_tracking_url(exchange: Exchange, state: dict) -> None:
    trip = _trip_bodies(exchange)
    if trip is not None and trip.get("status") == "completed":
        trip["rider_tracking_url"] = "https://trip.uber.com/still-tracking"
        _set_json(exchange, trip)


def _ended_ride_request_keeps_driver(exchange: Exchange, state: dict) -> None:
    if not RIDE_REQUEST.match(exchange.path.split("?")[0]) or exchange.status != 200:
        return
    view = _json(exchange.response_body)
    if isinstance(view, dict) and view.get("status") == "completed":
        view["driver"] = {
            "phone_number": "+14155550123",
            "sms_number": "+14155550123",
            "rating": 4.9,
            "picture_url": "https://example.com/driver.jpg",
            "name": "Still here",
        }
        _set_json(exchange, view)


def _remember_completed(exchange: Exchange, state: dict) -> None:
    trip = _trip_bodies(exchange)
    if trip is not None and trip.get("status") == "completed":
        state.setdefault("completed", set()).add(trip["request_id"].lower())


def _session_body() -> dict:
    return {"phone_number": "+14155559999"}


def _session_for_missing_trip(exchange: Exchange, state: dict) -> None:
    if COMMUNICATION.match(exchange.path.split("?")[0]) and exchange.status == 404:
        exchange.status = 200
        _set_json(exchange, _session_body())


def _session_for_completed_trip(exchange: Exchange, state: dict) -> None:
    _remember_completed(exchange, state)
    match = COMMUNICATION.match(exchange.path.split("?")[0])
    if match and exchange.status == 400 and match.group(1).lower() in state.get("completed", set()):
        exchange.status = 200
        _set_json(exchange, _session_body())


def _canceled_trip_forgotten(exchange: Exchange, state: dict) -> None:
    """A cancel that deletes: once canceled, the trip answers 404 as if it never was."""
    match = TRIP.match(exchange.path.split("?")[0])
    if not match:
        return
    request_id = match.group(1).lower()
    if exchange.method == "DELETE" and exchange.status == 204:
        state.setdefault("canceled", set()).add(request_id)
    elif exchange.method == "GET" and request_id in state.get("canceled", set()):
        _created_trip_not_readable(exchange, state)


# --- fares ---------------------------------------------------------------------------------


def _fare_answer(exchange: Exchange) -> dict | None:
    body = _json(exchange.response_body)
    if TRIPS.match(exchange.path) and exchange.status == 409 and isinstance(body, dict):
        return body
    return None


def _surge_without_fare_id(exchange: Exchange, state: dict) -> None:
    body = _fare_answer(exchange)
    if body is not None and isinstance(body.get("metadata"), dict):
        body["metadata"].pop("fare_id", None)
        _set_json(exchange, body)


def _sent_fare(exchange: Exchange) -> str | None:
    body = _json(exchange.body)
    return body.get("fare_id") if isinstance(body, dict) else None


def _fare_refused_again(exchange: Exchange, state: dict) -> None:
    """A create that carries the fare_id it was given is answered with a new surge."""
    if TRIPS.match(exchange.path) and exchange.status == 200 and _sent_fare(exchange):
        exchange.status = 409
        _set_json(
            exchange,
            {
                "code": "surge",
                "message": "Surge pricing is currently in effect for this product.",
                "metadata": {"fare_id": str(uuid.uuid4()), "multiplier": 2.0},
            },
        )


async def _used_fare_accepted(exchange: Exchange, state: dict, forward: Forward) -> None:
    """A used or stale fare_id is not refused: the request is booked with the fresh fare."""
    body = _fare_answer(exchange)
    sent = _json(exchange.body)
    if (
        body is not None
        and body.get("code") == "fare_expired"
        and isinstance(sent, dict)
        and sent.get("fare_id")
    ):
        sent["fare_id"] = (body.get("metadata") or {}).get("fare_id")
        exchange.body = json.dumps(sent).encode()
        await forward(exchange)


def _fare_expiry_in_milliseconds(exchange: Exchange, state: dict) -> None:
    body = _fare_answer(exchange)
    metadata = body.get("metadata") if body is not None else None
    if isinstance(metadata, dict) and isinstance(metadata.get("expires_at"), int):
        metadata["expires_at"] *= 1000
        _set_json(exchange, body)


# --- documented examples, values and headers ------------------------------------------------


def _hourly_rides_refused(exchange: Exchange, state: dict) -> bool:
    body = _json(exchange.body)
    if (
        TRIPS.match(exchange.path)
        and exchange.method == "POST"
        and isinstance(body, dict)
        and body.get("hourly") is not None
    ):
        exchange.status = 400
        exchange.response_headers = {"content-type": "application/json"}
        exchange.response_body = json.dumps(
            {
                "code": "validation_failed",
                "message": "hourly: not supported",
                "metadata": {"statusCode": "400"},
            }
        ).encode()
        return True
    return False


def _times_in_seconds(exchange: Exchange, state: dict) -> None:
    trip = _trip_bodies(exchange)
    if trip is None:
        return
    for name in ("request_time", "begin_trip_time", "dropoff_time"):
        if isinstance(trip.get(name), int):
            trip[name] //= 1000
    _set_json(exchange, trip)


def _allow_names_undefined_methods(exchange: Exchange, state: dict) -> None:
    if exchange.status == 405 and "allow" in exchange.response_headers:
        exchange.response_headers["allow"] += ", DELETE, PATCH"


# --- webhooks: what the server sends to the application's webhook URL -----------------------


def _event(delivery: Delivery) -> dict:
    event = _json(delivery.body)
    return event if isinstance(event, dict) else {}


def _trip_status(event: dict) -> tuple[str, str] | None:
    """(trip, status) of a status event, else None."""
    meta = event.get("meta")
    if event.get("event_type") != "guests.trips.status_changed" or not isinstance(meta, dict):
        return None
    return str(meta.get("resource_id", "")).lower(), str(meta.get("status", ""))


async def _webhook_bad_signature(delivery: Delivery, state: dict, send: Send) -> int:
    """The body is encoded again after it was signed (other spacing, same JSON): the
    signature no longer matches the bytes sent."""
    event = _json(delivery.body)
    body = json.dumps(event, indent=1).encode() if event is not None else delivery.body + b" "
    return await send(delivery.url, delivery.headers, body)


async def _webhook_missing_event(delivery: Delivery, state: dict, send: Send) -> int:
    """A trip's change to `arriving` is never sent, though the server counts it delivered."""
    found = _trip_status(_event(delivery))
    if found is not None and found[1] == "arriving":
        return 200
    return await send(delivery.url, delivery.headers, delivery.body)


async def _webhook_other_tenant(delivery: Delivery, state: dict, send: Send) -> int:
    """Each event also goes to the URL of another application."""
    status = await send(delivery.url, delivery.headers, delivery.body)
    if delivery.other_urls:
        await send(delivery.other_urls[0], delivery.headers, delivery.body)
    return status


async def _webhook_out_of_order(delivery: Delivery, state: dict, send: Send) -> int:
    """A trip's first status event is held back and sent after its second one."""
    found = _trip_status(_event(delivery))
    if found is None:
        return await send(delivery.url, delivery.headers, delivery.body)
    trip = found[0]
    seen = state.setdefault("status_events", {})
    seen[trip] = seen.get(trip, 0) + 1
    if seen[trip] == 1:
        state.setdefault("held", {})[trip] = delivery
        return 200
    status = await send(delivery.url, delivery.headers, delivery.body)
    held = state.get("held", {}).pop(trip, None)
    if held is not None:
        await send(held.url, held.headers, held.body)
    return status


FAULTS: dict[str, Fault] = {
    fault.name: fault
    for fault in (
        Fault(
            "drop-required-field",
            "trips come back without their required `status`",
            ("response_schema_conformance",),
            (CREATE,),
            response=_drop_required_field,
        ),
        Fault(
            "wrong-type",
            "`surge_multiplier` is a string instead of a number",
            ("response_schema_conformance",),
            (CREATE,),
            response=_wrong_type,
        ),
        Fault(
            "enum-outside-list",
            "trip `status` is a value outside `TripStatus`",
            ("response_schema_conformance",),
            (CREATE,),
            response=_enum_outside_list,
        ),
        Fault(
            "undocumented-status",
            "an unknown trip answers 410, which the document does not list",
            ("status_code_conformance",),
            (GET,),
            response=_undocumented_status,
        ),
        Fault(
            "wrong-content-type",
            "every answer with a body says `text/plain`",
            ("content_type_conformance",),
            (CREATE,),
            response=_wrong_content_type,
        ),
        Fault(
            "server-error-on-valid-input",
            "a trip that would be created answers 500 instead",
            ("not_a_server_error",),
            (CREATE,),
            response=_server_error_on_valid_input,
        ),
        Fault(
            "accepts-invalid-body",
            "driver-state accepts bodies the document forbids (200 instead of 400)",
            ("negative_data_rejection",),
            (DRIVER_STATE_OP,),
            response=_accepts_invalid_body,
        ),
        Fault(
            "ignores-auth",
            "a missing or invalid token is replaced by one that worked before",
            ("auth_enforced", "ignored_auth"),
            (CREATE,),
            replay=_ignores_auth,
        ),
        Fault(
            "created-trip-not-readable",
            "GET of any trip answers 404, also right after it was created",
            ("created_trip_is_readable", "ensure_resource_availability"),
            (CREATE,),
            request=_created_trip_not_readable,
        ),
        Fault(
            "wrong-error-envelope",
            "trip errors come as `{error, error_description}` instead of `{code, message, metadata}`",
            ("response_schema_conformance",),
            (GET,),
            response=_wrong_error_envelope,
        ),
        Fault(
            "missing-allow-header",
            "405 answers lose their `Allow` header",
            ("allow_header_conformance", "unsupported_method"),
            (CREATE,),
            response=_missing_allow_header,
            phases="examples,coverage,fuzzing",
        ),
        Fault(
            "unsupported-method-accepted",
            "methods the document does not define answer 200 instead of 405",
            ("unsupported_method",),
            (CREATE,),
            response=_unsupported_method_accepted,
            phases="examples,coverage,fuzzing",
        ),
        Fault(
            "forbidden-transition",
            "dispatch succeeds on rides the document says cannot be dispatched",
            ("dispatch_only_flexible_rides",),
            (DISPATCH_OP, STATEFUL),
            response=_forbidden_transition,
        ),
        Fault(
            "error-status-mismatch",
            'error bodies say `metadata.statusCode: "200"` whatever the HTTP status',
            ("error_status_matches_body",),
            (GET,),
            response=_status_code_mismatch,
        ),
        Fault(
            "driver-before-match",
            "a `processing` trip already carries a driver",
            ("trip_fields_match_status", "created_trip_is_readable"),
            (CREATE,),
            response=_driver_before_match,
        ),
        Fault(
            "fare-missing-on-completed",
            "completed trips come back without their fare",
            ("completed_trip_has_fare",),
            (FLOWS + "::test_on_demand_trip_driven_to_completed",),
            response=_fare_missing_on_completed,
        ),
        Fault(
            "malformed-json",
            "trip bodies are cut in half (invalid JSON)",
            ("response_schema_conformance", "not_a_server_error"),
            (CREATE,),
            response=_malformed_json,
        ),
        Fault(
            "other-application-reads-trip",
            "a trip is served to any application, not only the one that created it",
            ("applications_are_isolated", "created_trip_is_readable"),
            (CREATE,),
            replay=_tenant_leak(TRIP, "GET"),
        ),
        # The isolation check probes each new run and trip (contract_tests/checks.py,
        # `_probe_created`), so a create's examples reach these three.
        Fault(
            "other-application-reads-run",
            "a sandbox run is served to any application, not only the one that created it",
            ("applications_are_isolated",),
            (CREATE_RUN,),
            replay=_tenant_leak(RUN, "GET"),
        ),
        Fault(
            "other-application-moves-driver",
            "another application's driver-state command moves the driver of a run",
            ("applications_are_isolated",),
            (CREATE_RUN,),
            replay=_tenant_leak(DRIVER_STATE, "POST"),
        ),
        Fault(
            "other-application-opens-session",
            "another application opens a communication session on a trip",
            ("applications_are_isolated",),
            (CREATE,),
            replay=_tenant_leak(COMMUNICATION, "PUT"),
        ),
        Fault(
            "third-party-without-organization",
            "a third-party application is served without its organization header",
            ("applications_are_isolated", "created_trip_is_readable"),
            (CREATE,),
            replay=_third_party_without_organization,
        ),
        Fault(
            "token-for-wrong-credentials",
            "the token endpoint issues a token for any client id and secret",
            ("token_endpoint_refuses_wrong_credentials",),
            (TOKEN_OP,),
            response=_token_for_anyone,
        ),
        Fault(
            "terminal-status-revived",
            "a completed trip reads as `in_progress` again",
            ("status_never_goes_back",),
            (LIFE_CYCLE_FLOW,),
            response=_terminal_status_revived,
        ),
        Fault(
            "status-goes-back",
            "an `in_progress` trip reads as `arriving`",
            ("status_never_goes_back",),
            (LIFE_CYCLE_FLOW,),
            response=_status_goes_back,
        ),
        Fault(
            "ended-trip-keeps-tracking-url",
            "a completed trip still carries `rider_tracking_url`",
            ("trip_fields_match_status",),
            (LIFE_CYCLE_FLOW,),
            response=_ended_trip_keeps_tracking_url,
        ),
        Fault(
            "ended-ride-request-keeps-driver",
            "the v1.2 view of a completed ride still shows its driver",
            ("ride_request_fields_match_status",),
            (LIFE_CYCLE_FLOW,),
            response=_ended_ride_request_keeps_driver,
        ),
        Fault(
            "session-for-missing-trip",
            "a communication session is given for a trip that does not exist",
            ("communication_needs_live_trip",),
            (COMMUNICATION_OP,),
            response=_session_for_missing_trip,
        ),
        Fault(
            "session-for-completed-trip",
            "a communication session is given for a completed trip",
            ("communication_needs_live_trip",),
            (LIFE_CYCLE_FLOW,),
            response=_session_for_completed_trip,
        ),
        Fault(
            "canceled-trip-forgotten",
            "a canceled trip answers 404 afterwards, as if cancel deleted it",
            ("canceled_trip_stays_readable",),
            (CANCEL_FLOW,),
            response=_canceled_trip_forgotten,
        ),
        Fault(
            "surge-without-fare-id",
            "a 409 surge answer comes without its `fare_id`",
            ("surge_answer_carries_fare",),
            (FARE_FLOW,),
            response=_surge_without_fare_id,
        ),
        Fault(
            "fare-refused-again",
            "the request sent again with its `fare_id` gets another surge",
            ("fare_accepted_once",),
            (FARE_FLOW,),
            response=_fare_refused_again,
        ),
        Fault(
            "used-fare-accepted",
            "a used or expired `fare_id` still books a trip",
            ("fare_accepted_once",),
            (FARE_FLOW,),
            replay=_used_fare_accepted,
        ),
        Fault(
            "fare-expiry-in-milliseconds",
            "`expires_at` of a fare is in milliseconds, not seconds",
            ("times_are_plausible",),
            (FARE_FLOW,),
            response=_fare_expiry_in_milliseconds,
        ),
        Fault(
            "valid-create-refused",
            "the document's hourly-ride example is refused with 400",
            ("documented_examples_accepted",),
            (EXAMPLES_FLOW,),
            request=_hourly_rides_refused,
        ),
        Fault(
            "times-in-seconds",
            "trip times come in epoch seconds, not milliseconds",
            ("times_are_plausible",),
            (LIFE_CYCLE_FLOW,),
            response=_times_in_seconds,
        ),
        Fault(
            "allow-names-undefined-methods",
            "405 answers name methods the path does not have in `Allow`",
            ("headers_are_plausible", "allow_header_conformance"),
            (CREATE,),
            response=_allow_names_undefined_methods,
            phases="examples,coverage,fuzzing",
        ),
        Fault(
            "webhook-bad-signature",
            "webhook bodies are re-encoded after signing: `X-Uber-Signature` does not match",
            ("webhook_signature_valid",),
            (LIFE_CYCLE_FLOW, WEBHOOKS_RECEIVED),
            delivery=_webhook_bad_signature,
        ),
        Fault(
            "webhook-missing-event",
            "a trip's `status_changed` event for `arriving` is never delivered",
            ("webhook_per_status_change",),
            (LIFE_CYCLE_FLOW, WEBHOOKS_RECEIVED),
            delivery=_webhook_missing_event,
        ),
        Fault(
            "webhook-other-tenant",
            "each webhook event is also delivered to another application's URL",
            ("webhook_only_own_trips",),
            (LIFE_CYCLE_FLOW, WEBHOOKS_RECEIVED),
            delivery=_webhook_other_tenant,
        ),
        Fault(
            "webhook-out-of-order",
            "a trip's first two `status_changed` events are delivered swapped",
            ("webhook_per_status_change",),
            (LIFE_CYCLE_FLOW, WEBHOOKS_RECEIVED),
            delivery=_webhook_out_of_order,
        ),
    )
}
