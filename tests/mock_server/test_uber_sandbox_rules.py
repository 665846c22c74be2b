"""Where the local sandbox follows Uber's pages: the run header, the run's place, the
deprecated location fields and an expired flexible ride's dispatch."""

from __future__ import annotations

import pytest

from mock_server.domain.booking import RUN_PICKUP_RADIUS_METERS
from mock_server.domain.geo import distance_meters

from .conftest import START_MS, ny_date, trip_body
from .http_support import RUN_HEADER, client_for, make_sandbox, token, with_run

TRIPS = "/v1/guests/trips"


def client_and_token(**options):
    client = client_for(make_sandbox(**options))
    return client, token(client)


def invalid_run_id(answer) -> bool:
    body = answer.json()
    return (
        answer.status_code == 404
        and body["code"] == "entity_not_found"
        and body["message"].startswith("Invalid Run ID")
    )


def test_create_without_a_run_header_is_invalid_run_id_by_default():
    client, auth = client_and_token()
    assert invalid_run_id(client.post(TRIPS, json=trip_body(), headers=auth))


def test_without_run_required_a_trip_without_a_run_finds_no_driver():
    client, auth = client_and_token(run_required=False)
    created = client.post(TRIPS, json=trip_body(), headers=auth)
    assert created.status_code == 200
    client.post("/__sandbox/clock", json={"advance_seconds": 15}, headers=auth)
    trip = client.get(f"{TRIPS}/{created.json()['request_id']}", headers=auth).json()
    assert trip["status"] == "no_drivers_available"


def test_auto_drive_accepts_and_drives_a_trip_without_a_run():
    client, auth = client_and_token(auto_drive=True)
    created = client.post(TRIPS, json=trip_body(), headers=auth)
    assert created.status_code == 200
    client.post("/__sandbox/clock", json={"advance_seconds": 3}, headers=auth)
    trip = client.get(f"{TRIPS}/{created.json()['request_id']}", headers=auth).json()
    assert trip["status"] == "accepted"


def moved_north(body, meters):
    body = trip_body(**{k: v for k, v in body.items() if k != "pickup"})
    body["pickup"]["latitude"] += meters / 111_195  # metres per degree of latitude
    return body


@pytest.mark.parametrize(
    ("meters", "accepted"),
    [(0, True), (RUN_PICKUP_RADIUS_METERS * 0.9, True), (RUN_PICKUP_RADIUS_METERS * 1.5, False)],
)
def test_a_pickup_far_from_the_runs_pickup_and_drivers_is_invalid_run_id(meters, accepted):
    client, auth = client_and_token()
    headers = with_run(client, auth)
    body = moved_north(trip_body(), meters)
    answer = client.post(TRIPS, json=body, headers=headers)
    assert (answer.status_code == 200) is accepted, answer.text
    if not accepted:
        assert invalid_run_id(answer)


def test_a_pickup_in_another_city_is_invalid_run_id():
    client, auth = client_and_token()
    headers = with_run(client, auth)  # the run is in New York
    body = trip_body(
        pickup={"latitude": 37.766192, "longitude": -122.400745},
        dropoff={"latitude": 37.75203, "longitude": -122.422065},
    )
    assert distance_meters(37.766192, -122.400745, 40.752558, -74.006469) > 4_000_000
    assert invalid_run_id(client.post(TRIPS, json=body, headers=headers))


def test_an_unknown_or_expired_run_is_invalid_run_id():
    client, auth = client_and_token()
    headers = with_run(client, auth)
    unknown = {**headers, RUN_HEADER: "00000000-0000-4000-8000-000000000000"}
    assert invalid_run_id(client.post(TRIPS, json=trip_body(), headers=unknown))
    client.post("/__sandbox/clock", json={"advance_seconds": 8 * 3600}, headers=auth)
    assert invalid_run_id(client.post(TRIPS, json=trip_body(), headers=headers))


def test_deprecated_start_and_end_location_stand_for_pickup_and_dropoff():
    client, auth = client_and_token()
    headers = with_run(client, auth)
    legacy = trip_body(pickup=None, dropoff=None)
    legacy["start_location"] = trip_body()["pickup"]
    legacy["end_location"] = trip_body()["dropoff"]
    created = client.post(TRIPS, json=legacy, headers=headers)
    assert created.status_code == 200, created.text
    trip = client.get(f"{TRIPS}/{created.json()['request_id']}", headers=headers).json()
    assert trip["pickup"]["latitude"] == legacy["start_location"]["latitude"]
    assert trip["destination"]["longitude"] == legacy["end_location"]["longitude"]


def test_pickup_and_dropoff_win_over_the_deprecated_fields():
    client, auth = client_and_token()
    headers = with_run(client, auth)
    body = trip_body()
    body["start_location"] = {"latitude": 10.0, "longitude": 10.0}
    body["end_location"] = {"latitude": 10.0, "longitude": 10.0}
    created = client.post(TRIPS, json=body, headers=headers)
    assert created.status_code == 200, created.text
    trip = client.get(f"{TRIPS}/{created.json()['request_id']}", headers=headers).json()
    assert trip["pickup"]["latitude"] == body["pickup"]["latitude"]


def test_neither_pickup_nor_start_location_is_400():
    client, auth = client_and_token()
    headers = with_run(client, auth)
    answer = client.post(TRIPS, json=trip_body(pickup=None), headers=headers)
    assert answer.status_code == 400


def test_dispatching_an_expired_flexible_ride_is_404_entity_not_found():
    client, auth = client_and_token()
    headers = with_run(client, auth)
    body = trip_body(deferred_ride_options={"pickup_day": ny_date(START_MS)})
    request_id = client.post(TRIPS, json=body, headers=headers).json()["request_id"]
    client.post("/__sandbox/clock", json={"advance_seconds": 2 * 86400}, headers=auth)
    answer = client.post(f"{TRIPS}/{request_id}/dispatch", json={}, headers=headers)
    assert answer.status_code == 404
    assert answer.json() == {
        "code": "entity_not_found",
        "message": "This ride can no longer be dispatched.",
        "metadata": {"statusCode": "404"},
    }
