"""End-to-end flows through the generated client (`uber_guest_rides_client`), not raw HTTP.

Each flow is a story the document tells in prose: a trip driven to `completed` by the
sandbox driver, a scheduled ride, a flexible ride and every way its dispatch is refused, a
communication session replaced by a second, the Riders API view, and authentication
failures arriving as the typed errors the document declares. Bodies start from the
document's own examples. Steps that need the local sandbox's clock are skipped elsewhere.
"""

from __future__ import annotations

import copy
import datetime as dt
import time
import uuid
from collections.abc import Generator, Iterator
from typing import Any

import httpx
import pytest

from contract_tests import checks, suite
from contract_tests.auth import Tokens, TokenSource
from contract_tests.recorder import RECORDER
from contract_tests.target import Target, from_env

client_package = pytest.importorskip("uber_guest_rides_client")

from uber_guest_rides_client import AuthenticatedClient, Client  # noqa: E402
from uber_guest_rides_client.api.authentication import create_access_token  # noqa: E402
from uber_guest_rides_client.api.local_sandbox import get_sandbox_clock, set_sandbox_clock  # noqa: E402
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
    SetSandboxClockRequest,
    TokenRequest,
    TokenResponse,
)

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
            httpx_args={"auth": RefreshOn401(source), "event_hooks": {"response": [self._count]}},
        )

    def anonymous(self, headers: dict[str, str] | None = None) -> Client:
        return Client(
            base_url=self.target.base_url,
            raise_on_unexpected_status=True,
            headers={**self.tokens.context_headers(), **(headers or {})},
            timeout=httpx.Timeout(30),
            httpx_args={"event_hooks": {"response": [self._count]}},
        )

    def rule(self, name: str, function: Any, *args: Any, **kwargs: Any) -> None:
        """Apply one of contract_tests.checks' rules; a violation is reported under its name."""
        try:
            function(*args, **kwargs)
        except AssertionError as exc:
            self.fail(name, str(exc))

    def fail(self, check: str, message: str) -> None:
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
        raise AssertionError(f"[{check}] {message}")


@pytest.fixture(scope="module")
def target() -> Target:
    return from_env()


@pytest.fixture(scope="module")
def tokens(target: Target) -> Tokens:
    return Tokens(target)


@pytest.fixture
def flow(request: pytest.FixtureRequest, target: Target, tokens: Tokens) -> Iterator[Flow]:
    name = request.node.name.removeprefix("test_")
    current = Flow(name, target, tokens)
    yield current
    failed = getattr(request.node, "rep_call", None)
    outcome = None
    if (
        failed is not None
        and failed.failed
        and not any(f["operation"] == f"flow:{name}" for f in RECORDER.as_dict()["failures"])
    ):
        message = str(failed.longrepr).splitlines()[-1][:300]
        outcome = {"check": f"flow:{name}", "title": message, "message": message, "curl": ""}
    RECORDER.record_flow(name, current.requests, outcome)


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    outcome: Any = yield
    report = outcome.get_result()
    if report.when == "call":
        item.rep_call = report  # type: ignore[attr-defined]


def local_only(target: Target) -> None:
    if not target.local_sandbox:
        pytest.skip("needs the local sandbox's clock")


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
    if flow.target.local_sandbox:
        return expect(get_sandbox_clock.sync(client=client), SandboxClock, "clock").now_ms
    return int(time.time() * 1000)


def advance(client: AuthenticatedClient, seconds: int) -> int:
    body = SetSandboxClockRequest.from_dict({"advance_seconds": seconds})
    return expect(set_sandbox_clock.sync(client=client, body=body), SandboxClock, "clock").now_ms


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
    flow.rule(
        "trip_fields_match_status",
        checks.rule_trip_fields_match_status,
        trip.to_dict(),
        editable_requested=False,
    )
    flow.rule("completed_trip_has_fare", checks.rule_completed_trip_has_fare, trip.to_dict())
    return trip


# --- flows ------------------------------------------------------------------------------------


def test_on_demand_trip_driven_to_completed(flow: Flow) -> None:
    client = flow.client()
    run_body = CreateSandboxRunRequest.from_dict(example("createSandboxRun"))
    run = expect(create_sandbox_run.sync(client=client, body=run_body), SandboxRunCreated, "run")
    run_info = expect(get_sandbox_run.sync(run.run_id, client=client), SandboxRun, "get run")
    assert run_info.driver_ids, "a new run has a driver"
    driver = run_info.driver_ids[0]
    pickup = run_body.pickup_location.to_dict()
    dropoff = run_body.dropoff_location.to_dict()
    body = trip_body(pickup=pickup, dropoff=dropoff)
    created = expect(
        create_guest_trip.sync(client=client, body=body, x_uber_sandbox_runuuid=run.run_id),
        GuestTripCreated,
        "create",
    )
    flow.rule(
        "create_status_matches_ride_type",
        checks.rule_create_status_matches_ride_type,
        body.to_dict(),
        created.to_dict(),
    )
    seen = [read(client, created.request_id, flow).status]
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
        trip = read(client, created.request_id, flow)
        seen.append(trip.status)
        assert trip.status == status, f"after {state} the trip is {trip.status}, expected {status}"
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


def test_scheduled_ride(flow: Flow) -> None:
    client = flow.client()
    pickup_time = now_ms(flow, client) + 3 * 3600 * 1000
    guest = new_guest()
    body = trip_body(guest=guest, scheduling={"pickup_time": pickup_time})
    created = expect(create_guest_trip.sync(client=client, body=body), GuestTripCreated, "create")
    assert created.status == "scheduled"
    trip = read(client, created.request_id, flow)
    assert trip.status == "scheduled" and not trip.driver
    # The same guest cannot hold two scheduled rides at the same time.
    twice = expect(create_guest_trip.sync(client=client, body=body), Error, "second ride")
    assert twice.code == "invalid_pickup_time"
    local_only(flow.target)
    # Dispatched ahead of pickup_time so the driver arrives on time.
    advance(client, 3 * 3600)
    assert read(client, created.request_id, flow).status != "scheduled"


def test_flexible_ride_dispatched_and_each_dispatch_error(flow: Flow) -> None:
    local_only(flow.target)
    client = flow.client()
    messages = {
        name: value["message"]
        for name, value in (
            (n, e["value"])
            for n, e in suite.raw_document()["paths"]["/v1/guests/trips/{request_id}/dispatch"][
                "post"
            ]["responses"]["404"]["content"]["application/json"]["examples"].items()
        )
    }
    today = dt.datetime.fromtimestamp(now_ms(flow, client) / 1000, dt.UTC).date()
    tomorrow = (today + dt.timedelta(days=2)).isoformat()
    body = trip_body(deferred_ride_options={"pickup_day": tomorrow})
    created = expect(create_guest_trip.sync(client=client, body=body), GuestTripCreated, "create")
    assert created.status == "offered"

    def dispatch(request_id: Any) -> Any:
        return dispatch_guest_trip.sync_detailed(
            request_id, client=client, body=DispatchGuestTripRequest.from_dict({})
        )

    def refused(request_id: Any, reason: str) -> None:
        answer = dispatch(request_id)
        error = expect(answer.parsed, Error, f"dispatch refused ({reason})")
        assert answer.status_code == 404 and error.code == "entity_not_found", error
        if reason in messages:
            assert error.message == messages[reason], f"{reason}: {error.message!r}"

    refused(created.request_id, "beforePickupDay")
    advance(client, 2 * 24 * 3600)
    answer = dispatch(created.request_id)
    assert answer.status_code == 200, answer
    trip = read(client, created.request_id, flow)
    assert trip.status not in ("offered", "expired"), trip.status
    refused(created.request_id, "alreadyDispatched")
    on_demand = expect(
        create_guest_trip.sync(client=client, body=trip_body()), GuestTripCreated, "create"
    )
    refused(on_demand.request_id, "notFlexible")
    refused(uuid.uuid4(), "notFound")
    # A flexible ride left alone expires at 6 A.M. the day after its pickup day.
    day = dt.datetime.fromtimestamp(now_ms(flow, client) / 1000, dt.UTC).date().isoformat()
    lapsed = expect(
        create_guest_trip.sync(
            client=client, body=trip_body(deferred_ride_options={"pickup_day": day})
        ),
        GuestTripCreated,
        "create",
    )
    advance(client, 2 * 24 * 3600)
    assert read(client, lapsed.request_id, flow).status == "expired"
    refused(lapsed.request_id, "expired")


def test_communication_session_replaced_by_second(flow: Flow) -> None:
    client = flow.client()
    first = expect(create_guest_trip.sync(client=client, body=trip_body()), GuestTripCreated, "t1")
    second = expect(create_guest_trip.sync(client=client, body=trip_body()), GuestTripCreated, "t2")
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


def test_ride_request_view_v1_2(flow: Flow, tokens: Tokens) -> None:
    if not (flow.target.user_token or flow.target.local_sandbox):
        pytest.skip("needs a user token: set UBER_USER_TOKEN")
    client = flow.client()
    created = expect(create_guest_trip.sync(client=client, body=trip_body()), GuestTripCreated, "c")
    rider = flow.client("riderOAuth")
    view = expect(get_ride_request.sync(created.request_id, client=rider), RideRequest, "v1.2")
    assert view.request_id == created.request_id and view.status == created.status
    assert isinstance(view.shared, bool)
    # The application token (guests.trips only) lacks the request/all_trips scope.
    denied = expect(get_ride_request.sync(created.request_id, client=client), RidersError, "403")
    assert denied.code == "forbidden"


def test_auth_failures_are_typed_errors(flow: Flow, tokens: Tokens) -> None:
    client = flow.client()
    created = expect(create_guest_trip.sync(client=client, body=trip_body()), GuestTripCreated, "c")
    for headers in ({}, {"Authorization": "Bearer not-a-token"}):
        anonymous = flow.anonymous(headers)
        answer = get_guest_trip.sync_detailed(created.request_id, client=anonymous)  # type: ignore[arg-type]
        assert answer.status_code == 401 and isinstance(answer.parsed, Error), answer
        assert answer.parsed.code == "unauthorized"
        body = CommunicationSessionRequest.from_dict({"phone_number": new_guest()["phone_number"]})
        comm = create_trip_communication_session.sync(
            created.request_id,
            client=anonymous,  # type: ignore[arg-type]
            body=body,
        )
        expect(comm, CommunicationError, "communication 401")
        riders = get_ride_request.sync(created.request_id, client=anonymous)  # type: ignore[arg-type]
        expect(riders, RidersError, "riders 401")
    if flow.target.serves_token_endpoint:
        wrong = TokenRequest.from_dict(
            {"client_id": "nobody", "client_secret": "wrong", "grant_type": "client_credentials"}
        )
        refused = create_access_token.sync(client=flow.anonymous(), body=wrong)
        assert isinstance(refused, OAuthError) and refused.error == "invalid_client", refused


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
    created = expect(create_guest_trip.sync(client=client, body=trip_body()), GuestTripCreated, "c")
    assert created.request_id and source.fetches == 1


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
