"""Flexible rides: dispatch on the pickup day, expiry at 6 A.M. the day after (no HTTP)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from mock_server.domain.errors import NotFound, ValidationFailed

from .conftest import START_MS, ny_date, trip_body

NY = ZoneInfo("America/New_York")


def ms(day: str, hour: int, minute: int = 0, zone: ZoneInfo = NY) -> int:
    moment = dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour, minute), zone)
    return int(moment.timestamp() * 1000)


def flexible(rides, me, days_ahead=1, **changes):
    return rides.create_trip(
        me,
        trip_body(deferred_ride_options={"pickup_day": ny_date(START_MS, days_ahead)}, **changes),
    )


def test_dispatch_on_the_pickup_day_starts_matching(rides, me, clock):
    trip = flexible(rides, me)
    clock.set(ms(trip.pickup_day, 0, 1))
    rides.dispatch(me, trip.request_id)
    assert trip.status == "processing"


def test_dispatch_before_the_pickup_day_is_refused(rides, me, clock):
    trip = flexible(rides, me)
    clock.set(ms(trip.pickup_day, 0) - 1)
    with pytest.raises(NotFound) as caught:
        rides.dispatch(me, trip.request_id)
    assert (caught.value.code, caught.value.message) == (
        "entity_not_found",
        "Ride cannot be dispatched until pickup day.",
    )
    assert trip.status == "offered"


def test_second_dispatch_is_refused(rides, me, clock):
    trip = flexible(rides, me, days_ahead=0)
    rides.dispatch(me, trip.request_id)
    with pytest.raises(NotFound, match="This ride can no longer be dispatched."):
        rides.dispatch(me, trip.request_id)


def test_dispatch_of_a_ride_that_is_not_flexible_is_refused(rides, me):
    trip = rides.create_trip(me, trip_body())
    with pytest.raises(NotFound, match="This ride type cannot be dispatched."):
        rides.dispatch(me, trip.request_id)


def test_dispatch_of_an_unknown_ride_is_not_found(rides, me):
    with pytest.raises(NotFound) as caught:
        rides.dispatch(me, "00000000-0000-4000-8000-000000000000")
    assert (caught.value.code, caught.value.message) == ("entity_not_found", "Not found")


def test_flexible_ride_expires_at_6am_the_day_after_pickup_day(rides, me, clock):
    trip = flexible(rides, me)
    next_day = (dt.date.fromisoformat(trip.pickup_day) + dt.timedelta(days=1)).isoformat()
    clock.set(ms(next_day, 6) - 1)
    assert rides.get_trip(me, trip.request_id).status == "offered"
    clock.advance(0.001)
    trip = rides.get_trip(me, trip.request_id)
    assert trip.status == "expired"
    assert trip.status_since == ms(next_day, 6)


def test_an_offered_ride_can_still_be_dispatched_before_6am_the_next_day(rides, me, clock):
    trip = flexible(rides, me)
    next_day = (dt.date.fromisoformat(trip.pickup_day) + dt.timedelta(days=1)).isoformat()
    clock.set(ms(next_day, 5, 59))
    rides.dispatch(me, trip.request_id)
    assert trip.status == "processing"


def test_expired_ride_cannot_be_dispatched(rides, me, clock):
    trip = flexible(rides, me)
    clock.advance(3 * 86400)
    with pytest.raises(NotFound, match="This ride can no longer be dispatched."):
        rides.dispatch(me, trip.request_id)


def test_expiry_follows_the_pickups_time_zone_and_utc_elsewhere(rides, me):
    in_new_york = flexible(rides, me)
    somewhere = flexible(
        rides,
        me,
        pickup={"latitude": 10.0, "longitude": 10.0},
        dropoff={"latitude": 10.01, "longitude": 10.01},
    )
    next_day = (dt.date.fromisoformat(in_new_york.pickup_day) + dt.timedelta(days=1)).isoformat()
    assert rides.flexible_expiry_ms(in_new_york) == ms(next_day, 6)
    assert (
        rides.flexible_expiry_ms(somewhere)
        == ms(somewhere.pickup_day, 6, zone=ZoneInfo("UTC")) + 86_400_000
    )


def test_dispatched_flexible_ride_is_driven_by_the_run(rides, me, run_id):
    trip = rides.create_trip(
        me, trip_body(deferred_ride_options={"pickup_day": ny_date(START_MS)}), run_id
    )
    rides.dispatch(me, trip.request_id)
    rides.set_driver_state(me, run_id, "actor-driver0", "ACCEPT")
    assert trip.status == "accepted"


def test_flexible_ride_on_the_last_calendar_day_never_expires(rides, me, clock):
    clock.set(ms("9999-12-30", 12, zone=dt.UTC))
    body = trip_body(deferred_ride_options={"pickup_day": "9999-12-31"})
    trip = rides.create_trip(me, body)
    assert trip.status == "offered"
    clock.set(ms("9999-12-31", 23, 59, zone=dt.UTC))
    assert rides.get_trip(me, trip.request_id).status == "offered"


def test_local_day_past_the_calendar_counts_as_the_last_day(rides, me, clock):
    # 23:30 UTC on the last day is already year 10000 in Paris, which no date can hold.
    clock.set(ms("9999-12-31", 23, 30, zone=dt.UTC))
    paris = {"latitude": 48.8566, "longitude": 2.3522, "address": "Paris"}
    with pytest.raises(ValidationFailed, match="today or later"):
        rides.create_trip(
            me, trip_body(pickup=paris, deferred_ride_options={"pickup_day": "9999-12-30"})
        )
    body = trip_body(pickup=paris, deferred_ride_options={"pickup_day": "9999-12-31"})
    assert rides.create_trip(me, body).status == "offered"
