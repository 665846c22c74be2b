"""Moving a sandbox run's driver through a trip (no HTTP)."""

from __future__ import annotations

import pytest

from mock_server.domain.errors import InvalidDriverState, NotFound, ValidationFailed
from mock_server.domain.service import Caller

from .conftest import ON_DEMAND, RESERVE, START_MS, trip_body

DRIVER = "actor-driver0"


def drive(rides, me, run_id, *states):
    for state in states:
        rides.set_driver_state(me, run_id, DRIVER, state)


def test_full_ride_follows_the_driver_states(rides, me, run_id, clock):
    trip = rides.create_trip(me, trip_body(), run_id)
    for state, expected in [
        ("ACCEPT", "accepted"),
        ("ARRIVED", "arriving"),
        ("BEGIN_TRIP", "in_progress"),
        ("DROPOFF", "completed"),
    ]:
        clock.advance(5)
        drive(rides, me, run_id, state)
        assert rides.get_trip(me, trip.request_id).status == expected
    assert trip.begin_trip_time == START_MS + 15_000
    assert trip.dropoff_time == START_MS + 20_000


def test_accept_within_15_seconds_succeeds(rides, me, run_id, clock):
    trip = rides.create_trip(me, trip_body(), run_id)
    clock.advance(14.999)
    drive(rides, me, run_id, "ACCEPT")
    assert trip.status == "accepted"


def test_accept_after_15_seconds_times_out(rides, me, run_id, clock):
    trip = rides.create_trip(me, trip_body(), run_id)
    clock.advance(15)
    with pytest.raises(InvalidDriverState):
        drive(rides, me, run_id, "ACCEPT")
    assert rides.get_trip(me, trip.request_id).status == "no_drivers_available"


def test_states_cannot_skip_ahead(rides, me, run_id):
    rides.create_trip(me, trip_body(), run_id)
    with pytest.raises(InvalidDriverState, match="ARRIVED is only allowed after ACCEPT"):
        drive(rides, me, run_id, "ARRIVED")
    drive(rides, me, run_id, "ACCEPT")
    with pytest.raises(InvalidDriverState, match="DROPOFF"):
        drive(rides, me, run_id, "DROPOFF")
    with pytest.raises(InvalidDriverState, match="BEGIN_TRIP"):
        drive(rides, me, run_id, "BEGIN_TRIP")


def test_cancel_after_accept_redispatches_and_a_new_accept_takes_it(rides, me, run_id, clock):
    trip = rides.create_trip(me, trip_body(), run_id)
    drive(rides, me, run_id, "ACCEPT", "CANCEL")
    assert trip.status == "driver_redispatched"
    assert trip.driver is None
    clock.advance(10)
    drive(rides, me, run_id, "ACCEPT")
    assert trip.statuses() == ["processing", "accepted", "driver_redispatched", "accepted"]


def test_redispatch_nobody_accepts_ends_no_drivers_available(rides, me, run_id, clock):
    trip = rides.create_trip(me, trip_body(), run_id)
    clock.advance(10)
    drive(rides, me, run_id, "ACCEPT", "CANCEL")
    clock.advance(15)
    assert rides.get_trip(me, trip.request_id).status == "no_drivers_available"


def test_cancel_after_arrived_is_driver_canceled(rides, me, run_id):
    trip = rides.create_trip(me, trip_body(), run_id)
    drive(rides, me, run_id, "ACCEPT", "ARRIVED", "CANCEL")
    assert trip.status == "driver_canceled"


@pytest.mark.parametrize("before", [(), ("ACCEPT", "ARRIVED", "BEGIN_TRIP")])
def test_cancel_is_only_allowed_after_accept_or_arrived(rides, me, run_id, before):
    rides.create_trip(me, trip_body(), run_id)
    drive(rides, me, run_id, *before)
    with pytest.raises(InvalidDriverState, match="CANCEL"):
        drive(rides, me, run_id, "CANCEL")


def test_accept_is_not_supported_for_reserve_rides(rides, me, run_id, clock):
    rides.create_trip(
        me, trip_body(product_id=RESERVE, scheduling={"pickup_time": START_MS + 7_200_000}), run_id
    )
    clock.advance(7_200 - 15 * 60)
    # dispatched: the run's driver was pre-assigned and the trip is accepted without ACCEPT
    with pytest.raises(
        InvalidDriverState, match="ACCEPT is not supported for Reserve or Hourly rides"
    ):
        drive(rides, me, run_id, "ACCEPT")
    drive(rides, me, run_id, "ARRIVED", "BEGIN_TRIP", "DROPOFF")


def test_offline_driver_gets_no_offer_until_it_goes_online(rides, me, run_id, clock):
    drive(rides, me, run_id, "GO_OFFLINE")
    trip = rides.create_trip(me, trip_body(), run_id)
    with pytest.raises(InvalidDriverState, match="offline"):
        drive(rides, me, run_id, "ACCEPT")
    clock.advance(5)
    drive(rides, me, run_id, "GO_ONLINE", "ACCEPT")
    assert trip.status == "accepted"


def test_go_offline_during_a_trip_is_refused(rides, me, run_id):
    rides.create_trip(me, trip_body(), run_id)
    drive(rides, me, run_id, "ACCEPT")
    with pytest.raises(InvalidDriverState, match="GO_OFFLINE"):
        drive(rides, me, run_id, "GO_OFFLINE")


def test_go_offline_withdraws_a_pending_offer(rides, me, run_id, clock):
    trip = rides.create_trip(me, trip_body(), run_id)
    drive(rides, me, run_id, "GO_OFFLINE")
    clock.advance(15)
    assert rides.get_trip(me, trip.request_id).status == "no_drivers_available"


def test_driver_busy_with_one_trip_is_not_offered_another(rides, me, run_id, clock):
    first = rides.create_trip(me, trip_body(), run_id)
    drive(rides, me, run_id, "ACCEPT")
    other = trip_body()
    other["guest"]["phone_number"] = "+14155550100"
    second = rides.create_trip(me, other, run_id)
    assert second.offered_to is None
    drive(rides, me, run_id, "ARRIVED", "BEGIN_TRIP", "DROPOFF")
    # freed, the driver is offered the waiting trip
    drive(rides, me, run_id, "ACCEPT")
    assert (first.status, second.status) == ("completed", "accepted")


def test_auto_accept_run_accepts_on_its_own(rides, me, clock):
    run = rides.create_run(
        me,
        {
            "driver_locations": [{}],
            "pickup_location": {k: ON_DEMAND["pickup"][k] for k in ("latitude", "longitude")},
            "dropoff_location": {k: ON_DEMAND["dropoff"][k] for k in ("latitude", "longitude")},
            "preferences": {"auto_accept_trip": True},
        },
    )
    trip = rides.create_trip(me, trip_body(), run.run_id)
    assert trip.status == "processing"  # create answers processing, as for any on-demand ride
    clock.advance(rides.timing.auto_accept)
    assert rides.get_trip(me, trip.request_id).status == "accepted"


def test_unknown_run_and_driver_are_not_found(rides, me, run_id):
    with pytest.raises(NotFound, match="RunID is not valid"):
        rides.set_driver_state(me, "00000000-0000-4000-8000-000000000000", DRIVER, "ACCEPT")
    with pytest.raises(NotFound, match="DriverID"):
        rides.set_driver_state(me, run_id, "actor-driver7", "ACCEPT")


def test_runs_are_private_to_their_application(rides, me, run_id):
    with pytest.raises(NotFound):
        rides.get_run(Caller("app-two"), run_id)
    assert rides.get_run(me, run_id).driver_ids() == [DRIVER]


def test_run_expires_after_8_hours(rides, me, run_id, clock):
    clock.advance(8 * 3600 - 1)
    rides.get_run(me, run_id)
    clock.advance(1)
    with pytest.raises(NotFound, match="RunID is not valid"):
        rides.get_run(me, run_id)
    with pytest.raises(NotFound, match="Invalid Run ID"):
        rides.create_trip(me, trip_body(), run_id)


def test_a_run_has_at_most_one_driver(rides, me):
    with pytest.raises(ValidationFailed, match="driver_locations"):
        rides.create_run(
            me, {"driver_locations": [{}, {}], "pickup_location": {}, "dropoff_location": {}}
        )
