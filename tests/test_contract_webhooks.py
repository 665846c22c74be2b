"""The contract suite's webhook checks (contract_tests/webhooks.py), on deliveries made here."""

from __future__ import annotations

import copy
import json
import uuid
from typing import Any

import httpx
import pytest

from contract_tests import run as run_state
from contract_tests import target, webhooks
from contract_tests.suite import raw_document
from contract_tests.webhooks import Received
from uber_guest_rides_webhooks import sign
from uber_guest_rides_webhooks.listen import EventSchemas

SECRET = "primary-secret"
TRIP = "3ad3b5f5-7126-4fea-b7c0-330b48811d6a"
LIFE = ["processing", "accepted", "arriving", "in_progress", "completed"]


def _event(status: str, trip: str = TRIP, event_id: str | None = None) -> dict[str, Any]:
    example = raw_document()["components"]["examples"]["TripStatusChangedAccepted"]["value"]
    event = copy.deepcopy(example)
    event["event_id"] = event_id or str(uuid.uuid4())
    event["meta"] = {**event["meta"], "resource_id": trip, "status": status}
    event["resource_href"] = f"http://127.0.0.1:8000/v1/guests/trips/{trip}"
    return event


def _received(event: dict[str, Any], index: int = 0, role: str = "primary", **kw: Any) -> Received:
    body = json.dumps(event).encode()
    headers = {"x-uber-signature": sign(body, kw.get("secret", SECRET)), "x-environment": "sandbox"}
    headers.update(kw.get("headers", {}))
    return Received(role, index, kw.get("body", body), headers)


def _arrivals(*statuses: str) -> list[Received]:
    return [_received(_event(status), index) for index, status in enumerate(statuses)]


def test_one_event_per_status_change_in_order_passes() -> None:
    assert webhooks.status_change_problems(TRIP, LIFE, _arrivals(*LIFE)) == []


def test_a_redelivered_event_id_counts_once() -> None:
    arrivals = _arrivals(*LIFE)
    again = Received("primary", 9, arrivals[1].body, arrivals[1].headers)
    ordered = [*arrivals[:2], again, *arrivals[2:]]
    ordered = [Received(r.role, i, r.body, r.headers) for i, r in enumerate(ordered)]
    assert webhooks.status_change_problems(TRIP, ["processing", *LIFE], ordered) == []


def test_a_missing_status_event_is_named() -> None:
    (problem,) = webhooks.status_change_problems(
        TRIP, LIFE, _arrivals("processing", "accepted", "in_progress", "completed")
    )
    assert "no guests.trips.status_changed for arriving" in problem


def test_two_event_ids_for_one_change_are_a_duplicate() -> None:
    problems = webhooks.status_change_problems(
        TRIP,
        LIFE,
        _arrivals("processing", "accepted", "accepted", "arriving", "in_progress", "completed"),
    )
    assert any(
        "2 events with different event_ids for the change to accepted" in p for p in problems
    )


def test_swapped_status_events_are_out_of_order() -> None:
    (problem,) = webhooks.status_change_problems(
        TRIP, LIFE, _arrivals("accepted", "processing", "arriving", "in_progress", "completed")
    )
    assert "went back from accepted to processing" in problem


def test_an_event_for_a_status_never_seen_is_reported() -> None:
    problems = webhooks.status_change_problems(TRIP, LIFE, _arrivals(*LIFE, "driver_canceled"))
    assert any("driver_canceled, a status the flow never saw" in p for p in problems)


def test_events_of_other_trips_and_driver_positions_are_not_counted() -> None:
    other = _received(_event("accepted", trip=str(uuid.uuid4())), 10)
    location = _event("accepted")
    location["event_type"] = "guests.trips.driver_location"
    arrivals = [*_arrivals(*LIFE), other, _received(location, 11)]
    assert webhooks.status_change_problems(TRIP, LIFE, arrivals) == []


def test_signature_is_checked_over_the_raw_body_with_the_receivers_secret() -> None:
    good = _received(_event("accepted"))
    assert webhooks.signature_problems([good], {"primary": SECRET}) == []
    other_secret = _received(_event("accepted"), secret="second-secret")
    reencoded = Received("primary", 1, json.dumps(good.event, indent=1).encode(), good.headers)
    problems = webhooks.signature_problems([other_secret, reencoded], {"primary": SECRET})
    assert len(problems) == 2 and "X-Uber-Signature" in problems[0]


def test_an_event_for_another_applications_trip_is_reported() -> None:
    owners = {TRIP: "primary"}
    assert webhooks.foreign_trip_problems([_received(_event("accepted"))], owners) == []
    (problem,) = webhooks.foreign_trip_problems(
        [_received(_event("accepted"), role="second")], owners
    )
    assert "belongs to the primary application" in problem
    # A trip the suite did not create is not judged.
    unknown = _received(_event("accepted", trip=str(uuid.uuid4())), role="second")
    assert webhooks.foreign_trip_problems([unknown], owners) == []


def test_bodies_and_headers_are_checked_against_the_documents_webhooks() -> None:
    schemas = EventSchemas(raw_document())
    assert webhooks.document_problems([_received(_event("accepted"))], schemas) == []
    wrong = _event("accepted")
    wrong["event_time"] = "yesterday"
    unsigned = _received(_event("accepted"))
    unsigned = Received("primary", 1, unsigned.body, {"x-environment": "sandbox"})
    problems = webhooks.document_problems([_received(wrong), unsigned], schemas)
    assert len(problems) == 2
    assert "event_time" in problems[0] and "x-uber-signature: missing" in problems[1]


def test_the_receiver_keeps_each_delivery_as_it_arrived() -> None:
    receiver = webhooks.Receiver(("primary", "second")).start()
    try:
        body = b'{"event_id": "x"}'
        answer = httpx.post(
            receiver.url("second"), content=body, headers={"X-Uber-Signature": "ab"}
        )
        assert answer.status_code == 200
        assert httpx.post(receiver.base_url + "/elsewhere", content=b"{}").status_code == 404
        assert httpx.post(receiver.url("nobody"), content=b"{}").status_code == 404
        (kept,) = receiver.received()
        assert (kept.role, kept.body, kept.headers["x-uber-signature"]) == ("second", body, "ab")
    finally:
        receiver.stop()


def test_against_a_remote_server_the_webhook_checks_are_skipped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("CONTRACT_TARGET", "CONTRACT_APPS", "CONTRACT_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("BASE_URL", "https://sandbox-api.uber.com")
    monkeypatch.setenv("UBER_TOKEN", "token")
    run = run_state.reset(target.from_env())
    try:
        with webhooks.receiving() as receiving:
            assert receiving is None
        assert set(run.skipped) == set(webhooks.CHECKS)
        assert all("register" in why for why in run.skipped.values())
    finally:
        run_state.reset()
