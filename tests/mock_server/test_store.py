"""The stores: lifetimes on the sandbox clock (both stores), and what only the durable one
does: surviving a restart and serving several worker processes."""

from __future__ import annotations

import concurrent.futures
import os
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from mock_server import wait
from mock_server.__main__ import main as mock_server_main
from mock_server.app import Sandbox, Settings
from mock_server.auth import DEV_APPLICATIONS, MAX_TOKENS_PER_APP, TOKEN_LIFETIME_SECONDS, Auth
from mock_server.clock import AppClocks, ManualClock
from mock_server.domain import lifetimes
from mock_server.domain.errors import FareConflict, NotFound
from mock_server.domain.runs import RUN_LIFETIME_SECONDS
from mock_server.domain.service import Caller, GuestRides
from mock_server.sqlite_store import SQLiteStore, StoreFormatError
from mock_server.store import Store

from . import http_support as http
from .conftest import ON_DEMAND, START_MS, UBERX, trip_body

REPO_ROOT = Path(__file__).resolve().parents[2]
DAY_S = 24 * 60 * 60
ME = Caller("app-one")
PHONE = "+14155550123"
RUN_BODY = {
    "driver_locations": [{}],
    "pickup_location": {"latitude": 40.752558, "longitude": -74.006469},
    "dropoff_location": {"latitude": 40.750568, "longitude": -73.993519},
}


@pytest.fixture(params=http.STORE_KINDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store | SQLiteStore]:
    opened = Store() if request.param == "memory" else SQLiteStore(tmp_path / "state.db")
    yield opened
    opened.close()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START_MS)


@pytest.fixture
def rides(store: Store | SQLiteStore, clock: ManualClock) -> GuestRides:
    return GuestRides(store, clock)


def touch(rides: GuestRides) -> None:
    """A use case of ME's tenant that changes nothing (it lets the store evict)."""
    assert not rides.can_connect(ME, "00000000-0000-4000-8000-000000000000", PHONE)


# ------------------------------------------------------------------------ lifetimes


def test_a_trip_is_forgotten_a_day_after_its_last_change_with_its_session(rides, store, clock):
    trip = rides.create_trip(ME, trip_body())
    rides.open_session(ME, trip.request_id, PHONE)
    clock.advance(20)  # nobody accepts: no_drivers_available 15 s after the request
    assert rides.get_trip(ME, trip.request_id).status == "no_drivers_available"
    ended = START_MS + 15_000
    clock.set(ended + lifetimes.TRIP_RETENTION_SECONDS * 1000 - 1)
    assert rides.get_trip(ME, trip.request_id).request_id == trip.request_id
    clock.advance(0.001)
    with pytest.raises(NotFound):
        rides.get_trip(ME, trip.request_id)
    held = store.counts()
    assert (held["trips"], held["sessions"], held["session_by_participant"]) == (0, 0, 0)
    assert store.owner_of(trip.request_id) is None


def test_a_forgotten_trip_no_longer_holds_its_participants_number(rides, store, clock):
    first = rides.create_trip(ME, trip_body())
    rides.open_session(ME, first.request_id, PHONE)
    clock.advance(lifetimes.TRIP_RETENTION_SECONDS + 60)
    second = rides.create_trip(ME, trip_body())
    assert rides.open_session(ME, second.request_id, PHONE).participant == PHONE
    assert store.counts()["sessions"] == 1


def test_a_ride_booked_ahead_is_kept_until_a_day_after_its_pickup_time(rides, store, clock):
    pickup_time = START_MS + 3 * DAY_S * 1000
    trip = rides.create_trip(ME, trip_body(scheduling={"pickup_time": pickup_time}))
    clock.set(pickup_time + lifetimes.TRIP_RETENTION_SECONDS * 1000 - 1)
    assert rides.get_trip(ME, trip.request_id).status == "no_drivers_available"
    clock.advance(1)
    with pytest.raises(NotFound):
        rides.get_trip(ME, trip.request_id)
    assert store.counts()["trips"] == 0 and store.counts()["scheduled"] == 0


def test_a_run_and_its_list_of_trips_are_forgotten_after_eight_hours(rides, store, clock):
    run = rides.create_run(ME, RUN_BODY)
    rides.create_trip(ME, trip_body(), run.run_id)
    clock.advance(RUN_LIFETIME_SECONDS - 0.001)
    assert rides.get_run(ME, run.run_id).run_id == run.run_id
    clock.advance(0.001)
    with pytest.raises(NotFound):
        rides.get_run(ME, run.run_id)
    assert (store.counts()["runs"], store.counts()["run_trips"]) == (0, 0)
    assert store.counts()["trips"] == 1  # trips outlive their run


def test_an_unused_fare_is_forgotten_when_it_expires(rides, store, clock):
    rides.set_surge(ME, UBERX, 1.5, 120)
    with pytest.raises(FareConflict):
        rides.create_trip(ME, trip_body())
    assert store.counts()["fares"] == 1
    clock.advance(119)
    touch(rides)
    assert store.counts()["fares"] == 1
    clock.advance(1)
    touch(rides)
    assert store.counts()["fares"] == 0


def test_a_guests_locale_is_remembered_for_a_day(rides, clock):
    rides.create_trip(ME, trip_body(guest={"phone_number": PHONE, "locale": "fr"}))
    clock.advance(lifetimes.LOCALE_RETENTION_SECONDS - 1)
    assert rides.create_trip(ME, trip_body(guest={"phone_number": PHONE})).guest.locale == "fr"
    clock.advance(lifetimes.LOCALE_RETENTION_SECONDS)
    assert rides.create_trip(ME, trip_body(guest={"phone_number": PHONE})).guest.locale == "en"


def test_an_application_keeps_its_latest_tokens_until_they_expire(store, clock):
    auth = Auth(AppClocks(clock, store), store=store)
    form = {
        "client_id": "sandbox-client-id",
        "client_secret": "sandbox-client-secret",
        "grant_type": "client_credentials",
    }
    first = auth.issue(form)
    for _ in range(MAX_TOKENS_PER_APP):
        auth.issue(form)
    assert auth.authenticate("Bearer " + first.value) is None  # the 101st revoked the first
    assert store.counts()["tokens"] == MAX_TOKENS_PER_APP
    clock.advance(TOKEN_LIFETIME_SECONDS)
    latest = auth.issue(form)
    assert store.counts()["tokens"] == 1
    assert auth.authenticate("Bearer " + latest.value) is not None


# ---------------------------------------------------------------- the durable store


def sandbox_on(path: Path, clock: ManualClock) -> Sandbox:
    return Sandbox(
        http.document(),
        settings=Settings(strict=True),
        clock=clock,
        applications=list(DEV_APPLICATIONS),
        store=SQLiteStore(path),
    )


def test_a_trip_created_before_a_restart_is_read_after_it(tmp_path):
    """A new Sandbox on the same file: tokens, trips, runs, sessions and fares carry on."""
    path = tmp_path / "sandbox.db"
    before = sandbox_on(path, ManualClock(START_MS))
    client = http.client_for(before)
    auth = http.token(client)
    run_id = client.post("/v1/guests/sandbox/run", json=RUN_BODY, headers=auth).json()["run_id"]
    created = client.post(
        "/v1/guests/trips", json=trip_body(), headers={**auth, "x-uber-sandbox-runuuid": run_id}
    ).json()
    request_id = created["request_id"]
    accepted = client.post(
        "/v1/guests/sandbox/driver-state",
        json={"run_id": run_id, "driver_id": "actor-driver0", "driver_state": "ACCEPT"},
        headers=auth,
    )
    assert accepted.status_code == 200
    session = client.post(
        f"/v1/guests/trips/{request_id}/communication", json={"phone_number": PHONE}, headers=auth
    ).json()
    client.put(f"/__sandbox/products/{UBERX}/surge", json={"multiplier": 1.5}, headers=auth)
    with_run = {**auth, "x-uber-sandbox-runuuid": run_id}
    refused = client.post("/v1/guests/trips", json=trip_body(), headers=with_run).json()
    assert refused["code"] == "surge"
    before.store.close()

    restarted = sandbox_on(path, ManualClock(START_MS + 1000))
    after = http.client_for(restarted)
    trip = after.get(f"/v1/guests/trips/{request_id}", headers=auth)  # the same token
    assert (trip.status_code, trip.json()["status"]) == (200, "accepted")
    assert after.get(f"/v1/guests/sandbox/run/{run_id}", headers=auth).status_code == 200
    arrived = after.post(
        "/v1/guests/sandbox/driver-state",
        json={"run_id": run_id, "driver_id": "actor-driver0", "driver_state": "ARRIVED"},
        headers=auth,
    )
    assert arrived.status_code == 200
    reopened = after.post(
        f"/v1/guests/trips/{request_id}/communication",
        json={"phone_number": "+14155550999"},
        headers=auth,
    )
    assert reopened.json() == session  # the same session: the same proxy number
    still = after.post("/v1/guests/trips", json=trip_body(), headers=with_run).json()
    assert still["code"] == "surge"  # the application's surge setting is kept in the file
    fare_id = refused["metadata"]["fare_id"]
    booked = after.post("/v1/guests/trips", json=trip_body(fare_id=fare_id), headers=with_run)
    assert (booked.status_code, booked.json()["surge_multiplier"]) == (200, 1.5)
    restarted.store.close()


def test_worker_processes_share_each_applications_clock_through_the_store(tmp_path):
    one, two = SQLiteStore(tmp_path / "s.db"), SQLiteStore(tmp_path / "s.db")
    base = ManualClock(START_MS)
    first, second = AppClocks(base, one), AppClocks(base, two)
    first.advance("app-one", DAY_S)
    assert second.now_ms("app-one") == START_MS + DAY_S * 1000
    assert second.now_ms("app-two") == START_MS  # another application's clock did not move
    with pytest.raises(ValueError, match="backwards"):
        second.set("app-one", START_MS)
    assert first.now_ms("app-one") == START_MS + DAY_S * 1000  # a refused move changes nothing
    second.reset("app-one")
    assert first.now_ms("app-one") == START_MS
    one.close()
    two.close()


def test_a_file_written_by_another_version_is_refused(tmp_path):
    path = tmp_path / "s.db"
    SQLiteStore(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = 'other' WHERE key = 'format'")
    conn.close()
    with pytest.raises(StoreFormatError, match="another version"):
        SQLiteStore(path)


def test_workers_need_a_shared_store(capsys):
    with pytest.raises(SystemExit) as exit_:
        mock_server_main(["--workers", "2"])
    assert exit_.value.code == 2
    assert "--store sqlite:PATH" in capsys.readouterr().err


# ------------------------------------------------------------ real processes


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """``python -m mock_server`` on a free loopback port, waited for through its health check."""

    def __init__(self, *args: str, log: Path):
        self.url = f"http://127.0.0.1:{free_port()}"
        command = [sys.executable, "-m", "mock_server", "--port", self.url.rsplit(":", 1)[1]]
        self._log = open(log, "ab")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            [*command, *args],
            cwd=REPO_ROOT,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        ready, said = wait.wait(wait.health_url(self.url), timeout=60)
        if not ready:
            self.stop()
            raise AssertionError(f"the sandbox did not start: {said}\n{log.read_text()}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log.close()

    def workers(self) -> int:
        """How many worker processes serve (Linux: children started by multiprocessing's
        spawn, from /proc; its resource tracker is a child too, and does not count)."""
        workers = 0
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                    command = (entry / "cmdline").read_bytes()
                except OSError:
                    continue
                workers += int(fields[1]) == self.process.pid and b"spawn_main" in command
        return workers


def bearer(client: httpx.Client, url: str) -> dict[str, str]:
    answer = client.post(
        url + "/oauth/v2/token",
        data={
            "client_id": "sandbox-client-id",
            "client_secret": "sandbox-client-secret",
            "grant_type": "client_credentials",
        },
    )
    assert answer.status_code == 200, answer.text
    return {"authorization": "Bearer " + answer.json()["access_token"]}


def test_a_restarted_process_keeps_its_tokens_trips_and_clock(tmp_path):
    store = f"sqlite:{tmp_path / 'sandbox.db'}"
    log = tmp_path / "server.log"
    server = Server("--store", store, log=log)
    try:
        with httpx.Client(timeout=30) as client:
            auth = bearer(client, server.url)
            moved = client.post(
                server.url + "/__sandbox/clock", json={"advance_seconds": DAY_S}, headers=auth
            ).json()["now_ms"]
            run = client.post(server.url + "/v1/guests/sandbox/run", json=RUN_BODY, headers=auth)
            headers = {**auth, "x-uber-sandbox-runuuid": run.json()["run_id"]}
            created = client.post(
                server.url + "/v1/guests/trips", json=trip_body(), headers=headers
            )
            request_id = created.json()["request_id"]
    finally:
        server.stop()
    server = Server("--store", store, log=log)
    try:
        with httpx.Client(timeout=30) as client:
            health = client.get(server.url + "/__sandbox/health").json()
            assert health["store"] == "sqlite" and health["now_ms"] < moved  # the base clock
            clock = client.get(server.url + "/__sandbox/clock", headers=auth).json()
            assert clock["now_ms"] >= moved  # the application's clock kept its offset
            trip = client.get(f"{server.url}/v1/guests/trips/{request_id}", headers=auth)
            assert trip.status_code == 200 and trip.json()["request_id"] == request_id
    finally:
        server.stop()


CLIENTS = 32
TRIPS_EACH = 4


def test_two_worker_processes_lose_or_duplicate_no_trip_under_concurrent_clients(tmp_path):
    path = tmp_path / "sandbox.db"
    server = Server("--store", f"sqlite:{path}", "--workers", "2", log=tmp_path / "server.log")
    try:
        assert server.workers() == 2
        with httpx.Client(timeout=30) as client:
            auth = bearer(client, server.url)
            run = client.post(server.url + "/v1/guests/sandbox/run", json=RUN_BODY, headers=auth)
            headers = {**auth, "x-uber-sandbox-runuuid": run.json()["run_id"]}

        def book(n: int) -> list[str]:
            ids = []
            with httpx.Client(timeout=60) as own:  # one connection per client
                for i in range(TRIPS_EACH):
                    guest = {**ON_DEMAND["guest"], "phone_number": f"+1415555{n:02d}{i:02d}"}
                    body = trip_body(guest=guest)
                    answer = own.post(server.url + "/v1/guests/trips", json=body, headers=headers)
                    assert answer.status_code == 200, answer.text
                    ids.append(answer.json()["request_id"])
            return ids

        with concurrent.futures.ThreadPoolExecutor(CLIENTS) as pool:
            batches = [
                f.result(timeout=180) for f in [pool.submit(book, n) for n in range(CLIENTS)]
            ]
        created = [request_id for batch in batches for request_id in batch]
        assert len(created) == len(set(created)) == CLIENTS * TRIPS_EACH
        with httpx.Client(timeout=30) as client:
            for request_id in created:
                answer = client.get(f"{server.url}/v1/guests/trips/{request_id}", headers=auth)
                assert answer.status_code == 200, answer.text
    finally:
        server.stop()
    stored = SQLiteStore(path)
    try:
        assert stored.counts()["trips"] == CLIENTS * TRIPS_EACH
        with stored.locked():
            run_trips = stored.tenant("sandbox-client-id").run_trips[run.json()["run_id"]]
        assert sorted(run_trips) == sorted(created)  # no write of the run's list was lost
    finally:
        stored.close()


def test_wait_gives_up_on_a_port_nobody_serves():
    ready, said = wait.wait(wait.health_url(f"http://127.0.0.1:{free_port()}"), timeout=0.3)
    assert not ready and said
