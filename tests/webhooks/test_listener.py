"""The local listener: verifies, checks against the document, prints, forwards."""

from __future__ import annotations

import copy
import io
import json
import threading
from typing import Any

import httpx
import pytest

from scripts.spec_tools import iter_examples, load_spec, spec_path
from uber_guest_rides_webhooks import sign
from uber_guest_rides_webhooks.listen import EventSchemas, Listener, make_server

from .receiver import receiver

SPEC = load_spec()
SECRET = "sandbox-client-secret"
EXAMPLES = {
    example.value["event_type"]: example.value
    for example in iter_examples(SPEC)
    if example.kind == "request" and example.schema_pointer.startswith("/webhooks/")
}
SCHEMAS = EventSchemas(SPEC)


def signed(value: dict[str, Any], secret: str = SECRET) -> tuple[bytes, dict[str, str]]:
    body = json.dumps(value).encode()
    return body, {
        "Content-Type": "application/json",
        "X-Uber-Signature": sign(body, secret),
        "X-Environment": "sandbox",
    }


def listener(**options: Any) -> tuple[Listener, io.StringIO]:
    out = io.StringIO()
    return Listener(SECRET, SCHEMAS, out=out, **options), out


def test_listener_checks_every_webhook_of_the_document() -> None:
    assert sorted(SCHEMAS.event_types) == sorted(SPEC["webhooks"])


@pytest.mark.parametrize("event_type", sorted(EXAMPLES))
def test_signed_valid_event_is_accepted_and_printed(event_type: str) -> None:
    target, out = listener()
    assert target.handle(*signed(EXAMPLES[event_type])) == 200
    line = out.getvalue()
    assert event_type in line
    assert EXAMPLES[event_type]["meta"]["resource_id"] in line
    assert "signature ok" in line and "document ok" in line


def test_tampered_event_is_answered_400_and_flagged() -> None:
    target, out = listener()
    body, headers = signed(EXAMPLES["guests.trips.status_changed"])
    assert target.handle(body.replace(b"accepted", b"arriving"), headers) == 400
    assert "signature MISMATCH" in out.getvalue()


def test_event_signed_with_another_secret_is_flagged() -> None:
    target, out = listener()
    assert target.handle(*signed(EXAMPLES["guests.trips.status_changed"], "other")) == 400
    assert "signature MISMATCH" in out.getvalue()


def test_event_breaking_the_document_is_answered_400_with_the_problem() -> None:
    value = copy.deepcopy(EXAMPLES["guests.trips.driver_location"])
    value["data"]["location"]["bearing"] = "0.70"
    target, out = listener()
    assert target.handle(*signed(value)) == 400
    text = out.getvalue()
    assert "signature ok" in text and "document VIOLATED" in text
    assert "data/location/bearing" in text


def test_event_without_the_environment_header_breaks_the_document() -> None:
    body, headers = signed(EXAMPLES["guests.trips.status_changed"])
    del headers["X-Environment"]
    target, out = listener()
    assert target.handle(body, headers) == 400
    assert "header x-environment: missing" in out.getvalue()


def test_unknown_event_type_breaks_the_document() -> None:
    value = dict(EXAMPLES["guests.trips.status_changed"], event_type="guests.trips.unknown")
    target, out = listener()
    assert target.handle(*signed(value)) == 400
    assert "not one of the document's webhooks" in out.getvalue()


def test_verified_event_is_forwarded_with_its_body_and_signature() -> None:
    with receiver(statuses=[200]) as endpoint:
        target, out = listener(forward_to=endpoint.url)
        body, headers = signed(EXAMPLES["guests.trips.status_changed"])
        assert target.handle(body, headers) == 200
        (forwarded,) = endpoint.wait_for(1)
    assert forwarded.body == body
    assert forwarded.headers["x-uber-signature"] == headers["X-Uber-Signature"]
    assert forwarded.headers["x-environment"] == "sandbox"
    assert f"-> {endpoint.url} 200" in out.getvalue()


def test_forward_target_failure_is_passed_back_to_the_sender() -> None:
    with receiver(statuses=[503]) as endpoint:
        target, _ = listener(forward_to=endpoint.url)
        assert target.handle(*signed(EXAMPLES["guests.trips.status_changed"])) == 503


def test_unreachable_forward_target_answers_502() -> None:
    with receiver() as endpoint:
        url = endpoint.url
    target, out = listener(forward_to=url)
    assert target.handle(*signed(EXAMPLES["guests.trips.status_changed"])) == 502
    assert "unreachable" in out.getvalue()


def test_rejected_event_is_not_forwarded() -> None:
    with receiver() as endpoint:
        target, _ = listener(forward_to=endpoint.url)
        body, headers = signed(EXAMPLES["guests.trips.status_changed"], "other")
        assert target.handle(body, headers) == 400
        assert endpoint.requests == []


def test_listener_server_answers_over_http() -> None:
    target, out = listener()
    server = make_server(target, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        body, headers = signed(EXAMPLES["guests.trips.driver_location"])
        assert httpx.post(url, content=body, headers=headers).status_code == 200
        body, headers = signed(EXAMPLES["guests.trips.driver_location"], "other")
        assert httpx.post(url, content=body, headers=headers).status_code == 400
    finally:
        server.shutdown()
        thread.join()
        server.server_close()
    assert target.received == 2 and target.accepted == 1


def test_listener_loads_the_document_from_a_file() -> None:
    assert EventSchemas.load(spec_path()).event_types == SCHEMAS.event_types
