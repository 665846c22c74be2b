"""Communication sessions, surge and fares (no HTTP)."""

from __future__ import annotations

import pytest

from mock_server.domain.errors import FareConflict, NotFound, SessionRejected

from .conftest import START_MS, UBERX, trip_body

RIDER = "+14155551234"
OFFICE = "+14155559876"


def test_session_returns_a_proxy_number(rides, me):
    trip = rides.create_trip(me, trip_body())
    session = rides.open_session(me, trip.request_id, RIDER)
    assert session.proxy_number.startswith("+")
    assert session.proxy_number != RIDER
    assert rides.can_connect(me, trip.request_id, RIDER)


def test_second_session_invalidates_first(rides, me):
    trip = rides.create_trip(me, trip_body())
    first = rides.open_session(me, trip.request_id, RIDER)
    second = rides.open_session(me, trip.request_id, OFFICE)
    assert second.proxy_number == first.proxy_number  # one session per trip
    assert not rides.can_connect(me, trip.request_id, RIDER)
    assert rides.can_connect(me, trip.request_id, OFFICE)


def test_number_in_a_live_session_of_another_trip_is_a_duplicate(rides, me):
    first = rides.create_trip(me, trip_body())
    other = trip_body()
    other["guest"]["phone_number"] = "+14155550100"
    second = rides.create_trip(me, other)
    rides.open_session(me, first.request_id, RIDER)
    with pytest.raises(SessionRejected) as caught:
        rides.open_session(me, second.request_id, RIDER)
    assert caught.value.code == "bad_request"
    assert (
        caught.value.message
        == "Participant creation rejected due to possible duplication across sessions"
    )


def test_number_is_free_again_once_its_other_trip_ended(rides, me, clock):
    first = rides.create_trip(me, trip_body())
    rides.open_session(me, first.request_id, RIDER)
    clock.advance(15)  # the first trip ends: no driver accepted
    other = trip_body()
    other["guest"]["phone_number"] = "+14155550100"
    second = rides.create_trip(me, other)
    assert rides.open_session(me, second.request_id, RIDER)


def test_no_session_after_the_trip_completed(rides, me, run_id):
    trip = rides.create_trip(me, trip_body(), run_id)
    for state in ("ACCEPT", "ARRIVED", "BEGIN_TRIP", "DROPOFF"):
        rides.set_driver_state(me, run_id, "actor-driver0", state)
    with pytest.raises(SessionRejected):
        rides.open_session(me, trip.request_id, RIDER)


def test_proxy_number_stops_working_when_the_trip_completes(rides, me, run_id):
    trip = rides.create_trip(me, trip_body(), run_id)
    rides.open_session(me, trip.request_id, RIDER)
    for state in ("ACCEPT", "ARRIVED", "BEGIN_TRIP"):
        rides.set_driver_state(me, run_id, "actor-driver0", state)
    assert rides.can_connect(me, trip.request_id, RIDER)
    rides.set_driver_state(me, run_id, "actor-driver0", "DROPOFF")
    assert not rides.can_connect(me, trip.request_id, RIDER)


def test_session_for_an_unknown_trip_is_not_found(rides, me):
    with pytest.raises(NotFound):
        rides.open_session(me, "00000000-0000-4000-8000-000000000000", RIDER)


def test_no_surge_creates_the_trip_at_multiplier_1(rides, me):
    assert rides.create_trip(me, trip_body()).surge_multiplier == 1.0


def test_surge_answers_a_fare_to_confirm(rides, me):
    rides.set_surge(me, UBERX, 1.4)
    with pytest.raises(FareConflict) as caught:
        rides.create_trip(me, trip_body())
    error = caught.value
    assert error.code == "surge"
    assert error.metadata["multiplier"] == 1.4
    assert error.metadata["expires_at"] == START_MS // 1000 + 120
    assert error.metadata["fare_display"].startswith("$")
    assert rides.store.tenant(me.app_id).trips == {}


def test_resending_the_fare_id_creates_the_trip_at_the_surge(rides, me):
    rides.set_surge(me, UBERX, 1.4)
    with pytest.raises(FareConflict) as caught:
        rides.create_trip(me, trip_body())
    trip = rides.create_trip(me, trip_body(fare_id=caught.value.metadata["fare_id"]))
    assert trip.surge_multiplier == 1.4


def test_expired_fare_id_answers_fare_expired_with_a_fresh_fare(rides, me, clock):
    rides.set_surge(me, UBERX, 1.4, fare_ttl_seconds=30)
    with pytest.raises(FareConflict) as caught:
        rides.create_trip(me, trip_body())
    old = caught.value.metadata["fare_id"]
    clock.advance(30)
    with pytest.raises(FareConflict) as caught:
        rides.create_trip(me, trip_body(fare_id=old))
    assert caught.value.code == "fare_expired"
    assert caught.value.metadata["fare_id"] != old
    assert (
        rides.create_trip(me, trip_body(fare_id=caught.value.metadata["fare_id"])).surge_multiplier
        == 1.4
    )


def test_unknown_fare_id_answers_fare_expired(rides, me):
    with pytest.raises(FareConflict) as caught:
        rides.create_trip(me, trip_body(fare_id="00000000-0000-4000-8000-000000000000"))
    assert caught.value.code == "fare_expired"


def test_a_fare_id_is_used_once(rides, me):
    rides.set_surge(me, UBERX, 2.0)
    with pytest.raises(FareConflict) as caught:
        rides.create_trip(me, trip_body())
    fare_id = caught.value.metadata["fare_id"]
    rides.create_trip(me, trip_body(fare_id=fare_id))
    with pytest.raises(FareConflict, match="expired"):
        rides.create_trip(me, trip_body(fare_id=fare_id))


def test_surge_ends_at_multiplier_1(rides, me):
    rides.set_surge(me, UBERX, 1.8)
    rides.set_surge(me, UBERX, 1.0)
    assert rides.create_trip(me, trip_body()).surge_multiplier == 1.0


def test_fares_of_one_application_mean_nothing_to_another(rides, me):
    from mock_server.domain.service import Caller

    rides.set_surge(me, UBERX, 1.4)
    with pytest.raises(FareConflict) as caught:
        rides.create_trip(me, trip_body())
    with pytest.raises(FareConflict, match="expired"):
        rides.create_trip(Caller("app-two"), trip_body(fare_id=caught.value.metadata["fare_id"]))
