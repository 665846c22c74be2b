"""Every error the sandbox raises on purpose, in one tree.

    SandboxError
    ├── ClientError          the request was refused: documented, answered in an envelope
    │   ├── ValidationFailed, InvalidPickupTime, InvalidDriverState   (400 family)
    │   ├── RetryRequest                                              (400 ``retry_request``)
    │   ├── Forbidden                                                 (403)
    │   ├── NotFound                                                  (404)
    │   ├── FareConflict, Conflict                                    (409)
    │   └── SessionRejected                                           (400 ``bad_request``)
    └── InvariantViolation   the sandbox broke one of its own rules: a bug, never the client's
        └── IllegalTransition

The HTTP edge maps a ``ClientError`` to a documented status and envelope (and adds its own
edge errors to the same branch). An ``InvariantViolation`` is not a client's fault and is
never dressed up as one: strict mode lets it propagate (tests fail loudly), otherwise the
edge logs it and answers 500.
"""

from __future__ import annotations

from typing import Any


class SandboxError(Exception):
    """The root of the errors the sandbox raises on purpose."""


class ClientError(SandboxError):
    """A rule refused the request.

    ``code`` is the Uber error code the edge puts in the envelope; ``kind`` says which
    HTTP status family the edge should use (``invalid``, ``not_found``, ``conflict``).
    """

    kind = "invalid"

    def __init__(self, code: str, message: str, metadata: dict[str, Any] | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.metadata = metadata


class ValidationFailed(ClientError):
    """The request is well-formed but breaks a rule (400 ``validation_failed``)."""

    def __init__(self, message: str):
        super().__init__("validation_failed", message)


class InvalidPickupTime(ClientError):
    """A second scheduled ride for the same guest and time (400 ``invalid_pickup_time``)."""

    def __init__(self) -> None:
        super().__init__(
            "invalid_pickup_time", "You already have a ride scheduled for the selected time!"
        )


class RetryRequest(ClientError):
    """Not possible yet; the client should retry later (400 ``retry_request``)."""

    def __init__(self, message: str):
        super().__init__("retry_request", message)


class Forbidden(ClientError):
    """The sandbox does not allow this at all (403 ``forbidden``)."""

    kind = "forbidden"

    def __init__(self, message: str):
        super().__init__("forbidden", message)


class NotFound(ClientError):
    kind = "not_found"

    def __init__(self, message: str = "Not found", code: str = "not_found"):
        super().__init__(code, message)


class FareConflict(ClientError):
    """409 ``surge`` or ``fare_expired``; ``metadata`` carries the new fare to retry with."""

    kind = "conflict"


class Conflict(ClientError):
    """The request is valid but the state does not allow it now (409 ``conflict``)."""

    kind = "conflict"

    def __init__(self, message: str):
        super().__init__("conflict", message)


class InvalidDriverState(ClientError):
    """A sandbox driver-state change that breaks the documented order."""

    def __init__(self, message: str):
        super().__init__("validation_failed", message)


class SessionRejected(ClientError):
    """The communication endpoint refused to create a session (``bad_request``)."""

    def __init__(self, message: str):
        super().__init__("bad_request", message)


class InvariantViolation(SandboxError):
    """The sandbox's own state broke a rule it enforces: a bug in the sandbox."""


class IllegalTransition(InvariantViolation):
    """A trip was moved along an edge its life cycle does not have."""

    def __init__(self, current: str, wanted: str):
        super().__init__(f"A trip cannot go from {current} to {wanted}")
        self.current = current
        self.wanted = wanted
