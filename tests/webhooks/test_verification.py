"""The verification helper users import: signatures over raw bodies, events as models."""

from __future__ import annotations

import json
from typing import Any

import pytest
from uber_guest_rides_client.models import TripDriverLocationEvent, TripStatusChangedEvent

from scripts.spec_tools import iter_examples, load_spec
from uber_guest_rides_webhooks import (
    EVENT_MODELS,
    InvalidEvent,
    InvalidSignature,
    construct_event,
    parse_event,
    sign,
    verify_signature,
)

SPEC = load_spec()
SECRET = "sandbox-client-secret"
WEBHOOK_EXAMPLES = [
    example
    for example in iter_examples(SPEC)
    if example.kind == "request" and example.schema_pointer.startswith("/webhooks/")
]


def body_of(example_value: dict[str, Any]) -> bytes:
    return json.dumps(example_value, separators=(",", ":")).encode()


def test_signature_is_hex_hmac_sha256_of_the_body() -> None:
    # RFC 4231, test case 2.
    assert (
        sign(b"what do ya want for nothing?", "Jefe")
        == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    )


def test_document_gives_an_example_of_every_event() -> None:
    named = {example.schema_pointer.split("/")[2] for example in WEBHOOK_EXAMPLES}
    assert named == set(SPEC["webhooks"]) == set(EVENT_MODELS)


@pytest.mark.parametrize("example", WEBHOOK_EXAMPLES, ids=lambda e: e.id)
def test_signed_document_example_is_accepted_and_parsed(example: Any) -> None:
    body = body_of(example.value)
    event = construct_event(body, sign(body, SECRET), SECRET)
    assert event.event_type == example.value["event_type"]
    assert event.to_dict() == example.value


@pytest.mark.parametrize("example", WEBHOOK_EXAMPLES, ids=lambda e: e.id)
def test_tampered_body_is_rejected(example: Any) -> None:
    body = body_of(example.value)
    signature = sign(body, SECRET)
    tampered = body.replace(b'"status":"', b'"status":"x', 1)
    assert tampered != body
    assert not verify_signature(tampered, signature, SECRET)
    with pytest.raises(InvalidSignature):
        construct_event(tampered, signature, SECRET)


def test_reserialized_json_does_not_verify() -> None:
    value = WEBHOOK_EXAMPLES[0].value
    body = json.dumps(value, indent=2).encode()
    assert not verify_signature(json.dumps(value).encode(), sign(body, SECRET), SECRET)


def test_signature_with_another_secret_is_rejected() -> None:
    body = body_of(WEBHOOK_EXAMPLES[0].value)
    assert not verify_signature(body, sign(body, "another-secret"), SECRET)


@pytest.mark.parametrize("signature", [None, "", "not-hex", "é" * 64, "0" * 64])
def test_missing_or_malformed_signature_is_rejected(signature: str | None) -> None:
    body = body_of(WEBHOOK_EXAMPLES[0].value)
    assert not verify_signature(body, signature, SECRET)


def test_signature_in_upper_case_hex_is_accepted() -> None:
    body = body_of(WEBHOOK_EXAMPLES[0].value)
    assert verify_signature(body, sign(body, SECRET).upper(), SECRET)
    assert verify_signature(body, sign(body, SECRET.encode()), SECRET)


def test_event_type_picks_the_model() -> None:
    by_type = {example.value["event_type"]: example.value for example in WEBHOOK_EXAMPLES}
    status = parse_event(by_type["guests.trips.status_changed"])
    location = parse_event(body_of(by_type["guests.trips.driver_location"]))
    assert isinstance(status, TripStatusChangedEvent)
    assert isinstance(location, TripDriverLocationEvent)
    assert (
        location.data.location.bearing
        == by_type["guests.trips.driver_location"]["data"]["location"]["bearing"]
    )


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[]",
        b'{"event_type": "guests.trips.receipt_ready"}',
        b'{"event_id": "e"}',
    ],
)
def test_body_that_is_not_a_known_event_is_rejected(body: bytes) -> None:
    with pytest.raises(InvalidEvent):
        parse_event(body)
    with pytest.raises(InvalidEvent):
        construct_event(body, sign(body, SECRET), SECRET)


def test_event_without_a_required_field_is_rejected() -> None:
    value = dict(next(e.value for e in WEBHOOK_EXAMPLES if "data" in e.value))
    del value["data"]
    with pytest.raises(InvalidEvent, match="data"):
        parse_event(value)


def test_status_outside_the_document_is_rejected() -> None:
    value = json.loads(body_of(WEBHOOK_EXAMPLES[0].value))
    value["meta"]["status"] = "teleported"
    with pytest.raises(InvalidEvent):
        parse_event(value)
