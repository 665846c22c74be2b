"""Creating trips of each ride type and the time rules of their life cycle (no HTTP)."""

from __future__ import annotations

import pytest

from mock_server.domain.errors import InvalidPickupTime, ValidationFailed
from mock_server.domain.service import Caller, GuestRides

from .conftest import HOURLY, RESERVE, START_MS, ny_date, trip_body

HOUR_MS = 3_600_000


def test_on_demand_trip_starts_processing(rides, me):
    trip = rides.create_trip(me, trip_body())
    assert trip.status == "processing"


def test_scheduled_trip_starts_scheduled(rides, me):
    trip = rides.create_trip(me, trip_body(scheduling={"pickup_time": START_MS + 2 * HOUR_MS}))
    assert trip.status == "scheduled"
    assert not trip.is_reserve


def test_a_product_without_scheduling_cannot_be_scheduled(rides, me):
    # UberX Share: estimates do not list it for a scheduled ride, so create refuses one.
    share = "17cb78a7-b672-4d34-a288-a6c6e44d5315"
    scheduled = trip_body(product_id=share, scheduling={"pickup_time": START_MS + 2 * HOUR_MS})
    with pytest.raises(ValidationFailed, match="cannot be scheduled"):
        rides.create_trip(me, scheduled)
    assert rides.create_trip(me, trip_body(product_id=share)).status == "processing"


def test_reserve_product_with_pickup_time_is_a_reserve_trip(rides, me):
    trip = rides.create_trip(
        me, trip_body(product_id=RESERVE, scheduling={"pickup_time": START_MS + 3 * HOUR_MS})
    )
    assert trip.status == "scheduled"
    assert trip.is_reserve


def test_reserve_product_without_pickup_time_is_rejected(rides, me):
    with pytest.raises(ValidationFailed, match="pickup_time"):
        rides.create_trip(me, trip_body(product_id=RESERVE))


def test_hourly_trip_with_matching_tier_is_scheduled(rides, me):
    hourly = {"tier": {"time_in_mins": 120, "distance": 30, "distance_unit": "MILE"}}
    trip = rides.create_trip(
        me,
        trip_body(
            product_id=HOURLY, hourly=hourly, scheduling={"pickup_time": START_MS + 3 * HOUR_MS}
        ),
    )
    assert trip.status == "scheduled"
    assert trip.is_reserve
    assert trip.hourly_tier.amount == 169.0


def test_hourly_trip_with_unknown_tier_is_rejected(rides, me):
    hourly = {"tier": {"time_in_mins": 45, "distance": 30, "distance_unit": "MILE"}}
    with pytest.raises(ValidationFailed, match="hourly.tier"):
        rides.create_trip(
            me,
            trip_body(
                product_id=HOURLY, hourly=hourly, scheduling={"pickup_time": START_MS + 3 * HOUR_MS}
            ),
        )


def test_hourly_trip_needs_pickup_time(rides, me):
    hourly = {"tier": {"time_in_mins": 120, "distance": 30, "distance_unit": "MILE"}}
    with pytest.raises(ValidationFailed, match="pickup_time"):
        rides.create_trip(me, trip_body(product_id=HOURLY, hourly=hourly))


def test_flexible_trip_starts_offered(rides, me):
    trip = rides.create_trip(
        me, trip_body(deferred_ride_options={"pickup_day": ny_date(START_MS, 1)})
    )
    assert trip.status == "offered"


def test_pickup_time_in_the_past_is_rejected(rides, me):
    with pytest.raises(ValidationFailed, match="future"):
        rides.create_trip(me, trip_body(scheduling={"pickup_time": START_MS - 1}))


def test_pickup_day_in_the_past_is_rejected(rides, me):
    with pytest.raises(ValidationFailed, match="pickup_day"):
        rides.create_trip(
            me, trip_body(deferred_ride_options={"pickup_day": ny_date(START_MS, -1)})
        )


def test_pickup_time_and_pickup_day_together_are_rejected(rides, me):
    with pytest.raises(ValidationFailed, match="both"):
        rides.create_trip(
            me,
            trip_body(
                scheduling={"pickup_time": START_MS + HOUR_MS},
                deferred_ride_options={"pickup_day": ny_date(START_MS, 1)},
            ),
        )


def test_unknown_product_is_rejected(rides, me):
    with pytest.raises(ValidationFailed, match="product_id"):
        rides.create_trip(me, trip_body(product_id="00000000-0000-4000-8000-000000000000"))


def test_scheduled_trip_is_dispatched_fifteen_minutes_before_pickup(rides, me, clock):
    pickup_time = START_MS + 2 * HOUR_MS
    trip = rides.create_trip(me, trip_body(scheduling={"pickup_time": pickup_time}))
    clock.set(pickup_time - 15 * 60_000 - 1)
    assert rides.get_trip(me, trip.request_id).status == "scheduled"
    clock.advance(0.001)
    trip = rides.get_trip(me, trip.request_id)
    assert trip.status == "processing"
    assert trip.status_since == pickup_time - 15 * 60_000


def test_reserve_trip_gets_its_driver_at_dispatch_without_accept(rides, me, clock):
    pickup_time = START_MS + 3 * HOUR_MS
    trip = rides.create_trip(
        me, trip_body(product_id=RESERVE, scheduling={"pickup_time": pickup_time})
    )
    clock.set(pickup_time - 15 * 60_000)
    trip = rides.get_trip(me, trip.request_id)
    assert trip.status == "accepted"
    assert trip.driver is not None


def test_on_demand_trip_without_driver_ends_no_drivers_available(rides, me, clock):
    trip = rides.create_trip(me, trip_body())
    clock.advance(15)
    trip = rides.get_trip(me, trip.request_id)
    assert trip.status == "no_drivers_available"
    assert trip.status_since == START_MS + 15_000


def test_return_trip_is_linked_both_ways(rides, me):
    trip = rides.create_trip(
        me, trip_body(return_trip_params={"scheduling": {"pickup_time": START_MS + 5 * HOUR_MS}})
    )
    assert trip.linked_request_id
    back = rides.get_trip(me, trip.linked_request_id)
    assert back.linked_request_id == trip.request_id
    assert back.status == "scheduled"
    assert (back.pickup.latitude, back.dropoff.latitude) == (
        trip.dropoff.latitude,
        trip.pickup.latitude,
    )
    assert back.guest.guest_id == trip.guest.guest_id


def test_return_trip_can_be_flexible(rides, me):
    trip = rides.create_trip(
        me,
        trip_body(
            return_trip_params={"deferred_ride_options": {"pickup_day": ny_date(START_MS, 2)}}
        ),
    )
    assert rides.get_trip(me, trip.linked_request_id).status == "offered"


def test_return_trip_without_time_or_day_is_rejected_and_nothing_is_created(rides, me):
    with pytest.raises(ValidationFailed, match="return_trip_params"):
        rides.create_trip(me, trip_body(return_trip_params={"product_id": HOURLY}))
    assert rides.store.tenant(me.app_id).trips == {}


def test_second_scheduled_ride_for_same_guest_and_time_is_invalid_pickup_time(rides, me):
    body = trip_body(scheduling={"pickup_time": START_MS + 2 * HOUR_MS})
    rides.create_trip(me, body)
    with pytest.raises(InvalidPickupTime) as caught:
        rides.create_trip(me, body)
    assert caught.value.code == "invalid_pickup_time"
    assert caught.value.message == "You already have a ride scheduled for the selected time!"


def test_same_time_for_another_guest_is_fine(rides, me):
    rides.create_trip(me, trip_body(scheduling={"pickup_time": START_MS + 2 * HOUR_MS}))
    other = trip_body(scheduling={"pickup_time": START_MS + 2 * HOUR_MS})
    other["guest"]["phone_number"] = "+14155559999"
    assert rides.create_trip(me, other).status == "scheduled"


def test_same_time_is_free_again_once_the_first_ride_ended(rides, me, clock):
    body = trip_body(scheduling={"pickup_time": START_MS + HOUR_MS})
    rides.create_trip(me, body)
    clock.set(START_MS + HOUR_MS - 15 * 60_000 + 15_000)  # dispatched, nobody accepted
    # the first ride is no_drivers_available now; the pickup is near, so the new one is dispatched at once
    assert rides.create_trip(me, body).status == "processing"


def test_guest_id_is_stable_and_locale_defaults_to_the_last_one_used(rides, me):
    first = rides.create_trip(me, trip_body(guest={"phone_number": "+14155550000", "locale": "fr"}))
    second = rides.create_trip(me, trip_body(guest={"phone_number": "+14155550000"}))
    assert second.guest.guest_id == first.guest.guest_id
    assert second.guest.locale == "fr"
    other = rides.create_trip(me, trip_body(guest={"phone_number": "+14155550077"}))
    assert other.guest.locale == "en"


def test_other_application_cannot_see_a_trip(rides, me):
    trip = rides.create_trip(me, trip_body())
    from mock_server.domain.errors import NotFound

    with pytest.raises(NotFound):
        rides.get_trip(Caller("app-two"), trip.request_id)


def test_other_organization_of_the_same_application_cannot_see_a_trip(rides):
    from mock_server.domain.errors import NotFound

    org_a = Caller("app-3p", organization_id="11111111-1111-4111-8111-111111111111")
    org_b = Caller("app-3p", organization_id="22222222-2222-4222-8222-222222222222")
    trip = rides.create_trip(org_a, trip_body())
    assert rides.get_trip(org_a, trip.request_id).request_id == trip.request_id
    with pytest.raises(NotFound):
        rides.get_trip(org_b, trip.request_id)


def test_riders_api_reads_other_applications_trips_only_with_all_trips(rides, me):
    from mock_server.domain.errors import NotFound

    trip = rides.create_trip(me, trip_body())
    with pytest.raises(NotFound):
        rides.find_ride_request("app-two", trip.request_id, all_trips=False)
    assert rides.find_ride_request("app-two", trip.request_id, all_trips=True) is trip
    assert rides.find_ride_request(me.app_id, trip.request_id, all_trips=False) is trip


def test_auto_drive_completes_an_on_demand_trip_on_the_clock(auto_rides: GuestRides, me, clock):
    trip = auto_rides.create_trip(me, trip_body())
    clock.advance(2)
    assert auto_rides.get_trip(me, trip.request_id).status == "accepted"
    clock.advance(20)
    assert auto_rides.get_trip(me, trip.request_id).status == "arriving"
    clock.advance(10)
    assert auto_rides.get_trip(me, trip.request_id).status == "in_progress"
    clock.advance(3600)
    trip = auto_rides.get_trip(me, trip.request_id)
    assert trip.statuses() == ["processing", "accepted", "arriving", "in_progress", "completed"]
    assert trip.dropoff_time == START_MS + 62_000
    assert trip.begin_trip_time == START_MS + 32_000


def test_auto_drive_dispatches_and_completes_a_scheduled_trip(auto_rides: GuestRides, me, clock):
    trip = auto_rides.create_trip(me, trip_body(scheduling={"pickup_time": START_MS + HOUR_MS}))
    clock.advance(2 * 3600)
    assert auto_rides.get_trip(me, trip.request_id).statuses() == [
        "scheduled",
        "processing",
        "accepted",
        "arriving",
        "in_progress",
        "completed",
    ]
