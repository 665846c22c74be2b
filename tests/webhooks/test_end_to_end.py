"""The sandbox, a receiver and the listener as separate processes on 127.0.0.1.

Nothing sleeps: each test waits on a condition (a request arriving, a line printed), with
a timeout only as a failure bound."""

from __future__ import annotations

import json
import socket
import statistics
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from scripts.spec_tools import load_spec, spec_path
from uber_guest_rides_webhooks import sign, verify_signature
from uber_guest_rides_webhooks.listen import EventSchemas

from .processes import Server, listener_process, sandbox_process
from .receiver import Received, receiver

SECRET = "sandbox-client-secret"
SCHEMAS = EventSchemas(load_spec())
TRIPS = "/v1/guests/trips"
STATUS_CHANGED = "guests.trips.status_changed"
TRIP = {
    "guest": {"first_name": "Jane", "last_name": "Doe", "phone_number": "+14155550000"},
    "pickup": {"latitude": 40.752558, "longitude": -74.006469},
    "dropoff": {"latitude": 40.750568, "longitude": -73.993519},
    "product_id": "b8e5c464-5de2-4539-a35a-986d6e58f186",
}
RUN = {
    "driver_locations": [{}],
    "pickup_location": {"latitude": 40.752558, "longitude": -74.006469},
    "dropoff_location": {"latitude": 40.750568, "longitude": -73.993519},
}


def statuses(received: list[Received]) -> list[str]:
    events = [json.loads(request.body) for request in received]
    return [e["meta"]["status"] for e in events if e["event_type"] == STATUS_CHANGED]


def drive_a_trip(api: httpx.Client, auth: dict[str, str]) -> tuple[str, list[float]]:
    """A trip driven to completion; when each of its 5 status changes was answered."""
    run_id = api.post("/v1/guests/sandbox/run", json=RUN, headers=auth).json()["run_id"]
    created = api.post(TRIPS, json=TRIP, headers={**auth, "x-uber-sandbox-runuuid": run_id})
    assert created.status_code == 200, created.text
    answered = [time.perf_counter()]
    for state in ("ACCEPT", "ARRIVED", "BEGIN_TRIP", "DROPOFF"):
        answer = api.post(
            "/v1/guests/sandbox/driver-state",
            json={"run_id": run_id, "driver_id": "actor-driver0", "driver_state": state},
            headers=auth,
        )
        assert answer.status_code == 200, answer.text
        answered.append(time.perf_counter())
    return str(created.json()["request_id"]), answered


def test_sandbox_sends_a_trips_life_cycle_signed_valid_and_in_order() -> None:
    with (
        receiver() as endpoint,
        sandbox_process("--webhook-url", endpoint.url) as sandbox,
        httpx.Client(base_url=sandbox.base_url) as api,
    ):
        auth = sandbox.token()
        # A first trip's event: the sender is ready (its HTTP client made) before timing.
        warm_up = api.post("/v1/guests/sandbox/run", json=RUN, headers=auth).json()["run_id"]
        first = api.post(
            TRIPS, json=TRIP, headers={**auth, "x-uber-sandbox-runuuid": warm_up}
        ).json()["request_id"]
        endpoint.wait_for(1)
        with endpoint.arrived:
            endpoint.requests.clear()
        request_id, answered = drive_a_trip(api, auth)
        received = endpoint.wait_until(lambda got: "completed" in statuses(got))
    received = [r for r in received if json.loads(r.body)["meta"]["resource_id"] != first]
    arrivals = [r.at for r in received if json.loads(r.body)["event_type"] == STATUS_CHANGED]
    lags = [(arrival - call) * 1000 for arrival, call in zip(arrivals, answered, strict=True)]
    # Negative: the event arrived before the API's answer did (it is queued before answering).
    print(f"\nstatus change answered -> event received: {', '.join(f'{x:.1f}' for x in lags)} ms")
    assert statuses(received) == ["processing", "accepted", "arriving", "in_progress", "completed"]
    times = []
    for request in received:
        event = json.loads(request.body)
        assert verify_signature(request.body, request.headers["x-uber-signature"], SECRET)
        assert SCHEMAS.problems(event, request.headers) == []
        assert event["meta"]["resource_id"] == request_id
        times.append(event["event_time"])
    assert times == sorted(times)
    assert len({json.loads(r.body)["event_id"] for r in received}) == len(received)


def test_failing_receiver_gets_the_same_event_again_until_it_accepts_it() -> None:
    with (
        receiver(statuses=[500, 503]) as endpoint,
        sandbox_process("--webhook-url", endpoint.url, "--webhook-backoff", "0.05") as sandbox,
    ):
        auth = sandbox.token()
        with httpx.Client(base_url=sandbox.base_url) as api:
            run_id = api.post("/v1/guests/sandbox/run", json=RUN, headers=auth).json()["run_id"]
            created = api.post(TRIPS, json=TRIP, headers={**auth, "x-uber-sandbox-runuuid": run_id})
            request_id = created.json()["request_id"]
            endpoint.wait_for(3)
            # Queued behind the first event of the trip, so sent only once that one is done.
            again = api.post(
                "/__sandbox/webhook/events",
                json={"request_id": request_id, "event_type": STATUS_CHANGED},
                headers=auth,
            )
            assert again.status_code == 202
            received = endpoint.wait_for(4)
            log = api.get(
                "/__sandbox/webhook/deliveries", params={"request_id": request_id}, headers=auth
            ).json()["deliveries"]
    assert len({request.body for request in received[:3]}) == 1  # the same event, 3 times
    assert json.loads(received[3].body)["event_id"] == again.json()["event_id"]
    (first,) = [d for d in log if d["event_id"] == json.loads(received[0].body)["event_id"]]
    assert first["state"] == "delivered"
    assert [attempt.get("status") for attempt in first["attempts"]] == [500, 503, 200]
    sent = [attempt["sent_at_ms"] for attempt in first["attempts"]]
    # Each retry waits at least its backoff (0.05 s, then 0.1 s) after the attempt before.
    assert sent[1] - sent[0] >= 50 and sent[2] - sent[1] >= 100


class HangingEndpoint:
    """A port that takes connections and never answers (an endpoint that hangs)."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/hooks"
        self.held: list[socket.socket] = []
        self.taken = threading.Condition()

    def serve(self) -> None:
        while True:
            try:
                connection, _ = self.sock.accept()
            except OSError:
                return  # closed
            with self.taken:
                self.held.append(connection)
                self.taken.notify_all()


@contextmanager
def hanging_endpoint() -> Iterator[HangingEndpoint]:
    endpoint = HangingEndpoint()
    thread = threading.Thread(target=endpoint.serve, daemon=True)
    thread.start()
    try:
        yield endpoint
    finally:
        endpoint.sock.close()
        thread.join(5)
        for connection in endpoint.held:
            connection.close()


def timed_calls(sandbox: Server, rounds: int) -> list[float]:
    """Milliseconds of each API call of `rounds` trips driven to completion."""
    auth = sandbox.token()
    durations: list[float] = []
    with httpx.Client(base_url=sandbox.base_url) as api:

        def call(method: str, path: str, **options: Any) -> httpx.Response:
            started = time.perf_counter()
            answer = api.request(
                method, path, headers={**auth, **options.pop("headers", {})}, **options
            )
            durations.append((time.perf_counter() - started) * 1000)
            assert answer.status_code == 200, answer.text
            return answer

        for _ in range(rounds):
            run_id = call("POST", "/v1/guests/sandbox/run", json=RUN).json()["run_id"]
            request_id = call(
                "POST", TRIPS, json=TRIP, headers={"x-uber-sandbox-runuuid": run_id}
            ).json()["request_id"]
            for state in ("ACCEPT", "ARRIVED", "BEGIN_TRIP", "DROPOFF"):
                call(
                    "POST",
                    "/v1/guests/sandbox/driver-state",
                    json={"run_id": run_id, "driver_id": "actor-driver0", "driver_state": state},
                )
                call("GET", f"{TRIPS}/{request_id}")
    return durations


def summary(durations: list[float]) -> str:
    ordered = sorted(durations)
    p99 = ordered[max(0, int(len(ordered) * 0.99) - 1)]
    return f"p50 {statistics.median(ordered):.1f} ms, p99 {p99:.1f} ms, max {ordered[-1]:.1f} ms"


def test_receiver_that_is_down_does_not_slow_the_api() -> None:
    rounds = 10  # 100 calls, 50 webhook events on 10 trips
    with sandbox_process() as plain:
        baseline = timed_calls(plain, rounds)
    with (
        hanging_endpoint() as endpoint,
        sandbox_process("--webhook-url", endpoint.url, "--webhook-timeout", "2") as sandbox,
    ):
        auth = sandbox.token()
        run = httpx.post(f"{sandbox.base_url}/v1/guests/sandbox/run", json=RUN, headers=auth)
        run_header = {"x-uber-sandbox-runuuid": run.json()["run_id"]}
        httpx.post(f"{sandbox.base_url}{TRIPS}", json=TRIP, headers={**auth, **run_header})
        with endpoint.taken:  # a delivery is hanging before the measured calls begin
            assert endpoint.taken.wait_for(lambda: endpoint.held, timeout=30)
        started = time.perf_counter()
        hanging = timed_calls(sandbox, rounds)
        elapsed = time.perf_counter() - started
        with endpoint.taken:
            held = len(endpoint.held)
    print(f"\nAPI calls without a webhook URL: {summary(baseline)}")
    print(f"API calls while every delivery hangs for 2 s: {summary(hanging)}")
    print(f"{held} deliveries hanging at the end of {elapsed:.2f} s of calls")
    # Deliveries were waiting on the endpoint while the calls ran; a call that waited for
    # one would take its whole 2 s timeout. The bound leaves a loaded machine room.
    assert held >= 2  # the first one, and more during the calls
    assert max(hanging) < 1500, summary(hanging)


def test_listener_registers_verifies_prints_forwards_and_unregisters() -> None:
    with (
        receiver() as endpoint,
        sandbox_process() as sandbox,
        listener_process(
            "--sandbox",
            sandbox.base_url,
            "--spec",
            str(spec_path()),
            "--forward-to",
            endpoint.url,
            "--max-events",
            "3",
        ) as listener,
    ):
        url = listener.until("Listening on").split()[2]
        auth = sandbox.token()
        with httpx.Client(base_url=sandbox.base_url) as api:
            assert api.get("/__sandbox/webhook", headers=auth).json() == {"url": url}
            run_id = api.post("/v1/guests/sandbox/run", json=RUN, headers=auth).json()["run_id"]
            api.post(TRIPS, json=TRIP, headers={**auth, "x-uber-sandbox-runuuid": run_id})
            processing = listener.until("signature")
            api.post("/__sandbox/clock", json={"advance_seconds": 20}, headers=auth)
            no_driver = listener.until("signature")
            body = json.dumps({"event_type": STATUS_CHANGED}).encode()
            forged = httpx.post(url, content=body, headers={"X-Uber-Signature": sign(body, "x")})
            mismatch = listener.until("MISMATCH")
            listener.until("3 event(s) received, 2 accepted")
            assert listener.process.wait(timeout=20) == 0
            assert api.get("/__sandbox/webhook", headers=auth).json() == {"url": None}
        forwarded = endpoint.wait_for(2)
    for line, status in ((processing, "processing"), (no_driver, "no_drivers_available")):
        assert status in line and "signature ok" in line and "document ok" in line
        assert f"-> {endpoint.url} 200" in line
    assert forged.status_code == 400 and "[400]" in mismatch
    assert statuses(forwarded) == ["processing", "no_drivers_available"]
    assert all(verify_signature(r.body, r.headers["x-uber-signature"], SECRET) for r in forwarded)
