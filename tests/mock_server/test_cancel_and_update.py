"""Cancelling and updating trips: the domain's rules, then HTTP flows in strict mode."""

from __future__ import annotations

from typing import Any

import pytest

from mock_server.domain import trips as ts
from mock_server.domain import views
from mock_server.domain.errors import NotFound, ValidationFailed

from .conftest import HOURLY, RESERVE, START_MS, UBERX, ny_date, trip_body
from .http_support import client_for, make_sandbox, token

TRIPS = "/v1/guests/trips"
MISSING = "00000000-0000-4000-8000-000000000000"
HOUR_MS = 3600 * 1000
# About 55 m north of the test pickup; about 1.1 km north.
NEAR = 0.0005
FAR = 0.01


def drive(rides, me, run_id, *states):
    for state in states:
        rides.set_driver_state(me, run_id, "actor-driver0", state)


def on_run(rides, me, run_id, *states, **changes):
    trip = rides.create_trip(me, trip_body(**changes), run_id)
    drive(rides, me, run_id, *states)
    return rides.get_trip(me, trip.request_id)


# ------------------------------------------------------------------ cancel, domain


def test_cancel_marks_the_trip_coordinator_canceled(rides, me):
    trip = rides.create_trip(me, trip_body())
    rides.cancel_trip(me, trip.request_id)
    trip = rides.get_trip(me, trip.request_id)
    assert (trip.status, trip.status_detail) == (ts.RIDER_CANCELED, "coordinator_canceled")
    shown = views.guest_trip(trip)
    assert shown["client_fare_numeric"] == 0 and shown["can_tip"] is False


def test_cancel_is_free_within_the_grace_period_after_accept(rides, me, run_id, clock):
    trip = on_run(rides, me, run_id, "ACCEPT")
    clock.advance(120)
    rides.cancel_trip(me, trip.request_id)
    assert trip.cancellation_fee == 0


def test_cancel_after_the_grace_period_costs_the_minimum_fee(rides, me, run_id, clock):
    trip = on_run(rides, me, run_id, "ACCEPT", "ARRIVED")
    clock.advance(121)
    rides.cancel_trip(me, trip.request_id)
    shown = views.guest_trip(rides.get_trip(me, trip.request_id))
    assert shown["client_fare_numeric"] == trip.product.cancellation.min_cancellation_fee == 5
    assert shown["client_fare"] == "$5.00" and shown["currency_code"] == "USD"


def test_a_redispatched_trip_has_no_driver_and_cancels_free(rides, me, run_id, clock):
    trip = on_run(rides, me, run_id, "ACCEPT")
    clock.advance(200)
    drive(rides, me, run_id, "CANCEL")
    rides.cancel_trip(me, trip.request_id)
    assert trip.cancellation_fee == 0


def test_reserve_rides_cancel_free_until_the_threshold_before_pickup(rides, me, clock):
    pickup_time = START_MS + 2 * HOUR_MS
    early = rides.create_trip(
        me, trip_body(product_id=RESERVE, scheduling={"pickup_time": pickup_time})
    )
    late = rides.create_trip(
        me,
        trip_body(
            product_id=RESERVE,
            scheduling={"pickup_time": pickup_time},
            guest={"phone_number": "+14155550099"},
        ),
    )
    clock.set(pickup_time - HOUR_MS)
    rides.cancel_trip(me, early.request_id)
    clock.advance(1)
    rides.cancel_trip(me, late.request_id)
    assert (early.cancellation_fee, late.cancellation_fee) == (0, 5)


def test_an_offered_flexible_ride_cancels_free(rides, me, clock):
    trip = rides.create_trip(me, trip_body(deferred_ride_options={"pickup_day": ny_date(START_MS)}))
    clock.advance(3 * 3600)
    rides.cancel_trip(me, trip.request_id)
    assert trip.cancellation_fee == 0 and trip.status == ts.RIDER_CANCELED


def test_a_trip_in_progress_cannot_be_canceled(rides, me, run_id):
    trip = on_run(rides, me, run_id, "ACCEPT", "ARRIVED", "BEGIN_TRIP")
    with pytest.raises(ValidationFailed):
        rides.cancel_trip(me, trip.request_id)
    assert trip.status == ts.IN_PROGRESS


def test_an_ended_or_unknown_trip_has_nothing_to_cancel(rides, me, run_id):
    trip = on_run(rides, me, run_id, "ACCEPT", "ARRIVED", "BEGIN_TRIP", "DROPOFF")
    with pytest.raises(NotFound):
        rides.cancel_trip(me, trip.request_id)
    with pytest.raises(NotFound):
        rides.cancel_trip(me, MISSING)


def test_cancel_frees_the_runs_driver_for_the_next_trip(rides, me, run_id):
    first = on_run(rides, me, run_id, "ACCEPT")
    waiting = rides.create_trip(me, trip_body(), run_id)
    rides.cancel_trip(me, first.request_id)
    drive(rides, me, run_id, "ACCEPT")
    assert rides.get_trip(me, waiting.request_id).status == ts.ACCEPTED


# ------------------------------------------------------------------ update, domain


def moved(place: dict[str, Any], north: float) -> dict[str, Any]:
    return {**place, "latitude": place["latitude"] + north}


def test_before_dispatch_pickup_moves_within_the_radius(rides, me):
    trip = rides.create_trip(me, trip_body(expense_memo="memo"))
    body = trip_body(pickup=moved(trip_body()["pickup"], NEAR))
    rides.update_trip(me, trip.request_id, body)
    assert trip.pickup.latitude == pytest.approx(40.752558 + NEAR)
    assert trip.expense_memo is None  # full replacement: left out, cleared
    with pytest.raises(ValidationFailed, match="200 metres"):
        rides.update_trip(me, trip.request_id, trip_body(pickup=moved(trip_body()["pickup"], FAR)))


def test_the_radius_is_measured_from_the_original_pickup(rides, me):
    trip = rides.create_trip(me, trip_body())
    step = 0.001  # about 111 m
    rides.update_trip(me, trip.request_id, trip_body(pickup=moved(trip_body()["pickup"], step)))
    farther = trip_body(pickup=moved(trip_body()["pickup"], 2 * step))  # 111 m from the last
    with pytest.raises(ValidationFailed, match="original pickup"):
        rides.update_trip(me, trip.request_id, farther)


def test_before_dispatch_the_product_can_change_but_not_to_a_reserve_product(rides, me):
    trip = rides.create_trip(me, trip_body())
    comfort = "a1111c8c-c720-46c3-8534-2fcdd730040d"
    rides.update_trip(me, trip.request_id, trip_body(product_id=comfort))
    assert trip.product.product_id == comfort
    with pytest.raises(ValidationFailed):
        rides.update_trip(me, trip.request_id, trip_body(product_id=RESERVE))


def test_after_dispatch_only_the_destination_changes(rides, me, run_id):
    trip = on_run(rides, me, run_id, "ACCEPT", note_for_driver="gate 3")
    new_dropoff = moved(trip_body()["dropoff"], FAR)
    rides.update_trip(me, trip.request_id, trip_body(dropoff=new_dropoff, note_for_driver="gate 3"))
    assert trip.dropoff.latitude == new_dropoff["latitude"]
    for change in (
        {"pickup": moved(trip_body()["pickup"], NEAR), "note_for_driver": "gate 3"},
        {"product_id": "a1111c8c-c720-46c3-8534-2fcdd730040d", "note_for_driver": "gate 3"},
        {"note_for_driver": "gate 4"},
        {"note_for_driver": None},
        {"note_for_driver": "gate 3", "expense_memo": "new memo"},
    ):
        with pytest.raises(ValidationFailed, match="only the destination"):
            rides.update_trip(me, trip.request_id, trip_body(**change))


def test_a_new_destination_drops_the_upfront_fare(rides, me):
    estimate = rides.estimate(
        me, {"pickup": trip_body()["pickup"], "dropoff": trip_body()["dropoff"]}, None, "en"
    )
    fare_id = next(
        item["estimate_info"]["fare_id"]
        for item in estimate["product_estimates"]
        if item["product"]["product_id"] == UBERX
    )
    trip = rides.create_trip(me, trip_body(fare_id=fare_id))
    rides.update_trip(me, trip.request_id, trip_body())
    assert trip.upfront_fare is not None  # the same destination keeps it
    rides.update_trip(me, trip.request_id, trip_body(dropoff=moved(trip_body()["dropoff"], FAR)))
    assert trip.upfront_fare is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"scheduling": {"pickup_time": START_MS + 3 * HOUR_MS}}, "Scheduled rides cannot"),
        (
            {"product_id": RESERVE, "scheduling": {"pickup_time": START_MS + 3 * HOUR_MS}},
            "Scheduled rides cannot",
        ),
        ({"deferred_ride_options": {"pickup_day": ny_date(START_MS)}}, "Only on-demand"),
    ],
    ids=["scheduled", "reserve", "flexible"],
)
def test_only_on_demand_trips_can_be_updated(rides, me, changes, message):
    trip = rides.create_trip(me, trip_body(**changes))
    with pytest.raises(ValidationFailed, match=message):
        rides.update_trip(me, trip.request_id, trip_body())


def test_hourly_trips_cannot_be_updated(rides, me):
    trip = rides.create_trip(
        me,
        trip_body(
            product_id=HOURLY,
            hourly={"tier": {"time_in_mins": 120, "distance": 30, "distance_unit": "MILE"}},
            scheduling={"pickup_time": START_MS + 3 * HOUR_MS},
        ),
    )
    with pytest.raises(ValidationFailed, match="Scheduled rides cannot"):
        rides.update_trip(me, trip.request_id, trip_body())


def test_an_ended_trip_can_no_longer_be_updated(rides, me, clock):
    trip = rides.create_trip(me, trip_body())
    clock.advance(16)
    with pytest.raises(ValidationFailed, match="no longer be updated"):
        rides.update_trip(me, trip.request_id, trip_body())


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"pickup": trip_body()["pickup"]}, "dropoff: field is required"),
        (
            {"dropoff": trip_body()["dropoff"], "stops": [{"latitude": 40.75, "longitude": -74.0}]},
            "stops",
        ),
        (
            {"dropoff": trip_body()["dropoff"], "end_location": trip_body()["dropoff"]},
            "send one of them",
        ),
    ],
    ids=["no-destination", "stops", "both-destinations"],
)
def test_update_bodies_the_document_refuses(rides, me, body, message):
    trip = rides.create_trip(me, trip_body())
    with pytest.raises(ValidationFailed, match=message):
        rides.update_trip(me, trip.request_id, body)


def test_the_deprecated_end_location_is_a_destination(rides, me):
    trip = rides.create_trip(me, trip_body())
    end = moved(trip_body()["dropoff"], NEAR)
    rides.update_trip(me, trip.request_id, {"end_location": end})
    assert trip.dropoff.latitude == end["latitude"]


# -------------------------------------------------------------------------- HTTP


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


def set_state(client, auth, run_id, *states):
    for state in states:
        answer = client.post(
            "/v1/guests/sandbox/driver-state",
            json={"run_id": run_id, "driver_id": "actor-driver0", "driver_state": state},
            headers=auth,
        )
        assert answer.status_code == 200, answer.text


# How to bring a trip to each status reachable through the API and the sandbox's controls.
SCENARIOS: dict[str, dict[str, Any]] = {
    "processing": {"states": ()},
    "accepted": {"states": ("ACCEPT",)},
    "arriving": {"states": ("ACCEPT", "ARRIVED")},
    "in_progress": {"states": ("ACCEPT", "ARRIVED", "BEGIN_TRIP")},
    "completed": {"states": ("ACCEPT", "ARRIVED", "BEGIN_TRIP", "DROPOFF")},
    "driver_redispatched": {"states": ("ACCEPT", "CANCEL")},
    "driver_canceled": {"states": ("ACCEPT", "ARRIVED", "CANCEL")},
    "no_drivers_available": {"states": (), "advance": 16},
    "rider_canceled": {"states": (), "cancel": True},
    "scheduled": {"body": {"scheduling": {"pickup_time": START_MS + 3 * HOUR_MS}}},
    "reserve_scheduled": {
        "body": {"product_id": RESERVE, "scheduling": {"pickup_time": START_MS + 3 * HOUR_MS}}
    },
    "reserve_accepted": {
        "body": {"product_id": RESERVE, "scheduling": {"pickup_time": START_MS + 3 * HOUR_MS}},
        "advance": 3 * 3600,
    },
    "offered": {"body": {"deferred_ride_options": {"pickup_day": ny_date(START_MS)}}},
    "flexible_processing": {
        "body": {"deferred_ride_options": {"pickup_day": ny_date(START_MS)}},
        "dispatch": True,
    },
    "expired": {
        "body": {"deferred_ride_options": {"pickup_day": ny_date(START_MS)}},
        "advance": 2 * 24 * 3600,
    },
}


def trip_in(name: str) -> tuple[Any, dict[str, str], str]:
    """A strict sandbox's client, a token, and a trip brought to scenario ``name``."""
    sandbox = make_sandbox()
    client = client_for(sandbox)
    auth = token(client)
    scenario = SCENARIOS[name]
    run_id = new_run(client, auth)
    body = trip_body(expense_memo="Team dinner", **scenario.get("body", {}))
    created = client.post(TRIPS, json=body, headers={**auth, "x-uber-sandbox-runuuid": run_id})
    assert created.status_code == 200, created.text
    request_id = created.json()["request_id"]
    set_state(client, auth, run_id, *scenario.get("states", ()))
    if scenario.get("advance"):
        sandbox.clock.advance(scenario["advance"])
    if scenario.get("cancel"):
        assert client.delete(f"{TRIPS}/{request_id}", headers=auth).status_code == 204
    if scenario.get("dispatch"):
        assert client.post(f"{TRIPS}/{request_id}/dispatch", headers=auth).status_code == 200
    return client, auth, request_id


def replacement(trip: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A full-replacement body repeating the trip's current values, with ``changes``."""
    keep = ("latitude", "longitude", "address")
    body: dict[str, Any] = {
        "pickup": {k: v for k, v in trip["pickup"].items() if k in keep},
        "dropoff": {k: v for k, v in trip["destination"].items() if k in keep},
        "product_id": trip["product"]["product_id"],
    }
    for name in ("expense_memo", "note_for_driver"):
        if name in trip:
            body[name] = trip[name]
    body.update(changes)
    return body


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_editable_fields_say_what_an_update_accepts(name):
    client, auth, request_id = trip_in(name)
    url = f"{TRIPS}/{request_id}"
    answer = client.get(url, params={"include_editable_fields": "true"}, headers=auth)
    trip = answer.json()
    fields = trip["editable_fields"]

    new_pickup = moved(replacement(trip)["pickup"], NEAR)
    pickup = client.put(url, json=replacement(trip, pickup=new_pickup), headers=auth)
    assert (pickup.status_code == 200) is fields["PICKUP"]["editable"], pickup.text

    trip = client.get(url, headers=auth).json()
    new_dropoff = moved(replacement(trip)["dropoff"], FAR)
    dropoff = client.put(url, json=replacement(trip, dropoff=new_dropoff), headers=auth)
    assert (dropoff.status_code == 200) is fields["DROPOFF"]["editable"], dropoff.text
    if dropoff.status_code == 200:
        assert dropoff.json()["destination"]["latitude"] == new_dropoff["latitude"]

    stops = [{"latitude": 40.751, "longitude": -74.0}]
    with_stops = client.put(url, json=replacement(trip, stops=stops), headers=auth)
    assert with_stops.status_code == 400 and fields["STOPS"]["editable"] is False
    for refused in (pickup, dropoff, with_stops):
        if refused.status_code != 200:
            assert refused.status_code == 400
            assert refused.json()["code"] == "validation_failed"


def test_cancel_over_http_answers_204_then_404(client_auth=None):
    client, auth, request_id = trip_in("accepted")
    url = f"{TRIPS}/{request_id}"
    answer = client.delete(url, headers=auth)
    assert answer.status_code == 204 and answer.content == b""
    trip = client.get(url, headers=auth).json()
    assert (trip["status"], trip["status_detail"]) == ("rider_canceled", "coordinator_canceled")
    again = client.delete(url, headers=auth)
    assert again.status_code == 404 and again.json()["code"] == "not_found"


def test_cancel_over_http_refuses_a_trip_in_progress():
    client, auth, request_id = trip_in("in_progress")
    answer = client.delete(f"{TRIPS}/{request_id}", headers=auth)
    assert answer.status_code == 400 and answer.json()["code"] == "validation_failed"


def test_cancel_and_update_refuse_an_id_that_is_not_a_uuid():
    client = client_for(make_sandbox())
    auth = token(client)
    assert client.delete(f"{TRIPS}/not-a-uuid", headers=auth).status_code == 400
    put = client.put(f"{TRIPS}/not-a-uuid", json=trip_body(), headers=auth)
    assert put.status_code == 400
    assert client.delete(f"{TRIPS}/{MISSING}", headers=auth).status_code == 404
    assert client.put(f"{TRIPS}/{MISSING}", json=trip_body(), headers=auth).status_code == 404
