"""Whole flows over HTTP, in strict mode: every answer is checked against the document."""

from __future__ import annotations

import pytest

from .conftest import START_MS, UBERX, ny_date, trip_body
from .http_support import client_for, make_sandbox, token, with_run

TRIPS = "/v1/guests/trips"
MISSING = "00000000-0000-4000-8000-000000000000"


@pytest.fixture
def sandbox():
    return make_sandbox()


@pytest.fixture
def client(sandbox):
    return client_for(sandbox)


@pytest.fixture
def auth(client):
    return with_run(client, token(client))


def new_run(client, auth):
    answer = client.post(
        "/v1/guests/sandbox/run",
        json={
            "driver_locations": [{}],
            "pickup_location": {"latitude": 40.752558, "longitude": -74.006469},
            "dropoff_location": {"latitude": 40.750568, "longitude": -73.993519},
        },
        headers=auth,
    )
    assert answer.status_code == 200
    return answer.json()["run_id"]


def drive(client, auth, run_id, state, driver_id="actor-driver0"):
    return client.post(
        "/v1/guests/sandbox/driver-state",
        json={"run_id": run_id, "driver_id": driver_id, "driver_state": state},
        headers=auth,
    )


def test_a_trip_driven_through_the_sandbox_run(client, auth):
    run_id = new_run(client, auth)
    assert client.get(f"/v1/guests/sandbox/run/{run_id}", headers=auth).json() == {
        "run_id": run_id,
        "driver_ids": ["actor-driver0"],
    }
    created = client.post(
        TRIPS, json=trip_body(), headers={**auth, "x-uber-sandbox-runuuid": run_id}
    )
    request_id = created.json()["request_id"]
    seen = []
    for state in ("ACCEPT", "ARRIVED", "BEGIN_TRIP", "DROPOFF"):
        answer = drive(client, auth, run_id, state)
        assert (answer.status_code, answer.json()) == (200, {})
        trip = client.get(
            f"{TRIPS}/{request_id}?include_editable_fields=true",
            headers={**auth, "accept-language": "FR"},
        ).json()
        seen.append(trip["status"])
        riders = client.get(f"/v1.2/requests/{request_id}", headers=auth).json()
        assert riders["request_id"] == request_id
    assert seen == ["accepted", "arriving", "in_progress", "completed"]
    assert trip["waypoints"] and trip["client_fare"]
    assert riders["driver"] is None


def test_driver_state_out_of_order_is_400(client, auth):
    run_id = new_run(client, auth)
    client.post(TRIPS, json=trip_body(), headers={**auth, "x-uber-sandbox-runuuid": run_id})
    answer = drive(client, auth, run_id, "DROPOFF")
    assert (answer.status_code, answer.json()["code"]) == (400, "validation_failed")


def test_unknown_run_is_404_entity_not_found(client, auth):
    answer = client.get(f"/v1/guests/sandbox/run/{MISSING}", headers=auth)
    assert answer.status_code == 404
    assert answer.json()["code"] == "entity_not_found"
    assert answer.json()["message"] == "RunID is not valid"
    assert drive(client, auth, MISSING, "ACCEPT").status_code == 404


def test_trip_with_an_unknown_run_header_is_404_invalid_run_id(client, auth):
    answer = client.post(
        TRIPS, json=trip_body(), headers={**auth, "x-uber-sandbox-runuuid": MISSING}
    )
    assert answer.status_code == 404
    assert answer.json()["code"] == "entity_not_found"
    assert answer.json()["message"].startswith("Invalid Run ID")


def test_accept_window_runs_on_the_clock_control(client, auth):
    run_id = new_run(client, auth)
    request_id = client.post(
        TRIPS, json=trip_body(), headers={**auth, "x-uber-sandbox-runuuid": run_id}
    ).json()["request_id"]
    moved = client.post("/__sandbox/clock", json={"advance_seconds": 15}, headers=auth)
    assert moved.json() == {"now_ms": START_MS + 15_000}
    assert drive(client, auth, run_id, "ACCEPT").status_code == 400
    assert (
        client.get(f"{TRIPS}/{request_id}", headers=auth).json()["status"] == "no_drivers_available"
    )


def test_clock_control_sets_time_and_refuses_to_go_back(client, auth):
    assert (
        client.post("/__sandbox/clock", json={"now_ms": START_MS + 5000}, headers=auth).json()[
            "now_ms"
        ]
        == START_MS + 5000
    )
    answer = client.post("/__sandbox/clock", json={"now_ms": START_MS}, headers=auth)
    assert (answer.status_code, answer.json()["code"]) == (400, "validation_failed")
    assert (
        client.post(
            "/__sandbox/clock", json={"advance_seconds": 1, "now_ms": 1}, headers=auth
        ).status_code
        == 400
    )


def test_surge_then_confirm_with_the_fare_id(client, auth):
    surge = client.put(f"/__sandbox/products/{UBERX}/surge", json={"multiplier": 1.4}, headers=auth)
    assert surge.json() == {"product_id": UBERX, "multiplier": 1.4, "fare_ttl_seconds": 120}
    refused = client.post(TRIPS, json=trip_body(), headers=auth)
    assert refused.status_code == 409
    assert refused.json()["code"] == "surge"
    fare_id = refused.json()["metadata"]["fare_id"]
    accepted = client.post(TRIPS, json=trip_body(fare_id=fare_id), headers=auth)
    assert (accepted.status_code, accepted.json()["surge_multiplier"]) == (200, 1.4)
    again = client.post(TRIPS, json=trip_body(fare_id=fare_id), headers=auth)
    assert (again.status_code, again.json()["code"]) == (409, "fare_expired")


def test_surge_for_an_unknown_product_is_404(client, auth):
    assert (
        client.put(
            f"/__sandbox/products/{MISSING}/surge", json={"multiplier": 2}, headers=auth
        ).status_code
        == 404
    )


def test_second_scheduled_ride_at_the_same_time_is_invalid_pickup_time(client, auth):
    body = trip_body(scheduling={"pickup_time": START_MS + 7_200_000})
    assert client.post(TRIPS, json=body, headers=auth).json()["status"] == "scheduled"
    answer = client.post(TRIPS, json=body, headers=auth)
    assert answer.status_code == 400
    assert answer.json() == {
        "code": "invalid_pickup_time",
        "message": "You already have a ride scheduled for the selected time!",
        "metadata": {"statusCode": "400"},
    }


def test_return_trip_comes_back_as_linked_request_id(client, auth):
    body = trip_body(return_trip_params={"scheduling": {"pickup_time": START_MS + 9_000_000}})
    created = client.post(TRIPS, json=body, headers=auth).json()
    back = client.get(f"{TRIPS}/{created['linked_request_id']}", headers=auth).json()
    assert back["linked_request_id"] == created["request_id"]
    assert back["status"] == "scheduled"


def test_flexible_ride_dispatch_over_http(client, auth):
    body = trip_body(deferred_ride_options={"pickup_day": ny_date(START_MS, 1)})
    request_id = client.post(TRIPS, json=body, headers=auth).json()["request_id"]
    early = client.post(f"{TRIPS}/{request_id}/dispatch", json={}, headers=auth)
    assert early.status_code == 404
    assert early.json()["message"] == "Ride cannot be dispatched until pickup day."
    client.post("/__sandbox/clock", json={"advance_seconds": 86400}, headers=auth)
    answer = client.post(f"{TRIPS}/{request_id}/dispatch", headers=auth)
    assert (answer.status_code, answer.content) == (200, b"")
    again = client.post(f"{TRIPS}/{request_id}/dispatch", json={}, headers=auth)
    assert again.json()["message"] == "This ride can no longer be dispatched."


def test_dispatch_body_must_be_empty(client, auth):
    answer = client.post(f"{TRIPS}/{MISSING}/dispatch", json={"x": 1}, headers=auth)
    assert answer.status_code == 400


def test_communication_session_and_its_errors_use_their_envelope(client, auth):
    first = client.post(TRIPS, json=trip_body(), headers=auth).json()["request_id"]
    other = trip_body()
    other["guest"]["phone_number"] = "+14155550100"
    second = client.post(TRIPS, json=other, headers=auth).json()["request_id"]
    opened = client.put(
        f"{TRIPS}/{first}/communication", json={"phone_number": "+14155551234"}, headers=auth
    )
    assert opened.status_code == 200 and opened.json()["phone_number"].startswith("+1")
    duplicate = client.put(
        f"{TRIPS}/{second}/communication", json={"phone_number": "+14155551234"}, headers=auth
    )
    assert duplicate.status_code == 400
    assert duplicate.json() == {
        "message": "Participant creation rejected due to possible duplication across sessions",
        "data": {"statusCode": "400"},
        "errCode": "bad_request",
    }
    missing = client.put(
        f"{TRIPS}/{MISSING}/communication", json={"phone_number": "+14155551234"}, headers=auth
    )
    assert (missing.status_code, missing.json()["errCode"]) == (404, "not_found")
    invalid = client.put(f"{TRIPS}/{first}/communication", json={"phone_number": "0"}, headers=auth)
    assert (invalid.status_code, invalid.json()["errCode"]) == (400, "bad_request")


def test_auto_drive_mode_moves_trips_on_the_clock(auth):
    sandbox = make_sandbox(auto_drive=True)
    client = client_for(sandbox)
    headers = token(client)
    request_id = client.post(TRIPS, json=trip_body(), headers=headers).json()["request_id"]
    client.post("/__sandbox/clock", json={"advance_seconds": 600}, headers=headers)
    assert client.get(f"{TRIPS}/{request_id}", headers=headers).json()["status"] == "completed"


def test_third_party_trips_are_kept_per_organization(client):
    from .http_support import ORG

    partner = token(client, "sandbox-3p-client-id")
    with_org = with_run(client, {**partner, "x-uber-organizationuuid": ORG})
    created = client.post(TRIPS, json=trip_body(), headers=with_org).json()
    trip = client.get(
        f"{TRIPS}/{created['request_id']}", headers={**partner, "x-uber-organizationuuid": ORG}
    ).json()
    assert trip["location_uuid"] == ORG


@pytest.mark.parametrize(
    ("latitude", "longitude"),
    [(89.999, -179.999), (90.0, -180.0), (-90.0, 180.0), (0.0, -179.9985)],
    ids=["near-north-pole-and-antimeridian", "north-pole", "south-pole", "antimeridian"],
)
def test_the_driver_near_a_pickup_at_the_edge_of_the_map_has_valid_coordinates(
    client, auth, latitude, longitude
):
    """The driver waits a little north-west of the pickup; at the poles and the antimeridian
    that point must still be a coordinate (strict mode checks both views' answers)."""
    place = {"latitude": latitude, "longitude": longitude}
    run = client.post(
        "/v1/guests/sandbox/run",
        json={"driver_locations": [{}], "pickup_location": place, "dropoff_location": place},
        headers=auth,
    ).json()["run_id"]
    trip = client.post(
        TRIPS,
        json=trip_body(pickup=place, dropoff=place),
        headers={**auth, "x-uber-sandbox-runuuid": run},
    ).json()["request_id"]
    moved = client.post(
        "/v1/guests/sandbox/driver-state",
        json={"run_id": run, "driver_id": "actor-driver0", "driver_state": "ACCEPT"},
        headers=auth,
    )
    assert moved.status_code == 200, moved.text
    user = token(client, scope="request")
    for path, headers in ((f"{TRIPS}/{trip}", auth), (f"/v1.2/requests/{trip}", user)):
        location = client.get(path, headers=headers).json()["location"]
        assert -90 <= location["latitude"] <= 90
        assert -180 <= location["longitude"] <= 180
