"""End-to-end flows through the generated client (`uber_guest_rides_client`), not raw HTTP.

Each flow is a story the document tells in prose: a trip driven to `completed` by the
sandbox driver, a scheduled ride, a flexible ride and every way its dispatch is refused, a
communication session replaced by a second, the Riders API view, and authentication
failures arriving as the typed errors the document declares, the fare flow of a product in
surge, and every documented request example accepted. Bodies start from the document's own
examples. Dates come from the server's clock, in the pickup's time zone as the server gives
it. Steps that need the local sandbox's clock or surge control are skipped elsewhere.

The client sends through `DocumentTransport` (contract_tests/client_transport.py): each of its
requests is a Schemathesis case of the document's operation, so rate limits and the HAR
report see the flows like every other request of the suite.
"""

from __future__ import annotations

import copy
import datetime as dt
import email.utils
import uuid
from collections.abc import Generator, Iterator
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from contract_tests import checks, suite, webhooks
from contract_tests.auth import Tokens, TokenSource
from contract_tests.client_transport import DocumentTransport
from contract_tests.recorder import RECORDER
from contract_tests.run import current
from contract_tests.target import Target

client_package = pytest.importorskip("uber_guest_rides_client")

from uber_guest_rides_client import AuthenticatedClient, Client  # noqa: E402
from uber_guest_rides_client.api.authentication import create_access_token  # noqa: E402
from uber_guest_rides_client.api.local_sandbox import (  # noqa: E402
    get_sandbox_clock,
    set_sandbox_clock,
    set_sandbox_product_surge,
)
from uber_guest_rides_client.api.riders_api import get_ride_request  # noqa: E402
from uber_guest_rides_client.api.sandbox import (  # noqa: E402
    create_sandbox_run,
    get_sandbox_run,
    set_sandbox_driver_state,
)
from uber_guest_rides_client.api.trip_communication import (  # noqa: E402
    create_trip_communication_session,
)
from uber_guest_rides_client.api.trips import (  # noqa: E402
    cancel_guest_trip,
    create_guest_trip,
    dispatch_guest_trip,
    get_guest_trip,
)
from uber_guest_rides_client.models import (  # noqa: E402
    CommunicationError,
    CommunicationSession,
    CommunicationSessionRequest,
    CreateGuestTripRequest,
    CreateSandboxRunRequest,
    DispatchGuestTripRequest,
    Error,
    GuestTrip,
    GuestTripCreated,
    OAuthError,
    RideRequest,
    RidersError,
    SandboxClock,
    SandboxDriverStateRequest,
    SandboxRun,
    SandboxRunCreated,
    SetProductSurgeRequest,
    SetSandboxClockRequest,
    TokenRequest,
    TokenResponse,
)
from uber_guest_rides_client.types import UNSET  # noqa: E402

# --- plumbing ---------------------------------------------------------------------------------


class RefreshOn401(httpx.Auth):
    """Bearer auth from a TokenSource; on 401 the token is refreshed and the request sent once more."""

    def __init__(self, source: TokenSource) -> None:
        self.source = source

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        token = self.source.get()
        request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if response.status_code == 401:
            request.headers["Authorization"] = f"Bearer {self.source.refresh(token)}"
            yield request


class Flow:
    """One flow's clients, request count and outcome, recorded for the runner's summary."""

    def __init__(self, name: str, target: Target, tokens: Tokens) -> None:
        self.name = name
        self.target = target
        self.tokens = tokens
        self.requests = 0

    def _count(self, response: httpx.Response) -> None:
        self.requests += 1

    def client(
        self, scheme: str = "guestOAuth", token: TokenSource | None = None
    ) -> AuthenticatedClient:
        source = token or self.tokens.source(scheme)
        return AuthenticatedClient(
            base_url=self.target.base_url,
            token=source.get(),
            raise_on_unexpected_status=True,
            headers=self.tokens.context_headers(),
            timeout=httpx.Timeout(30),
            httpx_args={
                "auth": RefreshOn401(source),
                "event_hooks": {"response": [self._count]},
                "transport": DocumentTransport(self.target.base_url),
            },
        )

    def anonymous(self, headers: dict[str, str] | None = None) -> Client:
        return Client(
            base_url=self.target.base_url,
            raise_on_unexpected_status=True,
            headers={**self.tokens.context_headers(), **(headers or {})},
            timeout=httpx.Timeout(30),
            httpx_args={
                "event_hooks": {"response": [self._count]},
                "transport": DocumentTransport(self.target.base_url),
            },
        )

    def rule(self, name: str, function: Any, *args: Any, **kwargs: Any) -> None:
        """Apply one of contract_tests.checks' rules; a violation is reported under its name."""
        try:
            function(*args, **kwargs)
        except AssertionError as exc:
            self.fail(name, str(exc))

    def history(self, view: str, request_id: str, status: str) -> None:
        """Every status read for a trip follows the life cycle (`status_never_goes_back`)."""
        seen = current().history(view, request_id, status)
        self.rule(
            "status_never_goes_back",
            checks.rule_status_never_goes_back,
            seen,
            f"trip {request_id} ({view} view)",
        )

    def fail(self, check: str, message: str) -> None:
        self.note(check, message)
        raise AssertionError(f"[{check}] {message}")

    def note(self, check: str, message: str) -> None:
        """Record a violation of `check` without ending the flow."""
        RECORDER.record_flow(
            self.name,
            0,
            {
                "check": check,
                "title": message.splitlines()[0][:200],
                "message": message,
                "curl": "",
            },
        )


@pytest.fixture(scope="module", autouse=True)
def webhooks_of_the_flows() -> Iterator[None]:
    """The suite's receiver is each application's webhook URL while the flows run, and only
    then (contract_tests/webhooks.py): the stateful and per-operation tests that follow
    neither pay for deliveries nor move the registrations the checks depend on."""
    hooks = webhooks.session()
    if hooks is not None:
        hooks.register()
    yield
    if hooks is not None:
        RECORDER.note_warnings(hooks.restore())


@pytest.fixture(scope="module")
def target() -> Target:
    return current().target


@pytest.fixture(scope="module")
def tokens(target: Target) -> Tokens:
    return current().tokens()


@pytest.fixture
def flow(request: pytest.FixtureRequest, target: Target, tokens: Tokens) -> Iterator[Flow]:
    name = request.node.name.removeprefix("test_")
    running = Flow(name, target, tokens)
    yield running
    failed = getattr(request.node, "rep_call", None)
    outcome = None
    if (
        failed is not None
        and failed.failed
        and not any(f["operation"] == f"flow:{name}" for f in RECORDER.as_dict()["failures"])
    ):
        crash = getattr(failed.longrepr, "reprcrash", None)
        text = getattr(crash, "message", None) or str(failed.longrepr)
        message = text.strip().splitlines()[0][:300]
        outcome = {"check": f"flow:{name}", "title": message, "message": message, "curl": ""}
    if failed is not None and failed.skipped:
        reason = failed.longrepr[-1] if isinstance(failed.longrepr, tuple) else str(failed.longrepr)
        RECORDER.note_skipped({f"flow:{name}": str(reason).removeprefix("Skipped: ")})
        return
    RECORDER.record_flow(name, running.requests, outcome)


def local_only(target: Target, what: str = "the local sandbox's clock") -> None:
    if not target.local_sandbox:
        pytest.skip(f"needs {what}")


def example(operation_id: str, name: str | None = None, *, response: str | None = None) -> Any:
    """A request (or response) example of the document, by operation and example name."""
    for item in suite.raw_document()["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                if response is None:
                    media = operation["requestBody"]["content"]
                else:
                    media = operation["responses"][response]["content"]
                examples = next(iter(media.values()))["examples"]
                chosen = examples[name] if name else next(iter(examples.values()))
                return copy.deepcopy(chosen["value"])
    raise KeyError(operation_id)


def expect(value: Any, kind: type, what: str) -> Any:
    assert isinstance(value, kind), f"{what}: expected {kind.__name__}, got {value!r}"
    return value


def now_ms(flow: Flow, client: AuthenticatedClient) -> int:
    """The server's clock: the local sandbox's own, else the `Date` of a server's answer
    (never this machine's clock)."""
    if flow.target.local_sandbox:
        return expect(get_sandbox_clock.sync(client=client), SandboxClock, "clock").now_ms
    answer = get_guest_trip.sync_detailed(uuid.uuid4(), client=client)
    date = answer.headers.get("date")
    assert date, "the server's answers carry no Date header to read its clock from"
    return int(email.utils.parsedate_to_datetime(date).timestamp() * 1000)


def advance(client: AuthenticatedClient, seconds: int) -> int:
    body = SetSandboxClockRequest.from_dict({"advance_seconds": seconds})
    moved = expect(set_sandbox_clock.sync(client=client, body=body), SandboxClock, "clock")
    current().clock_changed()
    return moved.now_ms


def move_clock_to(client: AuthenticatedClient, when_ms: int) -> int:
    """Move the local sandbox's clock forward to `when_ms`."""
    body = SetSandboxClockRequest.from_dict({"now_ms": when_ms})
    moved = expect(set_sandbox_clock.sync(client=client, body=body), SandboxClock, "clock")
    current().clock_changed()
    return moved.now_ms


# --- dates: the server's clock in the pickup's time zone -----------------------------------


def local_day(when_ms: int, zone: str) -> dt.date:
    """The calendar day at `when_ms` in the time zone `zone`."""
    return dt.datetime.fromtimestamp(when_ms / 1000, ZoneInfo(zone)).date()


def local_instant(day: dt.date, hour: int, zone: str) -> int:
    """Epoch ms of `hour`:00 on `day` in `zone`."""
    return int(dt.datetime.combine(day, dt.time(hour), ZoneInfo(zone)).timestamp() * 1000)


def flexible_ride_dates(now: int, zone: str) -> tuple[dt.date, int]:
    """A flexible ride's `pickup_day` two local days ahead, and the instant (noon of that
    day, local) when it can be dispatched."""
    pickup_day = local_day(now, zone) + dt.timedelta(days=2)
    return pickup_day, local_instant(pickup_day, 12, zone)


def pickup_timezone(trip: GuestTrip) -> str:
    """The pickup's time zone as the server reports it on a trip."""
    pickup = trip.to_dict().get("pickup") or {}
    zone = pickup.get("timezone")
    assert isinstance(zone, str) and zone, "the trip's pickup carries no `timezone`"
    return zone


# --- sandbox runs: trips are created in a run, at its pickup --------------------------------


def run_for(flow: Flow, client: AuthenticatedClient, body: dict[str, Any]) -> Any:
    """A sandbox run whose pickup is the trip's (Uber's sandbox refuses a pickup far from
    its run): UBER_SANDBOX_RUN_UUID remotely, a new run against the local sandbox."""
    if flow.target.sandbox_run_uuid:
        return uuid.UUID(flow.target.sandbox_run_uuid)
    if not flow.target.local_sandbox:
        return None
    run_body = example("createSandboxRun")
    run_body["pickup_location"] = {k: body["pickup"][k] for k in ("latitude", "longitude")}
    run_body["dropoff_location"] = {k: body["dropoff"][k] for k in ("latitude", "longitude")}
    run = create_sandbox_run.sync(client=client, body=CreateSandboxRunRequest.from_dict(run_body))
    return expect(run, SandboxRunCreated, "sandbox run").run_id


def create(flow: Flow, client: AuthenticatedClient, body: CreateGuestTripRequest) -> Any:
    """Create a trip in a sandbox run at its pickup; the answer as the client parsed it."""
    run_id = run_for(flow, client, body.to_dict())
    kwargs: dict[str, Any] = {}
    if run_id is not None:
        kwargs["x_uber_sandbox_runuuid"] = run_id
    answer = create_guest_trip.sync_detailed(client=client, body=body, **kwargs)
    if isinstance(answer.parsed, GuestTripCreated):
        webhooks.created("primary", answer.parsed.request_id)
    return answer


def created(flow: Flow, client: AuthenticatedClient, body: CreateGuestTripRequest) -> Any:
    answer = create(flow, client, body)
    trip = expect(answer.parsed, GuestTripCreated, f"create ({answer.status_code})")
    flow.history("guest", str(trip.request_id), str(trip.status))
    return trip


def new_guest() -> dict[str, Any]:
    """A guest with a phone number of its own, so flows never share one."""
    number = "+1415" + str(uuid.uuid4().int)[:7]
    return {"first_name": "Jane", "last_name": "Doe", "phone_number": number}


def trip_body(**changes: Any) -> CreateGuestTripRequest:
    body = example("createGuestTrip", "rideOnDemand")
    body["guest"] = new_guest()
    body.update(changes)
    return CreateGuestTripRequest.from_dict(body)


def read(client: AuthenticatedClient, request_id: Any, flow: Flow) -> GuestTrip:
    trip = expect(get_guest_trip.sync(request_id, client=client), GuestTrip, "get trip")
    seen = trip.to_dict()
    flow.rule(
        "trip_fields_match_status",
        checks.rule_trip_fields_match_status,
        seen,
        editable_requested=False,
    )
    flow.rule("completed_trip_has_fare", checks.rule_completed_trip_has_fare, seen)
    flow.rule("times_are_plausible", checks.rule_times_are_plausible, seen)
    flow.history("guest", str(request_id), str(trip.status))
    return trip


def read_v1_2(rider: AuthenticatedClient, request_id: Any, flow: Flow) -> RideRequest:
    view = expect(get_ride_request.sync(request_id, client=rider), RideRequest, "v1.2 view")
    flow.rule(
        "ride_request_fields_match_status",
        checks.rule_ride_request_fields_match_status,
        view.to_dict(),
    )
    flow.history("v1.2", str(request_id), str(view.status))
    return view


# --- flows ------------------------------------------------------------------------------------


def webhook_events_match(flow: Flow, request_id: Any, observed: list[str]) -> None:
    """The trip's webhook events, against the local sandbox (contract_tests/webhooks.py):
    one per status change the flow saw, in order, documented, signed, and only at the URL
    of the application that created the trip."""
    hooks = webhooks.session()
    if hooks is None:
        return
    found = hooks.check_trip(request_id, observed)
    for check, problems in found.items():
        flow.note(check, "\n".join(problems))
    if found:
        raise AssertionError(
            "\n".join(f"[{check}] {problems[0]}" for check, problems in found.items())
        )


def test_on_demand_trip_driven_to_completed(flow: Flow) -> None:
    hooks = webhooks.session()
    if hooks is not None:
        # Registered again, so the trip's events reach the receiver whatever ran before.
        hooks.register()
    client = flow.client()
    run_body = CreateSandboxRunRequest.from_dict(example("createSandboxRun"))
    run = expect(create_sandbox_run.sync(client=client, body=run_body), SandboxRunCreated, "run")
    run_info = expect(get_sandbox_run.sync(run.run_id, client=client), SandboxRun, "get run")
    assert run_info.driver_ids, "a new run has a driver"
    driver = run_info.driver_ids[0]
    pickup = run_body.pickup_location.to_dict()
    dropoff = run_body.dropoff_location.to_dict()
    body = trip_body(pickup=pickup, dropoff=dropoff)
    answer = create_guest_trip.sync_detailed(
        client=client, body=body, x_uber_sandbox_runuuid=run.run_id
    )
    trip_created = expect(answer.parsed, GuestTripCreated, "create")
    webhooks.created("primary", trip_created.request_id)
    flow.rule(
        "create_status_matches_ride_type",
        checks.rule_create_status_matches_ride_type,
        body.to_dict(),
        trip_created.to_dict(),
    )
    request_id = trip_created.request_id
    seen = [read(client, request_id, flow).status]
    for state, status in (
        ("ACCEPT", "accepted"),
        ("ARRIVED", "arriving"),
        ("BEGIN_TRIP", "in_progress"),
        ("DROPOFF", "completed"),
    ):
        move = SandboxDriverStateRequest.from_dict(
            {"run_id": str(run.run_id), "driver_id": driver, "driver_state": state}
        )
        changed = set_sandbox_driver_state.sync(client=client, body=move)
        assert not isinstance(changed, Error), f"{state}: {changed}"
        trip = read(client, request_id, flow)
        seen.append(trip.status)
        assert trip.status == status, f"after {state} the trip is {trip.status}, expected {status}"
        # Read again: a status, once seen, is never followed by an earlier one.
        read(client, request_id, flow)
        if status in ("accepted", "arriving", "in_progress"):
            assert trip.driver and trip.vehicle, f"an {status} trip shows its driver and vehicle"
    assert [str(s) for s in seen] == [
        "processing",
        "accepted",
        "arriving",
        "in_progress",
        "completed",
    ]
    # A state out of order is refused with the documented 400.
    again = SandboxDriverStateRequest.from_dict(
        {"run_id": str(run.run_id), "driver_id": driver, "driver_state": "ARRIVED"}
    )
    refused = expect(
        set_sandbox_driver_state.sync(client=client, body=again), Error, "out of order"
    )
    assert refused.code == "validation_failed"
    # An ended trip stays ended, on every later read, in both views.
    read(client, request_id, flow)
    if flow.target.user_token or flow.target.local_sandbox:
        rider = flow.client("riderOAuth")
        read_v1_2(rider, request_id, flow)
        read_v1_2(rider, request_id, flow)
    read(client, request_id, flow)
    # No communication session for a completed trip, nor for a trip that does not exist.
    number = CommunicationSessionRequest.from_dict({"phone_number": new_guest()["phone_number"]})
    ended = create_trip_communication_session.sync_detailed(request_id, client=client, body=number)
    if ended.status_code != 400:
        flow.fail(
            "communication_needs_live_trip",
            f"a session for a completed trip answered {ended.status_code}, not 400",
        )
    missing = create_trip_communication_session.sync_detailed(
        uuid.uuid4(), client=client, body=number
    )
    if missing.status_code != 404:
        flow.fail(
            "communication_needs_live_trip",
            f"a session for a trip that does not exist answered {missing.status_code}, not 404",
        )
    webhook_events_match(flow, request_id, [str(trip_created.status), *map(str, seen)])


def test_scheduled_ride(flow: Flow) -> None:
    client = flow.client()
    pickup_time = now_ms(flow, client) + 3 * 3600 * 1000
    guest = new_guest()
    body = trip_body(guest=guest, scheduling={"pickup_time": pickup_time})
    trip_created = created(flow, client, body)
    assert trip_created.status == "scheduled"
    trip = read(client, trip_created.request_id, flow)
    assert trip.status == "scheduled" and not trip.driver
    scheduled = trip.to_dict().get("scheduling") or {}
    if scheduled.get("pickup_time") != pickup_time:
        flow.fail(
            "times_are_plausible",
            f"`scheduling.pickup_time` sent as {pickup_time}, read as {scheduled.get('pickup_time')}",
        )
    # The same guest cannot hold two scheduled rides at the same time.
    twice = expect(create(flow, client, body).parsed, Error, "second ride")
    assert twice.code == "invalid_pickup_time"
    local_only(flow.target)
    # Dispatched ahead of pickup_time so the driver arrives on time.
    advance(client, 3 * 3600)
    assert read(client, trip_created.request_id, flow).status != "scheduled"


def dispatch_messages() -> dict[str, str]:
    """The documented 404 messages of dispatch, by example name."""
    path = suite.raw_document()["paths"]["/v1/guests/trips/{request_id}/dispatch"]["post"]
    examples = path["responses"]["404"]["content"]["application/json"]["examples"]
    return {name: example["value"]["message"] for name, example in examples.items()}


def flexible_ride_round(flow: Flow, client: AuthenticatedClient, zone: str) -> Any:
    """Create a flexible ride two local days ahead, see dispatch refused before its day and
    accepted on it. Returns the dispatched ride's id."""
    messages = dispatch_messages()
    pickup_day, dispatch_at = flexible_ride_dates(now_ms(flow, client), zone)
    body = trip_body(deferred_ride_options={"pickup_day": pickup_day.isoformat()})
    ride = created(flow, client, body)
    assert ride.status == "offered", ride.status
    refuse_dispatch(client, ride.request_id, "beforePickupDay", messages)
    move_clock_to(client, dispatch_at)
    answer = dispatch(client, ride.request_id)
    assert answer.status_code == 200, (
        f"dispatch on the pickup day {pickup_day} ({zone}) answered {answer.status_code}: "
        f"{answer.content[:300]!r}"
    )
    return ride.request_id


def dispatch(client: AuthenticatedClient, request_id: Any) -> Any:
    return dispatch_guest_trip.sync_detailed(
        request_id, client=client, body=DispatchGuestTripRequest.from_dict({})
    )


def refuse_dispatch(
    client: AuthenticatedClient, request_id: Any, reason: str, messages: dict[str, str]
) -> None:
    answer = dispatch(client, request_id)
    error = expect(answer.parsed, Error, f"dispatch refused ({reason})")
    assert answer.status_code == 404 and error.code == "entity_not_found", error
    if reason in messages:
        assert error.message == messages[reason], f"{reason}: {error.message!r}"


def pickup_zone(flow: Flow, client: AuthenticatedClient) -> tuple[str, Any]:
    """The time zone of the example pickup, as the server reports it on an on-demand trip
    created there (that trip also serves as a ride that is not flexible)."""
    on_demand = created(flow, client, trip_body())
    return pickup_timezone(read(client, on_demand.request_id, flow)), on_demand.request_id


def test_flexible_ride_dispatched_and_each_dispatch_error(flow: Flow) -> None:
    local_only(flow.target)
    client = flow.client()
    messages = dispatch_messages()
    zone, _ = pickup_zone(flow, client)
    request_id = flexible_ride_round(flow, client, zone)
    trip = read(client, request_id, flow)
    assert trip.status not in ("offered", "expired"), trip.status
    refuse_dispatch(client, request_id, "alreadyDispatched", messages)
    # A trip of its own after the clock moved (stored trips have a lifetime on that clock).
    on_demand = created(flow, client, trip_body()).request_id
    refuse_dispatch(client, on_demand, "notFlexible", messages)
    refuse_dispatch(client, uuid.uuid4(), "notFound", messages)
    # A flexible ride left alone expires once its pickup day is over (local time).
    day = local_day(now_ms(flow, client), zone)
    lapsed = created(flow, client, trip_body(deferred_ride_options={"pickup_day": day.isoformat()}))
    move_clock_to(client, local_instant(day + dt.timedelta(days=2), 12, zone))
    assert read(client, lapsed.request_id, flow).status == "expired"
    refuse_dispatch(client, lapsed.request_id, "expired", messages)


def test_flexible_ride_dates_hold_at_every_hour_of_the_day(flow: Flow) -> None:
    """The date logic of the flexible-ride flow, with the sandbox's clock at each of the 24
    UTC hours of a day: the pickup's local date, not the UTC one, decides."""
    local_only(flow.target)
    client = flow.client()
    zone, _ = pickup_zone(flow, client)
    start = now_ms(flow, client)
    base = dt.datetime.fromtimestamp(start / 1000, dt.UTC).replace(
        hour=0, minute=30, second=0, microsecond=0
    ) + dt.timedelta(days=1)
    for hour in range(24):
        # Forward only: each round starts on a later day than the last one ended.
        at = base + dt.timedelta(days=3 * hour, hours=hour)
        move_clock_to(client, int(at.timestamp() * 1000))
        flexible_ride_round(flow, client, zone)


def test_fare_flow_surge_to_booking(flow: Flow) -> None:
    """A product in surge: create answers 409 `surge` with a `fare_id`; the same request with
    that `fare_id` books at the surge; the used fare, and a fare past its time, are refused
    with 409 `fare_expired` and a fresh `fare_id`."""
    local_only(flow.target, "the local sandbox's surge control")
    client = flow.client()
    body = trip_body().to_dict()
    product = body["product_id"]
    ttl = 60
    surge = SetProductSurgeRequest.from_dict({"multiplier": 2.0, "fare_ttl_seconds": ttl})
    set_sandbox_product_surge.sync(product, client=client, body=surge)
    current().surged.add(str(product))
    try:
        clock = now_ms(flow, client)
        fare = fare_of(flow, create_raw(flow, client, body), "surge", clock, ttl)
        booked = create_raw(flow, client, {**body, "fare_id": fare})
        if booked.status_code != 200:
            flow.fail(
                "fare_accepted_once",
                f"the request sent again with its fare_id answered {booked.status_code}",
            )
        trip = GuestTripCreated.from_dict(booked.json())
        assert trip.surge_multiplier == 2.0, f"booked at {trip.surge_multiplier}, quoted 2.0"
        used = create_raw(flow, client, {**body, "fare_id": fare})
        if used.status_code == 200:
            flow.fail("fare_accepted_once", "a fare_id already used booked a second trip")
        fresh = fare_of(flow, used, "fare_expired", clock, ttl)
        advance(client, ttl + 1)
        stale = create_raw(flow, client, {**body, "fare_id": fresh})
        if stale.status_code == 200:
            flow.fail("fare_accepted_once", f"a fare_id {ttl + 1} s past its time booked a trip")
        fare_of(flow, stale, "fare_expired", now_ms(flow, client), ttl)
    finally:
        ended = SetProductSurgeRequest.from_dict({"multiplier": 1})
        set_sandbox_product_surge.sync(product, client=client, body=ended)
        current().surged.discard(str(product))


def create_raw(flow: Flow, client: AuthenticatedClient, body: dict[str, Any]) -> httpx.Response:
    """Create through the generated client's request, the answer left unparsed (a fare
    answer the client cannot parse is this flow's finding, not an error)."""
    run_id = run_for(flow, client, body)
    kwargs = create_guest_trip._get_kwargs(
        body=CreateGuestTripRequest.from_dict(body),
        x_uber_sandbox_runuuid=run_id if run_id is not None else UNSET,
    )
    return client.get_httpx_client().request(**kwargs)


def fare_of(flow: Flow, answer: httpx.Response, code: str, clock_ms: int, ttl: int) -> str:
    """The `fare_id` of a 409 fare answer with the given code; its `expires_at` (epoch
    seconds) must lie within the fare's time to live of the server's clock."""
    if answer.status_code != 409:
        flow.fail(
            "surge_answer_carries_fare",
            f"expected 409 `{code}`, got {answer.status_code}: {answer.content[:200]!r}",
        )
    try:
        error = answer.json()
    except ValueError:
        error = None
    if not isinstance(error, dict):
        flow.fail(
            "surge_answer_carries_fare", f"a 409 without a JSON body: {answer.content[:200]!r}"
        )
    assert error.get("code") == code, f"409 `{error.get('code')}`, expected `{code}`"
    metadata = error.get("metadata") or {}
    fare = metadata.get("fare_id")
    if not fare:
        flow.fail("surge_answer_carries_fare", f"a 409 `{code}` without `metadata.fare_id`")
    expires = metadata.get("expires_at")
    if isinstance(expires, int):
        now_s = clock_ms // 1000
        if not now_s - 5 <= expires <= now_s + ttl + 5:
            flow.fail(
                "times_are_plausible",
                f"`expires_at` is {expires}; the server's clock reads {now_s} s and fares "
                f"live {ttl} s (epoch seconds expected)",
            )
    return str(fare)


def test_every_documented_request_example_is_accepted(flow: Flow) -> None:
    """Each request example the document gives for create books a trip (dates and the guest
    made fresh, the run at the example's pickup)."""
    client = flow.client()
    examples = suite.request_examples("createGuestTrip")
    assert examples, "the document gives create examples"
    clock = now_ms(flow, client)
    for name, body in examples.items():
        body["guest"] = {**body.get("guest", {}), "phone_number": new_guest()["phone_number"]}
        if (body.get("scheduling") or {}).get("pickup_time") is not None:
            body["scheduling"]["pickup_time"] = clock + 6 * 3600 * 1000
        answer = create(flow, client, CreateGuestTripRequest.from_dict(body))
        if answer.status_code != 200:
            flow.fail(
                "documented_examples_accepted",
                f"the document's create example `{name}` answered {answer.status_code}: "
                f"{answer.content[:300]!r}",
            )


def test_communication_session_replaced_by_second(flow: Flow) -> None:
    client = flow.client()
    first = created(flow, client, trip_body())
    second = created(flow, client, trip_body())
    number_a, number_b = new_guest()["phone_number"], new_guest()["phone_number"]

    def session(request_id: Any, number: str) -> Any:
        body = CommunicationSessionRequest.from_dict({"phone_number": number})
        return create_trip_communication_session.sync(request_id, client=client, body=body)

    proxy = expect(session(first.request_id, number_a), CommunicationSession, "session A")
    # While A takes part in the first trip's session, it cannot join another.
    busy = expect(session(second.request_id, number_a), CommunicationError, "A elsewhere")
    assert busy.err_code == "bad_request"
    # A second session on the first trip replaces the first: A is free again.
    replaced = expect(session(first.request_id, number_b), CommunicationSession, "session B")
    assert replaced.phone_number == proxy.phone_number, "the trip keeps its proxy number"
    expect(session(second.request_id, number_a), CommunicationSession, "A freed")


def test_canceled_trip_stays_readable(flow: Flow) -> None:
    """Cancel is a DELETE that does not delete: the trip reads back as `rider_canceled`,
    and a second cancel finds nothing left to cancel (404)."""
    client = flow.client()
    trip = created(flow, client, trip_body())
    answer = cancel_guest_trip.sync_detailed(trip.request_id, client=client)
    assert answer.status_code == 204, f"cancel of a processing trip answered {answer.status_code}"
    again = get_guest_trip.sync_detailed(trip.request_id, client=client)
    if again.status_code != 200 or not isinstance(again.parsed, GuestTrip):
        flow.fail(
            "canceled_trip_stays_readable",
            f"the canceled trip {trip.request_id} reads as {again.status_code}, not 200",
        )
        return
    if again.parsed.status != "rider_canceled":
        flow.fail(
            "canceled_trip_stays_readable",
            f"the canceled trip {trip.request_id} reads as {again.parsed.status!r}",
        )
    read(client, trip.request_id, flow)
    twice = cancel_guest_trip.sync_detailed(trip.request_id, client=client)
    assert twice.status_code == 404, (
        f"a second cancel of {trip.request_id} answered {twice.status_code}, not 404"
    )


def test_ride_request_view_v1_2(flow: Flow, tokens: Tokens) -> None:
    if not (flow.target.user_token or flow.target.local_sandbox):
        pytest.skip("needs a user token: set UBER_USER_TOKEN")
    client = flow.client()
    trip = created(flow, client, trip_body())
    rider = flow.client("riderOAuth")
    view = read_v1_2(rider, trip.request_id, flow)
    assert view.request_id == trip.request_id and view.status == trip.status
    assert isinstance(view.shared, bool)
    # The application token (guests.trips only) lacks the request/all_trips scope.
    denied = expect(get_ride_request.sync(trip.request_id, client=client), RidersError, "403")
    assert denied.code == "forbidden"


def test_auth_failures_are_typed_errors(flow: Flow, tokens: Tokens) -> None:
    client = flow.client()
    trip = created(flow, client, trip_body())
    for headers in ({}, {"Authorization": "Bearer not-a-token"}):
        anonymous = flow.anonymous(headers)
        answer = get_guest_trip.sync_detailed(trip.request_id, client=anonymous)  # type: ignore[arg-type]
        assert answer.status_code == 401 and isinstance(answer.parsed, Error), answer
        assert answer.parsed.code == "unauthorized"
        body = CommunicationSessionRequest.from_dict({"phone_number": new_guest()["phone_number"]})
        comm = create_trip_communication_session.sync(
            trip.request_id,
            client=anonymous,  # type: ignore[arg-type]
            body=body,
        )
        expect(comm, CommunicationError, "communication 401")
        riders = get_ride_request.sync(trip.request_id, client=anonymous)  # type: ignore[arg-type]
        expect(riders, RidersError, "riders 401")
    if flow.target.serves_token_endpoint:
        for client_id, secret in (
            ("nobody", "wrong"),
            (flow.target.client_id or "nobody", (flow.target.client_secret or "") + "-wrong"),
        ):
            wrong = TokenRequest.from_dict(
                {
                    "client_id": client_id,
                    "client_secret": secret,
                    "grant_type": "client_credentials",
                }
            )
            refused = create_access_token.sync_detailed(client=flow.anonymous(), body=wrong)
            if refused.status_code != 401 or not (
                isinstance(refused.parsed, OAuthError) and refused.parsed.error == "invalid_client"
            ):
                flow.fail(
                    "token_endpoint_refuses_wrong_credentials",
                    f"wrong client credentials answered {refused.status_code}, "
                    "not 401 `invalid_client`",
                )


def test_stale_token_is_refreshed_on_401(flow: Flow, target: Target) -> None:
    if not (target.client_id and target.client_secret):
        pytest.skip("needs client credentials to fetch a new token")
    source = TokenSource(
        fixed=None,
        token_url=target.token_url,
        client_id=target.client_id,
        client_secret=target.client_secret,
        scope="guests.trips",
    )
    source._token = "expired-" + uuid.uuid4().hex  # what a token looks like once revoked
    client = flow.client(token=source)
    trip = created(flow, client, trip_body())
    assert trip.request_id and source.fetches == 1


def test_token_endpoint_issues_a_token(flow: Flow, target: Target) -> None:
    if not (target.serves_token_endpoint and target.client_id and target.client_secret):
        pytest.skip("the token endpoint is not on the server under test")
    body = TokenRequest.from_dict(
        {
            "client_id": target.client_id,
            "client_secret": target.client_secret,
            "grant_type": "client_credentials",
            "scope": "guests.trips",
        }
    )
    issued = create_access_token.sync(client=flow.anonymous(), body=body)
    assert isinstance(issued, TokenResponse), issued
    assert issued.token_type == "Bearer" and issued.expires_in > 0
    assert "guests.trips" in issued.scope.split()
