"""Which fields a trip shows in which status, and translations (no HTTP)."""

from __future__ import annotations

import threading

import pytest

from mock_server.clock import ManualClock, SystemClock
from mock_server.domain import views
from mock_server.domain.service import Caller, GuestRides
from mock_server.store import Store

from .conftest import START_MS, trip_body

DRIVER = "actor-driver0"


def moved(rides, me, run_id, *states):
    trip = rides.create_trip(me, trip_body(), run_id)
    for state in states:
        rides.set_driver_state(me, run_id, DRIVER, state)
    return trip


def test_no_driver_or_vehicle_before_a_driver_is_assigned(rides, me, run_id):
    shown = views.guest_trip(moved(rides, me, run_id))
    assert "driver" not in shown and "vehicle" not in shown and "location" not in shown


@pytest.mark.parametrize(
    ("states", "has_location"),
    [
        (("ACCEPT",), True),
        (("ACCEPT", "ARRIVED"), True),
        (("ACCEPT", "ARRIVED", "BEGIN_TRIP"), False),
    ],
)
def test_location_and_pickup_eta_only_while_accepted_or_arriving(
    rides, me, run_id, states, has_location
):
    shown = views.guest_trip(moved(rides, me, run_id, *states))
    assert ("location" in shown) is has_location
    assert ("eta" in shown["pickup"]) is has_location
    assert "eta" in shown["destination"]
    assert shown["driver"]["phone_number"]


def test_completed_trip_has_fare_waypoints_and_dropoff_time(rides, me, run_id, clock):
    trip = rides.create_trip(me, trip_body(), run_id)
    for state in ("ACCEPT", "ARRIVED", "BEGIN_TRIP"):
        rides.set_driver_state(me, run_id, DRIVER, state)
    clock.advance(600)
    rides.set_driver_state(me, run_id, DRIVER, "DROPOFF")
    shown = views.guest_trip(trip)
    assert shown["dropoff_time"] == START_MS + 600_000
    assert shown["trip_duration_seconds"] == 600
    assert [w["type"] for w in shown["waypoints"]] == ["pickup", "dropoff"]
    assert shown["client_fare"] == f"${shown['client_fare_numeric']:.2f}"
    assert shown["currency_code"] == "USD" and shown["can_tip"] is True
    assert shown["trip_distance_miles"] > 0
    assert "phone_number" not in shown["driver"] and "location" not in shown
    assert "eta" not in shown["destination"]


def test_fares_are_absent_before_completion(rides, me, run_id):
    shown = views.guest_trip(moved(rides, me, run_id, "ACCEPT", "ARRIVED", "BEGIN_TRIP"))
    for field in ("client_fare", "waypoints", "dropoff_time", "trip_distance_miles"):
        assert field not in shown
    assert "begin_trip_time" in shown


def test_editable_fields_only_when_asked(rides, me):
    trip = rides.create_trip(me, trip_body())
    assert "editable_fields" not in views.guest_trip(trip)
    assert views.guest_trip(trip, include_editable_fields=True)["editable_fields"]["PICKUP"] == {
        "editable": True,
        "max_radius_meters": 200,
    }


def test_editable_fields_keep_only_the_destination_once_a_driver_is_assigned(rides, me, run_id):
    fields = views.guest_trip(moved(rides, me, run_id, "ACCEPT"), include_editable_fields=True)[
        "editable_fields"
    ]
    assert {name: value["editable"] for name, value in fields.items()} == {
        "PICKUP": False,
        "STOPS": False,
        "DROPOFF": True,
    }


def test_french_translates_the_vehicle_colour_and_product_description(rides, me, run_id):
    trip = moved(rides, me, run_id, "ACCEPT")
    english = views.guest_trip(trip, "en")
    french = views.guest_trip(trip, views.language_of("FR"))
    expected = {
        "white": "blanc",
        "black": "noir",
        "silver": "argent",
        "grey": "gris",
        "blue": "bleu",
        "red": "rouge",
    }
    assert (
        french["vehicle"]["vehicle_color_name"]
        == expected[english["vehicle"]["vehicle_color_name"]]
    )
    assert french["product"]["description"] != english["product"]["description"]


def test_the_docs_white_vehicle_is_blanc_in_french():
    from mock_server.domain.trips import Driver

    driver = next(
        d for d in (Driver.for_key(f"key-{n}") for n in range(200)) if d.colour == "white"
    )
    assert driver.colour_in("fr") == "blanc"
    assert driver.colour_in("en") == "white"


@pytest.mark.parametrize(
    ("header", "language"),
    [
        (None, "en"),
        ("FR", "fr"),
        ("fr-CA", "fr"),
        ("fr_FR", "fr"),
        ("de, fr;q=0.5", "fr"),
        ("en_US", "en"),
        ("xx", "en"),
    ],
)
def test_accept_language_picks_the_first_supported_language(header, language):
    assert views.language_of(header) == language


def test_scheduling_and_pickup_day_are_shown_for_their_ride_types(rides, me):
    scheduled = rides.create_trip(me, trip_body(scheduling={"pickup_time": START_MS + 7_200_000}))
    assert views.guest_trip(scheduled)["scheduling"] == {"pickup_time": START_MS + 7_200_000}
    assert "deferred_ride_options" not in views.guest_trip(scheduled)
    assert "scheduling" not in views.guest_trip(
        rides.create_trip(me, trip_body(guest={"phone_number": "+14155550111"}))
    )


def test_riders_view_nulls_driver_vehicle_location_on_completed_trips(rides, me, run_id):
    shown = views.ride_request(
        moved(rides, me, run_id, "ACCEPT", "ARRIVED", "BEGIN_TRIP", "DROPOFF")
    )
    assert shown["status"] == "completed"
    assert (shown["driver"], shown["vehicle"], shown["location"]) == (None, None, None)
    assert "pickup" not in shown and "surge_multiplier" not in shown
    assert shown["shared"] is False


def test_riders_view_of_an_accepted_trip_has_driver_and_location(rides, me, run_id):
    shown = views.ride_request(moved(rides, me, run_id, "ACCEPT"))
    assert shown["status"] == "accepted"
    assert shown["driver"]["name"] and shown["vehicle"]["license_plate"]
    assert 0 <= shown["location"]["bearing"] <= 359
    assert shown["pickup"]["eta"] >= 1


@pytest.mark.parametrize(
    ("guest_status", "riders_status"),
    [("scheduled", "processing"), ("offered", "processing"), ("expired", "rider_canceled")],
)
def test_riders_view_maps_guest_only_statuses(rides, me, guest_status, riders_status):
    trip = rides.create_trip(me, trip_body())
    trip.status = guest_status
    assert views.ride_request(trip)["status"] == riders_status


def test_manual_clock_never_goes_backwards():
    clock = ManualClock(START_MS)
    clock.advance(1)
    with pytest.raises(ValueError):
        clock.set(START_MS)
    with pytest.raises(ValueError):
        clock.advance(-1)
    assert clock.now_ms() == START_MS + 1000


def test_system_clock_can_be_moved_forward():
    clock = SystemClock()
    before = clock.now_ms()
    clock.advance(3600)
    assert clock.now_ms() - before >= 3_600_000
    clock.set(clock.now_ms() + 86_400_000)
    assert clock.now_ms() - before >= 90_000_000


def test_concurrent_creates_are_all_stored():
    rides = GuestRides(Store(), ManualClock(START_MS))
    me = Caller("app-one")
    errors = []

    def work(index: int) -> None:
        try:
            for n in range(50):
                body = trip_body(guest={"phone_number": f"+1415{index:03d}{n:04d}"})
                rides.create_trip(me, body)
        except Exception as error:  # pragma: no cover - only on failure
            errors.append(error)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(rides.store.tenant("app-one").trips) == 400
