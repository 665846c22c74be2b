"""Messages and calls to the driver, tips, pickup zones, and the routes of the new paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from mock_server.domain import zones
from mock_server.domain.errors import NotFound, RetryRequest, ValidationFailed

from .conftest import START_MS, ny_date, trip_body
from .http_support import ORG, client_for, make_sandbox, token, with_run

TRIPS = "/v1/guests/trips"
MISSING = "00000000-0000-4000-8000-000000000000"
README = Path(__file__).resolve().parents[2] / "mock_server" / "README.md"


def on_run(rides, me, run_id, *states):
    trip = rides.create_trip(me, trip_body(), run_id)
    for state in states:
        rides.set_driver_state(me, run_id, "actor-driver0", state)
    return trip


# ---------------------------------------------------------------------- messages


@pytest.mark.parametrize(
    "states", [("ACCEPT",), ("ACCEPT", "ARRIVED"), ("ACCEPT", "ARRIVED", "BEGIN_TRIP")]
)
def test_a_message_goes_through_while_a_driver_is_assigned(rides, me, run_id, states):
    trip = on_run(rides, me, run_id, *states)
    rides.send_message(me, trip.request_id, "At the main entrance")


def test_a_message_before_a_driver_accepts_asks_to_retry(rides, me, run_id, clock):
    waiting = on_run(rides, me, run_id)
    scheduled = rides.create_trip(me, trip_body(scheduling={"pickup_time": START_MS + 7_200_000}))
    offered = rides.create_trip(
        me, trip_body(deferred_ride_options={"pickup_day": ny_date(START_MS)})
    )
    for trip in (waiting, scheduled, offered):
        with pytest.raises(RetryRequest):
            rides.send_message(me, trip.request_id, "hello")


def test_a_message_after_the_trip_ended_is_refused(rides, me, run_id):
    trip = on_run(rides, me, run_id, "ACCEPT", "ARRIVED", "BEGIN_TRIP", "DROPOFF")
    with pytest.raises(ValidationFailed):
        rides.send_message(me, trip.request_id, "I forgot my umbrella")


# ------------------------------------------------------------------------- calls


def test_a_call_connects_while_assigned_and_after_completion(rides, me, run_id):
    trip = on_run(rides, me, run_id, "ACCEPT")
    rides.call_driver(me, trip.request_id, "+14155551234")
    for state in ("ARRIVED", "BEGIN_TRIP", "DROPOFF"):
        rides.set_driver_state(me, run_id, "actor-driver0", state)
    rides.call_driver(me, trip.request_id, "+14155551234")  # lost items


def test_a_call_without_a_driver_is_refused(rides, me, clock):
    trip = rides.create_trip(me, trip_body())
    with pytest.raises(ValidationFailed, match="no driver"):
        rides.call_driver(me, trip.request_id, "+14155551234")
    clock.advance(16)  # no driver was found
    with pytest.raises(ValidationFailed):
        rides.call_driver(me, trip.request_id, "+14155551234")
    with pytest.raises(NotFound):
        rides.call_driver(me, MISSING, "+14155551234")


# ------------------------------------------------------------------------- zones


def test_a_location_in_a_hierarchical_zone_gets_its_sub_zones():
    answer = zones.pickup_zones(37.6213129, -122.3789554)
    master = answer["master_zone"]
    assert master["name"] == "San Francisco International Airport"
    assert master["sub_zones"][0]["access_points"] and "access_points" not in master


def test_a_location_in_a_flat_zone_gets_its_access_points():
    master = zones.pickup_zones(37.7842, -122.4016)["master_zone"]
    assert "sub_zones" not in master and master["access_points"]


def test_a_location_outside_every_zone_gets_no_zone():
    assert zones.pickup_zones(40.752558, -74.006469) == {"access_points": []}


def test_every_zone_and_access_point_is_listed_in_the_readme():
    text = README.read_text()
    for zone in zones.ZONES:
        points = list(zone.access_points) + [p for sub in zone.sub_zones for p in sub.access_points]
        for listed in [zone, *zone.sub_zones, *points]:
            assert listed.id in text and listed.name in text, listed.name


# -------------------------------------------------------------------------- HTTP


@pytest.fixture
def sandbox():
    return make_sandbox()


@pytest.fixture
def client(sandbox):
    return client_for(sandbox)


@pytest.fixture
def auth(client):
    return token(client)


def accepted_trip(client, auth) -> str:
    run = client.post(
        "/v1/guests/sandbox/run",
        json={
            "driver_locations": [{}],
            "pickup_location": {"latitude": 40.752558, "longitude": -74.006469},
            "dropoff_location": {"latitude": 40.750568, "longitude": -73.993519},
        },
        headers=auth,
    ).json()["run_id"]
    created = client.post(TRIPS, json=trip_body(), headers={**auth, "x-uber-sandbox-runuuid": run})
    client.post(
        "/v1/guests/sandbox/driver-state",
        json={"run_id": run, "driver_id": "actor-driver0", "driver_state": "ACCEPT"},
        headers=auth,
    )
    return str(created.json()["request_id"])


def test_message_and_call_over_http(client, auth):
    waiting = client.post(TRIPS, json=trip_body(), headers=with_run(client, auth))
    waiting = waiting.json()["request_id"]
    early = client.post(f"{TRIPS}/{waiting}/message", json={"message": "hi"}, headers=auth)
    assert early.status_code == 400 and early.json()["code"] == "retry_request"
    request_id = accepted_trip(client, auth)
    sent = client.post(f"{TRIPS}/{request_id}/message", json={"message": "hi"}, headers=auth)
    assert sent.status_code == 200 and sent.json() == {}
    call = {"request_id": request_id, "phone_number": "+14155551234"}
    assert client.post(f"{TRIPS}/call", json=call, headers=auth).json() == {}
    missing = client.post(f"{TRIPS}/call", json={**call, "request_id": MISSING}, headers=auth)
    assert missing.status_code == 404
    empty = client.post(f"{TRIPS}/{request_id}/message", json={"message": ""}, headers=auth)
    assert empty.status_code == 400 and empty.json()["code"] == "validation_failed"


def test_every_tip_is_refused_after_the_usual_checks(client, auth):
    request_id = accepted_trip(client, auth)
    tip = {"request_id": request_id, "tip_amount": 2}
    refused = client.post(f"{TRIPS}/tip", json=tip, headers=auth)
    assert refused.status_code == 403
    assert refused.json()["message"] == "Tips are not supported in the sandbox."
    invalid = client.post(f"{TRIPS}/tip", json={**tip, "tip_amount": 0}, headers=auth)
    assert invalid.status_code == 400
    assert client.post(f"{TRIPS}/tip", json=tip).status_code == 401


def test_zones_over_http(client, auth):
    airport = client.get(
        "/v1/guests/zones", params={"latitude": 37.6213, "longitude": -122.3789}, headers=auth
    )
    assert airport.status_code == 200 and "master_zone" in airport.json()
    nowhere = client.get("/v1/guests/zones", params={"latitude": 0, "longitude": 0}, headers=auth)
    assert nowhere.json() == {"access_points": []}
    missing = client.get("/v1/guests/zones", params={"longitude": 2}, headers=auth)
    assert missing.status_code == 400
    third = token(client, "sandbox-3p-client-id")
    assert (
        client.get(
            "/v1/guests/zones", params={"latitude": 1, "longitude": 2}, headers=third
        ).status_code
        == 403
    )
    with_org = {**third, "x-uber-organizationuuid": ORG}
    assert (
        client.get(
            "/v1/guests/zones", params={"latitude": 1, "longitude": 2}, headers=with_org
        ).status_code
        == 200
    )


# ------------------------------------------------------------------------ routes


def test_the_literal_paths_under_trips_win_over_the_request_id(client, auth):
    estimates = client.post(
        f"{TRIPS}/estimates",
        json={
            "pickup": {"latitude": 1, "longitude": 1},
            "dropoff": {"latitude": 1, "longitude": 2},
        },
        headers=auth,
    )
    assert estimates.status_code == 200
    for path in ("estimates", "call", "tip"):
        answer = client.get(f"{TRIPS}/{path}", headers=auth)
        assert answer.status_code == 405, path
        assert answer.headers["allow"] == "POST"
        deleted = client.delete(f"{TRIPS}/{path}", headers=auth)
        assert deleted.status_code == 405 and deleted.headers["allow"] == "POST"


def test_a_trip_path_allows_its_three_methods(client, auth):
    answer = client.patch(f"{TRIPS}/{MISSING}", headers=auth)
    assert answer.status_code == 405 and answer.headers["allow"] == "DELETE, GET, PUT"


def test_an_unknown_path_is_404_in_ubers_envelope(client, auth):
    for path in ("/v1/guests/trips/a/b/c", "/v1/guests/nothing", "/v1/guests/trips/call/extra"):
        answer = client.get(path, headers=auth)
        assert answer.status_code == 404, path
        assert set(answer.json()) >= {"code", "message"} and answer.json()["code"] == "not_found"
        assert "allow" not in answer.headers
