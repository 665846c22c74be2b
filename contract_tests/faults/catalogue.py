"""The faults: each breaks one promise of the document, and names the checks that must notice.

`caught_by` lists the suite's checks expected to report the fault (any one of them is
enough); `tests` what exercises the operation concerned (an operationId: the per-operation
test of that operation; a path: that test file), so a fault run can be a focused subset of
the suite instead of all of it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from contract_tests.faults.proxy import Exchange

Forward = Callable[["Exchange"], Awaitable[None]]

TRIPS = re.compile(r"^/v1/guests/trips$")
TRIP = re.compile(r"^/v1/guests/trips/[^/]+$")
DISPATCH = re.compile(r"^/v1/guests/trips/[^/]+/dispatch$")
DRIVER_STATE = re.compile(r"^/v1/guests/sandbox/driver-state$")
GUEST_PATHS = re.compile(r"^/v1/guests/")

# What a fault run exercises: test_operations.py on one operation, or another test.
OPS = "contract_tests/test_operations.py"
CREATE = "createGuestTrip"
GET = "getGuestTrip"
DISPATCH_OP = "dispatchGuestTrip"
DRIVER_STATE_OP = "setSandboxDriverState"
STATEFUL = "contract_tests/test_stateful.py"
FLOWS = "contract_tests/test_flows.py"


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
class Fault:
    name: str
    breaks: str
    caught_by: tuple[str, ...]
    tests: tuple[str, ...]
    request: Callable[[Exchange, dict], bool] | None = None
    response: Callable[[Exchange, dict], None] | None = None
    replay: Callable[[Exchange, dict, Forward], Awaitable[None]] | None = None

    def on_request(self, exchange: Exchange, state: dict) -> bool:
        return bool(self.request and self.request(exchange, state))

    async def on_response(self, exchange: Exchange, state: dict, forward: Forward) -> None:
        if self.replay is not None:
            await self.replay(exchange, state, forward)
        if self.response is not None:
            self.response(exchange, state)


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
        ),
        Fault(
            "unsupported-method-accepted",
            "methods the document does not define answer 200 instead of 405",
            ("unsupported_method",),
            (CREATE,),
            response=_unsupported_method_accepted,
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
    )
}
