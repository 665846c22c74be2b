"""What one request can pin in the sandbox's memory is bounded by the document.

Free-text and list fields carry ``maxLength``/``maxItems`` in the document; the sandbox
refuses longer values (400) and keeps only the properties the document declares. A field
marked ``x-truncate-at`` is accepted at any length and stored truncated. The limits are
read from the document here, as the sandbox reads them.
"""

from __future__ import annotations

from typing import Any

import pytest

from mock_server.spec import deref_schema

from .conftest import trip_body
from .http_support import client_for, document, make_sandbox, token, with_run

TRIPS = "/v1/guests/trips"


def create_schema(*path: str) -> dict[str, Any]:
    raw = document().raw
    node: Any = raw["components"]["schemas"]["CreateGuestTripRequest"]
    for name in path:
        node = deref_schema(raw, node)[0]
        node = node["properties"][name] if name != "[]" else node["items"]
    return deref_schema(raw, node)[0]


@pytest.fixture
def sandbox():
    return make_sandbox()


@pytest.fixture
def client(sandbox):
    return client_for(sandbox)


@pytest.fixture
def auth(client):
    return with_run(client, token(client))


def stored(sandbox, request_id):
    from mock_server.domain.service import Caller

    return sandbox.rides.get_trip(Caller("sandbox-client-id"), request_id)


@pytest.mark.parametrize(
    "path",
    [
        ("guest", "first_name"),
        ("guest", "last_name"),
        ("pickup", "address"),
        ("dropoff", "address"),
        ("note_for_driver",),
        ("expense_memo",),
    ],
)
def test_a_string_longer_than_its_documented_limit_is_refused(client, auth, path):
    limit = create_schema(*path)["maxLength"]
    body = trip_body()
    node = body
    for name in path[:-1]:
        node = node[name]
    node[path[-1]] = "x" * limit
    assert client.post(TRIPS, json=body, headers=auth).status_code == 200
    node[path[-1]] = "x" * (limit + 1)
    answer = client.post(TRIPS, json=body, headers=auth)
    assert answer.status_code == 400
    assert answer.json()["message"].startswith(".".join(path))


def test_more_contacts_to_notify_than_the_documented_limit_are_refused(client, auth):
    limit = create_schema("contacts_to_notify")["maxItems"]
    contacts = [
        {"phone_number": f"+1415555{i:04d}", "contact_event": ["TRIP_BEGAN"]}
        for i in range(limit + 1)
    ]
    ok = client.post(TRIPS, json=trip_body(contacts_to_notify=contacts[:limit]), headers=auth)
    assert ok.status_code == 200
    refused = client.post(TRIPS, json=trip_body(contacts_to_notify=contacts), headers=auth)
    assert refused.status_code == 400


def test_sender_display_name_is_accepted_at_any_length_and_stored_truncated(client, auth, sandbox):
    limit = create_schema("sender_display_name")["x-truncate-at"]
    answer = client.post(TRIPS, json=trip_body(sender_display_name="A" * 5000), headers=auth)
    assert answer.status_code == 200
    assert stored(sandbox, answer.json()["request_id"]).sender_display_name == "A" * limit


def test_properties_the_document_does_not_declare_are_not_stored(client, auth, sandbox):
    body = trip_body()
    body["pickup"]["place"] = {"place_id": "p1", "provider": "google_places", "junk": "x" * 9000}
    body["contacts_to_notify"] = [
        {"phone_number": "+14155550001", "contact_event": ["TRIP_BEGAN"], "junk": [1] * 900}
    ]
    body["junk"] = "x" * 9000
    answer = client.post(TRIPS, json=body, headers=auth)
    assert answer.status_code == 200
    trip = stored(sandbox, answer.json()["request_id"])
    assert trip.pickup.place == {"place_id": "p1", "provider": "google_places"}
    assert trip.contacts_to_notify == [
        {"phone_number": "+14155550001", "contact_event": ["TRIP_BEGAN"]}
    ]
