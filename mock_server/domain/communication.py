"""Communication: the proxy number between one participant and a trip's driver.

A session can be opened until the trip ends. Opening it again with another number keeps
the proxy number and replaces the participant. A number already connected to another
live trip of the tenant is refused (Uber's duplicate-participant rule).

Text messages and bridged calls to the driver need a driver: messages while one is
assigned (before that the channel is not ready: retry; after the trip, refused), calls
also once the trip completed. The sandbox checks them and delivers nothing.
"""

from __future__ import annotations

from . import trips as ts
from .errors import RetryRequest, SessionRejected, ValidationFailed
from .lifecycle import LifeCycle
from .sessions import Session
from .state import StateStore, TenantState
from .trips import Trip

DUPLICATE_SESSION = "Participant creation rejected due to possible duplication across sessions"
ENDED_TRIP_SESSION = (
    "The trip has ended; a communication session can only be created until the trip completes"
)


def open_session(
    store: StateStore,
    life: LifeCycle,
    tenant: TenantState,
    trip: Trip,
    phone_number: str,
    now: int,
) -> Session:
    """Open (or re-open for another number) the trip's session."""
    life.settle(tenant, trip, now)
    if trip.is_terminal:
        raise SessionRejected(ENDED_TRIP_SESSION)
    holder = tenant.session_by_participant.get(phone_number)
    if holder is not None and holder != trip.request_id:
        other = tenant.trips.get(holder)  # None: forgotten with its session (lifetimes)
        other_session = tenant.sessions.get(holder)
        if other is not None and other_session is not None:
            life.settle(tenant, other, now)
            if not other.is_terminal and other_session.can_connect(phone_number):
                raise SessionRejected(DUPLICATE_SESSION)
    session = tenant.sessions.get(trip.request_id)
    if session is None:
        session = Session(trip.request_id, store.next_proxy_number(), phone_number)
        tenant.sessions[trip.request_id] = session
    else:
        if tenant.session_by_participant.get(session.participant) == trip.request_id:
            del tenant.session_by_participant[session.participant]
        session.replace_participant(phone_number)
    tenant.session_by_participant[phone_number] = trip.request_id
    return session


def can_connect(
    life: LifeCycle, tenant: TenantState, trip: Trip, phone_number: str, now: int
) -> bool:
    """Whether ``phone_number`` can reach the driver through the trip's proxy number now."""
    session = tenant.sessions.get(trip.request_id)
    if session is None:
        return False
    life.settle(tenant, trip, now)
    return not trip.is_terminal and session.can_connect(phone_number)


# Messages reach the driver app while a driver is assigned; calls also after completion.
MESSAGE_READY = frozenset({ts.ACCEPTED, ts.ARRIVING, ts.IN_PROGRESS})
CALL_READY = MESSAGE_READY | {ts.COMPLETED}
MESSAGE_NOT_READY = "The ride communication is not ready to send or receive message yet"
MESSAGE_AFTER_END = "The trip has ended; messages can no longer be sent."
NO_DRIVER_TO_CALL = "The trip has no driver to call."


def send_message(life: LifeCycle, tenant: TenantState, trip: Trip, message: str, now: int) -> None:
    """Check a text for the trip's driver (the sandbox delivers it nowhere)."""
    life.settle(tenant, trip, now)
    if trip.status in MESSAGE_READY:
        return
    if trip.is_terminal:
        raise ValidationFailed(MESSAGE_AFTER_END)
    raise RetryRequest(MESSAGE_NOT_READY)


def call_driver(
    life: LifeCycle, tenant: TenantState, trip: Trip, phone_number: str, now: int
) -> None:
    """Check a call to bridge ``phone_number`` to the trip's driver (the sandbox rings nobody)."""
    life.settle(tenant, trip, now)
    if trip.status not in CALL_READY or trip.driver is None:
        raise ValidationFailed(NO_DRIVER_TO_CALL)
