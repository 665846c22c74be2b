"""Communication: the proxy number between one participant and a trip's driver.

A session can be opened until the trip ends. Opening it again with another number keeps
the proxy number and replaces the participant. A number already connected to another
live trip of the tenant is refused (Uber's duplicate-participant rule).
"""

from __future__ import annotations

from .errors import SessionRejected
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
        other = tenant.trips[holder]
        life.settle(tenant, other, now)
        other_session = tenant.sessions[holder]
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
