"""Receipts: ready a while after completion, and amounts that add up to the trip's fare."""

from __future__ import annotations

import pytest

from mock_server.domain import receipts, views
from mock_server.domain.errors import NotFound

from .conftest import HOURLY, START_MS, UBERX, trip_body
from .http_support import client_for, make_sandbox, token

HOUR_MS = 3600 * 1000


def money(text: str) -> int:
    """A formatted amount, in cents."""
    return round(float(text.lstrip("$")) * 100)


def cents(amount: float) -> int:
    return round(amount * 100)


def complete(rides, me, run_id, clock, body=None, ride_seconds=0):
    trip = rides.create_trip(me, body or trip_body(), run_id)
    for state in ("ACCEPT", "ARRIVED", "BEGIN_TRIP"):
        rides.set_driver_state(me, run_id, "actor-driver0", state)
    clock.advance(ride_seconds)
    rides.set_driver_state(me, run_id, "actor-driver0", "DROPOFF")
    return rides.get_trip(me, trip.request_id)


def assert_adds_up(receipt: dict, client_fare: str) -> None:
    normal = sum(cents(charge["amount"]) for charge in receipt["charges"])
    surge = cents(receipt["surge_charge"]["amount"]) if receipt["surge_charge"] else 0
    adjustments = sum(cents(item["amount"]) for item in receipt["charge_adjustments"])
    assert money(receipt["normal_fare"]) == normal
    assert money(receipt["subtotal"]) == normal + surge
    assert money(receipt["total_fare"]) == normal + surge + adjustments
    assert receipt["total_fare"] == client_fare
    assert cents(receipt["home_currency_total_fare"]["amount"]) == money(receipt["total_fare"])
    assert receipt["total_owed"] == "$0.00"


def test_no_receipt_before_the_trip_completes(rides, me, run_id):
    trip = rides.create_trip(me, trip_body(), run_id)
    with pytest.raises(NotFound):
        rides.receipt(me, trip.request_id)


def test_the_receipt_is_ready_a_minute_after_completion(rides, me, run_id, clock):
    trip = complete(rides, me, run_id, clock)
    clock.advance(receipts.READY_AFTER_SECONDS - 0.001)
    with pytest.raises(NotFound, match="not ready"):
        rides.receipt(me, trip.request_id)
    clock.advance(0.001)
    assert rides.receipt(me, trip.request_id)["request_id"] == trip.request_id


def test_a_canceled_trip_has_no_receipt(rides, me, clock):
    trip = rides.create_trip(me, trip_body())
    rides.cancel_trip(me, trip.request_id)
    clock.advance(3600)
    with pytest.raises(NotFound):
        rides.receipt(me, trip.request_id)


def test_amounts_add_up_to_the_trips_fare(rides, me, run_id, clock):
    trip = complete(rides, me, run_id, clock, ride_seconds=900)
    clock.advance(60)
    receipt = rides.receipt(me, trip.request_id)
    assert receipt["surge_charge"] is None
    assert [item["type"] for item in receipt["charge_adjustments"]] == [receipts.BOOKING_FEE_TYPE]
    assert_adds_up(receipt, views.guest_trip(trip)["client_fare"])
    assert receipt["duration"] == "00:15:00"


def test_a_surged_trip_shows_its_surge_charge(rides, me, run_id, clock):
    rides.set_surge(me, UBERX, 1.5)
    farther = {"latitude": 40.80, "longitude": -73.95}  # a fare belongs to its product, not a route
    estimate = rides.estimate(me, {"pickup": trip_body()["pickup"], "dropoff": farther}, None, "en")
    fare = next(
        item["estimate_info"]["fare"]
        for item in estimate["product_estimates"]
        if item["product"]["product_id"] == UBERX
    )
    trip = complete(rides, me, run_id, clock, trip_body(fare_id=fare["fare_id"]), 4000)
    clock.advance(60)
    receipt = rides.receipt(me, trip.request_id)
    assert receipt["surge_charge"]["name"] == "Surge x1.5"
    assert receipt["surge_charge"]["amount"] > 0
    assert receipt["total_fare"] == fare["display"]  # the upfront fare, whatever the ride took
    assert_adds_up(receipt, views.guest_trip(trip)["client_fare"])


def test_an_hourly_ride_is_charged_its_tier_plus_overage(rides, me, run_id, clock):
    pickup_time = START_MS + 3 * HOUR_MS
    body = trip_body(
        product_id=HOURLY,
        hourly={"tier": {"time_in_mins": 60, "distance": 15, "distance_unit": "MILE"}},
        scheduling={"pickup_time": pickup_time},
    )
    trip = rides.create_trip(me, body, run_id)
    clock.set(pickup_time)
    for state in ("ARRIVED", "BEGIN_TRIP"):
        rides.set_driver_state(me, run_id, "actor-driver0", state)
    clock.advance(90 * 60)  # 30 minutes beyond the tier
    rides.set_driver_state(me, run_id, "actor-driver0", "DROPOFF")
    clock.advance(60)
    receipt = rides.receipt(me, trip.request_id)
    by_name = {charge["name"]: charge["amount"] for charge in receipt["charges"]}
    assert by_name["Extra time"] == 30 * 1.25
    assert by_name["Hourly 1 hrs/15 miles"] == 89
    assert receipt["charge_adjustments"] == []
    assert_adds_up(receipt, views.guest_trip(rides.get_trip(me, trip.request_id))["client_fare"])


def test_the_receipt_over_http_in_strict_mode():
    sandbox = make_sandbox()
    client = client_for(sandbox)
    auth = token(client)
    run = client.post(
        "/v1/guests/sandbox/run",
        json={
            "driver_locations": [{}],
            "pickup_location": {"latitude": 40.752558, "longitude": -74.006469},
            "dropoff_location": {"latitude": 40.750568, "longitude": -73.993519},
        },
        headers=auth,
    ).json()["run_id"]
    created = client.post(
        "/v1/guests/trips",
        json=trip_body(expense_memo="Offsite"),
        headers={**auth, "x-uber-sandbox-runuuid": run},
    ).json()
    url = f"/v1/guests/trips/{created['request_id']}/receipt"
    for state in ("ACCEPT", "ARRIVED", "BEGIN_TRIP", "DROPOFF"):
        client.post(
            "/v1/guests/sandbox/driver-state",
            json={"run_id": run, "driver_id": "actor-driver0", "driver_state": state},
            headers=auth,
        )
    early = client.get(url, headers=auth)
    assert early.status_code == 404 and early.json()["code"] == "not_found"
    sandbox.clock.advance(60)
    answer = client.get(url, headers=auth)
    assert answer.status_code == 200
    assert answer.json()["expense_memo"] == "Offsite"
    trip = client.get(f"/v1/guests/trips/{created['request_id']}", headers=auth).json()
    assert_adds_up(answer.json(), trip["client_fare"])
    assert client.get("/v1/guests/trips/not-a-uuid/receipt", headers=auth).status_code == 400
