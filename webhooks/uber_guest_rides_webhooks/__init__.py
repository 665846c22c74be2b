"""Verify and parse the webhooks of Uber's Guest Rides API.

Uber signs each webhook request with ``X-Uber-Signature``: the hexadecimal HMAC-SHA256 of
the raw request body, keyed with the application's client secret. Check it over the bytes
exactly as received (before parsing JSON), then parse the event into the generated models::

    from uber_guest_rides_webhooks import InvalidSignature, construct_event

    try:
        event = construct_event(raw_body, headers.get("X-Uber-Signature"), client_secret)
    except InvalidSignature:
        return 400  # not from Uber, or altered on the way
    if event.event_type == "guests.trips.status_changed":
        print(event.meta.resource_id, event.meta.status)

Events arrive at least once: de-duplicate on ``event.event_id``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import typing
from collections.abc import Mapping
from typing import Any, TypeAlias

from uber_guest_rides_client import models
from uber_guest_rides_client.models import TripDriverLocationEvent, TripStatusChangedEvent

__all__ = [
    "ENVIRONMENT_HEADER",
    "EVENT_MODELS",
    "SIGNATURE_HEADER",
    "Event",
    "InvalidEvent",
    "InvalidSignature",
    "WebhookError",
    "construct_event",
    "parse_event",
    "sign",
    "verify_signature",
]

SIGNATURE_HEADER = "X-Uber-Signature"
ENVIRONMENT_HEADER = "X-Environment"

Event: TypeAlias = TripStatusChangedEvent | TripDriverLocationEvent


def _event_type_of(model: type[Event]) -> str:
    """The `event_type` a model accepts, read from its generated `Literal` annotation."""
    hints = typing.get_type_hints(model, localns=vars(models))
    (value,) = typing.get_args(hints["event_type"])
    return str(value)


# event_type -> the generated model of its body (the document's `const` of each event).
EVENT_MODELS: Mapping[str, type[Event]] = {
    _event_type_of(model): model for model in (TripStatusChangedEvent, TripDriverLocationEvent)
}


class WebhookError(ValueError):
    """A webhook request that must not be processed."""


class InvalidSignature(WebhookError):
    """The signature is missing or does not match the body and the secret."""


class InvalidEvent(WebhookError):
    """The body is not a Guest Rides event this package knows."""


def _key(secret: str | bytes) -> bytes:
    return secret.encode("utf-8") if isinstance(secret, str) else bytes(secret)


def sign(body: bytes, secret: str | bytes) -> str:
    """The ``X-Uber-Signature`` of ``body``: hex HMAC-SHA256 keyed with ``secret``."""
    return hmac.new(_key(secret), body, hashlib.sha256).hexdigest()


def verify_signature(body: bytes, signature: str | None, secret: str | bytes) -> bool:
    """Whether ``signature`` is the signature of the raw ``body`` under ``secret``.

    The comparison takes the same time wherever the first difference is (no timing
    leak); hex digits are compared without regard to case.
    """
    if not signature:
        return False
    try:
        given = signature.strip().lower().encode("ascii")
    except UnicodeEncodeError:
        return False
    return hmac.compare_digest(sign(body, secret).encode("ascii"), given)


def parse_event(payload: bytes | str | Mapping[str, Any]) -> Event:
    """The event in ``payload`` (a raw body or a decoded object) as its generated model.

    Raises `InvalidEvent` when the payload is not JSON, names an unknown ``event_type`` or
    lacks a field the document requires.
    """
    if isinstance(payload, bytes | str):
        try:
            payload = json.loads(payload)
        except ValueError as error:
            raise InvalidEvent(f"the body is not JSON: {error}") from None
    if not isinstance(payload, Mapping):
        raise InvalidEvent("the body is not a JSON object")
    event_type = payload.get("event_type")
    model = EVENT_MODELS.get(event_type) if isinstance(event_type, str) else None
    if model is None:
        raise InvalidEvent(f"unknown event_type {event_type!r}")
    try:
        return model.from_dict(payload)
    except KeyError as error:
        raise InvalidEvent(f"{event_type}: missing field {error.args[0]!r}") from None
    except (TypeError, ValueError, AttributeError) as error:
        raise InvalidEvent(f"{event_type}: {error}") from None


def construct_event(body: bytes, signature: str | None, secret: str | bytes) -> Event:
    """Verify ``signature`` over the raw ``body``, then parse it.

    Raises `InvalidSignature` before looking at the body when the signature does not
    match, and `InvalidEvent` when a correctly signed body is not a known event.
    """
    if not verify_signature(body, signature, secret):
        raise InvalidSignature(f"{SIGNATURE_HEADER} does not match the body")
    return parse_event(body)
