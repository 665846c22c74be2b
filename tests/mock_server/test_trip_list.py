"""Listing trips: status groups, newest first, and position keys that survive new trips."""

from __future__ import annotations

import pytest

from mock_server.domain import listing
from mock_server.domain.errors import ValidationFailed
from mock_server.domain.service import Caller

from .conftest import START_MS, ny_date, trip_body
from .http_support import ORG, client_for, document, make_sandbox, token, with_run

TRIPS = "/v1/guests/trips"


def list_parameter(name: str) -> dict:
    operation = document().raw["paths"][TRIPS]["get"]
    for parameter in operation["parameters"]:
        if parameter.get("name") == name:
            return parameter["schema"]
    raise AssertionError(name)


def statuses_enum() -> list[str]:
    return list(document().raw["components"]["schemas"]["TripStatus"]["enum"])


def ids(trips) -> list[str]:
    return [trip.request_id for trip in trips]


# ------------------------------------------------------------------------ domain


def test_every_status_falls_in_exactly_one_documented_group():
    groups = set(list_parameter("trip_status")["enum"])
    assert {listing.group_of(status) for status in statuses_enum()} == groups


def test_groups_split_live_ended_and_expired_trips(rides, me, clock):
    live = rides.create_trip(me, trip_body())
    flexible = rides.create_trip(
        me, trip_body(deferred_ride_options={"pickup_day": ny_date(START_MS)})
    )
    clock.advance(16)  # the on-demand trip finds no driver
    ended = rides.create_trip(me, trip_body())
    # The flexible ride expires at 6 A.M. in New York the next day (within 14 hours of the
    # start), the new trip finds no driver; all of them are kept for a day after that.
    clock.advance(14 * 3600)
    assert ids(rides.list_trips(me, "ACTIVE", 50, None)[0]) == []
    assert ids(rides.list_trips(me, "PAST", 50, None)[0]) == [ended.request_id, live.request_id]
    assert ids(rides.list_trips(me, "EXPIRED", 50, None)[0]) == [flexible.request_id]


def test_trips_past_their_lifetime_leave_the_list(rides, me, clock):
    kept = rides.create_trip(me, trip_body())
    clock.advance(16)  # no driver: the trip ends and is kept for a day
    assert ids(rides.list_trips(me, "PAST", 50, None)[0]) == [kept.request_id]
    clock.advance(24 * 3600)
    fresh = rides.create_trip(me, trip_body())
    for group in ("ACTIVE", "PAST", "EXPIRED"):
        listed = ids(rides.list_trips(me, group, 50, None)[0])
        assert kept.request_id not in listed
    assert ids(rides.list_trips(me, "ACTIVE", 50, None)[0]) == [fresh.request_id]


def test_newest_first_and_reverse_creation_within_a_millisecond(rides, me, clock):
    first = rides.create_trip(me, trip_body())
    second = rides.create_trip(me, trip_body())
    clock.advance(0.001)
    third = rides.create_trip(me, trip_body())
    page, next_key = rides.list_trips(me, "ACTIVE", 50, None)
    assert ids(page) == [third.request_id, second.request_id, first.request_id]
    assert next_key is None


def test_pages_neither_skip_nor_repeat_while_trips_are_created(rides, me, clock):
    before = []
    for _ in range(7):
        before.append(rides.create_trip(me, trip_body()).request_id)
        if len(before) % 2:
            clock.advance(0.001)
    seen: list[str] = []
    page, key = rides.list_trips(me, "ACTIVE", 3, None)
    seen += ids(page)
    while key is not None:
        rides.create_trip(me, trip_body())  # created between two pages, in the same ms
        clock.advance(0.001)
        rides.create_trip(me, trip_body())  # and a millisecond later
        page, key = rides.list_trips(me, "ACTIVE", 3, key)
        seen += ids(page)
    assert seen == list(reversed(before))


def test_the_last_page_has_no_key(rides, me):
    for _ in range(4):
        rides.create_trip(me, trip_body())
    page, key = rides.list_trips(me, "ACTIVE", 2, None)
    page, key = rides.list_trips(me, "ACTIVE", 2, key)
    assert len(page) == 2 and key is None


@pytest.mark.parametrize("key", ["nonsense", "eyJyIjoxfQ", listing.encode_key((1, 2))[:-1] + "A"])
def test_a_key_the_server_did_not_issue_is_refused(rides, me, key):
    with pytest.raises(ValidationFailed):
        rides.list_trips(me, "ACTIVE", 50, key)


def test_only_the_callers_trips_are_listed(rides, me):
    mine = rides.create_trip(me, trip_body())
    rides.create_trip(Caller("app-two"), trip_body())
    org_trip = rides.create_trip(Caller("app-one", ORG), trip_body())
    other_org = Caller("app-one", "11111111-1111-4111-8111-111111111111")
    assert ids(rides.list_trips(me, "ACTIVE", 50, None)[0]) == [
        org_trip.request_id,
        mine.request_id,
    ]
    assert ids(rides.list_trips(other_org, "ACTIVE", 50, None)[0]) == [mine.request_id]


# -------------------------------------------------------------------------- HTTP


@pytest.fixture
def client():
    return client_for(make_sandbox())


@pytest.fixture
def auth(client):
    return token(client)


@pytest.fixture
def ridden(client, auth):
    """``auth`` plus the run header: creating a trip needs a sandbox run by default."""
    return with_run(client, auth)


def test_no_trips_answer_an_empty_list(client, auth):
    answer = client.get(TRIPS, headers=auth)
    assert answer.status_code == 200 and answer.json() == {"trips": []}


def test_limit_defaults_to_the_documents_default(client, auth, ridden):
    default = list_parameter("limit")["default"]
    for _ in range(default + 1):
        assert client.post(TRIPS, json=trip_body(), headers=ridden).status_code == 200
    first = client.get(TRIPS, headers=auth).json()
    assert len(first["trips"]) == default and first["next_key"]
    rest = client.get(TRIPS, params={"start_key": first["next_key"]}, headers=auth).json()
    assert len(rest["trips"]) == 1 and "next_key" not in rest


def test_paging_over_http_with_creates_between_pages(client, auth, ridden):
    made = [
        client.post(TRIPS, json=trip_body(), headers=ridden).json()["request_id"] for _ in range(5)
    ]
    seen: list[str] = []
    params: dict[str, object] = {"limit": 2, "trip_status": "ACTIVE"}
    while True:
        page = client.get(TRIPS, params=params, headers=auth)
        assert page.status_code == 200
        seen += [trip["request_id"] for trip in page.json()["trips"]]
        if "next_key" not in page.json():
            break
        client.post(TRIPS, json=trip_body(), headers=ridden)
        params["start_key"] = page.json()["next_key"]
    assert seen == list(reversed(made))


def test_list_items_have_editable_fields_only_when_asked(client, auth, ridden):
    client.post(TRIPS, json=trip_body(), headers=ridden)
    plain = client.get(TRIPS, headers=auth).json()["trips"][0]
    asked = client.get(TRIPS, params={"include_editable_fields": "true"}, headers=auth)
    assert "editable_fields" not in plain
    assert "editable_fields" in asked.json()["trips"][0]


@pytest.mark.parametrize(
    "params", [{"trip_status": "SOON"}, {"limit": 0}, {"start_key": "not-a-key"}]
)
def test_invalid_list_parameters_answer_400(client, auth, params):
    answer = client.get(TRIPS, params=params, headers=auth)
    assert answer.status_code == 400 and answer.json()["code"] == "validation_failed"
