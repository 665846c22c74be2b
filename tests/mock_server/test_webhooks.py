"""The sandbox's webhooks: which events trips produce, signed and valid, and how they are
delivered (retries, backoff, order, bounds). On a manual sandbox clock, with the delivery's
clock and sender injected: nothing here waits on the wall clock."""

from __future__ import annotations

import json
import threading
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mock_server.app import Sandbox, create_app, webhook_url_problem
from mock_server.auth import DEV_ORGANIZATION
from mock_server.domain.webhooks import LOCATION_INTERVAL_MS, MAX_LOCATIONS_PER_CATCH_UP
from mock_server.webhook_delivery import DELIVERED, FAILED, PENDING, RetryPolicy, WebhookDelivery
from scripts.spec_tools import load_spec
from uber_guest_rides_webhooks import parse_event, verify_signature
from uber_guest_rides_webhooks.listen import EventSchemas

from .conftest import START_MS, trip_body
from .http_support import Stores, client_for, make_sandbox, token

TRIPS = "/v1/guests/trips"
HOOK = "http://127.0.0.1:9/hooks"
SECRET = "sandbox-client-secret"
SCHEMAS = EventSchemas(load_spec())
URL_PATTERN = load_spec()["components"]["schemas"]["SetSandboxWebhookRequest"]["properties"]["url"][
    "pattern"
]
STATUS_CHANGED = "guests.trips.status_changed"
DRIVER_LOCATION = "guests.trips.driver_location"


class FakeClock:
    """The delivery's monotonic clock, moved by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class FakeSender:
    """Records each request; answers the queued statuses in turn (an exception is raised),
    then 200."""

    def __init__(self, answers: list[int | Exception] | None = None) -> None:
        self.answers = list(answers or [])
        self.sent: list[tuple[str, bytes, dict[str, str]]] = []

    def __call__(self, url: str, body: bytes, headers: dict[str, str], timeout: float) -> int:
        self.sent.append((url, body, headers))
        answer = self.answers.pop(0) if self.answers else 200
        if isinstance(answer, Exception):
            raise answer
        return answer

    def events(self) -> list[dict[str, Any]]:
        return [json.loads(body) for _, body, _ in self.sent]


def delivery(sender: FakeSender, clock: FakeClock | None = None, **options: Any) -> WebhookDelivery:
    return WebhookDelivery(sender=sender, clock=clock or FakeClock(), wall_ms=lambda: 0, **options)


@pytest.fixture
def sender() -> FakeSender:
    return FakeSender()


@pytest.fixture
def sandbox(sender: FakeSender) -> Sandbox:
    return make_sandbox(webhooks=delivery(sender))


@pytest.fixture
def client(sandbox):
    return client_for(sandbox)


@pytest.fixture
def auth(client):
    return token(client)


def subscribe(client, auth, url: str = HOOK) -> None:
    answer = client.put("/__sandbox/webhook", json={"url": url}, headers=auth)
    assert (answer.status_code, answer.json()) == (200, {"url": url})


def new_run(client, auth) -> str:
    answer = client.post(
        "/v1/guests/sandbox/run",
        json={
            "driver_locations": [{}],
            "pickup_location": {"latitude": 40.752558, "longitude": -74.006469},
            "dropoff_location": {"latitude": 40.750568, "longitude": -73.993519},
        },
        headers=auth,
    )
    return str(answer.json()["run_id"])


def drive(client, auth, run_id: str, state: str) -> None:
    answer = client.post(
        "/v1/guests/sandbox/driver-state",
        json={"run_id": run_id, "driver_id": "actor-driver0", "driver_state": state},
        headers=auth,
    )
    assert answer.status_code == 200, answer.text


def create_trip(client, auth, run_id: str | None = None, **headers: str) -> str:
    """A trip in run ``run_id``, or in a new run of its own (create needs a run)."""
    run_id = run_id or new_run(client, {**auth, **headers})
    extra = {"x-uber-sandbox-runuuid": run_id}
    answer = client.post(TRIPS, json=trip_body(), headers={**auth, **extra, **headers})
    assert answer.status_code == 200, answer.text
    return str(answer.json()["request_id"])


def advance(client, auth, seconds: int) -> None:
    answer = client.post("/__sandbox/clock", json={"advance_seconds": seconds}, headers=auth)
    assert answer.status_code == 200


def delivered(sandbox: Sandbox, sender: FakeSender) -> list[dict[str, Any]]:
    sandbox.webhooks.deliver_due()
    return sender.events()


def kinds(events: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(event["event_type"], event["meta"]["status"]) for event in events]


# --- what trips produce ---------------------------------------------------------------


def test_trip_driven_through_its_life_cycle_produces_exactly_the_documented_events(
    sandbox, client, auth, sender
):
    subscribe(client, auth)
    run_id = new_run(client, auth)
    request_id = create_trip(client, auth, run_id)
    for state in ("ACCEPT", "ARRIVED", "BEGIN_TRIP", "DROPOFF"):
        drive(client, auth, run_id, state)
    events = delivered(sandbox, sender)
    assert kinds(events) == [
        (STATUS_CHANGED, "processing"),
        (STATUS_CHANGED, "accepted"),
        (STATUS_CHANGED, "arriving"),
        (STATUS_CHANGED, "in_progress"),
        (STATUS_CHANGED, "completed"),
    ]
    assert {event["meta"]["resource_id"] for event in events} == {request_id}
    assert len({event["event_id"] for event in events}) == len(events)
    assert {event["event_time"] for event in events} == {START_MS // 1000}
    for url, body, headers in sender.sent:
        assert url == HOOK
        assert verify_signature(body, headers["X-Uber-Signature"], SECRET)
        assert SCHEMAS.problems(json.loads(body), {k.lower(): v for k, v in headers.items()}) == []
        assert parse_event(body).event_id == json.loads(body)["event_id"]


def test_driver_positions_come_every_4_seconds_of_sandbox_time(sandbox, client, auth, sender):
    subscribe(client, auth)
    run_id = new_run(client, auth)
    create_trip(client, auth, run_id)
    drive(client, auth, run_id, "ACCEPT")
    advance(client, auth, 10)
    drive(client, auth, run_id, "ARRIVED")
    advance(client, auth, 4)
    drive(client, auth, run_id, "BEGIN_TRIP")
    advance(client, auth, 8)
    drive(client, auth, run_id, "DROPOFF")
    advance(client, auth, 60)
    events = delivered(sandbox, sender)
    accepted_s = START_MS // 1000
    assert [
        (kind, status, event["event_time"] - accepted_s)
        for event, (kind, status) in zip(events, kinds(events), strict=True)
    ] == [
        (STATUS_CHANGED, "processing", 0),
        (STATUS_CHANGED, "accepted", 0),
        (DRIVER_LOCATION, "accepted", 4),
        (DRIVER_LOCATION, "accepted", 8),
        (STATUS_CHANGED, "arriving", 10),
        (DRIVER_LOCATION, "arriving", 12),
        (STATUS_CHANGED, "in_progress", 14),
        (DRIVER_LOCATION, "in_progress", 16),
        (DRIVER_LOCATION, "in_progress", 20),
        (STATUS_CHANGED, "completed", 22),
    ]
    for _, body, headers in sender.sent:
        assert SCHEMAS.problems(json.loads(body), {k.lower(): v for k, v in headers.items()}) == []
    locations = [
        event["data"]["location"] for event in events if event["event_type"] == DRIVER_LOCATION
    ]
    at_pickup = locations[2]
    assert (at_pickup["latitude"], at_pickup["longitude"]) == (40.752558, -74.006469)
    assert locations[3] != locations[4]  # moving towards the destination


def test_timed_transition_is_sent_when_the_clock_moves(sandbox, client, auth, sender):
    subscribe(client, auth)
    run_id = new_run(client, auth)
    create_trip(client, auth, run_id)
    advance(client, auth, 20)  # nobody accepts within the 15 s window
    events = delivered(sandbox, sender)
    assert kinds(events) == [
        (STATUS_CHANGED, "processing"),
        (STATUS_CHANGED, "no_drivers_available"),
    ]
    assert events[1]["event_time"] == START_MS // 1000 + 15


def test_time_passing_without_calls_produces_events_when_published(sandbox, client, auth, sender):
    subscribe(client, auth)
    create_trip(client, auth, new_run(client, auth))
    sandbox.clock.advance(30)  # the clock moved; nobody called the API
    sandbox.publish_all()  # what the server's pump does once a second
    assert kinds(delivered(sandbox, sender))[-1] == (STATUS_CHANGED, "no_drivers_available")


def test_clock_jump_sends_at_most_the_last_minute_of_positions(sandbox, client, auth, sender):
    subscribe(client, auth)
    run_id = new_run(client, auth)
    create_trip(client, auth, run_id)
    for state in ("ACCEPT", "ARRIVED", "BEGIN_TRIP"):
        drive(client, auth, run_id, state)
    advance(client, auth, 3600)
    events = delivered(sandbox, sender)
    positions = [event for event in events if event["event_type"] == DRIVER_LOCATION]
    assert len(positions) == MAX_LOCATIONS_PER_CATCH_UP
    now_s = START_MS // 1000 + 3600
    assert positions[-1]["event_time"] == now_s
    assert (
        positions[0]["event_time"]
        == now_s - (MAX_LOCATIONS_PER_CATCH_UP - 1) * LOCATION_INTERVAL_MS // 1000
    )


def test_self_driving_trip_events_arrive_in_time_order_and_stop_at_completion(sender):
    sandbox = make_sandbox(auto_drive=True, webhooks=delivery(sender))
    client = client_for(sandbox)
    auth = token(client)
    subscribe(client, auth)
    create_trip(client, auth)
    advance(client, auth, 600)
    events = delivered(sandbox, sender)
    statuses = [status for kind, status in kinds(events) if kind == STATUS_CHANGED]
    assert statuses == ["processing", "accepted", "arriving", "in_progress", "completed"]
    times = [event["event_time"] for event in events]
    assert times == sorted(times)
    assert events[-1]["meta"]["status"] == "completed"
    assert all(event["event_type"] == STATUS_CHANGED for event in events[:2])


def test_events_go_only_to_the_application_that_owns_the_trip(sandbox, client, auth, sender):
    partner = token(client, "sandbox-3p-client-id")
    subscribe(client, auth, HOOK)
    subscribe(client, partner, "http://127.0.0.1:9/partner")
    mine = create_trip(client, auth)
    theirs = create_trip(client, partner, **{"x-uber-organizationuuid": DEV_ORGANIZATION})
    delivered(sandbox, sender)
    by_url: dict[str, set[str]] = {}
    for url, body, headers in sender.sent:
        by_url.setdefault(url, set()).add(json.loads(body)["meta"]["resource_id"])
        secret = SECRET if url == HOOK else "sandbox-3p-client-secret"
        assert verify_signature(body, headers["X-Uber-Signature"], secret)
    assert by_url == {HOOK: {mine}, "http://127.0.0.1:9/partner": {theirs}}
    partner_event = next(json.loads(b) for u, b, _ in sender.sent if u != HOOK)
    assert partner_event["meta"]["org_uuid"] == DEV_ORGANIZATION


def test_resource_href_is_readable_with_the_application_token(sandbox, client, auth, sender):
    subscribe(client, auth)
    request_id = create_trip(client, auth)
    (event,) = delivered(sandbox, sender)
    href = httpx.URL(event["resource_href"])
    assert href.path == f"{TRIPS}/{request_id}"
    trip = client.get(href.path, headers=auth)
    assert (trip.status_code, trip.json()["status"]) == (200, event["meta"]["status"])


def test_no_events_without_a_webhook_url(sandbox, client, auth, sender):
    create_trip(client, auth)
    advance(client, auth, 60)
    assert delivered(sandbox, sender) == []
    assert client.get("/__sandbox/webhook", headers=auth).json() == {"url": None}


def test_trips_that_exist_are_followed_from_their_current_state(sandbox, client, auth, sender):
    run_id = new_run(client, auth)
    create_trip(client, auth, run_id)
    drive(client, auth, run_id, "ACCEPT")
    subscribe(client, auth)
    drive(client, auth, run_id, "ARRIVED")
    assert kinds(delivered(sandbox, sender)) == [(STATUS_CHANGED, "arriving")]


def test_new_trips_produce_events_after_earlier_trips_outlived_their_lifetime(
    sandbox, client, auth, sender
):
    """Trips whose lifetime ended leave the store; the feed must still see every new trip
    (on either store, whatever order the store lists trips in)."""
    subscribe(client, auth)
    create_trip(client, auth, new_run(client, auth))
    advance(client, auth, 3 * 24 * 3600)  # past the trip's and the run's lifetimes
    seen = len(delivered(sandbox, sender))
    second = create_trip(client, auth, new_run(client, auth))
    later = delivered(sandbox, sender)[seen:]
    assert [event["meta"]["resource_id"] for event in later] == [second]


def test_removing_the_url_stops_the_events(sandbox, client, auth, sender):
    subscribe(client, auth)
    create_trip(client, auth)
    assert client.delete("/__sandbox/webhook", headers=auth).status_code == 204
    create_trip(client, auth)
    assert delivered(sandbox, sender) == []
    (abandoned,) = sandbox.webhooks.deliveries("sandbox-client-id")
    assert (abandoned.state, abandoned.reason) == (FAILED, "the webhook URL was removed")


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/hooks",
        "https://example.com/hooks",
        "http://[::ffff:8.8.8.8]/",
        "ftp://127.0.0.1/",
    ],
)
def test_webhook_url_off_this_machine_is_refused(client, auth, url):
    answer = client.put("/__sandbox/webhook", json={"url": url}, headers=auth)
    assert answer.status_code == 400
    assert answer.json()["code"] == "validation_failed"


@pytest.mark.parametrize(
    "url", ["http://localhost:3000/x", "http://127.0.0.2/", "https://[::1]:8443/h"]
)
def test_webhook_url_on_this_machine_is_accepted(client, auth, url):
    subscribe(client, auth, url)
    assert client.get("/__sandbox/webhook", headers=auth).json() == {"url": url}


def test_remote_webhook_url_is_set_only_from_the_command_line(sender):
    with pytest.raises(ValueError, match="this machine"):
        create_app(webhook_urls={"sandbox-client-id": "https://hooks.example.com/uber"})
    sandbox = create_app(
        webhook_urls={"sandbox-client-id": "https://hooks.example.com/uber"},
        webhook_allow_remote=True,
        webhooks=delivery(sender),
    )
    assert sandbox.webhooks.url_for("sandbox-client-id") == "https://hooks.example.com/uber"


@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,  # the same URLs every run, whatever seed the run was given
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(url=st.from_regex(URL_PATTERN, fullmatch=True))
def test_every_url_the_document_allows_is_accepted_and_echoed_as_documented(client, auth, url):
    assert webhook_url_problem(url) is None
    answer = client.put("/__sandbox/webhook", json={"url": url}, headers=auth)  # strict
    assert (answer.status_code, answer.json()) == (200, {"url": url})


# --- events on demand -----------------------------------------------------------------


def test_event_on_demand_is_queued_after_the_trips_earlier_events(sandbox, client, auth, sender):
    subscribe(client, auth)
    run_id = new_run(client, auth)
    request_id = create_trip(client, auth, run_id)
    drive(client, auth, run_id, "ACCEPT")
    answer = client.post(
        "/__sandbox/webhook/events",
        json={"request_id": request_id, "event_type": DRIVER_LOCATION},
        headers=auth,
    )
    assert answer.status_code == 202
    queued = answer.json()
    assert (queued["state"], queued["attempts"]) == (PENDING, [])
    events = delivered(sandbox, sender)
    assert kinds(events) == [
        (STATUS_CHANGED, "processing"),
        (STATUS_CHANGED, "accepted"),
        (DRIVER_LOCATION, "accepted"),
    ]
    assert events[-1]["event_id"] == queued["event_id"]
    again = client.post(
        "/__sandbox/webhook/events",
        json={"request_id": request_id, "event_type": STATUS_CHANGED},
        headers=auth,
    ).json()
    assert again["event"]["meta"]["status"] == "accepted"
    assert again["event_id"] not in {event["event_id"] for event in events}


def test_driver_location_on_demand_needs_a_driver(client, auth):
    subscribe(client, auth)
    request_id = create_trip(client, auth, new_run(client, auth))
    answer = client.post(
        "/__sandbox/webhook/events",
        json={"request_id": request_id, "event_type": DRIVER_LOCATION},
        headers=auth,
    )
    assert (answer.status_code, answer.json()["code"]) == (409, "conflict")


def test_event_on_demand_for_an_unknown_trip_is_404(client, auth):
    subscribe(client, auth)
    answer = client.post(
        "/__sandbox/webhook/events",
        json={"request_id": "00000000-0000-4000-8000-000000000000", "event_type": STATUS_CHANGED},
        headers=auth,
    )
    assert answer.status_code == 404


def test_event_on_demand_without_a_url_is_409(client, auth):
    request_id = create_trip(client, auth)
    answer = client.post(
        "/__sandbox/webhook/events",
        json={"request_id": request_id, "event_type": STATUS_CHANGED},
        headers=auth,
    )
    assert (answer.status_code, answer.json()["code"]) == (409, "conflict")


def test_another_applications_trip_cannot_be_triggered(client, auth):
    partner = token(client, "sandbox-3p-client-id")
    subscribe(client, auth)
    theirs = create_trip(client, partner, **{"x-uber-organizationuuid": DEV_ORGANIZATION})
    answer = client.post(
        "/__sandbox/webhook/events",
        json={"request_id": theirs, "event_type": STATUS_CHANGED},
        headers=auth,
    )
    assert answer.status_code == 404


# --- delivery: the attempt log over HTTP ------------------------------------------------


def test_deliveries_list_each_attempt_and_what_the_endpoint_answered():
    sender = FakeSender([503])
    clock = FakeClock()
    sandbox = make_sandbox(webhooks=delivery(sender, clock))
    client = client_for(sandbox)
    auth = token(client)
    subscribe(client, auth)
    request_id = create_trip(client, auth)
    sandbox.webhooks.deliver_due()
    clock.now = 1.0
    sandbox.webhooks.deliver_due()
    answer = client.get(f"/__sandbox/webhook/deliveries?request_id={request_id}", headers=auth)
    assert answer.status_code == 200
    (record,) = answer.json()["deliveries"]
    assert record["state"] == DELIVERED
    assert [(a["attempt"], a["status"]) for a in record["attempts"]] == [(1, 503), (2, 200)]
    assert record["event"]["meta"]["resource_id"] == request_id


def test_deliveries_limit_keeps_the_most_recent(sandbox, client, auth, sender):
    subscribe(client, auth)
    ids = [create_trip(client, auth) for _ in range(3)]
    answer = client.get("/__sandbox/webhook/deliveries?limit=2", headers=auth).json()
    assert [record["request_id"] for record in answer["deliveries"]] == ids[1:]


# --- delivery: retries, backoff, order, bounds ------------------------------------------


def queue(engine: WebhookDelivery, request_id: str, n: int) -> None:
    body = json.dumps({"n": n}).encode()
    engine.enqueue("app", "secret", request_id, f"{request_id}-{n}", STATUS_CHANGED, {"n": n}, body)


def test_failing_receiver_gets_retries_with_exponential_backoff():
    sender = FakeSender([500, 502, ConnectionRefusedError("refused")])
    clock = FakeClock()
    engine = delivery(sender, clock, policy=RetryPolicy(max_attempts=7, backoff_seconds=1.0))
    engine.set_url("app", HOOK)
    queue(engine, "trip", 1)
    attempts_at = []
    for now in [0.0, 0.5, 1.0, 2.9, 3.0, 6.9, 7.0, 20.0]:
        clock.now = now
        if engine.deliver_due():
            attempts_at.append(now)
    assert attempts_at == [0.0, 1.0, 3.0, 7.0]  # waits of 1, 2 and 4 s
    (record,) = engine.deliveries("app")
    assert record.state == DELIVERED
    assert [a.status for a in record.attempts] == [500, 502, None, 200]
    assert "refused" in (record.attempts[2].error or "")


def test_timeout_is_retried_like_a_failure():
    sender = FakeSender([httpx.ReadTimeout("no answer")])
    clock = FakeClock()
    engine = delivery(sender, clock)
    engine.set_url("app", HOOK)
    queue(engine, "trip", 1)
    engine.deliver_due()
    clock.now = 1.0
    engine.deliver_due()
    assert [a.status for a in engine.deliveries("app")[0].attempts] == [None, 200]


def test_delivery_gives_up_after_the_last_attempt_and_the_trip_moves_on():
    sender = FakeSender([500] * 3)
    clock = FakeClock()
    engine = delivery(sender, clock, policy=RetryPolicy(max_attempts=3, backoff_seconds=1.0))
    engine.set_url("app", HOOK)
    queue(engine, "trip", 1)
    queue(engine, "trip", 2)
    for now in [0.0, 1.0, 3.0]:
        clock.now = now
        engine.deliver_due()
    first, second = engine.deliveries("app")
    assert (first.state, len(first.attempts)) == (FAILED, 3)
    assert (second.state, len(second.attempts)) == (DELIVERED, 1)
    assert [json.loads(body)["n"] for _, body, _ in sender.sent] == [1, 1, 1, 2]


def test_a_trips_later_event_waits_for_the_retried_one_while_other_trips_go_on():
    sender = FakeSender([500])
    clock = FakeClock()
    engine = delivery(sender, clock)
    engine.set_url("app", HOOK)
    queue(engine, "slow", 1)
    queue(engine, "slow", 2)
    queue(engine, "other", 1)
    engine.deliver_due()
    assert [json.loads(body)["n"] for _, body, _ in sender.sent] == [1, 1]  # slow#1, other#1
    assert [d.state for d in engine.deliveries("app")] == [PENDING, PENDING, DELIVERED]
    clock.now = 1.0
    engine.deliver_due()
    order = [(d.request_id, json.loads(d.body)["n"]) for d in engine.deliveries("app")]
    sent = [json.loads(body)["n"] for _, body, _ in sender.sent]
    assert sent == [1, 1, 1, 2]
    assert order == [("slow", 1), ("slow", 2), ("other", 1)]
    assert all(d.state == DELIVERED for d in engine.deliveries("app"))


def test_queue_is_bounded_and_an_event_beyond_it_is_recorded_as_failed():
    engine = delivery(FakeSender(), max_queued=2)
    engine.set_url("app", HOOK)
    for n in range(3):
        queue(engine, f"trip-{n}", n)
    states = [(d.state, d.reason) for d in engine.deliveries("app")]
    assert states[:2] == [(PENDING, None), (PENDING, None)]
    assert states[2][0] == FAILED and "queue is full" in (states[2][1] or "")
    assert engine.queued == 2


def test_history_keeps_the_last_deliveries_of_each_application():
    engine = delivery(FakeSender(), history_per_app=2)
    engine.set_url("app", HOOK)
    for n in range(3):
        queue(engine, "trip", n)
    assert [json.loads(d.body)["n"] for d in engine.deliveries("app")] == [1, 2]


def test_each_request_carries_the_signature_and_the_environment():
    sender = FakeSender()
    engine = delivery(sender)
    engine.set_url("app", HOOK)
    queue(engine, "trip", 1)
    engine.deliver_due()
    ((_, body, headers),) = sender.sent
    assert verify_signature(body, headers["X-Uber-Signature"], "secret")
    assert headers["X-Environment"] == "sandbox"
    assert headers["content-type"] == "application/json"


class HangingSender:
    """A receiver at ``HANGING`` that never answers until the test lets it time out; the
    others answer 200 at once and say so on an event."""

    HANGING = "http://127.0.0.1:9/hangs"

    def __init__(self) -> None:
        self.release = threading.Event()
        self.hung = threading.Semaphore(0)
        self.answered = threading.Event()
        self.sent: list[str] = []

    def __call__(self, url: str, body: bytes, headers: dict[str, str], timeout: float) -> int:
        if url == self.HANGING:
            self.hung.release()
            self.release.wait(10)  # bounded: the test releases it
            raise httpx.ReadTimeout("no answer within the timeout")
        self.sent.append(url)
        self.answered.set()
        return 200


def test_a_hanging_receiver_does_not_delay_another_applications_events():
    sender = HangingSender()
    engine = delivery(sender)  # its clock stands still: no retry falls due meanwhile
    engine.set_url("app-a", HangingSender.HANGING)
    engine.set_url("app-b", HOOK)
    # More of A's trips than any fixed pool of sender threads, queued before B's event.
    for n in range(16):
        body = json.dumps({"n": n}).encode()
        engine.enqueue("app-a", "a", f"trip-a{n}", f"a{n}", STATUS_CHANGED, {"n": n}, body)
    engine.enqueue("app-b", "b", "trip-b", "b1", STATUS_CHANGED, {}, b"{}")
    engine.start()
    try:
        assert sender.hung.acquire(timeout=5)  # A's receiver holds a sender thread
        assert sender.answered.wait(5), "B's event waited for A's hanging receiver"
        assert sender.sent == [HOOK]
    finally:
        sender.release.set()
        engine.stop()  # joins the sender threads: every attempt made is recorded
    assert [d.state for d in engine.deliveries("app-b")] == [DELIVERED]
    assert all(d.state == PENDING for d in engine.deliveries("app-a"))  # retried later


def test_moving_the_applications_clock_forward_brings_its_retries_forward():
    sender = FakeSender([500, 500])
    clock = FakeClock()
    engine = delivery(sender, clock, policy=RetryPolicy(max_attempts=7, backoff_seconds=30.0))
    engine.set_url("app", HOOK)
    engine.set_url("other", HOOK)
    queue(engine, "trip", 1)
    engine.enqueue("other", "s", "trip-o", "o1", STATUS_CHANGED, {}, b"{}")
    assert engine.deliver_due() == 2  # app's first attempt fails (500), other's too
    engine.advance("app", 29)
    assert engine.deliver_due() == 0  # 29 of the 30 s have passed on app's clock
    engine.advance("app", 1)
    assert engine.deliver_due() == 1  # app's retry is due; other's still waits 30 s
    assert [len(d.attempts) for d in engine.deliveries("app")] == [2]
    assert [len(d.attempts) for d in engine.deliveries("other")] == [1]
    clock.now = 30.0
    assert engine.deliver_due() == 1  # other's retry, on real time


def test_moving_the_sandbox_clock_brings_the_applications_retries_forward():
    sender = FakeSender([500])
    clock = FakeClock()  # real time stands still
    sandbox = make_sandbox(webhooks=delivery(sender, clock))
    client = client_for(sandbox)
    auth = token(client)
    subscribe(client, auth)
    create_trip(client, auth)
    assert sandbox.webhooks.deliver_due() == 1  # answered 500: retried after 1 s
    advance(client, auth, 1)
    assert sandbox.webhooks.deliver_due() == 1, "the retry waited for real time"
    assert [d.state for d in sandbox.webhooks.deliveries("sandbox-client-id")] == [DELIVERED]


# --- worker processes on one SQLite file -----------------------------------------------


def test_worker_processes_share_the_url_and_one_of_them_delivers(store_kind, tmp_path):
    """``--workers N``: each worker has its own connection to the file, its own delivery
    and its own trip feed (here, two sandboxes on one file)."""
    if store_kind != "sqlite":
        pytest.skip("worker processes share a sandbox only through the SQLite store")
    path = tmp_path / "shared.db"
    first_sender, second_sender = FakeSender(), FakeSender()
    first = make_sandbox(store=Stores.new(path), webhooks=delivery(first_sender))
    second = make_sandbox(store=Stores.new(path), webhooks=delivery(second_sender))
    assert first.sync_webhooks()  # the first to start takes the lease
    one, two = client_for(first), client_for(second)
    auth = token(one)
    subscribe(two, auth)  # registered through the worker that does not deliver
    assert not second.sync_webhooks()
    assert one.get("/__sandbox/webhook", headers=auth).json() == {"url": HOOK}
    first.publish_all()  # the delivering worker's pump picks the URL up
    request_id = create_trip(two, auth)  # served by the other worker
    first.publish_all()
    first.webhooks.deliver_due()
    second.webhooks.deliver_due()
    assert kinds(first_sender.events()) == [(STATUS_CHANGED, "processing")]
    assert first_sender.events()[0]["meta"]["resource_id"] == request_id
    assert second_sender.sent == [], "an event was sent by two workers"
    for client in (one, two):  # the attempt log is in the file: every worker lists it
        records = client.get("/__sandbox/webhook/deliveries", headers=auth).json()["deliveries"]
        listed = [(r["request_id"], r["state"], len(r["attempts"])) for r in records]
        assert listed == [(request_id, DELIVERED, 1)], "a worker lists only its own deliveries"
    on_demand = {"request_id": request_id, "event_type": STATUS_CHANGED}
    refused = two.post("/__sandbox/webhook/events", json=on_demand, headers=auth)
    assert refused.status_code == 409
    assert "Another worker process" in refused.json()["message"]
    assert two.delete("/__sandbox/webhook", headers=auth).status_code == 204
    first.publish_all()
    assert first.webhooks.url_for("sandbox-client-id") is None
    first.release_webhooks()  # it stops: the other takes over at once
    assert second.sync_webhooks()
