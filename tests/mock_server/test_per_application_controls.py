"""The local controls (clock, surge) change only the calling application's world."""

from __future__ import annotations

import pytest

from .conftest import START_MS, UBERX, trip_body
from .http_support import ORG, client_for, make_sandbox, token, with_run

TRIPS = "/v1/guests/trips"
CLOCK = "/__sandbox/clock"


@pytest.fixture
def client():
    return client_for(make_sandbox())


@pytest.fixture
def app_a(client):
    return with_run(
        client, {**token(client, "sandbox-3p-client-id"), "x-uber-organizationuuid": ORG}
    )


@pytest.fixture
def app_b(client):
    return with_run(client, token(client))


def test_one_applications_surge_does_not_give_another_a_409(client, app_a, app_b):
    surge = client.put(
        f"/__sandbox/products/{UBERX}/surge", json={"multiplier": 2.0}, headers=app_a
    )
    assert surge.status_code == 200
    assert client.post(TRIPS, json=trip_body(), headers=app_a).status_code == 409
    answer = client.post(TRIPS, json=trip_body(), headers=app_b)
    assert answer.status_code == 200, answer.text
    assert answer.json()["surge_multiplier"] == 1


def test_moving_one_applications_clock_31_days_does_not_expire_anothers_tokens(
    client, app_a, app_b
):
    moved = client.post(CLOCK, json={"advance_seconds": 31 * 86400}, headers=app_a)
    assert moved.json()["now_ms"] == START_MS + 31 * 86400 * 1000
    assert client.get(CLOCK, headers=app_b).json() == {"now_ms": START_MS}
    assert client.post(TRIPS, json=trip_body(), headers=app_b).status_code == 200
    # the application's own 30-day token lives on its own clock, so it has expired
    assert client.get(CLOCK, headers=app_a).status_code == 401


def test_one_applications_clock_does_not_settle_anothers_trips(client, app_a, app_b):
    created = client.post(TRIPS, json=trip_body(), headers=app_b).json()
    client.post(CLOCK, json={"advance_seconds": 3600}, headers=app_a)
    trip = client.get(f"{TRIPS}/{created['request_id']}", headers=app_b).json()
    assert trip["status"] == "processing"


def test_reset_brings_the_applications_clock_back_to_the_base_clock(client, app_b):
    client.post(CLOCK, json={"advance_seconds": 600}, headers=app_b)
    reset = client.post(CLOCK, json={"reset": True}, headers=app_b)
    assert reset.status_code == 200
    assert reset.json() == {"now_ms": START_MS}
    again = client.post(CLOCK, json={"now_ms": START_MS - 1}, headers=app_b)
    assert again.status_code == 400  # only reset goes backwards


def test_reset_false_is_not_a_move(client, app_b):
    assert client.post(CLOCK, json={"reset": False}, headers=app_b).status_code == 400
