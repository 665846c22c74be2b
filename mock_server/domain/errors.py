"""Errors the domain raises. The HTTP edge maps each kind to a status and an envelope."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A business rule refused the request.

    ``code`` is the Uber error code the edge puts in the envelope; ``kind`` says which
    HTTP status family the edge should use (``invalid``, ``not_found``, ``conflict``,
    ``forbidden``).
    """

    kind = "invalid"

    def __init__(self, code: str, message: str, metadata: dict[str, Any] | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.metadata = metadata


class ValidationFailed(DomainError):
    """The request is well-formed but breaks a rule (400 ``validation_failed``)."""

    def __init__(self, message: str):
        super().__init__("validation_failed", message)


class InvalidPickupTime(DomainError):
    """A second scheduled ride for the same guest and time (400 ``invalid_pickup_time``)."""

    def __init__(self) -> None:
        super().__init__(
            "invalid_pickup_time", "You already have a ride scheduled for the selected time!"
        )


class NotFound(DomainError):
    kind = "not_found"

    def __init__(self, message: str = "Not found", code: str = "not_found"):
        super().__init__(code, message)


class FareConflict(DomainError):
    """409 ``surge`` or ``fare_expired``; ``metadata`` carries the new fare to retry with."""

    kind = "conflict"


class InvalidDriverState(DomainError):
    """A sandbox driver-state change that breaks the documented order."""

    def __init__(self, message: str):
        super().__init__("validation_failed", message)


class SessionRejected(DomainError):
    """The communication endpoint refused to create a session (``bad_request``)."""

    def __init__(self, message: str):
        super().__init__("bad_request", message)
