"""``--rate-limits``: Uber's published limits, on the sandbox clock, read from the document."""

from __future__ import annotations

import pytest

from .conftest import trip_body
from .http_support import ORG, Stores, client_for, document, make_sandbox, token, with_run

TRIPS = "/v1/guests/trips"
MISSING = "00000000-0000-4000-8000-000000000000"
GET_TRIP = document().operations["getGuestTrip"].rate_limit
TOKENS = document().operations["createAccessToken"].rate_limit


@pytest.fixture
def sandbox():
    return make_sandbox(rate_limits=True)


@pytest.fixture
def client(sandbox):
    return client_for(sandbox)


@pytest.fixture
def auth(client):
    return with_run(client, token(client))


def use_up(client, url, headers, count):
    for _ in range(count):
        assert client.get(url, headers=headers).status_code == 404


def test_the_documented_limits_are_ubers_published_ones():
    assert (GET_TRIP.limit, GET_TRIP.window_seconds) == (200, 3600)
    assert (TOKENS.limit, TOKENS.window_seconds) == (100, 3600)
    assert document().operations["getSandboxClock"].rate_limit is None  # documents no 429


def test_one_request_over_the_limit_is_429_with_retry_after(client, auth):
    use_up(client, f"{TRIPS}/{MISSING}", auth, GET_TRIP.limit)
    answer = client.get(f"{TRIPS}/{MISSING}", headers=auth)
    assert answer.status_code == 429
    assert answer.json()["code"] == "too_many_requests"
    assert answer.json()["metadata"] == {"statusCode": "429"}
    assert answer.headers["retry-after"] == str(GET_TRIP.window_seconds)


def test_moving_the_clock_by_retry_after_lets_requests_through_again(client, auth):
    use_up(client, f"{TRIPS}/{MISSING}", auth, GET_TRIP.limit)
    client.post("/__sandbox/clock", json={"advance_seconds": 1800}, headers=auth)
    wait = int(client.get(f"{TRIPS}/{MISSING}", headers=auth).headers["retry-after"])
    assert wait == GET_TRIP.window_seconds - 1800
    client.post("/__sandbox/clock", json={"advance_seconds": wait}, headers=auth)
    assert client.get(f"{TRIPS}/{MISSING}", headers=auth).status_code == 404


def test_the_limit_is_per_endpoint_and_per_application(client, auth):
    use_up(client, f"{TRIPS}/{MISSING}", auth, GET_TRIP.limit)
    assert client.post(TRIPS, json=trip_body(), headers=auth).status_code == 200
    other = {**token(client, "sandbox-3p-client-id"), "x-uber-organizationuuid": ORG}
    assert client.get(f"{TRIPS}/{MISSING}", headers=other).status_code == 404


def test_worker_processes_count_against_one_limit_through_the_store(store_kind, tmp_path):
    """``--workers N``: each worker has its own connection to the one file (in memory, the
    workers' stand-in is two sandboxes on one store); the limit is the application's, not
    each worker's."""
    if store_kind == "sqlite":
        first, second = Stores.new(tmp_path / "shared.db"), Stores.new(tmp_path / "shared.db")
    else:
        first = second = Stores.new()
    one = client_for(make_sandbox(rate_limits=True, store=first))
    two = client_for(make_sandbox(rate_limits=True, store=second))
    auth = token(one)
    half = GET_TRIP.limit // 2
    use_up(one, f"{TRIPS}/{MISSING}", auth, half)
    use_up(two, f"{TRIPS}/{MISSING}", auth, GET_TRIP.limit - half)
    for client in (one, two):
        answer = client.get(f"{TRIPS}/{MISSING}", headers=auth)
        assert answer.status_code == 429, "a worker counted only its own requests"
        assert answer.headers["retry-after"] == str(GET_TRIP.window_seconds)


def test_communication_429_is_in_its_own_envelope(client, auth):
    url = f"{TRIPS}/{MISSING}/communication"
    body = {"phone_number": "+14155550000"}
    limit = document().operations["createTripCommunicationSession"].rate_limit.limit
    for _ in range(limit):
        client.put(url, json=body, headers=auth)
    answer = client.put(url, json=body, headers=auth)
    assert answer.status_code == 429
    assert answer.json()["errCode"] == "too_many_requests"
    assert "retry-after" in answer.headers


def test_the_101st_token_request_in_an_hour_is_429(client):
    form = {
        "client_id": "sandbox-client-id",
        "client_secret": "sandbox-client-secret",
        "grant_type": "client_credentials",
    }
    for _ in range(TOKENS.limit):
        assert client.post("/oauth/v2/token", data=form).status_code == 200
    answer = client.post("/oauth/v2/token", data=form)
    assert answer.status_code == 429
    assert answer.json()["error"] == "too_many_requests"
    assert int(answer.headers["retry-after"]) == TOKENS.window_seconds
    wrong = {**form, "client_secret": "wrong"}
    assert client.post("/oauth/v2/token", data=wrong).status_code == 401


def test_without_the_option_nothing_is_limited():
    client = client_for(make_sandbox())
    auth = token(client)
    use_up(client, f"{TRIPS}/{MISSING}", auth, GET_TRIP.limit + 50)


def test_the_101st_token_silently_revokes_the_first():
    client = client_for(make_sandbox())
    first = token(client)
    assert client.get("/__sandbox/clock", headers=first).status_code == 200
    for _ in range(100):
        token(client)
    assert client.get("/__sandbox/clock", headers=first).status_code == 401
