"""Checks for rules the document states in prose, which Schemathesis cannot know.

Each check names the rule it enforces and the part of the document that states it. They
are registered with Schemathesis (so `st run` with the project's config runs them too) and
the rules are plain functions of one response, so the end-to-end flows apply the same ones.
Every request a check sends (reading a trip back, probing with another application) is a
case of the document's operation sent through Schemathesis' transport (`run.call`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

import schemathesis

from contract_tests import run as _run
from contract_tests.auth import AuthError

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
NO_DRIVER_YET = frozenset({"processing", "scheduled", "no_drivers_available", "offered"})
VEHICLE_MOVING_TO_PICKUP = frozenset({"accepted", "arriving"})
# The life cycle as an order: a trip's status never moves to an earlier stage. A
# redispatched trip waits for its next driver at the stage of `accepted`.
STAGES: dict[str, int] = {
    "offered": 0,
    "scheduled": 0,
    "processing": 1,
    "accepted": 2,
    "driver_redispatched": 2,
    "arriving": 3,
    "in_progress": 4,
}
ORG_HEADER = "x-uber-organizationuuid"
# How many times per operation the probing checks run (each sends extra requests).
PROBES_PER_OPERATION = 2


# --- what the document says ---------------------------------------------------------------


@functools.cache
def _document() -> dict[str, Any]:
    from contract_tests.suite import raw_document

    return raw_document()


@functools.cache
def terminal_statuses() -> frozenset[str]:
    """Statuses the document's `TripStatus` description marks `(terminal)`."""
    description = _document()["components"]["schemas"]["TripStatus"]["description"]
    return frozenset(re.findall(r"`(\w+)`:[^\n]*\(terminal\)", description))


@functools.cache
def epoch_millis_fields() -> tuple[str, ...]:
    """`GuestTrip` fields whose schema is the document's `EpochMillis`."""
    properties = _document()["components"]["schemas"]["GuestTrip"]["properties"]
    return tuple(
        name
        for name, schema in properties.items()
        if "EpochMillis" in str(schema.get("$ref", "")) + str(schema.get("anyOf", ""))
        or any("EpochMillis" in str(s.get("$ref", "")) for s in schema.get("allOf", []))
    )


def _operation_raw(operation_id: str) -> dict[str, Any] | None:
    for item in _document()["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                return operation
    return None


@functools.cache
def scoped_operations() -> frozenset[str]:
    """Operations on one application's trip, run or session: a `request_id` or `run_id` in
    the path or required in the body, and a documented 404 for what the caller cannot see."""
    scoped = set()
    schemas = _document()["components"]["schemas"]
    for path, item in _document()["paths"].items():
        for operation in item.values():
            if not isinstance(operation, dict) or "404" not in operation.get("responses", {}):
                continue
            body = (operation.get("requestBody") or {}).get("content", {})
            body_schema = next(iter(body.values()), {}).get("schema", {}) if body else {}
            ref = body_schema.get("$ref", "").rsplit("/", 1)[-1]
            required = schemas.get(ref, {}).get("required", []) if ref else []
            if "{request_id}" in path or "{run_id}" in path or "run_id" in required:
                scoped.add(operation["operationId"])
    return frozenset(scoped)


def requires_organization(operation_id: str) -> bool:
    """Operations that declare `x-uber-organizationuuid` (third parties must send it, 403)."""
    operation = _operation_raw(operation_id) or {}
    for parameter in operation.get("parameters", []):
        ref = parameter.get("$ref", "") if isinstance(parameter, dict) else ""
        name = parameter.get("name", "") if isinstance(parameter, dict) else ""
        if ref.endswith("/OrganizationUuid") or name.lower() == ORG_HEADER:
            return True
    return False


@functools.cache
def driver_state_on_creation() -> str | None:
    """The `driver_state` a run's driver is put in when the run is created, by the table in
    `setSandboxDriverState`'s description ("automatic when the run is created"): sending it
    again asks for no move, so it is the one move a probe can send to a run safely."""
    description = (_operation_raw("setSandboxDriverState") or {}).get("description", "")
    found = re.search(r"\|\s*`(\w+)`\s*\|[^|\n]*automatic when the run is created", description)
    return found.group(1) if found else None


# --- helpers ---------------------------------------------------------------------------------


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


def _body_of(read: Any, what: str) -> Mapping[str, Any]:
    """The JSON body of a read the check made; a body that is not JSON fails the check."""
    body = _json(read)
    if body is None:
        raise AssertionError(f"{what} reads back as a body that is not JSON")
    if not isinstance(body, Mapping):
        raise AssertionError(f"{what} reads back as {type(body).__name__}, not an object")
    return body


FORWARDED_HEADERS = ("authorization", "x-uber-organizationuuid")


def read_trip(case: Any, request_id: str, response: Any) -> Any:
    """GET the trip through the document's `getGuestTrip`, with the credentials and
    organization that `response`'s request was sent with."""
    headers = {
        name: value
        for name, value in _sent_headers(response).items()
        if name.lower() in FORWARDED_HEADERS
    }
    return _run.current().call(
        "getGuestTrip",
        schema=case.operation.schema,
        path_parameters={"request_id": request_id},
        headers=headers,
        raw=True,
    )


def _sent_headers(response: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in response.request.headers.items()}


def resend(
    case: Any, response: Any, *, role: str | None, drop: tuple[str, ...] = (), **headers: str
) -> Any:
    """The request of `case` once more, as application `role` (None: without a token),
    with the headers named in `drop` left out and `headers` added."""
    return _send_as(case, _sent_headers(response), role=role, drop=drop, **headers)


def _send_as(
    case: Any,
    sent: Mapping[str, str],
    *,
    role: str | None,
    drop: tuple[str, ...] = (),
    **headers: str,
) -> Any:
    """`case` with the headers `sent` (those of its owner's request), as application `role`."""
    kept = {
        name: value
        for name, value in sent.items()
        if name.lower() not in {"authorization", "content-length", "content-type", *drop}
    }
    kept.update(headers)
    run = _run.current()
    return run.call(
        operation_id(case),
        schema=case.operation.schema,
        role=role,
        path_parameters=case.path_parameters,
        query=case.query,
        headers=kept,
        body=case.body if _has_body(case) else None,
        raw=True,
    )


def _has_body(case: Any) -> bool:
    from schemathesis.core import NOT_SET

    return case.body is not NOT_SET and case.body is not None


# --- the rules, as plain functions ------------------------------------------------------------


def rule_trip_fields_match_status(trip: Mapping[str, Any], *, editable_requested: bool) -> None:
    """`getGuestTrip`: which fields a trip carries depends on its status."""
    status = trip.get("status")
    terminal = terminal_statuses()
    if status in NO_DRIVER_YET:
        present = [f for f in ("driver", "vehicle") if trip.get(f) is not None]
        assert not present, (
            f"a {status} trip carries {', '.join(present)} (no driver is assigned yet)"
        )
    if "location" in trip and status not in VEHICLE_MOVING_TO_PICKUP:
        raise AssertionError(
            f"a {status} trip carries `location` (only while accepted or arriving)"
        )
    if status not in terminal:
        present = [f for f in TERMINAL_ONLY_FIELDS if f in trip]
        assert not present, (
            f"a {status} trip carries {', '.join(present)} (only on trips in a terminal state)"
        )
    if status in terminal:
        assert "rider_tracking_url" not in trip, (
            f"a {status} trip still carries `rider_tracking_url` (only while accepted or in progress)"
        )
    if "editable_fields" in trip and not editable_requested:
        raise AssertionError("`editable_fields` came back without include_editable_fields=true")


def rule_ride_request_fields_match_status(view: Mapping[str, Any]) -> None:
    """`GET /v1.2/requests/{id}`: `RiderDriver` and `RiderVehicle` are "only during an
    ongoing trip"."""
    status = view.get("status")
    if status in terminal_statuses() or status in ("processing", "no_drivers_available"):
        present = [f for f in ("driver", "vehicle") if view.get(f) is not None]
        assert not present, (
            f"the v1.2 view of a {status} ride carries {', '.join(present)} "
            "(only during an ongoing trip)"
        )


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


def rule_status_never_goes_back(seen: list[str], what: str) -> None:
    """The statuses read for one trip, in order: a terminal status stays; no earlier stage."""
    terminal = terminal_statuses()
    for before, after in zip(seen, seen[1:], strict=False):
        if before in terminal:
            assert after == before, f"{what} was {before} (terminal), then read as {after}"
        elif after not in terminal and before in STAGES and after in STAGES:
            assert STAGES[after] >= STAGES[before] or (
                before == "arriving" and after == "driver_redispatched"
            ), f"{what} went back from {before} to {after}"


# Epoch milliseconds of 2001-09-09: a time in seconds (or a plausible year in ms) is below.
EPOCH_MS_FLOOR = 10**12


def rule_times_are_plausible(trip: Mapping[str, Any]) -> None:
    """Times the document types `EpochMillis` are milliseconds, in the order the life cycle
    gives them, and `trip_duration_seconds` is their difference in seconds."""
    times = {}
    for name in epoch_millis_fields():
        value = trip.get(name)
        if isinstance(value, int) and not isinstance(value, bool):
            assert value >= EPOCH_MS_FLOOR, (
                f"`{name}` is {value}: not epoch milliseconds (seconds?)"
            )
            times[name] = value
    request_time, begin, dropoff = (
        times.get("request_time"), times.get("begin_trip_time"), times.get("dropoff_time"),
    )  # fmt: skip
    if request_time and begin:
        assert begin >= request_time, "`begin_trip_time` is before `request_time`"
    if begin and dropoff:
        assert dropoff >= begin, "`dropoff_time` is before `begin_trip_time`"
        duration = trip.get("trip_duration_seconds")
        if isinstance(duration, (int, float)):
            expected = (dropoff - begin) / 1000
            assert abs(duration - expected) <= max(2.0, expected * 0.01), (
                f"`trip_duration_seconds` is {duration}, but the trip lasted {expected:.0f} s"
            )


# --- registered checks --------------------------------------------------------------------------


def _probe_isolation(case: Any, response: Any, op_id: str) -> None:
    """The same request from another application gets the documented 404, and a third-party
    application without its organization header gets 403."""
    _probe_as_others(case, _sent_headers(response), op_id)


def _others_present(run: _run.Run) -> bool:
    if run.has("second") or run.has("third"):
        return True
    run.skip("applications_are_isolated", "needs a second application: set CONTRACT_APPS")
    return False


def _probe_as_others(case: Any, sent: Mapping[str, str], op_id: str) -> None:
    """`case`, whose owner sent it with the headers `sent`, from the other applications:
    the documented 404, or 403 for a third party without its organization header. At most
    PROBES_PER_OPERATION times per operation and run."""
    run = _run.current()
    if op_id not in scoped_operations() and not requires_organization(op_id):
        return
    if not _others_present(run):
        return
    if not run.budget("applications_are_isolated", op_id, PROBES_PER_OPERATION):
        return
    security = str(case.operation.definition.raw.get("security", ""))

    def able(role: str) -> bool:
        """The application holds a scope of the operation's scheme (user tokens: `request`)."""
        app = run.tokens(role).application
        return "riderOAuth" not in security or bool(app.token) or "request" in app.scopes

    probes: list[tuple[str, dict[str, str], tuple[str, ...], int, str]] = []
    if op_id in scoped_operations():
        if run.has("second") and able("second"):
            probes.append(("second", {}, (ORG_HEADER,), 404, "another application"))
        if run.has("third") and able("third"):
            org = run.tokens("third").application.organization or ""
            probes.append(("third", {ORG_HEADER: org}, (ORG_HEADER,), 404, "a third party"))
    if run.has("third") and able("third") and requires_organization(op_id):
        probes.append(
            ("third", {}, (ORG_HEADER,), 403, "a third party without its organization header")
        )
    for role, headers, drop, expected, who in probes:
        try:
            answer = _send_as(case, sent, role=role, drop=drop, **headers)
        except AuthError as exc:
            run.skip("applications_are_isolated", f"{role} application has no token: {exc}")
            continue
        if answer is None:
            return
        path = answer.request.method + " " + answer.request.path_url.split("?")[0]
        assert answer.status_code == expected, (
            f"{path} sent by {who} answered {answer.status_code}, not {expected}"
        )


def _probe_created(case: Any, response: Any, op_id: str) -> None:
    """What a create just made, probed with the other applications whatever the generated
    sequences reach: a new run (read and driver move), a new trip (communication session)."""
    created = _json(response)
    if not isinstance(created, Mapping):
        return
    if op_id == "createSandboxRun" and isinstance(created.get("run_id"), str):
        _probe_created_run(case, response, created["run_id"])
    elif op_id == "createGuestTrip" and isinstance(created.get("request_id"), str):
        _probe_created_trip(case, created["request_id"])


def _probe_created_run(case: Any, response: Any, run_id: str) -> None:
    """The run reads back for its owner (`getSandboxRun`); the other applications can
    neither read it nor move its driver (`setSandboxDriverState`, with the state the driver
    already has on creation, so that a move a server wrongly accepts changes nothing).
    Uber's sandbox asks to wait before reading a new run: a run its owner cannot read yet is
    not probed."""
    run = _run.current()
    if not _others_present(run):
        return
    if not run.budget("applications_are_isolated", "createSandboxRun", PROBES_PER_OPERATION):
        return
    schema = case.operation.schema
    owner = {
        name: value
        for name, value in _sent_headers(response).items()
        if name.lower() in FORWARDED_HEADERS
    }
    read = run.call(
        "getSandboxRun", schema=schema, path_parameters={"run_id": run_id}, headers=owner, raw=True
    )
    if read is None or read.status_code != 200:
        return
    getter = run.operation("getSandboxRun", schema)
    _probe_as_others(getter.Case(path_parameters={"run_id": run_id}), {}, "getSandboxRun")
    drivers = _body_of(read, f"the run just created ({run_id})").get("driver_ids")
    state = driver_state_on_creation()
    mover = run.operation("setSandboxDriverState", schema)
    if not (isinstance(drivers, list) and drivers and state and mover):
        return
    body = {"run_id": run_id, "driver_id": drivers[0], "driver_state": state}
    move = mover.Case(body=body, media_type="application/json")
    _probe_as_others(move, {}, "setSandboxDriverState")


def _probe_created_trip(case: Any, request_id: str) -> None:
    """The other applications cannot open a communication session on the trip (with the
    document's example body)."""
    from contract_tests.suite import request_example

    opener = _run.current().operation("createTripCommunicationSession", case.operation.schema)
    if opener is None:
        return
    session = opener.Case(
        path_parameters={"request_id": request_id},
        body=request_example("createTripCommunicationSession"),
        media_type="application/json",
    )
    _probe_as_others(session, {}, "createTripCommunicationSession")


@schemathesis.check
def applications_are_isolated(ctx: Any, response: Any, case: Any) -> bool | None:
    """A trip, run or session of one application is invisible to another (404), and a
    third-party application must name its organization (403): on the operation's own
    request, and on each run and trip a create makes."""
    op_id = operation_id(case, response)
    if not op_id or not _ok(response):
        return None
    _probe_isolation(case, response, op_id)
    _probe_created(case, response, op_id)
    return True


@schemathesis.check
def created_trip_is_readable(ctx: Any, response: Any, case: Any) -> bool | None:
    """The `request_id` create returns (and its `linked_request_id`) can be read right after,
    and what is read obeys the status rules; another application cannot read it."""
    if operation_id(case, response) != "createGuestTrip" or not _ok(response):
        return None
    created = _json(response)
    if not isinstance(created, Mapping):
        return None
    for field in ("request_id", "linked_request_id"):
        request_id = created.get(field)
        if not isinstance(request_id, str):
            continue
        read = read_trip(case, request_id, response)
        if read is None:
            return None
        assert read.status_code == 200, (
            f"the trip just created ({field} {request_id}) reads back as {read.status_code}"
        )
        trip = _body_of(read, f"the trip just created ({request_id})")
        assert trip.get("request_id") == request_id, (
            f"GET of {request_id} answered the trip {trip.get('request_id')!r}"
        )
        # The trip read back obeys the status rules too (read outside Schemathesis' checks).
        rule_trip_fields_match_status(trip, editable_requested=False)
        rule_times_are_plausible(trip)
        if field == "request_id":
            seen = _run.current().history("guest", request_id, str(created.get("status")))
            seen = _run.current().history("guest", request_id, str(trip.get("status")))
            rule_status_never_goes_back(seen, f"trip {request_id}")
            sent = (case.body or {}).get("scheduling") if isinstance(case.body, Mapping) else None
            if isinstance(sent, Mapping) and sent.get("pickup_time") is not None:
                echoed = (trip.get("scheduling") or {}).get("pickup_time")
                assert echoed == sent["pickup_time"], (
                    f"`scheduling.pickup_time` sent as {sent['pickup_time']}, read as {echoed}"
                )
            getter = _run.current().operation("getGuestTrip", case.operation.schema)
            if getter is not None:
                probe_case = getter.Case(path_parameters={"request_id": request_id})
                _probe_isolation(probe_case, read, "getGuestTrip")
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
def ride_request_fields_match_status(ctx: Any, response: Any, case: Any) -> bool | None:
    """The v1.2 view shows driver and vehicle only during an ongoing trip."""
    if operation_id(case, response) != "getRideRequest" or response.status_code != 200:
        return None
    view = _json(response)
    if isinstance(view, Mapping):
        rule_ride_request_fields_match_status(view)
    return True


@schemathesis.check
def status_never_goes_back(ctx: Any, response: Any, case: Any) -> bool | None:
    """Every read of a trip (guest view and v1.2 view) follows the life cycle's order."""
    op_id = operation_id(case, response)
    if op_id not in ("getGuestTrip", "getRideRequest") or response.status_code != 200:
        return None
    trip = _json(response)
    if not isinstance(trip, Mapping) or not isinstance(trip.get("request_id"), str):
        return None
    view = "guest" if op_id == "getGuestTrip" else "v1.2"
    seen = _run.current().history(view, trip["request_id"], str(trip.get("status")))
    rule_status_never_goes_back(seen, f"trip {trip['request_id']} ({view} view)")
    return True


@schemathesis.check
def times_are_plausible(ctx: Any, response: Any, case: Any) -> bool | None:
    """Trip times are epoch milliseconds in life-cycle order; durations are in seconds."""
    if operation_id(case, response) != "getGuestTrip" or response.status_code != 200:
        return None
    trip = _json(response)
    if isinstance(trip, Mapping):
        rule_times_are_plausible(trip)
    return True


@schemathesis.check
def headers_are_plausible(ctx: Any, response: Any, case: Any) -> bool | None:
    """`Content-Length` is the body's length; `Allow` on a 405 names exactly the methods the
    document defines for the path."""
    length = response.headers.get("content-length")
    if length:
        value = length[0] if isinstance(length, list) else length
        assert str(value).isdigit() and int(value) == len(response.content), (
            f"`Content-Length: {value}` on a body of {len(response.content)} bytes"
        )
    if response.status_code == 405:
        allow = response.headers.get("allow")
        if allow:
            value = allow[0] if isinstance(allow, list) else allow
            named = {m.strip().upper() for m in str(value).split(",") if m.strip()}
            item = _document()["paths"].get(case.operation.path, {})
            defined = {
                m.upper() for m, op in item.items() if isinstance(op, dict) and "responses" in op
            }
            unknown = sorted(named - defined - {"HEAD", "OPTIONS"})
            assert not unknown, (
                f"`Allow: {value}` names {', '.join(unknown)}, which the document does not "
                f"define for {case.operation.path}"
            )
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
    read = read_trip(case, str(request_id), response)
    if read is None:
        return None
    assert read.status_code == 200, (
        f"dispatch of {request_id} succeeded, but the trip reads back as {read.status_code}"
    )
    trip = _body_of(read, f"the dispatched trip ({request_id})")
    assert trip.get("deferred_ride_options"), (
        f"dispatch succeeded on a trip that is not a flexible ride (status {trip.get('status')!r})"
    )
    assert trip.get("status") != "offered", "a dispatched flexible ride is still `offered`"
    return True


def _trip_of_path(case: Any, response: Any, what: str) -> tuple[str, Mapping[str, Any] | None]:
    """The trip the case's path names, read back as the request's sender; it must read
    (200). None when it could not be read back (no token for it)."""
    request_id = str((case.path_parameters or {}).get("request_id"))
    read = read_trip(case, request_id, response)
    if read is None:
        return request_id, None
    assert read.status_code == 200, f"{what} {request_id}, which reads as {read.status_code}"
    return request_id, _body_of(read, f"trip {request_id}")


@schemathesis.check
def communication_needs_live_trip(ctx: Any, response: Any, case: Any) -> bool | None:
    """A communication session is only given for an existing trip of the caller that has not
    completed (the operation's description and its 400/404 answers)."""
    if operation_id(case, response) != "createTripCommunicationSession" or not _ok(response):
        return None
    request_id, trip = _trip_of_path(case, response, "a session was created for trip")
    if trip is None:
        return None
    assert trip.get("status") != "completed", (
        f"a session was created for trip {request_id}, which has completed"
    )
    return True


@schemathesis.check
def canceled_trip_stays_readable(ctx: Any, response: Any, case: Any) -> bool | None:
    """A canceled trip is not deleted: after `cancelGuestTrip` answers 204 the trip reads
    back (200) as `rider_canceled` (the operation's description). Schemathesis' own
    `use_after_free` expects the opposite of a DELETE, so the config turns it off."""
    if operation_id(case, response) != "cancelGuestTrip" or response.status_code != 204:
        return None
    request_id, trip = _trip_of_path(case, response, "a canceled trip stays readable: trip")
    if trip is None:
        return None
    assert trip.get("status") == "rider_canceled", (
        f"trip {request_id} was canceled (204) and then reads as {trip.get('status')!r}, "
        "not `rider_canceled`"
    )
    return True


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
    if not op_id or not _ok(response) or not _requires_auth(case):
        return None
    if "authorization" not in {name.lower() for name in response.request.headers}:
        return None
    if not _run.current().budget("auth_enforced", op_id, 1):
        return None
    path = response.request.path_url.split("?")[0]
    for label, headers in (
        ("without a token", {}),
        ("with an invalid token", {"Authorization": "Bearer invalid-token"}),
    ):
        probe = resend(case, response, role=None, **headers)
        if probe is None:
            return None
        assert probe.status_code == 401, (
            f"{response.request.method} {path} {label} answered {probe.status_code}, not 401"
        )
    return True


@schemathesis.check
def token_endpoint_refuses_wrong_credentials(ctx: Any, response: Any, case: Any) -> bool | None:
    """The token endpoint refuses a wrong secret and an unknown client with 401
    `invalid_client` (its documented 401)."""
    if operation_id(case, response) != "createAccessToken" or response.status_code != 200:
        return None
    body = case.body
    if not isinstance(body, Mapping) or not body.get("client_id"):
        return None
    if not _run.current().budget("token_endpoint_refuses_wrong_credentials", "token", 1):
        return None
    for label, changed in (
        ("a wrong secret", {"client_secret": str(body.get("client_secret", "")) + "-wrong"}),
        ("an unknown client", {"client_id": "unknown-" + str(body["client_id"])}),
    ):
        wrong = case.operation.Case(
            body={**body, **changed}, media_type=case.media_type, headers={}
        )
        with _run.current().probing():
            answer = wrong.call()
        error = _json(answer)
        assert answer.status_code == 401, (
            f"the token endpoint answered {answer.status_code} to {label}, not 401"
        )
        assert isinstance(error, Mapping) and error.get("error") == "invalid_client", (
            f"the token endpoint refused {label} with {error!r}, not `invalid_client`"
        )
    return True


CUSTOM_CHECKS = (
    auth_enforced,
    applications_are_isolated,
    token_endpoint_refuses_wrong_credentials,
    created_trip_is_readable,
    create_status_matches_ride_type,
    trip_fields_match_status,
    ride_request_fields_match_status,
    status_never_goes_back,
    times_are_plausible,
    headers_are_plausible,
    completed_trip_has_fare,
    error_status_matches_body,
    dispatch_only_flexible_rides,
    communication_needs_live_trip,
    canceled_trip_stays_readable,
)
