"""Checks for rules the document states in prose, which Schemathesis cannot know.

Each check names the rule it enforces and the operation description that states it. They
are registered with Schemathesis (so `st run` with the project's config runs them too) and
are plain functions of one response, so the end-to-end flows call the same rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests
import schemathesis

# Trip states, as the document's `TripStatus` description groups them.
TERMINAL = frozenset(
    {"no_drivers_available", "driver_canceled", "rider_canceled", "completed", "failed", "expired"}
)
NO_DRIVER_YET = frozenset({"processing", "scheduled", "no_drivers_available"})
VEHICLE_MOVING_TO_PICKUP = frozenset({"accepted", "arriving"})
FARE_FIELDS = ("client_fare", "currency_code")
TERMINAL_ONLY_FIELDS = (
    "client_fare",
    "client_fare_numeric",
    "client_fare_without_tip",
    "currency_code",
    "can_tip",
    "waypoints",
    "dropoff_time",
)
FORWARDED_HEADERS = ("authorization", "x-uber-organizationuuid", "x-uber-sandbox-runuuid")
TRIP_PATH = "/v1/guests/trips/{request_id}"


def operation_id(case: Any, response: Any = None) -> str:
    """The case's operationId; empty when the request used another method (the
    `unsupported_method` check re-sends cases with methods the operation does not have)."""
    if response is not None and response.request.method.upper() != case.operation.method.upper():
        return ""
    return str(case.operation.definition.raw.get("operationId", ""))


def _json(response: Any) -> Any:
    try:
        return response.json()
    except Exception:
        return None


def _ok(response: Any) -> bool:
    return 200 <= response.status_code < 300


def _body_of(read: requests.Response, what: str) -> Any:
    """The JSON body of a read the check made; a body that is not JSON fails the check."""
    try:
        body = read.json()
    except ValueError:
        raise AssertionError(f"{what} reads back as a body that is not JSON") from None
    if not isinstance(body, Mapping):
        raise AssertionError(f"{what} reads back as {type(body).__name__}, not an object")
    return body


def read_trip(response: Any, request_id: str) -> requests.Response:
    """GET the trip from the server that gave `response`, with the same credentials."""
    sent = urlsplit(response.request.url)
    base_path = sent.path.split("/v1/guests/")[0] if "/v1/guests/" in sent.path else ""
    url = urlunsplit(
        (sent.scheme, sent.netloc, base_path + TRIP_PATH.format(request_id=request_id), "", "")
    )
    headers = {
        name: value
        for name, value in response.request.headers.items()
        if name.lower() in FORWARDED_HEADERS
    }
    return requests.get(url, headers=headers, timeout=15)


# --- the rules, as plain functions ------------------------------------------------------------


def rule_trip_fields_match_status(trip: Mapping[str, Any], *, editable_requested: bool) -> None:
    """`getGuestTrip`: which fields a trip carries depends on its status."""
    status = trip.get("status")
    if status in NO_DRIVER_YET:
        present = [f for f in ("driver", "vehicle") if trip.get(f) is not None]
        assert not present, (
            f"a {status} trip carries {', '.join(present)} (no driver is assigned yet)"
        )
    if "location" in trip and status not in VEHICLE_MOVING_TO_PICKUP:
        raise AssertionError(
            f"a {status} trip carries `location` (only while accepted or arriving)"
        )
    if status not in TERMINAL:
        present = [f for f in TERMINAL_ONLY_FIELDS if f in trip]
        assert not present, (
            f"a {status} trip carries {', '.join(present)} (only on trips in a terminal state)"
        )
    if "editable_fields" in trip and not editable_requested:
        raise AssertionError("`editable_fields` came back without include_editable_fields=true")


def rule_completed_trip_has_fare(trip: Mapping[str, Any]) -> None:
    """A completed trip carries its fare (the document's completed example and field list)."""
    if trip.get("status") != "completed":
        return
    missing = [f for f in FARE_FIELDS if trip.get(f) in (None, "")]
    assert not missing, f"a completed trip lacks {', '.join(missing)}"


def rule_create_status_matches_ride_type(
    body: Mapping[str, Any], created: Mapping[str, Any]
) -> None:
    """`createGuestTrip`: the status after create follows from the ride type."""
    if body.get("deferred_ride_options"):
        expected = {"offered"}
    elif (body.get("scheduling") or {}).get("pickup_time") is not None:
        expected = {"scheduled"}
    else:
        expected = {"processing"}
    assert created.get("status") in expected, (
        f"created with status {created.get('status')!r}; this ride type starts as "
        f"{' or '.join(sorted(expected))}"
    )


def rule_error_status_matches_body(status_code: int, body: Any) -> None:
    """Error envelopes carry the HTTP status as a string (`metadata.statusCode` / `data.statusCode`)."""
    if not isinstance(body, Mapping):
        return
    for holder in ("metadata", "data"):
        details = body.get(holder)
        if isinstance(details, Mapping) and "statusCode" in details:
            assert details["statusCode"] == str(status_code), (
                f"`{holder}.statusCode` is {details['statusCode']!r} on a {status_code} answer"
            )


# --- registered checks --------------------------------------------------------------------------


@schemathesis.check
def created_trip_is_readable(ctx: Any, response: Any, case: Any) -> bool | None:
    """The `request_id` create returns (and its `linked_request_id`) can be read right after,
    and what is read obeys `trip_fields_match_status`."""
    if operation_id(case, response) != "createGuestTrip" or not _ok(response):
        return None
    created = _json(response)
    if not isinstance(created, Mapping):
        return None
    for field in ("request_id", "linked_request_id"):
        request_id = created.get(field)
        if not isinstance(request_id, str):
            continue
        read = read_trip(response, request_id)
        assert read.status_code == 200, (
            f"the trip just created ({field} {request_id}) reads back as {read.status_code}"
        )
        trip = _body_of(read, f"the trip just created ({request_id})")
        assert trip.get("request_id") == request_id, (
            f"GET of {request_id} answered the trip {trip.get('request_id')!r}"
        )
        # The trip read back obeys the status rules too (read outside Schemathesis' checks).
        rule_trip_fields_match_status(trip, editable_requested=False)
    return True


@schemathesis.check
def create_status_matches_ride_type(ctx: Any, response: Any, case: Any) -> bool | None:
    """On-demand rides start `processing`, scheduled ones `scheduled`, flexible ones `offered`."""
    if operation_id(case, response) != "createGuestTrip" or not _ok(response):
        return None
    created = _json(response)
    if isinstance(created, Mapping) and isinstance(case.body, Mapping):
        rule_create_status_matches_ride_type(case.body, created)
    return True


@schemathesis.check
def trip_fields_match_status(ctx: Any, response: Any, case: Any) -> bool | None:
    """Driver, vehicle, location, fares and editable fields appear only in the states that have them."""
    if operation_id(case, response) != "getGuestTrip" or response.status_code != 200:
        return None
    trip = _json(response)
    if isinstance(trip, Mapping):
        requested = str((case.query or {}).get("include_editable_fields", "")).lower() == "true"
        rule_trip_fields_match_status(trip, editable_requested=requested)
    return True


@schemathesis.check
def completed_trip_has_fare(ctx: Any, response: Any, case: Any) -> bool | None:
    """A completed trip carries `client_fare` and `currency_code`."""
    if operation_id(case, response) != "getGuestTrip" or response.status_code != 200:
        return None
    trip = _json(response)
    if isinstance(trip, Mapping):
        rule_completed_trip_has_fare(trip)
    return True


@schemathesis.check
def error_status_matches_body(ctx: Any, response: Any, case: Any) -> bool | None:
    """`metadata.statusCode` / `data.statusCode` repeat the HTTP status, as a string."""
    if response.status_code < 400:
        return None
    rule_error_status_matches_body(response.status_code, _json(response))
    return True


@schemathesis.check
def dispatch_only_flexible_rides(ctx: Any, response: Any, case: Any) -> bool | None:
    """Only an offered flexible ride can be dispatched; after dispatch it is no longer offered."""
    if operation_id(case, response) != "dispatchGuestTrip" or not _ok(response):
        return None
    request_id = (case.path_parameters or {}).get("request_id")
    read = read_trip(response, str(request_id))
    assert read.status_code == 200, (
        f"dispatch of {request_id} succeeded, but the trip reads back as {read.status_code}"
    )
    trip = _body_of(read, f"the dispatched trip ({request_id})")
    assert trip.get("deferred_ride_options"), (
        f"dispatch succeeded on a trip that is not a flexible ride (status {trip.get('status')!r})"
    )
    assert trip.get("status") != "offered", "a dispatched flexible ride is still `offered`"
    return True


_AUTH_CONFIRMED: set[str] = set()


def _requires_auth(case: Any) -> bool:
    operation = case.operation.definition.raw
    security = operation.get("security", case.operation.schema.raw_schema.get("security", []))
    return bool(security) and all(requirement for requirement in security)


@schemathesis.check
def auth_enforced(ctx: Any, response: Any, case: Any) -> bool | None:
    """An operation that declares OAuth 2.0 security refuses requests without a valid token.

    Schemathesis' own `ignored_auth` finds no credentials to remove in `oauth2` schemes (it
    handles apiKey and http ones), so this check does its job here: after a 2xx answer, the
    same request is sent without `Authorization` and with an invalid token; both must get
    401. Once per operation and run, as `ignored_auth` does.
    """
    op_id = operation_id(case, response)
    if not op_id or op_id in _AUTH_CONFIRMED or not _ok(response) or not _requires_auth(case):
        return None
    sent = response.request
    if "authorization" not in {name.lower() for name in sent.headers}:
        return None
    base = {
        k: v
        for k, v in sent.headers.items()
        if k.lower() not in ("authorization", "content-length")
    }
    for label, headers in (
        ("without a token", base),
        ("with an invalid token", {**base, "Authorization": "Bearer invalid-token"}),
    ):
        probe = requests.request(sent.method, sent.url, headers=headers, data=sent.body, timeout=15)
        assert probe.status_code == 401, (
            f"{sent.method} {urlsplit(sent.url).path} {label} answered {probe.status_code}, not 401"
        )
    _AUTH_CONFIRMED.add(op_id)
    return True


CUSTOM_CHECKS = (
    auth_enforced,
    created_trip_is_readable,
    create_status_matches_ride_type,
    trip_fields_match_status,
    completed_trip_has_fare,
    error_status_matches_body,
    dispatch_only_flexible_rides,
)
